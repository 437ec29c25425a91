import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { EditionParam, IndicatorsSchema, PublicationInput, ResultsQuery, StaffEditionSchema, StaffResultsSchema } from '../../common/surveys.schema.js';
import { ApiError } from '../core/errors.js';
import { ErrorResponses, jsonContent, jsonRequest } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { findEditionWithVersionById, updatePublication } from './surveys.repository.js';
import { editionOr404, editionSummary, staffEdition, indicatorsOf, staffResultsOf, wireResults } from './surveys.service.js';
import { labelIndicator } from './surveys.indicators.js';

/** An edition's results for staff, the publish choices, and the objective indicators. Mounted on the surveys staff router (surveys.admin.routes.ts). */
export const surveyResultsRoutes = createRouter();

const TAGS = ['surveys (staff)'];

surveyResultsRoutes.openapi(
  createRoute({
    method: 'get', path: '/{survey}/editions/{edition}/results', tags: TAGS,
    summary: 'Every column (n < 5 suppressed for staff too), the gap a − b, the joint meeting agenda (largest gaps first), the agreed scores and the publish choices',
    request: { params: EditionParam, query: ResultsQuery }, responses: { 200: jsonContent(StaffResultsSchema, 'Results'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    const q = c.req.valid('query');
    const r = await staffResultsOf(c.var.db, row, { ...q, modules: c.var.modules, onError: (m, err) => c.var.log.warn('indicators failed', { module: m, err: String(err) }) });
    return c.json(wireResults(r), 200);
  },
);

surveyResultsRoutes.openapi(
  createRoute({
    method: 'put', path: '/{survey}/editions/{edition}/publication', tags: TAGS,
    summary: 'The publish choices. Publishing freezes the objective indicators; unpublishing withdraws the public results.',
    request: { params: EditionParam, ...jsonRequest(PublicationInput) }, responses: { 200: jsonContent(StaffEditionSchema, 'Stored'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    const { published, ...choice } = c.req.valid('json');
    let frozen: { at: string; indicators: string } | null = null;
    if (published) {
      if (editionSummary(row).status !== 'closed') throw new ApiError(409, 'survey_not_closed', 'Results are published once the edition has closed');
      if (choice.columns.length === 0) throw new ApiError(422, 'validation_failed', 'Validation failed', { issues: [{ path: 'columns', code: 'too_short', message: 'Choose at least one column to publish' }] });
      frozen = { at: row.published_at ?? new Date().toISOString(), indicators: row.indicators ?? JSON.stringify(await indicatorsOf(c.var.db, c.var.modules, row)) };
    }
    await updatePublication(c.var.db, row.id, choice, frozen);
    return c.json(await staffEdition(c.var.db, (await findEditionWithVersionById(c.var.db, row.id))!), 200);
  },
);

surveyResultsRoutes.openapi(
  createRoute({
    method: 'get', path: '/{survey}/editions/{edition}/indicators', tags: TAGS, summary: "The objective indicators over the edition's 12 months, from each module (frozen once published)",
    request: { params: EditionParam, query: z.object({ lang: ResultsQuery.shape.lang }) }, responses: { 200: jsonContent(IndicatorsSchema, 'Indicators'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    const items = (await indicatorsOf(c.var.db, c.var.modules, row, (m, err) => c.var.log.warn('indicators failed', { module: m, err: String(err) }))).map((i) => labelIndicator(i, c.req.valid('query').lang));
    return c.json({ items, frozen: row.indicators !== null, periodFrom: row.period_from, periodTo: row.period_to }, 200);
  },
);
