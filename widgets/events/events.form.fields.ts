import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ACCESS_NEEDS, ACCESS_NEED_LABELS, EVENT_LIMITS, type AccessNeed } from '../../common/events.js';
import { field } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import type { Question } from './events.api.js';
import { te } from './events.i18n.js';
import { toggled, type Answer } from './events.model.js';

/* The registration form's own fields, beside the kit's contact and consent: the organiser's questions and the access needs. */

/** A custom question of the organiser (`q-<id>`): a checkbox, a text, a choice or several. */
export function questionField(lang: Lang, q: Question, value: Answer | undefined, marker: string, error: string | undefined, set: (v: Answer) => void): TemplateResult {
  const id = `q-${q.id}`;
  const label = q.label[lang] ?? q.label.pl;
  const optionLabel = (o: Question['options'][number]) => o.label[lang] ?? o.label.pl;
  if (q.kind === 'boolean') {
    return html`<div class="ngo-field">
      ${error ? html`<div class="ngo-error" id="${id}-error">${error}</div>` : nothing}
      <label class="ngo-check"><input type="checkbox" id=${id} aria-describedby=${ifDefined(error ? `${id}-error` : undefined)} .checked=${value === true} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} /><span>${label}${q.required ? html` <span class="ngo-hint">${marker}</span>` : nothing}</span></label>
    </div>`;
  }
  if (q.kind === 'text') {
    return field({ id, label, error, requiredMarker: q.required ? marker : undefined }, (a) => html`<textarea id=${a.id} rows="3" maxlength=${EVENT_LIMITS.answer} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} .value=${typeof value === 'string' ? value : ''} @input=${(e: Event) => set((e.target as HTMLTextAreaElement).value)}></textarea>`);
  }
  if (q.kind === 'choice') {
    return field({ id, label, error, requiredMarker: q.required ? marker : undefined }, (a) => html`<select id=${a.id} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!value}>${te(lang, 'events.form.choose')}</option>
      ${q.options.map((o) => html`<option value=${o.id} ?selected=${value === o.id}>${optionLabel(o)}</option>`)}
    </select>`);
  }
  const chosen = Array.isArray(value) ? value : [];
  return html`<fieldset aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}>
    <legend>${label}${q.required ? html` <span class="ngo-hint">${marker}</span>` : nothing}</legend>
    ${error ? html`<div class="ngo-error" id="${id}-error">${error}</div>` : nothing}
    ${q.options.map(
      (o, i) => html`<label class="ngo-check"><input type="checkbox" id=${ifDefined(i === 0 ? id : undefined)} .checked=${chosen.includes(o.id)} @change=${(e: Event) => set(toggled(chosen, o.id, (e.target as HTMLInputElement).checked, q.options.map((x) => x.id)))} /><span>${optionLabel(o)}</span></label>`,
    )}
  </fieldset>`;
}

/** The access needs and a note (the registration form, and a change from the self-service link). */
export function accessFields(lang: Lang, needs: readonly AccessNeed[], note: string, setNeeds: (n: AccessNeed[]) => void, setNote: (v: string) => void, noteError?: string): TemplateResult {
  return html`<fieldset aria-describedby="access-hint">
    <legend>${te(lang, 'events.form.access')}</legend>
    <p class="ngo-hint" id="access-hint">${te(lang, 'events.form.access_hint')}</p>
    ${ACCESS_NEEDS.map(
      (n, i) => html`<label class="ngo-check"><input type="checkbox" id=${ifDefined(i === 0 ? 'accessNeeds-first' : undefined)} .checked=${needs.includes(n)} @change=${(e: Event) => setNeeds(toggled(needs, n, (e.target as HTMLInputElement).checked, ACCESS_NEEDS))} /><span>${ACCESS_NEED_LABELS[n][lang]}</span></label>`,
    )}
    ${field({ id: 'accessNote', label: te(lang, 'events.form.access_note'), error: noteError }, (a) => html`<textarea id=${a.id} rows="2" maxlength=${EVENT_LIMITS.accessNote} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} .value=${note} @input=${(e: Event) => setNote((e.target as HTMLTextAreaElement).value)}></textarea>`)}
  </fieldset>`;
}
