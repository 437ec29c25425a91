import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../core/i18n/index.js';
import { tm } from './map.i18n.js';
import type { MapView } from './map.view.js';

export interface CanvasOptions {
  /** The rendered `.map` element, if any. */
  container(): HTMLElement | null;
  lang(): Lang;
  tiles(): string;
  /** The `boundaries` file's URL ('' for none) and the preset district it outlines more boldly. */
  boundaries(): { boundaries: string; district: number | null };
  onMove(zoom: number, bbox: string): void;
  onSelect(id: string, marker: HTMLElement): void;
  /** The zoom at which a cluster splits (a failure zooms two steps in). */
  clusterZoom(clusterId: number): Promise<number>;
}

/**
 * The Leaflet map of `<ngo-map>` (map.view.ts, loaded on demand): started once its container is
 * rendered and visible (narrow screens start it when a person switches to the map), kept sized to
 * its container, removed with the widget. `error` says it could not start.
 */
export class MapCanvas implements ReactiveController {
  view?: MapView;
  error = false;
  #loading = false;
  #resize?: ResizeObserver;

  readonly #host: ReactiveControllerHost;
  readonly #o: CanvasOptions;

  constructor(host: ReactiveControllerHost, o: CanvasOptions) {
    this.#host = host;
    this.#o = o;
    host.addController(this);
  }

  hostUpdated(): void {
    const el = this.#o.container();
    if (el && !this.view && !this.#loading && !this.error && el.offsetWidth > 0) void this.#start(el);
  }

  hostDisconnected(): void {
    this.#resize?.disconnect();
    this.view?.destroy();
    this.view = undefined;
  }

  async #start(el: HTMLElement) {
    this.#loading = true;
    const lang = this.#o.lang();
    try {
      const { startMapView } = await import('./map.view.js');
      const { view, resize } = startMapView(el, { tiles: this.#o.tiles(), name: tm(lang, 'map.map_label'), ...this.#o.boundaries() }, {
        onMove: (zoom, bbox) => this.#o.onMove(zoom, bbox),
        onSelect: (id, marker) => this.#o.onSelect(id, marker),
        onCluster: async (clusterId, lat, lon) => {
          try {
            this.view?.flyTo(lat, lon, await this.#o.clusterZoom(clusterId));
          } catch {
            this.view?.flyTo(lat, lon, (this.view?.map.getZoom() ?? 12) + 2);
          }
        },
        clusterLabel: (count) => tm(this.#o.lang(), 'map.cluster', { count }),
        labels: { zoomIn: tm(lang, 'map.zoom_in'), zoomOut: tm(lang, 'map.zoom_out'), attribution: tm(lang, 'map.attribution') },
      });
      this.view = view;
      this.#resize = resize;
      view.emitMove();
    } catch (err) {
      console.warn('[ngo] <ngo-map>: the map could not start:', err);
      this.error = true;
      this.#host.requestUpdate();
    } finally {
      this.#loading = false;
    }
  }
}
