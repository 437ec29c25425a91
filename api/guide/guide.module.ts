import { ADMIN_SECTIONS } from '../../common/modules.js';
import { canReachSection } from '../core/module.js';
import { defineModule } from '../core/module.js';
import { guideAdminRoutes } from './guide.admin.routes.js';
import { GUIDE_RETENTION } from './guide.retention.js';
import { guideRoutes } from './guide.routes.js';
import { seedGuideDemo } from './guide.seed.js';
import { articlesDueForReview } from './guide.service.js';
import { GUIDE_AUDIT } from './guide.audit.js';

/** The online guide to the rules of cooperation: dated articles, step-by-steps, smart answers, search and exports. */
export const guideModule = defineModule({
  slug: 'guide',
  audit: GUIDE_AUDIT,
  routes: guideRoutes,
  staff: [{ section: 'guide', roles: ADMIN_SECTIONS.guide.roles, routes: guideAdminRoutes }],
  seeds: [{ name: 'guide', run: seedGuideDemo }],
  retention: GUIDE_RETENTION,
  // The start screen's count: published articles whose review date has come (city-wide editors and admins).
  waiting: async (db, staff) =>
    canReachSection(staff.role, ADMIN_SECTIONS.guide) && staff.district === null ? [{ key: 'guide.review_due', count: await articlesDueForReview(db), section: 'guide' }] : [],
});
