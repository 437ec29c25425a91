import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // The surveys' read version finds the latest opening and closing passed and the next ones to come
  // by key (one index step each) instead of reading every edition per cached read.
  await db.schema.createIndex('survey_edition_opens_idx').on('survey_edition').column('opens_at').execute();
  await db.schema.createIndex('survey_edition_closes_idx').on('survey_edition').column('closes_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('survey_edition_closes_idx').execute();
  await db.schema.dropIndex('survey_edition_opens_idx').execute();
}
