import { nothing, type TemplateResult } from 'lit';
import { html, type StaticValue } from 'lit/static-html.js';
import { ApiError } from '../core/api.js';
import type { Lang } from '../core/i18n/index.js';
import { urlWith } from '../core/url-state.js';
import { tg } from './guide.i18n.js';

/*
 * What the guide's views share: which view is open and its URL, and the pieces every view renders
 * (links to other views, breadcrumbs, the loading and failure states, print links). The element
 * makes one `GuideUi` per render; the views (guide.home.ts, guide.article.ts, guide.journey.ts)
 * are templates of its shadow root.
 */

/** What the widget shows; each view has its URL (`sync-url`). */
export type View =
  | { kind: 'home' }
  | { kind: 'article'; slug: string; at: string }
  | { kind: 'journey'; slug: string; answers: number[] }
  | { kind: 'search'; q: string };

export const URL_PREFIX = 'ngo-guide-';
export const URL_KEYS = ['article', 'at', 'journey', 'answers', 'q'] as const;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The view in the URL's values (`ngo-guide-article`, …), or null for the default view. */
export function viewOfUrl(u: Partial<Record<(typeof URL_KEYS)[number], string>>): View | null {
  const answers = (u.answers ?? '').split('.').filter((s) => /^\d+$/.test(s)).map(Number);
  if (u.article) return { kind: 'article', slug: u.article, at: u.at && DAY_RE.test(u.at) ? u.at : '' };
  if (u.journey) return { kind: 'journey', slug: u.journey, answers };
  if (u.q) return { kind: 'search', q: u.q };
  return null;
}

/** A view as the URL's values. */
export function urlValues(v: View): Record<(typeof URL_KEYS)[number], string> {
  return {
    article: v.kind === 'article' ? v.slug : '',
    at: v.kind === 'article' ? v.at : '',
    journey: v.kind === 'journey' ? v.slug : '',
    answers: v.kind === 'journey' ? v.answers.join('.') : '',
    q: v.kind === 'search' ? v.q : '',
  };
}

/** The link to a view: this page with the view in its URL, so a new tab or a bookmark opens it. */
export function hrefOf(v: View): string {
  const url = urlWith(URL_PREFIX, urlValues(v));
  return url.pathname + url.search + url.hash;
}

export const articleView = (slug: string, at = ''): View => ({ kind: 'article', slug, at });
export const journeyView = (slug: string, answers: number[] = []): View => ({ kind: 'journey', slug, answers });

/** What every view renders with. */
export interface GuideUi {
  lang: Lang;
  t(key: Parameters<typeof tg>[1], vars?: Record<string, string | number>): string;
  /** A link that opens `v` in the widget (and is a real link for a new tab); `name` goes into `ngo-select`. */
  link(v: View, label: TemplateResult | string, o?: { lang?: Lang; name?: string }): TemplateResult;
  /** Opens a view: a new history entry, the focus on `focus` (its heading by default). */
  go(v: View, o?: { push?: boolean; focus?: string }): void;
  /** Focuses `selector` after the next render that shows it. */
  focus(selector: string): void;
  /** The API's printable and DOCX exports. */
  exportHref(o: { chapter?: string; format?: 'docx' }): string;
  /** The kind of the open view (a failure offers a way home from elsewhere). */
  kind: View['kind'];
  /** The heading tag `depth` steps below the view's title (`heading-level`; the title is depth 0). */
  h(depth: number): StaticValue;
  /** The level of the view's title (`heading-level`, default 2). */
  titleLevel: number;
  /** `no-heading`: the contents leave out the guide's own title (the host's heading names it). */
  noHeading: boolean;
}

/**
 * The article body's headings (the API makes them `h3` and below, under an `h2` title) moved to
 * follow the widget's `heading-level`. The body is the API's rendered Markdown, in which a `<`
 * of the text is always escaped, so every `<hN` is a tag.
 */
export function shiftHeadings(body: string, titleLevel: number): string {
  const by = titleLevel - 2;
  return by === 0 ? body : body.replace(/<(\/?)h([1-6])(?=[\s>])/g, (_m, slash: string, n: string) => `<${slash}h${Math.min(6, Math.max(1, Number(n) + by))}`);
}

/** A text in its own language (`lang` set when it is not the widget's). */
export function textIn(ui: GuideUi, x: { text: string; lang: Lang }): TemplateResult {
  return html`<span lang=${x.lang !== ui.lang ? x.lang : nothing}>${x.text}</span>`;
}

export function loading(ui: GuideUi): TemplateResult {
  return html`<p class="loading" role="status">${ui.t('loading')}</p>`;
}

/** A failed load: what went wrong, Retry, and the way home. */
export function failure(ui: GuideUi, err: unknown, retry: () => void): TemplateResult {
  return html`<div class="ngo-error" role="alert">
    <p>${tg.error(ui.lang, err instanceof ApiError ? err : { code: 'network_error' })}</p>
    <button type="button" class="ngo-secondary" @click=${retry}>${ui.t('retry')}</button>
    ${ui.kind === 'home' ? nothing : html`<p>${ui.link({ kind: 'home' }, ui.t('guide.back_home'))}</p>`}
  </div>`;
}

export function crumbs(ui: GuideUi, ...trail: (TemplateResult | string)[]): TemplateResult {
  return html`<nav class="crumbs no-print" aria-label=${ui.t('guide.breadcrumbs')}>
    <ol>
      <li>${ui.link({ kind: 'home' }, ui.t('guide.home'))}</li>
      ${trail.map((x, i) => html`<li aria-current=${i === trail.length - 1 ? 'page' : nothing}>${x}</li>`)}
    </ol>
  </nav>`;
}

/** The view's heading, focused when a view opens (`#view-title`). */
export function viewTitle(ui: GuideUi, text: TemplateResult | string, lang?: Lang | typeof nothing): TemplateResult {
  return html`<${ui.h(0)} id="view-title" class="title" tabindex="-1" lang=${lang ?? nothing}>${text}</${ui.h(0)}>`;
}

export function printLinks(ui: GuideUi, chapter?: string): TemplateResult {
  return html`<ul class="print-links no-print">
    ${chapter ? html`<li><a href=${ui.exportHref({ chapter })} target="_blank" rel="noopener">${ui.t('guide.print_chapter')}</a></li>` : nothing}
    <li><a href=${ui.exportHref({})} target="_blank" rel="noopener">${ui.t('guide.print_all')}</a></li>
    <li><a href=${ui.exportHref({ format: 'docx' })} download>${ui.t('guide.docx')}</a></li>
  </ul>`;
}
