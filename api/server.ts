import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Config } from './config.js';
import { createApp, type App } from './app.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db/database.js';
import { createLogger, type Logger } from './core/log.js';
import { createMailer, startMailWorker, type Mailer } from './core/mail.js';
import { startPurgeSchedule } from './core/retention.js';
import { startJobs } from './core/jobs.js';
import { jobsOf, retentionOf, type ModuleManifest } from './core/module.js';
import { MODULES } from './modules.js';

export interface ServerOptions {
  /** The modules to serve, with their retention rules and jobs. Default: every module (`api/modules.ts`). */
  modules?: readonly ModuleManifest[];
  /** Default: a JSON logger at `config.logLevel`. */
  log?: Logger;
  /** Runs after migrations and before listening: seeds, demo staff. */
  prepare?: (handle: DatabaseHandle, log: Logger) => Promise<void>;
  /** Start the mail worker and the purge schedule. Default true. */
  workers?: boolean;
  /** Mail outbox poll interval. Default 15 s. */
  mailIntervalMs?: number;
  /** Retention purge interval. Default 1 h. */
  purgeIntervalMs?: number;
  /** How long a shutdown waits for in-flight requests before cutting connections. Default 10 s. */
  drainTimeoutMs?: number;
  /** Serve this open database instead of opening `config.databaseUrl` (tests: a PostgreSQL schema of their own). */
  database?: DatabaseHandle;
  /** Shut down on SIGTERM/SIGINT and exit. Default true; tests call `close()` instead. */
  handleSignals?: boolean;
}

export interface RunningServer {
  /** Where this process listens, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  app: App;
  handle: DatabaseHandle;
  mailer: Mailer;
  log: Logger;
  /** Stops accepting, drains in-flight requests, stops workers, closes the database. Idempotent. */
  close(reason?: string): Promise<void>;
}

/** Opens and migrates the database, builds the app and serves it on `config.host:config.port`. */
export async function startServer(config: Config, opts: ServerOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? createLogger(config.logLevel);
  const handle = opts.database ?? openDatabase(config.databaseUrl, { readTimeoutMs: config.reads.timeoutSeconds * 1000, readQueueMs: config.reads.queueMs });
  const jobs: (() => Promise<void>)[] = [];
  try {
    const migrated = await migrateToLatest(handle.db);
    const applied = migrated.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
    log.info('database ready', { dialect: handle.dialect, file: handle.file, migrationsApplied: applied });
    await opts.prepare?.(handle, log);
  } catch (err) {
    await handle.close();
    throw err;
  }

  const mailer = createMailer(handle.db, config, log);
  const modules = opts.modules ?? MODULES;
  const app = createApp({ db: handle.db, handle, config, log, mailer, modules });

  let inFlight = 0;
  const server = await new Promise<Server>((resolveServer, reject) => {
    const s = serve(
      {
        fetch: async (req, env) => {
          inFlight++;
          try {
            return await app.fetch(req, env);
          } finally {
            inFlight--;
          }
        },
        port: config.port,
        hostname: config.host,
      },
      () => resolveServer(s as Server),
    ) as Server;
    s.once('error', reject);
  }).catch(async (err) => {
    await handle.close();
    throw err;
  });
  const port = (server.address() as AddressInfo).port;
  const displayHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${displayHost}:${port}`;
  log.info('listening', { url, host: config.host, port, publicUrl: config.publicUrl, pid: process.pid });

  if (opts.workers !== false) {
    const mailIntervalMs = opts.mailIntervalMs ?? 15_000;
    const purgeIntervalMs = opts.purgeIntervalMs ?? 3_600_000;
    jobs.push(
      startMailWorker(mailer, mailIntervalMs, log),
      startPurgeSchedule(handle.db, config, log, purgeIntervalMs, retentionOf(modules)),
      startJobs({ db: handle.db, config, mailer, log }, jobsOf(modules)),
    );
    log.info('background jobs started', { mailIntervalMs, purgeIntervalMs });
  }

  let closing: Promise<void> | null = null;
  const close = (reason = 'close') =>
    (closing ??= (async () => {
      const started = Date.now();
      log.info('shutting down', { reason, inFlight });
      // Public reads are cheap to retry: their queries are cancelled now (the client gets 503
      // service_busy), so they neither hold the drain nor run on in PostgreSQL after we exit.
      await handle.cancelReads().catch((err) => log.warn('cancelling reads failed', { err: String(err) }));
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      const deadline = started + (opts.drainTimeoutMs ?? 10_000);
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      if (inFlight > 0) log.warn('drain timeout; cutting connections', { inFlight });
      server.closeAllConnections();
      await closed;
      for (const stop of jobs) await stop();
      await handle.close();
      log.info('stopped', { ms: Date.now() - started });
    })());

  if (opts.handleSignals !== false) {
    let signalled = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (signalled) {
        log.warn('second signal; exiting now', { signal });
        process.exit(1);
      }
      signalled = true;
      close(signal).then(
        () => process.exit(0),
        (err) => {
          log.error('shutdown failed', { err: String(err) });
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }

  return { url, port, app, handle, mailer, log, close };
}

