/** `npm run migrate`: brings the configured database (DATABASE_URL) to the latest schema. */
import { migrateToLatest, openDatabase } from '../db/database.js';
import { cliConfig, runCli } from './common.js';

runCli(async () => {
  const config = cliConfig();
  const handle = openDatabase(config.databaseUrl);
  try {
    const { results = [] } = await migrateToLatest(handle.db);
    const target = handle.file ?? handle.dialect;
    if (!results.length) console.log(`${target}: already up to date`);
    for (const r of results) console.log(`${target}: ${r.status === 'Success' ? 'applied' : r.status.toLowerCase()} ${r.migrationName}`);
  } finally {
    await handle.close();
  }
});
