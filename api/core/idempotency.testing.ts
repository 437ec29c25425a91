import { sql } from 'kysely';
import { expect } from 'vitest';
import { freshIp, type TestApp } from '../testing.js';
import { newId } from './ids.js';

export interface IdempotentWrite {
  /** The route, e.g. `/v1/events/<id>/registrations`. */
  path: string;
  /** A new valid body (with its own solved challenge where the route asks for one). */
  body: () => Promise<unknown>;
  /** How many rows the write has left so far (the rows one request adds count as one). */
  count: () => Promise<number>;
  /** 2xx status of the route. */
  status: number;
}

/**
 * Makes the step that stores the answer of `key` fail, as a crash between the write and the
 * stored answer would: a trigger refuses to set its status. Returns the function that removes it.
 */
async function crashWhenStoring(t: TestApp, key: string): Promise<() => Promise<void>> {
  if (t.handle.dialect === 'sqlite') {
    await sql
      .raw(`create trigger crash_idem before update of status_code on idempotency_key when new.status_code is not null and new.key = '${key}' begin select raise(abort, 'simulated crash'); end`)
      .execute(t.db);
    return async () => void (await sql`drop trigger crash_idem`.execute(t.db));
  }
  await sql.raw(`create function crash_idem() returns trigger language plpgsql as $$ begin raise exception 'simulated crash'; end $$`).execute(t.db);
  await sql
    .raw(`create trigger crash_idem before update of status_code on idempotency_key for each row when (new.status_code is not null and new.key = '${key}') execute function crash_idem()`)
    .execute(t.db);
  return async () => {
    await sql`drop trigger crash_idem on idempotency_key`.execute(t.db);
    await sql`drop function crash_idem()`.execute(t.db);
  };
}

/**
 * Checks that an idempotent anonymous write and its Idempotency-Key are stored together, over HTTP:
 * - the answer cannot be stored (a crash): the request fails and leaves no write behind;
 * - a completed request whose key is backdated past the 60 s in-flight window is replayed to a
 *   retry with the same key and body, and the write happened once;
 * - three concurrent submits with one key write once.
 */
export async function expectWrittenOnce(t: TestApp, w: IdempotentWrite): Promise<void> {
  const send = (key: string, body: string) =>
    t.app.request(w.path, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-forwarded-for': freshIp() }, body });
  const before = await w.count();

  const crashKey = `crash-${newId()}`;
  const restore = await crashWhenStoring(t, crashKey);
  try {
    const crashed = await send(crashKey, JSON.stringify(await w.body()));
    expect(crashed.status, 'the request whose answer could not be stored').toBeGreaterThanOrEqual(500);
  } finally {
    await restore();
  }
  expect(await w.count(), 'writes left by a request whose answer was not stored').toBe(before);

  const key = `late-${newId()}`;
  const body = JSON.stringify(await w.body());
  const first = await send(key, body);
  expect(first.status, await first.clone().text()).toBe(w.status);
  await t.db.updateTable('idempotency_key').set({ created_at: new Date(Date.now() - 120_000).toISOString() }).where('key', '=', key).execute();
  const retry = await send(key, body);
  expect(retry.status).toBe(w.status);
  expect(retry.headers.get('idempotent-replayed')).toBe('true');
  expect(await retry.json()).toEqual(await first.json());
  expect(await w.count(), 'writes after a request and its late retry').toBe(before + 1);

  const twinKey = `twin-${newId()}`;
  const twinBody = JSON.stringify(await w.body());
  const twins = await Promise.all([1, 2, 3].map(() => send(twinKey, twinBody)));
  for (const res of twins) {
    // A retry overlapping its original may be told to come back; nothing else may fail.
    if (res.status !== w.status) expect(((await res.json()) as { error: { code: string } }).error.code).toBe('idempotency_in_progress');
  }
  expect(twins.filter((r) => r.status === w.status && r.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
  expect(await w.count(), 'writes after three concurrent submits with one key').toBe(before + 2);
}
