import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { AUTHOR_TYPE_LABELS, type AuthorType } from '../../common/consultations.js';
import { ApiError, asApiError, newIdempotencyKey } from '../core/api.js';
import type { NgoElement } from '../core/base.element.js';
import { errorSummary, field, inputField } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { ChallengeController } from '../core/pow.js';
import { post, postPath, type ConsultationDetail, type Target } from './consultations.api.js';
import { NgoErrorEvent, NgoSubmitEvent, NgoSubmittedEvent } from '../core/events.js';
import type { Panel } from './consultations.element.js';
import { tc, type ConsultationKey } from './consultations.i18n.js';
import {
  REMARK_FIELDS, SUPPORT_FIELDS, allowedAuthors, emptyDraft, issuesToErrors, needsOrganisation, toRemarkBody, toSupportBody, validateRemark, validateSupport,
  type Draft, type FieldErrors, type FieldId,
} from './consultations.model.js';

/**
 * The writing half of `<ngo-consultation>`: the remark and support forms, the e-mailed
 * confirmations, their checks, the proof of work and the POSTs. The widget imports this module when
 * a person presses "Comment" or "Support", or when the page has a `confirm`/`confirm-support`
 * token, so that reading a consultation does not load it. It renders into the widget's shadow root.
 */

/** What the forms use of the widget. */
export interface FormsHost {
  /** The widget: the proof of work listens on it, events are fired from it, changes re-render it. */
  readonly el: NgoElement;
  api(): string;
  /** Id of the consultation shown, for `ngo-submit`. */
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

/** A POST already built: a retry after a network failure resends the same body with the same key. */
interface Attempt {
  fp: string;
  key: string;
  body: unknown;
}

const SUMMARY = '.ngo-error-summary';
const isLinkError = (err: ApiError) => err.code === 'link_invalid' || err.status === 404 || err.status === 422;
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => html`<p>${p.trim()}</p>`);

export class ConsultationForms {
  /** The open form, as last opened by `open()`. */
  panel: Panel | null = null;
  private draft: Draft = emptyDraft();
  private errors: FieldErrors = {};
  /** An API error not tied to a field, shown above the form or in the confirmation panel. */
  private failure: ApiError | null = null;
  private busy = false;
  /** The answer to the open form's POST: the success panel replaces the form. */
  private done: { status: string; email: string } | null = null;
  /** The confirmation's outcome: a status, or `invalid` for a dead link. */
  private confirmed = '';
  private honeypot = '';
  private attempt?: Attempt;
  /** Created with the first form: a confirmation needs no proof of work. */
  private pow?: ChallengeController;

  constructor(private readonly host: FormsHost) {}

  private get lang(): Lang {
    return this.host.el.locale;
  }

  private changed(): void {
    this.host.el.requestUpdate();
  }

  /** Shows an empty form for `panel` (a remark starts from the unit's wording); the widget focuses its heading. */
  open(panel: Panel): void {
    this.pow ??= new ChallengeController(this.host.el, this.host.api);
    this.panel = panel;
    const text = panel.kind === 'remark' ? (panel.unit?.text ?? '') : '';
    this.draft = { ...this.draft, currentWording: text, proposedWording: '', justification: '', consent: false };
    this.errors = {};
    this.failure = this.done = null;
    this.attempt = undefined;
    this.changed();
  }

  private set<K extends FieldId>(key: K, value: Draft[K]): void {
    this.draft = { ...this.draft, [key]: value };
    this.changed();
  }

  private readonly onSubmit = (e: SubmitEvent, c: ConsultationDetail): void => {
    e.preventDefault();
    const panel = this.panel;
    if (this.busy || !panel) return;
    const lang = this.lang;
    this.failure = null;
    this.errors = panel.kind === 'remark' ? validateRemark(this.draft, c.audience) : validateSupport(this.draft);
    if (Object.keys(this.errors).length) {
      this.host.say('');
      this.host.focus(SUMMARY);
      return;
    }
    if (panel.kind === 'remark') void this.send({ kind: 'remark', consultation: c.id }, toRemarkBody(this.draft, panel.unit?.id ?? null, lang));
    else void this.send({ kind: 'support', consultation: c.id, remark: panel.remark.id }, toSupportBody(this.draft, lang));
  };

  private async send(target: Target, payload: object): Promise<void> {
    const { host, lang } = this;
    const kind = target.kind;
    const confirming = kind === 'confirm' || kind === 'confirm-support';
    if (!host.el.dispatchEvent(new NgoSubmitEvent({ kind, consultation: host.consultation() || null }))) return;
    this.busy = true;
    this.failure = null;
    host.say(tc(lang, 'status.sending'));
    this.changed();
    try {
      const path = postPath(target);
      const fp = path + JSON.stringify(payload);
      if (this.attempt?.fp !== fp) {
        // A solution is single-use: once it is in a body, the next attempt needs a new one.
        const body = confirming ? payload : { ...payload, abuse: { altcha: await this.pow!.solution(), website: this.honeypot } };
        this.pow?.reset();
        this.attempt = { fp, key: newIdempotencyKey(), body };
      }
      const res = await post(host.api(), path, this.attempt.body, this.attempt.key);
      this.attempt = undefined;
      host.say(tc(lang, 'cons.sent'));
      if (confirming) {
        this.confirmed = res.status;
        host.focus('#confirm-title');
      } else {
        this.done = { status: res.status, email: this.draft.contactEmail.trim() };
        host.focus('#done');
      }
      if (res.status === 'published') host.published();
      host.el.dispatchEvent(new NgoSubmittedEvent({ kind, id: res.id, status: res.status }));
    } catch (err) {
      host.say('');
      const e = asApiError(err);
      host.el.dispatchEvent(new NgoErrorEvent({ kind, code: e.code }));
      this.fail(e, confirming);
    } finally {
      this.busy = false;
      this.changed();
    }
  }

  private fail(err: ApiError, confirming: boolean): void {
    // Only an answer that may not have reached the server keeps its key for the retry.
    if (err.status !== 0 && err.code !== 'idempotency_in_progress') this.attempt = undefined;
    if (confirming && isLinkError(err)) {
      this.confirmed = 'invalid';
      this.host.focus('#confirm-title');
      return;
    }
    if (!confirming && err.code === 'validation_failed' && err.issues.length) {
      const { errors, other } = issuesToErrors(err.issues, this.panel?.kind === 'support' ? SUPPORT_FIELDS : REMARK_FIELDS);
      this.errors = errors;
      if (other.length || !Object.keys(errors).length) this.failure = err;
      this.host.focus(Object.keys(errors).length ? SUMMARY : '#form-error');
      return;
    }
    this.failure = err;
    this.host.focus(confirming ? '#confirm-error' : '#form-error');
  }

  // ---- rendering ---------------------------------------------------------------------------------

  private t(key: ConsultationKey | 'field.required_marker' | 'error.link_invalid', vars?: Record<string, string | number>): string {
    return tc(this.lang, key, vars);
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
        <div id="done" tabindex="-1"><h4>${this.t('cons.done.title')}</h4><p>${this.t(key, { email: this.done.email })}</p></div>
        ${close}
      </div>`;
    }
    const ids = remark ? REMARK_FIELDS : SUPPORT_FIELDS;
    const summary = ids.filter((id) => this.errors[id]).map((id) => ({
      id: id === 'authorType' ? `authorType-${allowedAuthors(c.audience)[0]}` : id,
      message: id === 'consent' ? this.err(id)! : `${this.label(id)}: ${this.err(id)}`,
    }));
    const withOrg = !remark || needsOrganisation(this.draft.authorType);
    return html`<div class="panel" part="form" role="region" aria-labelledby="form-title">
      <h4 id="form-title" tabindex="-1">${this.t(remark ? 'cons.form.title' : 'cons.support_title')}</h4>
      <p>${this.t(remark ? 'cons.form.target' : 'cons.remark_on', { target })}</p>
      ${remark ? nothing : html`<p>${this.t('cons.support_intro')}</p>`}
      <form novalidate @submit=${(e: SubmitEvent) => this.onSubmit(e, c)}>
        ${errorSummary(tc(lang, 'summary.heading', { count: summary.length }), summary)}
        <div id="form-error" class="form-error" role="alert" tabindex="-1">${this.failure ? tc.error(lang, this.failure) : ''}</div>
        ${remark
          ? html`${this.area('currentWording')} ${this.area('proposedWording')} ${this.area('justification', true)} ${this.renderAuthorTypes(c, lang)}`
          : nothing}
        ${withOrg ? html`${this.text('organisationName', { required: true, autocomplete: 'organization' })} ${this.text('krs', { hint: true, inputmode: 'numeric' })}` : nothing}
        <fieldset aria-describedby="contact-hint">
          <legend>${this.t('cons.f.contact')}</legend>
          <p class="ngo-hint" id="contact-hint">${this.t('cons.f.contact_hint')}</p>
          ${this.text('contactName', { required: true, autocomplete: 'name' })}
          ${this.text('contactEmail', { required: true, type: 'email', autocomplete: 'email' })}
        </fieldset>
        ${this.renderConsent(c)}
        <div class="hp" aria-hidden="true">
          <label for="hp">${this.t('cons.f.honeypot')}</label>
          <input id="hp" name="website" type="text" tabindex="-1" autocomplete="off" @input=${(e: Event) => (this.honeypot = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="row">
          <button type="submit" part="submit-button" ?disabled=${this.busy}>${this.t(remark ? 'cons.submit' : 'cons.support_submit')}</button>
          ${close}
        </div>
      </form>
    </div>`;
  }

  private label(id: FieldId): string {
    return this.t(`cons.f.${id}` as ConsultationKey);
  }

  private err(id: FieldId): string | undefined {
    const key = this.errors[id];
    return key ? tc(this.lang, key) : undefined;
  }

  private area(id: 'currentWording' | 'proposedWording' | 'justification', required = false): TemplateResult {
    return field(
      { id, label: this.label(id), hint: this.t(`cons.f.${id}_hint`), error: this.err(id), requiredMarker: required ? this.t('field.required_marker') : undefined },
      (a) => html`<textarea id=${a.id} part="input" name=${id} maxlength="10000" ?required=${required} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)}
        .value=${this.draft[id]} @input=${(e: Event) => this.set(id, (e.target as HTMLTextAreaElement).value)}></textarea>`,
    );
  }

  private text(id: 'organisationName' | 'krs' | 'contactName' | 'contactEmail', o: { required?: boolean; hint?: boolean; type?: 'email'; autocomplete?: string; inputmode?: 'numeric' } = {}): TemplateResult {
    return inputField({
      id,
      label: this.label(id),
      hint: o.hint ? this.t('cons.f.krs_hint') : undefined,
      error: this.err(id),
      requiredMarker: o.required ? this.t('field.required_marker') : undefined,
      type: o.type,
      value: this.draft[id],
      required: o.required,
      maxlength: id === 'krs' ? 10 : id === 'contactEmail' ? 254 : 200,
      autocomplete: o.autocomplete ?? 'off',
      inputmode: o.inputmode,
      onInput: (v) => this.set(id, v),
    });
  }

  private renderAuthorTypes(c: ConsultationDetail, lang: Lang): TemplateResult {
    const error = this.err('authorType');
    const note = c.audience === 'ngo';
    const described = [note && 'authorType-hint', error && 'authorType-error'].filter(Boolean).join(' ');
    return html`<fieldset aria-describedby=${ifDefined(described || undefined)}>
      <legend>${this.label('authorType')} <span class="ngo-hint">${this.t('field.required_marker')}</span></legend>
      ${note ? html`<p class="ngo-hint" id="authorType-hint">${this.t('cons.audience.ngo')}</p>` : nothing}
      ${error ? html`<p class="ngo-error" id="authorType-error">${error}</p>` : nothing}
      ${allowedAuthors(c.audience).map(
        (a: AuthorType) => html`<label class="check"
          ><input type="radio" name="authorType" id="authorType-${a}" value=${a} .checked=${this.draft.authorType === a}
            aria-invalid=${ifDefined(error ? 'true' : undefined)} @change=${() => this.set('authorType', a)} /><span>${AUTHOR_TYPE_LABELS[a][lang]}</span></label
        >`,
      )}
    </fieldset>`;
  }

  private renderConsent(c: ConsultationDetail): TemplateResult {
    const error = this.err('consent');
    return html`<p class="ngo-label" id="clause-title">${this.t('cons.clause')}</p>
      <div class="clause" role="region" aria-labelledby="clause-title" tabindex="0">${paragraphs(c.informationClause.trim() || this.t('cons.clause_default'))}</div>
      ${error ? html`<p class="ngo-error" id="consent-error">${error}</p>` : nothing}
      <label class="check"
        ><input type="checkbox" id="consent" required .checked=${this.draft.consent} aria-describedby=${ifDefined(error ? 'consent-error' : undefined)}
          aria-invalid=${ifDefined(error ? 'true' : undefined)} @change=${(e: Event) => this.set('consent', (e.target as HTMLInputElement).checked)} /><span
          >${this.t('cons.f.consent')} <span class="ngo-hint">${this.t('field.required_marker')}</span></span
        ></label
      >`;
  }

  // -- confirmation from the e-mailed link

  /** The panel that confirms a remark or a support when the person presses its button (never by itself: mail scanners open links). */
  renderConfirm(kind: 'confirm' | 'confirm-support', token: string): TemplateResult {
    const result = this.confirmed;
    const heading = result === 'invalid' ? this.t('error.link_invalid') : result ? this.t('cons.done.title') : this.t(`cons.${kind}.title`);
    let body: TemplateResult;
    if (result === 'invalid') body = html`<p>${this.t('cons.link_help')}</p>`;
    else if (result) body = html`<p>${this.t(result === 'published' ? 'cons.confirmed.published' : 'cons.confirmed.pending')}</p>`;
    else {
      body = html`<p>${this.t(`cons.${kind}.intro`)}</p>
        <div id="confirm-error" class="form-error" role="alert" tabindex="-1">${this.failure ? tc.error(this.lang, this.failure) : ''}</div>
        <button type="button" part="submit-button" ?disabled=${this.busy} @click=${() => void this.send({ kind }, { token })}>${this.t(`cons.${kind}.button`)}</button>`;
    }
    return html`<div class="panel" part="confirm">
      <h2 id="confirm-title" tabindex="-1">${heading}</h2>
      ${body}
    </div>`;
  }
}
