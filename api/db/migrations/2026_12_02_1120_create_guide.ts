import type { Kysely } from 'kysely';

// Frozen in time: never import app code here. The online guide: chapters, articles with dated
// versions, their search tokens, journeys (step by step, smart answers) and feedback.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('guide_chapter')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('parent_id', 'text', (c) => c.references('guide_chapter.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('guide_article')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('chapter_id', 'text', (c) => c.notNull().references('guide_chapter.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('related', 'text', (c) => c.notNull())
    .addColumn('links', 'text', (c) => c.notNull())
    .addColumn('reviewed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('guide_article_chapter_idx').on('guide_article').columns(['chapter_id', 'position']).execute();

  await db.schema
    .createTable('guide_article_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('guide_article.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('in_force_from', 'text')
    .addColumn('in_force_until', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('guide_article_version_article_idx').on('guide_article_version').columns(['article_id', 'status', 'in_force_from']).execute();

  await db.schema
    .createTable('guide_token')
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull().references('guide_article_version.id').onDelete('cascade'))
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('guide_token_pk', ['token', 'version_id'])
    .execute();
  await db.schema.createIndex('guide_token_version_idx').on('guide_token').column('version_id').execute();

  await db.schema
    .createTable('guide_journey')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('draft', 'text')
    .addColumn('published', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('guide_journey_token')
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('guide_journey.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('guide_journey_token_pk', ['token', 'journey_id'])
    .execute();
  await db.schema.createIndex('guide_journey_token_journey_idx').on('guide_journey_token').column('journey_id').execute();

  await db.schema
    .createTable('guide_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('guide_article.id').onDelete('cascade'))
    .addColumn('version_id', 'text')
    .addColumn('helpful', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('guide_feedback_article_idx').on('guide_feedback').columns(['article_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['guide_feedback', 'guide_journey_token', 'guide_journey', 'guide_token', 'guide_article_version', 'guide_article', 'guide_chapter']) await db.schema.dropTable(t).execute();
}
