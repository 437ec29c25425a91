import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { STATUS_LABELS } from '../../common/consultations.js';
import { formatDateTime } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { TabsController } from '../core/staff-tabs.js';
import { TABLE_DOWNLOADS } from '../../common/export.js';
import { getConsultation, remarksExportUrl, reportUrl } from './consultations.admin.api.js';
import { tConsultationsAdmin as t } from './consultations.admin.i18n.js';
import { period } from './consultations.admin.remark.js';

/** What one consultation asks of its section. */
export interface DetailActions {
  /** Back to the list, focus on this consultation's row. */
  back(id: string): void;
  edit(id: string): void;
}

/**
 * Part "detail" of the consultations section: one consultation, its status, dates, the remarks'
 * CSV and (once published) its report, the report's own introduction and summary
 * (`<ngo-admin-consultations-report-texts>`), and two tabs: the moderation queue
 * (`<ngo-admin-consultations-queue>`) and the answers (`<ngo-admin-consultations-answers>`).
 *
 * @tag ngo-admin-consultations-detail
 * @csspart tabs - The "Moderation" / "Answers" tab list.
 */
export class NgoAdminConsultationsDetail extends StaffPart {
  static override properties: PropertyDeclarations = { consultationId: { attribute: false }, actions: { attribute: false } };
  protected static override translators = [t];

  protected override tr = t;

  declare consultationId: string;
  declare actions: DetailActions | null;

  constructor() {
    super();
    this.consultationId = '';
    this.actions = null;
  }

  // Moderating in the queue changes what publishing waits for: the answers tab reads the counts afresh.
  private tabs = new TabsController(this, { tabs: ['queue', 'answers'] as const, onChange: (tab) => void (tab === 'answers' && this.detail.run()) });

  private detail = new Task(this, {
    args: () => [this.api, this.consultationId] as const,
    task: ([base, id], { signal }) => (id ? this.guard(getConsultation(base, id, signal)) : Promise.resolve(null)),
  });

  /** After publishing: the consultation again (with its report), focus on the report's link. */
  private readonly onPublished = async () => {
    await this.detail.run();
    await this.focusAfter('a.report', '#answers-heading');
  };

  /** The report was published meanwhile (a 409 on its texts): the consultation again, with its report. */
  private readonly onLocked = () => this.detail.run();

  protected override render() {
    const lang = this.locale;
    const id = this.consultationId;
    const c = this.detail.value;
    return html`<button type="button" class="ngo-secondary" @click=${() => this.actions?.back(id)}>${t(lang, 'back')}</button>
      ${this.renderTask(this.detail, { pending: c ? () => nothing : undefined, complete: () => nothing })}
      <h4 id="consultation-heading" tabindex="-1">${c ? c.title : t(lang, 'list.heading')}</h4>
      ${c
        ? html`<p>${STATUS_LABELS[c.status][lang]} · ${period(lang, c)}</p>
            ${c.reportedAt ? html`<p>${t(lang, 'reported.on', { date: formatDateTime(lang, c.reportedAt) })}</p>` : nothing}
            <div class="row links">
              <button type="button" class="ngo-secondary" @click=${() => this.actions?.edit(id)}>${t(lang, 'edit')}</button>
              <span class="downloads" role="group" aria-labelledby="remarks-export-label">
                <span id="remarks-export-label">${t(lang, 'export.label')}</span>
                ${TABLE_DOWNLOADS.map((d) => html`<a class=${d.id} href=${remarksExportUrl(this.api, id, d, lang)} download>${t(lang, `export.${d.id}`)}</a>`)}
              </span>
              ${c.reportedAt
                ? html`<a class="report" href=${reportUrl(this.api, id, lang)} target="_blank" rel="noopener">${t(lang, 'report.open')}</a>
                    <a class="report-docx" href=${reportUrl(this.api, id, lang, 'docx')} download>${t(lang, 'report.docx')}</a>`
                : nothing}
            </div>
            <ngo-admin-consultations-report-texts api-base=${this.api} .session=${this.session} .consultationId=${id} .storedIntroduction=${c.reportIntroduction}
              .storedSummary=${c.reportSummary} .reported=${!!c.reportedAt} .locked=${this.onLocked}></ngo-admin-consultations-report-texts>`
        : nothing}
      ${this.tabs.renderTabs(t(lang, 'tabs.label'), (x) => t(lang, `tab.${x}`))}
      ${this.tabs.renderPanels((x) =>
        x === 'queue'
          ? html`<ngo-admin-consultations-queue api-base=${this.api} .session=${this.session} .consultationId=${id}
              .moderation=${c?.moderation ?? null}></ngo-admin-consultations-queue>`
          : html`<ngo-admin-consultations-answers api-base=${this.api} .session=${this.session} .consultationId=${id}
              .reported=${!!c?.reportedAt} .consultationStatus=${c?.status ?? null} .pending=${c?.counts.pending ?? 0}
              .published=${this.onPublished}></ngo-admin-consultations-answers>`,
      )}`;
  }
}
