import type { Task } from '@lit/task';
import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
// unsafeHTML serves one sink, the article body, whose HTML the API makes: renderMarkdown in
// api/guide/guide.rules.ts (markdown-it with html off, then a sanitize-html allow-list, links only
// http, https, mailto and tel), tested in guide.rules.test.ts and tests/e2e/guide.e2e.ts.
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { formatDate, type Lang } from '../core/i18n/index.js';
import { urlWith } from '../core/url-state.js';
import type { GuideArticle, GuideDiff, GuideLink, GuideVersions } from './guide.api.js';
import { renderDiffFields } from './guide.diff.js';
import { articleView, crumbs, failure, loading, printLinks, shiftHeadings, viewTitle, type GuideUi } from './guide.view.js';

/*
 * An article as in force on a day: its dates, the easy-to-read text, versions and what changed,
 * related articles, links to the other widgets, print, and "was this helpful?".
 */

/** The article view's state and actions, kept by the element. */
export interface ArticleState {
  easy: boolean;
  toggleEasy(): void;
  versions: GuideVersions['items'];
  /** The version before the shown one, if any: what "compare" shows. */
  previous: string | undefined;
  showDiff: boolean;
  toggleDiff(): void;
  diff: Task<readonly unknown[], GuideDiff | null>;
  /** Pages where links to the other widgets lead (empty: no link). */
  urls: { advice: string; events: string; consultations: string };
  /** "Was this helpful?" (guide.feedback.ts), once its chunk has loaded. */
  feedback: TemplateResult | typeof nothing;
  /** A click in the body: a link to another article opens it here. */
  onBodyClick(e: MouseEvent): void;
}

/** The version before `versionId` (versions come newest first), if any. */
export function previousVersion(versions: GuideVersions['items'], versionId: string): string | undefined {
  const i = versions.findIndex((v) => v.id === versionId);
  return i >= 0 ? versions[i + 1]?.id : undefined;
}

const day = (lang: Lang, d: string) => formatDate(lang, `${d}T12:00:00`);

export function article(ui: GuideUi, a: GuideArticle, s: ArticleState): TemplateResult {
  const { lang, t } = ui;
  const own = a.lang !== lang ? a.lang : nothing;
  return html`${crumbs(ui, html`<span lang=${own}>${a.chapter.title}</span>`, html`<span lang=${own}>${a.title}</span>`)}
    <article part="article" class="article">
      ${viewTitle(ui, a.title, own)}
      ${a.fallback ? html`<p class="note" role="note">${t('guide.fallback')}</p>` : nothing}
      <p class="dates">
        <span class="in-force">${a.inForceUntil ? t('guide.in_force_until', { from: day(lang, a.inForceFrom), until: day(lang, a.inForceUntil) }) : t('guide.in_force', { from: day(lang, a.inForceFrom) })}</span>
        ${a.reviewedOn ? html`<span class="reviewed">${t('guide.reviewed', { date: day(lang, a.reviewedOn) })}</span>` : nothing}
      </p>
      ${a.current ? nothing : html`<p class="note" role="note">${t('guide.not_current', { date: day(lang, a.at) })} ${ui.link(articleView(a.slug), t('guide.show_current'))}</p>`}
      <p class="lead" lang=${own}>${a.summary}</p>
      ${a.easyHtml
        ? html`<button type="button" class="ngo-secondary easy no-print" aria-pressed=${s.easy ? 'true' : 'false'} @click=${s.toggleEasy}>${t('guide.easy')}</button>`
        : nothing}
      <div class="body" lang=${own} @click=${s.onBodyClick}>${unsafeHTML(shiftHeadings(s.easy && a.easyHtml ? a.easyHtml : a.html, ui.titleLevel))}</div>
      ${versions(ui, a, s)}
      ${a.related.length
        ? html`<section class="related no-print" aria-labelledby="related-title">
            <${ui.h(1)} id="related-title">${t('guide.related')}</${ui.h(1)}>
            <ul>${a.related.map((r) => html`<li>${ui.link(articleView(r.slug), r.title, { lang: r.lang, name: r.title })}</li>`)}</ul>
          </section>`
        : nothing}
      ${links(ui, a.links, s.urls)}
      <div class="tools no-print">
        <button type="button" class="ngo-secondary" @click=${() => window.print()}>${t('guide.print')}</button>
        ${printLinks(ui, a.chapter.slug)}
      </div>
      ${s.feedback}
    </article>`;
}

/** The versions: pick one to read, and compare the shown one with the one before. */
function versions(ui: GuideUi, a: GuideArticle, s: ArticleState): TemplateResult | typeof nothing {
  const { lang, t } = ui;
  if (s.versions.length < 2) return nothing;
  const open = (e: Event) => {
    e.preventDefault();
    const id = ((e.currentTarget as HTMLFormElement).querySelector('#version') as HTMLSelectElement).value;
    const v = s.versions.find((x) => x.id === id);
    if (v) ui.go(articleView(a.slug, v.inForceToday ? '' : v.inForceFrom));
  };
  return html`<section class="versions no-print" aria-labelledby="versions-title">
    <${ui.h(1)} id="versions-title">${t('guide.versions')}</${ui.h(1)}>
    <form class="version-pick" @submit=${open}>
      <label class="ngo-sr" for="version">${t('guide.versions')}</label>
      <select id="version">
        ${s.versions.map((v) => html`<option value=${v.id} ?selected=${v.id === a.versionId}>${t(v.inForceToday ? 'guide.version_today' : 'guide.version_option', { from: day(lang, v.inForceFrom) })}</option>`)}
      </select>
      <button type="submit" class="ngo-secondary">${t('guide.open_version')}</button>
    </form>
    ${s.previous
      ? html`<button type="button" class="ngo-secondary" aria-expanded=${s.showDiff ? 'true' : 'false'} aria-controls="diff" @click=${s.toggleDiff}>
          ${t(s.showDiff ? 'guide.compare_hide' : 'guide.compare')}
        </button>`
      : nothing}
    <div id="diff" ?hidden=${!s.showDiff}>
      ${s.showDiff
        ? s.diff.render({
            pending: () => loading(ui),
            error: (e) => failure(ui, e, () => void s.diff.run()),
            complete: (d) => (d ? diff(ui, d) : nothing),
          })
        : nothing}
    </div>
  </section>`;
}

function diff(ui: GuideUi, d: GuideDiff): TemplateResult {
  const { lang, t } = ui;
  return html`<${ui.h(2)}>${t('guide.diff.title', { from: day(lang, d.from.inForceFrom), to: day(lang, d.to.inForceFrom) })}</${ui.h(2)}>
    ${renderDiffFields(d, lang, {
      field: { title: t('guide.field.title'), summary: t('guide.field.summary'), body: t('guide.field.body'), easy: t('guide.field.easy') },
      added: t('guide.diff.added'),
      removed: t('guide.diff.removed'),
      none: t('guide.diff.none'),
    }, ui.h(3))}`;
}

/** Links to the advice form, the event calendar and the consultations, where the page has them. */
function links(ui: GuideUi, items: GuideLink[], urls: ArticleState['urls']): TemplateResult | typeof nothing {
  const { t } = ui;
  const shown = items.flatMap((l) => {
    if (l.kind === 'advice' && urls.advice) return [html`<li><a href=${urlWith('ngo-advice-', { topic: l.topic }, urls.advice).href}>${t('guide.link.advice')}</a></li>`];
    if (l.kind === 'events' && urls.events) return [html`<li><a href=${urlWith('ngo-events-', { q: l.q }, urls.events).href}>${t('guide.link.events')}</a></li>`];
    if (l.kind === 'consultations' && urls.consultations) return [html`<li><a href=${new URL(urls.consultations, location.href).href}>${t('guide.link.consultations')}</a></li>`];
    return [];
  });
  if (!shown.length) return nothing;
  return html`<section class="links no-print" aria-labelledby="links-title"><${ui.h(1)} id="links-title">${t('guide.links')}</${ui.h(1)}><ul>${shown}</ul></section>`;
}
