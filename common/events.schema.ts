import * as z from './zod.js';
import { LANGS } from './taxonomy.js';
import { SERVICE_LANGUAGES, isInKrakow } from './map.js';
import {
  ACCESS_NEEDS, DEFAULT_ATTENDANCE_PERCENT, EVENT_AUDIENCES, EVENT_LIMITS, EVENT_READ_LIMITS, EVENT_STATUSES, EVENT_TYPES, QUESTION_KINDS, REGISTRATION_MODES,
  REGISTRATION_STATUSES, SERIES_KINDS, VENUE_ACCESSIBILITY,
} from './events.js';
import { PersonalWrite } from './forms.schema.js';
import { isLocalDate, isLocalDateTime } from './time.js';

/** Form fields arrive as '' when left empty: treat that as "not given". */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable()).default(null);
const httpUrl = z.url({ protocol: /^https?$/ }).max(EVENT_LIMITS.url);
const optionalUrl = z.preprocess(blankToNull, httpUrl.nullable()).default(null);

/** Warsaw wall-clock time, `2027-03-28T10:00`, or a date, `2027-03-28`, for all-day events. */
const LocalDateTime = z.localDateTime({ message: 'Use a real Warsaw time, YYYY-MM-DDTHH:mm (00:00–23:59)' });
const LocalDateOrTime = z.localDateOrTime({ message: 'Use a real day YYYY-MM-DD or Warsaw time YYYY-MM-DDTHH:mm' });

const Translation = z.object({ title: optionalText(EVENT_LIMITS.title), description: optionalText(EVENT_LIMITS.description) });
const Translations = z.object({ en: Translation.optional(), uk: Translation.optional() }).default({});

export const Point = z
  .object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) })
  .refine((p) => isInKrakow(p.lon, p.lat), { message: 'The point must lie within Kraków' });

export const Venue = z
  .object({
    name: z.displayName().trim().min(2).max(EVENT_LIMITS.venueName),
    address: optionalText(EVENT_LIMITS.address),
    point: Point.nullable().default(null),
    district: z.number().int().min(1).max(18).nullable().default(null),
    accessibility: z.array(z.enum(VENUE_ACCESSIBILITY)).max(VENUE_ACCESSIBILITY.length).default([]),
  })
  .meta({ id: 'EventVenue' });
export type Venue = z.output<typeof Venue>;

export const Organiser = z
  .object({
    name: z.displayName().trim().min(2).max(EVENT_LIMITS.organiser),
    /** The organisation's entry on the map, when it has one. */
    organisationId: z.preprocess(blankToNull, z.string().max(64).nullable()).default(null),
  })
  .meta({ id: 'EventOrganiser' });

const LocalizedLabel = z.object({ pl: z.string().trim().min(1).max(EVENT_LIMITS.questionLabel), en: optionalText(EVENT_LIMITS.questionLabel), uk: optionalText(EVENT_LIMITS.questionLabel) });

/** A custom question on the registration form. `choice` and `multi` need options. */
export const Question = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'A short slug: lower-case letters, digits, hyphens'),
    kind: z.enum(QUESTION_KINDS),
    label: LocalizedLabel,
    required: z.boolean().default(false),
    options: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), label: LocalizedLabel })).max(EVENT_LIMITS.options).default([]),
  })
  .superRefine((q, ctx) => {
    if ((q.kind === 'choice' || q.kind === 'multi') && q.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'A choice needs at least two options' });
    if (new Set(q.options.map((o) => o.id)).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'Option ids must differ' });
  })
  .meta({ id: 'EventQuestion' });
export type Question = z.output<typeof Question>;

/** Registration settings of an event, or of a series registered as a whole. */
export const RegistrationSettings = z
  .object({
    /** Places; null is unlimited. */
    capacity: z.number().int().min(1).max(EVENT_LIMITS.capacity).nullable().default(null),
    waitingList: z.boolean().default(true),
    /** Last moment to register (Warsaw time); without it, registration closes when the (first) session starts. */
    deadline: z.preprocess(blankToNull, LocalDateTime.nullable()).default(null),
    questions: z.array(Question).max(EVENT_LIMITS.questions).default([]),
    /** Offer the access-needs checklist (PJM interpreter, induction loop …). */
    askAccessNeeds: z.boolean().default(true),
  })
  .superRefine((r, ctx) => {
    if (new Set(r.questions.map((q) => q.id)).size !== r.questions.length) ctx.addIssue({ code: 'custom', path: ['questions'], message: 'Question ids must differ' });
  })
  .meta({ id: 'RegistrationSettings' });
export type RegistrationSettings = z.output<typeof RegistrationSettings>;

const eventFields = {
  title: z.string().trim().min(3).max(EVENT_LIMITS.title),
  description: z.string().trim().max(EVENT_LIMITS.description).default(''),
  translations: Translations,
  type: z.enum(EVENT_TYPES),
  allDay: z.boolean().default(false),
  /** Warsaw time. All-day events give dates, and `end` is the last day (inclusive). */
  start: LocalDateOrTime,
  end: LocalDateOrTime,
  venue: Venue.nullable().default(null),
  onlineUrl: optionalUrl,
  organiser: Organiser,
  languages: z.array(z.enum(SERVICE_LANGUAGES)).min(1).max(SERVICE_LANGUAGES.length).default(['pl']),
  audience: z.array(z.enum(EVENT_AUDIENCES)).max(EVENT_AUDIENCES.length).default([]),
  free: z.boolean().default(true),
  priceNote: optionalText(EVENT_LIMITS.priceNote),
  /** More information (the organiser's page). */
  infoUrl: optionalUrl,
};

type EventFields = { allDay: boolean; start: string; end: string; venue: unknown; onlineUrl: string | null };
/** Times that make sense, and a place to be: a venue, an online link, or both. */
export function checkEventFields(e: EventFields, ctx: z.RefinementCtx): void {
  const dates = isLocalDate(e.start) && isLocalDate(e.end);
  const times = isLocalDateTime(e.start) && isLocalDateTime(e.end);
  if (e.allDay && !dates) ctx.addIssue({ code: 'custom', path: ['start'], message: 'An all-day event takes dates (YYYY-MM-DD)' });
  else if (!e.allDay && !times) ctx.addIssue({ code: 'custom', path: ['start'], message: 'Give a start and an end time (YYYY-MM-DDTHH:mm)' });
  else if (e.allDay ? e.end < e.start : e.end <= e.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'The end must come after the start' });
  if (!e.venue && !e.onlineUrl) ctx.addIssue({ code: 'custom', path: ['venue'], message: 'Give a venue, an online link, or both' });
}

/** What staff create and edit (and, without `registration`, what NGOs submit). */
export const EventInput = z
  .object({
    ...eventFields,
    seriesId: z.preprocess(blankToNull, z.string().max(64).nullable()).default(null),
    status: z.enum(EVENT_STATUSES).default('published'),
    /** `series` takes the places of the series; the event itself then has no settings of its own. */
    registrationMode: z.enum(REGISTRATION_MODES).default('none'),
    registration: RegistrationSettings.default(RegistrationSettings.parse({})),
  })
  .superRefine((e, ctx) => {
    checkEventFields(e, ctx);
    if (e.registrationMode === 'series' && !e.seriesId) ctx.addIssue({ code: 'custom', path: ['registrationMode'], message: 'Series registration needs a series' });
  })
  .meta({ id: 'EventInput' });
export type EventInput = z.output<typeof EventInput>;

export const SeriesInput = z
  .object({
    kind: z.enum(SERIES_KINDS),
    title: z.string().trim().min(3).max(EVENT_LIMITS.title),
    description: z.string().trim().max(EVENT_LIMITS.description).default(''),
    translations: Translations,
    organiser: Organiser,
    /** A cycle registered as a whole holds the places; each session may still be skipped. */
    registrationMode: z.enum(['none', 'series']).default('none'),
    registration: RegistrationSettings.default(RegistrationSettings.parse({})),
    /** Percent of the sessions held that earns a certificate; null: no certificate. */
    attendancePercent: z.number().int().min(1).max(100).nullable().default(DEFAULT_ATTENDANCE_PERCENT),
  })
  .meta({ id: 'SeriesInput' });
export type SeriesInput = z.output<typeof SeriesInput>;

const TranslationOut = z.object({ title: z.string().nullable(), description: z.string().nullable() }).partial();

/** Public registration state of an event or series. */
export const RegistrationInfo = z
  .object({
    mode: z.enum(REGISTRATION_MODES),
    capacity: z.number().nullable(),
    placesLeft: z.number().nullable(),
    waitingList: z.boolean(),
    waiting: z.number(),
    /** ISO instant; null: until the start. */
    deadline: z.string().nullable(),
    open: z.boolean(),
    questions: z.array(Question),
    askAccessNeeds: z.boolean(),
  })
  .meta({ id: 'RegistrationInfo' });
export type RegistrationInfo = z.infer<typeof RegistrationInfo>;

/** A calendar item as the public API serves it. Times are ISO instants; `startLocal`/`endLocal` are Warsaw wall time. */
export const CalendarEvent = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    translations: z.record(z.string(), TranslationOut),
    type: z.enum(EVENT_TYPES),
    status: z.enum(EVENT_STATUSES),
    allDay: z.boolean(),
    startsAt: z.string(),
    endsAt: z.string(),
    /** Warsaw wall time (`YYYY-MM-DDTHH:mm`, or `YYYY-MM-DD` when all-day, with `endLocal` the last day). */
    startLocal: z.string(),
    endLocal: z.string(),
    venue: z
      .object({ name: z.string(), address: z.string().nullable(), point: z.object({ lon: z.number(), lat: z.number() }).nullable(), district: z.number().nullable(), accessibility: z.array(z.enum(VENUE_ACCESSIBILITY)) })
      .nullable(),
    onlineUrl: z.string().nullable(),
    organiser: z.object({ name: z.string(), organisationId: z.string().nullable() }),
    languages: z.array(z.string()),
    audience: z.array(z.enum(EVENT_AUDIENCES)),
    free: z.boolean(),
    priceNote: z.string().nullable(),
    infoUrl: z.string().nullable(),
    series: z.object({ id: z.string(), kind: z.enum(SERIES_KINDS), title: z.string(), position: z.number(), sessions: z.number() }).nullable(),
    registration: RegistrationInfo,
    /** Bumped on every change; the iCalendar SEQUENCE. */
    sequence: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CalendarEvent' });
export type CalendarEvent = z.infer<typeof CalendarEvent>;

export const CalendarSeries = z
  .object({
    id: z.string(),
    kind: z.enum(SERIES_KINDS),
    title: z.string(),
    description: z.string(),
    translations: z.record(z.string(), TranslationOut),
    organiser: z.object({ name: z.string(), organisationId: z.string().nullable() }),
    attendancePercent: z.number().nullable(),
    registration: RegistrationInfo,
    sessions: z.array(CalendarEvent),
  })
  .meta({ id: 'CalendarSeries' });
export type CalendarSeries = z.infer<typeof CalendarSeries>;

const csvList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(item).max(40));
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
/** A civil date in a query (`YYYY-MM-DD`, a real day of the calendar). */
export const QueryDate = z.localDate({ message: 'Use a real day, YYYY-MM-DD' });

/** Filters shared by the list and its iCalendar and RSS feeds, so that "subscribe to what I see" is exact. */
export const EventFilters = z.object({
  from: QueryDate.optional().meta({ description: 'First day (Warsaw), inclusive; default today' }),
  to: QueryDate.optional().meta({ description: 'Last day (Warsaw), inclusive' }),
  type: csvList(z.enum(EVENT_TYPES)).optional(),
  district: csvList(z.coerce.number().int().min(1).max(18)).optional(),
  organiser: z.string().trim().max(64).optional().meta({ description: 'The organiser’s map organisation id' }),
  audience: csvList(z.enum(EVENT_AUDIENCES)).optional(),
  online: bool.optional().meta({ description: 'true: only events with an online link; false: only events without one' }),
  accessible: bool.optional().meta({ description: 'true: only venues with step-free access' }),
  series: z.string().trim().max(64).optional(),
  q: z.string().trim().max(EVENT_LIMITS.q).optional().meta({ description: 'Words to find; diacritics are folded and each word matches as a prefix' }),
});
export type EventFilters = z.infer<typeof EventFilters>;

export const REGISTRATION_STATUS = z.enum(REGISTRATION_STATUSES);
export const ACCESS_NEED = z.enum(ACCESS_NEEDS);
export const EVENT_LANG = z.enum(LANGS);

const Answer = z.union([z.string().trim().max(EVENT_LIMITS.answer), z.array(z.string().max(40)).max(EVENT_LIMITS.options), z.boolean()]);

/** A registration for an event, or (when the event registers through its cycle) for the whole cycle. */
export const RegistrationInput = PersonalWrite.extend({
  organisation: optionalText(EVENT_LIMITS.organiser),
  /** Answers to the custom questions, by question id; checked against the questions of the list. */
  answers: z.record(z.string().max(40), Answer).default({}),
  accessNeeds: z.array(ACCESS_NEED).max(ACCESS_NEEDS.length).default([]),
  accessNote: optionalText(EVENT_LIMITS.accessNote),
  /** Sessions of a cycle this person will not attend (ids). */
  skipSessions: z.array(z.string().max(64)).max(EVENT_LIMITS.sessions).default([]),
}).meta({ id: 'RegistrationInput' });
export type RegistrationInput = z.output<typeof RegistrationInput>;

/** What a registrant may change later, through the self-service link. */
export const RegistrationChange = z
  .object({
    token: z.string().min(20).max(128),
    answers: z.record(z.string().max(40), Answer).optional(),
    accessNeeds: z.array(ACCESS_NEED).max(ACCESS_NEEDS.length).optional(),
    accessNote: optionalText(EVENT_LIMITS.accessNote).optional(),
    skipSessions: z.array(z.string().max(64)).max(EVENT_LIMITS.sessions).optional(),
  })
  .meta({ id: 'RegistrationChange' });

export const RegistrationAccepted = z.object({ id: z.string(), status: z.literal('unconfirmed') }).meta({ id: 'RegistrationAccepted' });

/** A registration as its holder sees it through the self-service link. */
export const RegistrationView = z
  .object({
    id: z.string(),
    status: z.enum(REGISTRATION_STATUSES),
    /** Place on the waiting list (1 is next), when waiting. */
    position: z.number().nullable(),
    offeredUntil: z.string().nullable(),
    name: z.string(),
    organisation: z.string().nullable(),
    answers: z.record(z.string(), z.unknown()),
    accessNeeds: z.array(z.enum(ACCESS_NEEDS)),
    accessNote: z.string().nullable(),
    skipSessions: z.array(z.string()),
    /** The event registered for, or the cycle's sessions. */
    events: z.array(CalendarEvent),
    seriesTitle: z.string().nullable(),
    /** Check-in code and its QR image (a PNG data URL), while the place is confirmed. */
    code: z.string().nullable(),
    qr: z.string().nullable(),
  })
  .meta({ id: 'RegistrationView' });
export type RegistrationView = z.infer<typeof RegistrationView>;

export const ConfirmResult = z
  .object({
    status: z.enum(['confirmed', 'waiting', 'full']),
    position: z.number().nullable(),
    eventId: z.string().nullable(),
    /** The self-service token, also e-mailed, so the widget can offer "cancel" at once. */
    manageToken: z.string().nullable(),
  })
  .meta({ id: 'RegistrationConfirmed' });

/** What an NGO submits for the calendar: an event without registration settings, for moderation. */
export const EventSubmissionInput = PersonalWrite.extend({
  event: z.object(eventFields).superRefine(checkEventFields),
  note: z.string().trim().max(EVENT_LIMITS.reason).default(''),
}).meta({ id: 'EventSubmissionInput' });
export type EventSubmissionInput = z.output<typeof EventSubmissionInput>;

export const CertificateVerification = z
  .object({ number: z.string(), valid: z.boolean(), holderName: z.string(), seriesTitle: z.string(), attended: z.number(), held: z.number(), issuedAt: z.string(), pdf: z.string() })
  .meta({ id: 'CertificateVerification' });

/** The list's query: the filters, plus the answer's format and language and a page. Unknown parameters are refused. */
export const EventListQuery = EventFilters.extend({
  format: z.enum(['json', 'ics', 'rss']).default('json'),
  lang: z.enum(LANGS).default('pl'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(EVENT_READ_LIMITS.offset).default(0).meta({ description: `Rows to skip, at most ${EVENT_READ_LIMITS.offset}; page further with \`after\`` }),
  after: z.string().min(1).max(300).optional().meta({ description: 'The `next` cursor of the previous page: the page after it, in time order (keyset paging; `offset` is then ignored)' }),
}).strict();

export const EventList = z
  .object({
    items: z.array(CalendarEvent),
    total: z.number(),
    totalCapped: z.boolean().meta({ description: `True when more than ${EVENT_READ_LIMITS.results} events match (then \`total\` is ${EVENT_READ_LIMITS.results})` }),
    next: z.string().nullable().meta({ description: 'Cursor of the next page (pass it as `after`), or null on the last page' }),
    from: z.string(),
    to: z.string().nullable(),
  })
  .meta({ id: 'EventList' });

// ---- Staff responses (the staff section and its fixtures are typed from these) ------------------

export const StaffListCounts = z
  .object({
    unconfirmed: z.number(), confirmed: z.number(), waiting: z.number(), offered: z.number(), cancelled: z.number(), expired: z.number(),
    capacity: z.number().nullable(), taken: z.number(),
    /** People holding a place who need each kind of support: `{ pjm: 2, … }`. */
    accessNeeds: z.record(z.enum(ACCESS_NEEDS), z.number()),
  })
  .nullable()
  .meta({ id: 'StaffListCounts' });

export const StaffEventItem = CalendarEvent.extend({ counts: StaffListCounts }).meta({ id: 'StaffEventItem' });

/** A series in the staff list: its sessions' span and, when the cycle registers as a whole, its counts. */
export const StaffSeriesItem = z
  .object({
    id: z.string(),
    kind: z.enum(SERIES_KINDS),
    title: z.string(),
    organiser: z.object({ name: z.string(), organisationId: z.string().nullable() }),
    registrationMode: z.enum(['none', 'series']),
    attendancePercent: z.number().nullable(),
    sessions: z.number(),
    /** ISO instants of the first session's start and the last one's end; null without sessions. */
    firstStart: z.string().nullable(),
    lastEnd: z.string().nullable(),
    counts: StaffListCounts,
  })
  .meta({ id: 'StaffEventSeriesItem' });

/** One series as the staff form edits it: the stored input, and its sessions of every status. */
export const StaffSeriesDetail = z
  .object({ series: StaffSeriesItem, input: SeriesInput, sessions: z.array(CalendarEvent) })
  .meta({ id: 'StaffEventSeriesDetail' });

export const EventConflict = z.object({ id: z.string(), title: z.string(), startsAt: z.string(), reasons: z.array(z.enum(['same_day', 'same_district', 'same_audience'])) });

export const StaffSubmission = z
  .object({ id: z.string(), submitter: z.object({ name: z.string(), email: z.string() }), note: z.string(), createdAt: z.string(), event: CalendarEvent, conflicts: z.array(EventConflict) })
  .meta({ id: 'StaffEventSubmission' });

/** One registration as staff see it: the queue, the check-in of this session, the answers and access needs. */
export const StaffRegistration = z
  .object({
    id: z.string(), name: z.string(), email: z.string(), organisation: z.string().nullable(), status: z.enum(REGISTRATION_STATUSES),
    queueNo: z.number().nullable(), offeredUntil: z.string().nullable(), code: z.string(),
    accessNeeds: z.array(z.enum(ACCESS_NEEDS)), accessNote: z.string().nullable(), answers: z.record(z.string(), z.unknown()),
    /** The person opted out of this session of the cycle. */
    skips: z.boolean(),
    checkedInAt: z.string().nullable(),
  })
  .meta({ id: 'StaffEventRegistration' });

export const StaffRegistrations = z.object({ counts: StaffListCounts, items: z.array(StaffRegistration) }).meta({ id: 'StaffEventRegistrations' });

export const CheckInResult = z
  .object({ status: z.enum(['checked_in', 'already']), registrationId: z.string(), name: z.string(), checkedInAt: z.string() })
  .meta({ id: 'EventCheckInResult' });
