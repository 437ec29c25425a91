/**
 * Calendar date maths for events and the month grid: small pure functions on civil dates
 * (`YYYY-MM-DD`). Civil dates are computed with UTC arithmetic, so no daylight-saving change can
 * shift a day; only `warsawDateOf` and `eventDays` look at a time zone, through `Intl`.
 */

export type CivilDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

const ymd = (s: CivilDate): [number, number, number] => {
  const m = DATE_RE.exec(s);
  if (!m) throw new RangeError(`Not a date: ${s}`);
  return [+m[1]!, +m[2]!, +m[3]!];
};
const fromUtcMs = (ms: number): CivilDate => new Date(ms).toISOString().slice(0, 10);
const utcMs = (s: CivilDate) => {
  const [y, m, d] = ymd(s);
  return Date.UTC(y, m - 1, d);
};

export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

const realDate = (y: number, m: number, d: number) => y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

/** `2027-02-28` yes; `2027-02-30`, `2027-2-3` no. */
export function isLocalDate(s: unknown): s is CivilDate {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  return !!m && realDate(+m[1]!, +m[2]!, +m[3]!);
}

/** `2027-03-28T02:30` yes (a wall time, which may fall in a DST gap: see `docs/events.md`); `2027-03-28T24:00` no. */
export function isLocalDateTime(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_TIME_RE.exec(s);
  return !!m && realDate(+m[1]!, +m[2]!, +m[3]!);
}

export const addDays = (date: CivilDate, n: number): CivilDate => fromUtcMs(utcMs(date) + n * 86_400_000);

/** Months later (or earlier), keeping the day where it exists: 31 January + 1 month is 28/29 February. */
export function addMonths(date: CivilDate, n: number): CivilDate {
  const [y, m, d] = ymd(date);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return fromUtcMs(Date.UTC(ny, nm - 1, Math.min(d, daysInMonth(ny, nm))));
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export const weekday = (date: CivilDate): number => ((new Date(utcMs(date)).getUTCDay() + 6) % 7) + 1;
/** Weeks start on Monday, as in Poland. */
export const startOfWeek = (date: CivilDate): CivilDate => addDays(date, 1 - weekday(date));
export const endOfWeek = (date: CivilDate): CivilDate => addDays(date, 7 - weekday(date));
export const startOfMonth = (date: CivilDate): CivilDate => date.slice(0, 8) + '01';
export function endOfMonth(date: CivilDate): CivilDate {
  const [y, m] = ymd(date);
  return `${date.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, '0')}`;
}
export const sameMonth = (a: CivilDate, b: CivilDate) => a.slice(0, 7) === b.slice(0, 7);
/** Whole days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: CivilDate, b: CivilDate): number => Math.round((utcMs(b) - utcMs(a)) / 86_400_000);

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

const warsawDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Warsaw calendar day of an instant: `2027-03-27T23:30:00Z` is `2027-03-28` (00:30 CET). */
export function warsawDateOf(instant: string | number | Date): CivilDate {
  const p = Object.fromEntries(warsawDay.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
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
