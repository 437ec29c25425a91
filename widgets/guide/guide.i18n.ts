import { createLazyTranslator } from '../core/i18n/lazy.js';
import type pl from './guide.i18n.pl.js';

export type GuideSource = typeof pl;
export type GuideKey = keyof GuideSource;

/** Strings of `<ngo-guide>`, one chunk per language, Polish too: an English or Ukrainian page does not pay for the Polish strings. */
export const tg = createLazyTranslator<GuideSource>(() => import('./guide.i18n.pl.js').then((m) => m.default), {
  en: () => import('./guide.i18n.en.js').then((m) => m.default),
  uk: () => import('./guide.i18n.uk.js').then((m) => m.default),
});
