import { expect, fixture, html } from '@open-wc/testing';
import type { AdminSession } from '../admin/admin.api.js';
import { InstrumentSchema, StaffEditionDetailSchema, StaffResultsSchema, StaffSurveyListSchema, toInstrument } from '../../common/surveys.schema.js';
import { failure, stubFetch, typed, waitFor, type FetchStub } from '../core/testing.js';
import './surveys.admin.js';
import type { NgoAdminSurveys } from './surveys.admin.element.js';

const instrument = toInstrument(InstrumentSchema.parse(await (await fetch(new URL('../../common/surveys.lijw.json', import.meta.url))).json()));
const session: AdminSession = { staff: { id: 'st1', email: 'editor@krakow.pl', name: 'Ewa Redaktor', role: 'editor', district: null }, csrfToken: 'csrf-123', sections: ['surveys'] };
const T = (pl: string) => ({ pl, en: pl, uk: pl });
const summary = (slug: string, status: 'open' | 'closed', published: boolean) => ({
  survey: 'lijw', slug, status, opensAt: '2026-01-15T08:00:00.000Z', closesAt: '2026-02-15T22:59:00.000Z', periodFrom: '2025-01-01', periodTo: '2025-12-31', instrumentVersion: 1, published, serverTime: '2026-12-02T10:00:00.000Z',
});
const list = typed(StaffSurveyListSchema, { items: [{ id: 'lijw', title: T('Badanie jakości współpracy'), instruments: 1, editions: [summary('2026', 'open', false), summary('2025', 'closed', true)] }] });
const detail = typed(StaffEditionDetailSchema, {
  ...summary('2026', 'open', false), id: 'e1',
  counts: { ngo: { responses: 23, issued: 180, used: 23 }, official: { responses: 12, issued: 90, used: 12 }, councillor: { responses: 3, issued: 43, used: 3 } },
  publication: { columns: [], items: true, trend: true, indicators: true }, publishedAt: null, meeting: { on: '2026-03-20', note: 'Protokół.' },
  batches: [{ id: 'b1', group: 'ngo', size: 180, used: 23, channel: 'links', lang: 'pl', expiresAt: '2027-01-01T00:00:00.000Z', revokedAt: null, createdAt: '2026-11-25T10:00:00.000Z' }],
  openLinks: [],
});
const cell = (score: number | null, n: number | null = 20) => ({ n, score, suppressed: score === null ? ('few' as const) : null });
const results = typed(StaffResultsSchema, {
  edition: summary('2026', 'open', false), columns: ['ngo', 'official', 'councillor', 'all'], respondents: { ngo: 23, official: 12, councillor: null, all: 38 },
  index: { ngo: cell(48.2), official: cell(66), councillor: cell(null, null), all: cell(55.1) },
  sections: [
    { id: 'b', title: instrument.sections[2]!.title, cells: { ngo: cell(41.5), official: cell(70.3), councillor: cell(null, null), all: cell(52) }, agreed: null },
    { id: 'c', title: instrument.sections[3]!.title, cells: { ngo: cell(60), official: cell(58), councillor: cell(null, null), all: cell(59) }, agreed: 61 },
  ],
  items: null, gap: null, trend: null, indicators: null, recommendations: [], minN: 5,
  agenda: [
    { kind: 'section', id: 'b', section: 'b', text: instrument.sections[2]!.title, a: 41.5, b: 70.3, gap: -28.8 },
    { kind: 'item', id: 'b_paperwork', section: 'b', text: T('Rozliczanie dotacji'), a: 30, b: 55, gap: -25 },
  ],
  agreed: [{ section: 'c', score: 61, note: 'Uzgodnione.' }], publication: { columns: [], items: true, trend: true, indicators: true },
});

const root = (el: NgoAdminSurveys) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: NgoAdminSurveys, sel: string) => root(el).querySelector<E & HTMLElement>(sel);
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const E = '/v1/admin/surveys/lijw/editions/2026';

let api: FetchStub;
function serve(extra: (path: string, method: string, body: any) => unknown = () => undefined) {
  api = stubFetch((c) => {
    const own = extra(c.path, c.method, c.body);
    if (own !== undefined) return own as object;
    if (c.path === '/v1/admin/surveys') return list;
    if (c.path === E) return detail;
    if (c.path.startsWith(`${E}/results?`)) return results;
    if (c.path === `${E}/recommendations` && c.method === 'GET') return { items: [] };
    if (c.path === '/v1/admin/surveys/lijw/instruments') return { items: [] };
    return undefined;
  });
}
afterEach(() => api?.restore());

async function mount(lang = 'pl'): Promise<NgoAdminSurveys> {
  const el = await fixture<NgoAdminSurveys>(html`<ngo-admin-surveys lang=${lang} api-base=${location.origin} .session=${session}></ngo-admin-surveys>`);
  await waitFor(() => $(el, '#pick-edition'), 'the edition picker');
  return el;
}
const openTab = async (el: NgoAdminSurveys, tab: string) => {
  $(el, `#tab-${tab}`)!.click();
  await waitFor(() => $(el, `#panel-${tab}`)?.querySelector('h4'), `the ${tab} tab`);
};
const fill = (el: NgoAdminSurveys, sel: string, value: string) => {
  const input = $<HTMLInputElement>(el, sel)!;
  input.value = value;
  input.dispatchEvent(new Event(input.localName === 'select' ? 'change' : 'input', { bubbles: true }));
};

describe('<ngo-admin-surveys>', () => {
  it('picks the open edition and lists the editions; accessible in pl and uk', async () => {
    serve();
    for (const lang of ['pl', 'uk']) {
      const el = await mount(lang);
      expect($<HTMLSelectElement>(el, '#pick-edition')!.value).to.equal('2026');
      expect(text($(el, 'tr[data-edition="2025"]'))).to.include(lang === 'pl' ? 'wyniki opublikowane' : 'результати опубліковано');
      await expect(el).to.be.accessible();
      el.remove();
    }
  });

  it('shows the counts per group and creates one-time links, shown once', async () => {
    serve((path, method, body) =>
      path === `${E}/tokens` && method === 'POST' ? { batch: { ...detail.batches[0]!, id: 'b2', group: body.group, size: 2, used: 0 }, links: ['https://ngo.test/embed/surveys?token=a', 'https://ngo.test/embed/surveys?token=b'] } : undefined);
    const el = await mount();
    await openTab(el, 'access');
    await waitFor(() => $(el, 'tr[data-group="ngo"]'), 'the counts');
    expect([...$(el, 'tr[data-group="ngo"]')!.children].map(text)).to.deep.equal(['Organizacje pozarządowe', '180', '23', '23']);
    fill(el, '#tok-group', 'official');
    fill(el, '#tok-count', '2');
    $(el, '#panel-access form button[type=submit]')!.click();
    const links = await waitFor(() => $<HTMLTextAreaElement>(el, '#token-links'), 'the links');
    expect(links.value.split('\n')).to.have.length(2);
    const post = api.writes().find((c) => c.path === `${E}/tokens`)!;
    expect(post.body).to.deep.equal({ group: 'official', count: 2, lang: 'pl', format: 'json' });
    expect(post.headers['X-CSRF-Token'] ?? Object.entries(post.headers).find(([k]) => k.toLowerCase().includes('csrf'))?.[1]).to.equal('csrf-123');
    await waitFor(() => text($(el, '[role="status"]')).includes('Utworzono 2 zaproszenia.'), 'the announcement');
    await waitFor(() => root(el).activeElement?.id === 'token-links', 'focus on the links');
  });

  it('saves the publish choices', async () => {
    serve((path, method) => (path === `${E}/publication` && method === 'PUT' ? {} : undefined));
    const el = await mount();
    await openTab(el, 'results');
    await waitFor(() => $(el, '#pub-col-ngo'), 'the publication form');
    expect(text($(el, 'table.scores'))).to.include('n < 5');
    for (const c of ['ngo', 'official', 'all']) $<HTMLInputElement>(el, `#pub-col-${c}`)!.click();
    $<HTMLInputElement>(el, '#pub-published')!.click();
    $(el, '#panel-results form button[type=submit]')!.click();
    await waitFor(() => api.writes().length, 'the PUT');
    expect(api.writes()[0]!.body, JSON.stringify(api.writes()[0]!.body)).to.deep.equal({ columns: ['ngo', 'official', 'all'], items: true, trend: true, indicators: true, published: true });
    await waitFor(() => text($(el, '[role="status"]')).includes('Zapisano wybór publikacji.'), 'the announcement');
  });

  it('shows the meeting agenda by the largest gap and adds a recommendation', async () => {
    serve((path, method, body) => (path === `${E}/recommendations` && method === 'POST' ? { id: 'r9', edition: '2026', statusNote: null, ...body } : undefined));
    const el = await mount();
    await openTab(el, 'meeting');
    const rows = await waitFor(() => root(el).querySelectorAll('table.agenda tbody tr').length && [...root(el).querySelectorAll('table.agenda tbody tr')], 'the agenda');
    expect(text(rows[0])).to.include('−28,8');
    expect($<HTMLInputElement>(el, '#agreed-c')!.value).to.equal('61');
    await waitFor(() => $<HTMLTextAreaElement>(el, '#meeting-note')?.value === 'Protokół.', 'the saved minutes');
    fill(el, '#rec-text', 'Uprościć sprawozdania.');
    fill(el, '#rec-owner', 'Wydział Polityki Społecznej');
    fill(el, '#rec-deadline', '2027-06-30');
    $(el, '#rec-text')!.closest('form')!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitFor(() => api.writes().length, 'the POST');
    expect(api.writes()[0]!.body, JSON.stringify(api.writes()[0]!.body)).to.deep.equal({ section: 'b', text: 'Uprościć sprawozdania.', owner: 'Wydział Polityki Społecznej', deadline: '2027-06-30', status: 'planned' });
  });

  it('lists each schema error of an uploaded questionnaire with its JSON path', async () => {
    serve((path, method) =>
      path === '/v1/admin/surveys/lijw/instruments' && method === 'POST'
        ? failure(422, 'validation_failed', { issues: [{ path: 'instrument.sections.0.items.3.scale', code: 'custom', message: 'No scale "agre" in "scales"' }] })
        : undefined);
    const el = await mount();
    await openTab(el, 'instruments');
    fill(el, '#upload-doc', '{ not json');
    $(el, '#panel-instruments form button[type=submit]')!.click();
    await waitFor(() => text($(el, '#upload-issues')).includes('To nie jest poprawny JSON'), 'the JSON error');
    expect(api.writes()).to.have.length(0);
    fill(el, '#upload-doc', JSON.stringify({ title: T('x'), scales: {}, sections: [] }));
    $(el, '#panel-instruments form button[type=submit]')!.click();
    await waitFor(() => text($(el, '#upload-issues')).includes('instrument.sections.0.items.3.scale'), 'the schema error');
    expect(text($(el, '#upload-issues li'))).to.equal('instrument.sections.0.items.3.scale: No scale "agre" in "scales"');
    await waitFor(() => root(el).activeElement?.id === 'upload-issues', 'focus on the errors');
  });
});
