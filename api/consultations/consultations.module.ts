import { ADMIN_SECTIONS, MODULES as MODULE_TABLE } from '../../common/modules.js';
import { defineModule } from '../core/module.js';
import { consultationAdminRoutes } from './consultations.admin.routes.js';
import { answeredMail, confirmRemarkMail, confirmSupportMail, remarkArrivedMail, remarkRejectedMail } from './consultations.mail.js';
import { consultationsWaiting, consultationIndicators } from './consultations.indicators.js';
import { CONSULTATIONS_RETENTION } from './consultations.retention.js';
import { consultationRoutes } from './consultations.routes.js';
import { seedConsultationsDemo } from './consultations.seed.js';
import { CONSULTATIONS_AUDIT } from './consultations.audit.js';

/** The consultation comment box: remarks on a draft act, answers and the statutory report. */
export const consultationsModule = defineModule({
  slug: 'consultations',
  audit: CONSULTATIONS_AUDIT,
  routes: consultationRoutes,
  staff: [{ section: 'consultations', roles: ADMIN_SECTIONS.consultations.roles, routes: consultationAdminRoutes }],
  seeds: [{ name: 'consultations', run: seedConsultationsDemo }],
  retention: CONSULTATIONS_RETENTION,
  mail: [confirmRemarkMail, confirmSupportMail, remarkArrivedMail, answeredMail, remarkRejectedMail],
  clauseForm: MODULE_TABLE.consultations.clauseForm,
  waiting: (db, staff) => consultationsWaiting(db, staff),
  indicators: (db, query) => consultationIndicators(db, query),
});
