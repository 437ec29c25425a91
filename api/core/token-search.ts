import type { Kysely, SelectQueryBuilder } from 'kysely';
import { prefixEnd } from '../../common/search.js';

/**
 * The ids whose tokens (rows of `table`: `token`, `column`) start with every one of `words`, as a
 * query selecting `id`: each word's token range (an index range on `token`), intersected. This is the
 * selective side a search is driven from (issue 16): the caller joins its table to it by key in a
 * fixed order (`CROSS JOIN` on SQLite, `LATERAL … OFFSET 0` on PostgreSQL), so the planner, whatever
 * its statistics say, never walks every row and probes the token ranges once per row.
 * `words` must not be empty.
 */
export function tokenMatchIds(db: Kysely<any>, table: string, column: string, words: readonly string[]): SelectQueryBuilder<any, any, { id: string }> {
  const ranges = words.map((w) => db.selectFrom(table).select(`${column} as id`).where('token', '>=', w).where('token', '<', prefixEnd(w)));
  return ranges.length === 1 ? ranges[0]!.distinct() : ranges.slice(1).reduce((acc, r) => acc.intersect(r), ranges[0]!);
}
