import { tAuditField, tAuditModule } from '../../common/audit.js';
import type { Lang } from '../../common/taxonomy.js';
import type { AuditLine } from '../core/audit.js';
import type { ExportTable } from '../core/export.js';

/** The audit log as a table: who (name, e-mail), module, action and item in words, the panel link, the time in Warsaw. */
export function auditTable(lines: readonly AuditLine[], lang: Lang, panelUrl: string): ExportTable {
  const h = (key: Parameters<typeof tAuditField>[1]) => tAuditField(lang, key);
  return {
    columns: [
      { key: 'at', header: h('at'), type: 'datetime' },
      { key: 'staff', header: h('staff') },
      { key: 'email', header: h('email') },
      { key: 'module', header: h('module') },
      { key: 'action', header: h('action') },
      { key: 'item', header: h('item') },
      { key: 'link', header: h('link') },
    ],
    rows: lines.map((l) => ({
      at: l.at,
      staff: l.staff ? (l.staff.name ?? l.staff.id) : h('system'),
      email: l.staff?.email ?? '',
      module: l.module ? tAuditModule(lang, l.module) : '',
      action: l.actionLabel,
      item: l.item?.title ?? l.subject ?? '',
      link: l.item?.link ? `${panelUrl}#${l.item.link}` : '',
    })),
  };
}
