import type { Messages } from '../core/i18n/index.js';
import type { EventsSource } from './events.i18n.js';

const en: Messages<EventsSource> = {
  'events.month.grid': 'Event calendar, {month}',
  'events.month.prev': 'Previous month',
  'events.month.next': 'Next month',
  'events.month.today': 'Today',
  'events.month.help': 'Arrow keys move by day and week, Home and End to the start and end of the week, Page Up and Page Down by a month (with Shift by a year). Enter shows the day’s events.',
  'events.month.count': { one: '{count} event', other: '{count} events' },
  'events.month.none': 'no events',
  'events.month.day_label': '{date}: {events}',
  'events.month.announce': '{month}: {events}',
  'events.month.more': '+{count}',
  'events.month.day_title': 'Events: {date}',
  'events.month.day_none': 'There are no events on this day.',
  'events.month.back': 'Back to the calendar',
  'events.all_day': 'all day',
  'events.cancelled': 'cancelled',
};

export default en;
