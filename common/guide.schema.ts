import * as z from './zod.js';
import { AnonymousWrite } from './forms.schema.js';
import { ADVICE_TOPIC_SLUGS, GUIDE_LIMITS as L, GUIDE_SLUG_RE, JOURNEY_KINDS, smartTreeFaults, type SmartTree } from './guide.js';
import { AREA_SLUGS } from './map.js';
import { LANGS } from './taxonomy.js';

/** The zod schemas of the online guide, for the API, the widget's client and the staff section. */

const Lang = z.enum(LANGS);
const Slug = z.string().min(2).max(L.slug).regex(GUIDE_SLUG_RE, 'A slug: lower-case letters, digits and hyphens');
/** A calendar day, `2027-01-01`. */
export const GuideDate = z.localDate({ message: 'Use a real day, YYYY-MM-DD' });
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

/** A text in Polish (the source) with optional English and Ukrainian. */
export const LocalText = (max: number) => z.object({ pl: z.string().trim().min(1).max(max), en: optional(max), uk: optional(max) });

/** Tags: the map's areas of activity and the advisory point's topics. */
export const GuideTag = z.enum([...AREA_SLUGS, ...ADVICE_TOPIC_SLUGS] as [string, ...string[]]);

/** A link from an article into another module: ask the advisory point, trainings on it, open consultations. */
export const GuideLink = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('advice'), topic: z.enum(ADVICE_TOPIC_SLUGS as [string, ...string[]]) }),
    z.object({ kind: z.literal('events'), q: z.string().trim().min(2).max(L.q) }),
    z.object({ kind: z.literal('consultations') }),
  ])
  .meta({ id: 'GuideLink' });
export type GuideLink = z.output<typeof GuideLink>;

// ---- articles ----------------------------------------------------------------------------------

/** One language of an article version. `body` and `easy` (the easy-to-read version) are Markdown. */
export const ArticleText = z.object({
  title: z.string().trim().min(2).max(L.title),
  summary: z.string().trim().min(2).max(L.summary),
  body: z.string().max(L.body),
  easy: z.preprocess(blankToUndefined, z.string().max(L.body).optional()),
});
export type ArticleText = z.output<typeof ArticleText>;

/** The content of a version: Polish required, English and Ukrainian optional. */
export const ArticleContent = z.object({ pl: ArticleText, en: ArticleText.optional(), uk: ArticleText.optional() }).meta({ id: 'GuideArticleContent' });
export type ArticleContent = z.output<typeof ArticleContent>;

const ArticleMetaFields = {
  slug: Slug,
  chapterId: z.string().min(1).max(64),
  position: z.number().int().min(0).max(10_000).default(0),
  tags: z.array(GuideTag).max(L.tags).default([]),
  related: z.array(Slug).max(L.related).default([]),
  links: z.array(GuideLink).max(6).default([]),
};
export const ArticleMetaInput = z.object(ArticleMetaFields).strict().meta({ id: 'GuideArticleMetaInput' });
export const ArticleCreateInput = z.object({ ...ArticleMetaFields, content: ArticleContent }).strict().meta({ id: 'GuideArticleCreateInput' });
export const DraftInput = z.object({ content: ArticleContent, note: optional(L.note) }).strict().meta({ id: 'GuideDraftInput' });
export const PublishInput = z
  .object({ inForceFrom: GuideDate, inForceUntil: GuideDate.nullable().default(null), note: optional(L.note) })
  .strict()
  .refine((p) => !p.inForceUntil || p.inForceUntil >= p.inForceFrom, { path: ['inForceUntil'], message: '"In force until" comes before "in force from"' })
  .meta({ id: 'GuidePublishInput' });

export const GuideArticleRef = z.object({ slug: z.string(), title: z.string(), lang: Lang }).meta({ id: 'GuideArticleRef' });

/** A public article: the version in force on `at`, in the language asked or Polish (`fallback`). */
export const GuideArticle = z
  .object({
    id: z.string(),
    slug: z.string(),
    chapter: z.object({ id: z.string(), slug: z.string(), title: z.string() }),
    lang: Lang.meta({ description: 'The language of the texts: the one asked, or `pl` when it has no translation' }),
    fallback: z.boolean().meta({ description: 'True when the asked language has no translation and Polish is shown' }),
    title: z.string(),
    summary: z.string(),
    html: z.string().meta({ description: 'The body rendered from Markdown and sanitised on the server' }),
    easyHtml: z.string().nullable().meta({ description: 'The easy-to-read version, when there is one' }),
    versionId: z.string(),
    inForceFrom: GuideDate,
    inForceUntil: GuideDate.nullable(),
    reviewedOn: GuideDate.nullable(),
    at: GuideDate.meta({ description: 'The day this version was chosen for' }),
    current: z.boolean().meta({ description: 'Whether this is the version in force today' }),
    tags: z.array(z.string()),
    related: z.array(GuideArticleRef),
    links: z.array(GuideLink),
    languages: z.array(Lang).meta({ description: 'The languages this version is written in' }),
  })
  .meta({ id: 'GuideArticle' });
export type GuideArticle = z.output<typeof GuideArticle>;

export const GuideVersion = z
  .object({ id: z.string(), inForceFrom: GuideDate, inForceUntil: GuideDate.nullable(), publishedAt: z.string(), note: z.string().nullable(), title: z.string(), inForceToday: z.boolean() })
  .meta({ id: 'GuideVersion' });
export const GuideVersions = z.object({ slug: z.string(), items: z.array(GuideVersion) }).meta({ id: 'GuideVersions' });

export const DiffSegment = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export const GuideDiff = z
  .object({
    slug: z.string(),
    lang: Lang,
    from: GuideVersion,
    to: GuideVersion,
    fields: z.array(z.object({ field: z.enum(['title', 'summary', 'body', 'easy']), changed: z.boolean(), segments: z.array(DiffSegment) })),
  })
  .meta({ id: 'GuideDiff' });
export type GuideDiff = z.output<typeof GuideDiff>;

export const ArticleQuery = z.object({ lang: Lang.default('pl'), at: GuideDate.optional().meta({ description: 'The day whose rules to show; default today (Warsaw)' }) });
export const DiffQuery = z.object({ lang: Lang.default('pl'), from: z.string().min(1).max(64), to: z.string().min(1).max(64) });

// ---- the tree --------------------------------------------------------------------------------------

export const GuideTreeArticle = z.object({ slug: z.string(), title: z.string(), summary: z.string(), lang: Lang, tags: z.array(z.string()), reviewedOn: GuideDate.nullable() });
export const GuideChapter = z
  .object({ id: z.string(), slug: z.string(), title: z.string(), lang: Lang, parentId: z.string().nullable(), articles: z.array(GuideTreeArticle) })
  .meta({ id: 'GuideChapter' });
export const GuideJourneyRef = z.object({ slug: z.string(), kind: z.enum(JOURNEY_KINDS), title: z.string(), summary: z.string(), lang: Lang, tags: z.array(z.string()) });
export const GuideTree = z
  .object({ at: GuideDate, chapters: z.array(GuideChapter), journeys: z.array(GuideJourneyRef) })
  .meta({ id: 'GuideTree' });
export type GuideTree = z.output<typeof GuideTree>;
export const TreeQuery = z.object({
  lang: Lang.default('pl'),
  at: GuideDate.optional(),
  tag: GuideTag.optional().meta({ description: 'Only articles and journeys with this tag' }),
});

// ---- search ----------------------------------------------------------------------------------------

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(L.q).meta({ description: 'Words to find; diacritics are folded, each word matches as a prefix and Polish endings are ignored' }),
  lang: Lang.default('pl'),
  limit: z.coerce.number().int().min(1).max(L.searchLimit).default(10),
});
export const SearchHit = z
  .object({
    kind: z.enum(['article', 'steps', 'smart']),
    slug: z.string(),
    title: z.string(),
    lang: Lang,
    snippet: z.array(z.object({ text: z.string(), mark: z.boolean() })).meta({ description: 'Plain-text parts; `mark` for a matched word' }),
  })
  .meta({ id: 'GuideSearchHit' });
export const SearchResult = z.object({ q: z.string(), items: z.array(SearchHit) }).meta({ id: 'GuideSearchResult' });
export type SearchResult = z.output<typeof SearchResult>;

// ---- journeys --------------------------------------------------------------------------------------

export const Step = z.object({
  title: LocalText(L.title),
  text: LocalText(L.summary),
  deadline: z.preprocess((v) => (v === null ? undefined : v), LocalText(L.title).optional()),
  articles: z.array(Slug).max(L.related).default([]),
});
export const StepsContent = z.object({
  kind: z.literal('steps'),
  title: LocalText(L.title),
  summary: LocalText(L.summary),
  steps: z.array(Step).min(1).max(L.steps),
});

const NodeId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'A short id: lower-case letters, digits, hyphens');
export const SmartNodeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('question'),
    text: LocalText(L.title),
    hint: LocalText(L.summary).optional(),
    answers: z.array(z.object({ label: LocalText(L.title), next: NodeId })).max(L.answers),
  }),
  z.object({
    kind: z.literal('outcome'),
    title: LocalText(L.title),
    text: LocalText(L.summary),
    articles: z.array(Slug).max(L.related).default([]),
    journey: Slug.nullable().optional(),
  }),
]);

/** A smart answer: a decision tree kept as data, refused with the route to each fault (cycle, dead end, missing or unreachable node). */
export const SmartContent = z
  .object({
    kind: z.literal('smart'),
    title: LocalText(L.title),
    summary: LocalText(L.summary),
    start: NodeId,
    nodes: z.record(NodeId, SmartNodeSchema).refine((n) => Object.keys(n).length <= L.nodes, { message: `At most ${L.nodes} nodes` }),
  })
  .superRefine((tree, ctx) => {
    for (const f of smartTreeFaults(tree as SmartTree)) ctx.addIssue({ code: 'custom', path: f.path.split('.'), message: f.message, params: { fault: f.code, route: f.route } });
  });

export const JourneyContent = z.discriminatedUnion('kind', [StepsContent, SmartContent]).meta({ id: 'GuideJourneyContent' });
export type JourneyContent = z.output<typeof JourneyContent>;
export const JourneyInput = z
  .object({ slug: Slug, position: z.number().int().min(0).max(10_000).default(0), tags: z.array(GuideTag).max(L.tags).default([]), content: JourneyContent })
  .strict()
  .meta({ id: 'GuideJourneyInput' });

/** A public journey in one language (texts resolved, Polish where a translation is missing). */
const Text = z.object({ text: z.string(), lang: Lang });
export const GuideSteps = z.object({
  kind: z.literal('steps'),
  slug: z.string(),
  title: Text,
  summary: Text,
  steps: z.array(z.object({ title: Text, text: Text, deadline: Text.nullable(), articles: z.array(GuideArticleRef) })),
});
export const GuideSmart = z.object({
  kind: z.literal('smart'),
  slug: z.string(),
  title: Text,
  summary: Text,
  start: z.string(),
  nodes: z.record(
    z.string(),
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('question'), text: Text, hint: Text.nullable(), answers: z.array(z.object({ label: Text, next: z.string() })) }),
      z.object({ kind: z.literal('outcome'), title: Text, text: Text, articles: z.array(GuideArticleRef), journey: z.object({ slug: z.string(), title: z.string(), lang: Lang }).nullable() }),
    ]),
  ),
});
export const GuideJourney = z.discriminatedUnion('kind', [GuideSteps, GuideSmart]).meta({ id: 'GuideJourney' });
export type GuideJourney = z.output<typeof GuideJourney>;

// ---- feedback ----------------------------------------------------------------------------------------

export const FeedbackInput = AnonymousWrite.extend({
  helpful: z.boolean(),
  comment: optional(L.comment),
}).meta({ id: 'GuideFeedbackInput' });

// ---- staff ---------------------------------------------------------------------------------------------

export const ChapterInput = z
  .object({ slug: Slug, parentId: z.string().max(64).nullable().default(null), position: z.number().int().min(0).max(10_000).default(0), title: LocalText(L.title) })
  .strict()
  .meta({ id: 'GuideChapterInput' });

export const StaffVersion = z.object({
  id: z.string(),
  status: z.enum(['draft', 'published']),
  inForceFrom: GuideDate.nullable(),
  inForceUntil: GuideDate.nullable(),
  note: z.string().nullable(),
  content: ArticleContent,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  state: z.enum(['draft', 'scheduled', 'in_force', 'past']),
});
export const StaffArticleSummary = z
  .object({
    id: z.string(),
    slug: z.string(),
    chapterId: z.string(),
    position: z.number(),
    title: z.string(),
    hasDraft: z.boolean(),
    inForceFrom: GuideDate.nullable(),
    scheduledFrom: GuideDate.nullable(),
    reviewedOn: GuideDate.nullable(),
    reviewOn: GuideDate.nullable().meta({ description: 'The day the next review is due (null: never reviewed, due now)' }),
    reviewDue: z.boolean(),
    feedback: z.object({ helpful: z.number(), notHelpful: z.number(), comments: z.number() }),
  })
  .meta({ id: 'GuideStaffArticleSummary' });
export const StaffArticleList = z.object({ items: z.array(StaffArticleSummary) });
export const StaffArticle = z
  .object({ id: z.string(), slug: z.string(), chapterId: z.string(), position: z.number(), tags: z.array(z.string()), related: z.array(z.string()), links: z.array(GuideLink), reviewedOn: GuideDate.nullable(), reviewOn: GuideDate.nullable(), reviewDue: z.boolean(), versions: z.array(StaffVersion) })
  .meta({ id: 'GuideStaffArticle' });
export type StaffArticle = z.output<typeof StaffArticle>;
export const StaffFeedback = z.object({
  items: z.array(z.object({ id: z.string(), helpful: z.boolean(), comment: z.string().nullable(), lang: Lang, createdAt: z.string() })),
  helpful: z.number(),
  notHelpful: z.number(),
});
/** Marking an article reviewed: optionally the day its next review is due (default a year later). */
export const ReviewedInput = z.object({ nextReview: GuideDate.optional() }).strict().meta({ id: 'GuideReviewedInput' });
export const PreviewInput = z.object({ markdown: z.string().max(L.body) }).strict();
export const Preview = z.object({ html: z.string() });
export const StaffJourney = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(JOURNEY_KINDS),
  position: z.number(),
  tags: z.array(z.string()),
  draft: JourneyContent.nullable(),
  published: JourneyContent.nullable(),
  publishedAt: z.string().nullable(),
});
export const StaffJourneyList = z.object({ items: z.array(StaffJourney) });
export const StaffChapter = z.object({ id: z.string(), slug: z.string(), parentId: z.string().nullable(), position: z.number(), title: LocalText(L.title) });
export const StaffChapterList = z.object({ items: z.array(StaffChapter) });
