/**
 * `npm run backup [-- --dir ./data/backups]`: an online backup of the SQLite database (the server
 * may keep running) to `<dir>/ngo-<timestamp>.db`. On PostgreSQL it explains how to use pg_dump.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { isPostgresUrl, sqliteFile } from '../db/database.js';
import { CliError, cliConfig, runCli } from './common.js';

runCli(async () => {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: join('data', 'backups') } } });
  const config = cliConfig();
  if (isPostgresUrl(config.databaseUrl)) {
    console.log(`DATABASE_URL points to PostgreSQL; back it up with its own tools, for example:

  pg_dump --format=custom --file=ngo-$(date +%Y%m%dT%H%M%S).dump "$DATABASE_URL"
  pg_restore --clean --if-exists --dbname="$DATABASE_URL" ngo-<timestamp>.dump

or continuous archiving (WAL) for point-in-time recovery.`);
    return;
  }
  const file = sqliteFile(config.databaseUrl);
  if (file === ':memory:') throw new CliError('DATABASE_URL is :memory:; there is nothing to back up');
  let source: SQLite.Database;
  try {
    source = new SQLite(file, { fileMustExist: true });
  } catch {
    throw new CliError(`no database at ${file} (start the server once, or set DATABASE_URL)`);
  }
  const dir = resolve(values.dir!);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `ngo-${new Date().toISOString().replace(/[:.]/g, '-')}.db`);
  try {
    // SQLite's online backup API copies page by page while writers carry on.
    await source.backup(target);
  } finally {
    source.close();
  }
  const check = new SQLite(target, { readonly: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new CliError(`backup written to ${target} but its integrity check says: ${String(ok)}`);
  } finally {
    check.close();
  }
  console.log(`Backup written: ${target} (${(statSync(target).size / 1024).toFixed(0)} KiB, integrity ok)`);
});
