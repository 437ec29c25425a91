import type { AdminSection } from '../../common/admin.js';
import type { AdminSession } from './admin.api.js';

/**
 * What `<ngo-admin>` sets on a section element before showing it. The element resolves its
 * language from the panel (the nearest `lang` across shadow roots).
 */
export interface AdminSectionElement extends HTMLElement {
  apiBase: string;
  session: AdminSession;
}

export interface AdminSectionDefinition {
  /** Tag of the section element, e.g. `ngo-admin-map`. */
  tag: string;
  /** Imports the module that defines `tag`; called the first time the section is opened. */
  load?: () => Promise<unknown>;
}

const registry = new Map<AdminSection, AdminSectionDefinition>();

/**
 * Adds a section to the staff panel. A feature module calls it from its registration file:
 * `registerAdminSection('map', { tag: 'ngo-admin-map', load: () => import('../map/map.admin.js') })`.
 * The first registration of a section wins (a second copy of the library must not replace it).
 */
export function registerAdminSection(section: AdminSection, definition: AdminSectionDefinition): void {
  if (!registry.has(section)) registry.set(section, definition);
}

export function adminSection(section: AdminSection): AdminSectionDefinition | undefined {
  return registry.get(section);
}
