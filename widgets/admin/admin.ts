import { defineOnce } from '../core/define.js';
import { NgoAdmin } from './admin.element.js';

export * from './admin.element.js';

defineOnce('ngo-admin', NgoAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin': NgoAdmin;
  }
}
