import { createLazyTranslator } from '../core/i18n/lazy.js';
import pl from './events.i18n.pl.js';

export type EventsSource = typeof pl;
export type EventsKey = keyof EventsSource;

/** Strings of `<ngo-events>`: Polish bundled, English and Ukrainian loaded when used. */
export const te = createLazyTranslator<EventsSource>(pl, {
  en: () => import('./events.i18n.en.js').then((m) => m.default),
  uk: () => import('./events.i18n.uk.js').then((m) => m.default),
});
