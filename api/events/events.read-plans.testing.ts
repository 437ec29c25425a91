import type { Kysely } from 'kysely';
import { EVENT_AUDIENCES, EVENT_TYPES } from '../../common/events.js';
import type { EventFilters } from '../../common/events.schema.js';
import { searchTokens } from '../../common/search.js';
import { warsawDateOf } from '../../common/time.js';
import type { Database } from '../db/schema.js';
import type { ReadPlanQuery, ReadPlanSuite } from '../core/read-plans.testing.js';
import { rng } from '../map/map.generate.js';
import { PLAN_TEST_ORGS } from '../map/map.read-plans.testing.js';
import { eventListQueries } from './events.repository.js';
import type { CalendarEventTable } from './events.table.js';

const DAY = 86_400_000;
/** The instant the plan test's events are spread around (two years back, one ahead, as a city's calendar after a few years). */
const NOW = new Date('2027-03-15T10:00:00Z');
const TITLES_A = ['Warsztaty', 'Spotkanie', 'Forum', 'Szkolenie', 'Festiwal', 'Konferencja', 'Piknik', 'Koncert', 'Debata', 'Wykład'];
const TITLES_B = ['sąsiedzkie', 'organizacji pozarządowych', 'dla seniorów', 'rowerowe', 'ekologiczne', 'teatralne', 'o budżecie obywatelskim', 'wolontariuszy', 'dla rodzin', 'szachowe'];
const VENUES = ['Dom Kultury Podgórze', 'Centrum Obywatelskie', 'Biblioteka Kraków', 'Klub Sąsiedzki', 'Park Jordana', 'Sala Obrad Rady Dzielnicy', 'Szkoła Podstawowa nr 12'];

/** `n` events of the city's calendar over three years, with their search tokens. */
function generateEvents(n: number, seed: number): { rows: CalendarEventTable[]; tokens: { token: string; event_id: string }[] } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const rows: CalendarEventTable[] = [];
  const tokens: { token: string; event_id: string }[] = [];
  for (let i = 0; i < n; i++) {
    const id = `plan-event-${String(i).padStart(6, '0')}`;
    const start = NOW.getTime() + Math.round((r() * 3 - 2) * 365) * DAY + Math.floor(r() * 12) * 3_600_000;
    // Most events take hours; a few festivals or exhibitions run for weeks.
    const length = r() < 0.02 ? Math.ceil(r() * 30) * DAY : (1 + Math.floor(r() * 4)) * 3_600_000;
    const online = r() < 0.1;
    const title = `${pick(TITLES_A)} ${pick(TITLES_B)} ${i}`;
    const venue = online ? null : pick(VENUES);
    const organiser = `Organizator ${Math.floor(r() * 2000)}`;
    const at = new Date(start).toISOString();
    rows.push({
      id, series_id: r() < 0.05 ? `plan-series-${Math.floor(r() * 500)}` : null, title, description: 'Zapraszamy mieszkańców (dane demonstracyjne).', translations: '{}',
      type: pick(EVENT_TYPES), status: r() < 0.9 ? 'published' : r() < 0.5 ? 'cancelled' : 'pending', all_day: 0,
      starts_at: at, ends_at: new Date(start + length).toISOString(), venue_name: venue, address: venue ? `ul. Lipowa ${i % 90}` : null,
      lon: venue ? 19.9 + r() * 0.15 : null, lat: venue ? 50.0 + r() * 0.1 : null, district: venue ? 1 + Math.floor(r() * 18) : null,
      accessibility: '[]', step_free: r() < 0.3 ? 1 : 0, online_url: online ? 'https://example.org/live' : null, organiser_name: organiser,
      organisation_id: r() < 0.6 ? `plan-org-${Math.floor(r() * 3000)}` : null, languages: '["pl"]', audience: JSON.stringify([pick(EVENT_AUDIENCES)]),
      free: 1, price_note: null, info_url: null, registration_mode: 'none', places_id: null, sequence: 0, cancel_reason: null, cancelled_at: null,
      created_by: null, created_at: at, updated_at: at,
    });
    for (const token of searchTokens([title, organiser, venue ?? ''].join(' '))) tokens.push({ token, event_id: id });
  }
  return { rows, tokens };
}

/** Residents' reads of the calendar: the next events, searches that match much, little or nothing, each filter, a far page. */
const LISTS: [string, EventFilters, { offset?: number }?][] = [
  ['upcoming, first page', {}],
  ['upcoming, deepest offset', {}, { offset: 1000 }],
  ['a month', { from: '2027-04-01', to: '2027-04-30' }],
  ['a past year', { from: '2025-06-01', to: '2026-05-31' }],
  ['search, common word', { q: 'warsztaty' }],
  ['search, two words', { q: 'festiwal rowerowe' }],
  ['search, rare word', { q: '12345' }],
  ['search, no match', { q: 'zzzyxq' }],
  ['search, one-letter word', { q: 'a' }],
  ['district', { district: [12] }],
  ['districts and type', { district: [1, 2, 3], type: ['training'] }],
  ['type', { type: ['festival'] }],
  ['organiser', { organiser: 'plan-org-17' }],
  ['organiser with no events', { organiser: 'plan-org-none' }],
  ['series', { series: 'plan-series-7' }],
  ['audience', { audience: ['officials'] }],
  ['online', { online: true }],
  ['step-free in a district', { accessible: true, district: [5] }],
  ['district, type and search', { district: [4], type: ['meeting'], q: 'spotkanie' }],
];

/** Filters with an index of their own and few matches: the plan must start from them. */
const selective = (f: EventFilters) => (f.organiser || f.series || (f.q && !['warsztaty', 'a'].includes(f.q)) ? { table: 'calendar_event' } : undefined);

export const eventsReadPlans: ReadPlanSuite = {
  module: 'events',
  async load(db) {
    const { rows, tokens } = generateEvents(PLAN_TEST_ORGS, 27);
    const at = NOW.toISOString();
    const series = Array.from({ length: 500 }, (_, i) => ({
      id: `plan-series-${i}`, kind: 'cycle' as const, title: `Cykl ${i}`, description: '', translations: '{}', organiser_name: 'Organizator', organisation_id: null,
      registration_mode: 'none' as const, places_id: null, attendance_percent: 80, created_at: at, updated_at: at,
    }));
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('event_series').values(series).execute();
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('calendar_event').values(rows.slice(i, i + 500)).execute();
      for (let i = 0; i < tokens.length; i += 5000) await trx.insertInto('calendar_event_token').values(tokens.slice(i, i + 5000)).execute();
    });
  },
  async queries(db: Kysely<Database>) {
    const out: ReadPlanQuery[] = [];
    for (const [name, f, opts = {}] of LISTS) {
      const q = eventListQueries(db, { from: warsawDateOf(NOW), ...f }, NOW, { limit: 100, ...opts });
      out.push({ name: `events list: ${name} (count)`, query: q.count, selective: selective(f) });
      out.push({ name: `events list: ${name}`, query: q.rows, selective: selective(f) });
    }
    return out;
  },
};
