import { solveChallenge } from 'altcha-lib/v1';
import type { AbuseFields, AltchaChallenge } from '../../common/abuse.js';

interface Requester {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/** Solves a challenge the way the widget's worker does, and encodes the `abuse.altcha` payload. */
export async function solve(challenge: AltchaChallenge): Promise<string> {
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  if (!solution) throw new Error('challenge could not be solved');
  const { algorithm, salt, signature } = challenge;
  return btoa(JSON.stringify({ algorithm, challenge: challenge.challenge, number: solution.number, salt, signature }));
}

/** Test helper: fetches `/v1/challenge` from `app`, solves it and returns the `abuse` fields of a valid anonymous write. */
export async function solvedAbuse(app: Requester): Promise<Required<AbuseFields>> {
  const res = await app.request('/v1/challenge');
  if (res.status !== 200) throw new Error(`GET /v1/challenge answered ${res.status}`);
  return { altcha: await solve((await res.json()) as AltchaChallenge), website: '' };
}
