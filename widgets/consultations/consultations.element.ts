import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { AUTHOR_TYPES, AUTHOR_TYPE_LABELS, DECISIONS, DECISION_LABELS, STATUS_LABELS, consultationStatus, type AuthorType, type ConsultationStatus, type Decision } from '../../common/consultations.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import { ApiError, newIdempotencyKey } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { NgoEvent } from '../core/events.js';
import { errorSummary, field, focusErrorSummary, formStyles, inputField, statusRegion } from '../core/forms.js';
import { formatDateTime, type Lang } from '../core/i18n/index.js';
import { ChallengeController } from '../core/pow.js';
import { theme } from '../core/theme.js';
import {
  getConsultation, listConsultations, listRemarks, post, postPath, reportUrl,
  type ConsultationDetail, type ConsultationSummary, type ConsultationUnit, type PublicRemark, type RemarkFilters, type Target,
} from './consultations.api.js';
import { tc, type ConsultationKey } from './consultations.i18n.js';
import {
  REMARK_FIELDS, SUPPORT_FIELDS, allowedAuthors, emptyDraft, issuesToErrors, needsOrganisation, toRemarkBody, toSupportBody, validateRemark, validateSupport,
  type Draft, type FieldErrors, type FieldId,
} from './consultations.model.js';
import { consultationStyles } from './consultations.styles.js';
import { clockOffset, endedWithin, remaining } from './consultations.time.js';

export type SubmitKind = 'remark' | 'support' | 'confirm' | 'confirm-support';

/** Fired when a person opens a consultation from the list. */
export class NgoConsultationSelectEvent extends NgoEvent<{ id: string; title: string }> {
  constructor(detail: { id: string; title: string }) {
    super('ngo-select', detail);
  }
}

/** Fired before a remark, a support or a confirmation is sent; cancel it to stop sending. */
export class NgoConsultationSubmitEvent extends NgoEvent<{ kind: SubmitKind; consultation: string | null }> {
  constructor(detail: { kind: SubmitKind; consultation: string | null }) {
    super('ngo-submit', detail, { cancelable: true });
  }
}

/** Fired after the API accepted it; `status` is `unconfirmed`, `pending` or `published`. */
export class NgoConsultationSubmittedEvent extends NgoEvent<{ kind: SubmitKind; id: string; status: string }> {
  constructor(detail: { kind: SubmitKind; id: string; status: string }) {
    super('ngo-submitted', detail);
  }
}

/** The open form: a remark on a unit (null: the whole document) or a support of a remark. */
type Panel = { kind: 'remark'; unit: ConsultationUnit | null } | { kind: 'support'; remark: PublicRemark };

/** A POST already built: a retry after a network failure resends the same body with the same key. */
interface Attempt {
  fp: string;
  key: string;
  body: unknown;
}

const RECENT_DAYS = 90;
const SUMMARY = '.ngo-error-summary';
const NO_FILTERS: RemarkFilters = { unit: '', authorType: '', decision: '' };
const asApiError = (err: unknown) => (err instanceof ApiError ? err : new ApiError(0, 'network_error', String(err)));
const isLinkError = (err: ApiError) => err.code === 'link_invalid' || err.status === 404 || err.status === 422;
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => html`<p>${p.trim()}</p>`);

/**
 * Consultations of draft acts with NGOs and residents. With `consultation`, one consultation: its
 * header (dates in Europe/Warsaw, status and the time left on the server's clock), the document as
 * numbered units with remark counts and a "Comment" button each, the remark form, and the published
 * remarks with their answers and filters. After the close it is read-only, with the answers and a
 * link to the report once published. Without `consultation`, a list of current and recent
 * consultations (with a `district` preset) that opens one inside the widget.
 *
 * The e-mailed links land on a page with `confirm` (or `confirm-support`): the widget then shows a
 * panel with a button that confirms; it never confirms by itself, since mail scanners open links.
 *
 * @tag ngo-consultation
 * @attr consultation - Id of the consultation to show. Without it, the widget lists consultations.
 * @attr district - List preset, 1–18: that district's consultations and the city-wide ones.
 * @attr confirm - A remark's confirmation token (from the e-mailed link).
 * @attr confirm-support - A support's confirmation token (from the e-mailed link).
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` in the page applies.
 * @attr api-base - Where the API lives; defaults to the server the script came from.
 *
 * @fires ngo-select - A consultation was opened from the list: `detail: { id, title }`.
 * @fires ngo-submit - Before a remark, support or confirmation is sent; cancelable. `detail: { kind, consultation }`, `kind` is `remark`, `support`, `confirm` or `confirm-support`.
 * @fires ngo-submitted - After the API accepted it: `detail: { kind, id, status }`.
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
  protected static override translators = [tc];
  static override properties: PropertyDeclarations = {
    consultation: {},
    district: {},
    confirm: {},
    confirmSupport: { attribute: 'confirm-support' },
    selected: { state: true },
    filters: { state: true },
    panel: { state: true },
    draft: { state: true },
    errors: { state: true },
    failure: { state: true },
    busy: { state: true },
    done: { state: true },
    confirmed: { state: true },
    status: { state: true },
    now: { state: true },
  };

  declare consultation: string;
  declare district: string;
  declare confirm: string;
  declare confirmSupport: string;

  /** The consultation opened from the list. */
  declare private selected: string;
  declare private filters: RemarkFilters;
  declare private panel: Panel | null;
  declare private draft: Draft;
  declare private errors: FieldErrors;
  /** An API error not tied to a field, shown above the form or in the confirmation panel. */
  declare private failure: ApiError | null;
  declare private busy: boolean;
  /** The answer to the open form's POST: the success panel replaces the form. */
  declare private done: { status: string; email: string } | null;
  /** The confirmation's outcome: a status, or `invalid` for a dead link. */
  declare private confirmed: string;
  /** An action's message for the live region; counts are announced when it is empty. */
  declare private status: string;
  /** The server's clock, ticking. */
  declare private now: number;

  private offset = 0;
  private timer?: ReturnType<typeof setInterval>;
  private honeypot = '';
  private attempt?: Attempt;
  private pow?: ChallengeController;
  /** Selector to focus once it exists (after a load or an update). */
  private focusNext = '';
  /** Selector of the button that opened the form, for focus return. */
  private returnTo = '';
  private reloads = 0;

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
    args: () => [this.api, this.currentId, this.reloads] as const,
    task: async ([api, id, fresh], { signal }) => {
      if (!id) return null;
      const c = await getConsultation(api, id, fresh, signal);
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
    this.consultation = this.district = this.confirm = this.confirmSupport = this.selected = this.status = this.confirmed = '';
    this.filters = NO_FILTERS;
    this.panel = this.failure = this.done = null;
    this.draft = emptyDraft();
    this.errors = {};
    this.busy = false;
    this.now = Date.now();
  }

  /** The consultation shown: the attribute's, else the one opened from the list. */
  private get currentId(): string {
    return this.consultation || this.selected;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => (this.now = Date.now() + this.offset), 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }


  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('consultation') || changed.has('selected')) {
      this.panel = null;
      this.filters = NO_FILTERS;
    }
  }

  protected override updated(): void {
    const el = this.focusNext && this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    if (!el) return;
    this.focusNext = '';
    if (el.matches(SUMMARY)) focusErrorSummary(this.renderRoot);
    else el.focus();
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

  private openConsultation(c: ConsultationSummary, index: number): void {
    this.returnTo = `#item-${index}`;
    this.selected = c.id;
    this.status = '';
    this.dispatchEvent(new NgoConsultationSelectEvent({ id: c.id, title: c.title }));
    this.focusLater('#title');
  }

  private back(): void {
    this.selected = '';
    this.focusLater(this.returnTo);
  }

  private open(panel: Panel, returnTo: string): void {
    this.pow ??= new ChallengeController(this, () => this.api);
    this.panel = panel;
    this.returnTo = returnTo;
    const text = panel.kind === 'remark' ? (panel.unit?.text ?? '') : '';
    this.draft = { ...this.draft, currentWording: text, proposedWording: '', justification: '', consent: false };
    this.errors = {};
    this.failure = this.done = null;
    this.attempt = undefined;
    this.status = '';
    this.focusLater('#form-title');
  }

  private close(): void {
    this.panel = null;
    this.focusLater(this.returnTo);
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
      e.stopPropagation();
      this.close();
    }
  };

  private set<K extends FieldId>(key: K, value: Draft[K]): void {
    this.draft = { ...this.draft, [key]: value };
  }

  private readonly onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    const c = this.detail.value;
    const panel = this.panel;
    if (this.busy || !c || !panel) return;
    const lang = this.locale;
    this.failure = null;
    this.errors = panel.kind === 'remark' ? validateRemark(this.draft, c.audience) : validateSupport(this.draft);
    if (Object.keys(this.errors).length) {
      this.status = '';
      this.focusLater(SUMMARY);
      return;
    }
    if (panel.kind === 'remark') void this.send({ kind: 'remark', consultation: c.id }, toRemarkBody(this.draft, panel.unit?.id ?? null, lang));
    else void this.send({ kind: 'support', consultation: c.id, remark: panel.remark.id }, toSupportBody(this.draft, lang));
  };

  private async send(target: Target, payload: object): Promise<void> {
    const kind = target.kind;
    const confirming = kind === 'confirm' || kind === 'confirm-support';
    if (!this.dispatchEvent(new NgoConsultationSubmitEvent({ kind, consultation: this.currentId || null }))) return;
    const lang = this.locale;
    this.busy = true;
    this.failure = null;
    this.status = tc(lang, 'status.sending');
    try {
      const path = postPath(target);
      const fp = path + JSON.stringify(payload);
      if (this.attempt?.fp !== fp) {
        // A solution is single-use: once it is in a body, the next attempt needs a new one.
        const body = confirming ? payload : { ...payload, abuse: { altcha: await this.pow!.solution(), website: this.honeypot } };
        this.pow?.reset();
        this.attempt = { fp, key: newIdempotencyKey(), body };
      }
      const res = await post(this.api, path, this.attempt.body, this.attempt.key);
      this.attempt = undefined;
      this.status = tc(lang, 'cons.sent');
      if (confirming) {
        this.confirmed = res.status;
        this.focusLater('#confirm-title');
      } else {
        this.done = { status: res.status, email: this.draft.contactEmail.trim() };
        this.focusLater('#done');
      }
      if (res.status === 'published') this.reloads++;
      this.dispatchEvent(new NgoConsultationSubmittedEvent({ kind, id: res.id, status: res.status }));
    } catch (err) {
      this.status = '';
      this.fail(asApiError(err), confirming);
    } finally {
      this.busy = false;
    }
  }

  private fail(err: ApiError, confirming: boolean): void {
    // Only an answer that may not have reached the server keeps its key for the retry.
    if (err.status !== 0 && err.code !== 'idempotency_in_progress') this.attempt = undefined;
    if (confirming && isLinkError(err)) {
      this.confirmed = 'invalid';
      this.focusLater('#confirm-title');
      return;
    }
    if (!confirming && err.code === 'validation_failed' && err.issues.length) {
      const { errors, other } = issuesToErrors(err.issues, this.panel?.kind === 'support' ? SUPPORT_FIELDS : REMARK_FIELDS);
      this.errors = errors;
      if (other.length || !Object.keys(errors).length) this.failure = err;
      this.focusLater(Object.keys(errors).length ? SUMMARY : '#form-error');
      return;
    }
    this.failure = err;
    this.focusLater(confirming ? '#confirm-error' : '#form-error');
  }

  // ---- rendering ---------------------------------------------------------------------------------

  private t(key: ConsultationKey | 'loading' | 'retry' | 'status.sending' | 'field.required_marker' | 'error.link_invalid', vars?: Record<string, string | number>): string {
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
      ${token ? this.renderConfirm(this.confirm ? 'confirm' : 'confirm-support', token) : nothing}
      ${this.currentId ? this.renderConsultation(lang) : token ? nothing : this.renderList(lang)}
      ${statusRegion(this.status || this.announcement(lang))}
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

  private renderState(task: { error: unknown; run(): Promise<void> }, lang: Lang): TemplateResult {
    if (task.error) {
      return html`<div role="alert"><p class="ngo-error">${tc.error(lang, asApiError(task.error))}</p>
        <button type="button" @click=${() => void task.run()}>${this.t('retry')}</button></div>`;
    }
    return html`<p>${this.t('loading')}</p>`;
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
    return html`<h2>${this.t('cons.list_title')}</h2>
      ${!items
        ? this.renderState(this.list, lang)
        : shown.length === 0
          ? html`<p>${this.t('cons.none')}</p>`
          : groups.map(([key, list]) =>
              list.length
                ? html`<h3>${this.t(key)}</h3>
                    <ul class="plain" part="list">
                      ${list.map((c) => {
                        const i = index++;
                        return html`<li class="item">
                          <h4><button type="button" class="link" part="item" id="item-${i}" @click=${() => this.openConsultation(c, i)}>${c.title}</button></h4>
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
        <h2 id="title" tabindex="-1">${c.title}</h2>
        <div class="row">${this.badge(c, lang)}</div>
        <dl>
          ${row('cons.period', this.dates(c, lang))} ${row('cons.subject', c.subject)} ${row('cons.goal', c.goal)}
          ${row('cons.unit_name', c.unitName)} ${row('cons.legal_basis', c.legalBasis)} ${row('cons.scope', this.scope(c, lang))}
        </dl>
        <p class="note">${this.t(c.audience === 'ngo' ? 'cons.audience.ngo' : 'cons.audience.all')}</p>
        ${c.attachments.length
          ? html`<h3>${this.t('cons.attachments')}</h3>
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
        ? html`<h3>${this.t('cons.report')}</h3>
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
      <h3 id="doc-title">${this.t('cons.document')}</h3>
      ${open ? html`<p class="muted">${this.t('cons.document_hint')}</p>` : nothing}
      <div class="row">
        ${open ? html`<button type="button" id="comment-doc" part="comment-button" @click=${() => this.open({ kind: 'remark', unit: null }, '#comment-doc')}>${this.t('cons.comment_document')}</button>` : nothing}
        ${counts(c.documentRemarkCount, 'document', whole)}
      </div>
      ${isPanel(null) ? this.renderPanel(c, lang) : nothing}
      ${c.units.length
        ? html`<ul class="plain units" part="units">
            ${c.units.map(
              (u, i) => html`<li style="--_depth:${u.depth}">
                <span class="label">${u.label}</span>
                <p class="text">${u.text}</p>
                <div class="row">
                  ${open
                    ? html`<button type="button" id="comment-${i}" part="comment-button" @click=${() => this.open({ kind: 'remark', unit: u }, `#comment-${i}`)}>${this.t('cons.comment')}<span class="sr"> ${u.label}</span></button>`
                    : nothing}
                  ${counts(u.remarkCount, u.id, u.label)}
                </div>
                ${isPanel(u) ? this.renderPanel(c, lang) : nothing}
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
      <h3 id="remarks-title" tabindex="-1">${this.t(s === 'reported' ? 'cons.remarks_answers' : 'cons.remarks')}</h3>
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
    const author = r.organisationName ? `${r.organisationName}${r.krs ? ` (KRS ${r.krs})` : ''} · ${type}` : type;
    const block = (key: ConsultationKey, text: string) => (text ? html`<dt>${this.t(key)}</dt><dd>${text}</dd>` : nothing);
    return html`<article class="remark" part="remark" aria-labelledby="remark-${i}">
      <h4 id="remark-${i}">${this.t('cons.remark_on', { target: r.unitLabel ?? this.t('cons.whole_document') })}</h4>
      <p class="meta">${author} · ${this.t('cons.submitted_on', { date: formatDateTime(lang, r.createdAt) })}</p>
      <dl>
        ${block('cons.current', r.currentWording)} ${block('cons.proposed', r.proposedWording)} ${block('cons.justification', r.justification)}
        ${block('cons.supporters', r.supporters.map((s) => s.organisationName).join(', '))}
      </dl>
      ${r.decision
        ? html`<div class="answer">
            <p><strong>${this.t('cons.decision')}:</strong> ${DECISION_LABELS[r.decision as Decision][lang]}</p>
            ${r.response ? html`<p><strong>${this.t('cons.response')}:</strong> ${r.response}</p>` : nothing}
          </div>`
        : nothing}
      ${open
        ? html`<div class="row"><button type="button" class="ngo-secondary" id="support-${i}" @click=${() => this.open({ kind: 'support', remark: r }, `#support-${i}`)}>${this.t('cons.support')}</button></div>`
        : nothing}
      ${this.panel?.kind === 'support' && this.panel.remark.id === r.id ? this.renderPanel(c, lang) : nothing}
    </article>`;
  }

  // -- forms

  private renderPanel(c: ConsultationDetail, lang: Lang): TemplateResult {
    const panel = this.panel!;
    const remark = panel.kind === 'remark';
    const target = remark ? (panel.unit?.label ?? this.t('cons.whole_document')) : panel.remark.unitLabel ?? this.t('cons.whole_document');
    const close = html`<button type="button" class="ngo-secondary" @click=${this.close}>${this.t(this.done ? 'cons.close' : 'cons.cancel')}</button>`;
    if (this.done) {
      const status = ['unconfirmed', 'pending', 'published'].includes(this.done.status) ? this.done.status : 'pending';
      const key = `cons.${remark ? 'done' : 'done_support'}.${status}` as ConsultationKey;
      return html`<div class="panel" part="form">
        <div id="done" tabindex="-1"><h4>${this.t('cons.done.title')}</h4><p>${this.t(key, { email: this.done.email })}</p></div>
        ${close}
      </div>`;
    }
    const ids = remark ? REMARK_FIELDS : SUPPORT_FIELDS;
    const summary = ids.filter((id) => this.errors[id]).map((id) => ({
      id: id === 'authorType' ? `authorType-${allowedAuthors(c.audience)[0]}` : id,
      message: id === 'consent' ? this.err(id)! : `${this.label(id)}: ${this.err(id)}`,
    }));
    const withOrg = !remark || needsOrganisation(this.draft.authorType);
    return html`<div class="panel" part="form" role="region" aria-labelledby="form-title">
      <h4 id="form-title" tabindex="-1">${this.t(remark ? 'cons.form.title' : 'cons.support_title')}</h4>
      <p>${this.t(remark ? 'cons.form.target' : 'cons.remark_on', { target })}</p>
      ${remark ? nothing : html`<p>${this.t('cons.support_intro')}</p>`}
      <form novalidate @submit=${this.onSubmit}>
        ${errorSummary(tc(lang, 'summary.heading', { count: summary.length }), summary)}
        <div id="form-error" class="form-error" role="alert" tabindex="-1">${this.failure ? tc.error(lang, this.failure) : ''}</div>
        ${remark
          ? html`${this.area('currentWording')} ${this.area('proposedWording')} ${this.area('justification', true)} ${this.renderAuthorTypes(c, lang)}`
          : nothing}
        ${withOrg ? html`${this.text('organisationName', { required: true, autocomplete: 'organization' })} ${this.text('krs', { hint: true, inputmode: 'numeric' })}` : nothing}
        <fieldset aria-describedby="contact-hint">
          <legend>${this.t('cons.f.contact')}</legend>
          <p class="ngo-hint" id="contact-hint">${this.t('cons.f.contact_hint')}</p>
          ${this.text('contactName', { required: true, autocomplete: 'name' })}
          ${this.text('contactEmail', { required: true, type: 'email', autocomplete: 'email' })}
        </fieldset>
        ${this.renderConsent(c)}
        <div class="hp" aria-hidden="true">
          <label for="hp">${this.t('cons.f.honeypot')}</label>
          <input id="hp" name="website" type="text" tabindex="-1" autocomplete="off" @input=${(e: Event) => (this.honeypot = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="row">
          <button type="submit" part="submit-button" ?disabled=${this.busy}>${this.t(remark ? 'cons.submit' : 'cons.support_submit')}</button>
          ${close}
        </div>
      </form>
    </div>`;
  }

  private label(id: FieldId): string {
    return this.t(`cons.f.${id}` as ConsultationKey);
  }

  private err(id: FieldId): string | undefined {
    const key = this.errors[id];
    return key ? tc(this.locale, key) : undefined;
  }

  private area(id: 'currentWording' | 'proposedWording' | 'justification', required = false): TemplateResult {
    return field(
      { id, label: this.label(id), hint: this.t(`cons.f.${id}_hint`), error: this.err(id), requiredMarker: required ? this.t('field.required_marker') : undefined },
      (a) => html`<textarea id=${a.id} part="input" name=${id} maxlength="10000" ?required=${required} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)}
        .value=${this.draft[id]} @input=${(e: Event) => this.set(id, (e.target as HTMLTextAreaElement).value)}></textarea>`,
    );
  }

  private text(id: 'organisationName' | 'krs' | 'contactName' | 'contactEmail', o: { required?: boolean; hint?: boolean; type?: 'email'; autocomplete?: string; inputmode?: 'numeric' } = {}): TemplateResult {
    return inputField({
      id,
      label: this.label(id),
      hint: o.hint ? this.t('cons.f.krs_hint') : undefined,
      error: this.err(id),
      requiredMarker: o.required ? this.t('field.required_marker') : undefined,
      type: o.type,
      value: this.draft[id],
      required: o.required,
      maxlength: id === 'krs' ? 10 : id === 'contactEmail' ? 254 : 200,
      autocomplete: o.autocomplete ?? 'off',
      inputmode: o.inputmode,
      onInput: (v) => this.set(id, v),
    });
  }

  private renderAuthorTypes(c: ConsultationDetail, lang: Lang): TemplateResult {
    const error = this.err('authorType');
    const note = c.audience === 'ngo';
    const described = [note && 'authorType-hint', error && 'authorType-error'].filter(Boolean).join(' ');
    return html`<fieldset aria-describedby=${ifDefined(described || undefined)}>
      <legend>${this.label('authorType')} <span class="ngo-hint">${this.t('field.required_marker')}</span></legend>
      ${note ? html`<p class="ngo-hint" id="authorType-hint">${this.t('cons.audience.ngo')}</p>` : nothing}
      ${error ? html`<p class="ngo-error" id="authorType-error">${error}</p>` : nothing}
      ${allowedAuthors(c.audience).map(
        (a: AuthorType) => html`<label class="check"
          ><input type="radio" name="authorType" id="authorType-${a}" value=${a} .checked=${this.draft.authorType === a}
            aria-invalid=${ifDefined(error ? 'true' : undefined)} @change=${() => this.set('authorType', a)} /><span>${AUTHOR_TYPE_LABELS[a][lang]}</span></label
        >`,
      )}
    </fieldset>`;
  }

  private renderConsent(c: ConsultationDetail): TemplateResult {
    const error = this.err('consent');
    return html`<p class="ngo-label" id="clause-title">${this.t('cons.clause')}</p>
      <div class="clause" role="region" aria-labelledby="clause-title" tabindex="0">${paragraphs(c.informationClause.trim() || this.t('cons.clause_default'))}</div>
      ${error ? html`<p class="ngo-error" id="consent-error">${error}</p>` : nothing}
      <label class="check"
        ><input type="checkbox" id="consent" required .checked=${this.draft.consent} aria-describedby=${ifDefined(error ? 'consent-error' : undefined)}
          aria-invalid=${ifDefined(error ? 'true' : undefined)} @change=${(e: Event) => this.set('consent', (e.target as HTMLInputElement).checked)} /><span
          >${this.t('cons.f.consent')} <span class="ngo-hint">${this.t('field.required_marker')}</span></span
        ></label
      >`;
  }

  // -- confirmation from the e-mailed link

  private renderConfirm(kind: 'confirm' | 'confirm-support', token: string): TemplateResult {
    const result = this.confirmed;
    const heading = result === 'invalid' ? this.t('error.link_invalid') : result ? this.t('cons.done.title') : this.t(`cons.${kind}.title`);
    let body: TemplateResult;
    if (result === 'invalid') body = html`<p>${this.t('cons.link_help')}</p>`;
    else if (result) body = html`<p>${this.t(result === 'published' ? 'cons.confirmed.published' : 'cons.confirmed.pending')}</p>`;
    else {
      body = html`<p>${this.t(`cons.${kind}.intro`)}</p>
        <div id="confirm-error" class="form-error" role="alert" tabindex="-1">${this.failure ? tc.error(this.locale, this.failure) : ''}</div>
        <button type="button" part="submit-button" ?disabled=${this.busy} @click=${() => void this.send({ kind }, { token })}>${this.t(`cons.${kind}.button`)}</button>`;
    }
    return html`<div class="panel" part="confirm">
      <h2 id="confirm-title" tabindex="-1">${heading}</h2>
      ${body}
    </div>`;
  }
}
