import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DECISION_LABELS, DECISIONS, publishBlocker, type ConsultationStatus, type Decision, type PublishBlocker } from '../../common/consultations.js';
import { field, formError } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { answerRemark, listRemarks, publishAnswers, type StaffRemark } from './consultations.admin.api.js';
import { tConsultationsAdmin as t, type ConsultationsAdminKey } from './consultations.admin.i18n.js';
import { remarkBody, remarkHeading } from './consultations.admin.remark.js';

interface Answer { decision: Decision | null; response: string }

/** 409s of publishing that carry `details.count`, and how to say it. */
const COUNTED: Record<string, ConsultationsAdminKey> = { unanswered_remarks: 'error.unanswered_count', pending_remarks: 'error.pending_count' };

/**
 * Part "answers" of the consultations section: each published remark of one consultation gets a
 * decision and a justification, saved one by one; then the answers and the report are published
 * (after a second, explicit confirmation), which mails the authors.
 *
 * @tag ngo-admin-consultations-answers
 */
export class NgoAdminConsultationsAnswers extends StaffPart {
  static override properties: PropertyDeclarations = {
    consultationId: { attribute: false },
    reported: { attribute: false },
    consultationStatus: { attribute: false },
    pending: { attribute: false },
    published: { attribute: false },
    answers: { state: true },
    answerErrors: { state: true },
    saved: { state: true },
    confirming: { state: true },
    publishError: { state: true },
  };
  protected static override translators = [t];

  protected override tr = t;

  declare consultationId: string;
  /** The report is out: nothing is left to publish. */
  declare reported: boolean;
  /** The consultation's status by the server's clock, for the publishing rule (null while it loads). */
  declare consultationStatus: ConsultationStatus | null;
  /** Remarks waiting for moderation, for the publishing rule. */
  declare pending: number;
  /** Called after publishing, to reload the consultation (and move focus to its report). */
  declare published: (() => Promise<void>) | null;
  /** Answers being edited, by remark id. */
  declare private answers: Record<string, Answer>;
  declare private answerErrors: Record<string, { decision?: string; response?: string }>;
  /** Answers saved in this session, by remark id (the list is not reloaded after each one). */
  declare private saved: Record<string, Answer>;
  /** The publish button waits for a second, explicit confirmation. */
  declare private confirming: boolean;
  declare private publishError: string;

  constructor() {
    super();
    this.consultationId = '';
    this.reported = false;
    this.consultationStatus = null;
    this.pending = 0;
    this.published = null;
    this.answers = {};
    this.answerErrors = {};
    this.saved = {};
    this.confirming = false;
    this.publishError = '';
  }

  private remarks = new Task(this, {
    args: () => [this.api, this.consultationId] as const,
    task: async ([base, id], { signal }) => (id ? (await this.guard(listRemarks(base, id, 'published', signal))).items : null),
  });

  private answerOf(r: StaffRemark): Answer | null {
    return this.saved[r.id] ?? (r.answeredAt && r.decision ? { decision: r.decision, response: r.response ?? '' } : null);
  }

  protected override render() {
    const lang = this.locale;
    const id = this.consultationId;
    return html`${this.actionErrorRegion()}
      <h4 id="answers-heading" tabindex="-1">${t(lang, 'answers.heading')}</h4>
      ${this.renderTask(this.remarks, {
        complete: (items) => {
          if (!items?.length) return html`<p>${t(lang, 'answers.empty')}</p>${this.renderPublish(lang, id, 0)}`;
          const answered = items.filter((r) => this.answerOf(r)).length;
          return html`<p class="progress">${t(lang, 'answers.progress', { count: items.length, answered: String(answered) })}</p>
            ${items.map((r, i) => this.renderAnswer(lang, r, i))}
            ${this.renderPublish(lang, id, items.length - answered)}`;
        },
      })}`;
  }

  private renderAnswer(lang: Lang, r: StaffRemark, i: number): TemplateResult {
    const saved = this.answerOf(r);
    const edit = this.answers[r.id] ?? saved ?? { decision: null, response: '' };
    const dirty = !!this.answers[r.id] && (edit.decision !== saved?.decision || edit.response !== (saved?.response ?? ''));
    const state = dirty ? 'answer.unsaved' : saved ? 'answer.saved' : 'answer.none';
    const errors = this.answerErrors[r.id] ?? {};
    const p = `r${i}`;
    const change = (patch: Partial<Answer>) => (this.answers = { ...this.answers, [r.id]: { ...(this.answers[r.id] ?? edit), ...patch } });
    return html`<article class="box remark" data-id=${r.id} aria-labelledby="${p}-heading">
      <h5 id="${p}-heading" tabindex="-1">${remarkHeading(lang, r)}</h5>
      ${remarkBody(lang, r)}
      <form novalidate class="answer" @submit=${(e: SubmitEvent) => (e.preventDefault(), this.saveAnswer(r, i, edit))}>
        <fieldset class="ngo-field" aria-describedby=${ifDefined(errors.decision ? `${p}-decision-error` : undefined)}>
          <legend class="ngo-label">${t(lang, 'decision')} <span class="ngo-hint">${t(lang, 'field.required_marker')}</span></legend>
          ${errors.decision ? html`<div class="ngo-error" id="${p}-decision-error">${errors.decision}</div>` : nothing}
          ${DECISIONS.map(
            (d) => html`<label class="check"><input type="radio" id="${p}-decision-${d}" name="${p}-decision" value=${d} .checked=${edit.decision === d}
              aria-invalid=${ifDefined(errors.decision ? 'true' : undefined)} @change=${() => change({ decision: d })} /> ${DECISION_LABELS[d][lang]}</label>`,
          )}
        </fieldset>
        ${field(
          { id: `${p}-response`, label: t(lang, 'response'), hint: t(lang, 'response.hint'), error: errors.response, requiredMarker: t(lang, 'field.required_marker') },
          (a) => html`<textarea id=${a.id} required maxlength="10000" .value=${edit.response} aria-describedby=${ifDefined(a.describedby)}
            aria-invalid=${ifDefined(a.invalid)} @input=${(e: Event) => change({ response: (e.target as HTMLTextAreaElement).value })}></textarea>`,
        )}
        <div class="row">
          <button type="submit" aria-disabled=${this.disabled} aria-describedby="${p}-state">${t(lang, 'answer.save')}</button>
          <span id="${p}-state" class="state ${state.slice(7)}">${t(lang, state)}</span>
        </div>
      </form>
    </article>`;
  }

  private async saveAnswer(r: StaffRemark, i: number, a: Answer): Promise<void> {
    const lang = this.locale;
    const response = a.response.trim();
    const errors = { decision: a.decision ? undefined : t(lang, 'decision.required'), response: response.length >= 3 ? undefined : response ? t(lang, 'response.short') : t(lang, 'field.required') };
    this.answerErrors = { ...this.answerErrors, [r.id]: errors };
    if (errors.decision || errors.response) return void this.focusAfter(errors.decision ? `#r${i}-decision-${DECISIONS[0]}` : `#r${i}-response`);
    if (this.busy) return;
    const decision = a.decision!;
    const err = await this.send(() => answerRemark(this.api, this.session, r.id, { decision, response }), { sending: t(lang, 'status.saving'), quiet: true });
    if (err) {
      const issue = err.code === 'validation_failed' ? err.issues.find((x) => x.path === 'response' || x.path === 'decision') : undefined;
      if (issue) {
        this.answerErrors = { ...this.answerErrors, [r.id]: { [issue.path]: t(lang, issue.code === 'too_short' ? 'response.short' : 'err.invalid') } };
        return void this.focusAfter(`#r${i}-response`);
      }
      return this.showError(err);
    }
    const { [r.id]: _done, ...rest } = this.answers;
    this.answers = rest;
    this.saved = { ...this.saved, [r.id]: { decision, response } };
    this.announce(t(lang, 'answer.done'));
  }

  /** Why publishing must wait, in words: the rule the server applies (publishBlocker). */
  private blockerText(lang: Lang, b: PublishBlocker): string {
    switch (b.code) {
      case 'already_reported': return '';
      case 'consultation_not_closed': return t(lang, 'error.consultation_not_closed');
      case 'pending_remarks': return `${t(lang, 'error.pending_remarks')} ${t(lang, 'error.pending_count', { count: b.count })}`;
      case 'unanswered_remarks': return `${t(lang, 'error.unanswered_remarks')} ${t(lang, 'error.unanswered_count', { count: b.count })}`;
    }
  }

  private renderPublish(lang: Lang, id: string, unanswered: number) {
    if (this.reported) return nothing;
    const blocker = this.consultationStatus ? publishBlocker(this.consultationStatus, { pending: this.pending, unanswered }) : null;
    return html`<section class="box publish" aria-labelledby="publish-heading">
      <h5 id="publish-heading" tabindex="-1">${t(lang, 'publish.heading')}</h5>
      <p id="publish-hint">${t(lang, 'publish.hint')}</p>
      ${formError(this.publishError, 'publish-error')}
      ${blocker
        ? html`<div class="row">
            <button type="button" class="publish" aria-disabled="true" aria-describedby="publish-hint publish-blocked">${t(lang, 'publish')}</button>
            <p id="publish-blocked" class="blocked">${this.blockerText(lang, blocker)}</p>
          </div>`
        : this.confirming
        ? html`<p id="publish-confirm">${t(lang, 'publish.confirm')}</p>
            <div class="row">
              <button type="button" class="confirm" aria-describedby="publish-confirm" aria-disabled=${this.disabled} @click=${() => this.publish(id)}>${t(lang, 'publish.yes')}</button>
              <button type="button" class="ngo-secondary" @click=${() => ((this.confirming = false), this.focusAfter('button.publish'))}>${t(lang, 'cancel')}</button>
            </div>`
        : html`<button type="button" class="publish" aria-describedby="publish-hint" @click=${() => ((this.confirming = true), this.focusAfter('button.confirm'))}>${t(lang, 'publish')}</button>`}
    </section>`;
  }

  private async publish(id: string): Promise<void> {
    if (this.busy) return;
    const lang = this.locale;
    this.publishError = '';
    const err = await this.send(() => publishAnswers(this.api, this.session, id), { sending: t(lang, 'status.saving'), quiet: true });
    this.confirming = false;
    if (err) {
      const count = err.details?.count;
      const counted = COUNTED[err.code];
      this.publishError = counted && typeof count === 'number' ? `${t.error(lang, err)} ${t(lang, counted, { count })}` : t.error(lang, err);
      return void this.focusAfter('#publish-error');
    }
    this.announce(t(lang, 'published'));
    await this.remarks.run();
    await this.published?.();
  }
}
