import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureBuild, WIDGETS_DIST } from '../../api/cli/build.js';
import { startStack, type Stack } from './harness.js';

/**
 * Subresource Integrity (issue 15, item 5): the build writes dist/widgets/sri.json with the sha384
 * of the loader and of every chunk, and a host page that pins them (the loader's `integrity`, an
 * import map's `integrity` for the chunks the loader imports) gets working widgets, while a page
 * whose pin does not match gets no widget at all.
 */
interface Sri { algorithm: string; version: string; files: Record<string, string>; importMap: Record<string, string> }

let sri: Sri;
let stack: Stack;

function hostPage(loaderIntegrity: string, importMap: Record<string, string>): string {
  const integrity = Object.fromEntries(Object.entries(importMap).map(([file, hash]) => [`{{API}}/widgets/${file}`, hash]));
  return `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>SRI</title>
<script type="importmap">${JSON.stringify({ integrity })}</script>
<script type="module" src="{{API}}/widgets/ngo-widgets.js" integrity="${loaderIntegrity}" crossorigin="anonymous"></script>
</head><body><main><ngo-consultation district="12"></ngo-consultation></main></body></html>`;
}

const jsFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'types' ? [] : jsFiles(join(dir, e.name))) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));

before(async () => {
  ensureBuild();
  sri = JSON.parse(readFileSync(join(WIDGETS_DIST, 'sri.json'), 'utf8')) as Sri;
  const loader = sri.files['ngo-widgets.js']!;
  stack = await startStack({
    hostPages: {
      '/pinned.html': hostPage(loader, sri.importMap),
      '/tampered.html': hostPage(`sha384-${createHash('sha384').update('another release').digest('base64')}`, sri.importMap),
      '/tampered-chunk.html': hostPage(loader, { ...sri.importMap, [`ngo-consultation.js?v=${sri.version}`]: `sha384-${createHash('sha384').update('another chunk').digest('base64')}` }),
    },
  });
});
after(() => stack?.close());

describe('sha384 SRI hashes of the build', () => {
  it('covers the loader and every chunk, each hash that of the file as served', () => {
    assert.equal(sri.algorithm, 'sha384');
    assert.match(sri.version, /^[0-9a-f]{10}$/);
    const files = jsFiles(WIDGETS_DIST).map((f) => relative(WIDGETS_DIST, f)).sort();
    assert.deepEqual(Object.keys(sri.files).sort(), files);
    for (const f of files) assert.equal(sri.files[f], `sha384-${createHash('sha384').update(readFileSync(join(WIDGETS_DIST, f))).digest('base64')}`, f);
    // Entries are imported as `<entry>?v=<version>`: the import map's keys say so.
    assert.ok(sri.importMap[`ngo-consultation.js?v=${sri.version}`]);
    assert.ok(!('ngo-widgets.js' in sri.importMap));
  });

  it('lets a host page that pins the release run the widget, and the served loader matches its hash', async () => {
    const served = Buffer.from(await (await fetch(stack.url('/widgets/ngo-widgets.js'))).arrayBuffer());
    assert.equal(`sha384-${createHash('sha384').update(served).digest('base64')}`, sri.files['ngo-widgets.js']);
    const page = await stack.page();
    await page.goto(stack.hostUrl('/pinned.html'));
    await page.waitForFunction(() => !!document.querySelector('ngo-consultation')?.shadowRoot?.querySelector('h2, h3, button'), undefined, { timeout: 30_000 });
    assert.deepEqual(page.errors.filter((e) => !e.includes('/favicon.ico')), []);
  });

  for (const [what, path] of [['the loader', '/tampered.html'], ["a chunk's import-map entry", '/tampered-chunk.html']]) {
    it(`runs no widget when the pinned hash of ${what} does not match`, async () => {
      const page = await stack.page();
      await page.goto(stack.hostUrl(path!));
      await page.waitForTimeout(2000);
      assert.equal(await page.evaluate(() => customElements.get('ngo-consultation') === undefined && !document.querySelector('ngo-consultation')?.shadowRoot), true);
      assert.ok(page.errors.some((e) => /integrity/i.test(e)), page.errors.join('\n'));
    });
  }
});
