import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startStack, type Stack } from './harness.js';

/**
 * A host page on another origin (127.0.0.1:<port> vs localhost:<port>) with hostile global CSS,
 * the loader pasted twice from two URLs, and two widgets in different languages.
 */
const HOST_PAGE = `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<title>Host page on another origin</title>
<style>
  * { box-sizing: content-box; font: 40px serif; color: rgb(120, 0, 0); }
  button { display: none; }
  input { all: unset; }
  h2 { text-transform: uppercase; }
</style>
<script type="module" src="{{API}}/widgets/ngo-widgets.js"></script>
</head>
<body>
<p id="host-text">Host content</p>
<h2 id="host-heading">Host heading</h2>
<section id="en"><ngo-consultation id="cons-en" lang="en"></ngo-consultation><ngo-map id="map-en" lang="en"></ngo-map></section>
<section id="uk" lang="uk"><ngo-consultation id="cons-uk"></ngo-consultation></section>
<section id="staff"><ngo-admin id="admin-en" lang="en"></ngo-admin></section>
<script type="module" src="{{API}}/widgets/ngo-widgets.js?v=second-copy"></script>
</body>
</html>`;

describe('widgets embedded from another origin', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ hostPages: { '/host.html': HOST_PAGE } });
  });
  after(() => stack?.close());

  it('runs on a different origin than the widget server', () => {
    assert.notEqual(new URL(stack.hostOrigin).origin, new URL(stack.origin).origin);
    assert.notEqual(new URL(stack.hostOrigin).hostname, new URL(stack.origin).hostname);
  });

  it('loads both widgets with two loader copies, each in its own language, without uncaught errors', async () => {
    const page = await stack.page();
    const widgetRequests: { url: string; status: number; acao: string | null }[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(`${stack.origin}/widgets/`)) widgetRequests.push({ url: r.url(), status: r.status(), acao: r.headers()['access-control-allow-origin'] ?? null });
    });
    await page.goto(stack.hostUrl('/host.html'));
    await page.waitForFunction(() => !!customElements.get('ngo-consultation'), null, { timeout: 15_000 });

    const en = page.locator('#cons-en');
    const uk = page.locator('#cons-uk');
    await en.getByRole('heading', { name: 'Consultations' }).waitFor();
    await uk.getByRole('heading', { name: 'Консультації' }).waitFor();
    // The staff panel is same-origin only (its routes carry no CORS): elsewhere it says it is misconfigured.
    await page.locator('#admin-en').getByRole('alert').filter({ hasText: 'not configured correctly' }).waitFor();

    // Both loader copies were fetched, every widget file came with CORS, and nothing threw.
    assert.ok(widgetRequests.some((r) => r.url.endsWith('/widgets/ngo-widgets.js')));
    assert.ok(widgetRequests.some((r) => r.url.endsWith('/widgets/ngo-widgets.js?v=second-copy')));
    assert.ok(widgetRequests.some((r) => /\/widgets\/ngo-consultation\.js/.test(r.url)), 'the consultation chunk was loaded');
    for (const r of widgetRequests) {
      assert.ok(r.status === 200 || r.status === 304, `${r.url} → ${r.status}`);
      assert.equal(r.acao, '*', r.url);
    }
    assert.deepEqual(page.errors.filter((e) => e.startsWith('uncaught')), []);
  });

  it('keeps hostile host CSS out of the widgets and widget CSS out of the host', async () => {
    const page = await stack.page();
    await page.goto(stack.hostUrl('/host.html'));
    const map = page.locator('#map-en');
    const submit = map.getByRole('button', { name: 'Add your organisation' });
    await submit.waitFor();

    // `button { display: none }` does not hide the widget's button, and it is a usable size.
    const box = await submit.boundingBox();
    assert.ok(box && box.width > 20 && box.height > 10, `submit button box ${JSON.stringify(box)}`);
    // `input { all: unset }` leaves the widget's inputs with a visible border.
    const border = await map.getByLabel('Search by name, address or KRS number').evaluate((el) => getComputedStyle(el).borderTopStyle);
    assert.notEqual(border, 'none');
    // `* { font: 40px serif }` reaches the host element but not the widget's text.
    const headingSize = await page.locator('#cons-en').getByRole('heading', { name: 'Consultations' }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(headingSize < 40, `widget heading font-size ${headingSize}px`);

    // The host's own elements keep the host's styles.
    const host = await page.evaluate(() => {
      const p = getComputedStyle(document.getElementById('host-text')!);
      const h = getComputedStyle(document.getElementById('host-heading')!);
      return { pSize: p.fontSize, pColor: p.color, pFamily: p.fontFamily, hTransform: h.textTransform };
    });
    assert.deepEqual(host, { pSize: '40px', pColor: 'rgb(120, 0, 0)', pFamily: 'serif', hTransform: 'uppercase' });
  });
});
