import { CSRF_HEADER, type AdminSection } from '../../common/admin.js';
import type { ClauseForm } from '../../common/clauses.js';
import type { ClauseInput, StaffClause } from '../../common/clauses.schema.js';
import type { StaffRole } from '../../common/taxonomy.js';
import { request, type RequestOptions } from '../core/api.js';

/** `GET /v1/admin/session`: who is signed in, their sections and the CSRF token. */
export interface AdminSession {
  staff: { id: string; email: string; name: string; role: StaffRole; district: number | null };
  csrfToken: string;
  sections: AdminSection[];
  expiresAt?: string;
}

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  district: number | null;
  disabled: boolean;
  lastLoginAt: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  staffId: string | null;
  action: string;
  subject: string | null;
  details: unknown;
}

/**
 * A staff request: same-origin with the session cookie, and the CSRF token on unsafe methods.
 * Staff routes are never CORS-enabled, so `base` must be the page's own origin.
 */
export function adminRequest<T>(base: string, path: string, session: Pick<AdminSession, 'csrfToken'> | null, options: RequestOptions = {}): Promise<T> {
  const unsafe = (options.method ?? 'GET') !== 'GET';
  return request<T>(base, path, {
    ...options,
    credentials: 'same-origin',
    headers: { ...options.headers, ...(unsafe && session ? { [CSRF_HEADER]: session.csrfToken } : {}) },
  });
}

export const getSession = (base: string, signal?: AbortSignal) => adminRequest<AdminSession>(base, '/v1/admin/session', null, { signal });

export const signIn = (base: string, body: { email: string; password: string; otp?: string }, signal?: AbortSignal) =>
  adminRequest<AdminSession>(base, '/v1/admin/session', null, { method: 'POST', body, signal });

export const signOut = (base: string, session: AdminSession) => adminRequest<void>(base, '/v1/admin/session', session, { method: 'DELETE' });

export const listStaff = (base: string, signal?: AbortSignal) => adminRequest<{ items: StaffMember[] }>(base, '/v1/admin/staff', null, { signal });

export const listAudit = (base: string, before: string | undefined, signal?: AbortSignal) =>
  adminRequest<{ items: AuditEntry[] }>(base, `/v1/admin/audit?limit=50${before ? `&before=${encodeURIComponent(before)}` : ''}`, null, { signal });

export const listClauses = (base: string, signal?: AbortSignal) => adminRequest<{ items: StaffClause[] }>(base, '/v1/admin/settings/clauses', null, { signal });

export const saveClause = (base: string, session: AdminSession, form: ClauseForm, body: ClauseInput) =>
  adminRequest<StaffClause>(base, `/v1/admin/settings/clauses/${form}`, session, { method: 'PUT', body });
