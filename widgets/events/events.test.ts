import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { CalendarEvent as EventSchema, RegistrationView as ViewSchema } from '../../common/events.schema.js';
import { t } from '../core/i18n/index.js';
import { mountWidget, runWidgetBaseTests, stubFetch, typed, useRealApi, waitFor } from '../core/testing.js';
import './events.js';
import type { CalendarEvent, EventList } from './events.api.js';
import type { NgoEvents } from './events.element.js';

// Reads and the registration form talk to the real test API (scripts/widget-test-api.ts: the demo
// calendar, a tiny proof of work, no minimum fill time); the e-mailed links, whose tokens only the
// mail holds, are answered by a fetch stub.
const api = async <T>(path: string): Promise<T> => (await fetch(path)).json() as Promise<T>;
const root = (el: NgoEvents) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: NgoEvents, sel: string) => root(el).querySelector<E & HTMLElement>(sel);
const $$ = (el: NgoEvents, sel: string) => [...root(el).querySelectorAll<HTMLElement>(sel)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focused = (el: NgoEvents) => {
  const a = root(el).activeElement;
  return a ? `${a.localName}${a.id ? `#${a.id}` : ''}${[...a.classList].map((c) => `.${c}`).join('')}` : 'nothing';
};
function fill(el: NgoEvents, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function mount(attrs: Record<string, string> = {}, width = 1280) {
  await setViewport({ width, height: 900 });
  return mountWidget<NgoEvents>('ngo-events', { lang: 'pl', ...attrs });
}
const listed = (el: NgoEvents) => waitFor(() => $$(el, '.item').length && $$(el, '.item'), 'the list of events');

let upcoming: CalendarEvent[];
const byTitle = (part: string) => upcoming.find((e) => e.title.includes(part))!;

useRealApi();
before(async () => {
  upcoming = (await api<EventList>('/v1/events?limit=200')).items;
});

runWidgetBaseTests<NgoEvents>('ngo-events', {
  realApi: true,
  ready: (el) => $$(el, '.item').length > 0,
  texts: { pl: 'Nadchodzące wydarzenia', en: 'Upcoming events', uk: 'Найближчі події' },
  misconfigured: { attrs: { district: '19' }, warning: 'district="19" is not 1–18' },
  widths: [360, 1280],
});

describe('<ngo-events>', function (this: { timeout(ms: number): unknown }) {
  // The real API, a proof of work and two test files at once on a shared machine: more than mocha's 10 s default.
  this.timeout(30_000);
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('lists the coming events with their state, and narrows them by the filters', async () => {
    const el = await mount();
    const items = await listed(el);
    expect(items.length).to.equal(Math.min(50, upcoming.length));
    const klauzule = items.find((i) => text(i).includes('Klauzule społeczne w praktyce'))!;
    expect(text(klauzule)).to.include('Brak miejsc – lista rezerwowa');
    const select = $<HTMLSelectElement>(el, '#f-type')!;
    select.value = 'training';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => $$(el, '.item').length && $$(el, '.item').every((i) => text(i).includes('Szkolenie')), 'only trainings');
    expect($$(el, '.item').length).to.equal(upcoming.filter((e) => e.type === 'training').length);
    // The subscription follows the filters.
    expect($<HTMLAnchorElement>(el, 'a.subscribe')!.href).to.include('type=training').and.include('format=ics');
  });

  it('takes presets from its attributes and keeps the view in the URL with sync-url', async () => {
    const el = await mount({ type: 'training', 'sync-url': '' });
    await listed(el);
    expect($(el, '#f-type'), 'a preset type hides its filter').to.equal(null);
    expect($$(el, '.item').every((i) => text(i).includes('Szkolenie'))).to.equal(true);
    $(el, '.view-month')!.click();
    await waitFor(() => $(el, 'ngo-events-month'), 'the month grid');
    expect(new URL(location.href).searchParams.get('ngo-events-view')).to.equal('month');
    const district = $<HTMLSelectElement>(el, '#f-district')!;
    district.value = '2';
    district.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(new URL(location.href).searchParams.get('ngo-events-district')).to.equal('2');
    // A link with the state opens the same view.
    const again = await mount({ type: 'training', 'sync-url': '' });
    await waitFor(() => $(again, 'ngo-events-month'), 'the month grid from the URL');
    expect($<HTMLSelectElement>(again, '#f-district')!.value).to.equal('2');
  });

  it('opens an event by keyboard, shows its details, and returns focus to it', async () => {
    const el = await mount();
    const conf = byTitle('Konferencja otwierająca');
    const button = (await listed(el)).find((i) => i.dataset.id === conf.id)!;
    button.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const selected = await oneEvent(el, 'ngo-select');
    expect(selected.detail).to.deep.equal({ id: conf.id, name: conf.title });
    await waitFor(() => focused(el) === 'h3#details-title', 'focus on the heading');
    const details = $(el, '.details')!;
    expect(text(details)).to.include('Wolne miejsca: 120 z 120');
    expect($<HTMLAnchorElement>(el, 'a.ics')!.href).to.include(`/v1/events/${conf.id}/calendar.ics`);
    await expect(el).to.be.accessible();
    $(el, '.back')!.click();
    await waitFor(() => focused(el) === `button.item`, 'focus back on the item');
  });

  it('registers for a cycle with opt-out per session, checks the form first, and says what happens next', async () => {
    const akademia = byTitle('Akademia Kraków dla NGO');
    const el = await mount({ event: akademia.id });
    const register = await waitFor(() => $(el, '.register'), 'the register button');
    register.click();
    await waitFor(() => focused(el) === 'h3#form-title', 'focus on the form');
    const sessions = await waitFor(() => $$(el, 'fieldset input[type="checkbox"]').length && $$(el, 'fieldset input[type="checkbox"]'), 'the sessions');
    expect(sessions.length).to.be.at.least(6);
    // Sent empty: the summary names each field.
    $(el, 'button[type="submit"]')!.click();
    const summary = await waitFor(() => $(el, '.ngo-error-summary'), 'the error summary');
    expect(text(summary)).to.include('Imię i nazwisko').and.include('Adres e-mail');
    await waitFor(() => focused(el) === 'div.ngo-error-summary', 'focus on the summary');
    await expect(el).to.be.accessible();
    fill(el, 'contactName', 'Zofia Żółkiewska');
    fill(el, 'contactEmail', `zofia.${Date.now()}@example.org`);
    (sessions[1] as HTMLInputElement).click(); // skips the second session
    const need = $$(el, 'input[type="checkbox"]').find((i) => text(i.parentElement).includes('Tłumacz PJM')) as HTMLInputElement;
    need.click();
    await waitFor(() => $(el, '#consent'), 'the consent');
    $<HTMLInputElement>(el, '#consent')!.click();
    const calls: { body: Record<string, unknown> }[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      if (String(input).includes('/registrations') && init?.body) calls.push({ body: JSON.parse(String(init.body)) as Record<string, unknown> });
      return original(input, init);
    };
    try {
      $(el, 'button[type="submit"]')!.click();
      const done = await waitFor(() => $(el, '#done'), 'the done panel', 20_000);
      expect(text(done.parentElement)).to.include('Sprawdź swoją skrzynkę e-mail');
    } finally {
      window.fetch = original;
    }
    const body = calls[0]!.body;
    expect(body.skipSessions).to.have.length(1);
    expect(body.accessNeeds).to.deep.equal(['pjm']);
    expect(body.contact).to.deep.equal({ name: 'Zofia Żółkiewska', email: (body.contact as { email: string }).email });
  });

  it('says when an event is full and the form puts the person on the waiting list', async () => {
    const klauzule = byTitle('Klauzule społeczne w praktyce');
    const el = await mount({ event: klauzule.id, lang: 'uk' });
    const block = await waitFor(() => $(el, '.registration'), 'the registration block');
    expect(text(block)).to.include('Вільних місць немає');
    $(el, '.register')!.click();
    const note = await waitFor(() => $(el, '.register-form .notice'), 'the waiting-list note');
    expect(text(note)).to.include('списку очікування');
    expect(text($(el, 'button[type="submit"]'))).to.equal('Записатися до списку очікування');
    // The form kit's own strings follow the page's language too.
    expect(text($(el, '#ngo-clause-title'))).to.equal('Інформаційне положення');
  });

  it('confirms from the e-mailed link on a press, and tells the waiting-list position', async () => {
    const stub = stubFetch((c) => (c.path === '/v1/events/registrations/confirm' ? { status: 'waiting', position: 3, eventId: null, manageToken: 'm'.repeat(32) } : { items: [], total: 0, from: '2027-01-01', to: null }));
    try {
      const el = await mount({ confirm: 't'.repeat(32) });
      const button = await waitFor(() => $(el, 'button.confirm'), 'the confirm button');
      expect(stub.calls.some((c) => c.path.includes('/confirm')), 'nothing is confirmed without a press').to.equal(false);
      await expect(el).to.be.accessible();
      button.click();
      const result = await waitFor(() => $(el, '.result'), 'the result');
      expect(result.dataset.status).to.equal('waiting');
      expect(text(result)).to.include('na 3. miejscu');
      expect(stub.calls.find((c) => c.path === '/v1/events/registrations/confirm')!.body).to.deep.equal({ token: 't'.repeat(32) });
    } finally {
      stub.restore();
    }
  });

  it('shows the registration of the self-service link with its QR code, and cancels after asking', async () => {
    const event = typed(EventSchema, { ...upcoming[0]!, id: 'ev1', title: 'Forum Organizacji Pozarządowych' });
    const view = typed(ViewSchema, {
      id: 'r1', status: 'confirmed', position: null, offeredUntil: null, name: 'Jan Kowalski', organisation: null, answers: {}, accessNeeds: [], accessNote: null, skipSessions: [],
      events: [event], seriesTitle: null, code: 'ABC123', qr: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    });
    let cancelled = false;
    const stub = stubFetch((c) => {
      if (c.path === '/v1/events/registrations/manage') return cancelled ? { ...view, status: 'cancelled', code: null, qr: null } : view;
      if (c.path === '/v1/events/registrations/manage/cancel') return (cancelled = true), { status: 'cancelled', promoted: true };
      return { items: [], total: 0, from: '2027-01-01', to: null };
    });
    try {
      const el = await mount({ manage: 'm'.repeat(32) });
      await waitFor(() => $(el, '.result'), 'the registration');
      expect(text($(el, '.result'))).to.include('Masz potwierdzone miejsce');
      expect($<HTMLImageElement>(el, '.qr img')!.alt).to.include('ABC123');
      await expect(el).to.be.accessible();
      $(el, 'button.cancel')!.click();
      await waitFor(() => focused(el) === 'p#cancel-title', 'focus on the question');
      $(el, 'button.cancel-yes')!.click();
      await waitFor(() => $(el, '.result')?.dataset.status === 'cancelled', 'the cancelled state');
      expect(text($(el, '.notice'))).to.include('Zapis został odwołany');
      expect(stub.calls.filter((c) => c.path === '/v1/events/registrations/manage/cancel')).to.have.length(1);
    } finally {
      stub.restore();
    }
  });

  it('says so when the e-mailed link no longer works', async () => {
    const stub = stubFetch((c) => (c.path === '/v1/events/registrations/manage' ? new Response(JSON.stringify({ error: { code: 'link_invalid', message: 'x' } }), { status: 404 }) : { items: [], total: 0, from: '2027-01-01', to: null }));
    try {
      const el = await mount({ manage: 'm'.repeat(32), lang: 'en' });
      const title = await waitFor(() => $(el, '#link-title'), 'the heading');
      expect(text(title)).to.equal(t('en', 'error.link_invalid'));
      expect(text($(el, '.link'))).to.include('register again');
    } finally {
      stub.restore();
    }
  });
});
