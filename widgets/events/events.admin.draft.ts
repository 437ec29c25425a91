import type { z } from 'zod';
import type { FieldIssue } from '../../common/errors.js';
import type { EventInput, Question, SeriesInput } from '../../common/events.schema.js';
import { EVENT_LIMITS, type EventAudience, type EventStatus, type EventType, type QuestionKind, type RegistrationMode, type SeriesKind, type VenueAccessibility } from '../../common/events.js';
import { isLocalDate, isLocalDateTime } from '../../common/time.js';
import type { SERVICE_LANGUAGES } from '../../common/map.js';
import { checkQuestions, kindsOf, questionControl, questionsOut } from './events.admin.questions.draft.js';

type ServiceLanguage = (typeof SERVICE_LANGUAGES)[number];

/**
 * The staff forms' drafts: what the event and series editors hold as typed (strings for every
 * box), made from the stored input the API gives and turned back into the input it takes, with the
 * checks the server makes, so that the form names each faulty field before sending. Pure: no DOM.
 */
export type EventInputOut = z.output<typeof EventInput>;
export type SeriesInputOut = z.output<typeof SeriesInput>;
type Lang2 = 'en' | 'uk';

/** Registration settings as typed: shared by an event's and a cycle's form. */
export interface RegistrationDraft {
  capacity: string;
  waitingList: boolean;
  deadline: string;
  askAccessNeeds: boolean;
  questions: Question[];
  /** The kinds of the questions as stored, by id: a saved question keeps its type. */
  savedKinds: Record<string, QuestionKind>;
}

export interface EventDraft extends RegistrationDraft {
  title: string;
  description: string;
  tr: Record<Lang2, { title: string; description: string }>;
  type: EventType;
  status: EventStatus;
  allDay: boolean;
  start: string;
  end: string;
  venueName: string;
  venueAddress: string;
  district: string;
  accessibility: VenueAccessibility[];
  /** Kept as stored: the form does not place pins. */
  point: { lon: number; lat: number } | null;
  onlineUrl: string;
  organiserName: string;
  organisationId: string | null;
  languages: ServiceLanguage[];
  audience: EventAudience[];
  free: boolean;
  priceNote: string;
  infoUrl: string;
  seriesId: string;
  registrationMode: RegistrationMode;
}

export interface SeriesDraft extends RegistrationDraft {
  kind: SeriesKind;
  title: string;
  description: string;
  tr: Record<Lang2, { title: string; description: string }>;
  organiserName: string;
  organisationId: string | null;
  registrationMode: 'none' | 'series';
  attendancePercent: string;
}

/** One fault of a draft: the id of its control and what is wrong. */
export interface DraftIssue {
  field: string;
  code: 'required' | 'too_short' | 'too_long' | 'invalid_date' | 'invalid_time' | 'ends_before_start' | 'invalid_url' | 'place_needed' | 'invalid_number' | 'series_needed' | 'invalid' | 'immutable' | 'options_needed';
  min?: number;
}

const noRegistration = { capacity: '', waitingList: true, deadline: '', askAccessNeeds: true, questions: [] as Question[], savedKinds: {} };
const trOf = (t: EventInputOut['translations']) => ({
  en: { title: t.en?.title ?? '', description: t.en?.description ?? '' },
  uk: { title: t.uk?.title ?? '', description: t.uk?.description ?? '' },
});

export function emptyEventDraft(): EventDraft {
  return {
    title: '', description: '', tr: trOf({}), type: 'meeting', status: 'published', allDay: false, start: '', end: '',
    venueName: '', venueAddress: '', district: '', accessibility: [], point: null, onlineUrl: '', organiserName: '', organisationId: null,
    languages: ['pl'], audience: [], free: true, priceNote: '', infoUrl: '', seriesId: '', registrationMode: 'none', ...noRegistration,
  };
}

const registrationDraft = (r: EventInputOut['registration']): RegistrationDraft => ({
  capacity: r.capacity === null ? '' : String(r.capacity), waitingList: r.waitingList, deadline: r.deadline ?? '', askAccessNeeds: r.askAccessNeeds, questions: r.questions, savedKinds: kindsOf(r.questions),
});

export function eventDraftOf(e: EventInputOut): EventDraft {
  return {
    title: e.title, description: e.description, tr: trOf(e.translations), type: e.type, status: e.status, allDay: e.allDay, start: e.start, end: e.end,
    venueName: e.venue?.name ?? '', venueAddress: e.venue?.address ?? '', district: e.venue?.district ? String(e.venue.district) : '', accessibility: e.venue?.accessibility ?? [],
    point: e.venue?.point ?? null, onlineUrl: e.onlineUrl ?? '', organiserName: e.organiser.name, organisationId: e.organiser.organisationId,
    languages: e.languages as ServiceLanguage[], audience: e.audience, free: e.free, priceNote: e.priceNote ?? '', infoUrl: e.infoUrl ?? '', seriesId: e.seriesId ?? '', registrationMode: e.registrationMode,
    ...registrationDraft(e.registration),
  };
}

export function emptySeriesDraft(): SeriesDraft {
  return { kind: 'cycle', title: '', description: '', tr: trOf({}), organiserName: '', organisationId: null, registrationMode: 'series', attendancePercent: '80', ...noRegistration };
}

export function seriesDraftOf(s: SeriesInputOut): SeriesDraft {
  return {
    kind: s.kind, title: s.title, description: s.description, tr: trOf(s.translations), organiserName: s.organiser.name, organisationId: s.organiser.organisationId,
    registrationMode: s.registrationMode, attendancePercent: s.attendancePercent === null ? '' : String(s.attendancePercent), ...registrationDraft(s.registration),
  };
}

const blank = (s: string) => (s.trim() ? s.trim() : null);
const translations = (d: { tr: EventDraft['tr'] }) =>
  Object.fromEntries((['en', 'uk'] as const).filter((l) => d.tr[l].title.trim() || d.tr[l].description.trim()).map((l) => [l, { title: blank(d.tr[l].title), description: blank(d.tr[l].description) }]));
const registrationOf = (d: RegistrationDraft) => ({
  capacity: d.capacity.trim() ? Number(d.capacity) : null, waitingList: d.waitingList, deadline: blank(d.deadline), askAccessNeeds: d.askAccessNeeds, questions: questionsOut(d.questions),
});

/** The body of POST / PUT /v1/admin/events. */
export function eventInputOf(d: EventDraft) {
  const venue = d.venueName.trim() || d.venueAddress.trim() || d.district
    ? { name: d.venueName.trim(), address: blank(d.venueAddress), point: d.point, district: d.district ? Number(d.district) : null, accessibility: d.accessibility }
    : null;
  return {
    title: d.title.trim(), description: d.description.trim(), translations: translations(d), type: d.type, allDay: d.allDay, start: d.start, end: d.end, venue,
    onlineUrl: blank(d.onlineUrl), organiser: { name: d.organiserName.trim(), organisationId: d.organisationId }, languages: d.languages, audience: d.audience, free: d.free,
    priceNote: d.free ? null : blank(d.priceNote), infoUrl: blank(d.infoUrl), seriesId: blank(d.seriesId), status: d.status, registrationMode: d.registrationMode,
    registration: registrationOf(d),
  };
}

/** The body of POST / PUT /v1/admin/events/series. */
export function seriesInputOf(d: SeriesDraft) {
  return {
    kind: d.kind, title: d.title.trim(), description: d.description.trim(), translations: translations(d), organiser: { name: d.organiserName.trim(), organisationId: d.organisationId },
    registrationMode: d.kind === 'cycle' ? d.registrationMode : 'none', registration: registrationOf(d),
    attendancePercent: d.kind === 'cycle' && d.attendancePercent.trim() ? Number(d.attendancePercent) : null,
  };
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

function text(issues: DraftIssue[], field: string, value: string, min: number, max: number): void {
  const v = value.trim();
  if (min && !v) issues.push({ field, code: 'required' });
  else if (v && v.length < min) issues.push({ field, code: 'too_short', min });
  else if (v.length > max) issues.push({ field, code: 'too_long' });
}
const url = (issues: DraftIssue[], field: string, value: string) => value.trim() && !isHttpUrl(value.trim()) && issues.push({ field, code: 'invalid_url' });
const whole = (value: string, min: number, max: number) => /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;

function checkTexts(issues: DraftIssue[], d: EventDraft | SeriesDraft): void {
  text(issues, 'title', d.title, 3, EVENT_LIMITS.title);
  text(issues, 'description', d.description, 0, EVENT_LIMITS.description);
  for (const l of ['en', 'uk'] as const) {
    text(issues, `title-${l}`, d.tr[l].title, 0, EVENT_LIMITS.title);
    text(issues, `description-${l}`, d.tr[l].description, 0, EVENT_LIMITS.description);
  }
}
const organiser = (issues: DraftIssue[], d: EventDraft | SeriesDraft) => text(issues, 'organiser-name', d.organiserName, 2, EVENT_LIMITS.organiser);

function checkRegistration(issues: DraftIssue[], d: RegistrationDraft): void {
  if (d.capacity.trim() && !whole(d.capacity, 1, EVENT_LIMITS.capacity)) issues.push({ field: 'capacity', code: 'invalid_number' });
  if (d.deadline && !isLocalDateTime(d.deadline)) issues.push({ field: 'deadline', code: 'invalid_time' });
  issues.push(...checkQuestions(d.questions, d.savedKinds));
}

/** What the server would refuse in an event draft, field by field, in the form's order. */
export function validateEventDraft(d: EventDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  checkTexts(issues, d);
  const ok = d.allDay ? isLocalDate : isLocalDateTime;
  const bad: DraftIssue['code'] = d.allDay ? 'invalid_date' : 'invalid_time';
  for (const f of ['start', 'end'] as const) if (!ok(d[f])) issues.push({ field: f, code: d[f] ? bad : 'required' });
  if (ok(d.start) && ok(d.end) && (d.allDay ? d.end < d.start : d.end <= d.start)) issues.push({ field: 'end', code: 'ends_before_start' });
  const venue = d.venueName.trim() || d.venueAddress.trim() || d.district;
  if (venue) text(issues, 'venue-name', d.venueName, 2, EVENT_LIMITS.venueName);
  text(issues, 'venue-address', d.venueAddress, 0, EVENT_LIMITS.address);
  url(issues, 'onlineUrl', d.onlineUrl);
  if (!venue && !d.onlineUrl.trim()) issues.push({ field: 'venue-name', code: 'place_needed' });
  organiser(issues, d);
  if (!d.languages.length) issues.push({ field: 'languages', code: 'required' });
  if (!d.free) text(issues, 'priceNote', d.priceNote, 0, EVENT_LIMITS.priceNote);
  url(issues, 'infoUrl', d.infoUrl);
  if (d.registrationMode === 'series' && !d.seriesId) issues.push({ field: 'seriesId', code: 'series_needed' });
  if (d.registrationMode === 'event') checkRegistration(issues, d);
  return issues;
}

/** What the server would refuse in a series draft. */
export function validateSeriesDraft(d: SeriesDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  checkTexts(issues, d);
  organiser(issues, d);
  if (d.kind === 'cycle' && d.attendancePercent.trim() && !whole(d.attendancePercent, 1, 100)) issues.push({ field: 'attendancePercent', code: 'invalid_number' });
  if (d.kind === 'cycle' && d.registrationMode === 'series') checkRegistration(issues, d);
  return issues;
}

/** The control each path of the server's input names. */
const CONTROL: Record<string, string> = {
  'translations.en.title': 'title-en', 'translations.en.description': 'description-en', 'translations.uk.title': 'title-uk', 'translations.uk.description': 'description-uk',
  venue: 'venue-name', 'venue.name': 'venue-name', 'venue.address': 'venue-address', 'venue.district': 'district', 'venue.point': 'venue-name', 'venue.accessibility': 'accessibility',
  'organiser.name': 'organiser-name', 'organiser.organisationId': 'organiser-name', 'registration.capacity': 'capacity', 'registration.deadline': 'deadline',
  'registration.questions': 'questions', registrationMode: 'registrationMode', seriesId: 'seriesId',
};

/** The server's 422 issues as the form's: each at its control (unknown paths at the title, naming the path). */
export function issuesOfServer(issues: readonly FieldIssue[], known: ReadonlySet<string>): (DraftIssue & { path?: string })[] {
  return issues.map((i) => {
    const path = i.path.replace(/\.\d+(\.|$).*/, '');
    const field = questionControl(i.path) ?? CONTROL[i.path] ?? CONTROL[path] ?? i.path;
    const code: DraftIssue['code'] =
      i.code === 'immutable' ? 'immutable'
        : field.endsWith('-options') && i.code === 'custom' ? 'options_needed'
        : field === 'end' && i.code === 'custom' ? 'ends_before_start'
        : field === 'venue-name' && i.code === 'custom' ? 'place_needed'
          : (['required', 'too_short', 'too_long'] as string[]).includes(i.code) ? (i.code as DraftIssue['code'])
            : /url/i.test(field) && i.code === 'invalid_format' ? 'invalid_url' : 'invalid';
    return known.has(field) ? { field, code } : { field: 'title', code, path: i.path };
  });
}
