/**
 * Splits a draft act, pasted as plain text (from Word or a PDF) or as Markdown, into the units of
 * the standard layout of Polish legislation ("Zasady techniki prawodawczej"): attachments
 * (`Załącznik nr 1 do uchwały …`), divisions (`Dział`, `Rozdział`, `Oddział`, their title on the
 * same or the next line), articles (`Art. 5.`) or paragraphs (`§ 3.`), the paragraphs of a code's
 * article (`Art. 5. § 1.`), ustępy (`1.`), punkty (`1)`), litery (`a)`), tirety (`–`) and double
 * tirety (`– –`), plus a justification (`Uzasadnienie`).
 *
 * The grammar, line by line after cleaning (see `cleanLines`):
 * - A § or Art. line may carry its first ustęp (`§ 3. 1. Dotacje przyznaje się na:`) or its first §
 *   (`Art. 5. § 1. …`): the line gives two units, the § with no text of its own and its first ust.
 * - A unit ends where the next marker of its level or a higher one begins; lines that start no
 *   unit continue the current one (joined with a space; a blank line keeps a line break).
 * - Quoted text (`„§ 3. 1. …”`, the new wording in an amending act) is wording, never structure.
 * - A lone tiret after the last punkt or litera (`– z zastrzeżeniem ust. 2.`) is the enumeration's
 *   common part ("część wspólna") and belongs to the unit that introduced the enumeration.
 * - Before the first §, Art., division or attachment everything is the preamble (`Wstęp`).
 *
 * Where the text does not fit (numbering that skips or repeats, a unit out of the hierarchy,
 * unnumbered text, numbered lines in the preamble, an unclosed quote), the unit is still made as
 * well as possible and a `DocumentWarning` says so, so the staff preview can tell the official.
 * Pure and DOM-free: used by the API on save and for the staff panel's preview.
 */
export interface DocumentUnit {
  /** `§ 3 ust. 2 pkt 1 lit. a`, `Art. 5 ust. 2`, `Rozdział 2`, `Załącznik nr 1, § 4`, or `Wstęp` for text before the first unit. */
  label: string;
  text: string;
  /** 0: attachment, division, § or Art.; 1: ust. (or a code's § in an Art.); 2: pkt; 3: lit.; 4: tiret; 5: double tiret. */
  depth: number;
}

/**
 * What the preview tells the official; each code is a translation key of the staff panel.
 * - `numbering_skips`: a number was left out: `label` came where `expected` should have;
 * - `numbering_repeats`: a number came again or went back: `label` came where `expected` should have;
 * - `out_of_hierarchy`: a unit where the layout does not put it (a litera directly in a ustęp, a tiret outside a litera): `label`;
 * - `outside_unit`: a numbered line (`found`) before the first § or article, kept as text of `label`;
 * - `unnumbered_text`: a paragraph of text without a number, added to `label`;
 * - `empty_unit`: a unit with no wording and no units inside: `label`;
 * - `unclosed_quote`: a quotation opened at `line` never closes, so quotations were not treated as quoted wording;
 * - `no_structure`: no §, article, ustęp or punkt was found: remarks can only be made on the whole text;
 * - `page_lines_removed`: `count` lines that look like page numbers or running headers and footers were left out (the first at `line`).
 */
export const DOCUMENT_WARNING_CODES = [
  'numbering_skips', 'numbering_repeats', 'out_of_hierarchy', 'outside_unit', 'unnumbered_text', 'empty_unit', 'unclosed_quote', 'no_structure', 'page_lines_removed',
] as const;
export type DocumentWarningCode = (typeof DOCUMENT_WARNING_CODES)[number];

export interface DocumentWarning {
  code: DocumentWarningCode;
  /** 1-based line of the pasted text. */
  line: number;
  label?: string;
  expected?: string;
  found?: string;
  count?: number;
}

export interface SplitDocument {
  units: DocumentUnit[];
  warnings: DocumentWarning[];
}

// ---- Cleaning ----------------------------------------------------------------------------------

/** A line of the cleaned text. */
export interface SourceLine {
  text: string;
  /** 1-based line in the pasted text. */
  no: number;
  /** A paragraph break (a blank line) comes before it. */
  blankBefore: boolean;
  /** The previous line ended in a soft hyphen: the word goes on without a space. */
  joinTight: boolean;
}

const PAGE_NUMBER = [
  /^\d{1,3}$/, // 2
  /^[-–—]\s*\d{1,3}\s*[-–—]$/, // - 2 -
  /^\d{1,3}\s*\/\s*\d{1,3}$/, // 2/7
  /^(?:strona|str\.)\s*\d{1,3}(?:\s*(?:z|\/)\s*\d{1,3})?$/iu, // Strona 2 z 7
  /^id:\s*[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b.*\bstrona\s+\d{1,3}$/iu, // the footer of acts made in Legislator: "Id: …. Podpisany Strona 1"
];

/** Characters of Word and PDF text that are not part of the wording, or stand for a plain one. */
function normalizeChars(line: string): string {
  return line
    .replace(/[\ufeff\u200b-\u200d\u2060]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\u00ad/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Markdown decoration that is not part of the wording: heading marks, emphasis, bullets before a number, escapes. */
function stripMarkdown(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/^[-*+]\s+(?=(§|\d+[a-z]?[.)]|[a-z]{1,2}\)))/i, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/\\([\\.)(#*_[\]+-])/g, '$1')
    .trim();
}

/**
 * The pasted text as lines to parse: characters normalized, Markdown decoration removed, page
 * numbers and running headers and footers of a PDF left out (a line repeated next to page breaks),
 * blank lines kept as paragraph breaks (except around page breaks, and when every line is
 * followed by one, as some PDF viewers copy).
 */
export function cleanLines(source: string): { lines: SourceLine[]; removed: number[] } {
  interface Raw { text: string; no: number; soft: boolean; page: boolean }
  const raw: Raw[] = [];
  source.replace(/\r\n?/g, '\n').split('\n').forEach((line, i) => {
    line.split('\f').forEach((piece, j) => {
      if (j > 0) raw.push({ text: '', no: i + 1, soft: false, page: true });
      raw.push({ text: stripMarkdown(normalizeChars(piece)), no: i + 1, soft: /\u00ad\s*$/.test(piece), page: false });
    });
  });
  for (const r of raw) if (!r.page && PAGE_NUMBER.some((re) => re.test(r.text))) r.page = true;

  // Running headers and footers: the same line twice or more, at least twice next to a page break.
  const near = (i: number) => {
    for (let d = -3; d <= 3; d++) if (d && raw[i + d]?.page) return true;
    return false;
  };
  const seen = new Map<string, number[]>();
  raw.forEach((r, i) => {
    if (r.page || !r.text || r.text.length > 160 || markerOf(r.text)) return;
    const at = seen.get(r.text);
    if (at) at.push(i);
    else seen.set(r.text, [i]);
  });
  for (const idx of seen.values()) {
    if (idx.length >= 2 && idx.filter(near).length >= 2) for (const i of idx) raw[i]!.page = true;
  }

  const removed = raw.filter((r) => r.page && r.text).map((r) => r.no);
  const nonBlank = raw.filter((r) => r.text && !r.page).length;
  const doubled = nonBlank >= 8 && raw.filter((r, i) => r.text && !r.page && raw[i + 1] && !raw[i + 1]!.text && !raw[i + 1]!.page).length >= 0.8 * nonBlank;

  const lines: SourceLine[] = [];
  let blanks = 0;
  let afterPage = false;
  let soft = false;
  for (const r of raw) {
    if (r.page) {
      // Blank lines around a page break do not break the paragraph: the sentence goes on.
      afterPage = true;
      blanks = 0;
      continue;
    }
    if (!r.text) {
      blanks++;
      continue;
    }
    lines.push({ text: r.text, no: r.no, blankBefore: lines.length > 0 && !afterPage && blanks >= (doubled ? 2 : 1), joinTight: soft });
    soft = r.soft;
    blanks = 0;
    afterPage = false;
  }
  return { lines, removed };
}

// ---- Markers -----------------------------------------------------------------------------------

export type MarkerKind = 'attachment' | 'dział' | 'rozdział' | 'oddział' | 'justification' | 'article' | 'paragraph' | 'ustep' | 'punkt' | 'litera' | 'tiret' | 'tiret2';

export interface Marker {
  kind: MarkerKind;
  /** `3`, `3a`, `II`, `b`; empty for tirets, justification and an unnumbered attachment. */
  num: string;
  /** The rest of the line. */
  rest: string;
}

// Headings start with a capital, so a wrapped line ("…stanowiącego\nzałącznik do uchwały") is not one.
const ATTACHMENT = /^(?:Załącznik|ZAŁĄCZNIK)(?:\s+(?:nr|Nr|NR)\s*(\d+[a-z]?))?(?:\s*[.:]?\s*$|\s+((?:do|DO)\s.*)$|\s+[–—-]\s+(.*)$)/u;
const DIVISION = /^(Dział|DZIAŁ|Rozdział|ROZDZIAŁ|Oddział|ODDZIAŁ)\s+(\d+[a-z]?|[IVXLCDM]+)(?:[.:]?\s*$|[.:]?\s+(?:[–—-]\s+)?(.*)$)/u;
const JUSTIFICATION = /^(?:Uzasadnienie|UZASADNIENIE)(?:\s+((?:do|DO)\s.*))?\s*:?$/u;
// A citation at the start of a line ("art. 5 ust. 1 ustawy", "§ 3 pkt 2") is not a unit: a unit's
// number is followed by a dot, the end of the line or (Markdown headings) a capitalised title.
const ARTICLE = /^(?:Art\.|ART\.|Artykuł|ARTYKUŁ)\s*(\d+[a-z]{0,3})(?:\.\s*(.*)|\s*$)/u;
const PARAGRAPH = /^§\s*(\d+[a-z]{0,3})(?:\.\s*(.*)|\s*$|\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ„(])(.*))/u;
const USTEP = /^(?:ust\.\s*)?(\d{1,3}[a-z]{0,2})\.(?:\s+(.*)|$)/u;
const PUNKT = /^(?:pkt\s*)?(\d{1,3}[a-z]{0,2})\)(?:\s*(.*))$/u;
const LITERA = /^(?:lit\.\s*)?([a-z]{1,2})\)(?:\s*(.*))$/u;
const TIRET2 = /^[–—-]\s*[–—-]\s+(.*)$/u;
const TIRET = /^(?:[–—−-]|[•▪◦·*+])\s+(.*)$/u;

/** The unit a line starts, if any, with what follows the marker. */
export function markerOf(line: string): Marker | null {
  let m: RegExpExecArray | null;
  const mk = (kind: MarkerKind, num: string | undefined, rest: string | undefined): Marker => ({ kind, num: num ?? '', rest: (rest ?? '').trim() });
  if ((m = ATTACHMENT.exec(line))) return mk('attachment', m[1], m[2] ?? m[3]);
  if ((m = DIVISION.exec(line))) return mk(m[1]!.toLowerCase() as MarkerKind, m[2], m[3]);
  if ((m = JUSTIFICATION.exec(line))) return mk('justification', '', m[1]);
  if ((m = ARTICLE.exec(line))) return mk('article', m[1], m[2]);
  if ((m = PARAGRAPH.exec(line))) return mk('paragraph', m[1], m[2] ?? m[3]);
  if ((m = USTEP.exec(line))) return mk('ustep', m[1], m[2]);
  if ((m = PUNKT.exec(line))) return mk('punkt', m[1], m[2]);
  if ((m = LITERA.exec(line))) return mk('litera', m[1], m[2]);
  if ((m = TIRET2.exec(line))) return mk('tiret2', '', m[1]);
  if ((m = TIRET.exec(line))) return mk('tiret', '', m[1]);
  return null;
}

// ---- Numbering ---------------------------------------------------------------------------------

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const fromRoman = (s: string) => [...s].reduce((sum, ch, i, all) => (ROMAN[ch]! < (ROMAN[all[i + 1]!] ?? 0) ? sum - ROMAN[ch]! : sum + ROMAN[ch]!), 0);
function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']] as const) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** A unit number as `[value, suffix]`: `3a` → `[3, 'a']`, `IV` → `[4, '']`, litera `c` → `[3, '']`. */
function parseNum(num: string, letters: boolean): [number, string] {
  if (letters) return num.length === 1 ? [num.charCodeAt(0) - 96, ''] : [NaN, num];
  if (/^[IVXLCDM]+$/.test(num)) return [fromRoman(num), ''];
  const m = /^(\d+)([a-z]*)$/.exec(num)!;
  return [Number(m[1]), m[2]!];
}

const nextSuffix = (s: string) => (s === '' ? 'a' : s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) + 1));

/**
 * Compares a number with the previous one at the same level: 'ok', 'skips' or 'repeats', and the
 * number expected. Inserted units (`3a` after `3`) are in order; litery may leave out q, v and x.
 */
function checkNumber(prev: string | null, found: string, letters: boolean, roman: boolean): { verdict: 'ok' | 'skips' | 'repeats'; expected: string } {
  const [n, s] = prev === null ? [0, ''] : parseNum(prev, letters);
  const [m, t] = parseNum(found, letters);
  const show = (v: number) => (letters ? String.fromCharCode(96 + v) : roman ? toRoman(v) : String(v));
  if (Number.isNaN(m) || Number.isNaN(n)) return { verdict: 'ok', expected: found };
  const expected = show(n + 1);
  if (m === n + 1 && t === '') return { verdict: 'ok', expected };
  if (letters && m === n + 2 && 'qvx'.includes(String.fromCharCode(96 + n + 1))) return { verdict: 'ok', expected };
  if (m === n && prev !== null && t > s) return t === nextSuffix(s) ? { verdict: 'ok', expected: found } : { verdict: 'skips', expected: `${show(n)}${nextSuffix(s)}` };
  if (m < n || (m === n && t <= s)) return { verdict: 'repeats', expected };
  return { verdict: 'skips', expected };
}

// ---- Parsing -----------------------------------------------------------------------------------

/** Levels from the outermost. A marker closes every open unit of its level or deeper. */
const RANK = { root: -1, attachment: 0, justification: 0, dział: 1, rozdział: 2, oddział: 3, article: 4, paragraph: 4, subParagraph: 5, ustep: 6, punkt: 7, litera: 8, tiret: 9, tiret2: 10 } as const;
const DEPTH: Record<number, number> = { 5: 1, 6: 1, 7: 2, 8: 3, 9: 4, 10: 5 };
const ORDINALS = ['pierwsze', 'drugie', 'trzecie', 'czwarte', 'piąte', 'szóste', 'siódme', 'ósme', 'dziewiąte', 'dziesiąte', 'jedenaste', 'dwunaste', 'trzynaste', 'czternaste', 'piętnaste', 'szesnaste', 'siedemnaste', 'osiemnaste', 'dziewiętnaste', 'dwudzieste'];
const ordinal = (n: number) => ORDINALS[n - 1] ?? String(n);

type UnitKind = MarkerKind | 'preamble';

interface Unit {
  label: string;
  depth: number;
  /** The wording in pieces (see `appendText`). */
  parts: string[];
  line: number;
  kind: UnitKind;
  children: number;
}

/** An open unit (or the document itself): what later units nest in. */
interface Open {
  rank: number;
  kind: MarkerKind | 'root';
  unit: Unit | null;
  /** The label that units inside this one start from. */
  label: string;
  /** The last number of each kind of unit numbered inside this one. */
  last: Map<string, string>;
  tirets: number;
}

/** Units whose wording comes with their number: a blank-line paragraph added to one is suspicious. */
const NUMBERED: ReadonlySet<UnitKind> = new Set<UnitKind>(['article', 'paragraph', 'ustep', 'punkt', 'litera', 'tiret', 'tiret2']);

/** `Załącznik nr 1, § 2`, but `§ 2 ust. 1`. */
const joinLabel = (prefix: string, part: string) => (!prefix ? part : /^Załącznik(?: nr \S+)?$/.test(prefix) ? `${prefix}, ${part}` : `${prefix} ${part}`);

/**
 * Adds a line to a unit's wording: lines of a sentence join with a space, a word hyphenated at the
 * line end joins up, a blank line stays a line break. The wording is kept in pieces until the end,
 * so long texts do not cost quadratic time.
 */
function appendText(unit: Unit, line: Pick<SourceLine, 'blankBefore' | 'joinTight'>, text: string): void {
  if (!text) return;
  const parts = unit.parts;
  const last = parts[parts.length - 1];
  const hyphenated = last !== undefined && /\p{L}-$/u.test(last);
  if (last === undefined) parts.push(text);
  else if (line.blankBefore) parts.push(`\n${text}`);
  else if (line.joinTight) parts.push(text);
  else if (hyphenated && /^-\p{L}/u.test(text)) parts.push(text.slice(1)); // "społeczno-" "-gospodarczy": the Polish way to break a compound
  else if (hyphenated && /^\p{Ll}/u.test(text)) parts[parts.length - 1] = last.slice(0, -1) + text; // "organiza-" "cji"
  else if (hyphenated && /^\p{Lu}/u.test(text)) parts.push(text); // "Bieżanów-" "Prokocim": a word never goes on in capitals
  else parts.push(` ${text}`);
}

class Parser {
  readonly units: Unit[] = [];
  readonly warnings: DocumentWarning[] = [];
  private readonly root: Open = { rank: RANK.root, kind: 'root', unit: null, label: '', last: new Map(), tirets: 0 };
  private readonly stack: Open[] = [this.root];
  private current: Unit | null = null;
  private inJustification = false;
  private quoteDepth = 0;
  /** Where the open quotation began. */
  quoteLine: number | null = null;
  /** Numbering that may start again at 1 (rozdziały after a new dział). */
  private restartable = new Set<string>();

  constructor(
    private readonly lines: SourceLine[],
    private readonly maxUnits: number,
    private readonly quotes: boolean,
  ) {}

  get openQuote(): number | null {
    return this.quotes && this.quoteDepth > 0 ? this.quoteLine : null;
  }

  private top = () => this.stack[this.stack.length - 1]!;
  private find = (pred: (o: Open) => boolean) => [...this.stack].reverse().find(pred);
  private closeTo = (rank: number) => {
    while (this.top().rank >= rank) this.stack.pop();
  };
  /** The attachment the line is in, or the document. */
  private attachment = () => this.find((o) => o.rank <= 0)!;
  /** The §, article or code's § the line is in. */
  private base = () => this.find((o) => o.rank === RANK.article || o.rank === RANK.subParagraph);
  /** The nearest division or attachment. */
  private division = () => this.find((o) => o.rank >= 0 && o.rank <= RANK.oddział);

  private warn(w: DocumentWarning): void {
    if (this.warnings.length < 200) this.warnings.push(w);
  }

  run(): void {
    for (let i = 0; i < this.lines.length; i++) this.line(i);
    for (const u of this.units) if (!u.parts.length && !u.children && NUMBERED.has(u.kind)) this.warn({ code: 'empty_unit', line: u.line, label: u.label });
    if (this.units.length && !this.units.some((u) => NUMBERED.has(u.kind))) this.warn({ code: 'no_structure', line: 1 });
    this.warnings.sort((a, b) => a.line - b.line);
  }

  private start(kind: UnitKind, rank: number, label: string, line: SourceLine, parent: Open | null): Unit {
    const unit: Unit = { label, parts: [], depth: DEPTH[rank] ?? 0, line: line.no, kind, children: 0 };
    this.units.push(unit);
    if (this.units.length > this.maxUnits) throw new RangeError(`The document has more than ${this.maxUnits} units`);
    if (parent?.unit) parent.unit.children++;
    this.current = unit;
    return unit;
  }

  /**
   * Text that starts no unit: it continues the current one, or starts the preamble. A line that
   * looked like a unit but is not one keeps its own line.
   */
  private continueWith(line: SourceLine, numbered: boolean): void {
    if (!this.current) this.start('preamble', 0, 'Wstęp', line, null);
    else if (line.blankBefore && this.current.parts.length && NUMBERED.has(this.current.kind)) this.warn({ code: 'unnumbered_text', line: line.no, label: this.current.label });
    appendText(this.current!, numbered ? { blankBefore: true, joinTight: false } : line, line.text);
  }

  /**
   * Opens a unit at `rank` inside `parent`, numbered `num` within `scope` (whose numbering it
   * continues), labelled `labelBase` + `part` + `num`. Numbering out of order is a warning.
   */
  private open(kind: MarkerKind, rank: number, num: string, part: string, labelBase: string, scope: Open, line: SourceLine, letters = false): Open {
    this.closeTo(rank);
    const parent = this.top();
    const key = kind === 'article' || kind === 'paragraph' ? 'base' : kind;
    if (num) {
      const prev = scope.last.get(key) ?? null;
      const check = checkNumber(prev, num, letters, /^[IVXLCDM]+$/.test(num));
      const restarted = parseNum(num, letters)[0] === 1 && this.restartable.has(key);
      // The act's first § or article may have any number: a consultation may cover an excerpt.
      const excerpt = prev === null && key === 'base' && scope === this.root;
      if (check.verdict !== 'ok' && !restarted && !excerpt) {
        this.warn({ code: check.verdict === 'skips' ? 'numbering_skips' : 'numbering_repeats', line: line.no, label: joinLabel(labelBase, part + num), expected: joinLabel(labelBase, part + check.expected) });
      }
      scope.last.set(key, num);
      this.restartable.delete(key);
    }
    const label = joinLabel(labelBase, part + num);
    const o: Open = { rank, kind, unit: this.start(kind, rank, label, line, parent), label, last: new Map(), tirets: 0 };
    this.stack.push(o);
    return o;
  }

  private line(i: number): void {
    const line = this.lines[i]!;
    const inQuote = this.quotes && this.quoteDepth > 0;
    if (this.quotes) {
      const opened = line.text.match(/[„«]/g)?.length ?? 0;
      const closed = line.text.match(/[”“»]/g)?.length ?? 0;
      if (this.quoteDepth === 0 && opened > closed) this.quoteLine = line.no;
      this.quoteDepth = Math.max(0, this.quoteDepth + opened - closed);
    }
    const looks = markerOf(line.text);
    const marker = inQuote || (this.inJustification && looks?.kind !== 'attachment') ? null : looks;
    if (!marker || !this.take(marker, line, i)) this.continueWith(line, !!looks);
  }

  /** Starts the unit `marker` begins; false when it turns out to be running text. */
  private take(marker: Marker, line: SourceLine, i: number): boolean {
    const { kind, num } = marker;
    let rest = marker.rest;
    switch (kind) {
      case 'attachment':
        this.inJustification = false;
        this.stack.length = 1;
        this.restartable.clear();
        this.open(kind, RANK.attachment, num, num ? 'Załącznik nr ' : 'Załącznik', '', this.root, line);
        break;
      case 'justification':
        this.stack.length = 1;
        this.open(kind, RANK.justification, '', 'Uzasadnienie', '', this.root, line);
        this.inJustification = true;
        break;
      case 'dział':
      case 'rozdział':
      case 'oddział': {
        const outer = kind === 'dział' ? this.attachment() : this.find((o) => o.rank <= 0 || o.kind === (kind === 'rozdział' ? 'dział' : 'rozdział'))!;
        // Rozdziały are numbered through the whole act (or attachment), and may start again in each dział.
        const scope = kind === 'rozdział' ? this.attachment() : outer;
        this.open(kind, RANK[kind], num, `${kind[0]!.toUpperCase()}${kind.slice(1)} `, outer.kind === 'root' ? '' : outer.label, scope, line);
        if (kind === 'dział') this.restartable.add('rozdział');
        break;
      }
      case 'article':
      case 'paragraph': {
        const article = kind === 'paragraph' ? this.find((o) => o.kind === 'article') : undefined;
        if (article) {
          this.open(kind, RANK.subParagraph, num, '§ ', article.label, article, line);
        } else {
          const scope = this.attachment();
          this.open(kind, RANK.article, num, kind === 'article' ? 'Art. ' : '§ ', scope.label, scope, line);
        }
        // The first ustęp, or a code's first §, written on the unit's own line.
        const first = markerOf(rest);
        if (first && (first.kind === 'ustep' || (first.kind === 'paragraph' && this.top().kind === 'article'))) {
          this.lines.splice(i + 1, 0, { ...line, text: rest, blankBefore: false, joinTight: false });
          rest = '';
        }
        break;
      }
      case 'ustep':
      case 'punkt': {
        const base = this.base();
        const division = this.division();
        if (!base && !division) {
          this.warn({ code: 'outside_unit', line: line.no, label: this.current?.label ?? 'Wstęp', found: line.text.slice(0, line.text.length - rest.length).trim() });
          return false;
        }
        this.closeTo(RANK[kind]);
        // A punkt belongs to the ustęp it follows, if any; a ustęp to its § or article.
        const parent = kind === 'punkt' ? this.top() : (base ?? division)!;
        this.open(kind, RANK[kind], num, kind === 'ustep' ? 'ust. ' : 'pkt ', parent.label, parent, line);
        break;
      }
      case 'litera': {
        this.closeTo(RANK.litera);
        const parent = this.top();
        if (parent.kind === 'root') {
          this.warn({ code: 'outside_unit', line: line.no, label: this.current?.label ?? 'Wstęp', found: `${num})` });
          return false;
        }
        // Only a plausible next letter starts a litera: "i)" or "w)" at the start of a line of text does not.
        const prev = parent.last.get('litera') ?? null;
        const step = parseNum(num, true)[0] - (prev === null ? 0 : parseNum(prev, true)[0]);
        if (!(step >= 1 && step <= 3) && !(num.length === 2 && prev !== null)) return false;
        if (parent.kind !== 'punkt' && prev === null) this.warn({ code: 'out_of_hierarchy', line: line.no, label: joinLabel(parent.label, `lit. ${num}`) });
        this.open(kind, RANK.litera, num, 'lit. ', parent.label, parent, line, true);
        break;
      }
      case 'tiret':
      case 'tiret2': {
        this.closeTo(RANK[kind]);
        const parent = this.top();
        if (parent.kind === 'root' || (kind === 'tiret2' && parent.kind !== 'tiret')) return false;
        if (kind === 'tiret' && parent.tirets === 0 && (parent.kind === 'punkt' || parent.kind === 'litera') && endsEnumeration(this.lines, i, parent.kind)) {
          // The enumeration's common part belongs to the unit that introduced the enumeration.
          this.stack.pop();
          const owner = this.top();
          if (owner.unit) {
            appendText(owner.unit, { blankBefore: true, joinTight: false }, line.text);
            this.current = owner.unit;
            return true;
          }
        }
        parent.tirets++;
        if (parent.tirets === 1 && kind === 'tiret' && parent.kind !== 'litera') this.warn({ code: 'out_of_hierarchy', line: line.no, label: joinLabel(parent.label, 'tiret pierwsze') });
        this.open(kind, RANK[kind], '', `${kind === 'tiret2' ? 'podwójne tiret' : 'tiret'} ${ordinal(parent.tirets)}`, parent.label, parent, line);
        break;
      }
    }
    appendText(this.current!, { blankBefore: false, joinTight: false }, rest);
    return true;
  }
}

/** Whether a tiret at `i` is the last item of a `kind` enumeration: the next unit is of a higher level, or none follows. */
function endsEnumeration(lines: SourceLine[], i: number, kind: 'punkt' | 'litera'): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    const m = markerOf(lines[j]!.text);
    if (!m) continue;
    if (m.kind === 'tiret' || m.kind === 'tiret2' || m.kind === 'litera' || (kind === 'punkt' && m.kind === 'punkt')) return false;
    return true;
  }
  return true;
}

/** Splits a pasted act into units, with warnings where its layout is unclear. Throws RangeError past `maxUnits`. */
export function parseDocument(source: string, maxUnits = 1000): SplitDocument {
  const { lines, removed } = cleanLines(source);
  let parser = new Parser([...lines], maxUnits, true);
  parser.run();
  const unclosed = parser.openQuote;
  if (unclosed !== null) {
    // A quotation that never closes would swallow the rest of the act: read it again without quotations.
    parser = new Parser([...lines], maxUnits, false);
    parser.run();
  }
  const warnings: DocumentWarning[] = [];
  if (removed.length) warnings.push({ code: 'page_lines_removed', line: removed[0]!, count: removed.length });
  if (unclosed !== null) warnings.push({ code: 'unclosed_quote', line: unclosed });
  warnings.push(...parser.warnings);
  return { units: parser.units.map(({ label, parts, depth }) => ({ label, text: parts.join(''), depth })), warnings: warnings.sort((a, b) => a.line - b.line) };
}

/** The units of a pasted act (see `parseDocument`). */
export function splitDocument(source: string, maxUnits = 1000): DocumentUnit[] {
  return parseDocument(source, maxUnits).units;
}
