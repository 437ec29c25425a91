import { defineOnce } from '../core/define.js';
import { NgoAdminConsultations } from './consultations.admin.element.js';

export * from './consultations.admin.element.js';

// The staff panel imports this chunk (named in common/modules.ts) the first time the consultations section opens.
defineOnce('ngo-admin-consultations', NgoAdminConsultations);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin-consultations': NgoAdminConsultations;
  }
}
