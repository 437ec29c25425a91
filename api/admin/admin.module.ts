import { ADMIN_SECTIONS } from '../../common/modules.js';
import { defineModule } from '../core/module.js';
import { auditRoutes, sessionRoutes, signInRoutes, staffAccountRoutes } from './admin.routes.js';

/** Staff accounts: signing in, the session, the staff list and the audit log. */
export const adminModule = defineModule({
  slug: 'admin',
  signIn: signInRoutes,
  staffCommon: sessionRoutes,
  staff: [
    { section: 'staff', roles: ADMIN_SECTIONS.staff.roles, routes: staffAccountRoutes },
    { section: 'audit', roles: ADMIN_SECTIONS.audit.roles, routes: auditRoutes },
  ],
});
