import { html } from 'lit';
import { StaffSection } from '../core/staff-section.js';
import { TabsController } from '../core/staff-tabs.js';
import { tEventsAdmin as t } from './events.admin.i18n.js';

export { NgoAdminEventsList } from './events.admin.list.js';
export { NgoAdminEventsRegistrations } from './events.admin.registrations.js';
export { NgoAdminEventsQueue } from './events.admin.queue.js';
export { NgoAdminEventsEditor } from './events.admin.editor.js';
export { NgoAdminEventsOrganiser } from './events.admin.organiser.js';
export { NgoAdminEventsSeries, NgoAdminEventsSeriesEditor } from './events.admin.series.js';

/**
 * Staff panel section "events" (moderators, editors), three tabs with a part each: the events of
 * every status (`<ngo-admin-events-list>`: places, waiting list and access-needs counts; create and
 * edit in `<ngo-admin-events-editor>`, publish, duplicate for next year, cancel with the registrants
 * mailed); the training cycles and programmes (`<ngo-admin-events-series>`, edited in
 * `<ngo-admin-events-series-editor>`); the events' registrations open in
 * `<ngo-admin-events-registrations>` (check-in by QR code, by camera or typed, or from the list;
 * cancel a registration; CSV and XLSX export; a cycle's certificates); and the NGO submissions
 * waiting for moderation with their conflict hints (`<ngo-admin-events-queue>`).
 * `<ngo-admin>` creates it and sets `apiBase` and `session`.
 *
 * @tag ngo-admin-events
 *
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` (the panel's) applies.
 * @attr api-base - Origin of the API; the page's own origin (staff routes are same-origin only).
 *
 * @fires ngo-unauthorized - When the API answers 401, so the panel returns to its sign-in form.
 *
 * @csspart base - The section's root.
 * @csspart status - The polite live region announcing results.
 */
export class NgoAdminEvents extends StaffSection {
  static override styles = [...StaffSection.styles];
  protected static override translators = [t];

  protected override tr = t;

  private tabs = new TabsController(this, { tabs: ['events', 'series', 'submissions'] as const, onChange: () => this.announce('') });

  /** `#events/<id>` (the submission mail's link, the audit log's): the queue opens at its submission, or, when none waits, the event's editor. */
  protected override openItem(id: string): void {
    this.tabs.link('submissions', id);
  }

  private readonly notQueued = (id: string) => this.tabs.link('events', id);

  protected override render() {
    const lang = this.locale;
    return html`<div class="ngo-root" part="base">
      ${this.tabs.renderTabs(t(lang, 'nav'), (id) => t(lang, `tab.${id}`))}
      ${this.statusRegion()}
      ${this.tabs.renderPanels((id) =>
        id === 'events'
          ? html`<ngo-admin-events-list api-base=${this.api} .session=${this.session} .mapSettings=${this.mapSettings} .itemId=${this.tabs.linkedIn('events')}></ngo-admin-events-list>`
          : id === 'series'
            ? html`<ngo-admin-events-series api-base=${this.api} .session=${this.session}></ngo-admin-events-series>`
            : html`<ngo-admin-events-queue api-base=${this.api} .session=${this.session} .itemId=${this.tabs.linkedIn('submissions')} .notQueued=${this.notQueued}></ngo-admin-events-queue>`,
      )}
    </div>`;
  }
}
