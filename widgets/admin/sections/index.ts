import { defineOnce } from '../../core/define.js';
import { NgoAdminAudit } from './audit.element.js';
import { NgoAdminOutbox } from './outbox.element.js';
import { NgoAdminPassword } from './password.element.js';
import { NgoAdminSettings } from './settings.element.js';
import { NgoAdminStaff } from './staff.element.js';
import { NgoAdminStart } from './start.element.js';
import { NgoAdminStaffInvite } from './staff.invite.js';

/** The panel's own admin-only sections, loaded when an admin first opens one of them. */
export { NgoAdminAudit, NgoAdminOutbox, NgoAdminPassword, NgoAdminStart, NgoAdminSettings, NgoAdminStaff, NgoAdminStaffInvite };

defineOnce('ngo-admin-staff', NgoAdminStaff);
defineOnce('ngo-admin-staff-invite', NgoAdminStaffInvite);
defineOnce('ngo-admin-audit', NgoAdminAudit);
defineOnce('ngo-admin-settings', NgoAdminSettings);
defineOnce('ngo-admin-outbox', NgoAdminOutbox);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin-staff': NgoAdminStaff;
    'ngo-admin-audit': NgoAdminAudit;
    'ngo-admin-settings': NgoAdminSettings;
    'ngo-admin-outbox': NgoAdminOutbox;
  }
}
defineOnce('ngo-admin-staff-password', NgoAdminPassword);
defineOnce('ngo-admin-start', NgoAdminStart);
