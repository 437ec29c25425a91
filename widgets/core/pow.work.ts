// The proof-of-work search itself, shared by the worker (pow.worker.ts) and the main-thread
// fallback (pow.solver.ts). No DOM, no imports: it runs in both.
import type { AltchaChallenge } from '../../common/abuse.js';

/** What the search needs of a challenge. */
export type PowTask = Pick<AltchaChallenge, 'challenge' | 'salt' | 'maxnumber'>;

export interface SearchOptions {
  signal?: AbortSignal;
  /**
   * How long one batch may keep the thread busy, in ms (the part that runs in JavaScript: encoding,
   * starting the digests, comparing the results; SHA-256 itself runs in the browser's crypto
   * threads). Batches grow or shrink to fit. Default 8, well below a 50 ms long task.
   */
  sliceMs?: number;
  /** Give the thread back to the page between batches (the main-thread fallback). Default true. */
  yieldBetween?: boolean;
}

/**
 * A fresh task: input, rendering and the host's own scripts run before the next batch. Awaiting
 * the digests alone is not enough: Chromium resolves them within the same task.
 */
const nextTask = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
};

const bytesOf = (hex: string) => Uint8Array.from(hex.toLowerCase().match(/../g) ?? [], (h) => parseInt(h, 16));

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Finds `number` in 0…maxnumber with SHA-256(salt + number) = challenge, or -1, in batches sized
 * to `sliceMs`, each in a task of its own, so on a page's main thread input and rendering go on
 * between batches and no long task comes of it.
 */
export async function searchPow(task: PowTask, options: SearchOptions = {}): Promise<number> {
  const target = bytesOf(task.challenge);
  const enc = new TextEncoder();
  const slice = options.sliceMs ?? 8;
  let size = 64;
  for (let start = 0; start <= task.maxnumber; ) {
    if (start > 0 && options.yieldBetween !== false) await nextTask();
    options.signal?.throwIfAborted();
    const end = Math.min(start + size - 1, task.maxnumber);
    const t0 = performance.now();
    const jobs: Promise<ArrayBuffer>[] = [];
    for (let n = start; n <= end; n++) jobs.push(crypto.subtle.digest('SHA-256', enc.encode(task.salt + n)));
    const hashes = await Promise.all(jobs);
    for (let i = 0; i < hashes.length; i++) if (equal(new Uint8Array(hashes[i]!), target)) return start + i;
    const spent = performance.now() - t0;
    start = end + 1;
    // Size the next batch to the slice, growing at most twofold at a time.
    size = Math.max(16, Math.min(4096, Math.round(size * Math.min(2, slice / Math.max(spent, 0.05)))));
  }
  return -1;
}
