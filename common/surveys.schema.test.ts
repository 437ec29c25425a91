import { describe, expect, it } from 'vitest';
import lijw from './surveys.lijw.json' with { type: 'json' };
import { toFieldIssues } from '../api/core/validation.js';
import { allItems, checkAnswers, itemText, RESPONDENT_GROUPS, sectionsFor, visibleItemIds, type Instrument } from './surveys.js';
import { instrumentJsonSchema, InstrumentSchema, toInstrument } from './surveys.schema.js';

const T = (pl: string) => ({ pl, en: pl, uk: pl });
const parse = (doc: unknown) => {
  const r = InstrumentSchema.safeParse(doc);
  return r.success ? { ok: true as const, instrument: toInstrument(r.data) } : { ok: false as const, issues: toFieldIssues(r.error, doc) };
};
const defaultInstrument = (() => {
  const r = parse(lijw);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.instrument;
})();

describe('the default LIJW instrument', () => {
  it('fits the schema and has 25–35 items over the reconstructed sections', () => {
    expect(defaultInstrument.sections.map((s) => s.id)).toEqual(['overall', 'a', 'b', 'c', 'recommendations', 'profile']);
    const count = [...allItems(defaultInstrument)].length;
    expect(count).toBeGreaterThanOrEqual(25);
    expect(count).toBeLessThanOrEqual(35);
    const types = new Set([...allItems(defaultInstrument)].map(({ item }) => item.type));
    expect([...types].sort()).toEqual(['multiple', 'number', 'scale', 'single', 'text']);
  });

  it('has every text in Polish, English and Ukrainian, each different from the Polish', () => {
    const texts: { pl: string; en: string; uk: string }[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        if ('pl' in v && 'en' in v && 'uk' in v) texts.push(v as never);
        else Object.values(v).forEach(walk);
      }
    };
    walk(lijw);
    expect(texts.length).toBeGreaterThan(100);
    // Cyrillic in every Ukrainian text, and no English left untranslated (short labels like "KDO" aside).
    for (const t of texts) expect(t.uk, t.pl).toMatch(/[\u0400-\u04FF]/);
    for (const t of texts) if (t.pl.length > 12) expect(t.en, t.pl).not.toBe(t.pl);
  });

  it('uses weights, reverse items, group-restricted items, group wordings and conditions', () => {
    const items = [...allItems(defaultInstrument)].map(({ item }) => item);
    expect(items.some((i) => i.type === 'scale' && i.weight !== 1)).toBe(true);
    expect(items.some((i) => i.type === 'scale' && i.reverse)).toBe(true);
    expect(items.some((i) => i.groups)).toBe(true);
    expect(items.some((i) => i.textFor?.official)).toBe(true);
    expect(items.filter((i) => i.showIf).length).toBeGreaterThanOrEqual(4);
  });

  it('shows each group its own sections: councillors skip A and C, officials see C', () => {
    expect(sectionsFor(defaultInstrument, 'councillor').map((s) => s.id)).toEqual(['overall', 'b', 'recommendations', 'profile']);
    expect(sectionsFor(defaultInstrument, 'official').map((s) => s.id)).toEqual(['overall', 'a', 'b', 'c', 'recommendations', 'profile']);
    for (const g of RESPONDENT_GROUPS) expect(sectionsFor(defaultInstrument, g).length).toBeGreaterThanOrEqual(4);
  });

  it('publishes a JSON Schema that accepts the default instrument', () => {
    const schema = instrumentJsonSchema() as { $schema: string; properties: Record<string, unknown>; required: string[] };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'scales', 'sections']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['title', 'scales', 'sections']));
  });
});

describe('an instrument that does not fit', () => {
  const good = () => ({
    title: T('Test'),
    scales: { agree: { points: [T('1'), T('2'), T('3'), T('4'), T('5')], hardToSay: T('?') } },
    sections: [
      {
        id: 's1',
        title: T('S1'),
        groups: ['ngo', 'official'],
        items: [
          { id: 'q1', type: 'single', text: T('q1'), options: [{ id: 'yes', text: T('yes') }, { id: 'no', text: T('no') }] },
          { id: 'q2', type: 'scale', scale: 'agree', text: T('q2') },
        ],
      },
    ],
  });

  it('is accepted when right (the base of the cases below)', () => {
    expect(parse(good()).ok).toBe(true);
  });

  it('is rejected with the JSON path of each error', () => {
    const doc = good() as any;
    doc.sections[0].items[1].revers = true; // misspelt key
    doc.sections[0].items[1].weight = -1;
    doc.sections[0].items[1].scale = 'likert'; // no such scale
    doc.sections[0].items[0].options[1].id = 'yes'; // duplicate option
    doc.sections[0].title = { pl: 'S1', en: 'S1' }; // no Ukrainian
    doc.sections[0].items.push({ id: 'q2', type: 'text', text: T('again') }); // duplicate id
    doc.sections[0].items.push({ id: 'q4', type: 'scale', scale: 'agree', text: T('q4'), showIf: { item: 'q9', anyOf: ['yes'] } }); // forward/unknown
    doc.sections[0].items.push({ id: 'q5', type: 'scale', scale: 'agree', text: T('q5'), showIf: { item: 'q1', anyOf: ['yes', 'maybe'] } });
    doc.sections[0].items.push({ id: 'q6', type: 'number', text: T('q6'), min: 10, max: 1, groups: ['councillor'] });
    doc.sections.push({ id: 's1', title: T('again'), items: [{ id: 'Bad-Id', type: 'multiple', text: T('x'), options: [{ id: 'a', text: T('a') }] }] });
    const r = parse(doc);
    expect(r.ok).toBe(false);
    const paths = !r.ok ? r.issues.map((i) => `${i.path} ${i.code}`) : [];
    expect(paths).toEqual(
      expect.arrayContaining([
        'sections.0.items.1.revers unknown_field',
        'sections.0.items.1.weight too_short',
        'sections.0.title.uk required',
        'sections.1.items.0.id invalid_format',
        'sections.1.items.0.options too_short',
      ]),
    );
    // The cross-checks run once the shapes are right: fix the shape errors and look again.
    doc.sections[0].items[1].weight = 1;
    delete doc.sections[0].items[1].revers;
    doc.sections[0].title = T('S1');
    doc.sections[1].items[0] = { id: 'q7', type: 'multiple', text: T('x'), options: [{ id: 'a', text: T('a') }, { id: 'b', text: T('b') }], max: 3 };
    const again = parse(doc);
    const issues = !again.ok ? again.issues.map((i) => `${i.path}: ${i.message}`) : [];
    expect(issues).toEqual([
      'sections.0.items.0.options.1.id: Option id "yes" is used twice in this item',
      'sections.0.items.1.scale: No scale "likert" in "scales"',
      'sections.0.items.2.id: Item id "q2" is used twice',
      'sections.0.items.3.showIf.item: "q9" is not an item before this one',
      'sections.0.items.4.showIf.anyOf.1: "maybe" is not an answer of "q1"',
      'sections.0.items.5.min: Greater than max',
      'sections.0.items.5.groups.0: The section is not shown to "councillor"',
      'sections.1.id: Section id "s1" is used twice',
      'sections.1.scored: A scored section needs at least one scale item',
      'sections.1.items.0.max: More than there are options',
    ]);
  });

  it('refuses a condition on a text item and a condition that looks forward', () => {
    const doc = good() as any;
    doc.sections[0].items.unshift({ id: 'q0', type: 'scale', scale: 'agree', text: T('q0'), showIf: { item: 'q2', anyOf: [1] } });
    doc.sections[0].items.push({ id: 't', type: 'text', text: T('t') }, { id: 'q3', type: 'scale', scale: 'agree', text: T('q3'), showIf: { item: 't', anyOf: ['x'] } });
    const r = parse(doc);
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['sections.0.items.0.showIf.item', 'sections.0.items.4.showIf.item']);
  });
});

describe('what a respondent sees and may answer', () => {
  const inst: Instrument = defaultInstrument;

  it('follows groups and conditions, and a condition on a hidden item does not hold', () => {
    const ngoNo = visibleItemIds(inst, 'ngo', { a_cooperated: 'no' });
    expect(ngoNo.has('a_forms')).toBe(false);
    expect(ngoNo.has('b_grant_procedure')).toBe(false);
    const ngoGrant = visibleItemIds(inst, 'ngo', { a_cooperated: 'yes', a_forms: ['small_grant', 'other'] });
    expect(['a_forms', 'a_forms_other', 'b_grant_procedure'].every((id) => ngoGrant.has(id))).toBe(true);
    // Officials never see the NGO-only grant item, whatever they answer.
    expect(visibleItemIds(inst, 'official', { a_cooperated: 'yes', a_forms: ['small_grant'] }).has('b_grant_procedure')).toBe(false);
    // Councillors do not get section A, so a stray a_cooperated answer opens nothing.
    const c = visibleItemIds(inst, 'councillor', { a_cooperated: 'yes' });
    expect(c.has('a_forms') || c.has('a_cooperated')).toBe(false);
  });

  it('gives officials their own wording', () => {
    const item = [...allItems(inst)].find(({ item }) => item.id === 'a_cooperated')!.item;
    expect(itemText(item, 'official').pl).toMatch(/komórka/);
    expect(itemText(item, 'ngo').pl).toMatch(/organizacja współpracowała/);
  });

  it('normalises answers: instrument order, trimmed, blanks and hidden follow-ups dropped', () => {
    const r = checkAnswers(inst, 'ngo', { r_comment: '  Więcej dialogu.  ', a_forms_other: 'x', overall_rating: 4, a_cooperated: 'no', a_forms: [], b_paperwork: 'hard_to_say' }, false);
    expect(r.issues).toEqual([]);
    expect(Object.keys(r.answers)).toEqual(['overall_rating', 'a_cooperated', 'b_paperwork', 'r_comment']);
    expect(r.answers.r_comment).toBe('Więcej dialogu.');
  });

  it('names each wrong answer by item, and the missing required ones only on the final submission', () => {
    const input = { overall_rating: 7, a_forms: ['grant_open_call', 'nope'], a_advantages: ['funding', 'reach', 'trust', 'quality'], p_paid_staff: 2.5, zzz: 1 };
    expect(checkAnswers(inst, 'ngo', input, false).issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      'answers.zzz unknown_field',
      'answers.overall_rating invalid_value',
      'answers.a_forms invalid_value',
      'answers.a_advantages too_long',
      'answers.p_paid_staff invalid_value',
    ]);
    expect(checkAnswers(inst, 'ngo', {}, true).issues.map((i) => `${i.path} ${i.code}`)).toEqual(['answers.overall_rating required', 'answers.a_cooperated required']);
    expect(checkAnswers(inst, 'councillor', {}, true).issues.map((i) => i.path)).toEqual(['answers.overall_rating']);
  });
});
