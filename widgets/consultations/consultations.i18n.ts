import { createLazyTranslator } from '../core/i18n/lazy.js';
import type { ConsultationSource } from './consultations.i18n.pl.js';

/**
 * Strings of `<ngo-consultation>`, one chunk per language (`consultations.i18n.{pl,en,uk}.ts`) like
 * the core dictionaries: a page loads only its own language, before the widget's first render.
 */
export type { ConsultationSource };
export type ConsultationKey = keyof ConsultationSource;

/** `tc(lang, key, vars)`: the widget's strings in `lang`, then the core ones. Every language is a chunk of its own. */
export const tc = createLazyTranslator<ConsultationSource>(() => import('./consultations.i18n.pl.js').then((m) => m.default), {
  en: () => import('./consultations.i18n.en.js').then((m) => m.default),
  uk: () => import('./consultations.i18n.uk.js').then((m) => m.default),
});
