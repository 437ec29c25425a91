import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { AREAS, AREA_GROUPS, KIND_LABELS, ORG_KINDS } from '../../common/map.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import type { Lang } from '../core/i18n/index.js';
import type { MapFilters } from './map.api.js';
import { tm } from './map.i18n.js';

/** What the filter form shows and whom it tells of a change (`<ngo-map>`). */
export interface FilterForm {
  filters: MapFilters;
  /** "Only what the map shows", offered once the map is there: its state, else null. */
  inView: boolean | null;
  setFilter<K extends keyof MapFilters>(key: K, value: MapFilters[K]): void;
  setInView(on: boolean): void;
  clear(): void;
}

/** The map's search form: words, area of activity, district, kind, step-free premises. */
export function mapFilters(lang: Lang, form: FilterForm): TemplateResult {
  const f = form.filters;
  const label = (labels: { pl: string; en: string; uk: string }) => labels[lang];
  return html`<form role="search" part="filters" aria-label=${tm(lang, 'map.filters')} @submit=${(e: Event) => e.preventDefault()}>
    <div class="wide">
      <label for="ngo-q">${tm(lang, 'map.search')}</label>
      <span class="hint" id="ngo-q-hint">${tm(lang, 'map.search_hint')}</span>
      <input id="ngo-q" type="search" autocomplete="off" maxlength="100" aria-describedby="ngo-q-hint" .value=${f.q} @input=${(e: InputEvent) => form.setFilter('q', (e.target as HTMLInputElement).value)} />
    </div>
    <div>
      <label for="ngo-area">${tm(lang, 'map.area')}</label>
      <select id="ngo-area" @change=${(e: Event) => form.setFilter('area', (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!f.area}>${tm(lang, 'map.any')}</option>
        ${Object.entries(AREA_GROUPS).map(
          ([g, gl]) => html`<optgroup label=${label(gl)}>${AREAS.filter((a) => a.group === g).map((a) => html`<option value=${a.slug} ?selected=${f.area === a.slug}>${label(a.labels)}</option>`)}</optgroup>`,
        )}
      </select>
    </div>
    <div>
      <label for="ngo-district">${tm(lang, 'map.district')}</label>
      <select id="ngo-district" @change=${(e: Event) => form.setFilter('district', (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!f.district}>${tm(lang, 'map.any')}</option>
        ${DISTRICTS.map((d) => html`<option value=${d.id} ?selected=${f.district === String(d.id)}>${d.roman}. ${d.name}</option>`)}
      </select>
    </div>
    <div>
      <label for="ngo-kind">${tm(lang, 'map.kind')}</label>
      <select id="ngo-kind" @change=${(e: Event) => form.setFilter('kind', (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!f.kind}>${tm(lang, 'map.any')}</option>
        ${ORG_KINDS.map((k) => html`<option value=${k} ?selected=${f.kind === k}>${label(KIND_LABELS[k])}</option>`)}
      </select>
    </div>
    <div class="wide actions">
      <label class="check"><input type="checkbox" .checked=${f.accessible} @change=${(e: Event) => form.setFilter('accessible', (e.target as HTMLInputElement).checked)} />${tm(lang, 'map.accessible')}</label>
      ${form.inView !== null ? html`<label class="check"><input type="checkbox" .checked=${form.inView} @change=${(e: Event) => form.setInView((e.target as HTMLInputElement).checked)} />${tm(lang, 'map.in_view')}</label>` : nothing}
      <button type="button" class="ngo-secondary" @click=${() => form.clear()}>${tm(lang, 'map.clear')}</button>
    </div>
  </form>`;
}
