import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { EditionInput, EditionParam, EditionPatch, StaffEditionDetailSchema, StaffEditionSchema, SurveyParam } from '../../common/surveys.schema.js';
import { ApiError } from '../core/errors.js';
import { ErrorResponses, jsonContent, jsonRequest } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { findBatches, findEditionWithVersionById, findEditions, findOpenLinks, insertEdition, updateEdition, usedPerBatch } from './surveys.repository.js';
import { responseCounts } from './surveys.responses.js';
import { editionOr404, editionSummary, instrumentVersionOr404, staffEdition, surveyOr404 } from './surveys.service.js';

/** A survey's editions: created from an instrument version, their dates and period changed. Mounted on the surveys staff router (surveys.admin.routes.ts). */
export const surveyEditionRoutes = createRouter();

const TAGS = ['surveys (staff)'];

const checkDates = (e: { opensAt: string; closesAt: string; periodFrom: string; periodTo: string }) => {
  const issues = [];
  if (Date.parse(e.closesAt) <= Date.parse(e.opensAt)) issues.push({ path: 'closesAt', code: 'invalid_value', message: 'Must be after opensAt' });
  if (e.periodTo < e.periodFrom) issues.push({ path: 'periodTo', code: 'invalid_value', message: 'Must not be before periodFrom' });
  if (issues.length) throw new ApiError(422, 'validation_failed', 'Validation failed', { issues });
};

surveyEditionRoutes.openapi(
  createRoute({
    method: 'get', path: '/{survey}/editions', tags: TAGS, summary: 'Editions, newest first, with response and invitation counts per group',
    request: { params: SurveyParam }, responses: { 200: jsonContent(z.object({ items: z.array(StaffEditionSchema) }), 'Editions'), ...ErrorResponses },
  }),
  async (c) => {
    const items = [];
    for (const e of await findEditions(c.var.db, c.req.valid('param').survey)) items.push(await staffEdition(c.var.db, e));
    return c.json({ items }, 200);
  },
);

surveyEditionRoutes.openapi(
  createRoute({
    method: 'post', path: '/{survey}/editions', tags: TAGS, summary: 'A new edition of an instrument version (which is frozen from then on); the server clock opens and closes it',
    request: { params: SurveyParam, ...jsonRequest(EditionInput) }, responses: { 201: jsonContent(StaffEditionSchema, 'Created'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey } = c.req.valid('param');
    const input = c.req.valid('json');
    checkDates(input);
    await surveyOr404(c.var.db, survey);
    const inst = await instrumentVersionOr404(c.var.db, survey, input.instrumentVersion);
    if ((await findEditions(c.var.db, survey)).some((e) => e.slug === input.slug)) throw new ApiError(409, 'survey_edition_exists', 'An edition with this slug exists');
    const id = await insertEdition(c.var.db, {
      surveyId: survey, slug: input.slug, instrumentId: inst.id, opensAt: new Date(input.opensAt).toISOString(), closesAt: new Date(input.closesAt).toISOString(),
      periodFrom: input.periodFrom, periodTo: input.periodTo, createdBy: c.var.staff!.id,
    });
    return c.json(await staffEdition(c.var.db, (await findEditionWithVersionById(c.var.db, id))!), 201);
  },
);

surveyEditionRoutes.openapi(
  createRoute({
    method: 'get', path: '/{survey}/editions/{edition}', tags: TAGS, summary: 'An edition: counts per group, token batches and open links',
    request: { params: EditionParam }, responses: { 200: jsonContent(StaffEditionDetailSchema, 'The edition'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    const used = await usedPerBatch(c.var.db, row.id);
    const batches = (await findBatches(c.var.db, row.id)).map((b) => ({
      id: b.id, group: b.respondent_group, size: b.size, used: b.used_count ?? used.get(b.id) ?? 0, channel: b.channel, lang: b.lang as 'pl', expiresAt: b.expires_at, revokedAt: b.revoked_at, createdAt: b.created_at,
    }));
    const openLinks = (await findOpenLinks(c.var.db, row.id)).map((l) => ({ id: l.key_hash, group: l.respondent_group, createdAt: l.created_at, revokedAt: l.revoked_at }));
    return c.json({ ...(await staffEdition(c.var.db, row)), batches, openLinks }, 200);
  },
);

surveyEditionRoutes.openapi(
  createRoute({
    method: 'patch', path: '/{survey}/editions/{edition}', tags: TAGS, summary: 'Change dates or the period; the instrument version only before the edition opens and while it has no responses',
    request: { params: EditionParam, ...jsonRequest(EditionPatch) }, responses: { 200: jsonContent(StaffEditionSchema, 'Changed'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    const p = c.req.valid('json');
    const next = {
      opensAt: p.opensAt ? new Date(p.opensAt).toISOString() : row.opens_at, closesAt: p.closesAt ? new Date(p.closesAt).toISOString() : row.closes_at,
      periodFrom: p.periodFrom ?? row.period_from, periodTo: p.periodTo ?? row.period_to,
    };
    checkDates(next);
    let instrumentId: string | undefined;
    if (p.instrumentVersion !== undefined && p.instrumentVersion !== row.instrument_version) {
      const responses = Object.values(await responseCounts(c.var.db, row.id)).reduce((a, b) => a + b, 0);
      if (editionSummary(row).status !== 'planned' || responses > 0) throw new ApiError(409, 'survey_edition_started', 'The instrument of an edition that has opened cannot change');
      instrumentId = (await instrumentVersionOr404(c.var.db, survey, p.instrumentVersion)).id;
    }
    await updateEdition(c.var.db, row.id, { ...next, instrumentId });
    return c.json(await staffEdition(c.var.db, (await findEditionWithVersionById(c.var.db, row.id))!), 200);
  },
);
