/**
 * Time in Kraków: Europe/Warsaw wall-clock conversion and the calendar's date arithmetic, as
 * small pure functions. Civil dates (`YYYY-MM-DD`) are computed with UTC arithmetic, so no
 * daylight-saving change can shift a day. The wall-clock conversions use `@date-fns/tz` (the
 * server, and staff forms); `warsawDateOf` uses `Intl` alone, so a public widget that only needs
 * "which Warsaw day is this instant" does not bundle the time-zone library (rollup drops it).
 *
 * The DST rule (RFC 5545 §3.3.5): a wall time that does not exist because the clocks go forward
 * (02:30 on the last Sunday of March) means the same time after the gap, 03:30 CEST; a wall time
 * that happens twice when they go back (02:30 on the last Sunday of October) means its first
 * occurrence, in summer time.
 */
import { TZDate, tzOffset } from '@date-fns/tz';

export const WARSAW = 'Europe/Warsaw';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A calendar day, `YYYY-MM-DD`. */
export type CivilDate = string;
/** A Warsaw wall-clock time, `YYYY-MM-DDTHH:mm` (seconds optional on input). */
export type WallTime = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;
const WALL_RE = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

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
const pad = (n: number) => String(n).padStart(2, '0');

// ---- civil dates ---------------------------------------------------------------------------------

/** Days in `month` (1–12) of `year`: 29 for February 2028. */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The years a date in this product may have: 1900–2999 (year 0, 0999 or 10000 is a typing error). */
export const isRealYear = (y: number): boolean => Number.isInteger(y) && y >= 1900 && y <= 2999;
const realDate = (y: number, m: number, d: number) => isRealYear(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

/** `2027-02-28` yes; `2027-02-30`, `2027-2-3` no. */
export function isLocalDate(s: unknown): s is CivilDate {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  return !!m && realDate(+m[1]!, +m[2]!, +m[3]!);
}

/** `2027-03-28T02:30` yes (a wall time, which may fall in a DST gap); `2027-03-28T24:00` no. */
export function isLocalDateTime(s: unknown): s is WallTime {
  if (typeof s !== 'string') return false;
  const m = DATE_TIME_RE.exec(s);
  return !!m && realDate(+m[1]!, +m[2]!, +m[3]!);
}

export const addDays = (date: CivilDate, n: number): CivilDate => fromUtcMs(utcMs(date) + n * DAY);
export const addWeeks = (date: CivilDate, n: number): CivilDate => addDays(date, 7 * n);

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
  return `${date.slice(0, 8)}${pad(daysInMonth(y, m))}`;
}
export const sameMonth = (a: CivilDate, b: CivilDate) => a.slice(0, 7) === b.slice(0, 7);
/** Whole days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: CivilDate, b: CivilDate): number => Math.round((utcMs(b) - utcMs(a)) / DAY);

/** A date or a wall time moved by whole days, its clock time kept: `2027-06-05T10:00` + 364 → `2028-06-03T10:00`. */
export const shiftLocal = (local: CivilDate | WallTime, days: number): string => `${addDays(local.slice(0, 10), days)}${local.slice(10)}`;

// ---- Warsaw wall clock ---------------------------------------------------------------------------

/** Offset of Warsaw from UTC at instant `d`, in ms (+1 h in winter, +2 h in summer). */
export const warsawOffsetMs = (d: Date | number): number => tzOffset(WARSAW, new Date(d)) * MINUTE;

/**
 * `2026-03-29T02:30` read as Warsaw wall-clock time → a UTC instant (ISO string), by the DST rule
 * above: a time in the spring gap moves forward by the gap, an ambiguous autumn time takes summer time.
 */
export function warsawLocalToUtc(local: WallTime): string {
  const m = WALL_RE.exec(local);
  if (!m) throw new RangeError(`Not a local date-time: ${local}`);
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  // Warsaw uses two offsets; keep the one that maps back onto the wall time, summer time first.
  for (const offsetH of [2, 1]) {
    const guess = asUtc - offsetH * HOUR;
    if (warsawOffsetMs(guess) === offsetH * HOUR) return new Date(guess).toISOString();
  }
  // Neither does: the wall time is in the spring gap. Read with the winter offset, it lands after the gap.
  return new Date(asUtc - HOUR).toISOString();
}

/** Warsaw midnight at the start of `day`, as a UTC instant (ISO): the bound of a day in queries. */
export const warsawMidnight = (day: CivilDate): string => warsawLocalToUtc(`${day}T00:00`);

/** A UTC instant as Warsaw wall-clock `YYYY-MM-DDTHH:mm` (for form fields and feeds). */
export function utcToWarsawLocal(instant: string | number | Date): WallTime {
  const d = new TZDate(new Date(instant).getTime(), WARSAW);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An instant as ISO 8601 with Warsaw's offset, `2027-06-05T10:00:00+02:00` (schema.org dates, which readers show as local time). */
export function warsawIso(instant: string | number | Date): string {
  const offsetMin = warsawOffsetMs(new Date(instant)) / MINUTE;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${utcToWarsawLocal(instant)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Whether the Warsaw wall time of an instant occurs twice: the hour repeated when the clocks go back. */
export function repeatedInWarsaw(instant: string | number | Date): boolean {
  const ms = new Date(instant).getTime();
  const offset = warsawOffsetMs(ms);
  return offset === 2 * HOUR ? warsawOffsetMs(ms + HOUR) === HOUR : warsawOffsetMs(ms - HOUR) === 2 * HOUR;
}

const warsawDay = /* @__PURE__ */ new Intl.DateTimeFormat('en-CA', { timeZone: WARSAW, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Warsaw calendar day of an instant: `2027-03-27T23:30:00Z` is `2027-03-28` (00:30 CET). `Intl` only, for widgets. */
export function warsawDateOf(instant: string | number | Date): CivilDate {
  const p = Object.fromEntries(warsawDay.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}
