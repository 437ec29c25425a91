import { createLazyTranslator } from '../core/i18n/lazy.js';
import type { AdviceSource } from './advice.i18n.pl.js';

/**
 * Strings of the advice widgets, one chunk per language (`advice.i18n.{pl,en,uk}.ts`): a page
 * loads only its own language, before the widget's first render.
 */
export type { AdviceSource };
export type AdviceKey = keyof AdviceSource;

export const ta = createLazyTranslator<AdviceSource>(() => import('./advice.i18n.pl.js').then((m) => m.default), {
  en: () => import('./advice.i18n.en.js').then((m) => m.default),
  uk: () => import('./advice.i18n.uk.js').then((m) => m.default),
});
