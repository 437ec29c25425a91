import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { AnswerValue, Answers, Instrument, Item, RespondentGroup, Section } from '../../common/surveys.js';
import { GROUP_LABELS, HARD_TO_SAY, answerProblem, itemText, textIn, visibleItemIds } from '../../common/surveys.js';
import { ApiError, asApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { errorSummary, focusErrorSummary, formStyles, statusRegion, type SummaryError } from '../core/forms.js';
import { formatDate, formatDateTime, formatNumber, t, type Lang } from '../core/i18n/index.js';
import { formError, honeypot } from '../core/public-form.js';
import { SubmitController } from '../core/submit.js';
import { theme } from '../core/theme.js';
import { getDraft, getEdition, responsesPath, saveDraft, type Access, type DraftState, type EditionDetail, type ResponseBody, type ResponseReceived } from './surveys.api.js';
import { ts, type SurveysKey } from './surveys.i18n.js';
import { controlId, renderItem, type ItemContext } from './surveys.items.js';
import { itemStyles, lastYearStyles, surveyStyles } from './surveys.styles.js';

/** Why the survey cannot be answered with this invitation. */
export type Blocked = 'used' | 'expired' | 'closed' | 'not_open' | 'invalid_link';

const BLOCKING: Record<string, Blocked> = {
  survey_token_used: 'used',
  survey_token_expired: 'expired',
  survey_closed: 'closed',
  survey_not_open: 'not_open',
  link_invalid: 'invalid_link',
  not_found: 'invalid_link',
};

/** What an API error means for the respondent, or null when it is a passing failure (show it, offer a retry). */
export function blockedBy(err: unknown): Blocked | null {
  return err instanceof ApiError ? (BLOCKING[err.code] ?? null) : null;
}

type Phase = 'intro' | 'page' | 'review' | 'done';

interface Loaded {
  edition: EditionDetail;
  draft: DraftState;
}

interface Page {
  section: Section;
  items: Item[];
}

/** The pages a respondent of `group` goes through with `answers`: each section with a visible item, in order. */
export function pagesOf(instrument: Instrument, group: RespondentGroup, answers: Answers): Page[] {
  const visible = visibleItemIds(instrument, group, answers);
  return instrument.sections.map((section) => ({ section, items: section.items.filter((i) => visible.has(i.id)) })).filter((p) => p.items.length > 0);
}

/** Answers to the items that are visible, only: what is saved and sent. */
function keptAnswers(instrument: Instrument, group: RespondentGroup, answers: Answers): Answers {
  const visible = visibleItemIds(instrument, group, answers);
  const out: Answers = {};
  for (const [id, v] of Object.entries(answers)) if (visible.has(id) && v !== undefined) out[id] = v;
  return out;
}

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
 *   sending (guarded by the anti-abuse kit); answers cannot be saved for later.
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
  protected static override translators = [ts];
  static override properties: PropertyDeclarations = {
    survey: {},
    token: {},
    link: {},
    phase: { state: true },
    pageId: { state: true },
    answers: { state: true },
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
  declare private answers: Answers;
  declare private errors: Record<string, string>;
  declare private summary: SummaryError[];
  declare private status: string;
  declare private sendError: string;
  /** Set when a save or the submission found the invitation or edition no longer usable. */
  declare private blocked: Blocked | null;

  private submitter = new SubmitController(this, () => this.api);
  /** JSON of the answers last saved on the server, so unchanged pages are not saved again. */
  private savedJson = '';
  private focusNext = '';

  private load = new Task(this, {
    args: () => [this.api, this.survey, this.token, this.link] as const,
    task: async ([api, survey], { signal }): Promise<Loaded | null> => {
      const access = this.access;
      if (!access || !this.validSurvey) return null;
      const draft = await getDraft(api, survey, access, signal);
      const edition = await getEdition(api, survey, draft.edition.slug, signal);
      if (!('token' in access)) this.submitter.prepare();
      return { edition, draft };
    },
    onComplete: (loaded) => {
      if (!loaded) return;
      this.answers = { ...loaded.draft.answers };
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
    this.answers = {};
    this.errors = {};
    this.summary = [];
    this.status = this.sendError = '';
    this.blocked = null;
  }

  /** The token, else the open link; null without either. */
  private get access(): Access | null {
    return this.token ? { token: this.token } : this.link ? { link: this.link } : null;
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
  }

  protected override updated(): void {
    if (!this.focusNext) return;
    const el = this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    if (!el) return;
    this.focusNext = '';
    if (el.classList.contains('ngo-error-summary')) focusErrorSummary(this.renderRoot);
    else el.focus();
  }

  private focusLater(selector: string): void {
    this.focusNext = selector;
    this.requestUpdate();
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
    this.answers = next;
    if (this.errors[id]) {
      const { [id]: _gone, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  /** The problems of the items on `page`, keyed by item id, as text. */
  private problems(page: Page): Record<string, string> {
    const out: Record<string, string> = {};
    for (const item of page.items) {
      const v = this.answers[item.id];
      const blank = v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && v.length === 0);
      if (blank) {
        if (item.required) out[item.id] = this.tr('survey.required_missing');
        continue;
      }
      if (answerProblem(item, v)) out[item.id] = item.type === 'number' ? this.range(item.min, item.max, item.unit ? textIn(item.unit, this.locale) : '') : this.tr('survey.invalid');
    }
    return out;
  }

  /** "A number from 0 to 50 people." (no space before the full stop without a unit). */
  private range(min: number, max: number, unit: string): string {
    const lang = this.locale;
    return ts(lang, 'survey.hint.range', { min: formatNumber(lang, min), max: formatNumber(lang, max), unit }).replace(/\s+\./, '.');
  }

  /** Checks the page; shows its problems and returns false when there are any. */
  private checkPage(l: Loaded, page: Page): boolean {
    const errors = this.problems(page);
    this.errors = errors;
    const lang = this.locale;
    this.summary = page.items
      .filter((i) => errors[i.id])
      .map((i) => ({ id: controlId(i.id), label: textIn(itemText(i, l.draft.group), lang), message: errors[i.id]! }));
    if (this.summary.length) this.focusLater('.ngo-error-summary');
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
      this.focusLater('#review-title');
    } else {
      this.phase = 'page';
      this.pageId = pageId;
      this.focusLater('#page-title');
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
      this.focusLater('#survey-title');
    } else this.show(pages[index - 1]!.section.id);
  }

  private async submit(l: Loaded): Promise<void> {
    const pages = this.pages(l);
    for (const page of pages) {
      if (Object.keys(this.problems(page)).length) {
        this.show(page.section.id);
        await this.updateComplete;
        this.checkPage(l, page);
        return;
      }
    }
    const answers = keptAnswers(l.edition.instrument, l.draft.group, this.answers);
    const body: ResponseBody = { ...(this.token ? { token: this.token } : { link: this.link }), answers, lang: this.locale };
    this.sendError = '';
    await this.submitter.send<ResponseReceived>(
      {
        detail: { kind: 'survey' },
        path: responsesPath(this.survey),
        body,
        // An open link is an anonymous write (proof of work, honeypot); a token is its own proof.
        anonymous: !this.token,
        link: true,
        result: (r) => ({ id: r.edition, status: 'received' }),
        onSending: () => (this.status = this.tr('survey.sending')),
      },
      (outcome) => {
        if (outcome.ok) {
          this.phase = 'done';
          this.status = '';
          this.focusLater('#done-title');
          return;
        }
        if (outcome.reason === 'canceled') {
          this.status = '';
          return;
        }
        const blocked = outcome.reason === 'link' ? 'invalid_link' : blockedBy(outcome.error);
        if (blocked) {
          this.blocked = blocked;
          this.status = '';
          this.focusLater('#blocked');
          return;
        }
        if (outcome.reason === 'fields') {
          // The server's checks name items (`answers.<id>`): go to the first page with one.
          const ids = new Set(outcome.error.issues.map((i) => i.path.replace(/^answers\./, '')));
          const page = pages.find((p) => p.items.some((i) => ids.has(i.id)));
          if (page) {
            this.show(page.section.id);
            const errors: Record<string, string> = {};
            for (const i of page.items) if (ids.has(i.id)) errors[i.id] = this.tr('survey.invalid');
            this.errors = errors;
            this.summary = page.items.filter((i) => errors[i.id]).map((i) => ({ id: controlId(i.id), label: textIn(itemText(i, l.draft.group), this.locale), message: errors[i.id]! }));
            this.focusLater('.ngo-error-summary');
            this.status = '';
            return;
          }
        }
        this.status = '';
        this.sendError = ts.error(this.locale, outcome.error);
        this.focusLater('#form-error');
      },
    );
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
          ? this.renderLoaded(l, lang)
          : this.load.error
            ? (blockedBy(this.load.error) ? this.renderBlocked(blockedBy(this.load.error)!, null) : this.renderLoadError())
            : html`<p>${this.tr('loading')}</p>`}
      ${statusRegion(this.status)}
    </section>`;
  }

  private renderLoadError(): TemplateResult {
    return html`<div role="alert"><p class="ngo-error">${ts.error(this.locale, asApiError(this.load.error))}</p>
      <button type="button" @click=${() => void this.load.run()}>${this.tr('retry')}</button></div>`;
  }

  private renderBlocked(why: Blocked, l: Loaded | null): TemplateResult {
    const err = this.load.error instanceof ApiError ? this.load.error : null;
    const fromError = err?.details?.opensAt;
    const opensAt = l?.edition.opensAt ?? (typeof fromError === 'string' ? fromError : '');
    const text =
      why === 'not_open'
        ? opensAt ? this.tr('survey.not_open', { date: formatDateTime(this.locale, opensAt) }) : this.tr('survey.not_open_soon')
        : this.tr(`survey.${why}` as SurveysKey);
    return html`<div id="blocked" class="notice ${why === 'used' ? 'ok' : ''}" role="alert" tabindex="-1"><p>${text}</p></div>`;
  }

  private renderLoaded(l: Loaded, lang: Lang): TemplateResult {
    const title = textIn(l.edition.title, lang) || textIn(l.edition.instrument.title, lang);
    const pages = this.pages(l);
    const total = pages.length + 1;
    const head = html`<h2 id="survey-title" tabindex="-1">${title}</h2>`;
    switch (this.phase) {
      case 'intro':
        return html`${head}${this.renderIntro(l, lang)}`;
      case 'done':
        return html`${head}<div class="notice ok"><h3 id="done-title" tabindex="-1">${this.tr('survey.thanks')}</h3><p>${this.tr('survey.thanks_note')}</p></div>`;
      case 'review':
        return html`${head}${this.progress(total, total)}${this.renderReview(l, pages, lang)}`;
      case 'page': {
        const index = Math.max(0, pages.findIndex((p) => p.section.id === this.pageId));
        return html`${head}${this.progress(index + 1, total)}${this.renderPage(l, pages, index, lang)}`;
      }
    }
  }

  private renderIntro(l: Loaded, lang: Lang): TemplateResult {
    const ins = l.edition.instrument;
    const resumed = Object.keys(this.answers).length > 0;
    const day = (d: string) => formatDate(lang, `${d}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
    return html`<div class="intro">
      ${ins.intro ? textIn(ins.intro, lang).split(/\n\s*\n/).map((p) => html`<p>${p}</p>`) : nothing}
      <p>${this.tr('survey.period', { from: day(l.edition.periodFrom), to: day(l.edition.periodTo) })}</p>
      <p><strong>${this.tr('survey.group', { group: GROUP_LABELS[l.draft.group][lang] })}</strong></p>
      <p>${this.tr('survey.closes', { date: formatDateTime(lang, l.edition.closesAt) })}</p>
      <p class="ngo-hint">${this.tr('survey.anonymous')}</p>
      ${this.renderLastYear(l, lang)}
      ${resumed ? html`<p class="notice">${this.tr('survey.resume_note')}</p>` : nothing}
      <div class="ngo-actions">
        <button type="button" id="start" @click=${() => this.start(l)}>${this.tr(resumed ? 'survey.resume' : 'survey.start')}</button>
      </div>
    </div>`;
  }

  /** "What changed since last year": the previous edition's recommendations and where they stand. */
  private renderLastYear(l: Loaded, lang: Lang): TemplateResult | typeof nothing {
    const last = l.edition.lastYear;
    if (!last?.recommendations.length) return nothing;
    const title = (id: string) => textIn(l.edition.instrument.sections.find((s) => s.id === id)?.title, lang) || id;
    return html`<section class="last-year" aria-labelledby="last-year-title">
      <h3 id="last-year-title">${this.tr('survey.last_year', { edition: last.edition })}</h3>
      <ul>
        ${last.recommendations.map(
          (r) => html`<li>
            <p><span class="ngo-hint">${title(r.section)}:</span> ${r.text}</p>
            <p class="ngo-hint">${ts(lang, 'results.rec_owner', { owner: r.owner, deadline: formatDate(lang, `${r.deadline}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }) })} ·
              <strong class="rec-${r.status}">${ts(lang, 'results.rec_status', { status: ts(lang, `results.rec.${r.status}`) })}</strong>${r.statusNote ? ` – ${r.statusNote}` : ''}</p>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private progress(step: number, total: number): TemplateResult {
    const label = this.tr('survey.step', { step, total });
    return html`<div class="progress" part="progress">
      <span id="progress-label">${label}</span>
      <progress max=${total} .value=${step} aria-label=${this.tr('survey.progress')} aria-valuetext=${label}></progress>
    </div>`;
  }

  private itemContext(l: Loaded, lang: Lang, item: Item): ItemContext {
    return {
      lang,
      group: l.draft.group,
      instrument: l.edition.instrument,
      value: this.answers[item.id],
      error: this.errors[item.id],
      requiredMarker: t(lang, 'field.required_marker'),
      hints: {
        upTo: (count) => ts(lang, 'survey.hint.up_to', { count }),
        atLeast: (count) => ts(lang, 'survey.hint.at_least', { count }),
        chars: (count) => ts(lang, 'survey.hint.chars', { count }),
        range: (min, max, unit) => this.range(min, max, unit),
      },
      onChange: (id, value) => this.set(id, value),
    };
  }

  private renderPage(l: Loaded, pages: Page[], index: number, lang: Lang): TemplateResult {
    const page = pages[index]!;
    const last = index === pages.length - 1;
    const s = page.section;
    return html`<form class="page" novalidate @submit=${(e: Event) => (e.preventDefault(), this.next(l, pages, index))} aria-labelledby="page-title">
      <h3 id="page-title" tabindex="-1">${textIn(s.title, lang)}</h3>
      ${s.intro ? html`<p class="ngo-hint section-intro">${textIn(s.intro, lang)}</p>` : nothing}
      ${errorSummary(ts(lang, 'survey.errors', { count: this.summary.length }), this.summary)}
      ${page.items.map((item) => renderItem(item, this.itemContext(l, lang, item)))}
      <div class="ngo-actions nav">
        <button type="button" id="back" class="ngo-secondary" @click=${() => this.back(l, pages, index)}><span aria-hidden="true">←</span> ${this.tr('survey.back')}</button>
        <button type="submit" id="next">${this.tr(last ? 'survey.to_review' : 'survey.next')} <span aria-hidden="true">→</span></button>
        ${l.draft.resumable && this.token ? html`<button type="button" id="save" class="ngo-secondary save" @click=${() => void this.save(l, true)}>${this.tr('survey.save')}</button>` : nothing}
      </div>
    </form>`;
  }

  /** An answer as the review page shows it. */
  private answerText(l: Loaded, item: Item, lang: Lang): string {
    const v = this.answers[item.id];
    if (v === undefined) return this.tr('survey.unanswered');
    switch (item.type) {
      case 'scale': {
        const scale = l.edition.instrument.scales[item.scale]!;
        if (v === HARD_TO_SAY) return textIn(scale.hardToSay, lang);
        return typeof v === 'number' && scale.points[v - 1] ? `${v} – ${textIn(scale.points[v - 1], lang)}` : String(v);
      }
      case 'single':
        return textIn(item.options.find((o) => o.id === v)?.text, lang) || String(v);
      case 'multiple':
        return (Array.isArray(v) ? v : []).map((id) => textIn(item.options.find((o) => o.id === id)?.text, lang) || id).join('; ');
      case 'number':
        return typeof v === 'number' ? `${formatNumber(lang, v)}${item.unit ? ` ${textIn(item.unit, lang)}` : ''}` : String(v);
      case 'text':
        return String(v);
    }
  }

  private renderReview(l: Loaded, pages: Page[], lang: Lang): TemplateResult {
    const busy = this.submitter.busy;
    return html`<div class="review">
      <h3 id="review-title" tabindex="-1">${this.tr('survey.review')}</h3>
      <p>${this.tr('survey.review_note')}</p>
      <div part="review">
        ${pages.map(
          (p) => html`<section class="review-section" aria-labelledby="rv-${p.section.id}">
            <h4 id="rv-${p.section.id}">${textIn(p.section.title, lang)}</h4>
            <dl>
              ${p.items.map(
                (i) => html`<dt>${textIn(itemText(i, l.draft.group), lang)}</dt>
                  <dd class=${this.answers[i.id] === undefined ? 'muted' : ''}>${this.answerText(l, i, lang)}</dd>`,
              )}
            </dl>
            <button type="button" class="ngo-secondary" @click=${() => this.show(p.section.id)}>${this.tr('survey.change', { section: textIn(p.section.title, lang) })}</button>
          </section>`,
        )}
      </div>
      ${this.token ? nothing : honeypot(this.submitter, lang)} ${formError(this.sendError)}
      <div class="ngo-actions nav">
        <button type="button" class="ngo-secondary" @click=${() => this.back(l, pages, pages.length)}><span aria-hidden="true">←</span> ${this.tr('survey.back')}</button>
        <button type="button" part="submit-button" id="submit" ?disabled=${busy} aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.submit(l)}>${this.tr(busy ? 'survey.sending' : 'survey.submit')}</button>
      </div>
    </div>`;
  }
}
