// The proof-of-work solver. `ChallengeController` (pow.ts) imports it when a person starts to fill in
// a form, so a widget does not carry it until someone writes.
import type { AltchaChallenge } from '../../common/abuse.js';
import { request } from './api.js';

/**
 * Proof of work for anonymous writes (see common/abuse.ts): find `number` ≤ `maxnumber` with
 * hex(sha256(salt + number)) === challenge. It runs in a worker of our own, built from this
 * function's source, so it must not refer to anything outside itself.
 */
async function solve(c: Pick<AltchaChallenge, 'challenge' | 'salt' | 'maxnumber'>): Promise<number> {
  const enc = new TextEncoder();
  const target = c.challenge.toLowerCase();
  for (let start = 0; start <= c.maxnumber; start += 200) {
    const jobs: Promise<ArrayBuffer>[] = [];
    for (let n = start; n <= Math.min(start + 199, c.maxnumber); n++) jobs.push(crypto.subtle.digest('SHA-256', enc.encode(c.salt + n)));
    const hashes = await Promise.all(jobs);
    for (let i = 0; i < hashes.length; i++) {
      let hex = '';
      for (const b of new Uint8Array(hashes[i]!)) hex += (b < 16 ? '0' : '') + b.toString(16);
      if (hex === target) return start + i;
    }
  }
  return -1;
}

function run(challenge: AltchaChallenge, signal?: AbortSignal): Promise<number> {
  let worker: Worker;
  let url = '';
  try {
    url = URL.createObjectURL(new Blob([`onmessage=async e=>postMessage(await(${solve})(e.data))`], { type: 'text/javascript' }));
    worker = new Worker(url);
  } catch {
    // A host CSP without `worker-src blob:` refuses the worker: solve here instead (async, in small batches).
    if (url) URL.revokeObjectURL(url);
    return solve(challenge);
  }
  return new Promise<number>((resolve, reject) => {
    const done = () => {
      worker.terminate();
      URL.revokeObjectURL(url);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(signal!.reason);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<number>) => {
      done();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      done();
      // The worker could not start (e.g. CSP): fall back to the main thread.
      solve(challenge).then(resolve, reject);
    };
    worker.postMessage({ challenge: challenge.challenge, salt: challenge.salt, maxnumber: challenge.maxnumber });
  });
}

/** Solves a challenge and returns the `abuse.altcha` payload: base64 of `{ algorithm, challenge, number, salt, signature }`. */
export async function solveAltcha(challenge: AltchaChallenge, signal?: AbortSignal): Promise<string> {
  const number = await run(challenge, signal);
  if (number < 0) throw new Error('[ngo] proof-of-work challenge has no solution');
  const { algorithm, challenge: hash, salt, signature } = challenge;
  return btoa(JSON.stringify({ algorithm, challenge: hash, number, salt, signature }));
}

/** Fetches `GET {apiBase}/v1/challenge` and solves it in a worker. */
export async function solveChallenge(apiBase: string, signal?: AbortSignal): Promise<string> {
  return solveAltcha(await request<AltchaChallenge>(apiBase, '/v1/challenge', { signal }), signal);
}
