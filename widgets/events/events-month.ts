import { defineOnce } from '../core/define.js';
import { NgoEventsMonth } from './events-month.element.js';

export * from './events-month.element.js';

defineOnce('ngo-events-month', NgoEventsMonth);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-events-month': NgoEventsMonth;
  }
}
