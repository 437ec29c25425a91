/**
 * Surveys (LIJW, the Local Index of Cooperation Quality): vocabularies, limits and the pure rules
 * shared by the API and the widgets: which items a respondent sees, what an answer may be, the
 * edition's status from the clock. Plain data and functions, no zod (see `surveys.schema.ts`).
 */
import { labelIn, labelTranslator } from './i18n.js';
import type { Labels, Lang } from './langs.js';

/** Who answers. Each group gets its own tokens (or open link), and scores are reported per group. */
export const RESPONDENT_GROUPS = ['ngo', 'official', 'councillor', 'public_benefit_council', 'district_council'] as const;
export type RespondentGroup = (typeof RESPONDENT_GROUPS)[number];

export const GROUP_LABELS: Record<RespondentGroup, Labels> = {
  ngo: { pl: 'Organizacje pozarządowe', en: 'NGOs', uk: 'Неурядові організації' },
  official: { pl: 'Urzędnicy', en: 'Officials', uk: 'Посадовці' },
  councillor: { pl: 'Radni miasta', en: 'City councillors', uk: 'Депутати міської ради' },
  public_benefit_council: { pl: 'Rada Działalności Pożytku Publicznego', en: 'Public Benefit Council', uk: 'Рада громадськокорисної діяльності' },
  district_council: { pl: 'Rady dzielnic', en: 'District councils', uk: 'Ради районів' },
};
/** `tGroup(lang, group)`: the groups on the translator core (common/i18n.ts), for exports and reports. */
export const tGroup = /* @__PURE__ */ labelTranslator(GROUP_LABELS);

export const ITEM_TYPES = ['scale', 'single', 'multiple', 'text', 'number'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** The answer to a scale item that counts as missing in scoring. */
export const HARD_TO_SAY = 'hard_to_say';
export const SCALE_POINTS = [1, 2, 3, 4, 5] as const;
export type ScalePoint = (typeof SCALE_POINTS)[number];

/** `planned` before `opensAt`, `open` until `closesAt`, then `closed`: the server's clock decides. */
export const EDITION_STATUSES = ['planned', 'open', 'closed'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

export const RECOMMENDATION_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** A cell with fewer respondents than this is suppressed (shown as "n < 5", never as 0). */
export const MIN_CELL = 5;

export const SURVEY_LIMITS = {
  sections: 20, itemsPerSection: 60, items: 200, options: 40, text: 2000, longText: 10_000, textAnswer: 5000, id: 48,
  /** Tokens generated in one batch. */
  tokensPerBatch: 5000,
  /** A draft, as JSON, before encryption. */
  draftBytes: 256 * 1024,
} as const;

/** Texts of an instrument: one per language, Polish the source. */
export type Texts = Labels;

export interface ScaleDefinition {
  /** Labels of points 1–5, lowest first. */
  points: [Texts, Texts, Texts, Texts, Texts];
  hardToSay: Texts;
}

/** Shown only when the answer to an earlier item is one of `anyOf` (any of them, for multiple choice). */
export interface DisplayCondition {
  item: string;
  anyOf: (string | number)[];
}

export interface Option { id: string; text: Texts }

interface ItemBase {
  /** Stable across versions, so that editions compare item by item. */
  id: string;
  text: Texts;
  /** Other wording for some groups (the officials' version of the same question). */
  textFor?: Partial<Record<RespondentGroup, Texts>>;
  help?: Texts;
  required: boolean;
  /** Only these groups see the item; absent means everyone the section is shown to. */
  groups?: RespondentGroup[];
  showIf?: DisplayCondition;
}

export interface ScaleItem extends ItemBase { type: 'scale'; scale: string; weight: number; reverse: boolean; hardToSay: boolean }
export interface SingleItem extends ItemBase { type: 'single'; options: Option[] }
export interface MultipleItem extends ItemBase { type: 'multiple'; options: Option[]; min?: number; max?: number }
export interface TextItem extends ItemBase { type: 'text'; maxLength: number; multiline: boolean }
export interface NumberItem extends ItemBase { type: 'number'; min: number; max: number; integer: boolean; unit?: Texts }
export type Item = ScaleItem | SingleItem | MultipleItem | TextItem | NumberItem;

export interface Section {
  id: string;
  title: Texts;
  intro?: Texts;
  /** Scored sections enter the index; the profile and the recommendations do not. */
  scored: boolean;
  groups?: RespondentGroup[];
  items: Item[];
}

/** A validated instrument (see `InstrumentSchema`): defaults filled in, references checked. */
export interface Instrument {
  title: Texts;
  intro?: Texts;
  scales: Record<string, ScaleDefinition>;
  sections: Section[];
}

export type AnswerValue = ScalePoint | typeof HARD_TO_SAY | string | string[] | number;
/** Answers by item id. An item left out is unanswered. */
export type Answers = Record<string, AnswerValue>;

/** The item's wording for a group: its `textFor` variant, else the common text. */
export const itemText = (item: Item, group: RespondentGroup | null): Texts => (group && item.textFor?.[group]) || item.text;

/** A text in `lang`, else in Polish: the translator core's `labelIn`. */
export const textIn: (t: Texts | undefined, lang: Lang) => string = labelIn;

export function* allItems(instrument: Instrument): Generator<{ section: Section; item: Item }> {
  for (const section of instrument.sections) for (const item of section.items) yield { section, item };
}

export function findItem(instrument: Instrument, id: string): { section: Section; item: Item } | undefined {
  for (const entry of allItems(instrument)) if (entry.item.id === id) return entry;
  return undefined;
}

const forGroup = (groups: readonly RespondentGroup[] | undefined, group: RespondentGroup) => !groups || groups.includes(group);

function conditionHolds(cond: DisplayCondition, answers: Answers, visible: ReadonlySet<string>): boolean {
  if (!visible.has(cond.item)) return false;
  const a = answers[cond.item];
  if (a === undefined) return false;
  return Array.isArray(a) ? a.some((v) => cond.anyOf.includes(v)) : cond.anyOf.includes(a);
}

/**
 * The ids of the items a respondent of `group` sees with these answers, in instrument order. An
 * item is visible when its section and the item itself are for the group and its condition holds;
 * a condition on an item that is itself hidden does not hold. Conditions only look back (the
 * schema checks it), so one pass in order settles everything.
 */
export function visibleItemIds(instrument: Instrument, group: RespondentGroup, answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const { section, item } of allItems(instrument)) {
    if (!forGroup(section.groups, group) || !forGroup(item.groups, group)) continue;
    if (item.showIf && !conditionHolds(item.showIf, answers, visible)) continue;
    visible.add(item.id);
  }
  return visible;
}

/** The sections a group sees at all (any item possibly visible), in order. */
export function sectionsFor(instrument: Instrument, group: RespondentGroup): Section[] {
  return instrument.sections.filter((s) => forGroup(s.groups, group) && s.items.some((i) => forGroup(i.groups, group)));
}

/** 1–5 on 0–100 (reverse items flipped); "hard to say" and anything else is missing (null). */
export function scaleScore(item: ScaleItem, answer: AnswerValue | undefined): number | null {
  if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 1 || answer > 5) return null;
  return item.reverse ? (5 - answer) * 25 : (answer - 1) * 25;
}

export interface AnswerIssue { path: string; code: string; message: string }

/** Why `value` is not a valid answer to `item`, or null when it is. */
export function answerProblem(item: Item, value: unknown): AnswerIssue | null {
  const path = `answers.${item.id}`;
  const bad = (code: string, message: string) => ({ path, code, message });
  switch (item.type) {
    case 'scale':
      if (value === HARD_TO_SAY) return item.hardToSay ? null : bad('invalid_value', 'This item has no "hard to say" answer');
      return typeof value === 'number' && (SCALE_POINTS as readonly number[]).includes(value) ? null : bad('invalid_value', 'Answer 1–5' + (item.hardToSay ? ' or "hard_to_say"' : ''));
    case 'single':
      return typeof value === 'string' && item.options.some((o) => o.id === value) ? null : bad('invalid_value', 'Choose one of the options');
    case 'multiple': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !item.options.some((o) => o.id === v))) return bad('invalid_value', 'Choose among the options');
      if (new Set(value).size !== value.length) return bad('invalid_value', 'An option is chosen twice');
      if (item.min !== undefined && value.length < item.min) return bad('too_short', `Choose at least ${item.min}`);
      if (item.max !== undefined && value.length > item.max) return bad('too_long', `Choose at most ${item.max}`);
      return null;
    }
    case 'text':
      if (typeof value !== 'string') return bad('invalid_type', 'Expected text');
      return value.length > item.maxLength ? bad('too_long', `At most ${item.maxLength} characters`) : null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad('invalid_type', 'Expected a number');
      if (item.integer && !Number.isInteger(value)) return bad('invalid_value', 'Expected a whole number');
      return value < item.min || value > item.max ? bad('invalid_value', `Between ${item.min} and ${item.max}`) : null;
  }
}

/** An empty answer: the respondent has not answered (text left blank, nothing ticked). */
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

export interface CheckedAnswers { answers: Answers; issues: AnswerIssue[] }

/**
 * Checks answers against the instrument for one group and returns them normalised: in instrument
 * order (so the stored JSON says nothing about the order of answering), trimmed, blanks left out,
 * and answers to items the respondent does not see dropped (an answer to a follow-up whose
 * condition was later undone). Unknown item ids are issues. With `complete`, a visible required
 * item left unanswered is an issue too (the final submission); without it (a draft) it is not.
 */
export function checkAnswers(instrument: Instrument, group: RespondentGroup, input: Record<string, unknown>, complete: boolean): CheckedAnswers {
  const issues: AnswerIssue[] = [];
  const known = new Set<string>();
  for (const { item } of allItems(instrument)) known.add(item.id);
  for (const id of Object.keys(input)) if (!known.has(id)) issues.push({ path: `answers.${id}`, code: 'unknown_field', message: 'No such item in this instrument' });

  const cleaned: Answers = {};
  for (const { item } of allItems(instrument)) {
    let v = input[item.id];
    if (typeof v === 'string' && item.type !== 'scale') v = v.trim();
    if (isBlank(v)) continue;
    const problem = answerProblem(item, v);
    if (problem) issues.push(problem);
    else cleaned[item.id] = v as AnswerValue;
  }
  const visible = visibleItemIds(instrument, group, cleaned);
  const answers: Answers = {};
  for (const { item } of allItems(instrument)) {
    if (!visible.has(item.id)) continue;
    const v = cleaned[item.id];
    if (v !== undefined) answers[item.id] = v;
    else if (complete && item.required && !issues.some((i) => i.path === `answers.${item.id}`)) {
      issues.push({ path: `answers.${item.id}`, code: 'required', message: 'This question needs an answer' });
    }
  }
  return { answers, issues };
}

/** The edition's status at `now`, from its UTC instants. */
export function editionStatus(e: { opensAt: string; closesAt: string }, now: Date): EditionStatus {
  const t = now.toISOString();
  if (t < e.opensAt) return 'planned';
  return t < e.closesAt ? 'open' : 'closed';
}
