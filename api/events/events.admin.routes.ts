import { createRouter } from '../core/validation.js';
import { eventStaffItemRoutes, eventStaffRoutes } from './events.admin.events.routes.js';
import { registrationStaffRoutes } from './events.admin.registrations.routes.js';
import { seriesStaffRoutes } from './events.admin.series.routes.js';
import { submissionStaffRoutes } from './events.admin.submissions.routes.js';

/**
 * Staff routes of the events section, mounted at /v1/admin/events on the staff router: one router
 * per resource. The order is the order of matching (and of the OpenAPI document): `GET /{id}` comes
 * last, so that the static paths (`/submissions`, `/series/…`) win over it.
 */
export const eventAdminRoutes = createRouter();

eventAdminRoutes.route('/', eventStaffRoutes);
eventAdminRoutes.route('/', seriesStaffRoutes);
eventAdminRoutes.route('/', submissionStaffRoutes);
eventAdminRoutes.route('/', registrationStaffRoutes);
eventAdminRoutes.route('/', eventStaffItemRoutes);
