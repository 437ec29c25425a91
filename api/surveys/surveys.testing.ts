/** Test fixtures of the survey module: the default instrument and an edition around now. */
import lijw from '../../common/surveys.lijw.json' with { type: 'json' };
import { InstrumentSchema, toInstrument } from '../../common/surveys.schema.js';
import type { Answers, RespondentGroup } from '../../common/surveys.js';
import type { Db } from '../core/transaction.js';
import { ensureSurvey, insertEdition, insertInstrument } from './surveys.repository.js';
import { createTokenBatch } from './surveys.responses.js';

export const DAY = 86_400_000;
export const lijwInstrument = () => toInstrument(InstrumentSchema.parse(lijw));

/** The survey `lijw` with the default instrument (version 1) and an edition `slug` open from `opensInDays` for `days`. */
export async function surveyEdition(db: Db, opts: { slug?: string; opensInDays?: number; days?: number } = {}): Promise<{ editionId: string; instrumentId: string }> {
  const instrument = lijwInstrument();
  await ensureSurvey(db, 'lijw', instrument.title);
  const existing = await db.selectFrom('survey_instrument').select('id').where('survey_id', '=', 'lijw').where('version', '=', 1).executeTakeFirst();
  const instrumentId = existing?.id ?? (await insertInstrument(db, 'lijw', instrument)).id;
  const opens = Date.now() + (opts.opensInDays ?? -1) * DAY;
  const editionId = await insertEdition(db, {
    surveyId: 'lijw', slug: opts.slug ?? '2026', instrumentId, opensAt: new Date(opens).toISOString(), closesAt: new Date(opens + (opts.days ?? 30) * DAY).toISOString(), periodFrom: '2025-01-01', periodTo: '2025-12-31',
  });
  return { editionId, instrumentId };
}

export const tokensFor = async (db: Db, editionId: string, count: number, group: RespondentGroup = 'ngo', expiresInDays = 30) =>
  (await createTokenBatch(db, { editionId, group, count, channel: 'links', lang: 'pl', expiresAt: new Date(Date.now() + expiresInDays * DAY).toISOString(), createdBy: null })).tokens;

/** Answers that complete the default instrument for an NGO respondent (`score` on every scale item). */
export function completeAnswers(score: 1 | 2 | 3 | 4 | 5 = 4): Answers {
  const a: Answers = { a_cooperated: 'no' };
  for (const section of lijwInstrument().sections) for (const item of section.items) if (item.type === 'scale' && !item.showIf) a[item.id] = score;
  return a;
}
