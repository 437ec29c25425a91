import { diffWords } from 'diff';
import MarkdownIt, { type Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { ARTICLE_LINK_SCHEME, CALLOUT_KINDS, CALLOUT_LABELS, REVIEW_AFTER_DAYS, type CalloutKind } from '../../common/guide.js';
import type { JourneyContent } from '../../common/guide.schema.js';
import type { FieldIssue } from '../../common/errors.js';
import type { Lang } from '../../common/taxonomy.js';
import { addDays } from '../../common/time.js';

/**
 * The guide's pure rules: Markdown to safe HTML, plain text for search, which version is in force
 * on a day, the readable diff between two versions, and when an article is due for review.
 */

// ---- Markdown ------------------------------------------------------------------------------------

/**
 * The editor's Markdown: no raw HTML (`html: false` turns it into text), links checked by
 * markdown-it (no `javascript:`, `vbscript:`, `file:` or `data:`), GFM tables and strikethrough.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const CALLOUT_RE = new RegExp(`^\\[!(${CALLOUT_KINDS.join('|')})\\][ \\t]*`, 'i');

/** Heading levels start below the article's own title (h2 in the widget): `#`, `##` → h3, `###` → h4. */
const headingTag = (tag: string) => `h${Math.min(6, Math.max(3, Number(tag.slice(1)) + 1))}`;

interface RenderEnv {
  lang: Lang;
  /** Turns a guide article's slug into a link. */
  articleHref: (slug: string) => string;
}

md.core.ruler.push('guide', (state) => {
  const env = state.env as unknown as RenderEnv;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.type === 'heading_open' || tok.type === 'heading_close') tok.tag = headingTag(tok.tag);
    // `> [!deadline]` as the first words of a quote makes it a callout with its label.
    if (tok.type === 'blockquote_open' && tokens[i + 1]?.type === 'paragraph_open' && tokens[i + 2]?.type === 'inline') {
      const inline = tokens[i + 2]!;
      const first = inline.children?.[0];
      const m = first?.type === 'text' ? CALLOUT_RE.exec(first.content) : null;
      if (m && first) {
        const kind = m[1]!.toLowerCase() as CalloutKind;
        tok.attrSet('class', `callout callout-${kind}`);
        first.content = first.content.slice(m[0].length);
        const children = inline.children!;
        if (!first.content && children[1]?.type === 'softbreak') children.splice(0, 2);
        else if (!first.content) children.splice(0, 1);
        const open = new state.Token('strong_open', 'strong', 1);
        open.attrSet('class', 'callout-label');
        const label = new state.Token('text', '', 0);
        label.content = CALLOUT_LABELS[kind][env.lang];
        const close = new state.Token('strong_close', 'strong', -1);
        const br = new state.Token('softbreak', 'br', 0);
        children.unshift(open, label, close, br);
      }
    }
    if (tok.type === 'inline') for (const child of tok.children ?? []) rewriteLink(child, env);
  }
});

function rewriteLink(t: Token, env: RenderEnv) {
  if (t.type !== 'link_open') return;
  const href = String(t.attrGet('href') ?? '');
  if (href.toLowerCase().startsWith(ARTICLE_LINK_SCHEME)) {
    const slug = href.slice(ARTICLE_LINK_SCHEME.length).replace(/[^a-z0-9-]/g, '');
    t.attrSet('href', env.articleHref(slug));
    t.attrSet('data-guide-article', slug);
  } else if (/^https?:/i.test(href)) t.attrSet('rel', 'noopener noreferrer');
}

/** The allow-list the rendered HTML passes through, a second line of defence after markdown-it. */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['h3', 'h4', 'h5', 'h6', 'p', 'br', 'strong', 'em', 'del', 's', 'ul', 'ol', 'li', 'a', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre', 'hr'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'data-guide-article'], ol: ['start'], th: ['scope'] },
  allowedClasses: { blockquote: CALLOUT_KINDS.flatMap((k) => ['callout', `callout-${k}`]), strong: ['callout-label'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
};

/** Markdown → sanitised HTML in `lang` (callout labels), with article links made by `articleHref`. */
export function renderMarkdown(source: string, lang: Lang, articleHref: (slug: string) => string = defaultArticleHref): string {
  return sanitizeHtml(md.render(source, { lang, articleHref } satisfies RenderEnv), SANITIZE);
}

/** Where an article link points in the widget: the page itself, with the guide's view in the URL. */
export const defaultArticleHref = (slug: string) => `?ngo-guide-article=${encodeURIComponent(slug)}`;

/** The words of a Markdown text, without its markup: what search indexes and snippets quote. */
export function plainText(source: string): string {
  const out: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.children) walk(t.children);
      else if (t.type === 'text' || t.type === 'code_inline' || t.type === 'code_block' || t.type === 'fence') out.push(t.content.replace(CALLOUT_RE, ''));
      else if (t.type === 'softbreak' || t.type === 'hardbreak' || (t.block && t.nesting === -1)) out.push(' ');
    }
  };
  walk(md.parse(source, { lang: 'pl', articleHref: defaultArticleHref } satisfies RenderEnv));
  return out.join('').replace(/\s+/g, ' ').trim();
}

/**
 * The Markdown as a list of blocks, for the DOCX export: headings (level 1–3), paragraphs, list
 * items (with their depth) and table rows, each as plain runs of text marked bold or italic.
 */
export interface DocBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'row' | 'callout';
  level: number;
  runs: { text: string; bold: boolean; italic: boolean }[];
}
export function markdownBlocks(source: string, lang: Lang): DocBlock[] {
  const tokens = md.parse(source, { lang, articleHref: defaultArticleHref } satisfies RenderEnv);
  const blocks: DocBlock[] = [];
  let listDepth = 0;
  let inCallout = false;
  let row: DocBlock | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') listDepth++;
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') listDepth--;
    else if (t.type === 'blockquote_open') inCallout = String(t.attrGet('class') ?? '').includes('callout');
    else if (t.type === 'blockquote_close') inCallout = false;
    else if (t.type === 'tr_open') row = { kind: 'row', level: 0, runs: [] };
    else if (t.type === 'tr_close' && row) blocks.push(row), (row = null);
    else if (t.type === 'inline') {
      const runs = inlineRuns(t.children ?? []);
      const prev = tokens[i - 1]!;
      if (row) {
        if (row.runs.length) row.runs.push({ text: ' | ', bold: false, italic: false });
        row.runs.push(...runs.map((r) => ({ ...r, bold: r.bold || prev.type === 'th_open' })));
      } else if (prev.type === 'heading_open') blocks.push({ kind: 'heading', level: Math.min(3, Number(prev.tag.slice(1)) - 2), runs });
      else blocks.push({ kind: inCallout ? 'callout' : listDepth ? 'item' : 'paragraph', level: listDepth, runs });
    }
  }
  return blocks;
}

function inlineRuns(children: Token[]): DocBlock['runs'] {
  const runs: DocBlock['runs'] = [];
  let bold = 0;
  let italic = 0;
  for (const c of children) {
    if (c.type === 'strong_open') bold++;
    else if (c.type === 'strong_close') bold--;
    else if (c.type === 'em_open') italic++;
    else if (c.type === 'em_close') italic--;
    else if (c.type === 'text' || c.type === 'code_inline') runs.push({ text: c.content, bold: bold > 0, italic: italic > 0 });
    else if (c.type === 'softbreak' || c.type === 'hardbreak') runs.push({ text: ' ', bold: false, italic: false });
  }
  return runs;
}

// ---- versions --------------------------------------------------------------------------------------

export interface DatedVersion {
  id: string;
  in_force_from: string;
  in_force_until: string | null;
  published_at: string;
}

/** The day before `date` (`2027-01-01` → `2026-12-31`). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Published versions, newest rule first: later "in force from", then the later publication (a correction of the same day wins). */
export const byRecency = <V extends DatedVersion>(versions: readonly V[]): V[] =>
  [...versions].sort((a, b) => (a.in_force_from === b.in_force_from ? b.published_at.localeCompare(a.published_at) : b.in_force_from.localeCompare(a.in_force_from)));

/** The version in force on `date`: the newest that started by then, unless it has already ended. Null when none is. */
export function versionInForce<V extends DatedVersion>(versions: readonly V[], date: string): V | null {
  const started = byRecency(versions).find((v) => v.in_force_from <= date);
  if (!started) return null;
  return started.in_force_until && started.in_force_until < date ? null : started;
}

/**
 * The last day a version is in force: its own "until", or the day before the next version starts,
 * whichever comes first; null while open-ended. A version superseded by a correction of the same day is over before it began.
 */
export function effectiveUntil<V extends DatedVersion>(version: V, versions: readonly V[]): string | null {
  const ordered = byRecency(versions);
  const newer = ordered.slice(0, ordered.findIndex((v) => v.id === version.id)).filter((v) => v.in_force_from >= version.in_force_from);
  const nextStart = newer.length ? newer.map((v) => v.in_force_from).sort()[0]! : null;
  const implied = nextStart ? dayBefore(nextStart) : null;
  if (!implied) return version.in_force_until;
  if (!version.in_force_until) return implied;
  return implied < version.in_force_until ? implied : version.in_force_until;
}

/** Where a version stands on `today`: a draft, scheduled (starts later), in force, or past. */
export function versionState<V extends DatedVersion>(version: V | { status: 'draft' }, versions: readonly V[], today: string): 'draft' | 'scheduled' | 'in_force' | 'past' {
  // Stored rows carry a status too: only a draft's says so (every row has the key).
  if ((version as { status?: string }).status === 'draft') return 'draft';
  version = version as V;
  if (version.in_force_from > today) return 'scheduled';
  return versionInForce(versions, today)?.id === version.id ? 'in_force' : 'past';
}

// ---- diff and review -------------------------------------------------------------------------------

export interface DiffSegment {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** A word diff from `before` to `after`, in reading order: what was removed, then what replaced it. */
export function diffText(before: string, after: string): DiffSegment[] {
  return diffWords(before, after).map((p) => ({ op: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value }));
}

/** The day an article's next review is due: the day staff set, else a year after the last review; null when it was never reviewed (due now). */
export function reviewDueOn(reviewedOn: string | null, reviewOn: string | null = null): string | null {
  if (reviewOn) return reviewOn;
  return reviewedOn ? addDays(reviewedOn, REVIEW_AFTER_DAYS) : null;
}

/** Whether an article last reviewed on `reviewedOn` (next review set for `reviewOn`) is due for review on `today` (never reviewed: due). */
export function reviewDue(reviewedOn: string | null, today: string, reviewOn: string | null = null): boolean {
  const due = reviewDueOn(reviewedOn, reviewOn);
  return due === null || due <= today;
}

/**
 * A journey's links that lead nowhere: an article slug no article has, or an outcome's journey that
 * does not exist (or is the journey itself). Paths as the request's (`content.steps.0.articles.1`).
 */
export function journeyLinkFaults(content: JourneyContent, articles: ReadonlySet<string>, journeys: ReadonlySet<string>, self: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const check = (slugs: readonly string[], path: string) =>
    slugs.forEach((slug, i) => articles.has(slug) || issues.push({ path: `${path}.${i}`, code: 'unknown_article', message: `No article "${slug}"` }));
  if (content.kind === 'steps') content.steps.forEach((s, i) => check(s.articles, `content.steps.${i}.articles`));
  else {
    for (const [id, n] of Object.entries(content.nodes)) {
      if (n.kind !== 'outcome') continue;
      check(n.articles, `content.nodes.${id}.articles`);
      if (n.journey && (n.journey === self || !journeys.has(n.journey))) issues.push({ path: `content.nodes.${id}.journey`, code: 'unknown_journey', message: `No other journey "${n.journey}"` });
    }
  }
  return issues;
}
