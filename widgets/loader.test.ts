import { expect } from '@open-wc/testing';
import { waitFor } from './core/testing.js';

// In the test server the chunks do not exist next to the loader, so each load attempt shows up as
// one "[ngo] could not load <tag>" warning: that is what these tests count.
const warnings: string[] = [];
const warn = console.warn;

const count = (text: string) => warnings.filter((w) => w.includes(text)).length;

/**
 * A controllable IntersectionObserver: a test page may sit in a hidden background tab (wtr runs two
 * at once), where real intersection callbacks never come.
 */
const observers: FakeObserver[] = [];
class FakeObserver {
  observed = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    observers.push(this);
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  /** Reports `el` as scrolled into view. */
  show(el: Element) {
    if (this.observed.has(el)) this.callback([{ target: el, isIntersecting: true } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}
const RealObserver = window.IntersectionObserver;

describe('loader', () => {
  before(() => {
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    window.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
  });
  after(() => {
    console.warn = warn;
    window.IntersectionObserver = RealObserver;
  });

  it('loads eager tags at once, lazy ones only near the viewport, and added ones later; a second copy does nothing', async () => {
    const admin = document.createElement('ngo-admin');
    const map = document.createElement('ngo-map');
    document.body.append(admin, map);
    try {
      await import('./loader.js');
      await waitFor(() => count('<ngo-admin>') === 1, 'the eager tag loaded');
      expect(warnings.filter((w) => w.includes('<ngo-admin>'))).to.have.length(1);
      expect(warnings.filter((w) => w.includes('<ngo-map>'))).to.have.length(0);

      expect(observers.length).to.equal(1);
      expect([...observers[0]!.observed]).to.deep.equal([map]);
      observers[0]!.show(map);
      await waitFor(() => count('<ngo-map>') === 1, 'the lazy tag loaded');
      expect(warnings.filter((w) => w.includes('<ngo-map>'))).to.have.length(1);
      expect(observers[0]!.observed.size).to.equal(0);

      // A second copy of the loader (another URL, so another module instance) must not double-work:
      // it starts nothing (a started copy watches the page with a MutationObserver of its own).
      let watchers = 0;
      const RealMutationObserver = window.MutationObserver;
      window.MutationObserver = class extends RealMutationObserver {
        constructor(callback: MutationCallback) {
          super(callback);
          watchers++;
        }
      };
      try {
        await import(new URL('./loader.ts?copy=2', import.meta.url).href);
      } finally {
        window.MutationObserver = RealMutationObserver;
      }
      expect(watchers, 'observers the second copy started').to.equal(0);
      expect(observers.length).to.equal(1);
      expect(warnings.filter((w) => w.includes('could not load'))).to.have.length(2);

      // A failed load may be retried when the tag appears again later.
      document.body.append(document.createElement('ngo-admin'));
      await waitFor(() => count('<ngo-admin>') === 2, 'the tag loaded again');
      expect(warnings.filter((w) => w.includes('<ngo-admin>'))).to.have.length(2);
    } finally {
      admin.remove();
      map.remove();
      document.querySelectorAll('ngo-admin').forEach((el) => el.remove());
    }
  });
});
