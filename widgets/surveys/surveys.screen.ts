import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import type { AnswerValue, Answers } from '../../common/surveys.js';
import { textIn } from '../../common/surveys.js';
import { asApiError } from '../core/api.js';
import { draftNotice } from '../core/draft-notice.js';
import type { FormState } from '../core/form-state.js';
import type { SummaryError } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { loadFailed } from '../core/states.js';
import type { Loaded, Page, Phase } from './surveys.flow.js';
import { ts } from './surveys.i18n.js';
import type * as QuestionPages from './surveys.pages.js';
import type { SendHost } from './surveys.send.js';
import { intro, progress, type HeadingAt } from './surveys.views.js';

/*
 * The loaded survey as `<ngo-survey>` shows it in each phase: the introduction, a question page,
 * the review and the thanks, under the survey's title. The element makes one `SurveyUi` per render
 * (and one per sending, surveys.send.ts); this is a template of its shadow root and changes nothing
 * itself: it calls the element's actions.
 */

/** What the loaded survey renders with: the element's state and actions (a sending uses them too). */
export interface SurveyUi extends SendHost {
  lang: Lang;
  h: HeadingAt;
  noHeading: boolean;
  phase: Phase;
  /** The section shown on a page. */
  pageId: string;
  errors: Record<string, string>;
  summary: SummaryError[];
  sendError: string;
  form: FormState<{ answers: Answers }>;
  /** The question pages' module once loaded (surveys.pages.ts), or why it failed to load. */
  pagesView: typeof QuestionPages | undefined;
  pagesError: unknown;
  retryPages(): void;
  start(l: Loaded): void;
  set(id: string, value: AnswerValue | undefined): void;
  next(l: Loaded, pages: Page[], index: number): void;
  back(l: Loaded, pages: Page[], index: number): void;
  save(l: Loaded, explicit: boolean): Promise<void>;
  submit(l: Loaded): Promise<void>;
}

/** The survey's title (`#survey-title`) and the phase shown. */
export function loaded(ui: SurveyUi, l: Loaded): TemplateResult {
  const { lang, h } = ui;
  const title = textIn(l.edition.title, lang) || textIn(l.edition.instrument.title, lang);
  const pages = ui.pages(l);
  const total = pages.length + 1;
  const head = ui.noHeading ? nothing : html`<${h(0)} id="survey-title" tabindex="-1">${title}</${h(0)}>`;
  const view = ui.pagesView;
  if ((ui.phase === 'page' || ui.phase === 'review') && !view) {
    return html`${head}${ui.pagesError ? loadFailed(lang, ts.error(lang, asApiError(ui.pagesError)), () => ui.retryPages()) : html`<p>${ts(lang, 'loading')}</p>`}`;
  }
  switch (ui.phase) {
    case 'intro':
      return html`${head}${intro(l, lang, ui.answers, h, () => ui.start(l), draftNotice(ui.form, lang, { answers: true, onClear: () => ui.focus('#start') }))}`;
    case 'done':
      return html`${head}<div class="notice ok"><${h(1)} id="done-title" tabindex="-1">${ts(lang, 'survey.thanks')}</${h(1)}><p>${ts(lang, 'survey.thanks_note')}</p></div>`;
    case 'review':
      return html`${head}${progress(lang, total, total)}${view!.review(l, pages, {
        lang,
        h,
        answers: ui.answers,
        submitter: ui.submitter!,
        anonymous: !ui.token,
        sendError: ui.sendError,
        onChange: (id) => ui.show(id),
        onBack: () => ui.back(l, pages, pages.length),
        onSubmit: () => void ui.submit(l),
      })}`;
    case 'page': {
      const index = Math.max(0, pages.findIndex((p) => p.section.id === ui.pageId));
      return html`${head}${progress(lang, index + 1, total)}${view!.pageForm(pages[index]!, {
        lang,
        h,
        last: index === pages.length - 1,
        summary: ui.summary,
        item: (item) => view!.renderItem(item, view!.itemContext(l, lang, item, ui.answers[item.id], ui.errors[item.id], (id, value) => ui.set(id, value))),
        onNext: () => ui.next(l, pages, index),
        onBack: () => ui.back(l, pages, index),
        onSave: l.draft.resumable && ui.token ? () => void ui.save(l, true) : undefined,
      })}`;
    }
  }
}
