/**
 * Plans of the hot public reads at city scale, on both dialects: every query of every suite
 * (`ReadPlanSuite`, one per module that lists or searches; see docs/modules.md) runs with the
 * statistics stale and fresh, and neither plan may read a table once per row of another, nor take
 * longer than `READ_PLANS_BOUND_MS` (default 1 s; generous, since the machine is shared: the bench
 * measures speed, this catches plans that take seconds or minutes).
 * `READ_PLANS_ORGS` sets the scale (default 50,000).
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshStatistics, type DatabaseHandle, type DialectName } from '../api/db/database.js';
import { statisticsJob } from '../api/core/jobs.js';
import { generateOrganisations, insertOrganisationsBulk } from '../api/map/map.generate.js';
import { testConfig } from '../api/config.js';
import { createLogger } from '../api/core/log.js';
import { createMailer } from '../api/core/mail.js';
import { explain, planProblems, timeQuery, type ReadPlanSuite } from '../api/core/read-plans.testing.js';
import { mapReadPlans } from '../api/map/map.read-plans.testing.js';
import { eventsReadPlans } from '../api/events/events.read-plans.testing.js';
import { guideReadPlans } from '../api/guide/guide.read-plans.testing.js';
import { surveysReadPlans } from '../api/surveys/surveys.read-plans.testing.js';
import { consultationsReadPlans } from '../api/consultations/consultations.read-plans.testing.js';
import { dialects, testDatabase } from '../api/testing.js';

/** Every module's suite. A module whose public reads list or search adds its own here. */
const SUITES: ReadPlanSuite[] = [mapReadPlans, eventsReadPlans, guideReadPlans, surveysReadPlans, consultationsReadPlans];

const BOUND_MS = Number(process.env.READ_PLANS_BOUND_MS ?? 1000);

describe.each(dialects)('hot read plans at city scale on %s', (dialect) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await testDatabase(dialect);
    for (const suite of SUITES) await suite.load(handle.db);
  }, 600_000);
  afterAll(() => handle?.close());

  const check = async (suite: ReadPlanSuite, when: string) => {
    const failures: string[] = [];
    for (const { name, query, selective, scale = 1 } of await suite.queries(handle.db)) {
      const compiled = query.compile();
      const problems = planProblems(dialect, await explain(handle.db, dialect, compiled), selective);
      let ms = 0;
      try {
        ms = await timeQuery(handle.db, dialect, compiled, BOUND_MS * scale * 4);
        // The faster of two runs counts: the first may fill caches, and the machine is shared.
        ms = Math.min(ms, await timeQuery(handle.db, dialect, compiled, BOUND_MS * scale * 4));
      } catch (err) {
        problems.push(`failed: ${String(err)}`);
      }
      if (ms > BOUND_MS * scale) problems.push(`took ${Math.round(ms)} ms (bound ${BOUND_MS * scale} ms)`);
      if (problems.length) failures.push(`${name}, ${when}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  };

  for (const suite of SUITES) {
    it(`${suite.module}: with the statistics stale (the bulk load not analysed yet)`, () => check(suite, 'stale'), 600_000);
    it(`${suite.module}: with fresh statistics`, async () => {
      await refreshStatistics(handle.db, 'full');
      await check(suite, 'fresh');
    }, 600_000);
  }
});

/** Rows of planner statistics the engine holds for `table`. */
async function statisticsOf(db: Kysely<any>, dialect: DialectName, table: string): Promise<number> {
  if (dialect === 'sqlite') {
    const exists = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
    if (!Number(exists.rows[0]!.n)) return 0;
    return Number((await sql<{ n: number }>`select count(*) as n from sqlite_stat1 where tbl = ${table}`.execute(db)).rows[0]!.n);
  }
  return Number((await sql<{ n: number }>`select count(*) as n from pg_stats where schemaname = current_schema() and tablename = ${table}`.execute(db)).rows[0]!.n);
}

describe.each(dialects)('planner statistics on %s', (dialect) => {
  it('are refreshed by a bulk write and by the scheduled job', async () => {
    const handle = await testDatabase(dialect);
    try {
      // Inside a transaction the caller refreshes them (a seed does, after its commit): none yet.
      await handle.db.transaction().execute((trx) => insertOrganisationsBulk(trx, generateOrganisations(30, 1), 'test'));
      expect(await statisticsOf(handle.db, dialect, 'organisation_token')).toBe(0);
      await insertOrganisationsBulk(handle.db, generateOrganisations(30, 2), 'test');
      expect(await statisticsOf(handle.db, dialect, 'organisation_token')).toBeGreaterThan(0);

      const config = testConfig();
      const log = createLogger('silent');
      await statisticsJob.run({ db: handle.db, config, log, mailer: createMailer(handle.db, config, log) });
      expect(await statisticsOf(handle.db, dialect, 'organisation')).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  });
});
