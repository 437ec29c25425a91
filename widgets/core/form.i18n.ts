import { createLazyTranslator } from './i18n/lazy.js';
import pl from './form.i18n.pl.js';

export type FormSource = typeof pl;
export type FormKey = keyof FormSource;

/**
 * Strings of the public-form kit (`form.*`): Polish bundled with the kit, English and Ukrainian
 * loaded when used. A form element lists `tFormKit` in its `static translators`.
 */
export const tFormKit = createLazyTranslator<FormSource>(pl, {
  en: () => import('./form.i18n.en.js').then((m) => m.default),
  uk: () => import('./form.i18n.uk.js').then((m) => m.default),
});
