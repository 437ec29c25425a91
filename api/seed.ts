import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import { nowIso } from './core/ids.js';

/** Fills the database with demo data. Runs once per database, on the first start with SEED_DEMO on. */
export type SeedFn = (db: Kysely<Database>) => Promise<void>;

const seeds = new Map<string, SeedFn>();

/**
 * Registers a demo seed under a unique name, e.g. `registerSeed('map', seedOrganisations)` in
 * `api/map/map.seed.ts`. The module must be imported by the app (from its routes file), so the
 * seed is known before `runSeeds` runs.
 */
export function registerSeed(name: string, fn: SeedFn): void {
  if (seeds.has(name)) throw new Error(`Seed "${name}" is registered twice`);
  seeds.set(name, fn);
}

export const registeredSeeds = (): string[] => [...seeds.keys()];

const settingKey = (name: string) => `seed:${name}`;

/**
 * Runs every registered seed that has not run on this database yet, each in its own transaction
 * together with its `app_setting` marker, so a crash mid-seed leaves nothing half-done. Returns the
 * names that ran. Two instances starting together cannot both seed: the marker's primary key
 * makes the second transaction fail, and it is then counted as done.
 */
export async function runSeeds(db: Kysely<Database>, only: Iterable<string> = seeds.keys()): Promise<string[]> {
  const ran: string[] = [];
  for (const name of only) {
    const fn = seeds.get(name);
    if (!fn) throw new Error(`Unknown seed "${name}"`);
    const done = await db.selectFrom('app_setting').select('key').where('key', '=', settingKey(name)).executeTakeFirst();
    if (done) continue;
    try {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('app_setting').values({ key: settingKey(name), value: 'done', updated_at: nowIso() }).execute();
        await fn(trx);
      });
      ran.push(name);
    } catch (err) {
      const raced = await db.selectFrom('app_setting').select('key').where('key', '=', settingKey(name)).executeTakeFirst();
      if (!raced) throw err;
    }
  }
  return ran;
}
