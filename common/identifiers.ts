/** Polish register numbers: format and checksum checks, shared by every module (tiny, no data). */
const digits = (s: string) => [...s].map(Number);
const weighted = (d: number[], w: number[]) => w.reduce((sum, wi, i) => sum + wi * d[i]!, 0);

/** KRS: 10 digits (the register number carries no checksum). */
export const isValidKrs = (v: string) => /^\d{10}$/.test(v);

/** REGON: 9 or 14 digits with a mod-11 checksum (10 counts as 0). */
export function isValidRegon(v: string): boolean {
  if (!/^(\d{9}|\d{14})$/.test(v)) return false;
  const d = digits(v);
  const check = (w: number[]) => (weighted(d, w) % 11) % 10 === d[w.length];
  if (!check([8, 9, 2, 3, 4, 5, 6, 7])) return false;
  return v.length === 9 || check([2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]);
}

/** NIP: 10 digits with a mod-11 checksum (a sum giving 10 is never valid). Dashes and spaces are ignored. */
export function isValidNip(v: string): boolean {
  const s = v.replace(/[-\s]/g, '');
  if (!/^\d{10}$/.test(s)) return false;
  const d = digits(s);
  const r = weighted(d, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
  return r !== 10 && r === d[9];
}

