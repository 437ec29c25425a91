/**
 * Wire contract of the anti-abuse kit for anonymous writes.
 *
 * 1. When a person starts filling in a form, the widget fetches `GET /v1/challenge`
 *    (an ALTCHA v1 challenge: `{ algorithm, challenge, maxnumber, salt, signature }`) and solves it
 *    (widgets/core/pow.solver.ts: in a worker of the widget host where the page shares its origin,
 *    else on the main thread in short slices): find `number` ≤ maxnumber with
 *    `sha256(salt + number) === challenge`.
 * 2. The POST body carries `abuse: { altcha, website }`: `altcha` is base64 of
 *    `JSON.stringify({ algorithm, challenge, number, salt, signature })`, and `website` is the
 *    honeypot, a field hidden from people that must stay empty.
 * 3. The server checks, in this order: rate limit per IP hash (429 `rate_limited`), honeypot
 *    (422 `abuse_detected`), the proof of work and its single use (422 `challenge_failed`), and the
 *    time since the challenge was issued (422 `too_fast`).
 * 4. An `Idempotency-Key` header (8–128 URL-safe chars) makes a retried POST return the first answer.
 */
export const ABUSE_FIELD = 'abuse';
export const HONEYPOT_FIELD = 'website';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

export interface AbuseFields {
  altcha: string;
  website?: string;
}

export interface AltchaChallenge {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}
