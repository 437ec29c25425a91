import type { ReactiveControllerHost } from 'lit';
import { NgoSelectEvent } from '../core/events.js';
import type { Organisation } from './map.api.js';
import type { MapData } from './map.data.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

/**
 * The entry whose details are open: opened from the list, a marker, `org` or the page URL (an
 * entry not in the list is fetched), announced with `ngo-select`, its details' heading focused;
 * closing returns focus to what opened it (or to the list's tab stop).
 */
export class Selection {
  entry: Organisation | null = null;
  state: 'idle' | 'loading' | 'error' = 'idle';
  #returnFocus: HTMLElement | null = null;

  readonly #host: Host;
  readonly #data: MapData;
  /** An entry was opened (its id) or the details closed (null): the map and the page URL follow. */
  readonly #changed: (id: string | null) => void;

  constructor(host: Host, data: MapData, changed: (id: string | null) => void) {
    this.#host = host;
    this.#data = data;
    this.#changed = changed;
  }

  /** Whether the details panel shows (an entry, or its loading or error state). */
  get shown(): boolean {
    return !!this.entry || this.state !== 'idle';
  }

  async open(id: string, from: HTMLElement | null): Promise<void> {
    this.#returnFocus = from;
    const known = this.#data.listed(id);
    this.#set({ state: known ? 'idle' : 'loading', entry: known ?? null });
    if (!known) {
      try {
        this.#set({ entry: await this.#data.organisation(id), state: 'idle' });
      } catch {
        this.#set({ state: 'error' });
      }
    }
    if (this.entry) {
      this.#host.dispatchEvent(new NgoSelectEvent({ id, name: this.entry.name }));
      this.#changed(id);
    }
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('#ngo-details-heading')?.focus();
  }

  close(): void {
    this.#set({ entry: null, state: 'idle' });
    this.#changed(null);
    const back = this.#returnFocus;
    this.#returnFocus = null;
    void this.#host.updateComplete.then(() => {
      if (back?.isConnected) back.focus();
      else this.#host.renderRoot.querySelector<HTMLElement>('button.item[tabindex="0"]')?.focus();
    });
  }

  #set(next: Partial<Pick<Selection, 'entry' | 'state'>>): void {
    Object.assign(this, next);
    this.#host.requestUpdate();
  }
}
