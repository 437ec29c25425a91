import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ACCESS_NEEDS, ACCESS_NEED_LABELS, EVENT_STATUSES, type AccessNeed } from '../../common/events.js';
import { field } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { whenText } from './events.when.js';
import { cancelEvent, duplicateEvent, listStaffEvents, publishEvent, type StaffEvent } from './events.admin.api.js';
import type { EditorActions } from './events.admin.form.js';
import { tEventsAdmin as t } from './events.admin.i18n.js';

const row = (id: string) => `[data-id="${CSS.escape(id)}"]`;

/** "2 osoby: Tłumacz PJM" for each need someone holding a place has, in the vocabulary's order. */
export function needsText(lang: Lang, needs: Partial<Record<AccessNeed, number>> | undefined): string[] {
  return ACCESS_NEEDS.filter((n) => (needs?.[n] ?? 0) > 0).map((n) => t(lang, 'need', { count: needs![n]!, need: ACCESS_NEED_LABELS[n][lang] }));
}

/**
 * Part "events" of the events section: every event from 30 days ago on, of every status, with its
 * places, waiting list and access-needs counts; publish a pending one, duplicate one for next year
 * (52 weeks on, the same weekday), cancel one with a reason that is mailed to the registrants, and
 * open its registrations.
 *
 * @tag ngo-admin-events-list
 */
export class NgoAdminEventsList extends StaffPart {
  static override properties: PropertyDeclarations = { editing: { state: true }, q: { state: true }, statusFilter: { state: true }, open: { state: true }, cancelling: { state: true }, reason: { state: true }, reasonError: { state: true } };
  protected static override translators = [t];
  protected override tr = t;

  declare private q: string;
  declare private statusFilter: string;
  /** The event whose registrations are shown. */
  declare private open: StaffEvent | null;
  declare private cancelling: StaffEvent | null;
  declare private reason: string;
  declare private reasonError: string;
  /** The event open in the editor: its id, null for a new one, undefined for the list. */
  declare private editing: string | null | undefined;
  private qTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.q = this.statusFilter = this.reason = this.reasonError = '';
    this.open = this.cancelling = null;
  }

  private list = new Task(this, {
    args: () => [this.api, this.q, this.statusFilter] as const,
    task: async ([base, q, status], { signal }) => (await this.guard(listStaffEvents(base, { q, status }, signal))).items,
  });

  private async act(e: StaffEvent, action: 'publish' | 'duplicate'): Promise<void> {
    const lang = this.locale;
    if (await this.send(() => (action === 'publish' ? publishEvent(this.api, this.session, e.id) : duplicateEvent(this.api, this.session, e.id, 52)))) return;
    this.announce(t(lang, action === 'publish' ? 'published' : 'duplicated', { title: e.title }));
    await this.list.run();
    await this.focusAfter(`${row(e.id)} .${action}`, `${row(e.id)} button`, '#events-heading');
  }

  private async cancel(e: StaffEvent): Promise<void> {
    const lang = this.locale;
    const reason = this.reason.trim();
    this.reasonError = reason.length < 3 ? t(lang, 'cancel.short') : '';
    if (this.reasonError) return void this.focusAfter('#cancel-reason');
    if (await this.send(() => cancelEvent(this.api, this.session, e.id, reason))) return;
    this.cancelling = null;
    this.reason = '';
    this.announce(t(lang, 'cancelled', { title: e.title }));
    await this.list.run();
    await this.focusAfter(`${row(e.id)} button`, '#events-heading');
  }

  private editor: EditorActions = {
    close: (id, message) => {
      this.editing = undefined;
      if (message) this.announce(message);
      void this.list.run();
      void this.focusAfter(...(id ? [`${row(id)} .edit`] : []), '#events-new');
    },
  };

  /** The event the panel's address names (no submission of it waits): its editor. */
  protected override openItem(id: string): void {
    this.editing = id;
  }

  private edit(id: string | null): void {
    this.editing = id;
    this.actionError = '';
    void this.focusAfter('#form-heading');
  }

  private show(e: StaffEvent | null): void {
    const from = this.open;
    this.open = e;
    this.actionError = '';
    void (e ? this.focusAfter('#reg-heading') : this.focusAfter(`${row(from?.id ?? '')} .registrations`, '#events-heading'));
  }

  protected override render() {
    const lang = this.locale;
    if (this.open) {
      return html`<button type="button" class="ngo-secondary back" @click=${() => this.show(null)}>${t(lang, 'back')}</button>
        <ngo-admin-events-registrations api-base=${this.api} .session=${this.session} .event=${this.open}></ngo-admin-events-registrations>`;
    }
    if (this.editing !== undefined) return html`<ngo-admin-events-editor api-base=${this.api} .session=${this.session} .mapSettings=${this.mapSettings} .eventId=${this.editing} .actions=${this.editor}></ngo-admin-events-editor>`;
    return html`<h4 id="events-heading" tabindex="-1">${t(lang, 'events.heading')}</h4>
      <button type="button" id="events-new" @click=${() => this.edit(null)}>${t(lang, 'events.new')}</button>
      <div class="row">
        ${field({ id: 'events-q', label: t(lang, 'f.q') }, (a) => html`<input id=${a.id} type="search" .value=${this.q} @input=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          clearTimeout(this.qTimer);
          this.qTimer = setTimeout(() => (this.q = v), 300);
        }} />`)}
        ${field({ id: 'events-status', label: t(lang, 'f.status') }, (a) => html`<select id=${a.id} @change=${(e: Event) => (this.statusFilter = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.statusFilter}>${t(lang, 'f.any')}</option>
          ${EVENT_STATUSES.map((s) => html`<option value=${s} ?selected=${this.statusFilter === s}>${t(lang, `status.${s}`)}</option>`)}
        </select>`)}
      </div>
      ${this.actionErrorRegion()}
      ${this.cancelling ? this.renderCancel(lang, this.cancelling) : nothing}
      ${this.renderTask(this.list, { empty: t(lang, 'events.empty'), complete: (items) => this.table(lang, items) })}`;
  }

  private places(lang: Lang, e: StaffEvent): TemplateResult | string {
    const c = e.counts;
    if (!c) return t(lang, 'places.none');
    const taken = c.capacity === null ? t(lang, 'places.unlimited', { taken: c.taken }) : t(lang, 'places', { taken: c.taken, capacity: c.capacity });
    return c.waiting ? html`${taken}<br /><span class="muted">${t(lang, 'places.waiting', { count: c.waiting })}</span>` : taken;
  }

  private table(lang: Lang, items: StaffEvent[]): TemplateResult {
    return html`<div class="table-wrap"><table>
      <caption>${t(lang, 'events.count', { count: items.length })}</caption>
      <thead><tr>
        <th scope="col">${t(lang, 'col.event')}</th><th scope="col">${t(lang, 'col.when')}</th><th scope="col">${t(lang, 'col.status')}</th>
        <th scope="col">${t(lang, 'col.places')}</th><th scope="col">${t(lang, 'col.needs')}</th><th scope="col">${t(lang, 'col.actions')}</th>
      </tr></thead>
      <tbody>
        ${items.map((e) => {
          const needs = needsText(lang, e.counts?.accessNeeds);
          return html`<tr data-id=${e.id}>
            <th scope="row">${e.title}${e.series ? html`<br /><span class="muted">${e.series.title} (${e.series.position}/${e.series.sessions})</span>` : nothing}</th>
            <td>${whenText(lang, e)}</td>
            <td>${t(lang, `status.${e.status}`)}</td>
            <td>${this.places(lang, e)}</td>
            <td>${needs.length ? html`<ul class="plain">${needs.map((n) => html`<li>${n}</li>`)}</ul>` : t(lang, 'needs.none')}</td>
            <td class="actions">
              <button type="button" class="link edit" aria-label=${t(lang, 'edit_named', { title: e.title })} @click=${() => this.edit(e.id)}>${t(lang, 'edit')}</button>
              ${e.counts ? html`<button type="button" class="link registrations" @click=${() => this.show(e)}>${t(lang, 'registrations')}</button>` : nothing}
              ${e.status === 'pending' ? html`<button type="button" class="link publish" aria-disabled=${this.disabled} @click=${() => this.act(e, 'publish')}>${t(lang, 'publish')}</button>` : nothing}
              <button type="button" class="link duplicate" aria-disabled=${this.disabled} @click=${() => this.act(e, 'duplicate')}>${t(lang, 'duplicate')}</button>
              ${e.status !== 'cancelled' ? html`<button type="button" class="link cancel" @click=${() => ((this.cancelling = e), (this.reason = ''), (this.reasonError = ''), this.focusAfter('#cancel-heading'))}>${t(lang, 'cancel')}</button>` : nothing}
            </td>
          </tr>`;
        })}
      </tbody>
    </table></div>`;
  }

  private renderCancel(lang: Lang, e: StaffEvent): TemplateResult {
    return html`<form class="box" novalidate aria-labelledby="cancel-heading" @submit=${(ev: SubmitEvent) => (ev.preventDefault(), this.cancel(e))}>
      <h5 id="cancel-heading" tabindex="-1">${t(lang, 'cancel.heading', { title: e.title })}</h5>
      ${field({ id: 'cancel-reason', label: t(lang, 'cancel.label'), error: this.reasonError, requiredMarker: t(lang, 'field.required_marker') }, (a) => html`<textarea id=${a.id} required maxlength="2000" .value=${this.reason}
        aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${(ev: Event) => (this.reason = (ev.target as HTMLTextAreaElement).value)}></textarea>`)}
      <div class="ngo-actions">
        <button type="submit" class="danger" aria-disabled=${this.disabled}>${t(lang, 'cancel.submit')}</button>
        <button type="button" class="ngo-secondary" @click=${() => ((this.cancelling = null), this.focusAfter(`${row(e.id)} .cancel`, '#events-heading'))}>${t(lang, 'cancel.back')}</button>
      </div>
    </form>`;
  }
}
