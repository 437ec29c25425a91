import type { Context } from 'hono';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AppEnv } from './context.js';
import { nowIso, sha256 } from './ids.js';

/**
 * Conditional GET for public reads. The ETag is derived from a data version and the full URL,
 * so a 304 costs one tiny query and no rendering. Returns a 304 response, or null to go on.
 */
export function notModified(c: Context<AppEnv>, version: string, maxAge = 60): Response | null {
  const tag = `W/"${sha256(`${version}|${c.req.url}|${c.req.header('accept-language') ?? ''}`).slice(0, 27)}"`;
  c.header('ETag', tag);
  c.header('Cache-Control', `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 5}`);
  c.header('Vary', 'Accept-Encoding, Origin');
  const inm = c.req.header('if-none-match');
  if (inm && inm.split(',').some((t) => t.trim() === tag)) return c.body(null, 304);
  return null;
}

type Db = Kysely<Database> | Transaction<Database>;

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

const MAX_BODIES = 500;
const MAX_BODY_BYTES = 256 * 1024;
const bodyCaches = new WeakMap<object, Map<string, string>>();

/**
 * Serves a public JSON read from a small in-process LRU keyed by the data version and the URL, so
 * repeated reads cost one version query instead of the full query and serialisation. Safe with
 * several instances: a change anywhere bumps the version in the database, and every key with the
 * old version simply stops being asked for. Large bodies (exports) are never kept.
 */
export async function memoJson(c: Context<AppEnv>, version: string, compute: () => Promise<unknown>): Promise<Response> {
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
