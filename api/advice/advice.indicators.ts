/** The advisory point's start-screen counts and objective indicators (through the manifest's hooks). */
import type { Kysely } from 'kysely';
import { ADMIN_SECTIONS } from '../../common/modules.js';
import { addDays, warsawMidnight as midnight } from '../../common/time.js';
import type { Database } from '../db/schema.js';
import type { StaffPrincipal } from '../core/auth.js';
import { canReachSection, type Indicator, type IndicatorQuery, type WaitingCount } from '../core/module.js';
import { nowIso } from '../core/ids.js';
import { findCases } from './advice.repository.js';
import { viewerOf } from './advice.service.js';

/** What waits for this staff member: new cases and overdue ones, within what they may see. */
export async function adviceWaiting(db: Kysely<Database>, staff: StaffPrincipal, now = new Date()): Promise<WaitingCount[]> {
  if (!canReachSection(staff.role, ADMIN_SECTIONS.advice)) return [];
  const viewer = await viewerOf(db, staff);
  const scope = viewer.role === 'admin' ? undefined : { staffId: viewer.id, topics: viewer.topics };
  const [fresh, overdue] = await Promise.all([findCases(db, { status: 'new', scope }), findCases(db, { overdueAt: nowIso(now), scope })]);
  return [
    { key: 'advice.new', count: fresh.length, section: 'advice' },
    { key: 'advice.overdue', count: overdue.length, section: 'advice' },
  ];
}

/** For the LIJW survey's objective figures: requests received, cases answered, and the share of satisfied requesters (4 or 5 of 5). */
export async function adviceIndicators(db: Kysely<Database>, q: IndicatorQuery): Promise<Indicator[]> {
  const [from, to] = [midnight(q.from), midnight(addDays(q.to, 1))];
  const count = async (answered: boolean) => {
    // A case counts as answered when it got its answer, or was closed without one marked, in the period.
    const r = await db
      .selectFrom('advice_case')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        answered
          ? eb.or([eb.and([eb('answered_at', '>=', from), eb('answered_at', '<', to)]), eb.and([eb('answered_at', 'is', null), eb('closed_at', '>=', from), eb('closed_at', '<', to)])])
          : eb.and([eb('created_at', '>=', from), eb('created_at', '<', to)]),
      )
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };
  const rated = await db.selectFrom('advice_case').select('satisfaction').where('closed_at', '>=', from).where('closed_at', '<', to).where('satisfaction', 'is not', null).execute();
  const satisfied = rated.filter((r) => Number(r.satisfaction) >= 4).length;
  return [
    { key: 'advice.requests', value: await count(false), unit: 'count' },
    { key: 'advice.answered', value: await count(true), unit: 'count' },
    { key: 'advice.satisfied', value: rated.length ? Math.round((satisfied / rated.length) * 100) : 0, unit: 'percent' },
  ];
}
