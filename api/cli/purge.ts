/** `npm run purge`: deletes personal data past its retention period now (the server also does this hourly). */
import { retentionOf } from '../core/module.js';
import { runPurge } from '../core/retention.js';
import { MODULES } from '../modules.js';
import { cliConfig, runCli, withDatabase } from './common.js';

runCli(async () => {
  const config = cliConfig();
  const results = await withDatabase(config, (handle) => runPurge(handle.db, config, retentionOf(MODULES)));
  if (!results.length) console.log('No module has retention rules.');
  for (const r of results) console.log(`${r.name.padEnd(28)} ${r.error ? `FAILED: ${r.error}` : `${r.deleted} deleted`}`);
  if (results.some((r) => r.error)) process.exitCode = 1;
});
