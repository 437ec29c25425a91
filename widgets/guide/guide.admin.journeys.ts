import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { listJourneys, publishJourney, type StaffJourney } from './guide.admin.api.js';
import { shortDay as day } from './guide.admin.format.js';
import { tGuideAdmin as t } from './guide.admin.i18n.js';

/** A journey's title in the panel's language, from its draft or what is published. */
export const journeyTitle = (j: StaffJourney, lang: Lang) => {
  const c = j.draft ?? j.published;
  return c ? (c.title[lang] ?? c.title.pl) : j.slug;
};

/**
 * Part "journeys" of the guide section: the step-by-steps and smart answers with what is published
 * and whether a draft waits; a new one of either kind, the editor (`ngo-admin-guide-journey`) and
 * publishing a draft.
 *
 * @tag ngo-admin-guide-journeys
 */
export class NgoAdminGuideJourneys extends StaffPart {
  static override properties: PropertyDeclarations = { ...StaffPart.properties, editing: { state: true } };
  protected override tr = t;
  /** The journey in the editor: a stored one, a new one of a kind, or none (the list). */
  declare private editing: StaffJourney | 'steps' | 'smart' | null;

  constructor() {
    super();
    this.editing = null;
  }

  private list = new Task(this, { args: () => [this.api] as const, task: ([base], { signal }) => this.guard(listJourneys(base, signal)).then((r) => r.items) });

  protected override render(): TemplateResult {
    const lang = this.locale;
    if (this.editing) {
      const e = this.editing;
      return html`<ngo-admin-guide-journey api-base=${this.api} .session=${this.session} .journey=${typeof e === 'string' ? null : e} .kind=${typeof e === 'string' ? e : e.kind}
        .journeys=${this.list.value ?? []} .onDone=${(id: string | null, message?: string) => this.back(id, message)}></ngo-admin-guide-journey>`;
    }
    return html`${this.actionErrorRegion()}
      <div class="row heading-row">
        <h4 id="journeys-heading" tabindex="-1">${t(lang, 'ga.j.heading')}</h4>
        <div class="row">
          <button type="button" id="new-steps" @click=${() => this.open('steps')}>${t(lang, 'ga.j.newSteps')}</button>
          <button type="button" id="new-smart" @click=${() => this.open('smart')}>${t(lang, 'ga.j.newSmart')}</button>
        </div>
      </div>
      <p class="muted">${t(lang, 'ga.j.intro')}</p>
      ${this.renderTask(this.list, { empty: t(lang, 'ga.j.empty'), complete: (items) => this.table(lang, items) })}`;
  }

  private open(e: StaffJourney | 'steps' | 'smart'): void {
    this.editing = e;
    void this.focusAfter('#journey-editor-heading');
  }

  private async back(id: string | null, message?: string): Promise<void> {
    this.editing = null;
    if (message) this.announce(message);
    await this.list.run();
    await this.focusAfter(id ? `[data-journey="${id}"] button.edit` : '#journeys-heading', '#journeys-heading');
  }

  private async publish(j: StaffJourney): Promise<void> {
    if (await this.send(() => publishJourney(this.api, this.session, j.id))) return;
    await this.back(j.id, t(this.locale, 'ga.j.published', { title: journeyTitle(j, this.locale) }));
  }

  private state(lang: Lang, j: StaffJourney): string {
    return [j.published && j.publishedAt ? t(lang, 'ga.j.state.published', { date: day(lang, j.publishedAt.slice(0, 10)) }) : t(lang, 'ga.state.unpublished'), j.draft ? t(lang, 'ga.j.state.draft') : '']
      .filter(Boolean)
      .join('; ');
  }

  private table(lang: Lang, items: StaffJourney[]): TemplateResult {
    return html`<div class="table-wrap"><table class="stack">
      <caption class="ngo-sr">${t(lang, 'ga.j.heading')}</caption>
      <thead><tr><th scope="col">${t(lang, 'ga.col.title')}</th><th scope="col">${t(lang, 'ga.j.col.kind')}</th><th scope="col">${t(lang, 'ga.col.state')}</th><th scope="col">${t(lang, 'ga.j.col.actions')}</th></tr></thead>
      <tbody>${items.map((j) => {
        const title = journeyTitle(j, lang);
        return html`<tr data-journey=${j.id}>
          <th scope="row" data-label=${t(lang, 'ga.col.title')}>${title}<br /><span class="muted">${j.slug}</span></th>
          <td data-label=${t(lang, 'ga.j.col.kind')}>${t(lang, `ga.j.kind.${j.kind}`)}</td>
          <td data-label=${t(lang, 'ga.col.state')}>${this.state(lang, j)}</td>
          <td data-label=${t(lang, 'ga.j.col.actions')}>
            <button type="button" class="link edit" @click=${() => this.open(j)}>${t(lang, 'ga.j.edit', { title })}</button>
            ${j.draft ? html` <button type="button" class="link publish" aria-disabled=${this.disabled} @click=${() => this.publish(j)}>${t(lang, 'ga.j.publish', { title })}</button>` : nothing}
          </td>
        </tr>`;
      })}</tbody></table></div>`;
  }
}
