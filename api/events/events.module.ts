import { ADMIN_SECTIONS, MODULES as MODULE_TABLE } from '../../common/modules.js';
import { defineModule } from '../core/module.js';
import { eventEmbedItem } from './events.embed.js';
import { EVENTS_MAIL } from './events.mail.js';
import { eventAdminRoutes } from './events.admin.routes.js';
import { EVENTS_RETENTION, expireOffersJob } from './events.retention.js';
import { eventRoutes } from './events.routes.js';
import { seedEventsDemo } from './events.seed.js';
import { eventIndicators, eventsWaiting } from './events.indicators.js';
import { EVENTS_AUDIT } from './events.audit.js';

/** The event calendar with registration: feeds, waiting lists, check-in and certificates. */
export const eventsModule = defineModule({
  slug: 'events',
  audit: EVENTS_AUDIT,
  routes: eventRoutes,
  staff: [{ section: 'events', roles: ADMIN_SECTIONS.events.roles, routes: eventAdminRoutes }],
  seeds: [{ name: 'events', run: seedEventsDemo }],
  retention: EVENTS_RETENTION,
  jobs: [expireOffersJob],
  mail: EVENTS_MAIL,
  clauseForm: MODULE_TABLE.events.clauseForm,
  waiting: (db, staff) => eventsWaiting(db, staff),
  indicators: (db, query) => eventIndicators(db, query),
  embedItem: eventEmbedItem,
});
