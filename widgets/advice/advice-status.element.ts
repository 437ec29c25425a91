import { Task } from '@lit/task';
import { nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ATTACHMENT_ACCEPT, CASE_STATUS_LABELS, SATISFACTION_SCORES } from '../../common/advice.js';
import { asApiError, request, type ApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { field, formStyles, statusRegion } from '../core/forms.js';
import { formatDateTime, formatNumber, t, type Lang } from '../core/i18n/index.js';
import { formError } from '../core/forms.js';
import { theme } from '../core/theme.js';
import { downloadUrl, getSlots, getStatus, uploadFile, type CaseStatusView } from './advice.api.js';
import { slotText, slotWhen } from './advice.format.js';
import { ta, type AdviceKey } from './advice.i18n.js';
import { checkFiles } from './advice.files.js';
import { adviceStyles } from './advice.styles.js';

const size = (lang: Lang, bytes: number) => (bytes < 1024 * 1024 ? `${formatNumber(lang, Math.ceil(bytes / 1024))} kB` : `${formatNumber(lang, Math.round(bytes / 104857.6) / 10)} MB`);

/**
 * The requester's status page, reached by the e-mailed secret link (no account; also served at
 * `/embed/advice/status?token=…`): the case number and status, the question, the conversation
 * without the advisers' internal notes, the files (always as downloads), the booked meeting (which
 * can be cancelled) or free slots to book, a reply with files, and after closing the short
 * satisfaction question.
 *
 * @tag ngo-advice-status
 *
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` in the page applies.
 * @attr api-base - Origin (and path) of the API. Defaults to where the widgets were loaded from.
 * @attr token - The secret link's token; without it the page's own `?token=` is read.
 *
 * @csspart base - The widget's root.
 * @csspart status - The polite live region.
 * @csspart field - Each labelled field.
 *
 * @cssprop --ngo-advice-max-width - Widest the page grows (default 48em).
 */
export class NgoAdviceStatus extends NgoElement {
  static override styles = [theme, formStyles, adviceStyles];
  protected static override translators = [ta];

  static override properties: PropertyDeclarations = {
    ...NgoElement.properties,
    token: { type: String },
    message: { state: true },
    failure: { state: true },
    busy: { state: true },
    replyError: { state: true },
  };

  declare token: string;
  declare private message: string;
  declare private failure: ApiError | null;
  declare private busy: boolean;
  declare private replyError: string | undefined;
  private reply = '';
  private files: File[] = [];
  private slotId = '';
  private score = 0;

  constructor() {
    super();
    this.token = '';
    this.message = '';
    this.failure = null;
    this.busy = false;
    this.replyError = undefined;
  }

  private get secret(): string {
    return this.token || new URLSearchParams(location.search).get('token') || '';
  }

  private status = new Task(this, {
    args: () => [this.api, this.secret] as const,
    task: ([api, token], { signal }) => (token ? getStatus(api, token, signal) : Promise.resolve(null)),
  });

  private slots = new Task(this, {
    args: () => [this.api, this.status.value?.canBook ? this.status.value.topic.id : ''] as const,
    task: async ([api, topic], { signal }) => (topic ? (await getSlots(api, topic, signal)).items : []),
  });

  private tr(key: AdviceKey, vars?: Record<string, string | number>): string {
    return ta(this.locale, key, vars);
  }

  /** Runs one action of the page, then reloads the case and announces `done`. */
  private async act(action: () => Promise<unknown>, done: () => string, focus?: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.failure = null;
    this.message = t(this.locale, 'status.sending');
    try {
      await action();
      this.message = done();
      await this.status.run();
      await this.updateComplete;
      if (focus) this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
    } catch (err) {
      this.message = '';
      this.failure = asApiError(err);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#form-error')?.focus();
      if (this.failure.code === 'slot_taken') void this.slots.run();
    } finally {
      this.busy = false;
    }
  }

  private post = (path: string, body: object) => request(this.api, path, { method: 'POST', body: { token: this.secret, ...body } });

  private sendReply(e: SubmitEvent): void {
    e.preventDefault();
    if (!this.reply.trim()) {
      this.replyError = t(this.locale, 'field.required');
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#reply')?.focus());
      return;
    }
    this.replyError = undefined;
    const body = this.reply;
    void this.act(
      async () => {
        const ids: string[] = [];
        for (const f of this.files) ids.push((await uploadFile(this.api, this.secret, f)).id);
        await this.post('/v1/advice/status/replies', { body, attachmentIds: ids });
        this.reply = '';
        this.files = [];
        (this.renderRoot.querySelector('#reply-files') as HTMLInputElement | null)?.form?.reset();
      },
      () => this.tr('status.reply.sent'),
      '#thread-title',
    );
  }

  private onFiles(e: Event, left: number): void {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    const problem = checkFiles(files, 10 - left);
    this.replyError = problem ? this.tr(problem.key, problem.vars) : undefined;
    this.files = problem ? [] : files;
    if (problem) input.value = '';
  }

  override render(): TemplateResult {
    const lang = this.locale;
    if (!this.secret) return this.warnMisconfig('token is missing', this.tr('status.no_token'));
    return html`<div class="ngo-root" part="base" lang=${lang}>
      ${statusRegion(this.message)}
      ${this.status.render({
        pending: () => (this.status.value ? this.renderCase(lang, this.status.value) : html`<p>${this.tr('status.loading')}</p>`),
        error: (err) => html`<p class="ngo-error" role="alert">${ta.error(lang, asApiError(err))}</p>`,
        complete: (c) => (c ? this.renderCase(lang, c) : nothing),
      })}
    </div>`;
  }

  private renderCase(lang: Lang, c: CaseStatusView): TemplateResult {
    return html`<${this.headingTag(0)} class="case-number">${this.tr('status.title', { number: c.number })}</${this.headingTag(0)}>
      ${formError(this.failure ? ta.error(lang, this.failure) : undefined)}
      <dl class="facts">
        <dt>${this.tr('status.state')}</dt><dd><strong>${CASE_STATUS_LABELS[c.status][lang]}</strong></dd>
        <dt>${this.tr('status.topic')}</dt><dd>${c.topic.labels[lang]}</dd>
        <dt>${this.tr('status.created')}</dt><dd>${formatDateTime(lang, c.createdAt)}</dd>
      </dl>
      <section aria-labelledby="question-title">
        <${this.headingTag(1)} id="question-title">${this.tr('status.question')}</${this.headingTag(1)}>
        <p class="question">${c.question}</p>
      </section>
      <section aria-labelledby="thread-title">
        <${this.headingTag(1)} id="thread-title" tabindex="-1">${this.tr('status.thread')}</${this.headingTag(1)}>
        ${c.messages.length
          ? html`<ol class="thread">${c.messages.map((m) => html`<li class=${m.author}><span class="meta">${this.tr(`status.from.${m.author}`)}, ${formatDateTime(lang, m.createdAt)}</span><br />${m.body}</li>`)}</ol>`
          : html`<p>${this.tr('status.thread_empty')}</p>`}
      </section>
      ${c.attachments.length
        ? html`<section aria-labelledby="files-title">
            <${this.headingTag(1)} id="files-title">${this.tr('status.files')}</${this.headingTag(1)}>
            <ul>${c.attachments.map((f) => html`<li><a href=${downloadUrl(this.api, this.secret, f.id)} download=${f.filename} rel="noreferrer">${this.tr('status.download', { name: f.filename, size: size(lang, f.size) })}</a> <span class="meta">(${this.tr(`status.from.${f.from === 'staff' ? 'staff' : 'requester'}`)})</span></li>`)}</ul>
          </section>`
        : nothing}
      ${this.renderBooking(lang, c)} ${c.canReply ? this.renderReply(c) : html`<p>${this.tr('status.closed')}</p>`} ${this.renderRating(c)}`;
  }

  private renderBooking(lang: Lang, c: CaseStatusView): TemplateResult | typeof nothing {
    const b = c.booking;
    if (b && !c.canBook) {
      return html`<section aria-labelledby="booking-title">
        <${this.headingTag(1)} id="booking-title" tabindex="-1">${this.tr('status.booking.title')}</${this.headingTag(1)}>
        <p>${this.tr('status.booking.when', { when: slotWhen(lang, b) })}</p>
        <p>${this.tr('status.booking.where', { where: (b.mode === 'in_person' ? b.address : b.onlineUrl) ?? '' })}</p>
        ${c.canReply ? html`<button type="button" class="ngo-secondary" ?disabled=${this.busy} @click=${() => this.act(() => this.post('/v1/advice/status/booking/cancel', {}), () => this.tr('status.booking.cancelled'), '#book-title')}>${this.tr('status.booking.cancel')}</button>` : nothing}
      </section>`;
    }
    if (!c.canBook) return nothing;
    const slots = this.slots.value ?? [];
    return html`<section aria-labelledby="book-title">
      <${this.headingTag(1)} id="book-title" tabindex="-1">${this.tr('status.book.legend')}</${this.headingTag(1)}>
      ${slots.length
        ? html`<form @submit=${(e: SubmitEvent) => {
            e.preventDefault();
            const slot = slots.find((s) => s.id === (this.slotId || slots[0]!.id))!;
            void this.act(() => this.post('/v1/advice/status/booking', { slotId: slot.id }), () => this.tr('status.book.done', { when: slotText(lang, slot) }), '#booking-title');
          }}>
            ${field({ id: 'slot', label: this.tr('status.book.choose') }, (a) => html`<select id=${a.id} @change=${(e: Event) => (this.slotId = (e.target as HTMLSelectElement).value)}>${slots.map((s) => html`<option value=${s.id}>${slotText(lang, s)}</option>`)}</select>`)}
            <button type="submit" ?disabled=${this.busy}>${this.tr('status.book.send')}</button>
          </form>`
        : html`<p>${this.tr('advice.slot.empty')}</p>`}
    </section>`;
  }

  private renderReply(c: CaseStatusView): TemplateResult {
    return html`<form class="reply" @submit=${(e: SubmitEvent) => this.sendReply(e)} novalidate>
      <fieldset>
        <legend>${this.tr('status.reply.legend')}</legend>
        ${field({ id: 'reply', label: this.tr('status.reply.label'), requiredMarker: t(this.locale, 'field.required_marker'), error: this.replyError }, (a) => html`<textarea id=${a.id} rows="4" maxlength="8000" required aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} .value=${this.reply} @input=${(e: Event) => (this.reply = (e.target as HTMLTextAreaElement).value)}></textarea>`)}
        ${c.attachmentsLeft > 0 ? field({ id: 'reply-files', label: this.tr('status.reply.files') }, (a) => html`<input type="file" id=${a.id} multiple accept=${ATTACHMENT_ACCEPT} @change=${(e: Event) => this.onFiles(e, c.attachmentsLeft)} />`) : nothing}
        <p class="warning">${this.tr('advice.sensitive')}</p>
        <div class="ngo-actions"><button type="submit" ?disabled=${this.busy}>${this.tr('status.reply.send')}</button></div>
      </fieldset>
    </form>`;
  }

  private renderRating(c: CaseStatusView): TemplateResult | typeof nothing {
    if (c.satisfaction !== null) return html`<p>${this.tr('status.rate.thanks', { score: c.satisfaction })}</p>`;
    if (!c.canRate) return nothing;
    return html`<form @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      if (!this.score) return;
      const score = this.score;
      void this.act(() => this.post('/v1/advice/status/satisfaction', { score }), () => this.tr('status.rate.thanks', { score }));
    }}>
      <fieldset>
        <legend>${this.tr('status.rate.legend')}</legend>
        <p class="ngo-hint">${this.tr('status.rate.low')}; ${this.tr('status.rate.high')}</p>
        <div class="choices">${SATISFACTION_SCORES.map((n) => html`<label class="ngo-check"><input type="radio" name="score" id="score-${n}" @change=${() => (this.score = n)} /><span>${this.tr('status.rate.score', { score: n })}</span></label>`)}</div>
        <div class="ngo-actions"><button type="submit" ?disabled=${this.busy}>${this.tr('status.rate.send')}</button></div>
      </fieldset>
    </form>`;
  }
}
