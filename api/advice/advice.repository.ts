import { sql } from 'kysely';
import type { CaseStatus, MessageAuthor, TimeWindow } from '../../common/advice.js';
import type { SlotInput, Topic, TopicField } from '../../common/advice.schema.js';
import type { Labels } from '../../common/taxonomy.js';
import { bumpDataVersion, dataVersion } from '../core/cache.js';
import { newId, nowIso } from '../core/ids.js';
import type { Db } from '../core/transaction.js';
import type { AdviceAttachmentTable, AdviceCaseTable, AdviceSlotTable, AdviceTopicTable } from './advice.table.js';

export type CaseRow = AdviceCaseTable;
export type SlotRow = AdviceSlotTable;
export type AttachmentRow = AdviceAttachmentTable;

/** The public data version (topics and free slots): bumped by every change the public can see. */
export const adviceVersion = (db: Db) => dataVersion(db, 'advice');
export const bumpAdviceVersion = (db: Db) => bumpDataVersion(db, 'advice');

// --- topics

export interface TopicRow extends Topic {
  position: number;
  active: boolean;
}

const toTopic = (r: AdviceTopicTable): TopicRow => ({
  id: r.id,
  labels: JSON.parse(r.labels) as Labels,
  explanation: JSON.parse(r.explanation) as Labels,
  // Stored before fields could be retired: none is.
  fields: (JSON.parse(r.fields) as TopicField[]).map((f) => ({ ...f, retired: f.retired ?? false })),
  position: r.position,
  active: !!r.active,
});

export async function findTopics(db: Db, options: { activeOnly?: boolean } = {}): Promise<TopicRow[]> {
  let q = db.selectFrom('advice_topic').selectAll().orderBy('position').orderBy('id');
  if (options.activeOnly) q = q.where('active', '=', 1);
  return (await q.execute()).map(toTopic);
}

export async function findTopic(db: Db, id: string): Promise<TopicRow | null> {
  const r = await db.selectFrom('advice_topic').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toTopic(r) : null;
}

export interface TopicData {
  labels: Labels;
  explanation: Labels;
  fields: TopicField[];
  position: number;
  active: boolean;
}

const topicColumns = (t: TopicData) => ({ labels: JSON.stringify(t.labels), explanation: JSON.stringify(t.explanation), fields: JSON.stringify(t.fields), position: t.position, active: t.active ? (1 as const) : (0 as const) });

/** Inserts a topic; false when the id is taken. */
export async function insertTopic(db: Db, id: string, t: TopicData): Promise<boolean> {
  const now = nowIso();
  const r = await db.insertInto('advice_topic').values({ id, ...topicColumns(t), created_at: now, updated_at: now }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
  const inserted = Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  if (inserted) await bumpAdviceVersion(db);
  return inserted;
}

export async function updateTopic(db: Db, id: string, t: TopicData): Promise<boolean> {
  const r = await db.updateTable('advice_topic').set({ ...topicColumns(t), updated_at: nowIso() }).where('id', '=', id).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 1) await bumpAdviceVersion(db);
  return Number(r.numUpdatedRows) === 1;
}

/** Puts the topics in this order (positions 10, 20, …); false unless `ids` names every topic once. */
export async function setTopicOrder(db: Db, ids: readonly string[]): Promise<boolean> {
  const known = (await db.selectFrom('advice_topic').select('id').execute()).map((r) => r.id);
  if (known.length !== ids.length || !known.every((id) => ids.includes(id))) return false;
  const now = nowIso();
  for (const [i, id] of ids.entries()) await db.updateTable('advice_topic').set({ position: (i + 1) * 10, updated_at: now }).where('id', '=', id).execute();
  await bumpAdviceVersion(db);
  return true;
}

// --- cases

/**
 * The next number of `year`, taken by one atomic upsert on the year's counter. Inside the
 * request's transaction the counter row stays locked until the case is committed (PostgreSQL),
 * or the whole write is serialised (SQLite), so numbers come out distinct and without gaps, with
 * any number of instances.
 */
export async function takeCaseSeq(db: Db, year: number): Promise<number> {
  const row = await db
    .insertInto('advice_counter')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql`advice_counter.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

export interface NewCase {
  year: number;
  seq: number;
  number: string;
  topicId: string;
  lang: string;
  organisation: { name: string; krs: string | null; kind: AdviceCaseTable['organisation_kind']; id: string | null; district: number | null };
  contact: { name: string; email: string; phone: string | null };
  channel: AdviceCaseTable['channel'];
  timeWindows: TimeWindow[];
  question: string;
  fields: Record<string, string>;
  dueAt: string;
}

export async function insertCase(db: Db, c: NewCase, now = new Date()): Promise<string> {
  const id = newId();
  const at = nowIso(now);
  await db
    .insertInto('advice_case')
    .values({
      id, year: c.year, seq: c.seq, number: c.number, topic_id: c.topicId, status: 'new', lang: c.lang,
      organisation_name: c.organisation.name, organisation_krs: c.organisation.krs, organisation_kind: c.organisation.kind, organisation_id: c.organisation.id, district: c.organisation.district,
      contact_name: c.contact.name, contact_email: c.contact.email.toLowerCase(), contact_phone: c.contact.phone,
      channel: c.channel, time_windows: JSON.stringify(c.timeWindows), question: c.question, fields: JSON.stringify(c.fields),
      assigned_to: null, due_at: c.dueAt, due_reminded_at: null, first_response_at: null, answered_at: null, closed_at: null, satisfaction: null,
      created_at: at, updated_at: at, purged_at: null,
    })
    .execute();
  return id;
}

export const findCase = (db: Db, id: string) => db.selectFrom('advice_case').selectAll().where('id', '=', id).executeTakeFirst();

export interface CaseFilter {
  status?: CaseStatus;
  topic?: string;
  /** Only cases assigned to this staff member. */
  assignedTo?: string;
  /** An adviser's view: cases assigned to them, or unassigned in these topics. */
  scope?: { staffId: string; topics: readonly string[] };
  overdueAt?: string;
}

export async function findCases(db: Db, f: CaseFilter, limit = 500) {
  let q = db
    .selectFrom('advice_case as c')
    .leftJoin('staff_user as s', 's.id', 'c.assigned_to')
    .selectAll('c')
    .select('s.name as assigned_name')
    .where('c.purged_at', 'is', null)
    .orderBy('c.created_at', 'desc')
    .limit(limit);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.topic) q = q.where('c.topic_id', '=', f.topic);
  if (f.assignedTo) q = q.where('c.assigned_to', '=', f.assignedTo);
  if (f.overdueAt) q = q.where('c.status', 'in', ['new', 'assigned', 'in_progress']).where('c.due_at', '<', f.overdueAt);
  if (f.scope) {
    const { staffId, topics } = f.scope;
    q = q.where((eb) =>
      eb.or([eb('c.assigned_to', '=', staffId), ...(topics.length ? [eb.and([eb('c.assigned_to', 'is', null), eb('c.topic_id', 'in', [...topics])])] : [])]),
    );
  }
  return q.execute();
}

/** Changes a case when its status is still one of `from` (a concurrent change wins otherwise); true when it did. */
export async function updateCase(db: Db, id: string, from: readonly CaseStatus[], patch: Partial<Omit<AdviceCaseTable, 'id'>>, now = new Date()): Promise<boolean> {
  const r = await db.updateTable('advice_case').set({ ...patch, updated_at: nowIso(now) }).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sets the first staff response once. */
export async function markFirstResponse(db: Db, id: string, now = new Date()): Promise<void> {
  await db.updateTable('advice_case').set({ first_response_at: nowIso(now) }).where('id', '=', id).where('first_response_at', 'is', null).execute();
}

/** Records the satisfaction answer once, after closing; false when it was already given or the case is not closed. */
export async function setSatisfaction(db: Db, id: string, score: number): Promise<boolean> {
  const r = await db.updateTable('advice_case').set({ satisfaction: score }).where('id', '=', id).where('status', '=', 'closed').where('satisfaction', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// --- thread

export async function insertMessage(db: Db, m: { caseId: string; author: MessageAuthor; staffId: string | null; body: string }, now = new Date()): Promise<string> {
  const id = newId();
  await db.insertInto('advice_message').values({ id, case_id: m.caseId, author: m.author, staff_id: m.staffId, body: m.body, created_at: nowIso(now) }).execute();
  return id;
}

export async function findMessages(db: Db, caseId: string, options: { withNotes: boolean }) {
  let q = db
    .selectFrom('advice_message as m')
    .leftJoin('staff_user as s', 's.id', 'm.staff_id')
    .select(['m.id', 'm.author', 'm.body', 'm.created_at', 's.name as staff_name'])
    .where('m.case_id', '=', caseId)
    .orderBy('m.created_at')
    .orderBy('m.id');
  if (!options.withNotes) q = q.where('m.author', '!=', 'note');
  return q.execute();
}

// --- attachments

export async function insertAttachment(db: Db, a: Omit<AttachmentRow, 'created_at'>, now = new Date()): Promise<void> {
  await db.insertInto('advice_attachment').values({ ...a, created_at: nowIso(now) }).execute();
}

export const findAttachments = (db: Db, caseId: string) => db.selectFrom('advice_attachment').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();

export const findAttachment = (db: Db, caseId: string, id: string) =>
  db.selectFrom('advice_attachment').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();

export async function countAttachments(db: Db, caseId: string, by: 'requester' | 'staff'): Promise<number> {
  const r = await db.selectFrom('advice_attachment').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).where('uploaded_by', '=', by).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Links loose files of one uploader to a message; returns how many it linked. */
export async function linkAttachments(db: Db, caseId: string, ids: readonly string[], messageId: string, by: 'requester' | 'staff'): Promise<number> {
  if (!ids.length) return 0;
  const r = await db.updateTable('advice_attachment').set({ message_id: messageId }).where('case_id', '=', caseId).where('id', 'in', [...ids]).where('uploaded_by', '=', by).where('message_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// --- slots

export async function insertSlot(db: Db, adviserId: string, s: SlotInput, now = new Date()): Promise<string> {
  const id = newId();
  await db
    .insertInto('advice_slot')
    .values({ id, adviser_id: adviserId, topic_id: s.topicId, starts_at: new Date(s.startsAt).toISOString(), ends_at: new Date(s.endsAt).toISOString(), mode: s.mode, address: s.mode === 'in_person' ? s.address : null, online_url: s.mode === 'online' ? s.onlineUrl : null, case_id: null, booked_at: null, reminded_at: null, created_at: nowIso(now) })
    .execute();
  await bumpAdviceVersion(db);
  return id;
}

export const findSlot = (db: Db, id: string) => db.selectFrom('advice_slot').selectAll().where('id', '=', id).executeTakeFirst();

/** Free future slots, soonest first; of a topic (and of any topic) when given. */
export async function findFreeSlots(db: Db, q: { topic?: string; from: string; to?: string }) {
  let s = db.selectFrom('advice_slot').selectAll().where('case_id', 'is', null).where('starts_at', '>', q.from).orderBy('starts_at').orderBy('id').limit(200);
  if (q.to) s = s.where('starts_at', '<', q.to);
  if (q.topic) s = s.where((eb) => eb.or([eb('topic_id', 'is', null), eb('topic_id', '=', q.topic!)]));
  return s.execute();
}

/** Slots for the staff: one adviser's or everyone's, from `from` on, with the booking case's number. */
export async function findStaffSlots(db: Db, q: { adviserId?: string; from: string }) {
  let s = db
    .selectFrom('advice_slot as s')
    .innerJoin('staff_user as u', 'u.id', 's.adviser_id')
    .leftJoin('advice_case as c', 'c.id', 's.case_id')
    .selectAll('s')
    .select(['u.name as adviser_name', 'c.number as case_number'])
    .where('s.ends_at', '>', q.from)
    .orderBy('s.starts_at')
    .limit(500);
  if (q.adviserId) s = s.where('s.adviser_id', '=', q.adviserId);
  return s.execute();
}

/** The live booking of a case: its slot that has not ended. */
export const findBookingOf = (db: Db, caseId: string) => db.selectFrom('advice_slot').selectAll().where('case_id', '=', caseId).orderBy('starts_at', 'desc').executeTakeFirst();

/** Books a free slot for a case: one conditional update, so of concurrent bookings exactly one wins. */
export async function bookSlot(db: Db, slotId: string, caseId: string, now = new Date()): Promise<boolean> {
  const r = await db.updateTable('advice_slot').set({ case_id: caseId, booked_at: nowIso(now), reminded_at: null }).where('id', '=', slotId).where('case_id', 'is', null).where('starts_at', '>', nowIso(now)).executeTakeFirst();
  const ok = Number(r.numUpdatedRows) === 1;
  if (ok) await bumpAdviceVersion(db);
  return ok;
}

/** Frees a case's booking of a slot; false when it was not booked by that case. */
export async function releaseSlot(db: Db, slotId: string, caseId: string): Promise<boolean> {
  const r = await db.updateTable('advice_slot').set({ case_id: null, booked_at: null, reminded_at: null }).where('id', '=', slotId).where('case_id', '=', caseId).executeTakeFirst();
  const ok = Number(r.numUpdatedRows) === 1;
  if (ok) await bumpAdviceVersion(db);
  return ok;
}

/** Deletes a free slot; false when it is booked (cancel the booking first) or gone. */
export async function deleteFreeSlot(db: Db, id: string, adviserId?: string): Promise<boolean> {
  let q = db.deleteFrom('advice_slot').where('id', '=', id).where('case_id', 'is', null);
  if (adviserId) q = q.where('adviser_id', '=', adviserId);
  const r = await q.executeTakeFirst();
  const ok = Number(r.numDeletedRows) === 1;
  if (ok) await bumpAdviceVersion(db);
  return ok;
}

/** Booked slots starting within `withinMs` whose reminder has not gone out. */
export async function findSlotsToRemind(db: Db, now: Date, withinMs: number) {
  return db
    .selectFrom('advice_slot as s')
    .innerJoin('advice_case as c', 'c.id', 's.case_id')
    .selectAll('s')
    .select(['c.number', 'c.contact_name', 'c.contact_email', 'c.lang'])
    .where('s.reminded_at', 'is', null)
    .where('s.starts_at', '>', nowIso(now))
    .where('s.starts_at', '<=', new Date(now.getTime() + withinMs).toISOString())
    .where('c.purged_at', 'is', null)
    .execute();
}

/** Marks a reminder sent, once (several instances may look at the same slot). */
export async function markSlotReminded(db: Db, id: string, now = new Date()): Promise<boolean> {
  const r = await db.updateTable('advice_slot').set({ reminded_at: nowIso(now) }).where('id', '=', id).where('reminded_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Open cases whose due date comes within `withinMs` and whose reminder has not gone out. */
export async function findCasesDueSoon(db: Db, now: Date, withinMs: number) {
  return db
    .selectFrom('advice_case')
    .select(['id', 'number', 'assigned_to', 'topic_id', 'due_at'])
    .where('status', 'in', ['new', 'assigned', 'in_progress'])
    .where('due_reminded_at', 'is', null)
    .where('due_at', 'is not', null)
    .where('due_at', '<=', new Date(now.getTime() + withinMs).toISOString())
    .execute();
}

export async function markDueReminded(db: Db, id: string, now = new Date()): Promise<boolean> {
  const r = await db.updateTable('advice_case').set({ due_reminded_at: nowIso(now) }).where('id', '=', id).where('due_reminded_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// --- advisers

export async function adviserTopics(db: Db, staffId: string): Promise<string[]> {
  return (await db.selectFrom('advice_adviser_topic').select('topic_id').where('staff_id', '=', staffId).orderBy('topic_id').execute()).map((r) => r.topic_id);
}

export async function setAdviserTopics(db: Db, staffId: string, topicIds: readonly string[]): Promise<void> {
  await db.deleteFrom('advice_adviser_topic').where('staff_id', '=', staffId).execute();
  if (topicIds.length) await db.insertInto('advice_adviser_topic').values(topicIds.map((t) => ({ staff_id: staffId, topic_id: t }))).execute();
}

/** Advisers (with their topics) and admins, the people who handle cases. */
export async function findAdvisers(db: Db) {
  const staff = await db.selectFrom('staff_user').select(['id', 'name', 'email', 'role']).where('disabled', '=', 0).where('role', 'in', ['adviser', 'admin']).orderBy('name').execute();
  const links = await db.selectFrom('advice_adviser_topic').selectAll().execute();
  return staff.map((s) => ({ ...s, topics: links.filter((l) => l.staff_id === s.id).map((l) => l.topic_id) }));
}

/** Who hears of a new case of `topic`: the advisers of that topic, or every adviser and admin when it has none. */
export async function staffForTopic(db: Db, topic: string): Promise<string[]> {
  const all = await findAdvisers(db);
  const ofTopic = all.filter((s) => s.role === 'adviser' && s.topics.includes(topic));
  return [...new Set((ofTopic.length ? ofTopic : all).map((s) => s.email.toLowerCase()))].sort();
}

export const findStaffMember = (db: Db, id: string) => db.selectFrom('staff_user').select(['id', 'name', 'email', 'role', 'disabled']).where('id', '=', id).executeTakeFirst();

/** The first district of the published map entry with this KRS, and its id. */
export async function findMapEntryByKrs(db: Db, krs: string): Promise<{ id: string; district: number | null } | null> {
  const row = await db.selectFrom('organisation').select(['id']).where('krs', '=', krs).where('status', '=', 'published').orderBy('created_at').executeTakeFirst();
  if (!row) return null;
  const d = await db.selectFrom('organisation_district').select('district').where('organisation_id', '=', row.id).orderBy('district').executeTakeFirst();
  return { id: row.id, district: d?.district ?? null };
}

// --- statistics and retention

/** What the statistics and the export read: no personal data. */
export async function findCaseFacts(db: Db, period: { from?: string; to?: string }) {
  let q = db
    .selectFrom('advice_case')
    .select(['number', 'year', 'topic_id', 'status', 'organisation_kind', 'district', 'channel', 'created_at', 'first_response_at', 'answered_at', 'closed_at', 'satisfaction'])
    .orderBy('year')
    .orderBy('seq');
  if (period.from) q = q.where('created_at', '>=', period.from);
  if (period.to) q = q.where('created_at', '<', period.to);
  return q.execute();
}
export type CaseFacts = Awaited<ReturnType<typeof findCaseFacts>>[number];

/** Closed cases past the cut whose personal data has not been purged. */
export const findPurgeableCases = (db: Db, cut: string) =>
  db.selectFrom('advice_case').select(['id']).where('status', '=', 'closed').where('closed_at', '<', cut).where('purged_at', 'is', null).limit(200).execute();

/**
 * Blanks the personal data of a case and deletes its thread and file rows, keeping what the
 * statistics count (topic, kind, district, channel, times, satisfaction). Returns the storage keys
 * of its files; false when another instance purged it first.
 */
export async function purgeCase(db: Db, id: string, now = new Date()): Promise<string[] | false> {
  const r = await db
    .updateTable('advice_case')
    .set({ organisation_name: '', organisation_krs: null, organisation_id: null, contact_name: '', contact_email: '', contact_phone: null, time_windows: '[]', question: '', fields: '{}', purged_at: nowIso(now) })
    .where('id', '=', id)
    .where('purged_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  const files = await db.selectFrom('advice_attachment').select('storage_key').where('case_id', '=', id).execute();
  await db.deleteFrom('advice_attachment').where('case_id', '=', id).execute();
  await db.deleteFrom('advice_message').where('case_id', '=', id).execute();
  return files.map((f) => f.storage_key);
}
