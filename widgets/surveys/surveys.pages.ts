import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import type { AnswerValue, Answers, Item } from '../../common/surveys.js';
import { itemText, textIn } from '../../common/surveys.js';
import { errorSummary, type SummaryError } from '../core/forms.js';
import { t, type Lang } from '../core/i18n/index.js';
import { formError, honeypot } from '../core/public-form.js';
import type { SubmitController } from '../core/submit.js';
import { answerText, rangeHint, type Loaded, type Page } from './surveys.flow.js';
import { ts } from './surveys.i18n.js';
import type { ItemContext } from './surveys.items.js';
import type { HeadingAt } from './surveys.views.js';

export { SubmitController } from '../core/submit.js';
export { renderItem } from './surveys.items.js';
export { sendAnswers } from './surveys.send.js';

/*
 * The survey's question pages and its review page, with the question controls (surveys.items.ts):
 * <ngo-survey> loads this chunk, and with it the submit kit, when Start is pressed, so a page
 * showing the introduction pays for none of it. Templates of the survey's own shadow root, as in surveys.views.ts.
 */

/** What one question needs to render: its answer, its error, the hints in `lang`, and where a change goes. */
export function itemContext(l: Loaded, lang: Lang, item: Item, value: AnswerValue | undefined, error: string | undefined, onChange: ItemContext['onChange']): ItemContext {
  return {
    lang,
    group: l.draft.group,
    instrument: l.edition.instrument,
    value,
    error,
    requiredMarker: t(lang, 'field.required_marker'),
    hints: {
      upTo: (count) => ts(lang, 'survey.hint.up_to', { count }),
      atLeast: (count) => ts(lang, 'survey.hint.at_least', { count }),
      chars: (count) => ts(lang, 'survey.hint.chars', { count }),
      range: (min, max, unit) => rangeHint(lang, min, max, unit),
    },
    onChange,
  };
}

export interface PageOptions {
  lang: Lang;
  h: HeadingAt;
  /** The last page: Next leads to the review. */
  last: boolean;
  summary: SummaryError[];
  /** One question of the page, rendered. */
  item: (item: Item) => TemplateResult;
  onNext: () => void;
  onBack: () => void;
  /** "Save and finish later", offered only when the answers can be resumed. */
  onSave?: (() => void) | undefined;
}

/** One page of questions (`#page-title`), its error summary, and Back, Next and Save. */
export function pageForm(page: Page, o: PageOptions): TemplateResult {
  const lang = o.lang;
  const s = page.section;
  return html`<form class="page" novalidate @submit=${(e: Event) => (e.preventDefault(), o.onNext())} aria-labelledby="page-title">
    <${o.h(1)} id="page-title" tabindex="-1">${textIn(s.title, lang)}</${o.h(1)}>
    ${s.intro ? html`<p class="ngo-hint section-intro">${textIn(s.intro, lang)}</p>` : nothing}
    ${errorSummary(ts(lang, 'survey.errors', { count: o.summary.length }), o.summary, 3)}
    ${page.items.map(o.item)}
    <div class="ngo-actions nav">
      <button type="button" id="back" class="ngo-secondary" @click=${o.onBack}><span aria-hidden="true">←</span> ${ts(lang, 'survey.back')}</button>
      <button type="submit" id="next">${ts(lang, o.last ? 'survey.to_review' : 'survey.next')} <span aria-hidden="true">→</span></button>
      ${o.onSave ? html`<button type="button" id="save" class="ngo-secondary save" @click=${o.onSave}>${ts(lang, 'survey.save')}</button>` : nothing}
    </div>
  </form>`;
}

export interface ReviewOptions {
  lang: Lang;
  h: HeadingAt;
  answers: Answers;
  submitter: SubmitController;
  /** An open link (no token) is an anonymous write: it carries the honeypot. */
  anonymous: boolean;
  sendError: string;
  onChange: (sectionId: string) => void;
  onBack: () => void;
  onSubmit: () => void;
}

/** Every answer, page by page with a "Change" button each, then Back and Send (`#submit`). */
export function review(l: Loaded, pages: Page[], o: ReviewOptions): TemplateResult {
  const { lang, answers } = o;
  const busy = o.submitter.busy;
  return html`<div class="review">
    <${o.h(1)} id="review-title" tabindex="-1">${ts(lang, 'survey.review')}</${o.h(1)}>
    <p>${ts(lang, 'survey.review_note')}</p>
    <div part="review">
      ${pages.map(
        (p) => html`<section class="review-section" aria-labelledby="rv-${p.section.id}">
          <${o.h(2)} id="rv-${p.section.id}">${textIn(p.section.title, lang)}</${o.h(2)}>
          <dl>
            ${p.items.map(
              (i) => html`<dt>${textIn(itemText(i, l.draft.group), lang)}</dt>
                <dd class=${answers[i.id] === undefined ? 'muted' : ''}>${answerText(l, answers, i, lang)}</dd>`,
            )}
          </dl>
          <button type="button" class="ngo-secondary" @click=${() => o.onChange(p.section.id)}>${ts(lang, 'survey.change', { section: textIn(p.section.title, lang) })}</button>
        </section>`,
      )}
    </div>
    ${o.anonymous ? honeypot(o.submitter, lang) : nothing} ${formError(o.sendError)}
    <div class="ngo-actions nav">
      <button type="button" class="ngo-secondary" @click=${o.onBack}><span aria-hidden="true">←</span> ${ts(lang, 'survey.back')}</button>
      <button type="button" part="submit-button" id="submit" ?disabled=${busy} aria-disabled=${busy ? 'true' : 'false'} @click=${o.onSubmit}>${ts(lang, busy ? 'survey.sending' : 'survey.submit')}</button>
    </div>
  </div>`;
}
