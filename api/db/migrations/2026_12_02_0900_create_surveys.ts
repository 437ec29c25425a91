import { SqliteAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * Frozen in time. Surveys (LIJW). Timestamps are ISO text, flags 0/1 integers, on both dialects.
 *
 * Anonymity by construction: invitation tokens (`survey_token`) and answers (`survey_response`)
 * share no column. A token row knows its group and whether it was used, nothing else: no time of
 * use. A response row knows its edition, its group and its answers: no token, no time at all, and
 * a random (v4) id. On SQLite both tables, and the drafts, are WITHOUT ROWID, so there is no hidden
 * rowid counting insertions and a scan returns rows in key order, i.e. in random order. (On
 * PostgreSQL the repository re-writes an edition's responses in key order on every submission; see
 * `surveys.responses.ts`.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const noRowid = <T extends CreateTableBuilder<any, any>>(t: T): T => (sqlite ? (t.modifyEnd(sql`without rowid`) as T) : t);

  await db.schema
    .createTable('survey')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('survey_instrument')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_instrument_version_idx').on('survey_instrument').columns(['survey_id', 'version']).unique().execute();

  await db.schema
    .createTable('survey_edition')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('instrument_id', 'text', (c) => c.notNull().references('survey_instrument.id'))
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('publication', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('indicators', 'text')
    .addColumn('meeting_on', 'text')
    .addColumn('meeting_note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_edition_slug_idx').on('survey_edition').columns(['survey_id', 'slug']).unique().execute();

  await db.schema
    .createTable('survey_open_link')
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('survey_edition.id').onDelete('cascade'))
    .addColumn('respondent_group', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('survey_token_batch')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('survey_edition.id').onDelete('cascade'))
    .addColumn('respondent_group', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('used_count', 'integer')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Only "used": no time of use, no address, no link to a response.
  await noRowid(
    db.schema
      .createTable('survey_token')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('batch_id', 'text', (c) => c.notNull().references('survey_token_batch.id').onDelete('cascade'))
      .addColumn('edition_id', 'text', (c) => c.notNull())
      .addColumn('respondent_group', 'text', (c) => c.notNull())
      .addColumn('used', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('survey_token_edition_idx').on('survey_token').columns(['edition_id', 'respondent_group', 'used']).execute();

  // Save and resume: tied to the token by nature, encrypted with a key only the token holder has,
  // and deleted in the transaction that stores the response.
  await noRowid(
    db.schema
      .createTable('survey_draft')
      .addColumn('token_hash', 'text', (c) => c.primaryKey().references('survey_token.token_hash').onDelete('cascade'))
      .addColumn('edition_id', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('survey_draft_edition_idx').on('survey_draft').column('edition_id').execute();

  // No token, no time, a random id.
  await noRowid(
    db.schema
      .createTable('survey_response')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('edition_id', 'text', (c) => c.notNull().references('survey_edition.id'))
      .addColumn('respondent_group', 'text', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('survey_response_edition_idx').on('survey_response').columns(['edition_id', 'respondent_group']).execute();

  await db.schema
    .createTable('survey_agreed_score')
    .addColumn('edition_id', 'text', (c) => c.notNull().references('survey_edition.id').onDelete('cascade'))
    .addColumn('section_id', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_agreed_score_pk', ['edition_id', 'section_id'])
    .execute();

  await db.schema
    .createTable('survey_recommendation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('survey_edition.id').onDelete('cascade'))
    .addColumn('section_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_recommendation_edition_idx').on('survey_recommendation').columns(['edition_id', 'section_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'survey_recommendation', 'survey_agreed_score', 'survey_response', 'survey_draft', 'survey_token', 'survey_token_batch', 'survey_open_link', 'survey_edition', 'survey_instrument', 'survey',
  ]) await db.schema.dropTable(t).execute();
}
