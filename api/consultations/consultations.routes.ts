import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { ConsultationDetail, ConsultationList, ConsultationListQuery } from '../../common/consultations.schema.js';
import { LANGS } from '../../common/taxonomy.js';
import { cachedRead } from '../core/cache.js';
import { decodeCursor } from '../core/cursor.js';
import { clauseText } from '../core/clauses.js';
import { ErrorResponses, IdParam, jsonContent } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { remarkRoutes } from './consultations.remarks.routes.js';
import { reportRoutes } from './consultations.report.routes.js';
import { findConsultationPage, findUnits, toSummary } from './consultations.repository.js';
import { publicConsultation, readVersion } from './consultations.service.js';
import { supportRoutes } from './consultations.supports.routes.js';

/**
 * Public consultation API, mounted at /v1/consultations: the consultations here, and one router
 * per other resource (remarks, supports, the report).
 */
export const consultationRoutes = createRouter();

consultationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['consultations'],
    summary: 'Consultations, filtered by status and district (a district also gets the city-wide ones). Open first (closing soonest), then planned, then the past ones (latest first).',
    description: 'At most `limit` per page; `next` is the cursor of the following page (pass it as `after`, with the same filters). A cursor this server did not issue is a 422.',
    request: { query: ConsultationListQuery },
    responses: { 200: jsonContent(ConsultationList, 'Consultations'), 304: { description: 'Not modified' }, ...ErrorResponses },
    middleware: [cachedRead((c) => readVersion(c.var.db))] as const,
  }),
  async (c) => {
    const now = new Date();
    const q = c.req.valid('query');
    const page = await findConsultationPage(c.var.db, { status: q.status, district: q.district ?? null }, now, { limit: q.limit, after: q.after === undefined ? undefined : decodeCursor(q.after) });
    return c.json({ items: page.rows.map((r) => toSummary(r.row, r.remarkCount, now)), next: page.next }, 200);
  },
);

consultationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['consultations'],
    summary: 'One consultation with its units (document order) and their published-remark counts',
    description: 'Without a clause of its own, `informationClause` is the configured clause of the consultations form (GET /v1/clauses/consultations) in `lang`.',
    request: { params: IdParam, query: z.object({ lang: z.enum(LANGS).default('pl').meta({ description: 'Language of the fallback information clause' }) }) },
    responses: { 200: jsonContent(ConsultationDetail, 'The consultation'), 304: { description: 'Not modified' }, ...ErrorResponses },
    middleware: [cachedRead((c) => readVersion(c.var.db, { withClause: true }))] as const,
  }),
  async (c) => {
    const now = new Date();
    const row = await publicConsultation(c.var.db, c.req.valid('param').id);
    const { units, documentRemarkCount } = await findUnits(c.var.db, row.id);
    const remarkCount = units.reduce((s, u) => s + u.remarkCount, documentRemarkCount);
    const informationClause = row.information_clause.trim() || (await clauseText(c.var.db, 'consultations', c.req.valid('query').lang));
    return c.json({ ...toSummary(row, remarkCount, now), units, documentRemarkCount, informationClause }, 200);
  },
);

consultationRoutes.route('/', remarkRoutes);
consultationRoutes.route('/', supportRoutes);
consultationRoutes.route('/', reportRoutes);
