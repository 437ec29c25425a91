/**
 * `npm run bench`: prints one table per section and saves them all to bench/results/<timestamp>.json
 * and bench/results/latest.json. Benchmarks measure; they never fail a build.
 *
 * Adding things:
 * - an API route: one line in `API_ROUTES`;
 * - a widget entry and its budget: one line in `ENTRY_BUDGETS`;
 * - a whole section (e.g. "map render"): push a `BenchSection` onto `sections`; it gets the running
 *   server's origin and returns a table.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { ensureBuild, WIDGETS_DIST } from '../api/cli/build.js';
import { ADMIN_SECTIONS, WIDGETS } from '../common/modules.js';
import { spawnServer } from '../scripts/server-process.js';
import { mapRender } from './map-render.js';
import { readsAtScale } from './reads.js';
import { benchPort } from './browser.js';
import { pageWeight } from './page-weight.js';
import { peers } from './peers.js';
import { mixedLoad } from './mixed.js';
import { loadavg } from 'node:os';

export interface Table { title: string; columns: string[]; rows: (string | number)[][]; notes?: string[] }
/** `output`: what the bench's server printed so far (its start-up banner holds the demo staff logins). */
export interface BenchContext { origin: string; output?: () => string }
export interface BenchSection { name: string; run(ctx: BenchContext): Promise<Table> }

/** GET routes loaded with autocannon, 10 connections for ~5 s each. */
export const API_ROUTES: { name: string; path: string }[] = [
  { name: 'GET /healthz', path: '/healthz' },
  { name: 'GET /v1/openapi.json', path: '/v1/openapi.json' },
  { name: 'GET /v1/map/organisations?district=12', path: '/v1/map/organisations?district=12' },
  { name: 'GET /v1/map/organisations?q=fundacja', path: '/v1/map/organisations?q=fundacja' },
  { name: 'GET /v1/map/clusters?zoom=12', path: '/v1/map/clusters?zoom=12' },
  { name: 'GET /v1/map/taxonomy', path: '/v1/map/taxonomy' },
];

/** Budgets in kB (min+gzip) from DESIGN.md. A widget entry counts together with the chunks only it imports. */
const LOADER_BUDGET = 2.5;
const SHARED_BUDGET = 8;
export const ENTRY_BUDGETS: Record<string, number> = { 'ngo-admin.js': 12, 'ngo-map.js': 60, 'ngo-guide.js': 18.5 };
/** Chunks an entry always imports dynamically at start (Leaflet, for the map): they count in its total. */
export const ENTRY_STARTUP_CHUNKS: Record<string, RegExp[]> = { 'ngo-map.js': [/^chunks\/map\.view-/] };
/** The shared Lit chunk: Lit plus what every widget needs to render (rollup's manual chunk `core`). */
const LIT_CHUNK = /^chunks\/core-/;
const DEFAULT_ENTRY_BUDGET = 12;
/**
 * A staff-panel section's chunk (common/modules.ts) loads inside the panel, when a staff member
 * first opens the section: it counts on top of the panel, whose chunks are already there.
 */
const SECTION_BUDGET = 20;
const SECTION_CHUNKS = new Set<string>(Object.values(ADMIN_SECTIONS).map((s) => s.chunk));
const PANEL_ENTRY = WIDGETS['ngo-admin'].chunk;

const ROOT = resolve(import.meta.dirname, '..');
const kB = (bytes: number) => Math.round(bytes / 10) / 100;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Relative static imports (`import … from "./x.js"`, `import "./x.js"`, `export … from`) of a built module; dynamic `import()` is left out. */
export function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    found.add(resolve(dirname(file), m[1]!.replace(/\?.*$/, '')));
  }
  return [...found];
}

function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f) || !existsSync(f)) return;
    seen.add(f);
    staticImports(f).forEach(visit);
  };
  visit(entry);
  return seen;
}

function row(name: string, bytes: number, budget: number | null, files: string[]): (string | number)[] {
  const size = kB(bytes);
  return [name, size, budget ?? '-', budget === null ? 'info' : size <= budget ? 'PASS' : 'OVER', files.map((f) => relative(WIDGETS_DIST, f)).join(' ')];
}

export const bundleSizes: BenchSection = {
  name: 'bundle sizes',
  async run() {
    const loader = join(WIDGETS_DIST, 'ngo-widgets.js');
    const entries = readdirSync(WIDGETS_DIST).filter((f) => /^ngo-.*\.js$/.test(f) && f !== 'ngo-widgets.js').sort().map((f) => join(WIDGETS_DIST, f));
    const closures = new Map(entries.map((e) => [e, closure(e)]));
    const chunkFiles = readdirSync(join(WIDGETS_DIST, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => join(WIDGETS_DIST, 'chunks', f));
    const shared = chunkFiles.filter((f) => LIT_CHUNK.test(relative(WIDGETS_DIST, f)));
    const loaderFiles = [...closure(loader)];
    const rows = [
      row('loader (ngo-widgets.js)', loaderFiles.reduce((n, f) => n + gz(f), 0), LOADER_BUDGET, loaderFiles),
      row('shared Lit chunk', shared.reduce((n, f) => n + gz(f), 0), SHARED_BUDGET, shared),
    ];
    // A widget costs its own closure minus the Lit chunk (chunks it shares with another widget
    // count for each), plus the chunks it always loads at start.
    for (const [entry, files] of closures) {
      const name = relative(WIDGETS_DIST, entry);
      if (SECTION_CHUNKS.has(name)) {
        const panel = closures.get(join(WIDGETS_DIST, PANEL_ENTRY)) ?? new Set<string>();
        const own = [...files].filter((f) => !shared.includes(f) && !panel.has(f));
        rows.push(row(`${name} (staff section) on top of the panel`, own.reduce((n, f) => n + gz(f), 0), SECTION_BUDGET, own));
        continue;
      }
      const startup = chunkFiles.filter((f) => (ENTRY_STARTUP_CHUNKS[name] ?? []).some((re) => re.test(relative(WIDGETS_DIST, f))));
      for (const f of startup) for (const g of closure(f)) files.add(g);
      const own = [...files].filter((f) => !shared.includes(f));
      rows.push(row(`${name} on top of the Lit chunk`, own.reduce((n, f) => n + gz(f), 0), ENTRY_BUDGETS[name] ?? DEFAULT_ENTRY_BUDGET, own));
    }
    const counted = new Set([...loaderFiles, ...closures.values()].flatMap((s) => [...s]));
    const lazy = chunkFiles.filter((f) => !counted.has(f));
    for (const f of lazy) rows.push(row(`lazy ${relative(WIDGETS_DIST, f)}`, gz(f), null, [f]));
    return {
      title: 'Bundle sizes, minified + gzip -9 (kB = 1000 bytes)',
      columns: ['bundle', 'kB', 'budget kB', 'status', 'files'],
      rows,
      notes: ['"lazy" chunks load on demand (e.g. one locale per page); they are listed, not budgeted.'],
    };
  },
};

export const apiThroughput: BenchSection = {
  name: 'API throughput',
  async run({ origin }) {
    const rows: (string | number)[][] = [];
    for (const route of API_ROUTES) {
      await autocannon({ url: origin + route.path, connections: 10, duration: 1 }); // warm-up
      const r = await autocannon({ url: origin + route.path, connections: 10, duration: 5 });
      rows.push([route.name, r.latency.p50, r.latency.p99, Math.round(r.requests.average), r.requests.total, r.non2xx + r.errors + r.timeouts]);
    }
    // DESIGN.md's bar: p99 ≤ 25 ms at 1,000 req/s of mixed traffic. A fixed rate over every route in turn.
    const mixed = await autocannon({ url: origin, connections: 20, duration: 10, overallRate: 1000, requests: API_ROUTES.filter((r) => !r.path.includes('openapi')).map((r) => ({ method: 'GET', path: r.path })) });
    rows.push(['mixed, fixed 1,000 req/s', mixed.latency.p50, mixed.latency.p99, Math.round(mixed.requests.average), mixed.requests.total, mixed.non2xx + mixed.errors + mixed.timeouts]);
    return {
      title: 'API on SQLite, autocannon 10 connections × 5 s per route, then mixed traffic at a fixed rate (server and load generator share the machine)',
      columns: ['route', 'p50 ms', 'p99 ms', 'req/s', 'requests', 'errors/non-2xx'],
      rows,
    };
  },
};

/** Every section, in order. */
export const sections: BenchSection[] = [bundleSizes, pageWeight, peers, apiThroughput, mixedLoad, mapRender, readsAtScale];

export function formatTable(t: Table): string {
  const cells = [t.columns, ...t.rows].map((r) => r.map(String));
  const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (typeof t.rows[0]?.[i] === 'number' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [t.title, line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line), ...(t.notes ?? []).map((n) => `  ${n}`)].join('\n');
}

async function main() {
  ensureBuild();
  // The machine is shared: the load average goes into the results, so figures can be read against it.
  const loadBefore = loadavg();
  const port = benchPort(0);
  const server = await spawnServer({ SEED_DEMO: '1', LOG_LEVEL: 'warn', ...(port ? { PORT: String(port) } : {}) }, 180_000);
  const tables: Table[] = [];
  try {
    // `--only map` runs just the sections whose name contains "map";
    const only = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '').toLowerCase() : '';
    // `--only "page,peers"`: several, comma-separated.
    const wanted = only.split(',').map((w) => w.trim()).filter(Boolean);
    for (const section of sections.filter((s) => !wanted.length || wanted.some((w) => s.name.toLowerCase().includes(w)))) {
      // A section that fails (a busy machine resets a connection) is reported as such; the others still run and are saved.
      const t = await section.run({ origin: server.origin, output: () => server.output() }).catch((err: Error): Table => {
        process.exitCode = 1;
        return { title: `${section.name}: FAILED, not measured`, columns: ['error'], rows: [[String(err.stack ?? err).split('\n').slice(0, 3).join(' ')]] };
      });
      tables.push(t);
      console.log('\n' + formatTable(t));
    }
  } finally {
    await server.stop();
  }
  const at = new Date().toISOString();
  const loadAfter = loadavg();
  const result = { at, node: process.version, platform: `${process.platform} ${process.arch}`, loadAverage: { before: loadBefore, after: loadAfter }, tables };
  console.log(`\nLoad average (1, 5, 15 min): before ${loadBefore.map((l) => l.toFixed(2)).join(', ')}; after ${loadAfter.map((l) => l.toFixed(2)).join(', ')}`);
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`\nSaved ${relative(ROOT, file)} and bench/results/latest.json`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
