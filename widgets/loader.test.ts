import { expect } from '@open-wc/testing';

// In the test server the chunks do not exist next to the loader, so each load attempt shows up as
// one "[ngo] could not load <tag>" warning: that is what these tests count.
const warnings: string[] = [];
const warn = console.warn;

async function settle(ms = 300) {
  await new Promise((r) => setTimeout(r, ms));
}

describe('loader', () => {
  before(() => {
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  });
  after(() => {
    console.warn = warn;
  });

  it('loads eager tags at once, lazy ones only near the viewport, and added ones later; a second copy does nothing', async () => {
    const admin = document.createElement('ngo-admin');
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    const map = document.createElement('ngo-map');
    map.style.display = 'block';
    map.style.height = '10px';
    document.body.append(admin, spacer, map);
    try {
      await import('./loader.js');
      await settle();
      expect(warnings.filter((w) => w.includes('<ngo-admin>'))).to.have.length(1);
      expect(warnings.filter((w) => w.includes('<ngo-map>'))).to.have.length(0);

      map.scrollIntoView();
      await settle();
      expect(warnings.filter((w) => w.includes('<ngo-map>'))).to.have.length(1);

      // A second copy of the loader (another URL, so another module instance) must not double-work.
      await import(new URL('./loader.ts?copy=2', import.meta.url).href);
      await settle();
      expect(warnings.filter((w) => w.includes('could not load'))).to.have.length(2);

      // A failed load may be retried when the tag appears again later.
      document.body.append(document.createElement('ngo-admin'));
      await settle();
      expect(warnings.filter((w) => w.includes('<ngo-admin>'))).to.have.length(2);
    } finally {
      admin.remove();
      spacer.remove();
      map.remove();
      document.querySelectorAll('ngo-admin').forEach((el) => el.remove());
    }
  });
});
