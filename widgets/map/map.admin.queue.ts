import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { OrgStatus } from '../../common/map.js';
import { field } from '../core/forms.js';
import { formatDateTime } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { approveSubmission, listQueue, rejectSubmission, type QueueItem } from './map.admin.api.js';
import { formatValue, tMapAdmin as t, type MapAdminKey } from './map.admin.i18n.js';

export const rowButton = (id: string) => `[data-id="${CSS.escape(id)}"]`;

/**
 * Part "queue" of the map section: the submissions waiting for a decision, one open at a time with
 * its diff and duplicate hints, approved or rejected with a reason that is mailed to the submitter.
 *
 * @tag ngo-admin-map-queue
 */
export class NgoAdminMapQueue extends StaffPart {
  static override properties: PropertyDeclarations = { selected: { state: true }, reason: { state: true }, reasonError: { state: true } };
  protected static override translators = [t];

  protected override tr = t;

  /** The submission open in the detail view. */
  declare private selected: QueueItem | null;
  declare private reason: string;
  declare private reasonError: string;

  constructor() {
    super();
    this.selected = null;
    this.reason = '';
    this.reasonError = '';
  }

  /** Called with the linked id (`itemId`) when no submission of that id waits: the section looks for an entry instead. */
  notQueued: ((id: string) => void) | undefined;
  private linkedId: string | null = null;

  private queue = new Task(this, {
    args: () => [this.api] as const,
    task: async ([base], { signal }) => (await this.guard(listQueue(base, signal))).items,
    onComplete: (items) => this.showLinked(items),
  });

  protected override openItem(id: string): void {
    this.linkedId = id;
  }

  /** Once the queue is in: the linked submission opens in the decision view (focus on its heading). */
  private showLinked(items: QueueItem[]): void {
    const id = this.linkedId;
    this.linkedId = null;
    if (!id) return;
    const s = items.find((x) => x.id === id);
    if (s) this.open(s);
    else this.notQueued?.(id);
  }

  private open(item: QueueItem | null): void {
    const from = this.selected;
    this.selected = item;
    this.reason = '';
    this.reasonError = '';
    this.actionError = '';
    void (item ? this.focusAfter('#detail-heading') : this.focusAfter(rowButton(from?.id ?? ''), '#queue-heading'));
  }

  private async decide(item: QueueItem, approve: boolean): Promise<void> {
    const lang = this.locale;
    const reason = this.reason.trim();
    if (!approve) {
      this.reasonError = !reason ? t(lang, 'field.required') : reason.length < 3 ? t(lang, 'reject.short') : '';
      if (this.reasonError) return void this.focusAfter('#reason');
    }
    if (await this.send(() => (approve ? approveSubmission(this.api, this.session, item.id) : rejectSubmission(this.api, this.session, item.id, reason)))) return;
    const items = this.queue.value ?? [];
    const next = items[items.findIndex((x) => x.id === item.id) + 1];
    this.selected = null;
    this.reason = '';
    this.announce(t(lang, approve ? 'approved' : 'rejected', { name: item.data.name }));
    await this.queue.run();
    await this.focusAfter(...(next ? [rowButton(next.id)] : []), '#queue-heading');
  }

  protected override render() {
    return this.selected ? this.renderDetail(this.selected) : this.renderQueue();
  }

  private renderQueue() {
    const lang = this.locale;
    return html`<h4 id="queue-heading" tabindex="-1">${t(lang, 'queue.heading')}</h4>
      ${this.renderTask(this.queue, {
        empty: t(lang, 'queue.empty'),
        complete: (items) => html`<div class="table-wrap"><table class="stack">
          <caption>${t(lang, 'queue.count', { count: items.length })}</caption>
          <thead><tr>
            <th scope="col">${t(lang, 'col.type')}</th><th scope="col">${t(lang, 'col.organisation')}</th>
            <th scope="col">${t(lang, 'col.submitter')}</th><th scope="col">${t(lang, 'col.date')}</th>
          </tr></thead>
          <tbody>
            ${items.map(
              (s) => html`<tr>
                <td data-label=${t(lang, 'col.type')}>${t(lang, `type.${s.type}`)}</td>
                <th scope="row" data-label=${t(lang, 'col.organisation')}><button type="button" class="link" data-id=${s.id} @click=${() => this.open(s)}>${s.data.name}</button></th>
                <td data-label=${t(lang, 'col.submitter')}>${s.submitter.name}<br /><span class="muted">${s.submitter.email}</span></td>
                <td data-label=${t(lang, 'col.date')}><time datetime=${s.createdAt}>${formatDateTime(lang, s.createdAt)}</time></td>
              </tr>`,
            )}
          </tbody>
        </table></div>`,
      })}`;
  }

  private renderDetail(s: QueueItem) {
    const lang = this.locale;
    const label = (f: string) => (t.has(lang, `label.${f}`) ? t(lang, `label.${f}` as MapAdminKey) : f);
    return html`<button type="button" class="ngo-secondary" @click=${() => this.open(null)}>${t(lang, 'back')}</button>
      <h4 id="detail-heading" tabindex="-1">${t(lang, `type.${s.type}`)}: ${s.data.name}</h4>
      <dl>
        <dt>${t(lang, 'col.submitter')}</dt><dd>${s.submitter.name} (${s.submitter.email})</dd>
        <dt>${t(lang, 'col.date')}</dt><dd><time datetime=${s.createdAt}>${formatDateTime(lang, s.createdAt)}</time></dd>
        ${s.note ? html`<dt>${t(lang, 'note')}</dt><dd>${s.note}</dd>` : nothing}
      </dl>
      ${s.diff.length
        ? html`<div class="table-wrap"><table class="diff stack">
            <caption>${t(lang, 'diff.caption')}</caption>
            <thead><tr><th scope="col">${t(lang, 'diff.field')}</th><th scope="col">${t(lang, 'diff.before')}</th><th scope="col">${t(lang, 'diff.after')}</th></tr></thead>
            <tbody>
              ${s.diff.map((d) => html`<tr><th scope="row">${label(d.field)}</th><td data-label=${t(lang, 'diff.before')}>${formatValue(lang, d.field, d.before)}</td><td data-label=${t(lang, 'diff.after')}>${formatValue(lang, d.field, d.after)}</td></tr>`)}
            </tbody>
          </table></div>`
        : html`<p>${t(lang, 'diff.none')}</p>`}
      <section aria-labelledby="dup-heading">
        <h5 id="dup-heading">${t(lang, 'dup.heading')}</h5>
        ${s.duplicates.length
          ? html`<ul class="duplicates">
              ${s.duplicates.map(
                (d) => html`<li>${d.name} (${t(lang, `state.${d.status as OrgStatus}`)}): ${d.reasons.map((r) => t(lang, `dup.${r}`)).join(', ')}</li>`,
              )}
            </ul>`
          : html`<p>${t(lang, 'dup.none')}</p>`}
      </section>
      <section class="box" aria-labelledby="decision-heading">
        <h5 id="decision-heading">${t(lang, 'decision')}</h5>
        ${this.actionErrorRegion()}
        <p><button type="button" class="approve" aria-disabled=${this.disabled} @click=${() => this.decide(s, true)}>${t(lang, 'approve')}</button></p>
        <form novalidate @submit=${(e: SubmitEvent) => (e.preventDefault(), this.decide(s, false))}>
          ${field(
            { id: 'reason', label: t(lang, 'reject.label'), hint: t(lang, 'reject.hint', { email: s.submitter.email }), error: this.reasonError, requiredMarker: t(lang, 'field.required_marker') },
            (a) => html`<textarea id=${a.id} name="reason" required maxlength="2000" .value=${this.reason}
              aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)}
              @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>`,
          )}
          <button type="submit" class="danger" aria-disabled=${this.disabled}>${t(lang, 'reject.submit')}</button>
        </form>
      </section>`;
  }
}
