import { Task } from '@lit/task';
import { nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { html } from 'lit/static-html.js';
import { endOfMonth, endOfWeek, startOfMonth, startOfWeek, warsawDateOf, type CivilDate } from '../../common/time.js';
import { NgoElement } from '../core/base.element.js';
import { NgoSelectEvent } from '../core/events.js';
import { formStyles, statusRegion } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { theme } from '../core/theme.js';
import { onUrlState, readUrlState, writeUrlState } from '../core/url-state.js';
import { getEvent, listEvents, type EventFilters } from './events.api.js';
import { details } from './events.detail.js';
import type { EventForms } from './events.form.js';
import { te } from './events.i18n.js';
import { calendar } from './events.list.js';
import { emptyFilters } from './events.listing.js';
import { linkPanel } from './events.registration.js';
import { eventsStyles } from './events.styles.js';
import { URL_KEYS, URL_PREFIX, filtersOfUrl, urlFilters, type EventsActions, type EventsUi, type View } from './events.ui.js';

/** The public-form kit's dictionaries, once the form's code is loaded: a rendered form needs them in the page's language. */
let formKit: { load(lang: Lang): Promise<void> | undefined } | undefined;
const formKitTranslator = { load: (lang: Lang) => formKit?.load(lang) };
const PAGE = 50;
const MONTH_LIMIT = 500;

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
    this.filters = filtersOfUrl(u, this.filters);
    if (u.view === 'month' || u.view === 'list') this.shown = u.view;
    if (u.date && /^\d{4}-\d{2}-\d{2}$/.test(u.date)) this.date = u.date;
    this.selectedId = u.event ?? (this.syncUrl ? '' : this.selectedId);
    this.registering = false;
  }

  private writeUrl(push = false) {
    if (!this.syncUrl) return;
    const month = this.shown === 'month';
    writeUrlState(URL_PREFIX, { view: month ? 'month' : '', date: month ? this.date : '', event: this.selectedId, ...urlFilters(this.filters, this.type, this.district) }, { push });
  }

  // ---- actions ------------------------------------------------------------------------------------

  /** What the views do (events.ui.ts), made once. */
  private readonly actions: EventsActions = {
    setFilter: (key, value) => {
      this.filters = { ...this.filters, [key]: value };
      this.limit = PAGE;
      this.writeUrl();
    },
    search: (q) => {
      clearTimeout(this.qTimer);
      this.qTimer = setTimeout(() => this.actions.setFilter('q', q), 300);
    },
    showView: (v) => {
      if (this.shown === v) return;
      this.shown = v;
      this.writeUrl(true);
    },
    showMonth: (date) => {
      this.date = date;
      this.writeUrl();
    },
    more: () => (this.limit += PAGE),
    open: (id, name, from) => this.open(id, name, from),
    closeDetails: () => {
      const back = () => {
        this.selectedId = '';
        this.registering = false;
        this.writeUrl(true);
        this.focusLater(this.returnFocus ?? (this.shown === 'month' ? 'ngo-events-month' : '.list-title'));
      };
      if (this.registering && this.forms) this.forms.requestClose(back);
      else back();
    },
    register: async (e) => {
      const forms = await this.loadForms();
      if (!forms) return;
      await forms.open(e);
      this.registering = true;
      this.focusLater('#form-title');
    },
  };

  /** Opens an event's details; focus goes to its heading, and back to `from` when it closes. */
  open(id: string, name: string, from: string | null) {
    this.returnFocus = from;
    this.selectedId = id;
    this.registering = false;
    this.writeUrl(true);
    this.focusLater('#details-title');
    this.dispatchEvent(new NgoSelectEvent({ id, name }));
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

  /** What the views render with: the state, the tasks and the actions (events.ui.ts). */
  private ui(): EventsUi {
    return {
      ...this.actions,
      lang: this.locale,
      t: (key, vars) => te(this.locale, key, vars),
      h: (depth) => this.headingTag(depth),
      level: (depth) => this.headingLevelAt(depth),
      api: this.api,
      presetType: this.type,
      presetDistrict: this.district,
      filters: this.filters,
      shown: this.shown,
      date: this.date,
      today: this.today,
      list: this.list,
      details: this.details,
      forms: this.forms,
      registering: this.registering,
    };
  }

  override render() {
    const lang = this.locale;
    if (this.district && !/^([1-9]|1[0-8])$/.test(this.district)) return this.warnMisconfig(`district="${this.district}" is not 1–18`);
    if (this.view && this.view !== 'list' && this.view !== 'month') return this.warnMisconfig(`view="${this.view}" is not list or month`);
    const link = (this.confirm || this.manage) && !this.linkDone;
    const ui = this.ui();
    const title = te(lang, 'events.title');
    // With `no-heading` the host's own heading titles the widget; the region keeps its name.
    return html`<section class="ngo-root" part="base" lang=${lang} aria-labelledby=${this.noHeading ? nothing : 'events-title'} aria-label=${this.noHeading ? title : nothing}>
      ${this.noHeading ? nothing : html`<${this.headingTag(0)} id="events-title" class="title">${title}</${this.headingTag(0)}>`}
      ${statusRegion(this.message)}
      ${link ? linkPanel(ui, { confirm: this.confirm, manage: this.manage, accept: this.action === 'accept' }) : this.selectedId ? details(ui) : calendar(ui)}
    </section>`;
  }
}
