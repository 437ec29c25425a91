import { afterEach, beforeEach } from 'vitest';
import type { DatabaseHandle, DialectName } from '../db/database.js';
import { testDatabase } from '../testing.js';

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
