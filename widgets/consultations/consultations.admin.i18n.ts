import { createLazyTranslator } from '../core/i18n/lazy.js';
import pl from './consultations.admin.i18n.pl.js';

export type ConsultationsAdminSource = typeof pl;
export type ConsultationsAdminKey = keyof ConsultationsAdminSource;

/**
 * Translator of the consultations section (then the core strings): Polish bundled, English and
 * Ukrainian loaded on demand (`consultations.admin.i18n.{en,uk}.ts`), like every widget's dictionaries.
 */
export const tConsultationsAdmin = createLazyTranslator<ConsultationsAdminSource>(pl, {
  en: () => import('./consultations.admin.i18n.en.js').then((m) => m.default),
  uk: () => import('./consultations.admin.i18n.uk.js').then((m) => m.default),
});
