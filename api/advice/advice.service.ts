import { labelTranslator } from '../../common/i18n.js';
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES, caseNumber, type CaseStatus } from '../../common/advice.js';
import type { AdviceInput, SlotInput, StatusView, StaffCaseDetail } from '../../common/advice.schema.js';
import type { Lang } from '../../common/taxonomy.js';
import { warsawDateOf } from '../../common/time.js';
import type { StaffPrincipal } from '../core/auth.js';
import type { AppVariables } from '../core/context.js';
import { ApiError, notFound, validationError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { mailLang } from '../core/mail.js';
import { createSecretLink, findSecretLink, linkInvalid, type SecretLink } from '../core/secret-links.js';
import { storageFor } from '../core/storage.js';
import { inTransaction, type Db } from '../core/transaction.js';
import { detectUploadType } from '../core/uploads.js';
import { whenText } from '../events/events.service.js';
import { bookingIcs } from './advice.ics.js';
import {
  bookedMail, bookingCancelledMail, closedMail, panelUrl, receivedMail, replyMail, STATUS_LINK, STATUS_TTL_MS, statusUrl, staffActivityMail, staffNewCaseMail, UPLOAD_LINK, UPLOAD_TTL_MS,
} from './advice.mail.js';
import {
  adviserTopics, bookSlot, countAttachments, deleteFreeSlot, findAttachment, findAttachments, findBookingOf, findCase, findMapEntryByKrs, findMessages, findSlot, findStaffMember, findTopic,
  insertAttachment, insertCase, insertMessage, insertSlot, linkAttachments, markFirstResponse, releaseSlot, setSatisfaction, staffForTopic, takeCaseSeq, updateCase,
  type CaseRow, type SlotRow,
} from './advice.repository.js';
import {
  assertBookable, assertCanAssign, assertCancellable, assertMove, attachmentsLeft, canRate, canReply, canSeeCase, caseClosed, checkTopicFields, dueDate, isOverdue, slotFitsTopic,
  slotTaken, statusAfterAssign, statusAfterRequesterReply, statusAfterStaffReply, type CaseViewer,
} from './advice.rules.js';

/** The advisory point's multi-step writes: each one transaction with its secret link, its mail and the version bump. */

type Services = Pick<AppVariables, 'db' | 'mailer' | 'config'>;

const yearInWarsaw = (d: Date) => Number(warsawDateOf(d).slice(0, 4));
const langOf = (c: Pick<CaseRow, 'lang'>): Lang => mailLang(c.lang);
const slotWhen = (s: Pick<SlotRow, 'starts_at' | 'ends_at'>, lang: Lang) => whenText({ startsAt: s.starts_at, endsAt: s.ends_at, allDay: false }, lang);
const slotWhere = (s: Pick<SlotRow, 'mode' | 'address' | 'online_url'>) => (s.mode === 'in_person' ? (s.address ?? '') : (s.online_url ?? ''));

export const toBooking = (s: SlotRow) => ({ slotId: s.id, startsAt: s.starts_at, endsAt: s.ends_at, mode: s.mode, address: s.address, onlineUrl: s.online_url });

/** A fresh status link for a mail to the requester: every mail carries its own, all live until the purge. */
async function statusLink(services: Services, trx: Db, c: Pick<CaseRow, 'id' | 'contact_email' | 'lang'>) {
  const link = await createSecretLink(trx, { purpose: STATUS_LINK, subjectId: c.id, email: c.contact_email, ttlMs: STATUS_TTL_MS });
  return statusUrl(services.config, link.token, langOf(c));
}

/** Mails the requester about a booked meeting, with its `.ics`. */
async function mailBooked(services: Services, trx: Db, c: CaseRow, slot: SlotRow) {
  const lang = langOf(c);
  const link = await statusLink(services, trx, c);
  await services.mailer.enqueue(
    {
      to: c.contact_email, template: bookedMail, lang, data: { name: c.contact_name, number: c.number, when: slotWhen(slot, lang), where: slotWhere(slot), link },
      attachments: [{ filename: 'spotkanie.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: bookingIcs(slot, { number: c.number, publicUrl: services.config.publicUrl, lang, statusLink: link }) }],
    },
    trx,
  );
}

/** Tells the staff who handle a case that something happened on it: the assignee, or the topic's advisers. */
async function notifyStaff(services: Services, trx: Db, c: Pick<CaseRow, 'id' | 'number' | 'assigned_to' | 'topic_id'>, what: string, to?: string) {
  const assignee = c.assigned_to ? await findStaffMember(trx, c.assigned_to) : undefined;
  const recipients = to ? [to] : assignee && !assignee.disabled ? [assignee.email] : await staffForTopic(trx, c.topic_id);
  for (const email of recipients) {
    await services.mailer.enqueue({ to: email, template: staffActivityMail, lang: 'pl', data: { number: c.number, what, link: panelUrl(services.config, c.id) } }, trx);
  }
}

// --- the public side

/**
 * A request from the public form: its number (the year's next, taken in the same transaction),
 * the case, the status link and its mail, an upload link for the form's files, the staff's notice,
 * and the slot it books, if any, all or nothing. A slot taken meanwhile is 409 `slot_taken` and
 * nothing is kept.
 */
export async function submitRequest(services: Services, body: AdviceInput, now = new Date()) {
  const { db, mailer, config } = services;
  const topic = await findTopic(db, body.topic);
  if (!topic || !topic.active) throw validationError([{ path: 'topic', code: 'invalid_value', message: 'No such topic' }]);
  const fields = checkTopicFields(topic.fields, body.fields);
  if (fields.issues.length) throw validationError(fields.issues);
  const slot = body.slotId ? await findSlot(db, body.slotId) : null;
  if (body.slotId) {
    if (!slot || !slotFitsTopic(slot, topic.id)) throw validationError([{ path: 'slotId', code: 'invalid_value', message: 'No such slot for this topic' }]);
    assertBookable(slot, now);
  }
  const entry = body.organisation.krs ? await findMapEntryByKrs(db, body.organisation.krs) : null;
  const year = yearInWarsaw(now);

  return inTransaction(db, async (trx) => {
    const seq = await takeCaseSeq(trx, year);
    const number = caseNumber(year, seq);
    const id = await insertCase(
      trx,
      {
        year, seq, number, topicId: topic.id, lang: body.lang,
        organisation: { name: body.organisation.name, krs: body.organisation.krs, kind: body.organisation.kind, id: entry?.id ?? null, district: entry?.district ?? null },
        contact: { name: body.contact.name, email: body.contact.email, phone: body.phone },
        channel: body.channel, timeWindows: body.timeWindows, question: body.question, fields: fields.values, dueAt: dueDate(now),
      },
      now,
    );
    const row = (await findCase(trx, id))!;
    let booking = null;
    if (slot) {
      if (!(await bookSlot(trx, slot.id, id, now))) throw slotTaken();
      booking = toBooking(slot);
    }
    const link = await statusLink(services, trx, row);
    await mailer.enqueue({ to: row.contact_email, template: receivedMail, lang: body.lang, data: { name: row.contact_name, number, topic: topic.labels[body.lang], link } }, trx);
    if (slot) await mailBooked(services, trx, row, slot);
    for (const to of await staffForTopic(trx, topic.id)) {
      await mailer.enqueue({ to, template: staffNewCaseMail, lang: 'pl', data: { number, topic: topic.labels.pl, organisation: row.organisation_name, link: panelUrl(config, id) } }, trx);
    }
    const upload = await createSecretLink(trx, { purpose: UPLOAD_LINK, subjectId: id, ttlMs: UPLOAD_TTL_MS });
    return { number, status: 'new' as const, uploadToken: upload.token, booking };
  });
}

/** The case behind a status link; every failure (unknown, expired, purged) is the same 404 `link_invalid`. */
export async function caseByLink(db: Db, token: string, purposes: readonly string[] = [STATUS_LINK]): Promise<{ row: CaseRow; link: SecretLink }> {
  let link: SecretLink | null = null;
  for (const purpose of purposes) {
    link = await findSecretLink(db, token, purpose).catch(() => null);
    if (link) break;
  }
  const row = link ? await findCase(db, link.subjectId) : undefined;
  if (!link || !row || row.purged_at) throw linkInvalid();
  return { row, link };
}

/** The status page: the case, the thread without internal notes, the files, the booking, and what the requester may do. */
export async function statusView(db: Db, row: CaseRow, now = new Date()): Promise<StatusView> {
  const [topic, messages, files, slot] = await Promise.all([findTopic(db, row.topic_id), findMessages(db, row.id, { withNotes: false }), findAttachments(db, row.id), findBookingOf(db, row.id)]);
  const requesterFiles = files.filter((f) => f.uploaded_by === 'requester').length;
  const live = slot && slot.ends_at > now.toISOString() ? slot : null;
  return {
    number: row.number,
    status: row.status,
    topic: { id: row.topic_id, labels: topic!.labels },
    organisationName: row.organisation_name,
    question: row.question,
    channel: row.channel,
    createdAt: row.created_at,
    messages: messages.map((m) => ({ id: m.id, author: m.author as 'requester' | 'staff', body: m.body, createdAt: m.created_at })),
    attachments: files.map(toAttachmentInfo),
    booking: slot ? toBooking(slot) : null,
    satisfaction: row.satisfaction,
    canReply: canReply(row),
    canBook: canReply(row) && !live,
    canRate: canRate(row),
    attachmentsLeft: canReply(row) ? attachmentsLeft(requesterFiles) : 0,
  };
}

export const toAttachmentInfo = (f: Awaited<ReturnType<typeof findAttachments>>[number]) => ({
  id: f.id, filename: f.filename, contentType: f.content_type, size: Number(f.size), messageId: f.message_id, from: f.uploaded_by, createdAt: f.created_at,
});

/** The requester replies on the status page (with files uploaded before): a case that waited for them goes back to work. */
export async function requesterReply(services: Services, row: CaseRow, body: string, attachmentIds: readonly string[]) {
  const next = statusAfterRequesterReply(row.status);
  await inTransaction(services.db, async (trx) => {
    if (!(await updateCase(trx, row.id, [row.status], { status: next }))) throw new ApiError(409, 'conflict', 'The case changed meanwhile; reload it');
    const messageId = await insertMessage(trx, { caseId: row.id, author: 'requester', staffId: null, body });
    await linkAttachments(trx, row.id, attachmentIds, messageId, 'requester');
    await notifyStaff(services, trx, row, 'wnioskodawca odpowiedział');
  });
  return { status: next };
}

/** Books a free slot from the status page; one booking per case at a time. Of concurrent bookings of one slot, exactly one wins. */
export async function bookByLink(services: Services, row: CaseRow, slotId: string, now = new Date()) {
  if (!canReply(row)) throw caseClosed();
  const current = await findBookingOf(services.db, row.id);
  if (current && current.ends_at > now.toISOString()) throw new ApiError(409, 'already_booked', 'This case already has a meeting; cancel it first');
  const slot = await findSlot(services.db, slotId);
  if (!slot || !slotFitsTopic(slot, row.topic_id)) throw notFound('Slot');
  assertBookable(slot, now);
  await inTransaction(services.db, async (trx) => {
    if (!(await bookSlot(trx, slot.id, row.id, now))) throw slotTaken();
    await mailBooked(services, trx, row, slot);
    const adviser = await findStaffMember(trx, slot.adviser_id);
    if (adviser) await notifyStaff(services, trx, row, `zarezerwowano spotkanie ${slotWhen(slot, 'pl')}`, adviser.email);
  });
  return toBooking(slot);
}

/** Cancels the case's booking (by the requester or by staff), which frees the slot; the other side is mailed. */
/** Who cancelled a booking, as the mail says it. */
const tCancelledBy = labelTranslator({
  requester: { pl: 'przez Ciebie', en: 'by you', uk: 'вами' },
  adviser: { pl: 'przez doradcę', en: 'by the adviser', uk: 'консультантом' },
});

export async function cancelBooking(services: Services, row: CaseRow, by: 'requester' | 'adviser', now = new Date()) {
  const slot = await findBookingOf(services.db, row.id);
  if (!slot || slot.ends_at <= now.toISOString()) throw notFound('Booking');
  assertCancellable(slot, now);
  const lang = langOf(row);
  await inTransaction(services.db, async (trx) => {
    if (!(await releaseSlot(trx, slot.id, row.id))) throw notFound('Booking');
    const link = await statusLink(services, trx, row);
    await services.mailer.enqueue({ to: row.contact_email, template: bookingCancelledMail, lang, data: { name: row.contact_name, number: row.number, when: slotWhen(slot, lang), by: tCancelledBy(lang, by), link } }, trx);
    const adviser = await findStaffMember(trx, slot.adviser_id);
    if (by === 'requester' && adviser) await notifyStaff(services, trx, row, `wnioskodawca odwołał spotkanie ${slotWhen(slot, 'pl')}`, adviser.email);
  });
  return { slotId: slot.id };
}

/** The satisfaction answer, once, after closing. */
export async function rateCase(db: Db, row: CaseRow, score: number) {
  if (!canRate(row) || !(await setSatisfaction(db, row.id, score))) throw new ApiError(409, 'conflict', row.status === 'closed' ? 'Already answered' : 'The case is not closed yet');
  return { satisfaction: score };
}

/**
 * Stores an uploaded file of a case: count limit (409 `attachment_limit`), type by content
 * (422 `attachment_type`), then the file in the storage and its row. A failed row insert removes
 * the file again, so no file is left without its row.
 */
export async function storeAttachment(services: Services, row: CaseRow, by: 'requester' | 'staff', filename: string, data: Uint8Array) {
  if (!canReply(row)) throw caseClosed();
  if ((await countAttachments(services.db, row.id, by)) >= ATTACHMENT_LIMITS.perCase) {
    throw new ApiError(409, 'attachment_limit', `At most ${ATTACHMENT_LIMITS.perCase} files per case`);
  }
  const type = await detectUploadType(data, filename, ATTACHMENT_TYPES);
  const id = newId();
  const key = `advice/${row.id}/${id}`;
  const storage = storageFor(services.config);
  await storage.put(key, data, type.mime);
  try {
    await insertAttachment(services.db, { id, case_id: row.id, message_id: null, uploaded_by: by, storage_key: key, filename: filename.replace(/[\\/\r\n"]/g, '_'), content_type: type.mime, size: data.byteLength });
  } catch (err) {
    await storage.delete(key).catch(() => undefined);
    throw err;
  }
  return { id, filename, contentType: type.mime, size: data.byteLength, messageId: null, from: by, createdAt: new Date().toISOString() };
}

/** A stored file of a case with its bytes; 404 when it or its file is gone. */
export async function readAttachment(services: Services, caseId: string, id: string) {
  const row = await findAttachment(services.db, caseId, id);
  const data = row ? await storageFor(services.config).get(row.storage_key) : null;
  if (!row || !data) throw notFound('Attachment');
  return { row, data };
}

// --- the staff side

/** What the case scope needs of the signed-in staff member. */
export async function viewerOf(db: Db, staff: StaffPrincipal): Promise<CaseViewer> {
  return { id: staff.id, role: staff.role, topics: staff.role === 'adviser' ? await adviserTopics(db, staff.id) : [] };
}

/** A case the viewer may see; 404 otherwise, so an adviser cannot learn of other people's cases. */
export async function ownCase(db: Db, viewer: CaseViewer, id: string): Promise<CaseRow> {
  const row = await findCase(db, id);
  if (!row || row.purged_at || !canSeeCase(viewer, row)) throw notFound('Case');
  return row;
}

export function caseSummary(row: CaseRow & { assigned_name?: string | null }, now = new Date()) {
  return {
    id: row.id, number: row.number, status: row.status, topicId: row.topic_id, organisationName: row.organisation_name, organisationKind: row.organisation_kind, contactName: row.contact_name,
    assignedTo: row.assigned_to ? { id: row.assigned_to, name: row.assigned_name ?? '' } : null,
    dueAt: row.due_at, overdue: isOverdue(row, now), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export async function caseDetail(db: Db, row: CaseRow, now = new Date()): Promise<StaffCaseDetail> {
  const [messages, files, slot, assignee, topic] = await Promise.all([
    findMessages(db, row.id, { withNotes: true }), findAttachments(db, row.id), findBookingOf(db, row.id), row.assigned_to ? findStaffMember(db, row.assigned_to) : undefined, findTopic(db, row.topic_id),
  ]);
  const fields = JSON.parse(row.fields) as Record<string, string>;
  return {
    ...caseSummary({ ...row, assigned_name: assignee?.name ?? null }, now),
    organisationKrs: row.organisation_krs, organisationId: row.organisation_id, district: row.district,
    contactEmail: row.contact_email, contactPhone: row.contact_phone, channel: row.channel, timeWindows: JSON.parse(row.time_windows), question: row.question, fields,
    // Labels of the fields answered, retired ones too (a field dropped from the topic stays in its definitions as retired).
    fieldLabels: Object.fromEntries((topic?.fields ?? []).filter((f) => Object.hasOwn(fields, f.key)).map((f) => [f.key, f.labels])),
    lang: langOf(row),
    messages: messages.map((m) => ({ id: m.id, author: m.author, body: m.body, staffName: m.staff_name ?? null, createdAt: m.created_at })),
    attachments: files.map(toAttachmentInfo),
    booking: slot ? toBooking(slot) : null,
    satisfaction: row.satisfaction, firstResponseAt: row.first_response_at, closedAt: row.closed_at,
  };
}

/** Assigns a case (admins to anyone who handles cases; an adviser takes it or gives it back); the assignee hears of it. */
export async function assignCase(services: Services, viewer: CaseViewer, row: CaseRow, staffId: string | null) {
  assertCanAssign(viewer, row, staffId);
  if (staffId) {
    const target = await findStaffMember(services.db, staffId);
    if (!target || target.disabled || (target.role !== 'adviser' && target.role !== 'admin')) throw validationError([{ path: 'staffId', code: 'invalid_value', message: 'Not an adviser' }]);
  }
  const next = statusAfterAssign(row.status, staffId !== null);
  await inTransaction(services.db, async (trx) => {
    if (!(await updateCase(trx, row.id, [row.status], { assigned_to: staffId, status: next }))) throw new ApiError(409, 'conflict', 'The case changed meanwhile; reload it');
    if (staffId && staffId !== viewer.id) {
      const target = (await findStaffMember(trx, staffId))!;
      await notifyStaff(services, trx, row, 'przydzielono Ci sprawę', target.email);
    }
  });
  return { status: next, assignedTo: staffId };
}

export async function addNote(db: Db, staff: StaffPrincipal, row: CaseRow, body: string) {
  if (row.status === 'closed') throw caseClosed();
  return { id: await insertMessage(db, { caseId: row.id, author: 'note', staffId: staff.id, body }) };
}

/** A staff reply: the message with its files, the first-response time, the status, and the mail to the requester with a status link. */
export async function staffReply(services: Services, staff: StaffPrincipal, row: CaseRow, input: { body: string; attachmentIds: readonly string[]; status: 'answered' | 'waiting_for_requester' }, now = new Date()) {
  const next = statusAfterStaffReply(row.status, input.status);
  const lang = langOf(row);
  await inTransaction(services.db, async (trx) => {
    if (!(await updateCase(trx, row.id, [row.status], { status: next, ...(next === 'answered' ? { answered_at: now.toISOString() } : {}), assigned_to: row.assigned_to ?? staff.id }, now))) {
      throw new ApiError(409, 'conflict', 'The case changed meanwhile; reload it');
    }
    const messageId = await insertMessage(trx, { caseId: row.id, author: 'staff', staffId: staff.id, body: input.body }, now);
    await linkAttachments(trx, row.id, input.attachmentIds, messageId, 'staff');
    await markFirstResponse(trx, row.id, now);
    const link = await statusLink(services, trx, row);
    await services.mailer.enqueue({ to: row.contact_email, template: replyMail, lang, data: { name: row.contact_name, number: row.number, body: input.body, link } }, trx);
  });
  return { status: next };
}

/** Closes a case and asks the requester the satisfaction question. */
export async function closeCase(services: Services, row: CaseRow, now = new Date()) {
  assertMove(row.status, 'closed');
  await inTransaction(services.db, async (trx) => {
    if (!(await updateCase(trx, row.id, [row.status], { status: 'closed', closed_at: now.toISOString() }, now))) throw new ApiError(409, 'conflict', 'The case changed meanwhile; reload it');
    const link = await statusLink(services, trx, row);
    await services.mailer.enqueue({ to: row.contact_email, template: closedMail, lang: langOf(row), data: { name: row.contact_name, number: row.number, link } }, trx);
  });
  return { status: 'closed' as CaseStatus };
}

export async function setDue(db: Db, row: CaseRow, dueAt: string | null) {
  if (row.status === 'closed') throw caseClosed();
  await updateCase(db, row.id, [row.status], { due_at: dueAt ? new Date(dueAt).toISOString() : null, due_reminded_at: null });
  return { dueAt };
}

/** Publishes a slot of the viewer's availability (admins for any adviser). */
export async function createSlot(db: Db, viewer: CaseViewer, input: SlotInput) {
  const adviserId = input.adviserId ?? viewer.id;
  if (adviserId !== viewer.id && viewer.role !== 'admin') throw new ApiError(403, 'forbidden', "Only an administrator publishes another adviser's slots");
  const adviser = await findStaffMember(db, adviserId);
  if (!adviser || (adviser.role !== 'adviser' && adviser.role !== 'admin')) throw validationError([{ path: 'adviserId', code: 'invalid_value', message: 'Not an adviser' }]);
  if (input.topicId && !(await findTopic(db, input.topicId))) throw validationError([{ path: 'topicId', code: 'invalid_value', message: 'No such topic' }]);
  if (Date.parse(input.startsAt) <= Date.now()) throw validationError([{ path: 'startsAt', code: 'invalid_value', message: 'A slot starts in the future' }]);
  return { id: await insertSlot(db, adviserId, input) };
}

/** Removes a free slot (one's own, or any for an admin); 409 when it is booked. */
export async function removeSlot(db: Db, viewer: CaseViewer, id: string) {
  const slot = await findSlot(db, id);
  if (!slot || (viewer.role !== 'admin' && slot.adviser_id !== viewer.id)) throw notFound('Slot');
  if (slot.case_id) throw new ApiError(409, 'slot_booked', 'The slot is booked; cancel the booking first');
  if (!(await deleteFreeSlot(db, id))) throw new ApiError(409, 'slot_booked', 'The slot is booked; cancel the booking first');
}

/** Staff cancel the meeting booked on a slot (their own, or any for an admin). */
export async function staffCancelSlotBooking(services: Services, viewer: CaseViewer, slotId: string) {
  const slot = await findSlot(services.db, slotId);
  if (!slot || (viewer.role !== 'admin' && slot.adviser_id !== viewer.id)) throw notFound('Slot');
  const row = slot.case_id ? await findCase(services.db, slot.case_id) : undefined;
  if (!row) throw notFound('Booking');
  return cancelBooking(services, row, 'adviser');
}
