import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Kysely, Transaction } from 'kysely';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN } from '../../common/abuse.js';
import type { Database } from '../db/schema.js';
import type { AppEnv, AppVariables } from './context.js';
import { ApiError, validationError } from './errors.js';
import { nowIso, sha256 } from './ids.js';
import { inTransaction } from './transaction.js';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

export interface IdempotencyOptions {
  /** How long a duplicate waits for the first request to finish before 409. Default 5000 ms. */
  waitMs?: number;
  /** Poll interval while waiting. Default 50 ms. */
  pollMs?: number;
  /** A pending key older than this was left by a crashed request and may be taken over. Default 60 s. */
  staleMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The key a request holds while it runs: which row, and whether `writeOnce` stored its answer. */
interface Claim {
  scope: string;
  key: string;
  createdAt: string;
  stored: boolean;
}
const claims = new WeakMap<Context, Claim>();

/**
 * Makes a POST safe to retry. With an `Idempotency-Key` header (8–128 URL-safe characters, else
 * 422 `validation_failed`), the first request claims the key in `idempotency_key` (shared by all
 * instances) and runs; its 2xx answer is stored. A repeat with the same body gets the stored status
 * and body back with `Idempotent-Replayed: true`; while the first is still running, the repeat waits
 * up to `waitMs`, then gets 409 `idempotency_in_progress`; a repeat with another body (or path) gets
 * 422 `idempotency_key_reused`. A failed first request releases the key, so a retry runs again.
 * Without the header the route runs as usual. Keys live 24 h (see retention).
 *
 * Put it first in the route's middleware, before `guardAnonymousWrite`, and write through
 * `writeOnce`, which stores the answer in the write's own transaction. A route that does not is
 * still answered, but its answer is stored after its write has committed: a crash in between lets
 * a later retry run the write again (logged as a warning).
 */
export function idempotent(scope: string, options: IdempotencyOptions = {}): MiddlewareHandler<AppEnv> {
  const { waitMs = 5000, pollMs = 50, staleMs = 60_000 } = options;
  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next();
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw validationError([{ path: IDEMPOTENCY_HEADER, code: 'invalid_format', message: 'Use 8–128 letters, digits, "-" or "_"' }]);
    }
    const { db } = c.var;
    const requestHash = sha256(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
    const deadline = Date.now() + waitMs;

    let claimedAt: string | null;
    for (;;) {
      claimedAt = await claim(db, scope, key, requestHash);
      if (claimedAt) break;
      const row = await db
        .selectFrom('idempotency_key')
        .select(['request_hash', 'status_code', 'response_body', 'created_at'])
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) continue; // the first request failed and let go of the key: claim it again
      if (row.status_code === null && Date.parse(row.created_at) < Date.now() - staleMs) {
        // Left by a crashed request, which committed nothing: whatever this request's body, it may take the key over.
        await release(db, scope, key, row.created_at);
        continue;
      }
      if (row.request_hash !== requestHash) {
        throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request');
      }
      if (row.status_code !== null) {
        const body = row.status_code === 204 || row.status_code === 205 || row.status_code === 304 ? null : row.response_body;
        return new Response(body, { status: row.status_code, headers: { 'content-type': 'application/json', [REPLAYED_HEADER]: 'true' } });
      }
      if (Date.now() >= deadline) {
        throw new ApiError(409, 'idempotency_in_progress', 'The same request is still being processed; try again shortly', undefined, { 'Retry-After': '1' });
      }
      await sleep(pollMs);
    }

    const held: Claim = { scope, key, createdAt: claimedAt, stored: false };
    claims.set(c, held);
    let stored = false;
    try {
      await next();
      if (held.stored) stored = true;
      else if (c.res.status >= 200 && c.res.status < 300) {
        c.var.log.warn('idempotent route answered without writeOnce', { scope });
        const body = await c.res.clone().text();
        await db
          .updateTable('idempotency_key')
          .set({ status_code: c.res.status, response_body: body })
          .where('scope', '=', scope)
          .where('key', '=', key)
          .where('created_at', '=', claimedAt)
          .execute();
        stored = true;
      }
    } finally {
      if (!stored) await release(db, scope, key, claimedAt).catch((err) => c.var.log.error('could not release idempotency key', { err: String(err) }));
    }
  };
}

/**
 * Runs an idempotent route's write and stores its answer (`status`, the JSON of what `write`
 * returns) under the request's Idempotency-Key in one transaction, on SQLite and PostgreSQL alike:
 * the write is never committed without its answer, so a retry after a crash either replays it or
 * runs a write that never happened. `write` gets the transaction and the request's services bound
 * to it; everything it reads and writes goes through them. Should the request have lost its key
 * meanwhile (it stalled past `staleMs` and a retry took over), nothing is committed and it answers
 * 409 `idempotency_in_progress`. Without the header it is the write in a transaction.
 *
 * `return writeOnce(c, 201, (trx, vars) => submitThing(vars, c.req.valid('json')))`
 */
export async function writeOnce<T extends object, S extends ContentfulStatusCode>(
  c: Context<AppEnv, any, any>,
  status: S,
  write: (trx: Transaction<Database>, vars: AppVariables) => Promise<T>,
) {
  const held = claims.get(c);
  const result = await inTransaction(c.var.db, async (trx) => {
    const answer = await write(trx, { ...c.var, db: trx });
    if (held) {
      const r = await trx
        .updateTable('idempotency_key')
        .set({ status_code: status, response_body: JSON.stringify(answer) })
        .where('scope', '=', held.scope)
        .where('key', '=', held.key)
        .where('created_at', '=', held.createdAt)
        .where('status_code', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) {
        throw new ApiError(409, 'idempotency_in_progress', 'The same request is still being processed; try again shortly', undefined, { 'Retry-After': '1' });
      }
    }
    return answer;
  });
  if (held) held.stored = true;
  return c.json(result, status);
}

/** Inserts the pending key and returns its `created_at`; null when someone holds it already. */
async function claim(db: Kysely<Database>, scope: string, key: string, requestHash: string): Promise<string | null> {
  const createdAt = nowIso();
  const row = await db
    .insertInto('idempotency_key')
    .values({ scope, key, request_hash: requestHash, status_code: null, response_body: null, created_at: createdAt })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return row ? createdAt : null;
}

/** Drops a pending claim; `createdAt` makes sure it is the claim we mean, not a newer one. */
async function release(db: Kysely<Database>, scope: string, key: string, createdAt: string) {
  await db
    .deleteFrom('idempotency_key')
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('status_code', 'is', null)
    .where('created_at', '=', createdAt)
    .execute();
}

/** Retention: keys are kept for 24 hours. */
export async function purgeIdempotencyKeys(db: Kysely<Database>, before: Date): Promise<number> {
  const r = await db.deleteFrom('idempotency_key').where('created_at', '<', nowIso(before)).executeTakeFirst();
  return Number(r.numDeletedRows);
}
