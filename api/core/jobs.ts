import type { Kysely } from 'kysely';
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
 * A recurring background task that a module registers when imported (the map's yearly
 * "please confirm your data" mail, say). Jobs must be safe to run on several instances at once:
 * each checks in the database what is due and marks what it did.
 */
export interface Job {
  name: string;
  intervalMs: number;
  run(ctx: JobContext): Promise<number>;
}

const jobs = new Map<string, Job>();

export function registerJob(job: Job): void {
  jobs.set(job.name, job);
}

export const registeredJobs = (): Job[] => [...jobs.values()];

/** Starts every registered job (first run after `firstDelayMs`); returns a stop function. */
export function startJobs(ctx: JobContext, firstDelayMs = 60_000): () => Promise<void> {
  const timers: ReturnType<typeof setTimeout>[] = [];
  const running = new Set<Promise<unknown>>();
  for (const job of jobs.values()) {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      const p = job
        .run(ctx)
        .then((n) => n && ctx.log.info('job done', { job: job.name, count: n }))
        .catch((err) => ctx.log.error('job failed', { job: job.name, err: String(err) }))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    const first = setTimeout(() => {
      tick();
      const every = setInterval(tick, job.intervalMs);
      every.unref?.();
      timers.push(every);
    }, firstDelayMs);
    first.unref?.();
    timers.push(first);
  }
  return async () => {
    for (const t of timers) clearTimeout(t);
    await Promise.all(running);
  };
}
