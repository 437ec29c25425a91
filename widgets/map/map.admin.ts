import { defineOnce } from '../core/define.js';
import { NgoAdminMap } from './map.admin.element.js';

export * from './map.admin.element.js';

// Loaded lazily by the staff panel (see widgets/admin/admin.ts) the first time the map section opens.
defineOnce('ngo-admin-map', NgoAdminMap);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin-map': NgoAdminMap;
  }
}
