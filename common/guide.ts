import type { Lang, Labels } from './langs.js';

/**
 * The online guide (poradnik), zod-free: limits, vocabularies and the pure checks both the API and
 * the widgets use. The schemas are in `guide.schema.ts`.
 */

export const GUIDE_LIMITS = {
  slug: 80,
  title: 200,
  summary: 600,
  body: 60_000,
  note: 500,
  comment: 1000,
  q: 100,
  tags: 12,
  related: 12,
  steps: 30,
  nodes: 60,
  answers: 8,
  searchLimit: 20,
} as const;

/** A slug: lower-case ASCII letters, digits and hyphens (`male-granty`). */
export const GUIDE_SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The advisory point's topics (DOMAIN.md), which guide articles are tagged with besides the map's areas. */
export const ADVICE_TOPICS = {
  prawo: { pl: 'Prawo', en: 'Law', uk: 'Право' },
  'podatki-ksiegowosc': { pl: 'Podatki i księgowość', en: 'Taxes and accounting', uk: 'Податки та бухгалтерія' },
  'nowe-media': { pl: 'Nowe media', en: 'New media', uk: 'Нові медіа' },
  'finansowanie-zwrotne': { pl: 'Finansowanie zwrotne (pożyczki)', en: 'Repayable finance (loans)', uk: 'Поворотне фінансування (позики)' },
  'finansowanie-bezzwrotne': { pl: 'Finansowanie bezzwrotne (dotacje)', en: 'Non-repayable finance (grants)', uk: 'Безповоротне фінансування (гранти)' },
} as const satisfies Record<string, Labels>;
export type AdviceTopic = keyof typeof ADVICE_TOPICS;
export const ADVICE_TOPIC_SLUGS = Object.keys(ADVICE_TOPICS) as AdviceTopic[];

/** What a link from an article into another module points at. */
export const GUIDE_LINK_KINDS = ['advice', 'events', 'consultations'] as const;
export type GuideLinkKind = (typeof GUIDE_LINK_KINDS)[number];

/** Kinds of journey: GOV.UK's "step by step" and "smart answer" (a short decision tree). */
export const JOURNEY_KINDS = ['steps', 'smart'] as const;
export type JourneyKind = (typeof JOURNEY_KINDS)[number];

/** Callouts of the Markdown: `> [!deadline]`, `> [!warning]`, `> [!info]` as the first line of a quote. */
export const CALLOUT_KINDS = ['deadline', 'warning', 'info'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

/** An article not reviewed for this many days is due for review (staff are reminded). */
export const REVIEW_AFTER_DAYS = 365;

/** A text in Polish, the source, with optional English and Ukrainian. */
export type LocalText = { pl: string } & Partial<Record<Exclude<Lang, 'pl'>, string>>;

/** The text of `t` in `lang`, or the Polish one with `lang: 'pl'` when there is no translation. */
export function pickText(t: LocalText, lang: Lang): { text: string; lang: Lang } {
  const own = lang === 'pl' ? t.pl : t[lang];
  return own && own.trim() ? { text: own, lang } : { text: t.pl, lang: 'pl' };
}

// ---- smart answers ---------------------------------------------------------------------------------

export interface SmartQuestion {
  kind: 'question';
  text: LocalText;
  hint?: LocalText;
  answers: { label: LocalText; next: string }[];
}
export interface SmartOutcome {
  kind: 'outcome';
  title: LocalText;
  text: LocalText;
  /** Article slugs that explain the outcome. */
  articles: string[];
  /** A step-by-step journey that walks through it. */
  journey?: string | null;
}
export type SmartNode = SmartQuestion | SmartOutcome;
export interface SmartTree {
  start: string;
  nodes: Record<string, SmartNode>;
}

/** One fault of a decision tree: where it is (`nodes.q2.answers.1.next`) and the route to it from the start. */
export interface TreeFault {
  path: string;
  code: 'missing_node' | 'cycle' | 'no_answers' | 'unreachable';
  /** The node ids from the start to the fault, e.g. `['start', 'q1', 'q2', 'q1']` for a cycle. */
  route: string[];
  message: string;
}

/**
 * Checks that a decision tree is one: the start exists, every answer leads to an existing node,
 * no route comes back to a node it passed (a cycle), every question has answers (so every route
 * ends in an outcome), and every node can be reached. Returns the faults with their routes, empty
 * when the tree is sound.
 */
export function smartTreeFaults(tree: SmartTree): TreeFault[] {
  const faults: TreeFault[] = [];
  const seen = new Set<string>();
  const reported = new Set<string>();
  const fault = (f: TreeFault) => {
    const key = `${f.code}|${f.path}`;
    if (!reported.has(key)) reported.add(key), faults.push(f);
  };
  if (!Object.hasOwn(tree.nodes, tree.start)) {
    fault({ path: 'start', code: 'missing_node', route: [], message: `The start node "${tree.start}" does not exist` });
    return faults;
  }
  // Depth-first over routes; `route` is the chain of node ids from the start.
  const walk = (id: string, route: string[]) => {
    seen.add(id);
    const node = tree.nodes[id]!;
    if (node.kind === 'outcome') return;
    if (node.answers.length === 0) {
      fault({ path: `nodes.${id}.answers`, code: 'no_answers', route, message: `Question "${id}" has no answers, so the route ${route.join(' → ')} ends without an outcome` });
      return;
    }
    node.answers.forEach((a, i) => {
      const path = `nodes.${id}.answers.${i}.next`;
      if (!Object.hasOwn(tree.nodes, a.next)) {
        fault({ path, code: 'missing_node', route: [...route, a.next], message: `Answer ${i + 1} of "${id}" leads to "${a.next}", which does not exist (route ${[...route, a.next].join(' → ')})` });
      } else if (route.includes(a.next)) {
        fault({ path, code: 'cycle', route: [...route, a.next], message: `A cycle: ${[...route, a.next].join(' → ')}` });
      } else walk(a.next, [...route, a.next]);
    });
  };
  walk(tree.start, [tree.start]);
  for (const id of Object.keys(tree.nodes)) {
    if (!seen.has(id)) fault({ path: `nodes.${id}`, code: 'unreachable', route: [], message: `Node "${id}" cannot be reached from the start` });
  }
  return faults;
}

/** A tree's shape as far as following it goes: the server's data and the widget's resolved copy both fit. */
export interface TreeShape {
  start: string;
  nodes: Record<string, { kind: 'question'; answers: readonly { next: string }[] } | { kind: 'outcome' }>;
}

/** The answers taken through a tree, as answer indexes (`[0, 1]`), → the node ids visited; a bad index stops the route there. */
export function followAnswers(tree: TreeShape, answers: readonly number[]): string[] {
  const route = [tree.start];
  for (const index of answers) {
    const node = tree.nodes[route.at(-1)!];
    if (!node || node.kind !== 'question') break;
    const next = node.answers[index]?.next;
    if (!next || !Object.hasOwn(tree.nodes, next) || route.includes(next)) break;
    route.push(next);
  }
  return route;
}

/** The label a callout starts with, in the article's language. */
export const CALLOUT_LABELS: Record<CalloutKind, Labels> = {
  deadline: { pl: 'Termin', en: 'Deadline', uk: 'Строк' },
  warning: { pl: 'Uwaga', en: 'Warning', uk: 'Увага' },
  info: { pl: 'Dobrze wiedzieć', en: 'Good to know', uk: 'Варто знати' },
};

/** The scheme of a link to another article in the guide's Markdown: `[małe granty](poradnik:male-granty)`. */
export const ARTICLE_LINK_SCHEME = 'poradnik:';
