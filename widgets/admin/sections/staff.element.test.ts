import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { StaffUser } from '../../../common/admin.schema.js';
import type { AdminSession } from '../admin.api.js';
import { failure, json, stubFetch, typed, waitFor, type FetchStub } from '../../core/testing.js';
import './index.js';
import type { NgoAdminStaff } from './staff.element.js';
import type { NgoAdminPassword } from './password.element.js';

const SESSION: AdminSession = { staff: { id: 's1', email: 'anna@krakow.pl', name: 'Anna Nowak', role: 'admin', district: null }, csrfToken: 'csrf-staff-1', sections: ['staff', 'audit'] };

const member = (over: Partial<ReturnType<typeof StaffUser.parse>> = {}) =>
  typed(StaffUser, { id: 's2', email: 'jan@krakow.pl', name: 'Jan Kowalski-Wiśniewski', role: 'moderator', district: 5, disabled: false, lastLoginAt: '2026-11-30T08:15:00Z', invited: false, totp: false, ...over });

function fakeApi(people = () => [typed(StaffUser, { ...member(), id: 's1', email: 'anna@krakow.pl', name: 'Anna Nowak', role: 'admin', district: null, totp: true }), member(), member({ id: 's3', email: 'ola@krakow.pl', name: 'Ola Nowa', role: 'adviser', district: null, invited: true, lastLoginAt: null })]) {
  return stubFetch((c) => {
    if (c.method === 'GET' && c.pathname === '/v1/admin/staff') return { items: people() };
    if (c.method === 'POST' && c.pathname === '/v1/admin/staff') return json(201, { staff: member({ id: 's9', email: c.body.email, name: c.body.name, invited: true }) });
    if (c.method === 'PATCH') return { ...member(), ...c.body, totpSecret: c.body.role === 'admin' ? 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' : null };
    if (c.method === 'POST') return new Response(null, { status: 204 });
    return undefined;
  });
}

const $ = <E extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<E>(sel);
const text = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount(lang: string) {
  const el = await fixture<NgoAdminStaff>(html`<ngo-admin-staff lang=${lang} api-base=${location.origin} .session=${SESSION}></ngo-admin-staff>`);
  await waitFor(() => el.shadowRoot!.querySelectorAll('tbody tr[data-id]').length === 3, 'the staff list');
  return el;
}

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<ngo-admin-staff>', () => {
  let api: FetchStub | undefined;
  afterEach(() => api?.restore());

  for (const [lang, heading, pending, invite] of [
    ['pl', 'Zaproś pracownika', 'zaproszenie czeka', 'Wyślij zaproszenie'],
    ['en', 'Invite a staff member', 'invitation pending', 'Send the invitation'],
    ['uk', 'Запросити працівника', 'запрошення очікує', 'Надіслати запрошення'],
  ] as const) {
    it(`lists staff with their role, district, status and actions, accessibly, in ${lang}`, async () => {
      api = fakeApi();
      const el = await mount(lang);
      await expect(el).to.be.accessible();
      expect(text($(el, '#invite-heading'))).to.equal(heading);
      expect(text($(el, 'form[aria-labelledby="invite-heading"] button[type="submit"]'))).to.equal(invite);
      expect(text($(el, 'tr[data-id="s3"] td[data-label]:nth-of-type(3)'))).to.equal(pending);
      expect(text($(el, 'tr[data-id="s2"] td:nth-of-type(2)'))).to.equal('V Krowodrza');
      // No one disables or resets themselves; an invited member gets "send again" instead of a reset.
      expect($(el, 'tr[data-id="s1"] .toggle')).to.equal(null);
      expect($(el, 'tr[data-id="s1"] .reset')).to.equal(null);
      expect($(el, 'tr[data-id="s3"] .resend')).to.not.equal(null);
      expect($(el, 'tr[data-id="s3"] .reset')).to.equal(null);
    });
  }

  it('lays out whole words at 1280 px and stacks each member into a labelled card at 360 px', async () => {
    api = fakeApi();
    await setViewport({ width: 1280, height: 800 });
    const el = await mount('pl');
    // No heading or role is squeezed into a column narrower than its longest word.
    for (const cell of el.shadowRoot!.querySelectorAll<HTMLElement>('thead th, tbody td:nth-of-type(1), tbody td:nth-of-type(3)')) {
      const words = (cell.textContent ?? '').trim().split(/\s+/).filter(Boolean);
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;white-space:nowrap;font:inherit;font-weight:700';
      cell.append(probe);
      for (const w of words) {
        probe.textContent = w;
        expect(cell.clientWidth, `"${w}" fits its cell`).to.be.at.least(probe.offsetWidth);
      }
      probe.remove();
    }
    expect(getComputedStyle($(el, 'tbody tr')!).display).to.equal('table-row');
    await setViewport({ width: 360, height: 800 });
    await waitFor(() => getComputedStyle($(el, 'tbody tr')!).display === 'block', 'stacked rows');
    expect(getComputedStyle($(el, 'tr[data-id="s2"] td')!, '::before').content).to.equal('"Rola: "');
    expect(el.shadowRoot!.querySelector('.table-wrap')!.scrollWidth).to.be.at.most(360);
    await setViewport({ width: 1280, height: 800 });
  });

  it('names each field in the invitation’s error summary, and sends a valid one with the CSRF token', async () => {
    api = fakeApi();
    const el = await mount('pl');
    $<HTMLButtonElement>(el, 'form[aria-labelledby="invite-heading"] button[type="submit"]')!.click();
    const summary = await waitFor(() => $(el, '.ngo-error-summary'));
    expect([...summary.querySelectorAll('li')].map(text)).to.deep.equal(['Imię i nazwisko: To pole jest wymagane.', 'E-mail: To pole jest wymagane.']);
    await waitFor(() => el.shadowRoot!.activeElement === summary, 'focus on the summary');
    expect(api.writes()).to.have.length(0);

    type($<HTMLInputElement>(el, '#invite-name')!, 'Ewa Zielińska');
    type($<HTMLInputElement>(el, '#invite-email')!, 'ewa@krakow.pl');
    const role = $<HTMLSelectElement>(el, '#invite-role')!;
    role.value = 'editor';
    role.dispatchEvent(new Event('change'));
    const district = $<HTMLSelectElement>(el, '#invite-district')!;
    district.value = '12';
    district.dispatchEvent(new Event('change'));
    $<HTMLButtonElement>(el, 'form[aria-labelledby="invite-heading"] button[type="submit"]')!.click();
    await waitFor(() => text($(el, '[role="status"]')) === 'Wysłano zaproszenie do ewa@krakow.pl.', 'the announcement');
    const [post] = api.writes();
    expect(post!.body).to.deep.equal({ name: 'Ewa Zielińska', email: 'ewa@krakow.pl', role: 'editor', district: 12, lang: 'pl' });
    expect(post!.headers['X-CSRF-Token']).to.equal('csrf-staff-1');
    expect($(el, '.ngo-error-summary')).to.equal(null);
  });

  it('shows an address that already has an account next to the e-mail field', async () => {
    api = stubFetch((c) => (c.method === 'GET' ? { items: [member(), member({ id: 's1' }), member({ id: 's3' })] } : failure(409, 'conflict')));
    const el = await mount('en');
    type($<HTMLInputElement>(el, '#invite-name')!, 'Jan');
    type($<HTMLInputElement>(el, '#invite-email')!, 'jan@krakow.pl');
    $<HTMLButtonElement>(el, 'form[aria-labelledby="invite-heading"] button[type="submit"]')!.click();
    const summary = await waitFor(() => $(el, '.ngo-error-summary'));
    expect(text(summary.querySelector('li'))).to.equal('E-mail: Such an account already exists, or this change cannot be made.');
    expect($(el, '#invite-email')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('changes the role and district, and shows a promoted admin’s key once', async () => {
    api = fakeApi();
    const el = await mount('en');
    $<HTMLButtonElement>(el, 'tr[data-id="s2"] .edit')!.click();
    const role = await waitFor(() => el.shadowRoot!.activeElement?.id === 'edit-role-s2' && $<HTMLSelectElement>(el, '#edit-role-s2'));
    role.value = 'admin';
    role.dispatchEvent(new Event('change'));
    const district = $<HTMLSelectElement>(el, '#edit-district-s2')!;
    district.value = '';
    district.dispatchEvent(new Event('change'));
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'form[aria-labelledby="edit-heading-s2"] button[type="submit"]')!.click();
    const notice = await waitFor(() => $(el, '#staff-notice'));
    expect(text(notice)).to.contain('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    await waitFor(() => el.shadowRoot!.activeElement === notice, 'focus on the key');
    const patch = api.writes().find((c) => c.method === 'PATCH')!;
    expect(patch.path).to.equal('/v1/admin/staff/s2');
    expect(patch.body).to.deep.equal({ role: 'admin', district: null });
    expect(text($(el, '[role="status"]'))).to.equal('Saved the changes to Jan Kowalski-Wiśniewski’s account.');
  });

  it("resets another member's second factor with the CSRF token, and offers it only where there is one", async () => {
    api = fakeApi(() => [typed(StaffUser, { ...member(), id: 's1', email: 'anna@krakow.pl', name: 'Anna Nowak', role: 'admin', district: null, totp: true }), member({ totp: true }), member({ id: 's3', email: 'ola@krakow.pl', name: 'Ola Nowa', totp: false })]);
    const el = await mount('pl');
    // Not for yourself, nor for a member without one.
    expect($(el, 'tr[data-id="s1"] .totp-reset')).to.equal(null);
    expect($(el, 'tr[data-id="s3"] .totp-reset')).to.equal(null);
    // It asks first, with the focus on the confirmation; Cancel sends nothing and returns the focus.
    $<HTMLButtonElement>(el, 'tr[data-id="s2"] .totp-reset')!.click();
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'totp-yes-s2', 'focus on the confirmation');
    expect(text($(el, '#totp-text-s2'))).to.contain('Zresetować weryfikację dwuetapową osoby Jan Kowalski-Wiśniewski?');
    $<HTMLButtonElement>(el, 'tr.open .ngo-secondary')!.click();
    await waitFor(() => el.shadowRoot!.activeElement?.classList.contains('totp-reset') ?? false, 'focus back on the reset button');
    expect(api.writes().filter((c) => c.path.includes('totp-reset'))).to.have.length(0);
    $<HTMLButtonElement>(el, 'tr[data-id="s2"] .totp-reset')!.click();
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'totp-yes-s2', 'focus on the confirmation');
    $<HTMLButtonElement>(el, '#totp-yes-s2')!.click();
    await waitFor(() => text($(el, '[role="status"]')).startsWith('Zresetowano weryfikację dwuetapową konta Jan Kowalski-Wiśniewski'), 'the announcement');
    const post = api.writes().find((c) => c.path.includes('totp-reset'))!;
    expect(post.path).to.equal('/v1/admin/staff/s2/totp-reset?lang=pl');
    expect(post.headers['X-CSRF-Token']).to.equal('csrf-staff-1');
  });

  it('closes the editor on Escape and puts focus back on its button', async () => {
    api = fakeApi();
    const el = await mount('pl');
    $<HTMLButtonElement>(el, 'tr[data-id="s2"] .edit')!.click();
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'edit-role-s2');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !$(el, '#edit-role-s2') && el.shadowRoot!.activeElement === $(el, 'tr[data-id="s2"] .edit'), 'the editor closed and focus back');
    expect(api.writes()).to.have.length(0);
  });

  it('disables an account and asks before resetting a password', async () => {
    api = fakeApi();
    const el = await mount('pl');
    $<HTMLButtonElement>(el, 'tr[data-id="s2"] .toggle')!.click();
    await waitFor(() => text($(el, '[role="status"]')).startsWith('Zablokowano konto Jan Kowalski-Wiśniewski'));
    expect(api.writes()[0]!.body).to.deep.equal({ disabled: true });
    (await waitFor(() => $<HTMLButtonElement>(el, 'tr[data-id="s2"] .reset'), 'the list again')).click();
    const yes = await waitFor(() => $<HTMLButtonElement>(el, '#reset-yes-s2'));
    expect(text($(el, '#reset-text-s2'))).to.contain('jan@krakow.pl');
    await waitFor(() => el.shadowRoot!.activeElement === yes, 'focus on the confirmation');
    expect(api.writes()).to.have.length(1);
    yes.click();
    await waitFor(() => text($(el, '[role="status"]')) === 'Zresetowano hasło. Link wysłano na adres jan@krakow.pl.');
    expect(api.writes()[1]!.path).to.equal('/v1/admin/staff/s2/password-reset?lang=pl');
  });

  it('shows a refused change (the last admin) in an alert, focused', async () => {
    api = stubFetch((c) => (c.method === 'GET' ? { items: [member(), member({ id: 's1' }), member({ id: 's3' })] } : failure(409, 'last_admin')));
    const el = await mount('uk');
    $<HTMLButtonElement>(el, 'tr[data-id="s2"] .toggle')!.click();
    const alert = await waitFor(() => text($(el, '#action-error')) && $(el, '#action-error'));
    expect(text(alert)).to.equal('Це останній активний адміністратор. Спершу призначте адміністратором когось іншого.');
    await waitFor(() => el.shadowRoot!.activeElement === alert);
  });
});

describe('<ngo-admin-staff-password>', () => {
  let api: FetchStub | undefined;
  afterEach(() => api?.restore());

  const mount = async (lang: string, token = '') => {
    const el = await fixture<NgoAdminPassword>(html`<ngo-admin-staff-password lang=${lang} api-base=${location.origin} .token=${token}></ngo-admin-staff-password>`);
    await waitFor(() => $(el, 'form, section, [role="alert"]'));
    return el;
  };

  it('asks for the e-mail and answers in one way, whatever the server knows', async () => {
    api = stubFetch((c) => (c.pathname === '/v1/admin/password/forgot' ? json(202, { sent: true }) : undefined));
    const el = await mount('pl');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    const summary = await waitFor(() => $(el, '.ngo-error-summary'));
    expect(text(summary.querySelector('li'))).to.equal('Adres e-mail: To pole jest wymagane.');
    type($<HTMLInputElement>(el, '#pw-email')!, 'kto@krakow.pl');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    const sent = await waitFor(() => $(el, '#password-sent'));
    expect(text(sent)).to.equal('Jeśli adres kto@krakow.pl należy do aktywnego konta, za chwilę przyjdzie na niego wiadomość z linkiem. Sprawdź też folder ze spamem.');
    expect(api.writes()[0]!.body).to.deep.equal({ email: 'kto@krakow.pl', lang: 'pl' });
  });

  it('sets a password from a link, checking length and repetition first, and shows an invited admin’s key', async () => {
    api = stubFetch((c) => {
      if (c.pathname === '/v1/admin/password/link') return { name: 'Ewa Zielińska', email: 'ewa@krakow.pl', invitation: true, totpEnrolment: true, expiresAt: '2026-12-09T10:00:00Z' };
      if (c.pathname === '/v1/admin/password') return { email: 'ewa@krakow.pl', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', totpUri: 'otpauth://totp/WiP%20NGO:ewa%40krakow.pl?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };
      return undefined;
    });
    const el = await mount('uk', 'a'.repeat(43));
    await waitFor(() => $(el, '#pw-password'));
    expect(text($(el, 'form'))).to.contain('Ewa Zielińska (ewa@krakow.pl)');
    await expect(el).to.be.accessible();
    type($<HTMLInputElement>(el, '#pw-password')!, 'short');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    const summary = await waitFor(() => $(el, '.ngo-error-summary'));
    expect([...summary.querySelectorAll('li')].map(text)).to.deep.equal(['Новий пароль: Пароль має містити щонайменше 12 символів.', 'Повторіть пароль: Паролі різняться.']);
    type($<HTMLInputElement>(el, '#pw-password')!, 'a long enough passphrase');
    type($<HTMLInputElement>(el, '#pw-repeat')!, 'a long enough passphrase');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    const heading = await waitFor(() => $(el, '#totp-heading'));
    await waitFor(() => el.shadowRoot!.activeElement === heading, 'focus on the key step');
    expect(text($(el, 'dd'))).to.equal('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect($<HTMLAnchorElement>(el, 'section a')!.href).to.match(/^otpauth:\/\/totp\//);
    expect(api.writes().find((c) => c.pathname === '/v1/admin/password')!.body).to.deep.equal({ token: 'a'.repeat(43), password: 'a long enough passphrase' });
    await expect(el).to.be.accessible();
  });

  it('says a used or expired link is invalid, and how to get a new one', async () => {
    api = stubFetch(() => failure(404, 'link_invalid'));
    const el = await mount('en', 'b'.repeat(43));
    const alert = await waitFor(() => $(el, '[role="alert"]'));
    expect(text(alert)).to.contain('Forgot your password?');
    await expect(el).to.be.accessible();
  });
});
