import type { CoreErrorCode } from '../../../common/errors.js';

/** Supported languages; `pl` is the default and the source of truth. */
export type Lang = 'pl' | 'en' | 'uk';
export const LANGS: readonly Lang[] = ['pl', 'en', 'uk'];

/**
 * Plural forms selected with `Intl.PluralRules` (`one`, `few`, `many`, `other`).
 * Polish and Ukrainian need `one`, `few` and `many`; English uses `one` and `other`.
 * `other` is always required: it is the fallback and covers fractions.
 */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** A message: text with `{name}` placeholders, or plural forms chosen by the `count` variable. */
export type Message = string | PluralForms;

/** A dictionary's shape. `Messages<typeof pl>` types a translation against the Polish source: a missing or extra key fails to compile. */
export type Messages<Source = Record<string, Message>> = { readonly [K in keyof Source]: Message };

/** Every core error code plus the client-side `network_error` must have a translation. */
export type ErrorKeys = `error.${CoreErrorCode}` | 'error.network_error';

export type Vars = Record<string, string | number>;
