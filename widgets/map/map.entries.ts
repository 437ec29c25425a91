import { nothing, type TemplateResult } from 'lit';
import { html, type StaticValue } from 'lit/static-html.js';
import { AREAS, KIND_LABELS, LEGAL_FORMS } from '../../common/map.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import type { ApiError } from '../core/api.js';
import { formatDate, type Lang } from '../core/i18n/index.js';
import type { Organisation } from './map.api.js';
import { tm } from './map.i18n.js';

/** The map's entries as text: the list of matches (one tab stop, arrow keys within) and one entry's details. */

/** An entry's name in `lang` when it was translated, else its own. */
const nameIn = (o: Organisation, lang: Lang) => (lang !== 'pl' && o.translations[lang]?.name) || o.name;

const placesOf = (o: Organisation, lang: Lang) => (o.cityWide ? tm(lang, 'map.city_wide') : o.districts.map((d) => DISTRICTS[d - 1]?.name ?? String(d)).join(', '));

export interface EntryList {
  state: 'loading' | 'ready' | 'error';
  error: ApiError | null;
  items: Organisation[];
  total: number;
  /** The entry that takes Tab. */
  rover: number;
  selectedId: string | undefined;
  retry(): void;
  more(): void;
  onKeydown(e: KeyboardEvent): void;
  open(o: Organisation, index: number, from: HTMLElement): void;
  highlight(id: string): void;
}

export function entryList(lang: Lang, l: EntryList): TemplateResult {
  if (l.state === 'error') {
    return html`<div role="alert"><p class="ngo-error">${tm.error(lang, l.error!)}</p><button type="button" @click=${() => l.retry()}>${tm(lang, 'retry')}</button></div>`;
  }
  if (l.state === 'ready' && l.items.length === 0) return html`<p>${tm(lang, 'map.none')}</p>`;
  const rover = Math.min(l.rover, Math.max(0, l.items.length - 1));
  return html`<p class="ngo-sr" id="ngo-list-hint">${tm(lang, 'map.list_hint')}</p>
    <ul class="list" part="list" aria-label=${tm(lang, 'map.list')} aria-describedby="ngo-list-hint" aria-busy=${l.state === 'loading' ? 'true' : 'false'} @keydown=${(e: KeyboardEvent) => l.onKeydown(e)}>
      ${l.items.map(
        (o, i) => html`<li>
          <button type="button" class="item" part="item" tabindex=${i === rover ? 0 : -1} aria-current=${l.selectedId === o.id ? 'true' : 'false'}
            @click=${(e: Event) => l.open(o, i, e.currentTarget as HTMLElement)}
            @focus=${() => l.highlight(o.id)} @mouseenter=${() => l.highlight(o.id)}>
            <span class="name">${nameIn(o, lang)}</span>
            <span class="meta">${KIND_LABELS[o.kind][lang]} · ${placesOf(o, lang)}</span>
          </button>
        </li>`,
      )}
    </ul>
    ${l.items.length < l.total ? html`<p><button type="button" class="ngo-secondary" @click=${() => l.more()}>${tm(lang, 'map.more')}</button></p>` : nothing}`;
}

export interface EntryDetails {
  /** The entry, or null while it loads or when it failed. */
  entry: Organisation | null;
  state: 'idle' | 'loading' | 'error';
  heading: StaticValue;
  close(): void;
  showOnMap(o: Organisation): void;
  suggest(): void;
}

export function entryDetails(lang: Lang, d: EntryDetails): TemplateResult {
  const o = d.entry;
  const head = html`<header>
    <${d.heading} id="ngo-details-heading" tabindex="-1">${o ? nameIn(o, lang) : tm(lang, 'map.details')}</${d.heading}>
    <button type="button" class="ngo-secondary" @click=${() => d.close()} aria-label=${tm(lang, 'map.close')}>${tm(lang, 'map.close')}</button>
  </header>`;
  if (!o) {
    return html`<section class="details" part="details" aria-labelledby="ngo-details-heading">${head}
      ${d.state === 'loading' ? html`<p role="status">${tm(lang, 'map.loading_details')}</p>` : html`<p class="ngo-error" role="alert">${tm.error(lang, { code: 'not_found' })}</p>`}
    </section>`;
  }
  const areaLabels = new Map(AREAS.map((a) => [a.slug, a.labels[lang]]));
  const desc = (lang !== 'pl' && o.translations[lang]?.description) || o.description;
  const row = (label: string, value: unknown) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing);
  const ids = [o.krs && `KRS ${o.krs}`, o.regon && `REGON ${o.regon}`, o.nip && `NIP ${o.nip}`].filter(Boolean).join(', ');
  const acc = o.accessibility.length ? o.accessibility.map((a) => tm(lang, `map.acc.${a}` as 'map.acc.none')).join(', ') : tm(lang, 'map.acc.none');
  const legal = o.legalForm ? (LEGAL_FORMS as Record<string, { pl: string; en: string; uk: string }>)[o.legalForm]?.[lang] : '';
  return html`<section class="details" part="details" aria-labelledby="ngo-details-heading">
    ${head}
    <p>${KIND_LABELS[o.kind][lang]}${legal ? html` · ${legal}` : nothing}</p>
    ${desc ? html`<p>${desc}</p>` : nothing}
    <dl>
      ${row(tm(lang, 'map.areas'), o.areas.map((a) => areaLabels.get(a) ?? a).join(', '))}
      ${row(tm(lang, 'map.districts'), placesOf(o, lang))}
      ${row(tm(lang, 'map.address'), o.address)}
      ${row(tm(lang, 'map.website'), o.website && /^https?:\/\//.test(o.website) ? html`<a href=${o.website} rel="noopener nofollow" target="_blank">${o.website}</a>` : '')}
      ${row(tm(lang, 'map.email'), o.email ? html`<a href=${`mailto:${o.email}`}>${o.email}</a>` : '')}
      ${row(tm(lang, 'map.phone'), o.phone ? html`<a href=${`tel:${o.phone.replace(/[^\d+]/g, '')}`}>${o.phone}</a>` : '')}
      ${row(tm(lang, 'map.languages'), o.languages.join(', ').toUpperCase())}
      ${row(tm(lang, 'map.accessibility'), acc)}
      ${row(tm(lang, 'map.identifiers'), ids)}
    </dl>
    ${o.verifiedAt ? html`<p class="hint">${tm(lang, 'map.verified', { date: formatDate(lang, o.verifiedAt) })}</p>` : nothing}
    ${o.location ? nothing : html`<p class="hint">${tm(lang, 'map.no_pin')}</p>`}
    <div class="actions">
      ${o.location ? html`<button type="button" class="ngo-secondary" @click=${() => d.showOnMap(o)}>${tm(lang, 'map.show_on_map')}</button>` : nothing}
      <button type="button" class="ngo-secondary" @click=${() => d.suggest()}>${tm(lang, 'map.suggest')}</button>
    </div>
  </section>`;
}

/**
 * The list's keyboard: one tab stop, whatever its length (the entry `rover`), and arrow keys, Home
 * and End to move within it.
 */
export class ListKeys {
  /** The entry that takes Tab. */
  rover = 0;

  readonly #root: () => ParentNode;

  constructor(root: () => ParentNode) {
    this.#root = root;
  }

  onKeydown(e: KeyboardEvent): void {
    const buttons = this.#buttons();
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    const next = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    this.moveTo(Math.max(0, Math.min(buttons.length - 1, next)), buttons);
  }

  /** Makes entry `to` the tab stop and focuses it. */
  moveTo(to: number, buttons = this.#buttons()): void {
    this.rover = to;
    buttons.forEach((b, i) => (b.tabIndex = i === to ? 0 : -1));
    buttons[to]?.focus();
  }

  #buttons(): HTMLButtonElement[] {
    return [...this.#root().querySelectorAll<HTMLButtonElement>('button.item')];
  }
}
