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
