import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { DISTRICTS } from '../../common/taxonomy.js';
import { NgoElement } from '../core/base.element.js';
import { formStyles, statusRegion } from '../core/forms.js';
import { theme } from '../core/theme.js';
import { leafletStyles } from './map.styles.js';
import { tPicker, type PointPickerKey } from './point-picker.i18n.js';
import { districtAt, pointOf } from './point-picker.model.js';
import { pointPickerStyles } from './point-picker.styles.js';
import type { PointPicker } from './point-picker.view.js';

/** The point changed by the person (placed, moved or removed): both coordinates `''` when removed. */
export class NgoPointChangeEvent extends Event {
  constructor(readonly detail: { lat: string; lon: string; district: number | null }) {
    super('change', { bubbles: true, composed: true });
  }
}

/**
 * A map of Kraków where a point is picked: a click or tap places the pin, the pin is dragged, and
 * by keyboard the arrows move the focused map and Enter (or Space) puts the pin in its middle; with
 * the pin focused the arrows move it (Shift: five times as far). It never leaves the city. Leaflet
 * loads only once the picker is shown.
 *
 * The picker is the map only: the host keeps its own latitude and longitude fields beside it, the
 * text way in (and the fallback when the map cannot load), and sets `lat`/`lon` as they are typed,
 * so the pin follows. The map form and the staff editors (map entries, event venues) use it.
 *
 * ```html
 * <ngo-point-picker lat="50.0614" lon="19.9372" boundaries="/districts.geojson"></ngo-point-picker>
 * ```
 *
 * @tag ngo-point-picker
 *
 * @attr lat - Latitude as typed (dot or comma); with `lon` it places the pin (nothing when either is not a number).
 * @attr lon - Longitude as typed.
 * @attr tiles - Tile URL template (default: OpenStreetMap, with its attribution).
 * @attr boundaries - URL of a GeoJSON file with district outlines: each change then names the point's district.
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` in the page applies.
 *
 * @fires change - The person placed, moved or removed the pin. `detail: { lat, lon, district }`:
 *   coordinates rounded to 5 decimals (about 1 m), `''` when removed; `district` (1–18) from the
 *   outlines, or null. `lat` and `lon` hold the new values too.
 *
 * @csspart map - The map.
 * @csspart remove-button - "Remove the pin".
 * @csspart status - The polite live region saying where the pin now is.
 *
 * @cssprop --ngo-point-picker-height - Height of the map (default `280px`).
 */
export class NgoPointPicker extends NgoElement {
  static override styles = [theme, formStyles, leafletStyles, pointPickerStyles];
  protected static override translators = [tPicker];

  static override properties: PropertyDeclarations = {
    lat: {},
    lon: {},
    tiles: {},
    boundaries: {},
    failed: { state: true },
    status: { state: true },
  };

  declare lat: string;
  declare lon: string;
  declare tiles: string;
  declare boundaries: string;
  declare private failed: boolean;
  declare private status: string;

  private view?: PointPicker;
  private loading = false;
  private outlines?: Promise<GeoJSON.FeatureCollection | null>;
  private outlinesFrom = '';

  constructor() {
    super();
    this.lat = this.lon = this.tiles = this.boundaries = this.status = '';
    this.failed = false;
  }

  /** Moves focus to the map (or, with a pin, to the pin). */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => (this.view?.pinElement() ?? this.renderRoot.querySelector<HTMLElement>('.pick-map'))?.focus(options));
  }

  /** Makes the map fit its box again: call it when a hidden picker (a closed tab, a folded section) is shown. */
  refresh(): void {
    this.view?.invalidate();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.view?.destroy();
    this.view = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('tiles') && this.view) {
      this.view.destroy();
      this.view = undefined;
    }
    this.sync();
  }

  private t(key: PointPickerKey, values?: Record<string, string>): string {
    return tPicker(this.locale, key, values);
  }

  /** Starts the map once its box is laid out (its code loads then), and keeps the pin on `lat`/`lon`. */
  private sync(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.pick-map');
    if (!box) return;
    if (this.view) {
      this.view.show(pointOf(this.lat, this.lon));
      return;
    }
    if (this.loading || this.failed || box.offsetWidth === 0) return;
    this.loading = true;
    import('./point-picker.view.js')
      .then(({ PointPicker }) => {
        if (!box.isConnected) return;
        this.view = new PointPicker(box, {
          tiles: this.tiles,
          point: pointOf(this.lat, this.lon),
          labels: {
            map: this.t('picker.map'),
            pin: (lat, lon) => this.t('picker.pin', { lat, lon }),
            zoomIn: this.t('picker.zoom_in'),
            zoomOut: this.t('picker.zoom_out'),
            attribution: this.t('picker.attribution'),
          },
          onPick: (lat, lon) => void this.picked(lat, lon),
        });
      })
      .catch((err: unknown) => {
        console.warn('[ngo] <ngo-point-picker>: the map could not start:', err);
        this.failed = true;
      })
      .finally(() => (this.loading = false));
  }

  private district(lat: string, lon: string): Promise<number | null> {
    if (!this.boundaries) return Promise.resolve(null);
    if (this.outlinesFrom !== this.boundaries || !this.outlines) {
      this.outlinesFrom = this.boundaries;
      this.outlines = fetch(this.boundaries)
        .then((r) => (r.ok ? (r.json() as Promise<GeoJSON.FeatureCollection>) : null))
        .catch(() => null);
    }
    return this.outlines.then((geo) => (geo ? districtAt(geo, Number(lon), Number(lat)) : null));
  }

  /** A point placed on the map: into `lat`/`lon`, said aloud with its district, then `change`. */
  private async picked(lat: string, lon: string): Promise<void> {
    this.lat = lat;
    this.lon = lon;
    const placed = this.t('picker.placed', { lat, lon });
    this.status = placed;
    const n = await this.district(lat, lon);
    // A later pick wins; this one's answer came too late.
    if (this.lat !== lat || this.lon !== lon) return;
    const d = n ? DISTRICTS[n - 1] : undefined;
    if (d) this.status = `${placed} ${this.t('picker.district', { district: `${d.roman}. ${d.name}` })}`;
    this.dispatchEvent(new NgoPointChangeEvent({ lat, lon, district: n }));
  }

  private removePin(): void {
    this.lat = this.lon = '';
    this.status = this.t('picker.removed');
    this.dispatchEvent(new NgoPointChangeEvent({ lat: '', lon: '', district: null }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.pick-map')?.focus());
  }

  protected override render() {
    if (this.failed) return html`<p class="ngo-hint">${this.t('picker.error')}</p>`;
    return html`<div class="pick-map" part="map" role="application" aria-label=${this.t('picker.map')}></div>
      ${pointOf(this.lat, this.lon) ? html`<button type="button" class="ngo-secondary" part="remove-button" @click=${() => this.removePin()}>${this.t('picker.remove')}</button>` : nothing}
      ${statusRegion(this.status)}`;
  }
}
