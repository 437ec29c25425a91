/**
 * Demo data: the LIJW survey with the default instrument, two past editions (published, with the
 * joint meeting's agreed scores and recommendations) and one open edition, over several hundred
 * synthetic respondents. The groups are sized so that the demo shows all three things the results
 * are about: the trend (the index rises a little each year), the gap (NGOs rate the administration
 * lower than officials rate it) and suppression (district councils answer in fours and fives).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import lijw from '../../common/surveys.lijw.json' with { type: 'json' };
import { InstrumentSchema, toInstrument } from '../../common/surveys.schema.js';
import type { Answers, Instrument, Item, RespondentGroup } from '../../common/surveys.js';
import { HARD_TO_SAY, allItems, checkAnswers } from '../../common/surveys.js';
import { newId, nowIso, sha256 } from '../core/ids.js';
import { addDays, warsawDateOf, warsawLocalToUtc } from '../../common/time.js';
import { ensureSurvey, insertEdition, insertInstrument, insertOpenLink, insertRecommendation, updateMeeting, updatePublication, upsertAgreedScore, DEFAULT_PUBLICATION } from './surveys.repository.js';
import { createTokenBatch, insertResponses } from './surveys.responses.js';
import type { StoredIndicator } from './surveys.indicators.js';

export const DEMO_SURVEY = 'lijw';

/** A small deterministic generator (so every demo database looks the same). */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, normal, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}
type Gen = ReturnType<typeof generator>;

/** How each group sees each section, on the 1–5 scale, in the first demo year; later years drift up by `lift`. */
const MOOD: Record<RespondentGroup, Record<string, number>> = {
  ngo: { overall: 3.1, a: 3.2, b: 2.7, c: 3.6 },
  official: { overall: 3.8, a: 3.7, b: 4.0, c: 3.0 },
  councillor: { overall: 3.4, a: 3.4, b: 3.3, c: 3.3 },
  public_benefit_council: { overall: 3.3, a: 3.3, b: 3.0, c: 3.5 },
  district_council: { overall: 3.0, a: 3.0, b: 2.9, c: 3.1 },
};

const COMMENTS = [
  'Więcej konsultacji w dzielnicach i wcześniejsze informowanie o konkursach.',
  'Prosimy o jeden punkt kontaktowy w urzędzie dla organizacji.',
  'Sprawozdania mogłyby być krótsze; część danych urząd już ma.',
  'Dobra współpraca z wydziałem, gorzej z terminami przelewów.',
  'Warto wrócić do spotkań przy okrągłym stole po konkursie.',
];

function answerItem(item: Item, section: string, group: RespondentGroup, lift: number, g: Gen, person: number): Answers[string] | undefined {
  switch (item.type) {
    case 'scale': {
      if (item.hardToSay && g.next() < 0.08) return HARD_TO_SAY;
      const mood = (MOOD[group][section] ?? 3.2) + lift + person + 0.6 * g.normal();
      const v = Math.min(5, Math.max(1, Math.round(item.reverse ? 6 - mood : mood)));
      return v as 1;
    }
    case 'single':
      return g.pick(item.options).id;
    case 'multiple': {
      const max = Math.min(item.max ?? 3, item.options.length);
      const chosen = item.options.filter(() => g.next() < 0.35).slice(0, max).map((o) => o.id);
      return chosen.length >= (item.min ?? 1) ? chosen : [item.options[0]!.id];
    }
    case 'text':
      return g.next() < 0.15 ? g.pick(COMMENTS) : undefined;
    case 'number':
      return Math.round(item.min + (Math.min(item.max, item.min + 30) - item.min) * g.next());
  }
}

/** One synthetic respondent's answers, kept to what the group sees (conditions included). */
export function syntheticAnswers(instrument: Instrument, group: RespondentGroup, lift: number, g: Gen): Answers {
  const person = 0.5 * g.normal();
  const raw: Answers = {};
  for (const { section, item } of allItems(instrument)) {
    const v = answerItem(item, section.id, group, lift, g, person);
    if (v !== undefined) raw[item.id] = v;
  }
  if (raw.a_cooperated !== undefined && group !== 'official') raw.a_cooperated = g.next() < 0.85 ? 'yes' : 'no';
  return checkAnswers(instrument, group, raw, false).answers;
}

const EDITIONS = [
  { slug: '2024', year: 2024, lift: 0, sizes: { ngo: 118, official: 64, councillor: 11, public_benefit_council: 9, district_council: 4 } },
  { slug: '2025', year: 2025, lift: 0.15, sizes: { ngo: 142, official: 71, councillor: 8, public_benefit_council: 7, district_council: 6 } },
] as const;

/** Plausible frozen indicators of the demo's past years (the other modules' demo data starts later). */
const PAST_INDICATORS = (k: number): StoredIndicator[] => [
  { module: 'consultations', key: 'consultations.held', value: 31 + 4 * k, unit: 'count' },
  { module: 'consultations', key: 'consultations.remarks', value: 412 + 60 * k, unit: 'count' },
  { module: 'consultations', key: 'consultations.accepted_share', value: 38.5 + 3.2 * k, unit: 'percent' },
  { module: 'map', key: 'map.organisations', value: 1180 + 95 * k, unit: 'count' },
  { module: 'map', key: 'map.verified', value: 640 + 120 * k, unit: 'count' },
  { module: 'events', key: 'events.trainings_held', value: 22 + 5 * k, unit: 'count' },
  { module: 'events', key: 'events.training_participants', value: 410 + 75 * k, unit: 'count' },
];

const RECOMMENDATIONS: Record<string, { section: string; text: string; owner: string; month: string; status: 'planned' | 'in_progress' | 'done' | 'dropped'; note?: string }[]> = {
  '2024': [
    { section: 'b', text: 'Ogłaszać harmonogram otwartych konkursów ofert na cały rok do końca stycznia.', owner: 'Wydział Polityki Społecznej i Zdrowia', month: '03', status: 'done', note: 'Harmonogram 2025 opublikowany 28 stycznia.' },
    { section: 'b', text: 'Skrócić wzór sprawozdania z realizacji zadania publicznego do danych, których urząd jeszcze nie ma.', owner: 'Biuro ds. Dialogu Obywatelskiego', month: '06', status: 'in_progress', note: 'Projekt nowego wzoru w konsultacjach.' },
    { section: 'a', text: 'Rozszerzyć konsultacje dokumentów strategicznych o spotkania w dzielnicach.', owner: 'Biuro ds. Dialogu Obywatelskiego', month: '09', status: 'dropped', note: 'Zastąpione konsultacjami online z dyżurami w dzielnicach.' },
  ],
  '2025': [
    { section: 'b', text: 'Wyznaczyć w każdym wydziale jedną osobę do kontaktu z organizacjami i opublikować listę.', owner: 'Sekretarz Miasta', month: '04', status: 'planned' },
    { section: 'c', text: 'Szkolenia dla organizacji z przygotowania ofert i kosztorysów przed konkursami.', owner: 'Centrum Obywatelskie', month: '05', status: 'in_progress' },
    { section: 'overall', text: 'Omawiać wyniki badania na forum KRDPP co roku w marcu.', owner: 'Krakowska Rada Działalności Pożytku Publicznego', month: '03', status: 'planned' },
  ],
};

export async function seedSurveysDemo(db: Kysely<Database>, now = new Date()): Promise<void> {
  const instrument = toInstrument(InstrumentSchema.parse(lijw));
  await ensureSurvey(db, DEMO_SURVEY, instrument.title, now);
  const { id: instrumentId } = await insertInstrument(db, DEMO_SURVEY, instrument, { note: 'Rekonstrukcja kwestionariusza LIJW (demo)' }, now);
  const g = generator(2024);
  const year = now.getUTCFullYear();

  for (const [k, e] of EDITIONS.entries()) {
    // Past editions sit before the current year, whatever year the demo starts in.
    const y = year - (EDITIONS.length - k);
    const editionId = await insertEdition(db, {
      surveyId: DEMO_SURVEY, slug: String(y), instrumentId, opensAt: `${y + 1}-01-15T08:00:00.000Z`, closesAt: `${y + 1}-02-15T22:59:00.000Z`, periodFrom: `${y}-01-01`, periodTo: `${y}-12-31`,
    }, now);
    const responses: { group: RespondentGroup; answers: Answers }[] = [];
    for (const [group, n] of Object.entries(e.sizes) as [RespondentGroup, number][]) for (let i = 0; i < n; i++) responses.push({ group, answers: syntheticAnswers(instrument, group, e.lift, g) });
    await insertResponses(db, editionId, responses);
    // The tokens of a past edition are purged; their batches keep the counts.
    for (const [group, n] of Object.entries(e.sizes) as [RespondentGroup, number][]) {
      await db.insertInto('survey_token_batch').values({
        id: newId(), edition_id: editionId, respondent_group: group, size: Math.round(n * 1.9) + 3, channel: 'mail', lang: 'pl', expires_at: `${y + 1}-02-15T22:59:00.000Z`, revoked_at: null, used_count: n, created_by: null, created_at: nowIso(now),
      }).execute();
    }
    await updatePublication(db, editionId, { ...DEFAULT_PUBLICATION, columns: ['ngo', 'official', 'councillor', 'public_benefit_council', 'district_council', 'all'] }, { at: `${y + 1}-04-10T10:00:00.000Z`, indicators: JSON.stringify(PAST_INDICATORS(k)) }, now);
    await updateMeeting(db, editionId, `${y + 1}-03-20`, 'Wspólne spotkanie zespołu: przedstawiciele organizacji, urzędu i KRDPP.', now);
    for (const [section, score] of [['overall', 58 + 4 * k], ['a', 60 + 3 * k], ['b', 52 + 5 * k], ['c', 61 + 2 * k]] as const) {
      await upsertAgreedScore(db, editionId, section, score, 'Ocena uzgodniona na wspólnym spotkaniu.', null, now);
    }
    for (const r of RECOMMENDATIONS[e.slug] ?? []) {
      await insertRecommendation(db, editionId, { section_id: r.section, text: r.text, owner: r.owner, deadline: `${y + 1}-${r.month}-30`, status: r.status, status_note: r.note ?? null }, null, now);
    }
  }

  // The open edition: this year's round, with some answers in already.
  const openId = await insertEdition(db, {
    surveyId: DEMO_SURVEY, slug: String(year), instrumentId, opensAt: warsawLocalToUtc(`${addDays(warsawDateOf(now), -7)}T08:00`), closesAt: warsawLocalToUtc(`${addDays(warsawDateOf(now), 30)}T23:59`),
    periodFrom: `${year - 1}-01-01`, periodTo: `${year - 1}-12-31`,
  }, now);
  const open: { group: RespondentGroup; answers: Answers }[] = [];
  for (const [group, n] of [['ngo', 23], ['official', 12], ['councillor', 3]] as const) for (let i = 0; i < n; i++) open.push({ group, answers: syntheticAnswers(instrument, group, 0.25, g) });
  await insertResponses(db, openId, open);
  for (const [group, n, used] of [['ngo', 180, 23], ['official', 90, 12], ['councillor', 43, 3]] as const) {
    const { batchId } = await createTokenBatch(db, { editionId: openId, group, count: n, channel: 'links', lang: 'pl', expiresAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(), createdBy: null }, now);
    const some = await db.selectFrom('survey_token').select('token_hash').where('batch_id', '=', batchId).orderBy('token_hash').limit(used).execute();
    await db.updateTable('survey_token').set({ used: 1 }).where('token_hash', 'in', some.map((t) => t.token_hash)).execute();
  }
  // The demo page's live <ngo-survey link="demo-ngo">: an open link of the NGO group with a key everyone knows.
  await insertOpenLink(db, openId, 'ngo', sha256(DEMO_OPEN_LINK), null, now);
}

/** The key of the demo's open link (demo/index.html); a real open link's key is random. */
export const DEMO_OPEN_LINK = 'demo-ngo';
