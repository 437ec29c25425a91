// The proof-of-work solver. `ChallengeController` (pow.ts) imports it when a person starts to fill in
// a form, so a widget does not carry it until someone writes.
import type { AltchaChallenge } from '../../common/abuse.js';
import { request } from './api.js';
import { searchPow, type PowTask } from './pow.work.js';

/**
 * The worker, a file of the widget host: the build (rollup.config.js, `workerUrls`) turns this into
 * the URL of `pow-worker-<hash>.js` beside the widget bundles, found from this chunk's own URL; the
 * test runner serves the TypeScript source. Never a `blob:` or `data:` URL, which a strict host CSP
 * refuses.
 */
const WORKER_URL = new URL('./pow.worker.ts', import.meta.url);

/**
 * Where the search runs. Browsers start a worker only from the page's own origin, whatever the
 * CSP says, so:
 * - on a page of the widget host's origin (the `/embed` pages, a portal that serves the widgets
 *   itself), in a dedicated worker loaded from `WORKER_URL` (the page's CSP needs `worker-src` for it);
 * - on any other host, and where the worker cannot start, on the page's main thread, in batches
 *   that keep it busy for a few milliseconds at a time (`searchPow`): the hashing itself runs in the
 *   browser's crypto threads. That needs nothing from the host's CSP and causes no violation report.
 */
export function powWhere(url: URL = WORKER_URL): 'worker' | 'main' {
  return typeof Worker === 'function' && url.origin === location.origin ? 'worker' : 'main';
}

function inWorker(task: PowTask, url: URL, signal?: AbortSignal): Promise<number> {
  let worker: Worker;
  try {
    worker = new Worker(url, { type: 'module', name: 'ngo-pow' });
  } catch {
    // Refused (the page's worker-src, an old browser without module workers): solve here.
    return searchPow(task, { signal });
  }
  return new Promise<number>((resolve, reject) => {
    const done = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(signal!.reason);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<{ number?: number; error?: string }>) => {
      done();
      if (e.data.error !== undefined) reject(new Error(`[ngo] proof of work failed: ${e.data.error}`));
      else resolve(e.data.number!);
    };
    worker.onerror = (e) => {
      // The worker did not load or start: fall back to the main thread.
      e.preventDefault();
      done();
      searchPow(task, { signal }).then(resolve, reject);
    };
    worker.postMessage({ challenge: task.challenge, salt: task.salt, maxnumber: task.maxnumber } satisfies PowTask);
  });
}

/** Solves a challenge and returns the `abuse.altcha` payload: base64 of `{ algorithm, challenge, number, salt, signature }`. */
export async function solveAltcha(challenge: AltchaChallenge, signal?: AbortSignal, where = powWhere()): Promise<string> {
  const number = where === 'worker' ? await inWorker(challenge, WORKER_URL, signal) : await searchPow(challenge, { signal });
  if (number < 0) throw new Error('[ngo] proof-of-work challenge has no solution');
  const { algorithm, challenge: hash, salt, signature } = challenge;
  return btoa(JSON.stringify({ algorithm, challenge: hash, number, salt, signature }));
}

/** Fetches `GET {apiBase}/v1/challenge` and solves it (see `powWhere`). */
export async function solveChallenge(apiBase: string, signal?: AbortSignal): Promise<string> {
  return solveAltcha(await request<AltchaChallenge>(apiBase, '/v1/challenge', { signal }), signal);
}
