import { defineOnce } from '../core/define.js';
import { NgoMap } from './map.element.js';

export * from './map.element.js';

defineOnce('ngo-map', NgoMap);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-map': NgoMap;
  }
}
