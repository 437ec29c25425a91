import * as L from 'leaflet/dist/leaflet-src.esm.js';
import type { Clusters } from './map.api.js';

export const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OSM_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';
/** Kraków’s bounds, as `isInKrakow` (common/map.ts) checks them. */
export const KRAKOW: L.LatLngTuple[] = [[49.97, 19.79], [50.13, 20.22]];

export interface ViewCallbacks {
  /** The viewport changed: fetch clusters for it. */
  onMove(zoom: number, bbox: string): void;
  onSelect(id: string, marker: HTMLElement): void;
  onCluster(clusterId: number, lat: number, lon: number): void;
  clusterLabel(count: number): string;
  /** Leaflet's own controls in the widget's language. */
  labels: ControlLabels;
}

export interface ControlLabels {
  zoomIn: string;
  zoomOut: string;
  attribution: string;
}

/**
 * The tiles (OpenStreetMap's, with their attribution, unless the operator set others) and Leaflet's
 * zoom and attribution controls, named in the widget's language (Leaflet's own titles are English).
 * Create the map with `zoomControl: false, attributionControl: false`.
 */
export function addTilesAndControls(map: L.Map, tiles: string, labels: ControlLabels): void {
  L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
  const attribution = L.control.attribution({ prefix: false }).addTo(map);
  attribution.getContainer()?.setAttribute('role', 'group');
  attribution.getContainer()?.setAttribute('aria-label', labels.attribution);
  L.tileLayer(tiles || OSM_TILES, { attribution: tiles && tiles !== OSM_TILES ? '' : OSM_ATTRIBUTION, maxZoom: 19 }).addTo(map);
}

/**
 * The Leaflet part of `<ngo-map>`: tiles, server-side clusters and single markers, district
 * outlines. Markers and clusters are focusable buttons with names, so the map works by keyboard.
 */
export class MapView {
  readonly map: L.Map;
  private layer = L.layerGroup();
  /** Markers by key (`c:<lon>,<lat>,<count>` for clusters, `p:<id>` for entries), kept across redraws. */
  private shown = new Map<string, L.Marker>();
  private markers = new Map<string, L.Marker>();

  constructor(container: HTMLElement, tiles: string, private cb: ViewCallbacks) {
    // No zoom animation: clusters are redrawn from the server after each move anyway, and an
    // animation still running when the widget is removed makes Leaflet throw.
    this.map = L.map(container, { zoomControl: false, attributionControl: false, keyboard: true, zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false, minZoom: 10, maxZoom: 18, maxBounds: L.latLngBounds(KRAKOW).pad(0.3) });
    addTilesAndControls(this.map, tiles, cb.labels);
    this.layer.addTo(this.map);
    this.map.fitBounds(KRAKOW);
    this.map.on('moveend', () => this.emitMove());
  }

  emitMove() {
    const b = this.map.getBounds().pad(0.2);
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(',');
    this.cb.onMove(this.map.getZoom(), bbox);
  }

  /** Visible area as `minLon,minLat,maxLon,maxLat` (for the "only visible" list filter). */
  visibleBbox(): string {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(',');
  }

  /**
   * Draws the viewport's clusters and entries. Markers still present keep their DOM element, so
   * a marker with keyboard focus keeps it; focus on a marker that goes away moves to the map.
   */
  render(data: Clusters, selected: string | null) {
    // Markers never pan the map when they take focus (autoPanOnFocus: false above): a pan redraws the
    // clusters, the focused one may go, and Tab would start over at the first marker, a trap.
    const next = new Map<string, () => L.Marker>();
    for (const [lon, lat, count, id] of data.clusters) {
      next.set(`c:${lon},${lat},${count}`, () => {
        const size = count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 48 : 56;
        const m = L.marker([lat, lon], { icon: L.divIcon({ className: 'ngo-cluster', html: String(count), iconSize: [size, size] }), keyboard: true, autoPanOnFocus: false });
        m.on('click', () => this.cb.onCluster(id, lat, lon));
        return this.add(m, this.cb.clusterLabel(count));
      });
    }
    for (const [lon, lat, id, name] of data.points) {
      next.set(`p:${id}`, () => {
        const m = L.marker([lat, lon], { icon: L.divIcon({ className: 'ngo-pin', iconSize: [24, 24], iconAnchor: [12, 24] }), keyboard: true, autoPanOnFocus: false });
        m.on('click', () => this.cb.onSelect(id, m.getElement()!));
        return this.add(m, name);
      });
    }
    const active = this.map.getContainer().getRootNode() as Document | ShadowRoot;
    let lostFocus = false;
    for (const [key, m] of this.shown) {
      if (next.has(key)) continue;
      if (active.activeElement && active.activeElement === m.getElement()) lostFocus = true;
      this.layer.removeLayer(m);
      this.shown.delete(key);
    }
    for (const [key, make] of next) if (!this.shown.has(key)) this.shown.set(key, make());
    this.markers.clear();
    for (const [key, m] of this.shown) if (key.startsWith('p:')) this.markers.set(key.slice(2), m);
    this.highlight(selected);
    if (lostFocus) this.map.getContainer().focus();
  }

  private add(m: L.Marker, name: string): L.Marker {
    m.addTo(this.layer);
    this.label(m, name);
    return m;
  }

  private label(m: L.Marker, name: string) {
    const el = m.getElement();
    if (!el) return;
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', name);
    el.title = name;
    // Enter and Space activate, like any button. Leaflet's own Enter listens to the deprecated
    // keypress, which preventDefault here stops, so a press acts once.
    el.addEventListener('keydown', (e) => {
      if (e.key === ' ' || e.key === 'Enter') {
        e.preventDefault();
        e.stopPropagation();
        m.fire('click');
      }
    });
  }

  /** Fits the view to what is shown (used once, when presets narrow the data to part of the city). */
  fitTo(data: Clusters): boolean {
    const pts: L.LatLngTuple[] = [...data.clusters.map(([lon, lat]) => [lat, lon] as L.LatLngTuple), ...data.points.map(([lon, lat]) => [lat, lon] as L.LatLngTuple)];
    if (!pts.length) return false;
    this.map.fitBounds(L.latLngBounds(pts).pad(0.15), { maxZoom: 15 });
    return true;
  }

  markerElement(id: string): HTMLElement | undefined {
    return this.markers.get(id)?.getElement();
  }

  highlight(id: string | null) {
    for (const [mid, m] of this.markers) m.getElement()?.classList.toggle('ngo-selected', mid === id);
  }

  flyTo(lat: number, lon: number, zoom?: number) {
    this.map.setView([lat, lon], zoom ?? Math.max(this.map.getZoom(), 16));
  }

  async boundaries(url: string, district: number | null) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`boundaries: HTTP ${res.status}`);
    const geo = (await res.json()) as GeoJSON.FeatureCollection;
    const districtOf = (f: GeoJSON.Feature) => Number(f.properties?.district ?? f.properties?.id ?? f.properties?.number ?? NaN);
    const layer = L.geoJSON(geo, {
      interactive: false,
      style: (f) => ({ color: '#0050a0', weight: f && districtOf(f) === district ? 3 : 1.5, fillOpacity: f && districtOf(f) === district ? 0.06 : 0, opacity: 0.8 }),
    }).addTo(this.map);
    if (district) {
      const own = geo.features.filter((f) => districtOf(f) === district);
      if (own.length) this.map.fitBounds(L.geoJSON({ type: 'FeatureCollection', features: own } as GeoJSON.FeatureCollection).getBounds());
    }
    return layer;
  }

  invalidate() {
    this.map.invalidateSize();
  }

  destroy() {
    this.map.stop();
    this.map.off();
    this.map.remove();
  }
}

/** How `<ngo-map>` starts its map (map.canvas.ts); here, since it runs once this chunk is loaded. */
export interface StartOptions {
  tiles: string;
  /** The map's accessible name. */
  name: string;
  /** URL of the district outlines ('' for none) and the district to outline more boldly. */
  boundaries: string;
  district: number | null;
}

/** Creates the view in `el`, named for screen readers, kept sized to `el`, with the district outlines if asked for. */
export function startMapView(el: HTMLElement, o: StartOptions, cb: ViewCallbacks): { view: MapView; resize: ResizeObserver } {
  const view = new MapView(el, o.tiles, cb);
  el.setAttribute('aria-label', o.name);
  el.setAttribute('role', 'application');
  const resize = new ResizeObserver(() => view.invalidate());
  resize.observe(el);
  if (o.boundaries) view.boundaries(o.boundaries, o.district).catch((err) => console.warn('[ngo] <ngo-map>: boundaries could not be loaded:', err));
  return { view, resize };
}
