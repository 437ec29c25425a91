import { describe, expect, it } from 'vitest';
import type { Answers, AnswerValue, Instrument, RespondentGroup } from './surveys.js';
import { InstrumentSchema, toInstrument } from './surveys.schema.js';
import { meetingAgenda, perceptionGaps, scoreEdition, trendOf, type Cell, type ScoredResponse } from './surveys.scoring.js';

const T = (pl: string) => ({ pl, en: pl, uk: pl });
const scale = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'scale', scale: 'agree', text: T(id), ...extra });

/**
 * The fixture instrument. s1: q1 (weight 1), q2 (weight 2), q3 (reverse). s2: q4, q5 (NGOs only),
 * q6 (NGOs and councillors). `info` is not scored.
 */
const instrument: Instrument = toInstrument(
  InstrumentSchema.parse({
    title: T('Fixture'),
    scales: { agree: { points: [T('1'), T('2'), T('3'), T('4'), T('5')], hardToSay: T('?') } },
    sections: [
      { id: 's1', title: T('S1'), items: [scale('q1'), scale('q2', { weight: 2 }), scale('q3', { reverse: true })] },
      { id: 's2', title: T('S2'), items: [scale('q4'), scale('q5', { groups: ['ngo'] }), scale('q6', { groups: ['ngo', 'councillor'] })] },
      { id: 'info', title: T('Info'), scored: false, items: [{ id: 'q7', type: 'single', text: T('q7'), options: [{ id: 'x', text: T('x') }, { id: 'y', text: T('y') }] }] },
    ],
  }),
);

const D = 'hard_to_say';
type Row = [RespondentGroup, ...(AnswerValue | null)[]];
/** Columns: q1 q2 q3 q4 q5 q6 (null: not asked). */
const rows: Row[] = [
  ['ngo', 5, 4, 2, 3, 4, 5],
  ['ngo', 4, 4, 1, 4, 5, 5],
  ['ngo', 3, 5, 2, D, 3, 5],
  ['ngo', 4, 3, 3, 2, D, 5],
  ['ngo', 5, 4, D, 3, 4, 5],
  ['ngo', 2, D, 2, 4, 5, 5],
  ['official', 3, 3, 3, 3, null, null],
  ['official', 4, 2, 4, 4, null, null],
  ['official', 3, 3, 4, 3, null, null],
  ['official', 2, 2, 3, 2, null, null],
  ['official', 4, 3, 5, 4, null, null],
  ['official', 3, D, 4, 3, null, null],
  ['official', D, 2, 3, D, null, null],
  ['public_benefit_council', 4, 4, 2, 5, null, null],
  ['public_benefit_council', 4, 5, 2, 5, null, null],
  ['public_benefit_council', 3, 4, 1, 5, null, null],
  ['public_benefit_council', 4, 4, 2, 5, null, null],
  ['public_benefit_council', 5, D, 3, 5, null, null],
  ['councillor', 1, 2, 5, 5, null, 5],
  ['councillor', 2, 1, 4, D, null, 5],
];
const ids = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];
const responses: ScoredResponse[] = rows.map(([group, ...values]) => {
  const answers: Answers = { q7: 'x' };
  values.forEach((v, k) => v !== null && (answers[ids[k]!] = v));
  return { group, answers };
});

const scores = scoreEdition(instrument, responses);
const item = (id: string) => scores.items.find((i) => i.id === id)!.cells;
const section = (id: string) => scores.sections.find((s) => s.id === id)!.cells;
const shown = (score: number, n: number): Cell => ({ n, score: expect.closeTo(score, 6) as unknown as number, suppressed: null });
const few: Cell = { n: null, score: null, suppressed: 'few' };
const comp = (n: number): Cell => ({ n, score: null, suppressed: 'complementary' });
const none: Cell = { n: 0, score: null, suppressed: null };

describe('LIJW scoring: the hand-computed fixture', () => {
  it('counts respondents per group, hiding a count under 5', () => {
    expect(scores.respondents).toEqual({ ngo: 6, official: 7, councillor: null, public_benefit_council: 5, district_council: 0, all: 20 });
  });

  it('q1: 1–5 → 0–100, "hard to say" missing; the lone hidden councillor cell gets the smallest group as its complement', () => {
    // ngo 5,4,3,4,5,2 → 100+75+50+75+100+25 = 425 / 6 = 70.8333; officials 3,4,3,2,4,3 (one "hard to say") → 325 / 6.
    // Councillors 1,2 → 0+25 = 25, n = 2 < 5: hidden. Total 1150 / 19 = 60.5263 is shown, so 25 = 19·60.5263 − 425 − 325 − 375:
    // the council (n = 5, the smallest shown) is hidden too. Then the hidden pair sums to 400 over 2 + 5 answers,
    // and the councillors' mean can lie anywhere in [0, 100].
    expect(item('q1')).toEqual({
      ngo: shown(425 / 6, 6), official: shown(325 / 6, 6), councillor: few, public_benefit_council: comp(5), district_council: none, all: shown(1150 / 19, 19),
    });
  });

  it('q2: two hidden cells protect each other, so no complement is needed', () => {
    // ngo 4,4,5,3,4 → 375 / 5 = 75; officials 3,2,3,2,3,2 → 225 / 6 = 37.5; council 4,5,4,4 → n = 4: hidden; councillors 2,1 → hidden.
    // Hidden sum 325 + 25 = 350: council ∈ [(350 − 200)/4, 350/4] = [37.5, 87.5], 50 wide; councillors ∈ [0, 100].
    expect(item('q2')).toEqual({
      ngo: shown(75, 5), official: shown(37.5, 6), councillor: few, public_benefit_council: few, district_council: none, all: shown(950 / 17, 17),
    });
  });

  it('q3: reverse item scored (5 − v)·25; of two equal complements the council goes, not the NGOs', () => {
    // ngo 2,1,2,3,2 (and one "hard to say") → 75+100+75+50+75 = 375 / 5 = 75.
    // officials 3,4,4,3,5,4,3 → 50+25+25+50+0+25+50 = 225 / 7; council 2,2,1,2,3 → 75+75+100+75+50 = 375 / 5; councillors 5,4 → 0+25.
    // NGOs and the council both have n = 5: the council is the complement.
    expect(item('q3')).toEqual({
      ngo: shown(75, 5), official: shown(225 / 7, 7), councillor: few, public_benefit_council: comp(5), district_council: none, all: shown(1000 / 19, 19),
    });
  });

  it('q4: a complement that still pins the hidden cell down is not enough; a second one is added', () => {
    // Council 5×5 → 500, the one councillor 5 → 100. With only the council hidden, the pair sums to 600 over 5 + 1
    // answers: the councillor's mean is in [600 − 500, 100] = [100, 100]. So the NGOs (n = 5, sum 275) are hidden too:
    // 875 over 11 answers leaves the councillor anywhere in [0, 100]. Officials 3,4,3,2,4,3 → 325 / 6 stay shown.
    expect(item('q4')).toEqual({
      ngo: comp(5), official: shown(325 / 6, 6), councillor: few, public_benefit_council: comp(5), district_council: none, all: shown(1200 / 17, 17),
    });
  });

  it('q5: asked of NGOs only; a row with no hidden cell is shown in full', () => {
    // 4,5,3,4,5 → 75+100+50+75+100 = 400 / 5 = 80; the total is the same five answers.
    expect(item('q5')).toEqual({ ngo: shown(80, 5), official: none, councillor: none, public_benefit_council: none, district_council: none, all: shown(80, 5) });
  });

  it('q6: when every shown cell has been used up as a complement, the total goes too', () => {
    // NGOs 6×5 → 600, councillors 5,5 → 200: total 800 / 8 = 100 would tell that both councillors answered 5,
    // even with the NGOs hidden ([800 − 600, 200] / 2 = [100, 100]); no group is left, so the total is hidden.
    expect(item('q6')).toEqual({ ngo: comp(6), official: none, councillor: few, public_benefit_council: none, district_council: none, all: comp(8) });
  });

  it('sections are weighted means of the shown item cells only', () => {
    // s1 NGOs: (1·425/6 + 2·75 + 1·75) / 4 = 73.9583; officials: (325/6 + 2·37.5 + 225/7) / 4 = 40.3274;
    // all: (1150/19 + 2·950/17 + 1000/19) / 4 = 56.2307. n: respondents with a valid answer among the shown items.
    expect(section('s1')).toEqual({
      ngo: shown((425 / 6 + 150 + 75) / 4, 6),
      official: shown((325 / 6 + 75 + 225 / 7) / 4, 7),
      councillor: { n: null, score: null, suppressed: 'few' },
      public_benefit_council: { n: null, score: null, suppressed: 'few' },
      district_council: none,
      all: shown((1150 / 19 + (2 * 950) / 17 + 1000 / 19) / 4, 20),
    });
    // s2 NGOs: only q5 is shown → 80 (5 valid answers); officials: q4 → 325/6 (6); the council's one item is a complement;
    // all: (1200/17 + 80) / 2 = 75.2941, from 6 + 6 + 5 + 1 = 18 respondents with a valid q4 or q5.
    expect(section('s2')).toEqual({
      ngo: shown(80, 5),
      official: shown(325 / 6, 6),
      councillor: { n: null, score: null, suppressed: 'few' },
      public_benefit_council: { n: null, score: null, suppressed: 'complementary' },
      district_council: none,
      all: shown((1200 / 17 + 80) / 2, 18),
    });
    expect(scores.sections.map((s) => s.id)).toEqual(['s1', 's2']);
  });

  it('the index is the mean of the shown sections', () => {
    // NGOs (73.9583 + 80) / 2 = 76.9792; officials (40.3274 + 54.1667) / 2 = 47.2470; all (56.2307 + 75.2941) / 2 = 65.7624.
    // The council has 5 respondents but every one of its cells is hidden, so its index is hidden too.
    expect(scores.index).toEqual({
      ngo: shown(((425 / 6 + 150 + 75) / 4 + 80) / 2, 6),
      official: shown(((325 / 6 + 75 + 225 / 7) / 4 + 325 / 6) / 2, 7),
      councillor: few,
      public_benefit_council: { n: 5, score: null, suppressed: 'few' },
      district_council: none,
      all: shown(((1150 / 19 + (2 * 950) / 17 + 1000 / 19) / 4 + (1200 / 17 + 80) / 2) / 2, 20),
    });
  });

  it('no hidden cell can be computed back from the total and the shown cells', () => {
    // The check the suppression promises, done the attacker's way for every row: the hidden cells' sum is
    // n_all·all − Σ shown n·score; with all counts known, every primary hidden cell keeps ≥ 25 points of room.
    const byGroup = (g: RespondentGroup, id: string) => responses.filter((r) => r.group === g && typeof r.answers[id] === 'number');
    for (const it of scores.items) {
      const c = it.cells;
      if (c.all.score === null) continue;
      const groups = (['ngo', 'official', 'councillor', 'public_benefit_council', 'district_council'] as const).filter((g) => byGroup(g, it.id).length > 0);
      const hiddenGroups = groups.filter((g) => c[g].score === null);
      if (hiddenGroups.length === 0) continue;
      const sumHidden = c.all.n! * c.all.score - groups.filter((g) => c[g].score !== null).reduce((a, g) => a + c[g].n! * c[g].score!, 0);
      for (const h of hiddenGroups.filter((g) => c[g].suppressed === 'few')) {
        const nh = byGroup(h, it.id).length;
        const others = hiddenGroups.filter((g) => g !== h).reduce((a, g) => a + byGroup(g, it.id).length, 0);
        const lo = Math.max(0, sumHidden - 100 * others) / nh;
        const hi = Math.min(100 * nh, sumHidden) / nh;
        expect(hi - lo, `${it.id}/${h}`).toBeGreaterThanOrEqual(25 - 1e-9);
      }
    }
  });
});

describe('LIJW scoring: gaps, agenda and trend', () => {
  it('gives the NGO–official gap per item and per section over the items both show', () => {
    const gaps = perceptionGaps(scores, 'ngo', 'official');
    const g = Object.fromEntries(gaps.items.map((i) => [i.id, i.gap]));
    expect(g.q1).toBeCloseTo(425 / 6 - 325 / 6, 6); // 16.6667
    expect(g.q2).toBeCloseTo(37.5, 6);
    expect(g.q3).toBeCloseTo(75 - 225 / 7, 6); // 42.8571
    expect([g.q4, g.q5, g.q6]).toEqual([null, null, null]); // a hidden or missing side: no gap
    expect(gaps.sections[0]).toMatchObject({ id: 's1', items: 3 });
    expect(gaps.sections[0]!.gap).toBeCloseTo((425 / 6 + 150 + 75) / 4 - (325 / 6 + 75 + 225 / 7) / 4, 6); // 33.6310
    expect(gaps.sections[1]).toEqual({ id: 's2', a: null, b: null, gap: null, items: 0 });
    expect(gaps.index).toBeCloseTo(gaps.sections[0]!.gap!, 9);
    expect(meetingAgenda(gaps).map((e) => `${e.kind}:${e.id}`)).toEqual(['item:q3', 'item:q2', 'section:s1', 'item:q1']);
  });

  it('compares any two columns, including a group against all', () => {
    const gaps = perceptionGaps(scores, 'official', 'all');
    expect(gaps.items.find((i) => i.id === 'q4')!.gap).toBeCloseTo(325 / 6 - 1200 / 17, 6);
    expect(gaps.items.find((i) => i.id === 'q6')!.gap).toBeNull();
  });

  it('lines sections up by id over editions, with suppressed points kept as such', () => {
    const earlier = scoreEdition(instrument, responses.filter((r) => r.group !== 'ngo'));
    const trend = trendOf([{ edition: '2024', scores: earlier }, { edition: '2025', scores }], 'ngo');
    expect(trend.index).toEqual([{ edition: '2024', score: null, suppressed: null }, { edition: '2025', score: scores.index.ngo.score, suppressed: null }]);
    const councillors = trendOf([{ edition: '2024', scores: earlier }, { edition: '2025', scores }], 'councillor');
    expect(councillors.sections.map((s) => s.points.map((p) => p.suppressed))).toEqual([['few', 'few'], ['few', 'few']]);
  });

  it('suppresses everything below five respondents in all', () => {
    const tiny = scoreEdition(instrument, responses.slice(0, 4));
    expect(tiny.respondents.all).toBeNull();
    expect(tiny.index.all).toEqual(few);
    expect(tiny.items.every((i) => Object.values(i.cells).every((c) => c.score === null))).toBe(true);
  });
});
