import { Task, TaskStatus } from '@lit/task';
import { nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { AUTHOR_TYPES, AUTHOR_TYPE_LABELS, DECISIONS, DECISION_LABELS, STATUS_LABELS, consultationStatus, type ConsultationStatus, type Decision } from '../../common/consultations.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import { ApiError, asApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { NgoSelectEvent } from '../core/events.js';
import { formStyles, statusRegion } from '../core/forms.js';
import { formatDateTime, type Lang } from '../core/i18n/index.js';
import { theme } from '../core/theme.js';
import { onUrlState, readUrlState, writeUrlState } from '../core/url-state.js';
import {
  getConsultation, listConsultations, listRemarks, reportUrl,
  type ConsultationDetail, type ConsultationSummary, type ConsultationUnit, type PublicRemark, type RemarkFilters,
} from './consultations.api.js';
import type { ConsultationForms } from './consultations.form.js';
import { tc, type ConsultationKey } from './consultations.i18n.js';
import { consultationStyles } from './consultations.styles.js';
import { clockOffset, endedWithin, remaining } from './consultations.time.js';

export type SubmitKind = 'remark' | 'support' | 'confirm' | 'confirm-support';

/** The open form: a remark on a unit (null: the whole document) or a support of a remark. */
export type Panel = { kind: 'remark'; unit: ConsultationUnit | null } | { kind: 'support'; remark: PublicRemark };

/** The public-form kit's dictionaries, once the forms' code is loaded: rendered forms need them in the page's language. */
let formKit: { load(lang: Lang): Promise<void> | undefined } | undefined;
const formKitTranslator = { load: (lang: Lang) => formKit?.load(lang) };

const RECENT_DAYS = 90;
const URL_PREFIX = 'ngo-cons-';
const URL_KEYS = ['id', 'unit', 'remark'] as const;
type UrlView = { id: string; unit: string; remark: string };
/** A left click without a modifier opens in place; any other (middle, Ctrl, Shift) is the browser's. */
const plainClick = (e: MouseEvent) => e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey;
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
  /** The forms and confirmations (consultations.form.ts), once loaded; `formsError` if that failed. */
  private forms?: ConsultationForms;
  private formsLoading?: Promise<ConsultationForms | undefined>;
  private formsError: unknown;
  /** Selector to focus once it exists (after a load or an update). */
  private focusNext = '';
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
    const u = readUrlState(URL_PREFIX, URL_KEYS);
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

  /** Writes the view into the page URL (`push`: a new history entry, so Back returns to the previous view). */
  private writeUrl(v: Partial<UrlView>, push: boolean): void {
    if (!this.syncUrl) return;
    writeUrlState(URL_PREFIX, { id: this.consultation ? '' : this.selected, unit: '', remark: '', ...v }, { push });
  }

  /**
   * The address of a view: this page's URL with the view's parameters (with `sync-url`), else the
   * consultation's own `/embed/consultations` page, so a link opened in a new tab shows the same.
   */
  private href(v: Partial<UrlView>): string {
    const id = v.id ?? this.currentId;
    const params: Record<string, string> = { id, unit: v.unit ?? '', remark: v.remark ?? '' };
    if (this.syncUrl) {
      const url = new URL(location.href);
      for (const k of URL_KEYS) {
        if (k === 'id' && this.consultation) continue;
        if (params[k]) url.searchParams.set(URL_PREFIX + k, params[k]);
        else url.searchParams.delete(URL_PREFIX + k);
      }
      return url.href;
    }
    const url = new URL(`${this.api}/embed/consultations`);
    url.searchParams.set('lang', this.locale);
    url.searchParams.set('sync-url', '');
    for (const k of URL_KEYS) if (params[k]) url.searchParams.set(URL_PREFIX + k, params[k]);
    return url.href;
  }

  /** Focuses the unit or remark the URL named, once it is rendered (scrolling it into view). */
  private reachTarget(): void {
    const { unit, remark } = this.target;
    if (!unit && !remark) return;
    const c = this.detail.value;
    if (!c || c.id !== this.currentId) return;
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
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.reachTarget();
    const el = this.focusNext && this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    if (!el) return;
    this.focusNext = '';
    el.focus();
  }

  private sync(serverTime: string): void {
    const local = Date.now();
    this.offset = clockOffset(serverTime, local);
    this.now = local + this.offset;
  }

  private focusLater(selector: string): void {
    this.focusNext = selector;
    this.requestUpdate();
  }

  // ---- actions -----------------------------------------------------------------------------------

  private openConsultation(c: ConsultationSummary, index: number, e?: MouseEvent): void {
    if (e && !plainClick(e)) return;
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
    if (!plainClick(e)) return;
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

  /** Imports the forms' code once; a failure is shown where the form would be, with a retry. */
  private loadForms(): Promise<ConsultationForms | undefined> {
    this.formsError = undefined;
    return (this.formsLoading ??= import('./consultations.form.js')
      .then(
        async (m) => {
          formKit = m.tFormKit;
          await m.tFormKit.load(this.locale);
          return (this.forms = new m.ConsultationForms({
            el: this,
            api: () => this.api,
            consultation: () => this.currentId,
            close: () => this.close(),
            say: (message) => (this.status = message),
            focus: (selector) => this.focusLater(selector),
            published: () => this.reloads++,
          }));
        },
        (err: unknown) => {
          this.formsLoading = undefined;
          this.formsError = err;
          return undefined;
        },
      )
      .finally(() => this.requestUpdate()));
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
      ${this.currentId ? this.renderConsultation(lang) : token ? nothing : this.renderList(lang)}
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
    return items ? tc(lang, 'cons.count', { count: this.visible(items).length }) : '';
  }

  private renderState(task: { error: unknown; run(): Promise<unknown> }, lang: Lang): TemplateResult {
    if (task.error) {
      return html`<div role="alert"><p class="ngo-error">${tc.error(lang, asApiError(task.error))}</p>
        <button type="button" @click=${() => void task.run()}>${this.t('retry')}</button></div>`;
    }
    return html`<p>${this.t('loading')}</p>`;
  }

  /** In place of a form or the confirmation panel while their code loads, or if it could not. */
  private renderFormsState(part: 'form' | 'confirm', retry: () => Promise<unknown>, lang: Lang): TemplateResult {
    return html`<div class="panel" part=${part}>${this.renderState({ error: this.formsError, run: retry }, lang)}</div>`;
  }

  /** The open form, once its code is there. */
  private renderForm(c: ConsultationDetail, lang: Lang): TemplateResult {
    const panel = this.panel!;
    return this.forms?.panel === panel ? this.forms.renderPanel(c) : this.renderFormsState('form', async () => this.open(panel, this.returnTo), lang);
  }

  // -- list

  /** Open and planned consultations, and those that ended within the last 90 days. */
  private visible(items: ConsultationSummary[]): ConsultationSummary[] {
    return items.filter((c) => c.status === 'open' || c.status === 'planned' || endedWithin(c.endsAt, this.now, RECENT_DAYS));
  }

  private renderList(lang: Lang): TemplateResult {
    const items = this.list.value;
    const shown = items ? this.visible(items) : [];
    const groups: [ConsultationKey, ConsultationSummary[]][] = [
      ['cons.group.open', shown.filter((c) => c.status === 'open')],
      ['cons.group.planned', shown.filter((c) => c.status === 'planned')],
      ['cons.group.recent', shown.filter((c) => c.status === 'closed' || c.status === 'reported')],
    ];
    let index = 0;
    return html`${this.noHeading ? nothing : html`<${this.headingTag(0)}>${this.t('cons.list_title')}</${this.headingTag(0)}>`}
      ${!items
        ? this.renderState(this.list, lang)
        : shown.length === 0
          ? html`<p>${this.t('cons.none')}</p>`
          : groups.map(([key, list]) =>
              list.length
                ? html`<${this.headingTag(1)}>${this.t(key)}</${this.headingTag(1)}>
                    <ul class="plain" part="list">
                      ${list.map((c) => {
                        const i = index++;
                        return html`<li class="item">
                          <${this.headingTag(2)}><a class="link" part="item" id="item-${i}" href=${this.href({ id: c.id })} lang=${this.authorLang} @click=${(e: MouseEvent) => this.openConsultation(c, i, e)}>${c.title}</a></${this.headingTag(2)}>
                          <div class="row meta">${this.badge(c, lang)} <span>${this.dates(c, lang)}</span> <span>${this.scope(c, lang)}</span></div>
                        </li>`;
                      })}
                    </ul>`
                : nothing,
            )}`;
  }

  // -- one consultation

  private statusOf(c: ConsultationSummary): ConsultationStatus {
    return consultationStatus(c, new Date(this.now));
  }

  private badge(c: ConsultationSummary, lang: Lang): TemplateResult {
    const s = this.statusOf(c);
    const left = s === 'open' ? remaining(c.endsAt, this.now) : s === 'planned' ? remaining(c.startsAt, this.now) : null;
    return html`<span class="badge s-${s}" part="badge">${STATUS_LABELS[s][lang]}</span>${left
        ? html` <strong>${tc(lang, `cons.${s === 'open' ? 'left' : 'starts'}.${left.unit}`, { count: left.count })}</strong>`
        : nothing}`;
  }

  private dates(c: ConsultationSummary, lang: Lang): string {
    return this.t('cons.dates', { start: formatDateTime(lang, c.startsAt), end: formatDateTime(lang, c.endsAt) });
  }

  private scope(c: ConsultationSummary, lang: Lang): string {
    const d = c.district ? DISTRICTS[c.district - 1] : undefined;
    return d ? tc(lang, 'cons.district', { roman: d.roman, name: d.name }) : this.t('cons.city_wide');
  }

  private renderConsultation(lang: Lang): TemplateResult {
    const c = this.detail.value;
    // While reloading after a published remark, keep showing what is there (the form's panel included).
    if (!c || c.id !== this.currentId) {
      return html`${this.backButton()}${this.renderState(this.detail, lang)}`;
    }
    const s = this.statusOf(c);
    const open = s === 'open';
    const row = (key: ConsultationKey, value: unknown) => html`<dt>${this.t(key)}</dt><dd>${value}</dd>`;
    return html`${this.backButton()}
      <header part="header">
        <${this.headingTag(0)} id="title" tabindex="-1" lang=${this.authorLang}>${c.title}</${this.headingTag(0)}>
        <div class="row">${this.badge(c, lang)}</div>
        <dl lang=${this.authorLang}>
          ${row('cons.period', this.dates(c, lang))} ${row('cons.subject', c.subject)} ${row('cons.goal', c.goal)}
          ${row('cons.unit_name', c.unitName)} ${row('cons.legal_basis', c.legalBasis)} ${row('cons.scope', this.scope(c, lang))}
        </dl>
        <p class="note">${this.t(c.audience === 'ngo' ? 'cons.audience.ngo' : 'cons.audience.all')}</p>
        ${c.attachments.length
          ? html`<${this.headingTag(1)}>${this.t('cons.attachments')}</${this.headingTag(1)}>
              <ul>${c.attachments.map((a) => html`<li><a href=${/^https?:/i.test(a.url) ? a.url : '#'} target="_blank" rel="noopener">${a.title}</a></li>`)}</ul>`
          : nothing}
        ${this.renderPhase(c, s, lang)}
      </header>
      ${this.renderDocument(c, open, lang)} ${s === 'planned' ? nothing : this.renderRemarks(c, s, lang)}`;
  }

  private backButton(): TemplateResult | typeof nothing {
    return this.selected && !this.consultation
      ? html`<button type="button" class="ngo-secondary back" @click=${this.back}><span aria-hidden="true">←</span> ${this.t('cons.back')}</button>`
      : nothing;
  }

  /** Before the start, after the close, and the report links once the answers are published. */
  private renderPhase(c: ConsultationDetail, s: ConsultationStatus, lang: Lang): TemplateResult | typeof nothing {
    if (s === 'planned') return html`<p class="note">${this.t('cons.not_started', { date: formatDateTime(lang, c.startsAt) })}</p>`;
    if (s === 'open') return nothing;
    return html`<div class="note">
      <p>${this.t('cons.ended', { date: formatDateTime(lang, c.endsAt) })}</p>
      ${s === 'reported'
        ? html`<${this.headingTag(1)}>${this.t('cons.report')}</${this.headingTag(1)}>
            <ul>
              <li><a href=${reportUrl(this.api, c.id, 'html', lang)} target="_blank" rel="noopener">${this.t('cons.report_html')}</a></li>
              <li><a href=${reportUrl(this.api, c.id, 'csv', lang)} download>${this.t('cons.report_csv')}</a></li>
              <li><a href=${reportUrl(this.api, c.id, 'docx', lang)} download>${this.t('cons.report_docx')}</a></li>
            </ul>`
        : html`<p>${this.t('cons.awaiting_report')}</p>`}
    </div>`;
  }

  private renderDocument(c: ConsultationDetail, open: boolean, lang: Lang): TemplateResult {
    const isPanel = (unit: ConsultationUnit | null) => this.panel?.kind === 'remark' && this.panel.unit?.id === unit?.id;
    const counts = (n: number, unit: string, label: string) =>
      n ? html`<button type="button" class="ngo-secondary" @click=${() => this.showRemarksFor(unit)}>${tc(lang, 'cons.show_remarks', { count: n })}<span class="sr"> (${label})</span></button>`
        : html`<span class="muted">${this.t('cons.no_remarks_unit')}</span>`;
    const whole = this.t('cons.whole_document');
    return html`<section aria-labelledby="doc-title">
      <${this.headingTag(1)} id="doc-title">${this.t('cons.document')}</${this.headingTag(1)}>
      ${open ? html`<p class="muted">${this.t('cons.document_hint')}</p>` : nothing}
      <div class="row">
        ${open ? html`<button type="button" id="comment-doc" part="comment-button" @click=${() => this.open({ kind: 'remark', unit: null }, '#comment-doc')}>${this.t('cons.comment_document')}</button>` : nothing}
        ${counts(c.documentRemarkCount, 'document', whole)}
      </div>
      ${isPanel(null) ? this.renderForm(c, lang) : nothing}
      ${c.units.length
        ? html`<ul class="plain units" part="units">
            ${c.units.map(
              // A property, not a style attribute: a host CSP without 'unsafe-inline' for styles refuses those.
              (u, i) => html`<li .style=${`--_depth:${u.depth}`}>
                <${this.headingTag(2)} class="label" id="unit-${i}" data-unit=${u.id} tabindex="-1" lang=${this.authorLang}>${u.label}</${this.headingTag(2)}>
                <p class="text" lang=${this.authorLang}>${u.text}</p>
                <div class="row">
                  ${open
                    ? html`<button type="button" id="comment-${i}" part="comment-button" @click=${() => this.open({ kind: 'remark', unit: u }, `#comment-${i}`)}>${this.t('cons.comment')}<span class="sr"> ${u.label}</span></button>`
                    : nothing}
                  ${counts(u.remarkCount, u.id, u.label)}
                  <a class="permalink" href=${this.href({ unit: u.id })} @click=${(e: MouseEvent) => this.followLink(e, { unit: u.id })}>${this.t('cons.link')}<span class="sr"> ${u.label}</span></a>
                </div>
                ${isPanel(u) ? this.renderForm(c, lang) : nothing}
              </li>`,
            )}
          </ul>`
        : html`<p>${this.t('cons.document_empty')}</p>`}
    </section>`;
  }

  private renderRemarks(c: ConsultationDetail, s: ConsultationStatus, lang: Lang): TemplateResult {
    const f = this.filters;
    const items = this.remarks.value;
    const filtered = f.unit || f.authorType || f.decision;
    const select = (key: keyof RemarkFilters, label: ConsultationKey, options: [string, string][]) => html`<div class="ngo-field">
      <label class="ngo-label" for="f-${key}">${this.t(label)}</label>
      <select id="f-${key}" @change=${(e: Event) => this.setFilter(key, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!f[key]}>${this.t('cons.any')}</option>
        ${options.map(([v, l]) => html`<option value=${v} ?selected=${f[key] === v}>${l}</option>`)}
      </select>
    </div>`;
    const units: [string, string][] = c.units.filter((u) => u.remarkCount > 0 || u.id === f.unit).map((u) => [u.id, u.label]);
    return html`<section part="remarks" aria-labelledby="remarks-title">
      <${this.headingTag(1)} id="remarks-title" tabindex="-1">${this.t(s === 'reported' ? 'cons.remarks_answers' : 'cons.remarks')}</${this.headingTag(1)}>
      ${c.remarkCount || filtered
        ? html`<fieldset class="filters">
            <legend>${this.t('cons.filters')}</legend>
            ${select('unit', 'cons.filter.unit', [['document', this.t('cons.whole_document')], ...units])}
            ${select('authorType', 'cons.filter.author', AUTHOR_TYPES.map((a) => [a, AUTHOR_TYPE_LABELS[a][lang]]))}
            ${s === 'reported' ? select('decision', 'cons.filter.decision', DECISIONS.map((d) => [d, DECISION_LABELS[d][lang]])) : nothing}
            ${filtered ? html`<div><button type="button" class="ngo-secondary" @click=${this.clearFilters}>${this.t('cons.clear')}</button></div>` : nothing}
          </fieldset>`
        : nothing}
      ${!items
        ? this.renderState(this.remarks, lang)
        : items.length === 0
          ? html`<p>${this.t(filtered ? 'cons.remarks_filtered_none' : 'cons.remarks_none')}</p>`
          : html`<ul class="plain" aria-busy=${this.remarks.status === TaskStatus.PENDING ? 'true' : 'false'}>
              ${items.map((r, i) => html`<li>${this.renderRemark(c, r, i, s === 'open', lang)}</li>`)}
            </ul>`}
    </section>`;
  }

  private renderRemark(c: ConsultationDetail, r: PublicRemark, i: number, open: boolean, lang: Lang): TemplateResult {
    const type = AUTHOR_TYPE_LABELS[r.authorType][lang];
    // An organisation found on the NGO map (by KRS) links to its entry there.
    const org = r.organisationName
      ? r.organisationId
        ? html`<a href=${`${this.api}/embed/map?lang=${lang}&org=${encodeURIComponent(r.organisationId)}`} target="_blank" rel="noopener" lang=${this.authorLang}>${r.organisationName}</a>`
        : html`<span lang=${this.authorLang}>${r.organisationName}</span>`
      : null;
    const author = org ? html`${org}${r.krs ? ` (KRS ${r.krs})` : ''} · ${type}` : type;
    // What people wrote is in Polish, whatever the interface's language (WCAG 3.1.2).
    const block = (key: ConsultationKey, text: string) => (text ? html`<dt>${this.t(key)}</dt><dd lang=${this.authorLang}>${text}</dd>` : nothing);
    return html`<article class="remark" part="remark" aria-labelledby="remark-${i}" data-remark=${r.id} tabindex="-1">
      <${this.headingTag(2)} id="remark-${i}">${this.t('cons.remark_on', { target: r.unitLabel ?? this.t('cons.whole_document') })}</${this.headingTag(2)}>
      <p class="meta">${author} · ${this.t('cons.submitted_on', { date: formatDateTime(lang, r.createdAt) })}</p>
      <dl>
        ${block('cons.current', r.currentWording)} ${block('cons.proposed', r.proposedWording)} ${block('cons.justification', r.justification)}
        ${block('cons.supporters', r.supporters.map((s) => s.organisationName).join(', '))}
      </dl>
      <p><a class="permalink" href=${this.href({ remark: r.id })} @click=${(e: MouseEvent) => this.followLink(e, { remark: r.id })}>${this.t('cons.remark_link')}<span class="sr"> ${this.t('cons.remark_on', { target: r.unitLabel ?? this.t('cons.whole_document') })}</span></a></p>
      ${r.decision
        ? html`<div class="answer">
            <p><strong>${this.t('cons.decision')}:</strong> ${DECISION_LABELS[r.decision as Decision][lang]}</p>
            ${r.response ? html`<p><strong>${this.t('cons.response')}:</strong> <span lang=${this.authorLang}>${r.response}</span></p>` : nothing}
          </div>`
        : nothing}
      ${open
        ? html`<div class="row"><button type="button" class="ngo-secondary" id="support-${i}" @click=${() => this.open({ kind: 'support', remark: r }, `#support-${i}`)}>${this.t('cons.support')}</button></div>`
        : nothing}
      ${this.panel?.kind === 'support' && this.panel.remark.id === r.id ? this.renderForm(c, lang) : nothing}
    </article>`;
  }
}
