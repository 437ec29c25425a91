import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { testConfig } from '../config.js';
import { testApp, type TestApp } from '../testing.js';
import type { AppEnv } from './context.js';
import { IMMUTABLE, SHORT, pickEncoding, safeJoin, staticRoutes } from './static.js';

/** The CSP source of the one inline script of a page: `sha256-…` of its text between the tags. */
function inlineScriptHash(html: string): string {
  const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
  expect(inline).toHaveLength(1);
  return `sha256-${createHash('sha256').update(inline[0]![1]!).digest('base64')}`;
}

let dir: string;
const BIG = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ id: i, name: `Fundacja ${i}` })))};\n`;
let app: Hono<AppEnv>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ngo-static-'));
  const widgets = join(dir, 'widgets');
  const demo = join(dir, 'demo');
  mkdirSync(join(widgets, 'chunks'), { recursive: true });
  mkdirSync(join(demo, 'sub'), { recursive: true });
  writeFileSync(join(widgets, 'ngo-widgets.js'), 'export const loader = 1;\n');
  writeFileSync(join(widgets, 'ngo-admin.js'), 'export const admin = 1;\n');
  writeFileSync(join(widgets, 'chunks', 'lit-Ab12Cd34.js'), 'export const lit = 1;\n');
  writeFileSync(join(widgets, 'chunks', 'lit-Ab12Cd34.js.map'), '{"version":3}');
  writeFileSync(join(widgets, 'chunks', 'core-D8B_c3-t.js'), 'export const core = 1;\n');
  writeFileSync(join(widgets, 'custom-elements.json'), '{"schemaVersion":"1"}');
  writeFileSync(join(widgets, 'ngo-big.js'), BIG);
  writeFileSync(join(widgets, '.secret'), 'hidden');
  writeFileSync(join(demo, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(demo, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
  writeFileSync(join(dir, 'outside.txt'), 'outside the root');
  app = new Hono<AppEnv>().route('/', staticRoutes(testConfig(), { widgetsDir: widgets, demoDir: demo }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('/widgets/*', () => {
  it('serves the loader short-cached, CORS-open, as JavaScript with an ETag', async () => {
    const res = await app.request('/widgets/ngo-widgets.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe(SHORT);
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(await res.text()).toBe('export const loader = 1;\n');
  });

  it('caches hashed chunks and their maps for a year', async () => {
    const js = await app.request('/widgets/chunks/lit-Ab12Cd34.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe(IMMUTABLE);
    const map = await app.request('/widgets/chunks/lit-Ab12Cd34.js.map');
    expect(map.status).toBe(200);
    expect(map.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(map.headers.get('cache-control')).toBe(IMMUTABLE);
    // Rollup's hashes are base64url and may contain - and _.
    expect((await app.request('/widgets/chunks/core-D8B_c3-t.js')).headers.get('cache-control')).toBe(IMMUTABLE);
  });

  it('caches an entry requested with ?v= for a year, and without it for five minutes', async () => {
    expect((await app.request('/widgets/ngo-admin.js?v=0.1.0')).headers.get('cache-control')).toBe(IMMUTABLE);
    expect((await app.request('/widgets/ngo-admin.js')).headers.get('cache-control')).toBe(SHORT);
  });

  it('serves JSON with its content type', async () => {
    const res = await app.request('/widgets/custom-elements.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await app.request('/widgets/ngo-widgets.js');
    const etag = first.headers.get('etag')!;
    const again = await app.request('/widgets/ngo-widgets.js', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    const other = await app.request('/widgets/ngo-widgets.js', { headers: { 'If-None-Match': '"stale"' } });
    expect(other.status).toBe(200);
  });

  it('sends Brotli, else gzip, as the client accepts, with one ETag per encoding', async () => {
    const br = await app.request('/widgets/ngo-big.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(brBody.length).toBeLessThan(BIG.length / 4);
    expect(brotliDecompressSync(brBody).toString()).toBe(BIG);
    const gz = await app.request('/widgets/ngo-big.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(BIG);
    const plain = await app.request('/widgets/ngo-big.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(BIG);
    const tags = new Set([br, gz, plain].map((r) => r.headers.get('etag')));
    expect(tags.size).toBe(3);
    // A validator of one representation does not match another.
    const cross = await app.request('/widgets/ngo-big.js', { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': br.headers.get('etag')! } });
    expect(cross.status).toBe(200);
    const same = await app.request('/widgets/ngo-big.js', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.get('etag')! } });
    expect(same.status).toBe(304);
    expect(same.headers.get('content-encoding')).toBe('br');
  });

  it('leaves tiny files, images and refused encodings as they are', () => {
    expect(pickEncoding('br', 'a.js', 100)).toBeNull();
    expect(pickEncoding('br, gzip', 'a.png', 100_000)).toBeNull();
    expect(pickEncoding('br;q=0, gzip', 'a.js', 100_000)).toBe('gzip');
    expect(pickEncoding('identity', 'a.js', 100_000)).toBeNull();
    expect(pickEncoding(undefined, 'a.css', 100_000)).toBeNull();
  });

  it('gives a 404 envelope for a missing file or a directory', async () => {
    for (const path of ['/widgets/nope.js', '/widgets/chunks', '/widgets/chunks/']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });

  it.each([
    '/widgets/../outside.txt',
    '/widgets/%2e%2e/outside.txt',
    '/widgets/..%2Foutside.txt',
    '/widgets/..%2foutside.txt',
    '/widgets/chunks/..%5C..%5Coutside.txt',
    '/widgets/%2e%2e%2f%2e%2e%2foutside.txt',
    '/widgets/.secret',
    '/widgets/ngo-widgets.js%00.png',
    '/widgets/%E0%A4%A',
    '/demo/..%2F..%2Foutside.txt',
    '/demo/%2e%2e/outside.txt',
  ])('never leaves its directory: %s', async (path) => {
    const res = await app.request(`http://localhost${path}`);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toContain('outside the root');
    expect(body).not.toContain('hidden');
  });
});

describe('safeJoin', () => {
  it('keeps plain nested paths and refuses escapes', () => {
    expect(safeJoin('/srv/w', 'chunks/a.js')).toBe('/srv/w/chunks/a.js');
    expect(safeJoin('/srv/w', 'a%20b.js')).toBe('/srv/w/a b.js');
    expect(safeJoin('/srv/w', '../w2/a.js')).toBeNull();
    expect(safeJoin('/srv/w', '%2e%2e/a.js')).toBeNull();
    expect(safeJoin('/srv/w', 'x%2F..%2F..%2Fetc')).toBeNull();
    expect(safeJoin('/srv/w', '')).toBeNull();
  });
});

describe('/demo and /', () => {
  it('redirects / and /demo to /demo/', async () => {
    const root = await app.request('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/demo/');
    const demo = await app.request('/demo');
    expect(demo.status).toBe(301);
    expect(demo.headers.get('location')).toBe('/demo/');
  });

  it('serves index.html for a directory and HTML pages by name', async () => {
    const index = await app.request('/demo/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>demo</title>');
    expect(await (await app.request('/demo/sub/')).text()).toContain('<title>sub</title>');
    expect((await app.request('/demo/index.html')).status).toBe(200);
    expect((await app.request('/demo/missing.html')).status).toBe(404);
  });

  it('forbids framing every demo page, the staff panel under any spelling of its path', async () => {
    writeFileSync(join(dir, 'demo', 'admin.html'), '<!doctype html><title>admin</title>');
    for (const path of ['/demo/admin.html', '/demo//admin.html', '/demo/%61dmin.html', '/demo/sub/../admin.html', '/demo/index.html', '/demo/']) {
      const res = await app.request(path);
      if (res.status === 200) expect(res.headers.get('content-security-policy'), path).toBe("frame-ancestors 'none'");
    }
    expect((await app.request('/demo/%61dmin.html')).status).toBe(200);
  });
});

describe('/embed/:slug', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('sqlite');
  });
  afterAll(() => t.close());

  it('serves the API reference (/docs) under a CSP that runs no script and forbids framing', async () => {
    const res = await t.app.request('/docs');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('renders the map with whitelisted, escaped attributes and the resize reporter', async () => {
    const res = await t.app.request('/embed/map?district=12&area=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&onload=alert(1)&no-filters&lang=uk');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toBe(`script-src 'self' '${inlineScriptHash(html)}'; worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors *`);
    expect(html).toContain('<html lang="uk">');
    expect(html).toContain('<script type="module" src="/widgets/ngo-widgets.js"></script>');
    expect(html).toContain('<ngo-map lang="uk" district="12" area="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" no-filters></ngo-map>');
    expect(html).not.toContain('onload');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('"ngo-embed-resize"');
    expect(html).toContain('ResizeObserver');
  });

  it('lets only its own scripts run on every embed page (script-src: this host and the resize reporter by hash)', async () => {
    for (const path of ['/embed/map', '/embed/consultations?lang=en', '/embed/events', '/embed/advice/status?token=x']) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      const csp = res.headers.get('content-security-policy') ?? '';
      const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
      // 'self' and exactly the one inline script's hash: no 'unsafe-inline', no other source.
      expect(scriptSrc, path).toBe(`script-src 'self' '${inlineScriptHash(html)}'`);
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("base-uri 'none'");
    }
  });

  it('falls back to Polish for an unknown lang', async () => {
    const html = await (await t.app.request('/embed/map?lang=xx')).text();
    expect(html).toContain('<html lang="pl">');
  });

  it('answers 404 in the error envelope for unknown or non-embeddable slugs', async () => {
    for (const slug of ['nope', 'admin', '__proto__', 'constructor']) {
      const res = await t.app.request(`/embed/${slug}`);
      expect(res.status, slug).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });

  it('limits framing to ALLOWED_ORIGINS when they are set', async () => {
    const restricted = await testApp('sqlite', { allowedOrigins: ['https://ngo.krakow.pl', 'https://dzielnica12.krakow.pl'] });
    try {
      const res = await restricted.app.request('/embed/map');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toMatch(/; frame-ancestors https:\/\/ngo\.krakow\.pl https:\/\/dzielnica12\.krakow\.pl$/);
    } finally {
      await restricted.close();
    }
  });

  it('is mounted in the whole app: / redirects, /widgets is CORS-open even when missing', async () => {
    expect((await t.app.request('/')).headers.get('location')).toBe('/demo/');
    const res = await t.app.request('/widgets/../../package.json');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('"devDependencies"');
  });
});
