import { expect } from '@open-wc/testing';
import { EventInput, SeriesInput, StaffEventItem, StaffSeriesDetail, StaffSeriesItem } from '../../common/events.schema.js';
import type { AdminSession } from '../admin/admin.api.js';
import { NgoPointChangeEvent } from '../map/point-picker.element.js';
import { failure, mountWidget, stubFetch, typed, waitFor, type FetchStub } from '../core/testing.js';
import './events.admin.js';
import type { NgoAdminEvents } from './events.admin.element.js';

const session: AdminSession = {
  staff: { id: 'st1', email: 'moderator@krakow.pl', name: 'Maria Nowak', role: 'moderator', district: null },
  csrfToken: 'csrf-123',
  sections: ['events'],
};

const input = typed(EventInput, {
  title: 'Forum NGO 2027', type: 'forum', start: '2027-05-15T10:00', end: '2027-05-15T16:00', organiser: { name: 'Rada Działalności Pożytku Publicznego' },
  venue: { name: 'ICE Kraków', address: 'ul. Marii Konopnickiej 17', district: 8, accessibility: ['stepFree', 'inductionLoop'] }, translations: { en: { title: 'NGO Forum 2027' } },
  registrationMode: 'event', registration: { capacity: 300, deadline: '2027-05-10T23:59' }, audience: ['ngo'],
});
const listed = typed(StaffEventItem, {
  id: 'e1', title: input.title, description: '', translations: {}, type: 'forum', status: 'published', allDay: false,
  startsAt: '2027-05-15T08:00:00.000Z', endsAt: '2027-05-15T14:00:00.000Z', startLocal: '2027-05-15T10:00', endLocal: '2027-05-15T16:00',
  venue: { name: 'ICE Kraków', address: null, point: null, district: 8, accessibility: ['stepFree'] }, onlineUrl: null, organiser: { name: 'RDPP', organisationId: null },
  languages: ['pl'], audience: ['ngo'], free: true, priceNote: null, infoUrl: null, series: null,
  registration: { mode: 'event', capacity: 300, placesLeft: 300, waitingList: true, waiting: 0, deadline: null, open: true, questions: [], askAccessNeeds: true },
  sequence: 1, updatedAt: '2027-03-01T10:00:00.000Z', counts: null,
});
const seriesItem = typed(StaffSeriesItem, {
  id: 'cyc1', kind: 'cycle', title: 'Akademia Kraków dla NGO', organiser: { name: 'MOWIS', organisationId: null }, registrationMode: 'series', attendancePercent: 80,
  sessions: 0, firstStart: null, lastEnd: null, counts: null,
});
const seriesDetail = typed(StaffSeriesDetail, {
  series: seriesItem, sessions: [],
  input: SeriesInput.parse({ kind: 'cycle', title: 'Akademia Kraków dla NGO', organiser: { name: 'MOWIS' }, registrationMode: 'series', registration: { capacity: 12 } }),
});

const root = (el: NgoAdminEvents) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: NgoAdminEvents, sel: string) => root(el).querySelector<T>(sel)!;
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
function fill(el: NgoAdminEvents, id: string, value: string) {
  const c = $<HTMLInputElement>(el, `#${id}`);
  c.value = value;
  c.dispatchEvent(new InputEvent('input', { bubbles: true }));
}
let api: FetchStub | undefined;

function stubStaff(saveAnswer?: () => Response) {
  api = stubFetch((c) => {
    if (c.method === 'GET' && c.pathname === '/v1/admin/events') return { items: [listed] };
    if (c.method === 'GET' && c.path === '/v1/admin/events/series') return { items: [seriesItem] };
    if (c.method === 'GET' && c.path === '/v1/admin/events/series/cyc1') return seriesDetail;
    if (c.method === 'GET' && c.path === '/v1/admin/events/e1') return { event: listed, input };
    if (c.method === 'POST' && c.path === '/v1/admin/events') return { id: 'e2' };
    if (c.method === 'GET' && c.pathname === '/v1/map/organisations') return { items: [{ id: 'org7', name: 'Fundacja Łączy Nas' }], total: 1 };
    if (c.method === 'PUT' && c.path === '/v1/admin/events/e1') return saveAnswer?.() ?? { id: 'e1', promoted: 0 };
    if (c.method === 'POST' && c.path === '/v1/admin/events/series') return { id: 'cyc2' };
    if (c.method === 'PUT' && c.path === '/v1/admin/events/series/cyc1') return { ok: true };
    return undefined;
  });
  return api;
}

async function mount(lang = 'pl') {
  const el = await mountWidget<NgoAdminEvents>('ngo-admin-events', { lang, 'api-base': location.origin }, { session });
  await waitFor(() => root(el).querySelector('#panel-events table'), 'the events table');
  return el;
}

async function openNew(el: NgoAdminEvents) {
  $(el, '#events-new').click();
  await waitFor(() => root(el).activeElement?.id === 'form-heading', 'focus on the form');
}

describe('ngo-admin-events-editor', () => {
  afterEach(() => api?.restore());

  for (const lang of ['pl', 'en', 'uk']) {
    it(`names every faulty field in a summary that links to it, accessibly in ${lang}`, async () => {
      const stub = stubStaff();
      const el = await mount(lang);
      await openNew(el);
      $(el, '.event-form button[type="submit"]').click();
      await waitFor(() => root(el).activeElement?.classList.contains('ngo-error-summary'), 'focus on the summary');
      const lines = [...root(el).querySelectorAll('.ngo-error-summary li')].map(text);
      if (lang === 'pl') {
        expect(lines).to.deep.equal([
          'Tytuł (po polsku): To pole jest wymagane.', 'Początek: To pole jest wymagane.', 'Koniec: To pole jest wymagane.',
          'Nazwa miejsca: Podaj nazwę miejsca albo link do wydarzenia online.', 'Nazwa organizatora: To pole jest wymagane.',
        ]);
      }
      expect(lines).to.have.length(5);
      expect($(el, '#title').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#title').getAttribute('aria-describedby')).to.equal('title-error');
      await expect(el).to.be.accessible();
      $(el, '.ngo-error-summary li:nth-child(2) a').click();
      expect(root(el).activeElement?.id).to.equal('start');
      expect(stub.calls.some((c) => c.method === 'POST')).to.equal(false);
    });
  }

  it('creates an event in Warsaw time with its venue, accessibility and places, and goes back to the list', async () => {
    const stub = stubStaff();
    const el = await mount();
    await openNew(el);
    fill(el, 'title', 'Szkolenie z klauzul społecznych');
    fill(el, 'title-uk', 'Навчання із соціальних застережень');
    fill(el, 'org-q', 'łączy');
    await waitFor(() => root(el).querySelector('[data-org="org7"]'), 'the organisations found');
    expect(text($(el, '[part="status"]'))).to.equal('Znaleziono 1 organizację.');
    $(el, '[data-org="org7"]').click();
    await waitFor(() => root(el).activeElement?.id === 'org-unlink', 'focus on the link');
    expect($<HTMLInputElement>(el, '#organiser-name').value).to.equal('Fundacja Łączy Nas');
    expect(text($(el, '#org-linked'))).to.include('Połączone z wpisem na mapie: Fundacja Łączy Nas.');
    fill(el, 'start', '2027-10-31T02:30');
    fill(el, 'end', '2027-10-31T01:30');
    fill(el, 'venue-name', 'Centrum Obywatelskie');
    $(el, '#accessibility-stepFree').click();
    $(el, '#accessibility-pjm').click();
    $(el, '#registrationMode-event').click();
    await waitFor(() => root(el).querySelector('#capacity'), 'the registration settings');
    fill(el, 'capacity', '0');
    $(el, '.event-form button[type="submit"]').click();
    await waitFor(() => root(el).querySelector('.ngo-error-summary'), 'the summary');
    expect([...root(el).querySelectorAll('.ngo-error-summary li')].map(text)).to.deep.equal([
      'Koniec: Koniec musi być późniejszy niż początek.', 'Liczba miejsc: Wpisz liczbę całkowitą większą od zera (procent: od 1 do 100).',
    ]);
    fill(el, 'end', '2027-10-31T04:00');
    fill(el, 'capacity', '20');
    $(el, '.event-form button[type="submit"]').click();
    await waitFor(() => text($(el, '[part="status"]')) === 'Zapisano: Szkolenie z klauzul społecznych.', 'the announcement');
    const body = stub.calls.find((c) => c.method === 'POST' && c.path === '/v1/admin/events')!.body as Record<string, unknown>;
    expect(body).to.deep.include({ title: 'Szkolenie z klauzul społecznych', start: '2027-10-31T02:30', end: '2027-10-31T04:00', allDay: false, registrationMode: 'event', status: 'published' });
    expect(body.organiser).to.deep.equal({ name: 'Fundacja Łączy Nas', organisationId: 'org7' });
    expect(stub.calls.find((c) => c.pathname === '/v1/map/organisations')!.path).to.equal('/v1/map/organisations?q=%C5%82%C4%85czy&pageSize=8');
    expect(body.venue).to.deep.equal({ name: 'Centrum Obywatelskie', address: null, point: null, district: null, accessibility: ['stepFree', 'pjm'] });
    expect(body.translations).to.deep.equal({ uk: { title: 'Навчання із соціальних застережень', description: null } });
    expect((body.registration as { capacity: number }).capacity).to.equal(20);
    await waitFor(() => root(el).activeElement?.id === 'events-new', 'focus back on the list');
  });

  it('places the venue on the map: the point is saved, and its district fills an empty district', async () => {
    const stub = stubStaff();
    const el = await mount('uk');
    await openNew(el);
    fill(el, 'title', 'Forum sąsiedzkie');
    fill(el, 'start', '2027-06-12T10:00');
    fill(el, 'end', '2027-06-12T14:00');
    fill(el, 'venue-name', 'Dom Kultury Podgórze');
    fill(el, 'organiser-name', 'Rada Dzielnicy XIII');
    const picker = $(el, '.venue-point ngo-point-picker');
    expect(text($(el, '#venue-point-label'))).to.equal('Місце на мапі (необов’язково)');
    picker.dispatchEvent(new NgoPointChangeEvent({ lat: '50.04402', lon: '19.95954', district: 13 }));
    await el.updateComplete;
    expect(picker.getAttribute('lat')).to.equal('50.04402');
    expect($<HTMLSelectElement>(el, '#district').value).to.equal('13');
    $(el, '.event-form button[type="submit"]').click();
    await waitFor(() => stub.calls.some((c) => c.method === 'POST' && c.path === '/v1/admin/events'), 'the save');
    const body = stub.calls.find((c) => c.method === 'POST' && c.path === '/v1/admin/events')!.body as { venue: Record<string, unknown> };
    expect(body.venue).to.deep.include({ point: { lat: 50.04402, lon: 19.95954 }, district: 13 });
  });

  it('edits the stored event and shows the server’s refusal at its field', async () => {
    const stub = stubStaff(() => failure(422, 'validation_failed', { issues: [{ path: 'registration.capacity', code: 'too_big', message: 'Too big' }] }));
    const el = await mount();
    $(el, '[data-id="e1"] .edit').click();
    await waitFor(() => $<HTMLInputElement>(el, '#title')?.value === 'Forum NGO 2027', 'the stored event');
    expect($<HTMLInputElement>(el, '#title-en').value).to.equal('NGO Forum 2027');
    expect($<HTMLInputElement>(el, '#capacity').value).to.equal('300');
    expect($<HTMLInputElement>(el, '#accessibility-inductionLoop').checked).to.equal(true);
    expect($<HTMLSelectElement>(el, '#district').value).to.equal('8');
    $(el, '.event-form button[type="submit"]').click();
    await waitFor(() => root(el).querySelector('.ngo-error-summary'), 'the server’s issue');
    expect(text($(el, '.ngo-error-summary li'))).to.equal('Liczba miejsc: Niepoprawna wartość.');
    expect($(el, '#capacity').getAttribute('aria-invalid')).to.equal('true');
    const put = stub.calls.find((c) => c.method === 'PUT')!;
    expect(put.headers['X-CSRF-Token']).to.equal('csrf-123');
    expect(put.body).to.deep.include({ title: 'Forum NGO 2027', start: '2027-05-15T10:00', seriesId: null });
  });

  it('turns the dates into whole days for an all-day event', async () => {
    stubStaff();
    const el = await mount();
    await openNew(el);
    fill(el, 'start', '2027-06-05T10:00');
    fill(el, 'end', '2027-06-06T18:00');
    $(el, '#allDay').click();
    await waitFor(() => $<HTMLInputElement>(el, '#start').type === 'date', 'date inputs');
    expect($<HTMLInputElement>(el, '#start').value).to.equal('2027-06-05');
    expect($<HTMLInputElement>(el, '#end').value).to.equal('2027-06-06');
    expect(text($(el, 'label[for="end"]'))).to.equal('Ostatni dzień (wymagane)');
  });
});

describe('ngo-admin-events-series-editor', () => {
  afterEach(() => api?.restore());

  it('lists the series, creates a cycle with its places and attendance rule, and edits one', async () => {
    const stub = stubStaff();
    const el = await mount();
    $(el, '#tab-series').click();
    await waitFor(() => root(el).querySelector('#panel-series [data-id="cyc1"]'), 'the series');
    await expect(el).to.be.accessible();
    expect(text($(el, '[data-id="cyc1"] td'))).to.equal('Jeszcze bez spotkań');
    $(el, '#series-new').click();
    await waitFor(() => root(el).activeElement?.id === 'form-heading', 'focus on the form');
    $(el, '.series-form button[type="submit"]').click();
    await waitFor(() => root(el).querySelector('.ngo-error-summary'), 'the summary');
    expect([...root(el).querySelectorAll('.ngo-error-summary li')].map(text)).to.deep.equal(['Tytuł (po polsku): To pole jest wymagane.', 'Nazwa organizatora: To pole jest wymagane.']);
    await expect(el).to.be.accessible();
    fill(el, 'title', 'Klauzule społeczne w praktyce');
    fill(el, 'organiser-name', 'Urząd Miasta Krakowa');
    fill(el, 'capacity', '25');
    fill(el, 'attendancePercent', '75');
    $(el, '.series-form button[type="submit"]').click();
    await waitFor(() => text($(el, '[part="status"]')) === 'Zapisano: Klauzule społeczne w praktyce.', 'the announcement');
    expect(stub.calls.find((c) => c.method === 'POST' && c.path === '/v1/admin/events/series')!.body).to.deep.include({
      kind: 'cycle', title: 'Klauzule społeczne w praktyce', registrationMode: 'series', attendancePercent: 75,
    });
    await waitFor(() => root(el).activeElement?.id === 'series-new', 'focus back on the list');
    (await waitFor(() => root(el).querySelector<HTMLElement>('[data-id="cyc1"] .edit'), 'the reloaded list')).click();
    await waitFor(() => $<HTMLInputElement>(el, '#title')?.value === 'Akademia Kraków dla NGO', 'the stored series');
    expect($<HTMLInputElement>(el, '#capacity').value).to.equal('12');
    $(el, '#kind-programme').click();
    await waitFor(() => !root(el).querySelector('#capacity'), 'no places for a programme');
    $(el, '.series-form button[type="submit"]').click();
    await waitFor(() => stub.calls.some((c) => c.method === 'PUT'), 'the save');
    expect(stub.calls.find((c) => c.method === 'PUT')!.body).to.deep.include({ kind: 'programme', registrationMode: 'none', attendancePercent: null });
  });
});
