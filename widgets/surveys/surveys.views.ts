import { nothing, type TemplateResult } from 'lit';
import { html, type StaticValue } from 'lit/static-html.js';
import type { Answers } from '../../common/surveys.js';
import { GROUP_LABELS, textIn } from '../../common/surveys.js';
import { formatDate, formatDateTime, type Lang } from '../core/i18n/index.js';
import type { Blocked, Loaded } from './surveys.flow.js';
import { ts, type SurveysKey } from './surveys.i18n.js';

/*
 * The survey's screens that show rather than ask: the notice of a blocked invitation, the
 * introduction (with last year's recommendations) and the progress bar (the question pages and
 * the review are in surveys.pages.ts, loaded on Start). Each is a
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
