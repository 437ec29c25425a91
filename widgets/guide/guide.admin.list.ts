import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { listArticles, type ArticleSummary } from './guide.admin.api.js';
import type { GuideNav } from './guide.admin.element.js';
import { shortDay as day } from './guide.admin.format.js';
import { tGuideAdmin as t } from './guide.admin.i18n.js';

/**
 * Part "list" of the guide section: every article with the version in force (or scheduled, or only
 * a draft), its review date and the readers' feedback; with `dueOnly`, the articles due for review.
 *
 * @tag ngo-admin-guide-list
 */
export class NgoAdminGuideList extends StaffPart {
  static override properties: PropertyDeclarations = { ...StaffPart.properties, dueOnly: { attribute: false }, nav: { attribute: false } };
  protected override tr = t;
  declare dueOnly: boolean;
  declare nav: GuideNav | null;

  constructor() {
    super();
    this.dueOnly = false;
    this.nav = null;
  }

  private list = new Task(this, {
    args: () => [this.api, this.dueOnly] as const,
    task: ([base, due], { signal }) => this.guard(listArticles(base, signal)).then((r) => (due ? r.items.filter((a) => a.reviewDue) : r.items)),
  });

  protected override render(): TemplateResult {
    const lang = this.locale;
    const due = this.dueOnly;
    return html`${this.actionErrorRegion()}
      <div class="row heading-row">
        <h4 id="list-heading" tabindex="-1">${t(lang, due ? 'ga.review.heading' : 'ga.list.heading')}</h4>
        ${due ? nothing : html`<button type="button" id="new-article" @click=${() => this.nav?.editor(null)}>${t(lang, 'ga.new')}</button>`}
      </div>
      ${due ? html`<p class="muted">${t(lang, 'ga.review.intro')}</p>` : nothing}
      ${this.renderTask(this.list, {
        empty: t(lang, due ? 'ga.review.empty' : 'ga.list.empty'),
        complete: (items) => html`${due ? html`<p><strong>${t(lang, 'ga.review.count', { count: items.length })}</strong></p>` : nothing}${this.table(lang, items)}`,
      })}`;
  }

  private state(lang: Lang, a: ArticleSummary): string {
    const parts = [
      a.inForceFrom ? t(lang, 'ga.state.in_force', { date: day(lang, a.inForceFrom) }) : '',
      a.scheduledFrom ? t(lang, 'ga.state.scheduled', { date: day(lang, a.scheduledFrom) }) : '',
      a.hasDraft ? t(lang, 'ga.state.draft') : '',
    ].filter(Boolean);
    return parts.length ? parts.join('; ') : t(lang, 'ga.state.unpublished');
  }

  private table(lang: Lang, items: ArticleSummary[]): TemplateResult {
    const heading = t(lang, this.dueOnly ? 'ga.review.heading' : 'ga.list.heading');
    return html`<div class="table-wrap"><table class="stack">
      <caption class="ngo-sr">${heading}</caption>
      <thead><tr><th scope="col">${t(lang, 'ga.col.title')}</th><th scope="col">${t(lang, 'ga.col.state')}</th><th scope="col">${t(lang, 'ga.col.review')}</th><th scope="col">${t(lang, 'ga.col.feedback')}</th></tr></thead>
      <tbody>${items.map((a) => html`<tr data-id=${a.id}>
        <td><button type="button" class="link" @click=${() => this.nav?.article(a.id)}>${a.title}</button><br /><span class="muted">${a.slug}</span></td>
        <td data-label=${t(lang, 'ga.col.state')}>${this.state(lang, a)}</td>
        <td data-label=${t(lang, 'ga.col.review')}>${a.reviewDue ? html`<strong class="due">${t(lang, 'ga.review.due')}</strong><br />` : nothing}${a.reviewOn ? t(lang, 'ga.review.on', { date: day(lang, a.reviewOn) }) : t(lang, 'ga.review.never')}</td>
        <td data-label=${t(lang, 'ga.col.feedback')}>${t(lang, 'ga.feedback.short', { helpful: a.feedback.helpful, notHelpful: a.feedback.notHelpful })}</td>
      </tr>`)}</tbody>
    </table></div>`;
  }
}
