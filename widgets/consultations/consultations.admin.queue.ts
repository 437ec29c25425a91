import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { field } from '../core/forms.js';
import { StaffPart } from '../core/staff-section.js';
import { approveRemark, listRemarks, rejectRemark, type StaffRemark } from './consultations.admin.api.js';
import { tConsultationsAdmin as t } from './consultations.admin.i18n.js';
import { byId, remarkBody, remarkHeading } from './consultations.admin.remark.js';

/**
 * Part "queue" of the consultations section: the remarks of one consultation waiting for
 * moderation, each approved or rejected (with an optional reason); focus then moves to the next.
 *
 * @tag ngo-admin-consultations-queue
 */
export class NgoAdminConsultationsQueue extends StaffPart {
  static override properties: PropertyDeclarations = { consultationId: { attribute: false }, moderation: { attribute: false }, reasons: { state: true } };
  protected static override translators = [t];

  protected override tr = t;

  declare consultationId: string;
  /** The consultation's moderation mode, once loaded: `post` moderates remarks already public. */
  declare moderation: string | null;
  /** Optional reasons typed for rejecting, by remark id. */
  declare private reasons: Record<string, string>;

  constructor() {
    super();
    this.consultationId = '';
    this.moderation = null;
    this.reasons = {};
  }

  private remarks = new Task(this, {
    args: () => [this.api, this.consultationId] as const,
    task: async ([base, id], { signal }) => (id ? (await this.guard(listRemarks(base, id, 'pending', signal))).items : null),
  });

  private async moderate(items: StaffRemark[], r: StaffRemark, approve: boolean): Promise<void> {
    const reason = (this.reasons[r.id] ?? '').trim();
    const sending = t(this.locale, 'status.saving');
    if (await this.send(() => (approve ? approveRemark(this.api, this.session, r.id) : rejectRemark(this.api, this.session, r.id, reason)), { sending })) return;
    const next = items[items.indexOf(r) + 1];
    this.announce(t(this.locale, approve ? 'approved' : 'rejected'));
    await this.remarks.run();
    await this.focusAfter(...(next ? [`${byId(next.id)} h5`] : []), '#queue-heading');
  }

  protected override render() {
    const lang = this.locale;
    return html`${this.actionErrorRegion()}
      <h4 id="queue-heading" tabindex="-1">${t(lang, 'queue.heading')}</h4>
      ${this.moderation === 'post' ? html`<p class="muted">${t(lang, 'queue.post')}</p>` : nothing}
      ${this.renderTask(this.remarks, {
        empty: t(lang, 'queue.empty'),
        complete: (items) =>
          items!.map(
            (r, i) => html`<article class="box remark" data-id=${r.id} aria-labelledby="q${i}-heading">
              <h5 id="q${i}-heading" tabindex="-1">${remarkHeading(lang, r)}</h5>
              ${remarkBody(lang, r)}
              <div class="row decide">
                <button type="button" class="approve" aria-disabled=${this.disabled} @click=${() => this.moderate(items!, r, true)}>${t(lang, 'approve')}</button>
              </div>
              ${field({ id: `q${i}-reason`, label: t(lang, 'reject.label'), hint: t(lang, 'reject.hint') }, (a) => html`<textarea id=${a.id} maxlength="2000"
                .value=${this.reasons[r.id] ?? ''} aria-describedby=${ifDefined(a.describedby)}
                @input=${(e: Event) => (this.reasons = { ...this.reasons, [r.id]: (e.target as HTMLTextAreaElement).value })}></textarea>`)}
              <button type="button" class="danger reject" aria-disabled=${this.disabled} @click=${() => this.moderate(items!, r, false)}>${t(lang, 'reject')}</button>
            </article>`,
          ),
      })}`;
  }
}
