import { defineOnce } from '../../core/define.js';
import { NgoAdminAudit } from './audit.element.js';
import { NgoAdminSettings } from './settings.element.js';
import { NgoAdminStaff } from './staff.element.js';

/** The panel's own admin-only sections, loaded when an admin first opens one of them. */
export { NgoAdminAudit, NgoAdminSettings, NgoAdminStaff };

defineOnce('ngo-admin-staff', NgoAdminStaff);
defineOnce('ngo-admin-audit', NgoAdminAudit);
defineOnce('ngo-admin-settings', NgoAdminSettings);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin-staff': NgoAdminStaff;
    'ngo-admin-audit': NgoAdminAudit;
    'ngo-admin-settings': NgoAdminSettings;
  }
}
