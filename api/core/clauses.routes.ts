import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { CLAUSE_FORMS, isClauseForm, type ClauseForm } from '../../common/clauses.js';
import { Clause, ClauseInput, StaffClause } from '../../common/clauses.schema.js';
import { cachedRead } from './cache.js';
import { clausesVersion, readClause, readClauses, saveClause } from './clauses.js';
import { notFound } from './errors.js';
import { ErrorResponses, jsonContent, jsonRequest } from './openapi.js';
import { createRouter } from './validation.js';


/** An unknown form is a missing resource (404), not an invalid request. */
const FormParam = z.object({ form: z.string().max(64).meta({ description: `One of: ${CLAUSE_FORMS.join(', ')}`, example: 'map' }) });
const formOf = (form: string): ClauseForm => {
  if (!isClauseForm(form)) throw notFound('Form');
  return form;
};
const publicClause = ({ isDefault: _, ...clause }: StaffClause) => clause;

/** Information clauses of the forms that collect personal data. Mounted at /v1/clauses. */
export const clauseRoutes = createRouter();

clauseRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{form}',
    tags: ['clauses'],
    summary: "A form's information clause (RODO art. 13) in pl, en and uk: the deployment's text, or the default where none is configured",
    request: { params: FormParam },
    responses: { 200: jsonContent(Clause, 'The clause'), 304: { description: 'Not modified' }, ...ErrorResponses },
    middleware: [cachedRead((c) => clausesVersion(c.var.db), { maxAge: 300 })] as const,
  }),
  async (c) => c.json(publicClause(await readClause(c.var.db, formOf(c.req.valid('param').form))), 200),
);

/** Staff settings: the clause texts. Mounted at /v1/admin/settings by the staff router. */
export const clauseAdminRoutes = createRouter();

clauseAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/clauses',
    tags: ['settings (staff)'],
    summary: 'Every form\'s information clause, with the languages that use the default (admin)',
    responses: { 200: jsonContent(z.object({ items: z.array(StaffClause) }), 'Clauses'), ...ErrorResponses },
  }),
  async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ items: await readClauses(c.var.db) }, 200);
  },
);

clauseAdminRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/clauses/{form}',
    tags: ['settings (staff)'],
    summary: "Set a form's information clause; an empty text restores the language's default (admin)",
    request: { params: FormParam, ...jsonRequest(ClauseInput) },
    responses: { 200: jsonContent(StaffClause, 'The saved clause'), ...ErrorResponses },
  }),
  async (c) => {
    const form = formOf(c.req.valid('param').form);
    await saveClause(c.var.db, form, c.req.valid('json'));
    return c.json(await readClause(c.var.db, form), 200);
  },
);
