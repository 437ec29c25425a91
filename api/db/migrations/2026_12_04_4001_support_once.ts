import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // One confirmed support per remark and address, held by the database: two identical submissions
  // at once can no longer both pass the application's check. Earlier duplicates (the race this
  // closes) keep their oldest row. Supports without an address (the demo's) are not compared.
  await sql`
    delete from consultation_support where confirmed_at is not null and contact_email <> '' and exists (
      select 1 from consultation_support o
      where o.remark_id = consultation_support.remark_id and o.contact_email = consultation_support.contact_email and o.confirmed_at is not null
        and (o.created_at < consultation_support.created_at or (o.created_at = consultation_support.created_at and o.id < consultation_support.id)))`.execute(db);
  await sql`create unique index consultation_support_once_uq on consultation_support (remark_id, contact_email) where confirmed_at is not null and contact_email <> ''`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('consultation_support_once_uq').execute();
}
