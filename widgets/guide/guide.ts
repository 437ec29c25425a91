import { defineOnce } from '../core/define.js';
import { NgoGuide } from './guide.element.js';

export * from './guide.element.js';

defineOnce('ngo-guide', NgoGuide);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-guide': NgoGuide;
  }
}
