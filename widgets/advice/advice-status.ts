import { defineOnce } from '../core/define.js';
import { NgoAdviceStatus } from './advice-status.element.js';

export * from './advice-status.element.js';

defineOnce('ngo-advice-status', NgoAdviceStatus);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-advice-status': NgoAdviceStatus;
  }
}
