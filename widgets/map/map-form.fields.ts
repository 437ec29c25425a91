import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ACCESSIBILITY_FEATURES, AREAS, AREA_GROUPS, KIND_LABELS, LEGAL_FORMS, MAP_LIMITS, ORG_KINDS, SERVICE_LANGUAGES, TARGET_GROUPS, type OrgKind } from '../../common/map.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import { field, inputField, type ControlAttrs } from '../core/forms.js';
import { consentBlock, contactFields } from '../core/public-form.js';
import type { CoreKey, Lang } from '../core/i18n/index.js';
import type { MapFormKey } from './map-form.i18n.js';
import type { Draft, FieldId, MapFormMode } from './map-form.model.js';

/**
 * The organisation's fields of `<ngo-map-form>`: what it is, its numbers, where it works, how to
 * reach it. Pure templates over the form's values; the element owns the state.
 */

/** What the field templates need of the form. */
export interface FieldsContext {
  lang: Lang;
  values: Draft;
  t(key: MapFormKey | CoreKey, vars?: Record<string, string | number>): string;
  /** The field's error as text. */
  err(id: FieldId): string | undefined;
  set<K extends FieldId>(key: K, value: Draft[K]): void;
  /** The map where the point is picked, under the coordinate fields (absent in staff-less contexts that have none). */
  picker?: unknown;
}

type ListKey = 'areas' | 'targetGroups' | 'districts' | 'languages' | 'accessibility';
const FIRST_AREA_GROUP = Object.keys(AREA_GROUPS)[0]!;

/** Fields in the order they appear, for the error summary. */
export const FIELD_ORDER: readonly FieldId[] = [
  'name', 'description', 'kind', 'legalForm', 'areas', 'targetGroups', 'krs', 'regon', 'nip', 'cityWide', 'districts', 'address', 'lon', 'lat',
  'website', 'email', 'phone', 'languages', 'accessibility', 'ownerEmail', 'contactName', 'contactEmail', 'note', 'consent',
];

/** Where the summary's link for a field moves focus: the control, or the first control of a group. */
export function fieldTarget(id: FieldId): string {
  if (id === 'areas') return `areas-${FIRST_AREA_GROUP}`;
  if (id === 'districts') return 'cityWide';
  if (id === 'targetGroups' || id === 'languages' || id === 'accessibility') return `${id}-0`;
  return id;
}

export function textField(
  c: FieldsContext,
  id: FieldId,
  o: { type?: 'text' | 'email' | 'url' | 'tel'; hint?: boolean; required?: boolean; maxlength?: number; autocomplete?: string; inputmode?: 'numeric' | 'url' } = {},
): TemplateResult {
  return inputField({
    id,
    // The honeypot owns name="website", the name bots look for.
    name: id === 'website' ? 'org-website' : id,
    label: c.t(`mapForm.${id}` as MapFormKey),
    hint: o.hint ? c.t(`mapForm.${id}_hint` as MapFormKey) : undefined,
    error: c.err(id),
    requiredMarker: o.required ? c.t('field.required_marker') : undefined,
    type: o.type,
    value: c.values[id] as string,
    required: o.required,
    maxlength: o.maxlength,
    autocomplete: o.autocomplete,
    inputmode: o.inputmode,
    onInput: (v) => c.set(id, v as never),
  });
}

export function areaField(c: FieldsContext, id: 'description' | 'note', maxlength: number, hint: boolean): TemplateResult {
  return field(
    { id, label: c.t(`mapForm.${id}`), hint: hint ? c.t(`mapForm.${id}_hint`) : undefined, error: c.err(id) },
    (a) => html`<textarea id=${a.id} part="input" name=${id} maxlength=${maxlength} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)}
      .value=${c.values[id]} @input=${(e: Event) => c.set(id, (e.target as HTMLTextAreaElement).value)}></textarea>`,
  );
}

function select(c: FieldsContext, id: 'kind' | 'legalForm', options: readonly (readonly [string, string])[], required: boolean, hint = false): TemplateResult {
  const value = c.values[id];
  return field(
    { id, label: c.t(`mapForm.${id}`), hint: hint ? c.t('mapForm.legalForm_hint') : undefined, error: c.err(id), requiredMarker: required ? c.t('field.required_marker') : undefined },
    (a: ControlAttrs) => html`<select id=${a.id} part="input" name=${id} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)}
      @change=${(e: Event) => c.set(id, (e.target as HTMLSelectElement).value as OrgKind)}>
      ${options.map(([v, label]) => html`<option value=${v} ?selected=${v === value}>${label}</option>`)}
    </select>`,
  );
}

function coord(c: FieldsContext, id: 'lon' | 'lat'): TemplateResult {
  return field({ id, label: c.t(`mapForm.${id}`), error: c.err(id) }, (a) => html`<input id=${a.id} part="input" name=${id} type="text" inputmode="decimal" autocomplete="off" maxlength="20"
    aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} .value=${c.values[id]} @input=${(e: Event) => c.set(id, (e.target as HTMLInputElement).value)} />`);
}

/** A group of checkboxes (or other controls) with a legend, hint and inline error linked to the fieldset. */
function group(c: FieldsContext, key: FieldId, body: unknown, o: { hint?: boolean; required?: boolean } = {}): TemplateResult {
  const error = c.err(key);
  const described = [o.hint && `${key}-hint`, error && `${key}-error`].filter(Boolean).join(' ');
  return html`<fieldset aria-describedby=${ifDefined(described || undefined)}>
    <legend>${c.t(`mapForm.${key}` as MapFormKey)}${o.required ? html` <span class="ngo-hint">${c.t('field.required_marker')}</span>` : nothing}</legend>
    ${o.hint ? html`<div class="ngo-hint" id="${key}-hint">${c.t(`mapForm.${key}_hint` as MapFormKey)}</div>` : nothing}
    ${error ? html`<div class="ngo-error" id="${key}-error">${error}</div>` : nothing} ${body}
  </fieldset>`;
}

/** Checkboxes for a list field; ids are `${key}-${index}`, or `${prefix}${value}` when a prefix is given. */
function checks(c: FieldsContext, key: ListKey, items: readonly (readonly [string | number, string])[], prefix?: string): TemplateResult {
  const selected = c.values[key] as (string | number)[];
  const toggle = (value: string | number, on: boolean) => c.set(key, (on ? [...selected.filter((v) => v !== value), value] : selected.filter((v) => v !== value)) as never);
  return html`<ul class="checks">
    ${items.map(
      ([value, label], i) => html`<li>
        <label class="ngo-check"
          ><input
            type="checkbox"
            id=${prefix ? `${prefix}${value}` : `${key}-${i}`}
            .checked=${selected.includes(value)}
            @change=${(e: Event) => toggle(value, (e.target as HTMLInputElement).checked)}
          /><span>${label}</span></label
        >
      </li>`,
    )}
  </ul>`;
}

/** The organisation's four sections. */
export function organisationFields(c: FieldsContext): TemplateResult {
  const { lang, values: d } = c;
  return html`<fieldset>
      <legend>${c.t('mapForm.sec.about')}</legend>
      ${textField(c, 'name', { required: true, maxlength: MAP_LIMITS.name, autocomplete: 'organization' })}
      ${areaField(c, 'description', MAP_LIMITS.description, true)}
      ${select(c, 'kind', ORG_KINDS.map((k) => [k, KIND_LABELS[k][lang]] as const), true)}
      ${select(c, 'legalForm', [['', c.t('mapForm.choose')], ...Object.entries(LEGAL_FORMS).map(([k, l]) => [k, l[lang]] as const)], d.kind === 'ngo', true)}
      ${group(
        c,
        'areas',
        Object.entries(AREA_GROUPS).map(([g, labels]) => {
          const items = AREAS.filter((a) => a.group === g);
          const n = items.filter((a) => d.areas.includes(a.slug)).length;
          return html`<details ?open=${n > 0}>
            <summary id="areas-${g}">${labels[lang]} <span class="count">(${c.t('mapForm.selected', { count: n })})</span></summary>
            ${checks(c, 'areas', items.map((a) => [a.slug, a.labels[lang]]), 'areas-')}
          </details>`;
        }),
        { hint: true, required: true },
      )}
      ${group(c, 'targetGroups', checks(c, 'targetGroups', Object.entries(TARGET_GROUPS).map(([k, l]) => [k, l[lang]])))}
    </fieldset>
    <fieldset aria-describedby="ids-hint">
      <legend>${c.t('mapForm.sec.ids')}</legend>
      <div class="ngo-hint" id="ids-hint">${c.t('mapForm.sec.ids_hint')}</div>
      <div class="row">
        ${textField(c, 'krs', { hint: true, inputmode: 'numeric', maxlength: 10 })} ${textField(c, 'regon', { hint: true, inputmode: 'numeric', maxlength: 14 })}
        ${textField(c, 'nip', { hint: true, inputmode: 'numeric', maxlength: 13 })}
      </div>
    </fieldset>
    <fieldset>
      <legend>${c.t('mapForm.sec.where')}</legend>
      ${group(
        c,
        'districts',
        html`<label class="ngo-check"><input type="checkbox" id="cityWide" .checked=${d.cityWide} @change=${(e: Event) => c.set('cityWide', (e.target as HTMLInputElement).checked)} />${c.t('mapForm.cityWide')}</label>
          ${checks(c, 'districts', DISTRICTS.map((x) => [x.id, `${x.roman}. ${x.name}`]))}`,
        { hint: true, required: true },
      )}
      ${textField(c, 'address', { hint: true, maxlength: MAP_LIMITS.address, autocomplete: 'street-address' })}
      <fieldset aria-describedby="location-hint">
        <legend>${c.t('mapForm.location')}</legend>
        <div class="ngo-hint" id="location-hint">${c.t('mapForm.location_hint')}</div>
        <div class="row">${coord(c, 'lon')} ${coord(c, 'lat')}</div>
        ${c.picker ?? nothing}
      </fieldset>
    </fieldset>
    <fieldset>
      <legend>${c.t('mapForm.sec.contact')}</legend>
      ${textField(c, 'website', { type: 'url', inputmode: 'url', maxlength: MAP_LIMITS.url, autocomplete: 'url' })}
      ${textField(c, 'email', { type: 'email', maxlength: 254, autocomplete: 'off' })}
      ${textField(c, 'phone', { type: 'tel', maxlength: MAP_LIMITS.phone, autocomplete: 'off' })}
      ${group(c, 'languages', checks(c, 'languages', SERVICE_LANGUAGES.map((k) => [k, c.t(`mapForm.lang.${k}`)])))}
      ${group(c, 'accessibility', checks(c, 'accessibility', ACCESSIBILITY_FEATURES.map((k) => [k, c.t(`mapForm.a11y.${k}`)])))}
    </fieldset>`;
}

/**
 * What only people outside the staff fill in: their contact (a new entry, a correction), the note
 * to the moderator, and the information clause with the consent (the owner sees the clause only).
 * `clause`: the text, `null` while it loads, `undefined` when it could not be loaded.
 */
export function contributorFields(c: FieldsContext, mode: MapFormMode, clause: string | null | undefined, retryClause: () => void): TemplateResult {
  const withContact = mode === 'create' || mode === 'correction';
  return html`${withContact
      ? contactFields({
          lang: c.lang,
          legend: c.t('mapForm.sec.you'),
          labels: { name: c.t('mapForm.contactName'), email: c.t('mapForm.contactEmail') },
          emailHint: c.t('mapForm.contactEmail_hint'),
          values: c.values,
          errors: { contactName: c.err('contactName'), contactEmail: c.err('contactEmail') },
          set: (k, v) => c.set(k, v),
        })
      : nothing}
    ${areaField(c, 'note', MAP_LIMITS.reason, mode !== 'create')}
    ${consentBlock({
      lang: c.lang,
      clause,
      retry: retryClause,
      label: withContact ? c.t('mapForm.consent') : undefined,
      checked: c.values.consent,
      error: c.err('consent'),
      onChange: (v) => c.set('consent', v),
    })}`;
}
