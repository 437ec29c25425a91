import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AnswerValue, Instrument, Item, MultipleItem, NumberItem, RespondentGroup, ScaleItem, SingleItem, TextItem } from '../../common/surveys.js';
import { HARD_TO_SAY, itemText, textIn } from '../../common/surveys.js';
import type { Lang } from '../core/i18n/types.js';
import { field } from '../core/forms.js';
import { controlId } from './surveys.flow.js';

export { controlId } from './surveys.flow.js';

/**
 * One survey question as accessible form controls. Pure: the element passes the value, the error
 * and a change callback. Every choice item is a `fieldset` whose `legend` is the question; on a
 * scale item each radio's description is that legend too, so a screen reader announces the
 * statement with each option ("Tend to agree, radio button, 4 of 6, The City Hall informs …"),
 * not only on entering the group. Labels are always visible (no column headers to infer them from).
 */

export interface ItemContext {
  lang: Lang;
  group: RespondentGroup;
  instrument: Instrument;
  value: AnswerValue | undefined;
  /** Inline error message, already localised. */
  error?: string;
  /** The visible "(required)" marker. */
  requiredMarker: string;
  /** Localised hints built from the item's limits. */
  hints: { upTo(max: number): string; atLeast(min: number): string; chars(max: number): string; range(min: number, max: number, unit: string): string };
  onChange(id: string, value: AnswerValue | undefined): void;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const s = ids.filter(Boolean).join(' ');
  return s || undefined;
}

function head(item: Item, ctx: ItemContext, asLegend: boolean): { ids: { legend: string; help?: string; error?: string }; top: TemplateResult } {
  const base = controlId(item.id);
  const help = item.help ? textIn(item.help, ctx.lang) : '';
  const ids = { legend: `${base}-legend`, help: help ? `${base}-help` : undefined, error: ctx.error ? `${base}-error` : undefined };
  const text = textIn(itemText(item, ctx.group), ctx.lang);
  const marker = item.required ? html` <span class="ngo-hint">${ctx.requiredMarker}</span>` : nothing;
  const top = html`${asLegend ? html`<legend id=${ids.legend} class="item-text" part="question">${text}${marker}</legend>` : nothing}
    ${help ? html`<p class="ngo-hint" id=${ids.help!}>${help}</p>` : nothing}
    ${ctx.error ? html`<p class="ngo-error" id=${ids.error!}>${ctx.error}</p>` : nothing}`;
  return { ids, top };
}

function scaleItem(item: ScaleItem, ctx: ItemContext): TemplateResult {
  const { ids, top } = head(item, ctx, true);
  const scale = ctx.instrument.scales[item.scale]!;
  const base = controlId(item.id);
  const options: { value: AnswerValue; label: string; num?: number }[] = scale.points.map((p, k) => ({ value: (k + 1) as AnswerValue, label: textIn(p, ctx.lang), num: k + 1 }));
  if (item.hardToSay) options.push({ value: HARD_TO_SAY, label: textIn(scale.hardToSay, ctx.lang) });
  const radioDesc = describedBy(ids.legend, ids.error);
  return html`<fieldset class="item likert" part="item" data-item=${item.id} aria-describedby=${ifDefined(describedBy(ids.help, ids.error))}>
    ${top}
    <div class="scale">
      ${options.map(
        (o, k) => html`<label class="point ${o.num ? '' : 'hard-to-say'}">
          <input
            type="radio"
            id=${k === 0 ? base : `${base}-${k + 1}`}
            name=${base}
            .value=${String(o.value)}
            .checked=${ctx.value === o.value}
            aria-describedby=${ifDefined(radioDesc)}
            aria-invalid=${ifDefined(ctx.error ? 'true' : undefined)}
            @change=${() => ctx.onChange(item.id, o.value)}
          />
          ${o.num ? html`<span class="num" aria-hidden="true">${o.num}</span>` : nothing}
          <span class="point-label">${o.label}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

function choiceItem(item: SingleItem | MultipleItem, ctx: ItemContext): TemplateResult {
  const { ids, top } = head(item, ctx, true);
  const base = controlId(item.id);
  const multiple = item.type === 'multiple';
  const chosen = multiple ? (Array.isArray(ctx.value) ? ctx.value : []) : [];
  const limits = multiple
    ? [item.min ? ctx.hints.atLeast(item.min) : '', item.max ? ctx.hints.upTo(item.max) : ''].filter(Boolean).join(' ')
    : '';
  const limitId = limits ? `${base}-limits` : undefined;
  // What is ticked now, read from the boxes themselves (two quick clicks may come before a re-render),
  // in the instrument's option order whatever the order of ticking.
  const ticked = (e: Event) => {
    const boxes = [...(e.target as HTMLInputElement).closest('fieldset')!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    const next = boxes.filter((b) => b.checked).map((b) => b.value);
    ctx.onChange(item.id, next.length ? next : undefined);
  };
  return html`<fieldset class="item choice" part="item" data-item=${item.id} aria-describedby=${ifDefined(describedBy(ids.help, limitId, ids.error))}>
    ${top}
    ${limits ? html`<p class="ngo-hint" id=${limitId!}>${limits}</p>` : nothing}
    <div class="options">
      ${item.options.map(
        (o, k) => html`<label class="option">
          <input
            type=${multiple ? 'checkbox' : 'radio'}
            id=${k === 0 ? base : `${base}-${k + 1}`}
            name=${base}
            .value=${o.id}
            .checked=${multiple ? chosen.includes(o.id) : ctx.value === o.id}
            aria-invalid=${ifDefined(ctx.error ? 'true' : undefined)}
            @change=${(e: Event) => (multiple ? ticked(e) : ctx.onChange(item.id, o.id))}
          />
          <span>${textIn(o.text, ctx.lang)}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

function textItem(item: TextItem, ctx: ItemContext): TemplateResult {
  const value = typeof ctx.value === 'string' ? ctx.value : '';
  const help = [item.help ? textIn(item.help, ctx.lang) : '', ctx.hints.chars(item.maxLength)].filter(Boolean).join(' ');
  const label = textIn(itemText(item, ctx.group), ctx.lang);
  const onInput = (e: Event) => ctx.onChange(item.id, (e.target as HTMLInputElement | HTMLTextAreaElement).value || undefined);
  return html`<div class="item" part="item" data-item=${item.id}>
    ${field({ id: controlId(item.id), label, hint: help, error: ctx.error, requiredMarker: item.required ? ctx.requiredMarker : undefined }, (a) =>
      item.multiline
        ? html`<textarea id=${a.id} part="input" rows="5" maxlength=${item.maxLength} .value=${value} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${onInput}></textarea>`
        : html`<input id=${a.id} part="input" type="text" maxlength=${item.maxLength} .value=${value} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${onInput} />`,
    )}
  </div>`;
}

/** Parses what was typed: a number when it is one (a decimal comma accepted), else the text, which then fails validation. */
export function parseNumber(raw: string): number | string | undefined {
  const s = raw.trim().replace(',', '.');
  if (!s) return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : raw;
}

function numberItem(item: NumberItem, ctx: ItemContext): TemplateResult {
  const value = ctx.value === undefined ? '' : String(ctx.value);
  const unit = item.unit ? textIn(item.unit, ctx.lang) : '';
  const help = [item.help ? textIn(item.help, ctx.lang) : '', ctx.hints.range(item.min, item.max, unit)].filter(Boolean).join(' ');
  const label = textIn(itemText(item, ctx.group), ctx.lang);
  return html`<div class="item" part="item" data-item=${item.id}>
    ${field({ id: controlId(item.id), label, hint: help, error: ctx.error, requiredMarker: item.required ? ctx.requiredMarker : undefined }, (a) => html`<span class="number">
      <input id=${a.id} part="input" type="text" inputmode=${item.integer ? 'numeric' : 'decimal'} size="8" .value=${value} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)}
        @input=${(e: Event) => ctx.onChange(item.id, parseNumber((e.target as HTMLInputElement).value) as AnswerValue | undefined)} />
      ${unit ? html`<span aria-hidden="true">${unit}</span>` : nothing}
    </span>`)}
  </div>`;
}

/** Renders any item of the instrument. */
export function renderItem(item: Item, ctx: ItemContext): TemplateResult {
  switch (item.type) {
    case 'scale':
      return scaleItem(item, ctx);
    case 'single':
    case 'multiple':
      return choiceItem(item, ctx);
    case 'text':
      return textItem(item, ctx);
    case 'number':
      return numberItem(item, ctx);
  }
}
