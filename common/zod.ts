/**
 * The zod every schema uses: `import * as z from '../common/zod.js'` instead of `from 'zod'`
 * (`common/zod.test.ts` fails for a schema file that imports zod directly). It is zod itself with
 * three differences, so that each rule is written once and no module can forget it:
 * - `z.string()` refuses NUL and the other C0 control characters except tab, CR and LF. PostgreSQL
 *   cannot store NUL at all (SQLite would), so without this the two engines answer differently;
 * - `z.url()` gives back the normalised URL (`new URL(x).href`), so one address has one spelling;
 * - `z.displayName()` is a string for the names of people and organisations: it drops bidi
 *   overrides and isolates and zero-width characters, which can make a name read differently
 *   on screen from what is stored ("‮gro.elpmaxe" shown reversed), or two names look the same.
 * - `z.localDate()`, `z.localDateTime()`, `z.localDateOrTime()` and `z.instant()` are the only date
 *   schemas: each refuses a day that does not exist (`2027-02-30`, month 13, day 0), a clock time
 *   past 23:59 (`24:00`) and a year outside 1900–2999 (year 0), so no date is accepted and then
 *   shifted to another day by the date arithmetic behind it (`common/zod.test.ts` fails for a
 *   schema file that writes its own date pattern or uses `z.iso.date()`/`z.iso.datetime()`).
 * Ids of records are `z.uuid()` (`IdParam` in `api/core/openapi.ts`), checked before any query.
 */
import * as zod from 'zod';
import { isLocalDate, isLocalDateTime, isRealYear } from './time.js';

export * from 'zod';

/** C0 controls other than tab (09), LF (0A) and CR (0D). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** Bidi embeddings, overrides and isolates, marks, zero-width characters and the BOM. */
const INVISIBLE = /[\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export const CONTROL_MESSAGE = 'Control characters (other than tab, CR and LF) are not allowed';

/** A string without C0 control characters other than tab, CR and LF. */
export function string(params?: Parameters<typeof zod.string>[0]): zod.ZodString {
  return zod.string(params).refine((s) => !CONTROL.test(s), { message: CONTROL_MESSAGE });
}

/** A URL, normalised to `new URL(x).href` (pass `normalize: false` to keep the spelling). */
export function url(params?: Parameters<typeof zod.url>[0]): zod.ZodURL {
  const p = typeof params === 'string' ? { message: params } : params;
  return zod.url({ normalize: true, ...p });
}

/** The name of a person or an organisation: a `string()` without bidi controls or zero-width characters. */
export function displayName(params?: Parameters<typeof zod.string>[0]): zod.ZodString {
  return string(params).overwrite((s) => s.replace(INVISIBLE, ''));
}

export const DATE_MESSAGE = 'A real calendar day, YYYY-MM-DD (years 1900–2999)';
export const DATE_TIME_MESSAGE = 'A real Warsaw wall-clock time, YYYY-MM-DDTHH:mm (00:00–23:59, years 1900–2999)';
export const INSTANT_MESSAGE = 'A real instant, ISO 8601 with an offset: 2027-03-01T10:00:00Z (years 1900–2999)';

/** A calendar day, `2027-02-28`: not `2027-02-30`, `2027-13-01`, `2027-2-3` or `0000-01-01`. */
export function localDate(params?: { message?: string }): zod.ZodString {
  return string().refine(isLocalDate, { message: params?.message ?? DATE_MESSAGE }).meta({ format: 'date', example: '2027-03-01' });
}

/** A Warsaw wall-clock time, `2027-03-28T10:00`: not `…T24:00`, not `2027-02-30T10:00`. */
export function localDateTime(params?: { message?: string }): zod.ZodString {
  return string().refine(isLocalDateTime, { message: params?.message ?? DATE_TIME_MESSAGE }).meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$', example: '2027-03-01T10:00' });
}

/** A calendar day (all day) or a Warsaw wall-clock time. */
export function localDateOrTime(params?: { message?: string }): zod.ZodString {
  return string()
    .refine((s) => isLocalDate(s) || isLocalDateTime(s), { message: params?.message ?? 'A real calendar day YYYY-MM-DD or Warsaw wall-clock time YYYY-MM-DDTHH:mm' })
    .meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$', example: '2027-03-01T10:00' });
}

/** An instant, ISO 8601 with `Z` or an offset: zod's own check of days and hours, and a year of 1900–2999. */
export function instant(params?: { message?: string }): zod.ZodISODateTime {
  const message = params?.message ?? INSTANT_MESSAGE;
  return zod.iso.datetime({ offset: true, message }).refine((s) => isRealYear(Number(s.slice(0, 4))), { message });
}
