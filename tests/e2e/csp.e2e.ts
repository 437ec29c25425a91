import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { startStack, type HostPages, type Stack } from './harness.js';

/**
 * Host pages on another origin with a strict Content-Security-Policy, as a city or NGO site may
 * send: the widgets must work there without a single CSP violation (no blob: or data: worker, no
 * inline script, no script or connection to a third party). Each page records every
 * `securitypolicyviolation` event from the first moment (an init script, which CSP does not govern).
 */

/** The policy of issue 9: scripts and workers from the widget host only. Nothing else is restricted. */
const MINIMAL = 'script-src {{API}}; worker-src {{API}}';
/**
 * The README's full policy for a host that restricts everything (`default-src 'none'`): what the
 * script embed, the map's tiles and the iframe form need, and no more. `data:` in img-src: Leaflet
 * blanks a tile it drops with a data: GIF. No style-src: the widgets' styles are constructed
 * stylesheets, which CSP does not govern.
 */
const FULL = "default-src 'none'; script-src {{API}}; connect-src {{API}}; worker-src {{API}}; img-src https://tile.openstreetmap.org data:; frame-src {{API}}; base-uri 'none'; form-action 'none'";

const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const page = (csp: string, body: string): HostPages[string] => ({
  headers: { 'Content-Security-Policy': csp },
  body: `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<title>Strona z restrykcyjną polityką CSP</title>
<script type="module" src="{{API}}/widgets/ngo-widgets.js"></script>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`,
});

interface Violation { directive: string; blocked: string; source: string }

describe('widgets on a host page with a strict Content-Security-Policy', () => {
  let stack: Stack;
  let consultation: string;
  const pages: HostPages = {};
  const workerRequests: string[] = [];

  before(async () => {
    stack = await startStack({ hostPages: pages });
    const list = (await (await fetch(stack.url('/v1/consultations?status=open'))).json()) as { items: { id: string }[] };
    consultation = list.items[0]!.id;
    const widgets = `<ngo-consultation consultation="${consultation}"></ngo-consultation>\n<ngo-map district="12"></ngo-map>`;
    pages['/minimal.html'] = page(MINIMAL, widgets);
    pages['/full.html'] = page(FULL, widgets);
    pages['/iframe.html'] = page(FULL, `<iframe title="Konsultacje" src="{{API}}/embed/consultations?lang=pl&amp;consultation=${consultation}" width="800" height="900"></iframe>`);
  });
  after(() => stack?.close());

  /** A page that records CSP violations (and console reports of them), with the map's tiles served locally. */
  async function open(path: string): Promise<Page & { errors: string[]; violations(): Promise<Violation[]> }> {
    const p = await stack.page();
    await p.addInitScript(() => {
      const list: { directive: string; blocked: string; source: string }[] = [];
      (window as unknown as { __violations: typeof list }).__violations = list;
      addEventListener('securitypolicyviolation', (e) => list.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile }), true);
      // The heights an embed page reports: its inline resize script ran under the page's own policy.
      const heights: number[] = [];
      (window as unknown as { __heights: number[] }).__heights = heights;
      addEventListener('message', (e) => {
        if ((e.data as { type?: string } | null)?.type === 'ngo-embed-resize') heights.push((e.data as { height: number }).height);
      });
    });
    // Map tiles are the one third party: served here, under the URL the host's img-src allows.
    await p.route('https://tile.openstreetmap.org/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: TILE }));
    p.on('request', (r) => {
      if (/pow-worker|pow\.worker/.test(r.url()) || r.url().startsWith('blob:')) workerRequests.push(`${path}: ${r.url()}`);
    });
    p.on('worker', (w) => workerRequests.push(`${path}: worker ${w.url()}`));
    await p.goto(stack.hostUrl(path));
    return Object.assign(p, {
      violations: () => p.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations),
    });
  }

  const refused = (p: { errors: string[] }) => p.errors.filter((e) => /Content Security Policy|Refused to/i.test(e));

  async function sendRemark(p: Page | Frame, name: string) {
    const widget = p.locator('ngo-consultation');
    await widget.getByRole('button', { name: 'Skomentuj' }).first().click({ timeout: 20_000 });
    const started = Date.now();
    await widget.getByLabel('Proponowany zapis', { exact: false }).fill('Przyjmuje się program współpracy na lata 2027–2028.');
    await widget.getByLabel('Uzasadnienie', { exact: false }).fill('Program dwuletni daje organizacjom stabilność planowania.');
    await widget.getByRole('radio', { name: /organizacj/i }).first().check();
    await widget.getByLabel('Nazwa organizacji', { exact: false }).fill(name);
    await widget.getByLabel('Imię i nazwisko', { exact: false }).fill('Ewa Bezpieczna');
    await widget.getByLabel('E-mail', { exact: false }).fill('ewa.bezpieczna@example.org');
    await widget.getByRole('checkbox', { name: /klauzulą informacyjną/ }).check();
    // The server refuses forms sent sooner than 3 s after the proof-of-work challenge.
    await p.waitForTimeout(Math.max(0, 3500 - (Date.now() - started)));
    await widget.getByRole('button', { name: 'Wyślij uwagę' }).click();
    await widget.getByText(/Wysłaliśmy wiadomość na adres ewa\.bezpieczna@example\.org/).waitFor({ timeout: 30_000 });
  }

  async function useMapAndItsForm(p: Page) {
    const map = p.locator('ngo-map');
    await map.scrollIntoViewIfNeeded();
    await map.getByText(/Znaleziono \d+ organizacj/).waitFor({ timeout: 20_000 });
    await map.locator('button.item').first().click();
    await map.getByRole('button', { name: /Zamknij/ }).first().click();
    await map.getByRole('button', { name: 'Dodaj swoją organizację' }).click();
    const form = p.locator('ngo-map-form');
    await form.getByRole('heading', { name: 'Dodaj swoją organizację' }).waitFor();
    const started = Date.now();
    await form.getByLabel('Nazwa', { exact: false }).first().fill(`Stowarzyszenie Ścisłej Polityki ${Date.now() % 100000}`);
    await form.getByLabel('Forma prawna', { exact: false }).selectOption('stowarzyszenie');
    await form.locator('summary', { hasText: 'Edukacja, kultura i sport' }).click();
    await form.getByLabel('Kultura, sztuka, ochrona dóbr kultury').check();
    await form.getByLabel('XII. Bieżanów-Prokocim').check();
    await form.getByLabel('Twoje imię i nazwisko', { exact: false }).fill('Adam Polityczny');
    await form.getByLabel('Twój adres e-mail', { exact: false }).fill('adam.polityczny@example.org');
    await form.getByRole('checkbox', { name: /Wyrażam zgodę/ }).check();
    await p.waitForTimeout(Math.max(0, 3500 - (Date.now() - started)));
    await form.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    await form.getByText('Sprawdź swoją skrzynkę e-mail').waitFor({ timeout: 30_000 });
    // Tiles were drawn under the host's img-src.
    assert.ok((await map.locator('img.leaflet-tile').count()) > 0, 'the map shows tiles');
  }

  it(`"${MINIMAL}": a remark, the map and the map form, with zero violations and no worker`, async () => {
    const p = await open('/minimal.html');
    await sendRemark(p, 'Fundacja Minimalnej Polityki');
    await useMapAndItsForm(p);
    assert.deepEqual(await p.violations(), []);
    assert.deepEqual(refused(p), []);
    // Another origin than the widget host: the proof of work ran on the main thread, in slices.
    assert.deepEqual(workerRequests.filter((r) => r.startsWith('/minimal.html')), []);
    assert.deepEqual(p.errors.filter((e) => e.startsWith('uncaught')), []);

    // The listener does see violations: the blob: worker the widgets used to start is one.
    await p.evaluate(() => {
      try {
        new Worker(URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }))).terminate();
      } catch {
        // Refused, as expected.
      }
    });
    await p.waitForFunction(() => (window as unknown as { __violations: unknown[] }).__violations.length > 0);
    assert.deepEqual((await p.violations()).map((v) => [v.directive, v.blocked]), [['worker-src', 'blob']]);
  });

  it(`"default-src 'none'" with the README's directives: a remark, the map and the map form, with zero violations`, async () => {
    const p = await open('/full.html');
    await sendRemark(p, 'Stowarzyszenie Pełnej Polityki');
    await useMapAndItsForm(p);
    assert.deepEqual(await p.violations(), []);
    assert.deepEqual(refused(p), []);
    assert.deepEqual(p.errors.filter((e) => e.startsWith('uncaught')), []);
  });

  it('the iframe form under the same policy: a remark sent with the worker of the widget host, zero violations', async () => {
    const p = await open('/iframe.html');
    const frame = p.frameLocator('iframe');
    await frame.locator('ngo-consultation').getByRole('button', { name: 'Skomentuj' }).first().waitFor({ timeout: 20_000 });
    const inner = p.frames().find((f) => f.url().startsWith(stack.origin))!;
    await inner.evaluate(() => {
      const list: unknown[] = [];
      (window as unknown as { __violations: unknown[] }).__violations = list;
      addEventListener('securitypolicyviolation', (e) => list.push(e.effectiveDirective), true);
    });
    // The embed page's own policy lets its scripts run (the loader and the resize reporter, by hash) and no other.
    const policy = (await (await fetch(stack.url(`/embed/consultations?lang=pl&consultation=${consultation}`))).headers.get('content-security-policy')) ?? '';
    assert.match(policy, /^script-src 'self' 'sha256-[\w+/=]+'; worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors /);
    await p.waitForFunction(() => (window as unknown as { __heights: number[] }).__heights.some((h) => h > 100));
    await sendRemark(inner, 'Fundacja Ramki');
    assert.deepEqual(await p.violations(), []);
    assert.deepEqual(await inner.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations), []);
    assert.deepEqual(refused(p), []);
    // The iframe is of the widget host's origin, so the proof of work ran in its worker, loaded as a file.
    const iframeWorkers = workerRequests.filter((r) => r.startsWith('/iframe.html'));
    assert.ok(iframeWorkers.some((r) => /\/widgets\/chunks\/pow-worker-[\w-]+\.js$/.test(r)), iframeWorkers.join('\n'));
    assert.ok(!iframeWorkers.some((r) => r.includes('blob:')), iframeWorkers.join('\n'));
  });
});
