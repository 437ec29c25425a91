import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as z from '../../common/zod.js';
import { AuditChoices, AuditFilter, AuditPage, AuditQuery } from '../../common/admin.schema.js';
import { tAuditModule } from '../../common/audit.js';
import { labelIn } from '../../common/i18n.js';
import { addDays, warsawMidnight } from '../../common/time.js';
import { TableQuery } from '../../common/export.schema.js';
import { auditActionsOf, describeAuditEntries, storedActions } from '../core/audit.js';
import type { AppEnv } from '../core/context.js';
import { ApiError } from '../core/errors.js';
import { sendTable, tableContent } from '../core/export.js';
import { ErrorResponses, jsonContent } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { auditTable } from './audit.export.js';
import { countAuditEntries, findAuditEntries, listAuditStaff, type AuditSearch } from './audit.repository.js';

/** The most entries one download holds; narrow the filters for more. */
const EXPORT_MAX = 20_000;

const invalid = (path: string, message: string) => new ApiError(422, 'validation_failed', message, { issues: [{ path, code: 'invalid_value', message }] });

/** The filters as a search of the log: an unknown module or action, or a range that ends before it starts, is a 422 at its field. */
function searchOf(c: Context<AppEnv>, f: z.output<typeof AuditFilter>): AuditSearch {
  const table = auditActionsOf(c.var.modules);
  if (f.module && ![...table.values()].some((a) => a.module === f.module)) throw invalid('module', 'Unknown module');
  if (f.action && !table.has(f.action)) throw invalid('action', 'Unknown action');
  if (f.from && f.to && f.to < f.from) throw invalid('to', 'The range ends before it starts');
  return {
    staffId: f.staff,
    actions: f.module || f.action ? storedActions(c.var.modules, { module: f.module, action: f.action }) : undefined,
    since: f.from ? warsawMidnight(f.from) : undefined,
    before: f.to ? warsawMidnight(addDays(f.to, 1)) : undefined,
  };
}

/** The audit log section (admin), read-only: no route here or anywhere changes an entry. Mounted at /v1/admin/audit by the staff router. */
export const auditRoutes = createRouter();

auditRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['staff'],
    summary: 'The audit log in words, newest first (admin)',
    description: 'Who (name and e-mail), what (the action in words, from the modules\' table of actions), which item (its title and the panel fragment that opens it) and when. Filters by staff member, module, action and Warsaw days; paged. The log is append-only: no route edits or deletes an entry.',
    request: { query: AuditQuery },
    responses: { 200: jsonContent(AuditPage, 'A page of entries'), ...ErrorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const search = searchOf(c, q);
    const [rows, total] = await Promise.all([findAuditEntries(c.var.db, search, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }), countAuditEntries(c.var.db, search)]);
    return c.json({ items: await describeAuditEntries(c.var.db, c.var.modules, rows, q.lang), total, page: q.page, pageSize: q.pageSize }, 200);
  },
);

auditRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/actions',
    tags: ['staff'],
    summary: 'The audit filters\' choices: each module with its actions in words, and the staff members (admin)',
    request: { query: z.object({ lang: z.enum(['pl', 'en', 'uk']).default('pl') }) },
    responses: { 200: jsonContent(AuditChoices, 'The choices'), ...ErrorResponses },
  }),
  async (c) => {
    const { lang } = c.req.valid('query');
    const modules = new Map<string, { slug: string; label: string; actions: { key: string; label: string }[] }>();
    for (const a of auditActionsOf(c.var.modules).values()) {
      const m = modules.get(a.module) ?? modules.set(a.module, { slug: a.module, label: tAuditModule(lang, a.module), actions: [] }).get(a.module)!;
      m.actions.push({ key: a.key, label: labelIn(a.def.labels, lang) });
    }
    return c.json({ modules: [...modules.values()], staff: await listAuditStaff(c.var.db) }, 200);
  },
);

auditRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/export',
    tags: ['staff'],
    summary: 'The audit log with the same filters as CSV or XLSX, in words and Warsaw times (admin; itself written to the log)',
    description: `At most ${EXPORT_MAX} entries, newest first; narrow the filters for more.`,
    request: { query: AuditFilter.extend(TableQuery.shape) },
    responses: { 200: { description: 'The file', content: tableContent }, ...ErrorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const rows = await findAuditEntries(c.var.db, searchOf(c, q), { limit: EXPORT_MAX, offset: 0 });
    const lines = await describeAuditEntries(c.var.db, c.var.modules, rows, q.lang);
    return sendTable(c, auditTable(lines, q.lang, c.var.config.staffPanelUrl), { format: q.format, dialect: q.dialect, name: 'dziennik-zdarzen', personal: true });
  },
);
