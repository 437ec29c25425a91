import type { CoreErrorCode } from './errors.js';
import { LANGS, type Labels, type Lang } from './langs.js';

/*
 * The translator core, DOM-free, shared by the widgets and the server: languages, plural forms,
 * `{name}` placeholders, dictionaries with fallbacks, error messages by envelope code, and dates
 * and numbers in Europe/Warsaw. The widgets add their lazily loaded core dictionaries
 * (widgets/core/i18n); the server builds its translators from dictionaries it imports.
 */

export { LANGS, type Labels, type Lang };

/** The BCP 47 locale of each language, for `Intl`, DOCX and spreadsheet metadata. */
export const LOCALES: Readonly<Record<Lang, string>> = { pl: 'pl-PL', en: 'en-GB', uk: 'uk-UA' };

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

/** What an error message needs: the envelope's code, plus `retryAfter` (seconds) for `rate_limited`. */
export interface ErrorLike {
  code: string;
  retryAfter?: number | null;
}

/** `uk-UA` → `uk`, `en-GB` → `en`; `ua` (a common mistake) → `uk`; anything else → `pl`. */
export function normaliseLang(value: string | null | undefined): Lang {
  const primary = (value ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'ua') return 'uk';
  return (LANGS as readonly string[]).includes(primary!) ? (primary as Lang) : 'pl';
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** Picks the plural form for `n` with `Intl.PluralRules` and fills in `{count}`. */
export function plural(lang: Lang, n: number, forms: PluralForms): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(LOCALES[lang])));
  const form = forms[rules.select(n)] ?? forms.other;
  return interpolate(lang, form, { count: n });
}

/**
 * Fills in `{name}` placeholders; numbers are written the language's way. An unknown name stays as written.
 * A value that ends in a full stop where the sentence ends too (a Ukrainian date, "31 грудня 2025 р.",
 * before "."; an abbreviation) keeps one stop, not two.
 */
export function interpolate(lang: Lang, text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}(\.?)/g, (whole, name: string, stop: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    const value = typeof v === 'number' ? formatNumber(lang, v) : v;
    return stop && value.endsWith('.') ? value : value + stop;
  });
}

/** A translator over dictionaries `K`: `tr('uk', 'key', { count: 3 })`. */
export interface TranslatorCore<K extends string> {
  (lang: Lang, key: K, vars?: Vars): string;
  /** Localized text for an API error: `error.<code>`, with "try again in N minutes" when the server sent `retryAfter`. */
  error(lang: Lang, err: ErrorLike): string;
  has(lang: Lang, key: string): boolean;
}

/**
 * A translator that looks a key up in `sources(lang)`, in order (the language's dictionary first,
 * then its fallbacks); a key found nowhere is returned as it is. Error messages need `error.<code>`,
 * `error.unknown` and `error.retry_in` among the sources.
 */
export function translatorOver<K extends string>(sources: (lang: Lang) => readonly (Readonly<Record<string, Message>> | undefined)[]): TranslatorCore<K> {
  const lookup = (lang: Lang, key: string): Message | undefined => {
    for (const d of sources(lang)) if (d && Object.prototype.hasOwnProperty.call(d, key)) return d[key];
    return undefined;
  };
  const tr = ((lang: Lang, key: string, vars?: Vars): string => {
    const msg = lookup(lang, key);
    if (msg === undefined) return key;
    if (typeof msg === 'string') return interpolate(lang, msg, vars);
    return interpolate(lang, plural(lang, Number(vars?.count ?? 0), msg), vars);
  }) as unknown as TranslatorCore<K>;
  tr.has = (lang, key) => lookup(lang, key) !== undefined;
  tr.error = (lang, err) => {
    const key = `error.${err.code}`;
    const text = tr(lang, (tr.has(lang, key) ? key : 'error.unknown') as K);
    return err.retryAfter && err.retryAfter > 0 ? `${text} ${tr(lang, 'error.retry_in' as K, { count: Math.ceil(err.retryAfter / 60) })}` : text;
  };
  return tr;
}

/** A translator over one set of dictionaries in pl, en and uk; en and uk fall back to Polish, the source. */
export function dictionaryTranslator<D extends Record<string, Message>>(dicts: { pl: D; en: Messages<D>; uk: Messages<D> }): TranslatorCore<keyof D & string> {
  return translatorOver((lang) => [dicts[lang], dicts.pl]);
}

/**
 * A vocabulary defined once, a value to a line: `{ ngo: { pl, en, uk }, … }` (the layout of
 * `KIND_LABELS`, `DECISION_LABELS` and the other `*_LABELS` tables in `common/`).
 */
export type LabelTable<K extends string = string> = Readonly<Record<K, Labels>>;

/**
 * A translator over a label table, for the server's mail, exports and reports and for the
 * widgets: `kindLabel('uk', 'ngo')`. A value the table does not know (a retired one, read from
 * the database) is returned as it is; a missing English or Ukrainian label falls back to Polish.
 * The per-language dictionaries are built on first use, so an unused table costs nothing.
 */
export function labelTranslator<K extends string>(table: LabelTable<K> | (() => LabelTable<K>)): TranslatorCore<K> & ((lang: Lang, key: string, vars?: Vars) => string) {
  let dicts: Record<Lang, Record<string, string>> | undefined;
  const build = () => {
    const t = typeof table === 'function' ? table() : table;
    const out = { pl: {}, en: {}, uk: {} } as Record<Lang, Record<string, string>>;
    for (const [key, labels] of Object.entries<Labels>(t)) for (const lang of LANGS) if (labels[lang]) out[lang][key] = labels[lang];
    return out;
  };
  const tr = translatorOver<K>((lang) => {
    dicts ??= build();
    return [dicts[lang], dicts.pl];
  });
  return tr as typeof tr & ((lang: Lang, key: string, vars?: Vars) => string);
}

/** One text of a `{ pl, en, uk }` record (an option's label, a title) in `lang`, else its Polish one; '' for none. */
export const labelIn = (labels: { readonly [L in Lang]?: string | null } | null | undefined, lang: Lang): string => (labels ? labels[lang] || labels.pl || '' : '');

/** A translator with its language fixed: `const t = inLang(tReport, 'uk'); t('title')`. */
export const inLang = <K extends string>(tr: (lang: Lang, key: K, vars?: Vars) => string, lang: Lang) => (key: K, vars?: Vars): string => tr(lang, key, vars);

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats a date in Europe/Warsaw, whatever the reader's (or the server's) time zone. */
export function formatDate(lang: Lang, value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  const id = lang + JSON.stringify(options);
  let f = formatters.get(id);
  if (!f) formatters.set(id, (f = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'Europe/Warsaw', ...options })));
  return f.format(value instanceof Date ? value : new Date(value));
}

export const formatDateTime = (lang: Lang, value: Date | string | number) => formatDate(lang, value, { dateStyle: 'medium', timeStyle: 'short' });
export const formatTime = (lang: Lang, value: Date | string | number) => formatDate(lang, value, { timeStyle: 'short' });

export function formatNumber(lang: Lang, n: number, options?: Intl.NumberFormatOptions): string {
  return n.toLocaleString(LOCALES[lang], options);
}
