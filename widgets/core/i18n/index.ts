import type { CoreKey, pl } from './pl.js';
import { LANGS, type Lang, type Message, type Messages, type PluralForms, type Vars } from './types.js';

export * from './types.js';
export type { CoreKey };

/** A widget's dictionaries: Polish is the source, the others are typed against it. */
export interface Dictionaries<D extends Record<string, Message>> {
  pl: D;
  en: Messages<D>;
  uk: Messages<D>;
}

/** What an error message needs: the envelope's code, plus `retryAfter` (seconds) for `rate_limited`. */
export interface ErrorLike {
  code: string;
  retryAfter?: number | null;
}

/** Looks up `key` in the widget's dictionaries first, then in the core ones. */
export interface Translator<K extends string> {
  (lang: Lang, key: K | CoreKey, vars?: Vars): string;
  /** Localized text for an API error: `error.<code>`, with "try again in N minutes" when the server sent `retryAfter`. */
  error(lang: Lang, err: ErrorLike): string;
  has(lang: Lang, key: string): boolean;
}

const LOCALES: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB', uk: 'uk-UA' };

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

function interpolate(lang: Lang, text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined ? whole : typeof v === 'number' ? formatNumber(lang, v) : v;
  });
}

/** Builds a typed translator from a widget's dictionaries, falling back to the core strings. */
export function createTranslator<D extends Record<string, Message>>(dicts?: Dictionaries<D>): Translator<keyof D & string> {
  const sources = (lang: Lang) => [dicts?.[lang], dicts?.pl, core[lang], core.pl] as (Record<string, Message> | undefined)[];
  const lookup = (lang: Lang, key: string): Message | undefined => {
    for (const d of sources(lang)) if (d && key in d) return d[key];
    return undefined;
  };
  const tr = ((lang: Lang, key: string, vars?: Vars): string => {
    const msg = lookup(lang, key);
    if (msg === undefined) return key;
    if (typeof msg === 'string') return interpolate(lang, msg, vars);
    return interpolate(lang, plural(lang, Number(vars?.count ?? 0), msg), vars);
  }) as Translator<keyof D & string>;
  tr.has = (lang, key) => lookup(lang, key) !== undefined;
  tr.error = (lang, err) => {
    const key = `error.${err.code}`;
    const text = tr(lang, (tr.has(lang, key) ? key : 'error.unknown') as CoreKey);
    return err.retryAfter && err.retryAfter > 0 ? `${text} ${tr(lang, 'error.retry_in', { count: Math.ceil(err.retryAfter / 60) })}` : text;
  };
  return tr;
}

type CoreMessages = Messages<typeof pl>;

/**
 * Core dictionaries load per language, as small chunks: a page pays only for its own language.
 * `NgoElement` awaits `loadLang()` before each render that needs a language not yet loaded.
 */
const core: Partial<Record<Lang, CoreMessages>> = {};
const loading = new Map<Lang, Promise<void>>();
const importers: Record<Lang, () => Promise<CoreMessages>> = {
  pl: () => import('./pl.js').then((m) => m.pl),
  en: () => import('./en.js').then((m) => m.en),
  uk: () => import('./uk.js').then((m) => m.uk),
};

/** Loads the core dictionary of `lang` (and Polish, the fallback). Returns undefined when both are already loaded. */
export function loadLang(lang: Lang): Promise<void> | undefined {
  if (core[lang] && core.pl) return undefined;
  const one = (l: Lang) => {
    let p = loading.get(l);
    if (!p) {
      p = importers[l]().then(
        (d) => void (core[l] = d),
        (err) => {
          loading.delete(l);
          console.warn('[ngo] could not load translations:', err);
        },
      );
      loading.set(l, p);
    }
    return p;
  };
  return Promise.all([one(lang), one('pl')]).then(() => undefined);
}

/** The core translator: `t('pl', 'error.not_found')`. */
export const t: Translator<CoreKey> = createTranslator();

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats a date in Europe/Warsaw, whatever the visitor's time zone. */
export function formatDate(lang: Lang, value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  const id = lang + JSON.stringify(options);
  let f = formatters.get(id);
  if (!f) formatters.set(id, (f = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'Europe/Warsaw', ...options })));
  return f.format(value instanceof Date ? value : new Date(value));
}

export const formatDateTime = (lang: Lang, value: Date | string | number) => formatDate(lang, value, { dateStyle: 'medium', timeStyle: 'short' });
export const formatTime = (lang: Lang, value: Date | string | number) => formatDate(lang, value, { timeStyle: 'short' });

export function formatNumber(lang: Lang, n: number): string {
  return n.toLocaleString(LOCALES[lang]);
}
