import { assertDistrict } from '../core/staff.rules.js';
import { createRouter } from '../core/validation.js';
import { surveyEditionRoutes } from './surveys.editions.routes.js';
import { surveyExportRoutes } from './surveys.export.routes.js';
import { surveyInstrumentRoutes } from './surveys.instruments.routes.js';
import { surveyInvitationRoutes } from './surveys.invitations.routes.js';
import { surveyMeetingRoutes } from './surveys.meeting.routes.js';
import { surveyResultsRoutes } from './surveys.results.routes.js';

/** Staff routes of the surveys section, mounted at /v1/admin/surveys on the staff router: one router per resource. */
export const surveyAdminRoutes = createRouter();

// The survey is the city's, not a district's: district-scoped staff do not run it.
surveyAdminRoutes.use('*', async (c, next) => {
  assertDistrict(c.var.staff!, null);
  await next();
});

surveyAdminRoutes.route('/', surveyInstrumentRoutes);
surveyAdminRoutes.route('/', surveyEditionRoutes);
surveyAdminRoutes.route('/', surveyInvitationRoutes);
surveyAdminRoutes.route('/', surveyResultsRoutes);
surveyAdminRoutes.route('/', surveyMeetingRoutes);
surveyAdminRoutes.route('/', surveyExportRoutes);
