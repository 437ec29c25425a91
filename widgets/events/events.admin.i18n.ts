import { createLazyTranslator } from '../core/i18n/lazy.js';
import pl from './events.admin.i18n.pl.js';

export type EventsAdminSource = typeof pl;
export type EventsAdminKey = keyof EventsAdminSource;

/** Translator of the staff section "events" (then the core strings): Polish bundled, English and Ukrainian loaded on demand. */
export const tEventsAdmin = createLazyTranslator<EventsAdminSource>(pl, {
  en: () => import('./events.admin.i18n.en.js').then((m) => m.default),
  uk: () => import('./events.admin.i18n.uk.js').then((m) => m.default),
});
