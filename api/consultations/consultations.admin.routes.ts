import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AUTHOR_TYPE_LABELS, DECISION_LABELS, REMARK_STATUSES, consultationStatus } from '../../common/consultations.js';
import { parseDocument, type SplitDocument } from '../../common/consultations.document.js';
import {
  AnswerSaved, AnswersPublished, ConsultationInput, DocumentPreview, RemarkState, ResponseInput, StaffConsultation, StaffConsultationDetail, StaffRemark,
} from '../../common/consultations.schema.js';
import { CONSULTATION_LIMITS } from '../../common/consultations.js';
import type { StaffPrincipal } from '../core/auth.js';
import { assertDistrict } from '../core/staff.rules.js';
import type { AppEnv } from '../core/context.js';
import { csvResponse, toCsv } from '../core/csv.js';
import { ApiError, notFound, validationError } from '../core/errors.js';
import { mailLang } from '../core/mail.js';
import { ErrorResponses, IdParam, jsonContent } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { answeredMail, remarkRejectedMail, reportUrl, WHOLE_DOCUMENT } from './consultations.mail.js';
import {
  answerRemark, countRemarks, findConsultationRow, findConsultations, findRemark, findRemarks, findSupports, findUnit, findUnits, insertConsultation, markReported,
  setRemarkStatus, staffCounts, toInput, toPublicRemark, toSummary, unitsEqual, updateConsultation, type ConsultationRow,
} from './consultations.repository.js';

/** Staff section of consultations: create and edit, moderate, answer, publish the report, export. Mounted at /v1/admin/consultations by the staff router. */
export const consultationAdminRoutes = createRouter();

const RemarkParam = z.object({ remarkId: z.string().min(1).max(64) });
const scopeOf = (row: { district: number | null }) => (row.district === null ? null : [row.district]);
const staffOf = (c: Context<AppEnv>): StaffPrincipal => c.var.staff!;
/** District-scoped staff see only their district; admins and unscoped staff see all. */
const districtScope = (s: StaffPrincipal) => (s.role === 'admin' ? null : s.district);

/** A consultation the signed-in staff member may act on (404, or 403 outside their district). */
async function ownConsultation(c: Context<AppEnv>, id: string): Promise<ConsultationRow> {
  const row = await findConsultationRow(c.var.db, id);
  if (!row) throw notFound('Consultation');
  assertDistrict(staffOf(c), scopeOf(row));
  return row;
}

/** The remark and its consultation, in the staff member's district. */
async function ownRemark(c: Context<AppEnv>, remarkId: string) {
  const remark = await findRemark(c.var.db, remarkId);
  if (!remark) throw notFound('Remark');
  return { remark, row: await ownConsultation(c, remark.consultation_id) };
}

/** The document split into units, with the splitter's warnings; too many units is a field error on `document`. */
function split(document: string): SplitDocument {
  try {
    return parseDocument(document, CONSULTATION_LIMITS.units);
  } catch (err) {
    if (err instanceof RangeError) throw validationError([{ path: 'document', code: 'too_long', message: err.message }]);
    throw err;
  }
}

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
    const rows = await findConsultations(c.var.db, {}, now, districtScope(staffOf(c)));
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
    request: { body: { content: { 'application/json': { schema: ConsultationInput } }, required: true } },
    responses: { 201: jsonContent(z.object({ id: z.string() }), 'Created'), ...ErrorResponses },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const staff = staffOf(c);
    assertDistrict(staff, scopeOf(input));
    const id = await insertConsultation(c.var.db, input, split(input.document).units, { createdBy: staff.id });
    return c.json({ id }, 201);
  },
);

consultationAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/document/preview',
    tags: ['consultations (staff)'],
    summary: 'Split a pasted document into units without saving, for the form\'s preview, with warnings where its layout is unclear',
    request: { body: { content: { 'application/json': { schema: z.object({ document: z.string().max(CONSULTATION_LIMITS.document) }) } }, required: true } },
    responses: { 200: jsonContent(DocumentPreview, 'Units and warnings'), ...ErrorResponses },
  }),
  (c) => c.json(split(c.req.valid('json').document), 200),
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
    const row = await ownConsultation(c, c.req.valid('param').id);
    const { units, documentRemarkCount } = await findUnits(c.var.db, row.id);
    const input = toInput(row);
    const counts = (await staffCounts(c.var.db, [row.id])).get(row.id)!;
    c.header('Cache-Control', 'no-store');
    return c.json({
      ...toSummary(row, units.reduce((s, u) => s + u.remarkCount, documentRemarkCount), now), units, documentRemarkCount, informationClause: row.information_clause,
      document: row.document, startsLocal: input.startsLocal, endsLocal: input.endsLocal, counts, remarkTotal: await countRemarks(c.var.db, row.id),
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
    request: { params: IdParam, body: { content: { 'application/json': { schema: ConsultationInput } }, required: true } },
    responses: { 200: jsonContent(z.object({ id: z.string() }), 'Saved'), 409: jsonContent(z.any(), 'Document locked'), ...ErrorResponses },
  }),
  async (c) => {
    const { db } = c.var;
    const row = await ownConsultation(c, c.req.valid('param').id);
    const input = c.req.valid('json');
    assertDistrict(staffOf(c), scopeOf(input));
    // The same text is never split again: the units it was saved with stay, even if the splitter has improved since.
    const units = input.document === row.document ? null : split(input.document).units;
    const same = !units || (await unitsEqual(db, row.id, units));
    if (!same && (await countRemarks(db, row.id)) > 0) {
      throw new ApiError(409, 'document_locked', 'The consultation has remarks, so its units cannot change');
    }
    await updateConsultation(db, row.id, input, same ? null : units);
    return c.json({ id: row.id }, 200);
  },
);

consultationAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/remarks',
    tags: ['consultations (staff)'],
    summary: 'Remarks in any status (or one), with contact data and answers',
    request: { params: IdParam, query: z.object({ status: z.enum(REMARK_STATUSES).optional() }) },
    responses: { 200: jsonContent(z.object({ items: z.array(StaffRemark) }), 'Remarks'), ...ErrorResponses },
  }),
  async (c) => {
    const row = await ownConsultation(c, c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json({ items: await staffRemarks(c, row, c.req.valid('query').status) }, 200);
  },
);

async function staffRemarks(c: Context<AppEnv>, row: ConsultationRow, status?: (typeof REMARK_STATUSES)[number]) {
  const [remarks, supports] = await Promise.all([findRemarks(c.var.db, row.id, { status }), findSupports(c.var.db, row.id, { confirmedOnly: true })]);
  return remarks.map((r) => ({
    ...toPublicRemark(r, (supports.get(r.id) ?? []).map((s) => s.organisation_name), true),
    // Staff see what the author typed, whatever its type.
    organisationName: r.organisation_name,
    krs: r.krs,
    organisationId: r.organisation_id,
    status: r.status,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    answeredAt: r.answered_at,
  }));
}

consultationAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/remarks/{remarkId}/approve',
    tags: ['consultations (staff)'],
    summary: 'Publish a remark waiting for moderation',
    request: { params: RemarkParam },
    responses: { 200: jsonContent(RemarkState, 'Published'), 409: jsonContent(z.any(), 'Not pending'), ...ErrorResponses },
  }),
  async (c) => {
    const { remark } = await ownRemark(c, c.req.valid('param').remarkId);
    if (!(await setRemarkStatus(c.var.db, remark.id, ['pending'], 'published'))) throw new ApiError(409, 'conflict', `The remark is ${remark.status}, not pending`);
    return c.json({ id: remark.id, status: 'published' as const }, 200);
  },
);

consultationAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/remarks/{remarkId}/reject',
    tags: ['consultations (staff)'],
    summary: 'Reject a remark (spam, abuse): it leaves the public view. A confirmed author is mailed the reason. Not once the report is out.',
    request: { params: RemarkParam, body: { content: { 'application/json': { schema: z.object({ reason: z.string().trim().max(2000).optional() }) } }, required: false } },
    responses: { 200: jsonContent(RemarkState, 'Rejected'), 409: jsonContent(z.any(), 'Already rejected or reported'), ...ErrorResponses },
  }),
  async (c) => {
    const { db, mailer } = c.var;
    const { remark, row } = await ownRemark(c, c.req.valid('param').remarkId);
    if (row.reported_at) throw new ApiError(409, 'conflict', 'The report is published; its remarks can no longer change');
    const reason = (await c.req.json().catch(() => ({})) as { reason?: string }).reason?.trim() ?? '';
    if (!(await setRemarkStatus(db, remark.id, ['unconfirmed', 'pending', 'published'], 'rejected'))) throw new ApiError(409, 'conflict', 'The remark is already rejected');
    // Unconfirmed addresses are unverified: nobody proved they own them, so they get nothing.
    if (remark.status !== 'unconfirmed') {
      const lang = mailLang(remark.lang);
      const unit = remark.unit_id ? await findUnit(db, row.id, remark.unit_id) : null;
      await mailer.enqueue({ to: remark.contact_email, template: remarkRejectedMail, lang, data: { name: remark.contact_name, title: row.title, unit: unit?.label ?? WHOLE_DOCUMENT[lang], reason: reason || '—' } });
    }
    return c.json({ id: remark.id, status: 'rejected' as const }, 200);
  },
);

consultationAdminRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/remarks/{remarkId}/response',
    tags: ['consultations (staff)'],
    summary: 'Answer a published remark with a decision and its justification. Allowed any time; public only with the report.',
    request: { params: RemarkParam, body: { content: { 'application/json': { schema: ResponseInput } }, required: true } },
    responses: { 200: jsonContent(AnswerSaved, 'Saved'), 409: jsonContent(z.any(), 'Not published'), ...ErrorResponses },
  }),
  async (c) => {
    const { db } = c.var;
    const { remark, row } = await ownRemark(c, c.req.valid('param').remarkId);
    if (remark.status !== 'published') throw new ApiError(409, 'conflict', `Only published remarks are answered; this one is ${remark.status}`);
    const { decision, response } = c.req.valid('json');
    await answerRemark(db, remark.id, { decision, response, staffId: staffOf(c).id }, row.reported_at !== null);
    const saved = (await findRemark(db, remark.id))!;
    return c.json({ id: remark.id, decision, response, answeredAt: saved.answered_at! }, 200);
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
  async (c) => {
    const { db, mailer, config } = c.var;
    const row = await ownConsultation(c, c.req.valid('param').id);
    const status = consultationStatus({ startsAt: row.starts_at, endsAt: row.ends_at, reportedAt: row.reported_at }, new Date());
    if (status === 'reported') throw new ApiError(409, 'conflict', 'The answers are already published');
    if (status !== 'closed') throw new ApiError(409, 'consultation_not_closed', 'Answers are published after the consultation closes', { endsAt: row.ends_at });
    const counts = (await staffCounts(db, [row.id])).get(row.id)!;
    if (counts.pending > 0) throw new ApiError(409, 'pending_remarks', 'Some remarks still wait for moderation', { count: counts.pending });
    if (counts.unanswered > 0) throw new ApiError(409, 'unanswered_remarks', 'Some published remarks have no answer yet', { count: counts.unanswered });
    const now = new Date();
    const mailed = await db.transaction().execute(async (trx) => {
      if (!(await markReported(trx, row.id, now))) throw new ApiError(409, 'conflict', 'The answers are already published');
      const remarks = await findRemarks(trx, row.id, { status: 'published' });
      for (const r of remarks) {
        const lang = mailLang(r.lang);
        await mailer.enqueue(
          {
            to: r.contact_email, template: answeredMail, lang,
            data: { name: r.contact_name, title: row.title, unit: r.unit_label ?? WHOLE_DOCUMENT[lang], decision: r.decision ? DECISION_LABELS[r.decision][lang] : '', response: r.response ?? '', link: reportUrl(config, row.id, lang) },
          },
          trx,
        );
      }
      return remarks.length;
    });
    return c.json({ id: row.id, reportedAt: now.toISOString(), mailed }, 200);
  },
);

const CSV_COLUMNS = [
  ['id', 'Identyfikator'], ['status', 'Stan'], ['createdAt', 'Wpłynęła'], ['unitLabel', 'Jednostka redakcyjna'], ['authorType', 'Typ autora'], ['organisationName', 'Organizacja'],
  ['krs', 'KRS'], ['contactName', 'Osoba kontaktowa'], ['contactEmail', 'E-mail'], ['currentWording', 'Obecny zapis'], ['proposedWording', 'Proponowany zapis'],
  ['justification', 'Uzasadnienie'], ['supporters', 'Poparcie'], ['decision', 'Rozstrzygnięcie'], ['response', 'Uzasadnienie rozstrzygnięcia'], ['answeredAt', 'Odpowiedziano'],
] as const;

consultationAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/remarks.csv',
    tags: ['consultations (staff)'],
    summary: 'Every remark in any status with contact data, as CSV (UTF-8 with BOM, formula-safe). Staff only.',
    request: { params: IdParam },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...ErrorResponses },
  }),
  async (c) => {
    const row = await ownConsultation(c, c.req.valid('param').id);
    const items = (await staffRemarks(c, row)).map((r) => ({
      ...r, unitLabel: r.unitLabel ?? WHOLE_DOCUMENT.pl, authorType: AUTHOR_TYPE_LABELS[r.authorType].pl, supporters: r.supporters.map((s) => s.organisationName), decision: r.decision ? DECISION_LABELS[r.decision].pl : '',
    }));
    return csvResponse(c, `uwagi-${row.id}.csv`, toCsv(CSV_COLUMNS.map(([key, header]) => ({ key, header })), items)) as never;
  },
);
