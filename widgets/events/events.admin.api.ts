import type { z } from 'zod';
import type { CheckInResult, EventInput, SeriesInput, StaffEventItem, StaffRegistrations, StaffSeriesDetail, StaffSeriesItem, StaffSubmission } from '../../common/events.schema.js';
import type { Organisation } from '../../common/map.schema.js';
import { request } from '../core/api.js';
import { staffRequest, type SessionToken } from '../core/staff.api.js';

/**
 * Client of `/v1/admin/events`: same-origin, with the session cookie and the CSRF token on writes,
 * typed from the server's own staff response schemas (common/events.schema.ts).
 */
const BASE = '/v1/admin/events';
const id = encodeURIComponent;

export type StaffEvent = z.output<typeof StaffEventItem>;
export type StaffSubmissionItem = z.output<typeof StaffSubmission>;
export type Registrations = z.output<typeof StaffRegistrations>;
export type Registration = Registrations['items'][number];
export type CheckIn = z.output<typeof CheckInResult>;
export type StaffSeries = z.output<typeof StaffSeriesItem>;
export type SeriesDetail = z.output<typeof StaffSeriesDetail>;
/** What the event form sends (the server fills the defaults). */
export type EventBody = z.input<typeof EventInput>;
export type SeriesBody = z.input<typeof SeriesInput>;
export interface StaffEventDetail { event: StaffEvent; input: z.output<typeof EventInput> }

const post = <T>(base: string, session: SessionToken, path: string, body?: unknown) => staffRequest<T>(base, BASE + path, session, { method: 'POST', body });

export function listStaffEvents(base: string, query: { q: string; status: string }, signal?: AbortSignal) {
  const p = new URLSearchParams();
  if (query.q.trim()) p.set('q', query.q.trim());
  if (query.status) p.set('status', query.status);
  return staffRequest<{ items: StaffEvent[] }>(base, p.size ? `${BASE}?${p}` : BASE, null, { signal });
}

export const publishEvent = (base: string, session: SessionToken, event: string) => post<{ ok: true }>(base, session, `/${id(event)}/publish`);
export const cancelEvent = (base: string, session: SessionToken, event: string, reason: string) => post<{ ok: true }>(base, session, `/${id(event)}/cancel`, { reason });
/** A copy as a pending draft, `weeks` later (52 keeps the weekday: last year's festival, this year). */
export const duplicateEvent = (base: string, session: SessionToken, event: string, weeks: number) => post<{ id: string }>(base, session, `/${id(event)}/duplicate`, { weeks });

export const listSubmissions = (base: string, signal?: AbortSignal) => staffRequest<{ items: StaffSubmissionItem[] }>(base, `${BASE}/submissions`, null, { signal });
export const decideSubmission = (base: string, session: SessionToken, sub: string, decision: 'approve' | 'reject', reason: string) =>
  post<{ ok: true }>(base, session, `/submissions/${id(sub)}/${decision}`, { reason });

export const listRegistrations = (base: string, event: string, signal?: AbortSignal) => staffRequest<Registrations>(base, `${BASE}/${id(event)}/registrations`, null, { signal });
export const exportUrl = (base: string, event: string, format: 'csv' | 'xlsx', lang: string) => `${base}${BASE}/${id(event)}/registrations/export?format=${format}&lang=${lang}`;
export const cancelRegistration = (base: string, session: SessionToken, event: string, reg: string) => post<{ ok: true }>(base, session, `/${id(event)}/registrations/${id(reg)}/cancel`);
export const checkIn = (base: string, session: SessionToken, event: string, by: { code: string } | { registrationId: string }) => post<CheckIn>(base, session, `/${id(event)}/checkin`, by);
export const undoCheckIn = (base: string, session: SessionToken, event: string, reg: string) => staffRequest<{ ok: true }>(base, `${BASE}/${id(event)}/checkin/${id(reg)}`, session, { method: 'DELETE' });
export const issueCertificates = (base: string, session: SessionToken, series: string) => post<{ issued: { number: string; holderName: string }[] }>(base, session, `/series/${id(series)}/certificates`);

/** One event as its form edits it. */
export const getStaffEvent = (base: string, event: string, signal?: AbortSignal) => staffRequest<StaffEventDetail>(base, `${BASE}/${id(event)}`, null, { signal });
/** Creates (no id) or saves an event. */
export const saveEvent = (base: string, session: SessionToken, event: string | null, body: EventBody) =>
  staffRequest<{ id: string }>(base, event ? `${BASE}/${id(event)}` : BASE, session, { method: event ? 'PUT' : 'POST', body });

export const listSeries = (base: string, signal?: AbortSignal) => staffRequest<{ items: StaffSeries[] }>(base, `${BASE}/series`, null, { signal });
export const getSeries = (base: string, series: string, signal?: AbortSignal) => staffRequest<SeriesDetail>(base, `${BASE}/series/${id(series)}`, null, { signal });
export const saveSeries = (base: string, session: SessionToken, series: string | null, body: SeriesBody) =>
  staffRequest<{ id?: string; ok?: true }>(base, series ? `${BASE}/series/${id(series)}` : `${BASE}/series`, session, { method: series ? 'PUT' : 'POST', body });

export type MapOrganisation = z.output<typeof Organisation>;
/** The map's published organisations matching `q` (its public read, a short page): the organiser picker's choices. */
export const findOrganisations = (base: string, q: string, signal?: AbortSignal) =>
  request<{ items: MapOrganisation[]; total: number }>(base, `/v1/map/organisations?${new URLSearchParams({ q: q.trim(), pageSize: '8' })}`, { signal });
