import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { field, inputField } from '../core/forms.js';
import { t, type Lang } from '../core/i18n/index.js';
import type { AdviceTopic } from './advice.api.js';
import { ta, type AdviceKey } from './advice.i18n.js';
import type { Draft, FieldId } from './advice.model.js';

/*
 * The topic part of <ngo-advice-form>: the topic picker with each topic's explanation, the chosen
 * topic's own fields, and the labels the error summary names fields by. Templates of the form's
 * own shadow root; the element keeps the state and passes its values, errors and setter.
 */

/** The topic radios (`#topic-<id>`), each described by its explanation. */
export function topicChoice(lang: Lang, topics: readonly AdviceTopic[], chosen: string, error: string | undefined, onChange: (id: string) => void): TemplateResult {
  return html`<fieldset class="topics" aria-describedby=${ifDefined(error ? 'topic-error' : undefined)}>
      <legend>${ta(lang, 'advice.topic.legend')} <span class="ngo-hint">${t(lang, 'field.required_marker')}</span></legend>
      ${error ? html`<div class="ngo-error" id="topic-error">${error}</div>` : nothing}
      ${topics.map((x) => html`<label class="ngo-check topic">
        <input type="radio" name="topic" id="topic-${x.id}" value=${x.id} .checked=${chosen === x.id} aria-describedby="topic-${x.id}-hint" @change=${() => onChange(x.id)} />
        <span><span class="topic-name">${x.labels[lang]}</span> <span class="ngo-hint" id="topic-${x.id}-hint">${x.explanation[lang]}</span></span>
      </label>`)}
    </fieldset>`;
}

/** The chosen topic's own fields (`#f_<key>`): a choice, a longer text, a date, a number or a text. */
export function topicFields(lang: Lang, topic: AdviceTopic, v: Draft, errorOf: (id: FieldId) => string | undefined, set: (id: `f_${string}`, value: string) => void): TemplateResult {
  const marker = t(lang, 'field.required_marker');
  return html`<fieldset>
      <legend>${ta(lang, 'advice.topic_fields.legend')}: ${topic.labels[lang]}</legend>
      ${topic.fields.map((f) => {
        const id = `f_${f.key}` as const;
        const common = { id, label: f.labels[lang], requiredMarker: f.required ? marker : undefined, error: errorOf(id) };
        if (f.type === 'select') {
          return field(common, (a) => html`<select id=${a.id} ?required=${f.required} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @change=${(e: Event) => set(id, (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!v[id]}>${ta(lang, 'advice.org.kind_choose')}</option>
            ${f.options.map((o) => html`<option value=${o.value} ?selected=${v[id] === o.value}>${o.labels[lang]}</option>`)}
          </select>`);
        }
        if (f.type === 'textarea') return field(common, (a) => html`<textarea id=${a.id} ?required=${f.required} maxlength="1000" aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} .value=${v[id] ?? ''} @input=${(e: Event) => set(id, (e.target as HTMLTextAreaElement).value)}></textarea>`);
        if (f.type === 'date') return field(common, (a) => html`<input type="date" id=${a.id} ?required=${f.required} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} .value=${v[id] ?? ''} @input=${(e: Event) => set(id, (e.target as HTMLInputElement).value)} />`);
        return inputField({ ...common, required: f.required, value: v[id] ?? '', inputmode: f.type === 'number' ? 'numeric' : undefined, maxlength: 1000, onInput: (x) => set(id, x) });
      })}
    </fieldset>`;
}

const LABEL_KEYS: Partial<Record<FieldId, AdviceKey>> = {
  topic: 'advice.topic.legend', orgName: 'advice.org.name', krs: 'advice.org.krs', kind: 'advice.org.kind', contactName: 'advice.contact.name', contactEmail: 'advice.contact.email',
  phone: 'advice.contact.phone', channel: 'advice.channel.legend', question: 'advice.question', slotId: 'advice.slot.legend',
};

/** The label the error summary names a field by: a topic field's own label, else the form's. */
export function fieldLabel(lang: Lang, id: FieldId, topic: AdviceTopic | undefined): string {
  if (id.startsWith('f_')) return topic?.fields.find((f) => `f_${f.key}` === id)?.labels[lang] ?? id;
  const key = LABEL_KEYS[id];
  return key ? ta(lang, key) : id;
}
