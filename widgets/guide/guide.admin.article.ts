import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { addDays, warsawDateOf } from '../../common/time.js';
import { field } from '../core/forms.js';
import { LANGS } from '../../common/langs.js';
import { formatDateTime, type Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { getArticle, getDiff, getFeedback, markReviewed, publish, type StaffArticle, type StaffVersion } from './guide.admin.api.js';
import type { GuideNav } from './guide.admin.element.js';
import { day } from './guide.admin.format.js';
import { tGuideAdmin as t, type GuideAdminKey } from './guide.admin.i18n.js';
import { renderDiffFields } from './guide.diff.js';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/** The field ids of the server's issues in this part. */
const SERVER_FIELD: Record<string, string> = { inForceFrom: 'publish-from', inForceUntil: 'publish-until', nextReview: 'next-review' };

/** The title of a version, in Polish (the source). */
export const titleOf = (a: StaffArticle) => {
  const v = a.versions.find((x) => x.state === 'in_force') ?? a.versions.at(-1);
  return v?.content.pl.title ?? a.slug;
};

/**
 * Part "article" of the guide section: one article's versions, the diff between any two of them
 * (the draft too), publishing the draft for a day, the review with its next day, and the feedback.
 *
 * @tag ngo-admin-guide-article
 */
export class NgoAdminGuideArticle extends StaffPart {
  static override properties: PropertyDeclarations = {
    ...StaffPart.properties,
    articleId: { attribute: false },
    nav: { attribute: false },
    errors: { state: true },
    diffPick: { state: true },
  };
  protected override tr = t;
  declare articleId: string;
  declare nav: GuideNav | null;
  /** Field id → error message, for the publish and review forms. */
  declare private errors: Record<string, string>;
  declare private diffPick: { from: string; to: string; lang: Lang } | null;

  constructor() {
    super();
    this.articleId = '';
    this.nav = null;
    this.errors = {};
    this.diffPick = null;
  }

  /** Whether the heading still waits for its first load to take the focus (the section moved here). */
  private focusOnLoad = true;
  private article = new Task(this, {
    args: () => [this.api, this.articleId] as const,
    task: ([base, id], { signal }) => this.guard(getArticle(base, id, signal)),
    onComplete: () => {
      if (this.focusOnLoad) void this.focusAfter('#article-heading');
      this.focusOnLoad = false;
    },
  });
  private feedback = new Task(this, { args: () => [this.api, this.articleId] as const, task: ([base, id], { signal }) => this.guard(getFeedback(base, id, signal)) });
  private diff = new Task(this, {
    args: () => [this.api, this.articleId, this.diffPick] as const,
    task: ([base, id, pick], { signal }) => (pick && pick.from !== pick.to ? this.guard(getDiff(base, id, pick.from, pick.to, pick.lang, signal)) : Promise.resolve(null)),
  });

  protected override render(): unknown {
    const lang = this.locale;
    return html`${this.actionErrorRegion()}
      <button type="button" class="ngo-secondary" @click=${() => this.nav?.list(this.articleId)}>${t(lang, 'ga.back')}</button>
      ${this.renderTask(this.article, { complete: (a) => this.renderArticle(lang, a) })}`;
  }

  private renderArticle(lang: Lang, a: StaffArticle): TemplateResult {
    const draft = a.versions.find((v) => v.state === 'draft');
    return html`<h4 id="article-heading" tabindex="-1">${titleOf(a)}</h4>
      <p class="muted">${t(lang, 'ga.article.address', { slug: a.slug })}</p>
      <p><button type="button" id="edit-draft" @click=${() => this.nav?.editor(a.id)}>${t(lang, draft ? 'ga.edit' : 'ga.edit.fromCurrent')}</button></p>
      ${draft ? this.renderPublish(lang) : nothing}
      ${this.renderVersions(lang, a.versions)}
      ${a.versions.length > 1 ? this.renderDiffPicker(lang, a.versions) : nothing}
      ${this.renderReview(lang, a)}
      <section class="box" aria-labelledby="feedback-heading">
        <h5 id="feedback-heading">${t(lang, 'ga.feedback.heading')}</h5>
        ${this.renderTask(this.feedback, {
          complete: (f) => html`<p>${t(lang, 'ga.feedback.summary', { helpful: f.helpful, notHelpful: f.notHelpful })}</p>
            ${f.items.length
              ? html`<ul class="feedback">${f.items.map((i) => html`<li><span class="meta">${t(lang, i.helpful ? 'ga.feedback.yes' : 'ga.feedback.no')}, ${i.lang}, ${formatDateTime(lang, i.createdAt)}</span>${i.comment ? html`<br /><span lang=${i.lang}>${i.comment}</span>` : nothing}</li>`)}</ul>`
              : html`<p class="empty">${t(lang, 'ga.feedback.empty')}</p>`}`,
        })}
      </section>`;
  }

  private dayField(id: string, label: GuideAdminKey, hint: GuideAdminKey, value = '', required = false) {
    const lang = this.locale;
    return field({ id, label: t(lang, label), hint: t(lang, hint), error: this.errors[id], requiredMarker: required ? t(lang, 'field.required_marker') : undefined }, (a) =>
      html`<input id=${a.id} name=${id} type="date" .value=${value} ?required=${required} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} />`);
  }

  private renderPublish(lang: Lang): TemplateResult {
    return html`<form class="box" id="publish-form" novalidate aria-labelledby="publish-heading" @submit=${this.onPublish}>
      <h5 id="publish-heading">${t(lang, 'ga.publish.heading')}</h5>
      <p class="muted">${t(lang, 'ga.publish.intro')}</p>
      <div class="row">${this.dayField('publish-from', 'ga.f.from', 'ga.f.from.hint', warsawDateOf(new Date()), true)}${this.dayField('publish-until', 'ga.f.until', 'ga.f.until.hint')}</div>
      <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'ga.publish')}</button>
    </form>`;
  }

  private versionState(lang: Lang, v: StaffVersion) {
    return t(lang, `ga.vstate.${v.state}`);
  }

  private renderVersions(lang: Lang, versions: StaffVersion[]): TemplateResult {
    const newestFirst = [...versions].reverse();
    return html`<h5 id="versions-heading">${t(lang, 'ga.versions.heading')}</h5>
      <div class="table-wrap"><table class="stack" aria-labelledby="versions-heading">
        <thead><tr><th scope="col">${t(lang, 'ga.col.vstate')}</th><th scope="col">${t(lang, 'ga.col.from')}</th><th scope="col">${t(lang, 'ga.col.until')}</th><th scope="col">${t(lang, 'ga.col.note')}</th><th scope="col">${t(lang, 'ga.col.published')}</th></tr></thead>
        <tbody>${newestFirst.map((v) => html`<tr data-version=${v.id} class=${v.state}>
          <td>${v.state === 'in_force' ? html`<strong>${this.versionState(lang, v)}</strong>` : this.versionState(lang, v)}</td>
          <td data-label=${t(lang, 'ga.col.from')}>${v.inForceFrom ? day(lang, v.inForceFrom) : ''}</td><td data-label=${t(lang, 'ga.col.until')}>${v.inForceUntil ? day(lang, v.inForceUntil) : ''}</td>
          <td data-label=${t(lang, 'ga.col.note')}>${v.note ?? ''}</td><td data-label=${t(lang, 'ga.col.published')}>${v.publishedAt ? formatDateTime(lang, v.publishedAt) : ''}</td>
        </tr>`)}</tbody>
      </table></div>`;
  }

  private renderDiffPicker(lang: Lang, versions: StaffVersion[]): TemplateResult {
    const label = (v: StaffVersion) => (v.state === 'draft' ? t(lang, 'ga.version.draft') : t(lang, 'ga.version.option', { state: this.versionState(lang, v), date: v.inForceFrom ? day(lang, v.inForceFrom) : '' }));
    const current = versions.findIndex((v) => v.state === 'in_force');
    const defaults = { from: versions[Math.max(0, current === versions.length - 1 ? current - 1 : current)]!.id, to: versions.at(-1)!.id };
    const pick = this.diffPick;
    const select = (id: 'diff-from' | 'diff-to', key: GuideAdminKey, value: string) =>
      field({ id, label: t(lang, key) }, (a) => html`<select id=${a.id} name=${id}>${versions.map((v) => html`<option value=${v.id} ?selected=${v.id === value}>${label(v)}</option>`)}</select>`);
    return html`<form class="box" aria-labelledby="diff-heading" @submit=${this.onDiff}>
        <h5 id="diff-heading">${t(lang, 'ga.diff.heading')}</h5>
        <div class="row">
          ${select('diff-from', 'ga.diff.from', pick?.from ?? defaults.from)} ${select('diff-to', 'ga.diff.to', pick?.to ?? defaults.to)}
          ${field({ id: 'diff-lang', label: t(lang, 'ga.diff.lang') }, (a) => html`<select id=${a.id} name="diff-lang">${LANGS.map((l) => html`<option value=${l} ?selected=${(pick?.lang ?? 'pl') === l}>${t(lang, `ga.lang.${l}`)}</option>`)}</select>`)}
          <button type="submit" class="ngo-secondary">${t(lang, 'ga.diff.show')}</button>
        </div>
      </form>
      <div id="diff-result" class="diff-result">
        ${pick ? (pick.from === pick.to ? html`<p>${t(lang, 'ga.diff.same')}</p>` : this.renderTask(this.diff, { complete: (d) => (d ? html`<h5 id="diff-title" tabindex="-1">${t(lang, 'ga.diff.title')}</h5>${renderDiffFields(d, lang, {
          field: { title: t(lang, 'ga.field.title'), summary: t(lang, 'ga.field.summary'), body: t(lang, 'ga.field.body'), easy: t(lang, 'ga.field.easy') },
          added: t(lang, 'ga.diff.added'), removed: t(lang, 'ga.diff.removed'), none: t(lang, 'ga.diff.none'),
        })}` : nothing) })) : nothing}
      </div>`;
  }

  private renderReview(lang: Lang, a: StaffArticle): TemplateResult {
    return html`<form class="box" id="review-form" novalidate aria-labelledby="review-heading" @submit=${(e: SubmitEvent) => this.onReviewed(e, a)}>
      <h5 id="review-heading">${t(lang, 'ga.review.box')}</h5>
      <ul class="plain">
        <li>${a.reviewedOn ? t(lang, 'ga.review.last', { date: day(lang, a.reviewedOn) }) : t(lang, 'ga.review.lastNever')}</li>
        ${a.reviewOn ? html`<li>${t(lang, 'ga.review.next', { date: day(lang, a.reviewOn) })}</li>` : nothing}
        ${a.reviewDue ? html`<li><strong class="due">${t(lang, 'ga.review.overdue')}</strong></li>` : nothing}
      </ul>
      ${this.dayField('next-review', 'ga.review.nextLabel', 'ga.review.nextHint')}
      <button type="submit" class="ngo-secondary" aria-disabled=${this.disabled}>${t(lang, 'ga.review.mark')}</button>
    </form>`;
  }

  private value(id: string): string {
    return (this.root.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '').trim();
  }

  /** Shows the server's 422 issues next to their fields, or the error in the action box. */
  private showServer(err: { code: string; issues: { path: string; message: string }[] }, fallback: () => void, messages: Record<string, string>): void {
    const found = err.code === 'validation_failed' ? err.issues.filter((i) => SERVER_FIELD[i.path]) : [];
    if (!found.length) return fallback();
    this.errors = Object.fromEntries(found.map((i) => [SERVER_FIELD[i.path]!, messages[SERVER_FIELD[i.path]!] ?? i.message]));
    void this.focusAfter(`#${SERVER_FIELD[found[0]!.path]}`);
  }

  private async onPublish(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const lang = this.locale;
    const from = this.value('publish-from');
    const until = this.value('publish-until');
    const errors: Record<string, string> = {};
    if (!DAY_RE.test(from)) errors['publish-from'] = t(lang, from ? 'ga.err.date' : 'ga.err.required');
    if (until && !DAY_RE.test(until)) errors['publish-until'] = t(lang, 'ga.err.date');
    else if (until && DAY_RE.test(from) && until < from) errors['publish-until'] = t(lang, 'ga.err.untilBefore');
    this.errors = errors;
    if (Object.keys(errors).length) return void this.focusAfter(`#${Object.keys(errors)[0]}`);
    let scheduled = false;
    const err = await this.send(async () => (scheduled = (await publish(this.api, this.session, this.articleId, { inForceFrom: from, inForceUntil: until || null })).scheduled), { quiet: true });
    if (err) return this.showServer(err, () => this.showError(err), { 'publish-until': t(lang, 'ga.err.untilBefore'), 'publish-from': t(lang, 'ga.err.date') });
    this.announce(t(lang, scheduled ? 'ga.scheduled' : 'ga.published', { date: day(lang, from) }));
    await this.reload('#versions-heading');
  }

  private async onReviewed(e: SubmitEvent, a: StaffArticle): Promise<void> {
    e.preventDefault();
    const lang = this.locale;
    const next = this.value('next-review');
    const today = warsawDateOf(new Date());
    const bad = next && (!DAY_RE.test(next) || next <= today || next > addDays(today, 3 * 366));
    this.errors = bad ? { 'next-review': t(lang, 'ga.err.nextReview') } : {};
    if (bad) return void this.focusAfter('#next-review');
    let reviewOn = '';
    const err = await this.send(async () => (reviewOn = (await markReviewed(this.api, this.session, a.id, next || undefined)).reviewOn), { quiet: true });
    if (err) return this.showServer(err, () => this.showError(err), { 'next-review': t(lang, 'ga.err.nextReview') });
    this.announce(t(lang, 'ga.review.done', { title: titleOf(a), date: day(lang, reviewOn) }));
    await this.reload('#review-heading');
  }

  private async reload(focus: string): Promise<void> {
    await this.article.run();
    await this.focusAfter(focus, '#article-heading');
  }

  private async onDiff(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    this.diffPick = { from: this.value('diff-from'), to: this.value('diff-to'), lang: this.value('diff-lang') as Lang };
    await this.afterRun(this.diff);
    await this.focusAfter('#diff-title', '#diff-result p');
  }
}
