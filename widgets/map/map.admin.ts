import { defineOnce } from '../core/define.js';
import { NgoAdminMap, NgoAdminMapEditor, NgoAdminMapEntries, NgoAdminMapQueue } from './map.admin.element.js';

export * from './map.admin.element.js';

// The staff panel imports this chunk (named in common/modules.ts) the first time the map section opens.
defineOnce('ngo-admin-map', NgoAdminMap);
defineOnce('ngo-admin-map-queue', NgoAdminMapQueue);
defineOnce('ngo-admin-map-entries', NgoAdminMapEntries);
defineOnce('ngo-admin-map-editor', NgoAdminMapEditor);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin-map': NgoAdminMap;
    'ngo-admin-map-queue': NgoAdminMapQueue;
    'ngo-admin-map-entries': NgoAdminMapEntries;
    'ngo-admin-map-editor': NgoAdminMapEditor;
  }
}
