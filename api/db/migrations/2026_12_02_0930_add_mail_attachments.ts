import type { Kysely } from 'kysely';

// Frozen in time. Attachments of outgoing mail (an event's .ics, a QR code), JSON with base64 content.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').addColumn('attachments', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').dropColumn('attachments').execute();
}
