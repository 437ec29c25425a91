import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { AUDIENCES, AUTHOR_TYPE_LABELS, DECISION_LABELS, DECISIONS, MODERATION_MODES, STATUS_LABELS, type Decision } from '../../common/consultations.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import type { AdminSession } from '../admin/admin.api.js';
import { NgoUnauthorizedEvent } from '../core/events.js';
import { staffSectionStyles as sectionStyles } from '../core/staff-section.styles.js';
import { ApiError, asApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { errorSummary, field, focusErrorSummary, formStyles, statusRegion, type ControlAttrs } from '../core/forms.js';
import { formatDateTime, type Lang } from '../core/i18n/index.js';
import { theme } from '../core/theme.js';
import {
  answerRemark, approveRemark, draftOf, emptyDraft, getConsultation, inputOf, issuesOfServer, listConsultations, listRemarks, previewDocument,
  publishAnswers, rejectRemark, remarksCsvUrl, reportUrl, saveConsultation, validateDraft,
  type ConsultationDraft, type DraftField, type DraftIssue, type PreviewUnit, type StaffConsultation, type StaffRemark,
} from './consultations.admin.api.js';
import { tConsultationsAdmin as t, type ConsultationsAdminKey } from './consultations.admin.i18n.js';
import type { DocumentWarning } from '../../common/consultations.document.js';

/** One warning of the splitter (common/consultations.document.ts), in the panel's language. */
const warningText = (lang: Lang, w: DocumentWarning) =>
  t(lang, `preview.warning.${w.code}`, { line: w.line, label: w.label ?? '', expected: w.expected ?? '', found: w.found ?? '', count: w.count ?? 0 });
import { consultationsAdminStyles } from './consultations.admin.styles.js';

type Tab = 'queue' | 'answers';
const TABS: readonly Tab[] = ['queue', 'answers'];
type View = { name: 'list' } | { name: 'form'; id: string | null } | { name: 'consultation'; id: string; tab: Tab };
interface Answer { decision: Decision | null; response: string }

const byId = (id: string) => `[data-id="${CSS.escape(id)}"]`;
/** Controls with an id of their own: the draft's text fields and the district. */
const FIELD_IDS = new Set(['title', 'goal', 'subject', 'unitName', 'legalBasis', 'district', 'startsLocal', 'endsLocal', 'requireConfirmation', 'informationClause', 'document']);
/** Radio groups, reached through their first option. */
const CONTROL_OF: Record<string, string> = { audience: `audience-${AUDIENCES[0]}`, moderation: `moderation-${MODERATION_MODES[0]}` };
/** 409s of publishing that carry `details.count`, and how to say it. */
const COUNTED: Record<string, ConsultationsAdminKey> = { unanswered_remarks: 'error.unanswered_count', pending_remarks: 'error.pending_count' };
const ERROR_KEYS: Record<string, ConsultationsAdminKey> = {
  required: 'err.required', too_long: 'err.too_long', invalid_format: 'err.invalid_format', ends_before_start: 'err.ends_before_start',
  invalid_url: 'err.invalid_url', document_locked: 'error.document_locked',
};

/**
 * Staff panel section "consultations" (moderators, editors): the list of consultations with their
 * status and what waits for staff; the form to create or edit one, with a preview of how the
 * document splits into units; and per consultation the moderation queue and the answers view,
 * where each remark gets a decision and a justification before the answers and the report are
 * published (which mails the authors). `<ngo-admin>` creates it and sets `apiBase` and `session`;
 * all requests are same-origin with the session cookie and the CSRF token.
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
export class NgoAdminConsultations extends NgoElement {
  static override styles = [theme, formStyles, sectionStyles, consultationsAdminStyles];

  static override properties: PropertyDeclarations = {
    session: { attribute: false },
    view: { state: true },
    draft: { state: true },
    issues: { state: true },
    preview: { state: true },
    status: { state: true },
    actionError: { state: true },
    busy: { state: true },
    reasons: { state: true },
    answers: { state: true },
    answerErrors: { state: true },
    saved: { state: true },
    confirming: { state: true },
    publishError: { state: true },
    reload: { state: true },
  };

  /** Set by `<ngo-admin>`: carries the CSRF token sent on every write. */
  declare session: AdminSession | null;

  declare private view: View;
  /** The form's fields as typed; null until an edited consultation has loaded. */
  declare private draft: ConsultationDraft | null;
  declare private issues: DraftIssue[];
  declare private preview: { units: PreviewUnit[]; warnings: DocumentWarning[] } | null;
  declare private status: string;
  declare private actionError: string;
  declare private busy: boolean;
  /** Optional reasons typed for rejecting, by remark id. */
  declare private reasons: Record<string, string>;
  /** Answers being edited, by remark id. */
  declare private answers: Record<string, Answer>;
  declare private answerErrors: Record<string, { decision?: string; response?: string }>;
  /** Answers saved in this session, by remark id (the list is not reloaded after each one). */
  declare private saved: Record<string, Answer>;
  /** The publish button waits for a second, explicit confirmation. */
  declare private confirming: boolean;
  declare private publishError: string;
  /** Bumped to reload the data after a change. */
  declare private reload: number;

  constructor() {
    super();
    this.session = null;
    this.view = { name: 'list' };
    this.draft = null;
    this.issues = [];
    this.preview = null;
    this.status = '';
    this.actionError = '';
    this.busy = false;
    this.reasons = {};
    this.answers = {};
    this.answerErrors = {};
    this.saved = {};
    this.confirming = false;
    this.publishError = '';
    this.reload = 0;
  }

  private list = new Task(this, {
    args: () => [this.api, this.view.name === 'list', this.reload] as const,
    task: async ([base, show], { signal }) => (show ? (await this.guard(listConsultations(base, signal))).items : null),
  });

  private detail = new Task(this, {
    args: () => [this.api, this.view.name === 'list' ? null : this.view.id, this.reload] as const,
    task: ([base, id], { signal }) => (id ? this.guard(getConsultation(base, id, signal)) : Promise.resolve(null)),
    onComplete: (c) => {
      if (c && this.view.name === 'form' && !this.draft) this.draft = draftOf(c);
    },
  });

  private remarks = new Task(this, {
    args: () => [this.api, this.view.name === 'consultation' ? this.view.id : null, this.view.name === 'consultation' ? this.view.tab : null, this.reload] as const,
    task: async ([base, id, tab], { signal }) =>
      id && tab ? (await this.guard(listRemarks(base, id, tab === 'queue' ? 'pending' : 'published', signal))).items : null,
  });

  private guard<T>(p: Promise<T>): Promise<T> {
    return p.catch((err) => {
      if (err instanceof ApiError && err.status === 401) this.dispatchEvent(new NgoUnauthorizedEvent());
      throw err;
    });
  }

  /** Moves focus to the first selector that matches after the next render. */
  private async focusAfter(...selectors: string[]): Promise<void> {
    await this.updateComplete;
    for (const s of selectors) {
      const el = this.renderRoot.querySelector<HTMLElement>(s);
      if (el) return el.focus();
    }
  }

  /** Runs a write with one "saving" state; returns the error (already shown unless `quiet`) or null. Callers check `busy` first. */
  private async send(action: () => Promise<unknown>, quiet = false): Promise<ApiError | null> {
    this.busy = true;
    this.actionError = '';
    this.status = t(this.locale, 'status.saving');
    try {
      await this.guard(action());
      return null;
    } catch (err) {
      const e = asApiError(err);
      this.status = '';
      if (!quiet) {
        this.actionError = t.error(this.locale, e);
        void this.focusAfter('#action-error');
      }
      return e;
    } finally {
      this.busy = false;
    }
  }

  private go(view: View, focus: string[]): void {
    this.view = view;
    this.issues = [];
    this.preview = null;
    this.actionError = '';
    this.confirming = false;
    if (view.name !== 'consultation') this.status = '';
    this.publishError = '';
    if (view.name === 'form') this.draft = view.id ? null : emptyDraft();
    // Editing always starts from the stored version, even when this consultation was just shown.
    if (view.name === 'form' && view.id) this.reload++;
    void this.focusAfter(...focus);
  }

  private openConsultation(id: string, tab: Tab = 'queue'): void {
    this.reasons = {};
    this.answers = {};
    this.answerErrors = {};
    this.saved = {};
    this.go({ name: 'consultation', id, tab }, ['#consultation-heading']);
  }

  private backToList(id?: string): void {
    this.go({ name: 'list' }, []);
    // The list loads afresh; wait for it before moving focus to the row.
    void this.afterReload(this.list).then(() => this.focusAfter(...(id ? [`${byId(id)} button.link`] : []), '#list-heading'));
  }

  /** Settles once `task` has run with the arguments of the next render. */
  private async afterReload(task: Task<readonly unknown[], unknown>): Promise<void> {
    await this.updateComplete;
    await task.taskComplete.catch(() => undefined);
  }

  protected override render() {
    const lang = this.locale;
    const v = this.view;
    return html`<div class="ngo-root" part="base">
      ${statusRegion(this.status)}
      <div id="action-error" class="form-error" role="alert" tabindex="-1">${this.actionError}</div>
      ${v.name === 'list' ? this.renderList(lang) : v.name === 'form' ? this.renderFormView(lang, v.id) : this.renderConsultation(lang, v.id, v.tab)}
    </div>`;
  }

  private failed(err: unknown, retry: () => unknown) {
    return html`<p class="ngo-error" role="alert">${t.error(this.locale, asApiError(err))}</p>
      <button type="button" @click=${retry}>${t(this.locale, 'retry')}</button>`;
  }

  private loading() {
    return html`<p class="loading">${t(this.locale, 'loading')}</p>`;
  }

  private period(lang: Lang, c: { startsAt: string; endsAt: string }) {
    return t(lang, 'period', { start: formatDateTime(lang, c.startsAt), end: formatDateTime(lang, c.endsAt) });
  }

  // ---- list ----

  private renderList(lang: Lang) {
    return html`<div class="row spread">
        <h4 id="list-heading" tabindex="-1">${t(lang, 'list.heading')}</h4>
        <button type="button" class="new" @click=${() => this.go({ name: 'form', id: null }, ['#form-heading'])}>${t(lang, 'list.new')}</button>
      </div>
      ${this.list.render({
        pending: () => this.loading(),
        error: (err) => this.failed(err, () => this.list.run()),
        complete: (items) => (!items?.length ? html`<p class="empty">${t(lang, 'list.empty')}</p>` : this.renderTable(lang, items)),
      })}`;
  }

  private renderTable(lang: Lang, items: StaffConsultation[]) {
    return html`<div class="table-wrap"><table>
      <caption>${t(lang, 'list.count', { count: items.length })}</caption>
      <thead><tr>
        <th scope="col">${t(lang, 'col.title')}</th><th scope="col">${t(lang, 'col.status')}</th><th scope="col">${t(lang, 'col.dates')}</th>
        <th scope="col">${t(lang, 'col.pending')}</th><th scope="col">${t(lang, 'col.unanswered')}</th><th scope="col">${t(lang, 'col.actions')}</th>
      </tr></thead>
      <tbody>
        ${items.map(
          (c) => html`<tr data-id=${c.id}>
            <th scope="row"><button type="button" class="link" @click=${() => this.openConsultation(c.id)}>${c.title}</button></th>
            <td>${STATUS_LABELS[c.status][lang]}</td>
            <td>${this.period(lang, c)}</td>
            <td>${c.counts.pending}${c.counts.unconfirmed ? html`<br /><span class="muted">${t(lang, 'unconfirmed.count', { count: c.counts.unconfirmed })}</span>` : nothing}</td>
            <td>${c.counts.unanswered}</td>
            <td><button type="button" class="ngo-secondary edit" aria-label=${t(lang, 'edit.label', { title: c.title })}
              @click=${() => this.go({ name: 'form', id: c.id }, ['#form-heading'])}>${t(lang, 'edit')}</button></td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  // ---- form ----

  private renderFormView(lang: Lang, id: string | null) {
    const heading = html`<button type="button" class="ngo-secondary" @click=${() => this.backToList(id ?? undefined)}>${t(lang, 'back')}</button>
      <h4 id="form-heading" tabindex="-1">${t(lang, id ? 'form.edit' : 'form.new')}</h4>`;
    if (this.draft) return html`${heading}${this.renderForm(lang, this.draft)}`;
    return html`${heading}${this.detail.render({
      pending: () => this.loading(),
      error: (err) => this.failed(err, () => this.detail.run()),
      complete: () => this.loading(),
    })}`;
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
        <button type="button" class="ngo-secondary preview" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.onPreview}>${t(lang, 'preview.button')}</button>
        ${this.preview ? this.renderPreview(lang, this.preview.units, this.preview.warnings) : nothing}
        <div class="row actions">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t(lang, 'save')}</button>
          <button type="button" class="ngo-secondary" @click=${() => this.backToList(this.view.name === 'form' ? this.view.id ?? undefined : undefined)}>${t(lang, 'cancel')}</button>
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
    }, true);
    this.issues = this.issues.filter((i) => i.field !== 'document');
    if (err) {
      if (err.code === 'validation_failed') this.issues = [...this.issues, ...issuesOfServer(err.issues).filter((i) => i.field === 'document')];
      if (err.code !== 'validation_failed' || !this.issues.some((i) => i.field === 'document')) this.actionError = t.error(lang, err);
      return void this.focusAfter(...(this.actionError ? ['#action-error'] : []), '#document');
    }
    this.preview = preview;
    const { units, warnings } = preview;
    this.status = [units.length ? t(lang, 'preview.count', { count: units.length }) : t(lang, 'preview.none'), warnings.length ? t(lang, 'preview.warnings', { count: warnings.length }) : '']
      .filter(Boolean)
      .join(' ');
    void this.focusAfter('#preview-heading');
  }

  private async onSave(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const lang = this.locale;
    const draft = this.draft!;
    const id = this.view.name === 'form' ? this.view.id : null;
    this.issues = validateDraft(draft);
    if (this.issues.length) {
      await this.updateComplete;
      return focusErrorSummary(this.renderRoot);
    }
    if (this.busy) return;
    let saved = id;
    const err = await this.send(async () => (saved = (await saveConsultation(this.api, this.session, id, inputOf(draft))).id), true);
    if (err) {
      if (err.code === 'validation_failed' && err.issues.length) this.issues = issuesOfServer(err.issues);
      else if (err.code === 'document_locked') this.issues = [{ field: 'document', code: 'document_locked' }];
      else {
        this.actionError = t.error(lang, err);
        return void this.focusAfter('#action-error');
      }
      await this.updateComplete;
      return focusErrorSummary(this.renderRoot);
    }
    this.backToList(saved ?? undefined);
    this.status = t(lang, 'saved', { title: draft.title.trim() });
  }

  // ---- one consultation ----

  private renderConsultation(lang: Lang, id: string, tab: Tab) {
    const c = this.detail.value;
    return html`<button type="button" class="ngo-secondary" @click=${() => this.backToList(id)}>${t(lang, 'back')}</button>
      ${this.detail.render({
        pending: () => (c?.id === id ? nothing : this.loading()),
        error: (err) => this.failed(err, () => this.detail.run()),
        complete: () => nothing,
      })}
      <h4 id="consultation-heading" tabindex="-1">${c?.id === id ? c.title : t(lang, 'list.heading')}</h4>
      ${c?.id === id
        ? html`<p>${STATUS_LABELS[c.status][lang]} · ${this.period(lang, c)}</p>
            ${c.reportedAt ? html`<p>${t(lang, 'reported.on', { date: formatDateTime(lang, c.reportedAt) })}</p>` : nothing}
            <div class="row links">
              <button type="button" class="ngo-secondary" @click=${() => this.go({ name: 'form', id }, ['#form-heading'])}>${t(lang, 'edit')}</button>
              <a class="csv" href=${remarksCsvUrl(this.api, id)} download>${t(lang, 'csv')}</a>
              ${c.reportedAt
                ? html`<a class="report" href=${reportUrl(this.api, id, lang)} target="_blank" rel="noopener">${t(lang, 'report.open')}</a>
                    <a class="report-docx" href=${reportUrl(this.api, id, lang, 'docx')} download>${t(lang, 'report.docx')}</a>`
                : nothing}
            </div>`
        : nothing}
      <div role="tablist" part="tabs" aria-label=${t(lang, 'tabs.label')} @keydown=${this.onTabKey}>
        ${TABS.map(
          (x) => html`<button type="button" role="tab" id="tab-${x}" aria-controls="panel-${x}" aria-selected=${x === tab ? 'true' : 'false'}
            tabindex=${x === tab ? '0' : '-1'} @click=${() => x !== tab && this.selectTab(x)}>${t(lang, `tab.${x}`)}</button>`,
        )}
      </div>
      ${TABS.map(
        (x) => html`<div class="panel" role="tabpanel" id="panel-${x}" aria-labelledby="tab-${x}" ?hidden=${x !== tab}>
          ${x !== tab ? nothing : x === 'queue' ? this.renderQueue(lang, c?.id === id ? c.moderation : null) : this.renderAnswers(lang, id)}
        </div>`,
      )}`;
  }

  private selectTab(tab: Tab, focus = false): void {
    if (this.view.name !== 'consultation') return;
    this.view = { ...this.view, tab };
    this.actionError = '';
    this.confirming = false;
    if (focus) void this.focusAfter(`#tab-${tab}`);
  }

  private onTabKey(e: KeyboardEvent): void {
    if (this.view.name !== 'consultation') return;
    const i = TABS.indexOf(this.view.tab);
    const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1 + TABS.length, Home: 0, End: TABS.length - 1 };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    this.selectTab(TABS[next % TABS.length]!, true);
  }

  private remarkHeading(lang: Lang, r: StaffRemark) {
    return r.unitLabel ? t(lang, 'remark.unit', { unit: r.unitLabel }) : t(lang, 'remark.document');
  }

  /** What a remark says and who sent it; every value is user text, rendered as text. */
  private remarkBody(lang: Lang, r: StaffRemark) {
    const author = [AUTHOR_TYPE_LABELS[r.authorType][lang], r.organisationName, r.krs && t(lang, 'remark.krs', { krs: r.krs })].filter(Boolean).join(', ');
    return html`<dl>
      ${r.currentWording ? html`<dt>${t(lang, 'remark.current')}</dt><dd class="text">${r.currentWording}</dd>` : nothing}
      ${r.proposedWording ? html`<dt>${t(lang, 'remark.proposed')}</dt><dd class="text">${r.proposedWording}</dd>` : nothing}
      <dt>${t(lang, 'remark.justification')}</dt><dd class="text">${r.justification}</dd>
      <dt>${t(lang, 'remark.author')}</dt><dd>${author}</dd>
      <dt>${t(lang, 'remark.contact')}</dt><dd>${r.contactName} (<a href="mailto:${r.contactEmail}">${r.contactEmail}</a>)</dd>
      <dt>${t(lang, 'remark.supporters')}</dt><dd>${r.supporters.map((s) => s.organisationName).join(', ') || t(lang, 'remark.supporters.none')}</dd>
      <dt>${t(lang, 'remark.date')}</dt><dd><time datetime=${r.createdAt}>${formatDateTime(lang, r.createdAt)}</time></dd>
    </dl>`;
  }

  private renderQueue(lang: Lang, moderation: string | null) {
    return html`<h4 id="queue-heading" tabindex="-1">${t(lang, 'queue.heading')}</h4>
      ${moderation === 'post' ? html`<p class="muted">${t(lang, 'queue.post')}</p>` : nothing}
      ${this.remarks.render({
        pending: () => this.loading(),
        error: (err) => this.failed(err, () => this.remarks.run()),
        complete: (items) =>
          !items?.length
            ? html`<p>${t(lang, 'queue.empty')}</p>`
            : items.map(
                (r, i) => html`<article class="box remark" data-id=${r.id} aria-labelledby="q${i}-heading">
                  <h5 id="q${i}-heading" tabindex="-1">${this.remarkHeading(lang, r)}</h5>
                  ${this.remarkBody(lang, r)}
                  <div class="row decide">
                    <button type="button" class="approve" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.moderate(items, r, true)}>${t(lang, 'approve')}</button>
                  </div>
                  ${field({ id: `q${i}-reason`, label: t(lang, 'reject.label'), hint: t(lang, 'reject.hint') }, (a) => html`<textarea id=${a.id} maxlength="2000"
                    .value=${this.reasons[r.id] ?? ''} aria-describedby=${ifDefined(a.describedby)}
                    @input=${(e: Event) => (this.reasons = { ...this.reasons, [r.id]: (e.target as HTMLTextAreaElement).value })}></textarea>`)}
                  <button type="button" class="danger reject" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.moderate(items, r, false)}>${t(lang, 'reject')}</button>
                </article>`,
              ),
      })}`;
  }

  private async moderate(items: StaffRemark[], r: StaffRemark, approve: boolean): Promise<void> {
    if (this.busy) return;
    const reason = (this.reasons[r.id] ?? '').trim();
    const err = await this.send(() => (approve ? approveRemark(this.api, this.session, r.id) : rejectRemark(this.api, this.session, r.id, reason)));
    if (err) return;
    const next = items[items.indexOf(r) + 1];
    this.status = t(this.locale, approve ? 'approved' : 'rejected');
    this.reload++;
    await this.afterReload(this.remarks);
    await this.focusAfter(...(next ? [`${byId(next.id)} h5`] : []), '#queue-heading');
  }

  private answerOf(r: StaffRemark): Answer | null {
    return this.saved[r.id] ?? (r.answeredAt && r.decision ? { decision: r.decision, response: r.response ?? '' } : null);
  }

  private renderAnswers(lang: Lang, id: string) {
    return html`<h4 id="answers-heading" tabindex="-1">${t(lang, 'answers.heading')}</h4>
      ${this.remarks.render({
        pending: () => this.loading(),
        error: (err) => this.failed(err, () => this.remarks.run()),
        complete: (items) => {
          if (!items?.length) return html`<p>${t(lang, 'answers.empty')}</p>${this.renderPublish(lang, id)}`;
          const answered = items.filter((r) => this.answerOf(r)).length;
          return html`<p class="progress">${t(lang, 'answers.progress', { count: items.length, answered: String(answered) })}</p>
            ${items.map((r, i) => this.renderAnswer(lang, r, i))}
            ${this.renderPublish(lang, id)}`;
        },
      })}`;
  }

  private renderAnswer(lang: Lang, r: StaffRemark, i: number): TemplateResult {
    const saved = this.answerOf(r);
    const edit = this.answers[r.id] ?? saved ?? { decision: null, response: '' };
    const dirty = !!this.answers[r.id] && (edit.decision !== saved?.decision || edit.response !== (saved?.response ?? ''));
    const state = dirty ? 'answer.unsaved' : saved ? 'answer.saved' : 'answer.none';
    const errors = this.answerErrors[r.id] ?? {};
    const p = `r${i}`;
    const change = (patch: Partial<Answer>) => (this.answers = { ...this.answers, [r.id]: { ...(this.answers[r.id] ?? edit), ...patch } });
    return html`<article class="box remark" data-id=${r.id} aria-labelledby="${p}-heading">
      <h5 id="${p}-heading" tabindex="-1">${this.remarkHeading(lang, r)}</h5>
      ${this.remarkBody(lang, r)}
      <form novalidate class="answer" @submit=${(e: SubmitEvent) => (e.preventDefault(), this.saveAnswer(r, i, edit))}>
        <fieldset class="ngo-field" aria-describedby=${ifDefined(errors.decision ? `${p}-decision-error` : undefined)}>
          <legend class="ngo-label">${t(lang, 'decision')} <span class="ngo-hint">${t(lang, 'field.required_marker')}</span></legend>
          ${errors.decision ? html`<div class="ngo-error" id="${p}-decision-error">${errors.decision}</div>` : nothing}
          ${DECISIONS.map(
            (d) => html`<label class="check"><input type="radio" id="${p}-decision-${d}" name="${p}-decision" value=${d} .checked=${edit.decision === d}
              aria-invalid=${ifDefined(errors.decision ? 'true' : undefined)} @change=${() => change({ decision: d })} /> ${DECISION_LABELS[d][lang]}</label>`,
          )}
        </fieldset>
        ${field(
          { id: `${p}-response`, label: t(lang, 'response'), hint: t(lang, 'response.hint'), error: errors.response, requiredMarker: t(lang, 'field.required_marker') },
          (a) => html`<textarea id=${a.id} required maxlength="10000" .value=${edit.response} aria-describedby=${ifDefined(a.describedby)}
            aria-invalid=${ifDefined(a.invalid)} @input=${(e: Event) => change({ response: (e.target as HTMLTextAreaElement).value })}></textarea>`,
        )}
        <div class="row">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'} aria-describedby="${p}-state">${t(lang, 'answer.save')}</button>
          <span id="${p}-state" class="state ${state.slice(7)}">${t(lang, state)}</span>
        </div>
      </form>
    </article>`;
  }

  private async saveAnswer(r: StaffRemark, i: number, a: Answer): Promise<void> {
    const lang = this.locale;
    const response = a.response.trim();
    const errors = { decision: a.decision ? undefined : t(lang, 'decision.required'), response: response.length >= 3 ? undefined : response ? t(lang, 'response.short') : t(lang, 'field.required') };
    this.answerErrors = { ...this.answerErrors, [r.id]: errors };
    if (errors.decision || errors.response) return void this.focusAfter(errors.decision ? `#r${i}-decision-${DECISIONS[0]}` : `#r${i}-response`);
    if (this.busy) return;
    const decision = a.decision!;
    const err = await this.send(() => answerRemark(this.api, this.session, r.id, { decision, response }), true);
    if (err) {
      const issue = err.code === 'validation_failed' ? err.issues.find((x) => x.path === 'response' || x.path === 'decision') : undefined;
      if (issue) {
        this.answerErrors = { ...this.answerErrors, [r.id]: { [issue.path]: t(lang, issue.code === 'too_short' ? 'response.short' : 'err.invalid') } };
        return void this.focusAfter(`#r${i}-response`);
      }
      this.actionError = t.error(lang, err);
      return void this.focusAfter('#action-error');
    }
    const { [r.id]: _done, ...rest } = this.answers;
    this.answers = rest;
    this.saved = { ...this.saved, [r.id]: { decision, response } };
    this.status = t(lang, 'answer.done');
  }

  private renderPublish(lang: Lang, id: string) {
    const c = this.detail.value;
    if (c?.id === id && c.reportedAt) return nothing;
    return html`<section class="box publish" aria-labelledby="publish-heading">
      <h5 id="publish-heading" tabindex="-1">${t(lang, 'publish.heading')}</h5>
      <p id="publish-hint">${t(lang, 'publish.hint')}</p>
      <div id="publish-error" class="form-error" role="alert" tabindex="-1">${this.publishError}</div>
      ${this.confirming
        ? html`<p id="publish-confirm">${t(lang, 'publish.confirm')}</p>
            <div class="row">
              <button type="button" class="confirm" aria-describedby="publish-confirm" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.publish(id)}>${t(lang, 'publish.yes')}</button>
              <button type="button" class="ngo-secondary" @click=${() => ((this.confirming = false), this.focusAfter('button.publish'))}>${t(lang, 'cancel')}</button>
            </div>`
        : html`<button type="button" class="publish" aria-describedby="publish-hint" @click=${() => ((this.confirming = true), this.focusAfter('button.confirm'))}>${t(lang, 'publish')}</button>`}
    </section>`;
  }

  private async publish(id: string): Promise<void> {
    if (this.busy) return;
    const lang = this.locale;
    this.publishError = '';
    const err = await this.send(() => publishAnswers(this.api, this.session, id), true);
    this.confirming = false;
    if (err) {
      const count = err.details?.count;
      const counted = COUNTED[err.code];
      this.publishError = counted && typeof count === 'number' ? `${t.error(lang, err)} ${t(lang, counted, { count })}` : t.error(lang, err);
      return void this.focusAfter('#publish-error');
    }
    this.status = t(lang, 'published');
    this.reload++;
    await this.afterReload(this.detail);
    await this.focusAfter('a.report', '#answers-heading');
  }
}
