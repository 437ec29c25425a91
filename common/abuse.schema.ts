import * as z from './zod.js';

/**
 * The anti-abuse fields every anonymous write carries under the key `abuse` (see `abuse.ts` for
 * the wire contract). Module input schemas embed it: `z.object({ …, abuse: AbuseSchema })`.
 */
export const AbuseSchema = z
  .object({
    /** Base64 of the solved ALTCHA payload `{ algorithm, challenge, number, salt, signature }`. */
    altcha: z.string().max(2000),
    /** Honeypot: hidden from people, must stay empty. */
    website: z.string().max(200).optional(),
  })
  .meta({ id: 'AbuseFields' });

/** `GET /v1/challenge`: an ALTCHA v1 challenge. */
export const AltchaChallengeSchema = z
  .object({
    algorithm: z.literal('SHA-256'),
    challenge: z.string(),
    maxnumber: z.number().int(),
    salt: z.string(),
    signature: z.string(),
  })
  .meta({ id: 'AltchaChallenge' });
