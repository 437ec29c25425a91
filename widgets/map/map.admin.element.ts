import { html } from 'lit';
import { StaffSection } from '../core/staff-section.js';
import { TabsController } from '../core/staff-tabs.js';
import { tMapAdmin as t } from './map.admin.i18n.js';
import { mapAdminStyles } from './map.admin.styles.js';

export { NgoAdminMapQueue } from './map.admin.queue.js';
export { NgoAdminMapEntries } from './map.admin.entries.js';
export { NgoAdminMapEditor } from './map.admin.editor.js';

/**
 * Staff panel section "map" (moderators, editors), two tabs with a part each: the moderation queue
 * of submitted entries and corrections (`<ngo-admin-map-queue>`: a diff, duplicate hints, approve
 * and reject, the reason mailed to the submitter); and the list of all entries
 * (`<ngo-admin-map-entries>`: archive/publish, "add entry", the yearly reminder e-mails), whose
 * editor (`<ngo-admin-map-editor>`) is `<ngo-map-form mode="staff">` beside the version history; its
 * point picker takes the panel's `map-tiles` and `map-boundaries` (`mapSettings`).
 * `<ngo-admin>` creates it and sets `apiBase` and `session`; all requests are same-origin with the
 * session cookie and the CSRF token.
 *
 * @tag ngo-admin-map
 *
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` (the panel's) applies.
 * @attr api-base - Origin of the API; the page's own origin (staff routes are same-origin only).
 *
 * @fires ngo-unauthorized - When the API answers 401, so the panel returns to its sign-in form.
 *
 * @csspart base - The section's root.
 * @csspart tabs - The "Queue" / "Entries" tab list.
 * @csspart status - The polite live region announcing decisions and results.
 * @csspart field - Each labelled form field.
 *
 * @cssprop --ngo-color-accent - Buttons, links and the current tab (default `#0050a0`).
 * @cssprop --ngo-color-danger - Errors and the reject button (default `#b00020`).
 */
export class NgoAdminMap extends StaffSection {
  static override styles = [...StaffSection.styles, mapAdminStyles];
  protected static override translators = [t];

  protected override tr = t;

  /** Each list loads only while its tab is open, and afresh each time the tab is opened (its part is new). */
  private tabs = new TabsController(this, { tabs: ['queue', 'entries'] as const, onChange: () => this.announce('') });

  /**
   * `#map/<id>` (the submission mail's link, the audit log's to submissions and entries): the queue opens
   * the waiting submission of that id; when none waits, the entries tab opens the entry of that id, or says
   * that nothing has it.
   */
  protected override openItem(id: string): void {
    this.tabs.link('queue', id);
  }

  private readonly notQueued = (id: string) => this.tabs.link('entries', id);

  protected override render() {
    const lang = this.locale;
    return html`<div class="ngo-root" part="base">
      ${this.tabs.renderTabs(t(lang, 'nav'), (id) => t(lang, `tab.${id}`))}
      ${this.statusRegion()}
      ${this.tabs.renderPanels((id) =>
        id === 'queue'
          ? html`<ngo-admin-map-queue api-base=${this.api} .session=${this.session} .itemId=${this.tabs.linkedIn('queue')} .notQueued=${this.notQueued}></ngo-admin-map-queue>`
          : html`<ngo-admin-map-entries api-base=${this.api} .session=${this.session} .mapSettings=${this.mapSettings} .itemId=${this.tabs.linkedIn('entries')}></ngo-admin-map-entries>`,
      )}
    </div>`;
  }
}
