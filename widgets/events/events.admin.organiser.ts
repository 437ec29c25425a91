import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { field } from '../core/forms.js';
import { NgoSelectEvent } from '../core/events.js';
import { StaffPart } from '../core/staff-section.js';
import { findOrganisations } from './events.admin.api.js';
import { tEventsAdmin as t } from './events.admin.i18n.js';

/**
 * Part "organiser" of the events forms: finds the organising NGO among the map's published
 * organisations (its public search) and, when one is chosen, fires the kit's `ngo-select` with
 * its id and name, which the form takes as the organiser and its map link. `linked` names the
 * organisation linked now, with a button to unlink it.
 *
 * @tag ngo-admin-events-organiser
 * @fires ngo-select - An organisation was chosen: `detail: { id, name }`; `id` '' unlinks.
 */
export class NgoAdminEventsOrganiser extends StaffPart {
  static override properties: PropertyDeclarations = { linked: { attribute: false }, q: { state: true } };
  protected static override translators = [t];
  protected override tr = t;

  /** The organisation linked now (its name), or null. */
  declare linked: string | null;
  declare private q: string;
  private timer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.linked = null;
    this.q = '';
  }

  private found = new Task(this, {
    args: () => [this.api, this.q] as const,
    task: async ([base, q], { signal }) => (q.trim().length < 2 ? null : (await findOrganisations(base, q, signal)).items),
    onComplete: (items) => {
      if (items) this.announce(items.length ? t(this.locale, 'org.found', { count: items.length }) : t(this.locale, 'org.none'));
    },
  });

  private choose(id: string, name: string): void {
    this.dispatchEvent(new NgoSelectEvent({ id, name }));
    this.q = '';
    void this.focusAfter(id ? '#org-unlink' : '#org-q');
  }

  protected override render() {
    const lang = this.locale;
    const items = this.q.trim().length < 2 ? null : this.found.value;
    return html`<div class="box org-picker">
      ${this.linked
        ? html`<p id="org-linked">${t(lang, 'org.linked', { name: this.linked })}
            <button type="button" id="org-unlink" class="link" @click=${() => this.choose('', '')}>${t(lang, 'org.unlink')}</button></p>`
        : nothing}
      ${field({ id: 'org-q', label: t(lang, 'org.search'), hint: t(lang, 'org.hint') }, (a) => html`<input id=${a.id} type="search" .value=${this.q} aria-describedby=${ifDefined(a.describedby)}
        @input=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          clearTimeout(this.timer);
          this.timer = setTimeout(() => (this.q = v), 300);
        }} />`)}
      ${items?.length
        ? html`<ul class="plain org-results" aria-label=${t(lang, 'org.results')}>${items.map((o) => html`<li><button type="button" class="link" data-org=${o.id} @click=${() => this.choose(o.id, o.name)}>${o.name}</button></li>`)}</ul>`
        : nothing}
    </div>`;
  }
}
