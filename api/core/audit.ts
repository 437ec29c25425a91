import type { Kysely } from 'kysely';
import { auditActionKey, storedAuditAction, tAuditField, type AuditActionDef } from '../../common/audit.js';
import { labelIn, type Lang } from '../../common/i18n.js';
import type { Database } from '../db/schema.js';
import type { AuditItem, AuditItemKind, ModuleManifest } from './module.js';

/**
 * The audit log kit: the table of actions gathered from the modules' manifests (`audit`), and the
 * stored entries turned into words (who, what, which item, when) for the audit section and its export.
 */

/** One row of the table of actions, with the module that contributed it. */
export interface AuditAction {
  /** `'PUT /v1/admin/guide/articles/{id}'` or a named action (`login`). */
  key: string;
  module: string;
  def: AuditActionDef;
  kind?: AuditItemKind;
}

const tables = new WeakMap<readonly ModuleManifest[], Map<string, AuditAction>>();

/** Every module's actions by key, in list order. A key declared twice, or an item kind a module does not define, throws. */
export function auditActionsOf(modules: readonly ModuleManifest[]): Map<string, AuditAction> {
  let table = tables.get(modules);
  if (table) return table;
  table = new Map();
  for (const m of modules) {
    for (const [key, def] of Object.entries(m.audit?.actions ?? {})) {
      if (table.has(key)) throw new Error(`Audit actions: "${key}" is declared by ${table.get(key)!.module} and ${m.slug}`);
      const kind = def.item ? m.audit?.items?.[def.item] : undefined;
      if (def.item && !kind) throw new Error(`Audit actions: "${key}" of ${m.slug} names the item kind "${def.item}", which its audit.items lacks`);
      table.set(key, { key, module: m.slug, def, kind });
    }
  }
  tables.set(modules, table);
  return table;
}

/** The stored action strings of the actions that match a module and an action key (either may be absent). */
export function storedActions(modules: readonly ModuleManifest[], filter: { module?: string; action?: string }): string[] {
  return [...auditActionsOf(modules).values()].filter((a) => (!filter.module || a.module === filter.module) && (!filter.action || a.key === filter.action)).map((a) => storedAuditAction(a.key));
}

/** An entry as stored, with its staff member's name and e-mail (null for one not signed in, or deleted). */
export interface StoredAuditEntry {
  id: string;
  at: string;
  action: string;
  subject: string | null;
  details: string | null;
  staff_id: string | null;
  staff_name: string | null;
  staff_email: string | null;
}

/** An entry in words. */
export interface AuditLine {
  id: string;
  at: string;
  staff: { id: string; name: string | null; email: string | null } | null;
  module: string | null;
  /** The action's key in the table of actions. */
  action: string;
  /** The action in words; "Other action" for one without a row. */
  actionLabel: string;
  item: AuditItem | null;
  subject: string | null;
  details: unknown;
}

const parse = (details: string | null): Record<string, unknown> | null => {
  if (!details) return null;
  try {
    const v: unknown = JSON.parse(details);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/**
 * The id of the item an entry concerns: the detail the action names (`param`), else the route's
 * last path parameter, else the id the write answered with (`itemId`), else a `<kind>:<id>` subject.
 */
export function auditItemId(key: string, def: AuditActionDef | undefined, details: Record<string, unknown> | null, subject: string | null): string | null {
  const name = def?.param ?? [...key.matchAll(/\{(\w+)\}/g)].pop()?.[1];
  const value = name ? details?.[name] : details?.itemId;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  const m = subject ? /^\w+:(.+)$/.exec(subject) : null;
  return m ? m[1]! : null;
}

/** Turns stored entries into words in `lang`, finding each kind of item once for the whole page. */
export async function describeAuditEntries(db: Kysely<Database>, modules: readonly ModuleManifest[], rows: readonly StoredAuditEntry[], lang: Lang): Promise<AuditLine[]> {
  const table = auditActionsOf(modules);
  const prepared = rows.map((r) => {
    const key = auditActionKey(r.action).replace(/(.)\/$/, '$1');
    const action = table.get(key);
    const details = parse(r.details);
    return { r, key, action, details, itemId: action?.kind ? auditItemId(key, action.def, details, r.subject) : null };
  });
  const wanted = new Map<AuditItemKind, Set<string>>();
  for (const p of prepared) if (p.action?.kind && p.itemId) (wanted.get(p.action.kind) ?? wanted.set(p.action.kind, new Set()).get(p.action.kind)!).add(p.itemId);
  const found = new Map<AuditItemKind, Map<string, AuditItem>>();
  for (const [kind, ids] of wanted) found.set(kind, await kind.find(db, [...ids], lang));
  return prepared.map(({ r, key, action, details, itemId }) => ({
    id: r.id,
    at: r.at,
    staff: r.staff_id ? { id: r.staff_id, name: r.staff_name, email: r.staff_email } : null,
    module: action?.module ?? null,
    action: key,
    actionLabel: action ? labelIn(action.def.labels, lang) : tAuditField(lang, 'unknown'),
    item: (action?.kind && itemId && found.get(action.kind)?.get(itemId)) || null,
    subject: r.subject,
    details,
  }));
}

/** A `{ pl, en, uk }` JSON column's text in `lang` (titles of surveys, topics), or the text itself when it is not JSON. */
export function jsonLabel(value: string | null | undefined, lang: Lang): string {
  if (!value) return '';
  try {
    const v: unknown = JSON.parse(value);
    if (v && typeof v === 'object') return labelIn(v as Record<Lang, string>, lang);
    return String(v);
  } catch {
    return value;
  }
}

/** An item kind found by one query over `ids`: `rows` gives each id with its title and link. */
export const itemKind = (rows: (db: Kysely<Database>, ids: readonly string[], lang: Lang) => Promise<readonly (AuditItem & { id: string })[]>): AuditItemKind => ({
  find: async (db, ids, lang) => new Map(ids.length ? (await rows(db, ids, lang)).map((r) => [r.id, { title: r.title, link: r.link }]) : []),
});
