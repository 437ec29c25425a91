import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Question } from '../../common/events.schema.js';
import { EVENT_LIMITS, QUESTION_KINDS, type QuestionKind } from '../../common/events.js';
import { field } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import type { RegistrationDraft } from './events.admin.draft.js';
import { EventsFormPart, type CommonDraft } from './events.admin.form.js';
import { tEventsAdmin as t } from './events.admin.i18n.js';
import { isChoice, moveItem, newOption, newQuestion, withKind, type QuestionOption } from './events.admin.questions.draft.js';

type Label = Question['label'];
const LANGS = [['', 'pl'], ['-en', 'en'], ['-uk', 'uk']] as const;

/**
 * The staff forms of events with the registration questions (issue 12): below the places and the
 * deadline, each question in a group of its own ("Question 2 of 3"): its wording in pl (en, uk),
 * its answer type (fixed once saved), whether an answer is required, and for a choice the answers
 * to choose from; moved up or down by buttons (the new place announced, focus kept on the button),
 * removed (announced; focus on the next question). Its controls sit in the form's root, so the
 * error summary links to them and the server's 422 issues land at them.
 */
export abstract class EventsQuestionsPart<D extends CommonDraft> extends EventsFormPart<D> {
  protected override registration(lang: Lang, d: RegistrationDraft): TemplateResult {
    return html`${super.registration(lang, d)}${this.questionList(lang, d)}`;
  }

  private get questions(): Question[] {
    return this.draft!.questions;
  }

  private putQuestions(questions: Question[]): void {
    this.patch({ questions });
  }

  /** Change question `i`, read from the draft at the time (two events may come before a render). */
  private putQuestion(i: number, change: (q: Question) => Question): void {
    this.putQuestions(this.questions.map((q, n) => (n === i ? change(q) : q)));
  }

  private wording(lang: Lang, q: Question): string {
    return q.label.pl.trim() || t(lang, 'q.untitled');
  }

  private questionList(lang: Lang, d: RegistrationDraft): TemplateResult {
    const full = d.questions.length >= EVENT_LIMITS.questions;
    return html`<fieldset class="box questions" id="questions" tabindex="-1">
      <legend class="ngo-label">${t(lang, 'q.legend')}</legend>
      <p class="muted">${t(lang, 'q.hint')}</p>
      ${d.questions.length
        ? html`<ol class="question-list">${d.questions.map((q, i) => html`<li data-q=${q.id}>${this.question(lang, d, q, i)}</li>`)}</ol>`
        : html`<p>${t(lang, 'q.none')}</p>`}
      ${full ? html`<p class="muted">${t(lang, 'q.max', { count: EVENT_LIMITS.questions })}</p>` : html`<button type="button" class="ngo-secondary" id="question-add" @click=${() => this.addQuestion(lang)}>${t(lang, 'q.add')}</button>`}
    </fieldset>`;
  }

  /** A text box of a question's label in one language, named in the summary with the question's number. */
  private labelBox(lang: Lang, id: string, name: string, n: number, value: string | null, put: (v: string) => void, l: 'pl' | 'en' | 'uk'): TemplateResult {
    const box = this.text(lang, id, name, value ?? '', put, { max: EVENT_LIMITS.questionLabel, required: l === 'pl', lang: l });
    this.labels.set(id, t(lang, 'q.control', { n, label: name }));
    return box;
  }

  private labelRow(lang: Lang, base: string, keys: { pl: string; en: string; uk: string }, n: number, o: number | undefined, value: Label, put: (change: (l: Label) => Label) => void): TemplateResult {
    return html`<div class="row">${LANGS.map(([suffix, l]) => {
      const name = t(lang, keys[l] as 'q.label', { n: o ?? n });
      return this.labelBox(lang, `${base}${suffix}`, name, n, value[l], (v) => put((x) => ({ ...x, [l]: l === 'pl' ? v : v || null })), l);
    })}</div>`;
  }

  private question(lang: Lang, d: RegistrationDraft, q: Question, i: number): TemplateResult {
    const n = i + 1;
    const total = d.questions.length;
    const saved = d.savedKinds[q.id];
    const kindError = this.errorOf(lang, `q${i}-kind`);
    this.labels.set(`q${i}-kind`, t(lang, 'q.control', { n, label: t(lang, 'q.kind') }));
    const hint = saved ? t(lang, 'q.kind.saved') : undefined;
    return html`<fieldset class="box question" tabindex="-1" aria-labelledby="q${i}-legend">
      <legend class="ngo-label" id="q${i}-legend">${t(lang, 'q.item', { n, total })}</legend>
      ${this.labelRow(lang, `q${i}-label`, { pl: 'q.label', en: 'q.label.en', uk: 'q.label.uk' }, n, undefined, q.label, (change) => this.putQuestion(i, (x) => ({ ...x, label: change(x.label) })))}
      <div class="row">
        ${field({ id: `q${i}-kind`, label: t(lang, 'q.kind'), hint, error: kindError }, (a) => html`<select id=${a.id} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)}
          @change=${(e: Event) => this.putQuestion(i, (x) => withKind(x, (e.target as HTMLSelectElement).value as QuestionKind))}>
          ${QUESTION_KINDS.map((k) => html`<option value=${k} ?selected=${q.kind === k}>${t(lang, `q.kind.${k}`)}</option>`)}
        </select>`)}
        ${this.checkbox(`q${i}-required`, t(lang, 'q.required'), q.required, (v) => this.putQuestion(i, (x) => ({ ...x, required: v })))}
      </div>
      ${isChoice(q.kind) ? this.options(lang, q, i) : nothing}
      <div class="row question-actions">
        <button type="button" class="ngo-secondary move-up" aria-label=${t(lang, 'q.up.name', { n })} aria-disabled=${i === 0 ? 'true' : 'false'} @click=${() => this.move(lang, i, -1)}>${t(lang, 'q.up')}</button>
        <button type="button" class="ngo-secondary move-down" aria-label=${t(lang, 'q.down.name', { n })} aria-disabled=${i === total - 1 ? 'true' : 'false'} @click=${() => this.move(lang, i, 1)}>${t(lang, 'q.down')}</button>
        <button type="button" class="link danger remove" aria-label=${t(lang, 'q.remove.name', { n })} @click=${() => this.removeQuestion(lang, i)}>${t(lang, 'q.remove')}</button>
      </div>
    </fieldset>`;
  }

  private options(lang: Lang, q: Question, i: number): TemplateResult {
    const id = `q${i}-options`;
    const error = this.errorOf(lang, id);
    this.labels.set(id, t(lang, 'q.control', { n: i + 1, label: t(lang, 'q.options') }));
    const put = (j: number, change: (l: Label) => Label) => this.putQuestion(i, (x) => ({ ...x, options: x.options.map((o, m) => (m === j ? { ...o, label: change(o.label) } : o)) }));
    return html`<fieldset class="box options" id=${id} tabindex="-1" aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}>
      <legend class="ngo-label">${t(lang, 'q.options')}</legend>
      ${error ? html`<div class="ngo-error" id="${id}-error">${error}</div>` : nothing}
      <ol class="option-list">${q.options.map((o: QuestionOption, j) => html`<li data-o=${o.id}>
        ${this.labelRow(lang, `q${i}-o${j}`, { pl: 'q.option', en: 'q.option.en', uk: 'q.option.uk' }, i + 1, j + 1, o.label, (change) => put(j, change))}
        <button type="button" class="link danger" @click=${() => this.removeOption(lang, i, j)}>${t(lang, 'q.option.remove', { n: j + 1 })}</button>
      </li>`)}</ol>
      ${q.options.length >= EVENT_LIMITS.options ? nothing : html`<button type="button" class="ngo-secondary option-add" @click=${() => this.addOption(lang, i)}>${t(lang, 'q.option.add')}</button>`}
    </fieldset>`;
  }

  private addQuestion(lang: Lang): void {
    const n = this.questions.length + 1;
    this.putQuestions([...this.questions, newQuestion()]);
    this.announce(t(lang, 'q.added', { n }));
    void this.focusAfter(`#q${n - 1}-label`);
  }

  private move(lang: Lang, i: number, by: -1 | 1): void {
    const to = i + by;
    const list = this.questions;
    if (to < 0 || to >= list.length) return;
    const q = list[i]!;
    this.putQuestions(moveItem(list, i, to));
    this.issues = [];
    this.announce(t(lang, 'q.moved', { label: this.wording(lang, q), n: to + 1, total: list.length }));
    void this.focusAfter(`[data-q="${CSS.escape(q.id)}"] .${by < 0 ? 'move-up' : 'move-down'}`);
  }

  private removeQuestion(lang: Lang, i: number): void {
    const list = this.questions;
    const q = list[i]!;
    const next = list[i + 1] ?? list[i - 1];
    this.putQuestions(list.filter((_, n) => n !== i));
    this.issues = [];
    this.announce(t(lang, 'q.removed', { label: this.wording(lang, q) }));
    void this.focusAfter(next ? `[data-q="${CSS.escape(next.id)}"] fieldset.question` : '#question-add');
  }

  private addOption(lang: Lang, i: number): void {
    const j = this.questions[i]!.options.length;
    this.putQuestion(i, (x) => ({ ...x, options: [...x.options, newOption()] }));
    this.announce(t(lang, 'q.option.added', { n: j + 1 }));
    void this.focusAfter(`#q${i}-o${j}`);
  }

  private removeOption(lang: Lang, i: number, j: number): void {
    const o = this.questions[i]!.options[j]!;
    this.putQuestion(i, (x) => ({ ...x, options: x.options.filter((_, m) => m !== j) }));
    this.issues = [];
    this.announce(t(lang, 'q.option.removed', { label: o.label.pl.trim() || t(lang, 'q.untitled') }));
    void this.focusAfter(`#q${i}-options .option-add`, `#q${i}-options`);
  }
}
