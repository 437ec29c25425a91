import { MODULES as MODULE_TABLE } from '../../common/modules.js';
import { defineModule } from '../core/module.js';
import { eventEmbedItem } from './events.embed.js';
import { EVENTS_MAIL } from './events.mail.js';
import { EVENTS_RETENTION, expireOffersJob } from './events.retention.js';
import { eventRoutes } from './events.routes.js';
import { seedEventsDemo } from './events.seed.js';
import { eventIndicators, eventsWaiting } from './events.indicators.js';

/** The event calendar with registration: feeds, waiting lists, check-in and certificates. */
export const eventsModule = defineModule({
  slug: 'events',
  routes: eventRoutes,
  seeds: [{ name: 'events', run: seedEventsDemo }],
  retention: EVENTS_RETENTION,
  jobs: [expireOffersJob],
  mail: EVENTS_MAIL,
  clauseForm: MODULE_TABLE.events.clauseForm,
  waiting: (db, staff) => eventsWaiting(db, staff),
  indicators: (db, query) => eventIndicators(db, query),
  embedItem: eventEmbedItem,
  // The staff routes (events.admin.routes.ts) join `staff` with their panel section, which the common module table must list first.
});
