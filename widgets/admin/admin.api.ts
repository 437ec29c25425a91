import type { z } from 'zod';
import type { AuditEntry as AuditEntrySchema, StaffUser } from '../../common/admin.schema.js';
import type { ClauseForm } from '../../common/clauses.js';
import type { ClauseInput, StaffClause } from '../../common/clauses.schema.js';
import { staffRequest as adminRequest, type StaffSession } from '../core/staff.api.js';

/**
 * `GET /v1/admin/session`: who is signed in, their sections and the CSRF token. The sections are
 * names the server sends; the panel shows a notice for one this build does not have.
 */
export type AdminSession = StaffSession;
export type StaffMember = z.infer<typeof StaffUser>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** The staff request of the kit, under the name the panel's clients have used. */
export { staffRequest as adminRequest } from '../core/staff.api.js';

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
