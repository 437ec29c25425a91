import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { splitDocument } from '../../common/consultations.document.js';
import { nowIso } from '../core/ids.js';
import { DEMO_CONSULTATIONS, demoLocal } from './consultations.demo.js';
import { answerRemark, insertConsultation, insertRemark, insertSupport, markReported } from './consultations.repository.js';

/** The demo consultations: one open, one closed with its report, one planned; remarks published as given. */
export async function seedConsultationsDemo(db: Kysely<Database>): Promise<void> {
  const now = new Date();
  for (const demo of DEMO_CONSULTATIONS) {
    const input = { ...demo.input, startsLocal: demoLocal(demo.startsInDays, '08:00', now), endsLocal: demoLocal(demo.endsInDays, '23:59', now) };
    const id = await insertConsultation(db, input, splitDocument(input.document), { createdBy: 'seed' });
    const units = await db.selectFrom('consultation_unit').select(['id', 'label', 'text']).where('consultation_id', '=', id).execute();
    for (const r of demo.remarks) {
      const unit = r.unitLabel === null ? undefined : units.find((u) => u.label === r.unitLabel);
      if (r.unitLabel !== null && !unit) throw new Error(`Demo remark on unknown unit "${r.unitLabel}" in "${demo.input.title}"`);
      const remarkId = await insertRemark(db, {
        consultationId: id, unitId: unit?.id ?? null, currentWording: unit?.text ?? '', proposedWording: r.proposedWording, justification: r.justification,
        authorType: r.authorType, organisationName: r.authorType === 'resident' ? null : r.organisationName, krs: r.krs, organisationId: null,
        contactName: r.contactName, contactEmail: r.contactEmail, lang: 'pl', status: 'published',
      });
      for (const name of r.supporters ?? []) {
        await insertSupport(db, { remarkId, consultationId: id, organisationName: name, krs: null, contactName: '—', contactEmail: '', confirmed: true });
      }
      if (r.decision && r.response) await answerRemark(db, remarkId, { decision: r.decision, response: r.response, staffId: 'seed' }, false);
    }
    if (demo.reported) await markReported(db, id, new Date(Date.parse(nowIso(now)) - 1000));
  }
}
