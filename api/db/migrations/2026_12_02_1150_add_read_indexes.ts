import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // The district filter reads the district's rows plus every city-wide entry: the city-wide ones
  // come from this index rather than from a scan of the whole table.
  await db.schema.createIndex('organisation_city_wide_idx').on('organisation').columns(['city_wide', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('organisation_city_wide_idx').execute();
}
