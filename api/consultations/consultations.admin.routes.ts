import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { CONSULTATION_LIMITS } from '../../common/consultations.js';
import { AnswersPublished, ConsultationInput, DocumentPreview, ReportTexts, StaffConsultation, StaffConsultationDetail } from '../../common/consultations.schema.js';
import { ErrorEnvelopeSchema, ErrorResponses, IdParam, jsonContent, jsonRequest } from '../core/openapi.js';
import { assertDistrict, districtScope } from '../core/staff.rules.js';
import { createRouter } from '../core/validation.js';
import { staffRemarkRoutes } from './consultations.admin.remarks.routes.js';
import { countRemarks, findConsultations, findUnits, insertConsultation, staffCounts, toInput, toSummary } from './consultations.repository.js';
import { consultationScope, splitDocumentInput } from './consultations.rules.js';
import { ownConsultation, publishAnswers, saveConsultation, saveReportTexts } from './consultations.service.js';

/**
 * Staff section of consultations, mounted at /v1/admin/consultations by the staff router: create,
 * edit and publish the answers here, and the remarks (moderate, answer, export) on their own router.
 */
export const consultationAdminRoutes = createRouter();

consultationAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['consultations (staff)'],
    summary: 'Every consultation in the staff member\'s district scope, with the remarks waiting for moderation, for confirmation and for an answer',
    responses: { 200: jsonContent(z.object({ items: z.array(StaffConsultation) }), 'Consultations'), ...ErrorResponses },
  }),
  async (c) => {
    const now = new Date();
    const rows = await findConsultations(c.var.db, {}, now, districtScope(c.var.staff!));
    const counts = await staffCounts(c.var.db, rows.map((r) => r.row.id));
    c.header('Cache-Control', 'no-store');
    return c.json({ items: rows.map((r) => ({ ...toSummary(r.row, r.remarkCount, now), counts: counts.get(r.row.id)! })) }, 200);
  },
);

consultationAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['consultations (staff)'],
    summary: 'Create a consultation; start and end are Warsaw wall-clock times, and the document is split into units',
    request: jsonRequest(ConsultationInput),
    responses: { 201: jsonContent(z.object({ id: z.string() }), 'Created'), ...ErrorResponses },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const staff = c.var.staff!;
    assertDistrict(staff, consultationScope(input));
    const id = await insertConsultation(c.var.db, input, splitDocumentInput(input.document).units, { createdBy: staff.id });
    return c.json({ id }, 201);
  },
);

consultationAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/document/preview',
    tags: ['consultations (staff)'],
    summary: 'Split a pasted document into units without saving, for the form\'s preview, with warnings where its layout is unclear',
    request: jsonRequest(z.object({ document: z.string().max(CONSULTATION_LIMITS.document) })),
    responses: { 200: jsonContent(DocumentPreview, 'Units and warnings'), ...ErrorResponses },
  }),
  (c) => c.json(splitDocumentInput(c.req.valid('json').document), 200),
);

consultationAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['consultations (staff)'],
    summary: 'One consultation with its document, Warsaw local times and counts',
    request: { params: IdParam },
    responses: { 200: jsonContent(StaffConsultationDetail, 'Consultation'), ...ErrorResponses },
  }),
  async (c) => {
    const now = new Date();
    const row = await ownConsultation(c.var.db, c.var.staff!, c.req.valid('param').id);
    const { units, documentRemarkCount } = await findUnits(c.var.db, row.id);
    const input = toInput(row);
    const counts = (await staffCounts(c.var.db, [row.id])).get(row.id)!;
    c.header('Cache-Control', 'no-store');
    return c.json({
      ...toSummary(row, units.reduce((s, u) => s + u.remarkCount, documentRemarkCount), now), units, documentRemarkCount, informationClause: row.information_clause,
      document: row.document, startsLocal: input.startsLocal, endsLocal: input.endsLocal, counts, remarkTotal: await countRemarks(c.var.db, row.id),
      reportIntroduction: row.report_introduction, reportSummary: row.report_summary,
    }, 200);
  },
);

consultationAdminRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/{id}',
    tags: ['consultations (staff)'],
    summary:
      'Edit a consultation. An unchanged document keeps its units (and their ids) as stored. Once it has remarks, its document may change only where the units stay the same (409 `document_locked`); without remarks, units whose label stays keep their ids.',
    request: { params: IdParam, ...jsonRequest(ConsultationInput) },
    responses: { 200: jsonContent(z.object({ id: z.string() }), 'Saved'), 409: jsonContent(z.any(), 'Document locked'), ...ErrorResponses },
  }),
  async (c) => {
    const row = await ownConsultation(c.var.db, c.var.staff!, c.req.valid('param').id);
    const input = c.req.valid('json');
    assertDistrict(c.var.staff!, consultationScope(input));
    await saveConsultation(c.var, row, input);
    return c.json({ id: row.id }, 200);
  },
);

consultationAdminRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/{id}/report-texts',
    tags: ['consultations (staff)'],
    summary:
      `Write the report's own introduction and summary (each at most ${CONSULTATION_LIMITS.reportText} characters; null or empty: the computed text with figures from the data), before the report is published (409 \`conflict\` after). The HTML and DOCX report use them.`,
    request: { params: IdParam, ...jsonRequest(ReportTexts) },
    responses: { 200: jsonContent(ReportTexts, 'Saved'), 409: jsonContent(ErrorEnvelopeSchema, 'The report is published (`conflict`)'), ...ErrorResponses },
  }),
  async (c) => {
    const row = await ownConsultation(c.var.db, c.var.staff!, c.req.valid('param').id);
    return c.json(await saveReportTexts(c.var, row, c.req.valid('json')), 200);
  },
);

consultationAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/publish-answers',
    tags: ['consultations (staff)'],
    summary:
      'Publish the answers and the report: the consultation must be closed (409 `consultation_not_closed`), with every published remark answered (409 `unanswered_remarks`, `details.count`) and none waiting for moderation (409 `pending_remarks`, `details.count`). Each author is mailed their answer.',
    request: { params: IdParam },
    responses: { 200: jsonContent(AnswersPublished, 'Published'), 409: jsonContent(z.any(), 'Preconditions unmet'), ...ErrorResponses },
  }),
  async (c) => c.json(await publishAnswers(c.var, c.var.staff!, c.req.valid('param').id), 200),
);

consultationAdminRoutes.route('/', staffRemarkRoutes);
