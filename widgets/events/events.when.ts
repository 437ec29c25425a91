import { eventDays } from '../../common/events.calendar.js';
import { warsawDateOf, type CivilDate } from '../../common/time.js';
import { formatDate, type Lang } from '../core/i18n/index.js';
import type { CalendarEvent } from './events.api.js';

/** The `Intl` locale of each language. */
export const LOCALES: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB', uk: 'uk-UA' };
/** Civil dates formatted at UTC noon in UTC: no time zone moves them to another day. */
export const civil = (lang: Lang, d: CivilDate, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', ...options }).format(new Date(`${d}T12:00:00Z`));

/** "czwartek, 5 czerwca 2027, 10:00–14:00" in Warsaw time; all-day events by their days. */
export function whenText(lang: Lang, e: Pick<CalendarEvent, 'startsAt' | 'endsAt' | 'allDay'>): string {
  const long: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
  if (e.allDay) {
    const days = eventDays(e.startsAt, e.endsAt);
    const first = civil(lang, days[0]!, long);
    return days.length > 1 ? `${first} – ${civil(lang, days.at(-1)!, long)}` : first;
  }
  const time = (iso: string) => formatDate(lang, iso, { timeStyle: 'short' });
  const day = (iso: string) => formatDate(lang, iso, long);
  const lastMs = Date.parse(e.endsAt) - 1;
  return warsawDateOf(e.startsAt) === warsawDateOf(lastMs) ? `${day(e.startsAt)}, ${time(e.startsAt)}–${time(e.endsAt)}` : `${day(e.startsAt)}, ${time(e.startsAt)} – ${day(e.endsAt)}, ${time(e.endsAt)}`;
}
