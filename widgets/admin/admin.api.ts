import type { z } from 'zod';
import type { AuditChoices as AuditChoicesSchema, AuditEntry as AuditEntrySchema, AuditPage as AuditPageSchema, InviteStaffInput, OutboxMessage as OutboxMessageSchema, OutboxMessageDetail, OutboxPage as OutboxPageSchema, PasswordLinkInfo, SetPasswordResult, StaffUser, UpdateStaffInput } from '../../common/admin.schema.js';
import type { ClauseForm } from '../../common/clauses.js';
import type { ClauseInput, StaffClause } from '../../common/clauses.schema.js';
import { downloadQuery, type CsvDialect, type TableFormat } from '../../common/export.js';
import { staffRequest as adminRequest, type StaffSession } from '../core/staff.api.js';

/**
 * `GET /v1/admin/session`: who is signed in, their sections and the CSRF token. The sections are
 * names the server sends; the panel shows a notice for one this build does not have.
 */
export type AdminSession = StaffSession;
export type StaffMember = z.infer<typeof StaffUser>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;
export type AuditChoices = z.infer<typeof AuditChoicesSchema>;
/** The audit log's filters as the form holds them; '' is "any". */
export interface AuditFilter {
  staff: string;
  module: string;
  action: string;
  from: string;
  to: string;
}

/** The staff request of the kit, under the name the panel's clients have used. */
export { staffRequest as adminRequest } from '../core/staff.api.js';

export const getSession = (base: string, signal?: AbortSignal) => adminRequest<AdminSession>(base, '/v1/admin/session', null, { signal });

export const signIn = (base: string, body: { email: string; password: string; otp?: string }, signal?: AbortSignal) =>
  adminRequest<AdminSession>(base, '/v1/admin/session', null, { method: 'POST', body, signal });

export const signOut = (base: string, session: AdminSession) => adminRequest<void>(base, '/v1/admin/session', session, { method: 'DELETE' });

export const listStaff = (base: string, signal?: AbortSignal) => adminRequest<{ items: StaffMember[] }>(base, '/v1/admin/staff', null, { signal });

export type StaffInvite = z.input<typeof InviteStaffInput>;
export type StaffChange = z.input<typeof UpdateStaffInput>;
export type MailLanguage = 'pl' | 'en' | 'uk';

export const inviteStaff = (base: string, session: AdminSession, body: StaffInvite) =>
  adminRequest<{ staff: StaffMember }>(base, '/v1/admin/staff', session, { method: 'POST', body });

export const changeStaff = (base: string, session: AdminSession, id: string, body: StaffChange) =>
  adminRequest<StaffMember & { totpSecret: string | null }>(base, `/v1/admin/staff/${encodeURIComponent(id)}`, session, { method: 'PATCH', body });

export const resetStaffPassword = (base: string, session: AdminSession, id: string, lang: MailLanguage) =>
  adminRequest<void>(base, `/v1/admin/staff/${encodeURIComponent(id)}/password-reset?lang=${lang}`, session, { method: 'POST' });

export const resetStaffTotp = (base: string, session: AdminSession, id: string, lang: MailLanguage) =>
  adminRequest<void>(base, `/v1/admin/staff/${encodeURIComponent(id)}/totp-reset?lang=${lang}`, session, { method: 'POST' });

export const resendInvitation = (base: string, session: AdminSession, id: string, lang: MailLanguage) =>
  adminRequest<void>(base, `/v1/admin/staff/${encodeURIComponent(id)}/invitation?lang=${lang}`, session, { method: 'POST' });

/** "Forgot password" (no session): always the same answer. */
export const forgotPassword = (base: string, email: string, lang: MailLanguage) => adminRequest<{ sent: true }>(base, '/v1/admin/password/forgot', null, { method: 'POST', body: { email, lang } });

export type PasswordLink = z.infer<typeof PasswordLinkInfo>;
export const passwordLinkInfo = (base: string, token: string, signal?: AbortSignal) => adminRequest<PasswordLink>(base, '/v1/admin/password/link', null, { method: 'POST', body: { token }, signal });
export const setPassword = (base: string, token: string, password: string) =>
  adminRequest<z.infer<typeof SetPasswordResult>>(base, '/v1/admin/password', null, { method: 'POST', body: { token, password } });

export interface WaitingCount { key: string; count: number; section: string }
export const getWaiting = (base: string, signal?: AbortSignal) => adminRequest<{ items: WaitingCount[] }>(base, '/v1/admin/waiting', null, { signal });

/** The filters (and the language of the words) as a query string, without the empty ones. */
const auditQuery = (f: AuditFilter, lang: string, extra: Record<string, string> = {}) =>
  new URLSearchParams(Object.entries({ ...f, lang, ...extra }).filter(([, v]) => v !== '')).toString();

export const listAudit = (base: string, filter: AuditFilter, page: number, lang: string, signal?: AbortSignal) =>
  adminRequest<AuditPage>(base, `/v1/admin/audit?${auditQuery(filter, lang, { page: String(page), pageSize: '50' })}`, null, { signal });

export const getAuditChoices = (base: string, lang: string, signal?: AbortSignal) => adminRequest<AuditChoices>(base, `/v1/admin/audit/actions?lang=${lang}`, null, { signal });

/** A download of the filtered log (XLSX or CSV in either dialect). */
export const auditExportUrl = (base: string, filter: AuditFilter, download: { format: TableFormat; dialect: CsvDialect }, lang: string) =>
  `${base}/v1/admin/audit/export?${auditQuery(filter, lang)}&${downloadQuery(download)}`;

export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;
export type OutboxPage = z.infer<typeof OutboxPageSchema>;
export type OutboxQuery = { status?: OutboxMessage['status']; before?: string };

export function listOutbox(base: string, q: OutboxQuery, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: '50' });
  if (q.status) params.set('status', q.status);
  if (q.before) params.set('before', q.before);
  return adminRequest<OutboxPage>(base, `/v1/admin/outbox?${params}`, null, { signal });
}

export const getOutboxMessage = (base: string, id: string, signal?: AbortSignal) =>
  adminRequest<z.infer<typeof OutboxMessageDetail>>(base, `/v1/admin/outbox/${encodeURIComponent(id)}`, null, { signal });

export const resendMessage = (base: string, session: AdminSession, id: string) =>
  adminRequest<OutboxMessage>(base, `/v1/admin/outbox/${encodeURIComponent(id)}/resend`, session, { method: 'POST' });

export const listClauses = (base: string, signal?: AbortSignal) => adminRequest<{ items: StaffClause[] }>(base, '/v1/admin/settings/clauses', null, { signal });

export const saveClause = (base: string, session: AdminSession, form: ClauseForm, body: ClauseInput) =>
  adminRequest<StaffClause>(base, `/v1/admin/settings/clauses/${form}`, session, { method: 'PUT', body });
