import type { Kysely } from 'kysely';
import type { OrganisationFilters } from '../../common/map.schema.js';
import type { Database } from '../db/schema.js';
import type { ReadPlanQuery, ReadPlanSuite } from '../core/read-plans.testing.js';
import { generateOrganisations, insertOrganisationsBulk } from './map.generate.js';
import { organisationListQueries, pointsQuery } from './map.repository.js';

/** How many organisations the plan test loads: the city's scale (`READ_PLANS_ORGS` to change it). */
export const PLAN_TEST_ORGS = Number(process.env.READ_PLANS_ORGS ?? 50_000);

/** The map's public reads as residents make them: searches that match much, little or nothing, and the filters. */
const LISTS: [string, OrganisationFilters, number?][] = [
  ['everything, first page', {}],
  ['everything, last allowed page', {}, 20],
  ['search, common word', { q: 'fundacja' }],
  ['search, two words', { q: 'zielona przystan' }],
  ['search, no match', { q: 'zzzyxq' }],
  ['search, one-letter prefix', { q: 's' }],
  ['search, word in every address', { q: 'krakow' }],
  ['district', { district: [12] }],
  ['districts', { district: [1, 2, 3] }],
  ['area', { area: ['kultura'] }],
  ['district and area, deep page', { district: [5], area: ['sport'] }, 5],
  ['district, area and search', { district: [1], area: ['kultura', 'edukacja'], q: 'stowarzyszenie' }],
  ['kind and step-free', { kind: ['civic_initiative'], accessible: true }],
  ['bbox', { bbox: [19.93, 50.05, 19.95, 50.07] }],
];

/** Filters with an index of their own and few matches: the plan must start from them. (Broad ones are checked row by row, by design.) */
const selective = (f: OrganisationFilters) => (f.q && !['s', 'krakow'].includes(f.q) ? { table: 'organisation' } : undefined);

export const mapReadPlans: ReadPlanSuite = {
  module: 'map',
  async load(db) {
    await db.transaction().execute((trx) => insertOrganisationsBulk(trx, generateOrganisations(PLAN_TEST_ORGS, 16), 'plan-test'));
  },
  async queries(db: Kysely<Database>) {
    const out: ReadPlanQuery[] = [];
    for (const [name, f, page = 1] of LISTS) {
      const q = await organisationListQueries(db, f, { page, pageSize: 50 });
      out.push({ name: `map list: ${name} (count)`, query: q.count, selective: selective(f) });
      out.push({ name: `map list: ${name}`, query: q.rows, selective: selective(f) });
    }
    for (const [name, f] of LISTS.slice(2, 12)) out.push({ name: `map clusters: ${name}`, query: await pointsQuery(db, f), selective: selective(f), scale: 4 });
    return out;
  },
};
