import type { RetentionRule } from '../core/retention.js';
import type { Job } from '../core/jobs.js';
import { purgeRegistrations } from './events.attendance.js';
import { expireOffers } from './events.places.js';
import { mailStatus } from './events.service.js';

/** The events' retention rules. */
export const EVENTS_RETENTION: readonly RetentionRule[] = [
  {
    name: 'events:registrations',
    describe: "Registrants' names, e-mails, organisations and answers, RETENTION_EVENT_REGISTRATION_DAYS (default 90) after the event's last session; counts, access needs and attendance stay. Unconfirmed registrations go after the same time.",
    run: (db, now, config) => purgeRegistrations(db, config.retention.eventRegistrationDays, now),
  },
];

/** Offers from the waiting list that were not accepted in time pass to the next person, who is mailed. */
export const expireOffersJob: Job = {
  name: 'events:offers',
  intervalMs: 5 * 60_000,
  run: async ({ db, mailer, config }) => (await expireOffers(db, new Date(), (trx, reg) => mailStatus({ db, mailer, config }, trx, reg))).length,
};
