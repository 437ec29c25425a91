import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { mountWidget, stubFetch as stub, waitFor, type Answer, type Call, type FetchStub } from '../core/testing.js';
import type { AdminSession } from '../admin/admin.api.js';
import type { QueueItem, StaffEntry, StaffOrganisation } from './map.admin.api.js';
import { formatChangedBy, formatValue, formatVersionNote, tMapAdmin } from './map.admin.i18n.js';
import '../admin/admin.js';
import './map.admin.js';
import type { NgoAdminMap } from './map.admin.element.js';
import type { NgoPointPicker } from './point-picker.element.js';

const BASE = 'https://ngo.test';
/** Map tiles are the one boundary stubbed: a blank image, so the editor's picking map reaches no network. */
const BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
const BOUNDARIES = '/widgets/map/fixtures/boundaries.json';
const MAP_SETTINGS = { tiles: BLANK_TILE, boundaries: BOUNDARIES };
const session: AdminSession = {
  staff: { id: 'st1', email: 'moderator@krakow.pl', name: 'Maria Nowak', role: 'moderator', district: null },
  csrfToken: 'csrf-123',
  sections: ['map'],
};

const data = (name: string): QueueItem['data'] => ({
  name, description: '', translations: {}, kind: 'ngo', legalForm: 'fundacja', krs: null, regon: null, nip: null,
  areas: ['kultura', 'sport'], targetGroups: [], districts: [1, 12], cityWide: false, address: null, location: null,
  website: null, email: null, phone: null, languages: ['pl'], accessibility: [],
});

const item = (id: string, name: string, extra: Partial<QueueItem> = {}): QueueItem => ({
  id, type: 'correction', status: 'pending', organisationId: `org-${id}`, submitter: { name: 'Jan Kowalski', email: 'jan@example.org' },
  note: null, createdAt: '2025-03-04T10:15:00.000Z', data: data(name), diff: [], duplicates: [], ...extra,
});

const correction = item('s1', 'Fundacja Nowa Nazwa', {
  diff: [
    { field: 'name', before: 'Fundacja Stara Nazwa', after: 'Fundacja Nowa Nazwa' },
    { field: 'areas', before: ['kultura'], after: ['kultura', 'sport'] },
    { field: 'website', before: null, after: 'https://nowa.example.org' },
  ],
  duplicates: [{ id: 'o9', name: 'Fundacja Nowa', status: 'published', reasons: ['similar_name', 'same_krs'] }],
});
const second = item('s2', 'Stowarzyszenie Sąsiedzi', { type: 'create' });

const entry = (id: string, name: string, status: StaffOrganisation['status']): StaffOrganisation => ({
  ...data(name), id, status, translations: {}, ownerEmail: null, version: 1, verifiedAt: null, updatedAt: '2025-02-01T08:00:00.000Z',
});

let calls: Call[] = [];
let api: FetchStub | undefined;

/** Answers the widget's requests from `route` (URL path+query, method) and records them (the kit's `stubFetch`). */
function stubFetch(route: (path: string, method: string, body: unknown) => unknown) {
  api = stub((c) => route(c.path, c.method, c.body) as Answer);
  calls = api.calls;
}

/** A queue that drops each submission once it has been decided. */
function stubQueue(items: QueueItem[]) {
  let pending = [...items];
  stubFetch((path, method) => {
    if (path === '/v1/admin/map/submissions?status=pending' && method === 'GET') return { items: pending };
    const m = /^\/v1\/admin\/map\/submissions\/([^/]+)\/(approve|reject)$/.exec(path);
    if (m && method === 'POST') {
      pending = pending.filter((s) => s.id !== m[1]);
      return m[2] === 'approve' ? { organisationId: 'org' } : { id: m[1], status: 'rejected' };
    }
    return undefined;
  });
}

const root = (el: NgoAdminMap) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: NgoAdminMap, sel: string) => root(el).querySelector<T>(sel)!;
const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
const posts = () => calls.filter((c) => c.method !== 'GET');

async function mount(lang = 'pl') {
  const el = await fixture<NgoAdminMap>(html`<ngo-admin-map lang=${lang} api-base=${BASE} .session=${session} .mapSettings=${MAP_SETTINGS}></ngo-admin-map>`);
  await waitUntil(() => root(el).querySelector('#panel-queue table, #panel-queue p:not(.loading)'), 'the queue did not load');
  return el;
}

async function openDetail(el: NgoAdminMap, id = 's1') {
  $(el, `[data-id="${id}"]`).click();
  await waitUntil(() => root(el).querySelector('#detail-heading'));
}

describe('ngo-admin-map', () => {
  afterEach(() => api?.restore());

  it('is accessible in Polish with a queue loaded, and in the detail view', async () => {
    stubQueue([correction, second]);
    const el = await mount('pl');
    await expect(el).to.be.accessible();
    expect(text($(el, 'caption'))).to.equal('2 zgłoszenia');
    expect(text($(el, '#tab-queue'))).to.equal('Kolejka zgłoszeń');
    await openDetail(el);
    await expect(el).to.be.accessible();
    expect(root(el).activeElement?.id).to.equal('detail-heading');
  });

  it('is accessible in Ukrainian with a queue loaded', async () => {
    stubQueue([correction, second]);
    const el = await mount('uk');
    await expect(el).to.be.accessible();
    expect(text($(el, '#queue-heading'))).to.equal('Заявки, що чекають на рішення');
    expect(text($(el, 'tbody tr td'))).to.equal('Виправлення');
  });

  it('says so when no submissions are waiting', async () => {
    stubQueue([]);
    const el = await mount('en');
    expect(text($(el, '#panel-queue p'))).to.equal('No submissions waiting.');
  });

  it('shows the diff with labels, before and after, and duplicate hints in words', async () => {
    stubQueue([correction]);
    const el = await mount('pl');
    await openDetail(el);
    const rows = [...root(el).querySelectorAll('table.diff tbody tr')].map((tr) => [...tr.children].map(text));
    expect(rows).to.deep.equal([
      ['Nazwa', 'Fundacja Stara Nazwa', 'Fundacja Nowa Nazwa'],
      ['Obszary działalności', 'Kultura, sztuka, ochrona dóbr kultury', 'Kultura, sztuka, ochrona dóbr kultury, Wspieranie i upowszechnianie kultury fizycznej'],
      ['Strona internetowa', '—', 'https://nowa.example.org'],
    ]);
    expect(text($(el, '.duplicates li'))).to.equal('Fundacja Nowa (opublikowany): podobna nazwa, ten sam numer KRS');
    expect(text($(el, '#reason-hint'))).to.contain('jan@example.org');
  });

  it('refuses to reject without a reason: inline error, focus on the field, nothing sent', async () => {
    stubQueue([correction]);
    const el = await mount('en');
    await openDetail(el);
    $(el, 'button.danger').click();
    await el.updateComplete;
    await waitUntil(() => root(el).activeElement?.id === 'reason', 'focus did not move to the reason');
    expect(text($(el, '#reason-error'))).to.equal('This field is required.');
    expect($(el, '#reason').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#reason').getAttribute('aria-describedby')).to.contain('reason-error');
    expect(posts()).to.have.length(0);
  });

  it('rejects with the reason typed in', async () => {
    stubQueue([correction, second]);
    const el = await mount('en');
    await openDetail(el);
    const area = $<HTMLTextAreaElement>(el, '#reason');
    area.value = '  Duplicate of an existing entry.  ';
    area.dispatchEvent(new Event('input'));
    $(el, 'button.danger').click();
    await waitUntil(() => text($(el, '[role=status]')).includes('rejected'));
    expect(posts()).to.have.length(1);
    expect(posts()[0]!.url).to.equal(`${BASE}/v1/admin/map/submissions/s1/reject`);
    expect(posts()[0]!.body).to.deep.equal({ reason: 'Duplicate of an existing entry.' });
  });

  it('approves with the CSRF token, announces it, refreshes the queue and focuses the next item', async () => {
    stubQueue([correction, second]);
    const el = await mount('en');
    await openDetail(el);
    $(el, 'button.approve').click();
    await waitUntil(() => root(el).activeElement?.getAttribute('data-id') === 's2', 'focus did not move to the next item');
    const [post] = posts();
    expect(posts()).to.have.length(1);
    expect(post!.url).to.equal(`${BASE}/v1/admin/map/submissions/s1/approve`);
    expect(post!.headers['X-CSRF-Token']).to.equal('csrf-123');
    expect(post!.credentials).to.equal('same-origin');
    expect(calls.filter((c) => c.method === 'GET')).to.have.length(2);
    expect(text($(el, '[role=status]'))).to.equal('Submission “Fundacja Nowa Nazwa” approved. The submitter will get an e-mail.');
    expect(root(el).querySelectorAll('tbody tr')).to.have.length(1);
  });

  it('focuses the queue heading after deciding the last item', async () => {
    stubQueue([correction]);
    const el = await mount('en');
    await openDetail(el);
    $(el, 'button.approve').click();
    await waitUntil(() => root(el).activeElement?.id === 'queue-heading', 'focus did not move to the heading');
    expect(text($(el, '#panel-queue p'))).to.equal('No submissions waiting.');
  });

  it('shows a failed decision as text and stays on the submission', async () => {
    stubFetch((path, method) => (method === 'GET' ? { items: [second] } : undefined));
    const el = await mount('en');
    await openDetail(el, 's2');
    $(el, 'button.approve').click();
    await waitUntil(() => text($(el, '#action-error')) === 'Not found.', 'no error shown');
    await waitUntil(() => root(el).activeElement?.id === 'action-error', 'focus did not move to the error');
    expect(text($(el, '#detail-heading'))).to.equal('New entry: Stowarzyszenie Sąsiedzi');
    expect(text($(el, '[role=status]'))).to.equal('');
  });

  it('renders script and HTML in a submitted name as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    stubQueue([item('s3', evil, { diff: [{ field: 'name', before: null, after: evil }] })]);
    const el = await mount('pl');
    expect($(el, '[data-id="s3"]').textContent).to.equal(evil);
    await openDetail(el, 's3');
    expect(text($(el, 'table.diff tbody td:last-child'))).to.equal(evil);
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('moves between tabs with the arrow keys', async () => {
    stubFetch((path) => (path.includes('/submissions') ? { items: [] } : { items: [], total: 0 }));
    const el = await mount('pl');
    $(el, '#tab-queue').focus();
    $(el, '#tab-queue').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await waitUntil(() => root(el).activeElement?.id === 'tab-entries');
    expect($(el, '#tab-entries').getAttribute('aria-selected')).to.equal('true');
    expect($(el, '#panel-queue').hidden).to.equal(true);
    await waitUntil(() => text($(el, '#panel-entries')).includes('Nie znaleziono wpisów.'));
  });

  it('is the map section of <ngo-admin>, loaded on first use with the panel\'s session', async () => {
    stubFetch((path) => (path === '/v1/admin/session' ? session : path.startsWith('/v1/admin/map/submissions') ? { items: [second] } : undefined));
    const panel = await fixture(html`<ngo-admin lang="en" api-base=${location.origin} map-tiles=${BLANK_TILE} map-boundaries=${BOUNDARIES}></ngo-admin>`);
    // The panel opens on its start screen; the section loads when its entry in the navigation is chosen.
    const nav = () => panel.shadowRoot!.querySelector<HTMLButtonElement>('nav button[data-section="map"]');
    await waitUntil(nav, 'the navigation');
    nav()!.click();
    await waitUntil(() => panel.shadowRoot!.querySelector('ngo-admin-map')?.shadowRoot?.querySelector('[data-id="s2"]'), 'the section did not load');
    const section = panel.shadowRoot!.querySelector('ngo-admin-map')!;
    expect(section.session?.csrfToken).to.equal('csrf-123');
    // The panel's map settings reach the section, whose editor's point picker uses them.
    expect(section.mapSettings).to.deep.equal(MAP_SETTINGS);
    expect(text($(section, '#queue-heading'))).to.equal('Submissions waiting for a decision');
    await expect(panel).to.be.accessible();
  });

  describe('entries', () => {
    async function mountEntries() {
      stubFetch((path, method) => {
        if (path.startsWith('/v1/admin/map/submissions')) return { items: [] };
        if (path.startsWith('/v1/admin/map/organisations?')) return { items: [entry('o1', 'Fundacja Kultury', 'published'), entry('o2', 'Klub Stary', 'archived')], total: 2 };
        if (method === 'POST' && path === '/v1/admin/map/organisations/o1/archive') return { id: 'o1', status: 'archived' };
        if (method === 'POST' && path === '/v1/admin/map/reminders') return { sent: 5 };
        return undefined;
      });
      const el = await mount('pl');
      $(el, '#tab-entries').click();
      await waitUntil(() => root(el).querySelector('#panel-entries tbody tr'));
      return el;
    }

    it('is accessible and lists name, status, districts and date', async () => {
      const el = await mountEntries();
      await expect(el).to.be.accessible();
      const first = [...root(el).querySelectorAll('#panel-entries tbody tr:first-child > *')].map(text);
      expect(first.slice(0, 3)).to.deep.equal(['Fundacja Kultury', 'opublikowany', 'Stare Miasto, Bieżanów-Prokocim']);
      expect(text($(el, '#panel-entries caption'))).to.equal('Znaleziono 2 wpisy');
    });

    it('searches with the query and the status filter', async () => {
      const el = await mountEntries();
      $<HTMLInputElement>(el, '#q').value = 'kultur';
      $<HTMLSelectElement>(el, '#status').value = 'archived';
      $(el, 'form[role=search] button').click();
      await waitUntil(() => calls.some((c) => c.url.includes('q=kultur')));
      const url = new URL(calls.at(-1)!.url);
      expect(url.searchParams.get('q')).to.equal('kultur');
      expect(url.searchParams.get('status')).to.equal('archived');
    });

    it('asks before archiving, then archives with the CSRF token', async () => {
      const el = await mountEntries();
      $(el, '[data-id="o1"] button').click();
      await waitUntil(() => root(el).activeElement?.classList.contains('confirm'));
      expect(text($(el, '#confirm-o1'))).to.contain('Zarchiwizować „Fundacja Kultury”?');
      expect(posts()).to.have.length(0);
      $(el, '[data-id="o1"] .confirm').click();
      await waitUntil(() => text($(el, '[role=status]')) === 'Zarchiwizowano „Fundacja Kultury”.');
      expect(posts().map((c) => [c.url, c.headers['X-CSRF-Token']])).to.deep.equal([[`${BASE}/v1/admin/map/organisations/o1/archive`, 'csrf-123']]);
    });

    it('cancelling the confirmation sends nothing and returns focus to the button', async () => {
      const el = await mountEntries();
      $(el, '[data-id="o1"] button').click();
      await waitUntil(() => root(el).activeElement?.classList.contains('confirm'));
      $(el, '[data-id="o1"] .ngo-secondary').click();
      await waitUntil(() => root(el).activeElement?.textContent === 'Archiwizuj');
      expect(posts()).to.have.length(0);
    });

    describe('editing', () => {
      const detail: StaffEntry = {
        ...entry('o1', 'Fundacja Kultury', 'published'),
        ownerEmail: 'biuro@kultura.example.org',
        version: 3,
        versions: [
          { version: 1, status: 'pending', changedBy: 'submission', note: null, createdAt: '2025-01-10T09:00:00.000Z' },
          { version: 2, status: 'published', changedBy: 'staff:st9', note: 'approved', createdAt: '2025-01-12T11:30:00.000Z' },
          { version: 3, status: 'published', changedBy: 'staff:st1', note: 'edited by staff', createdAt: '2025-02-01T08:00:00.000Z' },
        ],
      };

      /** The panel's district outlines file, served by the stub beside the API. */
      let outlines: unknown;
      before(async () => {
        outlines = await (await fetch(BOUNDARIES)).json();
      });

      /** The entries list, whose first entry is renamed by a PUT; a POST adds an entry. */
      async function mountEditable() {
        let name = 'Fundacja Kultury';
        const added: StaffOrganisation[] = [];
        stubFetch((path, method, body) => {
          if (path === BOUNDARIES) return outlines;
          if (path.startsWith('/v1/admin/map/submissions')) return { items: [] };
          if (path.startsWith('/v1/admin/map/organisations?')) {
            return { items: [entry('o1', name, 'published'), entry('o2', 'Klub Stary', 'archived'), ...added], total: 2 + added.length };
          }
          if (method === 'GET' && path === '/v1/admin/map/organisations/o1') return { ...detail, name };
          if (method === 'GET' && path === '/v1/admin/map/organisations/o2') return { ...detail, ...entry('o2', 'Klub Stary', 'archived') };
          if (method === 'PUT' && path === '/v1/admin/map/organisations/o1') return (name = (body as { name: string }).name), { id: 'o1' };
          if (method === 'POST' && path === '/v1/admin/map/organisations') return added.push(entry('o3', (body as { name: string }).name, 'published')), { id: 'o3' };
          return undefined;
        });
        const el = await mount('pl');
        $(el, '#tab-entries').click();
        await waitUntil(() => root(el).querySelector('#panel-entries tbody tr'));
        return el;
      }

      const formOf = (el: NgoAdminMap) => root(el).querySelector('ngo-map-form');
      const inForm = <T extends Element = HTMLElement>(el: NgoAdminMap, sel: string) => formOf(el)?.shadowRoot?.querySelector<T>(sel) ?? null;

      async function openEditor(el: NgoAdminMap, button: string) {
        $(el, button).click();
        // The form's chunk loads on first use: on a loaded machine that takes more than waitUntil's default second.
        await waitUntil(() => formOf(el)?.shadowRoot?.activeElement?.classList.contains('title'), 'focus did not move to the form', { timeout: 8000 });
      }

      it('Edit opens the entry in the form, prefilled, beside its history, and stays accessible', async () => {
        const el = await mountEditable();
        expect(text($(el, '[data-id="o1"] .edit'))).to.equal('Edytuj');
        await openEditor(el, '[data-id="o1"] .edit');
        expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).to.include('GET /v1/admin/map/organisations/o1');
        expect(inForm<HTMLInputElement>(el, '#name')!.value).to.equal('Fundacja Kultury');
        expect(inForm<HTMLInputElement>(el, '#districts-11')!.checked).to.equal(true); // XII Bieżanów-Prokocim
        expect(text(inForm(el, 'h4.title')!)).to.equal('Edycja wpisu');
        const rows = [...root(el).querySelectorAll('table.history tbody tr')].map((tr) => [...tr.children].map(text));
        expect(rows).to.deep.equal([
          ['3', 'opublikowany', 'Maria Nowak (Ty)', 'edycja przez pracownika', '1 lut 2025, 09:00'],
          ['2', 'opublikowany', 'pracownik (identyfikator st9)', 'zatwierdzono nowy wpis', '12 sty 2025, 12:30'],
          ['1', 'czeka na moderację', 'zgłoszenie z formularza', '—', '10 sty 2025, 10:00'],
        ]);
        expect(text($(el, '#panel-entries dl'))).to.contain('biuro@kultura.example.org');
        await expect(el).to.be.accessible();
      });

      it('saving returns to the refreshed list, announces it and focuses the entry’s Edit button', async () => {
        const el = await mountEditable();
        await openEditor(el, '[data-id="o1"] .edit');
        const name = inForm<HTMLInputElement>(el, '#name')!;
        name.value = 'Fundacja Kultury i Sztuki';
        name.dispatchEvent(new Event('input'));
        inForm(el, '[part="submit-button"]')!.click();
        await waitUntil(() => root(el).activeElement?.matches('[data-id="o1"] .edit'), 'focus did not return to the Edit button');
        expect(text($(el, '[role=status]'))).to.equal('Zapisano zmiany we wpisie „Fundacja Kultury i Sztuki”.');
        expect(formOf(el)).to.equal(null);
        expect(text($(el, '#panel-entries tbody th'))).to.equal('Fundacja Kultury i Sztuki');
        const put = posts()[0]!;
        expect([put.method, put.url, put.headers['X-CSRF-Token']]).to.deep.equal(['PUT', `${BASE}/v1/admin/map/organisations/o1`, 'csrf-123']);
      });

      it('picks the entry’s position on the map with the panel’s tiles and outlines: the fields, the district and the save follow', async () => {
        const el = await mountEditable();
        await openEditor(el, '[data-id="o2"] .edit');
        const picker = await waitFor(() => inForm<NgoPointPicker>(el, 'ngo-point-picker'), 'the point picker');
        await customElements.whenDefined('ngo-point-picker'); // its chunk loads with the form's first render
        expect([picker.tiles, picker.boundaries]).to.deep.equal([BLANK_TILE, BOUNDARIES]);
        const box = await waitFor(() => picker.shadowRoot!.querySelector<HTMLElement>('.pick-map.leaflet-container'), 'the picking map');
        expect(box.querySelector<HTMLImageElement>('img.leaflet-tile')?.src ?? BLANK_TILE).to.equal(BLANK_TILE);
        // Keyboard: the text fields are the other way in, and the pin follows them.
        const typeInto = (id: 'lat' | 'lon', v: string) => {
          const f = inForm<HTMLInputElement>(el, `#${id}`)!;
          f.value = v;
          f.dispatchEvent(new Event('input'));
        };
        typeInto('lon', '20.08');
        typeInto('lat', '50.07');
        await waitUntil(() => picker.shadowRoot!.querySelector('.ngo-pick'), 'the pin at the typed point');
        const view = (picker as unknown as { view: { map: { latLngToContainerPoint(p: [number, number]): { x: number; y: number }; setView(p: [number, number], z: number): void } } }).view;
        view.map.setView([50.07, 20.08], 14);
        const at = view.map.latLngToContainerPoint([50.071, 20.085]);
        const r = box.getBoundingClientRect();
        box.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: r.left + at.x, clientY: r.top + at.y }));
        // XVIII Nowa Huta (the test outline) is ticked beside the entry's I and XII.
        await waitUntil(() => inForm<HTMLInputElement>(el, '#districts-17')?.checked, 'district XVIII ticked');
        expect(Number(inForm<HTMLInputElement>(el, '#lat')!.value)).to.be.closeTo(50.071, 0.001);
        expect(Number(inForm<HTMLInputElement>(el, '#lon')!.value)).to.be.closeTo(20.085, 0.001);
        await expect(el).to.be.accessible();
        inForm(el, '[part="submit-button"]')!.click();
        await waitUntil(() => posts().length === 1, 'the save');
        const sent = posts()[0]!.body as { location: { lat: number; lon: number }; districts: number[] };
        expect(sent.location.lat).to.be.closeTo(50.071, 0.001);
        expect(sent.location.lon).to.be.closeTo(20.085, 0.001);
        expect(sent.districts).to.deep.equal([1, 12, 18]);
      });

      it('Cancel returns to the list with focus on the Edit button, sending nothing', async () => {
        const el = await mountEditable();
        await openEditor(el, '[data-id="o2"] .edit');
        inForm(el, '[part="cancel-button"]')!.click();
        await waitUntil(() => root(el).activeElement?.matches('[data-id="o2"] .edit'), 'focus did not return to the Edit button');
        expect(posts()).to.have.length(0);
      });

      it('Add entry opens an empty form without history, and the new entry is announced and focused', async () => {
        const el = await mountEditable();
        await openEditor(el, '#add-entry');
        expect(inForm<HTMLInputElement>(el, '#name')!.value).to.equal('');
        expect(inForm(el, '#ownerEmail')).to.not.equal(null);
        expect(root(el).querySelector('table.history')).to.equal(null);
        const name = inForm<HTMLInputElement>(el, '#name')!;
        name.value = 'Grupa Nowa';
        name.dispatchEvent(new Event('input'));
        const kind = inForm<HTMLSelectElement>(el, '#kind')!;
        kind.value = 'informal_group';
        kind.dispatchEvent(new Event('change'));
        inForm(el, '#areas-kultura')!.click();
        inForm(el, '#cityWide')!.click();
        inForm(el, '[part="submit-button"]')!.click();
        await waitUntil(() => root(el).activeElement?.matches('[data-id="o3"] .edit'), 'focus did not move to the new entry');
        expect(text($(el, '[role=status]'))).to.equal('Dodano wpis „Grupa Nowa”.');
        expect(posts().map((c) => [c.method, c.url])).to.deep.equal([['POST', `${BASE}/v1/admin/map/organisations`]]);
      });
    });

    it('sends the yearly reminders and says how many went out', async () => {
      const el = await mountEntries();
      $(el, 'button.remind').click();
      await waitUntil(() => text($(el, '[role=status]')) === 'Wysłano 5 przypomnień.');
      expect(posts()[0]!.url).to.equal(`${BASE}/v1/admin/map/reminders`);
    });
  });
});

describe('ngo-admin-map: the panel address #map/<id>', () => {
  afterEach(() => api?.restore());

  /** Two submissions waiting, one entry o1 (s1's correction is of org-s1, which is no entry here). */
  function stubLinked() {
    stubFetch((path, method) => {
      if (method !== 'GET') return undefined;
      if (path === '/v1/admin/map/submissions?status=pending') return { items: [correction, second] };
      if (path.startsWith('/v1/admin/map/organisations?')) return { items: [entry('o1', 'Fundacja Kultury', 'published')], total: 1 };
      if (path === '/v1/admin/map/organisations/o1') return { ...entry('o1', 'Fundacja Kultury', 'published'), versions: [] } satisfies StaffEntry;
      return undefined;
    });
  }
  const linked = (itemId: string, lang = 'pl') => mountWidget<NgoAdminMap>('ngo-admin-map', { lang, 'api-base': BASE }, { session, mapSettings: MAP_SETTINGS, itemId });
  const gets = () => calls.filter((c) => c.method === 'GET').map((c) => new URL(c.url).pathname);

  it('a waiting submission opens in the decision view, its heading focused', async () => {
    stubLinked();
    const el = await linked('s2');
    await waitFor(() => root(el).activeElement?.id === 'detail-heading', 'focus on the linked submission');
    expect(text($(el, '#detail-heading'))).to.equal('Nowy wpis: Stowarzyszenie Sąsiedzi');
    expect($(el, '#tab-queue').getAttribute('aria-selected')).to.equal('true');
    expect(root(el).querySelector('.approve')).to.not.equal(null);
    // No entry is looked up for a submission found waiting.
    expect(gets().filter((p) => p.startsWith('/v1/admin/map/organisations'))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('an entry\'s id opens that entry in the entries tab\'s editor, the form focused', async () => {
    stubLinked();
    const el = await linked('o1');
    const form = () => root(el).querySelector('ngo-map-form');
    await waitFor(() => form()?.shadowRoot?.activeElement?.classList.contains('title'), 'focus on the editor\'s form');
    expect($(el, '#tab-entries').getAttribute('aria-selected')).to.equal('true');
    expect(form()!.shadowRoot!.querySelector<HTMLInputElement>('#name')!.value).to.equal('Fundacja Kultury');
    expect(gets()).to.include('/v1/admin/map/organisations/o1');
    // Back to the list: the entry's Edit button.
    $(el, '#editor-back').click();
    await waitFor(() => root(el).activeElement?.matches('[data-id="o1"] .edit'), 'focus on the entry\'s Edit button');
  });

  const MISSING = {
    pl: 'Pod tym adresem (#map/zzz-404) nie ma zgłoszenia czekającego na decyzję ani wpisu na mapie. Zgłoszenie mogło zostać już rozpatrzone, a wpis usunięty; poszukaj organizacji na liście poniżej.',
    en: 'There is no submission waiting for a decision and no map entry at this address (#map/zzz-404). The submission may already have been decided, or the entry removed; look for the organisation in the list below.',
    uk: 'За цією адресою (#map/zzz-404) немає заявки, що чекає на рішення, ані запису на мапі. Заявку могли вже розглянути, а запис — видалити; пошукайте організацію у списку нижче.',
  };
  for (const [lang, message] of Object.entries(MISSING)) {
    it(`an unknown id says nothing has it, focused, above the list of entries (${lang})`, async () => {
      stubLinked();
      const el = await linked('zzz-404', lang);
      await waitFor(() => root(el).activeElement?.id === 'link-missing', 'focus on the not-found notice');
      expect(text($(el, '#link-missing'))).to.equal(message);
      expect($(el, '#tab-entries').getAttribute('aria-selected')).to.equal('true');
      await waitFor(() => root(el).querySelector('#panel-entries tbody tr'), 'the list of entries below');
      expect(root(el).querySelector('ngo-admin-map-editor')).to.equal(null);
      await expect(el).to.be.accessible();
      // A search clears the notice.
      $(el, 'form[role=search] button').click();
      await waitFor(() => !root(el).querySelector('#link-missing'), 'the notice gone after a search');
    });
  }

  it('the panel opens #map/<id> after signing in: the submission a staff mail links to', async () => {
    stubFetch((path, method) => (path === '/v1/admin/session' ? session : method === 'GET' && path.startsWith('/v1/admin/map/submissions') ? { items: [correction, second] } : undefined));
    history.replaceState(null, '', '#map/s1');
    try {
      const panel = await fixture(html`<ngo-admin lang="pl" api-base=${location.origin} map-tiles=${BLANK_TILE} map-boundaries=${BOUNDARIES}></ngo-admin>`);
      const section = () => panel.shadowRoot!.querySelector<NgoAdminMap>('ngo-admin-map');
      await waitFor(() => section() && root(section()!).activeElement?.id === 'detail-heading', 'the linked submission, focused');
      expect(panel.shadowRoot!.activeElement).to.equal(section());
      expect(text($(section()!, '#detail-heading'))).to.equal('Poprawka: Fundacja Nowa Nazwa');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });
});

describe('formatValue', () => {
  // The section's English and Ukrainian strings are chunks of their own, loaded before its first render.
  before(() => Promise.all([tMapAdmin.load('en'), tMapAdmin.load('uk')]));

  it('shows nothing as a dash and codes as labels in the given language', () => {
    expect(formatValue('pl', 'address', null)).to.equal('—');
    expect(formatValue('en', 'districts', [])).to.equal('—');
    expect(formatValue('en', 'districts', [1, 18])).to.equal('I Stare Miasto, XVIII Nowa Huta');
    expect(formatValue('uk', 'kind', 'informal_group')).to.equal('Неформальна група');
    expect(formatValue('en', 'legalForm', 'fundacja')).to.equal('Foundation');
    expect(formatValue('en', 'cityWide', true)).to.equal('yes');
    expect(formatValue('en', 'accessibility', ['stepFree', 'inductionLoop'])).to.equal('step-free entrance, induction loop');
    expect(formatValue('en', 'languages', ['uk', 'pjm'])).to.equal('Ukrainian, Polish Sign Language');
    expect(formatValue('pl', 'location', { lon: 19.9372, lat: 50.0614 })).to.equal('50.06140, 19.93720');
    expect(formatValue('en', 'translations', { en: { name: 'Neighbours', description: null }, uk: {} })).to.equal('EN: Neighbours');
  });

  it('names who changed a version and the API’s fixed notes in words', () => {
    const me = { id: 'st1', name: 'Maria Nowak' };
    expect(formatChangedBy('en', 'staff:st1', me)).to.equal('Maria Nowak (you)');
    expect(formatChangedBy('en', 'staff:st2', me)).to.equal('staff member (id st2)');
    expect(formatChangedBy('uk', 'import')).to.equal('імпорт із файлу CSV');
    expect(formatChangedBy('pl', 'demo-seed')).to.equal('dane demonstracyjne');
    expect(formatChangedBy('en', 'something-new')).to.equal('something-new');
    expect(formatVersionNote('en', 'correction approved')).to.equal('correction approved');
    expect(formatVersionNote('pl', 'owner_edit approved')).to.equal('zatwierdzono zmianę od organizacji');
    expect(formatVersionNote('pl', 'Duplikat wpisu.')).to.equal('Duplikat wpisu.');
    expect(formatVersionNote('en', 'constructor')).to.equal('constructor');
    expect(formatVersionNote('en', null)).to.equal('—');
  });
});
