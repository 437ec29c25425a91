import type { ArticleContent, ArticleText, GuideArticle, GuideDiff, GuideJourney, GuideLink, GuideTree, JourneyContent, SearchResult, StaffArticle } from '../../common/guide.schema.js';
import { pickText, type LocalText } from '../../common/guide.js';
import { warsawDateOf } from '../../common/time.js';
import { queryPrefixes, snippet } from '../../common/search.js';
import type { Lang } from '../../common/taxonomy.js';
import { ApiError, notFound, validationError } from '../core/errors.js';
import { inTransaction, type Db } from '../core/transaction.js';
import {
  feedbackCounts, findArticle, findArticles, findArticlesByIds, findChapter, findChapters, findDraft, findJourney, findJourneys, findJourneysByIds, findPublishedVersions, findVersions, guideVersion, insertArticle,
  insertFeedback, publishDraft, saveDraft, searchJourneyIds, searchVersions, type ArticleMeta, type ArticleRow, type ChapterRow, type JourneyRow, type PublishedRow,
} from './guide.repository.js';
import { diffText, effectiveUntil, journeyLinkFaults, plainText, renderMarkdown, reviewDue, reviewDueOn, versionInForce, versionState } from './guide.rules.js';

/** Today in Warsaw: the day whose rules are "in force today". */
export const guideToday = (now = new Date()) => warsawDateOf(now);

/** The version of every public read: the data version and the day, since a scheduled version comes into force at midnight without a write. */
export const readVersion = async (db: Db) => `${await guideVersion(db)}|${guideToday()}`;

const parse = <T>(s: string): T => JSON.parse(s) as T;
const contentOf = (v: PublishedRow) => parse<ArticleContent>(v.content);

/** The texts of `content` in `lang`, or Polish when that language is missing. */
function textIn(content: ArticleContent, lang: Lang): { text: ArticleText; lang: Lang } {
  const own = lang === 'pl' ? content.pl : content[lang];
  return own ? { text: own, lang } : { text: content.pl, lang: 'pl' };
}

interface Loaded {
  chapters: ChapterRow[];
  articles: ArticleRow[];
  versions: Map<string, PublishedRow[]>;
}

/** Published versions grouped by article, in the order read. */
function byArticle(published: readonly PublishedRow[]): Map<string, PublishedRow[]> {
  const versions = new Map<string, PublishedRow[]>();
  for (const v of published) versions.set(v.article_id, [...(versions.get(v.article_id) ?? []), v]);
  return versions;
}

async function loadAll(db: Db): Promise<Loaded> {
  const [chapters, articles, published] = await Promise.all([findChapters(db), findArticles(db), findPublishedVersions(db)]);
  return { chapters, articles, versions: byArticle(published) };
}

/** References to articles by slug, with their titles in force on `at` (articles not in force are left out). */
function refsOf(all: Loaded, slugs: readonly string[], lang: Lang, at: string) {
  return slugs.flatMap((slug) => {
    const a = all.articles.find((x) => x.slug === slug);
    const v = a && versionInForce(all.versions.get(a.id) ?? [], at);
    if (!a || !v) return [];
    const t = textIn(contentOf(v), lang);
    return [{ slug, title: t.text.title, lang: t.lang }];
  });
}

// ---- public reads -----------------------------------------------------------------------------------

export async function guideTree(db: Db, q: { lang: Lang; at?: string; tag?: string }): Promise<GuideTree> {
  const at = q.at ?? guideToday();
  const all = await loadAll(db);
  const chapters = all.chapters.map((c) => {
    const title = pickText(parse<LocalText>(c.title), q.lang);
    const articles = all.articles
      .filter((a) => a.chapter_id === c.id && (!q.tag || parse<string[]>(a.tags).includes(q.tag)))
      .flatMap((a) => {
        const v = versionInForce(all.versions.get(a.id) ?? [], at);
        if (!v) return [];
        const t = textIn(contentOf(v), q.lang);
        return [{ slug: a.slug, title: t.text.title, summary: t.text.summary, lang: t.lang, tags: parse<string[]>(a.tags), reviewedOn: a.reviewed_on }];
      });
    return { id: c.id, slug: c.slug, title: title.text, lang: title.lang, parentId: c.parent_id, articles };
  });
  const journeys = (await findJourneys(db))
    .filter((j) => j.published && (!q.tag || parse<string[]>(j.tags).includes(q.tag)))
    .map((j) => {
      const content = parse<JourneyContent>(j.published!);
      const title = pickText(content.title, q.lang);
      return { slug: j.slug, kind: j.kind, title: title.text, summary: pickText(content.summary, q.lang).text, lang: title.lang, tags: parse<string[]>(j.tags) };
    });
  // A chapter filtered to nothing (by the tag) is left out, unless a sub-chapter still has articles.
  const keep = q.tag ? chapters.filter((c) => c.articles.length || chapters.some((s) => s.parentId === c.id && s.articles.length)) : chapters;
  return { at, chapters: keep, journeys };
}

async function publicArticle(db: Db, idOrSlug: string) {
  const article = await findArticle(db, idOrSlug);
  if (!article) throw notFound('Article');
  const versions = await findPublishedVersions(db, [article.id]);
  if (!versions.length) throw notFound('Article');
  return { article, versions };
}

export async function articleView(db: Db, idOrSlug: string, lang: Lang, atDay?: string): Promise<GuideArticle> {
  const today = guideToday();
  const at = atDay ?? today;
  const { article, versions } = await publicArticle(db, idOrSlug);
  const v = versionInForce(versions, at);
  if (!v) throw new ApiError(404, 'not_in_force', `The article has no version in force on ${at}`);
  const all = await loadAll(db);
  const content = contentOf(v);
  const { text, lang: shown } = textIn(content, lang);
  const chapter = all.chapters.find((c) => c.id === article.chapter_id)!;
  return {
    id: article.id,
    slug: article.slug,
    chapter: { id: chapter.id, slug: chapter.slug, title: pickText(parse<LocalText>(chapter.title), lang).text },
    lang: shown,
    fallback: shown !== lang,
    title: text.title,
    summary: text.summary,
    html: renderMarkdown(text.body, shown),
    easyHtml: text.easy ? renderMarkdown(text.easy, shown) : null,
    versionId: v.id,
    inForceFrom: v.in_force_from,
    inForceUntil: effectiveUntil(v, versions),
    reviewedOn: article.reviewed_on,
    at,
    current: versionInForce(versions, today)?.id === v.id,
    tags: parse<string[]>(article.tags),
    related: refsOf(all, parse<string[]>(article.related), lang, at),
    links: parse<GuideLink[]>(article.links),
    languages: (['pl', 'en', 'uk'] as const).filter((l) => content[l]),
  };
}

/** Every version of an article, a draft included (staff compare a draft with what is published); a draft counts as starting today. */
async function staffVersions(db: Db, idOrSlug: string) {
  const article = await findArticle(db, idOrSlug);
  if (!article) throw notFound('Article');
  const rows = await findVersions(db, article.id);
  const versions = rows.map((r) => (r.status === 'published' ? (r as PublishedRow) : { ...r, in_force_from: guideToday(), published_at: r.created_at }));
  return { article, versions };
}

function versionSummary(v: PublishedRow, versions: PublishedRow[], lang: Lang, today: string) {
  const published = versions.filter((x) => x.status === 'published');
  const draft = v.status === 'draft';
  return {
    id: v.id,
    inForceFrom: v.in_force_from,
    inForceUntil: draft ? null : effectiveUntil(v, published),
    publishedAt: v.published_at,
    note: v.note,
    title: textIn(contentOf(v), lang).text.title,
    inForceToday: !draft && versionInForce(published, today)?.id === v.id,
  };
}

/** Published versions, newest "in force from" first (a scheduled one included: readers may see what is coming). */
export async function articleVersions(db: Db, idOrSlug: string, lang: Lang) {
  const today = guideToday();
  const { article, versions } = await publicArticle(db, idOrSlug);
  const items = [...versions].reverse().map((v) => versionSummary(v, versions, lang, today));
  return { slug: article.slug, items };
}

/** What changed between two published versions, field by field, in `lang` (Polish where a version lacks it). */
export async function articleDiff(db: Db, idOrSlug: string, fromId: string, toId: string, lang: Lang, options: { drafts?: boolean } = {}): Promise<GuideDiff> {
  const today = guideToday();
  const { article, versions } = options.drafts ? await staffVersions(db, idOrSlug) : await publicArticle(db, idOrSlug);
  const from = versions.find((v) => v.id === fromId);
  const to = versions.find((v) => v.id === toId);
  if (!from || !to) throw notFound('Version');
  const a = textIn(contentOf(from), lang).text;
  const b = textIn(contentOf(to), lang).text;
  const fields = (['title', 'summary', 'body', 'easy'] as const).map((field) => {
    const before = a[field] ?? '';
    const after = b[field] ?? '';
    return { field, changed: before !== after, segments: diffText(before, after) };
  });
  return { slug: article.slug, lang, from: versionSummary(from, versions, lang, today), to: versionSummary(to, versions, lang, today), fields };
}

/** The prefixes a guide search looks for: stemmed, at most 6, one-letter words left out (a search of only those finds nothing). */
export const guideSearchWords = (q: string): string[] => queryPrefixes(q, { stem: true, minLength: 2 });

/**
 * Search over the articles in force today (their titles, summaries, bodies and easy-to-read
 * versions, in every language) and the published journeys' titles. Query words are folded and
 * stemmed prefixes, so `dotacja`, `dotacje` and `dotacji` find the same article. Titles that match rank first.
 */
export async function searchGuide(db: Db, q: string, lang: Lang, limit: number): Promise<SearchResult> {
  const prefixes = guideSearchWords(q);
  if (!prefixes.length) return { q, items: [] };
  const today = guideToday();
  const [hits, journeyIds] = await Promise.all([searchVersions(db, prefixes), searchJourneyIds(db, prefixes)]);
  // Only the hit articles are read: their rows and their published versions, to tell whether the hit is the one in force.
  const articleIds = [...new Set(hits.map((h) => h.article_id))];
  const [hitArticles, published, hitJourneys] = await Promise.all([findArticlesByIds(db, articleIds), findPublishedVersions(db, articleIds), findJourneysByIds(db, journeyIds)]);
  const versions = byArticle(published);
  const matched = new Set(hits.map((h) => h.id));
  const titleScore = (title: string) => snippet(title, prefixes, 1000).filter((p) => p.mark).length;
  const articles = hitArticles.flatMap((a) => {
    const v = versionInForce(versions.get(a.id) ?? [], today);
    if (!v || !matched.has(v.id)) return [];
    const content = contentOf(v);
    const { text, lang: shown } = textIn(content, lang);
    // The snippet comes from the language shown; when the words matched only another language, from the first that has them.
    const sources = [text, ...Object.values(content).filter((t): t is ArticleText => !!t && t !== text)];
    const body = sources.map((t) => `${t.summary} ${plainText(t.body)} ${t.easy ? plainText(t.easy) : ''}`).find((s) => snippet(s, prefixes).some((p) => p.mark)) ?? text.summary;
    return [{ kind: 'article' as const, slug: a.slug, title: text.title, lang: shown, snippet: snippet(body, prefixes), score: titleScore(text.title) }];
  });
  const journeys = hitJourneys.filter((j) => j.published).map((j) => {
    const content = parse<JourneyContent>(j.published!);
    const title = pickText(content.title, lang);
    return { kind: j.kind, slug: j.slug, title: title.text, lang: title.lang, snippet: snippet(pickText(content.summary, lang).text, prefixes), score: titleScore(title.text) + 1 };
  });
  const items = [...journeys, ...articles].sort((x, y) => y.score - x.score).slice(0, limit).map(({ score: _, ...hit }) => hit);
  return { q, items };
}

/** A published journey in `lang`, with the articles it links to (titles in force today). */
export async function journeyView(db: Db, slug: string, lang: Lang): Promise<GuideJourney> {
  const row = await findJourney(db, slug);
  if (!row?.published) throw notFound('Journey');
  return resolveJourney(db, row.slug, parse<JourneyContent>(row.published), lang);
}

/** A journey's content resolved for readers: texts in `lang`, article slugs to titles. Also the staff preview. */
export async function resolveJourney(db: Db, slug: string, content: JourneyContent, lang: Lang): Promise<GuideJourney> {
  const today = guideToday();
  const all = await loadAll(db);
  const text = (t: LocalText) => pickText(t, lang);
  if (content.kind === 'steps') {
    return {
      kind: 'steps',
      slug,
      title: text(content.title),
      summary: text(content.summary),
      steps: content.steps.map((s) => ({ title: text(s.title), text: text(s.text), deadline: s.deadline ? text(s.deadline) : null, articles: refsOf(all, s.articles, lang, today) })),
    };
  }
  const journeys = await findJourneys(db);
  const nodes: Extract<GuideJourney, { kind: 'smart' }>['nodes'] = {};
  for (const [id, n] of Object.entries(content.nodes)) {
    if (n.kind === 'question') nodes[id] = { kind: 'question', text: text(n.text), hint: n.hint ? text(n.hint) : null, answers: n.answers.map((a) => ({ label: text(a.label), next: a.next })) };
    else {
      const j = n.journey ? journeys.find((x) => x.slug === n.journey && x.published) : undefined;
      const jt = j && pickText(parse<JourneyContent>(j.published!).title, lang);
      nodes[id] = { kind: 'outcome', title: text(n.title), text: text(n.text), articles: refsOf(all, n.articles, lang, today), journey: j && jt ? { slug: j.slug, title: jt.text, lang: jt.lang } : null };
    }
  }
  return { kind: 'smart', slug, title: text(content.title), summary: text(content.summary), start: content.start, nodes };
}

export async function submitFeedback(db: Db, idOrSlug: string, input: { helpful: boolean; comment?: string; lang: Lang }): Promise<{ id: string }> {
  const { article, versions } = await publicArticle(db, idOrSlug);
  const v = versionInForce(versions, guideToday());
  return { id: await insertFeedback(db, { articleId: article.id, versionId: v?.id ?? null, helpful: input.helpful, comment: input.comment?.trim() || null, lang: input.lang }) };
}

// ---- staff ---------------------------------------------------------------------------------------------

async function checkMeta(db: Db, meta: ArticleMeta, selfId?: string) {
  if (!(await findChapter(db, meta.chapterId))) throw new ApiError(422, 'validation_failed', 'Unknown chapter', { issues: [{ path: 'chapterId', code: 'invalid_value', message: 'No such chapter' }] });
  const same = await findArticle(db, meta.slug);
  if (same && same.id !== selfId) throw new ApiError(409, 'slug_taken', `The slug "${meta.slug}" is taken`);
}

/** A new article with its first draft (nothing public yet). */
export async function createArticle(db: Db, input: ArticleMeta & { content: ArticleContent }, staffId: string | null): Promise<string> {
  return inTransaction(db, async (trx) => {
    await checkMeta(trx, input);
    const id = await insertArticle(trx, input);
    await saveDraft(trx, id, input.content, null, staffId);
    return id;
  });
}

export { checkMeta };

/** Publishes the draft for `inForceFrom` (a later day schedules it). 409 `no_draft` without one. */
export async function publishArticle(db: Db, id: string, input: { inForceFrom: string; inForceUntil: string | null; note?: string }): Promise<string> {
  const versionId = await publishDraft(db, id, { from: input.inForceFrom, until: input.inForceUntil }, input.note ?? null);
  if (!versionId) throw new ApiError(409, 'no_draft', 'There is no draft to publish');
  return versionId;
}

export async function staffArticle(db: Db, idOrSlug: string): Promise<StaffArticle> {
  const today = guideToday();
  const a = await findArticle(db, idOrSlug);
  if (!a) throw notFound('Article');
  const rows = await findVersions(db, a.id);
  const published = rows.filter((r): r is PublishedRow => r.status === 'published');
  return {
    id: a.id,
    slug: a.slug,
    chapterId: a.chapter_id,
    position: a.position,
    tags: parse(a.tags),
    related: parse(a.related),
    links: parse(a.links),
    reviewedOn: a.reviewed_on,
    reviewOn: reviewDueOn(a.reviewed_on, a.review_on),
    reviewDue: rows.some((r) => r.status === 'published') && reviewDue(a.reviewed_on, today, a.review_on),
    versions: rows.map((r) => ({
      id: r.id,
      status: r.status,
      inForceFrom: r.in_force_from,
      inForceUntil: r.status === 'published' ? effectiveUntil(r as PublishedRow, published) : null,
      note: r.note,
      content: parse<ArticleContent>(r.content),
      createdAt: r.created_at,
      publishedAt: r.published_at,
      state: r.status === 'draft' ? 'draft' : versionState(r as PublishedRow, published, today),
    })),
  };
}

export async function staffArticleList(db: Db) {
  const today = guideToday();
  const [all, counts] = await Promise.all([loadAll(db), feedbackCounts(db)]);
  const drafts = new Set((await db.selectFrom('guide_article_version').select('article_id').where('status', '=', 'draft').execute()).map((r) => r.article_id));
  const items = await Promise.all(
    all.articles.map(async (a) => {
      const versions = all.versions.get(a.id) ?? [];
      const current = versionInForce(versions, today);
      const scheduled = versions.filter((v) => v.in_force_from > today).map((v) => v.in_force_from).sort()[0] ?? null;
      const draft = drafts.has(a.id) ? await findDraft(db, a.id) : undefined;
      const title = current ? contentOf(current).pl.title : draft ? parse<ArticleContent>(draft.content).pl.title : (versions.at(-1) ? contentOf(versions.at(-1)!).pl.title : a.slug);
      return {
        id: a.id,
        slug: a.slug,
        chapterId: a.chapter_id,
        position: a.position,
        title,
        hasDraft: drafts.has(a.id),
        inForceFrom: current?.in_force_from ?? null,
        scheduledFrom: scheduled,
        reviewedOn: a.reviewed_on,
        reviewOn: reviewDueOn(a.reviewed_on, a.review_on),
        reviewDue: versions.length > 0 && reviewDue(a.reviewed_on, today, a.review_on),
        feedback: counts.get(a.id) ?? { helpful: 0, notHelpful: 0, comments: 0 },
      };
    }),
  );
  return { items };
}

/** The start screen's count: published articles whose review is due (not reviewed for a year, or past the review day staff set). */
export async function articlesDueForReview(db: Db): Promise<number> {
  const today = guideToday();
  const [articles, published] = await Promise.all([findArticles(db), findPublishedVersions(db)]);
  const live = new Set(published.map((v) => v.article_id));
  return articles.filter((a) => live.has(a.id) && reviewDue(a.reviewed_on, today, a.review_on)).length;
}

export type { JourneyRow };

/** Refuses (422) a journey whose articles or follow-on journey do not exist, at the path of each. */
export async function checkJourneyLinks(db: Db, slug: string, content: JourneyContent): Promise<void> {
  const [articles, journeys] = await Promise.all([findArticles(db), findJourneys(db)]);
  const issues = journeyLinkFaults(content, new Set(articles.map((a) => a.slug)), new Set(journeys.map((j) => j.slug)), slug);
  if (issues.length) throw validationError(issues);
}
