/**
 * One app instance as the several-instances and durability tests run it: `startServer` with the
 * configuration from the environment (exactly as `npm start` reads it), every module, the mail
 * worker, the purge schedule and the jobs, and graceful shutdown on SIGTERM. Unlike `npm start` it
 * neither builds the widgets nor seeds demo data, so that several can start at once on one
 * database. `MAIL_INTERVAL_MS` sets the outbox poll (default 15 s, as in production).
 */
import { loadConfig } from '../api/config.js';
import { startServer } from '../api/server.js';

const interval = Number(process.env.MAIL_INTERVAL_MS ?? 15_000);
startServer(loadConfig(process.env), { mailIntervalMs: Number.isFinite(interval) && interval > 0 ? interval : 15_000 }).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
