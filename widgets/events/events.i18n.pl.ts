import type { Messages } from '../core/i18n/index.js';

/** Strings of `<ngo-events>` and its month grid: the Polish source. */
const pl = {
  'events.month.grid': 'Kalendarz wydarzeń, {month}',
  'events.month.prev': 'Poprzedni miesiąc',
  'events.month.next': 'Następny miesiąc',
  'events.month.today': 'Dzisiaj',
  'events.month.help': 'Strzałki przechodzą po dniach i tygodniach, Home i End na początek i koniec tygodnia, Page Up i Page Down o miesiąc (z Shift o rok). Enter pokazuje wydarzenia dnia.',
  'events.month.count': { one: '{count} wydarzenie', few: '{count} wydarzenia', many: '{count} wydarzeń', other: '{count} wydarzenia' },
  'events.month.none': 'brak wydarzeń',
  'events.month.day_label': '{date}: {events}',
  'events.month.announce': '{month}: {events}',
  'events.month.more': '+{count}',
  'events.month.day_title': 'Wydarzenia: {date}',
  'events.month.day_none': 'Tego dnia nie ma wydarzeń.',
  'events.month.back': 'Wróć do kalendarza',
  'events.all_day': 'cały dzień',
  'events.cancelled': 'odwołane',
} as const satisfies Messages;

export default pl;
