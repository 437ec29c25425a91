/**
 * Time left in a consultation, counted on the server's clock: the widget remembers how far the
 * visitor's clock is from the `serverTime` of the last answer and corrects `Date.now()` by it.
 * Pure functions, no DOM and no i18n.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far the server's clock is ahead of this one (negative when behind), from an answer's `serverTime`. */
export function clockOffset(serverTime: string, localNow: number): number {
  const server = Date.parse(serverTime);
  return Number.isFinite(server) ? server - localNow : 0;
}

export interface Remaining {
  unit: 'days' | 'hours' | 'minutes';
  count: number;
}

/**
 * What is left until `until` at `now` (both on the server's clock), in the largest whole unit:
 * whole days from one day on, whole hours from one hour on, else minutes rounded up (so the last
 * seconds still read "1 minute"). `null` once the moment has passed.
 */
export function remaining(until: string, now: number): Remaining | null {
  const ms = Date.parse(until) - now;
  if (!(ms > 0)) return null;
  if (ms >= DAY) return { unit: 'days', count: Math.floor(ms / DAY) };
  if (ms >= HOUR) return { unit: 'hours', count: Math.floor(ms / HOUR) };
  return { unit: 'minutes', count: Math.ceil(ms / MINUTE) };
}

/** A closed or reported consultation still listed as recent: it ended no more than `days` ago. */
export const endedWithin = (endsAt: string, now: number, days: number): boolean => now - Date.parse(endsAt) <= days * DAY;
