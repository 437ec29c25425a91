import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { FieldIssue } from '../../common/errors.js';
import { field, inputField } from '../core/forms.js';
import { formatDateTime, type Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { listInstruments, uploadInstrument, type StaffInstrument } from './surveys.admin.api.js';
import { tSurveysAdmin as t } from './surveys.admin.i18n.js';

/**
 * Part "instruments" of the surveys section: the versions of the questionnaire (frozen once an
 * edition uses one) and the upload of a new version as JSON, pasted or read from a file. A document
 * that does not fit the schema is listed error by error with its JSON path, as the API reports it.
 *
 * @tag ngo-admin-surveys-instruments
 */
export class NgoAdminSurveysInstruments extends StaffPart {
  static override properties: PropertyDeclarations = { survey: { attribute: false }, doc: { state: true }, note: { state: true }, issues: { state: true }, parseError: { state: true } };
  protected static override translators = [t];
  protected override tr = t;

  declare survey: string;
  declare private doc: string;
  declare private note: string;
  /** The schema errors of the last upload, each with its JSON path. */
  declare private issues: FieldIssue[];
  declare private parseError: string;

  constructor() {
    super();
    this.survey = 'lijw';
    this.doc = this.note = this.parseError = '';
    this.issues = [];
  }

  private list = new Task(this, {
    args: () => [this.api, this.survey] as const,
    task: ([base, s], { signal }) => this.guard(listInstruments(base, s, signal)),
  });

  private async readFile(e: Event): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) this.doc = await file.text();
  }

  private async upload(e: Event): Promise<void> {
    e.preventDefault();
    this.issues = [];
    this.parseError = '';
    let instrument: unknown;
    try {
      instrument = JSON.parse(this.doc);
    } catch (err) {
      this.parseError = t(this.locale, 'upload.not_json', { reason: err instanceof Error ? err.message : String(err) });
      await this.focusAfter('#upload-issues');
      return;
    }
    let version = 0;
    const failed = await this.send(async () => (version = (await uploadInstrument(this.api, this.session, this.survey, instrument, this.note.trim())).version), { quiet: true });
    if (failed) {
      if (failed.code === 'validation_failed' && failed.issues.length) this.issues = failed.issues;
      else this.showError(failed);
      await this.focusAfter('#upload-issues');
      return;
    }
    this.doc = this.note = '';
    this.announce(t(this.locale, 'upload.done', { version }));
    await this.list.run();
    this.dispatchEvent(new CustomEvent('ngo-surveys-changed', { bubbles: true, composed: true, detail: {} }));
  }

  protected override render() {
    const lang = this.locale;
    return html`${this.actionErrorRegion()}
      <section aria-labelledby="instruments-heading">
        <h4 id="instruments-heading">${t(lang, 'instruments.heading')}</h4>
        ${this.renderTask(this.list, { empty: t(lang, 'instruments.empty'), isEmpty: (v) => v.items.length === 0, complete: ({ items }) => this.table(items, lang) })}
      </section>
      ${this.renderUpload(lang)}`;
  }

  private table(items: StaffInstrument[], lang: Lang): TemplateResult {
    return html`<div class="table-wrap"><table>
      <thead><tr><th scope="col">${t(lang, 'col.version')}</th><th scope="col">${t(lang, 'col.size.items')}</th><th scope="col">${t(lang, 'col.frozen')}</th><th scope="col">${t(lang, 'col.note')}</th><th scope="col">${t(lang, 'col.created')}</th></tr></thead>
      <tbody>
        ${items.map(
          (i) => html`<tr data-version=${i.version}>
            <th scope="row">${i.version}</th><td>${i.sections} / ${i.items}</td>
            <td>${i.frozen ? t(lang, 'frozen.yes', { editions: i.usedBy.join(', ') }) : t(lang, 'frozen.no')}</td>
            <td>${i.note ?? ''}</td><td>${formatDateTime(lang, i.createdAt)}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  private renderUpload(lang: Lang): TemplateResult {
    const schema = `${this.api}/v1/surveys/instrument.schema.json`;
    return html`<section aria-labelledby="upload-heading">
      <h4 id="upload-heading">${t(lang, 'upload.heading')}</h4>
      <p class="muted">${t(lang, 'upload.hint', { schema: 'instrument.schema.json' })} <a href=${schema} target="_blank" rel="noopener">${schema}</a></p>
      <form @submit=${this.upload} novalidate>
        <div id="upload-issues" class="issues" role="alert" tabindex="-1">
          ${this.parseError ? html`<p>${this.parseError}</p>` : nothing}
          ${this.issues.length
            ? html`<p>${t(lang, 'upload.errors')}</p><ul>${this.issues.map((i) => html`<li><code>${i.path}</code>: ${i.message}</li>`)}</ul>`
            : nothing}
        </div>
        ${field({ id: 'upload-doc', label: t(lang, 'f.document') }, (a) =>
          html`<textarea id=${a.id} class="document" spellcheck="false" aria-invalid=${this.issues.length || this.parseError ? 'true' : 'false'} .value=${this.doc} @input=${(e: Event) => (this.doc = (e.target as HTMLTextAreaElement).value)}></textarea>`)}
        <div class="ngo-field"><label class="ngo-label" for="upload-file">${t(lang, 'f.file')}</label>
          <input id="upload-file" type="file" accept="application/json,.json" @change=${this.readFile} /></div>
        ${inputField({ id: 'upload-note', label: t(lang, 'f.versionNote'), value: this.note, maxlength: 500, onInput: (v) => (this.note = v) })}
        <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'upload.send')}</button>
      </form>
    </section>`;
  }
}
