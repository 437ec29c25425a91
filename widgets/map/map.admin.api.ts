import type { OrgStatus } from '../../common/map.js';
import type { Organisation, OrganisationInput } from '../../common/map.schema.js';
import { adminRequest, type AdminSession } from '../admin/admin.api.js';

/** Client of `/v1/admin/map`: same-origin, with the session cookie and the CSRF token on POST. */
const BASE = '/v1/admin/map';

export type SubmissionType = 'create' | 'correction' | 'owner_edit';
export type DuplicateReason = 'same_krs' | 'similar_name' | 'same_address';

export interface QueueItem {
  id: string;
  type: SubmissionType;
  status: string;
  organisationId: string | null;
  submitter: { name: string; email: string };
  note: string | null;
  createdAt: string;
  data: OrganisationInput;
  diff: { field: string; before: unknown; after: unknown }[];
  duplicates: { id: string; name: string; status: string; reasons: DuplicateReason[] }[];
}

export interface StaffOrganisation extends Organisation {
  status: OrgStatus;
  ownerEmail: string | null;
  version: number;
}

/** One saved version of an entry. `changedBy`: `staff:<id>`, `submission`, `import` or `demo-seed`. */
export interface EntryVersion {
  version: number;
  status: string;
  changedBy: string;
  note: string | null;
  createdAt: string;
}

/** `GET /organisations/{id}`: the entry with its version history. */
export interface StaffEntry extends StaffOrganisation {
  versions: EntryVersion[];
}

export interface EntryQuery {
  q: string;
  status: OrgStatus | '';
  page: number;
}

export const PAGE_SIZE = 50;
type Session = Pick<AdminSession, 'csrfToken'> | null;
const post = <T>(base: string, session: Session, path: string, body?: unknown) => adminRequest<T>(base, BASE + path, session, { method: 'POST', body });
const id = encodeURIComponent;

export const listQueue = (base: string, signal?: AbortSignal) => adminRequest<{ items: QueueItem[] }>(base, `${BASE}/submissions?status=pending`, null, { signal });

export const approveSubmission = (base: string, session: Session, sub: string) => post<{ organisationId: string }>(base, session, `/submissions/${id(sub)}/approve`);

export const rejectSubmission = (base: string, session: Session, sub: string, reason: string) => post<{ id: string }>(base, session, `/submissions/${id(sub)}/reject`, { reason });

export function listEntries(base: string, query: EntryQuery, signal?: AbortSignal) {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(PAGE_SIZE) });
  if (query.q) params.set('q', query.q);
  if (query.status) params.set('status', query.status);
  return adminRequest<{ items: StaffOrganisation[]; total: number }>(base, `${BASE}/organisations?${params}`, null, { signal });
}

export const getEntry = (base: string, org: string, signal?: AbortSignal) => adminRequest<StaffEntry>(base, `${BASE}/organisations/${id(org)}`, null, { signal });

export const setEntryStatus = (base: string, session: Session, org: string, action: 'archive' | 'publish') =>
  post<{ id: string; status: string }>(base, session, `/organisations/${id(org)}/${action}`);

export const sendReminders = (base: string, session: Session) => post<{ sent: number }>(base, session, '/reminders');
