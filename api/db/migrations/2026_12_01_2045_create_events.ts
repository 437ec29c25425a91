import type { Kysely } from 'kysely';

// Frozen in time. Timestamps are ISO text, flags 0/1 integers, JSON as text, on both dialects.
export async function up(db: Kysely<any>): Promise<void> {
  // The places of one registration list: an event's own, or a whole cycle's. `taken` counts the
  // registrations that hold a place (confirmed or offered); it only moves by conditional updates.
  await db.schema
    .createTable('event_places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('capacity', 'integer')
    .addColumn('taken', 'integer', (c) => c.notNull())
    .addColumn('waiting_list', 'integer', (c) => c.notNull())
    .addColumn('deadline_at', 'text')
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('ask_access_needs', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('event_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('translations', 'text', (c) => c.notNull())
    .addColumn('organiser_name', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('registration_mode', 'text', (c) => c.notNull())
    .addColumn('places_id', 'text', (c) => c.references('event_places.id'))
    .addColumn('attendance_percent', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('series_id', 'text', (c) => c.references('event_series.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('translations', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('all_day', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('venue_name', 'text')
    .addColumn('address', 'text')
    .addColumn('lon', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('district', 'integer')
    .addColumn('accessibility', 'text', (c) => c.notNull())
    .addColumn('step_free', 'integer', (c) => c.notNull())
    .addColumn('online_url', 'text')
    .addColumn('organiser_name', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('free', 'integer', (c) => c.notNull())
    .addColumn('price_note', 'text')
    .addColumn('info_url', 'text')
    .addColumn('registration_mode', 'text', (c) => c.notNull())
    .addColumn('places_id', 'text', (c) => c.references('event_places.id'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calendar_event_time_idx').on('calendar_event').columns(['status', 'ends_at', 'starts_at']).execute();
  await db.schema.createIndex('calendar_event_series_idx').on('calendar_event').columns(['series_id', 'starts_at']).execute();

  await db.schema
    .createTable('calendar_event_token')
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull().references('calendar_event.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('calendar_event_token_pk', ['token', 'event_id'])
    .execute();
  await db.schema.createIndex('calendar_event_token_event_idx').on('calendar_event_token').column('event_id').execute();

  // Personal fields (name, email, organisation, answers, access note) are blanked by retention;
  // the row stays, with its status, access needs and attendance, for the counts.
  await db.schema
    .createTable('event_registration')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('places_id', 'text', (c) => c.notNull().references('event_places.id'))
    .addColumn('event_id', 'text', (c) => c.references('calendar_event.id').onDelete('cascade'))
    .addColumn('series_id', 'text', (c) => c.references('event_series.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('access_needs', 'text', (c) => c.notNull())
    .addColumn('access_note', 'text')
    .addColumn('skip_sessions', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('queued_at', 'text')
    .addColumn('queue_no', 'integer')
    .addColumn('offered_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('purged_at', 'text')
    .execute();
  await db.schema.createIndex('event_registration_queue_idx').on('event_registration').columns(['places_id', 'status', 'queue_no']).execute();
  await db.schema.createIndex('event_registration_email_idx').on('event_registration').columns(['places_id', 'email']).execute();

  await db.schema
    .createTable('event_attendance')
    .addColumn('registration_id', 'text', (c) => c.notNull().references('event_registration.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('calendar_event.id').onDelete('cascade'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('checked_in_by', 'text')
    .addPrimaryKeyConstraint('event_attendance_pk', ['registration_id', 'event_id'])
    .execute();
  await db.schema.createIndex('event_attendance_event_idx').on('event_attendance').column('event_id').execute();

  // A certificate keeps what it states, so it stays verifiable after the registration is purged.
  await db.schema
    .createTable('event_certificate')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('series_id', 'text', (c) => c.notNull().references('event_series.id'))
    .addColumn('registration_id', 'text', (c) => c.references('event_registration.id').onDelete('set null'))
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('series_title', 'text', (c) => c.notNull())
    .addColumn('sessions', 'text', (c) => c.notNull())
    .addColumn('attended', 'integer', (c) => c.notNull())
    .addColumn('held', 'integer', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('event_certificate_registration_idx').on('event_certificate').column('registration_id').execute();

  await db.schema
    .createTable('event_submission')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('calendar_event.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitter_name', 'text', (c) => c.notNull())
    .addColumn('submitter_email', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .execute();
  await db.schema.createIndex('event_submission_status_idx').on('event_submission').columns(['status', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['event_submission', 'event_certificate', 'event_attendance', 'event_registration', 'calendar_event_token', 'calendar_event', 'event_series', 'event_places']) {
    await db.schema.dropTable(t).execute();
  }
}
