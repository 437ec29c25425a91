/**
 * The API at city scale under paced mixed traffic: 50,000 generated organisations plus the demo
 * data of every module, on SQLite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL,
 * with the body cache on and off (READ_BODY_CACHE). 90 % reads over the public read routes of every
 * module (repeated URLs and never-seen map searches), 10 % anonymous writes (map submissions,
 * consultation remarks, guide feedback) that really pass the anti-abuse kit: each carries a proof
 * of work solved against a challenge the server issued (the bench lowers its cost with
 * POW_MAX_NUMBER, and keeps the minimum fill time: challenges are fetched before the run starts)
 * and comes from its own client address (X-Forwarded-For behind TRUST_PROXY, so the per-address
 * write limits apply as they do to residents). The generator is the evenly paced open loop of
 * bench/load.ts. Every class's p50 is also given as a ratio to the trivial GET (/healthz, one
 * `select 1`) of the same process in the same run.
 *
 * Default: 500 and 1,000 req/s for 5 s each (the whole section takes a few minutes on a shared
 * machine); BENCH_LONG=1: 500, 1,000 and 2,000 req/s for 30 s each.
 */
import { rmSync } from 'node:fs';
import { solve } from '../api/core/abuse.testing.js';
import { organisationInput } from '../api/map/map.testing.js';
import type { AltchaChallenge } from '../common/abuse.js';
import { spawnServer } from '../scripts/server-process.js';
import { benchPort } from './browser.js';
import { openLoop, type ClassResult, type LoadRequest } from './load.js';
import { seededDatabase } from './map-render.js';
import { postgresDatabase, uncachedUrls } from './reads.js';
import type { BenchSection, Table } from './run.js';

const LONG = process.env.BENCH_LONG === '1';
const ORGS = Number(process.env.BENCH_MIXED_ORGS ?? 50_000);
const RATES = (process.env.BENCH_MIXED_RATES ?? (LONG ? '100,500,1000,2000' : '100,500,1000')).split(',').map(Number);
const SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? (LONG ? 30 : 5));
const WRITE_SHARE = 0.1;
/** The proof of work's cost for the bench (production default 50,000). */
const POW_MAX_NUMBER = '1000';

interface Ids { consultation: string; openConsultation: string | null; event: string; article: string; organisations: string[] }

/** A GET the bench needs before it measures (ids, challenges): a reset connection of a busy server is tried again, twice. */
async function get<T>(origin: string, path: string, attempt = 1): Promise<T> {
  let res: Response;
  try {
    res = await fetch(origin + path);
  } catch (err) {
    if (attempt >= 3) throw err;
    await new Promise((r) => setTimeout(r, 250 * attempt));
    return get<T>(origin, path, attempt + 1);
  }
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
  return (await res.json()) as T;
}

async function discover(origin: string): Promise<Ids> {
  const consultations = await get<{ items: { id: string; status: string }[] }>(origin, '/v1/consultations');
  const events = await get<{ items: { id: string }[] }>(origin, '/v1/events');
  const tree = await get<{ chapters: { articles: { slug: string }[] }[] }>(origin, '/v1/guide/tree');
  const orgs = await get<{ items: { id: string }[] }>(origin, '/v1/map/organisations?pageSize=50');
  return {
    consultation: consultations.items[0]!.id,
    openConsultation: consultations.items.find((c) => c.status === 'open')?.id ?? null,
    event: events.items[0]!.id,
    article: tree.chapters.flatMap((c) => c.articles)[0]!.slug,
    organisations: orgs.items.map((o) => o.id),
  };
}

/** The read mix: [class, weight, URLs to cycle through (or a generator of new ones)]. */
function readMix(ids: Ids, seed: number): { cls: string; weight: number; next: (i: number) => string }[] {
  const fresh = uncachedUrls(20_000, seed);
  const cachedMap = uncachedUrls(20, 7);
  const views = ['19.85,50.00,20.05,50.10', '19.90,50.02,20.10,50.12', '19.80,49.98,20.00,50.08', '19.95,50.03,20.15,50.11'];
  return [
    { cls: 'trivial GET /healthz', weight: 5, next: () => '/healthz' },
    { cls: 'map list, repeated URLs', weight: 20, next: (i) => cachedMap[i % cachedMap.length]! },
    { cls: 'map search/filter, new URLs', weight: 10, next: (i) => fresh[i % fresh.length]! },
    { cls: 'map clusters', weight: 10, next: (i) => `/v1/map/clusters?zoom=12&bbox=${views[i % views.length]}` },
    { cls: 'map organisation', weight: 5, next: (i) => `/v1/map/organisations/${ids.organisations[i % ids.organisations.length]}` },
    { cls: 'map taxonomy', weight: 3, next: () => '/v1/map/taxonomy' },
    { cls: 'consultations list/one', weight: 8, next: (i) => (i % 2 ? '/v1/consultations' : `/v1/consultations/${ids.consultation}`) },
    { cls: 'events list/one', weight: 12, next: (i) => [`/v1/events/${ids.event}`, '/v1/events', '/v1/events?type=training'][i % 3]! },
    { cls: 'guide tree/article', weight: 8, next: (i) => (i % 2 ? '/v1/guide/tree' : `/v1/guide/articles/${ids.article}`) },
    { cls: 'surveys results', weight: 4, next: () => '/v1/surveys/lijw/editions/2025/results' },
    { cls: 'advice topics', weight: 3, next: () => '/v1/advice/topics' },
  ];
}

let writeSeq = 0;
function writeBody(kind: number, ids: Ids, abuse: { altcha: string; website: string }): { cls: string; url: string; body: unknown } {
  const n = ++writeSeq;
  if (kind === 0 || (kind === 1 && !ids.openConsultation)) {
    return { cls: 'write: map submission', url: '/v1/map/submissions', body: { type: 'create', organisation: organisationInput({ name: `Stowarzyszenie Obciążeniowe ${n}`, districts: [1 + (n % 18)] }), contact: { name: 'Anna Nowak', email: `bench.${n}@example.org` }, consent: true, lang: 'pl', abuse } };
  }
  if (kind === 1) {
    return {
      cls: 'write: consultation remark', url: `/v1/consultations/${ids.openConsultation}/remarks`,
      body: { unitId: null, currentWording: '', proposedWording: `Nowe brzmienie ${n}`, justification: `Uzasadnienie uwagi numer ${n} z testu obciążenia.`, authorType: 'ngo', organisationName: `Fundacja Obciążeniowa ${n}`, krs: null, contact: { name: `Mieszkanka ${n}`, email: `uwaga.${n}@example.org` }, consent: true, lang: 'pl', abuse },
    };
  }
  return { cls: 'write: guide feedback', url: `/v1/guide/articles/${ids.article}/feedback`, body: { helpful: n % 2 === 0, comment: `Uwaga ${n}`, lang: 'pl', abuse } };
}

const ip = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** The requests of one run: reads by weight, every tenth-ish request a write with a solved proof. */
async function plan(origin: string, ids: Ids, count: number, seed: number): Promise<LoadRequest[]> {
  const mix = readMix(ids, seed);
  const total = mix.reduce((a, m) => a + m.weight, 0);
  const writes = Math.round(count * WRITE_SHARE);
  // The challenges, fetched and solved before the run (the server checks the fill time from the issue time).
  // In batches: hundreds of connections at once would overrun the server's accept backlog.
  const proofs: string[] = [];
  while (proofs.length < writes) {
    const batch = Math.min(20, writes - proofs.length);
    proofs.push(...(await Promise.all(Array.from({ length: batch }, async () => solve(await get<AltchaChallenge>(origin, '/v1/challenge'))))));
  }
  // The minimum fill time (MIN_FILL_MS, 3 s by default) runs from the challenge's issue: a resident's form is never that fast.
  await new Promise((r) => setTimeout(r, 3100));
  const out: LoadRequest[] = [];
  const seen = new Map<string, number>();
  let w = 0;
  for (let i = 0; i < count; i++) {
    if (w < writes && Math.floor((i + 1) * WRITE_SHARE) > w) {
      const b = writeBody(w % 3, ids, { altcha: proofs[w]!, website: '' });
      out.push({ cls: b.cls, url: b.url, init: { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip(seed * 100_000 + w) }, body: JSON.stringify(b.body) } });
      w++;
      continue;
    }
    let x = ((i * 7919) % total) + 0.5;
    const m = mix.find((c) => (x -= c.weight) < 0)!;
    const k = seen.get(m.cls) ?? 0;
    seen.set(m.cls, k + 1);
    out.push({ cls: m.cls, url: m.next(k), init: { headers: { 'x-forwarded-for': ip(i % 5000) } } });
  }
  return out;
}

/** Issue 15's bars for the mixed load. */
const P99_TARGET_MS = 25;
const P99_TARGET_RATE = 1000;
const SPEED_TARGET = 0.5;
/** Reads whose answers the body cache and ETags can serve: every read class but the trivial GET and the new-URL searches. */
const cacheable = (cls: string) => !cls.startsWith('write') && !cls.startsWith('trivial') && !cls.includes('new URLs');

/**
 * PASS/FAIL against the bar that applies to a row, with the figure; '-' when none does. A row with
 * errors (a refusal, a 5xx, a timeout) fails whatever its latencies say, and so does a speed ratio
 * whose trivial GET failed: a run where every request timed out has equal, meaningless latencies.
 */
export function target(engine: string, cache: boolean, rate: number, c: ClassResult, isAll: boolean, speed: number, trivial: ClassResult): string {
  const failed = (r: ClassResult, what = '') => `FAIL ${r.errors} of ${r.sent}${what} errors${r.why ? ` (${r.why})` : ''}`;
  if (isAll && engine === 'SQLite' && cache && rate === P99_TARGET_RATE) {
    if (c.errors) return failed(c);
    return `${c.p99 <= P99_TARGET_MS ? 'PASS' : 'FAIL'} p99 ${c.p99} ≤ ${P99_TARGET_MS} ms`;
  }
  if (!isAll && cache && cacheable(c.cls)) {
    if (c.errors) return failed(c);
    if (trivial.errors) return failed(trivial, ' trivial GET');
    return `${speed >= SPEED_TARGET ? 'PASS' : 'FAIL'} ${speed}× ≥ ${SPEED_TARGET}×`;
  }
  return '-';
}

/** A write is acknowledged with 201/202; a read with 200. Anything else (422, 429, 503, 5xx, timeouts) is an error. */
const acknowledged = (res: Response, r: LoadRequest) => (r.init?.method === 'POST' ? res.status === 201 || res.status === 202 : res.status === 200);

export const mixedLoad: BenchSection = {
  name: 'mixed load',
  async run() {
    const rows: (string | number)[][] = [];
    const misses: string[] = [];
    const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    const engines: { name: string; open: () => Promise<{ url: string; cleanup: () => Promise<void> }> }[] = [
      { name: 'SQLite', open: async () => { const db = await seededDatabase(ORGS); return { url: db.url, cleanup: async () => rmSync(db.dir, { recursive: true, force: true }) }; } },
    ];
    if (pgBase) engines.push({ name: 'PostgreSQL', open: async () => { const db = await postgresDatabase(pgBase, `ngo_bench_mixed_${process.pid}`, ORGS); return { url: db.url, cleanup: db.drop }; } });
    let seed = 1;
    const port = benchPort(4);
    for (const engine of engines) {
      const db = await engine.open();
      try {
        for (const cache of [true, false]) {
          const server = await spawnServer({
            DATABASE_URL: db.url, SEED_DEMO: '1', LOG_LEVEL: 'error', TRUST_PROXY: '1', POW_MAX_NUMBER, READ_BODY_CACHE: cache ? '1' : '0',
            ...(port ? { PORT: String(port) } : {}),
          }, 180_000);
          try {
            const ids = await discover(server.origin);
            // Warm-up: every read class once (JIT, the database's pages, the cluster index).
            for (const m of readMix(ids, 999)) for (let k = 0; k < 3; k++) await fetch(server.origin + m.next(k), { signal: AbortSignal.timeout(30_000) }).then((r) => r.arrayBuffer(), () => null);
            for (const rate of RATES) {
              const requests = await plan(server.origin, ids, rate * SECONDS, ++seed);
              const { classes, all } = await openLoop(server.origin, requests, rate, acknowledged);
              const trivial = classes.find((c) => c.cls.startsWith('trivial'))!;
              const speed = (c: ClassResult) => Math.round((trivial.p50 / Math.max(c.p50, 0.1)) * 100) / 100;
              const row = (c: ClassResult) => {
                const verdict = target(engine.name, cache, rate, c, c === all, speed(c), trivial);
                if (verdict.startsWith('FAIL')) misses.push(`${engine.name}, cache ${cache ? 'on' : 'off'}, ${rate} req/s, ${c === all ? 'all' : c.cls}: ${verdict}`);
                return [engine.name, cache ? 'on' : 'off', rate, c.cls, c.sent, c.p50, c.p95, c.p99, c.p999, c.max, c.errors, c.why || '-', c.cls.startsWith('write') || c === all ? '-' : speed(c), verdict];
              };
              for (const c of classes) rows.push(row(c));
              rows.push(row(all));
            }
          } finally {
            await server.stop();
          }
        }
      } finally {
        await db.cleanup();
      }
    }
    return {
      title: `API at city scale: ${ORGS.toLocaleString('en')} organisations plus every module's demo data, paced open loop (latency from the scheduled send), ${SECONDS} s per rate, ${Math.round(WRITE_SHARE * 100)} % anonymous writes through the anti-abuse kit; server and generator share the machine`,
      columns: ['engine', 'body cache', 'req/s', 'class', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'errors', 'error kinds', 'speed vs trivial GET', 'target'],
      rows,
      notes: [
        'speed vs trivial GET: p50 of /healthz (one `select 1`) divided by the class p50, same process, same run; 1 = as fast as the trivial GET, the target for cacheable reads is ≥ 0.5.',
        'errors: a read not answered 200, a write not acknowledged 201/202 (a 422, 429 or 503 counts), or no answer within 10 s.',
        `writes: each with its own client address and a proof of work solved against a server challenge (POW_MAX_NUMBER=${POW_MAX_NUMBER} for the bench; the minimum fill time holds).`,
        `target: issue 15's bars, PASS or FAIL with the figure: p99 ≤ ${P99_TARGET_MS} ms at ${P99_TARGET_RATE.toLocaleString('en')} req/s on SQLite (its "all" row, body cache on, as served), and every cacheable read (repeated URLs; not the new-URL search) at ≥ ${SPEED_TARGET}× the trivial GET with the body cache on; a row with any error (or whose trivial GET had errors) is a FAIL whatever its latencies; "-" where no bar applies.`,
        misses.length ? `Targets missed: ${misses.join('; ')}.` : 'Every target met.',
        LONG ? 'BENCH_LONG=1: 30 s per rate, up to 2,000 req/s.' : 'Short run; BENCH_LONG=1 runs 30 s per rate and adds 2,000 req/s.',
        pgBase ? 'PostgreSQL: a database of its own on the server named by BENCH_DATABASE_URL or TEST_DATABASE_URL.' : 'PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL).',
      ],
    } satisfies Table;
  },
};
