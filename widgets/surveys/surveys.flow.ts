import type { Answers, Instrument, Item, RespondentGroup, Section } from '../../common/surveys.js';
import { HARD_TO_SAY, answerProblem, itemText, textIn, visibleItemIds } from '../../common/surveys.js';
import { ApiError } from '../core/api.js';
import type { FieldIssue } from '../../common/errors.js';
import type { SummaryError } from '../core/forms.js';
import { formatNumber, type Lang } from '../core/i18n/index.js';
import type { DraftState, EditionDetail } from './surveys.api.js';
import { ts } from './surveys.i18n.js';

/*
 * The survey's flow without the DOM: which invitations are blocked and why, the pages a respondent
 * goes through, what is kept and sent, and how an answer reads on the review page.
 */

/** The id of the control that takes focus for an item (the error summary links to it). */
export const controlId = (itemId: string) => `q-${itemId}`;

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

export type Phase = 'intro' | 'page' | 'review' | 'done';

export interface Loaded {
  edition: EditionDetail;
  draft: DraftState;
}

export interface Page {
  section: Section;
  items: Item[];
}

/** The pages a respondent of `group` goes through with `answers`: each section with a visible item, in order. */
export function pagesOf(instrument: Instrument, group: RespondentGroup, answers: Answers): Page[] {
  const visible = visibleItemIds(instrument, group, answers);
  return instrument.sections.map((section) => ({ section, items: section.items.filter((i) => visible.has(i.id)) })).filter((p) => p.items.length > 0);
}

/** Answers to the items that are visible, only: what is saved and sent. */
export function keptAnswers(instrument: Instrument, group: RespondentGroup, answers: Answers): Answers {
  const visible = visibleItemIds(instrument, group, answers);
  const out: Answers = {};
  for (const [id, v] of Object.entries(answers)) if (visible.has(id) && v !== undefined) out[id] = v;
  return out;
}

/** An answer as the review page shows it. */
export function answerText(l: Loaded, answers: Answers, item: Item, lang: Lang): string {
  const v = answers[item.id];
  if (v === undefined) return ts(lang, 'survey.unanswered');
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

/** "A number from 0 to 50 people." (no space before the full stop without a unit). */
export function rangeHint(lang: Lang, min: number, max: number, unit: string): string {
  return ts(lang, 'survey.hint.range', { min: formatNumber(lang, min), max: formatNumber(lang, max), unit }).replace(/\s+\./, '.');
}

/** The problems of the items on `page`, keyed by item id, as text. */
export function pageProblems(page: Page, answers: Answers, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of page.items) {
    const v = answers[item.id];
    const blank = v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && v.length === 0);
    if (blank) {
      if (item.required) out[item.id] = ts(lang, 'survey.required_missing');
      continue;
    }
    if (answerProblem(item, v)) out[item.id] = item.type === 'number' ? rangeHint(lang, item.min, item.max, item.unit ? textIn(item.unit, lang) : '') : ts(lang, 'survey.invalid');
  }
  return out;
}

/** The error summary of a page: each item with a problem, in the page's order, linked to its control. */
export function summaryOf(page: Page, errors: Record<string, string>, group: RespondentGroup, lang: Lang): SummaryError[] {
  return page.items.filter((i) => errors[i.id]).map((i) => ({ id: controlId(i.id), label: textIn(itemText(i, group), lang), message: errors[i.id]! }));
}

/** The first page with an item the server's checks named (`answers.<id>`), and those items' errors. */
export function issuesPage(pages: Page[], issues: readonly FieldIssue[], lang: Lang): { page: Page; errors: Record<string, string> } | null {
  const ids = new Set(issues.map((i) => i.path.replace(/^answers\./, '')));
  const page = pages.find((p) => p.items.some((i) => ids.has(i.id)));
  if (!page) return null;
  const errors: Record<string, string> = {};
  for (const i of page.items) if (ids.has(i.id)) errors[i.id] = ts(lang, 'survey.invalid');
  return { page, errors };
}
