import type { ReactiveControllerHost } from 'lit';
import { readUrlState, writeUrlState } from '../core/url-state.js';
import type { MapFilters } from './map.api.js';

const URL_PREFIX = 'ngo-';
const URL_KEYS = ['q', 'area', 'district', 'kind', 'accessible', 'org'] as const;

export type Presets = Omit<MapFilters, 'bbox'>;

/**
 * What `<ngo-map>` searches for: the filters (from the presets, the form, the page URL), with the
 * search words waiting for typing to stop (300 ms) before the list reloads, and, with `sync-url`,
 * the filters and the open entry written into the page URL (`?ngo-q=…&ngo-org=…`).
 */
export class MapQuery {
  filters: MapFilters = { q: '', area: '', district: '', kind: '', accessible: false };
  #qTimer?: ReturnType<typeof setTimeout>;

  readonly #host: ReactiveControllerHost;
  /** Reloads the list (and the map) for the filters. */
  readonly #reload: () => void;

  constructor(host: ReactiveControllerHost, reload: () => void) {
    this.#host = host;
    this.#reload = reload;
  }

  /** The presets (the widget's attributes) replace the filters; the caller reloads. */
  preset(p: Presets): void {
    this.#replace({ q: p.q ?? '', area: p.area ?? '', district: p.district ?? '', kind: p.kind ?? '', accessible: !!p.accessible });
  }

  /** One filter from the form: the list reloads, after a pause when it is the search words. */
  set<K extends keyof MapFilters>(key: K, value: MapFilters[K]): void {
    this.#replace({ ...this.filters, [key]: value });
    if (key === 'q') {
      clearTimeout(this.#qTimer);
      this.#qTimer = setTimeout(() => this.#reload(), 300);
    } else this.#reload();
  }

  /** No filters; the caller reloads. */
  clear(): void {
    this.#replace({ q: '', area: '', district: '', kind: '', accessible: false });
  }

  /** Takes the filters the page URL names over the presets; returns the entry it names, if any. */
  readUrl(): string | undefined {
    const u = readUrlState(URL_PREFIX, URL_KEYS);
    const f = this.filters;
    this.#replace({
      q: u.q ?? f.q,
      area: u.area ?? f.area,
      district: u.district ?? f.district,
      kind: u.kind ?? f.kind,
      accessible: u.accessible ? u.accessible === '1' : f.accessible,
    });
    return u.org;
  }

  /** Writes the filters and the open entry (`org`, '' for none) into the page URL. */
  writeUrl(org: string): void {
    const f = this.filters;
    writeUrlState(URL_PREFIX, { q: f.q, area: f.area, district: f.district, kind: f.kind, accessible: f.accessible ? '1' : '', org });
  }

  #replace(filters: MapFilters): void {
    this.filters = filters;
    this.#host.requestUpdate();
  }
}
