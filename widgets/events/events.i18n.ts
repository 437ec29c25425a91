import { createLazyTranslator } from '../core/i18n/lazy.js';
import type pl from './events.i18n.pl.js';

export type EventsSource = typeof pl;
export type EventsKey = keyof EventsSource;

/** Strings of `<ngo-events>`, one chunk per language, Polish too: an English or Ukrainian page does not pay for the Polish strings. */
export const te = createLazyTranslator<EventsSource>(() => import('./events.i18n.pl.js').then((m) => m.default), {
  en: () => import('./events.i18n.en.js').then((m) => m.default),
  uk: () => import('./events.i18n.uk.js').then((m) => m.default),
});
