import * as z from './zod.js';
import { TableQuery } from './export.schema.js';
import type { Instrument, Item } from './surveys.js';
import { AbuseSchema } from './abuse.schema.js';
import { HARD_TO_SAY, RESPONDENT_GROUPS, SCALE_POINTS, SURVEY_LIMITS as L } from './surveys.js';

/**
 * The survey instrument: versioned JSON of sections and items. Staff upload it; the JSON Schema
 * generated from it is published at `/v1/surveys/instrument.schema.json`. Objects are strict, so a
 * misspelt key (`revers`) is an error, not silently ignored. What a JSON Schema cannot say
 * (unique ids, conditions that look back, a scale that exists) is checked in `superRefine`, with
 * the path of the offending value.
 */

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and "_", starting with a letter')
  .max(L.id)
  .meta({ description: 'Stable identifier: editions compare items by it across versions' });

const Text = (max: number = L.text) => z.string().trim().min(1).max(max);
export const TextsSchema = (max: number = L.text) => z.strictObject({ pl: Text(max), en: Text(max), uk: Text(max) });
const Texts = TextsSchema();

const Group = z.enum(RESPONDENT_GROUPS);
const Groups = z.array(Group).min(1).max(RESPONDENT_GROUPS.length).refine((g) => new Set(g).size === g.length, 'A group is listed twice');

const Condition = z.strictObject({
  item: Id.meta({ description: 'An item earlier in the instrument (scale, single or multiple choice)' }),
  anyOf: z.array(z.union([z.string().max(L.id), z.number()])).min(1).max(L.options),
}).meta({ description: 'Show the item only when the answer to `item` is one of `anyOf` (for multiple choice: any ticked option is)' });

const base = {
  id: Id,
  text: Texts,
  textFor: z.partialRecord(Group, Texts).optional().meta({ description: 'Wording for some groups, e.g. the officials\' version of the same question' }),
  help: Texts.optional(),
  required: z.boolean().default(false),
  groups: Groups.optional().meta({ description: 'Only these groups see the item' }),
  showIf: Condition.optional(),
};

const OptionSchema = z.strictObject({ id: Id, text: Texts });
const Options = z.array(OptionSchema).min(2).max(L.options);

const ScaleItem = z.strictObject({
  ...base,
  type: z.literal('scale'),
  scale: Id.meta({ description: 'A key of `scales`' }),
  weight: z.number().positive().max(10).default(1),
  reverse: z.boolean().default(false).meta({ description: 'Scored 5→0 … 1→100: agreeing with a negative statement is a low score' }),
  hardToSay: z.boolean().default(true).meta({ description: 'Offer "hard to say", which counts as missing' }),
});
const SingleItem = z.strictObject({ ...base, type: z.literal('single'), options: Options });
const MultipleItem = z.strictObject({ ...base, type: z.literal('multiple'), options: Options, min: z.int().min(0).optional(), max: z.int().min(1).optional() });
const TextItem = z.strictObject({ ...base, type: z.literal('text'), maxLength: z.int().min(1).max(L.textAnswer).default(2000), multiline: z.boolean().default(true) });
const NumberItem = z.strictObject({
  ...base,
  type: z.literal('number'),
  min: z.number().default(0),
  max: z.number(),
  integer: z.boolean().default(true),
  unit: Texts.optional(),
});

export const ItemSchema = z.discriminatedUnion('type', [ScaleItem, SingleItem, MultipleItem, TextItem, NumberItem]);

const ScaleSchema = z.strictObject({
  points: z.tuple([Texts, Texts, Texts, Texts, Texts]).meta({ description: 'Labels of 1–5, lowest first' }),
  hardToSay: Texts,
});

const SectionSchema = z.strictObject({
  id: Id,
  title: Texts,
  intro: TextsSchema(L.longText).optional(),
  scored: z.boolean().default(true).meta({ description: 'Scored sections enter the index (their scale items are scored)' }),
  groups: Groups.optional(),
  items: z.array(ItemSchema).min(1).max(L.itemsPerSection),
});

const InstrumentObject = z.strictObject({
  $schema: z.string().max(500).optional(),
  title: Texts,
  intro: TextsSchema(L.longText).optional(),
  scales: z.record(Id, ScaleSchema).refine((s) => Object.keys(s).length > 0, 'Define at least one scale'),
  sections: z.array(SectionSchema).min(1).max(L.sections),
});

type Ctx = z.core.$RefinementCtx;
const issue = (ctx: Ctx, path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

function checkCondition(item: Item, path: (string | number)[], earlier: Map<string, Item>, ctx: Ctx) {
  const cond = item.showIf!;
  const target = earlier.get(cond.item);
  if (!target) {
    issue(ctx, [...path, 'showIf', 'item'], `"${cond.item}" is not an item before this one`);
    return;
  }
  const allowed: (string | number)[] =
    target.type === 'scale' ? [...SCALE_POINTS, ...(target.hardToSay ? [HARD_TO_SAY] : [])]
    : target.type === 'single' || target.type === 'multiple' ? target.options.map((o) => o.id)
    : [];
  if (allowed.length === 0) {
    issue(ctx, [...path, 'showIf', 'item'], `A condition can look at a scale or choice item, not a ${target.type} item`);
    return;
  }
  cond.anyOf.forEach((v, k) => {
    if (!allowed.includes(v)) issue(ctx, [...path, 'showIf', 'anyOf', k], `${JSON.stringify(v)} is not an answer of "${cond.item}"`);
  });
  if (item.groups && target.groups && !item.groups.some((g) => target.groups!.includes(g))) {
    issue(ctx, [...path, 'showIf', 'item'], `"${cond.item}" is never shown to the groups of this item`);
  }
}

function checkItem(item: Item, path: (string | number)[], ctx: Ctx, scales: Record<string, unknown>, sectionGroups: string[] | undefined) {
  if (item.type === 'scale' && !(item.scale in scales)) issue(ctx, [...path, 'scale'], `No scale "${item.scale}" in "scales"`);
  if (item.type === 'single' || item.type === 'multiple') {
    const seen = new Set<string>();
    item.options.forEach((o, k) => {
      if (seen.has(o.id)) issue(ctx, [...path, 'options', k, 'id'], `Option id "${o.id}" is used twice in this item`);
      seen.add(o.id);
    });
  }
  if (item.type === 'multiple') {
    if (item.max !== undefined && item.max > item.options.length) issue(ctx, [...path, 'max'], 'More than there are options');
    if (item.min !== undefined && item.max !== undefined && item.min > item.max) issue(ctx, [...path, 'min'], 'Greater than max');
  }
  if (item.type === 'number' && item.min > item.max) issue(ctx, [...path, 'min'], 'Greater than max');
  if (item.groups && sectionGroups) {
    item.groups.forEach((g, k) => {
      if (!sectionGroups.includes(g)) issue(ctx, [...path, 'groups', k], `The section is not shown to "${g}"`);
    });
  }
  const reach = item.groups ?? sectionGroups;
  for (const g of Object.keys(item.textFor ?? {})) {
    if (reach && !reach.includes(g)) issue(ctx, [...path, 'textFor', g], `The item is not shown to "${g}"`);
  }
}

export const InstrumentSchema = InstrumentObject.superRefine((doc, ctx) => {
  const sectionIds = new Set<string>();
  const earlier = new Map<string, Item>();
  let count = 0;
  doc.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) issue(ctx, ['sections', s, 'id'], `Section id "${section.id}" is used twice`);
    sectionIds.add(section.id);
    if (section.scored && !section.items.some((i) => i.type === 'scale')) issue(ctx, ['sections', s, 'scored'], 'A scored section needs at least one scale item');
    section.items.forEach((item, i) => {
      const path = ['sections', s, 'items', i];
      if (earlier.has(item.id)) issue(ctx, [...path, 'id'], `Item id "${item.id}" is used twice`);
      checkItem(item as Item, path, ctx, doc.scales, section.groups);
      if (item.showIf) checkCondition(item as Item, path, earlier, ctx);
      earlier.set(item.id, item as Item);
      count++;
    });
  });
  if (count > L.items) issue(ctx, ['sections'], `At most ${L.items} items in all`);
}).meta({ id: 'SurveyInstrument', title: 'LIJW survey instrument', description: 'Versioned JSON of sections and items, with texts in pl, en and uk' });

export type InstrumentInput = z.input<typeof InstrumentSchema>;

/** The instrument as stored and served: the parsed document without its `$schema` hint. */
export function toInstrument(parsed: z.output<typeof InstrumentSchema>): Instrument {
  const { $schema: _hint, ...instrument } = parsed;
  const checked: Instrument = instrument;
  return checked;
}

/** The JSON Schema of an instrument document (what a person writes: defaults optional). */
export const instrumentJsonSchema = () => z.toJSONSchema(InstrumentObject, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });


// =============================================================================================
// Wire contract of `/v1/surveys` (public) and `/v1/admin/surveys` (staff). Both the API and the
// widgets type against these; widgets import types only (`import type`). Figures on the wire are
// rounded to one decimal; a suppressed cell is `{ n: null | number, score: null, suppressed }`,
// never a zero. Dates are `YYYY-MM-DD`, instants UTC ISO 8601.
// =============================================================================================

const Slug = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'Use lower-case letters, digits, "-" and "_"').max(L.id);
const IsoInstant = z.instant().meta({ description: 'UTC instant (ISO 8601)' });
const IsoDate = z.localDate().meta({ description: 'YYYY-MM-DD' });
const Lang = z.enum(['pl', 'en', 'uk']);
const LabelsOut = z.object({ pl: z.string(), en: z.string(), uk: z.string() });

export const SurveyParam = z.object({ survey: Slug.meta({ description: 'The survey id, e.g. `lijw`' }) });
export const EditionParam = SurveyParam.extend({ edition: Slug.meta({ description: 'The edition slug, e.g. `2026`' }) });

export const RespondentGroupSchema = Group.meta({ id: 'SurveyRespondentGroup' });
export const ColumnSchema = z.enum([...RESPONDENT_GROUPS, 'all']).meta({ id: 'SurveyColumn', description: 'A respondent group, or `all` groups together' });
export type ColumnId = z.output<typeof ColumnSchema>;

/** One figure of the results: a score 0–100 (one decimal) behind `n` respondents. */
export const CellSchema = z
  .object({
    n: z.number().nullable().meta({ description: 'Respondents behind the figure; null when that count is itself under 5' }),
    score: z.number().nullable().meta({ description: '0–100, one decimal; null when there is no data or the cell is suppressed' }),
    suppressed: z.enum(['few', 'complementary']).nullable().meta({ description: '`few`: n < 5; `complementary`: hidden so that another hidden cell cannot be computed back' }),
  })
  .meta({ id: 'SurveyCell' });
const Cells = z.partialRecord(ColumnSchema, CellSchema).meta({ description: 'By column; only the columns shown' });

/** Answers by item id: 1–5 or `hard_to_say` (scale), an option id (single), option ids (multiple), text, a number. */
export const AnswersSchema = z
  .record(z.string().max(L.id), z.union([z.number(), z.string().max(L.textAnswer), z.array(z.string().max(L.id)).max(L.options)]))
  .refine((a) => Object.keys(a).length <= L.items, `At most ${L.items} answers`)
  .meta({ id: 'SurveyAnswers' });

export const EditionSummarySchema = z
  .object({
    survey: z.string(),
    slug: z.string(),
    status: z.enum(['planned', 'open', 'closed']).meta({ description: 'From the server clock at the time of the request' }),
    opensAt: z.string(),
    closesAt: z.string(),
    periodFrom: z.string().meta({ description: 'First day of the 12 months assessed' }),
    periodTo: z.string(),
    instrumentVersion: z.number(),
    published: z.boolean().meta({ description: 'Results published (GET …/results answers)' }),
    serverTime: z.string(),
  })
  .meta({ id: 'SurveyEditionSummary' });
export type EditionSummary = z.output<typeof EditionSummarySchema>;

export const RecommendationSchema = z
  .object({
    id: z.string(),
    edition: z.string(),
    section: z.string(),
    text: z.string(),
    owner: z.string(),
    deadline: z.string(),
    status: z.enum(['planned', 'in_progress', 'done', 'dropped']),
    statusNote: z.string().nullable(),
  })
  .meta({ id: 'SurveyRecommendation' });
export type Recommendation = z.output<typeof RecommendationSchema>;

/** "What changed since last year": the previous edition's recommendations and where they stand. */
export const LastYearSchema = z
  .object({ edition: z.string(), recommendations: z.array(RecommendationSchema) })
  .meta({ id: 'SurveyLastYear' });

/** GET /v1/surveys/{survey}: the survey and its editions, newest first. */
export const SurveyPublicSchema = z
  .object({ id: z.string(), title: LabelsOut, editions: z.array(EditionSummarySchema), current: z.string().nullable().meta({ description: 'The open edition, else the next planned one' }) })
  .meta({ id: 'SurveyPublic' });

/** GET /v1/surveys/{survey}/instrument?version=: an instrument version (default the latest). */
export const InstrumentVersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
export const InstrumentResponseSchema = z.object({ survey: z.string(), version: z.number(), instrument: InstrumentSchema }).meta({ id: 'SurveyInstrumentVersion' });

/** GET /v1/surveys/{survey}/editions/{edition}: the edition with its instrument and last year's recommendations. */
export const EditionDetailSchema = EditionSummarySchema.extend({
  title: LabelsOut,
  instrument: InstrumentSchema,
  lastYear: LastYearSchema.nullable().meta({ description: 'Shown at the start of the survey; null when the previous edition published nothing' }),
}).meta({ id: 'SurveyEditionDetail' });
export type EditionDetail = z.output<typeof EditionDetailSchema>;

/** GET /v1/surveys/{survey}/responses/draft?token=… (or ?link=… for an open link): where a respondent starts. */
export const RespondentQuery = z.object({
  token: z.string().min(1).max(128).optional().meta({ description: 'The one-time invitation token' }),
  link: z.string().min(1).max(128).optional().meta({ description: 'The key of an open link (no save and resume)' }),
});
export const DraftStateSchema = z
  .object({
    edition: EditionSummarySchema,
    group: RespondentGroupSchema,
    answers: AnswersSchema.meta({ description: 'The saved draft (empty for none, and always for an open link)' }),
    resumable: z.boolean().meta({ description: 'Drafts can be saved (a token; an open link cannot)' }),
  })
  .meta({ id: 'SurveyDraftState' });
export type DraftState = z.output<typeof DraftStateSchema>;

/** PUT /v1/surveys/{survey}/responses/draft: save (replace) the draft of an invitation. */
export const DraftInput = z.object({ token: z.string().min(1).max(128), answers: AnswersSchema }).meta({ id: 'SurveyDraftInput' });
export const DraftSavedSchema = z.object({ saved: z.literal(true) }).meta({ id: 'SurveyDraftSaved' });

/**
 * POST /v1/surveys/{survey}/responses: the final answers, with `token` (one response per token) or
 * with `link` (an open link; then `abuse` is required: the anti-abuse kit guards it).
 */
export const ResponseInput = z
  .object({
    token: z.string().min(1).max(128).optional(),
    link: z.string().min(1).max(128).optional(),
    answers: AnswersSchema,
    lang: Lang.default('pl'),
    abuse: AbuseSchema.optional().meta({ description: 'Required with `link`' }),
  })
  .refine((b) => (b.token === undefined) !== (b.link === undefined), { message: 'Send either token or link', path: ['token'] })
  .meta({ id: 'SurveyResponseInput' });
export const ResponseReceivedSchema = z.object({ received: z.literal(true), edition: z.string(), group: RespondentGroupSchema }).meta({ id: 'SurveyResponseReceived' });

export const ItemResultSchema = z.object({ id: z.string(), section: z.string(), text: LabelsOut, weight: z.number(), reverse: z.boolean(), cells: Cells }).meta({ id: 'SurveyItemResult' });
export const SectionResultSchema = z.object({ id: z.string(), title: LabelsOut, cells: Cells, agreed: z.number().nullable().meta({ description: 'The score agreed at the joint meeting' }) }).meta({ id: 'SurveySectionResult' });
const GapValue = z.number().nullable();
export const GapsSchema = z
  .object({
    a: ColumnSchema,
    b: ColumnSchema,
    index: GapValue.meta({ description: 'a − b, mean of the section gaps' }),
    sections: z.array(z.object({ id: z.string(), a: GapValue, b: GapValue, gap: GapValue, items: z.number() })),
    items: z.array(z.object({ id: z.string(), section: z.string(), a: GapValue, b: GapValue, gap: GapValue })),
  })
  .meta({ id: 'SurveyGaps', description: 'The perception gap a − b; null where either cell is not shown' });
export const TrendPointSchema = z.object({ edition: z.string(), periodTo: z.string(), index: Cells, sections: z.array(z.object({ id: z.string(), cells: Cells })) }).meta({ id: 'SurveyTrendPoint' });
export const IndicatorSchema = z
  .object({ module: z.string(), key: z.string(), label: z.string().meta({ description: 'In the requested language' }), value: z.number(), unit: z.enum(['count', 'percent', 'days']) })
  .meta({ id: 'SurveyIndicator' });
export type IndicatorValue = z.output<typeof IndicatorSchema>;

/** Query of the results: `lang` for labels; `a` and `b` for the gap (default NGOs against officials). */
export const ResultsQuery = z.object({
  a: ColumnSchema.default('ngo'),
  b: ColumnSchema.default('official'),
  lang: Lang.default('pl'),
});

/**
 * GET /v1/surveys/{survey}/editions/{edition}/results: only what passes suppression and only what
 * staff published (404 `survey_results_unpublished` before). `items`, `trend` and `indicators` are
 * null when not published; `gap` is null when `a` or `b` is not a published column.
 */
export const ResultsSchema = z
  .object({
    edition: EditionSummarySchema,
    columns: z.array(ColumnSchema).meta({ description: 'The columns shown, in order' }),
    respondents: z.partialRecord(ColumnSchema, z.number().nullable()).meta({ description: 'Responses per column; null when under 5' }),
    index: Cells,
    sections: z.array(SectionResultSchema),
    items: z.array(ItemResultSchema).nullable(),
    gap: GapsSchema.nullable(),
    trend: z.array(TrendPointSchema).nullable().meta({ description: 'Published editions up to this one, oldest first' }),
    indicators: z.array(IndicatorSchema).nullable(),
    recommendations: z.array(RecommendationSchema),
    minN: z.number().meta({ description: 'The suppression threshold (5)' }),
  })
  .meta({ id: 'SurveyResults' });
export type Results = z.output<typeof ResultsSchema>;

// --- staff (/v1/admin/surveys) -----------------------------------------------------------------

export const PublicationSchema = z
  .object({
    columns: z.array(ColumnSchema).max(RESPONDENT_GROUPS.length + 1).refine((c) => new Set(c).size === c.length, 'A column is listed twice').meta({ description: 'Columns shown in public; empty publishes nothing' }),
    items: z.boolean().meta({ description: 'Item-level scores and gaps (else sections and the index only)' }),
    trend: z.boolean(),
    indicators: z.boolean(),
  })
  .meta({ id: 'SurveyPublication' });
export type PublicationChoice = z.output<typeof PublicationSchema>;

/** PUT …/editions/{edition}/publication: the publish choices, and whether the results are published (indicators are frozen then). */
export const PublicationInput = PublicationSchema.extend({ published: z.boolean() }).meta({ id: 'SurveyPublicationInput' });

export const GroupCountsSchema = z.object({ responses: z.number(), issued: z.number(), used: z.number() }).meta({ id: 'SurveyGroupCounts' });

/** GET /v1/admin/surveys: every survey with its editions. */
export const StaffSurveyListSchema = z
  .object({ items: z.array(z.object({ id: z.string(), title: LabelsOut, instruments: z.number(), editions: z.array(EditionSummarySchema) })) })
  .meta({ id: 'StaffSurveyList' });

/** GET /v1/admin/surveys/{survey}/instruments (list) and …/instruments/{version} (with `instrument`). */
export const StaffInstrumentSchema = z
  .object({
    id: z.string(),
    version: z.number(),
    note: z.string().nullable(),
    frozen: z.boolean().meta({ description: 'Used by an edition: it cannot change any more' }),
    usedBy: z.array(z.string()).meta({ description: 'Edition slugs' }),
    sections: z.number(),
    items: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StaffSurveyInstrument' });
export type StaffInstrument = z.output<typeof StaffInstrumentSchema>;
export const StaffInstrumentDetailSchema = StaffInstrumentSchema.extend({ instrument: InstrumentSchema }).meta({ id: 'StaffSurveyInstrumentDetail' });

/**
 * POST /v1/admin/surveys/{survey}/instruments (a new version; creates the survey on first upload)
 * and PUT …/instruments/{version} (replace an unused version; 409 `survey_instrument_frozen` once an
 * edition uses it). A document that does not fit is 422 with the JSON path of each error under
 * `instrument.` (`instrument.sections.0.items.3.scale`).
 */
export const InstrumentUpload = z.object({ instrument: InstrumentSchema, note: z.string().trim().max(500).optional() }).meta({ id: 'SurveyInstrumentUpload' });

/** The counts of an edition for staff, by group. */
export const StaffEditionSchema = EditionSummarySchema.extend({
  id: z.string(),
  counts: z.partialRecord(RespondentGroupSchema, GroupCountsSchema),
  publication: PublicationSchema,
  publishedAt: z.string().nullable(),
  meeting: z.object({ on: z.string().nullable(), note: z.string().nullable() }),
}).meta({ id: 'StaffSurveyEdition' });
export type StaffEdition = z.output<typeof StaffEditionSchema>;

export const TokenBatchSchema = z
  .object({
    id: z.string(),
    group: RespondentGroupSchema,
    size: z.number(),
    used: z.number(),
    channel: z.enum(['links', 'mail']),
    lang: Lang,
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'SurveyTokenBatch' });
export const OpenLinkSchema = z
  .object({ id: z.string(), group: RespondentGroupSchema, createdAt: z.string(), revokedAt: z.string().nullable(), url: z.string().optional().meta({ description: 'Only in the answer that creates it' }) })
  .meta({ id: 'SurveyOpenLink' });

/** GET /v1/admin/surveys/{survey}/editions/{edition}: counts, token batches and open links. */
export const StaffEditionDetailSchema = StaffEditionSchema.extend({ batches: z.array(TokenBatchSchema), openLinks: z.array(OpenLinkSchema) }).meta({ id: 'StaffSurveyEditionDetail' });
export type StaffEditionDetail = z.output<typeof StaffEditionDetailSchema>;

/** POST /v1/admin/surveys/{survey}/editions; PATCH …/editions/{edition} takes any of the fields (the instrument only before the edition opens). */
export const EditionInput = z
  .object({
    slug: Slug,
    instrumentVersion: z.int().min(1),
    opensAt: IsoInstant,
    closesAt: IsoInstant,
    periodFrom: IsoDate,
    periodTo: IsoDate,
  })
  .meta({ id: 'SurveyEditionInput' });
export const EditionPatch = EditionInput.omit({ slug: true }).partial().meta({ id: 'SurveyEditionPatch' });

/**
 * POST …/editions/{edition}/tokens: a batch of one-time invitation links for a group. The links exist
 * only in this answer (the database keeps hashes): `format=json` gives them as JSON, `csv`/`xlsx`
 * as a file for a mail merge.
 */
export const TokenBatchInput = z
  .object({
    group: RespondentGroupSchema,
    count: z.int().min(1).max(L.tokensPerBatch),
    lang: Lang.default('pl'),
    expiresAt: IsoInstant.optional().meta({ description: 'Default: when the edition closes' }),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
    dialect: TableQuery.shape.dialect,
  })
  .meta({ id: 'SurveyTokenBatchInput' });
export const TokenLinksSchema = z.object({ batch: TokenBatchSchema, links: z.array(z.string()) }).meta({ id: 'SurveyTokenLinks' });

/** POST …/editions/{edition}/mailings: one invitation mail per address through the outbox; the addresses are not kept with the tokens. */
export const MailingInput = z
  .object({
    group: RespondentGroupSchema,
    lang: Lang.default('pl'),
    expiresAt: IsoInstant.optional(),
    recipients: z.array(z.email().max(254)).min(1).max(L.tokensPerBatch).refine((r) => new Set(r.map((e) => e.toLowerCase())).size === r.length, 'An address is listed twice'),
  })
  .meta({ id: 'SurveyMailingInput' });
export const MailingQueuedSchema = z.object({ batch: TokenBatchSchema, queued: z.number() }).meta({ id: 'SurveyMailingQueued' });

/** POST …/editions/{edition}/open-links: an open link for a group (guarded by the anti-abuse kit). DELETE …/open-links/{id} revokes it. */
export const OpenLinkInput = z.object({ group: RespondentGroupSchema }).meta({ id: 'SurveyOpenLinkInput' });

export const AgendaEntrySchema = z
  .object({ kind: z.enum(['section', 'item']), id: z.string(), section: z.string(), text: LabelsOut, a: z.number(), b: z.number(), gap: z.number() })
  .meta({ id: 'SurveyAgendaEntry' });
export const AgreedScoreSchema = z.object({ section: z.string(), score: z.number(), note: z.string() }).meta({ id: 'SurveyAgreedScore' });

/**
 * GET …/editions/{edition}/results?a=&b=&lang=: every column (still suppressed: n < 5 is hidden from
 * staff too), the gap a − b, the joint meeting's agenda (largest gaps first), the agreed scores and
 * the publish choices.
 */
export const StaffResultsSchema = ResultsSchema.extend({
  agenda: z.array(AgendaEntrySchema),
  agreed: z.array(AgreedScoreSchema),
  publication: PublicationSchema,
}).meta({ id: 'StaffSurveyResults' });
export type StaffResults = z.output<typeof StaffResultsSchema>;

/** GET …/editions/{edition}/indicators: from the other modules over the edition's 12 months (frozen once published). */
export const IndicatorsSchema = z.object({ items: z.array(IndicatorSchema), frozen: z.boolean(), periodFrom: z.string(), periodTo: z.string() }).meta({ id: 'SurveyIndicators' });

/** PUT …/editions/{edition}/agreed/{section}: the score the joint meeting agreed for a section. */
export const AgreedScoreInput = z.object({ score: z.number().min(0).max(100), note: z.string().trim().max(L.longText).default('') }).meta({ id: 'SurveyAgreedScoreInput' });
/** PUT …/editions/{edition}/meeting: the date and the minutes of the joint meeting. */
export const MeetingInput = z.object({ on: IsoDate.nullable(), note: z.string().trim().max(L.longText).nullable() }).meta({ id: 'SurveyMeetingInput' });

/** POST …/editions/{edition}/recommendations; PATCH …/recommendations/{id} (any field); DELETE …/recommendations/{id}. */
export const RecommendationInput = z
  .object({
    section: Id,
    text: z.string().trim().min(1).max(L.text),
    owner: z.string().trim().min(1).max(200),
    deadline: IsoDate,
    status: z.enum(['planned', 'in_progress', 'done', 'dropped']).default('planned'),
    statusNote: z.string().trim().max(L.text).nullable().default(null),
  })
  .meta({ id: 'SurveyRecommendationInput' });
export const RecommendationPatch = RecommendationInput.partial().meta({ id: 'SurveyRecommendationPatch' });
export const RecommendationListSchema = z.object({ items: z.array(RecommendationSchema) }).meta({ id: 'SurveyRecommendationList' });

/** GET …/editions/{edition}/changes: what changed since the previous edition (its recommendations, and the index and sections then and now for `all`). */
export const ChangesSchema = z
  .object({
    previous: z.string().nullable(),
    recommendations: z.array(RecommendationSchema),
    index: z.object({ previous: GapValue, current: GapValue, delta: GapValue }),
    sections: z.array(z.object({ id: z.string(), title: LabelsOut, previous: GapValue, current: GapValue, delta: GapValue })),
  })
  .meta({ id: 'SurveyChanges' });

/**
 * GET …/editions/{edition}/export/{what}?format=csv|xlsx: `responses` (anonymised: one row per
 * response in random order, no id, groups under 5 left out), `codebook` (every column of the
 * responses file with its question and codes) and `indices` (item, section and index scores per
 * column, suppressed). GET …/editions/{edition}/report?format=html|docx&lang=: the results report.
 */
export const ExportParam = EditionParam.extend({ what: z.enum(['responses', 'codebook', 'indices']) });
export const ExportQuery = TableQuery.extend({ lang: Lang.default('pl') });
export const ReportQuery = z.object({ format: z.enum(['html', 'docx']).default('html'), lang: Lang.default('pl') });
