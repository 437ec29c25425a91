import { html, type PropertyDeclarations } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { StaffSection } from '../core/staff-section.js';
import type { DetailActions } from './consultations.admin.detail.js';
import type { EditorActions } from './consultations.admin.editor.js';
import { tConsultationsAdmin as t } from './consultations.admin.i18n.js';
import type { ListActions } from './consultations.admin.list.js';
import { consultationsAdminStyles } from './consultations.admin.styles.js';

export { NgoAdminConsultationsList } from './consultations.admin.list.js';
export { NgoAdminConsultationsEditor } from './consultations.admin.editor.js';
export { NgoAdminConsultationsDetail } from './consultations.admin.detail.js';
export { NgoAdminConsultationsQueue } from './consultations.admin.queue.js';
export { NgoAdminConsultationsAnswers } from './consultations.admin.answers.js';
export { NgoAdminConsultationsReportTexts } from './consultations.admin.report-texts.js';

type View = { name: 'list'; focusOn?: string } | { name: 'form'; id: string | null } | { name: 'consultation'; id: string };

/**
 * Staff panel section "consultations" (moderators, editors), one view at a time, each a part: the
 * list of consultations with their status and what waits for staff (`<ngo-admin-consultations-list>`);
 * the form to create or edit one, with a preview of how the document splits into units
 * (`-editor`); and one consultation (`-detail`) with its moderation queue (`-queue`) and the
 * answers view (`-answers`), where each remark gets a decision and a justification before the
 * answers and the report are published (which mails the authors). `<ngo-admin>` creates it and sets
 * `apiBase` and `session`; all requests are same-origin with the session cookie and the CSRF token.
 *
 * @tag ngo-admin-consultations
 *
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` (the panel's) applies.
 * @attr api-base - Origin of the API; the page's own origin (staff routes are same-origin only).
 *
 * @fires ngo-unauthorized - When the API answers 401, so the panel returns to its sign-in form.
 *
 * @csspart base - The section's root.
 * @csspart status - The polite live region announcing saves, decisions and results.
 * @csspart tabs - The "Moderation" / "Answers" tab list of one consultation.
 * @csspart field - Each labelled form field.
 * @csspart error-summary - The list of problems shown after a failed save.
 *
 * @cssprop --ngo-color-accent - Buttons, links and the current tab (default `#0050a0`).
 * @cssprop --ngo-color-danger - Errors and the reject button (default `#b00020`).
 */
export class NgoAdminConsultations extends StaffSection {
  static override styles = [...StaffSection.styles, consultationsAdminStyles];
  static override properties: PropertyDeclarations = { view: { state: true } };
  protected static override translators = [t];

  protected override tr = t;

  declare private view: View;

  constructor() {
    super();
    this.view = { name: 'list' };
  }

  /** `#consultations/<id>` (a staff mail's link to a new remark, the audit log's): that consultation, its moderation queue first. */
  protected override openItem(id: string): void {
    this.view = { name: 'consultation', id };
  }

  /** Shows another view (its parts start afresh) and focuses `focus` in it; the status stays only for a consultation. */
  private go(view: View, focus: string[] = []): void {
    this.view = view;
    if (view.name !== 'consultation') this.announce('');
    void this.focusAfter(...focus);
  }

  private readonly list: ListActions = {
    edit: (id) => this.go({ name: 'form', id }, ['#form-heading']),
    open: (id) => this.go({ name: 'consultation', id }, ['#consultation-heading']),
  };

  private readonly editor: EditorActions = {
    close: (id, message) => {
      // The list loads afresh and then focuses the row.
      this.go({ name: 'list', focusOn: id ?? '' });
      if (message) this.announce(message);
    },
  };

  private readonly detail: DetailActions = {
    back: (id) => this.go({ name: 'list', focusOn: id }),
    edit: (id) => this.go({ name: 'form', id }, ['#form-heading']),
  };

  protected override render() {
    const v = this.view;
    const part =
      v.name === 'list'
        ? html`<ngo-admin-consultations-list api-base=${this.api} .session=${this.session} .focusOn=${v.focusOn} .actions=${this.list}></ngo-admin-consultations-list>`
        : v.name === 'form'
          ? html`<ngo-admin-consultations-editor api-base=${this.api} .session=${this.session} .consultationId=${v.id} .actions=${this.editor}></ngo-admin-consultations-editor>`
          : html`<ngo-admin-consultations-detail api-base=${this.api} .session=${this.session} .consultationId=${v.id} .actions=${this.detail}></ngo-admin-consultations-detail>`;
    return html`<div class="ngo-root" part="base">
      ${this.statusRegion()}
      ${keyed(this.view, part)}
    </div>`;
  }
}
