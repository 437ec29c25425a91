/**
 * Reads at city scale: public map reads at 50,000 organisations, sent by an open-loop generator
 * (evenly paced; each latency counts from the request's scheduled send time, so a server that
 * falls behind shows it instead of slowing the generator down), on SQLite and, when
 * `BENCH_DATABASE_URL` (or `TEST_DATABASE_URL`) names a PostgreSQL server, on a database of its
 * own there. Two mixes: "cached" repeats 20 URLs (the body cache and ETags answer), "uncached"
 * sends URLs never sent before (new search words, district and area filters, other pages), which
 * no cache can hold. `npm run bench -- --only reads`.
 */
import { rmSync } from 'node:fs';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../api/db/database.js';
import { generateOrganisations, insertOrganisationsBulk, rng } from '../api/map/map.generate.js';
import { spawnServer } from '../scripts/server-process.js';
import { openLoop } from './load.js';
import { seededDatabase } from './map-render.js';
import type { BenchSection, Table } from './run.js';

const ORGS = Number(process.env.BENCH_READS_ORGS ?? 50_000);
const RATES = [50, 200];
const SECONDS = Number(process.env.BENCH_READS_SECONDS ?? 10);

const WORDS = ['zielona', 'sloneczna', 'krakowska', 'wislana', 'otwarta', 'zyczliwa', 'debowa', 'wesola', 'nowa', 'pogodna', 'gorska', 'blekitna', 'lakowa', 'zrodlana', 'jasna',
  'przystan', 'dolina', 'pracownia', 'sciezka', 'brama', 'kuznia', 'wspolnota', 'iskra', 'przestrzen', 'siec', 'kamienica', 'latarnia', 'herbaciarnia', 'stacja', 'polana',
  'kultury', 'sztuki', 'sportu', 'seniorow', 'sasiadow', 'mlodziezy', 'rodzin', 'przyrody', 'teatru', 'muzyki', 'rowerzystow', 'szachistow', 'wolontariuszy', 'edukacji', 'zdrowia',
  'fundacja', 'stowarzyszenie', 'klub', 'zwiazek', 'towarzystwo', 'lipowa', 'ogrodowa', 'szkolna', 'polna', 'kwiatowa', 'parkowa', 'lesna', 'klonowa', 'brzozowa', 'wrzosowa'];
const AREAS = ['kultura', 'edukacja', 'sport', 'dzieci-mlodziez', 'pomoc-spoleczna', 'seniorzy', 'zdrowie', 'niepelnosprawnosc', 'ekologia-zwierzeta', 'wspolnoty-lokalne'];

/** URLs a resident's searches and filters make, each one new: a word or two (or a prefix, or a typo that matches nothing), a district and an area, another page. */
export function uncachedUrls(count: number, seed: number): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const p = new URLSearchParams();
    const kind = r();
    if (kind < 0.45) {
      const w = pick(WORDS);
      p.set('q', r() < 0.3 ? `${w} ${pick(WORDS).slice(0, 3 + Math.floor(r() * 5))}` : r() < 0.3 ? w.slice(0, 3 + Math.floor(r() * 4)) : r() < 0.15 ? `${w}x${Math.floor(r() * 1000)}` : w);
    } else if (kind < 0.9) {
      p.set('district', String(1 + Math.floor(r() * 18)));
      p.set('area', pick(AREAS));
      if (r() < 0.3) p.set('accessible', 'true');
    } else {
      p.set('district', `${1 + Math.floor(r() * 18)},${1 + Math.floor(r() * 18)}`);
    }
    p.set('page', String(1 + Math.floor(r() * 5)));
    p.set('pageSize', String([10, 20, 25, 50][Math.floor(r() * 4)]));
    const url = `/v1/map/organisations?${p}`;
    if (!seen.has(url)) {
      seen.add(url);
      out.push(url);
    }
  }
  return out;
}

const CACHED = uncachedUrls(20, 7);

export async function postgresDatabase(base: string, name = `ngo_bench_reads_${process.pid}`, orgs = ORGS): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = openDatabase(url.href);
  try {
    await migrateToLatest(handle.db);
    await insertOrganisationsBulk(handle.db, generateOrganisations(orgs), 'bench');
  } finally {
    await handle.close();
  }
  return {
    url: url.href,
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export const readsAtScale: BenchSection = {
  name: 'reads at city scale',
  async run() {
    const rows: (string | number)[][] = [];
    const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    const engines: { name: string; open: () => Promise<{ url: string; cleanup: () => Promise<void> }> }[] = [
      { name: 'SQLite', open: async () => {
        const db = await seededDatabase(ORGS);
        return { url: db.url, cleanup: async () => rmSync(db.dir, { recursive: true, force: true }) };
      } },
    ];
    if (pgBase) engines.push({ name: 'PostgreSQL', open: async () => {
      const db = await postgresDatabase(pgBase);
      return { url: db.url, cleanup: db.drop };
    } });
    let seed = 100;
    for (const engine of engines) {
      const db = await engine.open();
      const server = await spawnServer({ DATABASE_URL: db.url, SEED_DEMO: '0', LOG_LEVEL: 'warn' });
      try {
        // Warm-up: the cached URLs once, and a few uncached ones (JIT, the database's pages).
        for (const u of [...CACHED, ...uncachedUrls(50, 1)]) await (await fetch(server.origin + u)).arrayBuffer();
        for (const rate of RATES) {
          const n = rate * SECONDS;
          const cached = (await openLoop(server.origin, Array.from({ length: n }, (_, i) => ({ cls: 'cached', url: CACHED[i % CACHED.length]! })), rate)).all;
          const uncached = (await openLoop(server.origin, uncachedUrls(n, ++seed).map((url) => ({ cls: 'uncached', url })), rate)).all;
          for (const [mix, r] of [['cached', cached], ['uncached', uncached]] as const) rows.push([engine.name, mix, rate, r.sent, r.p50, r.p99, r.p999, r.max, r.errors]);
        }
      } finally {
        await server.stop();
        await db.cleanup();
      }
    }
    return {
      title: `Public map reads at ${ORGS.toLocaleString('en')} organisations, open loop (latency from the scheduled send), ${SECONDS} s per rate; server and generator share the machine`,
      columns: ['engine', 'mix', 'req/s', 'requests', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'errors'],
      rows,
      notes: [
        'cached: 20 URLs repeated (body cache and ETag); uncached: every URL new (searches with new words, district × area filters, other pages).',
        'errors: non-2xx answers (503 service_busy when the read gate refuses) and requests not answered within 10 s.',
        pgBase ? 'PostgreSQL: a database of its own on the server named by BENCH_DATABASE_URL or TEST_DATABASE_URL.' : 'PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL).',
      ],
    } satisfies Table;
  },
};
