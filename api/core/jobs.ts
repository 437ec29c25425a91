import type { Kysely } from 'kysely';
import { refreshStatistics } from '../db/database.js';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { Logger } from './log.js';
import type { Mailer } from './mail.js';

export interface JobContext {
  db: Kysely<Database>;
  config: Config;
  mailer: Mailer;
  log: Logger;
}

/**
 * A recurring background task that a module lists in its manifest (the map's yearly
 * "please confirm your data" mail, say). Jobs must be safe to run on several instances at once:
 * each checks in the database what is due and marks what it did.
 */
export interface Job {
  name: string;
  intervalMs: number;
  run(ctx: JobContext): Promise<number>;
}

/**
 * Runs `task` after `firstDelayMs`, then every `intervalMs`, never twice at once in this process.
 * Errors go to `onError`. Returns a stop function that waits for a run in progress. The one timer
 * loop behind the mail worker, the purge schedule and the modules' jobs.
 */
export function repeat(task: () => Promise<unknown>, intervalMs: number, onError: (err: unknown) => void, firstDelayMs = 0): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let every: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    if (running) return;
    running = task()
      .catch(onError)
      .finally(() => (running = null));
  };
  const start = () => {
    tick();
    every = setInterval(tick, intervalMs);
    every.unref?.();
  };
  const first = firstDelayMs > 0 ? setTimeout(start, firstDelayMs) : undefined;
  first?.unref?.();
  if (!first) start();
  return async () => {
    clearTimeout(first);
    clearInterval(every);
    await running;
  };
}

/** Starts the jobs (`jobsOf(modules)`; first run after `firstDelayMs`); returns a stop function. */
export function startJobs(ctx: JobContext, jobs: readonly Job[], firstDelayMs = 60_000): () => Promise<void> {
  const stops = jobs.map((job) =>
    repeat(
      async () => {
        const n = await job.run(ctx);
        if (n) ctx.log.info('job done', { job: job.name, count: n });
      },
      job.intervalMs,
      (err) => ctx.log.error('job failed', { job: job.name, err: String(err) }),
      firstDelayMs,
    ),
  );
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}

/**
 * Keeps the planner's statistics fresh between bulk writes (which refresh them themselves): every
 * six hours, SQLite's `PRAGMA optimize` or PostgreSQL's `ANALYZE`. On PostgreSQL, autovacuum should
 * do this too (see the README); this run covers a server where it is off or lags behind.
 */
export const statisticsJob: Job = {
  name: 'core.statistics',
  intervalMs: 6 * 3_600_000,
  async run({ db }) {
    await refreshStatistics(db, 'routine');
    return 0;
  },
};
