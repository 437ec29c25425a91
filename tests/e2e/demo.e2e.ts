import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { axeViolations, startStack, type Stack } from './harness.js';

const BLANK_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Demo pages checked with axe; the lead adds pages here as widgets arrive. */
const AXE_PAGES = ['/demo/', '/demo/admin.html', '/demo/district.html', '/demo/ngo.html', '/demo/embed.html'];

describe('demo site on the real server', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack?.close());

  it('answers /healthz with 200', async () => {
    const res = await fetch(stack.url('/healthz'));
    assert.equal(res.status, 200);
    const body = (await res.json()) as { status: string; reads: { saturated: boolean; queued: number } };
    assert.equal(body.status, 'ok');
    // It reports the public reads' back-pressure too (api/core/reads.ts); an idle server is not saturated.
    assert.equal(body.reads.saturated, false);
    assert.equal(body.reads.queued, 0);
  });

  it('serves an OpenAPI 3.1 document that validates', async () => {
    const res = await fetch(stack.url('/v1/openapi.json'));
    assert.equal(res.status, 200);
    const doc = await res.json();
    assert.equal(doc.openapi, '3.1.0');
    const result = await new Validator().validate(doc);
    assert.deepEqual(result.errors ?? [], []);
    assert.equal(result.valid, true);
  });

  it('serves the loader to other origins with CORS and a short cache', async () => {
    const res = await fetch(stack.url('/widgets/ngo-widgets.js'), { headers: { Origin: 'https://example.org' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
  });

  it('renders the demo index with every widget live beside its snippet, in the language picked, and no console errors', async () => {
    const page = await stack.page();
    // Map tiles are the one third party: a blank tile stands in for them.
    await page.route('https://tile.openstreetmap.org/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: BLANK_PNG }));
    const res = await page.goto(stack.url('/'));
    assert.equal(res?.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/demo/');
    assert.equal(await page.getAttribute('html', 'lang'), 'pl');
    assert.equal(await page.locator('h1').textContent(), 'Widżety dla stron Krakowa i organizacji pozarządowych');
    for (const tag of ['ngo-map', 'ngo-admin']) assert.equal(await page.locator(`section[data-tag="${tag}"]`).count(), 1, tag);
    // demo.js put this server's origin into the snippets.
    const loaderSnippet = await page.locator('#snippet-loader').textContent();
    assert.equal(loaderSnippet, `<script type="module" src="${stack.origin}/widgets/ngo-widgets.js"></script>`);
    // The live widgets work on the demo data: the district XII map, its consultations, the staff sign-in.
    const live = (id: string) => page.locator(`[data-live-for="${id}"]`);
    await live('snippet-map').locator('ngo-map').getByText(/Znaleziono \d+ organizacj/).waitFor({ timeout: 20_000 });
    await live('snippet-consultation').locator('ngo-consultation').getByText('Znaleziono 3 konsultacje.').waitFor({ timeout: 20_000 });
    await live('snippet-admin').locator('ngo-admin').getByRole('heading', { name: 'Logowanie do panelu pracowników' }).waitFor({ timeout: 20_000 });
    // Ukrainian picked: every live widget switches, and the address says so.
    await page.getByRole('radio', { name: 'українська' }).check();
    await live('snippet-map').locator('ngo-map').getByText(/Знайдено \d+ організаці/).waitFor({ timeout: 20_000 });
    await live('snippet-consultation').locator('ngo-consultation').getByText(/Знайдено 3 консультаці/).waitFor({ timeout: 20_000 });
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'uk');
    await page.waitForLoadState('networkidle');
    // The staff panel asks whether someone is signed in; nobody is, and Chromium logs that 401. Nothing else.
    const signedOut = /^console: Failed to load resource: the server responded with a status of 401 \(Unauthorized\) \(http:\/\/[^/]+\/v1\/admin\/session\)$/;
    assert.deepEqual(page.errors.filter((e) => !signedOut.test(e)), []);
  });

  it('makes the iframe form report its height to the host page as it changes', async () => {
    const page = await stack.page();
    await page.goto(stack.url('/demo/embed.html'));
    const frame = page.locator('#ngo-frame');
    await frame.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.getElementById('ngo-frame')?.dataset.resized !== undefined, null, { timeout: 15_000 });
    // The embed page is same-origin here, so the test can grow its content and watch the host follow.
    const inner = await frame.elementHandle().then((h) => h!.contentFrame());
    assert.ok(inner);
    await inner.evaluate(() => {
      const block = document.createElement('div');
      block.style.height = '640px';
      document.body.append(block);
    });
    await page.waitForFunction(() => Number(document.getElementById('ngo-frame')?.dataset.resized) >= 640, null, { timeout: 10_000 });
    // The widget in the frame may still be rendering (its height changes again): the host must settle on the
    // content's height as it is then, read at the same moment as the frame's.
    const settled = await page.waitForFunction(
      () => {
        const el = document.getElementById('ngo-frame') as HTMLIFrameElement | null;
        const content = el?.contentDocument?.documentElement;
        if (!el || !content) return false;
        const h = Math.ceil(content.getBoundingClientRect().height);
        return el.style.height === `${h}px` && el.dataset.resized === String(h) && h;
      },
      null,
      { timeout: 10_000 },
    );
    assert.ok(Number(await settled.jsonValue()) >= 640);
  });

  for (const path of AXE_PAGES) {
    it(`has no axe violations (WCAG 2.1 AA) on ${path}`, async () => {
      const page = await stack.page();
      await page.goto(stack.url(path));
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await axeViolations(page), []);
    });
  }
});
