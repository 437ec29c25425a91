import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { AuditChoices, AuditEntry } from '../../../common/admin.schema.js';
import type { AdminSession } from '../admin.api.js';
import { failure, stubFetch, typed, waitFor, type FetchStub } from '../../core/testing.js';
import './index.js';
import type { NgoAdminAudit } from './audit.element.js';

const SESSION: AdminSession = { staff: { id: 's1', email: 'anna@krakow.pl', name: 'Anna Nowak', role: 'admin', district: null }, csrfToken: 'csrf-1', sections: ['consultations', 'staff', 'audit'] };

const entry = (over: Partial<ReturnType<typeof AuditEntry.parse>> = {}) =>
  typed(AuditEntry, {
    id: 'a1', at: '2026-12-02T13:05:00.000Z', staff: { id: 's1', name: 'Anna Nowak', email: 'anna@krakow.pl' }, module: 'consultations',
    action: 'PUT /v1/admin/consultations/remarks/{remarkId}/response', actionLabel: 'Odpowiedź na uwagę',
    item: { title: 'Budżet obywatelski 2027', link: 'consultations/c1' }, subject: '/v1/admin/consultations/remarks/r1/response', details: null, ...over,
  });

const CHOICES = typed(AuditChoices, {
  modules: [
    { slug: 'consultations', label: 'Konsultacje', actions: [{ key: 'PUT /v1/admin/consultations/remarks/{remarkId}/response', label: 'Odpowiedź na uwagę' }] },
    { slug: 'admin', label: 'Konta pracowników', actions: [{ key: 'login', label: 'Logowanie' }, { key: 'login_failed', label: 'Nieudane logowanie' }] },
  ],
  staff: [{ id: 's1', name: 'Anna Nowak', email: 'anna@krakow.pl' }, { id: 's2', name: 'Jan Kowalski', email: 'jan@krakow.pl' }],
});

function fakeApi(items = () => [entry(), entry({ id: 'a2', staff: null, module: 'admin', action: 'login_failed', actionLabel: 'Nieudane logowanie', item: null, subject: null })], total?: number) {
  return stubFetch((c) => {
    if (c.pathname === '/v1/admin/audit/actions') return CHOICES;
    if (c.pathname === '/v1/admin/audit') {
      const list = items();
      return { items: list, total: total ?? list.length, page: Number(new URLSearchParams(c.path.split('?')[1]).get('page') ?? 1), pageSize: 50 };
    }
    return undefined;
  });
}

const $ = <E extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<E>(sel);
const text = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount(lang: string, rows = 2) {
  const el = await fixture<NgoAdminAudit>(html`<ngo-admin-audit lang=${lang} api-base=${location.origin} .session=${SESSION}></ngo-admin-audit>`);
  await waitFor(() => el.shadowRoot!.querySelectorAll('tbody tr[data-id]').length === rows && el.shadowRoot!.querySelectorAll('#audit-staff option').length === 3, 'the log and its filters');
  return el;
}

const choose = (el: NgoAdminAudit, sel: string, value: string) => {
  const s = $<HTMLSelectElement | HTMLInputElement>(el, sel)!;
  s.value = value;
  s.dispatchEvent(new Event(s instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
};

describe('<ngo-admin-audit>', () => {
  let api: FetchStub | undefined;
  afterEach(() => api?.restore());

  for (const [lang, filters, nobody, apply] of [
    ['pl', 'Filtry dziennika', 'bez logowania', 'Pokaż wpisy'],
    ['en', 'Log filters', 'not signed in', 'Show entries'],
    ['uk', 'Фільтри журналу', 'без входу', 'Показати записи'],
  ] as const) {
    it(`shows who, what, which item and when, accessibly, in ${lang}`, async () => {
      api = fakeApi();
      const el = await mount(lang);
      await expect(el).to.be.accessible();
      expect(text($(el, '#audit-filters-heading'))).to.equal(filters);
      expect(text($(el, '.filters button[type="submit"]'))).to.equal(apply);
      const row = $(el, 'tr[data-id="a1"]')!;
      expect(text(row.querySelector('td:nth-of-type(2) .name'))).to.equal('Anna Nowak');
      expect(text(row.querySelector('td:nth-of-type(2) .email'))).to.equal('anna@krakow.pl');
      expect(text(row.querySelector('th'))).to.equal('Odpowiedź na uwagę');
      const link = row.querySelector<HTMLAnchorElement>('td:nth-of-type(3) a')!;
      expect(text(link)).to.equal('Budżet obywatelski 2027');
      expect(link.getAttribute('href')).to.equal('#consultations/c1');
      // 13:05 UTC is 14:05 in Warsaw in December.
      expect(text(row.querySelector('time'))).to.contain('14:05');
      expect(text($(el, 'tr[data-id="a2"] td:nth-of-type(2)'))).to.equal(nobody);
      expect(api.calls.find((c) => c.pathname === '/v1/admin/audit')!.path).to.contain(`lang=${lang}`);
    });
  }

  it('sends the filters, offers the filtered downloads and announces what it found', async () => {
    api = fakeApi();
    const el = await mount('pl');
    choose(el, '#audit-staff', 's2');
    choose(el, '#audit-module', 'admin');
    await waitFor(() => el.shadowRoot!.querySelectorAll('#audit-action optgroup').length === 1, 'the actions of one module');
    choose(el, '#audit-action', 'login');
    choose(el, '#audit-from', '2026-12-01');
    choose(el, '#audit-to', '2026-12-02');
    $<HTMLButtonElement>(el, '.filters button[type="submit"]')!.click();
    const sent = await waitFor(() => api!.calls.filter((c) => c.pathname === '/v1/admin/audit').at(-1)!.path.includes('staff=s2') && api!.calls.at(-1));
    const q = new URLSearchParams(sent.path.split('?')[1]);
    expect({ staff: q.get('staff'), module: q.get('module'), action: q.get('action'), from: q.get('from'), to: q.get('to'), page: q.get('page') }).to.deep.equal({ staff: 's2', module: 'admin', action: 'login', from: '2026-12-01', to: '2026-12-02', page: '1' });
    await waitFor(() => text($(el, '[role="status"]')).includes('Znaleziono 2 wpisy.'), 'the announcement');
    const xlsx = new URL($<HTMLAnchorElement>(el, '.downloads a.xlsx')!.href);
    expect(xlsx.pathname).to.equal('/v1/admin/audit/export');
    expect(Object.fromEntries(xlsx.searchParams)).to.include({ staff: 's2', action: 'login', format: 'xlsx' });
    expect(new URL($<HTMLAnchorElement>(el, '.downloads a.csv-pl')!.href).searchParams.get('dialect')).to.equal('excel-pl');
    expect(api.writes()).to.have.length(0);
  });

  it('refuses a range that ends before it starts at its field, without asking the server', async () => {
    api = fakeApi();
    const el = await mount('pl');
    const before = api.calls.length;
    choose(el, '#audit-from', '2026-12-05');
    choose(el, '#audit-to', '2026-12-01');
    $<HTMLButtonElement>(el, '.filters button[type="submit"]')!.click();
    await waitFor(() => $(el, '#audit-to-error'), 'the error at the field');
    expect(text($(el, '#audit-to-error'))).to.equal('Data „do dnia” nie może być wcześniejsza niż „od dnia”.');
    expect($(el, '#audit-to')!.getAttribute('aria-invalid')).to.equal('true');
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'audit-to', 'focus on the field');
    expect(api.calls.length).to.equal(before);
    await expect(el).to.be.accessible();
  });

  it('pages through the log', async () => {
    api = fakeApi(() => Array.from({ length: 50 }, (_, i) => entry({ id: `p${i}` })), 120);
    const el = await mount('en', 50);
    expect(text($(el, '.pager span'))).to.equal('Page 1 of 3');
    expect($(el, '.pager .prev')).to.equal(null);
    $<HTMLButtonElement>(el, '.pager .next')!.click();
    await waitFor(() => text($(el, '.pager span')) === 'Page 2 of 3', 'page 2');
    expect(api.calls.filter((c) => c.pathname === '/v1/admin/audit').at(-1)!.path).to.contain('page=2');
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'audit-results', 'focus at the top of the results');
  });

  it('says when nothing matches, and shows an error with a retry', async () => {
    api = fakeApi(() => []);
    const el = await fixture<NgoAdminAudit>(html`<ngo-admin-audit lang="uk" api-base=${location.origin} .session=${SESSION}></ngo-admin-audit>`);
    await waitFor(() => text($(el, '.empty')) === 'Немає записів за цими фільтрами.', 'the empty state');
    api.restore();
    api = stubFetch((c) => (c.pathname === '/v1/admin/audit/actions' ? CHOICES : failure(503, 'service_unavailable')));
    $<HTMLButtonElement>(el, '.filters button[type="submit"]')!.click();
    choose(el, '#audit-from', '2026-01-01');
    $<HTMLButtonElement>(el, '.filters button[type="submit"]')!.click();
    await waitFor(() => $(el, '[role="alert"]'), 'the error');
    expect($(el, 'button.retry')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('stacks each entry into a labelled card at 360 px', async () => {
    api = fakeApi();
    await setViewport({ width: 360, height: 800 });
    try {
      const el = await mount('pl');
      await waitFor(() => getComputedStyle($(el, 'tbody tr')!).display === 'block', 'stacked rows');
      expect(getComputedStyle($(el, 'tr[data-id="a1"] td')!, '::before').content).to.equal('"Czas: "');
      expect(el.shadowRoot!.querySelector('.table-wrap')!.scrollWidth).to.be.at.most(360);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });
});
