import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { insertRemark } from '../../api/consultations/consultations.repository.js';
import { openDatabase } from '../../api/db/database.js';
import { insertOrganisation, insertSubmission } from '../../api/map/map.repository.js';
import { organisationInput } from '../../api/map/map.testing.js';
import { axeViolations, demoLogins, startStack, type Stack } from './harness.js';

/** What has focus, through every open shadow root: its id, tag, role, class and text. */
interface Focused {
  id: string;
  tag: string;
  role: string;
  cls: string;
  text: string;
}
const focused = (page: Page): Promise<Focused | null> =>
  page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === document.body) return null;
    return { id: a.id, tag: a.tagName.toLowerCase(), role: a.getAttribute('role') ?? '', cls: a.className, text: (a.textContent ?? '').replace(/\s+/g, ' ').trim() };
  });

/** Presses Tab (Shift+Tab with `back`) until `wanted` has focus; fails after `max` presses. */
async function tabTo(page: Page, what: string, wanted: (f: Focused) => boolean, o: { back?: boolean; max?: number } = {}) {
  for (let i = 0; i < (o.max ?? 60); i++) {
    await page.keyboard.press(o.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (f && wanted(f)) return;
  }
  throw new Error(`${o.back ? 'Shift+Tab' : 'Tab'} never reached ${what}; focus is on ${JSON.stringify(await focused(page))}`);
}

/** Waits until focus is on `what` (after an action that moves it). */
async function focusOn(page: Page, what: string, wanted: (f: Focused) => boolean) {
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    const f = await focused(page);
    if (f && wanted(f)) return f;
    await page.waitForTimeout(50);
  }
  throw new Error(`focus never moved to ${what}; it is on ${JSON.stringify(await focused(page))}`);
}

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

  it('lets a moderator decide a map submission and a consultation remark with the keyboard alone', async () => {
    const NAME = 'Fundacja Klawiatury i Skrótów';
    const REMARK = 'Proponujemy dodać konsultacje w trybie otwartych spotkań, także wieczorem.';
    const list = await (await fetch(stack.url('/v1/consultations?status=open'))).json();
    const consultation = list.items.find((c: { title: string }) => c.title.startsWith('Projekt Rocznego programu')) as { id: string; title: string };
    // What residents would have sent and confirmed by their e-mailed links: one new map entry, one remark under pre-moderation.
    const h = openDatabase(`sqlite:${stack.databaseFile}`);
    try {
      const data = organisationInput({ name: NAME, districts: [12] });
      const organisationId = await insertOrganisation(h.db, data, { status: 'pending', ownerEmail: 'klawiatura@example.org', changedBy: 'submission' });
      await insertSubmission(h.db, { organisationId, type: 'create', data, note: '', submitterName: 'Klara Klawisz', submitterEmail: 'klawiatura@example.org', lang: 'pl', status: 'pending' });
      await insertRemark(h.db, {
        consultationId: consultation.id, unitId: null, currentWording: '', proposedWording: REMARK, justification: 'Więcej osób pracujących zdąży przyjść.',
        authorType: 'ngo', organisationName: 'Fundacja Klawiatury i Skrótów', krs: null, organisationId: null, contactName: 'Klara Klawisz', contactEmail: 'klawiatura@example.org', lang: 'pl', status: 'pending',
      });
    } finally {
      await h.close();
    }
    await stack.addStaff({ email: 'keyboard.moderator@example.org', password: 'keyboard only password', role: 'moderator', name: 'Konrad Klawiszowy' });

    const page = await stack.page();
    await page.goto(stack.url('/demo/admin.html'));
    const panel = page.locator('ngo-admin');
    await panel.getByRole('heading', { name: 'Logowanie do panelu pracowników' }).waitFor();
    // Sign in: Tab to each field, type, Enter sends the form.
    await tabTo(page, 'the e-mail field', (f) => f.id === 'email');
    await page.keyboard.type('keyboard.moderator@example.org');
    await tabTo(page, 'the password field', (f) => f.id === 'password');
    await page.keyboard.type('keyboard only password');
    await page.keyboard.press('Enter');
    await focusOn(page, 'the panel heading', (f) => f.id === 'panel-title');

    // The map section from the navigation: focus on the section's heading.
    await tabTo(page, 'the map in the navigation', (f) => f.tag === 'button' && f.text.startsWith('Mapa organizacji'));
    await page.keyboard.press('Enter');
    await focusOn(page, 'the section heading', (f) => f.id === 'section-title' && f.text === 'Mapa organizacji');
    // Into the tab list; the arrows move between its tabs, and back to the queue.
    await tabTo(page, 'the queue tab', (f) => f.id === 'tab-queue');
    await page.keyboard.press('ArrowRight');
    await focusOn(page, 'the entries tab', (f) => f.id === 'tab-entries');
    await page.keyboard.press('ArrowLeft');
    await focusOn(page, 'the queue tab again', (f) => f.id === 'tab-queue' && f.role === 'tab');
    await panel.locator('ngo-admin-map-queue').getByRole('button', { name: NAME }).waitFor();
    await tabTo(page, 'the submission in the queue', (f) => f.tag === 'button' && f.text === NAME);
    await page.keyboard.press('Enter');
    await focusOn(page, 'the submission heading', (f) => f.id === 'detail-heading' && f.text === `Nowy wpis: ${NAME}`);
    await tabTo(page, 'the approve button', (f) => f.cls.includes('approve'));
    await page.keyboard.press('Space');
    await panel.getByText(`Zatwierdzono zgłoszenie „${NAME}”. Zgłaszający dostanie e-mail.`).waitFor();
    // The only submission decided: the queue's heading, over "no submissions waiting".
    await focusOn(page, 'the queue heading', (f) => f.id === 'queue-heading');
    await panel.getByText('Brak zgłoszeń czekających na decyzję.').waitFor();
    const map = await (await fetch(stack.url(`/v1/map/organisations?q=${encodeURIComponent('klawiatury skrotow')}`))).json();
    assert.deepEqual(map.items.map((o: { name: string }) => o.name), [NAME]);

    // Back up to the navigation with Shift+Tab, to the consultations.
    await tabTo(page, 'the consultations in the navigation', (f) => f.tag === 'button' && f.text.startsWith('Konsultacje'), { back: true });
    await page.keyboard.press('Enter');
    await focusOn(page, 'the section heading', (f) => f.id === 'section-title' && f.text === 'Konsultacje');
    await panel.locator('ngo-admin-consultations-list').getByRole('button', { name: consultation.title, exact: true }).waitFor();
    await tabTo(page, 'the consultation in the list', (f) => f.tag === 'button' && f.text === consultation.title);
    await page.keyboard.press('Enter');
    await focusOn(page, 'the consultation heading', (f) => f.id === 'consultation-heading' && f.text === consultation.title);
    // Its moderation queue is the open tab; the remark's approve button.
    await panel.locator('ngo-admin-consultations-queue article.remark').filter({ hasText: REMARK }).waitFor();
    await tabTo(page, 'the remark\'s approve button', (f) => f.cls.includes('approve'));
    await page.keyboard.press('Enter');
    await panel.getByText('Zatwierdzono uwagę. Jest teraz publiczna.').waitFor();
    await focusOn(page, 'the queue heading', (f) => f.id === 'queue-heading' && f.text === 'Uwagi czekające na moderację');
    const remarks = await (await fetch(stack.url(`/v1/consultations/${consultation.id}/remarks`))).json();
    assert.ok(remarks.items.some((r: { proposedWording: string }) => r.proposedWording === REMARK), 'the approved remark is public');
    assert.doesNotMatch(JSON.stringify(remarks), /klawiatura@example\.org|Klara Klawisz/);
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
