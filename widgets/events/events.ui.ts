import type { Task } from '@lit/task';
import type { StaticValue } from 'lit/static-html.js';
import type { CivilDate } from '../../common/time.js';
import type { Lang } from '../core/i18n/index.js';
import type { CalendarEvent, EventFilters, EventList } from './events.api.js';
import type { EventForms } from './events.form.js';
import type { EventsKey } from './events.i18n.js';

/*
 * What the views of `<ngo-events>` share. The element makes one `EventsUi` per render; the views
 * (events.list.ts: the filters, the list and the month; events.detail.ts: one event's details;
 * events.registration.ts: its registration box, the form and the e-mailed links' panel) are
 * templates of its shadow root and change nothing themselves: they call the element's actions.
 */

/** How the calendar shows: a list (the default) or a month grid. */
export type View = 'list' | 'month';

export const URL_PREFIX = 'ngo-events-';
export const URL_KEYS = ['view', 'date', 'event', 'q', 'type', 'district', 'audience', 'accessible', 'online'] as const;

/** The filters the page URL names (`sync-url`) over `f`: what the URL leaves out stays as it is. */
export function filtersOfUrl(u: Partial<Record<(typeof URL_KEYS)[number], string>>, f: EventFilters): EventFilters {
  return {
    ...f,
    q: u.q ?? f.q,
    type: u.type ?? f.type,
    district: u.district ?? f.district,
    audience: u.audience ?? f.audience,
    accessible: u.accessible ? u.accessible === '1' : f.accessible,
    online: u.online ? u.online === '1' : f.online,
  };
}

/** The filters as the page URL's values; a filter equal to its preset (the `type` and `district` attributes) is left out. */
export function urlFilters(f: EventFilters, type: string, district: string) {
  return { q: f.q, type: f.type === type ? '' : f.type, district: f.district === district ? '' : f.district, audience: f.audience, accessible: f.accessible ? '1' : '', online: f.online ? '1' : '' };
}

/** What every view renders with. */
export interface EventsUi extends EventsActions {
  lang: Lang;
  t(key: EventsKey, vars?: Record<string, string | number>): string;
  /** The heading tag `depth` steps below the widget's top heading (`heading-level`). */
  h(depth: number): StaticValue;
  /** The level of that heading, for a child element's own `heading-level`. */
  level(depth: number): number;
  api: string;
  /** The `type` and `district` attributes: a preset hides its filter. */
  presetType: string;
  presetDistrict: string;
  filters: EventFilters;
  shown: View;
  /** The month shown, and today (Warsaw). */
  date: CivilDate;
  today: CivilDate;
  list: Task<readonly unknown[], EventList>;
  details: Task<readonly unknown[], CalendarEvent | null>;
  /** The form module, once loaded (events.form.ts). */
  forms: EventForms | undefined;
  /** The open event shows its registration form instead of its details. */
  registering: boolean;
}

/** What the views do: each changes the element's state. */
export interface EventsActions {
  setFilter<K extends keyof EventFilters>(key: K, value: EventFilters[K]): void;
  /** The search box's text, applied after a pause in typing. */
  search(q: string): void;
  showView(v: View): void;
  /** The month grid moved to the month of `date`. */
  showMonth(date: CivilDate): void;
  /** The next page of the list. */
  more(): void;
  /** Opens an event's details; focus goes back to `from` when they close. */
  open(id: string, name: string, from: string | null): void;
  closeDetails(): void;
  /** Loads the form module and opens the registration form for `e`. */
  register(e: CalendarEvent): void;
}
