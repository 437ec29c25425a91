import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { StaffSection } from '../core/staff-section.js';
import { TabsController } from '../core/staff-tabs.js';
import { tGuideAdmin } from './guide.admin.i18n.js';
import { guideAdminStyles } from './guide.admin.styles.js';
import { articleBodyStyles } from './guide.styles.js';

type Tab = 'articles' | 'review' | 'journeys';
/** What the articles tab shows: the list, one article (versions, diff, review, feedback), or the editor. */
type View = { kind: 'list'; focus?: string } | { kind: 'article'; id: string } | { kind: 'editor'; id: string | null };

/** What a part asks of the section: where to go next, and what to announce there. */
export interface GuideNav {
  list(focusId?: string, message?: string): void;
  article(id: string, message?: string): void;
  editor(id: string | null): void;
}

/**
 * Staff panel section "guide" (editors and admins, city-wide): the articles with their state and
 * review dates, one article's versions with a diff between any two, publication of the draft for
 * a day in force, the review with the next review's day, the readers' feedback, and the editor
 * with a live preview rendered and sanitised by the API exactly as readers get it. The second tab
 * lists the articles due for review (the start screen's `guide.review_due`); the third the
 * step-by-steps and smart answers, edited with the tree checked as it changes and previewed as readers walk it.
 *
 * @tag ngo-admin-guide
 *
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` (the panel's) applies.
 * @attr api-base - Origin of the API; the page's own origin (staff routes are same-origin only).
 *
 * @fires ngo-unauthorized - When the API answers 401, so the panel returns to its sign-in form.
 *
 * @csspart base - The section's root.
 * @csspart status - The polite live region.
 */
export class NgoAdminGuide extends StaffSection {
  static override styles = [...StaffSection.styles, articleBodyStyles, guideAdminStyles];
  static override properties: PropertyDeclarations = { ...StaffSection.properties, view: { state: true } };
  protected static override translators = [tGuideAdmin];
  protected override tr = tGuideAdmin;
  declare private view: View;
  private tabs = new TabsController<Tab>(this, { tabs: ['articles', 'review', 'journeys'], onChange: () => ((this.view = { kind: 'list' }), this.announce('')) });

  constructor() {
    super();
    this.view = { kind: 'list' };
  }

  private nav: GuideNav = {
    list: (focusId, message) => this.go({ kind: 'list', focus: focusId }, focusId ? `[data-id="${focusId}"] button` : '#list-heading', message),
    article: (id, message) => this.go({ kind: 'article', id }, '#article-heading', message),
    editor: (id) => this.go({ kind: 'editor', id }, '#editor-heading'),
  };

  private go(view: View, focus: string, message?: string): void {
    this.view = view;
    if (message) this.announce(message);
    void this.focusAfter(focus, '#list-heading');
  }

  protected override render(): TemplateResult {
    const lang = this.locale;
    return html`<div class="ngo-root" part="base">
      ${this.tabs.renderTabs(tGuideAdmin(lang, 'ga.nav'), (id) => tGuideAdmin(lang, `ga.tab.${id}`))} ${this.statusRegion()}
      ${this.tabs.renderPanels((tab) => this.renderView(tab))}
    </div>`;
  }

  private renderView(tab: Tab): TemplateResult {
    if (tab === 'journeys') return html`<ngo-admin-guide-journeys api-base=${this.api} .session=${this.session}></ngo-admin-guide-journeys>`;
    const v = this.view;
    if (v.kind === 'article') return html`<ngo-admin-guide-article api-base=${this.api} .session=${this.session} .articleId=${v.id} .nav=${this.nav}></ngo-admin-guide-article>`;
    if (v.kind === 'editor') return html`<ngo-admin-guide-editor api-base=${this.api} .session=${this.session} .articleId=${v.id} .nav=${this.nav}></ngo-admin-guide-editor>`;
    return html`<ngo-admin-guide-list api-base=${this.api} .session=${this.session} .dueOnly=${tab === 'review'} .nav=${this.nav}></ngo-admin-guide-list>`;
  }
}
