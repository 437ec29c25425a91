import * as L from 'leaflet/dist/leaflet-src.esm.js';
// The city's bounds: the picker never leaves them (the form refuses points outside Kraków).
import { KRAKOW, addTilesAndControls, type ControlLabels } from './map.view.js';

const CENTRE: L.LatLngTuple = [50.0614, 19.9372];
/** Pixels an arrow key moves the pin (Shift: five times as far); at street zoom 10 px is about 10 m. */
const STEP_PX = 10;

export interface PickerOptions {
  tiles: string;
  /** The point to start from (the coordinates already typed in), if any. */
  point: { lat: number; lon: number } | null;
  labels: ControlLabels & { map: string; pin(lat: string, lon: string): string };
  /** The person placed or moved the pin: coordinates rounded to 5 decimals (about 1 m). */
  onPick(lat: string, lon: string): void;
}

const fixed = (n: number) => n.toFixed(5);

/**
 * The Leaflet part of `<ngo-point-picker>`: a click or tap puts the pin, the pin is dragged, Enter
 * on the focused map puts it in the middle of the view, and with keyboard focus on the pin the arrow
 * keys move it (Shift: further). The host's coordinate fields stay the other way in: each change of
 * one moves the other.
 */
export class PointPicker {
  readonly map: L.Map;
  private pin: L.Marker | null = null;

  constructor(container: HTMLElement, private readonly o: PickerOptions) {
    this.map = L.map(container, { zoomControl: false, attributionControl: false, keyboard: true, zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false, minZoom: 11, maxZoom: 18, maxBounds: L.latLngBounds(KRAKOW).pad(0.1) });
    addTilesAndControls(this.map, o.tiles, o.labels);
    container.setAttribute('aria-label', o.labels.map);
    this.map.setView(o.point ? [o.point.lat, o.point.lon] : CENTRE, o.point ? 16 : 12);
    if (o.point) this.place(o.point.lat, o.point.lon);
    this.map.on('click', (e: L.LeafletMouseEvent) => {
      this.place(e.latlng.lat, e.latlng.lng);
      this.emit();
    });
    // The keyboard's way to place the pin: move the map with the arrows, then Enter (or Space) puts it in the middle.
    container.addEventListener('keydown', (e) => {
      if (e.target !== container || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      const c = this.map.getCenter();
      const at = L.latLngBounds(KRAKOW).contains(c) ? c : L.latLngBounds(KRAKOW).getCenter();
      this.place(at.lat, at.lng);
      this.emit();
      this.pin?.getElement()?.focus();
    });
  }

  /** Moves the pin to typed coordinates (without telling the form, which already has them); null removes it. */
  show(point: { lat: number; lon: number } | null): void {
    if (!point) {
      this.pin?.remove();
      this.pin = null;
      return;
    }
    const here = this.pin?.getLatLng();
    if (here && fixed(here.lat) === fixed(point.lat) && fixed(here.lng) === fixed(point.lon)) return;
    this.place(point.lat, point.lon);
    if (!this.map.getBounds().contains([point.lat, point.lon])) this.map.panTo([point.lat, point.lon]);
  }

  /** The pin's element (focusable), for focus after a click. */
  pinElement(): HTMLElement | undefined {
    return this.pin?.getElement();
  }

  private place(lat: number, lon: number): void {
    if (this.pin) {
      this.pin.setLatLng([lat, lon]);
    } else {
      this.pin = L.marker([lat, lon], { draggable: true, keyboard: true, autoPan: true, icon: L.divIcon({ className: 'ngo-pin ngo-pick', iconSize: [28, 28], iconAnchor: [14, 28] }) }).addTo(this.map);
      this.pin.on('dragend', () => this.emit());
      const el = this.pin.getElement()!;
      el.setAttribute('role', 'application');
      el.setAttribute('aria-roledescription', 'pin');
      el.addEventListener('keydown', (e) => this.onKey(e));
    }
    this.label();
  }

  private label(): void {
    const el = this.pin?.getElement();
    const at = this.pin?.getLatLng();
    if (!el || !at) return;
    const text = this.o.labels.pin(fixed(at.lat), fixed(at.lng));
    el.setAttribute('aria-label', text);
    el.title = text;
  }

  private onKey(e: KeyboardEvent): void {
    const d = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] }[e.key];
    if (!d || !this.pin) return;
    // The map would pan on the same keys: the pin moves instead.
    e.preventDefault();
    e.stopPropagation();
    const step = STEP_PX * (e.shiftKey ? 5 : 1);
    // One coordinate changes per key: up and down move the latitude only, left and right the longitude.
    const here = this.pin.getLatLng();
    const moved = this.map.containerPointToLatLng(this.map.latLngToContainerPoint(here).add([d[0]! * step, d[1]! * step]));
    const candidate = L.latLng(d[1] ? moved.lat : here.lat, d[0] ? moved.lng : here.lng);
    const next = L.latLngBounds(KRAKOW).contains(candidate) ? candidate : here;
    this.pin.setLatLng(next);
    if (!this.map.getBounds().pad(-0.1).contains(next)) this.map.panTo(next);
    this.label();
    this.emit();
  }

  private emit(): void {
    const at = this.pin?.getLatLng();
    if (at) this.o.onPick(fixed(at.lat), fixed(at.lng));
  }

  invalidate(): void {
    this.map.invalidateSize();
  }

  destroy(): void {
    this.map.stop();
    this.map.off();
    this.map.remove();
  }
}
