import type { Kysely, SelectQueryBuilder } from 'kysely';
import { prefixEnd } from '../../common/search.js';

/** A query selecting one column, `id`: a set of candidate ids to drive a read from. */
export type IdSet = SelectQueryBuilder<any, any, { id: string }>;

/**
 * The ids (`column` of `table`, as `id`) with a token that starts with `word`: one index range on
 * `token`. A search's building block; `tokenMatchIds` intersects one per word.
 */
export function tokenRange(db: Kysely<any>, table: string, column: string, word: string): IdSet {
  return db.selectFrom(table).select(`${column} as id`).where('token', '>=', word).where('token', '<', prefixEnd(word)) as IdSet;
}

/** The ids in every one of `sets` (`INTERSECT`, each set read on its own), or the one set's distinct ids. `sets` must not be empty. */
export function intersectIds(sets: readonly IdSet[]): IdSet {
  return sets.length === 1 ? sets[0]!.distinct() : sets.slice(1).reduce((acc, s) => acc.intersect(s), sets[0]!);
}

/**
 * The ids whose tokens (rows of `table`: `token`, `column`) start with every one of `words`, as a
 * query selecting `id`: each word's token range (an index range on `token`), intersected. This is the
 * selective side a search is driven from (issue 16): the caller joins its table to it by key in a
 * fixed order (`CROSS JOIN` on SQLite, `LATERAL … OFFSET 0` on PostgreSQL), so the planner, whatever
 * its statistics say, never walks every row and probes the token ranges once per row.
 * `words` must not be empty.
 */
export function tokenMatchIds(db: Kysely<any>, table: string, column: string, words: readonly string[]): IdSet {
  return intersectIds(words.map((w) => tokenRange(db, table, column, w)));
}
