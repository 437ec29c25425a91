import { defineOnce } from '../core/define.js';
import { NgoMapForm } from './map-form.element.js';

export * from './map-form.element.js';

defineOnce('ngo-map-form', NgoMapForm);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-map-form': NgoMapForm;
  }
}

export { mapFormTemplate } from './map-form.slot.js';
