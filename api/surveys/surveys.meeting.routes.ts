import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import type { Context } from 'hono';
import {
  AgreedScoreInput, AgreedScoreSchema, ChangesSchema, EditionParam, MeetingInput, RecommendationInput, RecommendationListSchema, RecommendationPatch, RecommendationSchema, StaffEditionSchema,
} from '../../common/surveys.schema.js';
import { round1 } from '../../common/surveys.scoring.js';
import type { AppEnv } from '../core/context.js';
import { ApiError, notFound } from '../core/errors.js';
import { ErrorResponses, jsonContent, jsonRequest } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import {
  deleteRecommendation, findEditionWithVersionById, findRecommendations, insertRecommendation, updateMeeting, updateRecommendation, upsertAgreedScore, type EditionWithVersion,
} from './surveys.repository.js';
import { editionOr404, staffEdition, instrumentOfEdition, previousEdition, scoredSectionIds, scoresOf, toRecommendation } from './surveys.service.js';

/** The joint meeting of an edition: its date and minutes, the agreed section scores, the recommendations, and what changed since the previous edition. Mounted on the surveys staff router (surveys.admin.routes.ts). */
export const surveyMeetingRoutes = createRouter();

const TAGS = ['surveys (staff)'];
const SectionParam = EditionParam.extend({ section: z.string().min(1).max(48) });
const RecommendationParam = EditionParam.extend({ id: z.string().min(1).max(64) });

surveyMeetingRoutes.openapi(
  createRoute({
    method: 'put', path: '/{survey}/editions/{edition}/meeting', tags: TAGS, summary: 'The date and the minutes of the joint meeting',
    request: { params: EditionParam, ...jsonRequest(MeetingInput) }, responses: { 200: jsonContent(StaffEditionSchema, 'Stored'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    const m = c.req.valid('json');
    await updateMeeting(c.var.db, row.id, m.on, m.note || null);
    return c.json(await staffEdition(c.var.db, (await findEditionWithVersionById(c.var.db, row.id))!), 200);
  },
);

async function scoredSection(c: Context<AppEnv>, row: EditionWithVersion, section: string, path: string) {
  if (!scoredSectionIds(await instrumentOfEdition(c.var.db, row)).includes(section)) {
    throw new ApiError(422, 'validation_failed', 'Validation failed', { issues: [{ path, code: 'invalid_value', message: `No scored section "${section}" in this edition's instrument` }] });
  }
}

surveyMeetingRoutes.openapi(
  createRoute({
    method: 'put', path: '/{survey}/editions/{edition}/agreed/{section}', tags: TAGS, summary: 'The score the joint meeting agreed for a section (0–100) and its note',
    request: { params: SectionParam, ...jsonRequest(AgreedScoreInput) }, responses: { 200: jsonContent(AgreedScoreSchema, 'Stored'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition, section } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    await scoredSection(c, row, section, 'section');
    const { score, note } = c.req.valid('json');
    await upsertAgreedScore(c.var.db, row.id, section, score, note, c.var.staff!.id);
    return c.json({ section, score, note }, 200);
  },
);

surveyMeetingRoutes.openapi(
  createRoute({
    method: 'get', path: '/{survey}/editions/{edition}/recommendations', tags: TAGS, summary: "The joint meeting's recommendations, by section and deadline",
    request: { params: EditionParam }, responses: { 200: jsonContent(RecommendationListSchema, 'Recommendations'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    return c.json({ items: (await findRecommendations(c.var.db, [row.id])).map(toRecommendation) }, 200);
  },
);

const recFields = (r: Partial<z.output<typeof RecommendationInput>>) => ({
  ...(r.section !== undefined && { section_id: r.section }), ...(r.text !== undefined && { text: r.text }), ...(r.owner !== undefined && { owner: r.owner }),
  ...(r.deadline !== undefined && { deadline: r.deadline }), ...(r.status !== undefined && { status: r.status }), ...(r.statusNote !== undefined && { status_note: r.statusNote || null }),
});

async function recommendationOr404(c: Context<AppEnv>, editionId: string, id: string) {
  const found = (await findRecommendations(c.var.db, [editionId])).find((r) => r.id === id);
  if (!found) throw notFound('Recommendation');
  return toRecommendation(found);
}

surveyMeetingRoutes.openapi(
  createRoute({
    method: 'post', path: '/{survey}/editions/{edition}/recommendations', tags: TAGS, summary: 'A recommendation for a section, with its owner, deadline and status',
    request: { params: EditionParam, ...jsonRequest(RecommendationInput) }, responses: { 201: jsonContent(RecommendationSchema, 'Created'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    const input = c.req.valid('json');
    await scoredSection(c, row, input.section, 'section');
    const id = await insertRecommendation(c.var.db, row.id, { section_id: input.section, text: input.text, owner: input.owner, deadline: input.deadline, status: input.status, status_note: input.statusNote || null }, c.var.staff!.id);
    return c.json(await recommendationOr404(c, row.id, id), 201);
  },
);

surveyMeetingRoutes.openapi(
  createRoute({
    method: 'patch', path: '/{survey}/editions/{edition}/recommendations/{id}', tags: TAGS, summary: 'Change a recommendation, e.g. its status as the year goes on',
    request: { params: RecommendationParam, ...jsonRequest(RecommendationPatch) }, responses: { 200: jsonContent(RecommendationSchema, 'Changed'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition, id } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    const patch = c.req.valid('json');
    if (patch.section !== undefined) await scoredSection(c, row, patch.section, 'section');
    if (!(await updateRecommendation(c.var.db, row.id, id, recFields(patch)))) throw notFound('Recommendation');
    return c.json(await recommendationOr404(c, row.id, id), 200);
  },
);

surveyMeetingRoutes.openapi(
  createRoute({
    method: 'delete', path: '/{survey}/editions/{edition}/recommendations/{id}', tags: TAGS, summary: 'Delete a recommendation',
    request: { params: RecommendationParam }, responses: { 204: { description: 'Deleted' }, ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition, id } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    if (!(await deleteRecommendation(c.var.db, row.id, id))) throw notFound('Recommendation');
    return c.body(null, 204);
  },
);

surveyMeetingRoutes.openapi(
  createRoute({
    method: 'get', path: '/{survey}/editions/{edition}/changes', tags: TAGS,
    summary: "What changed since the previous edition: its recommendations and their status, and the index and section scores (all groups) then and now",
    request: { params: EditionParam }, responses: { 200: jsonContent(ChangesSchema, 'Changes'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    const prev = await previousEdition(c.var.db, row);
    const now = await scoresOf(c.var.db, row);
    const then = prev ? await scoresOf(c.var.db, prev) : null;
    const delta = (a: number | null, b: number | null) => (a !== null && b !== null ? round1(a - b) : null);
    const indexNow = now.scores.index.all.score;
    const indexThen = then?.scores.index.all.score ?? null;
    const sections = now.instrument.sections
      .filter((s) => now.scores.sections.some((x) => x.id === s.id))
      .map((s) => {
        const cur = now.scores.sections.find((x) => x.id === s.id)!.cells.all.score;
        const old = then?.scores.sections.find((x) => x.id === s.id)?.cells.all.score ?? null;
        return { id: s.id, title: s.title, previous: round1(old), current: round1(cur), delta: delta(cur, old) };
      });
    return c.json({
      previous: prev?.slug ?? null,
      recommendations: prev ? (await findRecommendations(c.var.db, [prev.id])).map(toRecommendation) : [],
      index: { previous: round1(indexThen), current: round1(indexNow), delta: delta(indexNow, indexThen) },
      sections,
    }, 200);
  },
);
