import { css, html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { ifDefined } from 'lit/directives/if-defined.js';

/**
 * Form building blocks: templates rendered inside the widget's own shadow root, so that `for`,
 * `aria-describedby` and the summary's links resolve ids in the same tree.
 */

/** Styles of the form blocks; add to a form widget's `static styles` after `theme`. */
export const formStyles = css`
  .ngo-field {
    display: grid;
    gap: 0.25em;
    margin-block-end: var(--_ngo-space);
  }
  .ngo-label {
    font-weight: 600;
  }
  .ngo-hint {
    color: var(--_ngo-muted);
  }
  .ngo-error-summary {
    border: 3px solid var(--_ngo-danger);
    border-radius: var(--_ngo-radius);
    padding: var(--_ngo-space);
    margin-block-end: var(--_ngo-space);
  }
  .ngo-error-summary ul {
    margin-block-start: 0.5em;
    padding-inline-start: 1.25em;
  }
  .ngo-error-summary a {
    color: var(--_ngo-danger);
    font-weight: 600;
  }
  .ngo-status:not(:empty) {
    margin-block: 0.5em;
  }
  textarea {
    min-height: 6em;
    resize: vertical;
  }
  .ngo-check {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
    min-height: 2.75em;
    padding-block: 0.5em;
    font-weight: 400;
    cursor: pointer;
  }
  .ngo-check input {
    display: inline-block;
    flex: none;
    width: 1.25em;
    height: 1.25em;
    min-height: 0;
    margin: 0.15em 0 0;
    padding: 0;
    accent-color: var(--_ngo-accent);
  }
  .ngo-form-error:not(:empty) {
    margin-block-end: var(--_ngo-space);
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_ngo-danger);
    color: var(--_ngo-danger);
    font-weight: 600;
  }
  .ngo-hp {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .ngo-clause {
    max-height: 14em;
    overflow: auto;
    margin-block: 0.25em 0.75em;
    padding: 0.75em;
    background: var(--_ngo-surface);
    border-radius: var(--_ngo-radius);
  }
  .ngo-clause p + p {
    margin-block-start: 0.5em;
  }
  .ngo-consent {
    margin-block-end: var(--_ngo-space);
  }
  .ngo-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block-start: var(--_ngo-space);
  }
  .ngo-draft {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    margin-block-end: var(--_ngo-space);
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_ngo-accent);
    background: var(--_ngo-surface);
  }
  .ngo-discard {
    max-width: min(32em, calc(100vw - 2em));
    padding: var(--_ngo-space);
    border: 2px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
    background: var(--_ngo-bg);
    color: var(--_ngo-text);
  }
  .ngo-discard::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .ngo-discard p {
    margin-block: 0.5em;
  }
`;

export interface FieldOptions {
  /** Id of the control; the hint and error get `${id}-hint` and `${id}-error`. */
  id: string;
  label: string;
  hint?: string;
  /** Inline error; sets `aria-invalid` on the control. */
  error?: string;
  /** Visible "(required)" marker text, e.g. `t(lang, 'field.required_marker')`. */
  requiredMarker?: string;
}

/** Attributes a control rendered by `field()` must carry. */
export interface ControlAttrs {
  id: string;
  describedby: string | undefined;
  invalid: 'true' | undefined;
}

/**
 * A labelled field: visible label, optional hint and inline error, linked to the control.
 * ```ts
 * field({ id: 'email', label, error }, (a) => html`<input id=${a.id} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} …>`)
 * ```
 */
export function field(o: FieldOptions, control: (attrs: ControlAttrs) => TemplateResult): TemplateResult {
  const ids = [o.hint && `${o.id}-hint`, o.error && `${o.id}-error`].filter(Boolean).join(' ');
  return html`<div class="ngo-field" part="field">
    <label class="ngo-label" for=${o.id}>${o.label}${o.requiredMarker ? html` <span class="ngo-hint">${o.requiredMarker}</span>` : nothing}</label>
    ${o.hint ? html`<div class="ngo-hint" id="${o.id}-hint">${o.hint}</div>` : nothing}
    ${o.error ? html`<div class="ngo-error" id="${o.id}-error">${o.error}</div>` : nothing}
    ${control({ id: o.id, describedby: ids || undefined, invalid: o.error ? 'true' : undefined })}
  </div>`;
}

export interface InputFieldOptions extends FieldOptions {
  name?: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'search' | 'date' | 'datetime-local';
  value: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'email' | 'tel' | 'url';
  maxlength?: number;
  pattern?: string;
  onInput: (value: string) => void;
}

/** The common case of `field()`: a single-line `<input>`. */
export function inputField(o: InputFieldOptions): TemplateResult {
  return field(o, (a) => html`<input
    id=${a.id}
    part="input"
    name=${o.name ?? o.id}
    type=${o.type ?? 'text'}
    .value=${o.value}
    ?required=${o.required}
    autocomplete=${ifDefined(o.autocomplete)}
    inputmode=${ifDefined(o.inputmode)}
    maxlength=${ifDefined(o.maxlength)}
    pattern=${ifDefined(o.pattern)}
    aria-describedby=${ifDefined(a.describedby)}
    aria-invalid=${ifDefined(a.invalid)}
    @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
  />`);
}

export interface SummaryError {
  /** Id of the control to focus. */
  id: string;
  /** The field's label: the line reads "Nazwa: To pole jest wymagane.", never the bare message. Leave it out for a message that names its field itself. */
  label?: string;
  message: string;
}

function focusField(e: Event, id: string): void {
  e.preventDefault();
  const root = (e.currentTarget as Element).getRootNode() as ShadowRoot | Document;
  const el = root.getElementById(id);
  el?.focus();
  el?.scrollIntoView?.({ block: 'center' });
}

/**
 * Error summary shown above a form after a failed submit: `role="alert"`, a heading, and links
 * that move focus to each field. Renders nothing when `errors` is empty.
 * Call `focusErrorSummary(this.renderRoot)` after the update so keyboard users land on it.
 */
const SUMMARY_TAGS = [1, 2, 3, 4, 5, 6].map((n) => unsafeStatic(`h${n}`));

/** `level`: the heading's level, the form title's own (`headingLevelAt` of the form's title), so the page's outline stays in order. */
export function errorSummary(heading: string, errors: readonly SummaryError[], level = 2): TemplateResult | typeof nothing {
  if (!errors.length) return nothing;
  const tag = SUMMARY_TAGS[Math.min(6, Math.max(1, level)) - 1]!;
  return staticHtml`<div class="ngo-error-summary" part="error-summary" role="alert" aria-labelledby="ngo-error-summary-heading" tabindex="-1">
    <${tag} id="ngo-error-summary-heading">${heading}</${tag}>
    <ul>
      ${errors.map((err) => html`<li><a href="#${err.id}" @click=${(e: Event) => focusField(e, err.id)}>${err.label ? `${err.label}: ${err.message}` : err.message}</a></li>`)}
    </ul>
  </div>` as TemplateResult;
}

export function focusErrorSummary(root: ParentNode): void {
  root.querySelector<HTMLElement>('.ngo-error-summary')?.focus();
}

/** The box for an error not tied to a field, rendered from the start (an alert inserted with its text is often not read). */
export function formError(message: string | undefined, id = 'form-error'): TemplateResult {
  return html`<div id=${id} class="ngo-form-error" role="alert" tabindex="-1">${message ?? ''}</div>`;
}

/**
 * A polite live region. Render it from the start (even empty): a region inserted together with
 * its text is often not announced.
 */
export function statusRegion(message: string | undefined): TemplateResult {
  return html`<div class="ngo-status" part="status" role="status" aria-live="polite">${message ?? ''}</div>`;
}
