import { html, LitElement, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { loadLang, normaliseLang, t, type Lang } from './i18n/index.js';
import { TRANSLATIONS_LOADED } from './i18n/lazy.js';
import { theme } from './theme.js';

/**
 * The API origin and path, derived from where the widget code was loaded: built chunks live at
 * `{base}/widgets/chunks/*.js` (and this file at `{base}/widgets/core/*.ts` in tests), two levels down.
 */
export const DEFAULT_API_BASE = new URL('../../', import.meta.url).href.replace(/\/+$/, '');

/** The language of `el`: its own `lang`, else the nearest `[lang]` above it (across shadow roots), else `pl`. */
export function resolveLang(el: Element): Lang {
  let node: Element | null = el;
  while (node) {
    const found = node.closest('[lang]:not([lang=""])');
    if (found) return normaliseLang(found.getAttribute('lang'));
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return 'pl';
}

const live = new Set<NgoElement>();

/** `h1`…`h6` as static tags, for templates made with `html` from `lit/static-html.js`. */
const HEADING_TAGS = [1, 2, 3, 4, 5, 6].map((n) => unsafeStatic(`h${n}`));
/** The level of a widget's top heading when the host does not set `heading-level`. */
export const DEFAULT_HEADING_LEVEL = 2;
let langObserver: MutationObserver | undefined;

/**
 * Base class of every widget: language resolution, the API base and misconfiguration warnings.
 * Subclasses add `theme` to their styles (it is the default).
 *
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` in the page applies.
 * @attr api-base - Origin (and path) of the API, e.g. `https://ngo.krakow.pl`. Defaults to where the widgets were loaded from.
 * @attr heading-level - Level of the widget's top heading, 1–6 (default 2); the headings below it follow (a host page whose section is an `h3` sets 4).
 * @attr no-heading - Leave out the widget's own title heading (the host page's heading already says it); the headings below keep their levels.
 */
export class NgoElement extends LitElement {
  static override styles = [theme];

  // `static properties` rather than decorators: esbuild's decorator helpers would be repeated in every module.
  static override properties: PropertyDeclarations = {
    langAttribute: { attribute: 'lang' },
    apiBase: { attribute: 'api-base' },
    headingLevel: { attribute: 'heading-level' },
    noHeading: { type: Boolean, attribute: 'no-heading' },
  };

  /** Mirrors the native `lang` attribute so that changing it re-renders; read `locale` for the resolved language. */
  declare private langAttribute: string | null;

  /** Origin (and path) of the API, e.g. `https://ngo.krakow.pl`. */
  declare apiBase: string;
  /** Level of the top heading as the host set it (`heading-level`); read `headingTag()`. */
  declare headingLevel: string | null;
  /** Leave out the widget's own title heading (`no-heading`). */
  declare noHeading: boolean;

  constructor() {
    super();
    this.apiBase = DEFAULT_API_BASE;
    this.headingLevel = null;
    this.noHeading = false;
  }

  /** The level of a heading `depth` steps below the widget's top heading (1–6; deeper ones stay at 6). */
  headingLevelAt(depth: number): number {
    const top = Number(this.headingLevel);
    const base = Number.isInteger(top) && top >= 1 && top <= 6 ? top : DEFAULT_HEADING_LEVEL;
    return Math.min(6, base + depth);
  }

  /**
   * The tag of a heading `depth` steps below the widget's top heading, for a template made with
   * `html` from `lit/static-html.js`: `<${this.headingTag(1)} id="x">…</${this.headingTag(1)}>`.
   */
  headingTag(depth: number): StaticValue {
    return HEADING_TAGS[this.headingLevelAt(depth) - 1]!;
  }

  private warned = new Set<string>();

  /** The resolved language: `pl`, `en` or `uk`. */
  get locale(): Lang {
    return resolveLang(this);
  }

  /** `apiBase` without a trailing slash, falling back to the default when empty. */
  protected get api(): string {
    return (this.apiBase || DEFAULT_API_BASE).replace(/\/+$/, '');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    live.add(this);
    // One observer for all widgets: a change of any ancestor's lang re-renders them.
    if (!langObserver && typeof MutationObserver !== 'undefined') {
      langObserver = new MutationObserver(() => live.forEach((el) => el.requestUpdate()));
      globalThis.addEventListener?.(TRANSLATIONS_LOADED, () => live.forEach((el) => el.requestUpdate()));
      langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  /** The widget's own lazily loaded dictionaries (`createLazyTranslator`), awaited before each render. */
  protected static translators: readonly { load(lang: Lang): Promise<void> | undefined }[] = [];

  /** Loads the core and widget dictionaries of the resolved language (small chunks) before rendering with them. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const lang = this.locale;
    const pending = [loadLang(lang), ...(this.constructor as typeof NgoElement).translators.map((tr) => tr.load(lang))].filter(Boolean);
    return pending.length ? Promise.all(pending).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    live.delete(this);
  }

  /** The language of the last render. */
  private renderedLang: Lang | undefined;

  /**
   * When this widget renders in another language, the widgets inside its shadow root follow: they
   * find their language there (e.g. the staff panel's sections), where the page's lang observer
   * does not look.
   */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const lang = this.locale;
    if (this.renderedLang !== undefined && lang !== this.renderedLang) for (const el of live) if (el !== this && this.renderRoot.contains(el)) el.requestUpdate();
    this.renderedLang = lang;
  }

  /**
   * Reports a misconfiguration: one `[ngo]` console warning per message, and a visible localized
   * notice to render in its place: `if (!this.surveyId) return this.warnMisconfig('survey-id is missing');`
   */
  protected warnMisconfig(message: string, detail?: string): TemplateResult {
    if (!this.warned.has(message)) {
      this.warned.add(message);
      console.warn(`[ngo] <${this.localName}>: ${message}`);
    }
    return html`<div class="ngo-root" part="base" lang=${this.locale}><p class="ngo-error" role="alert">${t(this.locale, 'misconfigured')}${detail ? html` ${detail}` : ''}</p></div>`;
  }
}
