import { defineOnce } from '../core/define.js';
import { NgoEvents } from './events.element.js';

export * from './events.element.js';

defineOnce('ngo-events', NgoEvents);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-events': NgoEvents;
  }
}
