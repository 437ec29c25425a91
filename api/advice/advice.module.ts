import { ADMIN_SECTIONS, MODULES as MODULE_TABLE } from '../../common/modules.js';
import { defineModule } from '../core/module.js';
import { adviceAdminRoutes, STAFF_UPLOADS } from './advice.admin.routes.js';
import { adviceIndicators, adviceWaiting } from './advice.indicators.js';
import { ADVICE_MAIL } from './advice.mail.js';
import { ADVICE_RETENTION, adviceRemindersJob } from './advice.retention.js';
import { adviceRoutes } from './advice.routes.js';
import { seedAdviceDemo } from './advice.seed.js';
import { PUBLIC_UPLOADS } from './advice.status.routes.js';
import { ADVICE_AUDIT } from './advice.audit.js';

/** The advisory point: requests by topic, cases handled by advisers, meeting slots, the status page behind a secret link. */
export const adviceModule = defineModule({
  slug: 'advice',
  audit: ADVICE_AUDIT,
  routes: adviceRoutes,
  staff: [{ section: 'advice', roles: ADMIN_SECTIONS.advice.roles, routes: adviceAdminRoutes }],
  seeds: [{ name: 'advice', run: seedAdviceDemo }],
  retention: ADVICE_RETENTION,
  jobs: [adviceRemindersJob],
  mail: ADVICE_MAIL,
  clauseForm: MODULE_TABLE.advice.clauseForm,
  uploads: [...PUBLIC_UPLOADS, ...STAFF_UPLOADS],
  waiting: (db, staff) => adviceWaiting(db, staff),
  indicators: (db, query) => adviceIndicators(db, query),
});
