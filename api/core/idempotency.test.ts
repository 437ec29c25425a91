import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoute, z } from '@hono/zod-openapi';
import { dialects, freshIp, json, testApp, type TestApp, expectError } from '../testing.js';
import { ApiError } from './errors.js';
import { idempotent, purgeIdempotencyKeys, writeOnce } from './idempotency.js';
import { newId, nowIso } from './ids.js';
import { ErrorResponses } from './openapi.js';
import { createRouter } from './validation.js';

const Item = z.object({ ref: z.string().max(64), fail: z.boolean().optional(), hold: z.boolean().optional(), holdBefore: z.boolean().optional() });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A test route whose side effect is one `app_setting` row per run (keyed `run:<ref>:<id>`), so a
 * test can count how many times the handler really ran.
 */
function mountItems(t: TestApp, gate: { hold: Promise<void> }) {
  const router = createRouter();
  for (const [path, opts] of [['/items', {}], ['/slow-items', { waitMs: 150, pollMs: 20 }]] as const) {
    router.openapi(
      createRoute({
        method: 'post',
        path,
        middleware: [idempotent('test:items', opts)] as const,
        request: { body: { content: { 'application/json': { schema: Item } }, required: true } },
        responses: { 201: { description: 'created', content: { 'application/json': { schema: z.object({ id: z.string(), ref: z.string() }) } } }, ...ErrorResponses },
      }),
      async (c) => {
        const { ref, fail, hold } = c.req.valid('json');
        const id = newId();
        await sleep(5 + Math.random() * 20); // widen the window in which duplicates race
        if (hold) await gate.hold;
        await c.var.db.insertInto('app_setting').values({ key: `run:${ref}:${id}`, value: ref, updated_at: nowIso() }).execute();
        if (fail) throw new ApiError(503, 'service_unavailable', 'Try again');
        return c.json({ id, ref }, 201);
      },
    );
  }
  // The same write through writeOnce; `hold` stalls the request after its write (and answer) committed,
  // `holdBefore` before its write began, each until the test opens the gate.
  router.openapi(
    createRoute({
      method: 'post',
      path: '/once-items',
      middleware: [idempotent('test:once')] as const,
      request: { body: { content: { 'application/json': { schema: Item } }, required: true } },
      responses: { 201: { description: 'created', content: { 'application/json': { schema: z.object({ id: z.string(), ref: z.string() }) } } }, ...ErrorResponses },
    }),
    async (c) => {
      const { ref, fail, hold, holdBefore } = c.req.valid('json');
      if (holdBefore) await gate.hold;
      const res = await writeOnce(c, 201, async (trx) => {
        const id = newId();
        await trx.insertInto('app_setting').values({ key: `run:${ref}:${id}`, value: ref, updated_at: nowIso() }).execute();
        if (fail) throw new ApiError(503, 'service_unavailable', 'Try again');
        return { id, ref };
      });
      if (hold) await gate.hold;
      return res;
    },
  );
  t.app.route('/v1/test-idem', router);
}

/** Moves a key's claim two minutes back, past the 60 s after which a pending key counts as abandoned. */
const backdate = (t: TestApp, key: string) =>
  t.db.updateTable('idempotency_key').set({ created_at: new Date(Date.now() - 120_000).toISOString() }).where('key', '=', key).execute();

/** Polls until `check` holds (a request has reached a given point), failing after 5 s. */
async function until(check: () => Promise<boolean>) {
  for (const deadline = Date.now() + 5000; !(await check()); ) {
    if (Date.now() > deadline) throw new Error('condition not reached in 5 s');
    await new Promise((r) => setImmediate(r));
  }
}

const runs = async (t: TestApp, ref: string) =>
  (await t.db.selectFrom('app_setting').select('key').where('key', 'like', `run:${ref}:%`).execute()).length;

describe.each(dialects)('Idempotency-Key on %s', (dialect) => {
  let t: TestApp;
  const gate: { hold: Promise<void> } = { hold: Promise.resolve() };
  const post = (body: unknown, key?: string, path = '/v1/test-idem/items') =>
    t.app.request(path, json(body, { 'x-forwarded-for': freshIp(), ...(key ? { 'Idempotency-Key': key } : {}) }));

  beforeAll(async () => {
    t = await testApp(dialect);
    mountItems(t, gate);
  });
  afterAll(() => t.close());

  it('runs a request without the header every time', async () => {
    expect((await post({ ref: 'plain' })).status).toBe(201);
    expect((await post({ ref: 'plain' })).status).toBe(201);
    expect(await runs(t, 'plain')).toBe(2);
  });

  it('replays the first answer to a retry with the same key and body', async () => {
    const key = `key-${newId()}`;
    const first = await post({ ref: 'replay' }, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const firstBody = await first.json();
    const retry = await post({ ref: 'replay' }, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('content-type')).toMatch(/application\/json/);
    expect(await retry.json()).toEqual(firstBody);
    expect(await runs(t, 'replay')).toBe(1);
  });

  it('refuses the same key with another body', async () => {
    const key = `key-${newId()}`;
    expect((await post({ ref: 'reuse-a' }, key)).status).toBe(201);
    const other = await post({ ref: 'reuse-b' }, key);
    expect(other.status).toBe(422);
    expect(((await other.json()) as any).error.code).toBe('idempotency_key_reused');
    expect(await runs(t, 'reuse-b')).toBe(0);
  });

  it('refuses a key outside the allowed pattern', async () => {
    for (const key of ['short', 'has space in it', 'x'.repeat(129), 'key/with/slash', 'key.with.dots']) {
      const res = await post({ ref: 'bad-key' }, key);
      expect(res.status, key).toBe(422);
      const body = (await res.json()) as any;
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.details.issues[0]).toMatchObject({ path: 'Idempotency-Key', code: 'invalid_format' });
    }
    expect(await runs(t, 'bad-key')).toBe(0);
  });

  it('lets a retry run again after the first attempt failed', async () => {
    const key = `key-${newId()}`;
    const failed = await post({ ref: 'retry', fail: true }, key);
    expect(failed.status).toBe(503);
    const stored = await t.db.selectFrom('idempotency_key').selectAll().where('key', '=', key).executeTakeFirst();
    expect(stored).toBeUndefined();
    // The body differs (no `fail`), which is fine: the failed attempt left no trace.
    const ok = await post({ ref: 'retry' }, key);
    expect(ok.status).toBe(201);
    expect(ok.headers.get('idempotent-replayed')).toBeNull();
    expect(await runs(t, 'retry')).toBe(2);
  });

  it('answers 409 idempotency_in_progress while the first request still runs, then replays it', async () => {
    let open!: () => void;
    gate.hold = new Promise<void>((r) => (open = r));
    const key = `key-${newId()}`;
    const first = post({ ref: 'slow', hold: true }, key, '/v1/test-idem/slow-items');
    await sleep(30);
    const second = await post({ ref: 'slow', hold: true }, key, '/v1/test-idem/slow-items');
    expect(second.status).toBe(409);
    expect(((await second.json()) as any).error.code).toBe('idempotency_in_progress');
    open();
    expect((await first).status).toBe(201);
    const third = await post({ ref: 'slow', hold: true }, key, '/v1/test-idem/slow-items');
    expect(third.status).toBe(201);
    expect(third.headers.get('idempotent-replayed')).toBe('true');
    expect(await runs(t, 'slow')).toBe(1);
  });

  it('takes over a key left pending by a crashed request', async () => {
    const key = `key-${newId()}`;
    // The request hash of an identical request, learnt from a probe under another key.
    expect((await post({ ref: 'crashed' }, `probe-${newId()}`)).status).toBe(201);
    const { request_hash } = await t.db.selectFrom('idempotency_key').select('request_hash').where('key', 'like', 'probe-%').executeTakeFirstOrThrow();
    // A crash left this claim pending two minutes ago.
    await t.db.insertInto('idempotency_key').values({ scope: 'test:items', key, request_hash, status_code: null, response_body: null, created_at: new Date(Date.now() - 120_000).toISOString() }).execute();
    const res = await post({ ref: 'crashed' }, key);
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(await runs(t, 'crashed')).toBe(2);
    const row = await t.db.selectFrom('idempotency_key').select('status_code').where('key', '=', key).executeTakeFirstOrThrow();
    expect(row.status_code).toBe(201);
  });

  it('lets a retry with another body (a new proof of work) take over a key a crashed request left pending', async () => {
    const key = `key-${newId()}`;
    await t.db.insertInto('idempotency_key').values({ scope: 'test:items', key, request_hash: 'the crashed request', status_code: null, response_body: null, created_at: new Date(Date.now() - 120_000).toISOString() }).execute();
    const res = await post({ ref: 'resolved' }, key);
    expect(res.status).toBe(201);
    expect(await runs(t, 'resolved')).toBe(1);
    // A key still in flight, or answered, keeps refusing another body.
    await expectError(await post({ ref: 'other' }, key), 422, 'idempotency_key_reused');
  });

  it('runs each key exactly once under 200 concurrent POSTs', async () => {
    const keys = Array.from({ length: 50 }, (_, i) => `conc-${i}-${newId().slice(0, 8)}`);
    const requests = keys.flatMap((key, i) => Array.from({ length: 4 }, () => ({ key, ref: `c${i}` })));
    requests.sort(() => Math.random() - 0.5);
    const results = await Promise.all(
      requests.map(async ({ key, ref }) => {
        const res = await post({ ref }, key);
        return { key, ref, status: res.status, replayed: res.headers.get('idempotent-replayed') === 'true', body: (await res.json()) as any };
      }),
    );
    expect(results.filter((r) => r.status !== 201)).toEqual([]);
    for (const [i, key] of keys.entries()) {
      const mine = results.filter((r) => r.key === key);
      expect(mine).toHaveLength(4);
      expect(mine.filter((r) => !r.replayed)).toHaveLength(1);
      expect(new Set(mine.map((r) => r.body.id)).size).toBe(1);
      expect(await runs(t, `c${i}`)).toBe(1);
    }
  });

  it('writeOnce: a request stalled after its write replays, even past the in-flight window, and wrote once', async () => {
    let open!: () => void;
    gate.hold = new Promise<void>((r) => (open = r));
    const key = `once-${newId()}`;
    const first = post({ ref: 'stalled', hold: true }, key, '/v1/test-idem/once-items');
    await until(async () => (await runs(t, 'stalled')) === 1);
    await backdate(t, key);
    const retry = await post({ ref: 'stalled', hold: true }, key, '/v1/test-idem/once-items');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    open();
    const answered = await first;
    expect(answered.status).toBe(201);
    expect(await retry.json()).toEqual(await answered.json());
    expect(await runs(t, 'stalled')).toBe(1);
  });

  it('writeOnce: a failed write stores neither the write nor the key, and a retry runs once', async () => {
    const key = `once-${newId()}`;
    expect((await post({ ref: 'once-fail', fail: true }, key, '/v1/test-idem/once-items')).status).toBe(503);
    expect(await runs(t, 'once-fail')).toBe(0);
    expect(await t.db.selectFrom('idempotency_key').select('key').where('key', '=', key).executeTakeFirst()).toBeUndefined();
    expect((await post({ ref: 'once-fail' }, key, '/v1/test-idem/once-items')).status).toBe(201);
    expect(await runs(t, 'once-fail')).toBe(1);
  });

  it('writeOnce: a request that lost its key to a retry while stalled commits nothing (409)', async () => {
    let open!: () => void;
    gate.hold = new Promise<void>((r) => (open = r));
    const key = `once-${newId()}`;
    const first = post({ ref: 'lost', holdBefore: true }, key, '/v1/test-idem/once-items');
    await until(async () => (await t.db.selectFrom('idempotency_key').select('key').where('key', '=', key).executeTakeFirst()) !== undefined);
    await backdate(t, key);
    gate.hold = Promise.resolve(); // the first request still waits on the gate it found; the retry passes
    const retry = await post({ ref: 'lost', holdBefore: true }, key, '/v1/test-idem/once-items');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    open();
    const late = await first;
    expect(late.status).toBe(409);
    expect(((await late.json()) as any).error.code).toBe('idempotency_in_progress');
    expect(await runs(t, 'lost')).toBe(1);
    const again = await post({ ref: 'lost', holdBefore: true }, key, '/v1/test-idem/once-items');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await retry.json());
  });

  it('writeOnce: concurrent double submits with one key write one row', async () => {
    const key = `once-${newId()}`;
    const results = await Promise.all(Array.from({ length: 6 }, () => post({ ref: 'once-double' }, key, '/v1/test-idem/once-items')));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(results.filter((r) => r.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
    expect(new Set(await Promise.all(results.map(async (r) => ((await r.json()) as any).id))).size).toBe(1);
    expect(await runs(t, 'once-double')).toBe(1);
  });

  it('purges keys older than the cut-off', async () => {
    const total = Number((await t.db.selectFrom('idempotency_key').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(total).toBeGreaterThan(0);
    expect(await purgeIdempotencyKeys(t.db, new Date(Date.now() - 24 * 3600_000))).toBe(0);
    expect(await purgeIdempotencyKeys(t.db, new Date(Date.now() + 1000))).toBe(total);
  });
});
