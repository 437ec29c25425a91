import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml, LitElement } from 'lit';
import { DEFAULT_API_BASE, NgoElement } from './base.element.js';
import { defineOnce } from './define.js';
import { setViewport } from '@web/test-runner-commands';
import { applyTextSpacing, reflowProblems, waitFor } from './testing.js';

class NgoTestBase extends NgoElement {
  /** Exposed for the test. */
  get apiRoot() {
    return this.api;
  }
  protected override render() {
    if (this.apiBase === 'broken') return this.warnMisconfig('api-base is broken');
    return litHtml`<div class="ngo-root" part="base"><p>${this.locale}</p><button type="button">OK</button><input aria-label="x" /></div>`;
  }
}
defineOnce('ngo-test-base', NgoTestBase);

/** Puts a widget inside another shadow root, to check language lookup across shadow boundaries. */
class NgoTestShell extends LitElement {
  protected override render() {
    return litHtml`<div lang="uk-UA"><ngo-test-base></ngo-test-base></div>`;
  }
}
defineOnce('ngo-test-shell', NgoTestShell);

let ukLoaded = false;
let arrive!: () => void;
const ukArrives = new Promise<void>((resolve) => (arrive = () => ((ukLoaded = true), resolve())));

/** A widget that, like the staff panel, renders its language on a root inside its shadow root, around another widget. */
class NgoTestPanel extends NgoElement {
  /** Its Ukrainian dictionary arrives when the test says so (`arrive()`), as a chunk from the network would. */
  protected static override translators = [{ load: (lang: string) => (lang === 'uk' && !ukLoaded ? ukArrives : undefined) }];
  protected override render() {
    return litHtml`<div class="ngo-root" lang=${this.locale}><ngo-test-base></ngo-test-base></div>`;
  }
}
defineOnce('ngo-test-panel', NgoTestPanel);

const shown = (el: Element) => el.shadowRoot!.querySelector('p')!.textContent;

describe('NgoElement', () => {
  it('renders accessibly and defaults to Polish', async () => {
    const el = await fixture<NgoTestBase>(html`<ngo-test-base></ngo-test-base>`);
    await expect(el).to.be.accessible();
    expect(el.locale).to.equal('pl');
    expect(shown(el)).to.equal('pl');
  });

  it('uses its own lang attribute, normalised', async () => {
    const el = await fixture<NgoTestBase>(html`<ngo-test-base lang="en-GB"></ngo-test-base>`);
    expect(shown(el)).to.equal('en');
    el.setAttribute('lang', 'uk-UA');
    await el.updateComplete;
    expect(shown(el)).to.equal('uk');
    el.lang = 'de';
    await el.updateComplete;
    expect(shown(el)).to.equal('pl');
  });

  it('follows the nearest [lang] ancestor and re-renders when it changes', async () => {
    // The fixture root must be the Lit element: for plain elements fixture() waits for a frame,
    // which never comes in a background tab.
    const wrap = document.createElement('section');
    wrap.lang = 'en';
    const el = await fixture<NgoTestBase>(html`<ngo-test-base></ngo-test-base>`, { parentNode: wrap });
    expect(shown(el)).to.equal('en');
    wrap.setAttribute('lang', 'uk');
    // The lang observer re-renders the widget: wait for that render, not for a fixed time.
    await waitFor(() => shown(el) === 'uk', 'the render in Ukrainian');
    expect(shown(el)).to.equal('uk');
  });

  it('finds the nearest [lang] across shadow roots', async () => {
    const shell = await fixture<NgoTestShell>(html`<ngo-test-shell lang="en"></ngo-test-shell>`);
    const el = shell.shadowRoot!.querySelector<NgoTestBase>('ngo-test-base')!;
    await el.updateComplete;
    expect(el.locale).to.equal('uk');
  });

  it('follows a language change of the widget around it, rendered inside its shadow root', async () => {
    const panel = await fixture<NgoTestPanel>(html`<ngo-test-panel lang="pl"></ngo-test-panel>`);
    const el = panel.shadowRoot!.querySelector<NgoTestBase>('ngo-test-base')!;
    await el.updateComplete;
    expect(shown(el)).to.equal('pl');
    panel.setAttribute('lang', 'uk');
    // The inner widget renders first, while the panel still waits for its dictionary and shows Polish.
    await waitFor(() => el.locale === 'pl' && !el.isUpdatePending, 'the inner widget rendered');
    arrive();
    await waitFor(() => shown(el) === 'uk', 'the inner widget in Ukrainian');
    expect(el.locale).to.equal('uk');
  });

  it('derives the API base from where the code was loaded, without a trailing slash', async () => {
    expect(DEFAULT_API_BASE).to.equal(location.origin);
    const el = await fixture<NgoTestBase>(html`<ngo-test-base api-base="https://ngo.example.org/api/"></ngo-test-base>`);
    expect(el.apiBase).to.equal('https://ngo.example.org/api/');
    expect(el.apiRoot).to.equal('https://ngo.example.org/api');
  });

  it('reports a misconfiguration once in the console and visibly in the widget', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const el = await fixture<NgoTestBase>(html`<ngo-test-base lang="en" api-base="broken"></ngo-test-base>`);
      el.requestUpdate();
      await el.updateComplete;
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('This widget is not configured correctly.');
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => w.startsWith('[ngo] <ngo-test-base>: api-base is broken'))).to.have.length(1);
  });

  it('is not broken by hostile host-page CSS', async () => {
    const style = document.createElement('style');
    style.textContent = '* { box-sizing: content-box; font: 40px/3 serif; color: #ff0; letter-spacing: 9px; text-transform: uppercase } button { display: none } input { all: unset }';
    document.head.append(style);
    try {
      const el = await fixture<NgoTestBase>(html`<ngo-test-base></ngo-test-base>`);
      const root = el.shadowRoot!;
      const button = getComputedStyle(root.querySelector('button')!);
      const input = getComputedStyle(root.querySelector('input')!);
      const text = getComputedStyle(root.querySelector('p')!);
      expect(button.display).not.to.equal('none');
      expect(input.borderTopStyle).to.equal('solid');
      expect(input.boxSizing).to.equal('border-box');
      expect(text.fontSize).to.equal('16px');
      expect(text.fontFamily).to.equal('system-ui, sans-serif');
      expect(text.letterSpacing).to.equal('normal');
      expect(text.textTransform).to.equal('none');
      expect(text.color).to.equal('rgb(27, 27, 27)');
    } finally {
      style.remove();
    }
  });
});

describe('reflowProblems (the base tests’ 320 px check)', () => {
  const host = (inner: string) => {
    const el = document.createElement('div');
    el.attachShadow({ mode: 'open' }).innerHTML = inner;
    document.body.append(el);
    return el;
  };

  it('finds a box wider than the screen and text clipped by a fixed height, and passes a layout that wraps', async () => {
    await setViewport({ width: 320, height: 640 });
    const wide = host('<div class="row" style="width:500px">wide</div>');
    const clipped = host('<p class="cut" style="height:1.2em;overflow:hidden">Wiele słów, które nie zmieszczą się w jednej linii przy szerokości trzystu dwudziestu pikseli.</p>');
    const fine = host('<p>Wiele słów, które zawiną się w kilka linii przy szerokości trzystu dwudziestu pikseli.</p><span class="ngo-sr" style="position:absolute;width:1px;height:1px;overflow:hidden">ukryte</span>');
    try {
      expect(reflowProblems(wide)).to.deep.equal(['div.row ends at 508 px']);
      expect(reflowProblems(clipped)[0]).to.match(/^p\.cut clips its text down/);
      expect(reflowProblems(fine)).to.deep.equal([]);
      applyTextSpacing(fine.shadowRoot!);
      expect(getComputedStyle(fine.shadowRoot!.querySelector('p')!).letterSpacing).to.not.equal('normal');
    } finally {
      for (const el of [wide, clipped, fine]) el.remove();
    }
  });
});

describe('reflowProblems: boxes that scroll across', () => {
  it('lets a data table scroll across in its own box, and finds any other box that does', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = document.createElement('div');
    el.attachShadow({ mode: 'open' }).innerHTML = `<div class="table-box" style="overflow-x:auto"><table style="width:600px"><tr><td>1</td></tr></table></div>
      <div class="row" style="overflow-x:auto"><div style="width:600px">tekst</div></div>`;
    document.body.append(el);
    try {
      expect(reflowProblems(el)).to.deep.equal(['div.row scrolls across (600 > 304 px)']);
    } finally {
      el.remove();
    }
  });
});
