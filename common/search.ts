/**
 * The folded-prefix search kit, shared by the map, the events and the guide (no DOM, no node:).
 * Texts are stored as folded words (`searchTokens`) in a token table; a query word matches every
 * token it is a prefix of, which `token >= w AND token < prefixEnd(w)` finds as an index range on
 * both dialects (`api/core/search.ts`).
 */

/** Lower-case, strip Polish (and other Latin) diacritics, keep letters and digits: `Związek` → `zwiazek`. */
export function foldText(s: string): string {
  return s
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Search tokens of a text: folded words, de-duplicated. */
export const searchTokens = (s: string): string[] => [...new Set(foldText(s).split(' ').filter(Boolean))];

/** The first string after every string that starts with `prefix`: the open end of its index range. */
export const prefixEnd = (prefix: string): string => prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);

// Polish inflectional endings, folded, longest first. Cutting one off a query word makes its stem a
// prefix of the other forms: dotacja, dotacje, dotacji, dotacjami → dotac(j).
const ENDINGS = ['ami', 'ach', 'ego', 'emu', 'ych', 'ymi', 'imi', 'iem', 'om', 'ow', 'ie', 'ia', 'ii', 'ji', 'ja', 'je', 'ej', 'ym', 'im', 'em', 'a', 'e', 'i', 'o', 'u', 'y'];

/**
 * The prefix a folded query word searches with when inflection should not matter: the word less
 * its longest Polish ending, keeping at least three letters (`dotacji` → `dotac`, `granty` → `grant`,
 * `male` → `mal`). Digits and short words stay as they are.
 */
export function stemPrefix(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  for (const e of ENDINGS) if (word.endsWith(e) && word.length - e.length >= 3) return word.slice(0, -e.length);
  return word;
}

/**
 * The prefixes of a query: its folded words, stemmed when `stem` (for prose; names and codes go unstemmed), at most `max`,
 * leaving out words shorter than `minLength` (2 leaves out `w`, `z`, `a`: each is a prefix of a large share of all tokens and narrows nothing).
 */
export function queryPrefixes(q: string, { stem = false, max = 6, minLength = 1 } = {}): string[] {
  return [...new Set(searchTokens(q).map((w) => (stem ? stemPrefix(w) : w)))].filter((w) => w.length >= minLength).slice(0, max);
}

/** A piece of a snippet: `mark` when it is a word the query matched. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * A snippet of `text` around the first word that one of `prefixes` matches (folded), about
 * `width` characters, cut at word boundaries with `…`, and with every matching word marked.
 * Without a match, the start of the text. Pure text in, parts out: the caller escapes when it renders.
 */
export function snippet(text: string, prefixes: readonly string[], width = 160): SnippetPart[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  const words = [...clean.matchAll(/[\p{L}\p{N}]+/gu)];
  const matches = (w: string) => {
    const f = foldText(w);
    return prefixes.some((p) => f.startsWith(p));
  };
  const first = words.find((m) => matches(m[0]));
  let from = 0;
  if (first && first.index! > width / 3) {
    const wanted = first.index! - Math.floor(width / 3);
    from = words.find((m) => m.index! >= wanted)?.index ?? first.index!;
  }
  let to = Math.min(clean.length, from + width);
  if (to < clean.length) {
    const cut = clean.lastIndexOf(' ', to);
    if (cut > from) to = cut;
  }
  const parts: SnippetPart[] = [];
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const last = parts.at(-1);
    if (last && last.mark === mark && !mark) last.text += t;
    else parts.push({ text: t, mark });
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const m of words) {
    const start = m.index!;
    const end = start + m[0].length;
    if (end <= from) continue;
    if (start >= to) break;
    if (matches(m[0])) {
      push(clean.slice(at, start), false);
      push(m[0], true);
      at = end;
    }
  }
  push(clean.slice(at, to), false);
  if (to < clean.length) push('…', false);
  return parts;
}
