import { defineOnce } from '../core/define.js';
import { NgoConsultation } from './consultations.element.js';

export * from './consultations.element.js';

defineOnce('ngo-consultation', NgoConsultation);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-consultation': NgoConsultation;
  }
}
