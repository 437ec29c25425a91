import type { ReactiveController, ReactiveControllerHost } from 'lit';
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

/**
 * Starts solving when a person begins to fill in the form (first `focusin` or `input` in the
 * widget), so the answer is usually ready by the time they submit.
 * ```ts
 * private pow = new ChallengeController(this, () => this.api);
 * // on submit:
 * const altcha = await this.pow.solution();  // then send { abuse: { altcha, website } }
 * this.pow.reset();                           // a solution is single-use
 * ```
 */
export class ChallengeController implements ReactiveController {
  private pending?: Promise<string>;
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly apiBase: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('focusin', this.start);
    this.host.addEventListener('input', this.start);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusin', this.start);
    this.host.removeEventListener('input', this.start);
    this.reset();
  }

  /** Begins solving unless already under way. */
  readonly start = (): void => {
    if (this.pending) return;
    this.abort = new AbortController();
    const p = solveChallenge(this.apiBase(), this.abort.signal);
    this.pending = p;
    // A failure is reported on submit; a later submit fetches a new challenge.
    p.catch(() => {
      if (this.pending === p) this.pending = undefined;
    });
  };

  /** The solution, starting the work if needed. */
  solution(): Promise<string> {
    this.start();
    return this.pending!;
  }

  /** Forgets the current solution (it is single-use) and stops any work in progress. */
  reset(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.pending = undefined;
  }
}
