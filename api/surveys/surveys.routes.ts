import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import type { MiddlewareHandler } from 'hono';
import {
  DraftInput, DraftSavedSchema, DraftStateSchema, EditionDetailSchema, EditionParam, InstrumentResponseSchema, InstrumentVersionQuery, RespondentQuery, ResponseInput,
  ResponseReceivedSchema, ResultsQuery, ResultsSchema, SurveyParam, SurveyPublicSchema, instrumentJsonSchema,
} from '../../common/surveys.schema.js';
import { guardAnonymousWrite } from '../core/abuse.js';
import { cachedRead, memoJson } from '../core/cache.js';
import type { AppEnv } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { idempotent, writeOnce } from '../core/idempotency.js';
import { ErrorResponses, jsonContent, jsonRequest } from '../core/openapi.js';
import { enforce } from '../core/rate-limit.js';
import { createRouter } from '../core/validation.js';
import type { Texts } from '../../common/surveys.js';
import { findEditions, findInstrumentVersion, instrumentOf, surveysReadVersion } from './surveys.repository.js';
import { scrub } from './surveys.responses.js';
import {
  draftState, editionOr404, editionSummary, instrumentOfEdition, lastYearOf, resolveRespondent, resultsOf, saveDraftOf, submitOf, surveyOr404, wireResults,
} from './surveys.service.js';

/**
 * Public survey API, mounted at /v1/surveys. Reads are cached on the module's data version;
 * respondents reach their edition through the invitation token (save and resume) or an open link.
 */
export const surveyRoutes = createRouter();

const TAGS = ['surveys'];
const version = cachedRead((c) => surveysReadVersion(c.var.db));
const NotModified = { 304: { description: 'Not modified' } };

/** Respondent reads and drafts: a per-address limit besides the token itself. */
const respondentLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  await enforce(c.var.db, `surveys:respondent:${c.var.ipHash}`, { limit: 120, windowSec: 600 });
  await next();
};

const openLinkGuard = guardAnonymousWrite({ scope: 'surveys:response', limit: 20, windowSec: 3600 });
/** An open link is anyone's: the anti-abuse kit guards it. A token is its own guard (one response), so only the address limit applies. */
const guardOpenLink: MiddlewareHandler<AppEnv> = async (c, next) => {
  const body = (await c.req.json().catch(() => null)) as { link?: unknown } | null;
  if (body && typeof body === 'object' && body.link !== undefined) return openLinkGuard(c, next);
  return respondentLimit(c, next);
};

surveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/instrument.schema.json',
    tags: TAGS,
    summary: 'The JSON Schema (draft 2020-12) of an instrument document, as staff upload it',
    responses: { 200: jsonContent(z.record(z.string(), z.unknown()), 'JSON Schema'), 304: NotModified[304], ...ErrorResponses },
    middleware: [cachedRead(async () => ({ version: 'instrument-schema-1', maxAge: 3600 }))] as const,
  }),
  (c) => c.json({ $id: `${c.var.config.publicUrl}/v1/surveys/instrument.schema.json`, ...instrumentJsonSchema() }, 200, { 'Content-Type': 'application/schema+json; charset=utf-8' }),
);

surveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{survey}',
    tags: TAGS,
    summary: 'The survey and its editions (newest first), with the open (or next) edition',
    request: { params: SurveyParam },
    responses: { 200: jsonContent(SurveyPublicSchema, 'The survey'), ...NotModified, ...ErrorResponses },
    middleware: [version] as const,
  }),
  async (c) => {
    const now = new Date();
    const survey = await surveyOr404(c.var.db, c.req.valid('param').survey);
    const editions = (await findEditions(c.var.db, survey.id)).map((e) => editionSummary(e, now));
    const current = editionsCurrent(editions);
    return c.json({ id: survey.id, title: JSON.parse(survey.title) as Texts, editions, current }, 200);
  },
);

/** The open edition, else the next planned one (the soonest), else none. */
const editionsCurrent = (editions: { slug: string; status: string; opensAt: string }[]) =>
  editions.find((e) => e.status === 'open')?.slug ?? [...editions].filter((e) => e.status === 'planned').sort((a, b) => a.opensAt.localeCompare(b.opensAt))[0]?.slug ?? null;

surveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{survey}/instrument',
    tags: TAGS,
    summary: 'An instrument version (default: the latest)',
    request: { params: SurveyParam, query: InstrumentVersionQuery },
    responses: { 200: jsonContent(InstrumentResponseSchema, 'The instrument'), ...NotModified, ...ErrorResponses },
    middleware: [version] as const,
  }),
  async (c) => {
    const { survey } = c.req.valid('param');
    const row = await findInstrumentVersion(c.var.db, survey, c.req.valid('query').version ?? 'latest');
    if (!row) throw notFound('Instrument version');
    return memoJson(c, async () => ({ survey, version: row.version, instrument: instrumentOf(row) }));
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{survey}/editions/{edition}',
    tags: TAGS,
    summary: "An edition with its instrument and, to show at the start, what became of last year's recommendations",
    request: { params: EditionParam },
    responses: { 200: jsonContent(EditionDetailSchema, 'The edition'), ...NotModified, ...ErrorResponses },
    middleware: [version] as const,
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const s = await surveyOr404(c.var.db, survey);
    const row = await editionOr404(c.var.db, survey, edition);
    const instrument = await instrumentOfEdition(c.var.db, row);
    return c.json({ ...editionSummary(row), title: JSON.parse(s.title) as Texts, instrument, lastYear: await lastYearOf(c.var.db, row) }, 200);
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{survey}/editions/{edition}/results',
    tags: TAGS,
    summary: 'Published results: only the columns staff chose, every cell with n < 5 suppressed (and its complements); the gap a − b (default NGOs − officials)',
    request: { params: EditionParam, query: ResultsQuery },
    responses: { 200: jsonContent(ResultsSchema, 'The results'), ...NotModified, ...ErrorResponses },
    middleware: [version] as const,
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const q = c.req.valid('query');
    const row = await editionOr404(c.var.db, survey, edition);
    return memoJson(c, async () => wireResults(await resultsOf(c.var.db, row, { audience: 'public', ...q, modules: c.var.modules })));
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{survey}/responses/draft',
    tags: TAGS,
    summary: 'Where a respondent starts: the edition, the group and the saved draft of the invitation `token` (or an open `link`, which has no draft)',
    description: 'Errors: 404 `link_invalid`, 409 `survey_token_used`, 410 `survey_token_expired`, 409 `survey_not_open` / `survey_closed` (the server clock decides).',
    request: { params: SurveyParam, query: RespondentQuery },
    responses: { 200: jsonContent(DraftStateSchema, 'The respondent'), ...ErrorResponses },
    middleware: [respondentLimit] as const,
  }),
  async (c) => {
    const r = await resolveRespondent(c.var.db, c.req.valid('param').survey, c.req.valid('query'));
    c.header('Cache-Control', 'private, no-store');
    return c.json(await draftState(c.var.db, r), 200);
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/{survey}/responses/draft',
    tags: TAGS,
    summary: 'Save (replace) the draft of an invitation. Encrypted with a key only the token gives; deleted when the response is sent.',
    request: { params: SurveyParam, ...jsonRequest(DraftInput) },
    responses: { 200: jsonContent(DraftSavedSchema, 'Saved'), ...ErrorResponses },
    middleware: [respondentLimit] as const,
  }),
  async (c) => {
    const { token, answers } = c.req.valid('json');
    const r = await resolveRespondent(c.var.db, c.req.valid('param').survey, { token });
    await saveDraftOf(c.var.db, r, answers);
    return c.json({ saved: true as const }, 200);
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{survey}/responses',
    tags: TAGS,
    summary: 'Send the answers, with the invitation `token` (one response per token: 409 `survey_token_used` after) or an open `link` (then with the anti-abuse fields)',
    description: 'Nothing links the stored answers to the token: see the README (Surveys, anonymity).',
    request: { params: SurveyParam, ...jsonRequest(ResponseInput) },
    responses: { 201: jsonContent(ResponseReceivedSchema, 'Received'), ...ErrorResponses },
    middleware: [idempotent('surveys:response'), guardOpenLink] as const,
  }),
  async (c) => {
    const { token, link, answers } = c.req.valid('json');
    const answered = await writeOnce(c, 201, async (trx) => {
      const r = await resolveRespondent(trx, c.req.valid('param').survey, { token, link });
      await submitOf(trx, r, answers);
      return { received: true as const, edition: r.edition.slug, group: r.group };
    });
    void scrub(c.var.db);
    return answered;
  },
);
