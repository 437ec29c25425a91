import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import {
  InstrumentUpload, StaffInstrumentDetailSchema, StaffInstrumentSchema, StaffSurveyListSchema, SurveyParam, toInstrument, type StaffInstrument,
} from '../../common/surveys.schema.js';
import { type Texts } from '../../common/surveys.js';
import { notFound } from '../core/errors.js';
import { ErrorResponses, jsonContent, jsonRequest } from '../core/openapi.js';
import { inTransaction } from '../core/transaction.js';
import { createRouter } from '../core/validation.js';
import {
  ensureSurvey, findEditions, findInstruments, findSurveys, insertInstrument, instrumentOf, replaceInstrument, updateInstrumentNote, type InstrumentRow,
} from './surveys.repository.js';
import { editionSummary, instrumentVersionOr404 } from './surveys.service.js';

/** The surveys and their instrument versions (uploaded, replaced while no edition uses them). Mounted on the surveys staff router (surveys.admin.routes.ts). */
export const surveyInstrumentRoutes = createRouter();

const TAGS = ['surveys (staff)'];
const VersionParam = SurveyParam.extend({ version: z.coerce.number().int().min(1) });

function toStaffInstrument(r: InstrumentRow & { usedBy: string[] }): StaffInstrument {
  const inst = instrumentOf(r);
  return {
    id: r.id, version: r.version, note: r.note, frozen: r.usedBy.length > 0, usedBy: r.usedBy, sections: inst.sections.length,
    items: inst.sections.reduce((n, s) => n + s.items.length, 0), createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

surveyInstrumentRoutes.openapi(
  createRoute({ method: 'get', path: '/', tags: TAGS, summary: 'Every survey with its editions (newest first)', responses: { 200: jsonContent(StaffSurveyListSchema, 'Surveys'), ...ErrorResponses } }),
  async (c) => {
    const items = [];
    for (const s of await findSurveys(c.var.db)) {
      const instruments = await findInstruments(c.var.db, s.id);
      items.push({ id: s.id, title: JSON.parse(s.title) as Texts, instruments: instruments.length, editions: (await findEditions(c.var.db, s.id)).map((e) => editionSummary(e)) });
    }
    return c.json({ items }, 200);
  },
);

surveyInstrumentRoutes.openapi(
  createRoute({
    method: 'get', path: '/{survey}/instruments', tags: TAGS, summary: 'Instrument versions, oldest first; a version an edition uses is frozen',
    request: { params: SurveyParam }, responses: { 200: jsonContent(z.object({ items: z.array(StaffInstrumentSchema) }), 'Versions'), ...ErrorResponses },
  }),
  async (c) => c.json({ items: (await findInstruments(c.var.db, c.req.valid('param').survey)).map(toStaffInstrument) }, 200),
);

surveyInstrumentRoutes.openapi(
  createRoute({
    method: 'get', path: '/{survey}/instruments/{version}', tags: TAGS, summary: 'One instrument version with its document',
    request: { params: VersionParam }, responses: { 200: jsonContent(StaffInstrumentDetailSchema, 'The version'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, version } = c.req.valid('param');
    const row = (await findInstruments(c.var.db, survey)).find((r) => r.version === version);
    if (!row) throw notFound('Instrument version');
    return c.json({ ...toStaffInstrument(row), instrument: instrumentOf(row) }, 200);
  },
);

surveyInstrumentRoutes.openapi(
  createRoute({
    method: 'post', path: '/{survey}/instruments', tags: TAGS,
    summary: 'Upload a new instrument version (the first upload creates the survey). A document that does not fit is 422 with the JSON path of each error under `instrument.`',
    request: { params: SurveyParam, ...jsonRequest(InstrumentUpload) }, responses: { 201: jsonContent(StaffInstrumentSchema, 'Stored'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey } = c.req.valid('param');
    const { instrument, note } = c.req.valid('json');
    const doc = toInstrument(instrument);
    const { id } = await inTransaction(c.var.db, async (trx) => {
      await ensureSurvey(trx, survey, doc.title);
      return insertInstrument(trx, survey, doc, { note: note || null, createdBy: c.var.staff!.id });
    });
    const row = (await findInstruments(c.var.db, survey)).find((r) => r.id === id)!;
    return c.json(toStaffInstrument(row), 201);
  },
);

surveyInstrumentRoutes.openapi(
  createRoute({
    method: 'put', path: '/{survey}/instruments/{version}', tags: TAGS, summary: 'Replace a version no edition uses yet (409 `survey_instrument_frozen` once one does)',
    request: { params: VersionParam, ...jsonRequest(InstrumentUpload) }, responses: { 200: jsonContent(StaffInstrumentSchema, 'Replaced'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, version } = c.req.valid('param');
    const row = await instrumentVersionOr404(c.var.db, survey, version);
    await replaceInstrument(c.var.db, row.id, toInstrument(c.req.valid('json').instrument));
    const note = c.req.valid('json').note;
    if (note !== undefined) await updateInstrumentNote(c.var.db, row.id, note || null);
    return c.json(toStaffInstrument((await findInstruments(c.var.db, survey)).find((r) => r.id === row.id)!), 200);
  },
);
