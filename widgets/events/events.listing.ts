import type { Lang } from '../core/i18n/index.js';
import type { CalendarEvent, EventFilters, RegistrationInfo } from './events.api.js';

/**
 * What the list and an event's details need, without the registration form's code (events.model.ts,
 * loaded with the form): the empty filters, the registration state, the texts in a language.
 */

export const emptyFilters = (): EventFilters => ({ q: '', type: '', district: '', audience: '', organiser: '', series: '', accessible: false, online: false });

/**
 * What a person can do about registration: nothing to do (`none`), closed (deadline passed or
 * cancelled), register for a place (`open`), join the waiting list (`waiting`: full, with a list),
 * or nothing because it is full (`full`).
 */
export type RegistrationState = 'none' | 'closed' | 'open' | 'waiting' | 'full';

export function registrationState(r: RegistrationInfo): RegistrationState {
  if (r.mode === 'none') return 'none';
  if (!r.open) return 'closed';
  if (r.placesLeft === null || r.placesLeft > 0) return 'open';
  return r.waitingList ? 'waiting' : 'full';
}

/** Title and description in `lang`, falling back to Polish, the source. */
export function localized(e: Pick<CalendarEvent, 'title' | 'description' | 'translations'>, lang: Lang): { title: string; description: string } {
  const t = lang === 'pl' ? undefined : e.translations[lang];
  return { title: t?.title || e.title, description: t?.description || e.description };
}
