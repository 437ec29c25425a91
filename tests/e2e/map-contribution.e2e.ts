import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../api/db/database.js';
import { startStack, type Stack } from './harness.js';

/**
 * The whole life of a new map entry, through the real widgets and server with its default
 * anti-abuse settings (real proof of work, 3-second minimum fill time): a person proposes their
 * organisation, confirms it by the e-mailed link, a moderator approves it in the staff panel, and it
 * appears on the public map.
 */
describe('adding an organisation to the map, end to end', () => {
  let stack: Stack;
  const NAME = `Fundacja Sprawdzianu Całościowego ${Date.now() % 100000}`;
  const EMAIL = 'zgloszenie.e2e@example.org';
  before(async () => {
    stack = await startStack();
  });
  after(() => stack?.close());

  async function mailedToken(param: string) {
    const h = openDatabase(`sqlite:${stack.databaseFile}`);
    try {
      const mail = await h.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', EMAIL).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      return decodeURIComponent(mail.body_text.match(new RegExp(`[?&]${param}=([\\w-]+)`))![1]!);
    } finally {
      await h.close();
    }
  }

  it('goes from the form to the public map through confirmation and moderation', async () => {
    const page = await stack.page();
    await page.goto(stack.url('/embed/map?lang=pl'));
    const map = page.locator('ngo-map');
    await map.getByText(/Znaleziono \d+ organizacj/).waitFor({ timeout: 20_000 });
    await map.getByRole('button', { name: 'Dodaj swoją organizację' }).click();
    const form = page.locator('ngo-map-form');
    await form.getByRole('heading', { name: 'Dodaj swoją organizację' }).waitFor();

    await form.getByLabel('Nazwa', { exact: false }).first().fill(NAME);
    await form.getByLabel('Forma prawna', { exact: false }).selectOption('fundacja');
    await form.locator('summary', { hasText: 'Edukacja, kultura i sport' }).click();
    await form.getByLabel('Kultura, sztuka, ochrona dóbr kultury').check();
    await form.getByLabel('XII. Bieżanów-Prokocim').check();
    await form.getByLabel('Twoje imię i nazwisko', { exact: false }).fill('Anna Testowa');
    await form.getByLabel('Twój adres e-mail', { exact: false }).fill(EMAIL);
    await form.getByRole('checkbox', { name: /Wyrażam zgodę/ }).check();
    // Sent at once: the server refuses forms sent sooner than 3 s after the challenge was issued
    // (too_fast), and the widget waits that out and sends the same request again by itself.
    await form.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    await form.getByText('Sprawdź swoją skrzynkę e-mail').waitFor({ timeout: 30_000 });

    // Not public yet.
    const before = await (await fetch(stack.url(`/v1/map/organisations?q=${encodeURIComponent('sprawdzianu calosciowego')}`))).json();
    assert.equal(before.total, 0);

    // The e-mailed link opens the widget's confirmation; confirming takes a click, not a page load.
    const confirmPage = await stack.page();
    await confirmPage.goto(stack.url(`/embed/map?lang=pl&confirm=${await mailedToken('confirm')}`));
    await confirmPage.locator('ngo-map-form').getByRole('button', { name: 'Potwierdzam moje zgłoszenie' }).click();
    await confirmPage.locator('ngo-map-form').getByText(/moderac/i).first().waitFor();

    // A moderator approves it in the staff panel.
    await stack.addStaff({ email: 'moderator.e2e@example.org', password: 'e2e moderator password', role: 'moderator' });
    const staff = await stack.page();
    await staff.goto(stack.url('/demo/admin.html'));
    const admin = staff.locator('ngo-admin');
    await admin.getByLabel('Adres e-mail').fill('moderator.e2e@example.org');
    await admin.getByLabel('Hasło').fill('e2e moderator password');
    await admin.getByRole('button', { name: 'Zaloguj się' }).click();
    // The panel opens on its start screen: the map's count of submissions leads to its queue.
    await admin.getByRole('button', { name: /^Mapa organizacji( \(czeka: \d+\))?$/ }).click({ timeout: 20_000 });
    await admin.getByRole('button', { name: NAME }).click({ timeout: 20_000 });
    await admin.getByRole('button', { name: 'Zatwierdź i opublikuj' }).click();
    await admin.getByText(`Zatwierdzono zgłoszenie „${NAME}”`).waitFor();

    // Now it is on the public map.
    await page.goto(stack.url(`/embed/map?lang=pl&q=${encodeURIComponent('sprawdzianu calosciowego')}`));
    await page.locator('ngo-map button.item', { hasText: NAME }).waitFor({ timeout: 20_000 });
    assert.deepEqual(page.errors.filter((e) => e.startsWith('uncaught')), []);
  });
});
