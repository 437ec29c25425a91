import type { z } from 'zod';
import type * as S from '../../common/events.schema.js';
import type { Lang } from '../core/i18n/index.js';
import { request } from '../core/api.js';

/**
 * The client of `/v1/events` used by `<ngo-events>`, typed from the server's schemas: what the
 * calendar reads. What only the registration form sends is in events.form.api.ts, loaded with it.
 */

export type CalendarEvent = z.output<typeof S.CalendarEvent>;
export type CalendarSeries = z.output<typeof S.CalendarSeries>;
export type RegistrationInfo = z.output<typeof S.RegistrationInfo>;
export type RegistrationView = z.output<typeof S.RegistrationView>;
export type ConfirmResult = z.output<typeof S.ConfirmResult>;
export type EventList = z.output<typeof S.EventList>;
export type Question = CalendarEvent['registration']['questions'][number];
/** What the registration form sends; the kit adds `abuse`. */
export type RegistrationBody = Omit<z.input<typeof S.RegistrationInput>, 'abuse'>;
export type RegistrationChangeBody = z.input<typeof S.RegistrationChange>;

/** The list's filters as the widget holds them; empty strings mean "any". */
export interface EventFilters {
  q: string;
  type: string;
  district: string;
  audience: string;
  organiser: string;
  series: string;
  accessible: boolean;
  online: boolean;
}

export const PATH = '/v1/events';
const enc = encodeURIComponent;

/** The API's query for `filters`: the same for the list, the month and the feeds, so "subscribe to what I see" is exact. */
export function filterParams(f: EventFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of ['q', 'type', 'district', 'audience', 'organiser', 'series'] as const) if (f[k].trim()) p.set(k, f[k].trim());
  if (f.accessible) p.set('accessible', 'true');
  if (f.online) p.set('online', 'true');
  return p;
}

export function listEvents(base: string, f: EventFilters, range: { from?: string; to?: string; limit: number; lang: Lang }, signal?: AbortSignal) {
  const p = filterParams(f);
  if (range.from) p.set('from', range.from);
  if (range.to) p.set('to', range.to);
  p.set('limit', String(range.limit));
  p.set('lang', range.lang);
  return request<EventList>(base, `${PATH}?${p}`, { signal });
}

export const getEvent = (base: string, id: string, signal?: AbortSignal) => request<CalendarEvent>(base, `${PATH}/${enc(id)}`, { signal });

/** A feed of what the list shows (`ics`: to subscribe in a calendar app; `rss`: a news reader). */
export function feedUrl(base: string, f: EventFilters, format: 'ics' | 'rss', lang: Lang): string {
  const p = filterParams(f);
  p.set('format', format);
  p.set('lang', lang);
  return `${base}${PATH}?${p}`;
}

/** One event's `.ics` ("Add to calendar"); `series`: every session of its cycle. */
export const eventIcsUrl = (base: string, id: string, lang: Lang, series = false) => `${base}${PATH}/${enc(id)}/calendar.ics?lang=${lang}${series ? '&series=1' : ''}`;
