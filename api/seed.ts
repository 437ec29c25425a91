import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import { nowIso } from './core/ids.js';
import { refreshStatistics } from './db/database.js';
import type { Seed } from './core/module.js';

export type { Seed, SeedFn } from './core/module.js';

const settingKey = (name: string) => `seed:${name}`;

/**
 * Runs the seeds (`seedsOf(modules)`, in list order; `only` picks some by name) that have not run
 * on this database yet, each in its own transaction together with its `app_setting` marker, so a
 * crash mid-seed leaves nothing half-done. Returns the names that ran. Two instances starting
 * together cannot both seed: the marker's primary key makes the second transaction fail, and it
 * is then counted as done.
 */
export async function runSeeds(db: Kysely<Database>, seeds: readonly Seed[], only?: readonly string[]): Promise<string[]> {
  const byName = new Map<string, Seed>();
  for (const seed of seeds) {
    if (byName.has(seed.name)) throw new Error(`Seed "${seed.name}" is listed twice`);
    byName.set(seed.name, seed);
  }
  const ran: string[] = [];
  for (const name of only ?? byName.keys()) {
    const seed = byName.get(name);
    if (!seed) throw new Error(`Unknown seed "${name}"`);
    const done = await db.selectFrom('app_setting').select('key').where('key', '=', settingKey(name)).executeTakeFirst();
    if (done) continue;
    try {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('app_setting').values({ key: settingKey(name), value: 'done', updated_at: nowIso() }).execute();
        await seed.run(trx);
      });
      ran.push(name);
    } catch (err) {
      const raced = await db.selectFrom('app_setting').select('key').where('key', '=', settingKey(name)).executeTakeFirst();
      if (!raced) throw err;
    }
  }
  // Seeds are bulk writes: the planner should not see the tables as they were before them.
  if (ran.length) await refreshStatistics(db, 'full');
  return ran;
}
