import type { Task } from '@lit/task';
import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import type { GuideTree, SearchResult } from './guide.api.js';
import { articleView, crumbs, failure, journeyView, loading, printLinks, viewTitle, type GuideUi } from './guide.view.js';

/* The guide's lists: the contents (journeys, then the tree of chapters), the search form and its results. */

/** The contents: the journeys, then the chapters with their articles. */
export function home(ui: GuideUi, tree: Task<readonly unknown[], GuideTree>): TemplateResult {
  return html`${ui.noHeading ? nothing : viewTitle(ui, ui.t('guide.title'))}
    <p class="intro" id="guide-intro" tabindex="-1">${ui.t('guide.intro')}</p>
    ${tree.render({
      pending: () => loading(ui),
      error: (e) => failure(ui, e, () => void tree.run()),
      complete: (value) => contents(ui, value),
    })}`;
}

function contents(ui: GuideUi, tree: GuideTree): TemplateResult {
  const { lang, t } = ui;
  const tops = tree.chapters.filter((c) => !c.parentId || !tree.chapters.some((p) => p.id === c.parentId));
  const children = (id: string) => tree.chapters.filter((c) => c.parentId === id);
  const chapter = (c: GuideTree['chapters'][number], depth: 1 | 2): TemplateResult => html`<section class="chapter" aria-labelledby="ch-${c.slug}">
    <${ui.h(depth)} id="ch-${c.slug}" lang=${c.lang !== lang ? c.lang : nothing}>${c.title}</${ui.h(depth)}>
    <ul class="articles">
      ${c.articles.map(
        (a) => html`<li>
          ${ui.link(articleView(a.slug), a.title, { lang: a.lang, name: a.title })}
          <p class="summary" lang=${a.lang !== lang ? a.lang : nothing}>${a.summary}</p>
        </li>`,
      )}
    </ul>
    ${children(c.id).map((s) => chapter(s, 2))}
    <p class="no-print"><a href=${ui.exportHref({ chapter: c.slug })} target="_blank" rel="noopener">${t('guide.print_chapter')}<span class="ngo-sr">: ${c.title}</span></a></p>
  </section>`;
  const empty = !tree.journeys.length && !tree.chapters.some((c) => c.articles.length);
  return html`${tree.journeys.length
      ? html`<section class="journeys" aria-labelledby="journeys-title">
          <${ui.h(1)} id="journeys-title">${t('guide.journeys')}</${ui.h(1)}>
          <ul class="cards">
            ${tree.journeys.map(
              (j) => html`<li class="card">
                <span class="kind">${t(j.kind === 'smart' ? 'guide.kind.smart' : 'guide.kind.steps')}</span>
                ${ui.link(journeyView(j.slug), j.title, { lang: j.lang, name: j.title })}
                <p class="summary">${j.summary}</p>
              </li>`,
            )}
          </ul>
        </section>`
      : nothing}
    ${empty ? html`<p>${t('guide.empty_tag')}</p>` : html`<${ui.h(1)} class="contents-title">${t('guide.chapters')}</${ui.h(1)}>${tops.filter((c) => c.articles.length || children(c.id).length).map((c) => chapter(c, 1))}`}
    ${printLinks(ui)}`;
}

/** The search results for `q`, each with its kind and a snippet with the matches marked. */
export function results(ui: GuideUi, q: string, task: Task<readonly unknown[], SearchResult | null>): TemplateResult {
  const { t } = ui;
  // One heading for every state, so the focus it gets stays when the results arrive.
  const r = task.value;
  const heading = r && r.q === q ? (r.items.length ? t('guide.search.results', { count: r.items.length, q }) : t('guide.search.none', { q })) : t('guide.search.label');
  return html`${crumbs(ui, q)}
    ${viewTitle(ui, heading)}
    ${task.render({
      pending: () => loading(ui),
      error: (e) => failure(ui, e, () => void task.run()),
      complete: (found) =>
        !found
          ? nothing
          : html`<ol class="results">
                ${found.items.map(
                  (hit) => html`<li>
                    <span class="kind">${t(hit.kind === 'article' ? 'guide.kind.article' : hit.kind === 'smart' ? 'guide.kind.smart' : 'guide.kind.steps')}</span>
                    ${ui.link(hit.kind === 'article' ? articleView(hit.slug) : journeyView(hit.slug), hit.title, { lang: hit.lang, name: hit.title })}
                    <p class="snippet">${hit.snippet.map((p) => (p.mark ? html`<mark>${p.text}</mark>` : p.text))}</p>
                  </li>`,
                )}
              </ol>
              <p>${ui.link({ kind: 'home' }, t('guide.back_home'))}</p>`,
    })}`;
}

/** The search box (`#q`): results follow the typing; Enter moves to them. */
export function searchForm(ui: GuideUi, typed: string, onType: (value: string) => void, onSubmit: () => void): TemplateResult {
  const { t } = ui;
  return html`<form class="search no-print" part="search" role="search" @submit=${(e: Event) => (e.preventDefault(), onSubmit())}>
    <label class="ngo-label" for="q">${t('guide.search.label')}</label>
    <p class="hint" id="q-hint">${t('guide.search.hint')}</p>
    <div class="search-row">
      <input id="q" type="search" autocomplete="off" maxlength="100" aria-describedby="q-hint" .value=${typed} @input=${(e: Event) => onType((e.target as HTMLInputElement).value)} />
      <button type="submit">${t('guide.search.submit')}</button>
    </div>
  </form>`;
}
