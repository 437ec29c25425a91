import { createLazyTranslator } from '../core/i18n/lazy.js';
import pl from './guide.i18n.pl.js';

export type GuideSource = typeof pl;
export type GuideKey = keyof GuideSource;

/** Strings of `<ngo-guide>`: Polish bundled, English and Ukrainian loaded when used. */
export const tg = createLazyTranslator<GuideSource>(pl, {
  en: () => import('./guide.i18n.en.js').then((m) => m.default),
  uk: () => import('./guide.i18n.uk.js').then((m) => m.default),
});
