import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Answers, Instrument, RespondentGroup } from '../../common/surveys.js';
import { InstrumentSchema, ResultsSchema, toInstrument } from '../../common/surveys.schema.js';
import { findItem } from '../../common/surveys.js';
import { perceptionGaps, scoreEdition, type Cell, type EditionScores, type ScoredResponse } from '../../common/surveys.scoring.js';
import { failure, mountWidget, runWidgetBaseTests, stubFetch, typed, waitFor, type FetchStub } from '../core/testing.js';
import type { Results } from './surveys.api.js';
import type { NgoSurveyResults } from './surveys-results.element.js';
import './surveys-results.js';

const instrument: Instrument = toInstrument(InstrumentSchema.parse(await (await fetch(new URL('../../common/surveys.lijw.json', import.meta.url))).json()));
const scaleIds = instrument.sections.filter((s) => s.scored).flatMap((s) => s.items.filter((i) => i.type === 'scale').map((i) => i.id));

/** `n` respondents of `group`, each answering every scale item with `point` (and the reverse items too). */
function respondents(group: RespondentGroup, n: number, point: (k: number, item: number) => number | 'hard_to_say'): ScoredResponse[] {
  return Array.from({ length: n }, (_, k) => {
    const answers: Answers = {};
    scaleIds.forEach((id, j) => (answers[id] = point(k, j) as Answers[string]));
    return { group, answers };
  });
}

// NGOs rate lower than officials; three councillors: their cells are suppressed, and the council's
// six (the smallest other group) hide with them, so that the total does not give them away.
const now = scoreEdition(instrument, [
  ...respondents('ngo', 12, (k) => 2 + (k % 3)),
  ...respondents('official', 8, (k) => 4 + (k % 2)),
  ...respondents('public_benefit_council', 6, (k) => 3 + (k % 2)),
  ...respondents('councillor', 3, () => 5),
]);
const before = scoreEdition(instrument, [...respondents('ngo', 10, () => 2), ...respondents('official', 6, () => 4)]);

type Col = RespondentGroup | 'all';
const COLUMNS: Col[] = ['ngo', 'official', 'councillor', 'all'];
const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
/** Cells of the published columns, one decimal, as the API serves them. */
const cells = (c: Record<Col, Cell>) => Object.fromEntries(COLUMNS.map((k) => [k, { ...c[k], score: r1(c[k].score) }]));
const sectionTitle = (id: string) => instrument.sections.find((x) => x.id === id)!.title;

/** What `GET …/results?a=&b=` answers for these scores (the server does the same from the database). */
function results(scores: EditionScores, o: { a?: Col; b?: Col; over?: Partial<Results> } = {}): Results {
  const a = o.a ?? 'ngo';
  const b = o.b ?? 'official';
  const g = perceptionGaps(scores, a, b);
  const ri = <T extends { a: number | null; b: number | null; gap: number | null }>(x: T) => ({ ...x, a: r1(x.a), b: r1(x.b), gap: r1(x.gap) });
  return typed(ResultsSchema, {
    edition: { survey: 'lijw', slug: '2025', status: 'closed', opensAt: '2025-11-01T00:00:00.000Z', closesAt: '2026-01-31T23:00:00.000Z', periodFrom: '2024-11-01', periodTo: '2025-10-31', instrumentVersion: 1, published: true, serverTime: '2026-12-02T10:00:00.000Z' },
    columns: COLUMNS,
    respondents: Object.fromEntries(COLUMNS.map((k) => [k, scores.respondents[k]])),
    index: cells(scores.index),
    sections: scores.sections.map((x) => ({ id: x.id, title: sectionTitle(x.id), cells: cells(x.cells), agreed: x.id === 'b' ? 58 : null })),
    items: scores.items.map((i) => ({ id: i.id, section: i.section, text: findItem(instrument, i.id)!.item.text, weight: i.weight, reverse: i.reverse, cells: cells(i.cells) })),
    gap: { a, b, index: r1(g.index), sections: g.sections.map(ri), items: g.items.map(ri) },
    trend: [before, scores].map((x, k) => ({ edition: String(2024 + k), periodTo: `${2024 + k}-10-31`, index: cells(x.index), sections: x.sections.map((y) => ({ id: y.id, cells: cells(y.cells) })) })),
    indicators: [{ module: 'consultations', key: 'held', label: 'Consultations held', value: 14, unit: 'count' }],
    recommendations: [{ id: 'r1', edition: '2025', section: 'b', text: 'Uprościć sprawozdania z dotacji.', owner: 'Wydział Polityki Społecznej', deadline: '2026-06-30', status: 'in_progress', statusNote: null }],
    minN: 5,
    ...o.over,
  });
}

const root = (el: NgoSurveyResults) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: NgoSurveyResults, sel: string) => root(el).querySelector<E & HTMLElement>(sel);
const $$ = <E extends Element = HTMLElement>(el: NgoSurveyResults, sel: string) => [...root(el).querySelectorAll<E & HTMLElement>(sel)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const number = (s: string) => Number(s.replace(/\s/g, '').replace(',', '.').replace('−', '-'));

/** Serves the results of `now` for the asked pair, or `body` as it is. */
function serve(body?: Response | ((q: URLSearchParams) => Results)): FetchStub {
  return stubFetch((c) => {
    if (c.pathname !== '/v1/surveys/lijw/editions/2025/results') return undefined;
    if (body instanceof Response) return body.clone();
    const q = new URL(c.url).searchParams;
    return body ? body(q) : results(now, { a: (q.get('a') ?? undefined) as Col | undefined, b: (q.get('b') ?? undefined) as Col | undefined });
  });
}

async function mount(lang = 'pl', width = 1280): Promise<NgoSurveyResults> {
  await setViewport({ width, height: 900 });
  const el = await mountWidget<NgoSurveyResults>('ngo-survey-results', { lang, edition: '2025' });
  await waitFor(() => $(el, '#h-sections'), 'the results');
  return el;
}

describe('<ngo-survey-results>', () => {
  let stub: FetchStub;
  afterEach(() => stub?.restore());

  it('draws bars per section by group whose values are the table’s, and shows n < 5, never 0', async () => {
    stub = serve();
    const el = await mount();
    const bars = $$(el, '#h-sections ~ .chart-box rect.bar');
    const rows = $$(el, '#t-sections tbody tr');
    expect(rows.map((r) => r.dataset.key)).to.deep.equal([...now.sections.map((s) => s.id), 'index']);
    // Every drawn bar is a table cell with the same figure, in the same order (row by row, column by column).
    const tableNumbers = rows.flatMap((r) => [...r.querySelectorAll('td')].map((td) => text(td))).filter((t) => /^\d/.test(t)).map(number);
    expect(bars.map((b) => Number(b.getAttribute('data-value')))).to.deep.equal(tableNumbers);
    // The councillors (3 respondents): suppressed in the chart and in the table, no bar of 0.
    const councillorCells = rows.map((r) => text(r.querySelectorAll('td')[2]));
    expect(councillorCells.every((t) => t.startsWith('n < 5')), councillorCells.join(' | ')).to.equal(true);
    expect($$(el, 'rect.bar-suppressed[data-series="councillor"]').length).to.equal(rows.length);
    expect(bars.some((b) => b.getAttribute('data-series') === 'councillor')).to.equal(false);
    // The chart's text alternative says every value.
    const svg = $(el, '#h-sections ~ .chart-box svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    const desc = text(svg.querySelector('desc'));
    expect(desc).to.include(`Organizacje pozarządowe ${text(rows[0]!.querySelectorAll('td')[0])}`);
    expect(desc).to.include('Radni miasta n < 5');
    const councillors = $$(el, 'table.respondents tr').find((r) => text(r.querySelector('th')) === 'Radni miasta')!;
    expect(text(councillors.querySelector('td'))).to.equal('n < 5 (ukryte: mniej niż 5 odpowiedzi)');
  });

  it('takes its heading levels from heading-level, and leaves its title out with no-heading', async () => {
    stub = serve();
    await setViewport({ width: 1280, height: 900 });
    const el = await mountWidget<NgoSurveyResults>('ngo-survey-results', { lang: 'pl', edition: '2025', 'heading-level': '3' });
    await waitFor(() => $(el, '#h-sections'), 'the results');
    expect($(el, '#results-title')!.localName).to.equal('h3');
    expect($(el, '#h-sections')!.localName).to.equal('h4');
    el.remove();
    const bare = await mountWidget<NgoSurveyResults>('ngo-survey-results', { lang: 'pl', edition: '2025', 'no-heading': '' });
    await waitFor(() => $(bare, '#h-sections'), 'the results');
    expect($(bare, '#results-title')).to.equal(null);
    expect($(bare, '#h-sections')!.localName).to.equal('h3');
  });

  it('shows the gap item by item, NGOs against officials first, and another pair on request', async () => {
    stub = serve();
    const el = await mount();
    expect(text($(el, '#h-gap'))).to.equal('Różnica ocen: Organizacje pozarządowe i Urzędnicy');
    const marks = $$(el, 'g.gap');
    const rows = $$(el, '#t-gap tbody tr');
    const itemRows = now.items.filter((i) => i.cells.ngo.score !== null && i.cells.official.score !== null);
    expect(marks.map((g) => g.dataset.key)).to.deep.equal(itemRows.map((i) => i.id));
    for (const g of marks) {
      const row = rows.find((r) => r.dataset.key === g.dataset.key)!;
      const [a, b, gap] = [...row.querySelectorAll('td')].map((td) => text(td));
      expect(number(a!)).to.equal(Number(g.dataset.a));
      expect(number(b!)).to.equal(Number(g.dataset.b));
      expect(gap).to.match(/^różnica [−+]?\d/);
    }
    const select = $<HTMLSelectElement>(el, '#gap-b')!;
    select.value = 'councillor';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => text($(el, '#h-gap')).includes('Radni miasta'), 'the other pair');
    expect(stub.calls.at(-1)!.path).to.equal('/v1/surveys/lijw/editions/2025/results?lang=pl&a=ngo&b=councillor');
    expect($$(el, 'g.gap')).to.have.length(0);
    expect($$(el, 'text.gap-missing').every((t) => text(t) === 'n < 5')).to.equal(true);
  });

  it('draws the trend over editions, with the same figures in its table', async () => {
    stub = serve();
    const el = await mount('en');
    const points = $$(el, 'g.point[data-series="index"]');
    const row = $(el, '#t-trend tbody tr[data-key="index"]')!;
    expect(points.map((p) => Number(p.dataset.value))).to.deep.equal([...row.querySelectorAll('td')].map((td) => number(text(td))));
    expect(text($(el, '#t-trend thead'))).to.include('2024');
    expect(text($(el, '.indicators dt'))).to.equal('Consultations held');
    expect(text($(el, '.indicators dd'))).to.equal('14');
    expect(text($(el, '.recs'))).to.include('Status: in progress');
    await expect(el).to.be.accessible();
  });

  it('offers the figures of its tables as CSV, in the reader’s language', async () => {
    stub = serve();
    const el = await mount('uk');
    const link = $<HTMLAnchorElement>(el, 'a[part="download"]')!;
    expect(text(link)).to.equal('Завантажити дані (CSV)');
    expect(link.getAttribute('download')).to.equal('lijw-2025-uk.csv');
    const csv = decodeURIComponent(link.href.replace(/^data:text\/csv;charset=utf-8,/, ''));
    expect(csv.startsWith('\uFEFF"Частина","Неурядові організації","Посадовці","Депутати міської ради","Усі"')).to.equal(true);
    // Each row of the sections' table is a CSV line with the same words and figures.
    for (const row of $$(el, '#t-sections tbody tr')) {
      const cells = [row.querySelector('th'), ...row.querySelectorAll('td')].map((c) => text(c).replace(/ \(.*\)$/, ''));
      expect(csv).to.include(cells.map((c) => `"${c}"`).join(','));
    }
    expect(csv).to.include('"n < 5"');
  });

  it('says when nothing is published yet', async () => {
    stub = serve(() => results(now, { over: { columns: [] } }));
    await setViewport({ width: 1280, height: 900 });
    const el = await mountWidget<NgoSurveyResults>('ngo-survey-results', { lang: 'pl', edition: '2025' });
    await waitFor(() => text($(el, '.notice')).includes('nie zostały jeszcze opublikowane'), 'the notice');
    expect($(el, 'svg')).to.equal(null);
  });

  it('warns about an edition that does not exist', async () => {
    stub = serve(failure(404, 'not_found'));
    const el = await mountWidget<NgoSurveyResults>('ngo-survey-results', { lang: 'pl', edition: '2025' });
    const alert = await waitFor(() => $(el, '[role="alert"]'), 'the alert');
    expect(text(alert)).to.include('Nie znaleziono takiego badania lub edycji.');
  });
});

let baseStub: FetchStub | undefined;
runWidgetBaseTests<NgoSurveyResults>('ngo-survey-results', {
  attrs: { edition: '2025' },
  widths: [360, 1280],
  setup: () => {
    baseStub = serve();
    return () => baseStub?.restore();
  },
  ready: (el) => el.shadowRoot?.querySelector('#h-sections'),
  texts: { pl: 'Wyniki części według grup', en: 'Scores of the parts by group', uk: 'Оцінки частин за групами' },
  misconfigured: { attrs: { edition: '' }, warning: 'edition is missing' },
});
