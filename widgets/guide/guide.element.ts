import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ADVICE_TOPICS, followAnswers } from '../../common/guide.js';
import { ApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { NgoSelectEvent } from '../core/events.js';
import { FocusController } from '../core/focus.js';
import { LazyModule } from '../core/lazy-module.js';
import { formStyles } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { theme } from '../core/theme.js';
import { isPlainClick, onUrlState, readUrlState, writeUrlState } from '../core/url-state.js';
import { exportUrl, getArticle, getDiff, getJourney, getTree, getVersions, search, type GuideArticle } from './guide.api.js';
import { home, results, searchForm } from './guide.home.js';
import type { GuideFeedback } from './guide.feedback.js';
import { tg } from './guide.i18n.js';
import { smart, steps, type Smart, type SmartState } from './guide.journey.js';
import { articleBodyStyles, guideStyles } from './guide.styles.js';
import { crumbs, failure, hrefOf, loading, urlValues, URL_KEYS, URL_PREFIX, viewOfUrl, viewTitle, type GuideUi, type View } from './guide.view.js';

const SEARCH_DELAY_MS = 300;

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
 * @attr heading-level - Level of each view's title, 1–6 (default 2); the headings below it, the article body's too, follow.
 * @attr no-heading - Leave out the contents' title ("Przewodnik…": the host page's heading names the guide); articles and journeys keep their titles.
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
  declare private message: string;

  private started = false;
  private stopUrl?: () => void;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private readonly focuser = new FocusController(this);
  /** "Was this helpful?", loaded with its kit (the draft store, the proof of work) when the first article opens. */
  private feedback?: GuideFeedback;
  private readonly feedbackKit = new LazyModule(this, () => import('./guide.feedback.js'), '<ngo-guide>: the feedback form');
  /** The article view (versions, what changed, the sanitised body), loaded while the first article is fetched. */
  private readonly articleView = new LazyModule(this, () => import('./guide.article.js'), '<ngo-guide>: the article view');

  constructor() {
    super();
    this.article = this.tag = this.topic = this.adviceUrl = this.eventsUrl = this.consultationsUrl = '';
    this.noSearch = this.syncUrl = false;
    this.view = { kind: 'home' };
    this.typed = '';
    this.easy = this.showDiff = this.answerError = false;
    this.pendingAnswer = null;
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
      const from = slug ? this.articleView.value?.previousVersion(this.versionsTask.value?.items ?? [], to) : undefined;
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
      else this.resetViewState();
    }
    // The article view's and the feedback form's chunks load while the article is fetched; one that
    // failed is tried again when another view opens, not on every render.
    if (this.view.kind === 'article') [this.articleView, this.feedbackKit].forEach((part) => ((changed as PropertyValues).has('view') ? part.load() : part.need()));
  }

  // ---- the URL -----------------------------------------------------------------------------------

  private readUrl() {
    this.view = viewOfUrl(readUrlState(URL_PREFIX, URL_KEYS)) ?? (this.article ? { kind: 'article', slug: this.article, at: '' } : { kind: 'home' });
    this.typed = this.view.kind === 'search' ? this.view.q : '';
    this.resetViewState();
  }

  private resetViewState() {
    this.showDiff = false;
    this.easy = false;
    this.pendingAnswer = null;
    this.answerError = false;
    this.feedback?.reset();
  }

  /** The feedback form, made once its chunk has arrived. */
  private feedbackForm(): GuideFeedback | undefined {
    const m = this.feedbackKit.value;
    const slug = () => (this.view.kind === 'article' ? this.view.slug : null);
    return (this.feedback ??= m && new m.GuideFeedback({ element: this, api: () => this.api, slug, say: (message) => (this.message = message), focus: (selector) => this.focuser.later(selector) }));
  }

  /** Opens a view: a new history entry (Back returns), the focus on its heading. */
  private go(v: View, o: { push?: boolean; focus?: string } = {}) {
    this.view = v;
    this.resetViewState();
    if (v.kind !== 'search') this.typed = '';
    if (this.syncUrl) writeUrlState(URL_PREFIX, urlValues(v), { push: o.push ?? true });
    // With `no-heading` the contents have no title: the introduction under the host's heading takes the focus.
    this.focuser.later(o.focus ?? (v.kind === 'home' && this.noHeading ? '#guide-intro' : '#view-title'));
  }

  private link(v: View, label: TemplateResult | string, o: { lang?: Lang; name?: string } = {}) {
    return html`<a
      href=${hrefOf(v)}
      lang=${o.lang && o.lang !== this.locale ? o.lang : nothing}
      @click=${(e: MouseEvent) => {
        if (!isPlainClick(e)) return;
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
    if (this.syncUrl) writeUrlState(URL_PREFIX, urlValues(this.view), { push });
    if (fromSubmit) this.focuser.later('#view-title');
  }

  private onBodyClick(e: MouseEvent) {
    const a = (e.target as Element).closest?.('a[data-guide-article]');
    if (!a || !isPlainClick(e)) return;
    e.preventDefault();
    this.go({ kind: 'article', slug: a.getAttribute('data-guide-article')!, at: '' });
  }

  private answer(smart: Smart, answers: number[]) {
    if (this.pendingAnswer === null) {
      this.answerError = true;
      this.focuser.later('input[name="answer"]');
      return;
    }
    const next = [...answers, this.pendingAnswer];
    const route = followAnswers(smart, next);
    const node = smart.nodes[route.at(-1)!];
    this.go({ kind: 'journey', slug: smart.slug, answers: next }, { focus: node?.kind === 'outcome' ? '#outcome-title' : '#question-title' });
  }

  // ---- rendering ---------------------------------------------------------------------------------

  override render() {
    const lang = this.locale;
    if (this.topic && !Object.hasOwn(ADVICE_TOPICS, this.topic)) return this.warnMisconfig(`topic="${this.topic}" is not an advice topic (${Object.keys(ADVICE_TOPICS).join(', ')})`);
    if (this.tag && this.tree.error instanceof ApiError && this.tree.error.code === 'validation_failed') return this.warnMisconfig(`tag="${this.tag}" is not an area of activity or an advice topic`);
    return html`<section class="ngo-root" part="base" lang=${lang} aria-label=${tg(lang, 'guide.region')}>
      ${this.noSearch ? nothing : searchForm(this.ui(lang), this.typed, (value) => this.onType(value), () => this.runSearch(true))}
      <div class="view">${this.renderView(lang)}</div>
      <div class="ngo-sr" role="status" aria-live="polite">${this.message}</div>
    </section>`;
  }

  /** What every view renders with, in `lang`. */
  private ui(lang: Lang): GuideUi {
    return {
      lang,
      t: (key, vars) => tg(lang, key, vars),
      link: (v, label, o) => this.link(v, label, o),
      go: (v, o) => this.go(v, o),
      focus: (selector) => this.focuser.later(selector),
      exportHref: (o) => exportUrl(this.api, { lang, ...o }),
      kind: this.view.kind,
      h: (depth) => this.headingTag(depth),
      titleLevel: this.headingLevelAt(0),
      noHeading: this.noHeading,
    };
  }

  private renderView(lang: Lang): TemplateResult {
    const ui = this.ui(lang);
    const v = this.view;
    switch (v.kind) {
      case 'article':
        return this.articleTask.render({
          pending: () => loading(ui),
          error: (e) => html`${crumbs(ui, ui.t('guide.unknown_article'))}${viewTitle(ui, ui.t('guide.unknown_article'))}${failure(ui, e, () => void this.articleTask.run())}`,
          complete: (a) => (a ? this.renderArticle(ui, a) : nothing),
        }) as TemplateResult;
      case 'journey':
        return this.journey.render({
          pending: () => loading(ui),
          error: (e) => html`${crumbs(ui, '…')}${viewTitle(ui, ui.t('error.not_found'))}${failure(ui, e, () => void this.journey.run())}`,
          complete: (j) => (!j ? nothing : j.kind === 'steps' ? steps(ui, j) : smart(ui, j, v.answers, this.smartState(j))),
        }) as TemplateResult;
      case 'search':
        return results(ui, v.q, this.results);
      default:
        return home(ui, this.tree);
    }
  }

  /** The article once its view's chunk is there ("loading" until then; Retry if it could not load). */
  private renderArticle(ui: GuideUi, a: GuideArticle): TemplateResult {
    const view = this.articleView.value;
    const failed = this.articleView.error;
    if (!view) return failed ? html`${crumbs(ui, a.title)}${viewTitle(ui, a.title)}${failure(ui, failed, () => this.articleView.load())}` : loading(ui);
    const versions = this.versionsTask.value?.items ?? [];
    return view.article(ui, a, {
      easy: this.easy,
      toggleEasy: () => (this.easy = !this.easy),
      versions,
      previous: view.previousVersion(versions, a.versionId),
      showDiff: this.showDiff,
      toggleDiff: () => (this.showDiff = !this.showDiff),
      diff: this.diffTask,
      urls: { advice: this.adviceUrl, events: this.eventsUrl, consultations: this.consultationsUrl },
      feedback: this.feedbackForm()?.render(ui) ?? nothing,
      onBodyClick: (e) => this.onBodyClick(e),
    });
  }

  private smartState(j: Smart): SmartState {
    return {
      pending: this.pendingAnswer,
      missing: this.answerError,
      pick: (i) => ((this.pendingAnswer = i), (this.answerError = false)),
      next: (given) => this.answer(j, given),
    };
  }
}
