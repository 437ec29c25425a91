import { ADMIN_SECTIONS } from '../../common/modules.js';
import { defineModule } from '../core/module.js';
import { ADMIN_MAIL } from './admin.mail.js';
import { auditRoutes } from './audit.routes.js';
import { sessionRoutes, signInRoutes, staffAccountRoutes } from './admin.routes.js';
import { ADMIN_AUDIT } from './admin.audit.js';
import { outboxRoutes } from './outbox.routes.js';

/** Staff accounts: signing in (and setting a password from a mailed link), the session, staff management, the audit log and the outbox. */
export const adminModule = defineModule({
  slug: 'admin',
  audit: ADMIN_AUDIT,
  signIn: signInRoutes,
  mail: ADMIN_MAIL,
  staffCommon: sessionRoutes,
  staff: [
    { section: 'staff', roles: ADMIN_SECTIONS.staff.roles, routes: staffAccountRoutes },
    { section: 'audit', roles: ADMIN_SECTIONS.audit.roles, routes: auditRoutes },
    { section: 'outbox', roles: ADMIN_SECTIONS.outbox.roles, routes: outboxRoutes },
  ],
});
