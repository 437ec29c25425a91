import { createLazyTranslator } from '../core/i18n/lazy.js';
import pl from './guide.admin.i18n.pl.js';

export type GuideAdminSource = typeof pl;
export type GuideAdminKey = keyof GuideAdminSource;

/** Translator of the guide's staff section (then the core strings): Polish bundled, English and Ukrainian loaded on demand. */
export const tGuideAdmin = createLazyTranslator<GuideAdminSource>(pl, {
  en: () => import('./guide.admin.i18n.en.js').then((m) => m.default),
  uk: () => import('./guide.admin.i18n.uk.js').then((m) => m.default),
});
