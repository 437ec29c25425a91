import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { STATUS_LABELS } from '../../common/consultations.js';
import { StaffPart } from '../core/staff-section.js';
import { listConsultations, type StaffConsultation } from './consultations.admin.api.js';
import { tConsultationsAdmin as t } from './consultations.admin.i18n.js';
import { byId, period } from './consultations.admin.remark.js';

/** What the list asks of its section. */
export interface ListActions {
  /** Opens the form: a new consultation (`null`) or one to edit. */
  edit(id: string | null): void;
  /** Opens one consultation, its moderation queue first. */
  open(id: string): void;
}

/**
 * Part "list" of the consultations section: every consultation with its status, dates and what
 * waits for staff (remarks to moderate, unconfirmed ones, unanswered ones), and "new consultation".
 *
 * @tag ngo-admin-consultations-list
 */
export class NgoAdminConsultationsList extends StaffPart {
  static override properties: PropertyDeclarations = { focusOn: { attribute: false }, actions: { attribute: false } };
  protected static override translators = [t];

  protected override tr = t;

  /** Once loaded, focus the row of this consultation (`''`: the heading); undefined: leave focus alone. */
  declare focusOn: string | undefined;
  declare actions: ListActions | null;

  constructor() {
    super();
    this.focusOn = undefined;
    this.actions = null;
  }

  private list = new Task(this, {
    args: () => [this.api] as const,
    task: async ([base], { signal }) => (await this.guard(listConsultations(base, signal))).items,
  });

  protected override async firstUpdated(): Promise<void> {
    const id = this.focusOn;
    if (id === undefined) return;
    await this.afterRun(this.list);
    await this.focusAfter(...(id ? [`${byId(id)} button.link`] : []), '#list-heading');
  }

  protected override render() {
    const lang = this.locale;
    return html`<div class="row spread">
        <h4 id="list-heading" tabindex="-1">${t(lang, 'list.heading')}</h4>
        <button type="button" class="new" @click=${() => this.actions?.edit(null)}>${t(lang, 'list.new')}</button>
      </div>
      ${this.renderTask(this.list, { empty: t(lang, 'list.empty'), complete: (items) => this.renderTable(items) })}`;
  }

  private renderTable(items: StaffConsultation[]) {
    const lang = this.locale;
    return html`<div class="table-wrap"><table>
      <caption>${t(lang, 'list.count', { count: items.length })}</caption>
      <thead><tr>
        <th scope="col">${t(lang, 'col.title')}</th><th scope="col">${t(lang, 'col.status')}</th><th scope="col">${t(lang, 'col.dates')}</th>
        <th scope="col">${t(lang, 'col.pending')}</th><th scope="col">${t(lang, 'col.unanswered')}</th><th scope="col">${t(lang, 'col.actions')}</th>
      </tr></thead>
      <tbody>
        ${items.map(
          (c) => html`<tr data-id=${c.id}>
            <th scope="row"><button type="button" class="link" @click=${() => this.actions?.open(c.id)}>${c.title}</button></th>
            <td>${STATUS_LABELS[c.status][lang]}</td>
            <td>${period(lang, c)}</td>
            <td>${c.counts.pending}${c.counts.unconfirmed ? html`<br /><span class="muted">${t(lang, 'unconfirmed.count', { count: c.counts.unconfirmed })}</span>` : nothing}</td>
            <td>${c.counts.unanswered}</td>
            <td><button type="button" class="ngo-secondary edit" aria-label=${t(lang, 'edit.label', { title: c.title })}
              @click=${() => this.actions?.edit(c.id)}>${t(lang, 'edit')}</button></td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }
}
