import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // The search words of an entry on its own row (` word word `), so that a word that matches a
  // large share of the entries is checked row by row with LIKE while the list walks in name order,
  // instead of gathering tens of thousands of ids first. Filled from the token table.
  await db.schema.alterTable('organisation').addColumn('search_text', 'text', (c) => c.notNull().defaultTo(' ')).execute();
  await sql`update organisation set search_text = ' ' || coalesce((select string_agg(t.token, ' ') from organisation_token t where t.organisation_id = organisation.id), '') || ' '`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organisation').dropColumn('search_text').execute();
}
