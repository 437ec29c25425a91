import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ApiError } from './errors.js';
import { nowIso } from './ids.js';

/**
 * Sign-in throttle, kept in the database so that every instance shares it.
 *
 * An attempt is claimed (counted) before the password is checked, with an atomic
 * increment-and-check, so parallel guesses cannot all slip past the limit; a successful sign-in
 * gives its attempt back. The first `free` attempts of a run need nothing more. After them there
 * is no lock-out: each further attempt needs a solved proof of work, and the time between
 * evaluated attempts doubles with each one (1 s, 2 s, 4 s … up to `maxDelaySec`). A run ends after
 * `resetAfterSec` without attempts.
 */
export interface ThrottleRule {
  /** Attempts evaluated without a proof of work or a delay. */
  free: number;
  /** Longest delay between two evaluated attempts after the free ones, in seconds. */
  maxDelaySec: number;
  /** Quiet time after which the count starts again, in seconds. */
  resetAfterSec: number;
}

/** Per account (the e-mail typed, known or not). */
export const ACCOUNT_THROTTLE: ThrottleRule = { free: 5, maxDelaySec: 60, resetAfterSec: 3600 };
/** Per known browser (see the device cookie in auth.ts): its own budget, so a stolen cookie is no free pass. */
export const DEVICE_THROTTLE: ThrottleRule = { free: 5, maxDelaySec: 60, resetAfterSec: 3600 };
/** Per client address, across accounts (one office behind NAT shares it). */
export const IP_THROTTLE: ThrottleRule = { free: 20, maxDelaySec: 60, resetAfterSec: 3600 };

/** Seconds to wait after the `k`-th attempt beyond the free ones (k ≥ 1). */
export const delayAfter = (rule: ThrottleRule, k: number) => Math.min(2 ** Math.max(0, k - 1), rule.maxDelaySec);

const EPOCH = new Date(0).toISOString();

export const challengeRequired = (retryAfter: number) =>
  new ApiError(
    429,
    'challenge_required',
    retryAfter > 0 ? `Too many sign-in attempts: solve the anti-abuse check and try again in ${retryAfter} s` : 'Too many sign-in attempts: solve the anti-abuse check and try again',
    { retryAfter },
    retryAfter > 0 ? { 'Retry-After': String(retryAfter) } : undefined,
  );

/**
 * Claims one attempt for `key`, or throws 429 `challenge_required` (with `retryAfter` in seconds,
 * 0 when only a proof of work is missing). `withProof`: the request carries a valid proof of work.
 */
export async function claimAttempt(db: Kysely<Database>, key: string, rule: ThrottleRule, withProof: boolean, now = new Date()): Promise<void> {
  const at = nowIso(now);
  const cutoff = nowIso(new Date(now.getTime() - rule.resetAfterSec * 1000));
  await db.insertInto('login_throttle').values({ key, attempts: 0, next_at: EPOCH, updated_at: at }).onConflict((oc) => oc.column('key').doNothing()).execute();
  // A free attempt, or the first of a new run: one atomic statement, so N parallel requests get at most `free`.
  const free = await db
    .updateTable('login_throttle')
    .set({
      attempts: sql<number>`case when updated_at < ${cutoff} then 1 else attempts + 1 end`,
      next_at: sql<string>`case when updated_at < ${cutoff} then ${EPOCH} else next_at end`,
      updated_at: at,
    })
    .where('key', '=', key)
    .where((eb) => eb.or([eb('updated_at', '<', cutoff), eb('attempts', '<', rule.free)]))
    .returning('attempts')
    .executeTakeFirst();
  if (free) return;
  // Beyond the free attempts: a proof of work, and not before `next_at`. Compare-and-set, so of
  // several parallel requests only one moves `next_at` on; the others then see it in the future.
  for (let round = 0; round < 5; round++) {
    const row = await db.selectFrom('login_throttle').select(['attempts', 'next_at']).where('key', '=', key).executeTakeFirstOrThrow();
    const waitSec = Math.ceil((Date.parse(row.next_at) - now.getTime()) / 1000);
    if (waitSec > 0 || !withProof) throw challengeRequired(Math.max(0, waitSec));
    const attempts = Number(row.attempts);
    const nextAt = nowIso(new Date(now.getTime() + delayAfter(rule, attempts + 1 - rule.free) * 1000));
    const r = await db
      .updateTable('login_throttle')
      .set({ attempts: attempts + 1, next_at: nextAt, updated_at: at })
      .where('key', '=', key)
      .where('attempts', '=', attempts)
      .where('next_at', '=', row.next_at)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) return;
  }
  throw challengeRequired(1);
}

/** Gives a claimed attempt back (a successful sign-in, or one that was never evaluated); the next attempt needs no wait. */
export async function refundAttempt(db: Kysely<Database>, key: string, now = new Date()): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ attempts: sql<number>`case when attempts > 0 then attempts - 1 else 0 end`, next_at: nowIso(now) })
    .where('key', '=', key)
    .execute();
}

/**
 * Claims an attempt under every key, in order; when one refuses, the ones already claimed are
 * given back. Returns the keys claimed, for `refundAttempts`.
 */
export async function claimAttempts(db: Kysely<Database>, keys: [string, ThrottleRule][], withProof: boolean, now = new Date()): Promise<string[]> {
  const claimed: string[] = [];
  try {
    for (const [key, rule] of keys) {
      await claimAttempt(db, key, rule, withProof, now);
      claimed.push(key);
    }
  } catch (err) {
    await refundAttempts(db, claimed, now);
    throw err;
  }
  return claimed;
}

export async function refundAttempts(db: Kysely<Database>, keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) await refundAttempt(db, key, now);
}

/** Retention: runs of failures that ended a day ago or more. */
export async function purgeLoginThrottle(db: Kysely<Database>, before: Date): Promise<number> {
  const r = await db.deleteFrom('login_throttle').where('updated_at', '<', nowIso(before)).executeTakeFirst();
  return Number(r.numDeletedRows);
}
