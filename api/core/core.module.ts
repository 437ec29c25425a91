import { coreRoutes } from './core.routes.js';
import { testMail } from './mail-templates.js';
import { statisticsJob } from './jobs.js';
import { defineModule } from './module.js';
import { CORE_RETENTION } from './retention.js';

/**
 * The kit itself as a module: the proof-of-work challenge (at `/v1/challenge`) and the retention
 * of sessions, rate limits, spent challenges, idempotency keys, secret links, mail and the audit log.
 */
export const coreModule = defineModule({
  slug: 'core',
  basePath: '/v1',
  routes: coreRoutes,
  retention: CORE_RETENTION,
  mail: [testMail],
  jobs: [statisticsJob],
});
