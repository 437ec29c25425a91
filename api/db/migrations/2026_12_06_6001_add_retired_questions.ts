import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // The custom questions staff removed from a registration list (JSON, as `questions`): the answers
  // given to them stay on the registrations, and the export still needs their wording to head them.
  await db.schema.alterTable('event_places').addColumn('retired_questions', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('event_places').dropColumn('retired_questions').execute();
}
