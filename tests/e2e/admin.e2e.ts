import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as OTPAuth from 'otpauth';
import { axeViolations, demoLogins, startStack, type Stack } from './harness.js';

/** The panel probes GET /v1/admin/session on load; a 401 there means "signed out" and Chromium logs it. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 401 .*\/v1\/admin\/session\)$/.test(e));

describe('staff panel <ngo-admin> on /demo/admin.html', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack?.close());

  async function signIn(email: string, password: string, otp?: () => string) {
    const page = await stack.page();
    await page.goto(stack.url('/demo/admin.html'));
    const panel = page.locator('ngo-admin');
    await panel.getByRole('heading', { name: 'Logowanie do panelu pracowników' }).waitFor();
    await panel.getByLabel('Adres e-mail').fill(email);
    await panel.getByLabel('Hasło').fill(password);
    // Admins type the code on the same step (the field is optional for everyone else).
    if (otp) await panel.getByLabel('Kod weryfikacyjny').fill(otp());
    await panel.getByRole('button', { name: 'Zaloguj się' }).click();
    return { page, panel };
  }

  it('prints demo logins once at the first start', () => {
    const out = stack.output();
    assert.equal(out.match(/moderator@example\.org\s+password:/g)?.length, 1);
    assert.match(out, /otpauth:\/\/totp\/WiP%20NGO:admin%40example\.org\?/);
  });

  it('signs in the demo moderator, who sees the moderation sections only', async () => {
    const { moderator } = demoLogins(stack.output());
    const { page, panel } = await signIn(moderator.email, moderator.password);
    await panel.getByRole('heading', { name: 'Panel pracowników', level: 2 }).waitFor();
    const nav = panel.getByRole('navigation', { name: 'Sekcje panelu' });
    assert.ok(await nav.getByText('Mapa organizacji').isVisible());
    assert.equal(await nav.getByText('Pracownicy').count(), 0);
    assert.equal(await nav.getByText('Dziennik zdarzeń').count(), 0);
    const cookies = await page.context().cookies(stack.origin);
    const session = cookies.find((c) => c.name === 'ngo_session');
    assert.ok(session, 'session cookie set');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    assert.deepEqual(await axeViolations(page, 'ngo-admin'), []);
    assert.deepEqual(unexpected(page.errors), []);
  });

  it('signs in an admin with password and TOTP code, and signs out', async () => {
    const { admin } = demoLogins(stack.output());
    assert.ok(admin.totpSecret, 'the start-up banner shows the admin TOTP secret');
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(admin.totpSecret!), digits: 6, period: 30 });
    const { page, panel } = await signIn(admin.email, admin.password, () => totp.generate());
    await panel.getByRole('heading', { name: 'Panel pracowników', level: 2 }).waitFor();
    assert.ok(await panel.getByRole('navigation', { name: 'Sekcje panelu' }).getByText('Pracownicy').isVisible());
    // The audit log names this sign-in in words, with who made it.
    await panel.getByRole('navigation', { name: 'Sekcje panelu' }).getByText('Dziennik zdarzeń').click();
    const login = panel.locator('ngo-admin-audit tbody tr').filter({ has: page.locator('th', { hasText: /^Logowanie$/ }) }).first();
    await login.waitFor();
    assert.ok((await login.innerText()).includes(admin.email));
    assert.deepEqual(await axeViolations(page, 'ngo-admin'), []);
    await panel.getByRole('button', { name: 'Wyloguj się' }).click();
    await panel.getByRole('heading', { name: 'Logowanie do panelu pracowników' }).waitFor();
    assert.equal((await fetch(stack.url('/v1/admin/session'))).status, 401);
    assert.deepEqual(unexpected(page.errors), []);
  });

  it('signs in a staff member added directly to the database, and refuses a wrong password', async () => {
    await stack.addStaff({ email: 'editor12@example.org', password: 'correct horse battery', role: 'editor', district: 12, name: 'Ewa Redaktorka' });
    const wrong = await signIn('editor12@example.org', 'wrong password!!');
    await wrong.panel.getByRole('alert').filter({ hasText: /\S/ }).first().waitFor();
    assert.equal(await wrong.panel.getByRole('heading', { name: 'Panel pracowników', level: 2 }).count(), 0);
    const { panel } = await signIn('editor12@example.org', 'correct horse battery');
    await panel.getByText('Zalogowano jako Ewa Redaktorka (redaktor).').waitFor();
  });
});
