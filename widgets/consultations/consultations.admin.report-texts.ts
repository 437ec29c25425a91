import { html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CONSULTATION_LIMITS } from '../../common/consultations.js';
import { field, formError } from '../core/forms.js';
import type { ErrorLike, Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { saveReportTexts, type ReportTexts } from './consultations.admin.api.js';
import { tConsultationsAdmin as t } from './consultations.admin.i18n.js';

type TextName = keyof ReportTexts;
const NAMES: readonly TextName[] = ['introduction', 'summary'];
const ERRORS: Record<string, 'err.too_long' | 'err.invalid'> = { too_long: 'err.too_long' };

/**
 * Part "report texts" of one consultation: staff's own introduction and summary of the report
 * (empty: the report's computed text), saved together until the report is published; after that
 * (or on the server's 409) only why they can no longer change.
 *
 * @tag ngo-admin-consultations-report-texts
 */
export class NgoAdminConsultationsReportTexts extends StaffPart {
  static override properties: PropertyDeclarations = {
    consultationId: { attribute: false },
    storedIntroduction: { attribute: false },
    storedSummary: { attribute: false },
    reported: { attribute: false },
    locked: { attribute: false },
    draft: { state: true },
    errors: { state: true },
    refused: { state: true },
  };
  protected static override translators = [t];

  protected override tr = t;

  declare consultationId: string;
  /** The stored texts (the staff detail's `reportIntroduction`, `reportSummary`); null: the computed one. */
  declare storedIntroduction: string | null;
  declare storedSummary: string | null;
  /** The report is published: the texts can no longer change. */
  declare reported: boolean;
  /** Called when the server refuses because the report was published meanwhile, to reload the consultation. */
  declare locked: (() => unknown) | null;
  declare private draft: Record<TextName, string>;
  declare private errors: Partial<Record<TextName, string>>;
  /** The server answered 409: published by someone else since the consultation loaded. */
  declare private refused: boolean;

  constructor() {
    super();
    this.consultationId = '';
    this.storedIntroduction = null;
    this.storedSummary = null;
    this.reported = false;
    this.locked = null;
    this.draft = { introduction: '', summary: '' };
    this.errors = {};
    this.refused = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('storedIntroduction') || changed.has('storedSummary')) this.draft = { introduction: this.storedIntroduction ?? '', summary: this.storedSummary ?? '' };
  }

  protected override render() {
    const lang = this.locale;
    const closed = this.reported || this.refused;
    return html`<section class="box report-texts" aria-labelledby="report-texts-heading">
      <h5 id="report-texts-heading">${t(lang, 'reportTexts.heading')}</h5>
      ${closed
        ? html`<p id="report-texts-locked" tabindex="-1">${t(lang, 'reportTexts.locked')}</p>`
        : html`${formError(this.actionError, 'report-texts-error')}
            <form novalidate class="report-texts" @submit=${this.onSave}>
              ${NAMES.map((name) => this.textarea(lang, name))}
              <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'reportTexts.save')}</button>
            </form>`}
    </section>`;
  }

  /** The error in this part's own region: the moderation queue beside it has the section's `#action-error`. */
  protected override showError(err: ErrorLike): void {
    this.actionError = this.tr.error(this.locale, err);
    void this.focusAfter('#report-texts-error');
  }

  private textarea(lang: Lang, name: TextName) {
    const id = `report-${name}`;
    return field({ id, label: t(lang, `reportTexts.${name}`), hint: t(lang, 'reportTexts.hint', { count: CONSULTATION_LIMITS.reportText.toLocaleString(lang) }), error: this.errors[name] }, (a) => html`<textarea id=${a.id} name=${name}
      rows="6" maxlength=${CONSULTATION_LIMITS.reportText} .value=${this.draft[name]} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)}
      @input=${(e: Event) => (this.draft = { ...this.draft, [name]: (e.target as HTMLTextAreaElement).value })}></textarea>`);
  }

  private async onSave(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const lang = this.locale;
    const body: ReportTexts = { introduction: this.draft.introduction.trim() || null, summary: this.draft.summary.trim() || null };
    let saved = body;
    this.errors = {};
    const err = await this.send(async () => (saved = await saveReportTexts(this.api, this.session, this.consultationId, body)), { sending: t(lang, 'status.saving'), quiet: true });
    if (!err) {
      this.draft = { introduction: saved.introduction ?? '', summary: saved.summary ?? '' };
      return this.announce(t(lang, 'reportTexts.saved'));
    }
    if (err.code === 'conflict') {
      this.refused = true;
      this.announce(t(lang, 'reportTexts.locked'));
      void this.locked?.();
      return void this.focusAfter('#report-texts-locked');
    }
    const issues = err.code === 'validation_failed' ? err.issues.filter((i) => (NAMES as string[]).includes(i.path)) : [];
    if (!issues.length) return this.showError(err);
    this.errors = Object.fromEntries(issues.map((i) => [i.path, t(lang, ERRORS[i.code] ?? 'err.invalid')]));
    void this.focusAfter(`#report-${issues[0]!.path}`);
  }
}
