import { translatorOver, type ErrorLike, type Lang, type Message, type Messages, type TranslatorCore, type Vars } from '../../../common/i18n.js';
import type { CoreKey, pl } from './pl.js';

export * from './types.js';
export { formatDate, formatDateTime, formatNumber, formatTime, normaliseLang, plural, type ErrorLike } from '../../../common/i18n.js';
export type { CoreKey };

/** A widget's dictionaries: Polish is the source, the others are typed against it. */
export interface Dictionaries<D extends Record<string, Message>> {
  pl: D;
  en: Messages<D>;
  uk: Messages<D>;
}

/** Looks up `key` in the widget's dictionaries first, then in the core ones (the core of common/i18n.ts). */
export interface Translator<K extends string> extends TranslatorCore<K | CoreKey> {
  (lang: Lang, key: K | CoreKey, vars?: Vars): string;
  error(lang: Lang, err: ErrorLike): string;
}

/** Builds a typed translator from a widget's dictionaries, falling back to the core strings. */
export function createTranslator<D extends Record<string, Message>>(dicts?: Dictionaries<D>): Translator<keyof D & string> {
  return translatorOver<(keyof D & string) | CoreKey>((lang) => [dicts?.[lang], dicts?.pl, core[lang], core.pl]);
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

/**
 * Loads the core dictionary of `lang`. Returns undefined when it is already loaded. Polish is not
 * fetched as a fallback for English or Ukrainian: `Messages<typeof pl>` makes both complete (a
 * missing key fails to compile), so an English page pays for English alone.
 */
export function loadLang(lang: Lang): Promise<void> | undefined {
  if (core[lang]) return undefined;
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
  return one(lang);
}

/** The core translator: `t('pl', 'error.not_found')`. */
export const t: Translator<CoreKey> = createTranslator();
