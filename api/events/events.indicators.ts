/** The events module's start-screen counts and objective indicators (through the manifest's hooks). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { placesLeft } from '../../common/events.js';
import type { StaffPrincipal } from '../core/auth.js';
import { inDistrict } from '../core/staff.rules.js';
import type { Indicator, IndicatorQuery, WaitingCount } from '../core/module.js';
import { nowIso } from '../core/ids.js';
import { addDays, endOfWeek, startOfWeek, warsawDateOf, warsawMidnight as midnight } from '../../common/time.js';

/** What waits: submissions to moderate, events this week (Monday to Sunday, Warsaw), and the places left at them. */
export async function eventsWaiting(db: Kysely<Database>, staff: StaffPrincipal, now = new Date()): Promise<WaitingCount[]> {
  const inScope = (district: number | null) => inDistrict(staff, district === null ? null : [district]);
  const subs = await db.selectFrom('event_submission').innerJoin('calendar_event', 'calendar_event.id', 'event_submission.event_id').select('calendar_event.district').where('event_submission.status', '=', 'pending').execute();
  const today = warsawDateOf(now);
  const week = await db
    .selectFrom('calendar_event')
    .leftJoin('event_places', 'event_places.id', 'calendar_event.places_id')
    .select(['calendar_event.district', 'calendar_event.places_id', 'event_places.capacity', 'event_places.taken'])
    .where('calendar_event.status', '=', 'published')
    .where('calendar_event.starts_at', '<', midnight(addDays(endOfWeek(today), 1)))
    .where('calendar_event.ends_at', '>', midnight(startOfWeek(today)))
    .execute();
  const mine = week.filter((e) => inScope(e.district));
  // A cycle's places count once, however many of its sessions fall in the week.
  const lists = new Map(mine.filter((e) => e.places_id && e.capacity !== null).map((e) => [e.places_id!, placesLeft(e.capacity, Number(e.taken)) ?? 0]));
  return [
    { key: 'events.submissions', count: subs.filter((s) => inScope(s.district)).length, section: 'events' },
    { key: 'events.this_week', count: mine.length, section: 'events' },
    { key: 'events.places_left', count: [...lists.values()].reduce((a, b) => a + b, 0), section: 'events' },
  ];
}

/** For the LIJW survey's objective figures: trainings held in the period, and the people who attended them. */
export async function eventIndicators(db: Kysely<Database>, q: IndicatorQuery, now = new Date()): Promise<Indicator[]> {
  const held = await db
    .selectFrom('calendar_event')
    .select('id')
    .where('type', '=', 'training')
    .where('status', '=', 'published')
    .where('starts_at', '>=', midnight(q.from))
    .where('starts_at', '<', midnight(addDays(q.to, 1)))
    .where('starts_at', '<=', nowIso(now))
    .execute();
  const ids = held.map((h) => h.id);
  const people = ids.length
    ? await db.selectFrom('event_attendance').select((eb) => eb.fn.count<number>('registration_id').distinct().as('n')).where('event_id', 'in', ids).executeTakeFirstOrThrow()
    : { n: 0 };
  return [
    { key: 'events.trainings_held', value: ids.length, unit: 'count' },
    { key: 'events.training_participants', value: Number(people.n), unit: 'count' },
  ];
}
