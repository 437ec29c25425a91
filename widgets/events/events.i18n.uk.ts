import type { Messages } from '../core/i18n/index.js';
import type { EventsSource } from './events.i18n.js';

const uk: Messages<EventsSource> = {
  'events.month.grid': 'Календар подій, {month}',
  'events.month.prev': 'Попередній місяць',
  'events.month.next': 'Наступний місяць',
  'events.month.today': 'Сьогодні',
  'events.month.help': 'Стрілки переходять між днями й тижнями, Home і End — на початок і кінець тижня, Page Up і Page Down — на місяць (із Shift — на рік). Enter показує події дня.',
  'events.month.count': { one: '{count} подія', few: '{count} події', many: '{count} подій', other: '{count} події' },
  'events.month.none': 'немає подій',
  'events.month.day_label': '{date}: {events}',
  'events.month.announce': '{month}: {events}',
  'events.month.more': '+{count}',
  'events.month.day_title': 'Події: {date}',
  'events.month.day_none': 'Цього дня подій немає.',
  'events.month.back': 'Назад до календаря',
  'events.all_day': 'увесь день',
  'events.cancelled': 'скасовано',
};

export default uk;
