import type { Kysely } from 'kysely';

// Frozen in time. Timestamps are ISO text, flags 0/1 integers, on both dialects.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consultation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('district', 'integer')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('moderation', 'text', (c) => c.notNull())
    .addColumn('require_confirmation', 'integer', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('information_clause', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_ends_idx').on('consultation').columns(['ends_at', 'starts_at']).execute();

  await db.schema
    .createTable('consultation_unit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_unit_pos_idx').on('consultation_unit').columns(['consultation_id', 'position']).execute();

  await db.schema
    .createTable('consultation_remark')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.references('consultation_unit.id').onDelete('set null'))
    .addColumn('current_wording', 'text', (c) => c.notNull())
    .addColumn('proposed_wording', 'text', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('author_type', 'text', (c) => c.notNull())
    .addColumn('organisation_name', 'text')
    .addColumn('krs', 'text')
    .addColumn('organisation_id', 'text')
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('response', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('consultation_remark_status_idx').on('consultation_remark').columns(['consultation_id', 'status', 'created_at']).execute();

  await db.schema
    .createTable('consultation_support')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('remark_id', 'text', (c) => c.notNull().references('consultation_remark.id').onDelete('cascade'))
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('krs', 'text')
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_support_remark_idx').on('consultation_support').column('remark_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['consultation_support', 'consultation_remark', 'consultation_unit', 'consultation']) await db.schema.dropTable(t).execute();
}
