import { ADMIN_SECTIONS, type AdminSection } from './modules.js';
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

/** Staff role names in the three languages, for mail and exports (the panel has its own dictionary). */
export const ROLE_LABELS = {
  pl: { admin: 'administrator', moderator: 'moderator', adviser: 'doradca', editor: 'redaktor' },
  en: { admin: 'administrator', moderator: 'moderator', adviser: 'adviser', editor: 'editor' },
  uk: { admin: 'адміністратор', moderator: 'модератор', adviser: 'консультант', editor: 'редактор' },
} as const satisfies Record<'pl' | 'en' | 'uk', Record<StaffRole, string>>;
