import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { asApiError } from '../core/api.js';
import type { Lang } from '../core/i18n/index.js';
import { findPlaces, type Place } from './map.api.js';
import { tm } from './map.i18n.js';

/**
 * The map's place search (`place-search`): a street or place in Kraków, found by the server's
 * geocoder (`GET /v1/map/places`), centres the map there. A plain form: a labelled search field
 * and a button, the places found as a list of buttons, and one polite status line that says what
 * happened ("3 places found", "The map shows: Floriańska…"), so it works by keyboard and with a
 * screen reader. A new search aborts the one before.
 */
export class PlaceSearch implements ReactiveController {
  q = '';
  items: Place[] = [];
  status = '';
  busy = false;
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: { api: () => string; lang: () => Lang; onPick: (place: Place) => void },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.abort?.abort();
  }

  async search(): Promise<void> {
    const lang = this.o.lang();
    const q = this.q.trim();
    this.abort?.abort();
    if (q.length < 3) {
      this.items = [];
      this.status = tm(lang, 'map.places.too_short');
      this.host.requestUpdate();
      return;
    }
    const abort = (this.abort = new AbortController());
    this.busy = true;
    this.status = tm(lang, 'map.places.searching');
    this.host.requestUpdate();
    try {
      const { items } = await findPlaces(this.o.api(), q, lang, abort.signal);
      if (abort.signal.aborted) return;
      this.items = items;
      this.status = items.length ? tm(lang, 'map.places.found', { count: items.length }) : tm(lang, 'map.places.none', { q });
    } catch (err) {
      if (abort.signal.aborted) return;
      this.items = [];
      this.status = tm.error(lang, asApiError(err));
    } finally {
      if (!abort.signal.aborted) {
        this.busy = false;
        this.host.requestUpdate();
      }
    }
  }

  pick(place: Place): void {
    this.status = tm(this.o.lang(), 'map.places.centred', { name: place.name });
    this.host.requestUpdate();
    this.o.onPick(place);
  }

  render(lang: Lang): TemplateResult {
    return html`<form class="places" role="search" part="places" aria-label=${tm(lang, 'map.places.region')} @submit=${(e: Event) => (e.preventDefault(), void this.search())}>
      <label for="ngo-place">${tm(lang, 'map.places.label')}</label>
      <span class="hint" id="ngo-place-hint">${tm(lang, 'map.places.hint')}</span>
      <div class="places-row">
        <input id="ngo-place" type="search" autocomplete="off" maxlength="200" aria-describedby="ngo-place-hint" .value=${this.q} @input=${(e: InputEvent) => (this.q = (e.target as HTMLInputElement).value)} />
        <button type="submit" class="ngo-secondary" aria-disabled=${this.busy ? 'true' : 'false'}>${tm(lang, 'map.places.submit')}</button>
      </div>
      <p class="places-status" role="status">${this.status}</p>
      ${this.items.length
        ? html`<ul class="places-list" aria-label=${tm(lang, 'map.places.list')}>
            ${this.items.map((p) => html`<li><button type="button" class="ngo-secondary place" @click=${() => this.pick(p)}>${p.name}</button></li>`)}
          </ul>`
        : nothing}
    </form>`;
  }
}
