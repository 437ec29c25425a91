import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AUTHOR_TYPE_LABELS, NGO_AUDIENCE_AUTHORS, consultationStatus } from '../../common/consultations.js';
import {
  ConsultationDetail, ConsultationListQuery, ConsultationSummary, PublicRemark, RemarkAccepted, RemarkInput, RemarkListQuery, SupportInput,
} from '../../common/consultations.schema.js';
import { LANGS, type Lang } from '../../common/taxonomy.js';
import type { Config } from '../config.js';
import { guardAnonymousWrite } from '../core/abuse.js';
import { notModified } from '../core/cache.js';
import { clauseText, clausesVersion } from '../core/clauses.js';
import type { AppEnv } from '../core/context.js';
import { attachmentDisposition, csvResponse } from '../core/csv.js';
import { ApiError, notFound, validationError } from '../core/errors.js';
import { idempotent } from '../core/idempotency.js';
import type { Mailer } from '../core/mail.js';
import { ErrorResponses, IdParam, jsonContent } from '../core/openapi.js';
import { consumeSecretLink, createSecretLink } from '../core/secret-links.js';
import { createRouter } from '../core/validation.js';
import { staffToNotify } from '../admin/staff.repository.js';
import type { Database } from '../db/schema.js';
import type { Kysely } from 'kysely';
import { CONFIRM_TTL_MS, confirmRemarkMail, confirmSupportMail, consultationUrl, linkUrl, REMARK_LINK, remarkArrivedMail, SUPPORT_LINK, WHOLE_DOCUMENT } from './consultations.mail.js';
import {
  alreadySupports, confirmSupport, consultationsVersion, findConsultationRow, findConsultations, findOrganisationIdByKrs, findRemark, findRemarks, findSupport, findSupports, findUnit,
  findUnits, insertRemark, insertSupport, setRemarkStatus, statusClock, toPublicRemark, toSummary, type ConsultationRow,
} from './consultations.repository.js';
import { buildReport, reportCsv, reportHtml } from './consultations.report.js';
import { DOCX_TYPE, reportDocx, reportDocxFilename } from './consultations.report.docx.js';

/** Public consultation API. Mounted at /v1/consultations. */
export const consultationRoutes = createRouter();

const Token = z.object({ token: z.string().min(20).max(100) });

/** Public reads change with data and with the clock: a status flips at a start or an end. */
const MAX_AGE = 30;

/**
 * Conditional GET whose ETag covers the data version and the statuses the clock gives now, and
 * whose max-age never outlives the next status change.
 */
async function cachedRead(c: Context<AppEnv>, now: Date, withClause = false): Promise<Response | null> {
  const [version, clock, clauses] = await Promise.all([consultationsVersion(c.var.db), statusClock(c.var.db, now), withClause ? clausesVersion(c.var.db) : '']);
  const maxAge = clock.nextChangeMs === null ? MAX_AGE : Math.max(1, Math.min(MAX_AGE, Math.floor(clock.nextChangeMs / 1000)));
  return notModified(c, `${version}|${clock.epoch}|${clauses}`, maxAge);
}

/** A consultation the public may see; every consultation is public from its creation. */
async function publicConsultation(c: Context<AppEnv>, id: string): Promise<ConsultationRow> {
  const row = await findConsultationRow(c.var.db, id);
  if (!row) throw notFound('Consultation');
  return row;
}

consultationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['consultations'],
    summary: 'Consultations, filtered by status and district (a district also gets the city-wide ones). Open first (closing soonest), then planned, then the past ones (latest first).',
    request: { query: ConsultationListQuery },
    responses: { 200: jsonContent(z.object({ items: z.array(ConsultationSummary) }), 'Consultations'), 304: { description: 'Not modified' }, ...ErrorResponses },
  }),
  async (c) => {
    const now = new Date();
    const cached = await cachedRead(c, now);
    if (cached) return cached as never;
    const q = c.req.valid('query');
    const rows = await findConsultations(c.var.db, { status: q.status, district: q.district ?? null }, now);
    return c.json({ items: rows.map((r) => toSummary(r.row, r.remarkCount, now)) }, 200);
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
  }),
  async (c) => {
    const now = new Date();
    const cached = await cachedRead(c, now, true);
    if (cached) return cached as never;
    const row = await publicConsultation(c, c.req.valid('param').id);
    const { units, documentRemarkCount } = await findUnits(c.var.db, row.id);
    const remarkCount = units.reduce((s, u) => s + u.remarkCount, documentRemarkCount);
    const informationClause = row.information_clause.trim() || (await clauseText(c.var.db, 'consultations', c.req.valid('query').lang));
    return c.json({ ...toSummary(row, remarkCount, now), units, documentRemarkCount, informationClause }, 200);
  },
);

/** Published remarks as the public sees them. Decisions and responses appear with the report. */
async function publicRemarks(db: Kysely<Database>, row: ConsultationRow, filters: z.infer<typeof RemarkListQuery>) {
  const reported = row.reported_at !== null;
  // Decisions are not public before the report, so they cannot filter either.
  if (filters.decision && !reported) return [];
  const [remarks, supports] = await Promise.all([
    findRemarks(db, row.id, { ...filters, status: 'published' }),
    findSupports(db, row.id, { confirmedOnly: true }),
  ]);
  return remarks.map((r) => toPublicRemark(r, (supports.get(r.id) ?? []).map((s) => s.organisation_name), reported));
}

consultationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/remarks',
    tags: ['consultations'],
    summary: 'Published remarks, filtered by unit (`document` for the whole document), author type and decision. Decisions and responses are null until the report is published.',
    request: { params: IdParam, query: RemarkListQuery },
    responses: { 200: jsonContent(z.object({ items: z.array(PublicRemark) }), 'Remarks'), 304: { description: 'Not modified' }, ...ErrorResponses },
  }),
  async (c) => {
    const cached = await cachedRead(c, new Date());
    if (cached) return cached as never;
    const row = await publicConsultation(c, c.req.valid('param').id);
    return c.json({ items: await publicRemarks(c.var.db, row, c.req.valid('query')) }, 200);
  },
);

/** Refuses writes outside the window, by the server's clock. */
function assertOpen(row: ConsultationRow) {
  const status = consultationStatus({ startsAt: row.starts_at, endsAt: row.ends_at, reportedAt: row.reported_at }, new Date());
  if (status === 'planned') throw new ApiError(409, 'consultation_not_open', 'The consultation has not started yet', { startsAt: row.starts_at });
  if (status !== 'open') throw new ApiError(409, 'consultation_closed', 'The consultation is closed', { endsAt: row.ends_at });
}

/** Mails the staff who look after this consultation that a remark is waiting or published (once per remark). */
async function notifyStaff(db: Kysely<Database>, mailer: Mailer, config: Config, row: ConsultationRow, remark: { unitLabel: string | null; authorType: keyof typeof AUTHOR_TYPE_LABELS; status: 'pending' | 'published' }) {
  // Staff mails go out in Polish, the panel's working language.
  const status = { pending: 'czeka na moderację', published: 'opublikowana' }[remark.status];
  for (const to of await staffToNotify(db, row.district)) {
    await mailer.enqueue(
      { to, template: remarkArrivedMail, lang: 'pl', data: { title: row.title, unit: remark.unitLabel ?? WHOLE_DOCUMENT.pl, authorType: AUTHOR_TYPE_LABELS[remark.authorType].pl, status, link: consultationUrl(config, row.id, 'pl') } },
      db,
    );
  }
}

const remarkStatusAfterConfirmation = (row: ConsultationRow) => (row.moderation === 'pre' ? ('pending' as const) : ('published' as const));

consultationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/remarks',
    tags: ['consultations'],
    summary:
      'Submit a remark while the consultation is open (server clock). It waits for the e-mailed confirmation link when the consultation asks for one, then for moderation under pre-moderation. 409 `consultation_not_open` before the start, `consultation_closed` after the end.',
    request: { params: IdParam, body: { content: { 'application/json': { schema: RemarkInput } }, required: true } },
    responses: { 202: jsonContent(RemarkAccepted, 'Received'), 409: jsonContent(z.any(), 'Not open'), ...ErrorResponses },
    middleware: [idempotent('consultations:remark'), guardAnonymousWrite({ scope: 'consultations:remark', limit: 20, windowSec: 3600 })] as const,
  }),
  async (c) => {
    const { db, mailer, config } = c.var;
    const body = c.req.valid('json');
    const row = await publicConsultation(c, c.req.valid('param').id);
    assertOpen(row);
    if (row.audience === 'ngo' && !NGO_AUDIENCE_AUTHORS.includes(body.authorType)) {
      throw validationError([{ path: 'authorType', code: 'not_allowed', message: 'This consultation is for NGOs and informal groups only' }]);
    }
    const unit = body.unitId ? await findUnit(db, row.id, body.unitId) : null;
    if (body.unitId && !unit) throw validationError([{ path: 'unitId', code: 'invalid_value', message: 'No such unit in this consultation' }]);
    const resident = body.authorType === 'resident';
    const krs = resident ? null : body.krs;
    const status = row.require_confirmation ? ('unconfirmed' as const) : remarkStatusAfterConfirmation(row);
    const id = await db.transaction().execute(async (trx) => {
      const id = await insertRemark(trx, {
        consultationId: row.id,
        unitId: unit?.id ?? null,
        // The form prefills the unit's wording; a caller that leaves it out gets the same.
        currentWording: body.currentWording || unit?.text || '',
        proposedWording: body.proposedWording,
        justification: body.justification,
        authorType: body.authorType,
        // A resident's "organisation" would be their own name: never kept.
        organisationName: resident ? null : body.organisationName,
        krs,
        organisationId: krs ? await findOrganisationIdByKrs(trx, krs) : null,
        contactName: body.contact.name,
        contactEmail: body.contact.email,
        lang: body.lang,
        status,
      });
      if (status === 'unconfirmed') {
        const link = await createSecretLink(trx, { purpose: REMARK_LINK, subjectId: id, email: body.contact.email, ttlMs: CONFIRM_TTL_MS });
        await mailer.enqueue(
          { to: body.contact.email, template: confirmRemarkMail, lang: body.lang, data: { name: body.contact.name, title: row.title, unit: unit?.label ?? WHOLE_DOCUMENT[body.lang], link: linkUrl(config, row.id, 'confirm', link.token, body.lang) } },
          trx,
        );
      } else {
        await notifyStaff(trx, mailer, config, row, { unitLabel: unit?.label ?? null, authorType: body.authorType, status });
      }
      return id;
    });
    return c.json({ id, status }, 202);
  },
);

consultationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/remarks/confirm',
    tags: ['consultations'],
    summary: 'Confirm a remark with the e-mailed link (single use). Works after the close too, since the remark came in time, but not once the report is out.',
    request: { body: { content: { 'application/json': { schema: Token } }, required: true } },
    responses: { 200: jsonContent(z.object({ id: z.string(), consultationId: z.string(), status: z.enum(['pending', 'published']) }), 'Confirmed'), ...ErrorResponses },
  }),
  async (c) => {
    const { db, mailer, config } = c.var;
    const { token } = c.req.valid('json');
    const result = await db.transaction().execute(async (trx) => {
      const link = await consumeSecretLink(trx, token, REMARK_LINK);
      const remark = await findRemark(trx, link.subjectId);
      const row = remark && (await findConsultationRow(trx, remark.consultation_id));
      if (!remark || !row || remark.status !== 'unconfirmed') throw new ApiError(404, 'link_invalid', 'This link is invalid, expired or already used');
      if (row.reported_at) throw new ApiError(409, 'consultation_closed', 'The consultation report is already published');
      const status = remarkStatusAfterConfirmation(row);
      if (!(await setRemarkStatus(trx, remark.id, ['unconfirmed'], status))) throw new ApiError(404, 'link_invalid', 'This link is invalid, expired or already used');
      const unit = remark.unit_id ? await findUnit(trx, row.id, remark.unit_id) : null;
      await notifyStaff(trx, mailer, config, row, { unitLabel: unit?.label ?? null, authorType: remark.author_type, status });
      return { id: remark.id, consultationId: row.id, status };
    });
    return c.json(result, 200);
  },
);

consultationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/remarks/{remarkId}/supports',
    tags: ['consultations'],
    summary: 'Support a published remark instead of writing a duplicate, while the consultation is open. Counts once confirmed by the e-mailed link (when the consultation asks for it).',
    request: { params: IdParam.extend({ remarkId: z.string().min(1).max(64) }), body: { content: { 'application/json': { schema: SupportInput } }, required: true } },
    responses: { 202: jsonContent(z.object({ id: z.string(), status: z.enum(['unconfirmed', 'published']) }), 'Received'), ...ErrorResponses },
    middleware: [idempotent('consultations:support'), guardAnonymousWrite({ scope: 'consultations:support', limit: 20, windowSec: 3600 })] as const,
  }),
  async (c) => {
    const { db, mailer, config } = c.var;
    const { id, remarkId } = c.req.valid('param');
    const body = c.req.valid('json');
    const row = await publicConsultation(c, id);
    const remark = await findRemark(db, remarkId);
    if (!remark || remark.consultation_id !== row.id || remark.status !== 'published') throw notFound('Remark');
    assertOpen(row);
    if (await alreadySupports(db, remark, { name: body.organisationName, krs: body.krs })) {
      throw new ApiError(409, 'already_supported', 'This organisation already backs this remark');
    }
    const confirmed = !row.require_confirmation;
    const supportId = await db.transaction().execute(async (trx) => {
      const sid = await insertSupport(trx, { remarkId: remark.id, consultationId: row.id, organisationName: body.organisationName, krs: body.krs, contactName: body.contact.name, contactEmail: body.contact.email, confirmed });
      if (!confirmed) {
        const unit = remark.unit_id ? await findUnit(trx, row.id, remark.unit_id) : null;
        const link = await createSecretLink(trx, { purpose: SUPPORT_LINK, subjectId: sid, email: body.contact.email, ttlMs: CONFIRM_TTL_MS });
        await mailer.enqueue(
          { to: body.contact.email, template: confirmSupportMail, lang: body.lang, data: { name: body.contact.name, organisation: body.organisationName, title: row.title, unit: unit?.label ?? WHOLE_DOCUMENT[body.lang], link: linkUrl(config, row.id, 'confirm-support', link.token, body.lang) } },
          trx,
        );
      }
      return sid;
    });
    return c.json({ id: supportId, status: confirmed ? ('published' as const) : ('unconfirmed' as const) }, 202);
  },
);

consultationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/supports/confirm',
    tags: ['consultations'],
    summary: 'Confirm a support with the e-mailed link (single use)',
    request: { body: { content: { 'application/json': { schema: Token } }, required: true } },
    responses: { 200: jsonContent(z.object({ id: z.string(), consultationId: z.string(), remarkId: z.string(), status: z.literal('published') }), 'Confirmed'), ...ErrorResponses },
  }),
  async (c) => {
    const { db } = c.var;
    const { token } = c.req.valid('json');
    const result = await db.transaction().execute(async (trx) => {
      const link = await consumeSecretLink(trx, token, SUPPORT_LINK);
      const support = await findSupport(trx, link.subjectId);
      const row = support && (await findConsultationRow(trx, support.consultation_id));
      if (!support || !row || !(await confirmSupport(trx, support.id))) throw new ApiError(404, 'link_invalid', 'This link is invalid, expired or already used');
      if (row.reported_at) throw new ApiError(409, 'consultation_closed', 'The consultation report is already published');
      return { id: support.id, consultationId: row.id, remarkId: support.remark_id, status: 'published' as const };
    });
    return c.json(result, 200);
  },
);

consultationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/report',
    tags: ['consultations'],
    summary: 'The consultation report, once the answers are published (409 `report_not_ready` before): a printable A4 HTML page, CSV or a Word document (DOCX), in pl, en or uk. No contact data.',
    request: { params: IdParam, query: z.object({ format: z.enum(['html', 'csv', 'docx']).default('html'), lang: z.enum(LANGS).default('pl') }) },
    responses: {
      200: {
        description: 'The report',
        content: { 'text/html': { schema: z.string() }, 'text/csv': { schema: z.string() }, [DOCX_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
      },
      304: { description: 'Not modified' },
      409: jsonContent(z.any(), 'Not published yet'),
      ...ErrorResponses,
    },
  }),
  async (c) => {
    const { format, lang } = c.req.valid('query');
    const row = await publicConsultation(c, c.req.valid('param').id);
    if (!row.reported_at) throw new ApiError(409, 'report_not_ready', 'The answers to this consultation are not published yet');
    if (format === 'html') {
      const cached = await cachedRead(c, new Date());
      if (cached) return cached as never;
    }
    const report = await reportOf(c.var.db, row);
    if (format === 'csv') return csvResponse(c, `sprawozdanie-${row.id}.csv`, reportCsv(report, lang as Lang)) as never;
    if (format === 'docx') {
      return c.body(new Uint8Array(await reportDocx(report, lang as Lang)), 200, {
        'Content-Type': DOCX_TYPE,
        'Content-Disposition': attachmentDisposition(reportDocxFilename(report)),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      }) as never;
    }
    return c.html(reportHtml(report, lang as Lang), 200, {
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; frame-ancestors *",
      'X-Content-Type-Options': 'nosniff',
    }) as never;
  },
);

/** The report of a consultation, from its published remarks only. */
export async function reportOf(db: Kysely<Database>, row: ConsultationRow) {
  const units = await db.selectFrom('consultation_unit').select(['id', 'label', 'text', 'position']).where('consultation_id', '=', row.id).execute();
  const remarks = await publicRemarks(db, { ...row, reported_at: row.reported_at ?? 'preview' }, {});
  return buildReport(
    { id: row.id, title: row.title, goal: row.goal, subject: row.subject, unitName: row.unit_name, legalBasis: row.legal_basis, audience: row.audience,
      district: row.district, startsAt: row.starts_at, endsAt: row.ends_at, reportedAt: row.reported_at },
    units,
    remarks,
  );
}
