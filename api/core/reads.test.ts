import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { testConfig, type Config } from '../config.js';
import { MODULES } from '../modules.js';
import { startServer, type RunningServer } from '../server.js';
import { dialects, expectError, testApp, testDatabase, type TestApp } from '../testing.js';
import { releaseHeld, slowReadsModule } from './reads.testing.js';
import { createLogger } from './log.js';

const modules = [...MODULES, slowReadsModule];
const reads = (over: Partial<Config['reads']>) => ({ reads: { ...testConfig().reads, ...over } });

/** The answer of a refused read: 503 `service_busy` in the envelope, with `Retry-After: 1`. */
async function expectBusy(res: Response) {
  expect(res.headers.get('retry-after')).toBe('1');
  await expectError(res, 503, 'service_busy');
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(dialects)('public reads under load on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    releaseHeld();
    await t?.close();
    t = undefined;
  });

  it('rate-limits public reads per client, with Retry-After, and never staff reads', async () => {
    t = await testApp(dialect, reads({ rateLimit: 3 }), { modules });
    const get = (ip: string) => t!.app.request('/v1/map/taxonomy', { headers: { 'x-forwarded-for': ip } });
    for (let i = 0; i < 3; i++) expect((await get('10.9.0.1')).status).toBe(200);
    const limited = await get('10.9.0.1');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectError(limited, 429, 'rate_limited');
    expect((await get('10.9.0.2')).status).toBe(200);
    const staff = await t.app.request('/v1/admin/session', { headers: { 'x-forwarded-for': '10.9.0.1' } });
    expect(staff.status).not.toBe(429);
  });

  it('queues reads past the concurrency, refuses them fast with 503 service_busy when the queue is full or the wait runs out, and /healthz reports it', async () => {
    t = await testApp(dialect, reads({ concurrency: 1, queue: 1, queueMs: 300 }), { modules });
    const held = t.app.request('/v1/zz-slow/hold');
    await until('the held read', async () => ((await (await t!.app.request('/healthz')).json()) as { reads: { inFlight: number } }).reads.inFlight === 1);

    const queued = t.app.request('/v1/map/taxonomy');
    const started = performance.now();
    const refused = await t.app.request('/v1/map/taxonomy');
    expect(performance.now() - started).toBeLessThan(200);
    await expectBusy(refused);

    const health = await t.app.request('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'saturated', reads: { inFlight: 1, queued: 1, saturated: true } });

    // The queued one waited its 300 ms and was refused: it did not hang.
    expect((await queued).status).toBe(503);
    releaseHeld();
    expect((await held).status).toBe(200);
    expect((await t.app.request('/v1/map/taxonomy')).status).toBe(200);
    expect(await (await t.app.request('/healthz')).json()).toMatchObject({ status: 'ok', reads: { inFlight: 0, refused: { busy: 2 } } });
  });

  type Health = { reads: { inFlight: number; queued: number; saturated: boolean; exports: { inFlight: number; queued: number; refused: { busy: number; rateLimited: number } } } };
  const health = async () => ((await (await t!.app.request('/healthz')).json()) as Health).reads;

  it('runs file exports in a lane of their own: twenty at once wait for each other while ordinary reads go on', async () => {
    t = await testApp(dialect, reads({ concurrency: 2, queue: 0, exportConcurrency: 2, exportQueue: 30, exportQueueMs: 20_000 }), { modules });
    // Twenty exports from twenty clients; without the lane they would hold both read places and fill the (empty) queue.
    const exports = Array.from({ length: 20 }, (_, i) => t!.app.request('/v1/zz-slow/hold?format=csv', { headers: { 'x-forwarded-for': `10.8.0.${i + 1}` } }));
    await until('two exports running and eighteen waiting', async () => {
      const r = await health();
      return r.exports.inFlight === 2 && r.exports.queued === 18;
    });
    for (let i = 0; i < 5; i++) expect((await t.app.request('/v1/map/taxonomy')).status).toBe(200);
    const during = await health();
    expect([during.inFlight, during.queued, during.saturated]).toEqual([0, 0, false]);
    // Let them go two by two: every one is answered, none refused.
    const done = Promise.all(exports);
    const releasing = setInterval(releaseHeld, 10);
    try {
      expect((await done).map((r) => r.status)).toEqual(Array(20).fill(200));
    } finally {
      clearInterval(releasing);
    }
    expect((await health()).exports).toMatchObject({ inFlight: 0, queued: 0, refused: { busy: 0, rateLimited: 0 } });
  });

  it('refuses exports past the lane\'s queue with 503 and past the per-client limit with 429, and ordinary reads are not touched', async () => {
    t = await testApp(dialect, reads({ exportConcurrency: 1, exportQueue: 1, exportQueueMs: 20_000, exportRateLimit: 3 }), { modules });
    const running = t.app.request('/v1/zz-slow/hold?format=xlsx', { headers: { 'x-forwarded-for': '10.7.0.1' } });
    const waiting = t.app.request('/v1/zz-slow/hold?format=geojson', { headers: { 'x-forwarded-for': '10.7.0.2' } });
    await until('one export running, one waiting', async () => {
      const r = await health();
      return r.exports.inFlight === 1 && r.exports.queued === 1;
    });
    const refused = await t.app.request('/v1/zz-slow/hold?format=csv', { headers: { 'x-forwarded-for': '10.7.0.3' } });
    expect(refused.headers.get('retry-after')).toBe('5');
    await expectError(refused, 503, 'service_busy');
    expect((await t.app.request('/v1/map/taxonomy', { headers: { 'x-forwarded-for': '10.7.0.3' } })).status).toBe(200);
    const releasing = setInterval(releaseHeld, 10);
    try {
      expect((await running).status).toBe(200);
      expect((await waiting).status).toBe(200);
      // Client 10.7.0.1 has had one export this minute; two more pass, the fourth is limited.
      expect((await t.app.request('/v1/zz-slow/hold?format=csv', { headers: { 'x-forwarded-for': '10.7.0.1' } })).status).toBe(200);
      expect((await t.app.request('/v1/zz-slow/hold?format=docx', { headers: { 'x-forwarded-for': '10.7.0.1' } })).status).toBe(200);
      const limited = await t.app.request('/v1/zz-slow/hold?format=csv', { headers: { 'x-forwarded-for': '10.7.0.1' } });
      await expectError(limited, 429, 'rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // …while its ordinary reads still pass.
      expect((await t.app.request('/v1/map/taxonomy', { headers: { 'x-forwarded-for': '10.7.0.1' } })).status).toBe(200);
    } finally {
      clearInterval(releasing);
    }
    expect((await health()).exports.refused).toEqual({ busy: 1, rateLimited: 1 });
  });
});

describe.runIf(dialects.includes('postgres'))('public reads on PostgreSQL: timeouts and cancellation', () => {
  const admin = () => new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  /** The test route's `pg_sleep` statements still running in the server. */
  async function sleeping(): Promise<number> {
    const c = admin();
    await c.connect();
    try {
      const { rows } = await c.query(`select count(*)::int as n from pg_stat_activity where state = 'active' and query like $1 and pid <> pg_backend_pid()`, [`%pg_sleep($1)%`]);
      return rows[0].n as number;
    } finally {
      await c.end();
    }
  }
  let server: RunningServer | undefined;
  let t: TestApp | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await t?.close();
    t = undefined;
  });

  it('answers a read slowed past the statement timeout with 503 service_busy and Retry-After, and leaves nothing running', async () => {
    t = await testApp('postgres', reads({ timeoutSeconds: 0.3 }), { modules });
    const started = performance.now();
    const res = await t.app.request('/v1/zz-slow/sleep?s=20');
    expect(performance.now() - started).toBeLessThan(5000);
    await expectBusy(res);
    expect(await sleeping()).toBe(0);
    // Writes and staff reads use the main pool, which has no such timeout: /healthz still answers.
    expect((await t.app.request('/healthz')).status).toBe(200);
  });

  it('cancels the query of a request the client aborted, and the queries running at shutdown (SIGTERM)', async () => {
    const handle = await testDatabase('postgres', { readTimeoutMs: 60_000 });
    const config = testConfig({ port: 0, host: '127.0.0.1' });
    server = await startServer(config, { database: handle, modules, workers: false, handleSignals: false, log: createLogger('silent') });
    const url = `http://127.0.0.1:${server.port}`;

    const ctl = new AbortController();
    const aborted = fetch(`${url}/v1/zz-slow/sleep?s=30`, { signal: ctl.signal }).catch((err: Error) => err.name);
    await until('the sleeping query', async () => (await sleeping()) === 1);
    ctl.abort();
    expect(await aborted).toBe('AbortError');
    await until('the aborted query to be cancelled', async () => (await sleeping()) === 0);

    const running = fetch(`${url}/v1/zz-slow/sleep?s=31`).then((r) => r.status, () => 'closed');
    await until('the second sleeping query', async () => (await sleeping()) === 1);
    const closing = performance.now();
    await server.close('SIGTERM'); // what the SIGTERM handler calls
    server = undefined;
    expect(performance.now() - closing).toBeLessThan(5000);
    expect(await running).toBe(503);
    expect(await sleeping()).toBe(0);
      });
});
