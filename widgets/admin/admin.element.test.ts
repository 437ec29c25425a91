import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { AdminSession } from './admin.api.js';
import { failure, json, runWidgetBaseTests, stubFetch, waitFor, type Call, type FetchStub } from '../core/testing.js';
import './admin.js';
// The panel imports a section's chunk by URL (dist/widgets/ngo-admin-sections.js), which the test server does not have.
import './sections/index.js';
import type { NgoAdmin } from './admin.element.js';

type Handler = (call: Call) => Response;

const envelope = (status: number, code: string, message = code) => json(status, { error: { code, message } });

const ADMIN: AdminSession = {
  staff: { id: 's1', email: 'anna@krakow.pl', name: 'Anna Nowak', role: 'admin', district: null },
  csrfToken: 'csrf-123',
  sections: ['map', 'consultations', 'advice', 'outbox', 'staff', 'audit'],
};

const signedOut: Handler = (c) => (c.path === '/v1/admin/session' && c.method === 'GET' ? envelope(401, 'unauthorized') : envelope(404, 'not_found'));

async function mount(lang: string, api: FetchStub) {
  const el = await fixture<NgoAdmin>(html`<ngo-admin lang=${lang} api-base=${location.origin}></ngo-admin>`);
  await waitFor(() => el.shadowRoot!.querySelector('form'));
  void api;
  return el;
}

function type(input: HTMLInputElement, value: string) {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const $ = <E extends Element = HTMLElement>(el: NgoAdmin, sel: string) => el.shadowRoot!.querySelector<E>(sel as string) as E | null;

runWidgetBaseTests<NgoAdmin>('ngo-admin', {
  setup: () => {
    const stub = stubFetch((c) => (c.path === '/v1/admin/session' ? failure(401, 'unauthorized') : undefined));
    return () => stub.restore();
  },
  ready: (el) => el.shadowRoot!.querySelector('form'),
  texts: { pl: 'Logowanie do panelu pracowników', en: 'Sign in to the staff panel', uk: 'Вхід до панелі працівників' },
  misconfigured: { attrs: { 'api-base': 'https://elsewhere.example.org' }, warning: 'api-base "https://elsewhere.example.org" is not this page\'s origin' },
});

describe('<ngo-admin>', () => {
  let api: FetchStub;
  afterEach(() => {
    api?.restore();
  });

  for (const [lang, heading, email, submit] of [
    ['pl', 'Logowanie do panelu pracowników', 'Adres e-mail', 'Zaloguj się'],
    ['en', 'Sign in to the staff panel', 'E-mail address', 'Sign in'],
    ['uk', 'Вхід до панелі працівників', 'Адреса електронної пошти', 'Увійти'],
  ] as const) {
    it(`renders an accessible login form in ${lang}`, async () => {
      api = stubFetch(signedOut);
      const el = await mount(lang, api);
      await expect(el).to.be.accessible();
      expect($(el, 'h2')!.textContent).to.equal(heading);
      expect($(el, 'label[for="email"]')!.textContent).to.contain(email);
      expect($(el, 'button[type="submit"]')!.textContent).to.equal(submit);
      // The code field is there from the start, optional: admins type the code with the password.
      expect(($(el, '#otp') as HTMLInputElement).required).to.equal(false);
      expect(api.calls[0]).to.include({ method: 'GET', path: '/v1/admin/session', credentials: 'same-origin' });
    });
  }

  it('shows an error summary and inline errors for empty fields, and focuses the summary', async () => {
    api = stubFetch(signedOut);
    const el = await mount('pl', api);
    $(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    const summary = await waitFor(() => $(el, '.ngo-error-summary'));
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(summary.querySelector('h2')!.textContent).to.equal('Formularz zawiera 2 błędy');
    expect($(el, '#email')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#password')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    expect(api.calls.filter((c) => c.method === 'POST')).to.have.length(0);
  });

  it('sends the 6-digit code with the password in one step, then opens the panel', async () => {
    api = stubFetch((c) => {
      if (c.path === '/v1/admin/session' && c.method === 'GET') return envelope(401, 'unauthorized');
      if (c.path === '/v1/admin/session' && c.method === 'POST') return (c.body as { otp?: string }).otp === '123456' ? json(200, ADMIN) : envelope(401, 'invalid_credentials');
      if (c.path.startsWith('/v1/admin/staff')) return json(200, { items: [{ ...ADMIN.staff, disabled: false, lastLoginAt: null }] });
      return envelope(404, 'not_found');
    });
    const el = await mount('en', api);
    type($(el, '#email') as HTMLInputElement, 'anna@krakow.pl');
    type($(el, '#password') as HTMLInputElement, 'correct horse battery');
    const otp = $(el, '#otp') as HTMLInputElement;
    type(otp, '12345');
    $(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    expect($(el, '#otp-error')!.textContent).to.equal('The code must have 6 digits.');
    expect(api.calls.filter((c) => c.method === 'POST')).to.have.length(0);
    await expect(el).to.be.accessible();

    type(otp, '123456');
    const signedIn = oneEvent(el, 'ngo-signed-in');
    $(el, 'button[type="submit"]')!.click();
    const event = await signedIn;
    expect(event.detail.staff.name).to.equal('Anna Nowak');
    const posts = api.calls.filter((c) => c.method === 'POST');
    expect(posts).to.have.length(1);
    expect(posts[0]!.body).to.deep.equal({ email: 'anna@krakow.pl', password: 'correct horse battery', otp: '123456' });
    await el.updateComplete;
    const title = $(el, '#panel-title')!;
    expect(el.shadowRoot!.activeElement).to.equal(title);
    const nav = [...el.shadowRoot!.querySelectorAll('nav button')].map((b) => b.textContent);
    expect(nav).to.deep.equal(['Start', 'Organisation map', 'Consultations', 'Advice', 'Outgoing mail', 'Staff', 'Audit log']);
    await expect(el).to.be.accessible();
  });

  it('solves a proof of work when the server asks for one after failed attempts, and says how long to wait', async () => {
    let wait = 0;
    api = stubFetch((c) => {
      if (c.path === '/v1/admin/session' && c.method === 'GET') return envelope(401, 'unauthorized');
      if (c.path === '/v1/admin/session' && c.method === 'POST') {
        const body = c.body as { altcha?: string };
        if (!body.altcha || wait) return failure(429, 'challenge_required', { retryAfter: wait });
        // The stub's challenge is solved by 3.
        return JSON.parse(atob(body.altcha)).number === 3 ? envelope(401, 'invalid_credentials') : envelope(422, 'challenge_failed');
      }
      return undefined;
    });
    const el = await mount('pl', api);
    type($(el, '#email') as HTMLInputElement, 'anna@krakow.pl');
    type($(el, '#password') as HTMLInputElement, 'guess');
    // Asked for a proof without a wait: the widget solves it and sends the sign-in again by itself.
    $(el, 'button[type="submit"]')!.click();
    const alert = await waitFor(() => ($(el, '#login-error')!.textContent ? $(el, '#login-error') : null));
    expect(alert.textContent).to.equal('Nieprawidłowy e-mail, hasło lub kod.');
    const posts = api.calls.filter((c) => c.method === 'POST');
    expect(posts).to.have.length(2);
    expect(posts[0]!.body as object).to.not.have.property('altcha');
    expect(JSON.parse(atob((posts[1]!.body as { altcha: string }).altcha))).to.include({ number: 3, signature: 'sig' });
    // Asked to wait: the person reads how long, and the next try carries a fresh proof.
    wait = 4;
    type($(el, '#password') as HTMLInputElement, 'another guess');
    $(el, 'button[type="submit"]')!.click();
    await waitFor(() => $(el, '#login-error')!.textContent!.includes('4 sekundy'));
    expect($(el, '#login-error')!.textContent).to.equal('Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za 4 sekundy.');
    expect(api.calls.filter((c) => c.method === 'POST')).to.have.length(3);
    expect(api.calls.filter((c) => c.path === '/v1/challenge')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('shows invalid credentials in an alert and keeps the user on the form', async () => {
    api = stubFetch((c) => (c.method === 'POST' ? envelope(401, 'invalid_credentials', 'Wrong e-mail or password') : envelope(401, 'unauthorized')));
    const el = await mount('uk', api);
    type($(el, '#email') as HTMLInputElement, 'x@krakow.pl');
    type($(el, '#password') as HTMLInputElement, 'wrong');
    $(el, 'button[type="submit"]')!.click();
    const alert = await waitFor(() => ($(el, '#login-error')!.textContent ? $(el, '#login-error') : null));
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.equal('Неправильна електронна пошта, пароль або код.');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#password'));
  });

  it('lists only the sections the session grants, opens one, and signs out with the CSRF token', async () => {
    // A section the module table does not have (a newer server's) is left out: no placeholder. The test server has no section chunks.
    const moderator: AdminSession = { ...ADMIN, staff: { ...ADMIN.staff, role: 'moderator' }, sections: ['newsletter', 'consultations'] };
    api = stubFetch((c) => {
      if (c.path === '/v1/admin/session' && c.method === 'GET') return json(200, moderator);
      if (c.path === '/v1/admin/session' && c.method === 'DELETE') return new Response(null, { status: 204 });
      return envelope(404, 'not_found');
    });
    const el = await fixture<NgoAdmin>(html`<ngo-admin lang="pl" api-base=${location.origin}></ngo-admin>`);
    await waitFor(() => $(el, 'nav'));
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('nav button')];
    // The start screen comes first, for every role.
    expect(buttons.map((b) => b.textContent)).to.deep.equal(['Start', 'Konsultacje']);
    expect(buttons[0]!.getAttribute('aria-current')).to.equal('page');

    const selected = oneEvent(el, 'ngo-select');
    buttons[1]!.click();
    expect((await selected).detail).to.deep.equal({ id: 'consultations', name: 'Konsultacje' });
    await el.updateComplete;
    expect(buttons[1]!.getAttribute('aria-current')).to.equal('page');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#section-title'));
    await expect(el).to.be.accessible();

    const out = oneEvent(el, 'ngo-signed-out');
    $(el, '[part="logout-button"]')!.click();
    await out;
    const del = api.calls.find((c) => c.method === 'DELETE')!;
    expect(del.headers['X-CSRF-Token']).to.equal('csrf-123');
    expect(del.credentials).to.equal('same-origin');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#login-title'));
    expect($(el, '[role="status"]')!.textContent).to.equal('Wylogowano.');
  });

  it('shows the staff list section to an admin', async () => {
    api = stubFetch((c) => {
      if (c.path === '/v1/admin/session') return json(200, { ...ADMIN, sections: ['staff', 'audit'] });
      if (c.path === '/v1/admin/staff')
        return json(200, { items: [{ ...ADMIN.staff, disabled: false, lastLoginAt: null, invited: false, totp: true }, { id: 's2', email: 'jan@krakow.pl', name: 'Jan Kowal', role: 'editor', district: 12, disabled: true, lastLoginAt: '2025-03-31T23:30:00Z', invited: false, totp: false }] });
      return envelope(404, 'not_found');
    });
    const el = await fixture<NgoAdmin>(html`<ngo-admin lang="pl" api-base=${location.origin}></ngo-admin>`);
    (await waitFor(() => $<HTMLButtonElement>(el, 'nav button[data-section="staff"]'))).click();
    const section = await waitFor(() => $(el, 'ngo-admin-staff'));
    const table = await waitFor(() => section.shadowRoot?.querySelector('table'));
    expect(table.querySelector('caption')!.textContent).to.equal('2 osoby');
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
    expect(rows[1]!.slice(0, 5)).to.deep.equal(['Jan Kowal jan@krakow.pl', 'redaktor', 'XII Bieżanów-Prokocim', 'zablokowane', 'wyłączona']);
    await expect(el).to.be.accessible();
  });

  it('returns to the login form when a section gets 401', async () => {
    let expired = false;
    api = stubFetch((c) => {
      if (c.path === '/v1/admin/session') return json(200, { ...ADMIN, sections: ['audit'] });
      if (c.path.startsWith('/v1/admin/audit') || c.path === '/v1/admin/waiting') return expired ? envelope(401, 'unauthorized') : json(200, { items: [] });
      return envelope(404, 'not_found');
    });
    expired = true;
    const el = await fixture<NgoAdmin>(html`<ngo-admin lang="en" api-base=${location.origin}></ngo-admin>`);
    await waitFor(() => $(el, 'form'));
    expect($(el, '[role="status"]')!.textContent).to.equal('Your session has expired. Please sign in again.');
  });

  it('opens "forgot password" from the sign-in form by keyboard, and comes back to it', async () => {
    api = stubFetch(signedOut);
    const el = await mount('pl', api);
    const forgot = $<HTMLButtonElement>(el, '#forgot')!;
    expect(forgot.textContent!.trim()).to.equal('Nie pamiętasz hasła?');
    forgot.click();
    const form = await waitFor(() => $(el, 'ngo-admin-staff-password')?.shadowRoot?.querySelector('#password-title'));
    expect(form.textContent).to.equal('Nie pamiętasz hasła?');
    await waitFor(() => $(el, 'ngo-admin-staff-password')!.shadowRoot!.activeElement === form, 'focus on its heading');
    $(el, 'ngo-admin-staff-password')!.shadowRoot!.querySelector<HTMLButtonElement>('.back')!.click();
    await waitFor(() => el.shadowRoot!.activeElement === $(el, '#forgot'), 'focus back on the link');
  });

  it('takes a mailed set-password link from the address fragment, and removes it from the address bar', async () => {
    api = stubFetch((c) => (c.pathname === '/v1/admin/password/link' ? json(200, { name: 'Ewa', email: 'ewa@krakow.pl', invitation: false, totpEnrolment: false, expiresAt: '2026-12-02T10:00:00Z' }) : signedOut(c)));
    const token = 'c'.repeat(43);
    history.replaceState(null, '', `${location.pathname}${location.search}#password/${token}`);
    const el = await fixture<NgoAdmin>(html`<ngo-admin lang="en" api-base=${location.origin}></ngo-admin>`);
    const pw = await waitFor(() => $(el, 'ngo-admin-staff-password')?.shadowRoot?.querySelector('#pw-password') && $(el, 'ngo-admin-staff-password'));
    expect(location.hash).to.equal('');
    expect(api.calls.find((c) => c.pathname === '/v1/admin/password/link')!.body).to.deep.equal({ token });
    expect(pw.shadowRoot!.querySelector('#password-title')!.textContent).to.equal('Choose a password');
    await expect(el).to.be.accessible();
  });

  it('opens on the start screen with the counts of each module, badges in the navigation, and a count opens its queue', async () => {
    api = stubFetch((c) => {
      if (c.path === '/v1/admin/session') return json(200, { ...ADMIN, staff: { ...ADMIN.staff, role: 'moderator', district: 5 }, sections: ['map', 'consultations'] });
      if (c.path === '/v1/admin/waiting') return json(200, { items: [{ key: 'map.submissions', count: 3, section: 'map' }, { key: 'consultations.to_moderate', count: 0, section: 'consultations' }, { key: 'consultations.closing', count: 1, section: 'consultations' }] });
      return envelope(404, 'not_found');
    });
    const el = await fixture<NgoAdmin>(html`<ngo-admin lang="uk" api-base=${location.origin}></ngo-admin>`);
    const start = await waitFor(() => $(el, 'ngo-admin-start')?.shadowRoot?.querySelector('ul.counts') && $(el, 'ngo-admin-start')!);
    const cards = [...start.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.count')];
    expect(cards.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      '3 Заявки на мапу для модерації Мапа організацій',
      '0 Зауваження для модерації Консультації',
      '1 Консультації, що завершуються протягом 7 днів Консультації',
    ]);
    expect(start.shadowRoot!.textContent).to.contain('(район V Krowodrza)');
    await waitFor(() => $(el, 'nav button[data-section="map"] .badge')?.textContent === '3', 'the map badge');
    expect($(el, 'nav button[data-section="consultations"] .badge')!.textContent).to.equal('1');
    await expect(el).to.be.accessible();
    cards[0]!.click();
    await waitFor(() => $(el, 'nav button[data-section="map"]')!.getAttribute('aria-current') === 'page', 'the map section open');
    await waitFor(() => el.shadowRoot!.activeElement === $(el, '#section-title'), 'focus on the section title');
  });

  it('says so when nothing waits', async () => {
    api = stubFetch((c) => {
      if (c.path === '/v1/admin/session') return json(200, { ...ADMIN, sections: ['staff'] });
      if (c.path === '/v1/admin/waiting') return json(200, { items: [{ key: 'events.this_week', count: 4, section: 'events' }] });
      return envelope(404, 'not_found');
    });
    const el = await fixture<NgoAdmin>(html`<ngo-admin lang="pl" api-base=${location.origin}></ngo-admin>`);
    const empty = await waitFor(() => $(el, 'ngo-admin-start')?.shadowRoot?.querySelector('#start-empty'));
    expect(empty.textContent).to.equal('Nic nie czeka. Wszystkie kolejki są puste.');
    expect($(el, 'nav .badge')).to.equal(null);
  });
});
