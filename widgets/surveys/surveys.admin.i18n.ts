import { createLazyTranslator } from '../core/i18n/lazy.js';
import pl from './surveys.admin.i18n.pl.js';

export type SurveysAdminSource = typeof pl;
export type SurveysAdminKey = keyof SurveysAdminSource;

/**
 * Translator of the surveys section (then the core strings): Polish bundled, English and Ukrainian
 * loaded on demand (`surveys.admin.i18n.{en,uk}.ts`), like every widget's dictionaries.
 */
export const tSurveysAdmin = createLazyTranslator<SurveysAdminSource>(pl, {
  en: () => import('./surveys.admin.i18n.en.js').then((m) => m.default),
  uk: () => import('./surveys.admin.i18n.uk.js').then((m) => m.default),
});
