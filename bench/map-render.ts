/**
 * Map render: `<ngo-map>` (server-side clusters, GET /v1/map/clusters per viewport) against a plain
 * Leaflet + leaflet.markercluster page that loads every entry as GeoJSON and clusters in the browser.
 *
 * For each N, a fresh SQLite file gets N generated organisations before its own server starts. Both
 * pages live on a second origin (a tiny static server here), run in headless Chromium at 1280×800
 * with tiles stubbed by a data: URL, and go through the same scripted pan/zoom sequence while
 * requestAnimationFrame deltas are collected. Every measurement runs RUNS times in a fresh browser
 * context (cold HTTP cache); the table shows medians.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { migrateToLatest, openDatabase } from '../api/db/database.js';
import { generateOrganisations, insertOrganisationsBulk } from '../api/map/map.generate.js';
import { spawnServer } from '../scripts/server-process.js';
import { CHROME_ARGS, CHROME_PATH } from '../tests/e2e/harness.js';
import type { BenchSection, Table } from './run.js';

const ROOT = resolve(import.meta.dirname, '..');
const SIZES = [10_000, 50_000];
const RUNS = 3;
const VIEWPORT = { width: 1280, height: 800 };
const TILE_STUB = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
/** Same extent and options as widgets/map/map.view.ts, so both maps start from the same view. */
const KRAKOW = [[49.97, 19.79], [50.13, 20.22]];
const LONG_FRAME_MS = 50;

type Impl = 'ours' | 'baseline';

interface Measurement {
  firstRender: number;
  /** responseEnd of the first /v1/map/clusters (ours) or of the GeoJSON export (baseline). */
  dataReady: number;
  markers: number;
  p50: number;
  p95: number;
  max: number;
  longFrames: number;
  sequence: number;
  /** Median over the steps of moveend → markers settled (including the two closing frames). */
  lag: number;
  longTaskMs: number;
  /** Ours only: the slowest MapView.render call (clear + rebuild every marker). */
  renderMax: number;
  heapMB: number;
  mapSize: { width: number; height: number };
}

const VENDOR: Record<string, string> = {
  '/vendor/leaflet/': join(ROOT, 'node_modules', 'leaflet', 'dist'),
  '/vendor/markercluster/': join(ROOT, 'node_modules', 'leaflet.markercluster', 'dist'),
};
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.map': 'application/json' };

function oursPage(api: string): string {
  return `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>ngo-map bench</title>
<style>body { margin: 0; font-family: sans-serif; }</style>
<script type="module" src="${api}/widgets/ngo-widgets.js"></script></head>
<body><ngo-map view="map" tiles="${TILE_STUB}" api-base="${api}"></ngo-map></body></html>`;
}

function baselinePage(api: string, size: { width: number; height: number }): string {
  return `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>leaflet.markercluster bench</title>
<link rel="stylesheet" href="/vendor/leaflet/leaflet.css">
<link rel="stylesheet" href="/vendor/markercluster/MarkerCluster.css">
<link rel="stylesheet" href="/vendor/markercluster/MarkerCluster.Default.css">
<style>body { margin: 0; font-family: sans-serif; } #map { width: ${size.width}px; height: ${size.height}px; }</style>
<script src="/vendor/leaflet/leaflet.js"></script>
<script src="/vendor/markercluster/leaflet.markercluster.js"></script></head>
<body><div id="map"></div>
<script>
  const extent = L.latLngBounds(${JSON.stringify(KRAKOW)});
  const map = L.map('map', { minZoom: 10, maxZoom: 18, maxBounds: extent.pad(0.3) });
  L.tileLayer(${JSON.stringify(TILE_STUB)}, { maxZoom: 19 }).addTo(map);
  map.fitBounds(extent);
  const group = L.markerClusterGroup();
  window.__bench = { map, group };
  fetch(${JSON.stringify(api + '/v1/map/organisations?format=geojson')})
    .then((r) => r.json())
    .then((geo) => {
      const markers = [];
      for (const f of geo.features) {
        if (!f.geometry) continue;
        const [lon, lat] = f.geometry.coordinates;
        markers.push(L.marker([lat, lon], { title: f.properties.name }));
      }
      group.addLayers(markers);
      map.addLayer(group);
    });
</script></body></html>`;
}

/** The bench's own origin (127.0.0.1, another port): host pages plus Leaflet's UMD builds and CSS. */
async function startHost(pages: () => Record<string, string>): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = pages()[path];
    if (html !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
      return;
    }
    const prefix = Object.keys(VENDOR).find((p) => path.startsWith(p));
    if (prefix) {
      const dir = VENDOR[prefix]!;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (file.startsWith(dir)) {
        try {
          const body = readFileSync(file);
          res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
          return;
        } catch {
          /* fall through to 404 */
        }
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Runs in the page before any of its scripts: notes the first frame that shows a marker. */
function watchFirstMarker() {
  const w = window as unknown as { __firstMarker: number | null; __markers: number };
  w.__firstMarker = null;
  w.__markers = 0;
  const icons = () => {
    const root = document.querySelector('ngo-map')?.shadowRoot ?? document;
    return root.querySelectorAll('.leaflet-marker-icon');
  };
  const poll = () => {
    const found = icons();
    if (found.length) {
      w.__firstMarker = performance.now();
      w.__markers = found.length;
    } else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/**
 * Runs in the page: 2× zoomIn, 10× panBy 200 px, then 2 cycles of (2× zoomIn, 2× zoomOut) and 2× zoomOut
 * back. Each step waits for moveend and then for the markers to settle: ours until the cluster
 * answer for that viewport has been rendered, the baseline until markercluster's zoom animation has ended;
 * then two more frames. rAF deltas are collected from start to end.
 */
async function scriptedSequence(impl: Impl) {
  type LMap = { once(ev: string, fn: () => void): void; panBy(p: [number, number]): void; zoomIn(): void; zoomOut(): void };
  const w = window as unknown as { __bench: { map: LMap; group: { _inZoomAnimation?: number } } };
  const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
  let map: LMap;
  let renders = 0;
  const renderMs: number[] = [];
  if (impl === 'ours') {
    const view = (document.querySelector('ngo-map') as unknown as { mapView: { map: LMap; render: (...a: unknown[]) => unknown } }).mapView;
    map = view.map;
    const render = view.render;
    view.render = function (this: unknown, ...args: unknown[]) {
      const t = performance.now();
      const r = render.apply(this, args);
      renderMs.push(performance.now() - t);
      renders++;
      return r;
    };
  } else map = w.__bench.map;

  let timeouts = 0;
  const settle = async (rendersBefore: number) => {
    const deadline = performance.now() + 10_000;
    if (impl === 'ours') while (renders === rendersBefore && performance.now() < deadline) await nextFrame();
    else while ((w.__bench.group._inZoomAnimation ?? 0) > 0 && performance.now() < deadline) await nextFrame();
    if (performance.now() >= deadline) timeouts++;
    await nextFrame();
    await nextFrame();
  };
  const step = async (action: () => void) => {
    const before = renders;
    const moved = new Promise<void>((r) => map.once('moveend', r));
    action();
    await moved;
    const t = performance.now();
    await settle(before);
    lags.push(performance.now() - t);
  };
  const lags: number[] = [];
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks += e.duration;
  });
  observer.observe({ type: 'longtask' });

  const frames: number[] = [];
  let last: number | null = null;
  let running = true;
  const tick = (t: number) => {
    if (last !== null) frames.push(t - last);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  await nextFrame();

  const t0 = performance.now();
  for (let i = 0; i < 2; i++) await step(() => map.zoomIn());
  const dirs: [number, number][] = [[200, 0], [0, 200], [-200, 0], [0, -200]];
  for (let i = 0; i < 10; i++) await step(() => map.panBy(dirs[i % 4]!));
  for (let c = 0; c < 2; c++) {
    for (let i = 0; i < 2; i++) await step(() => map.zoomIn());
    for (let i = 0; i < 2; i++) await step(() => map.zoomOut());
  }
  for (let i = 0; i < 2; i++) await step(() => map.zoomOut());
  const sequence = performance.now() - t0;
  running = false;
  for (const e of observer.takeRecords()) longTasks += e.duration;
  observer.disconnect();
  return { frames, sequence, timeouts, lags, longTasks, renderMs };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const median = (xs: number[]) => percentile(xs, 50);
const r1 = (n: number) => Math.round(n * 10) / 10;

async function measure(browser: Browser, url: string, impl: Impl, apiOrigin: string): Promise<Measurement> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pl-PL' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // tsx compiles with keepNames: functions handed to the page may call esbuild's `__name` helper.
    await page.addInitScript('window.__name = (f) => f;');
    await page.addInitScript(watchFirstMarker);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __firstMarker: number | null }).__firstMarker !== null, null, { timeout: 120_000, polling: 100 });
    // Let the list, the loader's lazy chunks and markercluster's first pass finish before moving.
    await page.waitForTimeout(1000);
    const first = await page.evaluate(
      ({ api, impl }) => {
        const w = window as unknown as { __firstMarker: number; __markers: number };
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const data = resources.find((r) => r.name.startsWith(api + (impl === 'ours' ? '/v1/map/clusters' : '/v1/map/organisations?format=geojson')));
        const mapEl = impl === 'ours' ? document.querySelector('ngo-map')?.shadowRoot?.querySelector('.map') : document.getElementById('map');
        const rect = mapEl?.getBoundingClientRect();
        return { firstRender: w.__firstMarker, markers: w.__markers, dataReady: data?.responseEnd ?? NaN, mapSize: { width: Math.round(rect?.width ?? 0), height: Math.round(rect?.height ?? 0) } };
      },
      { api: apiOrigin, impl },
    );
    const seq = await page.evaluate(scriptedSequence, impl);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    if (errors.length) console.warn(`[map render] ${impl}: page errors: ${errors.join('; ')}`);
    if (seq.timeouts) console.warn(`[map render] ${impl}: ${seq.timeouts} step(s) did not settle within 10 s`);
    return {
      ...first,
      p50: percentile(seq.frames, 50),
      p95: percentile(seq.frames, 95),
      max: Math.max(...seq.frames),
      longFrames: seq.frames.filter((f) => f > LONG_FRAME_MS).length,
      sequence: seq.sequence,
      lag: percentile(seq.lags, 50),
      longTaskMs: seq.longTasks,
      renderMax: seq.renderMs.length ? Math.max(...seq.renderMs) : NaN,
      heapMB: heap.usedSize / 1e6,
    };
  } finally {
    await context.close();
  }
}

/** A fresh SQLite file with `n` generated, published organisations (migrated before the server sees it). */
export async function seededDatabase(n: number): Promise<{ url: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ngo-bench-map-'));
  const url = `sqlite:${join(dir, 'bench.db')}`;
  const handle = openDatabase(url);
  try {
    await migrateToLatest(handle.db);
    await insertOrganisationsBulk(handle.db, generateOrganisations(n), 'bench');
  } finally {
    await handle.close();
  }
  return { url, dir };
}

export const mapRender: BenchSection = {
  name: 'map render',
  async run() {
    const started = Date.now();
    const pages: Record<string, string> = {};
    const host = await startHost(() => pages);
    const browser = await chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_ARGS });
    const rows: (string | number)[][] = [];
    const notes: string[] = [];
    try {
      for (const n of SIZES) {
        const t = Date.now();
        const db = await seededDatabase(n);
        const seedMs = Date.now() - t;
        const server = await spawnServer({ DATABASE_URL: db.url, SEED_DEMO: '0', LOG_LEVEL: 'warn' });
        try {
          // Warm the server: the first cluster request builds the supercluster index, the first export reads every row.
          const warm = Date.now();
          await (await fetch(`${server.origin}/v1/map/clusters?zoom=11&bbox=19.79,49.97,20.22,50.13`)).arrayBuffer();
          const clusterWarm = Date.now() - warm;
          const geoStart = Date.now();
          const geo = await (await fetch(`${server.origin}/v1/map/organisations?format=geojson`)).arrayBuffer();
          const geoMs = Date.now() - geoStart;
          notes.push(`N=${n}: seeding ${seedMs} ms; cold /v1/map/clusters ${clusterWarm} ms (index build); GeoJSON export ${(geo.byteLength / 1e6).toFixed(1)} MB, ${geoMs} ms server-side (uncompressed, as the baseline downloads it).`);

          pages['/ours.html'] = oursPage(server.origin);
          const results: Record<Impl, Measurement[]> = { ours: [], baseline: [] };
          for (let i = 0; i < RUNS; i++) {
            results.ours.push(await measure(browser, `${host.origin}/ours.html`, 'ours', server.origin));
            // Same map size as ours (the widget puts its list beside the map at 1280 px).
            pages['/baseline.html'] = baselinePage(server.origin, results.ours[0]!.mapSize);
            results.baseline.push(await measure(browser, `${host.origin}/baseline.html`, 'baseline', server.origin));
          }
          const med: Record<Impl, Record<string, number>> = { ours: {}, baseline: {} };
          for (const impl of ['ours', 'baseline'] as Impl[]) {
            const ms = results[impl];
            const m = (k: keyof Omit<Measurement, 'mapSize'>) => median(ms.map((x) => x[k]));
            med[impl] = { firstRender: m('firstRender'), dataReady: m('dataReady'), markers: m('markers'), p50: m('p50'), p95: m('p95'), max: m('max'), longFrames: m('longFrames'), sequence: m('sequence'), lag: m('lag'), longTaskMs: m('longTaskMs'), renderMax: m('renderMax'), heapMB: m('heapMB') };
            const x = med[impl];
            rows.push([impl === 'ours' ? '<ngo-map> (server clusters)' : 'Leaflet + markercluster', n, Math.round(x.firstRender!), Math.round(x.dataReady!), x.markers!, r1(x.p50!), r1(x.p95!), r1(x.max!), x.longFrames!, Math.round(x.sequence!), Math.round(x.lag!), Math.round(x.longTaskMs!), r1(x.heapMB!), '', '']);
          }
          const ratio = (k: string) => Math.round((med.baseline[k]! / med.ours[k]!) * 100) / 100;
          rows.push(['ratio baseline ÷ ours', n, '', '', '', '', '', '', '', '', '', '', '', ratio('firstRender'), ratio('p95')]);
          const size = results.ours[0]!.mapSize;
          notes.push(`N=${n}: map container ${size.width}×${size.height} px in both pages; runs (first render ms) ours ${results.ours.map((x) => Math.round(x.firstRender)).join('/')}, baseline ${results.baseline.map((x) => Math.round(x.firstRender)).join('/')}; slowest <ngo-map> render() call ${r1(med.ours.renderMax!)} ms.`);
        } finally {
          await server.stop();
          rmSync(db.dir, { recursive: true, force: true });
        }
      }
    } finally {
      await browser.close();
      await host.close();
    }
    return {
      title: `Map render in headless Chromium, ${VIEWPORT.width}×${VIEWPORT.height}, tiles stubbed; medians of ${RUNS} runs (ms unless noted)`,
      columns: ['implementation', 'N', 'first render', 'data ready', 'markers in DOM', 'p50 frame', 'p95 frame', 'max frame', `frames >${LONG_FRAME_MS}ms`, 'sequence', 'step lag p50', 'long tasks', 'heap MB', 'first render ×', 'p95 ×'],
      rows,
      notes: [
        'first render = navigation start → first frame with a .leaflet-marker-icon; data ready = responseEnd of the first /v1/map/clusters (ours) or of the GeoJSON export (baseline).',
        'sequence = 2× zoomIn, 10× panBy 200 px, 2× (2× zoomIn, 2× zoomOut), 2× zoomOut; each step waits for moveend and for the markers to re-render (ours: the cluster answer; baseline: markercluster animation end).',
        'step lag = moveend → markers settled, median over the 16 steps (ours: cluster request + render; baseline: markercluster animation), plus 2 frames; long tasks = summed PerformanceObserver longtask ms during the sequence.',
        'frames = requestAnimationFrame deltas over the sequence; heap = JS heap used after the sequence and a forced GC (CDP).',
        'ratio columns = baseline ÷ ours: above 1 means <ngo-map> is faster (first render) or smoother (p95 frame); lower is better for every ms column.',
        'Fresh browser context per run (cold HTTP cache), warm server (cluster index and rows already read once).',
        ...notes,
        `section took ${Math.round((Date.now() - started) / 1000)} s`,
      ],
    } satisfies Table;
  },
};
