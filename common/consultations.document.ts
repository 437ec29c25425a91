/**
 * Splits a draft act, pasted as plain text or Markdown, into numbered units: § (paragraf),
 * ust. (ustęp, `1.`), pkt (punkt, `1)`) and lit. (litera, `a)`), plus chapters (`Rozdział 2`).
 * Lines that start no unit continue the previous one. Pure: used by the API on save and by the
 * staff panel's preview.
 */
export interface DocumentUnit {
  /** `§ 3 ust. 2 pkt 1 lit. a`, `Rozdział 2`, or `Wstęp` for text before the first unit. */
  label: string;
  text: string;
  /** 0: chapter or §, 1: ust., 2: pkt, 3: lit. */
  depth: number;
}

const CHAPTER = /^(rozdział|dział)\s+([0-9]+|[ivxlcdm]+)\b\.?\s*(.*)$/i;
const PARAGRAPH = /^§\s*(\d+[a-z]?)\.?\s*(.*)$/i;
const USTEP = /^(?:ust\.\s*)?(\d+[a-z]?)\.\s+(.*)$/i;
const PUNKT = /^(?:pkt\s*)?(\d+[a-z]?)\)\s*(.*)$/i;
const LITERA = /^(?:lit\.\s*)?([a-z])\)\s*(.*)$/i;

/** Markdown decoration that is not part of the wording: heading marks, emphasis, list bullets. */
function clean(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*[-*+]\s+(?=(§|\d+[.)]|[a-z]\)))/i, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .trim();
}

export function splitDocument(source: string, maxUnits = 1000): DocumentUnit[] {
  const units: DocumentUnit[] = [];
  let para: string | null = null;
  let ust: string | null = null;
  let pkt: string | null = null;
  let current: DocumentUnit | null = null;

  const start = (label: string, depth: number, text: string) => {
    current = { label, depth, text: text.trim() };
    units.push(current);
  };
  const base = () => [para && `§ ${para}`, ust && `ust. ${ust}`].filter(Boolean).join(' ');

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = clean(raw);
    if (!line) {
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = CHAPTER.exec(line))) {
      para = ust = pkt = null;
      start(`${m[1]![0]!.toUpperCase()}${m[1]!.slice(1).toLowerCase()} ${m[2]!.toUpperCase()}`, 0, m[3] ?? '');
    } else if ((m = PARAGRAPH.exec(line))) {
      para = m[1]!;
      ust = pkt = null;
      start(`§ ${para}`, 0, m[2] ?? '');
    } else if (para && (m = USTEP.exec(line))) {
      ust = m[1]!;
      pkt = null;
      start(`${base()}`, 1, m[2] ?? '');
    } else if (para && (m = PUNKT.exec(line))) {
      pkt = m[1]!;
      start(`${base()} pkt ${pkt}`, 2, m[2] ?? '');
    } else if (para && pkt && (m = LITERA.exec(line))) {
      start(`${base()} pkt ${pkt} lit. ${m[1]!.toLowerCase()}`, 3, m[2] ?? '');
    } else if (current) {
      (current as DocumentUnit).text = (current as DocumentUnit).text ? `${(current as DocumentUnit).text}\n${line}` : line;
    } else {
      start('Wstęp', 0, line);
    }
    if (units.length > maxUnits) throw new RangeError(`The document has more than ${maxUnits} units`);
  }
  return units;
}
