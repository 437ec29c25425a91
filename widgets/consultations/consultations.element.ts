import { Task, TaskStatus } from '@lit/task';
import { nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { ApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { NgoSelectEvent } from '../core/events.js';
import { FocusController } from '../core/focus.js';
import { formStyles, statusRegion } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { LazyModule } from '../core/lazy-module.js';
import { theme } from '../core/theme.js';
import { isPlainClick, onUrlState } from '../core/url-state.js';
import { getConsultation, listConsultations, listRemarks, type ConsultationDetail, type ConsultationSummary, type RemarkFilters } from './consultations.api.js';
import type { ConsultationForms } from './consultations.form.js';
import { tc, type ConsultationKey } from './consultations.i18n.js';
import { consultationList, visible } from './consultations.list.js';
import { consultationStyles } from './consultations.styles.js';
import { clockOffset } from './consultations.time.js';
import { taskState, type ConsultationUi, type Panel, type UrlView } from './consultations.ui.js';
import { readView, viewHref, writeView, type UrlPlace } from './consultations.url.js';

export type SubmitKind = 'remark' | 'support' | 'confirm' | 'confirm-support';

export type { Panel } from './consultations.ui.js';

/** The public-form kit's dictionaries, once the forms' code is loaded: rendered forms need them in the page's language. */
let formKit: { load(lang: Lang): Promise<void> | undefined } | undefined;
const formKitTranslator = { load: (lang: Lang) => formKit?.load(lang) };

const NO_FILTERS: RemarkFilters = { unit: '', authorType: '', decision: '' };

/**
 * Consultations of draft acts with NGOs and residents. With `consultation`, one consultation: its
 * header (dates in Europe/Warsaw, status and the time left on the server's clock), the document as
 * numbered units with remark counts and a "Comment" button each, the remark form, and the published
 * remarks with their answers and filters. After the close it is read-only, with the answers and a
 * link to the report once published. Without `consultation`, a list of current and recent
 * consultations (with a `district` preset) that opens one inside the widget. The forms' code
 * (consultations.form.ts) loads when a person opens a form, or with an e-mailed link's token.
 *
 * The e-mailed links land on a page with `confirm` (or `confirm-support`): the widget then shows a
 * panel with a button that confirms; it never confirms by itself, since mail scanners open links.
 *
 * @tag ngo-consultation
 * @attr consultation - Id of the consultation to show. Without it, the widget lists consultations.
 * @attr district - List preset, 1–18: that district's consultations and the city-wide ones.
 * @attr confirm - A remark's confirmation token (from the e-mailed link).
 * @attr confirm-support - A support's confirmation token (from the e-mailed link).
 * @attr sync-url - Keep the open consultation, unit and remark in the page URL (`?ngo-cons-id=…&ngo-cons-unit=…`),
 *   so the links in the list, a unit's and a remark's link, Back and a reload all work. Without it the
 *   links point at the consultation's `/embed/consultations` page.
 * @attr heading-level - Level of the widget's top heading (default 2).
 * @attr no-heading - Leave out the list's title heading.
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` in the page applies.
 * @attr api-base - Where the API lives; defaults to the server the script came from.
 *
 * @fires ngo-select - A consultation was opened from the list: `detail: { id, name }` (its title).
 * @fires ngo-submit - Before a remark, support or confirmation is sent; cancelable. `detail: { kind, consultation }`, `kind` is `remark`, `support`, `confirm` or `confirm-support`.
 * @fires ngo-submitted - After the API accepted it: `detail: { kind, id, status }`.
 * @fires ngo-error - Sending failed (the form shows why): `detail: { kind, code }`.
 *
 * @csspart base - The widget's root.
 * @csspart list - The list of consultations.
 * @csspart item - A consultation in the list (the button that opens it).
 * @csspart header - The consultation's header.
 * @csspart badge - The status badge.
 * @csspart units - The document's list of units.
 * @csspart comment-button - Each "Comment" button.
 * @csspart remarks - The published remarks.
 * @csspart remark - One published remark.
 * @csspart form - The remark or support form panel.
 * @csspart field - Each labelled field.
 * @csspart input - Each text input.
 * @csspart error-summary - The list of problems after a failed submit.
 * @csspart submit-button - The send and confirm buttons.
 * @csspart confirm - The confirmation panel.
 * @csspart status - The polite live region.
 *
 * @cssprop --ngo-consultation-max-width - Maximum width of the widget (default `60em`).
 * @cssprop --ngo-consultation-open-color - Colour of the "open" status badge (default `#146c2e`).
 * @cssprop --ngo-font-family - Font of the widget (default: the system UI font).
 * @cssprop --ngo-color-accent - Buttons, links and the form's frame (default `#0050a0`).
 * @cssprop --ngo-color-danger - Errors (default `#b00020`).
 * @cssprop --ngo-focus-ring - Focus indicator, a `box-shadow` value.
 */
export class NgoConsultation extends NgoElement {
  static override styles = [theme, formStyles, consultationStyles];
  protected static override translators = [tc, formKitTranslator];
  static override properties: PropertyDeclarations = {
    consultation: {},
    district: {},
    confirm: {},
    confirmSupport: { attribute: 'confirm-support' },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    selected: { state: true },
    filters: { state: true },
    panel: { state: true },
    status: { state: true },
    now: { state: true },
  };

  declare consultation: string;
  declare district: string;
  declare confirm: string;
  declare confirmSupport: string;
  declare syncUrl: boolean;

  /** The consultation opened from the list. */
  declare private selected: string;
  declare private filters: RemarkFilters;
  declare private panel: Panel | null;
  /** An action's message for the live region; counts are announced when it is empty. */
  declare private status: string;
  /** The server's clock, ticking. */
  declare private now: number;

  private offset = 0;
  private timer?: ReturnType<typeof setInterval>;
  /** The forms' and confirmations' code (consultations.form.ts), and the forms made from it once loaded. */
  private readonly formsKit = new LazyModule(this, () => import('./consultations.form.js'), '<ngo-consultation>: the forms');
  private forms?: ConsultationForms;
  /** One consultation's document and remarks (consultations.detail.ts), loaded when the first one opens: a page with the list only does without. */
  private readonly detailView = new LazyModule(this, () => import('./consultations.detail.js'), '<ngo-consultation>: the consultation view');
  private readonly focuser = new FocusController(this);
  /** Selector of the button that opened the form, for focus return. */
  private returnTo = '';
  private reloads = 0;
  /** The unit or remark the URL names, focused once the consultation shows it. */
  private target: { unit: string; remark: string } = { unit: '', remark: '' };
  private stopUrl?: () => void;

  private list = new Task(this, {
    args: () => [this.api, this.currentId, this.district] as const,
    task: async ([api, id, district], { signal }) => {
      if (id) return null;
      const { items } = await listConsultations(api, district, signal);
      if (items[0]) this.sync(items[0].serverTime);
      return items;
    },
  });

  private detail = new Task(this, {
    args: () => [this.api, this.currentId, this.locale, this.reloads] as const,
    task: async ([api, id, lang, fresh], { signal }) => {
      if (!id) return null;
      const c = await getConsultation(api, id, lang, fresh, signal);
      this.sync(c.serverTime);
      return c;
    },
  });

  private remarks = new Task(this, {
    args: () => [this.api, this.currentId, this.filters, this.reloads] as const,
    task: async ([api, id, filters, fresh], { signal }) => (id ? (await listRemarks(api, id, filters, fresh, signal)).items : null),
  });

  constructor() {
    super();
    this.consultation = this.district = this.confirm = this.confirmSupport = this.selected = this.status = '';
    this.syncUrl = false;
    this.filters = NO_FILTERS;
    this.panel = null;
    this.now = Date.now();
  }

  /** `lang="pl"` for what officials and residents wrote (always Polish) inside an English or Ukrainian interface. */
  private get authorLang(): 'pl' | typeof nothing {
    return this.locale === 'pl' ? nothing : 'pl';
  }

  /** The consultation shown: the attribute's, else the one opened from the list. */
  private get currentId(): string {
    return this.consultation || this.selected;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => (this.now = Date.now() + this.offset), 30_000);
    if (this.syncUrl) {
      this.readUrl();
      this.stopUrl = onUrlState(() => this.whenFormCloses(() => this.readUrl(true)));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    this.stopUrl?.();
  }

  // ---- the view in the URL -----------------------------------------------------------------------

  /** Opens the view the page URL names (at start, and on Back and Forward). */
  private readUrl(fromHistory = false): void {
    const u = readView();
    const id = this.consultation ? '' : (u.id ?? '');
    if (id !== this.selected) {
      this.selected = id;
      this.panel = null;
      if (fromHistory && !id) this.focusLater(this.returnTo || '#item-0');
    }
    this.target = { unit: u.unit ?? '', remark: u.remark ?? '' };
    if (fromHistory && id && !this.target.unit && !this.target.remark) this.focusLater('#title');
    this.requestUpdate();
  }

  /** Where the widget stands, for the URL's functions (consultations.url.ts). */
  private get place(): UrlPlace {
    return { syncUrl: this.syncUrl, consultation: this.consultation, selected: this.selected, api: this.api, lang: this.locale };
  }

  private writeUrl(v: Partial<UrlView>, push: boolean): void {
    writeView(this.place, v, push);
  }

  /** Focuses the unit or remark the URL named, once it is rendered (scrolling it into view). */
  private reachTarget(): void {
    const { unit, remark } = this.target;
    if (!unit && !remark) return;
    const c = this.detail.value;
    // Not rendered yet: the consultation, or the view's code, is still on its way.
    if (!c || c.id !== this.currentId || !this.detailView.value) return;
    if (remark) {
      if (!this.remarks.value) return;
      if (this.filters !== NO_FILTERS && !this.remarks.value.some((r) => r.id === remark)) {
        this.filters = NO_FILTERS;
        return;
      }
    }
    const el = this.renderRoot.querySelector<HTMLElement>(remark ? `[data-remark="${CSS.escape(remark)}"]` : `[data-unit="${CSS.escape(unit)}"]`);
    if (!el) {
      if (!remark || this.remarks.status !== TaskStatus.PENDING) this.target = { unit: '', remark: '' };
      return;
    }
    this.target = { unit: '', remark: '' };
    el.focus();
    el.scrollIntoView?.({ block: 'start' });
  }


  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('consultation') || changed.has('selected')) {
      this.panel = null;
      this.filters = NO_FILTERS;
    }
    if ((changed.has('confirm') || changed.has('confirmSupport')) && (this.confirm || this.confirmSupport)) void this.loadForms();
    // A consultation opened from the list after a failed load tries the view's chunk again.
    if (this.currentId && changed.has('selected')) void this.detailView.load();
    else if (this.currentId) this.detailView.need();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.reachTarget();
  }

  private sync(serverTime: string): void {
    const local = Date.now();
    this.offset = clockOffset(serverTime, local);
    this.now = local + this.offset;
  }

  private focusLater(selector: string): void {
    this.focuser.later(selector);
  }

  // ---- actions -----------------------------------------------------------------------------------

  private openConsultation(c: ConsultationSummary, index: number, e?: MouseEvent): void {
    if (e && !isPlainClick(e)) return;
    e?.preventDefault();
    this.returnTo = `#item-${index}`;
    this.selected = c.id;
    this.target = { unit: '', remark: '' };
    this.writeUrl({ id: c.id }, true);
    this.status = '';
    this.dispatchEvent(new NgoSelectEvent({ id: c.id, name: c.title }));
    this.focusLater('#title');
  }

  private back(): void {
    this.whenFormCloses(() => {
      this.panel = null;
      this.selected = '';
      this.writeUrl({ id: '' }, true);
      this.focusLater(this.returnTo);
    });
  }

  /** A unit's or remark's own link, followed in place: the URL names it, and it gets focus. */
  private followLink(e: MouseEvent, v: { unit?: string; remark?: string }): void {
    if (!isPlainClick(e)) return;
    e.preventDefault();
    this.writeUrl(v, true);
    this.target = { unit: v.unit ?? '', remark: v.remark ?? '' };
    this.requestUpdate();
  }

  /** Runs `next` at once, or, when the open form was typed into, once the person agreed to close it. */
  private whenFormCloses(next: () => void): void {
    if (this.panel && this.forms) this.forms.requestClose(next);
    else next();
  }

  /** Imports the forms' code once, with its texts in the page's language; a failure is shown where the form would be, with a retry. */
  private async loadForms(): Promise<ConsultationForms | undefined> {
    const m = await this.formsKit.load();
    if (!m) return undefined;
    formKit = m.tFormKit;
    await m.tFormKit.load(this.locale);
    this.forms ??= new m.ConsultationForms({
      el: this,
      api: () => this.api,
      consultation: () => this.currentId,
      close: () => this.close(),
      say: (message) => (this.status = message),
      focus: (selector) => this.focusLater(selector),
      published: () => this.reloads++,
    });
    this.requestUpdate();
    return this.forms;
  }

  /** Opens a form in place (a loading note until its code is there) and focuses its heading; an open form that was typed into is closed first, after asking. */
  private open(panel: Panel, returnTo: string): void {
    this.whenFormCloses(async () => {
      this.panel = panel;
      this.returnTo = returnTo;
      this.status = '';
      const forms = await this.loadForms();
      const c = this.detail.value;
      if (!forms || this.panel !== panel || !c) return;
      forms.open(panel, c.audience);
      this.focusLater('#form-title');
    });
  }

  /** Closes the open form (asking first when it was typed into); focus returns to the button that opened it. */
  private close(): void {
    this.whenFormCloses(() => {
      this.panel = null;
      this.focusLater(this.returnTo);
    });
  }

  private showRemarksFor(unit: string): void {
    this.filters = { ...NO_FILTERS, unit };
    this.focusLater('#remarks-title');
  }

  private setFilter(key: keyof RemarkFilters, value: string): void {
    this.filters = { ...this.filters, [key]: value };
    this.status = '';
  }

  private clearFilters(): void {
    this.filters = NO_FILTERS;
    this.status = '';
  }

  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.panel) {
      // As in the map form: without preventDefault the browser's close watcher cancels the question this key opens.
      e.preventDefault();
      e.stopPropagation();
      this.close();
    }
  };

  // ---- rendering ---------------------------------------------------------------------------------

  private t(key: ConsultationKey | 'loading' | 'retry', vars?: Record<string, string | number>): string {
    return tc(this.locale, key, vars);
  }

  override render() {
    const lang = this.locale;
    if (this.district && !/^([1-9]|1[0-8])$/.test(this.district)) return this.warnMisconfig(`district="${this.district}" is not 1–18`);
    const err = this.detail.error;
    if (this.currentId && err instanceof ApiError && err.status === 404) {
      return this.warnMisconfig(`consultation "${this.currentId}" was not found`, this.t('cons.not_found'));
    }
    const token = this.confirm || this.confirmSupport;
    return html`<section class="ngo-root" part="base" lang=${lang} aria-label=${this.t('cons.region')} @keydown=${this.onKeydown}>
      ${token ? this.forms?.confirmation.render(this.confirm ? 'confirm' : 'confirm-support', token) ?? this.renderFormsState('confirm', () => this.loadForms(), lang) : nothing}
      ${this.currentId ? this.renderConsultation(lang) : token ? nothing : consultationList(this.ui(lang), this.list)}
      ${statusRegion(this.status || this.announcement(lang))} ${this.forms?.renderDialog() ?? nothing}
    </section>`;
  }

  /** What the live region says when no action has a message: the number of results. */
  private announcement(lang: Lang): string {
    if (this.currentId) {
      const r = this.remarks.value;
      return r && this.detail.value ? tc(lang, 'cons.remarks_count', { count: r.length }) : '';
    }
    const items = this.list.value;
    return items ? tc(lang, 'cons.count', { count: visible(items, this.now).length }) : '';
  }

  /** In place of a form or the confirmation panel while their code loads, or if it could not. */
  private renderFormsState(part: 'form' | 'confirm', retry: () => Promise<unknown>, lang: Lang): TemplateResult {
    return html`<div class="panel" part=${part}>${taskState(this.ui(lang), { error: this.formsKit.error, run: retry })}</div>`;
  }

  /** The open form, once its code is there. */
  private renderForm(c: ConsultationDetail, lang: Lang): TemplateResult {
    const panel = this.panel!;
    return this.forms?.panel === panel ? this.forms.renderPanel(c) : this.renderFormsState('form', async () => this.open(panel, this.returnTo), lang);
  }

  /** What every view renders with, in `lang`. */
  private ui(lang: Lang): ConsultationUi {
    return {
      lang,
      t: (key, vars) => tc(lang, key, vars),
      h: (depth) => this.headingTag(depth),
      noHeading: this.noHeading,
      now: this.now,
      authorLang: this.authorLang,
      api: this.api,
      panel: this.panel,
      filters: this.filters,
      href: (v) => viewHref(this.place, v),
      form: (c) => this.renderForm(c, lang),
      back: () => this.backButton(),
      openConsultation: (c, index, e) => this.openConsultation(c, index, e),
      followLink: (e, v) => this.followLink(e, v),
      open: (panel, returnTo) => this.open(panel, returnTo),
      showRemarksFor: (unit) => this.showRemarksFor(unit),
      setFilter: (key, value) => this.setFilter(key, value),
      clearFilters: () => this.clearFilters(),
    };
  }

  private renderConsultation(lang: Lang): TemplateResult {
    const ui = this.ui(lang);
    const c = this.detail.value;
    // While reloading after a published remark, keep showing what is there (the form's panel included).
    const view = this.detailView.value;
    // Loading, or why not: the consultation's request first, then the view's chunk (Retry imports it again).
    const state = this.detail.error !== undefined ? this.detail : { error: this.detailView.error, run: async () => this.detailView.load() };
    if (!c || c.id !== this.currentId || !view) return html`${this.backButton()}${taskState(ui, state)}`;
    return view.consultationView(ui, c, this.remarks);
  }

  private backButton(): TemplateResult | typeof nothing {
    return this.selected && !this.consultation
      ? html`<button type="button" class="ngo-secondary back" @click=${this.back}><span aria-hidden="true">←</span> ${this.t('cons.back')}</button>`
      : nothing;
  }
}
