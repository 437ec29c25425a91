import { Task, TaskStatus } from '@lit/task';
import { nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ATTACHMENT_ACCEPT, ATTACHMENT_LIMITS, CHANNEL_LABELS, CHANNELS, TIME_WINDOW_LABELS, TIME_WINDOWS, type TimeWindow } from '../../common/advice.js';
import { KIND_LABELS, ORG_KINDS } from '../../common/org-kinds.js';
import { asApiError, type ApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { FocusController } from '../core/focus.js';
import { FormState } from '../core/form-state.js';
import { errorSummary, field, formStyles, inputField, statusRegion } from '../core/forms.js';
import { t, type CoreKey, type Lang } from '../core/i18n/index.js';
import { clauseText, consentBlock, contactFields, draftNotice, errorText, formError, getClause, honeypot, summaryOf } from '../core/public-form.js';
import { SubmitController } from '../core/submit.js';
import { theme } from '../core/theme.js';
import { getSlots, getTopics, keywords, relatedGuide, relatedTrainings, uploadFile, type Accepted, type AdviceTopic } from './advice.api.js';
import { ta, type AdviceKey } from './advice.i18n.js';
import { checkFiles, emptyDraft, fieldOrder, issuesToErrors, toBody, validateDraft, type Draft, type FieldId } from './advice.model.js';
import { adviceStyles } from './advice.styles.js';
import { tFormKit } from '../core/form.i18n.js';
import type * as Extras from './advice-form.extras.js';
import { fieldLabel, topicChoice, topicFields } from './advice-form.fields.js';
import type { Done, Related } from './advice-form.extras.js';

const SUMMARY = '.ngo-error-summary';


/**
 * The advisory point's request form: a topic picker with each topic's explanation, the topic's
 * own fields as the topic asks, the organisation and contact person, the preferred channel and
 * times, the question (with matching guide articles and upcoming trainings as it is typed, when
 * those modules answer), an optional meeting slot and attachments, the information clause with
 * its consent and a warning against sensitive data, and a confirmation with the case number.
 * Built on the public-form kit: proof of work, honeypot, drafts, the error summary.
 * The topic picker, the topic's own fields and the summary's labels are in advice-form.fields.ts.
 *
 * @tag ngo-advice-form
 *
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` in the page applies.
 * @attr api-base - Origin (and path) of the API. Defaults to where the widgets were loaded from.
 * @attr topic - A topic to preselect (`law`, `taxes`, `media`, `loans`, `grants`, `other`).
 * @attr guide-url - Link of a guide article, with `{slug}` for its slug; without it suggestions are plain text.
 * @attr heading-level - Level of the form's title, 1–6 (default 2).
 * @attr no-heading - Leave out the form's title (the host page's heading names it).
 *
 * @fires ngo-submit - Cancelable, before the request is sent: `{ kind: 'advice-request' }`.
 * @fires ngo-submitted - After the server took it: `{ kind, id: case number, status }`.
 * @fires ngo-error - When sending failed: `{ kind, code }`.
 *
 * @csspart base - The widget's root.
 * @csspart field - Each labelled field.
 * @csspart input - Each text input.
 * @csspart status - The polite live region.
 * @csspart error-summary - The error summary above the form.
 * @csspart notice - The information clause.
 * @csspart draft - The "draft restored" notice.
 * @csspart submit-button - The send button.
 *
 * @cssprop --ngo-advice-max-width - Widest the form grows (default 48em).
 */
export class NgoAdviceForm extends NgoElement {
  static override styles = [theme, formStyles, adviceStyles];
  protected static override translators = [ta, tFormKit];

  static override properties: PropertyDeclarations = {
    ...NgoElement.properties,
    topic: { type: String },
    guideUrl: { type: String, attribute: 'guide-url' },
    message: { state: true },
    failure: { state: true },
    done: { state: true },
    files: { state: true },
    related: { state: true },
  };

  /** A topic to preselect. */
  declare topic: string;
  declare guideUrl: string;
  declare private message: string;
  declare private failure: ApiError | null;
  declare private done: Done | null;
  declare private files: File[];
  declare private related: Related | null;

  private readonly form = new FormState<Draft>(this, {
    validate: (d) => validateDraft(d, this.topicOf(d.topic)) as never,
    storageKey: () => 'ngo-advice-form/request',
    memoryOnly: ['contactName', 'contactEmail', 'phone'],
    notKept: ['consent'],
  });
  private readonly submit = new SubmitController(this, () => this.api);
  private readonly focuser = new FocusController(this);
  private relatedTimer?: ReturnType<typeof setTimeout>;
  private relatedAbort?: AbortController;
  private fileError: string | undefined;
  /** The slot, the suggestions and the confirmation (advice-form.extras.ts), loaded once the form is in use. */
  private extras?: typeof Extras;
  private extrasLoading?: Promise<unknown>;

  constructor() {
    super();
    this.topic = '';
    this.guideUrl = '';
    this.message = '';
    this.failure = null;
    this.done = null;
    this.files = [];
    this.related = null;
  }

  private topics = new Task(this, {
    args: () => [this.api] as const,
    task: async ([api], { signal }) => (await getTopics(api, signal)).items,
  });

  private clause = new Task(this, { args: () => [this.api] as const, task: ([api], { signal }) => getClause(api, 'advice', signal) });

  private slots = new Task(this, {
    args: () => [this.api, this.form.values.topic] as const,
    task: async ([api, topic], { signal }) => (topic ? (await getSlots(api, topic, signal)).items : []),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.form.start(emptyDraft(this.topic));
    this.submit.prepare();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.relatedTimer);
    this.relatedAbort?.abort();
  }

  protected override willUpdate(): void {
    if (this.form.values.topic || this.related || this.done) this.loadExtras();
  }

  /** Loads advice-form.extras.ts on the first focus in the form or once a topic is chosen; a failure is retried on the next. */
  private loadExtras(): void {
    this.extrasLoading ??= import('./advice-form.extras.js').then(
      (m) => {
        this.extras = m;
        this.requestUpdate();
      },
      (err) => {
        console.warn('[ngo] <ngo-advice-form>: part of the form could not be loaded:', err);
        this.extrasLoading = undefined;
      },
    );
  }

  private topicOf(id: string): AdviceTopic | undefined {
    return this.topics.value?.find((x) => x.id === id);
  }

  private tr(key: AdviceKey | CoreKey, vars?: Record<string, string | number>): string {
    return ta(this.locale, key, vars);
  }

  private errorOf(id: FieldId): string | undefined {
    return errorText(this.locale, this.form.errors[id as keyof Draft & string], (lang, key) => ta(lang, key));
  }

  private set<K extends keyof Draft & string>(key: K, value: Draft[K]): void {
    this.form.set(key, value);
    if (key === 'question') this.scheduleRelated(String(value));
  }

  /** Looks up guide articles and trainings for the question, a moment after typing stops. */
  private scheduleRelated(text: string): void {
    clearTimeout(this.relatedTimer);
    const words = keywords(text);
    if (!words) return;
    this.relatedTimer = setTimeout(async () => {
      this.relatedAbort?.abort();
      const abort = (this.relatedAbort = new AbortController());
      try {
        const [guide, trainings] = await Promise.all([relatedGuide(this.api, words, this.locale, abort.signal), relatedTrainings(this.api, words, abort.signal)]);
        this.related = guide.length || trainings.length ? { guide, trainings } : null;
      } catch {
        // Aborted by newer typing.
      }
    }, 600);
  }

  private onFiles(e: Event): void {
    const files = [...((e.target as HTMLInputElement).files ?? [])];
    const problem = checkFiles(files);
    this.fileError = problem ? this.tr(problem.key, problem.vars) : undefined;
    this.files = problem ? [] : files;
    if (problem) (e.target as HTMLInputElement).value = '';
  }

  private readonly onSubmit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (this.submit.busy) return;
    this.failure = null;
    const topic = this.topicOf(this.form.values.topic);
    if (!this.form.check() || !topic) {
      this.message = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(SUMMARY)?.focus();
      return;
    }
    const lang = this.locale;
    const email = this.form.values.contactEmail.trim();
    await this.submit.send<Accepted>(
      { detail: { kind: 'advice-request' }, path: '/v1/advice/requests', body: toBody(this.form.values, topic, lang), result: (a) => ({ id: a.number, status: a.status }), onSending: () => (this.message = this.tr('status.sending')) },
      (out) => {
        if (out.ok) {
          this.form.forget();
          this.done = { accepted: out.value, email, uploaded: 0, failed: [] };
          // The form is gone: focus goes to the confirmation at once (once advice-form.extras.ts renders it), not to
          // the page's body while the files upload; the live region then says when they are sent.
          this.focuser.later('#done');
          void this.uploadAll(out.value.uploadToken);
          return;
        }
        this.message = '';
        if (out.reason === 'canceled') return;
        const fields = out.reason === 'fields' ? issuesToErrors(out.error.issues) : null;
        if (fields) this.form.showServerErrors(fields.errors as never);
        const named = fields && Object.keys(fields.errors).length;
        if (!named || fields.other.length) this.failure = out.error;
        if (out.error.code === 'slot_taken' || out.error.code === 'slot_past') void this.slots.run();
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(named ? SUMMARY : '#form-error')?.focus());
      },
    );
  };

  /** Sends the chosen files with the answer's upload token, one by one, while the confirmation shows their progress. */
  private async uploadAll(token: string): Promise<void> {
    for (const file of this.files) {
      try {
        await uploadFile(this.api, token, file);
        this.done = { ...this.done!, uploaded: this.done!.uploaded + 1 };
      } catch (err) {
        this.done = { ...this.done!, failed: [...this.done!.failed, { name: file.name, reason: ta.error(this.locale, asApiError(err)) }] };
      }
    }
    this.files = [];
    this.message = this.tr('advice.status.sent');
  }

  private again(): void {
    this.done = null;
    this.message = '';
    this.form.start(emptyDraft(this.topic));
    this.submit.reset();
  }

  override render(): TemplateResult {
    const lang = this.locale;
    return html`<div class="ngo-root" part="base" lang=${lang}>
      ${statusRegion(this.message)} ${this.done ? (this.extras?.doneView(lang, (k, vars) => this.tr(k, vars), this.done, this.headingTag(0), () => this.again()) ?? html`<p>${t(lang, 'loading')}</p>`) : this.topics.render({
        pending: () => html`<p>${t(lang, 'loading')}</p>`,
        error: (err) => html`<p class="ngo-error" role="alert">${ta.error(lang, asApiError(err))}</p>
          <button type="button" @click=${() => this.topics.run()}>${t(lang, 'retry')}</button>`,
        complete: (topics) =>
          this.topic && !topics.some((x) => x.id === this.topic)
            ? this.warnMisconfig(`unknown topic "${this.topic}"`)
            : topics.length
              ? this.renderForm(lang, topics)
              : html`<p>${this.tr('advice.topic.none')}</p>`,
      })}
    </div>`;
  }

  private renderForm(lang: Lang, topics: AdviceTopic[]): TemplateResult {
    const v = this.form.values;
    const topic = this.topicOf(v.topic);
    const summary = summaryOf(fieldOrder(topic), this.form.errors as Record<FieldId, string>, {
      text: (key) => errorText(lang, key, (l, k) => ta(l, k))!,
      label: (id) => (id === 'consent' ? undefined : fieldLabel(lang, id, topic)),
      target: (id) => (id === 'topic' ? `topic-${topics[0]!.id}` : id === 'channel' ? `channel-${CHANNELS[0]}` : id),
    });
    return html`<form novalidate @submit=${this.onSubmit} @focusin=${() => (this.submit.prepare(), this.loadExtras())}>
      ${this.noHeading ? nothing : html`<${this.headingTag(0)} class="title">${this.tr('advice.form.title')}</${this.headingTag(0)}>`}
      <p class="intro">${this.tr('advice.form.intro')}</p>
      ${draftNotice(this.form, lang)}
      ${errorSummary(this.tr('summary.heading', { count: summary.length }), summary, this.headingLevelAt(0))}
      ${formError(this.failure ? ta.error(lang, this.failure) : undefined)}
      ${topicChoice(lang, topics, v.topic, this.errorOf('topic'), (id) => this.set('topic', id))}
      ${topic?.fields.length ? topicFields(lang, topic, v, (id) => this.errorOf(id), (id, x) => this.set(id, x)) : nothing}
      <fieldset>
        <legend>${this.tr('advice.org.legend')}</legend>
        ${inputField({ id: 'orgName', label: this.tr('advice.org.name'), requiredMarker: t(lang, 'field.required_marker'), required: true, value: v.orgName, error: this.errorOf('orgName'), maxlength: 300, autocomplete: 'organization', onInput: (x) => this.set('orgName', x) })}
        ${inputField({ id: 'krs', label: this.tr('advice.org.krs'), hint: this.tr('advice.org.krs_hint'), value: v.krs, error: this.errorOf('krs'), inputmode: 'numeric', maxlength: 10, onInput: (x) => this.set('krs', x) })}
        ${field({ id: 'kind', label: this.tr('advice.org.kind'), requiredMarker: t(lang, 'field.required_marker'), error: this.errorOf('kind') }, (a) => html`<select id=${a.id} required aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @change=${(e: Event) => this.set('kind', (e.target as HTMLSelectElement).value as Draft['kind'])}>
          <option value="" ?selected=${!v.kind}>${this.tr('advice.org.kind_choose')}</option>
          ${ORG_KINDS.map((k) => html`<option value=${k} ?selected=${v.kind === k}>${KIND_LABELS[k][lang]}</option>`)}
        </select>`)}
      </fieldset>
      ${contactFields({
        lang, legend: this.tr('advice.contact.legend'), hint: this.tr('advice.contact.hint'), labels: { name: this.tr('advice.contact.name'), email: this.tr('advice.contact.email') }, emailHint: this.tr('advice.contact.email_hint'),
        values: v, errors: { contactName: this.errorOf('contactName'), contactEmail: this.errorOf('contactEmail') }, set: (k, x) => this.set(k, x),
      })}
      <fieldset>
        <legend>${this.tr('advice.channel.legend')}</legend>
        ${inputField({ id: 'phone', label: this.tr('advice.contact.phone'), type: 'tel', value: v.phone, error: this.errorOf('phone'), autocomplete: 'tel', maxlength: 30, onInput: (x) => this.set('phone', x) })}
        <div role="radiogroup" aria-label=${this.tr('advice.channel.legend')} class="choices">
          ${CHANNELS.map((c) => html`<label class="ngo-check"><input type="radio" name="channel" id="channel-${c}" .checked=${v.channel === c} @change=${() => this.set('channel', c)} /><span>${CHANNEL_LABELS[c][lang]}</span></label>`)}
        </div>
        <fieldset>
          <legend class="ngo-label">${this.tr('advice.windows.legend')}</legend>
          <div class="choices">
            ${TIME_WINDOWS.map((w) => html`<label class="ngo-check"><input type="checkbox" id="window-${w}" .checked=${v.windows.includes(w)} @change=${(e: Event) => this.toggleWindow(w, (e.target as HTMLInputElement).checked)} /><span>${TIME_WINDOW_LABELS[w][lang]}</span></label>`)}
          </div>
        </fieldset>
      </fieldset>
      ${field({ id: 'question', label: this.tr('advice.question'), hint: this.tr('advice.question_hint'), requiredMarker: t(lang, 'field.required_marker'), error: this.errorOf('question') }, (a) => html`<textarea id=${a.id} required maxlength="8000" rows="6" aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} .value=${v.question} @input=${(e: Event) => this.set('question', (e.target as HTMLTextAreaElement).value)}></textarea>`)}
      <p class="warning" id="sensitive">${this.tr('advice.sensitive')}</p>
      ${this.renderRelated(lang)} ${topic ? this.renderSlots(lang) : nothing}
      ${field({ id: 'files', label: this.tr('advice.files.label'), hint: this.tr('advice.files.hint', { size: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024, count: ATTACHMENT_LIMITS.perCase }), error: this.fileError }, (a) => html`<input type="file" id=${a.id} multiple accept=${ATTACHMENT_ACCEPT} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @change=${(e: Event) => this.onFiles(e)} />`)}
      ${consentBlock({ lang, clause: clauseText(this.clause, lang), retry: () => this.clause.run(), label: this.tr('advice.consent'), checked: v.consent, error: this.errorOf('consent'), onChange: (c) => this.set('consent', c) })}
      ${honeypot(this.submit, lang)}
      <div class="ngo-actions"><button type="submit" part="submit-button" ?disabled=${this.submit.busy} aria-disabled=${this.submit.busy ? 'true' : 'false'}>${this.submit.busy ? this.tr('status.sending') : this.tr('advice.submit')}</button></div>
    </form>`;
  }

  private toggleWindow(w: TimeWindow, on: boolean): void {
    const now = this.form.values.windows.filter((x) => x !== w);
    this.set('windows', on ? TIME_WINDOWS.filter((x) => x === w || now.includes(x)) : now);
  }

  private renderRelated(lang: Lang): TemplateResult | typeof nothing {
    const r = this.related;
    if (!r || !this.extras) return nothing;
    return this.extras.relatedView(lang, (k, vars) => this.tr(k, vars), r, this.headingTag(1), this.guideUrl);
  }

  private renderSlots(lang: Lang): TemplateResult | typeof nothing {
    if (!this.extras) return nothing;
    const slots = this.slots.status === TaskStatus.COMPLETE ? (this.slots.value ?? []) : [];
    return this.extras.slotField(lang, (k, vars) => this.tr(k, vars), slots, this.form.values.slotId, this.errorOf('slotId'), (id) => this.set('slotId', id));
  }
}
