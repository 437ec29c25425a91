import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { splitDocument } from '../../common/consultations.document.js';
import { nowIso } from '../core/ids.js';
import { DEMO_CONSULTATIONS, demoLocal, type DemoConsultation } from './consultations.demo.js';
import { answerRemark, insertConsultation, insertRemark, insertSupport, markReported } from './consultations.repository.js';
import { warsawLocalToUtc } from '../../common/time.js';

const DAY = 86400_000;
const HOUR = 3600_000;

/**
 * When things happened in a demo consultation, as instants: its window, and a clamp that keeps a
 * remark inside it (an hour from either edge), whatever the hour the seed runs at.
 */
export function demoTimeline(demo: DemoConsultation, now = new Date()) {
  const startsLocal = demoLocal(demo.startsInDays, '08:00', now);
  const endsLocal = demoLocal(demo.endsInDays, '23:59', now);
  const start = Date.parse(warsawLocalToUtc(startsLocal));
  const end = Date.parse(warsawLocalToUtc(endsLocal));
  const at = (days: number) => now.getTime() + days * DAY;
  return {
    startsLocal,
    endsLocal,
    /** A remark sent `days` from now, inside the window and never in the future. */
    sent: (days: number) => new Date(Math.min(end - HOUR, now.getTime() - HOUR, Math.max(start + HOUR, at(days)))),
    /** An answer or the report, after the end and never in the future. */
    after: (days: number) => new Date(Math.min(now.getTime() - HOUR, Math.max(end + HOUR, at(days)))),
  };
}

/** The demo consultations: open, closed with answers in progress, reported, planned; remarks published and dated as in life. */
export async function seedConsultationsDemo(db: Kysely<Database>): Promise<void> {
  const now = new Date();
  for (const demo of DEMO_CONSULTATIONS) {
    const time = demoTimeline(demo, now);
    const input = { ...demo.input, startsLocal: time.startsLocal, endsLocal: time.endsLocal };
    const id = await insertConsultation(db, input, splitDocument(input.document), { createdBy: 'seed' });
    // Staff prepared it about two weeks before it opened (or today, if that is still ahead).
    const prepared = nowIso(new Date(Math.min(now.getTime(), Date.parse(warsawLocalToUtc(time.startsLocal)) - 14 * DAY)));
    await db.updateTable('consultation').set({ created_at: prepared, updated_at: prepared }).where('id', '=', id).execute();
    const units = await db.selectFrom('consultation_unit').select(['id', 'label', 'text']).where('consultation_id', '=', id).execute();
    for (const r of demo.remarks) {
      const unit = r.unitLabel === null ? undefined : units.find((u) => u.label === r.unitLabel);
      if (r.unitLabel !== null && !unit) throw new Error(`Demo remark on unknown unit "${r.unitLabel}" in "${demo.input.title}"`);
      const sent = time.sent(r.sentInDays);
      const remarkId = await insertRemark(
        db,
        {
          consultationId: id, unitId: unit?.id ?? null, currentWording: unit?.text ?? '', proposedWording: r.proposedWording, justification: r.justification,
          authorType: r.authorType, organisationName: r.authorType === 'resident' ? null : r.organisationName, krs: r.krs, organisationId: null,
          contactName: r.contactName, contactEmail: r.contactEmail, lang: 'pl', status: 'published',
        },
        sent,
      );
      // Under pre-moderation a moderator published it some hours later.
      if (input.moderation === 'pre') {
        const published = nowIso(new Date(Math.min(now.getTime() - HOUR, sent.getTime() + 5 * HOUR)));
        await db.updateTable('consultation_remark').set({ published_at: published }).where('id', '=', remarkId).execute();
      }
      for (const [i, name] of (r.supporters ?? []).entries()) {
        const supportId = await insertSupport(db, { remarkId, consultationId: id, organisationName: name, krs: null, contactName: '—', contactEmail: '', confirmed: true });
        const at = nowIso(time.sent((r.sentInDays + 0.6 + i * 0.9)));
        await db.updateTable('consultation_support').set({ created_at: at, confirmed_at: at }).where('id', '=', supportId).execute();
      }
      if (r.decision && r.response) {
        await answerRemark(db, remarkId, { decision: r.decision, response: r.response, staffId: 'seed' }, false);
        const answered = nowIso(time.after(r.answeredInDays ?? demo.endsInDays + 1));
        await db.updateTable('consultation_remark').set({ answered_at: answered }).where('id', '=', remarkId).execute();
      }
    }
    if (demo.reportedInDays !== undefined) await markReported(db, id, time.after(demo.reportedInDays));
  }
}
