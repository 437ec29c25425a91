import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // The options staff removed from a question still asked (JSON `{ [questionId]: option[] }`): an
  // answer given to such an option keeps its wording in the export instead of a bare id.
  await db.schema.alterTable('event_places').addColumn('retired_options', 'text', (c) => c.notNull().defaultTo('{}')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('event_places').dropColumn('retired_options').execute();
}
