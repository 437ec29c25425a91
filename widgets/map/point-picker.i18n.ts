import { createLazyTranslator } from '../core/i18n/lazy.js';
import pl from './point-picker.i18n.pl.js';

export type PointPickerSource = typeof pl;
export type PointPickerKey = keyof PointPickerSource;

/** Translator of `<ngo-point-picker>`: Polish bundled, English and Ukrainian loaded on demand. */
export const tPicker = createLazyTranslator<PointPickerSource>(pl, {
  en: () => import('./point-picker.i18n.en.js').then((m) => m.default),
  uk: () => import('./point-picker.i18n.uk.js').then((m) => m.default),
});
