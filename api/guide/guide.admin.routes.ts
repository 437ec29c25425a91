import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import {
  ArticleCreateInput, ArticleMetaInput, ChapterInput, DiffQuery, DraftInput, GuideDiff, GuideJourney, JourneyContent, JourneyInput, Preview, PreviewInput, PublishInput, ReviewedInput, StaffArticle,
  StaffArticleList, StaffChapterList, StaffFeedback, StaffJourneyList,
} from '../../common/guide.schema.js';
import type { LocalText } from '../../common/guide.js';
import { LANGS } from '../../common/taxonomy.js';
import { ApiError, notFound } from '../core/errors.js';
import { ErrorResponses, IdParam, jsonContent, jsonRequest } from '../core/openapi.js';
import { assertDistrict } from '../core/staff.rules.js';
import { createRouter } from '../core/validation.js';
import {
  findArticle, findChapter, findChapters, findFeedback, findJourney, findJourneys, insertChapter, insertJourney, markReviewed, publishJourney, saveDraft, saveJourneyDraft, updateArticleMeta,
  updateChapter,
} from './guide.repository.js';
import { addDays } from '../../common/time.js';
import { renderMarkdown, reviewDueOn } from './guide.rules.js';
import { articleDiff, checkJourneyLinks, checkMeta, createArticle, guideToday, publishArticle, resolveJourney, staffArticle, staffArticleList } from './guide.service.js';

/**
 * The guide's staff section, mounted at /v1/admin/guide (roles editor and admin): articles with
 * drafts, live preview, scheduled publication and version comparison; feedback and reviews;
 * chapters; step-by-steps and smart answers with a preview before publishing.
 */
export const guideAdminRoutes = createRouter();

// The guide explains the city's rules to every district: city-wide editors (and admins) keep it, not a district's staff.
guideAdminRoutes.use('*', async (c, next) => {
  assertDistrict(c.var.staff!, null);
  await next();
});

const tags = ['guide (staff)'];
const Ok = z.object({ ok: z.literal(true) });
/** How far ahead staff may set an article's next review. */
const MAX_REVIEW_YEARS = 3;

async function ownArticle(db: Parameters<typeof findArticle>[0], id: string) {
  const a = await findArticle(db, id);
  if (!a) throw notFound('Article');
  return a;
}

guideAdminRoutes.openapi(
  createRoute({ method: 'get', path: '/articles', tags, summary: 'Every article with its state: in force from, scheduled, draft, review due, feedback counts', responses: { 200: jsonContent(StaffArticleList, 'Articles'), ...ErrorResponses } }),
  async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await staffArticleList(c.var.db), 200);
  },
);

guideAdminRoutes.openapi(
  createRoute({ method: 'post', path: '/articles', tags, summary: 'A new article with its first draft (nothing public until it is published)', request: jsonRequest(ArticleCreateInput), responses: { 201: jsonContent(z.object({ id: z.string() }), 'Created'), 409: jsonContent(z.any(), 'Slug taken'), ...ErrorResponses } }),
  async (c) => c.json({ id: await createArticle(c.var.db, c.req.valid('json'), c.var.staff!.id) }, 201),
);

guideAdminRoutes.openapi(
  createRoute({ method: 'get', path: '/articles/{id}', tags, summary: 'An article with every version: the draft, scheduled, in force and past ones', request: { params: IdParam }, responses: { 200: jsonContent(StaffArticle, 'The article'), ...ErrorResponses } }),
  async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await staffArticle(c.var.db, c.req.valid('param').id), 200);
  },
);

guideAdminRoutes.openapi(
  createRoute({ method: 'put', path: '/articles/{id}', tags, summary: 'Change where an article sits, its slug, tags, related articles and links (public at once)', request: { params: IdParam, ...jsonRequest(ArticleMetaInput) }, responses: { 200: jsonContent(Ok, 'Saved'), 409: jsonContent(z.any(), 'Slug taken'), ...ErrorResponses } }),
  async (c) => {
    const a = await ownArticle(c.var.db, c.req.valid('param').id);
    const meta = c.req.valid('json');
    await checkMeta(c.var.db, meta, a.id);
    await updateArticleMeta(c.var.db, a.id, meta);
    return c.json({ ok: true as const }, 200);
  },
);

guideAdminRoutes.openapi(
  createRoute({ method: 'put', path: '/articles/{id}/draft', tags, summary: 'Save the draft (one per article; replaces the previous draft)', request: { params: IdParam, ...jsonRequest(DraftInput) }, responses: { 200: jsonContent(z.object({ versionId: z.string() }), 'Saved'), ...ErrorResponses } }),
  async (c) => {
    const a = await ownArticle(c.var.db, c.req.valid('param').id);
    const { content, note } = c.req.valid('json');
    return c.json({ versionId: await saveDraft(c.var.db, a.id, content, note ?? null, c.var.staff!.id) }, 200);
  },
);

guideAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/articles/{id}/publish',
    tags,
    summary: 'Publish the draft as a version in force from a day; a later day schedules it, and it comes into force at midnight (Warsaw). 409 `no_draft` without a draft.',
    request: { params: IdParam, ...jsonRequest(PublishInput) },
    responses: { 200: jsonContent(z.object({ versionId: z.string(), scheduled: z.boolean() }), 'Published'), 409: jsonContent(z.any(), 'No draft'), ...ErrorResponses },
  }),
  async (c) => {
    const a = await ownArticle(c.var.db, c.req.valid('param').id);
    const input = c.req.valid('json');
    const versionId = await publishArticle(c.var.db, a.id, input);
    return c.json({ versionId, scheduled: input.inForceFrom > guideToday() }, 200);
  },
);

guideAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/articles/{id}/reviewed',
    tags,
    summary: 'Mark the article reviewed today: its rules are still right',
    description: `The next review is due on \`nextReview\` (a day after today, at most ${MAX_REVIEW_YEARS} years ahead), or a year from today without it. A bad day is 422 at \`nextReview\`.`,
    request: { params: IdParam, ...jsonRequest(ReviewedInput, { required: false }) },
    responses: { 200: jsonContent(z.object({ reviewedOn: z.string(), reviewOn: z.string() }), 'Reviewed'), ...ErrorResponses },
  }),
  async (c) => {
    const a = await ownArticle(c.var.db, c.req.valid('param').id);
    const today = guideToday();
    const next = (c.req.valid('json') as { nextReview?: string } | undefined)?.nextReview ?? null;
    if (next !== null && (next <= today || next > addDays(today, MAX_REVIEW_YEARS * 366))) {
      throw new ApiError(422, 'validation_failed', 'The next review must be after today', { issues: [{ path: 'nextReview', code: 'invalid_value', message: `A day after ${today}, at most ${MAX_REVIEW_YEARS} years ahead` }] });
    }
    await markReviewed(c.var.db, a.id, today, next);
    return c.json({ reviewedOn: today, reviewOn: reviewDueOn(today, next)! }, 200);
  },
);

guideAdminRoutes.openapi(
  createRoute({ method: 'get', path: '/articles/{id}/diff', tags, summary: 'Compare two versions of an article, the draft included', request: { params: IdParam, query: DiffQuery }, responses: { 200: jsonContent(GuideDiff, 'The diff'), ...ErrorResponses } }),
  async (c) => {
    const { from, to, lang } = c.req.valid('query');
    return c.json(await articleDiff(c.var.db, c.req.valid('param').id, from, to, lang, { drafts: true }), 200);
  },
);

guideAdminRoutes.openapi(
  createRoute({ method: 'get', path: '/articles/{id}/feedback', tags, summary: '"Was this helpful?" answers to an article, newest first, with the counts', request: { params: IdParam }, responses: { 200: jsonContent(StaffFeedback, 'Feedback'), ...ErrorResponses } }),
  async (c) => {
    const a = await ownArticle(c.var.db, c.req.valid('param').id);
    const rows = await findFeedback(c.var.db, a.id);
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        items: rows.map((r) => ({ id: r.id, helpful: r.helpful === 1, comment: r.comment, lang: r.lang as (typeof LANGS)[number], createdAt: r.created_at })),
        helpful: rows.filter((r) => r.helpful === 1).length,
        notHelpful: rows.filter((r) => r.helpful !== 1).length,
      },
      200,
    );
  },
);

guideAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/preview',
    tags,
    summary: 'The live preview: Markdown rendered and sanitised exactly as readers will get it',
    request: { ...jsonRequest(PreviewInput), query: z.object({ lang: z.enum(LANGS).default('pl') }) },
    responses: { 200: jsonContent(Preview, 'The HTML'), ...ErrorResponses },
  }),
  async (c) => c.json({ html: renderMarkdown(c.req.valid('json').markdown, c.req.valid('query').lang) }, 200),
);

// ---- chapters ------------------------------------------------------------------------------------

guideAdminRoutes.openapi(
  createRoute({ method: 'get', path: '/chapters', tags, summary: 'The chapters of the tree', responses: { 200: jsonContent(StaffChapterList, 'Chapters'), ...ErrorResponses } }),
  async (c) => c.json({ items: (await findChapters(c.var.db)).map((r) => ({ id: r.id, slug: r.slug, parentId: r.parent_id, position: r.position, title: JSON.parse(r.title) as LocalText })) }, 200),
);

async function checkChapter(db: Parameters<typeof findChapter>[0], input: { slug: string; parentId: string | null }, selfId?: string) {
  if (input.parentId && (input.parentId === selfId || !(await findChapter(db, input.parentId)))) throw new ApiError(422, 'validation_failed', 'Unknown parent chapter', { issues: [{ path: 'parentId', code: 'invalid_value', message: 'No such chapter' }] });
  const same = (await findChapters(db)).find((x) => x.slug === input.slug);
  if (same && same.id !== selfId) throw new ApiError(409, 'slug_taken', `The slug "${input.slug}" is taken`);
}

guideAdminRoutes.openapi(
  createRoute({ method: 'post', path: '/chapters', tags, summary: 'A new chapter', request: jsonRequest(ChapterInput), responses: { 201: jsonContent(z.object({ id: z.string() }), 'Created'), 409: jsonContent(z.any(), 'Slug taken'), ...ErrorResponses } }),
  async (c) => {
    const input = c.req.valid('json');
    await checkChapter(c.var.db, input);
    return c.json({ id: await insertChapter(c.var.db, input) }, 201);
  },
);

guideAdminRoutes.openapi(
  createRoute({ method: 'put', path: '/chapters/{id}', tags, summary: 'Rename or move a chapter', request: { params: IdParam, ...jsonRequest(ChapterInput) }, responses: { 200: jsonContent(Ok, 'Saved'), 409: jsonContent(z.any(), 'Slug taken'), ...ErrorResponses } }),
  async (c) => {
    const id = c.req.valid('param').id;
    const input = c.req.valid('json');
    await checkChapter(c.var.db, input, id);
    if (!(await updateChapter(c.var.db, id, input))) throw notFound('Chapter');
    return c.json({ ok: true as const }, 200);
  },
);

// ---- journeys ------------------------------------------------------------------------------------

const staffJourney = (r: Awaited<ReturnType<typeof findJourneys>>[number]) => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind,
  position: r.position,
  tags: JSON.parse(r.tags) as string[],
  draft: r.draft ? (JSON.parse(r.draft) as JourneyContent) : null,
  published: r.published ? (JSON.parse(r.published) as JourneyContent) : null,
  publishedAt: r.published_at,
});

guideAdminRoutes.openapi(
  createRoute({ method: 'get', path: '/journeys', tags, summary: 'Step-by-steps and smart answers, each with its draft and its published content', responses: { 200: jsonContent(StaffJourneyList, 'Journeys'), ...ErrorResponses } }),
  async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ items: (await findJourneys(c.var.db)).map(staffJourney) }, 200);
  },
);

guideAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/journeys',
    tags,
    summary: 'A new step-by-step or smart answer, as a draft. A smart answer with a cycle, a dead end or a missing node is refused (422) with the path to the fault.',
    request: jsonRequest(JourneyInput),
    responses: { 201: jsonContent(z.object({ id: z.string() }), 'Created'), 409: jsonContent(z.any(), 'Slug taken'), ...ErrorResponses },
  }),
  async (c) => {
    const input = c.req.valid('json');
    if (await findJourney(c.var.db, input.slug)) throw new ApiError(409, 'slug_taken', `The slug "${input.slug}" is taken`);
    await checkJourneyLinks(c.var.db, input.slug, input.content);
    return c.json({ id: await insertJourney(c.var.db, input) }, 201);
  },
);

guideAdminRoutes.openapi(
  createRoute({ method: 'put', path: '/journeys/{id}', tags, summary: 'Save a journey\'s draft (validated as on creation)', description: 'Refused (422) like a new journey: a cycle, a dead end or a missing node, with the path to the fault, and an article or follow-on journey that does not exist (`unknown_article`, `unknown_journey`).', request: { params: IdParam, ...jsonRequest(JourneyInput) }, responses: { 200: jsonContent(Ok, 'Saved'), 409: jsonContent(z.any(), 'Slug taken'), ...ErrorResponses } }),
  async (c) => {
    const row = await findJourney(c.var.db, c.req.valid('param').id);
    if (!row) throw notFound('Journey');
    const input = c.req.valid('json');
    const same = await findJourney(c.var.db, input.slug);
    if (same && same.id !== row.id) throw new ApiError(409, 'slug_taken', `The slug "${input.slug}" is taken`);
    await checkJourneyLinks(c.var.db, input.slug, input.content);
    await saveJourneyDraft(c.var.db, row.id, input);
    return c.json({ ok: true as const }, 200);
  },
);

guideAdminRoutes.openapi(
  createRoute({ method: 'post', path: '/journeys/{id}/publish', tags, summary: 'Publish a journey\'s draft. 409 `no_draft` without one.', request: { params: IdParam }, responses: { 200: jsonContent(Ok, 'Published'), 409: jsonContent(z.any(), 'No draft'), ...ErrorResponses } }),
  async (c) => {
    const row = await findJourney(c.var.db, c.req.valid('param').id);
    if (!row) throw notFound('Journey');
    if (!(await publishJourney(c.var.db, row.id))) throw new ApiError(409, 'no_draft', 'There is no draft to publish');
    return c.json({ ok: true as const }, 200);
  },
);

guideAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/journeys/preview',
    tags,
    summary: 'Preview a journey as readers will get it, before saving or publishing it (validated the same way)',
    request: { ...jsonRequest(z.object({ slug: z.string().max(80).default('preview'), content: JourneyContent })), query: z.object({ lang: z.enum(LANGS).default('pl') }) },
    responses: { 200: jsonContent(GuideJourney, 'The journey as readers see it'), ...ErrorResponses },
  }),
  async (c) => {
    const { slug, content } = c.req.valid('json');
    await checkJourneyLinks(c.var.db, slug, content);
    return c.json(await resolveJourney(c.var.db, slug, content, c.req.valid('query').lang), 200);
  },
);
