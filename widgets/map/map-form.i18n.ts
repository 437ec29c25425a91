import { createLazyTranslator } from '../core/i18n/lazy.js';
import pl from './map-form.i18n.pl.js';

export type MapFormSource = typeof pl;
export type MapFormKey = keyof MapFormSource;

/** Translator of the map's contribution forms: Polish bundled with the form, English and Ukrainian loaded on demand. */
export const tForm = createLazyTranslator<MapFormSource>(pl, {
  en: () => import('./map-form.i18n.en.js').then((m) => m.default),
  uk: () => import('./map-form.i18n.uk.js').then((m) => m.default),
});
