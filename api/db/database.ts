import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type Migration, type MigrationResultSet } from 'kysely';
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
  /** PostgreSQL: cancels the statements of these server processes. */
  cancelBackends?: (pids: number[]) => Promise<void>;
  /** Cancels the running queries and ends the pools (PostgreSQL); closes the file (SQLite). */
  close(): Promise<void>;
  /** PostgreSQL: cancels every query running for a public read (`runAsRead`), e.g. at shutdown. */
  cancelReads(): Promise<void>;
  /** PostgreSQL: the public reads' pool, for `/healthz` (null on SQLite). */
  readPool(): { size: number; idle: number; waiting: number; max: number } | null;
}

/**
 * The public read a query belongs to. Queries run inside `runAsRead` take their connection from the
 * reads pool, whose sessions have a statement timeout, and can be cancelled together
 * (`cancelRead`) when the request is aborted.
 */
export interface ReadScope { clients: Set<pg.PoolClient>; cancelled: boolean }
const readScopes = new AsyncLocalStorage<ReadScope>();

/** Runs `fn` as one public read (see `ReadScope`); on SQLite it simply runs. */
export const runAsRead = <T>(scope: ReadScope, fn: () => Promise<T>): Promise<T> => readScopes.run(scope, fn);
export const newReadScope = (): ReadScope => ({ clients: new Set(), cancelled: false });

/** Cancels the statements running for `pids` on the server, over a connection of its own (the pools may be full). */
async function cancelBackends_(url: string, pids: number[]): Promise<void> {
  if (!pids.length) return;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select pg_cancel_backend(pid) from unnest($1::int[]) as pid', [pids]);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Cancels the queries running for one public read (its request was aborted). */
export async function cancelRead(handle: DatabaseHandle, scope: ReadScope): Promise<void> {
  scope.cancelled = true;
  const pids = [...scope.clients].map((c) => (c as unknown as { processID: number }).processID).filter(Boolean);
  if (pids.length && handle.cancelBackends) await handle.cancelBackends(pids);
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
export function openDatabase(url: string, options: OpenOptions = {}): DatabaseHandle {
  if (isPostgresUrl(url)) return openPostgres(url, options);
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
  return { db, dialect: 'sqlite', file: file === ':memory:' ? null : file, close: () => db.destroy(), cancelReads: async () => undefined, readPool: () => null };
}

export interface OpenOptions {
  schema?: string;
  /** Connections of each PostgreSQL pool (the main one, and the public reads'). Default 10. */
  poolSize?: number;
  /** PostgreSQL: the statement timeout of public reads, in ms. Default 5,000. */
  readTimeoutMs?: number;
  /** PostgreSQL: how long a public read waits for a free connection, in ms. Default 2,000. */
  readQueueMs?: number;
}

/**
 * PostgreSQL behind one Kysely instance with two pools: queries of a public read (`runAsRead`)
 * take a connection from the reads pool, whose sessions carry `statement_timeout` and which a read
 * waits for at most `readQueueMs`; everything else (writes, staff, jobs, `/healthz`) uses the main
 * pool, so slow reads can never starve them. Every checked-out connection is tracked, so that an
 * aborted request or a shutdown cancels what is still running rather than leaving it to run on.
 */
function openPostgres(url: string, options: OpenOptions): DatabaseHandle {
  const searchPath = options.schema ? ` -c search_path=${options.schema}` : '';
  const max = options.poolSize ?? 10;
  const main = new pg.Pool({ connectionString: url, max, ...(searchPath ? { options: searchPath.trim() } : {}) });
  const reads = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: options.readQueueMs ?? 2000,
    options: `-c statement_timeout=${Math.max(1, Math.round(options.readTimeoutMs ?? 5000))}${searchPath}`,
  });
  const running = new Map<pg.PoolClient, ReadScope | null>();
  const wrapped = new WeakSet<pg.PoolClient>();
  const router = {
    async connect() {
      const scope = readScopes.getStore() ?? null;
      const client = await (scope ? reads : main).connect();
      if (!wrapped.has(client)) {
        wrapped.add(client);
        const release = client.release.bind(client);
        client.release = (err?: Error | boolean) => {
          running.get(client)?.clients.delete(client);
          running.delete(client);
          return release(err);
        };
      }
      running.set(client, scope);
      scope?.clients.add(client);
      if (scope?.cancelled) {
        client.release();
        throw Object.assign(new Error('the request was aborted'), { code: '57014' });
      }
      return client;
    },
    async end() {
      await Promise.all([main.end(), reads.end()]);
    },
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: router as unknown as pg.Pool }) });
  const pidsOf = (filter: (scope: ReadScope | null) => boolean) =>
    [...running].filter(([, scope]) => filter(scope)).map(([c]) => (c as unknown as { processID: number }).processID).filter(Boolean);
  const cancelBackends = (pids: number[]) => cancelBackends_(url, pids);
  return {
    db,
    dialect: 'postgres',
    file: null,
    schema: options.schema,
    cancelBackends,
    cancelReads: () => cancelBackends(pidsOf((scope) => scope !== null)),
    readPool: () => ({ size: reads.totalCount, idle: reads.idleCount, waiting: reads.waitingCount, max }),
    close: async () => {
      // Whatever still runs is cancelled rather than left to run on in the server after we exit.
      await cancelBackends(pidsOf(() => true)).catch(() => undefined);
      await db.destroy();
    },
  };
}

/**
 * Runs every pending migration. With a PostgreSQL `schema`, the migration bookkeeping tables live
 * there too: without it Kysely looks for them in every schema and would find another test run's.
 *
 * Pending migrations run even when they sort before one already applied: modules are built in
 * parallel, each on its own tables, so a migration named earlier can land after a later one (advice's
 * 1110 after 1150, the panel's 2100 after 2500). Kysely's default would refuse to start such a
 * database ("corrupted migrations"); applying the missing one is what an operator needs.
 */
export async function migrateToLatest(db: Kysely<Database>, schema?: string, list: Record<string, Migration> = migrations): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => list }, allowUnorderedMigrations: true, ...(schema ? { migrationTableSchema: schema } : {}) });
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

/** Whether `err` is a unique-constraint violation (SQLite's `SQLITE_CONSTRAINT_UNIQUE`, PostgreSQL's 23505): a write the database refused as a duplicate. */
export const isUniqueViolation = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
};
