import type { z } from 'zod';
import type { OrganisationInput, SubmissionInput } from '../../common/map.schema.js';
import type { Lang } from '../../common/taxonomy.js';
import type { StaffPrincipal } from '../core/auth.js';
import type { AppVariables } from '../core/context.js';
import { staffToNotify } from '../admin/staff.repository.js';
import { ApiError, notFound } from '../core/errors.js';
import { mailLang } from '../core/mail.js';
import { confirmByLink, createSecretLink, findSecretLink, linkInvalid } from '../core/secret-links.js';
import { assertDistrict, assertDistrictMove, districtScope, mayMoveDistricts } from '../core/staff.rules.js';
import { inTransaction } from '../core/transaction.js';
import { approvedMail, CONFIRM_TTL_MS, confirmMail, linkUrl, OWNER_LINK, OWNER_TTL_MS, rejectedMail, STAFF_MAIL_LANG, submissionArrivedMail, submissionPanelUrl, tMailPart, whereText } from './map.mail.js';
import {
  duplicateHints, findOrganisationRow, findSubmission, hasPendingOwnerEdit, listSubmissions, insertOrganisation, insertSubmission, markVerified, setOrganisationStatus, setSubmissionStatus, toInput,
  updateOrganisation,
} from './map.repository.js';
import { approvalOf, assertCanDecide, diffInputs, entryScope, SUBMISSION_MOVES } from './map.rules.js';
import type { SubmissionStatus } from './map.table.js';

/** The map's multi-step writes: each is one transaction with its secret link and its mail. */

type Services = Pick<AppVariables, 'db' | 'mailer' | 'config'>;

export const CONFIRM_LINK = 'map:confirm';
export { OWNER_LINK };

/**
 * A new entry or a correction from the public form: the pending entry (for a new one), the
 * submission, its confirmation link and the mail that carries it, all or nothing.
 */
export async function submitOrganisation({ db, mailer, config }: Services, body: z.output<typeof SubmissionInput>): Promise<{ id: string; status: 'unconfirmed' }> {
  return inTransaction(db, async (trx) => {
    let organisationId: string;
    if (body.type === 'correction') {
      const row = await findOrganisationRow(trx, body.organisationId!);
      if (!row || row.status !== 'published') throw notFound('Organisation');
      organisationId = row.id;
    } else {
      organisationId = await insertOrganisation(trx, body.organisation, { status: 'pending', ownerEmail: body.contact.email, changedBy: 'submission', note: body.note || null });
    }
    const id = await insertSubmission(trx, {
      organisationId, type: body.type, data: body.organisation, note: body.note, submitterName: body.contact.name, submitterEmail: body.contact.email, lang: body.lang, status: 'unconfirmed',
    });
    const link = await createSecretLink(trx, { purpose: CONFIRM_LINK, subjectId: id, email: body.contact.email, ttlMs: CONFIRM_TTL_MS });
    await mailer.enqueue({ to: body.contact.email, template: confirmMail, lang: body.lang, data: { name: body.contact.name, organisation: body.organisation.name, link: linkUrl(config, 'confirm', link.token, body.lang) } }, trx);
    return { id, status: 'unconfirmed' as const };
  });
}

/**
 * The e-mailed confirmation: the submission goes to moderation. For a new entry, the staff who may
 * decide it hear of it in the same transaction: admins, unscoped moderators and editors, and those
 * scoped to any of its districts (a city-wide entry: admins and unscoped staff only), each once.
 */
export function confirmSubmission({ db, mailer, config }: Services, token: string): Promise<{ id: string; status: 'pending' }> {
  return confirmByLink(db, token, CONFIRM_LINK, async (trx, link) => {
    const { from, to } = SUBMISSION_MOVES.confirm;
    if (!(await setSubmissionStatus(trx, link.subjectId, from, to))) return null;
    const sub = (await findSubmission(trx, link.subjectId))!;
    if (sub.type === 'create') {
      const data = JSON.parse(sub.data) as OrganisationInput;
      const lang = STAFF_MAIL_LANG;
      for (const address of await staffToNotify(trx, entryScope(data))) {
        await mailer.enqueue({ to: address, template: submissionArrivedMail, lang, data: { name: sub.submitter_name, organisation: data.name, where: whereText(lang, data), link: submissionPanelUrl(config, sub.id) } }, trx);
      }
    }
    return { id: link.subjectId, status: to };
  });
}

/** The published entry an owner's link opens; `link_invalid` once it is no longer published. */
async function ownedEntry({ db }: Services, token: string) {
  const link = await findSecretLink(db, token, OWNER_LINK);
  const row = await findOrganisationRow(db, link.subjectId);
  // A link sent to someone who is no longer the owner opens nothing, even if a revocation was missed.
  if (!row || row.status !== 'published' || !row.owner_email || link.email?.toLowerCase() !== row.owner_email.toLowerCase()) throw linkInvalid();
  return { link, row };
}

/** The owner's view of their entry, and whether an edit of theirs waits for moderation. */
export async function ownerView(services: Services, token: string) {
  const { row } = await ownedEntry(services, token);
  return { organisationId: row.id, organisation: toInput(row), pendingEdit: await hasPendingOwnerEdit(services.db, row.id) };
}

/**
 * The owner's edit. Saved unchanged (the yearly reminder asks for exactly this), it confirms the
 * data and needs no moderation; otherwise it waits for a moderator.
 */
export async function ownerEdit(services: Services, token: string, body: { organisation: OrganisationInput; note: string; lang: Lang }): Promise<{ id: string; status: 'verified' | 'pending' }> {
  const { link, row } = await ownedEntry(services, token);
  if (diffInputs(toInput(row), body.organisation).length === 0) {
    await markVerified(services.db, row.id);
    return { id: row.id, status: 'verified' };
  }
  const id = await insertSubmission(services.db, {
    organisationId: row.id, type: 'owner_edit', data: body.organisation, note: body.note, submitterName: row.name, submitterEmail: link.email ?? row.owner_email ?? '', lang: body.lang, status: 'pending',
  });
  return { id, status: 'pending' };
}

/**
 * The moderation queue in a staff member's district scope: each submission with its diff against
 * the published entry and the entries it may duplicate.
 */
export async function moderationQueue({ db }: Services, staff: StaffPrincipal, status: SubmissionStatus) {
  const items = [];
  for (const r of await listSubmissions(db, status, districtScope(staff))) {
    const data = JSON.parse(r.data) as OrganisationInput;
    const current = r.organisation_id ? await findOrganisationRow(db, r.organisation_id) : undefined;
    if (current && !mayMoveDistricts(staff, entryScope(toInput(current)), entryScope(data))) continue; // a correction of another district's entry, or into one
    const published = current && current.status === 'published' ? toInput(current) : null;
    items.push({
      id: r.id, type: r.type, status: r.status, organisationId: r.organisation_id, submitter: { name: r.submitter_name, email: r.submitter_email },
      note: r.note, createdAt: r.created_at, data, diff: diffInputs(published, data), duplicates: await duplicateHints(db, data, r.organisation_id),
    });
  }
  return items;
}

/** A submission a staff member may decide: 404 when unknown, 403 outside their district, 409 when already decided. */
async function decidable({ db }: Services, staff: StaffPrincipal, id: string, move: 'approve' | 'reject') {
  const sub = await findSubmission(db, id);
  if (!sub) throw notFound('Submission');
  assertCanDecide(move, sub.status);
  const data = JSON.parse(sub.data) as OrganisationInput;
  // The proposed districts and, for a correction, the entry's own: a district editor cannot approve a change to another district's entry.
  const entry = sub.organisation_id ? await findOrganisationRow(db, sub.organisation_id) : undefined;
  if (entry) assertDistrictMove(staff, entryScope(toInput(entry)), entryScope(data));
  else assertDistrict(staff, entryScope(data));
  return { sub, data };
}

const decided = () => new ApiError(409, 'conflict', 'The submission was decided meanwhile');

/**
 * Approval: the data goes to the entry (a new one is published), the submission is approved, and
 * the submitter is mailed, with a fresh edit link when they own the entry. All or nothing.
 */
export async function approveSubmission(services: Services, staff: StaffPrincipal, id: string): Promise<{ organisationId: string }> {
  const { sub, data } = await decidable(services, staff, id, 'approve');
  const { mailer, config } = services;
  const orgId = sub.organisation_id!;
  const effect = approvalOf(sub.type);
  const lang = mailLang(sub.lang);
  await inTransaction(services.db, async (trx) => {
    const { from, to } = SUBMISSION_MOVES.approve;
    if (!(await setSubmissionStatus(trx, sub.id, from, to, { decidedBy: staff.id }))) throw decided();
    await updateOrganisation(trx, orgId, data, {
      changedBy: `staff:${staff.id}`,
      note: effect.publish ? 'approved' : `${sub.type} approved`,
      ...(effect.publish ? { status: 'published' as const } : {}),
      ...(effect.setOwner ? { ownerEmail: sub.submitter_email } : {}),
    });
    let editText = '';
    if (effect.ownerLink) {
      const link = await createSecretLink(trx, { purpose: OWNER_LINK, subjectId: orgId, email: sub.submitter_email, ttlMs: OWNER_TTL_MS, supersede: true });
      editText = tMailPart(lang, 'editText', { link: linkUrl(config, 'edit', link.token, lang) });
    }
    await mailer.enqueue({ to: sub.submitter_email, template: approvedMail, lang, data: { name: sub.submitter_name, organisation: data.name, editText } }, trx);
  });
  return { organisationId: orgId };
}

/** Rejection with a reason: a new entry's pending record is rejected too, and the submitter is mailed the reason. */
export async function rejectSubmission(services: Services, staff: StaffPrincipal, id: string, reason: string): Promise<{ id: string; status: 'rejected' }> {
  const { sub, data } = await decidable(services, staff, id, 'reject');
  await inTransaction(services.db, async (trx) => {
    const { from, to } = SUBMISSION_MOVES.reject;
    if (!(await setSubmissionStatus(trx, sub.id, from, to, { decidedBy: staff.id, reason }))) throw decided();
    if (sub.type === 'create' && sub.organisation_id) await setOrganisationStatus(trx, sub.organisation_id, 'rejected', { changedBy: `staff:${staff.id}`, note: reason });
    await services.mailer.enqueue({ to: sub.submitter_email, template: rejectedMail, lang: sub.lang, data: { name: sub.submitter_name, organisation: data.name, reason } }, trx);
  });
  return { id: sub.id, status: 'rejected' };
}
