import { defineModule } from '../core/module.js';
import { surveyAdminRoutes } from './surveys.admin.routes.js';
import { SURVEYS_MAIL } from './surveys.mail.js';
import { SURVEYS_RETENTION } from './surveys.retention.js';
import { surveyRoutes } from './surveys.routes.js';
import { seedSurveysDemo } from './surveys.seed.js';

/**
 * The staff section of the survey (`/v1/admin/surveys`). It joins the manifest's `staff` once the
 * common module table lists the `surveys` panel section (with the `ngo-admin-surveys` element), so
 * that the roles are written once; tests mount it through `SURVEYS_STAFF`.
 */
export const SURVEYS_STAFF = { section: 'surveys', roles: ['editor'] as const, routes: surveyAdminRoutes };

/** The LIJW cooperation-quality survey: instruments, editions, anonymous responses, results and the joint meeting. */
export const surveysModule = defineModule({
  slug: 'surveys',
  routes: surveyRoutes,
  seeds: [{ name: 'surveys', run: seedSurveysDemo }],
  retention: SURVEYS_RETENTION,
  mail: SURVEYS_MAIL,
});
