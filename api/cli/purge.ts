/** `npm run purge`: deletes personal data past its retention period now (the server also does this hourly). */
// Features register their retention rules when the app's modules load.
import '../app.js';
import { runPurge } from '../core/retention.js';
import { cliConfig, runCli, withDatabase } from './common.js';

runCli(async () => {
  const config = cliConfig();
  const results = await withDatabase(config, (handle) => runPurge(handle.db, config));
  if (!results.length) console.log('No retention rules are registered.');
  for (const r of results) console.log(`${r.name.padEnd(28)} ${r.error ? `FAILED: ${r.error}` : `${r.deleted} deleted`}`);
  if (results.some((r) => r.error)) process.exitCode = 1;
});
