import { ADMIN_SECTIONS } from '../../common/admin.js';
import { defineModule } from '../core/module.js';
import { mapAdminRoutes } from './map.admin.routes.js';
import { seedMapDemo } from './map.generate.js';
import { approvedMail, confirmMail, rejectedMail, reminderMail } from './map.mail.js';
import { verificationRemindersJob } from './map.reminders.js';
import { MAP_RETENTION } from './map.retention.js';
import { mapRoutes } from './map.routes.js';

/** The NGO and civic-initiative map. */
export const mapModule = defineModule({
  slug: 'map',
  routes: mapRoutes,
  staff: [{ section: 'map', roles: ADMIN_SECTIONS.map, routes: mapAdminRoutes }],
  seeds: [{ name: 'map', run: seedMapDemo }],
  retention: MAP_RETENTION,
  jobs: [verificationRemindersJob],
  mail: [confirmMail, approvedMail, rejectedMail, reminderMail],
  clauseForm: 'map',
});
