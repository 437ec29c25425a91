import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startStack, type Stack } from './harness.js';

// Issue 9, items 2–4: journeys that cross pages (a reload, Back, a copied link, the district page).
// Map tiles are the one thing stubbed (a blank image), so nothing reaches OpenStreetMap.

const BLANK_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** A host site on another origin with the consultations widget in sync-url mode. */
const CONSULTATIONS_HOST = `<!doctype html>
<html lang="pl">
<head><meta charset="utf-8"><title>Konsultacje — portal dzielnicy</title>
<script type="module" src="{{API}}/widgets/ngo-widgets.js"></script></head>
<body><main><h1>Konsultacje</h1><ngo-consultation sync-url district="12" heading-level="2" no-heading></ngo-consultation></main></body>
</html>`;

async function stubTiles(page: Page) {
  await page.route(/tile\.openstreetmap\.org/, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: BLANK_PNG }));
}

/** Where focus is, looking into shadow roots: `tag#id.class` of the innermost element and the widget holding it. */
const focusNow = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let widget = '';
    while (el?.shadowRoot?.activeElement) {
      widget ||= el.localName;
      el = el.shadowRoot.activeElement;
    }
    return { widget, el: el ? `${el.localName}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}` : 'none', text: (el?.textContent ?? '').trim().slice(0, 60) };
  });

describe('public widgets end to end (issue 9)', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ hostPages: { '/consultations.html': CONSULTATIONS_HOST } });
  });
  after(() => stack?.close());

  it('passes the map on the district page in few Tab presses, and fewer with "skip the map"', async () => {
    const page = await stack.page();
    await stubTiles(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(stack.url('/demo/district.html'));
    const map = page.locator('ngo-map');
    await map.locator('button.item').first().waitFor({ timeout: 30_000 });
    await map.locator('.ngo-cluster, .ngo-pin').first().waitFor({ timeout: 30_000 });
    // From the last link before the widget to the first stop after it.
    const count = async (skip: boolean) => {
      await page.locator('a[href="/demo/"]').focus();
      const trail: string[] = [];
      for (let presses = 1; presses <= 400; presses++) {
        const now = await focusNow(page);
        if (skip && now.el.startsWith('button.ngo-secondary.skip')) await page.keyboard.press('Enter');
        else await page.keyboard.press('Tab');
        const next = await focusNow(page);
        trail.push(`${next.widget}>${next.el}`);
        if (next.widget !== 'ngo-map' && presses > 1) return presses;
      }
      throw new Error(`focus never left the map: ${trail.slice(0, 40).join(' | ')}`);
    };
    const plain = await count(false);
    const skipping = await count(true);
    console.log(`[e2e] Tab presses to pass <ngo-map> on /demo/district.html: ${plain} tabbing through, ${skipping} with "skip the map"`);
    // The list is one stop; the filters, the add button, "show more" and the skip button are the others.
    assert.ok(skipping <= 15, `${skipping} presses with the skip button`);
    assert.ok(skipping < plain, `skip (${skipping}) beats tabbing through (${plain})`);
  });

  it('opens a consultation from the list, goes Back, and opens the same view from a copied link, in the host page and in /embed', async () => {
    for (const start of [stack.hostUrl('/consultations.html'), stack.url('/embed/consultations?lang=pl&district=12&sync-url')]) {
      const page = await stack.page();
      await page.goto(start);
      const widget = page.locator('ngo-consultation');
      const link = widget.locator('a[part="item"]').first();
      await link.waitFor({ timeout: 30_000 });
      const title = (await link.textContent())!.trim();
      const href = (await link.getAttribute('href'))!;
      assert.ok(new URL(href).searchParams.get('ngo-cons-id'), href);
      await link.click();
      await widget.locator('#title').waitFor();
      assert.equal((await widget.locator('#title').textContent())!.trim(), title);
      assert.equal(page.url(), href);
      await page.goBack();
      await widget.locator('a[part="item"]').first().waitFor();
      assert.equal(await widget.locator('#title').count(), 0);
      assert.equal((await focusNow(page)).el, 'a#item-0.link');
      // A unit's own link, copied and opened in a new page, shows that consultation with the unit focused.
      await widget.locator('a[part="item"]').first().click();
      const unitLink = widget.locator('a.permalink').nth(1);
      await unitLink.waitFor();
      const copied = (await unitLink.getAttribute('href'))!;
      const unit = new URL(copied).searchParams.get('ngo-cons-unit')!;
      const fresh = await stack.page();
      await fresh.goto(copied);
      const again = fresh.locator('ngo-consultation');
      await again.locator('#title').waitFor({ timeout: 30_000 });
      assert.equal((await again.locator('#title').textContent())!.trim(), title);
      await fresh.waitForFunction((id) => document.querySelector('ngo-consultation')?.shadowRoot?.activeElement?.getAttribute('data-unit') === id, unit);
      // The host page has no favicon; that 404 is the host's, not the widget's.
      const own = (errors: string[]) => errors.filter((e) => !e.includes('/favicon.ico'));
      assert.deepEqual(own(page.errors), []);
      assert.deepEqual(own(fresh.errors), []);
    }
  });

  it('keeps what was typed into the remark form and the map form through Escape, a reload and reopening; focus returns to the opener', async () => {
    const page = await stack.page();
    await stubTiles(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(stack.url('/demo/district.html'));

    // The map form: type, Escape asks, "close and keep", focus back on "Add your organisation".
    const map = page.locator('ngo-map');
    await map.locator('button.add').click();
    const name = map.locator('ngo-map-form #name');
    await name.waitFor({ timeout: 30_000 });
    await name.fill('Fundacja Szkic Testowy');
    await page.keyboard.press('Escape');
    const dialog = map.locator('dialog.ngo-discard');
    await dialog.waitFor();
    assert.equal((await focusNow(page)).el, 'button');
    await dialog.locator('[data-answer="keep"]').click();
    await map.locator('button.item').first().waitFor();
    assert.match((await focusNow(page)).el, /^button\.ngo-secondary\.add/);

    // The remark form: the same on the open consultation.
    const cons = page.locator('ngo-consultation');
    await cons.locator('a[part="item"]').first().click();
    await cons.locator('#comment-doc').click();
    const justification = cons.locator('#justification');
    await justification.waitFor({ timeout: 30_000 });
    await justification.fill('Proponujemy doprecyzować termin składania ofert.');
    await page.keyboard.press('Escape');
    await cons.locator('dialog.ngo-discard [data-answer="keep"]').click();
    await cons.locator('#comment-doc').waitFor();
    assert.equal((await focusNow(page)).el, 'button#comment-doc');

    await page.reload();
    await map.locator('button.add').click();
    await map.locator('ngo-map-form #name').waitFor({ timeout: 30_000 });
    assert.equal(await map.locator('ngo-map-form #name').inputValue(), 'Fundacja Szkic Testowy');
    assert.ok(await map.locator('ngo-map-form [part="draft"]').isVisible());
    await cons.locator('a[part="item"]').first().click();
    await cons.locator('#comment-doc').click();
    await cons.locator('#justification').waitFor({ timeout: 30_000 });
    assert.equal(await cons.locator('#justification').inputValue(), 'Proponujemy doprecyzować termin składania ofert.');
    // Nothing personal went to the browser's storage: names and e-mails stay in memory.
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ngo-draft:')).map((k) => localStorage.getItem(k)!).join('\n'));
    assert.doesNotMatch(stored, /contactEmail"\s*:\s*"[^"]/);
    assert.deepEqual(page.errors, []);
  });
});
