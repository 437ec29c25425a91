import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // Staff's own introduction and summary of the report, written before it is published; null: the
  // report's computed text (figures from the data) stands.
  await db.schema.alterTable('consultation').addColumn('report_introduction', 'text').execute();
  await db.schema.alterTable('consultation').addColumn('report_summary', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('consultation').dropColumn('report_summary').execute();
  await db.schema.alterTable('consultation').dropColumn('report_introduction').execute();
}
