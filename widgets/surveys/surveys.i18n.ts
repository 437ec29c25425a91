import { createLazyTranslator } from '../core/i18n/lazy.js';
import type { SurveysSource } from './surveys.i18n.pl.js';

/**
 * Strings of `<ngo-survey>` and the recommendations' lines `<ngo-survey-results>` shows too, one chunk
 * per language (`surveys.i18n.{pl,en,uk}.ts`): a page loads only its own language, before the widget's
 * first render. The results' other strings are in surveys-results.i18n.ts.
 */
export type { SurveysSource };
export type SurveysKey = keyof SurveysSource;

/** `ts(lang, key, vars)`: the widgets' strings in `lang`, then the core ones. */
export const ts = createLazyTranslator<SurveysSource>(() => import('./surveys.i18n.pl.js').then((m) => m.default), {
  en: () => import('./surveys.i18n.en.js').then((m) => m.default),
  uk: () => import('./surveys.i18n.uk.js').then((m) => m.default),
});
