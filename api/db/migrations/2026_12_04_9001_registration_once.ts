import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // One live registration per places and address, held by the database: two registrations sent at
  // once from one address could both pass the application's check. Of earlier duplicates (the race
  // this closes) the oldest stays; the newer ones are cancelled, so their places go back.
  const now = new Date().toISOString();
  await sql`
    update event_registration set status = 'cancelled', cancelled_at = ${now}
    where purged_at is null and status in ('unconfirmed', 'confirmed', 'waiting', 'offered') and exists (
      select 1 from event_registration o
      where o.places_id = event_registration.places_id and o.email = event_registration.email and o.purged_at is null
        and o.status in ('unconfirmed', 'confirmed', 'waiting', 'offered')
        and (o.created_at < event_registration.created_at or (o.created_at = event_registration.created_at and o.id < event_registration.id)))`.execute(db);
  await sql`create unique index event_registration_live_once_uq on event_registration (places_id, email)
    where purged_at is null and status in ('unconfirmed', 'confirmed', 'waiting', 'offered')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('event_registration_live_once_uq').execute();
}
