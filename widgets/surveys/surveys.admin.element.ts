import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Lang } from '../core/i18n/index.js';
import { StaffSection } from '../core/staff-section.js';
import { TabsController } from '../core/staff-tabs.js';
import { listSurveys, type StaffSurvey } from './surveys.admin.api.js';
import { tSurveysAdmin as t, type SurveysAdminKey } from './surveys.admin.i18n.js';
import { surveysAdminStyles } from './surveys.admin.styles.js';

export { NgoAdminSurveysEditions } from './surveys.admin.editions.js';
export { NgoAdminSurveysAccess } from './surveys.admin.access.js';
export { NgoAdminSurveysResults } from './surveys.admin.results.js';
export { NgoAdminSurveysMeeting } from './surveys.admin.meeting.js';
export { NgoAdminSurveysInstruments } from './surveys.admin.instruments.js';

type Tab = 'editions' | 'access' | 'results' | 'meeting' | 'instruments';

/**
 * Staff panel section "surveys" (LIJW): pick the survey and the edition, then five tabs with a part
 * each: the editions and a new one (`-editions`); invitations, mailing, open links and the counts per
 * group (`-access`); the results with the publish choices and the exports (`-results`); the joint
 * meeting's agenda by the largest gaps, the agreed scores and the recommendations (`-meeting`); the
 * instrument versions and the upload of a new one (`-instruments`). `<ngo-admin>` creates it and
 * sets `apiBase` and `session`; all requests are same-origin with the session cookie and the CSRF token.
 *
 * @tag ngo-admin-surveys
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` (the panel's) applies.
 * @attr api-base - Origin of the API; the page's own origin (staff routes are same-origin only).
 * @fires ngo-unauthorized - When the API answers 401, so the panel returns to its sign-in form.
 * @csspart base - The section's root.
 * @csspart status - The polite live region.
 */
export class NgoAdminSurveys extends StaffSection {
  static override styles = [...StaffSection.styles, surveysAdminStyles];
  protected static override translators = [t];
  protected override tr = t;
  static override properties: PropertyDeclarations = { ...StaffSection.properties, survey: { state: true }, edition: { state: true } };

  declare private survey: string;
  declare private edition: string;
  private reloads = 0;

  private tabs = new TabsController<Tab>(this, { tabs: ['editions', 'access', 'results', 'meeting', 'instruments'], onChange: () => this.announce('') });

  private surveys = new Task(this, {
    args: () => [this.api, this.reloads] as const,
    task: ([base], { signal }) => this.guard(listSurveys(base, signal)),
    onComplete: ({ items }) => {
      const s = items.find((x) => x.id === this.survey) ?? items[0];
      this.survey = s?.id ?? '';
      if (s && !s.editions.some((e) => e.slug === this.edition)) this.edition = this.defaultEdition(s);
    },
  });

  constructor() {
    super();
    this.survey = this.edition = '';
  }

  /** The open edition, else the newest. */
  private defaultEdition(s: StaffSurvey): string {
    return (s.editions.find((e) => e.status === 'open') ?? s.editions[0])?.slug ?? '';
  }

  /** A part changed the list of surveys or editions (a new edition, a new instrument). */
  private readonly changed = (e: Event) => {
    const slug = (e as CustomEvent<{ edition?: string }>).detail?.edition;
    if (slug) this.edition = slug;
    this.reloads++;
    this.requestUpdate();
  };

  protected override render() {
    const lang = this.locale;
    return html`<div class="ngo-root" part="base" @ngo-surveys-changed=${this.changed}>
      ${this.renderTask(this.surveys, { complete: ({ items }) => this.renderPickers(items, lang) })}
      ${this.tabs.renderTabs(t(lang, 'nav'), (id) => t(lang, `tab.${id}` as SurveysAdminKey))}
      ${this.statusRegion()}
      ${this.tabs.renderPanels((id) => this.renderPart(id, lang))}
    </div>`;
  }

  private renderPickers(items: StaffSurvey[], lang: Lang): TemplateResult {
    if (!items.length) return html`<p class="empty">${t(lang, 'no.surveys')}</p>`;
    const s = items.find((x) => x.id === this.survey) ?? items[0]!;
    return html`<div class="row pickers">
      ${items.length > 1
        ? html`<div class="ngo-field">
            <label class="ngo-label" for="pick-survey">${t(lang, 'pick.survey')}</label>
            <select id="pick-survey" @change=${(e: Event) => ((this.survey = (e.target as HTMLSelectElement).value), (this.edition = this.defaultEdition(items.find((x) => x.id === this.survey)!)))}>
              ${items.map((x) => html`<option value=${x.id} ?selected=${x.id === s.id}>${x.title[lang] || x.title.pl}</option>`)}
            </select>
          </div>`
        : html`<p class="survey-title"><strong>${s.title[lang] || s.title.pl}</strong></p>`}
      ${s.editions.length
        ? html`<div class="ngo-field">
            <label class="ngo-label" for="pick-edition">${t(lang, 'pick.edition')}</label>
            <select id="pick-edition" @change=${(e: Event) => (this.edition = (e.target as HTMLSelectElement).value)}>
              ${s.editions.map((e) => html`<option value=${e.slug} ?selected=${e.slug === this.edition}>${e.slug} (${t(lang, `status.${e.status}`)})</option>`)}
            </select>
          </div>`
        : nothing}
    </div>`;
  }

  private renderPart(id: Tab, lang: Lang): unknown {
    const s = this.surveys.value?.items.find((x) => x.id === this.survey);
    if (id === 'instruments') return html`<ngo-admin-surveys-instruments api-base=${this.api} .session=${this.session} .survey=${this.survey || 'lijw'}></ngo-admin-surveys-instruments>`;
    if (!s) return nothing;
    if (id === 'editions') return html`<ngo-admin-surveys-editions api-base=${this.api} .session=${this.session} .survey=${s}></ngo-admin-surveys-editions>`;
    if (!this.edition) return html`<p class="empty">${t(lang, 'no.edition')}</p>`;
    const props = { survey: s.id, edition: this.edition };
    switch (id) {
      case 'access':
        return html`<ngo-admin-surveys-access api-base=${this.api} .session=${this.session} .survey=${props.survey} .edition=${props.edition}></ngo-admin-surveys-access>`;
      case 'results':
        return html`<ngo-admin-surveys-results api-base=${this.api} .session=${this.session} .survey=${props.survey} .edition=${props.edition}></ngo-admin-surveys-results>`;
      case 'meeting':
        return html`<ngo-admin-surveys-meeting api-base=${this.api} .session=${this.session} .survey=${props.survey} .edition=${props.edition}></ngo-admin-surveys-meeting>`;
    }
  }
}
