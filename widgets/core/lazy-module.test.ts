import { expect } from '@open-wc/testing';
import { LazyModule } from './lazy-module.js';

describe('LazyModule', () => {
  it('imports once however often it is asked, and renders the host again when the module arrives', async () => {
    let imports = 0;
    let updates = 0;
    const part = new LazyModule({ requestUpdate: () => void updates++ }, async () => (imports++, { answer: 42 }), 'a test part');
    part.load();
    part.load();
    expect(part.value).to.equal(undefined);
    await Promise.resolve();
    await Promise.resolve();
    expect(part.value).to.deep.equal({ answer: 42 });
    expect([imports, updates]).to.deep.equal([1, 1]);
    part.load();
    expect(imports).to.equal(1);
  });

  it('keeps why a failed import failed, and imports again when asked after it', async () => {
    let calls = 0;
    let updates = 0;
    const warn = console.warn;
    const warned: unknown[] = [];
    console.warn = (...args: unknown[]) => void warned.push(args[0]);
    try {
      const part = new LazyModule({ requestUpdate: () => void updates++ }, () => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve('module')), 'a test part');
      part.load();
      await new Promise((r) => setTimeout(r));
      expect((part.error as Error).message).to.equal('offline');
      expect(part.value).to.equal(undefined);
      expect(warned).to.deep.equal(['[ngo] a test part could not be loaded:']);
      part.load();
      // The retry renders "loading" at once, not the last failure.
      expect([part.error, updates]).to.deep.equal([undefined, 2]);
      await new Promise((r) => setTimeout(r));
      expect([part.value, part.error, calls, updates]).to.deep.equal(['module', undefined, 2, 3]);
    } finally {
      console.warn = warn;
    }
  });

  it('is not imported again by need() after a failure, so a render hook cannot loop; load() retries', async () => {
    let calls = 0;
    const warn = console.warn;
    console.warn = () => {};
    try {
      // The host asks again on every update, as a willUpdate hook would.
      const host = { requestUpdate: () => part.need() };
      const part: LazyModule<string> = new LazyModule(host, () => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve('module')), 'a test part');
      part.need();
      await new Promise((r) => setTimeout(r, 20));
      expect([calls, (part.error as Error).message]).to.deep.equal([1, 'offline']);
      part.load();
      await new Promise((r) => setTimeout(r));
      expect([calls, part.value]).to.deep.equal([2, 'module']);
      part.need();
      expect(calls).to.equal(2);
    } finally {
      console.warn = warn;
    }
  });
});
