import type { Kysely } from 'kysely';

// Frozen in time. Timestamps are ISO text, flags 0/1 integers, JSON as text, on both dialects.
export async function up(db: Kysely<any>): Promise<void> {
  // Topics are data: labels, explanations (pl, en, uk) and extra fields as JSON.
  await db.schema
    .createTable('advice_topic')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The last case number given per year; taken by an atomic upsert inside the request's transaction.
  await db.schema
    .createTable('advice_counter')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  // Personal fields are blanked by retention (`purged_at`); the row stays for the statistics.
  await db.schema
    .createTable('advice_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('topic_id', 'text', (c) => c.notNull().references('advice_topic.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('organisation_krs', 'text')
    .addColumn('organisation_kind', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('district', 'integer')
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('time_windows', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'text')
    .addColumn('due_at', 'text')
    .addColumn('due_reminded_at', 'text')
    .addColumn('first_response_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('satisfaction', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('purged_at', 'text')
    .addUniqueConstraint('advice_case_year_seq_uq', ['year', 'seq'])
    .execute();
  await db.schema.createIndex('advice_case_queue_idx').on('advice_case').columns(['status', 'topic_id', 'created_at']).execute();
  await db.schema.createIndex('advice_case_assigned_idx').on('advice_case').columns(['assigned_to', 'status']).execute();

  // The thread: the requester's and the staff's messages, and internal notes (`note`).
  await db.schema
    .createTable('advice_message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('advice_case.id').onDelete('cascade'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('advice_message_case_idx').on('advice_message').columns(['case_id', 'created_at']).execute();

  // Files live in the storage (a folder or S3) under `storage_key`; the row only describes them.
  await db.schema
    .createTable('advice_attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('advice_case.id').onDelete('cascade'))
    .addColumn('message_id', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('advice_attachment_case_idx').on('advice_attachment').column('case_id').execute();

  // Availability: one slot, one case. Booking is a conditional update on `case_id is null`.
  await db.schema
    .createTable('advice_slot')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('adviser_id', 'text', (c) => c.notNull())
    .addColumn('topic_id', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('online_url', 'text')
    .addColumn('case_id', 'text')
    .addColumn('booked_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('advice_slot_time_idx').on('advice_slot').columns(['starts_at', 'case_id']).execute();
  await db.schema.createIndex('advice_slot_case_idx').on('advice_slot').column('case_id').execute();

  // Which topics' queue an adviser looks after.
  await db.schema
    .createTable('advice_adviser_topic')
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('topic_id', 'text', (c) => c.notNull().references('advice_topic.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('advice_adviser_topic_pk', ['staff_id', 'topic_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['advice_adviser_topic', 'advice_slot', 'advice_attachment', 'advice_message', 'advice_case', 'advice_counter', 'advice_topic']) {
    await db.schema.dropTable(t).execute();
  }
}
