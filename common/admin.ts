import { ADMIN_SECTIONS, type AdminSection } from './modules.js';
import { labelTranslator, type LabelTable } from './i18n.js';
import type { StaffRole } from './taxonomy.js';

export type { AdminSection };

/**
 * Whether `role` reaches a staff-panel section (`admin` reaches all). The roles come from the module
 * table (`common/modules.ts`); the API enforces them on `/v1/admin/<section>`, and `<ngo-admin>` shows
 * the sections the session lists.
 */
export function canReach(role: StaffRole, section: AdminSection): boolean {
  return role === 'admin' || (ADMIN_SECTIONS[section].roles as readonly StaffRole[]).includes(role);
}

/** The sections `role` reaches, in the order of the panel's navigation. */
export function sectionsFor(role: StaffRole): AdminSection[] {
  return (Object.keys(ADMIN_SECTIONS) as AdminSection[]).filter((s) => canReach(role, s));
}

/** Header carrying the CSRF token on every unsafe staff request. */
export const CSRF_HEADER = 'X-CSRF-Token';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** Staff role names in the three languages, for mail, exports and the panel: `tRole(lang, role)`. */
export const ROLE_LABELS: LabelTable<StaffRole> = {
  admin: { pl: 'administrator', en: 'administrator', uk: 'адміністратор' },
  moderator: { pl: 'moderator', en: 'moderator', uk: 'модератор' },
  adviser: { pl: 'doradca', en: 'adviser', uk: 'консультант' },
  editor: { pl: 'redaktor', en: 'editor', uk: 'редактор' },
};
export const tRole = /* @__PURE__ */ labelTranslator(ROLE_LABELS);

/** The states of a message in the outbox (`mail_outbox.status`). */
export const MAIL_STATUSES = ['pending', 'sent', 'logged', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** Why a message cannot be resent: it is still queued, or only admins resend (they see the recipient). */
export const RESEND_BLOCKERS = ['queued', 'admin_only'] as const;
export type ResendBlocker = (typeof RESEND_BLOCKERS)[number];

/**
 * The one rule for "resend this message", for the outbox route and the panel's button: a failed
 * message goes back to the queue, a sent (or logged) one is queued again as a copy; a pending one
 * is already on its way. Only admins resend, since they alone see to whom it goes.
 */
export function resendBlocker(role: StaffRole, status: MailStatus): ResendBlocker | null {
  if (role !== 'admin') return 'admin_only';
  if (status === 'pending') return 'queued';
  return null;
}
