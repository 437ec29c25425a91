import { defineOnce } from '../core/define.js';
import { NgoAdviceForm } from './advice-form.element.js';

export * from './advice-form.element.js';

defineOnce('ngo-advice-form', NgoAdviceForm);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-advice-form': NgoAdviceForm;
  }
}
