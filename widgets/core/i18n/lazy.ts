import { createTranslator, type Translator } from './index.js';
import type { Lang, Message, Messages } from './types.js';

export interface LazyTranslator<K extends string> extends Translator<K> {
  /** Loads the dictionary of `lang`; undefined when it is already there (Polish always is). */
  load(lang: Lang): Promise<void> | undefined;
}

/**
 * A widget's translator whose English and Ukrainian dictionaries load as chunks of their own, so
 * a page pays only for its language. Polish, the source, is bundled. Until a dictionary arrives the
 * translator falls back to Polish; elements await `load()` before rendering (see `scheduleUpdate`).
 */
export function createLazyTranslator<D extends Record<string, Message>>(pl: D, importers: { en: () => Promise<Messages<D>>; uk: () => Promise<Messages<D>> }): LazyTranslator<keyof D & string> {
  const loaded: Partial<Record<Lang, Messages<D>>> = { pl };
  const loading = new Map<Lang, Promise<void>>();
  const tr = createTranslator<D>({
    pl,
    get en() {
      return loaded.en ?? pl;
    },
    get uk() {
      return loaded.uk ?? pl;
    },
  }) as LazyTranslator<keyof D & string>;
  tr.load = (lang) => {
    if (lang === 'pl' || loaded[lang]) return undefined;
    let p = loading.get(lang);
    if (!p) {
      p = importers[lang]().then(
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
