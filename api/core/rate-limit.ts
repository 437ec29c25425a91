import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ApiError } from './errors.js';

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  /** Window length in seconds. */
  windowSec: number;
}

function windowStart(now: Date, windowSec: number): string {
  const ms = windowSec * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms).toISOString();
}

/**
 * Counts one hit in a fixed window kept in the database, so every instance shares it.
 * Returns the count after this hit and the seconds until the window resets.
 */
export async function hit(db: Kysely<Database>, bucket: string, rule: RateLimitRule, now = new Date()) {
  const start = windowStart(now, rule.windowSec);
  const row = await db
    .insertInto('rate_limit')
    .values({ bucket, window_start: start, count: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ count: sql`rate_limit.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  const resetSec = Math.max(1, Math.ceil((Date.parse(start) + rule.windowSec * 1000 - now.getTime()) / 1000));
  return { count: Number(row.count), resetSec };
}

const tooMany = (retryAfter: number) =>
  new ApiError(429, 'rate_limited', 'Too many requests, try again later', { retryAfter }, { 'Retry-After': String(retryAfter) });

/** Counts a hit and throws 429 (with Retry-After) past the limit. */
export async function enforce(db: Kysely<Database>, bucket: string, rule: RateLimitRule, now = new Date()) {
  const { count, resetSec } = await hit(db, bucket, rule, now);
  if (count > rule.limit) throw tooMany(resetSec);
}

export async function purgeRateLimits(db: Kysely<Database>, before: Date): Promise<number> {
  const r = await db.deleteFrom('rate_limit').where('window_start', '<', before.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
