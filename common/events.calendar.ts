/**
 * The month grid and the days of events: small pure functions on civil dates (`YYYY-MM-DD`), on
 * the date arithmetic of `common/time.ts`.
 */
import { addDays, addMonths, endOfMonth, endOfWeek, startOfMonth, startOfWeek, warsawDateOf, type CivilDate } from './time.js';

export type { CivilDate };

/** The weeks (Monday first) that show the month of `date`: 4 to 6 rows of 7 dates, with the neighbours' days filling the edges. */
export function monthGrid(date: CivilDate): CivilDate[][] {
  const first = startOfWeek(startOfMonth(date));
  const last = endOfWeek(endOfMonth(date));
  const weeks: CivilDate[][] = [];
  for (let d = first; d <= last; d = addDays(d, 7)) weeks.push(Array.from({ length: 7 }, (_, i) => addDays(d, i)));
  return weeks;
}

/** Keys of the month grid (the ARIA grid pattern), with Shift+Page for years. */
export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';
export const GRID_KEYS: readonly GridKey[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];

/** The day a key moves the focus to: arrows by a day or a week, Home/End to the week's ends, Page Up/Down by a month (a year with Shift). */
export function gridKeyTarget(date: CivilDate, key: GridKey, shift = false): CivilDate {
  switch (key) {
    case 'ArrowLeft': return addDays(date, -1);
    case 'ArrowRight': return addDays(date, 1);
    case 'ArrowUp': return addDays(date, -7);
    case 'ArrowDown': return addDays(date, 7);
    case 'Home': return startOfWeek(date);
    case 'End': return endOfWeek(date);
    case 'PageUp': return addMonths(date, shift ? -12 : -1);
    case 'PageDown': return addMonths(date, shift ? 12 : 1);
  }
}

/**
 * The Warsaw days an event covers. The end is exclusive: an event that ends at midnight does not
 * cover the next day, and an all-day event stored as [midnight, next midnight) covers one day.
 */
export function eventDays(startsAt: string, endsAt: string): CivilDate[] {
  const first = warsawDateOf(startsAt);
  const endMs = Date.parse(endsAt);
  const last = endMs > Date.parse(startsAt) ? warsawDateOf(endMs - 1) : first;
  const days: CivilDate[] = [];
  for (let d = first; d <= last && days.length < 366; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Events grouped by each Warsaw day they cover, limited to [first, last]; each day keeps the input order. */
export function eventsByDay<T extends { startsAt: string; endsAt: string }>(events: readonly T[], first: CivilDate, last: CivilDate): Map<CivilDate, T[]> {
  const byDay = new Map<CivilDate, T[]>();
  for (const e of events) {
    for (const d of eventDays(e.startsAt, e.endsAt)) {
      if (d < first || d > last) continue;
      let list = byDay.get(d);
      if (!list) byDay.set(d, (list = []));
      list.push(e);
    }
  }
  return byDay;
}
