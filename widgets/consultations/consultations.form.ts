import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { AUTHOR_TYPE_LABELS, type AuthorType } from '../../common/consultations.js';
import type { NgoElement } from '../core/base.element.js';
import { FormState } from '../core/form-state.js';
import { tFormKit } from '../core/form.i18n.js';
import { errorSummary, field, inputField } from '../core/forms.js';
import type { CoreKey, Lang } from '../core/i18n/index.js';
import { consentBlock, contactFields, discardDialog, draftNotice, errorText, formError, honeypot, summaryOf } from '../core/public-form.js';
import type { ApiError } from '../core/api.js';
import { SubmitController } from '../core/submit.js';
import { postPath, type Accepted, type ConsultationDetail, type Target } from './consultations.api.js';
import { ConfirmPanel } from './consultations.confirm.js';
import type { Panel } from './consultations.ui.js';
import { tc, type ConsultationKey } from './consultations.i18n.js';
import {
  REMARK_FIELDS, SUPPORT_FIELDS, allowedAuthors, emptyDraft, issuesToErrors, needsOrganisation, toRemarkBody, toSupportBody, validateRemark, validateSupport,
  type Draft, type FieldId,
} from './consultations.model.js';

/**
 * The writing half of `<ngo-consultation>`: the remark and support forms and the e-mailed
 * confirmations (consultations.confirm.ts), on the public-form kit: the submit controller, drafts
 * kept per unit or remark, the question before a typed-in form closes. The widget imports this
 * module when a person presses "Comment" or "Support", or when the page has a
 * `confirm`/`confirm-support` token, so that reading a consultation does not load it. It renders
 * into the widget's shadow root, and the kit's controllers live on the widget.
 */

/** What the forms use of the widget. */
export interface FormsHost {
  /** The widget: the proof of work listens on it, events are fired from it, changes re-render it. */
  readonly el: NgoElement;
  api(): string;
  /** Id of the consultation shown, for `ngo-submit` and the drafts' keys. */
  consultation(): string;
  /** Closes the open form; focus returns to the button that opened it. */
  close(): void;
  /** The live region's message. */
  say(message: string): void;
  /** Focuses the element matching `selector` after the next update. */
  focus(selector: string): void;
  /** A write was published at once: reload the consultation and its remarks. */
  published(): void;
}

const SUMMARY = '.ngo-error-summary';
/** What carries over from one form to the next: who writes. */
const AUTHOR_FIELDS = ['authorType', 'organisationName', 'krs', 'contactName', 'contactEmail'] as const;

export class ConsultationForms {
  /** The open form, as last opened by `open()`. */
  panel: Panel | null = null;
  private readonly form: FormState<Draft>;
  private readonly submit: SubmitController;
  /** The confirmation panel of an e-mailed link. */
  readonly confirmation: ConfirmPanel;
  /** An API error not tied to a field, shown above the form. */
  private failure: ApiError | null = null;
  /** The answer to the open form's POST: the success panel replaces the form. */
  private done: { status: string; email: string } | null = null;

  constructor(private readonly host: FormsHost) {
    this.form = new FormState<Draft>(host.el, {
      validate: (d) => (this.panel?.kind === 'support' ? validateSupport(d) : validateRemark(d, this.audience)),
      storageKey: () => this.draftKey(),
      memoryOnly: ['contactName', 'contactEmail'],
      notKept: ['consent'],
    });
    this.submit = new SubmitController(host.el, host.api);
    this.confirmation = new ConfirmPanel(host, this.submit);
  }

  private audience: ConsultationDetail['audience'] = 'all';

  private get lang(): Lang {
    return this.host.el.locale;
  }

  /** Drafts per consultation and unit (or the whole document), and per supported remark. */
  private draftKey(): string | null {
    const p = this.panel;
    if (!p) return null;
    return p.kind === 'remark' ? `ngo-consultation/remark/${this.host.consultation()}/${p.unit?.id ?? 'document'}` : `ngo-consultation/support/${p.remark.id}`;
  }

  /** True while the open form holds typed text that was not sent. */
  get dirty(): boolean {
    return !!this.panel && !this.done && this.form.dirty;
  }

  /** Opens a form for `panel` (a remark starts from the unit's wording, and who writes carries over); a kept draft comes back. The widget focuses its heading. */
  open(panel: Panel, audience: ConsultationDetail['audience']): void {
    this.submit.prepare();
    this.submit.reset();
    const author = Object.fromEntries(AUTHOR_FIELDS.map((k) => [k, this.form.values[k] ?? emptyDraft()[k]]));
    this.panel = panel;
    this.audience = audience;
    this.failure = this.done = null;
    this.form.start({ ...emptyDraft(), ...author, currentWording: panel.kind === 'remark' ? (panel.unit?.text ?? '') : '' });
  }

  /** Runs `close()` once the person agrees, when the open form was typed into (Cancel, Escape, another form, Back). */
  requestClose(close: () => void): void {
    if (this.done || !this.panel) close();
    else this.form.requestClose(close);
  }

  private readonly onSubmit = (e: SubmitEvent, c: ConsultationDetail): void => {
    e.preventDefault();
    const panel = this.panel;
    if (this.submit.busy || !panel) return;
    this.failure = null;
    if (!this.form.check()) {
      this.host.say('');
      this.host.focus(SUMMARY);
      return;
    }
    const lang = this.lang;
    const d = this.form.values;
    if (panel.kind === 'remark') void this.send({ kind: 'remark', consultation: c.id }, toRemarkBody(d, panel.unit?.id ?? null, lang));
    else void this.send({ kind: 'support', consultation: c.id, remark: panel.remark.id }, toSupportBody(d, lang));
  };

  private async send(target: Target & { kind: 'remark' | 'support' }, body: object): Promise<void> {
    const { host, lang } = this;
    const detail = { kind: target.kind, consultation: host.consultation() || null };
    await this.submit.send<Accepted>({ detail, path: postPath(target), body, onSending: () => host.say(tc(lang, 'status.sending')) }, (out) => {
      if (out.ok) {
        this.form.forget();
        this.done = { status: out.value.status, email: this.form.values.contactEmail.trim() };
        host.say(tc(lang, 'cons.sent'));
        host.focus('#done');
        if (out.value.status === 'published') host.published();
        return;
      }
      host.say('');
      if (out.reason === 'canceled') return;
      const fields = out.reason === 'fields' ? issuesToErrors(out.error.issues, this.panel?.kind === 'support' ? SUPPORT_FIELDS : REMARK_FIELDS) : null;
      if (fields) this.form.showServerErrors(fields.errors);
      const named = fields && Object.keys(fields.errors).length;
      if (!named || fields.other.length) this.failure = out.error;
      host.focus(named ? SUMMARY : '#form-error');
    });
  }

  // ---- rendering ---------------------------------------------------------------------------------

  private t(key: ConsultationKey | CoreKey, vars?: Record<string, string | number>): string {
    return tc(this.lang, key, vars);
  }

  private err(id: FieldId): string | undefined {
    return errorText(this.lang, this.form.errors[id], tc);
  }

  /** The question asked before a typed-in form closes; the widget renders it once, at its root. */
  renderDialog(): TemplateResult | typeof nothing {
    return discardDialog(this.form, this.lang);
  }

  /** The open form, or its success message once sent. */
  renderPanel(c: ConsultationDetail): TemplateResult {
    const lang = this.lang;
    const panel = this.panel!;
    const remark = panel.kind === 'remark';
    const target = remark ? (panel.unit?.label ?? this.t('cons.whole_document')) : panel.remark.unitLabel ?? this.t('cons.whole_document');
    const close = html`<button type="button" class="ngo-secondary" @click=${this.host.close}>${this.t(this.done ? 'cons.close' : 'cons.cancel')}</button>`;
    if (this.done) {
      const status = ['unconfirmed', 'pending', 'published'].includes(this.done.status) ? this.done.status : 'pending';
      const key = `cons.${remark ? 'done' : 'done_support'}.${status}` as ConsultationKey;
      return html`<div class="panel" part="form">
        <div id="done" tabindex="-1"><${this.host.el.headingTag(2)}>${this.t('cons.done.title')}</${this.host.el.headingTag(2)}><p>${this.t(key, { email: this.done.email })}</p></div>
        ${close}
      </div>`;
    }
    const summary = summaryOf(remark ? REMARK_FIELDS : SUPPORT_FIELDS, this.form.errors, {
      text: (k) => errorText(lang, k, tc)!,
      label: (id) => (id === 'consent' ? undefined : this.t(`cons.f.${id}` as ConsultationKey)),
      target: (id) => (id === 'authorType' ? `authorType-${allowedAuthors(c.audience)[0]}` : id),
    });
    const d = this.form.values;
    return html`<div class="panel" part="form" role="region" aria-labelledby="form-title">
      <${this.host.el.headingTag(2)} id="form-title" tabindex="-1">${this.t(remark ? 'cons.form.title' : 'cons.support_title')}</${this.host.el.headingTag(2)}>
      <p>${this.t(remark ? 'cons.form.target' : 'cons.remark_on', { target })}</p>
      ${remark ? nothing : html`<p>${this.t('cons.support_intro')}</p>`}
      <form novalidate @submit=${(e: SubmitEvent) => this.onSubmit(e, c)}>
        ${draftNotice(this.form, lang)} ${errorSummary(this.t('summary.heading', { count: summary.length }), summary, this.host.el.headingLevelAt(2))} ${formError(this.failure ? tc.error(lang, this.failure) : undefined)}
        ${remark ? html`${this.area('currentWording')} ${this.area('proposedWording')} ${this.area('justification', true)} ${this.renderAuthorTypes(c, lang)}` : nothing}
        ${!remark || needsOrganisation(d.authorType) ? html`${this.text('organisationName', true)} ${this.text('krs')}` : nothing}
        ${contactFields({
          lang,
          legend: this.t('cons.f.contact'),
          hint: this.t('cons.f.contact_hint'),
          labels: { name: this.t('cons.f.contactName'), email: this.t('cons.f.contactEmail') },
          values: d,
          errors: { contactName: this.err('contactName'), contactEmail: this.err('contactEmail') },
          set: (k, v) => this.form.set(k, v),
        })}
        ${consentBlock({
          lang,
          clause: c.informationClause.trim() || undefined,
          label: this.t('cons.f.consent'),
          checked: d.consent,
          error: this.err('consent'),
          onChange: (v) => this.form.set('consent', v),
        })}
        ${honeypot(this.submit, lang)}
        <div class="row">
          <button type="submit" part="submit-button" ?disabled=${this.submit.busy}>${this.t(remark ? 'cons.submit' : 'cons.support_submit')}</button>
          ${close}
        </div>
      </form>
    </div>`;
  }

  private area(id: 'currentWording' | 'proposedWording' | 'justification', required = false): TemplateResult {
    return field(
      { id, label: this.t(`cons.f.${id}`), hint: this.t(`cons.f.${id}_hint`), error: this.err(id), requiredMarker: required ? this.t('field.required_marker') : undefined },
      (a) => html`<textarea id=${a.id} part="input" name=${id} maxlength="10000" ?required=${required} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)}
        .value=${this.form.values[id]} @input=${(e: Event) => this.form.set(id, (e.target as HTMLTextAreaElement).value)}></textarea>`,
    );
  }

  private text(id: 'organisationName' | 'krs', required = false): TemplateResult {
    const krs = id === 'krs';
    return inputField({
      id,
      label: this.t(`cons.f.${id}`),
      hint: krs ? this.t('cons.f.krs_hint') : undefined,
      error: this.err(id),
      requiredMarker: required ? this.t('field.required_marker') : undefined,
      value: this.form.values[id],
      required,
      maxlength: krs ? 10 : 200,
      autocomplete: krs ? 'off' : 'organization',
      inputmode: krs ? 'numeric' : undefined,
      onInput: (v) => this.form.set(id, v),
    });
  }

  private renderAuthorTypes(c: ConsultationDetail, lang: Lang): TemplateResult {
    const error = this.err('authorType');
    const note = c.audience === 'ngo';
    const described = [note && 'authorType-hint', error && 'authorType-error'].filter(Boolean).join(' ');
    return html`<fieldset aria-describedby=${ifDefined(described || undefined)}>
      <legend>${this.t('cons.f.authorType')} <span class="ngo-hint">${this.t('field.required_marker')}</span></legend>
      ${note ? html`<p class="ngo-hint" id="authorType-hint">${this.t('cons.audience.ngo')}</p>` : nothing}
      ${error ? html`<p class="ngo-error" id="authorType-error">${error}</p>` : nothing}
      ${allowedAuthors(c.audience).map(
        (a: AuthorType) => html`<label class="ngo-check"
          ><input type="radio" name="authorType" id="authorType-${a}" value=${a} .checked=${this.form.values.authorType === a}
            aria-invalid=${ifDefined(error ? 'true' : undefined)} @change=${() => this.form.set('authorType', a)} /><span>${AUTHOR_TYPE_LABELS[a][lang]}</span></label
        >`,
      )}
    </fieldset>`;
  }
}

export { tFormKit };
