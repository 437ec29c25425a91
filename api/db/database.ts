import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type MigrationResultSet } from 'kysely';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The SQLite file, when there is one (for backups). */
  file: string | null;
  /** The PostgreSQL schema on the search path, when one was given. */
  schema?: string;
  close(): Promise<void>;
}

// pg returns bigint (COUNT) and numeric as strings; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** Resolves `sqlite:./data/ngo.db`, `./file.db` or `:memory:` to a better-sqlite3 filename. */
export function sqliteFile(url: string): string {
  const path = url.replace(/^sqlite:(\/\/)?/, '');
  return path === ':memory:' ? path : resolve(path);
}

/**
 * Opens the database named by `url`. SQLite runs in WAL mode with synchronous=FULL, foreign keys
 * and a busy timeout, so an acknowledged write survives `kill -9`. `schema` (PostgreSQL only)
 * sets the search path, which gives each test run its own schema.
 */
export function openDatabase(url: string, options: { schema?: string; poolSize?: number } = {}): DatabaseHandle {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', file: null, schema: options.schema, close: () => db.destroy() };
  }
  const file = sqliteFile(url);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten, not left in free pages: purged personal data and used survey
  // drafts are really gone from the file.
  sqlite.pragma('secure_delete = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', file: file === ':memory:' ? null : file, close: () => db.destroy() };
}

/**
 * Runs every pending migration. With a PostgreSQL `schema`, the migration bookkeeping tables live
 * there too: without it Kysely looks for them in every schema and would find another test run's.
 */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  if (result.results?.length) await refreshStatistics(db, 'full');
  return result;
}

/**
 * Brings the planner's statistics up to date. Both engines choose their plans from them: a table
 * that was never analysed, or last analysed when it held 300 rows, can make PostgreSQL pick a
 * nested loop that reads a whole index once per row. `full` runs after every bulk write
 * (migration, seed, import, generate): `ANALYZE` of this schema's tables on PostgreSQL, a bounded
 * `ANALYZE` on SQLite. `routine` is the scheduled run (`statisticsJob`): SQLite's
 * `PRAGMA optimize`, which re-analyses only the tables that changed enough.
 */
export async function refreshStatistics(db: Kysely<any>, mode: 'full' | 'routine' = 'full'): Promise<void> {
  if (isPostgres(db)) {
    const { rows } = await sql<{ name: string }>`select quote_ident(tablename) as name from pg_tables where schemaname = current_schema()`.execute(db);
    if (rows.length) await sql.raw(`analyze ${rows.map((r) => r.name).join(', ')}`).execute(db);
    return;
  }
  // analysis_limit samples each index rather than reading all of it: fast on big tables, and good enough for the planner.
  await sql`pragma analysis_limit = 2000`.execute(db);
  await sql.raw(mode === 'full' ? 'analyze' : 'pragma optimize').execute(db);
}

/** True on PostgreSQL: for the few statements SQLite does not need or accept (`FOR UPDATE`). */
export const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** Round trip to the database, for `/healthz`. */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
