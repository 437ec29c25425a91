/**
 * `npm run import:organisations -- file.csv [--dry-run]`: validates every row, prints a report per
 * row, and (without --dry-run) publishes the valid, non-duplicate rows in one transaction.
 * Columns: see IMPORT_COLUMNS in api/map/map.import.ts (the README has an example).
 */
import { readFileSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { insertOrganisationsBulk } from '../map/map.generate.js';
import { splitDuplicates, validateOrganisationsCsv } from '../map/map.import.js';
import { CliError, cliConfig, runCli, withDatabase } from './common.js';

runCli(async () => {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new CliError('usage: npm run import:organisations -- file.csv [--dry-run]', 2);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`cannot read ${file}`);
  }
  const { rows, problems, unknownColumns } = validateOrganisationsCsv(text);
  if (unknownColumns.length) console.log(`Ignored columns: ${unknownColumns.join(', ')}`);
  for (const p of problems) {
    console.log(`line ${p.line} (${p.name || 'no name'}): rejected`);
    for (const i of p.issues) console.log(`    ${i.path}: ${i.message}`);
  }
  const config = cliConfig();
  await withDatabase(config, async ({ db }) => {
    const { fresh, duplicates } = await splitDuplicates(db, rows);
    for (const d of duplicates) console.log(`line ${d.line} (${d.input.name}): skipped, KRS ${d.input.krs} is already on the map`);
    console.log(`\n${rows.length + problems.length} rows: ${fresh.length} valid, ${duplicates.length} duplicates, ${problems.length} rejected.`);
    if (dryRun) {
      console.log('Dry run: nothing was written.');
      return;
    }
    if (!fresh.length) return;
    const bar = new SingleBar({ format: 'Importing [{bar}] {value}/{total}', hideCursor: true }, Presets.shades_classic);
    bar.start(fresh.length, 0);
    const ids = await insertOrganisationsBulk(db, fresh.map((r) => r.input), 'import', (done) => bar.update(done));
    bar.stop();
    const owners = fresh.map((r, i) => [ids[i]!, r.ownerEmail] as const).filter(([, e]) => e);
    for (const [id, email] of owners) await db.updateTable('organisation').set({ owner_email: email }).where('id', '=', id).execute();
    console.log(`Imported ${ids.length} organisations.`);
  });
  if (problems.length) process.exitCode = 1;
});
