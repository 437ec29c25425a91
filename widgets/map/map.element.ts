import { nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { html } from 'lit/static-html.js';
import { NgoElement } from '../core/base.element.js';
import { NgoSelectEvent } from '../core/events.js';
import type { Lang } from '../core/i18n/index.js';
import { theme } from '../core/theme.js';
import { ApiError } from '../core/api.js';
import { readUrlState, writeUrlState } from '../core/url-state.js';
import { getClusterZoom, getClusters, getOrganisation, listOrganisations, type MapFilters, type Organisation } from './map.api.js';
import { entryDetails, entryList } from './map.entries.js';
import { mapFilters } from './map.filters.js';
import { tm } from './map.i18n.js';
import { leafletStyles, mapStyles } from './map.styles.js';
import type { MapView } from './map.view.js';
import { PlaceSearch } from './map.places.js';

type FormMode = 'create' | 'correction' | 'owner' | 'confirm';
const URL_PREFIX = 'ngo-';
const URL_KEYS = ['q', 'area', 'district', 'kind', 'accessible', 'org'] as const;

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
    filters: { state: true },
    shown: { state: true },
    items: { state: true },
    total: { state: true },
    totalCapped: { state: true },
    listState: { state: true },
    listError: { state: true },
    selected: { state: true },
    detailsState: { state: true },
    formMode: { state: true },
    inView: { state: true },
    mapError: { state: true },
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

  declare private filters: MapFilters;
  declare private shown: 'list' | 'map';
  declare private items: Organisation[];
  declare private total: number;
  /** More matches than the API counts: the list shows the first `total` and asks to narrow the search. */
  declare private totalCapped: boolean;
  declare private listState: 'loading' | 'ready' | 'error';
  declare private listError: ApiError | null;
  declare private selected: Organisation | null;
  declare private detailsState: 'idle' | 'loading' | 'error';
  declare private formMode: FormMode | null;
  declare private inView: boolean;
  declare private mapError: boolean;

  private page = 1;
  private listAbort?: AbortController;
  private clusterAbort?: AbortController;
  private mapView?: MapView;
  private mapLoading = false;
  private returnFocus: HTMLElement | null = null;
  private qTimer?: ReturnType<typeof setTimeout>;
  private resize?: ResizeObserver;
  private fitted = false;
  /** The list entry that takes Tab (the list is one tab stop; arrow keys move within it). */
  private rover = 0;
  private placeFinder = new PlaceSearch(this, { api: () => this.api, lang: () => this.locale, onPick: (p) => this.mapView?.flyTo(p.lat, p.lon, 17) });

  constructor() {
    super();
    this.district = this.area = this.kind = this.q = this.view = this.tiles = this.boundaries = this.edit = this.confirm = this.org = '';
    this.accessible = this.noFilters = this.syncUrl = this.placeSearch = false;
    this.items = [];
    this.total = 0;
    this.totalCapped = false;
    this.listState = 'loading';
    this.listError = null;
    this.selected = null;
    this.detailsState = 'idle';
    this.formMode = null;
    this.inView = false;
    this.mapError = false;
    this.shown = 'list';
    this.filters = { q: '', area: '', district: '', kind: '', accessible: false };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.shown = this.view === 'map' ? 'map' : 'list';
    this.filters = { q: this.q ?? '', area: this.area ?? '', district: this.district ?? '', kind: this.kind ?? '', accessible: !!this.accessible };
    if (this.syncUrl) this.readUrl();
    if (this.org && !this.selected) void this.open(this.org, null);
    // Fetch the map code now, in parallel with the list, rather than after the first render.
    if (this.view !== 'list') void import('./map.view.js').catch(() => {});
    // Links from e-mails open the owner's edit form or the confirmation straight away.
    if (this.edit) void this.openForm('owner');
    else if (this.confirm) void this.openForm('confirm');
    this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listAbort?.abort();
    this.clusterAbort?.abort();
    this.resize?.disconnect();
    this.mapView?.destroy();
    this.mapView = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Presets changed by the host page after start.
    const presets = ['district', 'area', 'kind', 'q', 'accessible'] as const;
    if (this.hasUpdated && presets.some((p) => changed.has(p))) {
      this.filters = { ...this.filters, district: this.district ?? '', area: this.area ?? '', kind: this.kind ?? '', q: this.q ?? '', accessible: !!this.accessible };
      this.reload();
    }
  }

  protected override updated(): void {
    const el = this.renderRoot.querySelector<HTMLElement>('.map');
    if (el && !this.mapView && !this.mapLoading && !this.mapError && el.offsetWidth > 0) void this.startMap(el);
  }

  private async startMap(el: HTMLElement) {
    this.mapLoading = true;
    try {
      const { MapView } = await import('./map.view.js');
      this.mapView = new MapView(el, this.tiles, {
        onMove: (zoom, bbox) => this.loadClusters(zoom, bbox),
        onSelect: (id, marker) => this.open(id, marker),
        onCluster: async (clusterId, lat, lon) => {
          try {
            const { zoom } = await getClusterZoom(this.api, this.filters, clusterId);
            this.mapView?.flyTo(lat, lon, zoom);
          } catch {
            this.mapView?.flyTo(lat, lon, (this.mapView?.map.getZoom() ?? 12) + 2);
          }
        },
        clusterLabel: (count) => tm(this.locale, 'map.cluster', { count }),
        labels: { zoomIn: tm(this.locale, 'map.zoom_in'), zoomOut: tm(this.locale, 'map.zoom_out'), attribution: tm(this.locale, 'map.attribution') },
      });
      el.setAttribute('aria-label', tm(this.locale, 'map.map_label'));
      el.setAttribute('role', 'application');
      this.resize = new ResizeObserver(() => this.mapView?.invalidate());
      this.resize.observe(el);
      if (this.boundaries) this.mapView.boundaries(this.boundaries, Number(this.filters.district) || null).catch((err) => console.warn('[ngo] <ngo-map>: boundaries could not be loaded:', err));
      this.mapView.emitMove();
    } catch (err) {
      console.warn('[ngo] <ngo-map>: the map could not start:', err);
      this.mapError = true;
    } finally {
      this.mapLoading = false;
    }
  }

  private async loadClusters(zoom: number, bbox: string) {
    this.clusterAbort?.abort();
    const ctl = (this.clusterAbort = new AbortController());
    try {
      const data = await getClusters(this.api, this.filters, zoom, bbox, ctl.signal);
      // With a district or other preset, start zoomed to the entries rather than the whole city.
      const preset = this.district || this.area || this.kind || this.q;
      if (!this.fitted && preset && !this.boundaries) {
        this.fitted = true;
        if (this.mapView?.fitTo(data)) return;
      }
      this.mapView?.render(data, this.selected?.id ?? null);
    } catch (err) {
      if (!ctl.signal.aborted) console.warn('[ngo] <ngo-map>: clusters failed:', err);
    }
    if (this.inView) this.reload(false);
  }

  /** Reloads the list from page 1 (and the map's clusters unless told otherwise). */
  private reload(withMap = true) {
    this.page = 1;
    this.rover = 0;
    void this.loadList(false);
    if (withMap && this.mapView) this.mapView.emitMove();
    if (this.syncUrl) this.writeUrl();
  }

  private async loadList(append: boolean) {
    this.listAbort?.abort();
    const ctl = (this.listAbort = new AbortController());
    if (!append) this.listState = 'loading';
    const filters = this.inView && this.mapView ? { ...this.filters, bbox: this.mapView.visibleBbox() } : this.filters;
    try {
      const res = await listOrganisations(this.api, filters, this.page, ctl.signal);
      this.items = append ? [...this.items, ...res.items] : res.items;
      this.total = res.total;
      this.totalCapped = !!res.totalCapped;
      this.listState = 'ready';
    } catch (err) {
      if (ctl.signal.aborted) return;
      this.listError = err instanceof ApiError ? err : new ApiError(0, 'network_error', String(err));
      this.listState = 'error';
    }
  }

  private async more() {
    const first = this.items.length;
    this.page++;
    await this.loadList(true);
    await this.updateComplete;
    this.moveRover([...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.item')], first);
  }

  private async open(id: string, from: HTMLElement | null) {
    this.returnFocus = from;
    const known = this.items.find((o) => o.id === id);
    this.detailsState = known ? 'idle' : 'loading';
    this.selected = known ?? null;
    if (!known) {
      try {
        this.selected = await getOrganisation(this.api, id);
        this.detailsState = 'idle';
      } catch {
        this.detailsState = 'error';
      }
    }
    if (this.selected) {
      this.dispatchEvent(new NgoSelectEvent({ id, name: this.selected.name }));
      this.mapView?.highlight(id);
      if (this.syncUrl) this.writeUrl();
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#ngo-details-heading')?.focus();
  }

  private close() {
    this.selected = null;
    this.detailsState = 'idle';
    this.mapView?.highlight(null);
    if (this.syncUrl) this.writeUrl();
    const back = this.returnFocus;
    this.returnFocus = null;
    void this.updateComplete.then(() => {
      if (back?.isConnected) back.focus();
      else this.renderRoot.querySelector<HTMLElement>('button.item[tabindex="0"]')?.focus();
    });
  }

  private onKeydown(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    if (this.formMode) {
      this.formMode = null;
      e.stopPropagation();
    } else if (this.selected || this.detailsState !== 'idle') {
      e.stopPropagation();
      this.close();
    }
  }

  /** Arrow keys, Home and End move through the list; Tab leaves it (one tab stop, whatever its length). */
  private onListKeydown(e: KeyboardEvent) {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.item')];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    const next = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    this.moveRover(buttons, Math.max(0, Math.min(buttons.length - 1, next)));
  }

  private moveRover(buttons: HTMLButtonElement[], to: number) {
    this.rover = to;
    buttons.forEach((b, i) => (b.tabIndex = i === to ? 0 : -1));
    buttons[to]?.focus();
  }

  /** "Skip the map": focus goes to the end of the map, so the next Tab leaves the widget's map. */
  private skipMap() {
    const end = this.renderRoot.querySelector<HTMLElement>('#ngo-after-map');
    if (!end) return;
    // Tabbable while it holds focus: from an element with tabindex -1 in a shadow root, Chromium's
    // next Tab starts over at the widget's first control instead of leaving the map behind.
    end.tabIndex = 0;
    end.addEventListener('blur', () => (end.tabIndex = -1), { once: true });
    end.focus();
  }

  private setFilter<K extends keyof MapFilters>(key: K, value: MapFilters[K]) {
    this.filters = { ...this.filters, [key]: value };
    if (key === 'q') {
      clearTimeout(this.qTimer);
      this.qTimer = setTimeout(() => this.reload(), 300);
    } else this.reload();
  }

  private clearFilters() {
    this.filters = { q: '', area: '', district: '', kind: '', accessible: false };
    this.inView = false;
    this.reload();
  }

  private show(which: 'list' | 'map') {
    this.shown = which;
  }

  private showOnMap(o: Organisation) {
    if (!o.location) return;
    this.shown = 'map';
    void this.updateComplete.then(() => {
      this.mapView?.flyTo(o.location!.lat, o.location!.lon);
      this.mapView?.highlight(o.id);
    });
  }

  private async openForm(mode: FormMode) {
    this.formMode = mode;
    try {
      await import('./map-form.js');
    } catch (err) {
      console.warn('[ngo] <ngo-map>: the form could not be loaded:', err);
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('ngo-map-form')?.focus();
  }

  private closeForm() {
    this.formMode = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.add')?.focus());
  }

  private readUrl() {
    const u = readUrlState(URL_PREFIX, URL_KEYS);
    this.filters = {
      q: u.q ?? this.filters.q,
      area: u.area ?? this.filters.area,
      district: u.district ?? this.filters.district,
      kind: u.kind ?? this.filters.kind,
      accessible: u.accessible ? u.accessible === '1' : this.filters.accessible,
    };
    if (u.org) void this.open(u.org, null);
  }

  private writeUrl() {
    const f = this.filters;
    writeUrlState(URL_PREFIX, { q: f.q, area: f.area, district: f.district, kind: f.kind, accessible: f.accessible ? '1' : '', org: this.selected?.id ?? '' });
  }

  // ---- rendering ---------------------------------------------------------------------------------

  override render() {
    const lang = this.locale;
    if (this.district && !/^([1-9]|1[0-8])$/.test(this.district)) {
      return this.warnMisconfig(`district="${this.district}" is not 1–18`);
    }
    return html`<section class="ngo-root" part="base" lang=${lang} aria-label=${tm(lang, 'map.region')} @keydown=${this.onKeydown}>
      ${this.formMode ? this.renderForm(lang) : nothing}
      <div ?hidden=${!!this.formMode}>
        ${this.noFilters ? nothing : this.renderFilters(lang)}
        <div class="toolbar">
          <p class="count" role="status">${this.listState === 'ready' ? (this.totalCapped ? tm(lang, 'map.count_more', { count: this.total }) : this.total ? tm(lang, 'map.count', { count: this.total }) : tm(lang, 'map.none')) : this.listState === 'loading' ? tm(lang, 'loading') : ''}</p>
          <div class="toggle" role="group" aria-label=${tm(lang, 'map.views')}>
            <button type="button" aria-pressed=${this.shown === 'list' ? 'true' : 'false'} @click=${() => this.show('list')}>${tm(lang, 'map.show_list')}</button>
            <button type="button" aria-pressed=${this.shown === 'map' ? 'true' : 'false'} @click=${() => this.show('map')}>${tm(lang, 'map.show_map')}</button>
          </div>
          <button type="button" class="ngo-secondary add" @click=${() => this.openForm('create')}>${tm(lang, 'map.add')}</button>
        </div>
        ${this.selected || this.detailsState !== 'idle' ? this.renderDetails(lang) : nothing}
        <div class="panes">
          <div class="list-pane" data-pane="list" ?hidden=${this.shown !== 'list'}>${this.renderList(lang)}</div>
          <div data-pane="map" ?hidden=${this.shown !== 'map'}>
            ${this.mapError
              ? html`<p class="ngo-error" role="alert">${tm(lang, 'map.map_error')}</p>`
              : html`${this.placeSearch ? this.placeFinder.render(lang) : nothing}
                  <button type="button" class="ngo-secondary skip" @click=${this.skipMap}>${tm(lang, 'map.skip_map')}</button>
                  <div class="map" part="map"></div>
                  <p id="ngo-after-map" class="after-map" tabindex="-1">${tm(lang, 'map.after_map')}</p>`}
          </div>
        </div>
      </div>
    </section>`;
  }

  private renderFilters(lang: Lang) {
    return mapFilters(lang, {
      filters: this.filters,
      inView: this.mapView ? this.inView : null,
      setFilter: (key, value) => this.setFilter(key, value),
      setInView: (on) => {
        this.inView = on;
        this.reload(false);
      },
      clear: () => this.clearFilters(),
    });
  }

  private renderList(lang: Lang) {
    return entryList(lang, {
      state: this.listState,
      error: this.listError,
      items: this.items,
      total: this.total,
      rover: this.rover,
      selectedId: this.selected?.id,
      retry: () => this.reload(),
      more: () => void this.more(),
      onKeydown: (e) => this.onListKeydown(e),
      open: (o, i, from) => {
        this.rover = i;
        void this.open(o.id, from);
      },
      highlight: (id) => this.mapView?.highlight(id),
    });
  }

  private renderDetails(lang: Lang) {
    return entryDetails(lang, {
      entry: this.selected,
      state: this.detailsState,
      heading: this.headingTag(0),
      close: () => this.close(),
      showOnMap: (o) => this.showOnMap(o),
      suggest: () => void this.openForm('correction'),
    });
  }

  private renderForm(lang: Lang) {
    const o = this.selected;
    const initial = this.formMode === 'correction' && o ? toInput(o) : undefined;
    return html`<ngo-map-form
      tabindex="-1"
      lang=${lang}
      api-base=${this.api}
      heading-level=${this.headingLevelAt(0)}
      tiles=${this.tiles}
      boundaries=${this.boundaries}
      mode=${this.formMode!}
      .initial=${initial}
      organisation-id=${this.formMode === 'correction' && o ? o.id : ''}
      token=${this.formMode === 'owner' ? this.edit : this.formMode === 'confirm' ? this.confirm : ''}
      @ngo-cancel=${this.closeForm}
    ></ngo-map-form>`;
  }
}

/** The public entry as the form's input shape, to prefill a correction. */
function toInput(o: Organisation) {
  const { id: _id, verifiedAt: _v, updatedAt: _u, ...rest } = o;
  return rest;
}
