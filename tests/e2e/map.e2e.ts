import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, startStack, type Stack } from './harness.js';

const BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

/** A host site on another origin: hostile CSS, the loader twice, an English and a Ukrainian map. */
const HOST_PAGE = `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<title>NGO site on another origin</title>
<style>
  * { box-sizing: content-box; font: 40px serif; color: rgb(120, 0, 0); }
  button { display: none; }
  input { all: unset; }
  select { display: none; }
</style>
<script type="module" src="{{API}}/widgets/ngo-widgets.js"></script>
</head>
<body>
<ngo-map id="map-en" lang="en" district="12" tiles="${BLANK_TILE}"></ngo-map>
<section lang="uk"><ngo-map id="map-uk" area="kultura" tiles="${BLANK_TILE}"></ngo-map></section>
<script type="module" src="{{API}}/widgets/ngo-widgets.js?v=copy-2"></script>
</body>
</html>`;

async function tabUntil(page: Page, probe: () => boolean, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(probe)) return;
  }
  throw new Error('focus never reached the target');
}

describe('<ngo-map> end to end', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ hostPages: { '/host.html': HOST_PAGE } });
  });
  after(() => stack?.close());

  it('works embedded on another origin: cross-origin API calls, two languages, hostile CSS', async () => {
    const page = await stack.page();
    const apiCalls: { url: string; status: number; acao: string | null }[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(`${stack.origin}/v1/`)) apiCalls.push({ url: r.url(), status: r.status(), acao: r.headers()['access-control-allow-origin'] ?? null });
    });
    await page.goto(stack.hostUrl('/host.html'));
    const en = page.locator('#map-en');
    const uk = page.locator('#map-uk');
    await en.getByText(/\d+ organisations? found\./).waitFor({ timeout: 20_000 });
    await uk.getByText(/Знайдено \d+ організаці/).waitFor({ timeout: 20_000 });
    assert.ok((await en.locator('button.item').count()) > 0);
    assert.ok((await uk.locator('button.item').count()) > 0);

    // The district preset reached the API, and every API answer allowed the host origin.
    assert.ok(apiCalls.some((c) => c.url.includes('/v1/map/organisations?') && c.url.includes('district=12')));
    for (const c of apiCalls) {
      assert.ok(c.status === 200 || c.status === 304, `${c.url} → ${c.status}`);
      assert.equal(c.acao, '*', c.url);
    }

    // Hostile CSS: buttons, selects and inputs are still visible and usable, at a normal size.
    const add = en.getByRole('button', { name: 'Add your organisation' });
    const box = await add.boundingBox();
    assert.ok(box && box.width > 40 && box.height > 20, JSON.stringify(box));
    assert.ok(await en.getByLabel('District').isVisible());
    const fontSize = await en.getByLabel('Search by name, address or KRS number').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(fontSize < 30, `input font ${fontSize}px`);

    // Typing a search filters through the API.
    await uk.getByLabel('Пошук за назвою, адресою або номером KRS').fill('fundacja');
    await page.waitForFunction(() => {
      const names = [...(document.querySelector('#map-uk')?.shadowRoot?.querySelectorAll('button.item .name') ?? [])];
      return names.length > 0 && names.every((n) => n.textContent!.startsWith('Fundacja'));
    });
    assert.deepEqual(page.errors.filter((e) => e.startsWith('uncaught')), []);
  });

  it('is usable by keyboard alone: filter, reach an entry, open its details, close them and come back', async () => {
    const page = await stack.page();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(stack.url('/demo/district.html'));
    const map = page.locator('ngo-map');
    await map.getByText(/Znaleziono \d+ organizacj/).waitFor({ timeout: 20_000 });

    await tabUntil(page, () => (document.querySelector('ngo-map')?.shadowRoot?.activeElement as HTMLElement | null)?.id === 'ngo-q');
    await page.keyboard.type('fundacja');
    await map.getByText(/Znaleziono \d+ organizacj/).waitFor();
    await page.waitForFunction(() => {
      const items = [...(document.querySelector('ngo-map')?.shadowRoot?.querySelectorAll('button.item .name') ?? [])];
      return items.length > 0 && items.every((n) => n.textContent!.startsWith('Fundacja'));
    });
    await tabUntil(page, () => (document.querySelector('ngo-map')?.shadowRoot?.activeElement as HTMLElement | null)?.classList.contains('item') ?? false);
    const itemName = await page.evaluate(() => (document.querySelector('ngo-map')!.shadowRoot!.activeElement as HTMLElement).querySelector('.name')!.textContent);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('ngo-map')?.shadowRoot?.activeElement?.id === 'ngo-details-heading');
    assert.equal(await map.locator('#ngo-details-heading').textContent(), itemName);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('ngo-map')?.shadowRoot?.querySelector('.details'));
    const back = await page.evaluate(() => (document.querySelector('ngo-map')!.shadowRoot!.activeElement as HTMLElement | null)?.querySelector('.name')?.textContent);
    assert.equal(back, itemName);
  });

  for (const lang of ['pl', 'en', 'uk']) {
    for (const width of [360, 1280]) {
      it(`has no axe violations in ${lang} at ${width} px`, async () => {
        const page = await stack.page();
        await page.setViewportSize({ width, height: 900 });
        await page.goto(stack.url(`/embed/map?lang=${lang}&tiles=${encodeURIComponent(BLANK_TILE)}`));
        await page.locator('ngo-map button.item').first().waitFor({ timeout: 20_000 });
        assert.deepEqual(await axeViolations(page), []);
      });
    }
  }
});
