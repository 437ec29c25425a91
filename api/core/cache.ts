import type { Context, MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from './context.js';
import { nowIso, sha256 } from './ids.js';
import type { Db } from './transaction.js';

/**
 * Conditional GET for public reads. The ETag is derived from a data version and the full URL,
 * so a 304 costs one tiny query and no rendering. Returns a 304 response, or null to go on.
 */
export function notModified(c: Context, version: string, maxAge = 60): Response | null {
  const tag = `W/"${sha256(`${version}|${c.req.url}|${c.req.header('accept-language') ?? ''}`).slice(0, 27)}"`;
  c.header('ETag', tag);
  c.header('Cache-Control', `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 5}`);
  c.header('Vary', 'Accept-Encoding, Origin');
  const inm = c.req.header('if-none-match');
  if (inm && inm.split(',').some((t) => t.trim() === tag)) return c.body(null, 304);
  return null;
}

/**
 * A module's data version: a counter in `app_setting` that every change visible to the public
 * bumps (in the same transaction). ETags derive from it, so a conditional GET costs one tiny query.
 */
export async function dataVersion(db: Db, key: string): Promise<string> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', `${key}.version`).executeTakeFirst();
  return row?.value ?? '0';
}

export async function bumpDataVersion(db: Db, key: string): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('app_setting')
    .values({ key: `${key}.version`, value: '1', updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql`cast(cast(app_setting.value as integer) + 1 as text)`, updated_at: now }))
    .execute();
}

/** What a cached read's `version` gives: the data version, and how long the answer may be cached. */
export type ReadVersion = string | { version: string; maxAge: number };

/** The env of a route behind `cachedRead`: the handler finds the version in `c.var.dataVersion`. */
export interface CachedReadEnv {
  Variables: { dataVersion: string };
}

/**
 * Route middleware for a public read: a conditional GET on the data version that `version` reads
 * (see `notModified`). A matching `If-None-Match` gets its 304 here, before any validation or
 * query; otherwise the handler runs with the version in `c.var.dataVersion` (for `memoJson`), and
 * an error it answers (404, 409, 422) carries no ETag and no caching.
 * Declare it in `createRoute({ middleware: [cachedRead(…)] as const })`, with a 304 response.
 * `when` limits it to some requests (a format that is not cached, say).
 */
export function cachedRead(
  version: (c: Context<AppEnv>) => Promise<ReadVersion>,
  options: { maxAge?: number; when?: (c: Context<AppEnv>) => boolean } = {},
): MiddlewareHandler<AppEnv & CachedReadEnv> {
  return Object.assign(async (c: Context<AppEnv & CachedReadEnv>, next: () => Promise<void>) => {
    const ctx = c as unknown as Context<AppEnv>;
    if (options.when && !options.when(ctx)) return next();
    const v = await version(ctx);
    const { version: tag, maxAge } = typeof v === 'string' ? { version: v, maxAge: options.maxAge ?? 60 } : v;
    const hit = notModified(c, tag, maxAge);
    if (hit) return hit;
    c.set('dataVersion', tag);
    await next();
    // An error is no version of the data: never cached, never revalidated.
    if (c.res.status >= 400) {
      c.res.headers.delete('ETag');
      c.res.headers.delete('Cache-Control');
    }
  }, { [CACHED_READ]: true }) as MiddlewareHandler<AppEnv & CachedReadEnv>;
}

/**
 * Marks `cachedRead`'s middleware: `createRouter` makes the query schema of such a route strict,
 * so an unknown query parameter (a cache buster, a typo) is a 422 naming it rather than a fresh
 * cache key that defeats every cache on the way.
 */
export const CACHED_READ = Symbol('cachedRead');
export const isCachedRead = (m: unknown) => typeof m === 'function' && (m as unknown as Record<symbol, unknown>)[CACHED_READ] === true;

const MAX_BODIES = 500;
const MAX_BODY_BYTES = 256 * 1024;
const bodyCaches = new WeakMap<object, Map<string, string>>();

/**
 * Serves a public JSON read (behind `cachedRead`) from a small in-process LRU keyed by the data
 * version and the URL, so
 * repeated reads cost one version query instead of the full query and serialisation. Safe with
 * several instances: a change anywhere bumps the version in the database, and every key with the
 * old version simply stops being asked for. Large bodies (exports) are never kept.
 */
export async function memoJson(c: Context<AppEnv & CachedReadEnv>, compute: () => Promise<unknown>): Promise<Response> {
  const version = c.var.dataVersion;
  if (!c.var.config.reads.bodyCache) return c.body(JSON.stringify(await compute()), 200, { 'Content-Type': 'application/json; charset=utf-8' });
  let cache = bodyCaches.get(c.var.db);
  if (!cache) bodyCaches.set(c.var.db, (cache = new Map()));
  const key = `${version}|${c.req.url}`;
  let body = cache.get(key);
  if (body !== undefined) {
    cache.delete(key);
    cache.set(key, body);
  } else {
    body = JSON.stringify(await compute());
    if (body.length <= MAX_BODY_BYTES) {
      cache.set(key, body);
      if (cache.size > MAX_BODIES) cache.delete(cache.keys().next().value!);
    }
  }
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
}
