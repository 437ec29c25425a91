import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { EventAudience, EventStatus, RegistrationMode, VenueAccessibility } from '../../common/events.js';
import { EVENT_READ_LIMITS, placesLeft, registrationOpen } from '../../common/events.js';
import type { CalendarEvent, EventFilters, EventInput, Question, RegistrationInfo, RegistrationSettings, SeriesInput } from '../../common/events.schema.js';
import { queryPrefixes, searchTokens } from '../../common/search.js';
import { tokenMatchIds } from '../core/token-search.js';
import { isPostgres } from '../db/database.js';
import { ApiError, validationError } from '../core/errors.js';
import { bumpDataVersion, dataVersion } from '../core/cache.js';
import { newId, nowIso } from '../core/ids.js';
import { kindChanges, retireOptions, retireQuestions, type RetiredOptions } from './events.questions.js';
import type { CalendarEventTable, EventPlacesTable, EventSeriesTable } from './events.table.js';
import { encodeCursor, type KeysetCursor } from '../core/cursor.js';
import { addDays, isLocalDate, utcToWarsawLocal, warsawDateOf, warsawLocalToUtc, warsawMidnight } from '../../common/time.js';

type Db = Kysely<Database> | Transaction<Database>;
export type EventRow = CalendarEventTable;
export type SeriesRow = EventSeriesTable;
export type PlacesRow = EventPlacesTable;

/** The module's data version: bumped on every change the public can see (events, places, waiting lists). */
export const eventsVersion = (db: Db) => dataVersion(db, 'events');
export const bumpEventsVersion = (db: Db) => bumpDataVersion(db, 'events');

/** Runs `fn` in a transaction, or in the caller's when `db` already is one. */
export const inTransaction = <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? fn(db) : db.transaction().execute(fn));

/** Warsaw wall time (or, for all-day events, dates with an inclusive last day) → the stored UTC interval. */
export function storedInterval(e: { allDay: boolean; start: string; end: string }): { startsAt: string; endsAt: string } {
  if (e.allDay) return { startsAt: warsawMidnight(e.start), endsAt: warsawMidnight(addDays(e.end, 1)) };
  return { startsAt: warsawLocalToUtc(e.start), endsAt: warsawLocalToUtc(e.end) };
}

/** The Warsaw wall-time form of a stored interval, as the input and the public output give it. */
export function localInterval(r: { all_day: number; starts_at: string; ends_at: string }): { start: string; end: string } {
  if (r.all_day) return { start: warsawDateOf(r.starts_at), end: addDays(warsawDateOf(r.ends_at), -1) };
  return { start: utcToWarsawLocal(r.starts_at), end: utcToWarsawLocal(r.ends_at) };
}

const placesValues = (s: RegistrationSettings) => ({
  capacity: s.capacity,
  waiting_list: (s.waitingList ? 1 : 0) as 0 | 1,
  deadline_at: s.deadline ? warsawLocalToUtc(s.deadline) : null,
  questions: JSON.stringify(s.questions),
  ask_access_needs: (s.askAccessNeeds ? 1 : 0) as 0 | 1,
});

async function writePlaces(db: Db, placesId: string | null, s: RegistrationSettings): Promise<string> {
  if (placesId) {
    const row = await db.selectFrom('event_places').select(['questions', 'retired_questions', 'retired_options']).where('id', '=', placesId).executeTakeFirst();
    const before = row ? (JSON.parse(row.questions) as Question[]) : [];
    const retired = row ? (JSON.parse(row.retired_questions) as Question[]) : [];
    const issues = kindChanges(before, retired, s.questions);
    if (issues.length) throw validationError(issues);
    await db
      .updateTable('event_places')
      .set({
        ...placesValues(s),
        retired_questions: JSON.stringify(retireQuestions(before, retired, s.questions)),
        retired_options: JSON.stringify(retireOptions(before, retired, row ? (JSON.parse(row.retired_options) as RetiredOptions) : {}, s.questions)),
      })
      .where('id', '=', placesId)
      .execute();
    return placesId;
  }
  const id = newId();
  await db.insertInto('event_places').values({ id, taken: 0, ...placesValues(s), retired_questions: '[]', retired_options: '{}' }).execute();
  return id;
}

const tokensOf = (e: EventInput) =>
  searchTokens([e.title, e.translations.en?.title, e.translations.uk?.title, e.organiser.name, e.venue?.name, e.venue?.address].filter(Boolean).join(' '));

async function writeTokens(db: Db, id: string, e: EventInput) {
  await db.deleteFrom('calendar_event_token').where('event_id', '=', id).execute();
  const tokens = tokensOf(e);
  if (tokens.length) await db.insertInto('calendar_event_token').values(tokens.map((token) => ({ token, event_id: id }))).execute();
}

function eventValues(e: EventInput) {
  const { startsAt, endsAt } = storedInterval(e);
  return {
    series_id: e.seriesId,
    title: e.title,
    description: e.description,
    translations: JSON.stringify(e.translations),
    type: e.type,
    status: e.status,
    all_day: (e.allDay ? 1 : 0) as 0 | 1,
    starts_at: startsAt,
    ends_at: endsAt,
    venue_name: e.venue?.name ?? null,
    address: e.venue?.address ?? null,
    lon: e.venue?.point?.lon ?? null,
    lat: e.venue?.point?.lat ?? null,
    district: e.venue?.district ?? null,
    accessibility: JSON.stringify(e.venue?.accessibility ?? []),
    step_free: (e.venue?.accessibility.includes('stepFree') ? 1 : 0) as 0 | 1,
    online_url: e.onlineUrl,
    organiser_name: e.organiser.name,
    organisation_id: e.organiser.organisationId,
    languages: JSON.stringify(e.languages),
    audience: JSON.stringify(e.audience),
    free: (e.free ? 1 : 0) as 0 | 1,
    price_note: e.priceNote,
    info_url: e.infoUrl,
    registration_mode: e.registrationMode,
  };
}

/** Which places an event uses: its own (created or kept), its series', or none. */
async function placesFor(db: Db, e: EventInput, current: EventRow | null): Promise<string | null> {
  if (e.registrationMode === 'none') return null;
  if (e.registrationMode === 'series') {
    const series = e.seriesId ? await findSeriesRow(db, e.seriesId) : undefined;
    if (!series?.places_id || series.registration_mode !== 'series') {
      throw new ApiError(422, 'validation_failed', 'This series takes no registration of its own', { issues: [{ path: 'registrationMode', code: 'invalid', message: 'The series takes no registration' }] });
    }
    return series.places_id;
  }
  const own = current && current.registration_mode === 'event' ? current.places_id : null;
  return writePlaces(db, own, e.registration);
}

async function checkSeries(db: Db, seriesId: string | null) {
  if (seriesId && !(await findSeriesRow(db, seriesId))) {
    throw new ApiError(422, 'validation_failed', 'Unknown series', { issues: [{ path: 'seriesId', code: 'invalid', message: 'No such series' }] });
  }
}

export async function insertEvent(db: Db, e: EventInput, opts: { createdBy: string | null; id?: string } = { createdBy: null }): Promise<string> {
  const id = opts.id ?? newId();
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await checkSeries(trx, e.seriesId);
    const placesId = await placesFor(trx, e, null);
    await trx.insertInto('calendar_event').values({ id, ...eventValues(e), places_id: placesId, sequence: 0, cancel_reason: null, cancelled_at: null, created_by: opts.createdBy, created_at: now, updated_at: now }).execute();
    await writeTokens(trx, id, e);
    await bumpEventsVersion(trx);
  });
  return id;
}

/** Saves an edit; the SEQUENCE goes up so subscribed calendars replace their copy. */
export async function updateEvent(db: Db, id: string, e: EventInput): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await findEventRow(trx, id);
    if (!current) throw new ApiError(404, 'not_found', 'Event not found');
    await checkSeries(trx, e.seriesId);
    const placesId = await placesFor(trx, e, current);
    await trx
      .updateTable('calendar_event')
      .set((eb) => ({ ...eventValues(e), places_id: placesId, sequence: eb('sequence', '+', 1), updated_at: nowIso() }))
      .where('id', '=', id)
      .execute();
    await writeTokens(trx, id, e);
    await bumpEventsVersion(trx);
  });
}

export async function setEventStatus(db: Db, id: string, status: EventStatus, reason: string | null = null): Promise<void> {
  const now = nowIso();
  await db
    .updateTable('calendar_event')
    .set((eb) => ({ status, sequence: eb('sequence', '+', 1), updated_at: now, ...(status === 'cancelled' ? { cancelled_at: now, cancel_reason: reason } : {}) }))
    .where('id', '=', id)
    .execute();
  await bumpEventsVersion(db);
}

export async function insertSeries(db: Db, s: SeriesInput, opts: { id?: string } = {}): Promise<string> {
  const id = opts.id ?? newId();
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    const placesId = s.registrationMode === 'series' ? await writePlaces(trx, null, s.registration) : null;
    await trx.insertInto('event_series').values({ id, ...seriesValues(s), places_id: placesId, created_at: now, updated_at: now }).execute();
    await bumpEventsVersion(trx);
  });
  return id;
}

export async function updateSeries(db: Db, id: string, s: SeriesInput): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await findSeriesRow(trx, id);
    if (!current) throw new ApiError(404, 'not_found', 'Series not found');
    const placesId = s.registrationMode === 'series' ? await writePlaces(trx, current.places_id, s.registration) : current.places_id;
    await trx.updateTable('event_series').set({ ...seriesValues(s), places_id: placesId, updated_at: nowIso() }).where('id', '=', id).execute();
    // Sessions show the series' title: their SEQUENCE moves too.
    await trx.updateTable('calendar_event').set((eb) => ({ sequence: eb('sequence', '+', 1) })).where('series_id', '=', id).execute();
    await bumpEventsVersion(trx);
  });
}

const seriesValues = (s: SeriesInput) => ({
  kind: s.kind,
  title: s.title,
  description: s.description,
  translations: JSON.stringify(s.translations),
  organiser_name: s.organiser.name,
  organisation_id: s.organiser.organisationId,
  registration_mode: s.registrationMode,
  attendance_percent: s.kind === 'cycle' ? s.attendancePercent : null,
});

export const findEventRow = (db: Db, id: string) => db.selectFrom('calendar_event').selectAll().where('id', '=', id).executeTakeFirst();
export const findSeriesRow = (db: Db, id: string) => db.selectFrom('event_series').selectAll().where('id', '=', id).executeTakeFirst();
export const findPlacesRow = (db: Db, id: string) => db.selectFrom('event_places').selectAll().where('id', '=', id).executeTakeFirst();

/** Every series (or the one `id`) with the count and span of its sessions (any status), by title; at most `limit`. */
export const findSeriesSummaries = (db: Db, opts: { id?: string; limit?: number } = {}) =>
  db
    .selectFrom('event_series as s')
    .$if(opts.id !== undefined, (qb) => qb.where('s.id', '=', opts.id!))
    .leftJoin('calendar_event as e', 'e.series_id', 's.id')
    .select((eb) => [
      's.id', 's.kind', 's.title', 's.organiser_name', 's.organisation_id', 's.registration_mode', 's.attendance_percent', 's.places_id',
      eb.fn.count<number | string>('e.id').as('sessions'), eb.fn.min('e.starts_at').as('first_start'), eb.fn.max('e.ends_at').as('last_end'),
    ])
    .groupBy(['s.id', 's.kind', 's.title', 's.organiser_name', 's.organisation_id', 's.registration_mode', 's.attendance_percent', 's.places_id'])
    .orderBy('s.title')
    .orderBy('s.id')
    .limit(opts.limit ?? 500)
    .execute();

/** The stored series as the staff form edits it. */
export async function toSeriesInput(db: Db, r: SeriesRow): Promise<SeriesInput> {
  const places = r.registration_mode === 'series' && r.places_id ? await findPlacesRow(db, r.places_id) : undefined;
  return {
    kind: r.kind, title: r.title, description: r.description, translations: JSON.parse(r.translations), organiser: { name: r.organiser_name, organisationId: r.organisation_id },
    registrationMode: r.registration_mode, attendancePercent: r.attendance_percent,
    registration: places ? settingsOf(places) : { capacity: null, waitingList: true, deadline: null, questions: [], askAccessNeeds: true },
  };
}

/** Sessions of a series in time order (every status: callers filter). */
export const findSessions = (db: Db, seriesId: string) =>
  db.selectFrom('calendar_event').selectAll().where('series_id', '=', seriesId).orderBy('starts_at').orderBy('id').execute();

/** The stored event as the staff form edits it. */
export async function toEventInput(db: Db, r: EventRow): Promise<EventInput> {
  const places = r.registration_mode === 'event' && r.places_id ? await findPlacesRow(db, r.places_id) : undefined;
  const { start, end } = localInterval(r);
  return {
    title: r.title, description: r.description, translations: JSON.parse(r.translations), type: r.type, allDay: !!r.all_day, start, end,
    venue: r.venue_name
      ? { name: r.venue_name, address: r.address, point: r.lon !== null && r.lat !== null ? { lon: Number(r.lon), lat: Number(r.lat) } : null, district: r.district, accessibility: JSON.parse(r.accessibility) }
      : null,
    onlineUrl: r.online_url, organiser: { name: r.organiser_name, organisationId: r.organisation_id }, languages: JSON.parse(r.languages), audience: JSON.parse(r.audience),
    free: !!r.free, priceNote: r.price_note, infoUrl: r.info_url, seriesId: r.series_id, status: r.status, registrationMode: r.registration_mode,
    registration: places ? settingsOf(places) : { capacity: null, waitingList: true, deadline: null, questions: [], askAccessNeeds: true },
  };
}

export const settingsOf = (p: PlacesRow): RegistrationSettings => ({
  capacity: p.capacity, waitingList: !!p.waiting_list, deadline: p.deadline_at ? utcToWarsawLocal(p.deadline_at) : null, questions: JSON.parse(p.questions) as Question[], askAccessNeeds: !!p.ask_access_needs,
});

// ---- Public list ------------------------------------------------------------------------------

type EventQuery = SelectQueryBuilder<Database, 'calendar_event', {}>;
export const PUBLIC_STATUSES: EventStatus[] = ['published', 'cancelled'];

/**
 * The public filters: every filter narrows (AND), values within one filter widen (OR). `from` and
 * `to` are Warsaw days (inclusive): an event is in when it overlaps them. Without `from`, today.
 */
export function applyEventFilters<Q extends EventQuery>(qb: Q, f: EventFilters, now: Date, statuses: EventStatus[] = PUBLIC_STATUSES): Q {
  const from = f.from && isLocalDate(f.from) ? f.from : warsawDateOf(now);
  let q = qb.where('calendar_event.status', 'in', statuses).where('calendar_event.ends_at', '>', warsawMidnight(from)) as Q;
  if (f.to) q = q.where('calendar_event.starts_at', '<', warsawMidnight(addDays(f.to, 1))) as Q;
  if (f.type?.length) q = q.where('calendar_event.type', 'in', f.type) as Q;
  if (f.district?.length) q = q.where('calendar_event.district', 'in', f.district) as Q;
  if (f.organiser) q = q.where('calendar_event.organisation_id', '=', f.organiser) as Q;
  if (f.series) q = q.where('calendar_event.series_id', '=', f.series) as Q;
  if (f.audience?.length) {
    const list = f.audience;
    // JSON arrays of fixed slugs: a quoted match is exact on both dialects.
    q = q.where((eb) => eb.or(list.map((a) => eb('calendar_event.audience', 'like', `%"${a}"%`)))) as Q;
  }
  if (f.online === true) q = q.where('calendar_event.online_url', 'is not', null) as Q;
  if (f.online === false) q = q.where('calendar_event.online_url', 'is', null) as Q;
  if (f.accessible) q = q.where('calendar_event.step_free', '=', 1) as Q;
  return q;
}

/**
 * The words an events search looks for: folded, at most `EVENT_READ_LIMITS.qTerms`; one-letter
 * words are left out (`a`, `w`, `z` match a prefix of a large share of all tokens and narrow nothing).
 */
export const eventSearchWords = (q: string | undefined): string[] => queryPrefixes(q ?? '', { max: 50 }).filter((w) => w.length > 1).slice(0, EVENT_READ_LIMITS.qTerms);

/**
 * The events matching the filters, as a query over `calendar_event`. A search is driven from its
 * words' token ranges (intersected, then each event read by key) in a join order the planner cannot
 * turn around: a `CROSS JOIN` on SQLite, a `LATERAL … OFFSET 0` on PostgreSQL, which otherwise,
 * with stale statistics, walked the events and probed the token range once per row. Without a
 * search the filters run over the time index.
 */
export function matchingEvents(db: Db, f: EventFilters, now: Date, statuses: EventStatus[] = PUBLIC_STATUSES): EventQuery {
  const words = eventSearchWords(f.q);
  if (!words.length) return applyEventFilters(db.selectFrom('calendar_event') as EventQuery, f, now, statuses);
  const ids = tokenMatchIds(db, 'calendar_event_token', 'event_id', words);
  if (isPostgres(db)) {
    return db
      .selectFrom(ids.as('c'))
      .crossJoinLateral((eb) => applyEventFilters(eb.selectFrom('calendar_event').selectAll('calendar_event').whereRef('calendar_event.id', '=', 'c.id') as unknown as EventQuery, f, now, statuses).offset(0).as('calendar_event')) as unknown as EventQuery;
  }
  return applyEventFilters(db.selectFrom(ids.as('c')).crossJoin('calendar_event').whereRef('calendar_event.id', '=', 'c.id') as unknown as EventQuery, f, now, statuses);
}

export interface EventListOptions { limit: number; offset?: number; after?: KeysetCursor; statuses?: EventStatus[]; countCap?: number }

/**
 * The queries behind one list read: the count of matches up to `countCap + 1` and the page of
 * rows in time order (one more than `limit`, to tell whether a next page exists). Exported for the
 * plan test (`tests/read-plans.test.ts`), which checks their plans at city scale.
 */
export function eventListQueries(db: Db, f: EventFilters, now: Date, opts: EventListOptions) {
  const base = matchingEvents(db, f, now, opts.statuses);
  const cap = opts.countCap ?? EVENT_READ_LIMITS.results;
  const count = db.selectFrom(base.select('calendar_event.id').limit(cap + 1).as('m')).select((eb) => eb.fn.countAll<number>().as('n'));
  const after = opts.after;
  const page = after
    ? base.where((eb) => eb.or([eb('calendar_event.starts_at', '>', after.key), eb.and([eb('calendar_event.starts_at', '=', after.key), eb('calendar_event.id', '>', after.id)])]))
    : base;
  const rows = page.selectAll('calendar_event').orderBy('calendar_event.starts_at').orderBy('calendar_event.id').limit(opts.limit + 1).offset(after ? 0 : (opts.offset ?? 0));
  return { count, rows, cap };
}

/**
 * Matching events in time order, at most `limit`: after `after` (keyset: the page costs an index
 * range however deep it is), else from `offset`. The total counts at most `countCap` matches
 * (`totalCapped` past it), so a broad filter never costs a count of every row; `next` is the
 * cursor of the page after this one.
 */
export async function findEventRows(db: Db, f: EventFilters, now: Date, opts: EventListOptions) {
  const q = eventListQueries(db, f, now, opts);
  const { n } = await q.count.executeTakeFirstOrThrow();
  const rows = await q.rows.execute();
  const more = rows.length > opts.limit;
  if (more) rows.pop();
  const last = rows.at(-1);
  return { total: Math.min(Number(n), q.cap), totalCapped: Number(n) > q.cap, next: more && last ? encodeCursor({ key: last.starts_at, id: last.id }) : null, rows };
}

// ---- Output -----------------------------------------------------------------------------------

export interface EventContext {
  places: Map<string, PlacesRow>;
  waiting: Map<string, number>;
  series: Map<string, SeriesRow & { sessions: string[] }>;
  /** First session start per series: registration for a whole cycle closes when it begins. */
  seriesStart: Map<string, string>;
}

/** Loads what the output of `rows` needs (places, waiting counts, series) in a few queries. */
export async function loadContext(db: Db, rows: EventRow[]): Promise<EventContext> {
  const seriesIds = [...new Set(rows.map((r) => r.series_id).filter((x): x is string => !!x))];
  const seriesRows = seriesIds.length ? await db.selectFrom('event_series').selectAll().where('id', 'in', seriesIds).execute() : [];
  const sessions = seriesIds.length
    ? await db.selectFrom('calendar_event').select(['id', 'series_id', 'starts_at']).where('series_id', 'in', seriesIds).where('status', 'in', PUBLIC_STATUSES).orderBy('starts_at').orderBy('id').execute()
    : [];
  const series = new Map(seriesRows.map((s) => [s.id, { ...s, sessions: sessions.filter((x) => x.series_id === s.id).map((x) => x.id) }]));
  const seriesStart = new Map<string, string>();
  for (const s of sessions) if (s.series_id && !seriesStart.has(s.series_id)) seriesStart.set(s.series_id, s.starts_at);
  const placeIds = [...new Set([...rows.map((r) => r.places_id), ...seriesRows.map((s) => s.places_id)].filter((x): x is string => !!x))];
  const placeRows = placeIds.length ? await db.selectFrom('event_places').selectAll().where('id', 'in', placeIds).execute() : [];
  const waitingRows = placeIds.length
    ? await db.selectFrom('event_registration').select(['places_id', (eb) => eb.fn.countAll<number>().as('n')]).where('places_id', 'in', placeIds).where('status', '=', 'waiting').groupBy('places_id').execute()
    : [];
  return { places: new Map(placeRows.map((p) => [p.id, p])), waiting: new Map(waitingRows.map((w) => [w.places_id, Number(w.n)])), series, seriesStart };
}

const NO_REGISTRATION: Omit<RegistrationInfo, 'mode'> = { capacity: null, placesLeft: null, waitingList: false, waiting: 0, deadline: null, open: false, questions: [], askAccessNeeds: false };

/** Registration state of a places row; `startsAt` closes it when there is no deadline. */
export function registrationInfo(mode: RegistrationMode, p: PlacesRow | undefined, waiting: number, status: EventStatus, startsAt: string, now: Date): RegistrationInfo {
  if (mode === 'none' || !p) return { mode: 'none', ...NO_REGISTRATION };
  return {
    mode,
    capacity: p.capacity,
    placesLeft: placesLeft(p.capacity, p.taken),
    waitingList: !!p.waiting_list,
    waiting,
    deadline: p.deadline_at,
    open: registrationOpen({ status, startsAt, deadline: p.deadline_at }, now),
    questions: JSON.parse(p.questions) as Question[],
    askAccessNeeds: !!p.ask_access_needs,
  };
}

export function toCalendarEvent(r: EventRow, ctx: EventContext, now: Date): CalendarEvent {
  const series = r.series_id ? ctx.series.get(r.series_id) : undefined;
  const places = r.places_id ? ctx.places.get(r.places_id) : undefined;
  // A whole-cycle registration closes when the cycle begins, whichever session is shown.
  const closesAt = r.registration_mode === 'series' && r.series_id ? (ctx.seriesStart.get(r.series_id) ?? r.starts_at) : r.starts_at;
  const { start, end } = localInterval(r);
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    translations: JSON.parse(r.translations),
    type: r.type,
    status: r.status,
    allDay: !!r.all_day,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    startLocal: start,
    endLocal: end,
    venue: r.venue_name
      ? { name: r.venue_name, address: r.address, point: r.lon !== null && r.lat !== null ? { lon: Number(r.lon), lat: Number(r.lat) } : null, district: r.district, accessibility: JSON.parse(r.accessibility) as VenueAccessibility[] }
      : null,
    onlineUrl: r.online_url,
    organiser: { name: r.organiser_name, organisationId: r.organisation_id },
    languages: JSON.parse(r.languages),
    audience: JSON.parse(r.audience) as EventAudience[],
    free: !!r.free,
    priceNote: r.price_note,
    infoUrl: r.info_url,
    series: series ? { id: series.id, kind: series.kind, title: series.title, position: series.sessions.indexOf(r.id) + 1, sessions: series.sessions.length } : null,
    registration: registrationInfo(r.registration_mode, places, r.places_id ? (ctx.waiting.get(r.places_id) ?? 0) : 0, r.status, closesAt, now),
    sequence: r.sequence,
    updatedAt: r.updated_at,
  };
}

// ---- NGO submissions (moderation) ----------------------------------------------------------------

/** Submissions waiting for moderation (confirmed by e-mail), oldest first, at most 500. */
export const findPendingSubmissions = (db: Db) => db.selectFrom('event_submission').selectAll().where('status', '=', 'pending').orderBy('created_at').limit(500).execute();

export const findSubmission = (db: Db, id: string) => db.selectFrom('event_submission').selectAll().where('id', '=', id).executeTakeFirst();

/** Records a moderator's decision on a waiting submission; false when it no longer waits (decided meanwhile). */
export async function decideSubmission(db: Db, id: string, d: { status: 'approved' | 'rejected'; reason: string | null; by: string }): Promise<boolean> {
  const r = await db.updateTable('event_submission').set({ status: d.status, reason: d.reason, decided_at: nowIso(), decided_by: d.by }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
