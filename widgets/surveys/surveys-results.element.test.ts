import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Answers, Instrument, RespondentGroup } from '../../common/surveys.js';
import { InstrumentSchema, toInstrument } from '../../common/surveys.schema.js';
import { scoreEdition, type ScoredResponse } from '../../common/surveys.scoring.js';
import { failure, mountWidget, runWidgetBaseTests, stubFetch, waitFor, type FetchStub } from '../core/testing.js';
import type { PublishedResults } from './surveys.api.js';
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

const results = (over: Partial<PublishedResults> = {}): PublishedResults => ({
  survey: 'lijw',
  edition: { slug: '2025', status: 'closed', opensAt: '2025-11-01T00:00:00.000Z', closesAt: '2026-01-31T23:00:00.000Z', periodFrom: '2024-11-01', periodTo: '2025-10-31' },
  title: { pl: 'Badanie jakości współpracy', en: 'Cooperation quality survey', uk: 'Опитування про якість співпраці' },
  instrument,
  columns: ['ngo', 'official', 'councillor', 'all'],
  scores: now,
  items: true,
  trend: [{ edition: '2024', scores: before }, { edition: '2025', scores: now }],
  indicators: [{ key: 'consultations', label: { pl: 'Konsultacje', en: 'Consultations', uk: 'Консультації' }, value: 14 }],
  agreed: [{ section: 'b', score: 58, note: 'Po dyskusji zespołu.' }],
  recommendations: [{ id: 'r1', section: 'b', text: 'Uprościć sprawozdania z dotacji.', owner: 'Wydział Polityki Społecznej', deadline: '2026-06-30', status: 'in_progress', statusNote: null }],
  ...over,
});

const root = (el: NgoSurveyResults) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: NgoSurveyResults, sel: string) => root(el).querySelector<E & HTMLElement>(sel);
const $$ = <E extends Element = HTMLElement>(el: NgoSurveyResults, sel: string) => [...root(el).querySelectorAll<E & HTMLElement>(sel)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const number = (s: string) => Number(s.replace(/\s/g, '').replace(',', '.').replace('−', '-'));

function serve(body: PublishedResults | Response): FetchStub {
  return stubFetch((c) => (c.pathname === '/v1/surveys/lijw/editions/2025/results' ? (body instanceof Response ? body.clone() : body) : undefined));
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
    stub = serve(results());
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

  it('shows the gap item by item, NGOs against officials first, and another pair on request', async () => {
    stub = serve(results());
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
    expect($$(el, 'g.gap')).to.have.length(0);
    expect($$(el, 'text.gap-missing').every((t) => text(t) === 'n < 5')).to.equal(true);
  });

  it('draws the trend over editions, with the same figures in its table', async () => {
    stub = serve(results());
    const el = await mount('en');
    const points = $$(el, 'g.point[data-series="index"]');
    const row = $(el, '#t-trend tbody tr[data-key="index"]')!;
    expect(points.map((p) => Number(p.dataset.value))).to.deep.equal([...row.querySelectorAll('td')].map((td) => number(text(td))));
    expect(text($(el, '#t-trend thead'))).to.include('2024');
    expect(text($(el, '.indicators'))).to.include('Consultations');
    expect(text($(el, '.recs'))).to.include('Status: in progress');
    await expect(el).to.be.accessible();
  });

  it('offers the figures as CSV in the reader’s language', async () => {
    stub = serve(results());
    const el = await mount('uk');
    const link = $<HTMLAnchorElement>(el, 'a[part="download"]')!;
    expect(new URL(link.href).pathname).to.equal('/v1/surveys/lijw/editions/2025/results.csv');
    expect(new URL(link.href).searchParams.get('lang')).to.equal('uk');
    expect(text(link)).to.equal('Завантажити дані (CSV)');
  });

  it('says when nothing is published yet', async () => {
    stub = serve(results({ columns: [] }));
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
    baseStub = serve(results());
    return () => baseStub?.restore();
  },
  ready: (el) => el.shadowRoot?.querySelector('#h-sections'),
  texts: { pl: 'Wyniki części według grup', en: 'Scores of the parts by group', uk: 'Оцінки частин за групами' },
  misconfigured: { attrs: { edition: '' }, warning: 'edition is missing' },
});
