import type { ModuleManifest } from './core/module.js';
import { coreModule } from './core/core.module.js';
import { clausesModule } from './core/clauses.module.js';
import { adminModule } from './admin/admin.module.js';
import { mapModule } from './map/map.module.js';
import { consultationsModule } from './consultations/consultations.module.js';
import { eventsModule } from './events/events.module.js';
import { guideModule } from './guide/guide.module.js';
import { surveysModule } from './surveys/surveys.module.js';
import { adviceModule } from './advice/advice.module.js';

/**
 * Every module, named once. `createApp`, `startServer`, `npm start`, `npm run purge`, the seeds and
 * the widget-test API read this list. The order is the order of the staff panel's sections and of
 * the seeds (a later seed may use an earlier one's data).
 */
export const MODULES: readonly ModuleManifest[] = [mapModule, consultationsModule, eventsModule, surveysModule, guideModule, adviceModule, adminModule, clausesModule, coreModule];
