import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { REMARK_STATUSES } from '../../common/consultations.js';
import { AnswerSaved, RemarkState, ResponseInput, StaffRemark } from '../../common/consultations.schema.js';
import { TableQuery } from '../../common/export.schema.js';
import { LANGS } from '../../common/taxonomy.js';
import { sendTable, tableContent } from '../core/export.js';
import { ErrorResponses, IdParam, jsonContent, jsonRequest, RecordId } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { staffRemarksTable } from './consultations.remarks.export.js';
import { answerRemark, findRemark } from './consultations.repository.js';
import { assertAnswerable } from './consultations.rules.js';
import { approveRemark, ownConsultation, ownRemark, rejectRemark, staffRemarks } from './consultations.service.js';

/** A consultation's remarks as staff handle them: list, moderate, answer, export. Mounted at /v1/admin/consultations. */
export const staffRemarkRoutes = createRouter();

const RemarkParam = z.object({ remarkId: RecordId });

staffRemarkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/remarks',
    tags: ['consultations (staff)'],
    summary: 'Remarks in any status (or one), with contact data and answers',
    request: { params: IdParam, query: z.object({ status: z.enum(REMARK_STATUSES).optional() }) },
    responses: { 200: jsonContent(z.object({ items: z.array(StaffRemark) }), 'Remarks'), ...ErrorResponses },
  }),
  async (c) => {
    const row = await ownConsultation(c.var.db, c.var.staff!, c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json({ items: await staffRemarks(c.var.db, row, c.req.valid('query').status) }, 200);
  },
);

staffRemarkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/remarks/{remarkId}/approve',
    tags: ['consultations (staff)'],
    summary: 'Publish a remark waiting for moderation',
    request: { params: RemarkParam },
    responses: { 200: jsonContent(RemarkState, 'Published'), 409: jsonContent(z.any(), 'Not pending'), ...ErrorResponses },
  }),
  async (c) => c.json(await approveRemark(c.var, c.var.staff!, c.req.valid('param').remarkId), 200),
);

staffRemarkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/remarks/{remarkId}/reject',
    tags: ['consultations (staff)'],
    summary: 'Reject a remark (spam, abuse): it leaves the public view. A confirmed author is mailed the reason. Not once the report is out.',
    request: { params: RemarkParam, ...jsonRequest(z.object({ reason: z.string().trim().max(2000).optional() }), { required: false }) },
    responses: { 200: jsonContent(RemarkState, 'Rejected'), 409: jsonContent(z.any(), 'Already rejected or reported'), ...ErrorResponses },
  }),
  async (c) => {
    // The body is optional, so it is read here rather than validated.
    const reason = ((await c.req.json().catch(() => ({}))) as { reason?: string }).reason?.trim() ?? '';
    return c.json(await rejectRemark(c.var, c.var.staff!, c.req.valid('param').remarkId, reason), 200);
  },
);

staffRemarkRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/remarks/{remarkId}/response',
    tags: ['consultations (staff)'],
    summary: 'Answer a published remark with a decision and its justification. Allowed any time; public only with the report.',
    request: { params: RemarkParam, ...jsonRequest(ResponseInput) },
    responses: { 200: jsonContent(AnswerSaved, 'Saved'), 409: jsonContent(z.any(), 'Not published'), ...ErrorResponses },
  }),
  async (c) => {
    const { db } = c.var;
    const { remark, row } = await ownRemark(db, c.var.staff!, c.req.valid('param').remarkId);
    assertAnswerable(remark.status);
    const { decision, response } = c.req.valid('json');
    await answerRemark(db, remark.id, { decision, response, staffId: c.var.staff!.id }, row.reported_at !== null);
    const saved = (await findRemark(db, remark.id))!;
    return c.json({ id: remark.id, decision, response, answeredAt: saved.answered_at! }, 200);
  },
);

staffRemarkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/remarks/export',
    tags: ['consultations (staff)'],
    summary: 'Every remark in any state with contact data, as CSV (UTF-8 with BOM, formula-safe; `dialect=excel-pl` for `;`) or XLSX, with labels in `lang` and Warsaw times. Staff only; written to the audit log.',
    request: { params: IdParam, query: TableQuery.extend({ lang: z.enum(LANGS).default('pl') }) },
    responses: { 200: { description: 'The file', content: tableContent }, ...ErrorResponses },
  }),
  async (c) => {
    const { format, dialect, lang } = c.req.valid('query');
    const row = await ownConsultation(c.var.db, c.var.staff!, c.req.valid('param').id);
    const table = staffRemarksTable(await staffRemarks(c.var.db, row), lang);
    return sendTable(c, table, { format, dialect, name: `uwagi-${row.id}`, sheet: row.title, personal: true });
  },
);
