/**
 * What a save of a registration list's questions keeps of the earlier ones (issue 12): answers are
 * never touched, so a question or an option staff remove keeps its wording for the export, and a
 * saved question keeps its kind (an answer given as a choice cannot become a text).
 */
import type { FieldIssue } from '../../common/errors.js';
import type { Question } from '../../common/events.schema.js';

export type QuestionOption = Question['options'][number];
/** Options removed from questions, by question id. */
export type RetiredOptions = Record<string, QuestionOption[]>;

/**
 * The questions retired after a save: those it drops join the earlier retired ones (their latest
 * wording wins), and one asked again leaves the list.
 */
export function retireQuestions(before: readonly Question[], retired: readonly Question[], after: readonly Question[]): Question[] {
  const asked = new Set(after.map((q) => q.id));
  const dropped = before.filter((q) => !asked.has(q.id));
  const fresh = new Set(dropped.map((q) => q.id));
  return [...retired.filter((q) => !asked.has(q.id) && !fresh.has(q.id)), ...dropped];
}

/**
 * The options retired after a save: an option a question had before (asked, or retired and asked
 * again) and has no more joins its earlier removed ones with its latest wording; one offered again
 * leaves the list. A question the save drops keeps what it had.
 */
export function retireOptions(before: readonly Question[], retired: readonly Question[], kept: RetiredOptions, after: readonly Question[]): RetiredOptions {
  const out: RetiredOptions = {};
  for (const [id, options] of Object.entries(kept)) if (!after.some((q) => q.id === id)) out[id] = [...options];
  for (const q of after) {
    const earlier = before.find((b) => b.id === q.id) ?? retired.find((r) => r.id === q.id);
    const offered = new Set(q.options.map((o) => o.id));
    const dropped = (earlier?.options ?? []).filter((o) => !offered.has(o.id));
    const fresh = new Set(dropped.map((o) => o.id));
    const options = [...(kept[q.id] ?? []).filter((o) => !offered.has(o.id) && !fresh.has(o.id)), ...dropped];
    if (options.length) out[q.id] = options;
  }
  return out;
}

/**
 * Issues for questions whose kind a save changes, against the saved list and the retired questions
 * (answers to both are stored), at `registration.questions.<index>.kind`.
 */
export function kindChanges(before: readonly Question[], retired: readonly Question[], after: readonly Question[]): FieldIssue[] {
  return after.flatMap((q, i) => {
    const saved = before.find((b) => b.id === q.id) ?? retired.find((r) => r.id === q.id);
    if (!saved || saved.kind === q.kind) return [];
    return [{ path: `registration.questions.${i}.kind`, code: 'immutable', message: `A saved question keeps its type (${saved.kind}); remove it and add a new one instead` }];
  });
}

/** An option's label, or, for one removed, the label it had; undefined when neither is known. */
export const optionLabel = (q: Question, retired: RetiredOptions, id: unknown) =>
  (q.options.find((o) => o.id === id) ?? retired[q.id]?.find((o) => o.id === id))?.label;
