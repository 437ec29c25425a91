import { defineModule } from '../core/module.js';
import { GUIDE_RETENTION } from './guide.retention.js';
import { guideRoutes } from './guide.routes.js';
import { seedGuideDemo } from './guide.seed.js';

/** The online guide to the rules of cooperation: dated articles, step-by-steps, smart answers, search and exports. */
export const guideModule = defineModule({
  slug: 'guide',
  routes: guideRoutes,
  seeds: [{ name: 'guide', run: seedGuideDemo }],
  retention: GUIDE_RETENTION,
  // The staff routes (guide.admin.routes.ts) join `staff` with their panel section, which the common module table must list first.
});
