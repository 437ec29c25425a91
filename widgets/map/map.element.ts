import { nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { html } from 'lit/static-html.js';
import { NgoElement } from '../core/base.element.js';
import type { Lang } from '../core/i18n/index.js';
import { theme } from '../core/theme.js';
import type { Clusters, Organisation } from './map.api.js';
import { MapCanvas } from './map.canvas.js';
import { MapData } from './map.data.js';
import { entryDetails, entryList, ListKeys } from './map.entries.js';
import { mapFilters } from './map.filters.js';
import { FormSlot } from './map.form-slot.js';
import { tm } from './map.i18n.js';
import { MapQuery } from './map.query.js';
import { leafletStyles, mapStyles } from './map.styles.js';
import { PlaceSearch } from './map.places.js';
import { Selection } from './map.selection.js';

/**
 * Map of Kraków's NGOs and civic initiatives, with a list beside it that is real content: filters,
 * a keyboard-reachable list and map, a details panel, and the "add my organisation" and
 * "suggest a correction" forms. On narrow screens the list comes first and a toggle shows the map.
 *
 * @tag ngo-map
 * @attr district - Preset district filter, 1–18 (e.g. on a district council's site).
 * @attr area - Preset area of activity (a slug such as `kultura`).
 * @attr kind - Preset kind: `ngo`, `informal_group`, `civic_initiative` or `city_unit`.
 * @attr q - Preset search text.
 * @attr accessible - Preset: only step-free premises.
 * @attr view - What narrow screens show first: `list` (default) or `map`. Wide screens show both.
 * @attr no-filters - Hide the filter form (presets still apply).
 * @attr tiles - Tile URL template, e.g. `https://tile.example/{z}/{x}/{y}.png`. Default: OpenStreetMap.
 * @attr boundaries - URL of a GeoJSON file with district outlines (feature property `district`: 1–18).
 * @attr place-search - Offer "find a place" above the map: a street or address in Kraków centres the
 *   map there. Needs the server's geocoder (`GEOCODER_URL`); without it the search says it is off.
 * @attr org - Open this organisation's details at start (its id), e.g. from a link in another widget.
 * @attr sync-url - Keep filters and the open entry in the page URL (`?ngo-q=…`), so links and Back work.
 * @attr edit - An owner's secret edit token (from the e-mailed link): opens the edit form.
 * @attr confirm - A submission's confirmation token (from the e-mailed link): opens the confirmation.
 * @attr lang - `pl` (default), `en` or `uk`.
 * @attr api-base - Where the API lives; defaults to the server the script came from.
 * @fires ngo-select - A person opened an organisation: `detail: { id, name }`.
 * @csspart base - The widget's root.
 * @csspart filters - The filter form.
 * @csspart list - The list of organisations.
 * @csspart item - One list entry (a button).
 * @csspart map - The map container.
 * @csspart details - The details panel.
 * @cssprop --ngo-map-height - Height of the map and the list pane (default 520px).
 */
export class NgoMap extends NgoElement {
  static override styles = [theme, leafletStyles, mapStyles];
  protected static override translators = [tm];
  static override properties: PropertyDeclarations = {
    district: {},
    area: {},
    kind: {},
    q: {},
    accessible: { type: Boolean },
    view: {},
    noFilters: { type: Boolean, attribute: 'no-filters' },
    tiles: {},
    boundaries: {},
    placeSearch: { type: Boolean, attribute: 'place-search' },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    edit: {},
    confirm: {},
    org: {},
    shown: { state: true },
    inView: { state: true },
  };

  declare district: string;
  declare area: string;
  declare kind: string;
  declare q: string;
  declare accessible: boolean;
  declare view: string;
  declare noFilters: boolean;
  declare tiles: string;
  declare boundaries: string;
  declare placeSearch: boolean;
  declare syncUrl: boolean;
  declare edit: string;
  declare confirm: string;
  declare org: string;

  declare private shown: 'list' | 'map';
  declare private inView: boolean;

  #data = new MapData(this, () => this.api);
  #query = new MapQuery(this, () => this.#reload());
  #canvas = new MapCanvas(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.map'),
    lang: () => this.locale,
    tiles: () => this.tiles,
    boundaries: () => ({ boundaries: this.boundaries, district: Number(this.#query.filters.district) || null }),
    onMove: (zoom, bbox) => void this.#loadClusters(zoom, bbox),
    onSelect: (id, marker) => void this.#sel.open(id, marker),
    clusterZoom: (clusterId) => this.#data.clusterZoom(this.#query.filters, clusterId),
  });
  #fitted = false;
  #keys = new ListKeys(() => this.renderRoot);
  #form = new FormSlot(this);
  #sel = new Selection(this, this.#data, (id) => {
    this.mapView?.highlight(id);
    if (this.syncUrl) this.#writeUrl();
  });
  #placeFinder = new PlaceSearch(this, { api: () => this.api, lang: () => this.locale, onPick: (p) => this.mapView?.flyTo(p.lat, p.lon, 17) });

  constructor() {
    super();
    this.district = this.area = this.kind = this.q = this.view = this.tiles = this.boundaries = this.edit = this.confirm = this.org = '';
    this.accessible = this.noFilters = this.syncUrl = this.placeSearch = false;
    this.inView = false;
    this.shown = 'list';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.shown = this.view === 'map' ? 'map' : 'list';
    this.#query.preset(this);
    const org = this.syncUrl ? this.#query.readUrl() : undefined;
    if (org) void this.#sel.open(org, null);
    if (this.org && !this.#sel.entry) void this.#sel.open(this.org, null);
    // Fetch the map code now, in parallel with the list, rather than after the first render.
    if (this.view !== 'list') void import('./map.view.js').catch(() => {});
    // Links from e-mails open the owner's edit form or the confirmation straight away.
    if (this.edit) void this.#form.open('owner');
    else if (this.confirm) void this.#form.open('confirm');
    this.#reload();
  }

  /** The Leaflet view, once the map has started (tests reach it here). */
  private get mapView() {
    return this.#canvas.view;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Presets changed by the host page after start.
    const presets = ['district', 'area', 'kind', 'q', 'accessible'] as const;
    if (this.hasUpdated && presets.some((p) => changed.has(p))) {
      this.#query.preset(this);
      this.#reload();
    }
  }

  async #loadClusters(zoom: number, bbox: string) {
    const drawn = await this.#data.clusters(this.#query.filters, zoom, bbox, (data) => this.#drawClusters(data));
    if (drawn && this.inView) this.#reload(false);
  }

  /** Draws the clusters; false when it zoomed to them instead (the move fetches them again). */
  #drawClusters(data: Clusters): boolean {
    // With a district or other preset, start zoomed to the entries rather than the whole city.
    const preset = this.district || this.area || this.kind || this.q;
    if (!this.#fitted && preset && !this.boundaries) {
      this.#fitted = true;
      if (this.mapView?.fitTo(data)) return false;
    }
    this.mapView?.render(data, this.#sel.entry?.id ?? null);
    return true;
  }

  /** Reloads the list from page 1 (and the map's clusters unless told otherwise). */
  #reload(withMap = true) {
    this.#data.page = 1;
    this.#keys.rover = 0;
    void this.#loadList(false);
    if (withMap && this.mapView) this.mapView.emitMove();
    if (this.syncUrl) this.#writeUrl();
  }

  #writeUrl() {
    this.#query.writeUrl(this.#sel.entry?.id ?? '');
  }

  #loadList(append: boolean) {
    const { filters } = this.#query;
    return this.#data.list(this.inView && this.mapView ? { ...filters, bbox: this.mapView.visibleBbox() } : filters, append);
  }

  async #more() {
    const first = this.#data.items.length;
    this.#data.page++;
    await this.#loadList(true);
    await this.updateComplete;
    this.#keys.moveTo(first);
  }

  #onKeydown(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    if (this.#form.mode) {
      this.#form.set(null);
      e.stopPropagation();
    } else if (this.#sel.shown) {
      e.stopPropagation();
      this.#sel.close();
    }
  }

  /** "Skip the map": focus goes to the end of the map, so the next Tab leaves the widget's map. */
  #skipMap() {
    const end = this.renderRoot.querySelector<HTMLElement>('#ngo-after-map');
    if (!end) return;
    // Tabbable while it holds focus: from an element with tabindex -1 in a shadow root, Chromium's
    // next Tab starts over at the widget's first control instead of leaving the map behind.
    end.tabIndex = 0;
    end.addEventListener('blur', () => (end.tabIndex = -1), { once: true });
    end.focus();
  }

  #clearFilters() {
    this.#query.clear();
    this.inView = false;
    this.#reload();
  }

  #show(which: 'list' | 'map') {
    this.shown = which;
  }

  #showOnMap(o: Organisation) {
    if (!o.location) return;
    this.shown = 'map';
    void this.updateComplete.then(() => {
      this.mapView?.flyTo(o.location!.lat, o.location!.lon);
      this.mapView?.highlight(o.id);
    });
  }

  // ---- rendering ---------------------------------------------------------------------------------

  override render() {
    const lang = this.locale;
    if (this.district && !/^([1-9]|1[0-8])$/.test(this.district)) {
      return this.warnMisconfig(`district="${this.district}" is not 1–18`);
    }
    return html`<section class="ngo-root" part="base" lang=${lang} aria-label=${tm(lang, 'map.region')} @keydown=${this.#onKeydown}>
      ${this.#renderForm(lang)}
      <div ?hidden=${!!this.#form.mode}>
        ${this.noFilters ? nothing : this.#renderFilters(lang)}
        <div class="toolbar">
          <p class="count" role="status">${this.#countText(lang)}</p>
          <div class="toggle" role="group" aria-label=${tm(lang, 'map.views')}>
            <button type="button" aria-pressed=${this.shown === 'list' ? 'true' : 'false'} @click=${() => this.#show('list')}>${tm(lang, 'map.show_list')}</button>
            <button type="button" aria-pressed=${this.shown === 'map' ? 'true' : 'false'} @click=${() => this.#show('map')}>${tm(lang, 'map.show_map')}</button>
          </div>
          <button type="button" class="ngo-secondary add" @click=${() => this.#form.open('create')}>${tm(lang, 'map.add')}</button>
        </div>
        ${this.#sel.shown ? this.#renderDetails(lang) : nothing}
        <div class="panes">
          <div class="list-pane" data-pane="list" ?hidden=${this.shown !== 'list'}>${this.#renderList(lang)}</div>
          <div data-pane="map" ?hidden=${this.shown !== 'map'}>
            ${this.#canvas.error
              ? html`<p class="ngo-error" role="alert">${tm(lang, 'map.map_error')}</p>`
              : html`${this.placeSearch ? this.#placeFinder.render(lang) : nothing}
                  <button type="button" class="ngo-secondary skip" @click=${this.#skipMap}>${tm(lang, 'map.skip_map')}</button>
                  <div class="map" part="map"></div>
                  <p id="ngo-after-map" class="after-map" tabindex="-1">${tm(lang, 'map.after_map')}</p>`}
          </div>
        </div>
      </div>
    </section>`;
  }

  /** The toolbar's count of matches (the polite status line). */
  #countText(lang: Lang): string {
    const { state, total } = this.#data;
    if (state === 'loading') return tm(lang, 'loading');
    if (state !== 'ready') return '';
    return this.#data.totalCapped ? tm(lang, 'map.count_more', { count: total }) : total ? tm(lang, 'map.count', { count: total }) : tm(lang, 'map.none');
  }

  #renderFilters(lang: Lang) {
    return mapFilters(lang, {
      filters: this.#query.filters,
      inView: this.mapView ? this.inView : null,
      setFilter: (key, value) => this.#query.set(key, value),
      setInView: (on) => {
        this.inView = on;
        this.#reload(false);
      },
      clear: () => this.#clearFilters(),
    });
  }

  #renderList(lang: Lang) {
    return entryList(lang, {
      state: this.#data.state,
      error: this.#data.error,
      items: this.#data.items,
      total: this.#data.total,
      rover: this.#keys.rover,
      selectedId: this.#sel.entry?.id,
      retry: () => this.#reload(),
      more: () => void this.#more(),
      onKeydown: (e) => this.#keys.onKeydown(e),
      open: (o, i, from) => {
        this.#keys.rover = i;
        void this.#sel.open(o.id, from);
      },
      highlight: (id) => this.mapView?.highlight(id),
    });
  }

  #renderDetails(lang: Lang) {
    return entryDetails(lang, {
      entry: this.#sel.entry,
      state: this.#sel.state,
      heading: this.headingTag(0),
      close: () => this.#sel.close(),
      showOnMap: (o) => this.#showOnMap(o),
      suggest: () => void this.#form.open('correction'),
    });
  }

  #renderForm(lang: Lang) {
    const { api, tiles, boundaries, edit, confirm } = this;
    return this.#form.render(lang, { api, headingLevel: this.headingLevelAt(0), tiles, boundaries, selected: this.#sel.entry, edit, confirm });
  }
}
