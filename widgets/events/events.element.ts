import { Task, TaskStatus } from '@lit/task';
import { nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { EVENT_AUDIENCES, EVENT_AUDIENCE_LABELS, EVENT_TYPES, EVENT_TYPE_LABELS, VENUE_ACCESSIBILITY_LABELS } from '../../common/events.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import { endOfMonth, endOfWeek, startOfMonth, startOfWeek, warsawDateOf, type CivilDate } from '../../common/time.js';
import { asApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { NgoSelectEvent } from '../core/events.js';
import { formStyles, statusRegion } from '../core/forms.js';
import { formatDate, t, type Lang } from '../core/i18n/index.js';
import { theme } from '../core/theme.js';
import { onUrlState, readUrlState, writeUrlState } from '../core/url-state.js';
import { eventIcsUrl, feedUrl, getEvent, listEvents, type CalendarEvent, type EventFilters } from './events.api.js';
import type { EventForms } from './events.form.js';
import { te, type EventsKey } from './events.i18n.js';
import { emptyFilters, localized, registrationState } from './events.listing.js';
import { whenText } from './events.when.js';
import { eventsStyles } from './events.styles.js';

type View = 'list' | 'month';

/** The public-form kit's dictionaries, once the form's code is loaded: a rendered form needs them in the page's language. */
let formKit: { load(lang: Lang): Promise<void> | undefined } | undefined;
const formKitTranslator = { load: (lang: Lang) => formKit?.load(lang) };
const URL_PREFIX = 'ngo-events-';
const URL_KEYS = ['view', 'date', 'event', 'q', 'type', 'district', 'audience', 'accessible', 'online'] as const;
const PAGE = 50;
const MONTH_LIMIT = 500;
const LOCALES: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB', uk: 'uk-UA' };

const languageName = (lang: Lang, code: string): string => {
  if (code === 'pjm') return te(lang, 'events.lang_pjm');
  try {
    return new Intl.DisplayNames([LOCALES[lang]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/**
 * The city's event calendar: the NGO Festival and its programme, the NGO Forum, conferences,
 * training cycles and NGO events, as a list (the default) or a month grid, with filters, an
 * event's details, "Add to calendar", a subscription to what the list shows, and registration
 * (for one event, or once for a whole cycle with opt-out per session) with its full and
 * waiting-list states. The e-mailed links open it too: `confirm` confirms a registration,
 * `manage` shows it to change or cancel (and `action="accept"` to take an offered place).
 *
 * @tag ngo-events
 * @attr type - Preset event types, comma-separated (`training`, `festival`, `forum`, `conference`, `meeting`, `other`).
 * @attr district - Preset district, 1–18 (a district council's site).
 * @attr organiser - Only events of this organiser (its map organisation id).
 * @attr series - Only the sessions of this series (a training cycle, a festival programme).
 * @attr view - What shows first: `list` (default) or `month`.
 * @attr event - Open this event's details at start (its id).
 * @attr sync-url - Keep the view, the month, the open event and the filters in the page URL (`?ngo-events-view=month`), so links and Back work.
 * @attr confirm - A registration's confirmation token (from the e-mailed link).
 * @attr manage - A registration's self-service token (from the e-mailed link): see, change or cancel it.
 * @attr action - With `manage`: `accept` offers to accept a place from the waiting list.
 * @attr lang - `pl` (default), `en` or `uk`.
 * @attr api-base - Where the API lives; defaults to the server the script came from.
 * @fires ngo-select - A person opened an event: `detail: { id, name }`.
 * @fires ngo-submit - Before a registration is sent (cancelable): `detail: { kind: 'registration', event }`.
 * @fires ngo-submitted - A registration was received, confirmed, changed or cancelled: `detail: { kind, id, status }`.
 * @fires ngo-error - A sending failed: `detail: { kind, code }`.
 * @csspart base - The widget's root.
 * @csspart filters - The filter form.
 * @csspart list - The list of events.
 * @csspart item - One event in the list (a button).
 * @csspart details - The event's details.
 * @csspart form - The registration form.
 * @csspart submit-button - The button that sends a form.
 */
export class NgoEvents extends NgoElement {
  static override styles = [theme, formStyles, eventsStyles];
  protected static override translators = [te, formKitTranslator];
  static override properties: PropertyDeclarations = {
    type: {},
    district: {},
    organiser: {},
    series: {},
    view: {},
    event: {},
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    confirm: {},
    manage: {},
    action: {},
    filters: { state: true },
    shown: { state: true },
    date: { state: true },
    limit: { state: true },
    selectedId: { state: true },
    registering: { state: true },
    linkDone: { state: true },
    message: { state: true },
  };

  declare type: string;
  declare district: string;
  declare organiser: string;
  declare series: string;
  declare view: string;
  declare event: string;
  declare syncUrl: boolean;
  declare confirm: string;
  declare manage: string;
  declare action: string;

  declare private filters: EventFilters;
  declare private shown: View;
  declare private date: CivilDate;
  declare private limit: number;
  declare private selectedId: string;
  declare private registering: boolean;
  /** The e-mailed link's panel was closed: show the calendar. */
  declare private linkDone: boolean;
  declare private message: string;

  private readonly today = warsawDateOf(Date.now());
  private forms?: EventForms;
  private formsLoading?: Promise<EventForms | undefined>;
  /** The month grid's code, loaded the first time the month shows (most readers stay on the list). */
  private monthLoading?: Promise<unknown>;
  private returnFocus: string | null = null;
  private focusNext: string | null = null;
  private qTimer?: ReturnType<typeof setTimeout>;
  private stopUrl?: () => void;
  private started = false;

  constructor() {
    super();
    this.type = this.district = this.organiser = this.series = this.view = this.event = this.confirm = this.manage = this.action = '';
    this.syncUrl = false;
    this.filters = emptyFilters();
    this.shown = 'list';
    this.date = this.today;
    this.limit = PAGE;
    this.selectedId = '';
    this.registering = false;
    this.linkDone = false;
    this.message = '';
  }

  private readonly list = new Task(this, {
    args: () => [this.api, this.shown, JSON.stringify(this.filters), this.shown === 'month' ? this.date.slice(0, 7) : '', this.limit] as const,
    task: ([api, shown, , , limit], { signal }) => {
      const range =
        shown === 'month'
          ? { from: startOfWeek(startOfMonth(this.date)), to: endOfWeek(endOfMonth(this.date)), limit: MONTH_LIMIT }
          : { limit };
      return listEvents(api, this.filters, { ...range, lang: this.locale }, signal);
    },
  });

  private readonly details = new Task(this, {
    args: () => [this.api, this.selectedId] as const,
    task: ([api, id], { signal }) => (id ? getEvent(api, id, signal) : Promise.resolve(null)),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) this.stopUrl = onUrlState(() => this.readUrl());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopUrl?.();
    clearTimeout(this.qTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.started) {
      // Presets from the attributes, then what the page URL says.
      this.started = true;
      this.filters = { ...emptyFilters(), type: this.type, district: this.district, organiser: this.organiser, series: this.series };
      this.shown = this.view === 'month' ? 'month' : 'list';
      this.selectedId = this.event;
      if (this.syncUrl) this.readUrl();
      if (this.confirm || this.manage) void this.loadForms();
    }
    if (this.shown === 'month') {
      this.monthLoading ??= import('./events-month.js').catch((err) => {
        console.warn('[ngo] <ngo-events>: the month grid could not be loaded:', err);
        this.monthLoading = undefined;
      });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusNext) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusNext);
      if (target) {
        target.focus();
        this.focusNext = null;
      }
    }
  }

  /** Focuses `selector` once it is rendered (it may wait for data). */
  focusLater(selector: string): void {
    this.focusNext = selector;
    this.requestUpdate();
  }

  /** The live region's message. */
  say(message: string): void {
    this.message = message;
  }

  /** The API base, for the form module. */
  apiUrl(): string {
    return this.api;
  }

  private readUrl() {
    const u = readUrlState(URL_PREFIX, URL_KEYS);
    const f = this.filters;
    this.filters = {
      ...f,
      q: u.q ?? f.q,
      type: u.type ?? f.type,
      district: u.district ?? f.district,
      audience: u.audience ?? f.audience,
      accessible: u.accessible ? u.accessible === '1' : f.accessible,
      online: u.online ? u.online === '1' : f.online,
    };
    if (u.view === 'month' || u.view === 'list') this.shown = u.view;
    if (u.date && /^\d{4}-\d{2}-\d{2}$/.test(u.date)) this.date = u.date;
    this.selectedId = u.event ?? (this.syncUrl ? '' : this.selectedId);
    this.registering = false;
  }

  private writeUrl(push = false) {
    if (!this.syncUrl) return;
    const f = this.filters;
    writeUrlState(
      URL_PREFIX,
      {
        view: this.shown === 'month' ? 'month' : '', date: this.shown === 'month' ? this.date : '', event: this.selectedId,
        q: f.q, type: f.type === this.type ? '' : f.type, district: f.district === this.district ? '' : f.district, audience: f.audience, accessible: f.accessible ? '1' : '', online: f.online ? '1' : '',
      },
      { push },
    );
  }

  // ---- actions ------------------------------------------------------------------------------------

  private setFilter<K extends keyof EventFilters>(key: K, value: EventFilters[K]) {
    this.filters = { ...this.filters, [key]: value };
    this.limit = PAGE;
    this.writeUrl();
  }

  private onSearch(value: string) {
    clearTimeout(this.qTimer);
    this.qTimer = setTimeout(() => this.setFilter('q', value), 300);
  }

  private showView(v: View) {
    if (this.shown === v) return;
    this.shown = v;
    this.writeUrl(true);
  }

  /** Opens an event's details; focus goes to its heading, and back to `from` when it closes. */
  open(id: string, name: string, from: string | null) {
    this.returnFocus = from;
    this.selectedId = id;
    this.registering = false;
    this.writeUrl(true);
    this.focusLater('#details-title');
    this.dispatchEvent(new NgoSelectEvent({ id, name }));
  }

  private closeDetails() {
    const back = () => {
      this.selectedId = '';
      this.registering = false;
      this.writeUrl(true);
      this.focusLater(this.returnFocus ?? (this.shown === 'month' ? 'ngo-events-month' : '.list-title'));
    };
    if (this.registering && this.forms) this.forms.requestClose(back);
    else back();
  }

  private async loadForms(): Promise<EventForms | undefined> {
    if (this.forms) return this.forms;
    this.formsLoading ??= import('./events.form.js').then(
      async (m) => {
        formKit = m.formKit;
        await m.formKit.load(this.locale);
        return (this.forms = new m.EventForms(this));
      },
      (err) => {
        console.warn('[ngo] <ngo-events>: the form could not be loaded:', err);
        this.formsLoading = undefined;
        return undefined;
      },
    );
    const forms = await this.formsLoading;
    this.requestUpdate();
    return forms;
  }

  private async startRegistration(e: CalendarEvent) {
    const forms = await this.loadForms();
    if (!forms) return;
    await forms.open(e);
    this.registering = true;
    this.focusLater('#form-title');
  }

  /** The form module closed the registration form (Cancel, or done and back). */
  closeRegistration(): void {
    this.registering = false;
    this.focusLater('.register');
  }

  /** The e-mailed link's panel is done: show the calendar (the event, when the link names one). */
  closeLink(eventId: string | null): void {
    this.linkDone = true;
    if (eventId) this.selectedId = eventId;
    this.list.run();
    this.details.run();
    this.focusLater(eventId ? '#details-title' : '.list-title');
  }

  /** A registration changed the places: load the event and the list again. */
  reload(): void {
    this.details.run();
    this.list.run();
  }

  // ---- rendering ----------------------------------------------------------------------------------

  private t(key: EventsKey, vars?: Record<string, string | number>) {
    return te(this.locale, key, vars);
  }

  override render() {
    const lang = this.locale;
    if (this.district && !/^([1-9]|1[0-8])$/.test(this.district)) return this.warnMisconfig(`district="${this.district}" is not 1–18`);
    if (this.view && this.view !== 'list' && this.view !== 'month') return this.warnMisconfig(`view="${this.view}" is not list or month`);
    const link = (this.confirm || this.manage) && !this.linkDone;
    // With `no-heading` the host's own heading titles the widget; the region keeps its name.
    return html`<section class="ngo-root" part="base" lang=${lang} aria-labelledby=${this.noHeading ? nothing : 'events-title'} aria-label=${this.noHeading ? this.t('events.title') : nothing}>
      ${this.noHeading ? nothing : html`<${this.headingTag(0)} id="events-title" class="title">${this.t('events.title')}</${this.headingTag(0)}>`}
      ${statusRegion(this.message)}
      ${link ? this.renderLink(lang) : this.selectedId ? this.renderDetails(lang) : this.renderCalendar(lang)}
    </section>`;
  }

  private renderLink(lang: Lang): TemplateResult {
    if (!this.forms) return html`<p>${t(lang, 'loading')}</p>`;
    return this.confirm ? this.forms.renderConfirm(this.confirm) : this.forms.renderManage(this.manage, this.action === 'accept');
  }

  private renderFilters(lang: Lang): TemplateResult {
    const f = this.filters;
    const presetType = !!this.type && !this.type.includes(',') ? this.type : '';
    return html`<form class="filters" part="filters" role="search" aria-label=${this.t('events.filters')} @submit=${(e: Event) => e.preventDefault()}>
      <div class="ngo-field q">
        <label class="ngo-label" for="f-q">${this.t('events.f.q')}</label>
        <input id="f-q" type="search" .value=${f.q} maxlength="100" @input=${(e: Event) => this.onSearch((e.target as HTMLInputElement).value)} />
      </div>
      ${this.type.includes(',') || presetType
        ? nothing
        : html`<div class="ngo-field">
            <label class="ngo-label" for="f-type">${this.t('events.f.type')}</label>
            <select id="f-type" @change=${(e: Event) => this.setFilter('type', (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!f.type}>${this.t('events.f.any')}</option>
              ${EVENT_TYPES.map((x) => html`<option value=${x} ?selected=${f.type === x}>${EVENT_TYPE_LABELS[x][lang]}</option>`)}
            </select>
          </div>`}
      ${this.district
        ? nothing
        : html`<div class="ngo-field">
            <label class="ngo-label" for="f-district">${this.t('events.f.district')}</label>
            <select id="f-district" @change=${(e: Event) => this.setFilter('district', (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!f.district}>${this.t('events.f.any_district')}</option>
              ${DISTRICTS.map((d) => html`<option value=${String(d.id)} ?selected=${f.district === String(d.id)}>${d.roman} ${d.name}</option>`)}
            </select>
          </div>`}
      <div class="ngo-field">
        <label class="ngo-label" for="f-audience">${this.t('events.f.audience')}</label>
        <select id="f-audience" @change=${(e: Event) => this.setFilter('audience', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!f.audience}>${this.t('events.f.anyone')}</option>
          ${EVENT_AUDIENCES.map((x) => html`<option value=${x} ?selected=${f.audience === x}>${EVENT_AUDIENCE_LABELS[x][lang]}</option>`)}
        </select>
      </div>
      <div class="checks">
        <label class="ngo-check"><input type="checkbox" .checked=${f.accessible} @change=${(e: Event) => this.setFilter('accessible', (e.target as HTMLInputElement).checked)} /><span>${this.t('events.f.accessible')}</span></label>
        <label class="ngo-check"><input type="checkbox" .checked=${f.online} @change=${(e: Event) => this.setFilter('online', (e.target as HTMLInputElement).checked)} /><span>${this.t('events.f.online')}</span></label>
      </div>
    </form>`;
  }

  private renderCalendar(lang: Lang): TemplateResult {
    return html`${this.renderFilters(lang)}
      <div class="toolbar">
        <div class="views" role="group" aria-label=${this.t('events.view')}>
          <button type="button" class="ngo-secondary view-list" aria-pressed=${this.shown === 'list' ? 'true' : 'false'} @click=${() => this.showView('list')}>${this.t('events.view.list')}</button>
          <button type="button" class="ngo-secondary view-month" aria-pressed=${this.shown === 'month' ? 'true' : 'false'} @click=${() => this.showView('month')}>${this.t('events.view.month')}</button>
        </div>
        <p class="feeds">
          <a class="subscribe" href=${feedUrl(this.api, this.filters, 'ics', lang)}>${this.t('events.subscribe')}</a>
          <a class="rss" href=${feedUrl(this.api, this.filters, 'rss', lang)}>${this.t('events.rss')}</a>
        </p>
      </div>
      <p class="hint">${this.t('events.subscribe_hint')}</p>
      ${this.shown === 'month' ? this.renderMonth(lang) : this.renderList(lang)}`;
  }

  private renderMonth(lang: Lang): TemplateResult {
    const items = this.list.value?.items ?? [];
    const failed = this.list.status === TaskStatus.ERROR;
    return html`${failed ? this.renderListError(lang) : nothing}
      <ngo-events-month
        heading-level=${this.headingLevelAt(0)}
        lang=${lang}
        .date=${this.date}
        .today=${this.today}
        .events=${items}
        ?loading=${this.list.status === TaskStatus.PENDING}
        @ngo-month-change=${(e: CustomEvent<{ date: string }>) => {
          e.stopPropagation();
          this.date = e.detail.date;
          this.writeUrl();
        }}
        @ngo-select=${(e: CustomEvent<{ id: string; name: string }>) => {
          e.stopPropagation();
          this.open(e.detail.id, e.detail.name, 'ngo-events-month');
        }}
      ></ngo-events-month>`;
  }

  private renderListError(lang: Lang): TemplateResult {
    return html`<div class="ngo-error" role="alert">
      <p>${te.error(lang, asApiError(this.list.error))}</p>
      <button type="button" class="ngo-secondary" @click=${() => this.list.run()}>${t(lang, 'retry')}</button>
    </div>`;
  }

  private renderList(lang: Lang): TemplateResult {
    const heading = html`<${this.headingTag(1)} class="list-title" tabindex="-1">${this.t('events.list_title')}</${this.headingTag(1)}>`;
    return this.list.render({
      initial: () => html`${heading}<p>${t(lang, 'loading')}</p>`,
      pending: () => html`${heading}<p>${t(lang, 'loading')}</p>`,
      error: () => html`${heading}${this.renderListError(lang)}`,
      complete: (data) => {
        if (!data.items.length) return html`${heading}<p class="empty">${this.t('events.none')}</p>`;
        return html`${heading}
          <p class="count">${this.t(data.totalCapped ? 'events.count_capped' : 'events.count', { count: data.total })}</p>
          <ul class="list" part="list">
            ${data.items.map((e) => this.renderItem(lang, e))}
          </ul>
          ${data.total > data.items.length
            ? html`<button type="button" class="ngo-secondary more" @click=${() => (this.limit += PAGE)}>${this.t('events.more', { count: data.total - data.items.length })}</button>`
            : nothing}`;
      },
    });
  }

  private badges(lang: Lang, e: CalendarEvent): TemplateResult[] {
    const out: TemplateResult[] = [];
    if (e.status === 'cancelled') return [html`<span class="badge cancelled">${this.t('events.cancelled_badge')}</span>`];
    const state = registrationState(e.registration);
    if (state === 'waiting') out.push(html`<span class="badge full">${this.t('events.badge.waiting')}</span>`);
    else if (state === 'full') out.push(html`<span class="badge full">${this.t('events.badge.full')}</span>`);
    else if (state === 'open' && e.registration.placesLeft !== null) out.push(html`<span class="badge">${this.t('events.places_left', { count: e.registration.placesLeft })}</span>`);
    if (e.venue?.accessibility.includes('stepFree')) out.push(html`<span class="badge">${VENUE_ACCESSIBILITY_LABELS.stepFree[lang]}</span>`);
    if (e.onlineUrl) out.push(html`<span class="badge">${this.t('events.badge.online')}</span>`);
    return out;
  }

  private renderItem(lang: Lang, e: CalendarEvent): TemplateResult {
    const { title } = localized(e, lang);
    const where = e.venue ? e.venue.name : this.t('events.online');
    return html`<li>
      <button type="button" part="item" class="item" data-id=${e.id} @click=${() => this.open(e.id, title, `.item[data-id="${e.id}"]`)}>
        <span class="item-title">${title}</span>
        <span class="item-when">${whenText(lang, e)}</span>
        <span class="item-meta">${EVENT_TYPE_LABELS[e.type][lang]} · ${where}</span>
        <span class="badges">${this.badges(lang, e)}</span>
      </button>
    </li>`;
  }

  private renderDetails(lang: Lang): TemplateResult {
    const back = html`<button type="button" class="ngo-secondary back" @click=${() => this.closeDetails()}>${this.t(this.shown === 'month' ? 'events.back_month' : 'events.back')}</button>`;
    return this.details.render({
      initial: () => html`${back}<p>${t(lang, 'loading')}</p>`,
      pending: () => html`${back}<p>${t(lang, 'loading')}</p>`,
      error: (err) => html`${back}<p class="ngo-error" role="alert">${te.error(lang, asApiError(err))}</p>`,
      complete: (e) => (e ? html`${back}${this.registering && this.forms ? this.forms.renderForm(e) : this.renderEvent(lang, e)}` : html`${back}`),
    });
  }

  private renderEvent(lang: Lang, e: CalendarEvent): TemplateResult {
    const { title, description } = localized(e, lang);
    const v = e.venue;
    const row = (label: string, value: unknown) => html`<dt>${label}</dt><dd>${value}</dd>`;
    const district = v?.district ? DISTRICTS.find((d) => d.id === v.district) : undefined;
    return html`<article class="details" part="details" aria-labelledby="details-title">
      <${this.headingTag(1)} id="details-title" tabindex="-1">${title}${e.status === 'cancelled' ? html` <span class="badge cancelled">${this.t('events.cancelled_badge')}</span>` : nothing}</${this.headingTag(1)}>
      ${e.status === 'cancelled' ? html`<p class="ngo-error">${this.t('events.cancelled_note')}</p>` : nothing}
      <dl>
        ${row(this.t('events.d.when'), whenText(lang, e))}
        ${row(this.t('events.d.type'), EVENT_TYPE_LABELS[e.type][lang])}
        ${e.series ? row(this.t(e.series.kind === 'cycle' ? 'events.d.cycle' : 'events.d.programme'), this.t('events.d.session', { position: e.series.position, sessions: e.series.sessions, title: e.series.title })) : nothing}
        ${v
          ? row(
              this.t('events.d.where'),
              html`${v.name}${v.address ? html`<br />${v.address}` : nothing}${district ? html`<br />${this.t('events.d.district', { district: `${district.roman} ${district.name}` })}` : nothing}`,
            )
          : nothing}
        ${v ? row(this.t('events.d.access'), v.accessibility.length ? html`<ul class="plain">${v.accessibility.map((a) => html`<li>${VENUE_ACCESSIBILITY_LABELS[a][lang]}</li>`)}</ul>` : this.t('events.d.access_none')) : nothing}
        ${e.onlineUrl ? row(this.t('events.d.online'), html`<a href=${e.onlineUrl} rel="noopener" target="_blank">${this.t('events.d.online_link')}</a>`) : nothing}
        ${row(this.t('events.d.organiser'), e.organiser.name)}
        ${row(this.t('events.d.languages'), e.languages.map((l) => languageName(lang, l)).join(', '))}
        ${e.audience.length ? row(this.t('events.d.audience'), e.audience.map((a) => EVENT_AUDIENCE_LABELS[a][lang]).join(', ')) : nothing}
        ${row(this.t('events.d.price'), e.free ? this.t('events.d.free') : (e.priceNote ?? this.t('events.d.paid')))}
      </dl>
      ${description ? html`<div class="description">${description.split(/\n\s*\n/).map((p) => html`<p>${p}</p>`)}</div>` : nothing}
      ${this.renderRegistration(lang, e)}
      <p class="links">
        <a class="ics" href=${eventIcsUrl(this.api, e.id, lang)} download>${this.t('events.add_to_calendar')}</a>
        ${e.series ? html`<a class="ics-series" href=${eventIcsUrl(this.api, e.id, lang, true)} download>${this.t('events.add_series')}</a>` : nothing}
        ${e.infoUrl ? html`<a href=${e.infoUrl} rel="noopener" target="_blank">${this.t('events.more_info')}</a>` : nothing}
      </p>
    </article>`;
  }

  private renderRegistration(lang: Lang, e: CalendarEvent): TemplateResult | typeof nothing {
    const r = e.registration;
    if (r.mode === 'none' || e.status === 'cancelled') return nothing;
    const state = registrationState(r);
    const deadline = r.deadline ? this.t('events.r.deadline', { date: formatDate(lang, r.deadline, { dateStyle: 'long', timeStyle: 'short' }) }) : '';
    const places = r.capacity === null ? this.t('events.r.unlimited') : this.t('events.r.places', { left: r.placesLeft ?? 0, capacity: r.capacity });
    const text: Record<typeof state, string> = {
      none: '',
      closed: this.t('events.r.closed'),
      open: places,
      waiting: this.t('events.r.waiting', { count: r.waiting }),
      full: this.t('events.r.full'),
    };
    return html`<section class="registration state-${state}" aria-labelledby="reg-title">
      <${this.headingTag(2)} id="reg-title">${this.t('events.r.title')}</${this.headingTag(2)}>
      ${r.mode === 'series' ? html`<p>${this.t('events.r.whole_cycle')}</p>` : nothing}
      <p class="reg-state"><strong>${text[state]}</strong></p>
      ${deadline && state !== 'closed' ? html`<p>${deadline}</p>` : nothing}
      ${state === 'open' || state === 'waiting'
        ? html`<button type="button" class="register" @click=${() => void this.startRegistration(e)}>${this.t(state === 'waiting' ? 'events.r.join_waiting' : 'events.r.register')}</button>`
        : nothing}
    </section>`;
  }
}
