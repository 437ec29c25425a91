import type { Kysely } from 'kysely';

// Frozen in time. Coordinates are double precision (PostgreSQL's `real` is float4).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('translations', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('legal_form', 'text')
    .addColumn('krs', 'text')
    .addColumn('regon', 'text')
    .addColumn('nip', 'text')
    .addColumn('areas', 'text', (c) => c.notNull())
    .addColumn('target_groups', 'text', (c) => c.notNull())
    .addColumn('districts', 'text', (c) => c.notNull())
    .addColumn('city_wide', 'integer', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('lon', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('website', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('accessibility', 'text', (c) => c.notNull())
    .addColumn('step_free', 'integer', (c) => c.notNull())
    .addColumn('owner_email', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('verified_at', 'text')
    .addColumn('reminder_sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organisation_status_sort_idx').on('organisation').columns(['status', 'sort_name']).execute();
  await db.schema.createIndex('organisation_status_lon_idx').on('organisation').columns(['status', 'lon', 'lat']).execute();
  await db.schema.createIndex('organisation_krs_idx').on('organisation').column('krs').execute();

  await db.schema
    .createTable('organisation_area')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_area_pk', ['organisation_id', 'area'])
    .execute();
  await db.schema.createIndex('organisation_area_area_idx').on('organisation_area').columns(['area', 'organisation_id']).execute();

  await db.schema
    .createTable('organisation_district')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('district', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_district_pk', ['organisation_id', 'district'])
    .execute();
  await db.schema.createIndex('organisation_district_district_idx').on('organisation_district').columns(['district', 'organisation_id']).execute();

  await db.schema
    .createTable('organisation_token')
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('organisation_token_pk', ['token', 'organisation_id'])
    .execute();
  await db.schema.createIndex('organisation_token_org_idx').on('organisation_token').column('organisation_id').execute();

  await db.schema
    .createTable('organisation_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('organisation_version_uq', ['organisation_id', 'version'])
    .execute();

  await db.schema
    .createTable('organisation_submission')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('submitter_name', 'text', (c) => c.notNull())
    .addColumn('submitter_email', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .execute();
  await db.schema.createIndex('organisation_submission_status_idx').on('organisation_submission').columns(['status', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['organisation_submission', 'organisation_version', 'organisation_token', 'organisation_district', 'organisation_area', 'organisation']) {
    await db.schema.dropTable(t).execute();
  }
}
