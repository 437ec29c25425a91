import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { field } from '../core/forms.js';
import { formatDateTime, type Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { decideSubmission, listSubmissions, type StaffSubmissionItem } from './events.admin.api.js';
import { tEventsAdmin as t } from './events.admin.i18n.js';
import { whenText } from './events.when.js';

/**
 * Part "submissions" of the events section: the events NGOs submitted (and confirmed by e-mail),
 * each with its conflict hints (another event on the same day, in the same district, for the same
 * audience), published or rejected with a reason that is mailed to the submitter.
 *
 * @tag ngo-admin-events-queue
 */
export class NgoAdminEventsQueue extends StaffPart {
  static override properties: PropertyDeclarations = { reasons: { state: true }, reasonError: { state: true } };
  protected static override translators = [t];
  protected override tr = t;

  declare private reasons: Record<string, string>;
  /** The submission whose reason is missing. */
  declare private reasonError: string;

  constructor() {
    super();
    this.reasons = {};
    this.reasonError = '';
  }

  /** Called with the linked event (`itemId`) when no submission of it waits: the section shows the event instead. */
  notQueued: ((eventId: string) => void) | undefined;
  private linkedEvent: string | null = null;

  private queue = new Task(this, {
    args: () => [this.api] as const,
    task: async ([base], { signal }) => (await this.guard(listSubmissions(base, signal))).items,
    onComplete: (items) => this.showLinked(items),
  });

  protected override openItem(eventId: string): void {
    this.linkedEvent = eventId;
  }

  /** Once the queue is in: focus the linked event's submission. */
  private showLinked(items: StaffSubmissionItem[]): void {
    const id = this.linkedEvent;
    this.linkedEvent = null;
    if (!id) return;
    const s = items.find((x) => x.event.id === id);
    if (s) void this.focusAfter(`#sub-${CSS.escape(s.id)}`);
    else this.notQueued?.(id);
  }

  private async decide(s: StaffSubmissionItem, decision: 'approve' | 'reject'): Promise<void> {
    const lang = this.locale;
    const reason = (this.reasons[s.id] ?? '').trim();
    this.reasonError = decision === 'reject' && reason.length < 3 ? s.id : '';
    if (this.reasonError) return void this.focusAfter(`#reason-${s.id}`);
    if (await this.send(() => decideSubmission(this.api, this.session, s.id, decision, reason))) return;
    this.announce(t(lang, decision === 'approve' ? 'sub.approved' : 'sub.rejected', { title: s.event.title }));
    await this.queue.run();
    await this.focusAfter('#sub-heading');
  }

  protected override render() {
    const lang = this.locale;
    return html`<h4 id="sub-heading" tabindex="-1">${t(lang, 'sub.heading')}</h4>
      ${this.actionErrorRegion()}
      ${this.renderTask(this.queue, { empty: t(lang, 'sub.empty'), complete: (items) => html`${items.map((s) => this.item(lang, s))}` })}`;
  }

  private item(lang: Lang, s: StaffSubmissionItem): TemplateResult {
    const e = s.event;
    const id = `reason-${s.id}`;
    return html`<article class="box" aria-labelledby="sub-${s.id}">
      <h5 id="sub-${s.id}" tabindex="-1">${e.title}</h5>
      <p>${whenText(lang, e)}${e.venue ? ` · ${e.venue.name}` : ''}</p>
      <p class="muted">${t(lang, 'sub.from', { name: s.submitter.name, email: s.submitter.email })} · <time datetime=${s.createdAt}>${formatDateTime(lang, s.createdAt)}</time></p>
      ${s.note ? html`<p>${s.note}</p>` : nothing}
      <section aria-labelledby="conf-${s.id}">
        <h6 id="conf-${s.id}">${t(lang, 'sub.conflicts')}</h6>
        ${s.conflicts.length
          ? html`<ul>${s.conflicts.map((c) => html`<li>${c.title} (${formatDateTime(lang, c.startsAt)}): ${c.reasons.map((r) => t(lang, `conflict.${r}`)).join(', ')}</li>`)}</ul>`
          : html`<p>${t(lang, 'sub.no_conflicts')}</p>`}
      </section>
      <p><button type="button" class="approve" aria-disabled=${this.disabled} @click=${() => this.decide(s, 'approve')}>${t(lang, 'sub.approve')}</button></p>
      <form novalidate @submit=${(ev: SubmitEvent) => (ev.preventDefault(), this.decide(s, 'reject'))}>
        ${field({ id, label: t(lang, 'sub.reason'), error: this.reasonError === s.id ? t(lang, 'cancel.short') : undefined }, (a) => html`<textarea id=${a.id} maxlength="2000" .value=${this.reasons[s.id] ?? ''}
          aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${(ev: Event) => (this.reasons = { ...this.reasons, [s.id]: (ev.target as HTMLTextAreaElement).value })}></textarea>`)}
        <button type="submit" class="danger" aria-disabled=${this.disabled}>${t(lang, 'sub.reject')}</button>
      </form>
    </article>`;
  }
}
