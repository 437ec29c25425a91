import { html, type TemplateResult } from 'lit';
import { StaffSection } from '../core/staff-section.js';
import { TabsController } from '../core/staff-tabs.js';
import { tAdviceAdmin } from './advice.admin.i18n.js';
import { adviceStyles } from './advice.styles.js';

type Tab = 'cases' | 'slots' | 'stats' | 'topics';

/**
 * Staff panel section "advice" (advisers and admins): the case queues (by status, mine, overdue)
 * with each case's thread, notes, replies, assignment and closing; the adviser's availability and
 * bookings; the statistics with the anonymised export; and the topics of the form with their extra
 * fields (admins edit them, advisers read them). `<ngo-admin>` creates it and sets
 * `apiBase` and `session`; requests are same-origin with the session cookie and the CSRF token.
 *
 * @tag ngo-admin-advice
 *
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` (the panel's) applies.
 * @attr api-base - Origin of the API; the page's own origin (staff routes are same-origin only).
 *
 * @fires ngo-unauthorized - When the API answers 401, so the panel returns to its sign-in form.
 *
 * @csspart base - The section's root.
 * @csspart status - The polite live region.
 */
export class NgoAdminAdvice extends StaffSection {
  static override styles = [...StaffSection.styles, adviceStyles];
  protected override tr = tAdviceAdmin;
  private tabs = new TabsController<Tab>(this, { tabs: ['cases', 'slots', 'stats', 'topics'], onChange: (tab) => this.leaveItem(tab) });

  /** `#advice/<case id>` (the staff mails' link): the case, in the cases tab. */
  protected override openItem(): void {
    this.tabs.select('cases');
  }

  /** Another tab: the cases tab shows its queue when opened again, not the linked case. */
  private leaveItem(tab: Tab): void {
    this.announce('');
    if (tab !== 'cases') this.itemId = null;
  }

  protected override render(): TemplateResult {
    const lang = this.locale;
    return html`<div class="ngo-root" part="base">
      ${this.tabs.renderTabs(tAdviceAdmin(lang, 'adm.nav'), (id) => tAdviceAdmin(lang, `adm.tab.${id}`))} ${this.statusRegion()}
      ${this.tabs.renderPanels((id) =>
        id === 'cases'
          ? html`<ngo-admin-advice-cases api-base=${this.api} .session=${this.session} .itemId=${this.itemId}></ngo-admin-advice-cases>`
          : id === 'slots'
            ? html`<ngo-admin-advice-slots api-base=${this.api} .session=${this.session}></ngo-admin-advice-slots>`
            : id === 'stats'
              ? html`<ngo-admin-advice-stats api-base=${this.api} .session=${this.session}></ngo-admin-advice-stats>`
              : html`<ngo-admin-advice-topics api-base=${this.api} .session=${this.session}></ngo-admin-advice-topics>`,
      )}
    </div>`;
  }
}
