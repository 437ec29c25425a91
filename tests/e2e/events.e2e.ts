import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openDatabase } from '../../api/db/database.js';
import { EventInput } from '../../common/events.schema.js';
import { daysBetween, utcToWarsawLocal, warsawDateOf } from '../../common/time.js';
import { insertEvent } from '../../api/events/events.repository.js';
import { axeViolations, startStack, type Stack } from './harness.js';

/**
 * `<ngo-events>` by keyboard alone, against the real server (real proof of work, 3-second minimum
 * fill time): find an event in the month grid, open it, register, confirm by the e-mailed link;
 * a second person lands on the waiting list; the first cancels by the e-mailed self-service link,
 * and the second is moved up and mailed. axe finds nothing in pl, en and uk.
 */

/** What has the focus, through the shadow roots: `gridcell:2027-06-05`, `#contactName`, `button.register`. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return null;
    if (a.getAttribute('role') === 'gridcell') return `gridcell:${(a as HTMLElement).dataset.date}`;
    if (a.id) return `#${a.id}`;
    return `${a.localName}${[...a.classList].map((c) => `.${c}`).join('')}|${(a.textContent ?? '').trim().slice(0, 60)}`;
  });

async function tabTo(page: Page, match: (f: string) => boolean, what: string, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && match(f)) return f;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Console errors besides the expected ones: the embed page's favicon, and the 422 `too_fast` of a form sent within 3 s, which the widget waits out. */
const unexpected = (errors: string[]) => errors.filter((e) => !/favicon\.ico\)$/.test(e) && !/status of 422 .*\/registrations\)$/.test(e));

async function press(page: Page, key: string, times: number) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

describe('<ngo-events> end to end, by keyboard', () => {
  let stack: Stack;
  const TITLE = `Warsztat dostępności e2e ${Date.now() % 100000}`;
  const A = 'anna.e2e@example.org';
  const B = 'bogdan.e2e@example.org';
  let eventId: string;
  let day: string;

  before(async () => {
    stack = await startStack();
    // One place and a waiting list, five days ahead (a freed place is then given at once, not offered).
    const start = Math.floor((Date.now() + 5 * 86_400_000) / 3600_000) * 3600_000;
    day = warsawDateOf(start);
    const h = openDatabase(`sqlite:${stack.databaseFile}`);
    try {
      eventId = await insertEvent(h.db, EventInput.parse({
        title: TITLE, type: 'training', start: utcToWarsawLocal(start), end: utcToWarsawLocal(start + 2 * 3600_000), organiser: { name: 'Fundacja Dostępna' },
        venue: { name: 'Centrum Obywatelskie', district: 2, accessibility: ['stepFree', 'pjm'] }, registrationMode: 'event', registration: { capacity: 1, waitingList: true },
      }));
    } finally {
      await h.close();
    }
  });
  after(() => stack?.close());

  async function mail(to: string, subject: RegExp) {
    const h = openDatabase(`sqlite:${stack.databaseFile}`);
    try {
      for (let i = 0; i < 100; i++) {
        const rows = await h.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('created_at', 'desc').execute();
        const found = rows.find((r) => subject.test(r.subject ?? ""));
        if (found) return found;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`no mail to ${to} with subject ${subject}`);
    } finally {
      await h.close();
    }
  }
  const tokenIn = (body: string, param: string) => decodeURIComponent(body.match(new RegExp(`[?&]${param}=([\\w-]+)`))![1]!);

  async function statusOf(email: string) {
    const h = openDatabase(`sqlite:${stack.databaseFile}`);
    try {
      return (await h.db.selectFrom('event_registration').select('status').where('email', '=', email).executeTakeFirstOrThrow()).status;
    } finally {
      await h.close();
    }
  }

  /** From the calendar page: the month grid, to the event's day, its list, the event, the form; fills it and sends it. */
  async function registerByKeyboard(page: Page, name: string, email: string) {
    await page.goto(stack.url('/embed/events?lang=pl'));
    const widget = page.locator('ngo-events');
    await widget.getByRole('heading', { name: 'Nadchodzące wydarzenia' }).waitFor({ timeout: 20_000 });
    await tabTo(page, (f) => f.startsWith('button.ngo-secondary.view-month'), 'the month view button');
    await page.keyboard.press('Enter');
    await widget.getByRole('grid').waitFor();
    const today = await tabTo(page, (f) => f.startsWith('gridcell:'), 'the month grid');
    // Arrow keys to the event's day: a week at a time, then days; the grid changes month by itself.
    const days = daysBetween(today.slice(9), day);
    await press(page, 'ArrowDown', Math.floor(days / 7));
    await press(page, 'ArrowRight', days % 7);
    assert.equal(await focused(page), `gridcell:${day}`);
    const cell = widget.locator(`[role="gridcell"][data-date="${day}"]`);
    assert.match((await cell.textContent()) ?? '', /1 wydarzenie|\d+ wydarze/);
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.includes(TITLE), 'the event in the day’s list');
    await page.keyboard.press('Enter');
    await widget.getByRole('heading', { name: TITLE }).waitFor();
    assert.equal(await focused(page), '#details-title');
    await tabTo(page, (f) => f.startsWith('button.register'), 'the register button');
    await page.keyboard.press('Enter');
    await widget.locator('#form-title').waitFor();
    await tabTo(page, (f) => f === '#contactName', 'the name field');
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    // The first access need: a PJM interpreter.
    await tabTo(page, (f) => f === '#accessNeeds-first', 'the access needs');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f === '#consent', 'the consent');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.startsWith('button|') || /Wyślij zapis|listę rezerwową/.test(f), 'the send button');
    await page.keyboard.press('Enter');
    await widget.getByRole('heading', { name: 'Sprawdź swoją skrzynkę e-mail' }).waitFor({ timeout: 30_000 });
  }

  /** Opens an e-mailed link and presses its button by keyboard. */
  async function confirmByKeyboard(page: Page, to: string) {
    const m = await mail(to, /Potwierdź zapis/);
    await page.goto(stack.url(`/embed/events?lang=pl&confirm=${tokenIn(m.body_text, 'confirm')}`));
    await page.locator('ngo-events button.confirm').waitFor({ timeout: 20_000 });
    await tabTo(page, (f) => f.startsWith('button.confirm'), 'the confirm button');
    await page.keyboard.press('Enter');
    return page.locator('ngo-events .result').getAttribute('data-status', { timeout: 20_000 });
  }

  it('finds the event in the month grid, registers, confirms; the next person waits, and moves up when the first cancels', async () => {
    const page = await stack.page();
    await registerByKeyboard(page, 'Anna Łęcka', A);
    assert.equal(await statusOf(A), 'unconfirmed');
    assert.equal(await confirmByKeyboard(page, A), 'confirmed');
    assert.equal(await statusOf(A), 'confirmed');

    const second = await stack.page();
    await registerByKeyboard(second, 'Bogdan Żuraw', B);
    assert.equal(await confirmByKeyboard(second, B), 'waiting');
    assert.match((await second.locator('ngo-events .result').textContent()) ?? '', /na 1\. miejscu/);

    // The first person cancels with the link of the mail that gave the place.
    const registered = await mail(A, /Masz miejsce/);
    await page.goto(stack.url(`/embed/events?lang=pl&manage=${tokenIn(registered.body_text, 'manage')}`));
    await page.locator('ngo-events .result[data-status="confirmed"]').waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('ngo-events .qr img').count(), 1);
    await tabTo(page, (f) => f.startsWith('button.ngo-secondary.cancel'), 'the cancel button');
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), '#cancel-title');
    await tabTo(page, (f) => f.startsWith('button.cancel-yes'), 'the yes button');
    await page.keyboard.press('Enter');
    await page.locator('ngo-events .result[data-status="cancelled"]').waitFor({ timeout: 20_000 });

    assert.equal(await statusOf(A), 'cancelled');
    assert.equal(await statusOf(B), 'confirmed');
    const promoted = await mail(B, /Masz miejsce/);
    assert.match(promoted.body_text, new RegExp(TITLE));
    const event = await (await fetch(stack.url(`/v1/events/${eventId}`))).json();
    assert.equal(event.registration.placesLeft, 0);
    assert.equal(event.registration.waiting, 0);
    assert.deepEqual(unexpected([...page.errors, ...second.errors]), []);
  });

  for (const lang of ['pl', 'en', 'uk'] as const) {
    it(`is axe-clean in ${lang}: the list, the month grid, an event and its form`, async () => {
      const page = await stack.page();
      await page.goto(stack.url(`/embed/events?lang=${lang}`));
      const widget = page.locator('ngo-events');
      await widget.locator('.item').first().waitFor({ timeout: 20_000 });
      assert.deepEqual(await axeViolations(page), [], 'the list');
      await widget.locator('.view-month').click();
      await widget.getByRole('grid').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'the month grid');
      await page.goto(stack.url(`/embed/events/${eventId}?lang=${lang}`));
      await widget.locator('#details-title').waitFor({ timeout: 20_000 });
      assert.deepEqual(await axeViolations(page), [], 'the event');
      await widget.locator('.register').click();
      await widget.locator('#form-title').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'the form');
      assert.deepEqual(unexpected(page.errors), []);
    });
  }
});
