/**
 * LIJW scoring: pure functions from an instrument and anonymous responses to the scores that may
 * be shown. Follows DOMAIN.md:
 * - a scale answer 1–5 becomes 0–100 (reverse items flipped); "hard to say" is missing;
 * - an item's score in a cell is the mean of its valid answers there;
 * - a section's score is the weighted mean of its items' scores, and the index is the mean of the
 *   sections' scores; every figure per respondent group ("cell") and for all groups together.
 *
 * Suppression. A cell with fewer than `minN` (5) valid answers is hidden ("few"). Because the
 * all-groups total is shown beside the groups, one hidden group in a row could be computed back as
 * `n·total − Σ other groups`; so each row with a hidden cell gets complementary suppression: more
 * cells are hidden (the smallest groups first, then the total) until every hidden cell's mean can
 * only be narrowed to an interval at least `protection` points wide (one scale step, 25, by
 * default), whatever an attacker knows of the counts. Section scores, the index and the gaps are
 * computed from shown item cells only, so they are functions of what is shown and reveal nothing
 * more. Hidden values never leave this module: a suppressed cell has `score: null`.
 */
import type { Answers, Instrument, RespondentGroup, ScaleItem, Section } from './surveys.js';
import { MIN_CELL, RESPONDENT_GROUPS, scaleScore } from './surveys.js';

export type Column = RespondentGroup | 'all';
export const COLUMNS: readonly Column[] = [...RESPONDENT_GROUPS, 'all'];

/** `few`: under the threshold; `complementary`: hidden so that another hidden cell stays hidden. */
export type Suppression = 'few' | 'complementary';

export interface Cell {
  /** Respondents behind the figure; null when that number is itself below the threshold. */
  n: number | null;
  /** 0–100, or null when there is no data or the cell is suppressed. */
  score: number | null;
  suppressed: Suppression | null;
}

export interface ItemScores { id: string; section: string; weight: number; reverse: boolean; cells: Record<Column, Cell> }
export interface SectionScores { id: string; cells: Record<Column, Cell> }

export interface EditionScores {
  /** Responses per column (the all-groups total under `all`); a count under the threshold is null. */
  respondents: Record<Column, number | null>;
  items: ItemScores[];
  sections: SectionScores[];
  index: Record<Column, Cell>;
}

export interface ScoringOptions {
  /** Smallest shown cell. Default `MIN_CELL` (5). */
  minN?: number;
  /** Narrowest interval (0–100 points) to which a hidden mean may be pinned down. Default 25. */
  protection?: number;
}

export interface ScoredResponse { group: RespondentGroup; answers: Answers }

const empty = (): Cell => ({ n: 0, score: null, suppressed: null });
const hidden = (why: Suppression, n: number): Cell => ({ n: why === 'few' ? null : n, score: null, suppressed: why });

/** The scored sections and their scale items, in instrument order. */
export function scoredStructure(instrument: Instrument): { section: Section; items: ScaleItem[] }[] {
  return instrument.sections
    .filter((s) => s.scored)
    .map((section) => ({ section, items: section.items.filter((i): i is ScaleItem => i.type === 'scale') }))
    .filter((s) => s.items.length > 0);
}

interface Tally { n: number; sum: number }

/**
 * Can the hidden cells `hiddenGroups` of one row be pinned down? The total and the shown cells give
 * `S = Σ hidden n·mean`. With every count known, hidden cell h lies in
 * [max(0, S − 100·Σ others' n), min(100·n_h, S)] / n_h. Each must stay `protection` wide.
 */
function isProtected(tallies: Map<RespondentGroup, Tally>, hiddenGroups: Set<RespondentGroup>, primary: Set<RespondentGroup>, protection: number): boolean {
  let sumHidden = 0;
  let nHidden = 0;
  for (const g of hiddenGroups) {
    const t = tallies.get(g)!;
    sumHidden += t.sum;
    nHidden += t.n;
  }
  for (const h of primary) {
    const t = tallies.get(h)!;
    const othersN = nHidden - t.n;
    const lo = Math.max(0, sumHidden - 100 * othersN);
    const hi = Math.min(100 * t.n, sumHidden);
    if ((hi - lo) / t.n < protection - 1e-9) return false;
  }
  return true;
}

/**
 * Complements are taken smallest first; among equals, NGOs and officials last, since their gap is
 * what the joint meeting discusses.
 */
const COMPLEMENT_ORDER: readonly RespondentGroup[] = [...RESPONDENT_GROUPS].reverse();

/** Suppresses one row (an item over the groups and the total). */
function suppressRow(tallies: Map<RespondentGroup, Tally>, total: Tally, minN: number, protection: number): Record<Column, Cell> {
  const cells = {} as Record<Column, Cell>;
  const primary = new Set<RespondentGroup>();
  for (const g of RESPONDENT_GROUPS) {
    const t = tallies.get(g);
    if (!t || t.n === 0) cells[g] = empty();
    else if (t.n < minN) {
      cells[g] = hidden('few', t.n);
      primary.add(g);
    } else cells[g] = { n: t.n, score: t.sum / t.n, suppressed: null };
  }
  if (total.n === 0) cells.all = empty();
  else if (total.n < minN) cells.all = hidden('few', total.n);
  else {
    cells.all = { n: total.n, score: total.sum / total.n, suppressed: null };
    if (primary.size > 0) {
      const hiddenGroups = new Set(primary);
      while (!isProtected(tallies, hiddenGroups, primary, protection)) {
        const next = COMPLEMENT_ORDER.filter((g) => cells[g].suppressed === null && cells[g].n !== 0).sort((a, b) => tallies.get(a)!.n - tallies.get(b)!.n)[0];
        if (!next) {
          cells.all = hidden('complementary', total.n);
          break;
        }
        cells[next] = hidden('complementary', tallies.get(next)!.n);
        hiddenGroups.add(next);
      }
    }
  }
  return cells;
}

/** The scores of one edition, suppressed and ready to show. */
export function scoreEdition(instrument: Instrument, responses: readonly ScoredResponse[], options: ScoringOptions = {}): EditionScores {
  const minN = options.minN ?? MIN_CELL;
  const protection = options.protection ?? 25;
  const structure = scoredStructure(instrument);

  const counts = new Map<RespondentGroup, number>();
  for (const r of responses) counts.set(r.group, (counts.get(r.group) ?? 0) + 1);
  const respondents = {} as Record<Column, number | null>;
  for (const g of RESPONDENT_GROUPS) {
    const n = counts.get(g) ?? 0;
    respondents[g] = n > 0 && n < minN ? null : n;
  }
  respondents.all = responses.length > 0 && responses.length < minN ? null : responses.length;

  const items: ItemScores[] = [];
  for (const { section, items: scale } of structure) {
    for (const item of scale) {
      const tallies = new Map<RespondentGroup, Tally>();
      const total: Tally = { n: 0, sum: 0 };
      for (const r of responses) {
        const s = scaleScore(item, r.answers[item.id]);
        if (s === null) continue;
        const t = tallies.get(r.group) ?? { n: 0, sum: 0 };
        t.n++;
        t.sum += s;
        tallies.set(r.group, t);
        total.n++;
        total.sum += s;
      }
      items.push({ id: item.id, section: section.id, weight: item.weight, reverse: item.reverse, cells: suppressRow(tallies, total, minN, protection) });
    }
  }

  const sections: SectionScores[] = structure.map(({ section }) => {
    const own = items.filter((i) => i.section === section.id);
    const cells = {} as Record<Column, Cell>;
    for (const col of COLUMNS) {
      const shown = own.filter((i) => i.cells[col].score !== null);
      if (shown.length === 0) {
        const why = own.some((i) => i.cells[col].suppressed === 'few') ? 'few' : own.some((i) => i.cells[col].suppressed) ? 'complementary' : null;
        cells[col] = why ? { n: null, score: null, suppressed: why } : empty();
        continue;
      }
      let w = 0;
      let sum = 0;
      for (const i of shown) {
        w += i.weight;
        sum += i.weight * i.cells[col].score!;
      }
      const ids = new Set(shown.map((i) => i.id));
      const n = responses.filter((r) => (col === 'all' || r.group === col) && Object.keys(r.answers).some((id) => ids.has(id) && typeof r.answers[id] === 'number')).length;
      cells[col] = { n, score: sum / w, suppressed: null };
    }
    return { id: section.id, cells };
  });

  const index = {} as Record<Column, Cell>;
  for (const col of COLUMNS) {
    const n = col === 'all' ? responses.length : (counts.get(col) ?? 0);
    const shown = sections.filter((s) => s.cells[col].score !== null);
    if (n === 0) index[col] = empty();
    else if (n < minN) index[col] = hidden('few', n);
    else if (shown.length === 0) index[col] = { n, score: null, suppressed: sections.some((s) => s.cells[col].suppressed === 'few') ? 'few' : 'complementary' };
    else index[col] = { n, score: shown.reduce((a, s) => a + s.cells[col].score!, 0) / shown.length, suppressed: null };
  }
  return { respondents, items, sections, index };
}

export interface ItemGap { id: string; section: string; a: number | null; b: number | null; gap: number | null }
export interface SectionGap { id: string; a: number | null; b: number | null; gap: number | null; items: number }
export interface Gaps { a: Column; b: Column; items: ItemGap[]; sections: SectionGap[]; index: number | null }

/**
 * The perception gap between two columns (`a − b`): per item where both cells are shown; per
 * section over the items both columns show (weighted like the section), so a gap never compares
 * two different sets of items; the index gap is the mean of the section gaps.
 */
export function perceptionGaps(scores: EditionScores, a: Column, b: Column): Gaps {
  const items: ItemGap[] = scores.items.map((i) => {
    const sa = i.cells[a].score;
    const sb = i.cells[b].score;
    return { id: i.id, section: i.section, a: sa, b: sb, gap: sa !== null && sb !== null ? sa - sb : null };
  });
  const sections: SectionGap[] = scores.sections.map((s) => {
    const common = scores.items.filter((i) => i.section === s.id && i.cells[a].score !== null && i.cells[b].score !== null);
    if (common.length === 0) return { id: s.id, a: null, b: null, gap: null, items: 0 };
    const w = common.reduce((acc, i) => acc + i.weight, 0);
    const ma = common.reduce((acc, i) => acc + i.weight * i.cells[a].score!, 0) / w;
    const mb = common.reduce((acc, i) => acc + i.weight * i.cells[b].score!, 0) / w;
    return { id: s.id, a: ma, b: mb, gap: ma - mb, items: common.length };
  });
  const withGap = sections.filter((s) => s.gap !== null);
  const index = withGap.length ? withGap.reduce((acc, s) => acc + s.gap!, 0) / withGap.length : null;
  return { a, b, items, sections, index };
}

export interface AgendaEntry { kind: 'item' | 'section'; id: string; section: string; gap: number; a: number; b: number }

/** The joint meeting's agenda: items and sections by the size of the gap, largest first. */
export function meetingAgenda(gaps: Gaps): AgendaEntry[] {
  const entries: AgendaEntry[] = [
    ...gaps.sections.filter((s) => s.gap !== null).map((s) => ({ kind: 'section' as const, id: s.id, section: s.id, gap: s.gap!, a: s.a!, b: s.b! })),
    ...gaps.items.filter((i) => i.gap !== null).map((i) => ({ kind: 'item' as const, id: i.id, section: i.section, gap: i.gap!, a: i.a!, b: i.b! })),
  ];
  return entries.sort((x, y) => Math.abs(y.gap) - Math.abs(x.gap) || (x.kind === y.kind ? 0 : x.kind === 'section' ? -1 : 1));
}

export interface TrendPoint { edition: string; score: number | null; suppressed: Suppression | null }
export interface Trend { column: Column; index: TrendPoint[]; sections: { id: string; points: TrendPoint[] }[] }

/**
 * Scores over editions for one column, oldest first. Sections are matched by id, so an instrument
 * version that renames a section text still lines up; a section missing from an edition is a gap.
 */
export function trendOf(editions: readonly { edition: string; scores: EditionScores }[], column: Column): Trend {
  const ids: string[] = [];
  for (const e of editions) for (const s of e.scores.sections) if (!ids.includes(s.id)) ids.push(s.id);
  const point = (edition: string, c: Cell | undefined): TrendPoint => ({ edition, score: c?.score ?? null, suppressed: c?.suppressed ?? null });
  return {
    column,
    index: editions.map((e) => point(e.edition, e.scores.index[column])),
    sections: ids.map((id) => ({ id, points: editions.map((e) => point(e.edition, e.scores.sections.find((s) => s.id === id)?.cells[column])) })),
  };
}

/** One decimal, as every figure is shown. */
export const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);
