import { availableParallelism } from 'node:os';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { ApiError } from './errors.js';

// OWASP's scrypt floor: N=2^17, r=8, p=1 (128 MiB per hash).
const N = 2 ** 17, R = 8, P = 1, KEYLEN = 32;
const MAXMEM = 256 * 1024 * 1024;

/**
 * Password hashing runs on worker threads of its own, with `scryptSync` there. The async
 * `crypto.scrypt` would run on libuv's shared thread pool (4 threads), where a burst of sign-ins
 * queues ahead of every other pooled job: Web Crypto (the proof-of-work challenge), zlib, file
 * reads. Here a burst occupies only these threads and the main event loop stays free.
 *
 * Concurrency is capped at the pool size (one thread on a 2-core machine, at most 4). Sign-in checks
 * (`verifyPassword`) wait in a bounded queue; past it they fail fast with 503 so that a flood of
 * sign-ins cannot pile up hundreds of 128 MiB hashes. Hashing a new password (staff creating an
 * account, the CLI) waits without a bound: only signed-in staff and operators can ask for it.
 */
export const HASH_THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));
/** Sign-in checks that may wait for a hashing thread; the next one gets 503. */
export const VERIFY_QUEUE = 8;

// Plain CommonJS, evaluated in the worker: no loader or transpiler is involved.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', ({ password, salt, keylen, N, r, p, maxmem }) => {
  try {
    const key = scryptSync(password, Buffer.from(salt), keylen, { N, r, p, maxmem });
    parentPort.postMessage({ key });
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
});`;

interface Job { password: string; salt: Buffer; keylen: number; N: number; r: number; p: number; bounded: boolean; resolve(key: Buffer): void; reject(err: Error): void }

class HashPool {
  private idle: Worker[] = [];
  private size = 0;
  private queue: Job[] = [];
  private running = new Map<Worker, Job>();

  /** Queues a job; a `bounded` one is refused with 503 once `VERIFY_QUEUE` bounded jobs wait (running ones do not count). */
  run(job: Omit<Job, 'resolve' | 'reject'>): Promise<Buffer> {
    const free = this.idle.length > 0 || this.size < HASH_THREADS;
    if (job.bounded && !free && this.queue.filter((j) => j.bounded).length >= VERIFY_QUEUE) {
      return Promise.reject(new ApiError(503, 'service_unavailable', 'Too many sign-ins at once; try again in a moment', { retryAfter: 1 }, { 'Retry-After': '1' }));
    }
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ ...job, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.size < HASH_THREADS ? this.spawn() : undefined);
      if (!worker) return;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      worker.ref();
      worker.postMessage({ password: job.password, salt: job.salt, keylen: job.keylen, N: job.N, r: job.r, p: job.p, maxmem: MAXMEM });
    }
  }

  private spawn(): Worker {
    this.size++;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', (msg: { key?: Uint8Array; error?: string }) => {
      const job = this.running.get(worker);
      this.running.delete(worker);
      // Idle threads must not keep the process alive (CLI commands, tests).
      worker.unref();
      this.idle.push(worker);
      if (job) {
        if (msg.error) job.reject(new Error(msg.error));
        else job.resolve(Buffer.from(msg.key!));
      }
      this.pump();
    });
    worker.on('error', (err) => this.lose(worker, err));
    worker.on('exit', (code) => this.lose(worker, new Error(`password hashing thread exited (${code})`)));
    return worker;
  }

  private lose(worker: Worker, err: Error) {
    if (!this.running.has(worker) && !this.idle.includes(worker)) return;
    const job = this.running.get(worker);
    this.running.delete(worker);
    this.idle = this.idle.filter((w) => w !== worker);
    this.size--;
    job?.reject(err);
    this.pump();
  }
}

const pool = new HashPool();

const derive = (password: string, salt: Buffer, keylen: number, n: number, r: number, p: number, bounded: boolean) =>
  pool.run({ password: password.normalize('NFC'), salt, keylen, N: n, r, p, bounded });

/** `scrypt$N$r$p$salt$hash` (salt and hash base64url): the parameters travel with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, KEYLEN, N, R, P, false);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Checks a password against a stored hash. Throws 503 `service_unavailable` (Retry-After: 1) when
 * too many checks already wait for a hashing thread.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), expected.length, Number(n), Number(r), Number(p), true);
  return timingSafeEqual(key, expected);
}

/** A hash that matches nothing, verified for unknown e-mails so they take as long as wrong passwords. */
export const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
