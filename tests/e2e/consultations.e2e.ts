import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, startStack, type Stack } from './harness.js';

/** The id (or text) of the focused element inside the widget's shadow root. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.querySelector('ngo-consultation')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return a ? a.id || a.textContent?.trim() || a.tagName : null;
  });

async function tabTo(page: Page, id: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === id) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

describe('<ngo-consultation> end to end', () => {
  let stack: Stack;
  let openId: string;
  before(async () => {
    stack = await startStack();
    const list = await (await fetch(stack.url('/v1/consultations?status=open'))).json();
    openId = list.items.find((c: { title: string }) => c.title.startsWith('Projekt Rocznego programu'))?.id ?? list.items[0].id;
  });
  after(() => stack?.close());

  it('lets a keyboard-only user choose a unit, write a remark, send it and read the confirmation', async () => {
    const page = await stack.page();
    await page.goto(stack.url(`/embed/consultations?lang=pl&consultation=${openId}`));
    await page.locator('ngo-consultation h2#title').waitFor({ timeout: 20_000 });

    // § 1 of the demo programme is the third unit (after the preamble and chapter 1).
    await tabTo(page, 'comment-2');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('ngo-consultation')?.shadowRoot?.activeElement?.id === 'form-title');
    const current = await page.evaluate(() => (document.querySelector('ngo-consultation')!.shadowRoot!.querySelector('#currentWording') as HTMLTextAreaElement).value);
    assert.match(current, /^Przyjmuje się Roczny program współpracy/);

    await tabTo(page, 'proposedWording');
    await page.keyboard.type('Przyjmuje się Roczny program współpracy na lata 2027–2028.');
    await tabTo(page, 'justification');
    await page.keyboard.type('Program dwuletni daje organizacjom stabilność planowania.');
    await tabTo(page, 'authorType-ngo');
    await page.keyboard.press('Space');
    await tabTo(page, 'organisationName');
    await page.keyboard.type('Fundacja Klawiatury <b>bez myszy</b>');
    await tabTo(page, 'contactName');
    await page.keyboard.type('Jan Klawiszowy');
    await tabTo(page, 'contactEmail');
    await page.keyboard.type('jan.klawiszowy@example.org');
    await tabTo(page, 'consent');
    await page.keyboard.press('Space');
    // Sent at once: the server refuses forms sent sooner than 3 s after the proof-of-work challenge
    // (too_fast), and the widget waits that out and sends the same request again by itself.
    await tabTo(page, 'Wyślij uwagę');
    await page.keyboard.press('Enter');

    await page.waitForFunction(() => document.querySelector('ngo-consultation')?.shadowRoot?.activeElement?.id === 'done', null, { timeout: 30_000 });
    const text = await page.locator('ngo-consultation #done').textContent();
    assert.match(text!, /jan\.klawiszowy@example\.org/);
    assert.match(text!, /potwierdzić uwagę/);
    assert.deepEqual(page.errors.filter((e) => e.startsWith('uncaught')), []);

    // Waiting for the e-mailed confirmation, so not public: neither the remark nor the contact.
    const remarks = await (await fetch(stack.url(`/v1/consultations/${openId}/remarks`))).text();
    assert.doesNotMatch(remarks, /Klawiszowy|klawiszowy@/);
  });

  for (const lang of ['pl', 'en', 'uk']) {
    for (const width of [360, 1280]) {
      it(`has no axe violations in ${lang} at ${width} px, with the remark form open`, async () => {
        const page = await stack.page();
        await page.setViewportSize({ width, height: 900 });
        await page.goto(stack.url(`/embed/consultations?lang=${lang}&consultation=${openId}`));
        await page.locator('ngo-consultation #comment-2').click({ timeout: 20_000 });
        await page.locator('ngo-consultation #form-title').waitFor();
        assert.deepEqual(await axeViolations(page), []);
      });
    }
  }

  it('lists consultations for a district page, with a report link for a reported one', async () => {
    const page = await stack.page();
    await page.goto(stack.url('/embed/consultations?lang=pl&district=12'));
    const widget = page.locator('ngo-consultation');
    // Each consultation is a real link (shareable with sync-url), opened in place.
    await widget.getByRole('link', { name: /mikrograntów/ }).click({ timeout: 20_000 });
    const report = widget.getByRole('link', { name: 'Sprawozdanie (strona do druku)' });
    const href = await report.getAttribute('href');
    const res = await fetch(href!);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Uwzględniona częściowo/);
    assert.doesNotMatch(html, /@example\.org|Anna Mieszkanka/);
    assert.deepEqual(await axeViolations(page), []);
  });
});
