import { request } from '../core/api.js';
import { PATH, type CalendarSeries } from './events.api.js';

/** What only the registration form asks of `/v1/events` (events.api.ts has the calendar's reads): it loads with the form. */

const enc = encodeURIComponent;

export const getSeries = (base: string, id: string, signal?: AbortSignal) => request<CalendarSeries>(base, `${PATH}/series/${enc(id)}`, { signal });

export const registrationPath = (id: string) => `${PATH}/${enc(id)}/registrations`;
/** The self-service actions, each a POST with the e-mailed token. */
export const LINK_PATHS = {
  confirm: `${PATH}/registrations/confirm`,
  view: `${PATH}/registrations/manage`,
  cancel: `${PATH}/registrations/manage/cancel`,
  accept: `${PATH}/registrations/manage/accept`,
  change: `${PATH}/registrations/manage/change`,
} as const;
