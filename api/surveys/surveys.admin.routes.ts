import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import type { Context } from 'hono';
import {
  AgreedScoreInput, AgreedScoreSchema, ChangesSchema, EditionInput, EditionParam, EditionPatch, IndicatorsSchema, InstrumentUpload, MailingInput, MailingQueuedSchema, MeetingInput,
  OpenLinkInput, OpenLinkSchema, PublicationInput, RecommendationInput, RecommendationListSchema, RecommendationPatch, RecommendationSchema, ResultsQuery, StaffEditionDetailSchema,
  StaffEditionSchema, StaffInstrumentDetailSchema, StaffInstrumentSchema, StaffResultsSchema, StaffSurveyListSchema, SurveyParam, TokenBatchInput, TokenLinksSchema,
  toInstrument, type StaffEdition, type StaffInstrument,
} from '../../common/surveys.schema.js';
import { GROUP_LABELS, RESPONDENT_GROUPS, textIn, type Texts } from '../../common/surveys.js';
import { round1 } from '../../common/surveys.scoring.js';
import type { AppEnv } from '../core/context.js';
import { sendTable, tableContent } from '../core/export.js';
import { ApiError, notFound } from '../core/errors.js';
import { randomToken, sha256 } from '../core/ids.js';
import { ErrorResponses, jsonContent } from '../core/openapi.js';
import { assertDistrict } from '../core/staff.rules.js';
import { inTransaction } from '../core/transaction.js';
import { createRouter } from '../core/validation.js';
import {
  deleteRecommendation, ensureSurvey, findBatches, findEditionWithVersionById, findEditions, findInstrumentVersion, findInstruments, findOpenLinks, findRecommendations,
  findSurveys, insertEdition, insertInstrument, insertOpenLink, insertRecommendation, instrumentOf, publicationOf, replaceInstrument,
  revokeBatch, revokeOpenLink, updateEdition, updateInstrumentNote, updateMeeting, updatePublication, updateRecommendation, upsertAgreedScore, usedPerBatch, type EditionWithVersion, type InstrumentRow,
} from './surveys.repository.js';
import { createTokenBatch, invitationCounts, responseCounts } from './surveys.responses.js';
import { invitationMail, surveyLink } from './surveys.mail.js';
import {
  editionOr404, editionSummary, indicatorsOf, instrumentOfEdition, previousEdition, scoredSectionIds, scoresOf, staffResultsOf, surveyOr404, toRecommendation, wireResults,
} from './surveys.service.js';
import { labelIndicator } from './surveys.indicators.js';
import { surveyExportRoutes } from './surveys.export.routes.js';

/** Staff routes of the surveys section, mounted at /v1/admin/surveys on the staff router. */
export const surveyAdminRoutes = createRouter();

// The survey is the city's, not a district's: district-scoped staff do not run it.
surveyAdminRoutes.use('*', async (c, next) => {
  assertDistrict(c.var.staff!, null);
  await next();
});

const TAGS = ['surveys (staff)'];
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const VersionParam = SurveyParam.extend({ version: z.coerce.number().int().min(1) });
const BatchParam = EditionParam.extend({ batch: z.string().min(1).max(64) });
const LinkParam = EditionParam.extend({ id: z.string().min(1).max(64) });
const SectionParam = EditionParam.extend({ section: z.string().min(1).max(48) });
const RecommendationParam = EditionParam.extend({ id: z.string().min(1).max(64) });

const staffId = (c: Context<AppEnv>) => c.var.staff!.id;

function toStaffInstrument(r: InstrumentRow & { usedBy: string[] }): StaffInstrument {
  const inst = instrumentOf(r);
  return {
    id: r.id, version: r.version, note: r.note, frozen: r.usedBy.length > 0, usedBy: r.usedBy, sections: inst.sections.length,
    items: inst.sections.reduce((n, s) => n + s.items.length, 0), createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

async function staffEdition(c: Context<AppEnv>, row: EditionWithVersion): Promise<StaffEdition> {
  const responses = await responseCounts(c.var.db, row.id);
  const invitations = await invitationCounts(c.var.db, row.id);
  const counts: StaffEdition['counts'] = {};
  for (const g of RESPONDENT_GROUPS) {
    const inv = invitations[g];
    if (responses[g] || inv) counts[g] = { responses: responses[g] ?? 0, issued: inv?.issued ?? 0, used: inv?.used ?? 0 };
  }
  return { ...editionSummary(row), id: row.id, counts, publication: publicationOf(row), publishedAt: row.published_at, meeting: { on: row.meeting_on, note: row.meeting_note } };
}

async function instrumentVersionOr404(c: Context<AppEnv>, survey: string, version: number) {
  const row = await findInstrumentVersion(c.var.db, survey, version);
  if (!row) throw notFound('Instrument version');
  return row;
}

const checkDates = (e: { opensAt: string; closesAt: string; periodFrom: string; periodTo: string }) => {
  const issues = [];
  if (Date.parse(e.closesAt) <= Date.parse(e.opensAt)) issues.push({ path: 'closesAt', code: 'invalid_value', message: 'Must be after opensAt' });
  if (e.periodTo < e.periodFrom) issues.push({ path: 'periodTo', code: 'invalid_value', message: 'Must not be before periodFrom' });
  if (issues.length) throw new ApiError(422, 'validation_failed', 'Validation failed', { issues });
};

// --- surveys and instruments ---------------------------------------------------------------------

surveyAdminRoutes.openapi(
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

surveyAdminRoutes.openapi(
  createRoute({
    method: 'get', path: '/{survey}/instruments', tags: TAGS, summary: 'Instrument versions, oldest first; a version an edition uses is frozen',
    request: { params: SurveyParam }, responses: { 200: jsonContent(z.object({ items: z.array(StaffInstrumentSchema) }), 'Versions'), ...ErrorResponses },
  }),
  async (c) => c.json({ items: (await findInstruments(c.var.db, c.req.valid('param').survey)).map(toStaffInstrument) }, 200),
);

surveyAdminRoutes.openapi(
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

surveyAdminRoutes.openapi(
  createRoute({
    method: 'post', path: '/{survey}/instruments', tags: TAGS,
    summary: 'Upload a new instrument version (the first upload creates the survey). A document that does not fit is 422 with the JSON path of each error under `instrument.`',
    request: { params: SurveyParam, ...body(InstrumentUpload) }, responses: { 201: jsonContent(StaffInstrumentSchema, 'Stored'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey } = c.req.valid('param');
    const { instrument, note } = c.req.valid('json');
    const doc = toInstrument(instrument);
    const { id } = await inTransaction(c.var.db, async (trx) => {
      await ensureSurvey(trx, survey, doc.title);
      return insertInstrument(trx, survey, doc, { note: note || null, createdBy: staffId(c) });
    });
    const row = (await findInstruments(c.var.db, survey)).find((r) => r.id === id)!;
    return c.json(toStaffInstrument(row), 201);
  },
);

surveyAdminRoutes.openapi(
  createRoute({
    method: 'put', path: '/{survey}/instruments/{version}', tags: TAGS, summary: 'Replace a version no edition uses yet (409 `survey_instrument_frozen` once one does)',
    request: { params: VersionParam, ...body(InstrumentUpload) }, responses: { 200: jsonContent(StaffInstrumentSchema, 'Replaced'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, version } = c.req.valid('param');
    const row = await instrumentVersionOr404(c, survey, version);
    await replaceInstrument(c.var.db, row.id, toInstrument(c.req.valid('json').instrument));
    const note = c.req.valid('json').note;
    if (note !== undefined) await updateInstrumentNote(c.var.db, row.id, note || null);
    return c.json(toStaffInstrument((await findInstruments(c.var.db, survey)).find((r) => r.id === row.id)!), 200);
  },
);

// --- editions ------------------------------------------------------------------------------------

surveyAdminRoutes.openapi(
  createRoute({
    method: 'get', path: '/{survey}/editions', tags: TAGS, summary: 'Editions, newest first, with response and invitation counts per group',
    request: { params: SurveyParam }, responses: { 200: jsonContent(z.object({ items: z.array(StaffEditionSchema) }), 'Editions'), ...ErrorResponses },
  }),
  async (c) => {
    const items = [];
    for (const e of await findEditions(c.var.db, c.req.valid('param').survey)) items.push(await staffEdition(c, e));
    return c.json({ items }, 200);
  },
);

surveyAdminRoutes.openapi(
  createRoute({
    method: 'post', path: '/{survey}/editions', tags: TAGS, summary: 'A new edition of an instrument version (which is frozen from then on); the server clock opens and closes it',
    request: { params: SurveyParam, ...body(EditionInput) }, responses: { 201: jsonContent(StaffEditionSchema, 'Created'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey } = c.req.valid('param');
    const input = c.req.valid('json');
    checkDates(input);
    await surveyOr404(c.var.db, survey);
    const inst = await instrumentVersionOr404(c, survey, input.instrumentVersion);
    if ((await findEditions(c.var.db, survey)).some((e) => e.slug === input.slug)) throw new ApiError(409, 'survey_edition_exists', 'An edition with this slug exists');
    const id = await insertEdition(c.var.db, {
      surveyId: survey, slug: input.slug, instrumentId: inst.id, opensAt: new Date(input.opensAt).toISOString(), closesAt: new Date(input.closesAt).toISOString(),
      periodFrom: input.periodFrom, periodTo: input.periodTo, createdBy: staffId(c),
    });
    return c.json(await staffEdition(c, (await findEditionWithVersionById(c.var.db, id))!), 201);
  },
);

surveyAdminRoutes.openapi(
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
    return c.json({ ...(await staffEdition(c, row)), batches, openLinks }, 200);
  },
);

surveyAdminRoutes.openapi(
  createRoute({
    method: 'patch', path: '/{survey}/editions/{edition}', tags: TAGS, summary: 'Change dates or the period; the instrument version only before the edition opens and while it has no responses',
    request: { params: EditionParam, ...body(EditionPatch) }, responses: { 200: jsonContent(StaffEditionSchema, 'Changed'), ...ErrorResponses },
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
      instrumentId = (await instrumentVersionOr404(c, survey, p.instrumentVersion)).id;
    }
    await updateEdition(c.var.db, row.id, { ...next, instrumentId });
    return c.json(await staffEdition(c, (await findEditionWithVersionById(c.var.db, row.id))!), 200);
  },
);

// --- invitations ---------------------------------------------------------------------------------

const expiryOf = (row: EditionWithVersion, expiresAt: string | undefined) => (expiresAt ? new Date(expiresAt).toISOString() : row.closes_at);

const batchOut = (b: { batchId: string }, input: { group: (typeof RESPONDENT_GROUPS)[number]; lang: 'pl' | 'en' | 'uk' }, size: number, channel: 'links' | 'mail', expiresAt: string) => ({
  id: b.batchId, group: input.group, size, used: 0, channel, lang: input.lang, expiresAt, revokedAt: null, createdAt: new Date().toISOString(),
});

surveyAdminRoutes.openapi(
  createRoute({
    method: 'post', path: '/{survey}/editions/{edition}/tokens', tags: TAGS,
    summary: 'A batch of one-time invitation links for a group, given once (only hashes are kept): as JSON, or as a CSV/XLSX file for a mail merge',
    request: { params: EditionParam, ...body(TokenBatchInput) },
    responses: {
      201: { description: 'The links', content: { 'application/json': { schema: TokenLinksSchema }, ...tableContent } },
      ...ErrorResponses,
    },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await editionOr404(c.var.db, survey, edition);
    if (editionSummary(row).status === 'closed') throw new ApiError(409, 'survey_closed', 'This survey edition is closed');
    const expiresAt = expiryOf(row, input.expiresAt);
    const b = await createTokenBatch(c.var.db, { editionId: row.id, group: input.group, count: input.count, channel: 'links', lang: input.lang, expiresAt, createdBy: staffId(c) });
    const links = b.tokens.map((token) => surveyLink(c.var.config, survey, input.lang, { token }));
    if (input.format === 'json') return c.json({ batch: batchOut(b, input, input.count, 'links', expiresAt), links }, 201);
    const columns = [{ key: 'no', header: 'nr' }, { key: 'group', header: 'grupa' }, { key: 'link', header: 'link' }, { key: 'expires', header: 'ważny do', type: 'datetime' as const }];
    const rows = links.map((link, i) => ({ no: i + 1, group: textIn(GROUP_LABELS[input.group], input.lang), link, expires: expiresAt }));
    const table = { columns, rows };
    return sendTable(c, table, { format: input.format, dialect: input.dialect, name: `zaproszenia-${survey}-${edition}-${input.group}`, sheet: `${edition} ${input.group}`, status: 201 }) as never;
  },
);

surveyAdminRoutes.openapi(
  createRoute({
    method: 'post', path: '/{survey}/editions/{edition}/mailings', tags: TAGS,
    summary: 'Mail one invitation to each address through the outbox (pl, en or uk). The addresses are not kept with the tokens; the mails leave the outbox once sent.',
    request: { params: EditionParam, ...body(MailingInput) }, responses: { 202: jsonContent(MailingQueuedSchema, 'Queued'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const input = c.req.valid('json');
    const s = await surveyOr404(c.var.db, survey);
    const row = await editionOr404(c.var.db, survey, edition);
    if (editionSummary(row).status === 'closed') throw new ApiError(409, 'survey_closed', 'This survey edition is closed');
    const expiresAt = expiryOf(row, input.expiresAt);
    const title = textIn(JSON.parse(s.title) as Texts, input.lang);
    const b = await inTransaction(c.var.db, async (trx) => {
      const batch = await createTokenBatch(trx, { editionId: row.id, group: input.group, count: input.recipients.length, channel: 'mail', lang: input.lang, expiresAt, createdBy: staffId(c) });
      // The order of the addresses says nothing about the order of the tokens in the table (keyed by hash).
      for (const [i, to] of input.recipients.entries()) {
        await c.var.mailer.enqueue({
          to, template: invitationMail, lang: input.lang,
          data: { title, edition: row.slug, group: textIn(GROUP_LABELS[input.group], input.lang), period: `${row.period_from} – ${row.period_to}`, closes: expiresAt.slice(0, 10), link: surveyLink(c.var.config, survey, input.lang, { token: batch.tokens[i]! }) },
        }, trx);
      }
      return batch;
    });
    return c.json({ batch: batchOut(b, input, input.recipients.length, 'mail', expiresAt), queued: input.recipients.length }, 202);
  },
);

surveyAdminRoutes.openapi(
  createRoute({
    method: 'post', path: '/{survey}/editions/{edition}/batches/{batch}/revoke', tags: TAGS, summary: "Revoke a batch: its unused links stop working",
    request: { params: BatchParam }, responses: { 200: jsonContent(z.object({ revoked: z.literal(true) }), 'Revoked'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition, batch } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    if (!(await revokeBatch(c.var.db, row.id, batch))) throw notFound('Token batch');
    return c.json({ revoked: true as const }, 200);
  },
);

surveyAdminRoutes.openapi(
  createRoute({
    method: 'post', path: '/{survey}/editions/{edition}/open-links', tags: TAGS, summary: 'An open link for a group, guarded by the anti-abuse kit; its URL is given only here',
    request: { params: EditionParam, ...body(OpenLinkInput) }, responses: { 201: jsonContent(OpenLinkSchema, 'Created'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const { group } = c.req.valid('json');
    const row = await editionOr404(c.var.db, survey, edition);
    const key = randomToken();
    const hash = sha256(key);
    await insertOpenLink(c.var.db, row.id, group, hash, staffId(c));
    return c.json({ id: hash, group, createdAt: new Date().toISOString(), revokedAt: null, url: surveyLink(c.var.config, survey, 'pl', { link: key }) }, 201);
  },
);

surveyAdminRoutes.openapi(
  createRoute({
    method: 'delete', path: '/{survey}/editions/{edition}/open-links/{id}', tags: TAGS, summary: 'Revoke an open link',
    request: { params: LinkParam }, responses: { 204: { description: 'Revoked' }, ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition, id } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    if (!(await revokeOpenLink(c.var.db, row.id, id))) throw notFound('Open link');
    return c.body(null, 204);
  },
);

// --- results, publication, indicators --------------------------------------------------------------

surveyAdminRoutes.openapi(
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

surveyAdminRoutes.openapi(
  createRoute({
    method: 'put', path: '/{survey}/editions/{edition}/publication', tags: TAGS,
    summary: 'The publish choices. Publishing freezes the objective indicators; unpublishing withdraws the public results.',
    request: { params: EditionParam, ...body(PublicationInput) }, responses: { 200: jsonContent(StaffEditionSchema, 'Stored'), ...ErrorResponses },
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
    return c.json(await staffEdition(c, (await findEditionWithVersionById(c.var.db, row.id))!), 200);
  },
);

surveyAdminRoutes.openapi(
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

// --- the joint meeting -------------------------------------------------------------------------

surveyAdminRoutes.openapi(
  createRoute({
    method: 'put', path: '/{survey}/editions/{edition}/meeting', tags: TAGS, summary: 'The date and the minutes of the joint meeting',
    request: { params: EditionParam, ...body(MeetingInput) }, responses: { 200: jsonContent(StaffEditionSchema, 'Stored'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    const m = c.req.valid('json');
    await updateMeeting(c.var.db, row.id, m.on, m.note || null);
    return c.json(await staffEdition(c, (await findEditionWithVersionById(c.var.db, row.id))!), 200);
  },
);

async function scoredSection(c: Context<AppEnv>, row: EditionWithVersion, section: string, path: string) {
  if (!scoredSectionIds(await instrumentOfEdition(c.var.db, row)).includes(section)) {
    throw new ApiError(422, 'validation_failed', 'Validation failed', { issues: [{ path, code: 'invalid_value', message: `No scored section "${section}" in this edition's instrument` }] });
  }
}

surveyAdminRoutes.openapi(
  createRoute({
    method: 'put', path: '/{survey}/editions/{edition}/agreed/{section}', tags: TAGS, summary: 'The score the joint meeting agreed for a section (0–100) and its note',
    request: { params: SectionParam, ...body(AgreedScoreInput) }, responses: { 200: jsonContent(AgreedScoreSchema, 'Stored'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition, section } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    await scoredSection(c, row, section, 'section');
    const { score, note } = c.req.valid('json');
    await upsertAgreedScore(c.var.db, row.id, section, score, note, staffId(c));
    return c.json({ section, score, note }, 200);
  },
);

surveyAdminRoutes.openapi(
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

surveyAdminRoutes.openapi(
  createRoute({
    method: 'post', path: '/{survey}/editions/{edition}/recommendations', tags: TAGS, summary: 'A recommendation for a section, with its owner, deadline and status',
    request: { params: EditionParam, ...body(RecommendationInput) }, responses: { 201: jsonContent(RecommendationSchema, 'Created'), ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const row = await editionOr404(c.var.db, survey, edition);
    const input = c.req.valid('json');
    await scoredSection(c, row, input.section, 'section');
    const id = await insertRecommendation(c.var.db, row.id, { section_id: input.section, text: input.text, owner: input.owner, deadline: input.deadline, status: input.status, status_note: input.statusNote || null }, staffId(c));
    return c.json(await recommendationOr404(c, row.id, id), 201);
  },
);

surveyAdminRoutes.openapi(
  createRoute({
    method: 'patch', path: '/{survey}/editions/{edition}/recommendations/{id}', tags: TAGS, summary: 'Change a recommendation, e.g. its status as the year goes on',
    request: { params: RecommendationParam, ...body(RecommendationPatch) }, responses: { 200: jsonContent(RecommendationSchema, 'Changed'), ...ErrorResponses },
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

surveyAdminRoutes.openapi(
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

surveyAdminRoutes.openapi(
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

surveyAdminRoutes.route('/', surveyExportRoutes);

