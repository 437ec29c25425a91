import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // The events list's selective filters read their own rows in time order (an organiser's events,
  // a district's) instead of every upcoming event through the time index.
  await db.schema.createIndex('calendar_event_organisation_idx').on('calendar_event').columns(['organisation_id', 'starts_at']).execute();
  await db.schema.createIndex('calendar_event_district_idx').on('calendar_event').columns(['district', 'starts_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('calendar_event_district_idx').execute();
  await db.schema.dropIndex('calendar_event_organisation_idx').execute();
}
