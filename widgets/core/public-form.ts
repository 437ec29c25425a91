import { TaskStatus, type Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ClauseForm } from '../../common/clauses.js';
import type { Clause } from '../../common/clauses.schema.js';
import type { FieldIssue } from '../../common/errors.js';
import { CONTACT_LIMITS } from '../../common/forms.js';
import { request } from './api.js';
import type { FieldErrors, FormState } from './form-state.js';
import { tFormKit, type FormKey } from './form.i18n.js';
import { inputField, type SummaryError } from './forms.js';
import { t, type Lang } from './i18n/index.js';
import type { SubmitController } from './submit.js';

/**
 * Templates and checks of the public-form kit, shared by every anonymous form: the information
 * clause with the consent, the honeypot, the error box, the contact fields and their checks, the
 * draft notice (draft-notice.ts) and the "discard typed text?" question. Styles are in `formStyles` (forms.ts).
 * Rendered in the form's own shadow root, so ids resolve there.
 */

const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => html`<p>${p.trim()}</p>`);

/** `GET /v1/clauses/{form}`: the clause the operator configured, or the server's default. */
export const getClause = (api: string, form: ClauseForm, signal?: AbortSignal) => request<Clause>(api, `/v1/clauses/${form}`, { signal });

export interface ConsentOptions {
  lang: Lang;
  /** The clause from the server; `null` while it loads, `undefined` when it could not be loaded. */
  clause: string | null | undefined;
  /** Loads the clause again, offered when it could not be loaded. */
  retry?: () => void;
  /** The consent's label; without it only the clause shows (the owner of an entry gives no new consent). */
  label?: string;
  checked?: boolean;
  /** The consent's error, as text. */
  error?: string;
  onChange?: (checked: boolean) => void;
}

/** The information clause (RODO art. 13), as the server serves it, and the consent checkbox (`#consent`). */
export function consentBlock(o: ConsentOptions): TemplateResult {
  const { lang, clause, error } = o;
  const body =
    clause === null
      ? html`<p>${t(lang, 'loading')}</p>`
      : clause === undefined
        ? html`<p class="ngo-error">${tFormKit(lang, 'form.clause_unavailable')}</p>
            ${o.retry ? html`<button type="button" class="ngo-secondary" @click=${o.retry}>${t(lang, 'retry')}</button>` : nothing}`
        : paragraphs(clause);
  return html`<p class="ngo-label" id="ngo-clause-title">${tFormKit(lang, 'form.clause')}</p>
    <div class="ngo-clause" part="notice" role="region" aria-labelledby="ngo-clause-title" tabindex="0">${body}</div>
    ${o.label
      ? html`<div class="ngo-consent">
          ${error ? html`<div class="ngo-error" id="consent-error">${error}</div>` : nothing}
          <label class="ngo-check"
            ><input
              type="checkbox"
              id="consent"
              required
              aria-describedby=${ifDefined(error ? 'consent-error' : undefined)}
              aria-invalid=${ifDefined(error ? 'true' : undefined)}
              .checked=${!!o.checked}
              @change=${(e: Event) => o.onChange?.((e.target as HTMLInputElement).checked)}
            /><span>${o.label} <span class="ngo-hint">${t(lang, 'field.required_marker')}</span></span></label
          >
        </div>`
      : nothing}`;
}

/** The honeypot: a field people and assistive technology never meet (`name="website"`, the name bots fill in). */
export function honeypot(submit: SubmitController, lang: Lang): TemplateResult {
  return html`<div class="ngo-hp" aria-hidden="true">
    <label for="ngo-hp">${tFormKit(lang, 'form.honeypot')}</label>
    <input id="ngo-hp" name="website" type="text" tabindex="-1" autocomplete="off" .value=${submit.honeypot} @input=${(e: Event) => (submit.honeypot = (e.target as HTMLInputElement).value)} />
  </div>`;
}

// The box for an error not tied to a field lives with the other form blocks (the staff sections use it too).
export { formError } from './forms.js';

/** The two fields every form that answers a person has: `contactName` and `contactEmail`. */
export interface ContactValues {
  contactName: string;
  contactEmail: string;
}

export interface ContactFieldsOptions {
  lang: Lang;
  legend: string;
  /** Under the legend: who sees the contact. */
  hint?: string;
  labels: { name: string; email: string };
  /** Under the e-mail's label: what it is for. */
  emailHint?: string;
  values: ContactValues;
  /** Error texts. */
  errors: Partial<Record<keyof ContactValues, string>>;
  set(key: keyof ContactValues, value: string): void;
}

export function contactFields(o: ContactFieldsOptions): TemplateResult {
  const marker = t(o.lang, 'field.required_marker');
  const input = (id: keyof ContactValues, type: 'text' | 'email', label: string, hint?: string) =>
    inputField({
      id,
      label,
      hint,
      type,
      error: o.errors[id],
      requiredMarker: marker,
      value: o.values[id],
      required: true,
      maxlength: id === 'contactName' ? CONTACT_LIMITS.name : CONTACT_LIMITS.email,
      autocomplete: id === 'contactName' ? 'name' : 'email',
      onInput: (v) => o.set(id, v),
    });
  return html`<fieldset aria-describedby=${ifDefined(o.hint ? 'contact-hint' : undefined)}>
    <legend>${o.legend}</legend>
    ${o.hint ? html`<p class="ngo-hint" id="contact-hint">${o.hint}</p>` : nothing}
    ${input('contactName', 'text', o.labels.name)} ${input('contactEmail', 'email', o.labels.email, o.emailHint)}
  </fieldset>`;
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Error keys of the kit's own checks (`form.*`) and the core `field.*` ones. */
export type KitErrorKey = 'field.required' | 'field.invalid_email' | `form.err.${'person' | 'too_long' | 'consent'}`;

/** The checks of `Contact` and `Consent` (common/forms.schema.ts), added to `errors`. */
export function checkContact(v: ContactValues & { consent: boolean }, errors: FieldErrors<keyof ContactValues | 'consent'>): void {
  const name = v.contactName.trim();
  if (!name) errors.contactName = 'field.required';
  else if (name.length < CONTACT_LIMITS.nameMin) errors.contactName = 'form.err.person';
  else if (name.length > CONTACT_LIMITS.name) errors.contactName = 'form.err.too_long';
  const email = v.contactEmail.trim();
  if (!email) errors.contactEmail = 'field.required';
  else if (!EMAIL_PATTERN.test(email) || email.length > CONTACT_LIMITS.email) errors.contactEmail = 'field.invalid_email';
  if (!v.consent) errors.consent = 'form.err.consent';
}

/** The contact and consent as the API takes them (`PersonalWrite`). */
export const contactBody = (v: ContactValues) => ({ contact: { name: v.contactName.trim(), email: v.contactEmail.trim() }, consent: true as const });

/** Which kit field a server issue names (`contact.name` → `contactName`), with its message; undefined for others. */
export function contactIssue(issue: FieldIssue): [keyof ContactValues | 'consent', KitErrorKey] | undefined {
  const tooLong = issue.code === 'too_long';
  if (issue.path === 'contact.name') return ['contactName', tooLong ? 'form.err.too_long' : issue.code === 'required' ? 'field.required' : 'form.err.person'];
  if (issue.path === 'contact.email') return ['contactEmail', issue.code === 'required' ? 'field.required' : 'field.invalid_email'];
  if (issue.path === 'consent') return ['consent', 'form.err.consent'];
  return undefined;
}

/** The text of an error key: the kit's own (`form.*`), else the form's translator (which falls back to the core `field.*`). */
export function errorText(lang: Lang, key: string | undefined, own: (lang: Lang, key: never) => string): string | undefined {
  if (!key) return undefined;
  return key.startsWith('form.') ? tFormKit(lang, key as FormKey) : own(lang, key as never);
}

/**
 * The error summary's lines, in the order the fields appear, each naming its field ("Nazwa: To
 * pole jest wymagane."); `label` returns undefined for a field whose message names it (the consent).
 */
export function summaryOf<K extends string>(order: readonly K[], errors: FieldErrors<K>, o: { text(key: string): string; label(id: K): string | undefined; target?(id: K): string }): SummaryError[] {
  return order.filter((id) => errors[id]).map((id) => ({ id: o.target?.(id) ?? id, label: o.label(id), message: o.text(errors[id]!) }));
}

// The draft notice has a module of its own: a survey's introduction shows it without the rest of the kit.
export { draftNotice } from './draft-notice.js';

/** The modal question asked before a form that was typed into closes (`FormState.requestClose`). */
export function discardDialog<D extends object>(state: FormState<D>, lang: Lang): TemplateResult | typeof nothing {
  const answer = state.closing;
  if (!answer) return nothing;
  const tk = (key: FormKey) => tFormKit(lang, key);
  return html`<dialog class="ngo-discard" part="dialog" role="alertdialog" aria-modal="true" aria-labelledby="ngo-discard-title" aria-describedby="ngo-discard-text"
    @cancel=${(e: Event) => (e.preventDefault(), answer('back'))} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && e.stopPropagation()}>
    <h2 id="ngo-discard-title">${tk('form.discard.title')}</h2>
    <p id="ngo-discard-text">${tk('form.discard.text')} ${tk('form.draft.kept')}</p>
    <div class="ngo-actions">
      <button type="button" data-answer="back" @click=${() => answer('back')}>${tk('form.discard.back')}</button>
      <button type="button" class="ngo-secondary" data-answer="keep" @click=${() => answer('keep')}>${tk('form.discard.keep')}</button>
      <button type="button" class="ngo-secondary" data-answer="discard" @click=${() => answer('discard')}>${tk('form.discard.discard')}</button>
    </div>
  </dialog>`;
}

/** The clause of a `Task` that loads it (`getClause`) as `consentBlock` takes it: the text in `lang` (else Polish), `null` while loading, `undefined` after a failure. */
export function clauseText(task: Task<readonly unknown[], Clause | undefined>, lang: Lang): string | null | undefined {
  if (task.status === TaskStatus.ERROR) return undefined;
  const c = task.status === TaskStatus.COMPLETE ? task.value : undefined;
  return c ? (c[lang] || c.pl).trim() : null;
}
