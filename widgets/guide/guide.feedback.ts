import { nothing, type LitElement, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { FormState } from '../core/form-state.js';
import { formError, honeypot } from '../core/public-form.js';
import { SubmitController } from '../core/submit.js';
import { feedbackPath } from './guide.api.js';
import { tg } from './guide.i18n.js';
import type { GuideUi } from './guide.view.js';

/*
 * "Was this helpful?" under an article: the choice, an optional comment kept as a draft of its
 * article, and the anonymous sending through the anti-abuse kit. A chunk of its own, which
 * <ngo-guide> loads once an article is open: the contents, search and journeys do without the
 * public-form kit, the draft store and the proof of work.
 */

/** What of the feedback is kept as a draft. */
type FeedbackDraft = { helpful: '' | 'yes' | 'no'; comment: string };

/** What the form needs of the element. */
export interface FeedbackHost {
  element: LitElement;
  api(): string;
  /** The open article's slug, or null outside an article. */
  slug(): string | null;
  /** The polite live region's message. */
  say(message: string): void;
  focus(selector: string): void;
}

export class GuideFeedback {
  private helpful: boolean | null = null;
  private comment = '';
  private sent = false;
  private error: string | undefined;
  private readonly submit: SubmitController;
  /**
   * The feedback's draft, kept per article so a comment survives leaving the article, a reload and
   * a failed sending. The comment asks for no personal data; it is forgotten once sent.
   */
  private readonly draft: FormState<FeedbackDraft>;

  constructor(private readonly host: FeedbackHost) {
    this.submit = new SubmitController(host.element, () => host.api());
    this.draft = new FormState<FeedbackDraft>(host.element, { validate: () => ({}), storageKey: () => { const slug = host.slug(); return slug ? `ngo-guide/feedback/${slug}` : null; } });
    this.reset();
  }

  /** A view opened: the open article's draft, if any, and nothing sent yet. */
  reset(): void {
    this.draft.start({ helpful: '', comment: '' });
    const d = this.draft.values;
    this.helpful = d.helpful ? d.helpful === 'yes' : null;
    this.comment = d.comment;
    this.sent = false;
    this.error = undefined;
    this.submit.reset();
    this.host.element.requestUpdate();
  }

  private set(helpful: boolean | null, comment: string) {
    this.helpful = helpful;
    this.comment = comment;
    this.error = undefined;
    this.draft.set('helpful', helpful === null ? '' : helpful ? 'yes' : 'no');
    this.draft.set('comment', comment);
    this.host.element.requestUpdate();
  }

  private send(lang: GuideUi['lang']) {
    const slug = this.host.slug();
    if (this.helpful === null || !slug) return;
    void this.submit.send({ detail: { kind: 'feedback' }, path: feedbackPath(slug), body: { helpful: this.helpful, comment: this.comment.trim() || undefined, lang } }, (outcome) => {
      if (outcome.ok) {
        this.draft.forget();
        this.sent = true;
        this.error = undefined;
        this.host.say(tg(lang, 'guide.feedback.thanks'));
      } else if (outcome.reason !== 'canceled') {
        this.error = tg.error(lang, outcome.error);
        this.host.focus('#feedback-error');
      }
      this.host.element.requestUpdate();
    });
  }

  render(ui: GuideUi): TemplateResult {
    const { lang, t } = ui;
    if (this.sent) return html`<p class="feedback-done no-print">${t('guide.feedback.thanks')}</p>`;
    this.submit.prepare();
    const busy = this.submit.busy;
    return html`<form class="feedback no-print" @submit=${(e: Event) => (e.preventDefault(), this.send(lang))}>
      <fieldset>
        <legend>${t('guide.feedback.legend')}</legend>
        <div class="choices">
          <label class="ngo-check"><input type="radio" name="helpful" value="yes" .checked=${this.helpful === true} @change=${() => this.set(true, this.comment)} /> ${t('guide.feedback.yes')}</label>
          <label class="ngo-check"><input type="radio" name="helpful" value="no" .checked=${this.helpful === false} @change=${() => this.set(false, this.comment)} /> ${t('guide.feedback.no')}</label>
        </div>
      </fieldset>
      ${this.helpful === null
        ? nothing
        : html`<label class="ngo-label" for="comment">${t('guide.feedback.comment')}</label>
            <textarea id="comment" rows="3" maxlength="1000" .value=${this.comment} @input=${(e: Event) => this.set(this.helpful, (e.target as HTMLTextAreaElement).value)}></textarea>
            ${honeypot(this.submit, lang)}
            <button type="submit" ?disabled=${busy}>${busy ? t('status.sending') : t('guide.feedback.send')}</button>`}
      ${formError(this.error, 'feedback-error')}
    </form>`;
  }
}
