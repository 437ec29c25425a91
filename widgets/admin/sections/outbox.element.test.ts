import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { OutboxMessage } from '../../../common/admin.schema.js';
import type { AdminSession } from '../admin.api.js';
import { failure, stubFetch, typed, waitFor, type FetchStub } from '../../core/testing.js';
import './index.js';
import type { NgoAdminOutbox } from './outbox.element.js';

const ADMIN: AdminSession = { staff: { id: 's1', email: 'anna@krakow.pl', name: 'Anna Nowak', role: 'admin', district: null }, csrfToken: 'csrf-outbox-1', sections: ['outbox'] };
const MODERATOR: AdminSession = { ...ADMIN, staff: { ...ADMIN.staff, id: 's2', role: 'moderator', district: 3 } };

const message = (over: Partial<ReturnType<typeof OutboxMessage.parse>> = {}) =>
  typed(OutboxMessage, {
    id: 'm1', template: 'consultations.remark-arrived', lang: 'pl', status: 'sent', attempts: 1, createdAt: '2026-12-01T09:00:00Z', sentAt: '2026-12-01T09:00:05Z',
    nextAttemptAt: null, error: null, to: 'rada@dzielnica3.krakow.pl', subject: 'Nowa uwaga (oczekuje): Park Zakrzówek', resendBlocked: null, ...over,
  });

/** The server's answers: the recipient and subject only for admins, as the route does. */
function fakeApi(role: 'admin' | 'moderator', more = false) {
  const items = () => [
    message({ id: 'm3', template: 'admin.staff-password', status: 'failed', attempts: 8, sentAt: null, createdAt: '2026-12-01T11:00:00Z', to: 'gone@example.org', subject: 'Nowe hasło', error: role === 'admin' ? '550 5.1.1 <gone@example.org>: Recipient address rejected' : '550 5.1.1 <…>: Recipient address rejected' }),
    message({ id: 'm2', template: 'events.submission-arrived', status: 'pending', attempts: 0, sentAt: null, nextAttemptAt: '2026-12-01T10:01:00Z', createdAt: '2026-12-01T10:00:00Z', resendBlocked: 'queued' }),
    message(),
  ].map((m) => (role === 'admin' ? m : { ...m, to: null, subject: null, resendBlocked: 'admin_only' as const }));
  return stubFetch((c) => {
    if (c.method === 'GET' && c.pathname === '/v1/admin/outbox') {
      const status = new URL(c.url).searchParams.get('status');
      if (new URL(c.url).searchParams.get('before')) return { items: [message({ id: 'm0', createdAt: '2026-11-30T08:00:00Z', to: role === 'admin' ? 'x@krakow.pl' : null, subject: null })], personal: role === 'admin', next: null, counts: { pending: 1, sent: 2, logged: 0, failed: 1 } };
      return { items: items().filter((m) => !status || m.status === status), personal: role === 'admin', next: more ? '2026-12-01T09:00:00Z|m1' : null, counts: { pending: 1, sent: 2, logged: 0, failed: 1 } };
    }
    if (c.method === 'GET' && c.pathname === '/v1/admin/outbox/m1') return { ...message(), body: 'Dzień dobry,\n\nw konsultacjach wpłynęła nowa uwaga.\nhttp://localhost/demo/admin.html#consultations/c1' };
    if (c.method === 'POST' && c.pathname === '/v1/admin/outbox/m3/resend') return new Response(JSON.stringify(message({ id: 'm3', status: 'pending', attempts: 0, resendBlocked: 'queued' })), { status: 202, headers: { 'content-type': 'application/json' } });
    if (c.method === 'POST') return failure(409, 'already_queued');
    return undefined;
  });
}

const $ = <E extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<E>(sel);
const text = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount(lang: string, session: AdminSession, rows = 3) {
  const el = await fixture<NgoAdminOutbox>(html`<ngo-admin-outbox lang=${lang} api-base=${location.origin} .session=${session}></ngo-admin-outbox>`);
  await waitFor(() => el.shadowRoot!.querySelectorAll('tbody tr[data-id]').length === rows, 'the outbox list');
  return el;
}

describe('<ngo-admin-outbox>', () => {
  let api: FetchStub | undefined;
  afterEach(() => api?.restore());

  for (const [lang, failed, resend, reason] of [
    ['pl', 'Nieudana', 'Wyślij ponownie', 'Czeka na wysłanie.'],
    ['en', 'Failed', 'Send again', 'Waiting to be sent.'],
    ['uk', 'Не вдалося', 'Надіслати ще раз', 'Очікує надсилання.'],
  ] as const) {
    it(`shows an admin what was sent, queued and failed, with the error, the recipient and the resend action or its reason, in ${lang}`, async () => {
      api = fakeApi('admin');
      const el = await mount(lang, ADMIN);
      await expect(el).to.be.accessible();
      const row = (id: string) => $(el, `tr[data-id="${id}"]`)!;
      expect(text(row('m3'))).to.contain(failed);
      expect(text(row('m3').querySelector('.error-text'))).to.contain('550 5.1.1 <gone@example.org>: Recipient address rejected');
      expect(text(row('m3').querySelector('.to'))).to.equal('gone@example.org');
      expect(text(row('m3').querySelector('.resend'))).to.equal(resend);
      // A queued message offers no resend: the reason stands where the button would be.
      expect(row('m2').querySelector('.resend')).to.equal(null);
      expect(text(row('m2').querySelector('.reason'))).to.equal(reason);
      expect($(el, '#outbox-private')).to.equal(null);
    });
  }

  it('shows other staff no recipient, subject or text, and says who resends', async () => {
    api = fakeApi('moderator');
    const el = await mount('pl', MODERATOR);
    await expect(el).to.be.accessible();
    expect(text($(el, '#outbox-private'))).to.contain('tylko administratorzy');
    expect([...el.shadowRoot!.querySelectorAll('thead th')].map(text)).to.not.include('Adresat');
    expect(el.shadowRoot!.querySelector('.resend, .show')).to.equal(null);
    expect(text($(el, 'tr[data-id="m3"] .reason'))).to.equal('Ponownie wysyła administrator.');
    expect(text(el.shadowRoot!.querySelector('tbody'))).to.not.contain('@');
    expect(text($(el, 'tr[data-id="m1"] td'))).to.contain('Konsultacje');
  });

  it('resends a failed message with the CSRF token, announces it and reloads the list', async () => {
    api = fakeApi('admin');
    const el = await mount('pl', ADMIN);
    $<HTMLButtonElement>(el, 'tr[data-id="m3"] .resend')!.click();
    await waitFor(() => text($(el, '[role="status"]')).startsWith('Wiadomość wróciła do kolejki'), 'the announcement');
    const [post] = api.writes();
    expect(post!.path).to.equal('/v1/admin/outbox/m3/resend');
    expect(post!.headers['X-CSRF-Token']).to.equal('csrf-outbox-1');
    await waitFor(() => $(el, 'tr[data-id="m3"] th') && el.shadowRoot!.activeElement === $(el, 'tr[data-id="m3"] th'), 'focus on the message');
  });

  it('opens and closes the text of a message for an admin', async () => {
    api = fakeApi('admin');
    const el = await mount('en', ADMIN);
    const show = $<HTMLButtonElement>(el, 'tr[data-id="m1"] .show')!;
    expect(show.getAttribute('aria-expanded')).to.equal('false');
    show.click();
    const body = await waitFor(() => $(el, '#body-m1'));
    expect(text(body)).to.contain('#consultations/c1');
    await waitFor(() => el.shadowRoot!.activeElement === body, 'focus on the text');
    expect($(el, 'tr[data-id="m1"] .show')!.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'tr[data-id="m1"] .show')!.click();
    await waitFor(() => !$(el, '#body-m1'), 'the text closed');
  });

  it('filters by state and pages to older messages, focusing the first of them', async () => {
    api = fakeApi('admin', true);
    const el = await mount('pl', ADMIN);
    const select = $<HTMLSelectElement>(el, '#outbox-filter')!;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['Wszystkie (4)', 'W kolejce (1)', 'Wysłana (2)', 'Zapisana w dzienniku serwera (bez SMTP) (0)', 'Nieudana (1)']);
    $<HTMLButtonElement>(el, '.more')!.click();
    const first = await waitFor(() => $(el, 'tr[data-id="m0"] th'), 'the older page');
    await waitFor(() => el.shadowRoot!.activeElement === first, 'focus on the first older message');
    expect(el.shadowRoot!.querySelectorAll('tbody tr[data-id]')).to.have.length(4);
    select.value = 'failed';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => el.shadowRoot!.querySelectorAll('tbody tr[data-id]').length === 1, 'only the failed one');
    expect(new URL(api.calls.at(-1)!.url).searchParams.get('status')).to.equal('failed');
  });

  it('stacks each message into a labelled card at 360 px', async () => {
    api = fakeApi('admin');
    await setViewport({ width: 360, height: 800 });
    const el = await mount('uk', ADMIN);
    await waitFor(() => getComputedStyle($(el, 'tbody tr')!).display === 'block', 'stacked rows');
    expect(el.shadowRoot!.querySelector('.table-wrap')!.scrollWidth).to.be.at.most(360);
    await setViewport({ width: 1280, height: 800 });
  });
});
