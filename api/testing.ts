import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from './config.js';
import { testConfig } from './config.js';
import { createApp } from './app.js';
import { migrateToLatest, openDatabase, type DatabaseHandle, type DialectName } from './db/database.js';
import { createLogger } from './core/log.js';
import { createMailer, type Mailer } from './core/mail.js';

/**
 * The dialects every repository and route suite runs against: SQLite always, PostgreSQL too
 * when `TEST_DATABASE_URL` is set. Use with `describe.each(dialects)`.
 */
export const dialects: DialectName[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** A freshly migrated database of the given dialect: in-memory SQLite, or a PostgreSQL schema of its own. */
export async function testDatabase(dialect: DialectName): Promise<DatabaseHandle> {
  if (dialect === 'sqlite') {
    const handle = openDatabase(':memory:');
    await migrateToLatest(handle.db);
    return handle;
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase(url, { schema, poolSize: 5 });
  await migrateToLatest(handle.db, schema);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  handle: DatabaseHandle;
  db: DatabaseHandle['db'];
  config: Config;
  mailer: Mailer;
  close(): Promise<void>;
}

/** A whole app on a fresh database. Requests go through `app.request()`, like real HTTP. */
export async function testApp(dialect: DialectName, overrides: Partial<Config> = {}): Promise<TestApp> {
  const handle = await testDatabase(dialect);
  const config = testConfig(overrides);
  const log = createLogger('silent');
  const mailer = createMailer(handle.db, config, log);
  const app = createApp({ db: handle.db, config, log, mailer });
  return { app, handle, db: handle.db, config, mailer, close: () => handle.close() };
}

let ipCounter = 0;
/** A distinct client address per call, so rate limits in one test do not leak into another. */
export const freshIp = () => `10.${(++ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;

/** JSON request helper. */
export function json(body: unknown, headers: Record<string, string> = {}, method = 'POST'): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
