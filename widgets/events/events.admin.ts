import { defineOnce } from '../core/define.js';
import {
  NgoAdminEvents, NgoAdminEventsEditor, NgoAdminEventsList, NgoAdminEventsOrganiser, NgoAdminEventsQueue, NgoAdminEventsRegistrations, NgoAdminEventsSeries, NgoAdminEventsSeriesEditor,
} from './events.admin.element.js';

export * from './events.admin.element.js';

// The staff panel imports this chunk (named in common/modules.ts) the first time the events section opens.
defineOnce('ngo-admin-events', NgoAdminEvents);
defineOnce('ngo-admin-events-list', NgoAdminEventsList);
defineOnce('ngo-admin-events-registrations', NgoAdminEventsRegistrations);
defineOnce('ngo-admin-events-queue', NgoAdminEventsQueue);
defineOnce('ngo-admin-events-editor', NgoAdminEventsEditor);
defineOnce('ngo-admin-events-organiser', NgoAdminEventsOrganiser);
defineOnce('ngo-admin-events-series', NgoAdminEventsSeries);
defineOnce('ngo-admin-events-series-editor', NgoAdminEventsSeriesEditor);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin-events': NgoAdminEvents;
    'ngo-admin-events-list': NgoAdminEventsList;
    'ngo-admin-events-registrations': NgoAdminEventsRegistrations;
    'ngo-admin-events-queue': NgoAdminEventsQueue;
    'ngo-admin-events-editor': NgoAdminEventsEditor;
    'ngo-admin-events-organiser': NgoAdminEventsOrganiser;
    'ngo-admin-events-series': NgoAdminEventsSeries;
    'ngo-admin-events-series-editor': NgoAdminEventsSeriesEditor;
  }
}
