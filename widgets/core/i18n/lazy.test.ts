import { expect } from '@open-wc/testing';
import { createLazyTranslator, TRANSLATIONS_LOADED } from './lazy.js';

describe('createLazyTranslator', () => {
  const pl = { hello: 'Dzień dobry', items: { one: '{count} rzecz', few: '{count} rzeczy', many: '{count} rzeczy', other: '{count} rzeczy' } };

  it('serves Polish at once and other languages after they load, once', async () => {
    let imports = 0;
    const tr = createLazyTranslator(pl, {
      en: async () => (imports++, { hello: 'Good morning', items: { one: '{count} thing', other: '{count} things' } }),
      uk: async () => (imports++, { hello: 'Добрий день', items: { one: '{count} річ', few: '{count} речі', many: '{count} речей', other: '{count} речі' } }),
    });
    expect(tr.load('pl')).to.equal(undefined);
    expect(tr('en', 'hello')).to.equal('Dzień dobry');
    await tr.load('en');
    expect(tr('en', 'hello')).to.equal('Good morning');
    expect(tr('en', 'items', { count: 2 })).to.equal('2 things');
    expect(tr.load('en')).to.equal(undefined);
    await Promise.all([tr.load('uk'), tr.load('uk')]);
    expect(tr('uk', 'items', { count: 5 })).to.equal('5 речей');
    expect(imports).to.equal(2);
  });

  it('keeps Polish when a dictionary fails to load, and can try again', async () => {
    let fail = true;
    const tr = createLazyTranslator(pl, {
      en: async () => {
        if (fail) throw new Error('offline');
        return { hello: 'Hello', items: { other: '{count} things' } };
      },
      uk: async () => ({ hello: 'Привіт', items: { other: '{count} речі' } }),
    });
    const warn = console.warn;
    console.warn = () => {};
    try {
      await tr.load('en');
    } finally {
      console.warn = warn;
    }
    expect(tr('en', 'hello')).to.equal('Dzień dobry');
    fail = false;
    await tr.load('en');
    expect(tr('en', 'hello')).to.equal('Hello');
  });

  it('loads a dictionary read before it was asked for, warns the developer, and tells the widgets to render again', async () => {
    const tr = createLazyTranslator(pl, {
      en: async () => ({ hello: 'Good morning', items: { other: '{count} things' } }),
      uk: async () => ({ hello: 'Добрий день', items: { other: '{count} речі' } }),
    });
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args[0]);
    const arrived = new Promise<void>((resolve) => globalThis.addEventListener(TRANSLATIONS_LOADED, () => resolve(), { once: true }));
    try {
      expect(tr('uk', 'hello')).to.equal('Dzień dobry');
      expect(tr('uk', 'hello')).to.equal('Dzień dobry');
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0])).to.include('static translators');
    await arrived;
    expect(tr('uk', 'hello')).to.equal('Добрий день');
  });
});
