import { expect } from '@open-wc/testing';
import { defineOnce } from './define.js';

describe('defineOnce', () => {
  it('defines a tag once and skips a second definition by the same class silently', () => {
    class A extends HTMLElement {}
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      defineOnce('ngo-test-define-a', A);
      expect(() => defineOnce('ngo-test-define-a', A)).not.to.throw();
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('ngo-test-define-a')).to.equal(A);
    expect(warnings).to.have.length(0);
  });

  it('keeps the first class and warns with [ngo] when another version defines the same tag', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      defineOnce('ngo-test-define-b', First);
      expect(() => defineOnce('ngo-test-define-b', Second)).not.to.throw();
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('ngo-test-define-b')).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^\[ngo\] <ngo-test-define-b>/);
  });
});
