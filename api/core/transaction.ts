import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** The database or a transaction on it: what every repository function takes first. */
export type Db = Kysely<Database> | Transaction<Database>;

/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one, so a repository
 * function that needs its own transaction also composes into a service's.
 */
export const inTransaction = <T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db as Transaction<Database>) : db.transaction().execute(fn);
