import type { StaffRole } from './taxonomy.js';

/**
 * Sections of the staff panel and the roles that reach them (`admin` reaches all).
 * The API enforces these roles on `/v1/admin/<section>`; `<ngo-admin>` shows the same list.
 */
export const ADMIN_SECTIONS = {
  map: ['moderator', 'editor'],
  consultations: ['moderator', 'editor'],
  advice: ['adviser'],
  outbox: ['admin'],
  staff: ['admin'],
  audit: ['admin'],
  settings: ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type AdminSection = keyof typeof ADMIN_SECTIONS;

export function canReach(role: StaffRole, section: AdminSection): boolean {
  return role === 'admin' || (ADMIN_SECTIONS[section] as readonly StaffRole[]).includes(role);
}

export function sectionsFor(role: StaffRole): AdminSection[] {
  return (Object.keys(ADMIN_SECTIONS) as AdminSection[]).filter((s) => canReach(role, s));
}

/** Header carrying the CSRF token on every unsafe staff request. */
export const CSRF_HEADER = 'X-CSRF-Token';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
