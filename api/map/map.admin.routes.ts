import { createRoute } from '@hono/zod-openapi';
import { RemindersSent } from '../../common/map.schema.js';
import { ErrorResponses, jsonContent } from '../core/openapi.js';
import { assertDistrict } from '../core/staff.rules.js';
import { createRouter } from '../core/validation.js';
import { organisationAdminRoutes } from './map.admin.organisations.routes.js';
import { queueRoutes } from './map.admin.submissions.routes.js';
import { sendVerificationReminders } from './map.reminders.js';

/**
 * Staff section of the map, mounted at /v1/admin/map by the staff router: the moderation queue
 * and the entries (one router each), and the yearly reminders here.
 */
export const mapAdminRoutes = createRouter();

mapAdminRoutes.route('/submissions', queueRoutes);
mapAdminRoutes.route('/organisations', organisationAdminRoutes);

mapAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/reminders',
    tags: ['map (staff)'],
    summary: 'Send the yearly "please confirm your data" e-mails that are due now (also runs daily on its own)',
    responses: { 200: jsonContent(RemindersSent, 'Sent'), ...ErrorResponses },
  }),
  async (c) => {
    assertDistrict(c.var.staff!, null); // a city-wide run: not for district-scoped staff
    return c.json({ sent: await sendVerificationReminders(c.var.db, c.var.mailer, c.var.config) }, 200);
  },
);
