import { ADMIN_SECTIONS } from '../../common/modules.js';
import { defineModule } from '../core/module.js';
import { surveyAdminRoutes } from './surveys.admin.routes.js';
import { SURVEYS_MAIL } from './surveys.mail.js';
import { SURVEYS_RETENTION } from './surveys.retention.js';
import { surveyRoutes } from './surveys.routes.js';
import { seedSurveysDemo } from './surveys.seed.js';
import { SURVEYS_AUDIT } from './surveys.audit.js';

/** The staff section of the survey (`/v1/admin/surveys`), with the roles of the common module table's `surveys` panel section. */
export const SURVEYS_STAFF = { section: 'surveys', roles: ADMIN_SECTIONS.surveys.roles, routes: surveyAdminRoutes };

/** The LIJW cooperation-quality survey: instruments, editions, anonymous responses, results and the joint meeting. */
export const surveysModule = defineModule({
  slug: 'surveys',
  audit: SURVEYS_AUDIT,
  routes: surveyRoutes,
  staff: [SURVEYS_STAFF],
  seeds: [{ name: 'surveys', run: seedSurveysDemo }],
  retention: SURVEYS_RETENTION,
  mail: SURVEYS_MAIL,
});
