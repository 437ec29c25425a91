import { describe, expect, it } from 'vitest';
import { splitDocument } from './consultations.document.js';

const ACT = `Na podstawie art. 5a ust. 1 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego
i o wolontariacie uchwala się, co następuje:

Rozdział 1
Postanowienia ogólne

§ 1. Program określa zasady współpracy Gminy Miejskiej Kraków z organizacjami pozarządowymi.

§ 2.
1. Ilekroć w programie jest mowa o:
1) ustawie – należy przez to rozumieć ustawę o działalności pożytku publicznego;
2) organizacjach – należy przez to rozumieć:
a) organizacje pozarządowe,
b) podmioty wymienione w art. 3 ust. 3 ustawy.
2. Program obowiązuje w roku 2027
i dotyczy wszystkich dzielnic.
`;

describe('splitDocument', () => {
  it('splits an act into §, ust., pkt and lit. units with readable labels', () => {
    const units = splitDocument(ACT);
    expect(units.map((u) => [u.label, u.depth])).toEqual([
      ['Wstęp', 0],
      ['Rozdział 1', 0],
      ['§ 1', 0],
      ['§ 2', 0],
      ['§ 2 ust. 1', 1],
      ['§ 2 ust. 1 pkt 1', 2],
      ['§ 2 ust. 1 pkt 2', 2],
      ['§ 2 ust. 1 pkt 2 lit. a', 3],
      ['§ 2 ust. 1 pkt 2 lit. b', 3],
      ['§ 2 ust. 2', 1],
    ]);
    expect(units[0]!.text).toMatch(/^Na podstawie art\. 5a ust\. 1 ustawy.*\nuchwala się|^Na podstawie/);
    expect(units[1]!.text).toBe('Postanowienia ogólne');
    expect(units[2]!.text).toBe('Program określa zasady współpracy Gminy Miejskiej Kraków z organizacjami pozarządowymi.');
    expect(units.at(-1)!.text).toBe('Program obowiązuje w roku 2027\ni dotyczy wszystkich dzielnic.');
  });

  it('reads Markdown headings, bold and bullets', () => {
    const units = splitDocument('## **§ 1.** Cel\n- 1) pierwszy punkt\n\n## § 2\nTreść drugiego paragrafu.');
    expect(units).toEqual([
      { label: '§ 1', depth: 0, text: 'Cel' },
      { label: '§ 1 pkt 1', depth: 2, text: 'pierwszy punkt' },
      { label: '§ 2', depth: 0, text: 'Treść drugiego paragrafu.' },
    ]);
  });

  it('does not mistake numbered text before any § for units, and limits the size', () => {
    expect(splitDocument('1. To nie jest ustęp.\n2) ani punkt')).toEqual([{ label: 'Wstęp', depth: 0, text: '1. To nie jest ustęp.\n2) ani punkt' }]);
    expect(splitDocument('')).toEqual([]);
    expect(() => splitDocument(Array.from({ length: 20 }, (_, i) => `§ ${i + 1}.`).join('\n'), 10)).toThrow(RangeError);
  });
});
