import type { z } from 'zod';
import type { OrgStatus } from '../../common/map.js';
import type { QueueItem, RemindersSent, StaffEntry, StaffOrganisationPage } from '../../common/map.schema.js';
import { staffRequest, type SessionToken } from '../core/staff.api.js';

/**
 * Client of `/v1/admin/map`: same-origin, with the session cookie and the CSRF token on POST. The
 * answers are typed from the server's own response schemas (common/map.schema.ts).
 */
const BASE = '/v1/admin/map';

export type { DuplicateReason, EntryVersion, QueueItem, StaffEntry, StaffOrganisation } from '../../common/map.schema.js';

export interface EntryQuery {
  q: string;
  status: OrgStatus | '';
  page: number;
}

export const PAGE_SIZE = 50;
type Session = SessionToken;
const post = <T>(base: string, session: Session, path: string, body?: unknown) => staffRequest<T>(base, BASE + path, session, { method: 'POST', body });
const id = encodeURIComponent;

export const listQueue = (base: string, signal?: AbortSignal) => staffRequest<{ items: QueueItem[] }>(base, `${BASE}/submissions?status=pending`, null, { signal });

export const approveSubmission = (base: string, session: Session, sub: string) => post<{ organisationId: string }>(base, session, `/submissions/${id(sub)}/approve`);

export const rejectSubmission = (base: string, session: Session, sub: string, reason: string) => post<{ id: string }>(base, session, `/submissions/${id(sub)}/reject`, { reason });

export function listEntries(base: string, query: EntryQuery, signal?: AbortSignal) {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(PAGE_SIZE) });
  if (query.q) params.set('q', query.q);
  if (query.status) params.set('status', query.status);
  return staffRequest<z.output<typeof StaffOrganisationPage>>(base, `${BASE}/organisations?${params}`, null, { signal });
}

export const getEntry = (base: string, org: string, signal?: AbortSignal) => staffRequest<StaffEntry>(base, `${BASE}/organisations/${id(org)}`, null, { signal });

export const setEntryStatus = (base: string, session: Session, org: string, action: 'archive' | 'publish') =>
  post<{ id: string; status: string }>(base, session, `/organisations/${id(org)}/${action}`);

export const sendReminders = (base: string, session: Session) => post<z.output<typeof RemindersSent>>(base, session, '/reminders');
