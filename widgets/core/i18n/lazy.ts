import { createTranslator, type Translator } from './index.js';
import type { Lang, Message, Messages } from './types.js';

/** Dispatched on `globalThis` when a dictionary arrives that was read before it was asked for; widgets render again. */
export const TRANSLATIONS_LOADED = 'ngo-translations-loaded';

export interface LazyTranslator<K extends string> extends Translator<K> {
  /** Loads the dictionary of `lang`; undefined when it is already there (Polish always is). */
  load(lang: Lang): Promise<void> | undefined;
}

/**
 * A widget's translator whose dictionaries load as chunks of their own, so a page pays only for its
 * language. Polish, the source, is either bundled (pass the object) or loaded too (pass an importer).
 * Until a dictionary arrives the translator falls back to Polish; elements list it in
 * `static translators`, and `NgoElement` awaits `load()` before rendering.
 */
export function createLazyTranslator<D extends Record<string, Message>>(
  pl: D | (() => Promise<D>),
  importers: { en: () => Promise<Messages<D>>; uk: () => Promise<Messages<D>> },
): LazyTranslator<keyof D & string> {
  // Polish may be bundled (a value) or loaded like the others (an importer).
  const all: Record<Lang, () => Promise<Messages<D>>> = { pl: typeof pl === 'function' ? pl : async () => pl, ...importers };
  const loaded: Partial<Record<Lang, Messages<D>>> = typeof pl === 'function' ? {} : { pl };
  const loading = new Map<Lang, Promise<void>>();
  const none = {} as D;
  const requested = new Set<Lang>();
  // A dictionary read before anyone asked for it: an element forgot to list this translator in
  // `static translators`. Say so to the developer, load it anyway and let the widgets render again,
  // so the reader gets their language a moment later instead of Polish for good.
  const late = (lang: Lang): Messages<D> | undefined => {
    if (!requested.has(lang)) {
      console.warn(`[ngo] translations (${lang}) used before they were loaded: list the translator in the element's static translators`);
      void tr.load(lang)?.then(() => {
        if (loaded[lang]) globalThis.dispatchEvent?.(new Event(TRANSLATIONS_LOADED));
      });
    }
    return loaded.pl;
  };
  const tr = createTranslator<D>({
    get pl() {
      return (loaded.pl as D | undefined) ?? none;
    },
    get en() {
      return loaded.en ?? late('en') ?? none;
    },
    get uk() {
      return loaded.uk ?? late('uk') ?? none;
    },
  }) as LazyTranslator<keyof D & string>;
  tr.load = (lang) => {
    requested.add(lang);
    if (loaded[lang]) return undefined;
    let p = loading.get(lang);
    if (!p) {
      p = all[lang]().then(
        (d) => void (loaded[lang] = d),
        (err) => {
          loading.delete(lang);
          console.warn('[ngo] could not load translations:', err);
        },
      );
      loading.set(lang, p);
    }
    return p;
  };
  return tr;
}
