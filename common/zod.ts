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
 * Ids of records are `z.uuid()` (`IdParam` in `api/core/openapi.ts`), checked before any query.
 */
import * as zod from 'zod';

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
