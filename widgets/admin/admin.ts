import { defineOnce } from '../core/define.js';
import { NgoAdmin } from './admin.element.js';
import { registerAdminSection } from './admin.sections.js';

export * from './admin.element.js';
export { registerAdminSection, type AdminSectionDefinition, type AdminSectionElement } from './admin.sections.js';

defineOnce('ngo-admin', NgoAdmin);
// Every section loads on first use, so the panel's first paint pays only for the sign-in and navigation.
const ownSections = () => import('./sections/index.js');
registerAdminSection('staff', { tag: 'ngo-admin-staff', load: ownSections });
registerAdminSection('audit', { tag: 'ngo-admin-audit', load: ownSections });
registerAdminSection('settings', { tag: 'ngo-admin-settings', load: ownSections });
registerAdminSection('map', { tag: 'ngo-admin-map', load: () => import('../map/map.admin.js') });
registerAdminSection('consultations', { tag: 'ngo-admin-consultations', load: () => import('../consultations/consultations.admin.js') });

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin': NgoAdmin;
  }
}
