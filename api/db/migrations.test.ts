import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from './database.js';
import { migrations } from './migrations/index.js';

describe('migrations', () => {
  it('applies a migration that landed after a later-named one was already applied', async () => {
    const names = Object.keys(migrations);
    // The panel's 2100 was merged after the guide's 2500: a database migrated in between lacks only it.
    const late = '2026_12_02_2100_staff_panel';
    expect(names.indexOf(late)).toBeLessThan(names.length - 1);
    const without = Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== late));
    const handle = openDatabase(':memory:');
    try {
      await migrateToLatest(handle.db, undefined, without);
      const second = await migrateToLatest(handle.db);
      expect(second.results?.map((r) => [r.migrationName, r.status])).toEqual([[late, 'Success']]);
      const third = await migrateToLatest(handle.db);
      expect(third.results ?? []).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
