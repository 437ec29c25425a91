import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { failure, reflowProblems, runWidgetBaseTests, stubFetch, useRealApi, waitFor, type FetchStub } from '../core/testing.js';
import './map.js';
import type { NgoMap } from './map.element.js';

// These tests talk to the real API (web-test-runner proxies /v1 to scripts/widget-test-api.ts:
// a migrated SQLite database with the 300 demo organisations and a few fixtures). Map tiles are
// the one thing stubbed: a blank image, so no test reaches the network.
const BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

const root = (el: NgoMap) => el.shadowRoot!;
const items = (el: NgoMap) => [...root(el).querySelectorAll<HTMLButtonElement>('button.item')];
const status = (el: NgoMap) => root(el).querySelector('[role="status"]')?.textContent?.trim() ?? '';

async function mount(attrs: { lang?: string; q?: string; district?: string; view?: string; width?: number } = {}) {
  await setViewport({ width: attrs.width ?? 1280, height: 900 });
  const el = await fixture<NgoMap>(html`<ngo-map
    lang=${attrs.lang ?? 'pl'}
    api-base=${location.origin}
    tiles=${BLANK_TILE}
    q=${attrs.q ?? ''}
    district=${attrs.district ?? ''}
    view=${attrs.view ?? ''}
  ></ngo-map>`);
  await waitFor(() => items(el).length > 0 || /Nie znaleziono|No organisations|не знайдено/i.test(status(el)));
  return el;
}

/** Fetches of the organisation list for `q` that have completed (Resource Timing records each one). */
const listFetches = (q: string) =>
  performance.getEntriesByType('resource').filter((e) => {
    const url = new URL(e.name);
    return url.pathname === '/v1/map/organisations' && url.searchParams.get('q') === q;
  }).length;

async function search(el: NgoMap, text: string) {
  const before = listFetches(text);
  const input = root(el).querySelector<HTMLInputElement>('#ngo-q')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  // The search waits for typing to stop, then fetches; the status says "loading" until the answer is rendered.
  await waitFor(() => listFetches(text) > before, `the search for “${text}”`);
  await waitFor(() => !root(el).querySelector('[aria-busy="true"]') && !/Ładowanie|Loading|Завантаження/.test(status(el)), 'the results');
}

runWidgetBaseTests<NgoMap>('ngo-map', {
  attrs: { tiles: BLANK_TILE },
  realApi: true,
  ready: (el) => items(el).length > 0,
  texts: { pl: 'Dodaj swoją organizację', en: 'Add your organisation', uk: 'Додайте свою організацію' },
  misconfigured: { attrs: { district: '25' }, warning: 'district="25" is not 1–18' },
  widths: [360, 1280],
});

describe('<ngo-map>', () => {
  useRealApi();
  for (const lang of ['pl', 'uk']) {
    it(`lists the first 50 of the real entries and counts them all, in ${lang}`, async () => {
      const el = await mount({ lang, width: 360 });
      expect(items(el).length).to.equal(50);
      expect(status(el)).to.match(/30\d/);
    });
  }

  it('finds "Związek" when searching "zwiazek test", and never shows pending entries', async () => {
    const el = await mount();
    await search(el, 'zwiazek test');
    expect(items(el).map((b) => b.querySelector('.name')!.textContent)).to.deep.equal(['Związek Testowy Widżetów']);
    expect(status(el)).to.equal('Znaleziono 1 organizację.');
    await search(el, 'zwiazek ukryty');
    expect(items(el)).to.have.length(0);
    expect(root(el).textContent).to.include('Nie znaleziono organizacji');
  });

  it('filters by a district preset', async () => {
    const el = await mount({ district: '18' });
    const all = await (await fetch('/v1/map/organisations?district=18&pageSize=1')).json();
    expect(status(el)).to.include(String(all.total));
    expect(root(el).querySelector<HTMLSelectElement>('#ngo-district')!.value).to.equal('18');
  });

  it('renders script and HTML from the data as text', async () => {
    const el = await mount({ q: 'fundacja script' });
    const name = items(el)[0]!.querySelector('.name')!;
    expect(name.textContent).to.include('<script>');
    expect(root(el).querySelector('script, img[src="x"]')).to.equal(null);
    items(el)[0]!.click();
    await waitFor(() => root(el).querySelector('.details dl'));
    expect(root(el).querySelector('.details')!.textContent).to.include('<b>pogrubienie?</b>');
    expect(root(el).querySelector('.details b, .details script')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('opens details by keyboard, closes them with Escape and returns focus to the item', async () => {
    const el = await mount({ q: 'zwiazek testowy' });
    const item = items(el)[0]!;
    item.focus();
    const selected = oneEvent(el, 'ngo-select');
    await sendKeys({ press: 'Enter' });
    const ev = (await selected) as CustomEvent<{ id: string; name: string }>;
    expect(ev.detail.name).to.equal('Związek Testowy Widżetów');
    await waitFor(() => root(el).querySelector('#ngo-details-heading'));
    expect(root(el).activeElement?.id).to.equal('ngo-details-heading');
    expect(root(el).querySelector('.details')!.textContent).to.include('ul. Testowa 1, Kraków');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !root(el).querySelector('.details'));
    await waitFor(() => root(el).activeElement === items(el)[0]);
  });

  it('shows the list first on narrow screens and switches to the map with the toggle', async () => {
    const el = await mount({ width: 360 });
    const [listPane, mapPane] = [root(el).querySelector<HTMLElement>('[data-pane="list"]')!, root(el).querySelector<HTMLElement>('[data-pane="map"]')!];
    expect(listPane.offsetHeight).to.be.greaterThan(0);
    expect(mapPane.offsetHeight).to.equal(0);
    const mapButton = [...root(el).querySelectorAll<HTMLButtonElement>('.toggle button')].find((b) => b.textContent === 'Mapa')!;
    mapButton.click();
    await waitFor(() => root(el).querySelector('.leaflet-marker-icon'));
    expect(mapButton.getAttribute('aria-pressed')).to.equal('true');
    expect(listPane.offsetHeight).to.equal(0);
  });

  it('names every cluster and marker for keyboard and screen reader users', async () => {
    const el = await mount({ width: 1280 });
    const markers = await waitFor(() => {
      const m = [...root(el).querySelectorAll<HTMLElement>('.leaflet-marker-icon')];
      return m.length ? m : null;
    });
    for (const m of markers) {
      expect(m.getAttribute('role')).to.equal('button');
      expect(m.getAttribute('tabindex')).to.equal('0');
      expect(m.getAttribute('aria-label')).to.match(/\S/);
    }
    const cluster = markers.find((m) => m.classList.contains('ngo-cluster'))!;
    expect(cluster.getAttribute('aria-label')).to.match(/^Skupisko: \d+ organizacj/);
    expect(root(el).querySelector('.leaflet-control-attribution')).to.not.equal(null);
  });

  it('keeps keyboard focus on a marker when the map redraws after a move', async () => {
    const el = await mount({ width: 1280, q: 'zwiazek testowy' });
    const pin = await waitFor(() => root(el).querySelector<HTMLElement>('.ngo-pin'));
    pin.focus();
    const view = (el as unknown as { mapView: { emitMove(): void; render(...args: unknown[]): void } }).mapView;
    let redraws = 0;
    const render = view.render.bind(view);
    view.render = (...args) => (redraws++, render(...args));
    view.emitMove();
    await waitFor(() => redraws > 0, 'the redraw after the move');
    expect(root(el).querySelector('.ngo-pin')).to.equal(pin);
    expect(root(el).activeElement).to.equal(pin);
    expect(pin.getAttribute('aria-label')).to.equal('Związek Testowy Widżetów');
  });

  it('keeps filters and the open entry in the page URL with sync-url', async () => {
    const start = location.href;
    history.replaceState(null, '', `${location.pathname}?ngo-district=5&keep=1`);
    try {
      await setViewport({ width: 1280, height: 900 });
      const el = await fixture<NgoMap>(html`<ngo-map sync-url api-base=${location.origin} tiles=${BLANK_TILE}></ngo-map>`);
      await waitFor(() => items(el).length > 0);
      expect(root(el).querySelector<HTMLSelectElement>('#ngo-district')!.value).to.equal('5');
      const total = (await (await fetch('/v1/map/organisations?district=5&pageSize=1')).json()).total;
      expect(status(el)).to.include(String(total));
      items(el)[0]!.click();
      await waitFor(() => new URL(location.href).searchParams.get('ngo-org'));
      const url = new URL(location.href);
      expect(url.searchParams.get('ngo-district')).to.equal('5');
      expect(url.searchParams.get('keep')).to.equal('1');
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('draws district outlines from a boundaries file and zooms to the preset district', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await fixture<NgoMap>(html`<ngo-map district="18" boundaries="/widgets/map/fixtures/boundaries.json" api-base=${location.origin} tiles=${BLANK_TILE}></ngo-map>`);
    const paths = await waitFor(() => {
      const p = root(el).querySelectorAll('path.leaflet-interactive, .leaflet-overlay-pane path');
      return p.length === 2 ? p : null;
    });
    expect(paths.length).to.equal(2);
    const map = (el as unknown as { mapView: { map: { getCenter(): { lng: number; lat: number } } } }).mapView.map;
    await waitFor(() => Math.abs(map.getCenter().lng - 20.085) < 0.01);
  });

  it("opens the add form with the operator's configured information clause", async () => {
    const el = await mount({ width: 1280 });
    root(el).querySelector<HTMLButtonElement>('button.add')!.click();
    const form = await waitFor(() => root(el).querySelector('ngo-map-form'));
    // scripts/widget-test-api.ts configures this clause for the map form.
    const firstParagraph = 'Klauzula informacyjna operatora testowego.';
    await waitFor(() => form.shadowRoot?.querySelector('[part="notice"] p')?.textContent === firstParagraph);
    expect(form.shadowRoot!.querySelector('[part="notice"] p')!.textContent).to.equal(firstParagraph);
  });

  it('opens the details of the organisation named by the org attribute', async () => {
    const found = (await (await fetch('/v1/map/organisations?q=zwiazek%20testowy')).json()) as { items: { id: string }[] };
    await setViewport({ width: 1280, height: 900 });
    const el = await fixture<NgoMap>(html`<ngo-map org=${found.items[0]!.id} api-base=${location.origin} tiles=${BLANK_TILE}></ngo-map>`);
    await waitFor(() => root(el).querySelector('#ngo-details-heading')?.textContent === 'Związek Testowy Widżetów');
    await waitFor(() => root(el).activeElement?.id === 'ngo-details-heading');
  });

  describe('keyboard (issue 9, item 4)', () => {
    it('zooms a cluster on Enter and opens a marker on Enter, once each', async () => {
      const el = await mount({ width: 1280 });
      const cluster = await waitFor(() => root(el).querySelector<HTMLElement>('.ngo-cluster'), 'a cluster');
      const view = (el as unknown as { mapView: { map: { getZoom(): number } } }).mapView;
      const before = view.map.getZoom();
      cluster.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => view.map.getZoom() > before, 'the zoom after Enter on a cluster');
      // Zoomed in until entries show as single markers, then Enter on one opens its details.
      const el2 = await mount({ width: 1280, q: 'zwiazek testowy' });
      const pin = await waitFor(() => root(el2).querySelector<HTMLElement>('.ngo-pin'), 'the marker');
      let selects = 0;
      el2.addEventListener('ngo-select', () => selects++);
      pin.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => root(el2).querySelector('#ngo-details-heading')?.textContent === 'Związek Testowy Widżetów', 'the details after Enter on a marker');
      await new Promise((r) => setTimeout(r, 200));
      expect(selects).to.equal(1);
    });

    it('names Leaflet’s zoom buttons and attribution in the widget’s language', async () => {
      for (const [lang, zoomIn, zoomOut, source] of [['pl', 'Przybliż', 'Oddal', 'Źródło danych mapy'], ['uk', 'Наблизити', 'Віддалити', 'Джерело даних мапи']] as const) {
        const el = await mount({ lang, width: 1280 });
        const zin = await waitFor(() => root(el).querySelector<HTMLElement>('.leaflet-control-zoom-in'), 'the zoom control');
        expect(zin.title).to.equal(zoomIn);
        expect(zin.getAttribute('aria-label')).to.equal(zoomIn);
        expect(root(el).querySelector<HTMLElement>('.leaflet-control-zoom-out')!.title).to.equal(zoomOut);
        expect(root(el).querySelector('.leaflet-control-attribution')!.getAttribute('aria-label')).to.equal(source);
        expect(root(el).querySelector('[part="base"]')!.getAttribute('lang')).to.equal(lang);
      }
    });

    it('makes the list one tab stop moved with the arrow keys, Home and End', async () => {
      const el = await mount({ width: 1280 });
      const list = items(el);
      expect(list.filter((b) => b.tabIndex === 0)).to.have.length(1);
      list[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(root(el).activeElement).to.equal(items(el)[2]);
      await sendKeys({ press: 'End' });
      expect(root(el).activeElement).to.equal(items(el).at(-1));
      await sendKeys({ press: 'Home' });
      expect(root(el).activeElement).to.equal(items(el)[0]);
      await sendKeys({ press: 'ArrowUp' });
      expect(root(el).activeElement).to.equal(items(el)[0]);
      // Tab leaves the list at once: the next stop is "Show more", not the second entry.
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.textContent?.trim()).to.equal('Pokaż więcej');
      expect(items(el).filter((b) => b.tabIndex === 0)).to.deep.equal([items(el)[0]]);
    });

    it('passes the map with its "skip the map" button in two presses', async () => {
      const el = await mount({ width: 1280 });
      await waitFor(() => root(el).querySelector('.ngo-cluster'), 'the map');
      const skip = root(el).querySelector<HTMLButtonElement>('button.skip')!;
      skip.focus();
      expect(skip.getBoundingClientRect().width).to.be.greaterThan(24);
      expect(skip.textContent?.trim()).to.equal('Pomiń mapę');
      await sendKeys({ press: 'Enter' });
      expect(root(el).activeElement?.id).to.equal('ngo-after-map');
      // The end mark comes after every marker and control of the map, and nothing focusable follows it in the widget.
      const mark = root(el).querySelector('#ngo-after-map')!;
      const stops = [...root(el).querySelectorAll<HTMLElement>('button, a[href], input, select, [tabindex="0"]')].filter((n) => n.offsetParent !== null || n.classList.contains('leaflet-marker-icon'));
      const after = stops.filter((n) => mark.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING);
      expect(after.map((n) => n.outerHTML.slice(0, 60))).to.deep.equal([]);
      expect(stops.filter((n) => n.closest('.map')).length).to.be.greaterThan(3);
    });

    it('takes its heading levels from heading-level', async () => {
      await setViewport({ width: 1280, height: 900 });
      const el = await fixture<NgoMap>(html`<ngo-map heading-level="4" q="zwiazek testowy" api-base=${location.origin} tiles=${BLANK_TILE}></ngo-map>`);
      await waitFor(() => items(el).length === 1);
      items(el)[0]!.click();
      const h = await waitFor(() => root(el).querySelector('#ngo-details-heading'));
      expect(h.localName).to.equal('h4');
    });
  });

  describe('place search (place-search)', () => {
    // The server's geocoder is its own boundary (api/map/map.places.test.ts runs it against a mock geocoder):
    // here /v1/map/places alone is answered in the browser, everything else goes to the real test API.
    const realFetch = window.fetch;
    let stub: FetchStub | undefined;
    afterEach(() => stub?.restore());
    const FLORIANSKA = { name: 'Floriańska, Stare Miasto, Kraków', lat: 50.0634, lon: 19.9397 };
    const answerPlaces = (answer: (q: string) => Response | object) =>
      (stub = stubFetch((c) => (c.pathname === '/v1/map/places' ? answer(new URL(c.url).searchParams.get('q') ?? '') : realFetch(c.url, { method: c.method, headers: c.headers }))));

    it('finds a street by keyboard, says how many places it found, and centres the map on the chosen one', async () => {
      answerPlaces((q) => (q === 'Floriańska' ? { items: [FLORIANSKA, { name: 'Floriańska, Nowa Huta, Kraków', lat: 50.07, lon: 20.03 }] } : { items: [] }));
      await setViewport({ width: 1280, height: 900 });
      const el = await fixture<NgoMap>(html`<ngo-map place-search lang="pl" api-base=${location.origin} tiles=${BLANK_TILE}></ngo-map>`);
      const input = await waitFor(() => root(el).querySelector<HTMLInputElement>('#ngo-place'), 'the place field');
      expect(root(el).querySelector('label[for="ngo-place"]')!.textContent).to.include('Znajdź miejsce na mapie');
      input.focus();
      await sendKeys({ type: 'Floriańska' });
      await sendKeys({ press: 'Enter' });
      const places = await waitFor(() => {
        const b = [...root(el).querySelectorAll<HTMLButtonElement>('.places-list button')];
        return b.length ? b : null;
      }, 'the places found');
      expect(places.map((b) => b.textContent!.trim())).to.deep.equal(['Floriańska, Stare Miasto, Kraków', 'Floriańska, Nowa Huta, Kraków']);
      // Every place's name starts at the same edge as the field's text, one-line names too (not centred in the button).
      const textLeft = (b: HTMLButtonElement) => {
        const r = document.createRange();
        r.selectNodeContents(b);
        return r.getBoundingClientRect().left;
      };
      const fieldLeft = input.getBoundingClientRect().left;
      for (const b of places) expect(textLeft(b) - fieldLeft).to.be.within(0, 24);
      const said = root(el).querySelector('.places-status')!;
      expect(said.getAttribute('role')).to.equal('status');
      expect(said.textContent).to.equal('Znaleziono 2 miejsca. Wybierz jedno, by pokazać je na mapie.');
      expect(stub!.calls.find((c) => c.pathname === '/v1/map/places')!.path).to.equal('/v1/map/places?q=Floria%C5%84ska&lang=pl');
      await expect(el).to.be.accessible();

      const map = await waitFor(() => (el as unknown as { mapView?: { map: { getCenter(): { lng: number; lat: number }; getZoom(): number } } }).mapView?.map, 'the map');
      places[0]!.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => Math.abs(map.getCenter().lat - 50.0634) < 0.001 && Math.abs(map.getCenter().lng - 19.9397) < 0.001, 'the map centred on Floriańska');
      expect(map.getZoom()).to.equal(17);
      expect(said.textContent).to.equal('Mapa pokazuje teraz: Floriańska, Stare Miasto, Kraków.');
      expect(root(el).activeElement).to.equal(places[0]);

      input.focus();
      input.select();
      await sendKeys({ type: 'Zzyzx' });
      await sendKeys({ press: 'Enter' });
      await waitFor(() => said.textContent === 'Nie znaleźliśmy w Krakowie miejsca „Zzyzx”.', 'nothing found');
      expect(root(el).querySelector('.places-list')).to.equal(null);
    });

    it('says so in the reader’s language when the server has no geocoder, or it does not answer', async () => {
      let answer: Response = failure(404, 'places_off');
      answerPlaces(() => answer.clone());
      await setViewport({ width: 360, height: 800 });
      const el = await fixture<NgoMap>(html`<ngo-map place-search view="map" lang="uk" api-base=${location.origin} tiles=${BLANK_TILE}></ngo-map>`);
      const input = await waitFor(() => root(el).querySelector<HTMLInputElement>('#ngo-place'), 'the place field');
      const form = root(el).querySelector<HTMLFormElement>('form.places')!;
      input.value = 'Rynek';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      form.requestSubmit();
      const said = root(el).querySelector('.places-status')!;
      await waitFor(() => said.textContent === 'Пошук місць не ввімкнено на цьому сервері.', 'places_off in Ukrainian');
      answer = failure(503, 'places_unavailable');
      form.requestSubmit();
      await waitFor(() => said.textContent === 'Служба пошуку місць не відповідає. Спробуйте за хвилину.', 'places_unavailable in Ukrainian');
      input.value = 'Ry';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      form.requestSubmit();
      await waitFor(() => said.textContent === 'Введіть щонайменше 3 символи.', 'too short');
      expect(reflowProblems(el)).to.deep.equal([]);
    });
  });
});
