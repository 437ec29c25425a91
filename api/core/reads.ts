import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import { cancelRead, newReadScope, runAsRead, type DatabaseHandle } from '../db/database.js';
import type { AppEnv } from './context.js';
import { ApiError } from './errors.js';

/**
 * Public reads under load. Every public `GET /v1/…` (not `/v1/admin`) passes one gate:
 * - a generous per-client rate limit (`READ_RATE_LIMIT` a minute), answered 429 with `Retry-After`.
 *   It is kept in memory, per instance, on purpose: a counter shared through the database would
 *   make every read a write on the very database this gate protects, so a flood of reads would
 *   become a flood of writes (and on PostgreSQL, row-lock contention on one hot client's counter).
 *   With N instances a client may read N times the limit; the README says to divide it by N, or to
 *   balance by client address;
 * - at most `READ_CONCURRENCY` reads at once; the next ones wait in a queue of `READ_QUEUE` for at
 *   most `READ_QUEUE_MS`, and past that, or when the event loop lags more than `READ_MAX_LAG_MS`
 *   (SQLite's queries block it), they are refused at once with 503 `service_busy` and
 *   `Retry-After`: a read is answered or refused, never left hanging;
 * - on PostgreSQL its queries run in a read scope (`runAsRead`): the reads pool with its statement
 *   timeout (`READ_TIMEOUT_SECONDS`, answered 503 `service_busy`), cancelled when the client goes away.
 * Heavy reads, the file exports (`format=csv|xlsx|geojson|docx`, see `isExportRead`), take a lane
 * of their own instead (`READ_EXPORT_*`: a few at once, a longer queue, a per-client limit of their
 * own), so twenty exports at once wait for each other and never for, or instead of, a page read.
 * `/healthz` reports the gate (`readGateStats`).
 */
export interface ReadGateStats {
  inFlight: number;
  queued: number;
  /** Reads refused since start: busy (503) and rate-limited (429). */
  refused: { busy: number; rateLimited: number };
  eventLoopLagMs: number;
  saturated: boolean;
  pool: ReturnType<DatabaseHandle['readPool']>;
  /** The export lane. */
  exports: { inFlight: number; queued: number; refused: { busy: number; rateLimited: number } };
}

/** File formats whose reads are heavy (a whole filtered set, built into a file): they take the export lane. */
const EXPORT_FORMATS = new Set(['csv', 'xlsx', 'geojson', 'docx']);
export const isExportRead = (format: string | undefined) => format !== undefined && EXPORT_FORMATS.has(format);

/** At most `concurrency` at once; the next wait in a queue of `queueMax` for at most `queueMs`. */
function lane(concurrency: number, queueMax: number, queueMs: number) {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  /** A place, or false when the queue is full or the wait ran out. */
  const admit = (): Promise<boolean> | boolean => {
    if (inFlight < concurrency && !waiting.length) return (inFlight++, true);
    if (waiting.length >= queueMax) return false;
    return new Promise<boolean>((resolve) => {
      const go = () => {
        clearTimeout(timer);
        inFlight++;
        resolve(true);
      };
      const timer = setTimeout(() => {
        const i = waiting.indexOf(go);
        if (i >= 0) waiting.splice(i, 1);
        resolve(false);
      }, queueMs);
      waiting.push(go);
    });
  };
  const leave = () => {
    inFlight--;
    if (inFlight < concurrency) waiting.shift()?.();
  };
  return { admit, leave, inFlight: () => inFlight, queued: () => waiting.length, full: () => inFlight >= concurrency };
}

/** A fixed one-minute window per key: the seconds to wait once `limit` is passed, else 0 (a `limit` of 0 is off). */
function perMinute(limit: number) {
  const windows = new Map<string, { start: number; count: number }>();
  let prunedAt = Date.now();
  return (key: string) => {
    if (!limit) return 0;
    const now = Date.now();
    if (now - prunedAt > 60_000) {
      for (const [k, w] of windows) if (now - w.start >= 60_000) windows.delete(k);
      prunedAt = now;
    }
    let w = windows.get(key);
    if (!w || now - w.start >= 60_000) windows.set(key, (w = { start: now, count: 0 }));
    w.count++;
    return w.count > limit ? Math.max(1, Math.ceil((w.start + 60_000 - now) / 1000)) : 0;
  };
}

export const busy = (retryAfter = 1) =>
  new ApiError(503, 'service_busy', 'The service is busy; try again in a moment', { retryAfter }, { 'Retry-After': String(retryAfter) });

/** PostgreSQL's "canceling statement" (timeout or cancel) and the pool's wait timeout, as 503 `service_busy`; anything else is null. */
export function asBusy(err: unknown): ApiError | null {
  const e = err as { code?: string; message?: string } | null;
  if (e?.code === '57014' || /timeout exceeded when trying to connect/.test(e?.message ?? '')) return busy(1);
  return null;
}

/** The event loop's lag, sampled every 100 ms: how late a timer fires. Unref'd, so it never keeps a process alive. */
function lagSampler() {
  let lag = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    // Decays, so one blocked moment does not refuse reads for long.
    lag = Math.max(now - last - 100, lag * 0.5);
    last = now;
  }, 100);
  timer.unref?.();
  return () => lag;
}

export function readGate(config: Config, handle?: Pick<DatabaseHandle, 'readPool' | 'cancelBackends'> & Partial<DatabaseHandle>) {
  const { concurrency, queue: queueMax, queueMs, maxLagMs, rateLimit } = config.reads;
  const reads = lane(concurrency, queueMax, queueMs);
  const exports = lane(config.reads.exportConcurrency, config.reads.exportQueue, config.reads.exportQueueMs);
  const refused = { busy: 0, rateLimited: 0 };
  const exportsRefused = { busy: 0, rateLimited: 0 };
  const lag = lagSampler();
  const rateLimited = perMinute(rateLimit);
  const exportRateLimited = perMinute(config.reads.exportRateLimit);

  const stats = (): ReadGateStats => {
    const eventLoopLagMs = Math.round(lag());
    return {
      inFlight: reads.inFlight(),
      queued: reads.queued(),
      refused: { ...refused },
      eventLoopLagMs,
      saturated: reads.full() || eventLoopLagMs > maxLagMs,
      pool: handle?.readPool() ?? null,
      exports: { inFlight: exports.inFlight(), queued: exports.queued(), refused: { ...exportsRefused } },
    };
  };

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/v1/admin')) return next();
    const heavy = isExportRead(c.req.query('format'));
    const counts = heavy ? exportsRefused : refused;
    const wait = rateLimited(c.var.ipHash) || (heavy ? exportRateLimited(c.var.ipHash) : 0);
    if (wait) {
      counts.rateLimited++;
      throw new ApiError(429, 'rate_limited', 'Too many requests, try again later', { retryAfter: wait }, { 'Retry-After': String(wait) });
    }
    const gate = heavy ? exports : reads;
    if (lag() > maxLagMs || !(await gate.admit())) {
      counts.busy++;
      throw busy(heavy ? 5 : 1);
    }
    const leave = gate.leave;
    try {
      if (!handle?.cancelBackends) return await next();
      const scope = newReadScope();
      const signal = c.req.raw.signal;
      const onAbort = () => void cancelRead(handle as DatabaseHandle, scope).catch(() => undefined);
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        await runAsRead(scope, () => next());
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    } finally {
      leave();
    }
  };
  return { middleware, stats };
}
