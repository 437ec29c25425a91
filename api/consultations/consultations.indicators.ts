/** The consultations module's objective indicators for the LIJW survey (through the manifest's `indicators` hook). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { addDays, warsawMidnight as midnight } from '../../common/time.js';
import type { Indicator, IndicatorQuery, WaitingCount } from '../core/module.js';
import type { StaffPrincipal } from '../core/auth.js';
import { districtScope } from '../core/staff.rules.js';
import { findConsultations, staffCounts } from './consultations.repository.js';
import { statusAt } from './consultations.rules.js';
import { nowIso } from '../core/ids.js';

/**
 * Over the period (Warsaw days, inclusive): consultations that started (and have started by now),
 * the remarks received on them (confirmed ones: pending, published or rejected), and the share of
 * the decided remarks that were accepted or partly accepted.
 */
export async function consultationIndicators(db: Kysely<Database>, q: IndicatorQuery, now = new Date()): Promise<Indicator[]> {
  const held = await db
    .selectFrom('consultation')
    .select('id')
    .where('starts_at', '>=', midnight(q.from))
    .where('starts_at', '<', midnight(addDays(q.to, 1)))
    .where('starts_at', '<=', nowIso(now))
    .execute();
  const ids = held.map((h) => h.id);
  const remarks = ids.length
    ? await db.selectFrom('consultation_remark').select(['decision']).where('consultation_id', 'in', ids).where('status', '!=', 'unconfirmed').execute()
    : [];
  const decided = remarks.filter((r) => r.decision !== null);
  const accepted = decided.filter((r) => r.decision === 'accepted' || r.decision === 'partly_accepted').length;
  return [
    { key: 'consultations.held', value: ids.length, unit: 'count' },
    { key: 'consultations.remarks', value: remarks.length, unit: 'count' },
    { key: 'consultations.accepted_share', value: decided.length ? Math.round((1000 * accepted) / decided.length) / 10 : 0, unit: 'percent' },
  ];
}

/**
 * The start screen's counts (the manifest's `waiting` hook), over the consultations the staff
 * member's list shows: remarks waiting for moderation, published remarks still without an answer
 * (of consultations whose report is not out yet), and open consultations closing within 7 days.
 */
export async function consultationsWaiting(db: Kysely<Database>, staff: StaffPrincipal, now = new Date()): Promise<WaitingCount[]> {
  const rows = (await findConsultations(db, {}, now, districtScope(staff))).map((r) => r.row);
  const counts = await staffCounts(db, rows.map((r) => r.id));
  const sum = (pick: (c: { pending: number; unanswered: number }) => number, only = rows) => only.reduce((n, r) => n + pick(counts.get(r.id)!), 0);
  const week = nowIso(new Date(now.getTime() + 7 * 24 * 3600_000));
  return [
    { key: 'consultations.to_moderate', count: sum((c) => c.pending), section: 'consultations' },
    { key: 'consultations.unanswered', count: sum((c) => c.unanswered, rows.filter((r) => r.reported_at === null)), section: 'consultations' },
    { key: 'consultations.closing', count: rows.filter((r) => statusAt(r, now) === 'open' && r.ends_at <= week).length, section: 'consultations' },
  ];
}
