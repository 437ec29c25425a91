import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { AUDIENCES, MODERATION_MODES } from '../../common/consultations.js';
import type { DocumentWarning } from '../../common/consultations.document.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import { errorSummary, field, type ControlAttrs } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import {
  draftOf, emptyDraft, getConsultation, inputOf, issuesOfServer, previewDocument, saveConsultation, validateDraft,
  type ConsultationDraft, type DraftField, type DraftIssue, type PreviewUnit,
} from './consultations.admin.api.js';
import { tConsultationsAdmin as t, type ConsultationsAdminKey } from './consultations.admin.i18n.js';

/** One warning of the splitter (common/consultations.document.ts), in the panel's language. */
const warningText = (lang: Lang, w: DocumentWarning) =>
  t(lang, `preview.warning.${w.code}`, { line: w.line, label: w.label ?? '', expected: w.expected ?? '', found: w.found ?? '', count: w.count ?? 0 });

/** Controls with an id of their own: the draft's text fields and the district. */
const FIELD_IDS = new Set(['title', 'goal', 'subject', 'unitName', 'legalBasis', 'district', 'startsLocal', 'endsLocal', 'requireConfirmation', 'informationClause', 'document']);
/** Radio groups, reached through their first option. */
const CONTROL_OF: Record<string, string> = { audience: `audience-${AUDIENCES[0]}`, moderation: `moderation-${MODERATION_MODES[0]}` };
const ERROR_KEYS: Record<string, ConsultationsAdminKey> = {
  required: 'err.required', too_long: 'err.too_long', invalid_format: 'err.invalid_format', ends_before_start: 'err.ends_before_start',
  invalid_url: 'err.invalid_url', document_locked: 'error.document_locked',
};

/** What the editor asks of its section. */
export interface EditorActions {
  /** Back to the list, focus on `id`'s row; `message` announces a save. */
  close(id?: string, message?: string): void;
}

/**
 * Part "editor" of the consultations section: the form to create a consultation or edit one (always
 * from the stored version), with its attachments and a preview of how the document splits into
 * units; errors in a summary and next to each field, the server's too.
 *
 * @tag ngo-admin-consultations-editor
 */
export class NgoAdminConsultationsEditor extends StaffPart {
  static override properties: PropertyDeclarations = {
    consultationId: { attribute: false },
    actions: { attribute: false },
    draft: { state: true },
    issues: { state: true },
    preview: { state: true },
  };
  protected static override translators = [t];

  protected override tr = t;

  /** The consultation edited; null for a new one. */
  declare consultationId: string | null;
  declare actions: EditorActions | null;
  /** The form's fields as typed; null until an edited consultation has loaded. */
  declare private draft: ConsultationDraft | null;
  declare private issues: DraftIssue[];
  declare private preview: { units: PreviewUnit[]; warnings: DocumentWarning[] } | null;

  constructor() {
    super();
    this.consultationId = null;
    this.actions = null;
    this.draft = null;
    this.issues = [];
    this.preview = null;
  }

  /** The stored version of an edited consultation, which the draft starts from. */
  private stored = new Task(this, {
    args: () => [this.api, this.consultationId] as const,
    task: ([base, id], { signal }) => (id ? this.guard(getConsultation(base, id, signal)) : Promise.resolve(null)),
    onComplete: (c) => {
      if (c && !this.draft) this.draft = draftOf(c);
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.consultationId && !this.draft) this.draft = emptyDraft();
  }

  protected override render() {
    const lang = this.locale;
    const id = this.consultationId;
    return html`${this.actionErrorRegion()}
      <button type="button" class="ngo-secondary" @click=${() => this.actions?.close(id ?? undefined)}>${t(lang, 'back')}</button>
      <h4 id="form-heading" tabindex="-1">${t(lang, id ? 'form.edit' : 'form.new')}</h4>
      ${this.draft ? this.renderForm(lang, this.draft) : this.renderTask(this.stored, { complete: () => nothing })}`;
  }

  private issueMessage(lang: Lang, i: DraftIssue): string {
    if (i.code === 'too_short' && i.min) return t(lang, 'err.too_short', { count: i.min });
    return t(lang, ERROR_KEYS[i.code] ?? 'err.invalid');
  }

  private errorOf(lang: Lang, id: string): string | undefined {
    const issue = this.issues.find((i) => i.field === id);
    return issue && this.issueMessage(lang, issue);
  }

  private set<K extends keyof ConsultationDraft>(key: K, value: ConsultationDraft[K]): void {
    this.draft = { ...this.draft!, [key]: value };
  }

  /** A text field bound to the draft: `<input>`, `<textarea>` or `datetime-local`. */
  private text(lang: Lang, name: DraftField, o: { kind?: 'input' | 'textarea' | 'datetime'; hint?: string; required?: boolean; max?: number } = {}) {
    const d = this.draft!;
    const value = String(d[name]);
    const onInput = (e: Event) => this.set(name, (e.target as HTMLInputElement).value as never);
    const opts = { id: name, label: t(lang, `f.${name}` as ConsultationsAdminKey), hint: o.hint, error: this.errorOf(lang, name), requiredMarker: o.required ? t(lang, 'field.required_marker') : undefined };
    return field(opts, (a: ControlAttrs) =>
      o.kind === 'textarea'
        ? html`<textarea id=${a.id} name=${name} ?required=${o.required} maxlength=${ifDefined(o.max)} .value=${value}
            aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${onInput}></textarea>`
        : html`<input id=${a.id} name=${name} type=${o.kind === 'datetime' ? 'datetime-local' : 'text'} ?required=${o.required} maxlength=${ifDefined(o.max)}
            .value=${value} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${onInput} />`,
    );
  }

  /** A radio group bound to the draft. */
  private choice<K extends 'audience' | 'moderation'>(lang: Lang, name: K, values: readonly ConsultationDraft[K][]) {
    return html`<fieldset class="ngo-field" part="field">
      <legend class="ngo-label">${t(lang, `f.${name}`)}</legend>
      ${values.map(
        (v) => html`<label class="check"><input type="radio" id="${name}-${v}" name=${name} value=${v} .checked=${this.draft![name] === v}
          @change=${() => this.set(name, v)} /> ${t(lang, `${name}.${v}` as ConsultationsAdminKey)}</label>`,
      )}
    </fieldset>`;
  }

  private renderForm(lang: Lang, d: ConsultationDraft) {
    const summary = this.issues.map((i) => {
      const id = CONTROL_OF[i.field] ?? (/^attachment-(\d+-(title|url)|add)$/.test(i.field) || FIELD_IDS.has(i.field) ? i.field : null);
      return { id: id ?? 'title', message: id ? this.issueMessage(lang, i) : t(lang, 'err.field', { field: i.field, message: this.issueMessage(lang, i) }) };
    });
    const req = { required: true };
    return html`<p class="muted">${t(lang, 'form.intro')}</p>
      ${errorSummary(t(lang, 'summary.heading', { count: summary.length }), summary)}
      <form novalidate class="consultation-form" @submit=${this.onSave}>
        ${this.text(lang, 'title', { ...req, max: 300 })}
        ${this.text(lang, 'goal', { ...req, kind: 'textarea' })}
        ${this.text(lang, 'subject', { ...req, kind: 'textarea' })}
        ${this.text(lang, 'unitName', { ...req, hint: t(lang, 'f.unitName.hint'), max: 300 })}
        ${this.text(lang, 'legalBasis', { ...req, kind: 'textarea' })}
        ${this.choice(lang, 'audience', AUDIENCES)}
        ${field({ id: 'district', label: t(lang, 'f.district') }, (a) => html`<select id=${a.id} name="district" @change=${(e: Event) => this.set('district', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!d.district}>${t(lang, 'district.none')}</option>
          ${DISTRICTS.map((x) => html`<option value=${x.id} ?selected=${d.district === String(x.id)}>${x.roman} ${x.name}</option>`)}
        </select>`)}
        <div class="row">
          ${this.text(lang, 'startsLocal', { ...req, kind: 'datetime', hint: t(lang, 'f.dates.hint') })}
          ${this.text(lang, 'endsLocal', { ...req, kind: 'datetime' })}
        </div>
        ${this.choice(lang, 'moderation', MODERATION_MODES)}
        <div class="ngo-field"><label class="check"><input type="checkbox" id="requireConfirmation" name="requireConfirmation" .checked=${d.requireConfirmation}
          @change=${(e: Event) => this.set('requireConfirmation', (e.target as HTMLInputElement).checked)} /> ${t(lang, 'f.requireConfirmation')}</label></div>
        ${this.renderAttachments(lang, d)}
        ${this.text(lang, 'informationClause', { kind: 'textarea', hint: t(lang, 'f.informationClause.hint') })}
        ${this.text(lang, 'document', { ...req, kind: 'textarea', hint: t(lang, 'f.document.hint') })}
        <button type="button" class="ngo-secondary preview" aria-disabled=${this.disabled} @click=${this.onPreview}>${t(lang, 'preview.button')}</button>
        ${this.preview ? this.renderPreview(lang, this.preview.units, this.preview.warnings) : nothing}
        <div class="row actions">
          <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'save')}</button>
          <button type="button" class="ngo-secondary" @click=${() => this.actions?.close(this.consultationId ?? undefined)}>${t(lang, 'cancel')}</button>
        </div>
      </form>`;
  }

  private renderAttachments(lang: Lang, d: ConsultationDraft) {
    // Read the draft at the time of the event: several inputs may come before the next render.
    const update = (i: number, key: 'title' | 'url', value: string) => this.set('attachments', this.draft!.attachments.map((a, j) => (j === i ? { ...a, [key]: value } : a)));
    const remove = (i: number) => {
      this.set('attachments', this.draft!.attachments.filter((_, j) => j !== i));
      this.issues = [];
      void this.focusAfter('#attachment-add');
    };
    const add = () => {
      this.set('attachments', [...d.attachments, { title: '', url: '' }]);
      void this.focusAfter(`#attachment-${d.attachments.length}-title`);
    };
    const input = (i: number, key: 'title' | 'url', value: string) => {
      const id = `attachment-${i}-${key}`;
      return field({ id, label: t(lang, `attachment.${key}`), error: this.errorOf(lang, id) }, (a) => html`<input id=${a.id} type=${key === 'url' ? 'url' : 'text'}
        .value=${value} maxlength=${key === 'url' ? 500 : 200} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)}
        @input=${(e: Event) => update(i, key, (e.target as HTMLInputElement).value)} />`);
    };
    return html`<fieldset class="box attachments">
      <legend class="ngo-label">${t(lang, 'f.attachments')}</legend>
      ${d.attachments.length ? nothing : html`<p class="muted">${t(lang, 'attachment.none')}</p>`}
      ${d.attachments.map(
        (a, i) => html`<fieldset class="attachment">
          <legend>${t(lang, 'attachment.legend', { n: i + 1 })}</legend>
          <div class="row">${input(i, 'title', a.title)}${input(i, 'url', a.url)}
            <button type="button" class="ngo-secondary" @click=${() => remove(i)}>${t(lang, 'attachment.remove', { n: i + 1 })}</button></div>
        </fieldset>`,
      )}
      ${d.attachments.length < 20 ? html`<button type="button" id="attachment-add" class="ngo-secondary" @click=${add}>${t(lang, 'attachment.add')}</button>` : nothing}
    </fieldset>`;
  }

  private renderPreview(lang: Lang, units: PreviewUnit[], warnings: DocumentWarning[]) {
    return html`<section class="box preview-units" aria-labelledby="preview-heading">
      <h5 id="preview-heading" tabindex="-1">${t(lang, 'preview.heading')}</h5>
      <p>${units.length ? t(lang, 'preview.count', { count: units.length }) : t(lang, 'preview.none')}</p>
      ${warnings.length
        ? html`<div class="preview-warnings">
            <p id="preview-warnings"><strong>${t(lang, 'preview.warnings', { count: warnings.length })}</strong></p>
            <ul aria-labelledby="preview-warnings">${warnings.map((w) => html`<li>${warningText(lang, w)}</li>`)}</ul>
          </div>`
        : nothing}
      ${units.length
        ? html`<ol class="units">${units.map((u) => html`<li .style=${`--_depth: ${Math.min(Math.max(u.depth, 0), 6)}`}><strong>${u.label}</strong> <span class="text">${u.text}</span></li>`)}</ol>`
        : nothing}
    </section>`;
  }

  private async onPreview(): Promise<void> {
    if (this.busy) return;
    const lang = this.locale;
    let preview: { units: PreviewUnit[]; warnings: DocumentWarning[] } = { units: [], warnings: [] };
    const err = await this.send(async () => {
      const r = await previewDocument(this.api, this.session, this.draft!.document);
      preview = { units: r.units, warnings: r.warnings ?? [] };
    }, { sending: t(lang, 'status.saving'), quiet: true });
    this.issues = this.issues.filter((i) => i.field !== 'document');
    if (err) {
      if (err.code === 'validation_failed') this.issues = [...this.issues, ...issuesOfServer(err.issues).filter((i) => i.field === 'document')];
      if (err.code !== 'validation_failed' || !this.issues.some((i) => i.field === 'document')) this.actionError = t.error(lang, err);
      return void this.focusAfter(...(this.actionError ? ['#action-error'] : []), '#document');
    }
    this.preview = preview;
    const { units, warnings } = preview;
    this.announce([units.length ? t(lang, 'preview.count', { count: units.length }) : t(lang, 'preview.none'), warnings.length ? t(lang, 'preview.warnings', { count: warnings.length }) : '']
      .filter(Boolean)
      .join(' '));
    void this.focusAfter('#preview-heading');
  }

  private async onSave(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const lang = this.locale;
    const draft = this.draft!;
    const id = this.consultationId;
    this.issues = validateDraft(draft);
    if (this.issues.length) {
      return void this.focusAfter('.ngo-error-summary');
    }
    if (this.busy) return;
    let saved = id;
    const err = await this.send(async () => (saved = (await saveConsultation(this.api, this.session, id, inputOf(draft))).id), { sending: t(lang, 'status.saving'), quiet: true });
    if (err) {
      if (err.code === 'validation_failed' && err.issues.length) this.issues = issuesOfServer(err.issues);
      else if (err.code === 'document_locked') this.issues = [{ field: 'document', code: 'document_locked' }];
      else return this.showError(err);
      return void this.focusAfter('.ngo-error-summary');
    }
    this.actions?.close(saved ?? undefined, t(lang, 'saved', { title: draft.title.trim() }));
  }
}
