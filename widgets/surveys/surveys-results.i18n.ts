import { createLazyTranslator } from '../core/i18n/lazy.js';
import type { SurveyResultsSource } from './surveys-results.i18n.pl.js';

/**
 * Strings of `<ngo-survey-results>`, one chunk per language (`surveys-results.i18n.{pl,en,uk}.ts`),
 * apart from the survey's own, so neither widget fetches the other's; the recommendations' lines,
 * which both show, stay in surveys.i18n.ts.
 */
export type { SurveyResultsSource };
export type SurveyResultsKey = keyof SurveyResultsSource;

/** `tsr(lang, key, vars)`: the results' strings in `lang`, then the core ones. */
export const tsr = createLazyTranslator<SurveyResultsSource>(() => import('./surveys-results.i18n.pl.js').then((m) => m.default), {
  en: () => import('./surveys-results.i18n.en.js').then((m) => m.default),
  uk: () => import('./surveys-results.i18n.uk.js').then((m) => m.default),
});
