import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
// unsafeHTML serves one sink, the article body, whose HTML the API makes: renderMarkdown in
// api/guide/guide.rules.ts (markdown-it with html off, then a sanitize-html allow-list, links only
// http, https, mailto and tel), tested in guide.rules.test.ts and tests/e2e/guide.e2e.ts.
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ADVICE_TOPICS, followAnswers } from '../../common/guide.js';
import { renderDiffFields } from './guide.diff.js';
import { ApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { theme } from '../core/theme.js';
import { NgoSelectEvent } from '../core/events.js';
import { formatDate, type Lang } from '../core/i18n/index.js';
import { formStyles } from '../core/forms.js';
import { formError, honeypot } from '../core/public-form.js';
import { SubmitController } from '../core/submit.js';
import { onUrlState, readUrlState, writeUrlState } from '../core/url-state.js';
import { exportUrl, feedbackPath, getArticle, getDiff, getJourney, getTree, getVersions, search, type GuideArticle, type GuideDiff, type GuideJourney, type GuideLink, type GuideTree, type SearchResult } from './guide.api.js';
import { tg, type GuideKey } from './guide.i18n.js';
import { articleBodyStyles, guideStyles } from './guide.styles.js';

/** What the widget shows; each view has its URL (`sync-url`). */
type View =
  | { kind: 'home' }
  | { kind: 'article'; slug: string; at: string }
  | { kind: 'journey'; slug: string; answers: number[] }
  | { kind: 'search'; q: string };

const URL_PREFIX = 'ngo-guide-';
const URL_KEYS = ['article', 'at', 'journey', 'answers', 'q'] as const;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const SEARCH_DELAY_MS = 300;

type Smart = Extract<GuideJourney, { kind: 'smart' }>;
type Steps = Extract<GuideJourney, { kind: 'steps' }>;

/**
 * The online guide to the rules of cooperation with the City: the tree of chapters and articles,
 * search in the person's own words (no Polish letters needed), articles as in force today or on
 * another day with their versions and what changed, the easy-to-read text, step-by-steps and
 * smart answers (short decision trees), and print. Every view has a URL with `sync-url`.
 *
 * @attr article - Open this article (its slug) instead of the contents.
 * @attr tag - Show only articles and journeys with this tag (an area of activity or an advice topic).
 * @attr topic - Like `tag`, for one of the advisory point's topics (`prawo`, `podatki-ksiegowosc`, …).
 * @attr no-search - Hide the search box.
 * @attr sync-url - Keep the view in the page URL (`?ngo-guide-article=male-granty`), so links, reloads and Back work.
 * @attr advice-url - The page with the advice form; articles link there with `?ngo-advice-topic=<topic>`.
 * @attr events-url - The page with the event calendar; articles link there with `?ngo-events-q=<words>`.
 * @attr consultations-url - The page with the open consultations.
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` in the page applies.
 * @attr api-base - Origin of the API; defaults to where the widgets were loaded from.
 *
 * @fires ngo-select - An article or a journey was opened: `{ id: slug, name: title }`.
 * @fires ngo-submit - Before "was this helpful?" is sent (cancelable).
 * @fires ngo-submitted - After it was received.
 * @fires ngo-error - When it failed.
 *
 * @csspart base - The widget's root.
 * @csspart search - The search form.
 * @csspart article - The article being read.
 *
 * @cssprop --ngo-color-accent - Links and buttons.
 * @cssprop --ngo-guide-callout-bg - Background of deadline and warning boxes.
 */
export class NgoGuide extends NgoElement {
  static override styles = [theme, formStyles, articleBodyStyles, guideStyles];
  protected static override translators = [tg];

  static override properties: PropertyDeclarations = {
    ...NgoElement.properties,
    article: {},
    tag: {},
    topic: {},
    noSearch: { type: Boolean, attribute: 'no-search' },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    adviceUrl: { attribute: 'advice-url' },
    eventsUrl: { attribute: 'events-url' },
    consultationsUrl: { attribute: 'consultations-url' },
    view: { state: true },
    typed: { state: true },
    easy: { state: true },
    showDiff: { state: true },
    pendingAnswer: { state: true },
    answerError: { state: true },
    feedback: { state: true },
    message: { state: true },
  };

  declare article: string;
  declare tag: string;
  declare topic: string;
  declare noSearch: boolean;
  declare syncUrl: boolean;
  declare adviceUrl: string;
  declare eventsUrl: string;
  declare consultationsUrl: string;
  declare private view: View;
  declare private typed: string;
  declare private easy: boolean;
  declare private showDiff: boolean;
  declare private pendingAnswer: number | null;
  declare private answerError: boolean;
  declare private feedback: { helpful: boolean | null; comment: string; sent: boolean; error?: string };
  declare private message: string;

  private started = false;
  private stopUrl?: () => void;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private focusNext: string | null = null;
  private readonly submit = new SubmitController(this, () => this.api);

  constructor() {
    super();
    this.article = this.tag = this.topic = this.adviceUrl = this.eventsUrl = this.consultationsUrl = '';
    this.noSearch = this.syncUrl = false;
    this.view = { kind: 'home' };
    this.typed = '';
    this.easy = this.showDiff = this.answerError = false;
    this.pendingAnswer = null;
    this.feedback = { helpful: null, comment: '', sent: false };
    this.message = '';
  }

  private get filterTag(): string {
    return this.topic || this.tag;
  }

  private readonly tree = new Task(this, {
    args: () => [this.api, this.locale, this.filterTag] as const,
    task: ([api, lang, tag], { signal }) => getTree(api, lang, tag, signal),
  });

  private readonly articleTask = new Task(this, {
    args: () => [this.api, this.view.kind === 'article' ? this.view.slug : '', this.view.kind === 'article' ? this.view.at : '', this.locale] as const,
    task: ([api, slug, at, lang], { signal }) => (slug ? getArticle(api, slug, lang, at, signal) : Promise.resolve(null)),
  });

  private readonly versionsTask = new Task(this, {
    args: () => [this.api, this.view.kind === 'article' ? this.view.slug : '', this.locale] as const,
    task: ([api, slug, lang], { signal }) => (slug ? getVersions(api, slug, lang, signal) : Promise.resolve(null)),
  });

  private readonly diffTask = new Task(this, {
    args: () => [this.api, this.showDiff ? (this.articleTask.value?.slug ?? '') : '', this.articleTask.value?.versionId ?? '', JSON.stringify(this.versionsTask.value?.items.map((v) => v.id) ?? []), this.locale] as const,
    task: ([api, slug, to, , lang], { signal }) => {
      const from = slug ? this.previousVersion(to) : undefined;
      return slug && from ? getDiff(api, slug, from, to, lang, signal) : Promise.resolve(null);
    },
  });

  private readonly results = new Task(this, {
    args: () => [this.api, this.view.kind === 'search' ? this.view.q : '', this.locale] as const,
    task: async ([api, q, lang], { signal }) => {
      if (!q) return null;
      const r = await search(api, q, lang, signal);
      this.message = r.items.length ? tg(lang, 'guide.search.results', { count: r.items.length, q }) : tg(lang, 'guide.search.none', { q });
      return r;
    },
  });

  private readonly journey = new Task(this, {
    args: () => [this.api, this.view.kind === 'journey' ? this.view.slug : '', this.locale] as const,
    task: ([api, slug, lang], { signal }) => (slug ? getJourney(api, slug, lang, signal) : Promise.resolve(null)),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) this.stopUrl = onUrlState(() => this.readUrl());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopUrl?.();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.started) {
      this.started = true;
      if (this.article) this.view = { kind: 'article', slug: this.article, at: '' };
      if (this.syncUrl) this.readUrl();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusNext) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusNext);
      if (target) {
        target.focus();
        this.focusNext = null;
      }
    }
  }

  // ---- the URL -----------------------------------------------------------------------------------

  private readUrl() {
    const u = readUrlState(URL_PREFIX, URL_KEYS);
    const answers = (u.answers ?? '').split('.').filter((s) => /^\d+$/.test(s)).map(Number);
    if (u.article) this.view = { kind: 'article', slug: u.article, at: u.at && DAY_RE.test(u.at) ? u.at : '' };
    else if (u.journey) this.view = { kind: 'journey', slug: u.journey, answers };
    else if (u.q) this.view = { kind: 'search', q: u.q };
    else this.view = this.article ? { kind: 'article', slug: this.article, at: '' } : { kind: 'home' };
    this.typed = this.view.kind === 'search' ? this.view.q : '';
    this.resetViewState();
  }

  private urlValues(v: View): Record<(typeof URL_KEYS)[number], string> {
    return {
      article: v.kind === 'article' ? v.slug : '',
      at: v.kind === 'article' ? v.at : '',
      journey: v.kind === 'journey' ? v.slug : '',
      answers: v.kind === 'journey' ? v.answers.join('.') : '',
      q: v.kind === 'search' ? v.q : '',
    };
  }

  /** The link to a view: this page with the view in its URL, so a new tab or a bookmark opens it. */
  private hrefOf(v: View): string {
    const url = new URL(location.href);
    for (const [k, value] of Object.entries(this.urlValues(v))) {
      if (value) url.searchParams.set(URL_PREFIX + k, value);
      else url.searchParams.delete(URL_PREFIX + k);
    }
    return url.pathname + url.search + url.hash;
  }

  private resetViewState() {
    this.showDiff = false;
    this.easy = false;
    this.pendingAnswer = null;
    this.answerError = false;
    this.feedback = { helpful: null, comment: '', sent: false };
    this.submit.reset();
  }

  /** Opens a view: a new history entry (Back returns), the focus on its heading. */
  private go(v: View, o: { push?: boolean; focus?: string } = {}) {
    this.view = v;
    this.resetViewState();
    if (v.kind !== 'search') this.typed = '';
    if (this.syncUrl) writeUrlState(URL_PREFIX, this.urlValues(v), { push: o.push ?? true });
    this.focusNext = o.focus ?? '#view-title';
  }

  private link(v: View, label: TemplateResult | string, o: { lang?: Lang; name?: string } = {}) {
    return html`<a
      href=${this.hrefOf(v)}
      lang=${o.lang && o.lang !== this.locale ? o.lang : nothing}
      @click=${(e: MouseEvent) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        this.go(v);
        if (v.kind === 'article' || v.kind === 'journey') this.dispatchEvent(new NgoSelectEvent({ id: v.slug, name: o.name ?? '' }));
      }}
      >${label}</a
    >`;
  }

  // ---- actions -----------------------------------------------------------------------------------

  private onType(value: string) {
    this.typed = value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.runSearch(false), SEARCH_DELAY_MS);
  }

  private runSearch(fromSubmit: boolean) {
    clearTimeout(this.searchTimer);
    const q = this.typed.trim();
    if (!q) {
      if (this.view.kind === 'search') this.go({ kind: 'home' }, { push: false, focus: fromSubmit ? '#view-title' : '#q' });
      return;
    }
    // Typing refines the same search: one history entry for it, replaced as the words change.
    const push = this.view.kind !== 'search';
    this.view = { kind: 'search', q };
    if (this.syncUrl) writeUrlState(URL_PREFIX, this.urlValues(this.view), { push });
    if (fromSubmit) this.focusNext = '#view-title';
  }

  private onBodyClick(e: MouseEvent) {
    const a = (e.target as Element).closest?.('a[data-guide-article]');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    this.go({ kind: 'article', slug: a.getAttribute('data-guide-article')!, at: '' });
  }

  private previousVersion(versionId: string): string | undefined {
    const items = this.versionsTask.value?.items ?? [];
    const i = items.findIndex((v) => v.id === versionId);
    return i >= 0 ? items[i + 1]?.id : undefined;
  }

  private answer(smart: Smart, answers: number[]) {
    if (this.pendingAnswer === null) {
      this.answerError = true;
      this.focusNext = 'input[name="answer"]';
      return;
    }
    const next = [...answers, this.pendingAnswer];
    const route = followAnswers(smart, next);
    const node = smart.nodes[route.at(-1)!];
    this.go({ kind: 'journey', slug: smart.slug, answers: next }, { focus: node?.kind === 'outcome' ? '#outcome-title' : '#question-title' });
  }

  private sendFeedback(a: GuideArticle) {
    const lang = this.locale;
    if (this.feedback.helpful === null) return;
    void this.submit.send(
      { detail: { kind: 'feedback' }, path: feedbackPath(a.slug), body: { helpful: this.feedback.helpful, comment: this.feedback.comment.trim() || undefined, lang } },
      (outcome) => {
        if (outcome.ok) {
          this.feedback = { ...this.feedback, sent: true, error: undefined };
          this.message = tg(lang, 'guide.feedback.thanks');
        } else if (outcome.reason !== 'canceled') {
          this.feedback = { ...this.feedback, error: tg.error(lang, outcome.error) };
          this.focusNext = '#feedback-error';
        }
      },
    );
  }

  // ---- rendering ---------------------------------------------------------------------------------

  override render() {
    const lang = this.locale;
    if (this.topic && !Object.hasOwn(ADVICE_TOPICS, this.topic)) return this.warnMisconfig(`topic="${this.topic}" is not an advice topic (${Object.keys(ADVICE_TOPICS).join(', ')})`);
    if (this.tag && this.tree.error instanceof ApiError && this.tree.error.code === 'validation_failed') return this.warnMisconfig(`tag="${this.tag}" is not an area of activity or an advice topic`);
    const t = (k: GuideKey, vars?: Record<string, string | number>) => tg(lang, k, vars);
    return html`<section class="ngo-root" part="base" aria-label=${t('guide.region')}>
      ${this.noSearch ? nothing : this.renderSearch(lang)}
      <div class="view">${this.renderView(lang)}</div>
      <div class="ngo-sr" role="status" aria-live="polite">${this.message}</div>
    </section>`;
  }

  private renderSearch(lang: Lang) {
    const t = (k: GuideKey) => tg(lang, k);
    return html`<form class="search no-print" part="search" role="search" @submit=${(e: Event) => (e.preventDefault(), this.runSearch(true))}>
      <label class="ngo-label" for="q">${t('guide.search.label')}</label>
      <p class="hint" id="q-hint">${t('guide.search.hint')}</p>
      <div class="search-row">
        <input id="q" type="search" autocomplete="off" maxlength="100" aria-describedby="q-hint" .value=${this.typed} @input=${(e: Event) => this.onType((e.target as HTMLInputElement).value)} />
        <button type="submit">${t('guide.search.submit')}</button>
      </div>
    </form>`;
  }

  private renderView(lang: Lang): TemplateResult {
    switch (this.view.kind) {
      case 'article':
        return this.renderArticle(lang);
      case 'journey':
        return this.renderJourney(lang, this.view.answers);
      case 'search':
        return this.renderResults(lang, this.view.q);
      default:
        return this.renderHome(lang);
    }
  }

  private loading(lang: Lang) {
    return html`<p class="loading" role="status">${tg(lang, 'loading')}</p>`;
  }

  private failure(lang: Lang, err: unknown, retry: () => void) {
    return html`<div class="ngo-error" role="alert">
      <p>${tg.error(lang, err instanceof ApiError ? err : { code: 'network_error' })}</p>
      <button type="button" class="ngo-secondary" @click=${retry}>${tg(lang, 'retry')}</button>
      ${this.view.kind === 'home' ? nothing : html`<p>${this.link({ kind: 'home' }, tg(lang, 'guide.back_home'))}</p>`}
    </div>`;
  }

  private crumbs(lang: Lang, ...trail: (TemplateResult | string)[]) {
    return html`<nav class="crumbs no-print" aria-label=${tg(lang, 'guide.breadcrumbs')}>
      <ol>
        <li>${this.link({ kind: 'home' }, tg(lang, 'guide.home'))}</li>
        ${trail.map((x, i) => html`<li aria-current=${i === trail.length - 1 ? 'page' : nothing}>${x}</li>`)}
      </ol>
    </nav>`;
  }

  private printLinks(lang: Lang, chapter?: string) {
    const t = (k: GuideKey) => tg(lang, k);
    return html`<ul class="print-links no-print">
      ${chapter ? html`<li><a href=${exportUrl(this.api, { lang, chapter })} target="_blank" rel="noopener">${t('guide.print_chapter')}</a></li>` : nothing}
      <li><a href=${exportUrl(this.api, { lang })} target="_blank" rel="noopener">${t('guide.print_all')}</a></li>
      <li><a href=${exportUrl(this.api, { lang, format: 'docx' })} download>${t('guide.docx')}</a></li>
    </ul>`;
  }

  // ---- home: journeys and the tree ---------------------------------------------------------------

  private renderHome(lang: Lang) {
    const t = (k: GuideKey) => tg(lang, k);
    return html`<h2 id="view-title" class="title" tabindex="-1">${t('guide.title')}</h2>
      <p class="intro">${t('guide.intro')}</p>
      ${this.tree.render({
        pending: () => this.loading(lang),
        error: (e) => this.failure(lang, e, () => void this.tree.run()),
        complete: (tree) => this.renderTree(lang, tree),
      })}`;
  }

  private renderTree(lang: Lang, tree: GuideTree) {
    const t = (k: GuideKey) => tg(lang, k);
    const tops = tree.chapters.filter((c) => !c.parentId || !tree.chapters.some((p) => p.id === c.parentId));
    const children = (id: string) => tree.chapters.filter((c) => c.parentId === id);
    const chapter = (c: GuideTree['chapters'][number], level: 3 | 4): TemplateResult => html`<section class="chapter" aria-labelledby="ch-${c.slug}">
      ${level === 3 ? html`<h3 id="ch-${c.slug}" lang=${c.lang !== lang ? c.lang : nothing}>${c.title}</h3>` : html`<h4 id="ch-${c.slug}" lang=${c.lang !== lang ? c.lang : nothing}>${c.title}</h4>`}
      <ul class="articles">
        ${c.articles.map(
          (a) => html`<li>
            ${this.link({ kind: 'article', slug: a.slug, at: '' }, a.title, { lang: a.lang, name: a.title })}
            <p class="summary" lang=${a.lang !== lang ? a.lang : nothing}>${a.summary}</p>
          </li>`,
        )}
      </ul>
      ${children(c.id).map((s) => chapter(s, 4))}
      <p class="no-print"><a href=${exportUrl(this.api, { lang, chapter: c.slug })} target="_blank" rel="noopener">${t('guide.print_chapter')}<span class="ngo-sr">: ${c.title}</span></a></p>
    </section>`;
    const empty = !tree.journeys.length && !tree.chapters.some((c) => c.articles.length);
    return html`${tree.journeys.length
        ? html`<section class="journeys" aria-labelledby="journeys-title">
            <h3 id="journeys-title">${t('guide.journeys')}</h3>
            <ul class="cards">
              ${tree.journeys.map(
                (j) => html`<li class="card">
                  <span class="kind">${t(j.kind === 'smart' ? 'guide.kind.smart' : 'guide.kind.steps')}</span>
                  ${this.link({ kind: 'journey', slug: j.slug, answers: [] }, j.title, { lang: j.lang, name: j.title })}
                  <p class="summary">${j.summary}</p>
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}
      ${empty ? html`<p>${t('guide.empty_tag')}</p>` : html`<h3 class="contents-title">${t('guide.chapters')}</h3>${tops.filter((c) => c.articles.length || children(c.id).length).map((c) => chapter(c, 3))}`}
      ${this.printLinks(lang)}`;
  }

  // ---- search ------------------------------------------------------------------------------------

  private renderResults(lang: Lang, q: string) {
    const t = (k: GuideKey, vars?: Record<string, string | number>) => tg(lang, k, vars);
    // One heading for every state, so the focus it gets stays when the results arrive.
    const r = this.results.value;
    const heading = r && r.q === q ? (r.items.length ? t('guide.search.results', { count: r.items.length, q }) : t('guide.search.none', { q })) : t('guide.search.label');
    return html`${this.crumbs(lang, q)}
      <h2 id="view-title" class="title" tabindex="-1">${heading}</h2>
      ${this.results.render({
        pending: () => this.loading(lang),
        error: (e) => this.failure(lang, e, () => void this.results.run()),
        complete: (r: SearchResult | null) =>
          !r
            ? nothing
            : html`<ol class="results">
                  ${r.items.map(
                    (hit) => html`<li>
                      <span class="kind">${t(hit.kind === 'article' ? 'guide.kind.article' : hit.kind === 'smart' ? 'guide.kind.smart' : 'guide.kind.steps')}</span>
                      ${this.link(hit.kind === 'article' ? { kind: 'article', slug: hit.slug, at: '' } : { kind: 'journey', slug: hit.slug, answers: [] }, hit.title, { lang: hit.lang, name: hit.title })}
                      <p class="snippet">${hit.snippet.map((p) => (p.mark ? html`<mark>${p.text}</mark>` : p.text))}</p>
                    </li>`,
                  )}
                </ol>
                <p>${this.link({ kind: 'home' }, t('guide.back_home'))}</p>`,
      })}`;
  }

  // ---- an article --------------------------------------------------------------------------------

  private renderArticle(lang: Lang) {
    return this.articleTask.render({
      pending: () => this.loading(lang),
      error: (e) => html`${this.crumbs(lang, tg(lang, 'guide.unknown_article'))}<h2 id="view-title" class="title" tabindex="-1">${tg(lang, 'guide.unknown_article')}</h2>${this.failure(lang, e, () => void this.articleTask.run())}`,
      complete: (a) => (a ? this.renderArticleBody(lang, a) : nothing),
    }) as TemplateResult;
  }

  private renderArticleBody(lang: Lang, a: GuideArticle) {
    const t = (k: GuideKey, vars?: Record<string, string | number>) => tg(lang, k, vars);
    const day = (d: string) => formatDate(lang, `${d}T12:00:00`);
    const own = a.lang !== lang ? a.lang : nothing;
    const versions = this.versionsTask.value?.items ?? [];
    const previous = this.previousVersion(a.versionId);
    return html`${this.crumbs(lang, html`<span lang=${own}>${a.chapter.title}</span>`, html`<span lang=${own}>${a.title}</span>`)}
      <article part="article" class="article">
        <h2 id="view-title" class="title" tabindex="-1" lang=${own}>${a.title}</h2>
        ${a.fallback ? html`<p class="note" role="note">${t('guide.fallback')}</p>` : nothing}
        <p class="dates">
          <span class="in-force">${a.inForceUntil ? t('guide.in_force_until', { from: day(a.inForceFrom), until: day(a.inForceUntil) }) : t('guide.in_force', { from: day(a.inForceFrom) })}</span>
          ${a.reviewedOn ? html`<span class="reviewed">${t('guide.reviewed', { date: day(a.reviewedOn) })}</span>` : nothing}
        </p>
        ${a.current
          ? nothing
          : html`<p class="note" role="note">${t('guide.not_current', { date: day(a.at) })} ${this.link({ kind: 'article', slug: a.slug, at: '' }, t('guide.show_current'))}</p>`}
        <p class="lead" lang=${own}>${a.summary}</p>
        ${a.easyHtml
          ? html`<button type="button" class="ngo-secondary easy no-print" aria-pressed=${this.easy ? 'true' : 'false'} @click=${() => (this.easy = !this.easy)}>${t('guide.easy')}</button>`
          : nothing}
        <div class="body" lang=${own} @click=${this.onBodyClick}>${unsafeHTML(this.easy && a.easyHtml ? a.easyHtml : a.html)}</div>
        ${this.renderVersions(lang, a, versions, previous)}
        ${a.related.length
          ? html`<section class="related no-print" aria-labelledby="related-title">
              <h3 id="related-title">${t('guide.related')}</h3>
              <ul>${a.related.map((r) => html`<li>${this.link({ kind: 'article', slug: r.slug, at: '' }, r.title, { lang: r.lang, name: r.title })}</li>`)}</ul>
            </section>`
          : nothing}
        ${this.renderLinks(lang, a.links)}
        <div class="tools no-print">
          <button type="button" class="ngo-secondary" @click=${() => window.print()}>${t('guide.print')}</button>
          ${this.printLinks(lang, a.chapter.slug)}
        </div>
        ${this.renderFeedback(lang, a)}
      </article>`;
  }

  private renderVersions(lang: Lang, a: GuideArticle, versions: NonNullable<typeof this.versionsTask.value>['items'], previous: string | undefined) {
    if (versions.length < 2) return nothing;
    const t = (k: GuideKey, vars?: Record<string, string | number>) => tg(lang, k, vars);
    const day = (d: string) => formatDate(lang, `${d}T12:00:00`);
    const open = (e: Event) => {
      e.preventDefault();
      const id = (this.renderRoot.querySelector('#version') as HTMLSelectElement).value;
      const v = versions.find((x) => x.id === id);
      if (v) this.go({ kind: 'article', slug: a.slug, at: v.inForceToday ? '' : v.inForceFrom });
    };
    return html`<section class="versions no-print" aria-labelledby="versions-title">
      <h3 id="versions-title">${t('guide.versions')}</h3>
      <form class="version-pick" @submit=${open}>
        <label class="ngo-sr" for="version">${t('guide.versions')}</label>
        <select id="version">
          ${versions.map((v) => html`<option value=${v.id} ?selected=${v.id === a.versionId}>${t(v.inForceToday ? 'guide.version_today' : 'guide.version_option', { from: day(v.inForceFrom) })}</option>`)}
        </select>
        <button type="submit" class="ngo-secondary">${t('guide.open_version')}</button>
      </form>
      ${previous
        ? html`<button type="button" class="ngo-secondary" aria-expanded=${this.showDiff ? 'true' : 'false'} aria-controls="diff" @click=${() => (this.showDiff = !this.showDiff)}>
            ${t(this.showDiff ? 'guide.compare_hide' : 'guide.compare')}
          </button>`
        : nothing}
      <div id="diff" ?hidden=${!this.showDiff}>
        ${this.showDiff
          ? this.diffTask.render({
              pending: () => this.loading(lang),
              error: (e) => this.failure(lang, e, () => void this.diffTask.run()),
              complete: (d) => (d ? this.renderDiff(lang, d) : nothing),
            })
          : nothing}
      </div>
    </section>`;
  }

  private renderDiff(lang: Lang, d: GuideDiff) {
    const t = (k: GuideKey, vars?: Record<string, string | number>) => tg(lang, k, vars);
    const day = (s: string) => formatDate(lang, `${s}T12:00:00`);
    return html`<h4>${t('guide.diff.title', { from: day(d.from.inForceFrom), to: day(d.to.inForceFrom) })}</h4>
      ${renderDiffFields(d, lang, {
        field: { title: t('guide.field.title'), summary: t('guide.field.summary'), body: t('guide.field.body'), easy: t('guide.field.easy') },
        added: t('guide.diff.added'),
        removed: t('guide.diff.removed'),
        none: t('guide.diff.none'),
      })}`;
  }

  private renderLinks(lang: Lang, links: GuideLink[]) {
    const t = (k: GuideKey) => tg(lang, k);
    const withParam = (base: string, key: string, value: string) => {
      const url = new URL(base, location.href);
      url.searchParams.set(key, value);
      return url.href;
    };
    const items = links.flatMap((l) => {
      if (l.kind === 'advice' && this.adviceUrl) return [html`<li><a href=${withParam(this.adviceUrl, 'ngo-advice-topic', l.topic)}>${t('guide.link.advice')}</a></li>`];
      if (l.kind === 'events' && this.eventsUrl) return [html`<li><a href=${withParam(this.eventsUrl, 'ngo-events-q', l.q)}>${t('guide.link.events')}</a></li>`];
      if (l.kind === 'consultations' && this.consultationsUrl) return [html`<li><a href=${new URL(this.consultationsUrl, location.href).href}>${t('guide.link.consultations')}</a></li>`];
      return [];
    });
    if (!items.length) return nothing;
    return html`<section class="links no-print" aria-labelledby="links-title"><h3 id="links-title">${t('guide.links')}</h3><ul>${items}</ul></section>`;
  }

  private renderFeedback(lang: Lang, a: GuideArticle) {
    const t = (k: GuideKey) => tg(lang, k);
    const f = this.feedback;
    if (f.sent) return html`<p class="feedback-done no-print">${t('guide.feedback.thanks')}</p>`;
    this.submit.prepare();
    const pick = (helpful: boolean) => (this.feedback = { ...f, helpful, error: undefined });
    return html`<form class="feedback no-print" @submit=${(e: Event) => (e.preventDefault(), this.sendFeedback(a))}>
      <fieldset>
        <legend>${t('guide.feedback.legend')}</legend>
        <div class="choices">
          <label class="ngo-check"><input type="radio" name="helpful" value="yes" .checked=${f.helpful === true} @change=${() => pick(true)} /> ${t('guide.feedback.yes')}</label>
          <label class="ngo-check"><input type="radio" name="helpful" value="no" .checked=${f.helpful === false} @change=${() => pick(false)} /> ${t('guide.feedback.no')}</label>
        </div>
      </fieldset>
      ${f.helpful === null
        ? nothing
        : html`<label class="ngo-label" for="comment">${t('guide.feedback.comment')}</label>
            <textarea id="comment" rows="3" maxlength="1000" .value=${f.comment} @input=${(e: Event) => (this.feedback = { ...this.feedback, comment: (e.target as HTMLTextAreaElement).value })}></textarea>
            ${honeypot(this.submit, lang)}
            <button type="submit" ?disabled=${this.submit.busy}>${this.submit.busy ? tg(lang, 'status.sending') : t('guide.feedback.send')}</button>`}
      ${formError(f.error, 'feedback-error')}
    </form>`;
  }

  // ---- journeys ----------------------------------------------------------------------------------

  private renderJourney(lang: Lang, answers: number[]) {
    return this.journey.render({
      pending: () => this.loading(lang),
      error: (e) => html`${this.crumbs(lang, '…')}<h2 id="view-title" class="title" tabindex="-1">${tg(lang, 'error.not_found')}</h2>${this.failure(lang, e, () => void this.journey.run())}`,
      complete: (j) => (!j ? nothing : j.kind === 'steps' ? this.renderSteps(lang, j) : this.renderSmart(lang, j, answers)),
    }) as TemplateResult;
  }

  private text(lang: Lang, x: { text: string; lang: Lang }) {
    return html`<span lang=${x.lang !== lang ? x.lang : nothing}>${x.text}</span>`;
  }

  private renderSteps(lang: Lang, j: Steps) {
    const t = (k: GuideKey, vars?: Record<string, string | number>) => tg(lang, k, vars);
    return html`${this.crumbs(lang, this.text(lang, j.title))}
      <h2 id="view-title" class="title" tabindex="-1">${this.text(lang, j.title)}</h2>
      <p class="lead">${this.text(lang, j.summary)}</p>
      <ol class="steps">
        ${j.steps.map(
          (s, i) => html`<li class="step">
            <h3><span class="step-no">${t('guide.steps.step', { n: i + 1 })}</span> ${this.text(lang, s.title)}</h3>
            <p>${this.text(lang, s.text)}</p>
            ${s.deadline ? html`<p class="callout callout-deadline"><strong>${t('guide.steps.deadline')}:</strong> ${this.text(lang, s.deadline)}</p>` : nothing}
            ${s.articles.length
              ? html`<ul class="step-articles">
                  ${s.articles.map((a) => html`<li>${t('guide.steps.read')}: ${this.link({ kind: 'article', slug: a.slug, at: '' }, a.title, { lang: a.lang, name: a.title })}</li>`)}
                </ul>`
              : nothing}
          </li>`,
        )}
      </ol>
      ${this.printLinks(lang)}`;
  }

  private renderSmart(lang: Lang, j: Smart, answers: number[]) {
    const t = (k: GuideKey, vars?: Record<string, string | number>) => tg(lang, k, vars);
    const route = followAnswers(j, answers);
    const given = answers.slice(0, route.length - 1);
    const node = j.nodes[route.at(-1)!]!;
    const trail = given.map((a, i) => {
      const q = j.nodes[route[i]!]!;
      return q.kind === 'question' ? { question: q.text, answer: q.answers[a]!.label, back: given.slice(0, i) } : null;
    });
    return html`${this.crumbs(lang, this.text(lang, j.title))}
      <h2 id="view-title" class="title" tabindex="-1">${this.text(lang, j.title)}</h2>
      <p class="lead">${this.text(lang, j.summary)}</p>
      ${given.length
        ? html`<section class="trail" aria-labelledby="trail-title">
            <h3 id="trail-title">${t('guide.smart.answered')}</h3>
            <ol>
              ${trail.map((x) =>
                x
                  ? html`<li>
                      <span class="q">${this.text(lang, x.question)}</span> <strong>${this.text(lang, x.answer)}</strong>
                      <a class="change" href=${this.hrefOf({ kind: 'journey', slug: j.slug, answers: x.back })} aria-label=${t('guide.smart.change', { question: x.question.text })}
                        @click=${(e: MouseEvent) => (e.preventDefault(), this.go({ kind: 'journey', slug: j.slug, answers: x.back }, { focus: '#question-title' }))}
                        >${t('guide.smart.change_short')}</a
                      >
                    </li>`
                  : nothing,
              )}
            </ol>
          </section>`
        : nothing}
      ${node.kind === 'question'
        ? html`<form class="question" @submit=${(e: Event) => (e.preventDefault(), this.answer(j, given))}>
            <fieldset aria-describedby=${this.answerError ? 'answer-error' : nothing}>
              <legend><h3 id="question-title" tabindex="-1">${this.text(lang, node.text)}</h3></legend>
              ${node.hint ? html`<p class="hint">${this.text(lang, node.hint)}</p>` : nothing}
              ${this.answerError ? html`<p class="ngo-error" id="answer-error">${t('guide.smart.choose')}</p>` : nothing}
              ${node.answers.map(
                (a, i) => html`<label class="ngo-check answer"
                  ><input type="radio" name="answer" value=${i} .checked=${this.pendingAnswer === i} @change=${() => ((this.pendingAnswer = i), (this.answerError = false))} />
                  ${this.text(lang, a.label)}</label
                >`,
              )}
            </fieldset>
            <button type="submit">${t('guide.smart.next')}</button>
          </form>`
        : html`<section class="outcome" aria-labelledby="outcome-title">
            <h3 id="outcome-title" tabindex="-1">${t('guide.smart.outcome')}: ${this.text(lang, node.title)}</h3>
            <p>${this.text(lang, node.text)}</p>
            ${node.articles.length
              ? html`<ul>${node.articles.map((a) => html`<li>${t('guide.smart.read')}: ${this.link({ kind: 'article', slug: a.slug, at: '' }, a.title, { lang: a.lang, name: a.title })}</li>`)}</ul>`
              : nothing}
            ${node.journey ? html`<p>${this.link({ kind: 'journey', slug: node.journey.slug, answers: [] }, html`${t('guide.smart.journey')}: ${node.journey.title}`, { lang: node.journey.lang })}</p>` : nothing}
            <p class="no-print">${this.link({ kind: 'journey', slug: j.slug, answers: [] }, t('guide.smart.restart'))}</p>
          </section>`}`;
  }
}
