import type { Selectable } from 'kysely';
import type { ArticleContent, GuideLink, JourneyContent } from '../../common/guide.schema.js';
import type { LocalText } from '../../common/guide.js';
import { searchTokens } from '../../common/search.js';
import { bumpDataVersion, dataVersion } from '../core/cache.js';
import { tokenMatchIds } from '../core/token-search.js';
import { isPostgres } from '../db/database.js';
import { newId, nowIso } from '../core/ids.js';
import { inTransaction, type Db } from '../core/transaction.js';
import { plainText } from './guide.rules.js';
import type { GuideArticleTable, GuideArticleVersionTable, GuideChapterTable, GuideJourneyTable } from './guide.table.js';

/** All SQL of the guide. A change the public can see bumps the `guide` data version in the same transaction. */

export type ChapterRow = Selectable<GuideChapterTable>;
export type ArticleRow = Selectable<GuideArticleTable>;
export type VersionRow = Selectable<GuideArticleVersionTable>;
export type PublishedRow = VersionRow & { in_force_from: string; published_at: string };
export type JourneyRow = Selectable<GuideJourneyTable>;

export const guideVersion = (db: Db) => dataVersion(db, 'guide');

// ---- chapters ----------------------------------------------------------------------------------

export const findChapters = (db: Db): Promise<ChapterRow[]> => db.selectFrom('guide_chapter').selectAll().orderBy('position').orderBy('slug').execute();

export const findChapter = (db: Db, id: string) => db.selectFrom('guide_chapter').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertChapter(db: Db, input: { slug: string; parentId: string | null; position: number; title: LocalText }, id = newId()): Promise<string> {
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await trx.insertInto('guide_chapter').values({ id, slug: input.slug, parent_id: input.parentId, position: input.position, title: JSON.stringify(input.title), created_at: now, updated_at: now }).execute();
    await bumpDataVersion(trx, 'guide');
  });
  return id;
}

export async function updateChapter(db: Db, id: string, input: { slug: string; parentId: string | null; position: number; title: LocalText }): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const r = await trx
      .updateTable('guide_chapter')
      .set({ slug: input.slug, parent_id: input.parentId, position: input.position, title: JSON.stringify(input.title), updated_at: nowIso() })
      .where('id', '=', id)
      .executeTakeFirst();
    await bumpDataVersion(trx, 'guide');
    return Number(r.numUpdatedRows) > 0;
  });
}

// ---- articles ----------------------------------------------------------------------------------

export const findArticles = (db: Db): Promise<ArticleRow[]> => db.selectFrom('guide_article').selectAll().orderBy('position').orderBy('slug').execute();

/** The articles of these ids (a search's hits), by key. */
export async function findArticlesByIds(db: Db, ids: readonly string[]): Promise<ArticleRow[]> {
  if (!ids.length) return [];
  return db.selectFrom('guide_article').selectAll().where('id', 'in', ids).orderBy('position').orderBy('slug').execute();
}

/** The query of an article by its id or its slug (exported for the plan test). */
export const articleQuery = (db: Db, idOrSlug: string) => db.selectFrom('guide_article').selectAll().where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]));

/** An article by its id or its slug. */
export const findArticle = (db: Db, idOrSlug: string): Promise<ArticleRow | undefined> => articleQuery(db, idOrSlug).executeTakeFirst();

export interface ArticleMeta {
  slug: string;
  chapterId: string;
  position: number;
  tags: string[];
  related: string[];
  links: GuideLink[];
}

const metaColumns = (m: ArticleMeta) => ({ slug: m.slug, chapter_id: m.chapterId, position: m.position, tags: JSON.stringify(m.tags), related: JSON.stringify(m.related), links: JSON.stringify(m.links) });

export async function insertArticle(db: Db, meta: ArticleMeta, id = newId()): Promise<string> {
  const now = nowIso();
  await db.insertInto('guide_article').values({ id, ...metaColumns(meta), reviewed_on: null, review_on: null, created_at: now, updated_at: now }).execute();
  return id;
}

export async function updateArticleMeta(db: Db, id: string, meta: ArticleMeta): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.updateTable('guide_article').set({ ...metaColumns(meta), updated_at: nowIso() }).where('id', '=', id).execute();
    await bumpDataVersion(trx, 'guide');
  });
}

/** Marks the article reviewed `on` a day, with its next review due `next` (null: a year later). */
export async function markReviewed(db: Db, id: string, on: string, next: string | null = null): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.updateTable('guide_article').set({ reviewed_on: on, review_on: next, updated_at: nowIso() }).where('id', '=', id).execute();
    await bumpDataVersion(trx, 'guide');
  });
}

/** The query of every published version of the given articles (all when `articleIds` is omitted; exported for the plan test). */
export function publishedVersionsQuery(db: Db, articleIds?: readonly string[]) {
  let q = db.selectFrom('guide_article_version').selectAll().where('status', '=', 'published');
  if (articleIds) q = q.where('article_id', 'in', articleIds);
  return q.orderBy('in_force_from');
}

/** Every published version of the given articles (all when `articleIds` is omitted). */
export async function findPublishedVersions(db: Db, articleIds?: readonly string[]): Promise<PublishedRow[]> {
  if (articleIds && articleIds.length === 0) return [];
  return (await publishedVersionsQuery(db, articleIds).execute()) as PublishedRow[];
}

export const findVersions = (db: Db, articleId: string): Promise<VersionRow[]> =>
  db.selectFrom('guide_article_version').selectAll().where('article_id', '=', articleId).orderBy('created_at').execute();

export const findDraft = (db: Db, articleId: string) =>
  db.selectFrom('guide_article_version').selectAll().where('article_id', '=', articleId).where('status', '=', 'draft').executeTakeFirst();

/** Saves the article's one draft, replacing the previous one. Drafts are not public: no version bump. */
export async function saveDraft(db: Db, articleId: string, content: ArticleContent, note: string | null, staffId: string | null): Promise<string> {
  return inTransaction(db, async (trx) => {
    const existing = await findDraft(trx, articleId);
    if (existing) {
      await trx.updateTable('guide_article_version').set({ content: JSON.stringify(content), note, created_by: staffId, created_at: nowIso() }).where('id', '=', existing.id).execute();
      return existing.id;
    }
    const id = newId();
    await trx
      .insertInto('guide_article_version')
      .values({ id, article_id: articleId, status: 'draft', in_force_from: null, in_force_until: null, content: JSON.stringify(content), note, created_by: staffId, created_at: nowIso(), published_at: null })
      .execute();
    return id;
  });
}

/** The search words of a version's content, in every language it has. */
function versionTokens(content: ArticleContent): string[] {
  const texts = Object.values(content).flatMap((t) => (t ? [t.title, t.summary, plainText(t.body), t.easy ? plainText(t.easy) : ''] : []));
  return searchTokens(texts.join(' '));
}

/**
 * Publishes the article's draft as a version in force from `from` (a future day schedules it), indexes its words and bumps
 * the data version, in one transaction. Returns the version id, or null when there is no draft.
 */
export async function publishDraft(db: Db, articleId: string, dates: { from: string; until: string | null }, note: string | null): Promise<string | null> {
  return inTransaction(db, async (trx) => {
    const draft = await findDraft(trx, articleId);
    if (!draft) return null;
    await trx
      .updateTable('guide_article_version')
      .set({ status: 'published', in_force_from: dates.from, in_force_until: dates.until, note: note ?? draft.note, published_at: nowIso() })
      .where('id', '=', draft.id)
      .execute();
    const tokens = versionTokens(JSON.parse(draft.content) as ArticleContent);
    if (tokens.length) await trx.insertInto('guide_token').values(tokens.map((token) => ({ token, version_id: draft.id, article_id: articleId }))).execute();
    await bumpDataVersion(trx, 'guide');
    return draft.id;
  });
}

/** The query of the published versions whose words start with every one of `prefixes` (exported for the plan test). */
export function versionSearchQuery(db: Db, prefixes: readonly string[]) {
  const ids = tokenMatchIds(db, 'guide_token', 'version_id', prefixes).as('c');
  // Driven from the token ranges, each version read by key (see `tokenMatchIds`).
  if (isPostgres(db)) {
    return db.selectFrom(ids).crossJoinLateral((eb) => eb.selectFrom('guide_article_version').select(['id', 'article_id']).whereRef('guide_article_version.id', '=', 'c.id').where('status', '=', 'published').offset(0).as('v')).select(['v.id', 'v.article_id']);
  }
  return db.selectFrom(ids).crossJoin('guide_article_version as v').whereRef('v.id', '=', 'c.id').where('v.status', '=', 'published').select(['v.id', 'v.article_id']);
}

/** Published versions whose words start with every one of `prefixes`, with their articles. */
export async function searchVersions(db: Db, prefixes: readonly string[]): Promise<{ id: string; article_id: string }[]> {
  if (!prefixes.length) return [];
  return versionSearchQuery(db, prefixes).execute();
}

// ---- journeys ------------------------------------------------------------------------------------

export const findJourneys = (db: Db): Promise<JourneyRow[]> => db.selectFrom('guide_journey').selectAll().orderBy('position').orderBy('slug').execute();

/** The query of a journey by its id or its slug (exported for the plan test). */
export const journeyQuery = (db: Db, idOrSlug: string) => db.selectFrom('guide_journey').selectAll().where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]));

/** The journeys of these ids (a search's hits), by key. */
export async function findJourneysByIds(db: Db, ids: readonly string[]): Promise<JourneyRow[]> {
  if (!ids.length) return [];
  return db.selectFrom('guide_journey').selectAll().where('id', 'in', ids).orderBy('position').orderBy('slug').execute();
}

export const findJourney = (db: Db, idOrSlug: string): Promise<JourneyRow | undefined> => journeyQuery(db, idOrSlug).executeTakeFirst();

export async function insertJourney(db: Db, input: { slug: string; position: number; tags: string[]; content: JourneyContent }, id = newId()): Promise<string> {
  const now = nowIso();
  await db
    .insertInto('guide_journey')
    .values({ id, slug: input.slug, kind: input.content.kind, position: input.position, tags: JSON.stringify(input.tags), draft: JSON.stringify(input.content), published: null, published_at: null, created_at: now, updated_at: now })
    .execute();
  return id;
}

/** Replaces a journey's draft (and its place and tags, which the public sees: a bump). */
export async function saveJourneyDraft(db: Db, id: string, input: { slug: string; position: number; tags: string[]; content: JourneyContent }): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('guide_journey')
      .set({ slug: input.slug, kind: input.content.kind, position: input.position, tags: JSON.stringify(input.tags), draft: JSON.stringify(input.content), updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await bumpDataVersion(trx, 'guide');
  });
}

function journeyTokens(content: JourneyContent): string[] {
  const texts: LocalText[] = [content.title, content.summary];
  if (content.kind === 'steps') for (const s of content.steps) texts.push(s.title);
  return searchTokens(texts.flatMap((t) => Object.values(t).filter((v): v is string => typeof v === 'string')).join(' '));
}

/** Publishes a journey's draft (which then is no longer a draft) and re-indexes its titles. False when there is no draft. */
export async function publishJourney(db: Db, id: string): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const row = await findJourney(trx, id);
    if (!row?.draft) return false;
    await trx.updateTable('guide_journey').set({ published: row.draft, draft: null, published_at: nowIso(), updated_at: nowIso() }).where('id', '=', row.id).execute();
    await trx.deleteFrom('guide_journey_token').where('journey_id', '=', row.id).execute();
    const tokens = journeyTokens(JSON.parse(row.draft) as JourneyContent);
    if (tokens.length) await trx.insertInto('guide_journey_token').values(tokens.map((token) => ({ token, journey_id: row.id }))).execute();
    await bumpDataVersion(trx, 'guide');
    return true;
  });
}

/** The query of the published journeys whose title words start with every one of `prefixes` (exported for the plan test). */
export function journeySearchQuery(db: Db, prefixes: readonly string[]) {
  const ids = tokenMatchIds(db, 'guide_journey_token', 'journey_id', prefixes).as('c');
  if (isPostgres(db)) {
    return db.selectFrom(ids).crossJoinLateral((eb) => eb.selectFrom('guide_journey').select('id').whereRef('guide_journey.id', '=', 'c.id').where('published', 'is not', null).offset(0).as('j')).select('j.id');
  }
  return db.selectFrom(ids).crossJoin('guide_journey as j').whereRef('j.id', '=', 'c.id').where('j.published', 'is not', null).select('j.id');
}

/** Published journeys whose title words start with every one of `prefixes`. */
export async function searchJourneyIds(db: Db, prefixes: readonly string[]): Promise<string[]> {
  if (!prefixes.length) return [];
  return (await journeySearchQuery(db, prefixes).execute()).map((r) => r.id);
}

// ---- feedback ------------------------------------------------------------------------------------

export async function insertFeedback(db: Db, input: { articleId: string; versionId: string | null; helpful: boolean; comment: string | null; lang: string }): Promise<string> {
  const id = newId();
  await db
    .insertInto('guide_feedback')
    .values({ id, article_id: input.articleId, version_id: input.versionId, helpful: input.helpful ? 1 : 0, comment: input.comment, lang: input.lang, created_at: nowIso() })
    .execute();
  return id;
}

/** Votes and comments per article. */
export async function feedbackCounts(db: Db): Promise<Map<string, { helpful: number; notHelpful: number; comments: number }>> {
  const rows = await db
    .selectFrom('guide_feedback')
    .select((eb) => ['article_id', 'helpful', eb.fn.countAll<number | string>().as('n'), eb.fn.count<number | string>('comment').as('comments')])
    .groupBy(['article_id', 'helpful'])
    .execute();
  const out = new Map<string, { helpful: number; notHelpful: number; comments: number }>();
  for (const r of rows) {
    const c = out.get(r.article_id) ?? { helpful: 0, notHelpful: 0, comments: 0 };
    if (r.helpful) c.helpful += Number(r.n);
    else c.notHelpful += Number(r.n);
    c.comments += Number(r.comments);
    out.set(r.article_id, c);
  }
  return out;
}

export const findFeedback = (db: Db, articleId: string, limit = 200) =>
  db.selectFrom('guide_feedback').selectAll().where('article_id', '=', articleId).orderBy('created_at', 'desc').limit(limit).execute();

/** Erases the comments of feedback older than `before`; the votes stay as counts. */
export async function eraseFeedbackComments(db: Db, before: string): Promise<number> {
  const r = await db.updateTable('guide_feedback').set({ comment: null }).where('comment', 'is not', null).where('created_at', '<', before).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
