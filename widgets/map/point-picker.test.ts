import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitFor as until } from '../core/testing.js';
import './point-picker.js';
import type { NgoPointChangeEvent, NgoPointPicker } from './point-picker.element.js';

/** Map tiles are the one boundary stubbed: a blank image, so the map reaches no network. */
const BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
const BOUNDARIES = '/widgets/map/fixtures/boundaries.json';

const q = <T extends Element = HTMLElement>(el: NgoPointPicker, selector: string) => el.shadowRoot!.querySelector(selector) as T | null;
const ready = (el: NgoPointPicker) => until(() => q<HTMLElement>(el, '.pick-map.leaflet-container'), 'the map');
const text = (n: Element | null) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
type View = { map: { latLngToContainerPoint(p: [number, number]): { x: number; y: number }; getCenter(): { lat: number; lng: number } } };
const view = (el: NgoPointPicker) => (el as unknown as { view: View }).view;

describe('<ngo-point-picker>', () => {
  for (const [lang, name, remove, zoomIn] of [
    ['pl', /^Mapa do wskazania położenia/, 'Usuń znacznik', 'Przybliż'],
    ['en', /^Map to pick the position/, 'Remove the pin', 'Zoom in'],
    ['uk', /^Мапа для вибору розташування/, 'Прибрати мітку', 'Наблизити'],
  ] as const) {
    it(`is accessible in ${lang}, with the map, its controls and the pin named in the language`, async () => {
      const el = await fixture<NgoPointPicker>(html`<ngo-point-picker lang=${lang} tiles=${BLANK_TILE} lat="50.0614" lon="19.9372"></ngo-point-picker>`);
      const map = await ready(el);
      await until(() => q(el, '.ngo-pick'), 'the pin of the given point');
      expect(map.getAttribute('aria-label')).to.match(name);
      expect(q(el, '.leaflet-control-zoom-in')!.getAttribute('title')).to.equal(zoomIn);
      expect(text(q(el, 'button'))).to.equal(remove);
      await expect(el).to.be.accessible();
    });
  }

  it('places the pin by keyboard: arrows move the map, Enter puts the pin in its middle, arrows then move the pin', async () => {
    const el = await fixture<NgoPointPicker>(html`<ngo-point-picker lang="en" tiles=${BLANK_TILE}></ngo-point-picker>`);
    const map = await ready(el);
    expect(q(el, '.ngo-pick')).to.equal(null);
    map.focus();
    const centre = view(el).map.getCenter();
    const placed = oneEvent(el, 'change') as Promise<NgoPointChangeEvent>;
    await sendKeys({ press: 'Enter' });
    const e = await placed;
    expect(e.bubbles && e.composed).to.equal(true);
    expect(Number(e.detail.lat)).to.be.closeTo(centre.lat, 0.0001);
    expect(Number(e.detail.lon)).to.be.closeTo(centre.lng, 0.0001);
    expect(e.detail.district).to.equal(null);
    expect([el.lat, el.lon]).to.deep.equal([e.detail.lat, e.detail.lon]);
    const pin = q(el, '.ngo-pick')!;
    expect(el.shadowRoot!.activeElement).to.equal(pin);
    expect(text(q(el, '[role="status"]'))).to.equal(`Pin placed: latitude ${e.detail.lat}, longitude ${e.detail.lon}.`);
    const moved = oneEvent(el, 'change') as Promise<NgoPointChangeEvent>;
    await sendKeys({ press: 'ArrowLeft' });
    const m = (await moved).detail;
    expect(Number(m.lon)).to.be.below(Number(e.detail.lon));
    expect(m.lat).to.equal(e.detail.lat);
    expect(pin.getAttribute('aria-label')).to.equal(`Position pin: latitude ${m.lat}, longitude ${m.lon}. Arrow keys move the pin.`);
    // Removing the pin says so, empties the point and gives focus back to the map, not to <body>.
    const removed = oneEvent(el, 'change') as Promise<NgoPointChangeEvent>;
    q<HTMLButtonElement>(el, 'button')!.click();
    expect((await removed).detail).to.deep.equal({ lat: '', lon: '', district: null });
    await until(() => el.shadowRoot!.activeElement === map, 'focus on the map');
    expect(q(el, '.ngo-pick')).to.equal(null);
    expect(text(q(el, '[role="status"]'))).to.equal('Pin removed.');
  });

  it('names the district of a clicked point from the outlines, and follows coordinates set by the host', async () => {
    const el = await fixture<NgoPointPicker>(html`<ngo-point-picker lang="uk" tiles=${BLANK_TILE} boundaries=${BOUNDARIES}></ngo-point-picker>`);
    const map = await ready(el);
    // A point inside the test outline of district I (19.92–19.95, 50.05–50.07).
    const at = view(el).map.latLngToContainerPoint([50.06, 19.935]);
    const r = map.getBoundingClientRect();
    const picked = oneEvent(el, 'change') as Promise<NgoPointChangeEvent>;
    map.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: r.left + at.x, clientY: r.top + at.y }));
    const e = (await picked).detail;
    expect(Number(e.lat)).to.be.closeTo(50.06, 0.001);
    expect(Number(e.lon)).to.be.closeTo(19.935, 0.001);
    expect(e.district).to.equal(1);
    expect(text(q(el, '[role="status"]'))).to.contain('Район за розташуванням: I. Stare Miasto.');
    // The host's fields are the text way in: typed coordinates (a comma too) move the pin without a change event.
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.lat = '50,0400';
    el.lon = '19.9500';
    await until(() => q(el, '.ngo-pick')?.getAttribute('aria-label')?.includes('широта 50.04000, довгота 19.95000'), 'the pin at the typed point');
    el.lat = 'x';
    await until(() => !q(el, '.ngo-pick'), 'no pin for a coordinate that is not a number');
    expect(changes).to.equal(0);
  });
});
