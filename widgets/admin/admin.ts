import { defineOnce } from '../core/define.js';
import { NgoAdmin } from './admin.element.js';
import { registerAdminSection } from './admin.sections.js';
import { NgoAdminAudit } from './sections/audit.element.js';
import { NgoAdminSettings } from './sections/settings.element.js';
import { NgoAdminStaff } from './sections/staff.element.js';

export * from './admin.element.js';
export { registerAdminSection, type AdminSectionDefinition, type AdminSectionElement } from './admin.sections.js';
export { NgoAdminAudit, NgoAdminSettings, NgoAdminStaff };

defineOnce('ngo-admin', NgoAdmin);
defineOnce('ngo-admin-staff', NgoAdminStaff);
defineOnce('ngo-admin-audit', NgoAdminAudit);
defineOnce('ngo-admin-settings', NgoAdminSettings);
registerAdminSection('staff', { tag: 'ngo-admin-staff' });
registerAdminSection('audit', { tag: 'ngo-admin-audit' });
registerAdminSection('settings', { tag: 'ngo-admin-settings' });
registerAdminSection('map', { tag: 'ngo-admin-map', load: () => import('../map/map.admin.js') });
registerAdminSection('consultations', { tag: 'ngo-admin-consultations', load: () => import('../consultations/consultations.admin.js') });

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin': NgoAdmin;
    'ngo-admin-staff': NgoAdminStaff;
    'ngo-admin-audit': NgoAdminAudit;
    'ngo-admin-settings': NgoAdminSettings;
  }
}
