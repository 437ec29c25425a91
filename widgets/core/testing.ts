/**
 * The widget test harness (web-test-runner, real Chromium). Test files only: it imports
 * @open-wc/testing and registers mocha tests.
 *
 * - `stubFetch(route)`: replaces `fetch`, the network boundary, for tests that need answers the
 *   real test API cannot give (a 500, a held request, the staff API). Answers `GET /v1/challenge`
 *   with a tiny proof of work unless the route does; records every call.
 * - `typed(Schema, value)`: a fixture typed and checked by the server's own schema from `common/`,
 *   so that a renamed server field breaks the test that uses it.
 * - `waitFor(probe, what)`: waits for observable state (never a fixed sleep).
 * - `runWidgetBaseTests(tag, options)`: what every widget must do: axe in pl, en and uk, following
 *   the page's `lang`, the misconfiguration warning and isolation from hostile host CSS.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { z } from 'zod';
import type { ErrorEnvelope } from '../../common/errors.js';
import { forgetDrafts } from './form-state.js';
import { loadLang, t, type Lang } from './i18n/index.js';

// Every test starts with no kept form drafts (they live in memory and localStorage across tests otherwise).
beforeEach(() => forgetDrafts());

// ---- waiting -------------------------------------------------------------------------------------

/** Resolves with the first truthy value of `probe`, checked every frame; fails after `timeout` ms naming `what`. */
export async function waitFor<T>(probe: () => T | null | undefined | false | 0 | '', what = 'the expected state', timeout = 8000): Promise<T> {
  const end = performance.now() + timeout;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
}

/**
 * Waits, in a `before` hook of its own, until the real test API answers: it is a process of its
 * own (scripts/widget-test-api.ts) that may still be migrating and seeding when the first test starts.
 */
export function useRealApi(): void {
  before(async function () {
    this.timeout(120_000);
    for (;;) {
      const res = await fetch('/v1/clauses/map').catch(() => null);
      if (res?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
}

// ---- the fetch stub ------------------------------------------------------------------------------

/** One request the widget made. */
export interface Call {
  method: string;
  url: string;
  /** Path and query: `/v1/map/organisations?district=12`. */
  path: string;
  /** The path alone. */
  pathname: string;
  headers: Record<string, string>;
  /** The JSON body, parsed. */
  body: any;
  credentials?: RequestCredentials;
}

/** A route's answer: a Response as is, `undefined` for a 404 envelope, anything else as a 200 JSON body. */
export type Answer = Response | object | undefined;

export interface FetchStub {
  readonly calls: Call[];
  /** Calls other than GET. */
  writes(): Call[];
  /** Puts the real fetch back (also done by the next `stubFetch`). */
  restore(): void;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** An error in the API's envelope. */
export const failure = (status: number, code: string, details?: ErrorEnvelope['error']['details']) => json(status, { error: { code, message: code, details } });

/** A value checked by the server's schema: typed at compile time, parsed at run time. */
export const typed = <S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> => schema.parse(value);

/** The salt of the stubbed challenge: its solution is 3. */
export const CHALLENGE_SALT = 'salt-for-tests?expires=9999999999&';

async function challenge() {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${CHALLENGE_SALT}3`));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return { algorithm: 'SHA-256', challenge: hex, maxnumber: 20, salt: CHALLENGE_SALT, signature: 'sig' };
}

const realFetch = window.fetch;
let current: FetchStub | undefined;

/** Replaces `fetch` with `route` until `restore()`. */
export function stubFetch(route: (call: Call) => Answer | Promise<Answer>): FetchStub {
  current?.restore();
  const calls: Call[] = [];
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    // As the real fetch: an aborted request (a widget of an earlier test, say) sends nothing.
    if (init.signal?.aborted) throw init.signal.reason;
    const url = new URL(String(input), location.href);
    const call: Call = {
      method: init.method ?? 'GET',
      url: url.href,
      path: url.pathname + url.search,
      pathname: url.pathname,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    };
    calls.push(call);
    const answer = await route(call);
    if (answer instanceof Response) return answer;
    if (answer === undefined) return call.pathname === '/v1/challenge' ? json(200, await challenge()) : failure(404, 'not_found');
    return json(200, answer);
  };
  const stub: FetchStub = {
    calls,
    writes: () => calls.filter((c) => c.method !== 'GET'),
    restore() {
      if (current === stub) current = undefined;
      window.fetch = realFetch;
    },
  };
  return (current = stub);
}

// ---- what every widget must do -------------------------------------------------------------------

export interface BaseTestOptions<E extends HTMLElement> {
  /** Attributes of a well-configured widget (`api-base` defaults to this origin); a function is read when each test starts. */
  attrs?: Record<string, string> | (() => Record<string, string>);
  /** Properties set before the first render. */
  props?: Partial<E>;
  /** True once the widget shows its content: the state axe checks. */
  ready(el: E): unknown;
  /** A text the widget shows in each language once ready, to check that it follows the page's `lang`. */
  texts: Record<Lang, string>;
  /** Attributes that misconfigure it, and the start of its `[ngo]` warning after `<tag>: `. */
  misconfigured: { attrs: Record<string, string>; props?: Partial<E>; warning: string };
  /** Widths to check with axe (default 1280 px only). */
  widths?: number[];
  /** The widget talks to the real test API (see `useRealApi`). */
  realApi?: boolean;
  /** Runs before each of these tests (a fetch stub); returns what to undo after it. */
  setup?: () => (() => void) | void;
}

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The text spacing a reader may set (WCAG 2.1, 1.4.12), as a user style sheet would set it. */
export const TEXT_SPACING_CSS = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p, li, dd, blockquote { margin-block-end: 2em !important; }`;

/** Applies `TEXT_SPACING_CSS` inside `root` and every shadow root below it (a page's user style sheet cannot reach them). */
export function applyTextSpacing(root: ShadowRoot | Document): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(TEXT_SPACING_CSS);
  const roots: (ShadowRoot | Document)[] = [root];
  for (let i = 0; i < roots.length; i++) {
    const r = roots[i]!;
    r.adoptedStyleSheets = [...r.adoptedStyleSheets, sheet];
    for (const el of r.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
}

/**
 * What does not reflow inside `host` at the viewport's width: the widget or an element wider than
 * the viewport, an element that clips its own text (overflow hidden or clip, with content past its
 * box), and a box that scrolls across unless it holds a data table (WCAG 1.4.10's exception; what is
 * inside such a box is not checked). Visually hidden text (`.ngo-sr`, the honeypot), Leaflet's
 * panes and elements not shown are left out.
 */
export function reflowProblems(host: HTMLElement): string[] {
  const width = document.documentElement.clientWidth;
  const problems: string[] = [];
  const box = host.getBoundingClientRect();
  if (box.right > width + 1 || box.left < -1) problems.push(`<${host.localName}> spans ${Math.round(box.left)}–${Math.round(box.right)} px of a ${width} px viewport`);
  const name = (el: Element) => `${el.localName}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
  const scrollers = new Set<Element>();
  const inScroller = (el: Element) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (scrollers.has(p)) return true;
    return false;
  };
  const visit = (root: ShadowRoot) => {
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (el.shadowRoot) visit(el.shadowRoot);
      if (el.closest('.ngo-sr, .ngo-hp, .leaflet-container, [hidden], svg')) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue;
      // Inside a box that scrolls across, the box is what must fit.
      if (inScroller(el)) continue;
      if (r.right > width + 1) problems.push(`${name(el)} ends at ${Math.round(r.right)} px`);
      const css = getComputedStyle(el);
      const scrolls = (v: string) => v === 'auto' || v === 'scroll';
      if (scrolls(css.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        scrollers.add(el);
        // WCAG 1.4.10 lets a data table scroll across in its own box; anything else must wrap.
        if (!el.querySelector('table')) problems.push(`${name(el)} scrolls across (${el.scrollWidth} > ${el.clientWidth} px)`);
      }
      const clips = (v: string) => v === 'hidden' || v === 'clip';
      if (!el.textContent?.trim()) continue;
      if (clips(css.overflowX) && el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)} clips its text across (${el.scrollWidth} > ${el.clientWidth} px)`);
      if (clips(css.overflowY) && el.scrollHeight > el.clientHeight + 1) problems.push(`${name(el)} clips its text down (${el.scrollHeight} > ${el.clientHeight} px)`);
    }
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  return problems;
}

/** Mounts `<tag …attrs>` (inside `wrapper`, when given) and sets `props`. */
export async function mountWidget<E extends HTMLElement>(tag: string, attrs: Record<string, string>, props: Partial<E> = {}, wrapper?: { lang: string }): Promise<E> {
  const widget = document.createElement(tag) as E;
  for (const [name, value] of Object.entries({ 'api-base': location.origin, ...attrs })) widget.setAttribute(name, value);
  Object.assign(widget, props);
  // fixtureSync: awaiting `fixture` of a plain element waits for a frame, which a background tab never paints.
  const parent = wrapper ? fixtureSync<HTMLElement>(html`<div lang=${wrapper.lang}></div>`) : fixtureSync<HTMLElement>(html`<div></div>`);
  parent.append(widget);
  await (widget as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return widget;
}

/**
 * The tests every widget passes, in a `describe('<tag>: base')` of their own: axe in pl, en and uk
 * (at the given widths), following the nearest `lang` of the page and its changes, one `[ngo]`
 * warning and a visible localized message when misconfigured, and no harm from hostile host CSS
 * (and none done to the host).
 */
export function runWidgetBaseTests<E extends HTMLElement>(tag: string, o: BaseTestOptions<E>): void {
  const shadow = (el: E) => el.shadowRoot!;
  const attrs = () => (typeof o.attrs === 'function' ? o.attrs() : (o.attrs ?? {}));
  const ready = (el: E, what: string) => waitFor(() => o.ready(el), `${tag} ${what}`);

  describe(`<${tag}>: base`, () => {
    if (o.realApi) useRealApi();
    let undo: (() => void) | void;
    beforeEach(() => {
      undo = o.setup?.();
    });
    afterEach(() => {
      undo?.();
    });

    for (const lang of ['pl', 'en', 'uk'] as const) {
      for (const width of o.widths ?? [1280]) {
        it(`is accessible in ${lang} at ${width} px`, async () => {
          await setViewport({ width, height: 900 });
          const el = await mountWidget<E>(tag, { ...attrs(), lang }, o.props);
          await ready(el, `ready in ${lang}`);
          await waitFor(() => text(shadow(el)).includes(o.texts[lang]), `“${o.texts[lang]}” in ${lang}`);
          await expect(el).to.be.accessible();
        });
      }
    }

    it('follows the nearest lang of the page, and its changes', async () => {
      await setViewport({ width: 1280, height: 900 });
      const el = await mountWidget<E>(tag, { ...attrs() }, o.props, { lang: 'uk' });
      await ready(el, 'ready');
      await waitFor(() => text(shadow(el)).includes(o.texts.uk), `the Ukrainian text “${o.texts.uk}”`);
      el.parentElement!.setAttribute('lang', 'en-GB');
      await waitFor(() => text(shadow(el)).includes(o.texts.en), `the English text “${o.texts.en}”`);
      expect(text(shadow(el))).to.not.include(o.texts.uk);
    });

    it('warns once with [ngo] and shows a localized message when misconfigured', async () => {
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
      try {
        for (const lang of ['pl', 'uk'] as const) {
          await loadLang(lang);
          const el = await mountWidget<E>(tag, { ...attrs(), ...o.misconfigured.attrs, lang }, { ...o.props, ...o.misconfigured.props } as Partial<E>);
          const alert = await waitFor(() => shadow(el).querySelector('[role="alert"]'), 'the misconfiguration message');
          expect(text(alert)).to.include(t(lang, 'misconfigured'));
          (el as unknown as { requestUpdate(): void }).requestUpdate();
          await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        }
      } finally {
        console.warn = original;
      }
      const ours = warnings.filter((w) => w.startsWith(`[ngo] <${tag}>: ${o.misconfigured.warning}`));
      expect(ours, warnings.join('\n')).to.have.length(2); // one per widget, not one per render
      expect(warnings.filter((w) => w.startsWith('[ngo]') && !ours.includes(w))).to.deep.equal([]);
    });

    it('reflows at 320 CSS px (400 % zoom, WCAG 1.4.10), with the reader’s text spacing too (1.4.12): nothing wider than the screen, no clipped text', async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await mountWidget<E>(tag, { ...attrs(), lang: 'uk' }, o.props);
      await ready(el, 'ready at 320 px');
      await waitFor(() => text(shadow(el)).includes(o.texts.uk), `“${o.texts.uk}” in uk`);
      expect(reflowProblems(el), 'at 320 px').to.deep.equal([]);
      applyTextSpacing(shadow(el));
      // Layout is read synchronously below; no animation frame, which a background test tab never gets.
      await new Promise((r) => setTimeout(r, 0));
      expect(reflowProblems(el), 'at 320 px with WCAG text spacing').to.deep.equal([]);
    });

    it('keeps its looks under hostile host CSS, and leaks none into the page', async () => {
      await setViewport({ width: 360, height: 800 });
      const probe = fixtureSync<HTMLElement>(html`<div><button type="button">probe</button><h2>probe</h2></div>`);
      const before = [getComputedStyle(probe.querySelector('button')!).backgroundColor, getComputedStyle(probe.querySelector('h2')!).fontSize];
      const style = document.createElement('style');
      style.textContent = `${tag} { font: 9px/0.5 serif; color: red; text-transform: uppercase; letter-spacing: 4px; text-align: right; }
        ${tag} * { display: none !important; } button, input, select, textarea { display: none !important; border: 5px dotted red; }`;
      document.head.append(style);
      try {
        const el = await mountWidget<E>(tag, { ...attrs() }, o.props);
        await ready(el, 'ready under hostile CSS');
        const base = shadow(el).querySelector<HTMLElement>('[part="base"]')!;
        const css = getComputedStyle(base);
        expect([css.color, css.textTransform, css.letterSpacing, css.textAlign]).to.not.include.members(['rgb(255, 0, 0)', 'uppercase', '4px', 'right']);
        expect(parseFloat(css.fontSize)).to.be.at.least(14);
        const button = shadow(el).querySelector('button');
        if (button) {
          expect(getComputedStyle(button).display).to.not.equal('none');
          expect(button.getBoundingClientRect().height).to.be.at.least(44);
        }
        expect(base.scrollWidth).to.be.at.most(360);
        style.remove();
        const after = [getComputedStyle(probe.querySelector('button')!).backgroundColor, getComputedStyle(probe.querySelector('h2')!).fontSize];
        expect(after).to.deep.equal(before);
      } finally {
        style.remove();
      }
    });
  });
}
