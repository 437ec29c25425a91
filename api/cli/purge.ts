/** `npm run purge`: deletes personal data past its retention period now (the server also does this hourly). */
import { loadRetention } from '../server.js';
import { CliError, cliConfig, runCli, withDatabase } from './common.js';

runCli(async () => {
  const config = cliConfig();
  const { runPurge } = await loadRetention();
  if (!runPurge) throw new CliError('the retention module (api/core/retention.ts) is not available yet');
  const result = await withDatabase(config, (handle) => runPurge(handle.db, config));
  const counts = typeof result === 'object' && result !== null ? Object.entries(result) : [['purged', result]];
  if (!counts.length) console.log('Nothing to purge.');
  for (const [what, n] of counts) console.log(`${String(what).padEnd(24)} ${typeof n === 'object' ? JSON.stringify(n) : String(n)}`);
});
