import { defineOnce } from '../core/define.js';
import { NgoAdminMap } from './map.admin.element.js';

export * from './map.admin.element.js';

// The staff panel imports this chunk (named in common/modules.ts) the first time the map section opens.
defineOnce('ngo-admin-map', NgoAdminMap);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin-map': NgoAdminMap;
  }
}
