import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { AltchaChallenge } from '../../common/abuse.js';
import { ABUSE_FIELD } from '../../common/abuse.js';
import { AbuseSchema } from '../../common/abuse.schema.js';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { AppEnv } from './context.js';
import { ApiError, validationError } from './errors.js';
import { addMs, nowIso } from './ids.js';
import { enforce } from './rate-limit.js';
import { toFieldIssues } from './validation.js';

/** How long a challenge may be solved and submitted. */
export const CHALLENGE_TTL_MS = 10 * 60_000;

/**
 * A fresh ALTCHA v1 challenge, signed with the server secret. The issue time travels in the
 * signed salt (`iat`), so the minimum fill time needs no server-side state.
 */
export async function issueChallenge(config: Config, now = Date.now()): Promise<AltchaChallenge> {
  const ch = await createChallenge({
    hmacKey: config.secret,
    maxNumber: config.powMaxNumber,
    expires: new Date(now + CHALLENGE_TTL_MS),
    params: { iat: String(now) },
  });
  return { algorithm: 'SHA-256', challenge: ch.challenge, maxnumber: ch.maxnumber ?? config.powMaxNumber, salt: ch.salt, signature: ch.signature };
}

export interface GuardOptions {
  /** Names the rate-limit bucket, e.g. `map:submit`. */
  scope: string;
  /** Writes allowed per client (IP hash) per window. */
  limit: number;
  /** Window length in seconds. */
  windowSec: number;
}

const challengeFailed = (why: string) => new ApiError(422, 'challenge_failed', `The anti-spam check failed (${why}); fetch a new challenge`);

/** A solved challenge whose signature and expiry checked out; not yet spent. */
export interface ProofOfWork {
  signature: string;
  /** When the challenge would have expired: the spent mark can go then. */
  expiresAt: string;
  /** When it was issued (ms), from the signed salt. */
  issuedAt: number;
}

/**
 * Checks a solved challenge (`abuse.altcha`): signature, solution and expiry, without touching the
 * database. Throws 422 `challenge_failed`.
 */
export async function checkProofOfWork(config: Config, altcha: string): Promise<ProofOfWork> {
  let params: Record<string, string>;
  let signature: string;
  try {
    if (!(await verifySolution(altcha, config.secret, true))) throw challengeFailed('invalid or expired');
    const payload = JSON.parse(atob(altcha)) as { signature: string };
    signature = String(payload.signature);
    params = extractParams(altcha);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw challengeFailed('unreadable');
  }
  const issuedAt = Number(params.iat);
  if (!Number.isFinite(issuedAt)) throw challengeFailed('not issued here');
  const expiresSec = Number(params.expires);
  const expiresAt = Number.isFinite(expiresSec) ? new Date(expiresSec * 1000).toISOString() : addMs(new Date(), CHALLENGE_TTL_MS);
  return { signature, expiresAt, issuedAt };
}

/** Marks a checked proof of work as spent, in every instance; false when it already was. */
export async function spendProofOfWork(db: Kysely<Database>, pow: ProofOfWork): Promise<boolean> {
  const row = await db
    .insertInto('pow_spent')
    .values({ signature: pow.signature, expires_at: pow.expiresAt })
    .onConflict((oc) => oc.column('signature').doNothing())
    .returning('signature')
    .executeTakeFirst();
  return row !== undefined;
}

export const proofAlreadyUsed = () => challengeFailed('already used');

async function release(db: Kysely<Database>, signature: string) {
  await db.deleteFrom('pow_spent').where('signature', '=', signature).execute();
}

async function readBody(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined; // an empty body; `jsonBody` has already refused malformed JSON
  }
}

/**
 * Guards an anonymous JSON write. Checks, in this order:
 * 1. rate limit per IP hash in `anon:<scope>:<ipHash>` → 429 `rate_limited` with `Retry-After`;
 * 2. the `abuse` object is present and well-formed → 422 `validation_failed` (`abuse.altcha`, …);
 * 3. honeypot `abuse.website` empty → 422 `abuse_detected`;
 * 4. proof of work valid, unexpired and unused → 422 `challenge_failed`;
 * 5. at least `config.minFillMs` since the challenge was issued → 422 `too_fast`.
 *
 * The solved challenge is spent on success. It is given back only when the request ends in a
 * field-validation error (422 `validation_failed`) or `too_fast`, so that the person can fix the
 * form without solving again. A 5xx keeps it spent: otherwise one proof could repeat a write that
 * fails on our side for ever (a client retries with a new challenge, or the same Idempotency-Key).
 *
 * Use it as route middleware, after `idempotent(…)` so a replayed retry skips it:
 * `createRoute({ …, middleware: [idempotent('map:submit'), guardAnonymousWrite({ scope: 'map:submit', limit: 10, windowSec: 3600 })] })`.
 */
export function guardAnonymousWrite({ scope, limit, windowSec }: GuardOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, config } = c.var;
    await enforce(db, `anon:${scope}:${c.var.ipHash}`, { limit, windowSec });

    const body = await readBody(c);
    const raw = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[ABUSE_FIELD] : undefined;
    const parsed = AbuseSchema.safeParse(raw);
    if (!parsed.success) {
      throw validationError(toFieldIssues(parsed.error, raw).map((i) => ({ ...i, path: i.path === '(root)' ? ABUSE_FIELD : `${ABUSE_FIELD}.${i.path}` })));
    }
    const { altcha, website } = parsed.data;
    if (website) throw new ApiError(422, 'abuse_detected', 'The form was filled in by a robot');

    const pow = await checkProofOfWork(config, altcha);
    if (!(await spendProofOfWork(db, pow))) throw proofAlreadyUsed();
    const { signature } = pow;

    const elapsed = Date.now() - pow.issuedAt;
    if (elapsed < config.minFillMs) {
      await release(db, signature);
      const waitMs = config.minFillMs - elapsed;
      throw new ApiError(422, 'too_fast', 'The form was sent too quickly; wait a moment and send it again', { retryAfterMs: waitMs });
    }

    await next();

    const err = c.error;
    if (err instanceof ApiError && err.code === 'validation_failed') {
      await release(db, signature).catch((e) => c.var.log.warn('could not release challenge', { err: String(e) }));
    }
  };
}

/** Retention: spent challenges can go once they would have expired anyway. */
export async function purgeSpentChallenges(db: Kysely<Database>, now = new Date()): Promise<number> {
  const r = await db.deleteFrom('pow_spent').where('expires_at', '<', nowIso(now)).executeTakeFirst();
  return Number(r.numDeletedRows);
}
