import { Task } from '@lit/task';
import { type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import type { AnswerValue, Answers } from '../../common/surveys.js';
import { ApiError, asApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { FocusController } from '../core/focus.js';
import { FormState } from '../core/form-state.js';
import { tFormKit } from '../core/form.i18n.js';
import { focusErrorSummary, formStyles, statusRegion, type SummaryError } from '../core/forms.js';
import { loadFailed } from '../core/states.js';
import type { SubmitController } from '../core/submit.js';
import { theme } from '../core/theme.js';
import { getDraft, getEdition, saveDraft, type Access } from './surveys.api.js';
import { blockedBy, keptAnswers, pageProblems, pagesOf, summaryOf, type Blocked, type Loaded, type Page, type Phase } from './surveys.flow.js';
import { ts, type SurveysKey } from './surveys.i18n.js';
import { itemStyles, lastYearStyles, surveyStyles } from './surveys.styles.js';
import type * as QuestionPages from './surveys.pages.js';
import { loaded, type SurveyUi } from './surveys.screen.js';
import { blockedNotice } from './surveys.views.js';

export { blockedBy, pagesOf, type Blocked } from './surveys.flow.js';

/**
 * The cooperation-quality survey (LIJW), answered from an e-mailed invitation. One question group
 * (a section of the instrument) at a time with a progress bar; every scale item is a `fieldset`
 * whose legend is announced with each option, with "hard to say" beside the five points. Answers
 * are saved on the server as the person moves between pages and with "Save and finish later"
 * (encrypted there under the invitation token), so the same link resumes them on any device. A
 * review page lists every answer before the one submission. A used or expired invitation, and an
 * edition that is closed or not open yet, each get a message of their own.
 *
 * @tag ngo-survey
 * @attr survey - The survey's id (default `lijw`).
 * @attr token - The invitation token, from the e-mailed link (`/embed/surveys?token=…`).
 * @attr link - Instead of a token: the key of a group's open link. Anyone with it may answer, once per
 *   sending (guarded by the anti-abuse kit). Nothing is saved on the server; the answers are kept as
 *   a draft on this device (the public-form kit's drafts) across reloads and closing the page, with a
 *   "draft restored" notice and a button to clear it, and forgotten once sent.
 * @attr heading-level - Level of the survey's title heading, 1–6 (default 2); pages and the review follow.
 * @attr no-heading - Leave out the title heading (the host page's heading names the survey).
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` in the page applies.
 * @attr api-base - Where the API lives; defaults to the server the script came from.
 *
 * @fires ngo-submit - Before the answers are sent; cancelable. `detail: { kind: 'survey' }`.
 * @fires ngo-submitted - After the API accepted them: `detail: { kind: 'survey', id, status }` (`id` is the edition).
 * @fires ngo-error - Sending failed (the widget shows why): `detail: { kind: 'survey', code }`.
 *
 * @csspart base - The widget's root.
 * @csspart progress - The progress bar and its step text.
 * @csspart item - Each question.
 * @csspart question - Each question's text (the legend).
 * @csspart input - Each text input.
 * @csspart error-summary - The list of problems on a page.
 * @csspart review - The review page's list of answers.
 * @csspart submit-button - The send button.
 * @csspart status - The polite live region.
 *
 * @cssprop --ngo-survey-max-width - Maximum width of the widget (default `48em`).
 * @cssprop --ngo-color-accent - Buttons, the chosen answer and the progress bar (default `#0050a0`).
 * @cssprop --ngo-focus-ring - Focus indicator, a `box-shadow` value.
 */
export class NgoSurvey extends NgoElement {
  static override styles = [theme, formStyles, itemStyles, surveyStyles, lastYearStyles];
  // The public-form kit's texts: the draft notice of an open link.
  protected static override translators = [ts, tFormKit];
  static override properties: PropertyDeclarations = {
    survey: {},
    token: {},
    link: {},
    phase: { state: true },
    pageId: { state: true },
    errors: { state: true },
    summary: { state: true },
    status: { state: true },
    sendError: { state: true },
    blocked: { state: true },
  };

  declare survey: string;
  declare token: string;
  declare link: string;
  declare private phase: Phase;
  /** The section shown (pages come and go with display conditions, so it is held by id). */
  declare private pageId: string;
  declare private errors: Record<string, string>;
  declare private summary: SummaryError[];
  declare private status: string;
  declare private sendError: string;
  /** Set when a save or the submission found the invitation or edition no longer usable. */
  declare private blocked: Blocked | null;

  /** Sends the answers; made with the question pages (surveys.pages.ts), which carry the submit kit. */
  private submitter?: SubmitController;
  /**
   * The answers. With a token the server keeps them (no local draft); through an open link they
   * are a draft on this device, keyed by survey, edition and group (never by the link's key).
   */
  private form = new FormState<{ answers: Answers }>(this, { validate: () => ({}), storageKey: () => this.draftKey });
  private draftKey: string | null = null;
  /** JSON of the answers last saved on the server, so unchanged pages are not saved again. */
  private savedJson = '';
  /** The question pages and the review (surveys.pages.ts), loaded when Start is pressed: a page showing the introduction does without. */
  private pagesView?: typeof QuestionPages;
  private pagesLoading?: Promise<unknown>;
  private pagesError: unknown;
  private focuser = new FocusController(this, (el) => (el.classList.contains('ngo-error-summary') ? focusErrorSummary(this.renderRoot) : el.focus()));

  private load = new Task(this, {
    args: () => [this.api, this.survey, this.token, this.link] as const,
    task: async ([api, survey], { signal }): Promise<Loaded | null> => {
      const access = this.access;
      if (!access || !this.validSurvey) return null;
      const draft = await getDraft(api, survey, access, signal);
      const edition = await getEdition(api, survey, draft.edition.slug, signal);
      return { edition, draft };
    },
    onComplete: (loaded) => {
      if (!loaded) return;
      this.draftKey = this.token ? null : `ngo-survey/${this.survey}/${loaded.draft.edition.slug}/${loaded.draft.group}/link`;
      this.form.start({ answers: { ...loaded.draft.answers } });
      this.savedJson = JSON.stringify(this.answers);
      this.phase = 'intro';
    },
  });

  constructor() {
    super();
    this.survey = 'lijw';
    this.token = this.link = '';
    this.phase = 'intro';
    this.pageId = '';
    this.errors = {};
    this.summary = [];
    this.status = this.sendError = '';
    this.blocked = null;
  }

  /** The token, else the open link; null without either. */
  private get access(): Access | null {
    return this.token ? { token: this.token } : this.link ? { link: this.link } : null;
  }

  private get answers(): Answers {
    return this.form.values.answers ?? {};
  }

  private get validSurvey(): boolean {
    return /^[a-z][a-z0-9_-]{0,47}$/.test(this.survey);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('token') || changed.has('link') || changed.has('survey')) {
      this.blocked = null;
      this.phase = 'intro';
      this.pageId = '';
      this.summary = [];
      this.errors = {};
    }
    if (this.phase === 'page' || this.phase === 'review') this.loadPages();
  }

  private loadPages(): void {
    this.pagesLoading ??= import('./surveys.pages.js').then(
      (m) => {
        this.pagesView = m;
        this.submitter ??= new m.SubmitController(this, () => this.api);
        // An open link's answers are an anonymous write: their proof of work starts as the person answers.
        if (!this.token) this.submitter.prepare();
        this.pagesError = undefined;
        this.requestUpdate();
      },
      (err) => {
        console.warn('[ngo] <ngo-survey>: the question pages could not be loaded:', err);
        this.pagesLoading = undefined;
        this.pagesError = err;
        this.requestUpdate();
      },
    );
  }

  private tr(key: SurveysKey | 'loading' | 'retry', vars?: Record<string, string | number>): string {
    return ts(this.locale, key, vars);
  }

  // ---- navigation and saving ---------------------------------------------------------------------

  private pages(l: Loaded): Page[] {
    return pagesOf(l.edition.instrument, l.draft.group, this.answers);
  }

  private set(id: string, value: AnswerValue | undefined): void {
    const next = { ...this.answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    this.form.set('answers', next);
    if (this.errors[id]) {
      const { [id]: _gone, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  /** Checks the page; shows its problems and returns false when there are any. */
  private checkPage(l: Loaded, page: Page): boolean {
    const errors = pageProblems(page, this.answers, this.locale);
    this.errors = errors;
    this.summary = summaryOf(page, errors, l.draft.group, this.locale);
    if (this.summary.length) this.focuser.later('.ngo-error-summary');
    return this.summary.length === 0;
  }

  /** Saves the answers on the server when they changed; `explicit` announces the outcome. */
  private async save(l: Loaded, explicit: boolean): Promise<void> {
    if (!l.draft.resumable || !this.token) return;
    const answers = keptAnswers(l.edition.instrument, l.draft.group, this.answers);
    const json = JSON.stringify(answers);
    if (json === this.savedJson && !explicit) return;
    if (explicit) this.status = this.tr('survey.saving');
    try {
      await saveDraft(this.api, this.survey, this.token, answers);
      this.savedJson = json;
      if (explicit) this.status = this.tr('survey.saved');
    } catch (err) {
      const blocked = blockedBy(err);
      if (blocked) this.blocked = blocked;
      else this.status = this.tr('survey.save_failed', { reason: ts.error(this.locale, asApiError(err)) });
    }
  }

  private show(pageId: string | null): void {
    this.summary = [];
    this.errors = {};
    this.sendError = '';
    if (pageId === null) {
      this.phase = 'review';
      this.focuser.later('#review-title');
    } else {
      this.phase = 'page';
      this.pageId = pageId;
      this.focuser.later('#page-title');
    }
  }

  private start(l: Loaded): void {
    const pages = this.pages(l);
    // Resume where the answers stop: the first page with nothing answered, else the review.
    const resumeAt = Object.keys(this.answers).length ? pages.find((p) => !p.items.some((i) => this.answers[i.id] !== undefined)) : pages[0];
    this.status = '';
    this.show(resumeAt?.section.id ?? null);
  }

  private next(l: Loaded, pages: Page[], index: number): void {
    if (!this.checkPage(l, pages[index]!)) return;
    void this.save(l, false);
    this.show(pages[index + 1]?.section.id ?? null);
  }

  private back(l: Loaded, pages: Page[], index: number): void {
    void this.save(l, false);
    if (index <= 0) {
      this.summary = [];
      this.phase = 'intro';
      this.focuser.later('#survey-title, #start');
    } else this.show(pages[index - 1]!.section.id);
  }

  /** Sends the answers (surveys.send.ts, loaded with the question pages, which show the review). */
  private async submit(l: Loaded): Promise<void> {
    await this.pagesView?.sendAnswers(this.ui(), l);
  }

  // ---- rendering ---------------------------------------------------------------------------------

  override render() {
    if (!this.validSurvey) return this.warnMisconfig(`survey="${this.survey}" is not a survey id`);
    if (!this.access) return this.warnMisconfig('token is missing', this.tr('survey.no_access'));
    const lang = this.locale;
    const l = this.load.value;
    return html`<section class="ngo-root survey" part="base" lang=${lang} aria-label=${this.tr('survey.region')}>
      ${this.blocked
        ? this.renderBlocked(this.blocked, l ?? null)
        : l
          ? loaded(this.ui(), l)
          : this.load.error
            ? (blockedBy(this.load.error) ? this.renderBlocked(blockedBy(this.load.error)!, null) : loadFailed(lang, ts.error(lang, asApiError(this.load.error)), () => this.load.run()))
            : html`<p>${this.tr('loading')}</p>`}
      ${statusRegion(this.status)}
    </section>`;
  }

  /** Why the invitation cannot be used; a "not open yet" says from when (the edition's, else the error's). */
  private renderBlocked(why: Blocked, l: Loaded | null): TemplateResult {
    const fromError = this.load.error instanceof ApiError ? this.load.error.details?.opensAt : undefined;
    return blockedNotice(this.locale, why, l?.edition.opensAt ?? (typeof fromError === 'string' ? fromError : ''));
  }

  /** What the loaded survey renders with, and what a sending reads and changes: the state and the actions (surveys.screen.ts, surveys.send.ts). */
  private ui(): SurveyUi {
    return {
      lang: this.locale,
      h: (depth) => this.headingTag(depth),
      noHeading: this.noHeading,
      phase: this.phase,
      pageId: this.pageId,
      answers: this.answers,
      errors: this.errors,
      summary: this.summary,
      sendError: this.sendError,
      form: this.form,
      pagesView: this.pagesView,
      pagesError: this.pagesError,
      submitter: this.submitter,
      survey: this.survey,
      token: this.token,
      link: this.link,
      pages: (l) => this.pages(l),
      retryPages: () => {
        this.pagesError = undefined;
        this.loadPages();
      },
      focus: (selector) => this.focuser.later(selector),
      locale: () => this.locale,
      checkPage: (l, page) => this.checkPage(l, page),
      updated: () => this.updateComplete,
      patch: (state) => Object.assign(this, state),
      forget: () => this.form.forget(),
      start: (l) => this.start(l),
      set: (id, value) => this.set(id, value),
      show: (id) => this.show(id),
      next: (l, pages, index) => this.next(l, pages, index),
      back: (l, pages, index) => this.back(l, pages, index),
      save: (l, explicit) => this.save(l, explicit),
      submit: (l) => this.submit(l),
    };
  }
}
