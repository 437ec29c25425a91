import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../core/api.js';
import { getClusterZoom, getClusters, getOrganisation, listOrganisations, type Clusters, type MapFilters, type Organisation } from './map.api.js';

/**
 * What `<ngo-map>` shows, as the API answers it: the list of matches page by page (with its
 * loading and error states), the clusters of the map's viewport, one entry's details and a
 * cluster's zoom. A new list fetch aborts the list fetch before, a new cluster fetch the cluster
 * fetch before; leaving the page aborts both. Entries already listed open without a fetch.
 */
export class MapData implements ReactiveController {
  items: Organisation[] = [];
  total = 0;
  /** More matches than the API counts: the list shows the first `total` and asks to narrow the search. */
  totalCapped = false;
  state: 'loading' | 'ready' | 'error' = 'loading';
  error: ApiError | null = null;
  /** The list's last page fetched (50 entries a page). */
  page = 1;
  #listAbort?: AbortController;
  #clusterAbort?: AbortController;

  readonly #host: ReactiveControllerHost;
  readonly #api: () => string;

  constructor(host: ReactiveControllerHost, api: () => string) {
    this.#host = host;
    this.#api = api;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#listAbort?.abort();
    this.#clusterAbort?.abort();
  }

  /** Fetches the list's page `page` for `filters`: in place of the list, or after it (`append`). */
  async list(filters: MapFilters, append: boolean): Promise<void> {
    this.#listAbort?.abort();
    const ctl = (this.#listAbort = new AbortController());
    if (!append) this.#set({ state: 'loading' });
    try {
      const res = await listOrganisations(this.#api(), filters, this.page, ctl.signal);
      this.#set({ items: append ? [...this.items, ...res.items] : res.items, total: res.total, totalCapped: !!res.totalCapped, state: 'ready' });
    } catch (err) {
      if (ctl.signal.aborted) return;
      this.#set({ error: err instanceof ApiError ? err : new ApiError(0, 'network_error', String(err)), state: 'error' });
    }
  }

  /**
   * Fetches the clusters of a viewport and hands them to `draw`; a failure other than an abort is
   * logged. Resolves false when `draw` returned false (it moved the map, which fetches again).
   */
  async clusters(filters: MapFilters, zoom: number, bbox: string, draw: (data: Clusters) => boolean): Promise<boolean> {
    this.#clusterAbort?.abort();
    const ctl = (this.#clusterAbort = new AbortController());
    try {
      const data = await getClusters(this.#api(), filters, zoom, bbox, ctl.signal);
      if (!draw(data)) return false;
    } catch (err) {
      if (!ctl.signal.aborted) console.warn('[ngo] <ngo-map>: clusters failed:', err);
    }
    return true;
  }

  /** The zoom at which a cluster splits. */
  async clusterZoom(filters: MapFilters, clusterId: number): Promise<number> {
    return (await getClusterZoom(this.#api(), filters, clusterId)).zoom;
  }

  /** An entry of the list, if it is there. */
  listed(id: string): Organisation | undefined {
    return this.items.find((o) => o.id === id);
  }

  /** An entry's details from the API (one not in the list, e.g. from `org` or a marker). */
  organisation(id: string): Promise<Organisation> {
    return getOrganisation(this.#api(), id);
  }

  #set(next: Partial<Pick<MapData, 'items' | 'total' | 'totalCapped' | 'state' | 'error'>>): void {
    Object.assign(this, next);
    this.#host.requestUpdate();
  }
}
