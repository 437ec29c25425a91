/**
 * After registration: check-in per session, attendance against a cycle's rule, certificates,
 * the access-needs counts staff see before an event, retention, and moderation's conflict hints.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { ACCESS_NEEDS, meetsAttendanceRule, type AccessNeed, type EventAudience } from '../../common/events.js';
import { eventDays } from '../../common/events.calendar.js';
import { ApiError } from '../core/errors.js';
import { newId, nowIso } from '../core/ids.js';
import { findEventRow, findSeriesRow, findSessions, inTransaction, localInterval, type EventRow } from './events.repository.js';
import { certificateNumber } from './events.certificate.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Who checked in to one session, and when and how. */
export const findCheckIns = (db: Db, eventId: string) => db.selectFrom('event_attendance').select(['registration_id', 'checked_in_at', 'method']).where('event_id', '=', eventId).execute();

export type CheckInResult = { status: 'checked_in' | 'already'; registrationId: string; name: string; checkedInAt: string };

/**
 * Checks a person in to one session, by the code of their QR (method `qr`) or from the list
 * (`list`, by registration id). The registration must hold a confirmed place on this event's list.
 * Checking in twice is harmless: it answers `already` with the first time.
 */
export async function checkIn(db: Db, input: { eventId: string; code?: string; registrationId?: string; by: string | null; now?: Date }): Promise<CheckInResult> {
  const event = await findEventRow(db, input.eventId);
  if (!event) throw new ApiError(404, 'not_found', 'Event not found');
  let q = db.selectFrom('event_registration').selectAll();
  q = input.code ? q.where('code', '=', input.code) : q.where('id', '=', input.registrationId ?? '');
  const reg = await q.executeTakeFirst();
  if (!reg || reg.places_id !== event.places_id) throw new ApiError(404, 'not_registered', 'No registration for this event with this code');
  if (reg.status !== 'confirmed') throw new ApiError(409, 'not_confirmed', `This registration is ${reg.status}, not confirmed`, { status: reg.status });
  const at = nowIso(input.now);
  const r = await db
    .insertInto('event_attendance')
    .values({ registration_id: reg.id, event_id: event.id, method: input.code ? 'qr' : 'list', checked_in_at: at, checked_in_by: input.by })
    .onConflict((oc) => oc.columns(['registration_id', 'event_id']).doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) return { status: 'checked_in', registrationId: reg.id, name: reg.name, checkedInAt: at };
  const first = await db.selectFrom('event_attendance').select('checked_in_at').where('registration_id', '=', reg.id).where('event_id', '=', event.id).executeTakeFirstOrThrow();
  return { status: 'already', registrationId: reg.id, name: reg.name, checkedInAt: first.checked_in_at };
}

/** Undoes a check-in made by mistake. */
export async function undoCheckIn(db: Db, eventId: string, registrationId: string): Promise<boolean> {
  const r = await db.deleteFrom('event_attendance').where('event_id', '=', eventId).where('registration_id', '=', registrationId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Sessions that count for the rule: published (not cancelled) ones that have begun. */
const heldSessions = (sessions: EventRow[], now: Date) => sessions.filter((s) => s.status === 'published' && s.starts_at <= nowIso(now));

export interface AttendanceLine {
  registrationId: string;
  name: string;
  attended: string[];
  meetsRule: boolean;
  certificate: string | null;
}

/** Attendance per confirmed participant of a cycle, against its rule, with any certificate issued. */
export async function cycleAttendance(db: Db, seriesId: string, now = new Date()): Promise<{ held: EventRow[]; percent: number | null; lines: AttendanceLine[] }> {
  const series = await findSeriesRow(db, seriesId);
  if (!series?.places_id) throw new ApiError(404, 'not_found', 'No cycle with its own registration');
  const held = heldSessions(await findSessions(db, seriesId), now);
  const regs = await db.selectFrom('event_registration').select(['id', 'name']).where('places_id', '=', series.places_id).where('status', '=', 'confirmed').orderBy('queue_no').execute();
  const heldIds = held.map((s) => s.id);
  const marks = heldIds.length
    ? await db.selectFrom('event_attendance').select(['registration_id', 'event_id']).where('event_id', 'in', heldIds).execute()
    : [];
  const certs = await db.selectFrom('event_certificate').select(['registration_id', 'number']).where('series_id', '=', seriesId).where('revoked_at', 'is', null).execute();
  const percent = series.attendance_percent;
  return {
    held,
    percent,
    lines: regs.map((r) => {
      const attended = heldIds.filter((id) => marks.some((m) => m.registration_id === r.id && m.event_id === id));
      return { registrationId: r.id, name: r.name, attended, meetsRule: percent !== null && meetsAttendanceRule(attended.length, held.length, percent), certificate: certs.find((c) => c.registration_id === r.id)?.number ?? null };
    }),
  };
}

export interface IssuedCertificate {
  number: string;
  registrationId: string;
  holderName: string;
  email: string;
  lang: string;
}

/** Issues a certificate to every participant who meets the cycle's rule and has none yet. Returns the new ones. */
export async function issueCertificates(db: Db, seriesId: string, opts: { by: string | null; now?: Date }): Promise<IssuedCertificate[]> {
  const now = opts.now ?? new Date();
  return inTransaction(db, async (trx) => {
    const series = (await findSeriesRow(trx, seriesId))!;
    if (series?.kind !== 'cycle' || series.attendance_percent === null) throw new ApiError(409, 'no_certificates', 'This series issues no certificates');
    const { held, lines } = await cycleAttendance(trx, seriesId, now);
    const issued: IssuedCertificate[] = [];
    for (const line of lines.filter((l) => l.meetsRule && !l.certificate)) {
      const reg = (await trx.selectFrom('event_registration').select(['email', 'lang', 'name']).where('id', '=', line.registrationId).executeTakeFirst())!;
      const sessions = held.filter((s) => line.attended.includes(s.id)).map((s) => ({ title: s.title, startLocal: localInterval(s).start }));
      const number = certificateNumber(Number(nowIso(now).slice(0, 4)));
      await trx
        .insertInto('event_certificate')
        .values({
          id: newId(), number, series_id: seriesId, registration_id: line.registrationId, holder_name: reg.name, series_title: series.title, sessions: JSON.stringify(sessions),
          attended: line.attended.length, held: held.length, issued_at: nowIso(now), issued_by: opts.by, revoked_at: null,
        })
        .execute();
      issued.push({ number, registrationId: line.registrationId, holderName: reg.name, email: reg.email, lang: reg.lang });
    }
    return issued;
  });
}

export const findCertificate = (db: Db, number: string) => db.selectFrom('event_certificate').selectAll().where('number', '=', number).executeTakeFirst();

/** How many people holding (or offered) a place need each kind of access support: "2 need a PJM interpreter". */
export async function accessNeedCounts(db: Db, placesId: string): Promise<Record<AccessNeed, number>> {
  const rows = await db.selectFrom('event_registration').select('access_needs').where('places_id', '=', placesId).where('status', 'in', ['confirmed', 'offered']).execute();
  const counts = Object.fromEntries(ACCESS_NEEDS.map((n) => [n, 0])) as Record<AccessNeed, number>;
  for (const r of rows) for (const n of JSON.parse(r.access_needs) as AccessNeed[]) if (n in counts) counts[n]++;
  return counts;
}

/**
 * Retention: `days` after a list's last session ends, its registrants' personal data (name,
 * e-mail, organisation, answers, note) is blanked. The rows stay, with status, access needs and
 * attendance, so counts and statistics survive. Registrations never confirmed go after `days`
 * since they were made. Submitters' contact data follows the event the same way.
 */
export async function purgeRegistrations(db: Kysely<Database>, days: number, now = new Date()): Promise<number> {
  const cut = new Date(now.getTime() - days * 86_400_000).toISOString();
  const ended = db
    .selectFrom('calendar_event')
    .select('places_id')
    .where('places_id', 'is not', null)
    .groupBy('places_id')
    .having((eb) => eb.fn.max('ends_at'), '<', cut);
  const blank = { name: '', email: '', organisation: null, answers: '{}', access_note: null, purged_at: nowIso(now) } as const;
  const a = await db.updateTable('event_registration').set(blank).where('purged_at', 'is', null).where('places_id', 'in', ended).executeTakeFirst();
  const b = await db.deleteFrom('event_registration').where('status', '=', 'unconfirmed').where('created_at', '<', cut).executeTakeFirst();
  const c = await db
    .updateTable('event_submission')
    .set({ submitter_name: '', submitter_email: '', note: '' })
    .where('submitter_email', '!=', '')
    .where('event_id', 'in', (eb) => eb.selectFrom('calendar_event').select('id').where('ends_at', '<', cut))
    .executeTakeFirst();
  return Number(a.numUpdatedRows) + Number(b.numDeletedRows) + Number(c.numUpdatedRows);
}

export type ConflictReason = 'same_day' | 'same_district' | 'same_audience';
export interface Conflict { id: string; title: string; startsAt: string; reasons: ConflictReason[] }

/**
 * Moderation hints: other public or pending events on the same Warsaw day, flagged when they are
 * also in the same district or for an overlapping audience (the ones that compete for people).
 */
export async function findConflicts(db: Db, e: EventRow): Promise<Conflict[]> {
  const days = eventDays(e.starts_at, e.ends_at);
  const rows = await db
    .selectFrom('calendar_event')
    .selectAll()
    .where('id', '!=', e.id)
    .where('status', 'in', ['published', 'pending'])
    .where('starts_at', '<', e.ends_at > e.starts_at ? new Date(Date.parse(e.ends_at) + 86_400_000).toISOString() : e.ends_at)
    .where('ends_at', '>', new Date(Date.parse(e.starts_at) - 86_400_000).toISOString())
    .limit(200)
    .execute();
  const audience = JSON.parse(e.audience) as EventAudience[];
  const out: Conflict[] = [];
  for (const o of rows) {
    if (!eventDays(o.starts_at, o.ends_at).some((d) => days.includes(d))) continue;
    const reasons: ConflictReason[] = ['same_day'];
    if (e.district !== null && o.district === e.district) reasons.push('same_district');
    if ((JSON.parse(o.audience) as EventAudience[]).some((a) => audience.includes(a))) reasons.push('same_audience');
    out.push({ id: o.id, title: o.title, startsAt: o.starts_at, reasons });
  }
  return out.sort((a, b) => b.reasons.length - a.reasons.length || a.startsAt.localeCompare(b.startsAt));
}
