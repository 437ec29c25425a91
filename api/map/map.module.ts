import { ADMIN_SECTIONS, MODULES as MODULE_TABLE } from '../../common/modules.js';
import { defineModule } from '../core/module.js';
import { mapAdminRoutes } from './map.admin.routes.js';
import { seedMapDemo } from './map.generate.js';
import { approvedMail, confirmMail, rejectedMail, reminderMail, submissionArrivedMail } from './map.mail.js';
import { verificationRemindersJob } from './map.reminders.js';
import { mapWaiting, mapIndicators } from './map.indicators.js';
import { MAP_RETENTION } from './map.retention.js';
import { mapRoutes } from './map.routes.js';
import { MAP_AUDIT } from './map.audit.js';

/** The NGO and civic-initiative map. */
export const mapModule = defineModule({
  slug: 'map',
  audit: MAP_AUDIT,
  routes: mapRoutes,
  staff: [{ section: 'map', roles: ADMIN_SECTIONS.map.roles, routes: mapAdminRoutes }],
  seeds: [{ name: 'map', run: seedMapDemo }],
  retention: MAP_RETENTION,
  jobs: [verificationRemindersJob],
  mail: [confirmMail, approvedMail, rejectedMail, reminderMail, submissionArrivedMail],
  clauseForm: MODULE_TABLE.map.clauseForm,
  waiting: (db, staff) => mapWaiting(db, staff),
  indicators: (db, query) => mapIndicators(db, query),
});
