import { nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { html } from 'lit/static-html.js';
import type { CalendarEvent } from '../../common/events.schema.js';
import { GRID_KEYS, eventsByDay, gridKeyTarget, monthGrid, type GridKey } from '../../common/events.calendar.js';
import { NgoElement } from '../core/base.element.js';
import { NgoMonthChangeEvent, NgoSelectEvent } from '../core/events.js';
import { formatDate, type Lang } from '../core/i18n/index.js';
import { theme } from '../core/theme.js';
import { te } from './events.i18n.js';
import { civil } from './events.when.js';
import { monthStyles } from './events-month.styles.js';
import { addMonths, type CivilDate, endOfMonth, endOfWeek, sameMonth, startOfMonth, startOfWeek, warsawDateOf } from '../../common/time.js';

/** What the grid needs of an event. */
export type MonthEvent = Pick<CalendarEvent, 'id' | 'title' | 'translations' | 'startsAt' | 'endsAt' | 'allDay' | 'status'>;

const titleOf = (e: MonthEvent, lang: Lang) => (lang !== 'pl' && e.translations[lang]?.title) || e.title;
const SHOWN_PER_DAY = 3;

/**
 * A month of events as an ARIA grid: one focusable day at a time (roving tabindex). Arrow keys
 * move by a day or a week, Home and End to the week's ends, Page Up and Page Down by a month
 * (with Shift by a year); moving past the month's edge changes the month. Each day's name says
 * how many events it has; Enter or Space lists them below the grid, where Escape returns to the
 * day. Month changes are announced in a live region. Presentational: the events come in as a
 * property, and `ngo-month-change` asks the host to load another month.
 *
 * @tag ngo-events-month
 * @attr date - The day that has the focus (`YYYY-MM-DD`); its month is shown. Default: today in Warsaw.
 * @attr today - Today's date (`YYYY-MM-DD`), marked `aria-current="date"`. Default: today in Warsaw.
 * @attr loading - Events of the month are loading: the count is announced once they are in.
 * @fires ngo-month-change - The person moved to another month: `detail: { month: 'YYYY-MM', date }`.
 * @fires ngo-select - The person opened an event from a day's list: `detail: { id, name }`.
 * @csspart grid - The month table.
 * @csspart day - One day cell.
 * @csspart agenda - The list of the chosen day's events.
 * @csspart event - One event button in that list.
 */
export class NgoEventsMonth extends NgoElement {
  static override styles = [theme, monthStyles];
  protected static override translators = [te];
  static override properties: PropertyDeclarations = {
    date: { reflect: true },
    today: {},
    loading: { type: Boolean },
    events: { attribute: false },
    selected: { state: true },
    announcement: { state: true },
  };

  declare date: CivilDate;
  declare today: CivilDate;
  declare loading: boolean;
  declare events: readonly MonthEvent[];
  declare private selected: CivilDate | null;
  declare private announcement: string;
  private focusAfterRender: 'cell' | 'agenda' | null = null;
  private announcePending = false;
  private byDayCache: { events: readonly MonthEvent[]; month: string; map: Map<CivilDate, MonthEvent[]> } | null = null;

  constructor() {
    super();
    this.today = warsawDateOf(Date.now());
    this.date = this.today;
    this.loading = false;
    this.events = [];
    this.selected = null;
    this.announcement = '';
  }

  /** Events per day of the shown weeks, recomputed only when the events or the month change. */
  private get byDay(): Map<CivilDate, MonthEvent[]> {
    const month = this.date.slice(0, 7);
    if (this.byDayCache?.events !== this.events || this.byDayCache.month !== month) {
      const first = startOfWeek(startOfMonth(this.date));
      const last = endOfWeek(endOfMonth(this.date));
      this.byDayCache = { events: this.events, month, map: eventsByDay(this.events, first, last) };
    }
    return this.byDayCache.map;
  }

  /** Distinct events that touch the shown month. */
  private monthCount(): number {
    const seen = new Set<string>();
    for (const [d, list] of this.byDay) if (sameMonth(d, this.date)) for (const e of list) seen.add(e.id);
    return seen.size;
  }

  private eventsLabel(lang: Lang, n: number) {
    return n ? te(lang, 'events.month.count', { count: n }) : te(lang, 'events.month.none');
  }

  /** Moves the focus to `next`, changing the month (and telling the host) when it lies outside. */
  private moveTo(next: CivilDate, focus: 'cell' | null) {
    const changed = !sameMonth(next, this.date);
    this.date = next;
    this.focusAfterRender = focus;
    if (changed) {
      this.selected = null;
      this.announcePending = true;
      this.dispatchEvent(new NgoMonthChangeEvent({ month: next.slice(0, 7), date: next }));
    }
  }

  private onKeydown(e: KeyboardEvent) {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[role="gridcell"]');
    if (!cell) return;
    if ((GRID_KEYS as readonly string[]).includes(e.key)) {
      e.preventDefault();
      this.moveTo(gridKeyTarget(this.date, e.key as GridKey, e.shiftKey), 'cell');
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.openDay(cell.dataset.date!);
    }
  }

  private openDay(d: CivilDate) {
    if (!sameMonth(d, this.date)) this.moveTo(d, null);
    this.date = d;
    this.selected = d;
    this.focusAfterRender = 'agenda';
  }

  private onAgendaKeydown(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    this.closeDay();
  }

  private closeDay() {
    this.selected = null;
    this.focusAfterRender = 'cell';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusAfterRender === 'cell') this.renderRoot.querySelector<HTMLElement>(`[role="gridcell"][data-date="${this.date}"]`)?.focus();
    else if (this.focusAfterRender === 'agenda') this.renderRoot.querySelector<HTMLElement>('#agenda-title')?.focus();
    this.focusAfterRender = null;
  }

  /** The month change is announced once its events are in (in the same render, so no second update). */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.announcePending && !this.loading) {
      this.announcePending = false;
      const lang = this.locale;
      this.announcement = te(lang, 'events.month.announce', { month: civil(lang, this.date, { month: 'long', year: 'numeric' }), events: this.eventsLabel(lang, this.monthCount()) });
    }
  }

  private renderDay(lang: Lang, d: CivilDate) {
    const list = this.byDay.get(d) ?? [];
    const outside = !sameMonth(d, this.date);
    const label = te(lang, 'events.month.day_label', { date: civil(lang, d, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }), events: this.eventsLabel(lang, list.length) });
    return html`<td
      role="gridcell"
      part="day"
      class="day ${outside ? 'outside' : ''} ${list.length ? 'has-events' : ''}"
      data-date=${d}
      tabindex=${d === this.date ? 0 : -1}
      aria-selected=${d === this.selected ? 'true' : 'false'}
      aria-current=${d === this.today ? 'date' : nothing}
      @click=${() => this.openDay(d)}
    >
      <span class="sr-only label">${label}</span>
      <span class="num" aria-hidden="true">${Number(d.slice(8))}</span>
      ${list.length
        ? html`<span class="titles" aria-hidden="true">${list.slice(0, SHOWN_PER_DAY).map((e) => html`<span class="title ${e.status === 'cancelled' ? 'cancelled' : ''}">${titleOf(e, lang)}</span>`)}${list.length > SHOWN_PER_DAY
            ? html`<span class="more">${te(lang, 'events.month.more', { count: list.length - SHOWN_PER_DAY })}</span>`
            : nothing}</span>`
        : nothing}
    </td>`;
  }

  private when(lang: Lang, e: MonthEvent) {
    if (e.allDay) return te(lang, 'events.all_day');
    const sameDay = warsawDateOf(e.startsAt) === warsawDateOf(Date.parse(e.endsAt) - 1);
    return sameDay
      ? `${formatDate(lang, e.startsAt, { timeStyle: 'short' })}–${formatDate(lang, e.endsAt, { timeStyle: 'short' })}`
      : `${formatDate(lang, e.startsAt, { dateStyle: 'medium', timeStyle: 'short' })} – ${formatDate(lang, e.endsAt, { dateStyle: 'medium', timeStyle: 'short' })}`;
  }

  private renderAgenda(lang: Lang, d: CivilDate) {
    const list = [...(this.byDay.get(d) ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.endsAt.localeCompare(b.endsAt));
    return html`<section class="agenda" part="agenda" aria-labelledby="agenda-title" @keydown=${this.onAgendaKeydown}>
      <${this.headingTag(1)} id="agenda-title" tabindex="-1">${te(lang, 'events.month.day_title', { date: civil(lang, d, { weekday: 'long', day: 'numeric', month: 'long' }) })}</${this.headingTag(1)}>
      ${list.length
        ? html`<ul>
            ${list.map(
              (e) => html`<li>
                <button type="button" part="event" class="event ngo-secondary" data-id=${e.id} @click=${() => this.dispatchEvent(new NgoSelectEvent({ id: e.id, name: titleOf(e, lang) }))}>
                  <span class="time">${this.when(lang, e)}</span>
                  <span class="name">${titleOf(e, lang)}${e.status === 'cancelled' ? html` <em>(${te(lang, 'events.cancelled')})</em>` : nothing}</span>
                </button>
              </li>`,
            )}
          </ul>`
        : html`<p>${te(lang, 'events.month.day_none')}</p>`}
      <button type="button" class="back ngo-secondary" @click=${() => this.closeDay()}>${te(lang, 'events.month.back')}</button>
    </section>`;
  }

  override render() {
    const lang = this.locale;
    const weeks = monthGrid(this.date);
    const monthName = civil(lang, this.date, { month: 'long', year: 'numeric' });
    return html`<div class="ngo-root month" part="base" lang=${lang}>
      <div class="bar">
        <button type="button" class="ngo-secondary" aria-label=${te(lang, 'events.month.prev')} @click=${() => this.moveTo(addMonths(this.date, -1), null)}>‹</button>
        <${this.headingTag(1)} id="month-title" class="month-title">${monthName}</${this.headingTag(1)}>
        <button type="button" class="ngo-secondary" aria-label=${te(lang, 'events.month.next')} @click=${() => this.moveTo(addMonths(this.date, 1), null)}>›</button>
        <button type="button" class="ngo-secondary today" @click=${() => this.moveTo(this.today, 'cell')}>${te(lang, 'events.month.today')}</button>
      </div>
      <p id="grid-help" class="help">${te(lang, 'events.month.help')}</p>
      <table role="grid" part="grid" aria-label=${te(lang, 'events.month.grid', { month: monthName })} aria-describedby="grid-help" @keydown=${this.onKeydown}>
        <thead>
          <tr>
            ${weeks[0]!.map((d) => html`<th scope="col" aria-label=${civil(lang, d, { weekday: 'long' })}>${civil(lang, d, { weekday: 'short' })}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map((w) => html`<tr>${w.map((d) => this.renderDay(lang, d))}</tr>`)}
        </tbody>
      </table>
      <p class="sr-only" role="status" aria-live="polite">${this.announcement}</p>
      ${this.selected ? this.renderAgenda(lang, this.selected) : nothing}
    </div>`;
  }
}
