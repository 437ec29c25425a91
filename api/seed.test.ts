import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects, testDatabase } from './testing.js';
import type { DatabaseHandle } from './db/database.js';
import { registerSeed, registeredSeeds, runSeeds } from './seed.js';

describe.each(dialects)('seed registry (%s)', (dialect) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await testDatabase(dialect);
  });
  afterEach(() => handle.close());

  it('runs a seed once per database and records it in app_setting', async () => {
    const name = `test-${randomUUID()}`;
    let runs = 0;
    registerSeed(name, async (db) => {
      runs++;
      await db.insertInto('app_setting').values({ key: `${name}:data`, value: 'x', updated_at: new Date().toISOString() }).execute();
    });
    expect(registeredSeeds()).toContain(name);
    expect(await runSeeds(handle.db, [name])).toEqual([name]);
    expect(await runSeeds(handle.db, [name])).toEqual([]);
    expect(runs).toBe(1);
    const marker = await handle.db.selectFrom('app_setting').select('value').where('key', '=', `seed:${name}`).executeTakeFirst();
    expect(marker?.value).toBe('done');
  });

  it('rolls a failed seed back, marker included, so the next start retries it', async () => {
    const name = `test-${randomUUID()}`;
    let fail = true;
    registerSeed(name, async (db) => {
      await db.insertInto('app_setting').values({ key: `${name}:partial`, value: 'x', updated_at: new Date().toISOString() }).execute();
      if (fail) throw new Error('boom');
    });
    await expect(runSeeds(handle.db, [name])).rejects.toThrow('boom');
    const left = await handle.db.selectFrom('app_setting').select('key').where('key', 'like', `%${name}%`).execute();
    expect(left).toEqual([]);
    fail = false;
    expect(await runSeeds(handle.db, [name])).toEqual([name]);
  });

  it('refuses a name registered twice and an unknown name', async () => {
    const name = `test-${randomUUID()}`;
    registerSeed(name, async () => {});
    expect(() => registerSeed(name, async () => {})).toThrow(/twice/);
    await expect(runSeeds(handle.db, ['no-such-seed'])).rejects.toThrow(/Unknown seed/);
  });
});
