import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, testDatabase } from '../testing.js';
import type { DatabaseHandle } from '../db/database.js';
import { splitDuplicates, validateOrganisationsCsv } from './map.import.js';
import { insertOrganisationsBulk } from './map.generate.js';
import { DEMO_MARK, generateOrganisations } from './map.generate.js';

const CSV = `\uFEFFname,kind,legalForm,krs,areas,districts,lon,lat,email,ownerEmail
Fundacja Źródło,ngo,fundacja,0000999999,kultura;edukacja,5,19.92,50.07,biuro@example.org,owner@example.org
Bez obszaru,ngo,stowarzyszenie,,,3,,,,
Poza Krakowem,informal_group,,,sport,city-wide,21.0,52.2,,
Druga Fundacja Źródło,ngo,fundacja,0000999999,kultura,5,,,,
`;

describe('CSV import validation', () => {
  it('reports each bad row with its line and fields, and keeps the good ones', () => {
    const { rows, problems } = validateOrganisationsCsv(CSV);
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
    expect(rows[0]!.input).toMatchObject({ name: 'Fundacja Źródło', areas: ['kultura', 'edukacja'], districts: [5], location: { lon: 19.92, lat: 50.07 } });
    expect(rows[0]!.ownerEmail).toBe('owner@example.org');
    expect(problems.map((p) => [p.line, p.issues.map((i) => i.path)])).toEqual([
      [3, ['areas']],
      [4, ['location']],
    ]);
  });
});

describe.each(dialects)('import duplicates on %s', (dialect) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await testDatabase(dialect);
  });
  afterAll(() => h.close());

  it('skips a KRS already on the map and a KRS repeated in the file', async () => {
    const [existing] = generateOrganisations(1);
    await insertOrganisationsBulk(h.db, [{ ...existing!, krs: '0000999999' }]);
    const { rows } = validateOrganisationsCsv(CSV);
    const { fresh, duplicates } = await splitDuplicates(h.db, rows);
    expect(fresh).toEqual([]);
    expect(duplicates.map((d) => d.line)).toEqual([2, 5]);
  });
});

describe('demo data generator', () => {
  it('makes valid, clearly fictional organisations over all 18 districts', async () => {
    const { OrganisationInput } = await import('../../common/map.schema.js');
    const orgs = generateOrganisations(300);
    for (const o of orgs) expect(OrganisationInput.safeParse(o).success, o.name).toBe(true);
    expect(new Set(orgs.flatMap((o) => o.districts)).size).toBe(18);
    expect(orgs.every((o) => o.description.endsWith(DEMO_MARK))).toBe(true);
    // Names of their own, no serial numbers, in 300 entries.
    expect(new Set(orgs.map((o) => o.name)).size).toBe(300);
    expect(orgs.filter((o) => /\d$/.test(o.name))).toEqual([]);
    expect(generateOrganisations(5)).toEqual(generateOrganisations(5));
  });
});

describe.each(dialects)('map retention on %s', (dialect) => {
  it('drops unconfirmed submissions after 30 days and forgets submitters a year after the decision', async () => {
    const { runPurge } = await import('../core/retention.js');
    const { testConfig } = await import('../config.js');
    const { retentionOf } = await import('../core/module.js');
    const { MODULES } = await import('../modules.js');
    const { insertOrganisation, insertSubmission, setSubmissionStatus } = await import('./map.repository.js');
    const h = await testDatabase(dialect);
    try {
      const [input] = generateOrganisations(1);
      const orgId = await insertOrganisation(h.db, input!, { status: 'pending', changedBy: 'test' });
      const stale = await insertSubmission(h.db, { organisationId: orgId, type: 'create', data: input!, note: '', submitterName: 'A', submitterEmail: 'a@example.org', lang: 'pl', status: 'unconfirmed' });
      const decided = await insertSubmission(h.db, { organisationId: null, type: 'correction', data: input!, note: '', submitterName: 'B', submitterEmail: 'b@example.org', lang: 'pl', status: 'pending' });
      await setSubmissionStatus(h.db, decided, ['pending'], 'approved', { decidedBy: 'x' });
      const soon = await runPurge(h.db, testConfig(), retentionOf(MODULES), new Date(Date.now() + 10 * 86400_000));
      expect(soon.find((r) => r.name === 'map:unconfirmed-submissions')!.deleted).toBe(0);
      const later = await runPurge(h.db, testConfig(), retentionOf(MODULES), new Date(Date.now() + 400 * 86400_000));
      expect(later.find((r) => r.name === 'map:unconfirmed-submissions')!.deleted).toBe(1);
      expect(later.find((r) => r.name === 'map:submitter-contacts')!.deleted).toBe(1);
      expect(await h.db.selectFrom('organisation_submission').select('id').where('id', '=', stale).executeTakeFirst()).toBeUndefined();
      expect(await h.db.selectFrom('organisation').select('id').where('id', '=', orgId).executeTakeFirst()).toBeUndefined();
      const kept = await h.db.selectFrom('organisation_submission').selectAll().where('id', '=', decided).executeTakeFirstOrThrow();
      expect([kept.submitter_email, kept.status]).toEqual(['', 'approved']);
    } finally {
      await h.close();
    }
  });
});
