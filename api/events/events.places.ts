/**
 * Places and the waiting list: the part of registration that must hold under concurrency, with
 * several app instances on one PostgreSQL database.
 *
 * The invariant: `event_places.taken` equals the registrations that hold a place (confirmed or
 * offered), and never exceeds `capacity`. Two mechanisms keep it:
 * - a place is taken by one conditional update (`taken = taken + 1 … where taken < capacity`). On
 *   PostgreSQL a concurrent update of the same row waits for the first to commit and re-checks the
 *   condition on the new row; SQLite has one writer at a time. No read-modify-write anywhere.
 * - every multi-step change of a list (confirm, cancel, promote, expire) first locks its places
 *   row by touching it, so the steps of one list run one after the other, in the same lock order
 *   everywhere (places row, then registration rows): no deadlock between a confirmation and a
 *   cancellation.
 * Status changes are conditional on the status read (`… where status = 'waiting'`), so a person is
 * never promoted twice or cancelled twice, whichever instance gets there first.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AccessNeed, RegistrationStatus } from '../../common/events.js';
import { HOLDS_PLACE, promotionFor } from '../../common/events.js';
import { newId, nowIso } from '../core/ids.js';
import { bumpEventsVersion, inTransaction } from './events.repository.js';
import type { EventRegistrationTable } from './events.table.js';

type Db = Kysely<Database> | Transaction<Database>;
export type RegistrationRow = EventRegistrationTable;

/** Random, URL-safe, 16 characters: what the QR code on the confirmation carries. */
export const checkInCode = () => randomBytes(12).toString('base64url');

/** Locks the places row for the rest of the transaction (a no-op write takes the row lock on PostgreSQL; SQLite has one writer). */
async function lockPlaces(db: Db, placesId: string): Promise<void> {
  await db.updateTable('event_places').set((eb) => ({ taken: eb.ref('taken') })).where('id', '=', placesId).execute();
}

/** Takes one place if one is free. The condition is the guarantee: it is evaluated on the row as committed. */
export async function takePlace(db: Db, placesId: string): Promise<boolean> {
  const r = await db
    .updateTable('event_places')
    .set((eb) => ({ taken: eb('taken', '+', 1) }))
    .where('id', '=', placesId)
    .where((eb) => eb.or([eb('capacity', 'is', null), eb('taken', '<', eb.ref('capacity'))]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

async function givePlaceBack(db: Db, placesId: string): Promise<void> {
  await db.updateTable('event_places').set((eb) => ({ taken: eb('taken', '-', 1) })).where('id', '=', placesId).where('taken', '>', 0).execute();
}

export interface NewRegistration {
  placesId: string;
  eventId: string | null;
  seriesId: string | null;
  name: string;
  email: string;
  organisation: string | null;
  answers: Record<string, unknown>;
  accessNeeds: AccessNeed[];
  accessNote: string | null;
  skipSessions: string[];
  lang: string;
}

/** Stores a registration waiting for its e-mail confirmation. It holds no place yet. */
export async function insertRegistration(db: Db, r: NewRegistration, now = new Date()): Promise<RegistrationRow> {
  const row: RegistrationRow = {
    id: newId(), places_id: r.placesId, event_id: r.eventId, series_id: r.seriesId, status: 'unconfirmed', name: r.name, email: r.email.toLowerCase(),
    organisation: r.organisation, answers: JSON.stringify(r.answers), access_needs: JSON.stringify(r.accessNeeds), access_note: r.accessNote,
    skip_sessions: JSON.stringify(r.skipSessions), lang: r.lang, code: checkInCode(), queued_at: null, queue_no: null, offered_until: null,
    created_at: nowIso(now), confirmed_at: null, cancelled_at: null, purged_at: null,
  };
  await db.insertInto('event_registration').values(row).execute();
  return row;
}

export const findRegistration = (db: Db, id: string) => db.selectFrom('event_registration').selectAll().where('id', '=', id).executeTakeFirst();

/** The registrations of a list that staff see (all but the unconfirmed), in queue order. */
export const findListRegistrations = (db: Db, placesId: string) =>
  db.selectFrom('event_registration').selectAll().where('places_id', '=', placesId).where('status', '!=', 'unconfirmed').orderBy('queue_no').execute();

/** A live registration of `email` on a list (to refuse a second one). */
export const findActiveRegistration = (db: Db, placesId: string, email: string) =>
  db
    .selectFrom('event_registration')
    .selectAll()
    .where('places_id', '=', placesId)
    .where('email', '=', email.toLowerCase())
    .where('status', 'in', ['unconfirmed', 'confirmed', 'waiting', 'offered'])
    .executeTakeFirst();

/**
 * When the list's event begins, for the promotion rule: the event's start, or for a cycle the
 * next session that has not started yet (else its first one).
 */
async function listStartsAt(db: Db, placesId: string, now: Date): Promise<string | null> {
  const sessions = await db
    .selectFrom('calendar_event')
    .select('starts_at')
    .where('places_id', '=', placesId)
    .where('status', '=', 'published')
    .orderBy('starts_at')
    .execute();
  const at = nowIso(now);
  return sessions.find((s) => s.starts_at > at)?.starts_at ?? sessions[0]?.starts_at ?? null;
}

export type ConfirmOutcome = { status: 'confirmed' | 'waiting' | 'full' | 'unchanged'; registration: RegistrationRow };

/**
 * The registrant opened the e-mailed link: they get a place if one is free, else a place on the
 * waiting list (or `full` when the list has none). Confirming twice changes nothing.
 */
export async function confirmRegistration(db: Db, id: string, now = new Date()): Promise<ConfirmOutcome> {
  return inTransaction(db, async (trx) => {
    const first = await findRegistration(trx, id);
    if (!first) throw new Error(`No registration ${id}`);
    await lockPlaces(trx, first.places_id);
    const reg = (await findRegistration(trx, id))!;
    if (reg.status !== 'unconfirmed') return { status: 'unchanged', registration: reg };
    const places = await trx.selectFrom('event_places').select(['waiting_list']).where('id', '=', reg.places_id).executeTakeFirstOrThrow();
    const status: RegistrationStatus = (await takePlace(trx, reg.places_id)) ? 'confirmed' : places.waiting_list ? 'waiting' : 'cancelled';
    const at = nowIso(now);
    // Under the lock, the next number is ours alone.
    const last = await trx.selectFrom('event_registration').select((eb) => eb.fn.max('queue_no').as('n')).where('places_id', '=', reg.places_id).executeTakeFirst();
    const queueNo = Number(last?.n ?? 0) + 1;
    const r = await trx
      .updateTable('event_registration')
      .set({ status, queued_at: at, queue_no: queueNo, confirmed_at: at, ...(status === 'cancelled' ? { cancelled_at: at } : {}) })
      .where('id', '=', id)
      .where('status', '=', 'unconfirmed')
      .executeTakeFirst();
    // Under the lock no one else can have changed it; if they did, undo the place by failing the transaction.
    if (Number(r.numUpdatedRows) !== 1) throw new Error('Registration changed under the places lock');
    await bumpEventsVersion(trx);
    return { status: status === 'cancelled' ? 'full' : (status as 'confirmed' | 'waiting'), registration: { ...reg, status, queued_at: at, queue_no: queueNo, confirmed_at: at } };
  });
}

/**
 * Moves the first person of the waiting list into a freed place (which stays taken), as confirmed
 * or as an offer with a deadline. Without anyone waiting, the place is given back.
 */
async function promoteNext(trx: Db, placesId: string, now: Date): Promise<RegistrationRow | null> {
  const startsAt = await listStartsAt(trx, placesId, now);
  for (let attempt = 0; attempt < 50; attempt++) {
    const next = await trx
      .selectFrom('event_registration')
      .selectAll()
      .where('places_id', '=', placesId)
      .where('status', '=', 'waiting')
      .orderBy('queue_no')
      .executeTakeFirst();
    if (!next) break;
    const p = startsAt ? promotionFor(startsAt, now) : ({ status: 'confirmed' } as const);
    const offeredUntil = p.status === 'offered' ? p.offeredUntil : null;
    const r = await trx
      .updateTable('event_registration')
      .set({ status: p.status, offered_until: offeredUntil })
      .where('id', '=', next.id)
      .where('status', '=', 'waiting')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) return { ...next, status: p.status, offered_until: offeredUntil };
  }
  await givePlaceBack(trx, placesId);
  return null;
}

export type ReleaseOutcome = { changed: boolean; registration: RegistrationRow; promoted: RegistrationRow | null };

/** Cancels a registration (by its holder or by staff). A place it held passes to the next person waiting. */
export async function cancelRegistration(db: Db, id: string, now = new Date()): Promise<ReleaseOutcome> {
  return endRegistration(db, id, ['unconfirmed', 'confirmed', 'waiting', 'offered'], 'cancelled', now);
}

async function endRegistration(db: Db, id: string, from: RegistrationStatus[], to: 'cancelled' | 'expired', now: Date, extra?: (r: RegistrationRow) => boolean): Promise<ReleaseOutcome> {
  return inTransaction(db, async (trx) => {
    const first = await findRegistration(trx, id);
    if (!first) throw new Error(`No registration ${id}`);
    await lockPlaces(trx, first.places_id);
    const reg = (await findRegistration(trx, id))!;
    if (!from.includes(reg.status) || (extra && !extra(reg))) return { changed: false, registration: reg, promoted: null };
    const at = nowIso(now);
    await trx.updateTable('event_registration').set({ status: to, cancelled_at: at, offered_until: null }).where('id', '=', id).where('status', '=', reg.status).execute();
    const promoted = HOLDS_PLACE.includes(reg.status) ? await promoteNext(trx, reg.places_id, now) : null;
    await bumpEventsVersion(trx);
    return { changed: true, registration: { ...reg, status: to, cancelled_at: at }, promoted };
  });
}

/** The person moved up accepts the offered place before its deadline. */
export async function acceptOffer(db: Db, id: string, now = new Date()): Promise<boolean> {
  const r = await db
    .updateTable('event_registration')
    .set({ status: 'confirmed', offered_until: null })
    .where('id', '=', id)
    .where('status', '=', 'offered')
    .where('offered_until', '>', nowIso(now))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 1) await bumpEventsVersion(db);
  return Number(r.numUpdatedRows) === 1;
}

/** A job: offers not accepted in time expire, and each freed place is offered to the next person. Returns who was moved up. */
export async function expireOffers(db: Kysely<Database>, now = new Date(), onPromoted?: (trx: Db, reg: RegistrationRow) => Promise<unknown>): Promise<RegistrationRow[]> {
  const due = await db.selectFrom('event_registration').select('id').where('status', '=', 'offered').where('offered_until', '<=', nowIso(now)).limit(500).execute();
  const promoted: RegistrationRow[] = [];
  for (const { id } of due) {
    // The expiry, the next person's offer and their mail (`onPromoted`) are one transaction: a
    // failed mail leaves the offer as it was, never a place offered to someone nobody told.
    const out = await inTransaction(db, async (trx) => {
      const ended = await endRegistration(trx, id, ['offered'], 'expired', now, (r) => r.offered_until !== null && r.offered_until <= nowIso(now));
      if (ended.promoted) await onPromoted?.(trx, ended.promoted);
      return ended;
    });
    if (out.promoted) promoted.push(out.promoted);
  }
  return promoted;
}

/** After staff raise a capacity: moves as many people up from the waiting list as there are free places. */
export async function fillFreePlaces(db: Db, placesId: string, now = new Date()): Promise<RegistrationRow[]> {
  return inTransaction(db, async (trx) => {
    await lockPlaces(trx, placesId);
    const promoted: RegistrationRow[] = [];
    for (;;) {
      const waiting = await trx.selectFrom('event_registration').select('id').where('places_id', '=', placesId).where('status', '=', 'waiting').executeTakeFirst();
      if (!waiting || !(await takePlace(trx, placesId))) break;
      const p = await promoteNext(trx, placesId, now);
      if (!p) break;
      promoted.push(p);
    }
    if (promoted.length) await bumpEventsVersion(trx);
    return promoted;
  });
}

/** Counts by status of one list, for staff and for the invariant checks. */
export async function statusCounts(db: Db, placesId: string): Promise<Record<RegistrationStatus, number>> {
  const rows = await db
    .selectFrom('event_registration')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('places_id', '=', placesId)
    .groupBy('status')
    .execute();
  const out = { unconfirmed: 0, confirmed: 0, waiting: 0, offered: 0, cancelled: 0, expired: 0 } as Record<RegistrationStatus, number>;
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}
