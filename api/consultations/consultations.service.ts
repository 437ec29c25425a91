import type { z } from 'zod';
import { tAuthorType, tDecision, tRemarkStatus, type AuthorType, type RemarkStatus } from '../../common/consultations.js';
import type { ConsultationInput, RemarkInput, RemarkListQuery, ReportTexts, SupportInput } from '../../common/consultations.schema.js';
import { staffToNotify } from '../admin/staff.repository.js';
import type { StaffPrincipal } from '../core/auth.js';
import type { ReadVersion } from '../core/cache.js';
import { clausesVersion } from '../core/clauses.js';
import type { AppVariables } from '../core/context.js';
import { decodeCursor } from '../core/cursor.js';
import { ApiError, notFound, validationError } from '../core/errors.js';
import { mailLang } from '../core/mail.js';
import { confirmByLink, createSecretLink } from '../core/secret-links.js';
import { assertDistrict } from '../core/staff.rules.js';
import { inTransaction, type Db } from '../core/transaction.js';
import { isUniqueViolation } from '../db/database.js';
import { buildReport } from './consultations.report.js';
import {
  answeredMail, CONFIRM_TTL_MS, confirmRemarkMail, confirmSupportMail, linkUrl, panelUrl, REMARK_LINK, remarkArrivedMail, remarkRejectedMail, reportUrl,
  SUPPORT_LINK, tMailPart,
} from './consultations.mail.js';
import {
  alreadySupports, confirmSupport, consultationsVersion, countParticipants, countRemarks, findConsultationRow, findOrganisationIdByKrs, findOrganisationNamesByKrs, findRemark, findRemarkPage, findRemarks, findSupport, findSupports, findUnit, findUnitTexts, insertRemark,
  insertSupport, markReported, setRemarkStatus, setReportTexts, staffCounts, statusClock, toPublicRemark, unitsEqual, updateConsultation, type ConsultationRow,
} from './consultations.repository.js';
import {
  assertAuthorAllowed, assertCanPublish, assertConfirmable, assertNotReported, assertOpen, assertUnitsMayChange, consultationScope, decisionsPublic, initialRemarkStatus,
  mailsRejection, REMARK_MOVES, splitDocumentInput, statusAfterConfirmation, supporterNames,
} from './consultations.rules.js';

/** The consultations' multi-step writes, each one transaction with its secret link, its mail and the version bump. */

type Services = Pick<AppVariables, 'db' | 'mailer' | 'config'>;

/** Public reads change with data and with the clock: a status flips at a start or an end. */
const MAX_AGE = 30;

/**
 * The version of a public read (see `cachedRead`): the data version and the statuses the clock
 * gives now (and the clauses' version when the answer shows one), with a max-age that never
 * outlives the next status change.
 */
export async function readVersion(db: Db, options: { withClause?: boolean } = {}, now = new Date()): Promise<ReadVersion> {
  const [version, clock, clauses] = await Promise.all([consultationsVersion(db), statusClock(db, now), options.withClause ? clausesVersion(db) : '']);
  const maxAge = clock.nextChangeMs === null ? MAX_AGE : Math.max(1, Math.min(MAX_AGE, Math.floor(clock.nextChangeMs / 1000)));
  return { version: `${version}|${clock.epoch}|${clauses}`, maxAge };
}

/** A consultation the public may see; every consultation is public from its creation. */
export async function publicConsultation(db: Db, id: string): Promise<ConsultationRow> {
  const row = await findConsultationRow(db, id);
  if (!row) throw notFound('Consultation');
  return row;
}

/** A consultation the staff member may act on: 404, or 403 outside their district. */
export async function ownConsultation(db: Db, staff: StaffPrincipal, id: string): Promise<ConsultationRow> {
  const row = await publicConsultation(db, id);
  assertDistrict(staff, consultationScope(row));
  return row;
}

/** A remark and its consultation, in the staff member's district. */
export async function ownRemark(db: Db, staff: StaffPrincipal, remarkId: string) {
  const remark = await findRemark(db, remarkId);
  if (!remark) throw notFound('Remark');
  return { remark, row: await ownConsultation(db, staff, remark.consultation_id) };
}

/** Published remarks as the public sees them: decisions and responses only once the report is out. */
export async function publicRemarks(db: Db, row: ConsultationRow, filters: RemarkQueryFilters) {
  const reported = decisionsPublic(row);
  if (filters.decision && !reported) return [];
  const [remarks, supporters] = await Promise.all([findRemarks(db, row.id, { ...filters, status: 'published' }), supportersOf(db, row.id)]);
  return remarks.map((r) => toPublicRemark(r, supporters(r), reported));
}

type RemarkQueryFilters = Omit<z.infer<typeof RemarkListQuery>, 'limit' | 'after'>;

/** A page of `publicRemarks` (the public list route): at most `limit`, after the `after` cursor. */
export async function publicRemarkPage(db: Db, row: ConsultationRow, query: z.infer<typeof RemarkListQuery>) {
  const { limit, after, ...filters } = query;
  const reported = decisionsPublic(row);
  if (filters.decision && !reported) return { items: [], next: null };
  const page = { limit, after: after === undefined ? undefined : decodeCursor(after) };
  const [found, supporters] = await Promise.all([findRemarkPage(db, row.id, { ...filters, status: 'published' }, page), supportersOf(db, row.id)]);
  return { items: found.rows.map((r) => toPublicRemark(r, supporters(r), reported)), next: found.next };
}

/** The confirmed supporters of each remark of a consultation, each organisation once (`supporterNames`). */
async function supportersOf(db: Db, consultationId: string) {
  const supports = await findSupports(db, consultationId, { confirmedOnly: true });
  const krs = [...supports.values()].flat().flatMap((s) => (s.krs ? [s.krs] : []));
  const mapNames = await findOrganisationNamesByKrs(db, krs);
  return (r: { id: string; organisation_name: string | null; krs: string | null }) => supporterNames(r, supports.get(r.id) ?? [], mapNames);
}

/** Remarks as staff see them: any status, with what the author typed and their contact. */
export async function staffRemarks(db: Db, row: ConsultationRow, status?: RemarkStatus) {
  const [remarks, supporters] = await Promise.all([findRemarks(db, row.id, { status }), supportersOf(db, row.id)]);
  return remarks.map((r) => ({
    ...toPublicRemark(r, supporters(r), true),
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

/** Mails the staff who look after this consultation that a remark waits or is published (once per remark). */
async function notifyStaff({ mailer, config }: Services, trx: Db, row: ConsultationRow, remark: { unitLabel: string | null; authorType: AuthorType; status: 'pending' | 'published' }) {
  // Staff mails go out in Polish, the panel's working language.
  for (const to of await staffToNotify(trx, row.district)) {
    await mailer.enqueue(
      { to, template: remarkArrivedMail, lang: 'pl', data: { title: row.title, unit: remark.unitLabel ?? tMailPart('pl', 'wholeDocument'), authorType: tAuthorType('pl', remark.authorType), status: tRemarkStatus('pl', remark.status), link: panelUrl(config, row.id) } },
      trx,
    );
  }
}

/**
 * A remark from the public form, while the consultation is open: the remark and either its
 * confirmation link and mail, or (without confirmation) the staff's notice, in one transaction.
 */
export async function submitRemark(services: Services, consultationId: string, body: z.output<typeof RemarkInput>) {
  const { db, mailer, config } = services;
  const row = await publicConsultation(db, consultationId);
  assertOpen(row);
  assertAuthorAllowed(row.audience, body.authorType);
  const unit = body.unitId ? await findUnit(db, row.id, body.unitId) : null;
  if (body.unitId && !unit) throw validationError([{ path: 'unitId', code: 'invalid_value', message: 'No such unit in this consultation' }]);
  const resident = body.authorType === 'resident';
  const krs = resident ? null : body.krs;
  const status = initialRemarkStatus(row);
  const id = await inTransaction(db, async (trx) => {
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
        { to: body.contact.email, template: confirmRemarkMail, lang: body.lang, data: { name: body.contact.name, title: row.title, unit: unit?.label ?? tMailPart(body.lang, 'wholeDocument'), link: linkUrl(config, row.id, 'confirm', link.token, body.lang) } },
        trx,
      );
    } else {
      await notifyStaff(services, trx, row, { unitLabel: unit?.label ?? null, authorType: body.authorType, status });
    }
    return id;
  });
  return { id, status };
}

/** The e-mailed confirmation of a remark; it then waits for moderation or is published. Not once the report is out. */
export function confirmRemark(services: Services, token: string) {
  return confirmByLink(services.db, token, REMARK_LINK, async (trx, link) => {
    const remark = await findRemark(trx, link.subjectId);
    const row = remark && (await findConsultationRow(trx, remark.consultation_id));
    if (!remark || !row || remark.status !== 'unconfirmed') return null;
    assertConfirmable(row);
    const status = statusAfterConfirmation(row.moderation);
    if (!(await setRemarkStatus(trx, remark.id, ['unconfirmed'], status))) return null;
    const unit = remark.unit_id ? await findUnit(trx, row.id, remark.unit_id) : null;
    await notifyStaff(services, trx, row, { unitLabel: unit?.label ?? null, authorType: remark.author_type, status });
    return { id: remark.id, consultationId: row.id, status };
  });
}

/**
 * An organisation's support of a published remark, while the consultation is open; once per
 * organisation. It counts at once, or after its e-mailed confirmation when the consultation asks for one.
 */
export async function submitSupport({ db, mailer, config }: Services, consultationId: string, remarkId: string, body: z.output<typeof SupportInput>) {
  const row = await publicConsultation(db, consultationId);
  const remark = await findRemark(db, remarkId);
  if (!remark || remark.consultation_id !== row.id || remark.status !== 'published') throw notFound('Remark');
  assertOpen(row);
  if (await alreadySupports(db, remark, body.contact.email)) throw alreadySupported();
  const confirmed = !row.require_confirmation;
  // The check above answers the usual case; two identical supports at once both pass it, and the
  // database's unique index (one confirmed support per remark and address) refuses the second.
  const id = await refusingDuplicates(() => inTransaction(db, async (trx) => {
    const sid = await insertSupport(trx, { remarkId: remark.id, consultationId: row.id, organisationName: body.organisationName, krs: body.krs, contactName: body.contact.name, contactEmail: body.contact.email, confirmed });
    if (!confirmed) {
      const unit = remark.unit_id ? await findUnit(trx, row.id, remark.unit_id) : null;
      const link = await createSecretLink(trx, { purpose: SUPPORT_LINK, subjectId: sid, email: body.contact.email, ttlMs: CONFIRM_TTL_MS });
      await mailer.enqueue(
        { to: body.contact.email, template: confirmSupportMail, lang: body.lang, data: { name: body.contact.name, organisation: body.organisationName, title: row.title, unit: unit?.label ?? tMailPart(body.lang, 'wholeDocument'), link: linkUrl(config, row.id, 'confirm-support', link.token, body.lang) } },
        trx,
      );
    }
    return sid;
  }));
  return { id, status: confirmed ? ('published' as const) : ('unconfirmed' as const) };
}

const alreadySupported = () => new ApiError(409, 'already_supported', 'You already back this remark, or it is your own');

/** Runs a write that the unique index of confirmed supports may refuse; its refusal is a 409 `already_supported`. */
async function refusingDuplicates<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadySupported();
    throw err;
  }
}

/** The e-mailed confirmation of a support. Not once the report is out. */
export function confirmSupportByLink({ db }: Services, token: string) {
  // Two unconfirmed supports from one address, both confirmed: the second is the duplicate (409, its link kept unused).
  return refusingDuplicates(() => confirmByLink(db, token, SUPPORT_LINK, async (trx, link) => {
    const support = await findSupport(trx, link.subjectId);
    const row = support && (await findConsultationRow(trx, support.consultation_id));
    if (!support || !row || !(await confirmSupport(trx, support.id))) return null;
    assertConfirmable(row);
    return { id: support.id, consultationId: row.id, remarkId: support.remark_id, status: 'published' as const };
  }));
}

/** Saves a consultation. The same text is never split again; once it has remarks, its units may not change. */
export async function saveConsultation({ db }: Services, row: ConsultationRow, input: ConsultationInput) {
  const units = input.document === row.document ? null : splitDocumentInput(input.document).units;
  // The check and the write in one transaction, so no remark slips in between them.
  await inTransaction(db, async (trx) => {
    const same = !units || (await unitsEqual(trx, row.id, units));
    assertUnitsMayChange(same, same ? 0 : await countRemarks(trx, row.id));
    await updateConsultation(trx, row.id, input, same ? null : units);
  });
}

/** A moderator publishes a remark waiting for moderation. */
export async function approveRemark({ db }: Services, staff: StaffPrincipal, remarkId: string) {
  const { remark } = await ownRemark(db, staff, remarkId);
  const { from, to } = REMARK_MOVES.approve;
  if (!(await setRemarkStatus(db, remark.id, [...from], to))) throw new ApiError(409, 'conflict', `The remark is ${remark.status}, not pending`);
  return { id: remark.id, status: to };
}

/** Rejection (spam, abuse): the remark leaves the public view, and a confirmed author is mailed the reason, together. */
export async function rejectRemark({ db, mailer }: Services, staff: StaffPrincipal, remarkId: string, reason: string) {
  const { remark, row } = await ownRemark(db, staff, remarkId);
  assertNotReported(row);
  const { from, to } = REMARK_MOVES.reject;
  await inTransaction(db, async (trx) => {
    if (!(await setRemarkStatus(trx, remark.id, [...from], to))) throw new ApiError(409, 'conflict', 'The remark is already rejected');
    if (!mailsRejection(remark.status)) return;
    const lang = mailLang(remark.lang);
    const unit = remark.unit_id ? await findUnit(trx, row.id, remark.unit_id) : null;
    await mailer.enqueue({ to: remark.contact_email, template: remarkRejectedMail, lang, data: { name: remark.contact_name, title: row.title, unit: unit?.label ?? tMailPart(lang, 'wholeDocument'), reason: reason || '—' } }, trx);
  });
  return { id: remark.id, status: to };
}

/**
 * Publishes the answers and the report, once the preconditions hold, and mails each author their
 * answer, in one transaction. Of two requests, one publishes.
 */
export async function publishAnswers({ db, mailer, config }: Services, staff: StaffPrincipal, id: string) {
  const row = await ownConsultation(db, staff, id);
  assertCanPublish(row, (await staffCounts(db, [row.id])).get(row.id)!);
  const now = new Date();
  const mailed = await inTransaction(db, async (trx) => {
    if (!(await markReported(trx, row.id, now))) throw new ApiError(409, 'conflict', 'The answers are already published');
    const remarks = await findRemarks(trx, row.id, { status: 'published' });
    for (const r of remarks) {
      const lang = mailLang(r.lang);
      await mailer.enqueue(
        {
          to: r.contact_email, template: answeredMail, lang,
          data: { name: r.contact_name, title: row.title, unit: r.unit_label ?? tMailPart(lang, 'wholeDocument'), decision: r.decision ? tDecision(lang, r.decision) : '', response: r.response ?? '', link: reportUrl(config, row.id, lang) },
        },
        trx,
      );
    }
    return remarks.length;
  });
  return { id: row.id, reportedAt: now.toISOString(), mailed };
}

/**
 * Staff's own introduction and summary of the report, written before it is published (409 `conflict`
 * after: the published report stays as it was). An empty text leaves the report's computed one.
 */
export async function saveReportTexts({ db }: Services, row: ConsultationRow, texts: ReportTexts): Promise<ReportTexts> {
  if (row.reported_at) throw new ApiError(409, 'conflict', 'The report is published; its introduction and summary can no longer change');
  const saved = { introduction: texts.introduction || null, summary: texts.summary || null };
  await setReportTexts(db, row.id, saved);
  return saved;
}

/** The report of a consultation, from its published remarks only (a preview before it is published). */
export async function reportOf(db: Db, row: ConsultationRow) {
  const units = await findUnitTexts(db, row.id);
  const [remarks, participants] = await Promise.all([publicRemarks(db, { ...row, reported_at: row.reported_at ?? 'preview' }, {}), countParticipants(db, row.id)]);
  return buildReport(
    { id: row.id, title: row.title, goal: row.goal, subject: row.subject, unitName: row.unit_name, legalBasis: row.legal_basis, audience: row.audience,
      district: row.district, startsAt: row.starts_at, endsAt: row.ends_at, reportedAt: row.reported_at, introduction: row.report_introduction, summary: row.report_summary },
    units,
    remarks,
    { participants },
  );
}
