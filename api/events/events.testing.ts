import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type DatabaseHandle, type DialectName } from '../db/database.js';
import { testDatabase, type TestApp } from '../testing.js';
import { createApp } from '../app.js';
import { createLogger } from '../core/log.js';
import { createMailer } from '../core/mail.js';

/** A freshly migrated database for each test of the suite: read `t.db` inside the tests. */
export function freshDatabaseEachTest(dialect: DialectName): { db: DatabaseHandle['db']; handle: DatabaseHandle } {
  const t = {} as { db: DatabaseHandle['db']; handle: DatabaseHandle };
  beforeEach(async () => {
    t.handle = await testDatabase(dialect);
    t.db = t.handle.db;
  });
  afterEach(() => t.handle.close());
  return t;
}

/**
 * A second app instance on the same database, as a second process behind a load balancer would
 * be: on PostgreSQL its own pool on the test's schema; SQLite has one file handle, so the same app.
 */
export function secondInstance(t: TestApp): { app: TestApp['app']; close(): Promise<void> } {
  if (t.handle.dialect === 'sqlite') return { app: t.app, close: async () => {} };
  const handle = openDatabase(process.env.TEST_DATABASE_URL!, { schema: t.handle.schema, poolSize: 5 });
  const log = createLogger('silent');
  const app = createApp({ db: handle.db, config: t.config, log, mailer: createMailer(handle.db, t.config, log) });
  return { app, close: () => handle.close() };
}
