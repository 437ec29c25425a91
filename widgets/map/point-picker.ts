import { defineOnce } from '../core/define.js';
import { NgoPointPicker } from './point-picker.element.js';

export * from './point-picker.element.js';

defineOnce('ngo-point-picker', NgoPointPicker);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-point-picker': NgoPointPicker;
  }
}
