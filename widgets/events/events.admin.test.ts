import { expect } from '@open-wc/testing';
import { StaffEventItem, StaffRegistrations, StaffSubmission } from '../../common/events.schema.js';
import type { AdminSession } from '../admin/admin.api.js';
import { mountWidget, stubFetch, typed, waitFor, type FetchStub } from '../core/testing.js';
import './events.admin.js';
import type { NgoAdminEvents } from './events.admin.element.js';

const BASE = location.origin;
const session: AdminSession = {
  staff: { id: 'st1', email: 'moderator@krakow.pl', name: 'Maria Nowak', role: 'moderator', district: null },
  csrfToken: 'csrf-123',
  sections: ['events'],
};

const event = (id: string, title: string, extra: Record<string, unknown> = {}) =>
  typed(StaffEventItem, {
    id, title, description: '', translations: {}, type: 'training', status: 'published', allDay: false,
    startsAt: '2027-04-07T14:00:00.000Z', endsAt: '2027-04-07T17:00:00.000Z', startLocal: '2027-04-07T16:00', endLocal: '2027-04-07T19:00',
    venue: { name: 'Centrum Obywatelskie', address: null, point: null, district: 2, accessibility: ['stepFree'] }, onlineUrl: null,
    organiser: { name: 'MOWIS', organisationId: null }, languages: ['pl'], audience: ['ngo'], free: true, priceNote: null, infoUrl: null,
    series: { id: 'cyc1', kind: 'cycle', title: 'Akademia Kraków dla NGO', position: 1, sessions: 6 },
    registration: { mode: 'series', capacity: 12, placesLeft: 0, waitingList: true, waiting: 4, deadline: null, open: true, questions: [], askAccessNeeds: true },
    sequence: 1, updatedAt: '2027-03-01T10:00:00.000Z',
    counts: { unconfirmed: 0, confirmed: 12, waiting: 4, offered: 0, cancelled: 1, expired: 0, capacity: 12, taken: 12, accessNeeds: { pjm: 2, stepFree: 1, inductionLoop: 0, quietRoom: 0, assistant: 0, largePrint: 0 } },
    ...extra,
  });

const registrations = () =>
  typed(StaffRegistrations, {
    counts: event('e1', 'x').counts,
    items: [
      { id: 'r1', name: 'Łucja Żółkiewska', email: 'lucja@example.org', organisation: 'Fundacja Łączka', status: 'confirmed', queueNo: 1, offeredUntil: null, code: 'K7Q2M9', accessNeeds: ['pjm'], accessNote: null, answers: {}, skips: false, checkedInAt: null },
      { id: 'r2', name: 'Jan Kowalski', email: 'jan@example.org', organisation: null, status: 'waiting', queueNo: 13, offeredUntil: null, code: 'Z8P4T1', accessNeeds: [], accessNote: null, answers: {}, skips: false, checkedInAt: null },
    ],
  });

const submission = typed(StaffSubmission, {
  id: 's1', submitter: { name: 'Anna Nowak', email: 'anna@example.org' }, note: 'Prosimy o publikację.', createdAt: '2027-03-02T09:00:00.000Z',
  event: (({ counts: _, ...e }) => e)(event('e9', 'Piknik sąsiedzki', { status: 'pending', series: null })),
  conflicts: [{ id: 'e1', title: 'Akademia Kraków dla NGO: Zarządzanie', startsAt: '2027-04-07T14:00:00.000Z', reasons: ['same_day', 'same_district'] }],
});

const root = (el: NgoAdminEvents) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: NgoAdminEvents, sel: string) => root(el).querySelector<T>(sel)!;
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
let api: FetchStub | undefined;

function stubStaff() {
  let checkedIn: string | null = null;
  api = stubFetch((c) => {
    if (c.method === 'GET' && c.pathname === '/v1/admin/events') return { items: [event('e1', 'Akademia Kraków dla NGO: Zarządzanie')] };
    if (c.method === 'GET' && c.path === '/v1/admin/events/e1/registrations') {
      const r = registrations();
      if (checkedIn) r.items[0]!.checkedInAt = checkedIn;
      return r;
    }
    if (c.method === 'POST' && c.path === '/v1/admin/events/e1/checkin') return (checkedIn = '2027-04-07T13:55:00.000Z'), { status: 'checked_in', registrationId: 'r1', name: 'Łucja Żółkiewska', checkedInAt: checkedIn };
    if (c.method === 'POST' && c.path === '/v1/admin/events/e1/duplicate') return { id: 'e2' };
    if (c.method === 'GET' && c.path === '/v1/admin/events/submissions') return { items: [submission] };
    if (c.method === 'POST' && c.path === '/v1/admin/events/submissions/s1/reject') return { ok: true };
    return undefined;
  });
  return api;
}

async function mount(lang = 'pl') {
  const el = await mountWidget<NgoAdminEvents>('ngo-admin-events', { lang, 'api-base': BASE }, { session });
  await waitFor(() => root(el).querySelector('#panel-events table'), 'the events table');
  return el;
}

describe('ngo-admin-events', () => {
  afterEach(() => api?.restore());

  for (const lang of ['pl', 'en', 'uk']) {
    it(`is accessible in ${lang}, with the events and the access-needs counts`, async () => {
      stubStaff();
      const el = await mount(lang);
      await expect(el).to.be.accessible();
      if (lang === 'pl') {
        const cells = [...root(el).querySelectorAll('tbody tr td')].map(text);
        expect(cells.some((c) => c.includes('zajęte 12 z 12') && c.includes('lista rezerwowa: 4')), cells.join(' | ')).to.equal(true);
        expect(text($(el, 'tbody tr td ul'))).to.equal('2 osoby: Tłumacz PJM1 osoba: Dostęp bez schodów (wózek)');
      }
    });
  }

  it('duplicates an event for next year and says so', async () => {
    const stub = stubStaff();
    const el = await mount();
    $(el, '[data-id="e1"] .duplicate').click();
    await waitFor(() => text($(el, '[part="status"]')).includes('na przyszły rok'), 'the announcement');
    const call = stub.calls.find((c) => c.path === '/v1/admin/events/e1/duplicate')!;
    expect(call.body).to.deep.equal({ weeks: 52 });
    expect(call.headers['X-CSRF-Token']).to.equal('csrf-123');
  });

  it('opens the registrations, checks a person in by the typed code, and offers the exports', async () => {
    const stub = stubStaff();
    const el = await mount();
    $(el, '[data-id="e1"] .registrations').click();
    await waitFor(() => root(el).activeElement?.id === 'reg-heading', 'focus on the registrations');
    await waitFor(() => root(el).querySelector('[data-reg="r1"]'), 'the registrations');
    await expect(el).to.be.accessible();
    expect(text($(el, '.box ul'))).to.include('2 osoby: Tłumacz PJM');
    expect($<HTMLAnchorElement>(el, 'a.export-xlsx').href).to.include('/v1/admin/events/e1/registrations/export?format=xlsx');
    $(el, 'form.box button[type="submit"]').click();
    await waitFor(() => text($(el, '#checkin-code-error')) === 'Wpisz kod z biletu.', 'the empty-code error');
    const input = $<HTMLInputElement>(el, '#checkin-code');
    input.value = 'K7Q2M9';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    $(el, 'form.box button[type="submit"]').click();
    await waitFor(() => text($(el, '[part="status"]')) === 'Obecność: Łucja Żółkiewska.', 'the check-in announcement');
    expect(stub.calls.find((c) => c.path === '/v1/admin/events/e1/checkin')!.body).to.deep.equal({ code: 'K7Q2M9' });
    await waitFor(() => text($(el, '[data-reg="r1"]')).includes('obecna od'), 'the check-in in the list');
  });

  it('opens the event the panel\'s address names: its waiting submission, focused, else the event\'s editor', async () => {
    const stub = stubStaff();
    const el = await mountWidget<NgoAdminEvents>('ngo-admin-events', { lang: 'pl', 'api-base': BASE }, { session, itemId: 'e9' });
    await waitFor(() => root(el).activeElement?.id === 'sub-s1', 'focus on the linked submission');
    expect($(el, '#tab-submissions').getAttribute('aria-selected')).to.equal('true');
    await expect(el).to.be.accessible();

    const other = await mountWidget<NgoAdminEvents>('ngo-admin-events', { lang: 'pl', 'api-base': BASE }, { session, itemId: 'e1' });
    await waitFor(() => root(other).querySelector('#form-heading'), 'the editor of the event no submission waits for');
    expect($(other, '#tab-events').getAttribute('aria-selected')).to.equal('true');
    await waitFor(() => stub.calls.some((c) => c.method === 'GET' && c.path.startsWith('/v1/admin/events/e1')), 'the event loaded');
  });

  it('shows the submissions with their conflict hints and asks a reason before rejecting', async () => {
    const stub = stubStaff();
    const el = await mount();
    $(el, '#tab-submissions').click();
    await waitFor(() => root(el).querySelector('#panel-submissions article'), 'the submission');
    await expect(el).to.be.accessible();
    expect(text($(el, '#panel-submissions article ul'))).to.include('ten sam dzień, ta sama dzielnica');
    $(el, '#panel-submissions form button[type="submit"]').click();
    await waitFor(() => root(el).querySelector('#reason-s1-error'), 'the reason error');
    expect(stub.calls.some((c) => c.path.endsWith('/reject'))).to.equal(false);
    const reason = $<HTMLTextAreaElement>(el, '#reason-s1');
    reason.value = 'Wydarzenie komercyjne.';
    reason.dispatchEvent(new InputEvent('input', { bubbles: true }));
    $(el, '#panel-submissions form button[type="submit"]').click();
    await waitFor(() => text($(el, '[part="status"]')).includes('Odrzucono zgłoszenie: Piknik sąsiedzki'), 'the announcement');
    expect(stub.calls.find((c) => c.path.endsWith('/reject'))!.body).to.deep.equal({ reason: 'Wydarzenie komercyjne.' });
  });
});
