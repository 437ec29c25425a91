import { nothing, type TemplateResult } from 'lit';
import { html, type StaticValue } from 'lit/static-html.js';
import type { AnswerValue, Answers, Item } from '../../common/surveys.js';
import { GROUP_LABELS, itemText, textIn } from '../../common/surveys.js';
import { errorSummary, type SummaryError } from '../core/forms.js';
import { formatDate, formatDateTime, t, type Lang } from '../core/i18n/index.js';
import { formError, honeypot } from '../core/public-form.js';
import type { SubmitController } from '../core/submit.js';
import { answerText, rangeHint, type Blocked, type Loaded, type Page } from './surveys.flow.js';
import { ts, type SurveysKey } from './surveys.i18n.js';
import type { ItemContext } from './surveys.items.js';

/*
 * The survey's screens that show rather than ask: the notice of a blocked invitation, the
 * introduction (with last year's recommendations), the progress bar and the review page. Each is a
 * template of the survey's own shadow root (its ids and styles apply); the element keeps the state.
 * `h(depth)` is the element's `headingTag`: headings follow the host's `heading-level`.
 */

/** The heading tag `depth` steps below the survey's title (`NgoElement.headingTag`). */
export type HeadingAt = (depth: number) => StaticValue;

/** A day of the edition (`YYYY-MM-DD`), written out. */
const day = (lang: Lang, d: string) => formatDate(lang, `${d}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });

/** Why this invitation cannot be used (`#blocked`, focused by the element). */
export function blockedNotice(lang: Lang, why: Blocked, opensAt: string): TemplateResult {
  const text =
    why === 'not_open'
      ? opensAt ? ts(lang, 'survey.not_open', { date: formatDateTime(lang, opensAt) }) : ts(lang, 'survey.not_open_soon')
      : ts(lang, `survey.${why}` as SurveysKey);
  return html`<div id="blocked" class="notice ${why === 'used' ? 'ok' : ''}" role="alert" tabindex="-1"><p>${text}</p></div>`;
}

/** The introduction: the period, the group, the deadline, anonymity, last year's follow-up and Start (`#start`). */
export function intro(l: Loaded, lang: Lang, answers: Answers, h: HeadingAt, onStart: () => void, draft: TemplateResult | typeof nothing = nothing): TemplateResult {
  const ins = l.edition.instrument;
  const resumed = Object.keys(answers).length > 0;
  return html`<div class="intro">
    ${ins.intro ? textIn(ins.intro, lang).split(/\n\s*\n/).map((p) => html`<p>${p}</p>`) : nothing}
    <p>${ts(lang, 'survey.period', { from: day(lang, l.edition.periodFrom), to: day(lang, l.edition.periodTo) })}</p>
    <p><strong>${ts(lang, 'survey.group', { group: GROUP_LABELS[l.draft.group][lang] })}</strong></p>
    <p>${ts(lang, 'survey.closes', { date: formatDateTime(lang, l.edition.closesAt) })}</p>
    <p class="ngo-hint">${ts(lang, 'survey.anonymous')}</p>
    ${lastYear(l, lang, h)}
    ${draft !== nothing ? draft : resumed ? html`<p class="notice">${ts(lang, 'survey.resume_note')}</p>` : nothing}
    <div class="ngo-actions">
      <button type="button" id="start" @click=${onStart}>${ts(lang, resumed ? 'survey.resume' : 'survey.start')}</button>
    </div>
  </div>`;
}

/** "What changed since last year": the previous edition's recommendations and where they stand. */
function lastYear(l: Loaded, lang: Lang, h: HeadingAt): TemplateResult | typeof nothing {
  const last = l.edition.lastYear;
  if (!last?.recommendations.length) return nothing;
  const title = (id: string) => textIn(l.edition.instrument.sections.find((s) => s.id === id)?.title, lang) || id;
  return html`<section class="last-year" aria-labelledby="last-year-title">
    <${h(1)} id="last-year-title">${ts(lang, 'survey.last_year', { edition: last.edition })}</${h(1)}>
    <ul>
      ${last.recommendations.map(
        (r) => html`<li>
          <p><span class="ngo-hint">${title(r.section)}:</span> ${r.text}</p>
          <p class="ngo-hint">${ts(lang, 'results.rec_owner', { owner: r.owner, deadline: day(lang, r.deadline) })} ·
            <strong class="rec-${r.status}">${ts(lang, 'results.rec_status', { status: ts(lang, `results.rec.${r.status}`) })}</strong>${r.statusNote ? ` – ${r.statusNote}` : ''}</p>
        </li>`,
      )}
    </ul>
  </section>`;
}

/** "Step 2 of 5" and its progress bar. */
export function progress(lang: Lang, step: number, total: number): TemplateResult {
  const label = ts(lang, 'survey.step', { step, total });
  return html`<div class="progress" part="progress">
    <span id="progress-label">${label}</span>
    <progress max=${total} .value=${step} aria-label=${ts(lang, 'survey.progress')} aria-valuetext=${label}></progress>
  </div>`;
}

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
