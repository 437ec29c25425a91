/** The map module's objective indicators for the LIJW survey (through the manifest's `indicators` hook). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { addDays, warsawMidnight as midnight } from '../../common/time.js';
import type { Indicator, IndicatorQuery, WaitingCount } from '../core/module.js';
import type { StaffPrincipal } from '../core/auth.js';
import { districtScope } from '../core/staff.rules.js';
import { listSubmissions } from './map.repository.js';

/** Organisations published on the map at the end of the period, and the entries verified (confirmed current by their owners) during it. */
export async function mapIndicators(db: Kysely<Database>, q: IndicatorQuery): Promise<Indicator[]> {
  const end = midnight(addDays(q.to, 1));
  const listed = await db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').where('created_at', '<', end).executeTakeFirstOrThrow();
  const verified = await db
    .selectFrom('organisation')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('verified_at', '>=', midnight(q.from))
    .where('verified_at', '<', end)
    .executeTakeFirstOrThrow();
  return [
    { key: 'map.organisations', value: Number(listed.n), unit: 'count' },
    { key: 'map.verified', value: Number(verified.n), unit: 'count' },
  ];
}

/** The start screen's count (the manifest's `waiting` hook): confirmed submissions waiting for moderation, as the staff member's queue lists them. */
export async function mapWaiting(db: Kysely<Database>, staff: StaffPrincipal): Promise<WaitingCount[]> {
  return [{ key: 'map.submissions', count: (await listSubmissions(db, 'pending', districtScope(staff))).length, section: 'map' }];
}
