import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import {
  ArticleQuery, DiffQuery, FeedbackInput, GuideArticle, GuideDate, GuideDiff, GuideJourney, GuideTree, GuideVersions, SearchQuery, SearchResult, TreeQuery,
} from '../../common/guide.schema.js';
import { LANGS } from '../../common/taxonomy.js';
import { guardAnonymousWrite } from '../core/abuse.js';
import { cachedRead, memoJson } from '../core/cache.js';
import { DOCX_TYPE, sendFile } from '../core/export.js';
import { idempotent, writeOnce } from '../core/idempotency.js';
import { ErrorResponses, IdParam, jsonContent, jsonRequest } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { exportModel, guideDocx, guideHtml } from './guide.export.js';
import { articleDiff, articleVersions, articleView, guideToday, guideTree, journeyView, readVersion, searchGuide, submitFeedback } from './guide.service.js';

/** Public guide API, mounted at /v1/guide: the tree, articles at a date, versions and diffs, search, journeys, feedback and exports. */
export const guideRoutes = createRouter();

const NotModified = { 304: { description: 'Not modified' } };

guideRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/tree',
    tags: ['guide'],
    summary: 'Chapters with the articles in force on `at` (default today), and the published step-by-steps and smart answers; `tag` keeps only what carries it',
    request: { query: TreeQuery },
    responses: { 200: jsonContent(GuideTree, 'The tree'), ...NotModified, ...ErrorResponses },
    middleware: [cachedRead((c) => readVersion(c.var.db))] as const,
  }),
  async (c) => memoJson(c, () => guideTree(c.var.db, c.req.valid('query'))),
);

guideRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/search',
    tags: ['guide'],
    summary: 'Search the articles in force today and the journeys, with highlighted snippets. Words are folded (no Polish letters needed) and match as prefixes, with Polish endings ignored: `dotacja`, `dotacje`, `dotacji` find the same. Also serves the advice form\'s suggestions.',
    request: { query: SearchQuery },
    responses: { 200: jsonContent(SearchResult, 'Hits, best first'), ...NotModified, ...ErrorResponses },
    middleware: [cachedRead((c) => readVersion(c.var.db))] as const,
  }),
  async (c) => {
    const { q, lang, limit } = c.req.valid('query');
    return memoJson(c, () => searchGuide(c.var.db, q, lang, limit));
  },
);

guideRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/articles/{id}',
    tags: ['guide'],
    summary: 'An article (by slug or id) as in force on `at` (default today), in `lang` or in Polish with `fallback: true`. 404 `not_in_force` when no version was in force that day.',
    request: { params: IdParam, query: ArticleQuery },
    responses: { 200: jsonContent(GuideArticle, 'The article'), ...NotModified, ...ErrorResponses },
    middleware: [cachedRead((c) => readVersion(c.var.db))] as const,
  }),
  async (c) => {
    const { lang, at } = c.req.valid('query');
    return memoJson(c, () => articleView(c.var.db, c.req.valid('param').id, lang, at));
  },
);

guideRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/articles/{id}/versions',
    tags: ['guide'],
    summary: 'The published versions of an article, latest "in force from" first, with the one in force today marked (scheduled ones included)',
    request: { params: IdParam, query: z.object({ lang: z.enum(LANGS).default('pl') }) },
    responses: { 200: jsonContent(GuideVersions, 'Versions'), ...NotModified, ...ErrorResponses },
    middleware: [cachedRead((c) => readVersion(c.var.db))] as const,
  }),
  async (c) => memoJson(c, () => articleVersions(c.var.db, c.req.valid('param').id, c.req.valid('query').lang)),
);

guideRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/articles/{id}/diff',
    tags: ['guide'],
    summary: 'What changed from version `from` to version `to`: a word diff of the title, summary, body and easy-to-read text',
    request: { params: IdParam, query: DiffQuery },
    responses: { 200: jsonContent(GuideDiff, 'The diff'), ...NotModified, ...ErrorResponses },
    middleware: [cachedRead((c) => readVersion(c.var.db))] as const,
  }),
  async (c) => {
    const { from, to, lang } = c.req.valid('query');
    return memoJson(c, () => articleDiff(c.var.db, c.req.valid('param').id, from, to, lang));
  },
);

guideRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/articles/{id}/feedback',
    tags: ['guide'],
    summary: '"Was this helpful?", with an optional comment (read by staff only, erased after the retention period)',
    request: { params: IdParam, ...jsonRequest(FeedbackInput) },
    responses: { 202: jsonContent(z.object({ id: z.string() }), 'Received'), ...ErrorResponses },
    middleware: [idempotent('guide:feedback'), guardAnonymousWrite({ scope: 'guide:feedback', limit: 30, windowSec: 3600 })] as const,
  }),
  async (c) => writeOnce(c, 202, (trx) => submitFeedback(trx, c.req.valid('param').id, c.req.valid('json'))),
);

guideRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/journeys/{id}',
    tags: ['guide'],
    summary: 'A published step-by-step or smart answer (by slug), texts in `lang` or Polish',
    request: { params: IdParam, query: z.object({ lang: z.enum(LANGS).default('pl') }) },
    responses: { 200: jsonContent(GuideJourney, 'The journey'), ...NotModified, ...ErrorResponses },
    middleware: [cachedRead((c) => readVersion(c.var.db))] as const,
  }),
  async (c) => memoJson(c, () => journeyView(c.var.db, c.req.valid('param').id, c.req.valid('query').lang)),
);

guideRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/export',
    tags: ['guide'],
    summary: 'The whole guide (or one `chapter`) as in force on `at` (default today): a printable HTML page, or a Word document with `format=docx`',
    request: {
      query: z.object({ format: z.enum(['html', 'docx']).default('html'), lang: z.enum(LANGS).default('pl'), at: GuideDate.optional(), chapter: z.string().max(80).optional() }),
    },
    responses: {
      200: { description: 'The guide', content: { 'text/html': { schema: z.string() }, [DOCX_TYPE]: { schema: z.string().meta({ format: 'binary' }) } } },
      ...NotModified,
      ...ErrorResponses,
    },
    middleware: [cachedRead((c) => readVersion(c.var.db), { when: (c) => (c.req.query('format') ?? 'html') === 'html' })] as const,
  }),
  async (c) => {
    const { format, lang, at, chapter } = c.req.valid('query');
    const model = await exportModel(c.var.db, at ?? guideToday(), lang, chapter);
    if (format === 'docx') {
      return sendFile(c, `poradnik-${model.at}.docx`, await guideDocx(model), DOCX_TYPE);
    }
    return c.html(guideHtml(model), 200, {
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; frame-ancestors *",
      'X-Content-Type-Options': 'nosniff',
    });
  },
);
