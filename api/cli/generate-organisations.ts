/**
 * `npm run generate:organisations -- --count 50000 [--csv out.csv]`: clearly fictional organisations
 * for benchmarks (up to 100,000). Without --csv they are published straight into DATABASE_URL.
 */
import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { generateOrganisations, insertOrganisationsBulk } from '../map/map.generate.js';
import { IMPORT_COLUMNS } from '../map/map.import.js';
import { CliError, cliConfig, runCli, withDatabase } from './common.js';

runCli(async () => {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const count = Number(opt('count') ?? 1000);
  if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new CliError('--count must be a whole number from 1 to 100000', 2);
  const orgs = generateOrganisations(count, Number(opt('seed') ?? 2026));
  const csv = opt('csv');
  if (csv) {
    const rows = orgs.map((o) => ({
      ...o,
      areas: o.areas.join(';'), targetGroups: o.targetGroups.join(';'), districts: o.cityWide ? 'city-wide' : o.districts.join(';'),
      languages: o.languages.join(';'), accessibility: o.accessibility.join(';'), lon: o.location?.lon ?? '', lat: o.location?.lat ?? '', ownerEmail: '',
    }));
    writeFileSync(csv, '\uFEFF' + stringify(rows, { header: true, columns: [...IMPORT_COLUMNS] }));
    console.log(`Wrote ${count} organisations to ${csv}.`);
    return;
  }
  await withDatabase(cliConfig(), async ({ db }) => {
    await insertOrganisationsBulk(db, orgs, 'generator');
    console.log(`Inserted ${count} organisations.`);
  });
});
