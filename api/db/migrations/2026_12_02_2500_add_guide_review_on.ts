import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // The day an article's next review is due, set by staff when they review it (a rule expected to
  // change with next year's cooperation programme is due sooner). Null: a year after `reviewed_on`.
  await db.schema.alterTable('guide_article').addColumn('review_on', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('guide_article').dropColumn('review_on').execute();
}
