import type { Question } from '../../common/events.schema.js';
import { EVENT_LIMITS, type QuestionKind } from '../../common/events.js';
import { newIdempotencyKey } from '../core/api.js';

/**
 * The registration questions as the staff forms edit them (issue 12): new questions and options
 * with random ids, reordering, the checks the server makes (a label in Polish, two options for a
 * choice, a saved question's type unchanged), and the control each of the server's paths names.
 * Pure: no DOM. Control ids: `q<i>-label` (`-en`, `-uk`), `q<i>-kind`, `q<i>-required`,
 * `q<i>-options` (the group), `q<i>-o<j>` (`-en`, `-uk`).
 */
export type QuestionOption = Question['options'][number];

/** The codes of the questions' faults (besides the forms' common ones). */
export type QuestionIssueCode = 'required' | 'too_long' | 'immutable' | 'options_needed';

const randomId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : newIdempotencyKey());

/** Question ids start with a letter (the API's slug rule); a UUID may not. */
export const newQuestion = (): Question => ({ id: `q-${randomId()}`, kind: 'text', label: { pl: '', en: null, uk: null }, required: false, options: [] });
export const newOption = (): QuestionOption => ({ id: randomId(), label: { pl: '', en: null, uk: null } });

export const isChoice = (kind: QuestionKind) => kind === 'choice' || kind === 'multi';

/** `list` with the item at `from` moved to `to` (both inside the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

/** A question of another kind: a choice starts with two empty options, other kinds keep none. */
export function withKind(q: Question, kind: QuestionKind): Question {
  if (!isChoice(kind)) return { ...q, kind, options: [] };
  return { ...q, kind, options: q.options.length ? q.options : [newOption(), newOption()] };
}

/** The questions as the API takes them: options only on a choice. */
export const questionsOut = (questions: readonly Question[]): Question[] => questions.map((q) => (isChoice(q.kind) ? q : { ...q, options: [] }));

/** The saved kinds, by question id: a saved question keeps its type. */
export const kindsOf = (questions: readonly Question[]): Record<string, QuestionKind> => Object.fromEntries(questions.map((q) => [q.id, q.kind]));

function label(issues: { field: string; code: QuestionIssueCode }[], field: string, l: Question['label']): void {
  if (!l.pl.trim()) issues.push({ field, code: 'required' });
  for (const [suffix, v] of [['', l.pl], ['-en', l.en], ['-uk', l.uk]] as const) if ((v ?? '').trim().length > EVENT_LIMITS.questionLabel) issues.push({ field: `${field}${suffix}`, code: 'too_long' });
}

/** What the server would refuse in the questions, in the form's order. */
export function checkQuestions(questions: readonly Question[], saved: Readonly<Record<string, QuestionKind>>): { field: string; code: QuestionIssueCode }[] {
  const issues: { field: string; code: QuestionIssueCode }[] = [];
  questions.forEach((q, i) => {
    label(issues, `q${i}-label`, q.label);
    if (saved[q.id] && saved[q.id] !== q.kind) issues.push({ field: `q${i}-kind`, code: 'immutable' });
    if (!isChoice(q.kind)) return;
    if (q.options.length < 2) issues.push({ field: `q${i}-options`, code: 'options_needed' });
    q.options.forEach((o, j) => label(issues, `q${i}-o${j}`, o.label));
  });
  return issues;
}

/** The control of a server path inside `registration.questions`, or undefined for another path. */
export function questionControl(path: string): string | undefined {
  const parts = path.split('.');
  if (parts[0] !== 'registration' || parts[1] !== 'questions' || !/^\d+$/.test(parts[2] ?? '')) return undefined;
  const [, , i, key, j] = parts;
  const last = parts[parts.length - 1]!;
  const suffix = last === 'en' || last === 'uk' ? `-${last}` : '';
  if (key === 'kind' || key === 'required') return `q${i}-${key}`;
  if (key === 'options') return j !== undefined && /^\d+$/.test(j) ? `q${i}-o${j}${suffix}` : `q${i}-options`;
  return `q${i}-label${key === 'label' ? suffix : ''}`;
}
