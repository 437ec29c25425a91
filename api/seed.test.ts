import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects, testDatabase } from './testing.js';
import type { DatabaseHandle } from './db/database.js';
import { runSeeds, type Seed } from './seed.js';

describe.each(dialects)('seeds (%s)', (dialect) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await testDatabase(dialect);
  });
  afterEach(() => handle.close());

  it('runs a seed once per database and records it in app_setting', async () => {
    const name = `test-${randomUUID()}`;
    let runs = 0;
    const seeds: Seed[] = [{
      name,
      run: async (db) => {
        runs++;
        await db.insertInto('app_setting').values({ key: `${name}:data`, value: 'x', updated_at: new Date().toISOString() }).execute();
      },
    }];
    expect(await runSeeds(handle.db, seeds)).toEqual([name]);
    expect(await runSeeds(handle.db, seeds)).toEqual([]);
    expect(runs).toBe(1);
    const marker = await handle.db.selectFrom('app_setting').select('value').where('key', '=', `seed:${name}`).executeTakeFirst();
    expect(marker?.value).toBe('done');
  });

  it('rolls a failed seed back, marker included, so the next start retries it', async () => {
    const name = `test-${randomUUID()}`;
    let fail = true;
    const seeds: Seed[] = [{
      name,
      run: async (db) => {
        await db.insertInto('app_setting').values({ key: `${name}:partial`, value: 'x', updated_at: new Date().toISOString() }).execute();
        if (fail) throw new Error('boom');
      },
    }];
    await expect(runSeeds(handle.db, seeds)).rejects.toThrow('boom');
    const left = await handle.db.selectFrom('app_setting').select('key').where('key', 'like', `%${name}%`).execute();
    expect(left).toEqual([]);
    fail = false;
    expect(await runSeeds(handle.db, seeds)).toEqual([name]);
  });

  it('refuses a name listed twice and an unknown name', async () => {
    const name = `test-${randomUUID()}`;
    const seed: Seed = { name, run: async () => {} };
    await expect(runSeeds(handle.db, [seed, seed])).rejects.toThrow(/twice/);
    await expect(runSeeds(handle.db, [seed], ['no-such-seed'])).rejects.toThrow(/Unknown seed/);
  });

  it('runs only the seeds named, in the order named', async () => {
    const ran: string[] = [];
    const seeds: Seed[] = ['a', 'b', 'c'].map((n) => ({ name: `${n}-${randomUUID()}`, run: async () => void ran.push(n) }));
    expect(await runSeeds(handle.db, seeds, [seeds[2]!.name, seeds[0]!.name])).toEqual([seeds[2]!.name, seeds[0]!.name]);
    expect(ran).toEqual(['c', 'a']);
  });
});
