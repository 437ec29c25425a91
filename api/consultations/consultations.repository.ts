import type { AuthorType, ConsultationStatus, Decision, RemarkStatus } from '../../common/consultations.js';
import { sql } from 'kysely';
import type { ConsultationInput } from '../../common/consultations.schema.js';
import type { DocumentUnit } from '../../common/consultations.document.js';
import { encodeCursor, type KeysetCursor } from '../core/cursor.js';
import { validationError } from '../core/errors.js';
import { newId, nowIso } from '../core/ids.js';
import { bumpDataVersion, dataVersion } from '../core/cache.js';
import { inTransaction, type Db } from '../core/transaction.js';
import { statusAt } from './consultations.rules.js';
import type { ConsultationRemarkTable, ConsultationTable } from './consultations.table.js';
import { utcToWarsawLocal, warsawLocalToUtc } from '../../common/time.js';

export type ConsultationRow = ConsultationTable;
export type RemarkRow = ConsultationRemarkTable;

/** The module's data version (see `dataVersion`): bumped on every change the public can see. */
export const consultationsVersion = (db: Db) => dataVersion(db, 'consultations');
export const bumpConsultationsVersion = (db: Db) => bumpDataVersion(db, 'consultations');

/**
 * What the clock contributes to a public answer. Statuses change at the starts and ends that have
 * passed, so their count goes into the ETag; `nextChangeMs` caps how long a response may be cached.
 */
export async function statusClock(db: Db, now: Date): Promise<{ epoch: string; nextChangeMs: number | null }> {
  const at = nowIso(now);
  const q = statusClockQueries(db, at);
  const rows = await q.running.execute();
  const ended = await q.ended.executeTakeFirstOrThrow();
  let started = 0;
  let next: number | null = null;
  for (const r of rows) {
    if (r.starts_at <= at) started++;
    for (const t of [r.starts_at, r.ends_at]) {
      const ms = Date.parse(t) - now.getTime();
      if (ms > 0 && (next === null || ms < next)) next = ms;
    }
  }
  return { epoch: `${Number(ended.n)}.${started}`, nextChangeMs: next };
}

/**
 * `statusClock`'s queries: the consultations not ended by `at` (open and planned) and how many have
 * ended. The public reads' queries are exported as builders for the plan test (`consultations.read-plans.testing.ts`).
 */
export const statusClockQueries = (db: Db, at: string) => ({
  running: db.selectFrom('consultation').select(['starts_at', 'ends_at']).where('ends_at', '>', at),
  ended: db.selectFrom('consultation').select((eb) => eb.fn.countAll<number>().as('n')).where('ends_at', '<=', at),
});

const statusOf = (r: ConsultationRow, now: Date) => statusAt(r, now);

/** The public summary of a consultation. Status comes from `now`, the server clock. */
export function toSummary(r: ConsultationRow, remarkCount: number, now: Date) {
  return {
    id: r.id,
    title: r.title,
    goal: r.goal,
    subject: r.subject,
    unitName: r.unit_name,
    legalBasis: r.legal_basis,
    audience: r.audience,
    district: r.district,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: statusOf(r, now),
    moderation: r.moderation,
    requireConfirmation: !!r.require_confirmation,
    attachments: JSON.parse(r.attachments) as { title: string; url: string }[],
    remarkCount,
    reportedAt: r.reported_at,
    serverTime: nowIso(now),
  };
}

/** The input shape of a stored consultation, as the staff form edits it. */
export function toInput(r: ConsultationRow): ConsultationInput {
  return {
    title: r.title, goal: r.goal, subject: r.subject, unitName: r.unit_name, legalBasis: r.legal_basis, audience: r.audience, district: r.district,
    startsLocal: utcToWarsawLocal(r.starts_at), endsLocal: utcToWarsawLocal(r.ends_at), moderation: r.moderation, requireConfirmation: !!r.require_confirmation,
    attachments: JSON.parse(r.attachments), informationClause: r.information_clause, document: r.document,
  };
}

function rowValues(input: ConsultationInput) {
  return {
    title: input.title,
    goal: input.goal,
    subject: input.subject,
    unit_name: input.unitName,
    legal_basis: input.legalBasis,
    audience: input.audience,
    district: input.district,
    starts_at: warsawLocalToUtc(input.startsLocal),
    ends_at: warsawLocalToUtc(input.endsLocal),
    moderation: input.moderation,
    require_confirmation: (input.requireConfirmation ? 1 : 0) as 0 | 1,
    attachments: JSON.stringify(input.attachments),
    information_clause: input.informationClause,
    document: input.document,
  };
}

/**
 * Replaces the consultation's units. A unit whose label was there before keeps its id, so links to
 * units (and remarks, were there any) survive a re-split; the first stored unit of a label goes to
 * the first new unit of that label.
 */
async function writeUnits(db: Db, consultationId: string, units: DocumentUnit[]) {
  const before = await db.selectFrom('consultation_unit').select(['id', 'label']).where('consultation_id', '=', consultationId).orderBy('position').execute();
  const free = new Map<string, string[]>();
  for (const u of before) free.set(u.label, [...(free.get(u.label) ?? []), u.id]);
  const ids = units.map((u) => free.get(u.label)?.shift() ?? newId());
  await db.deleteFrom('consultation_unit').where('consultation_id', '=', consultationId).execute();
  // Batches keep each statement well under SQLite's bound-parameter limit.
  for (let i = 0; i < units.length; i += 100) {
    await db
      .insertInto('consultation_unit')
      .values(units.slice(i, i + 100).map((u, j) => ({ id: ids[i + j]!, consultation_id: consultationId, position: i + j + 1, label: u.label, text: u.text, depth: u.depth })))
      .execute();
  }
}

/** Runs `fn` in a transaction, or in the caller's when `db` already is one (seeds run in theirs). */

export async function insertConsultation(db: Db, input: ConsultationInput, units: DocumentUnit[], opts: { createdBy: string | null; id?: string; reportedAt?: string | null }): Promise<string> {
  const id = opts.id ?? newId();
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await trx.insertInto('consultation').values({ id, ...rowValues(input), reported_at: opts.reportedAt ?? null, created_by: opts.createdBy, created_at: now, updated_at: now }).execute();
    await writeUnits(trx, id, units);
    await bumpConsultationsVersion(trx);
  });
  return id;
}

/** Saves the consultation; the units are rewritten only when `units` is given (ids kept by label, see `writeUnits`). */
export async function updateConsultation(db: Db, id: string, input: ConsultationInput, units: DocumentUnit[] | null): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.updateTable('consultation').set({ ...rowValues(input), updated_at: nowIso() }).where('id', '=', id).execute();
    if (units) await writeUnits(trx, id, units);
    await bumpConsultationsVersion(trx);
  });
}

/** Staff's own introduction and summary of the report (null: the computed ones). */
export async function setReportTexts(db: Db, id: string, texts: { introduction: string | null; summary: string | null }): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.updateTable('consultation').set({ report_introduction: texts.introduction, report_summary: texts.summary, updated_at: nowIso() }).where('id', '=', id).execute();
    await bumpConsultationsVersion(trx);
  });
}

export const consultationQuery = (db: Db, id: string) => db.selectFrom('consultation').selectAll().where('id', '=', id);
export const findConsultationRow = (db: Db, id: string) => consultationQuery(db, id).executeTakeFirst();

/** Published remarks per consultation (`ids` not empty). */
export const publishedCountsQuery = (db: Db, ids: readonly string[]) =>
  db
    .selectFrom('consultation_remark')
    .select(['consultation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'published')
    .where('consultation_id', 'in', ids)
    .groupBy('consultation_id');

async function publishedCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await publishedCountsQuery(db, ids).execute();
  return new Map(rows.map((r) => [r.consultation_id, Number(r.n)]));
}


/**
 * Consultations for the public list: those of `district` and the city-wide ones. Open ones come
 * first (closing soonest first), then planned (starting soonest first), then closed and reported
 * (most recently ended first).
 */
export async function findConsultations(db: Db, f: ConsultationFilters, now: Date, districtScope?: number | null) {
  const rows = (await Promise.all(consultationListQueries(db, f, now, districtScope).map((g) => g.query.execute()))).flat();
  return withRemarkCounts(db, rows);
}

async function withRemarkCounts(db: Db, rows: ConsultationRow[]) {
  const counts = await publishedCounts(db, rows.map((r) => r.id));
  return rows.map((r) => ({ row: r, remarkCount: counts.get(r.id) ?? 0 }));
}

export interface ConsultationFilters {
  status?: ConsultationStatus[];
  district?: number | null;
}

/** A page of a public list: at most `limit` rows, after the cursor of the previous page. */
export interface ListPage {
  limit: number;
  after?: KeysetCursor;
}

const GROUPS = ['open', 'planned', 'past'] as const;
type Group = (typeof GROUPS)[number];

/**
 * The public list's page: the status groups in order, each read from its index after the cursor,
 * until `limit` rows; `next` names the group and sort key of the last row (keyset paging, so a deep
 * page costs what the first does).
 */
export async function findConsultationPage(db: Db, f: ConsultationFilters, now: Date, page: ListPage) {
  const rows: (ConsultationRow & { group: Group; key: string })[] = [];
  for (const g of consultationListQueries(db, f, now, null, page)) {
    if (rows.length > page.limit) break;
    for (const row of await g.query.limit(page.limit + 1 - rows.length).execute()) rows.push({ ...row, group: g.group, key: row[g.column] });
  }
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return { rows: await withRemarkCounts(db, shown), next: more && last ? encodeCursor({ key: `${last.group}|${last.key}`, id: last.id }) : null };
}

/** The group and sort key of a list cursor, or a 422 naming `after`. */
function listCursor(after: KeysetCursor): { group: Group; key: string; id: string } {
  const [group, key] = [after.key.slice(0, after.key.indexOf('|')), after.key.slice(after.key.indexOf('|') + 1)];
  if (!(GROUPS as readonly string[]).includes(group) || !key) throw validationError([{ path: 'after', code: 'invalid_format', message: 'Not a page cursor: use the `next` value of the previous page' }]);
  return { group: group as Group, key, id: after.id };
}

/**
 * The list's queries: one per status group wanted, in the list's order, each sorted by its index
 * (ends_at, starts_at) rather than every consultation read and sorted here. With a `page`, each
 * starts after the page's cursor (the groups before the cursor's are left out) and reads at most
 * one more than the page holds; without one (staff lists), at most 10,000.
 */
export function consultationListQueries(db: Db, f: ConsultationFilters, now: Date, districtScope?: number | null, page?: ListPage) {
  let q = db.selectFrom('consultation').selectAll();
  const district = f.district ?? districtScope;
  if (district) q = q.where((eb) => eb.or([eb('district', '=', district), eb('district', 'is', null)]));
  // A district-scoped staff member sees only their district's consultations.
  if (districtScope) q = q.where('district', '=', districtScope);
  const at = nowIso(now);
  const wanted = (s: ConsultationStatus) => !f.status?.length || f.status.includes(s);
  const groups: { group: Group; column: 'ends_at' | 'starts_at'; desc: boolean; query: typeof q }[] = [];
  if (wanted('open')) groups.push({ group: 'open', column: 'ends_at', desc: false, query: q.where('reported_at', 'is', null).where('starts_at', '<=', at).where('ends_at', '>', at) });
  if (wanted('planned')) groups.push({ group: 'planned', column: 'starts_at', desc: false, query: q.where('reported_at', 'is', null).where('starts_at', '>', at) });
  if (wanted('closed') || wanted('reported')) {
    const past = q.where((eb) => {
      const closed = eb.and([eb('reported_at', 'is', null), eb('ends_at', '<=', at), eb('starts_at', '<=', at)]);
      const reported = eb('reported_at', 'is not', null);
      return wanted('closed') && wanted('reported') ? eb.or([closed, reported]) : wanted('closed') ? closed : reported;
    });
    groups.push({ group: 'past', column: 'ends_at', desc: true, query: past });
  }
  const cursor = page?.after && listCursor(page.after);
  const from = cursor ? groups.findIndex((g) => g.group === cursor.group) : 0;
  return groups.slice(Math.max(from, 0), from < 0 ? 0 : undefined).map((g) => {
    let query = g.query;
    if (cursor && g.group === cursor.group) {
      const { key, id } = cursor;
      query = query.where((eb) => eb.or([eb(g.column, g.desc ? '<' : '>', key), eb.and([eb(g.column, '=', key), eb('id', '>', id)])]));
    }
    return { ...g, query: query.orderBy(g.column, g.desc ? 'desc' : 'asc').orderBy('id').limit(page ? page.limit + 1 : 10_000) };
  });
}

/** Units in document order, each with its count of published remarks; plus the whole-document count. */
export const unitsQuery = (db: Db, consultationId: string) => db.selectFrom('consultation_unit').selectAll().where('consultation_id', '=', consultationId).orderBy('position');
export const unitRemarkCountsQuery = (db: Db, consultationId: string) =>
  db
    .selectFrom('consultation_remark')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'published')
    .groupBy('unit_id');

export async function findUnits(db: Db, consultationId: string) {
  const units = await unitsQuery(db, consultationId).execute();
  const rows = await unitRemarkCountsQuery(db, consultationId).execute();
  const byUnit = new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
  return {
    units: units.map((u) => ({ id: u.id, position: u.position, label: u.label, text: u.text, depth: u.depth, remarkCount: byUnit.get(u.id) ?? 0 })),
    documentRemarkCount: byUnit.get(null) ?? 0,
  };
}

/** The units' labels and texts, for the report. */
export const findUnitTexts = (db: Db, consultationId: string) =>
  db.selectFrom('consultation_unit').select(['id', 'label', 'text', 'position']).where('consultation_id', '=', consultationId).execute();

export const findUnit = (db: Db, consultationId: string, unitId: string) =>
  db.selectFrom('consultation_unit').selectAll().where('consultation_id', '=', consultationId).where('id', '=', unitId).executeTakeFirst();

/** Do the stored units read exactly as `units` (same labels, texts and depths, in order)? */
export async function unitsEqual(db: Db, consultationId: string, units: DocumentUnit[]): Promise<boolean> {
  const stored = await db.selectFrom('consultation_unit').select(['label', 'text', 'depth']).where('consultation_id', '=', consultationId).orderBy('position').execute();
  return stored.length === units.length && stored.every((s, i) => s.label === units[i]!.label && s.text === units[i]!.text && Number(s.depth) === units[i]!.depth);
}

// ---- Remarks -----------------------------------------------------------------------------------

/** What a remark says and who it is from, as a new remark gives it and the report reads it. */
export interface RemarkContent {
  unitId: string | null;
  currentWording: string;
  proposedWording: string;
  justification: string;
  authorType: AuthorType;
  organisationName: string | null;
}

export interface NewRemark extends RemarkContent {
  consultationId: string;
  krs: string | null;
  organisationId: string | null;
  contactName: string;
  contactEmail: string;
  lang: string;
  status: RemarkStatus;
}

export async function insertRemark(db: Db, r: NewRemark, now = new Date()): Promise<string> {
  const id = newId();
  const at = nowIso(now);
  await db
    .insertInto('consultation_remark')
    .values({
      id, consultation_id: r.consultationId, unit_id: r.unitId, current_wording: r.currentWording, proposed_wording: r.proposedWording, justification: r.justification,
      author_type: r.authorType, organisation_name: r.organisationName, krs: r.krs, organisation_id: r.organisationId, contact_name: r.contactName,
      contact_email: r.contactEmail.toLowerCase(), lang: r.lang, status: r.status, decision: null, response: null, answered_at: null, answered_by: null,
      created_at: at, confirmed_at: r.status === 'unconfirmed' ? null : at, published_at: r.status === 'published' ? at : null,
    })
    .execute();
  if (r.status === 'published') await bumpConsultationsVersion(db);
  return id;
}

export const findRemark = (db: Db, id: string) => db.selectFrom('consultation_remark').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Moves a remark from one of `from` to `to`; false when another request moved it first. Publishing
 * bumps the public version.
 */
export async function setRemarkStatus(db: Db, id: string, from: RemarkStatus[], to: RemarkStatus, now = new Date()): Promise<boolean> {
  const at = nowIso(now);
  const r = await db
    .updateTable('consultation_remark')
    .set({ status: to, ...(from.includes('unconfirmed') && to !== 'rejected' ? { confirmed_at: at } : {}), ...(to === 'published' ? { published_at: at } : {}) })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  const moved = Number(r.numUpdatedRows) === 1;
  if (moved && (to === 'published' || from.includes('published'))) await bumpConsultationsVersion(db);
  return moved;
}

export async function answerRemark(db: Db, id: string, answer: { decision: Decision; response: string; staffId: string }, bump: boolean): Promise<void> {
  await db.updateTable('consultation_remark').set({ decision: answer.decision, response: answer.response, answered_at: nowIso(), answered_by: answer.staffId }).where('id', '=', id).execute();
  if (bump) await bumpConsultationsVersion(db);
}

/** The organisation on the map with this KRS, when one is published. */
export async function findOrganisationIdByKrs(db: Db, krs: string): Promise<string | null> {
  const row = await db.selectFrom('organisation').select('id').where('krs', '=', krs).where('status', '=', 'published').orderBy('created_at').executeTakeFirst();
  return row?.id ?? null;
}

export interface RemarkFilters {
  unit?: string;
  authorType?: AuthorType;
  decision?: Decision;
  status?: RemarkStatus;
}

/** Remarks of a consultation: on the whole document first, then in document order, then oldest first. */
export const findRemarks = (db: Db, consultationId: string, f: RemarkFilters) => remarksQuery(db, consultationId, f).execute();

/** A page of remarks in the same order, after the cursor of the previous page (keyset: unit position, time, id). */
export async function findRemarkPage(db: Db, consultationId: string, f: RemarkFilters, page: ListPage) {
  const rows = await remarksQuery(db, consultationId, f, page).execute();
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return { rows: shown, next: more && last ? encodeCursor({ key: `${last.unit_position ?? 0}|${last.created_at}`, id: last.id }) : null };
}

function remarkCursor(after: KeysetCursor) {
  const cut = after.key.indexOf('|');
  const position = after.key.slice(0, cut);
  if (cut < 1 || !/^\d{1,9}$/.test(position)) throw validationError([{ path: 'after', code: 'invalid_format', message: 'Not a page cursor: use the `next` value of the previous page' }]);
  return { position: Number(position), createdAt: after.key.slice(cut + 1), id: after.id };
}

/** `findRemarks`' query; with a `page`, the rows after its cursor, one more than it holds. */
export function remarksQuery(db: Db, consultationId: string, f: RemarkFilters, page?: ListPage) {
  let q = db
    .selectFrom('consultation_remark as r')
    .leftJoin('consultation_unit as u', 'u.id', 'r.unit_id')
    .selectAll('r')
    .select(['u.label as unit_label', 'u.position as unit_position'])
    .where('r.consultation_id', '=', consultationId);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.unit === 'document') q = q.where('r.unit_id', 'is', null);
  else if (f.unit) q = q.where('r.unit_id', '=', f.unit);
  if (f.authorType) q = q.where('r.author_type', '=', f.authorType);
  if (f.decision) q = q.where('r.decision', '=', f.decision);
  if (page?.after) {
    const c = remarkCursor(page.after);
    q = q.where(sql<boolean>`(coalesce(u.position, 0), r.created_at, r.id) > (${c.position}, ${c.createdAt}, ${c.id})`);
  }
  // Sorted by the database (document order, then oldest first), not here.
  return q.orderBy(sql`coalesce(u.position, 0)`).orderBy('r.created_at').orderBy('r.id').limit(page ? page.limit + 1 : 100_000);
}
export type RemarkWithUnit = Awaited<ReturnType<typeof findRemarks>>[number];

/** Confirmed supports per remark, oldest first. */
export function supportsQuery(db: Db, consultationId: string, opts: { confirmedOnly: boolean }) {
  const q = db.selectFrom('consultation_support').selectAll().where('consultation_id', '=', consultationId);
  return (opts.confirmedOnly ? q.where('confirmed_at', 'is not', null) : q).orderBy('created_at').orderBy('id');
}

export async function findSupports(db: Db, consultationId: string, opts: { confirmedOnly: boolean }) {
  const rows = await supportsQuery(db, consultationId, opts).execute();
  const byRemark = new Map<string, typeof rows>();
  for (const s of rows) byRemark.set(s.remark_id, [...(byRemark.get(s.remark_id) ?? []), s]);
  return byRemark;
}

/** The public shape of a remark. No contact data; residents stay anonymous; answers only once reported. */
export function toPublicRemark(r: RemarkWithUnit, supporters: string[], reported: boolean) {
  const resident = r.author_type === 'resident';
  return {
    id: r.id,
    unitId: r.unit_id,
    unitLabel: r.unit_label ?? null,
    currentWording: r.current_wording,
    proposedWording: r.proposed_wording,
    justification: r.justification,
    authorType: r.author_type,
    organisationName: resident ? null : r.organisation_name,
    krs: resident ? null : r.krs,
    organisationId: resident ? null : r.organisation_id,
    supporters: supporters.map((organisationName) => ({ organisationName })),
    createdAt: r.created_at,
    decision: reported ? r.decision : null,
    response: reported ? r.response : null,
  };
}

export async function insertSupport(db: Db, s: { remarkId: string; consultationId: string; organisationName: string; krs: string | null; contactName: string; contactEmail: string; confirmed: boolean }): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('consultation_support')
    .values({ id, remark_id: s.remarkId, consultation_id: s.consultationId, organisation_name: s.organisationName, krs: s.krs, contact_name: s.contactName, contact_email: s.contactEmail.toLowerCase(), confirmed_at: s.confirmed ? now : null, created_at: now })
    .execute();
  if (s.confirmed) await bumpConsultationsVersion(db);
  return id;
}

/**
 * Whether this person already backs the remark: a support from the same e-mail address, or the
 * remark is their own. Organisations are not compared here: a name or a KRS is only a claim, and
 * an earlier claim must not stop the real organisation (`supporterNames` folds claims instead).
 */
export async function alreadySupports(db: Db, remark: { id: string; contact_email: string }, email: string): Promise<boolean> {
  const address = email.toLowerCase();
  if (remark.contact_email.toLowerCase() === address) return true;
  const row = await db.selectFrom('consultation_support').select('id').where('remark_id', '=', remark.id).where('contact_email', '=', address).where('confirmed_at', 'is not', null).executeTakeFirst();
  return !!row;
}

export const organisationNamesByKrsQuery = (db: Db, krs: readonly string[]) =>
  db.selectFrom('organisation').select(['krs', 'name']).where('krs', 'in', krs).where('status', '=', 'published').orderBy('created_at');

/** The NGO map's names of the published organisations with these KRS numbers. */
export async function findOrganisationNamesByKrs(db: Db, krs: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(krs)];
  if (!wanted.length) return new Map();
  const rows = await organisationNamesByKrsQuery(db, wanted).execute();
  const out = new Map<string, string>();
  for (const r of rows) if (r.krs && !out.has(r.krs)) out.set(r.krs, r.name);
  return out;
}

export const findSupport = (db: Db, id: string) => db.selectFrom('consultation_support').selectAll().where('id', '=', id).executeTakeFirst();

export async function confirmSupport(db: Db, id: string): Promise<boolean> {
  const r = await db.updateTable('consultation_support').set({ confirmed_at: nowIso() }).where('id', '=', id).where('confirmed_at', 'is', null).executeTakeFirst();
  const done = Number(r.numUpdatedRows) === 1;
  if (done) await bumpConsultationsVersion(db);
  return done;
}

/** Counts staff care about, per consultation: waiting for moderation, for e-mail confirmation, for an answer. */
export async function staffCounts(db: Db, ids: string[]) {
  const out = new Map<string, { pending: number; unconfirmed: number; unanswered: number }>();
  for (const id of ids) out.set(id, { pending: 0, unconfirmed: 0, unanswered: 0 });
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('consultation_remark')
    .select(['consultation_id', 'status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('decision').as('answered')])
    .where('consultation_id', 'in', ids)
    .groupBy(['consultation_id', 'status'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.consultation_id)!;
    if (r.status === 'pending') c.pending = Number(r.n);
    if (r.status === 'unconfirmed') c.unconfirmed = Number(r.n);
    if (r.status === 'published') c.unanswered = Number(r.n) - Number(r.answered);
  }
  return out;
}

export async function countRemarks(db: Db, consultationId: string): Promise<number> {
  const r = await db.selectFrom('consultation_remark').select((eb) => eb.fn.countAll<number>().as('n')).where('consultation_id', '=', consultationId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Sets `reported_at` once; false when the answers were already published. */
export async function markReported(db: Db, id: string, now = new Date()): Promise<boolean> {
  const r = await db.updateTable('consultation').set({ reported_at: nowIso(now), updated_at: nowIso(now) }).where('id', '=', id).where('reported_at', 'is', null).executeTakeFirst();
  const done = Number(r.numUpdatedRows) === 1;
  if (done) await bumpConsultationsVersion(db);
  return done;
}

/**
 * How many people and bodies took part in a consultation, for its report: each e-mail address that
 * sent a published remark or a confirmed support of one, counted once (trimmed, any case). Only the
 * count leaves the database; the addresses stay private.
 */
export async function countParticipants(db: Db, consultationId: string): Promise<number> {
  const email = sql<string>`lower(trim(contact_email))`;
  const remarks = db.selectFrom('consultation_remark').select(email.as('email')).where('consultation_id', '=', consultationId).where('status', '=', 'published');
  const supports = db
    .selectFrom('consultation_support')
    .select(sql<string>`lower(trim(consultation_support.contact_email))`.as('email'))
    .innerJoin('consultation_remark', 'consultation_remark.id', 'consultation_support.remark_id')
    .where('consultation_support.consultation_id', '=', consultationId)
    .where('consultation_support.confirmed_at', 'is not', null)
    .where('consultation_remark.status', '=', 'published');
  const row = await db.selectFrom(remarks.union(supports).as('p')).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
