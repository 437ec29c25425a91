import { ADMIN_SECTIONS } from '../../common/modules.js';
import { CLAUSES_AUDIT } from './clauses.audit.js';
import { clauseAdminRoutes, clauseRoutes } from './clauses.routes.js';
import { defineModule } from './module.js';

/** The information clauses of the forms (public at `/v1/clauses`) and the settings section that edits them. */
export const clausesModule = defineModule({
  slug: 'clauses',
  audit: CLAUSES_AUDIT,
  routes: clauseRoutes,
  staff: [{ section: 'settings', roles: ADMIN_SECTIONS.settings.roles, routes: clauseAdminRoutes }],
});
