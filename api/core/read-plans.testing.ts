import { CompiledQuery, sql, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { DialectName } from '../db/database.js';

/**
 * The plan test's hook (`tests/read-plans.test.ts`): a module lists its hot public read queries
 * here, with a loader that fills a migrated database at city scale. The test runs every query with
 * the statistics stale (before any analyse) and fresh, checks with `EXPLAIN` that no plan reads a
 * table once per row of another, and that each query returns within a bound.
 */
export interface ReadPlanSuite {
  module: string;
  /**
   * Fills the database at city scale in one transaction, leaving the statistics as they were
   * (a bulk write outside a transaction refreshes them: the test wants them stale first).
   */
  load(db: Kysely<Database>): Promise<void>;
  /** The queries, built against `db` (a builder may look at the data, as the map's does to find its selective side). */
  queries(db: Kysely<Database>): Promise<ReadPlanQuery[]>;
}

export interface ReadPlanQuery {
  name: string;
  query: Compilable<unknown>;
  /**
   * A filter with an index of its own narrows the query (a search word, a district): the plan must
   * start from it, never walk every row of `table` and test each (SQLite's EXPLAIN QUERY PLAN).
   */
  selective?: { table: string };
  /**
   * The query returns every match (the clusterer's points, cached per filter set and data version):
   * its bound is `scale` times the test's bound, since its work grows with the matches by design.
   */
  scale?: number;
}

/** Inserts `rows` into `table` in statements of `batch` rows (well under SQLite's bound-parameter limit): a suite's loader. */
export async function insertBatches<T extends keyof Database & string>(db: Kysely<Database>, table: T, rows: readonly object[], batch = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) await db.insertInto(table).values(rows.slice(i, i + batch) as never).execute();
}

interface SqlitePlanRow { id: number; parent: number; detail: string }
type PgPlanNode = Record<string, unknown> & { 'Node Type': string; Plans?: PgPlanNode[] };

/** The plan of a compiled query: SQLite's EXPLAIN QUERY PLAN rows or PostgreSQL's EXPLAIN (FORMAT JSON) tree. */
export async function explain(db: Kysely<Database>, dialect: DialectName, q: CompiledQuery): Promise<SqlitePlanRow[] | PgPlanNode> {
  if (dialect === 'sqlite') return (await db.executeQuery<SqlitePlanRow>(CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]))).rows;
  const { rows } = await db.executeQuery<{ 'QUERY PLAN': [{ Plan: PgPlanNode }] }>(CompiledQuery.raw(`explain (format json) ${q.sql}`, [...q.parameters]));
  return rows[0]!['QUERY PLAN'][0].Plan;
}

/** A scan that is a range or a whole table rather than a lookup by key. */
const RANGE = /[<>]/;

/**
 * What is wrong with a plan, in words (empty when nothing is):
 * - a table read in full, or an index read over a range, once per row of another (the inner side
 *   of a nested loop, a correlated subquery, a non-hashed SubPlan);
 * - for a `selective` query on SQLite, a walk over every row of its table.
 */
export function planProblems(dialect: DialectName, plan: SqlitePlanRow[] | PgPlanNode, selective?: { table: string }): string[] {
  return dialect === 'sqlite' ? sqliteProblems(plan as SqlitePlanRow[], selective) : pgProblems(plan as PgPlanNode);
}

function sqliteProblems(rows: SqlitePlanRow[], selective?: { table: string }): string[] {
  const problems: string[] = [];
  const children = (id: number) => rows.filter((r) => r.parent === id);
  const isLoop = (r: SqlitePlanRow) => /^(SCAN|SEARCH) /.test(r.detail);
  // Inside a loop body (`perRow`), every further loop must be a lookup by key.
  const visit = (parent: number, perRow: boolean) => {
    let outerSeen = false;
    for (const r of children(parent)) {
      if (isLoop(r)) {
        const inner = perRow || outerSeen;
        if (inner && (/^SCAN /.test(r.detail) || RANGE.test(r.detail))) problems.push(`read once per row: ${r.detail}`);
        if (!inner && selective && new RegExp(`^SCAN (${selective.table}|o)\\b`).test(r.detail)) problems.push(`walks every row of ${selective.table} instead of starting from the selective filter: ${r.detail}`);
        outerSeen = true;
        visit(r.id, inner);
      } else {
        visit(r.id, perRow || /^CORRELATED /.test(r.detail));
      }
    }
  };
  visit(0, false);
  return problems;
}

function pgProblems(root: PgPlanNode): string[] {
  const problems: string[] = [];
  const describe = (n: PgPlanNode) => `${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}${n['Index Cond'] ? ` (${n['Index Cond']})` : ''}`;
  const visit = (n: PgPlanNode, perRow: boolean) => {
    const type = n['Node Type'];
    if (perRow) {
      const cond = String(n['Index Cond'] ?? '');
      // A Materialize is read once and kept: what it holds is judged below, per row (a key lookup
      // kept passes; a table or a range kept and scanned for every outer row does not).
      if (['Seq Scan', 'CTE Scan', 'WorkTable Scan', 'Sort'].includes(type)) problems.push(`read once per row: ${describe(n)}`);
      if (['Index Scan', 'Index Only Scan', 'Bitmap Index Scan'].includes(type) && (!cond || RANGE.test(cond))) problems.push(`read once per row: ${describe(n)}`);
    }
    for (const child of n.Plans ?? []) {
      const rel = child['Parent Relationship'];
      const hashed = String(child['Subplan Name'] ?? '').startsWith('hashed');
      const inner = perRow || (type === 'Nested Loop' && rel === 'Inner') || (rel === 'SubPlan' && !hashed);
      visit(child, inner);
    }
  };
  visit(root, false);
  return problems;
}

/**
 * Runs a compiled query and returns how long it took, in ms. On PostgreSQL a statement timeout
 * (`timeoutMs`) stops a runaway plan, so a bad plan fails the test rather than hanging it.
 */
export async function timeQuery(db: Kysely<Database>, dialect: DialectName, q: CompiledQuery, timeoutMs: number): Promise<number> {
  const started = performance.now();
  if (dialect === 'postgres') {
    await db.connection().execute(async (conn) => {
      await sql`set statement_timeout = ${sql.lit(Math.ceil(timeoutMs))}`.execute(conn);
      try {
        await conn.executeQuery(q);
      } finally {
        await sql`set statement_timeout = 0`.execute(conn);
      }
    });
  } else {
    await db.executeQuery(q);
  }
  return performance.now() - started;
}
