import { createTranslator, type Translator } from './index.js';
import type { Lang, Message, Messages } from './types.js';

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
  const tr = createTranslator<D>({
    get pl() {
      return (loaded.pl as D | undefined) ?? none;
    },
    get en() {
      return loaded.en ?? loaded.pl ?? none;
    },
    get uk() {
      return loaded.uk ?? loaded.pl ?? none;
    },
  }) as LazyTranslator<keyof D & string>;
  tr.load = (lang) => {
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
