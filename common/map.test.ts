import { describe, expect, it } from 'vitest';
import { foldText, isValidKrs, isValidNip, isValidRegon, searchTokens } from './map.js';

describe('identifier checks', () => {
  it('accepts valid and rejects corrupted REGON numbers', () => {
    expect(isValidRegon('123456785')).toBe(true);
    expect(isValidRegon('123456786')).toBe(false);
    expect(isValidRegon('12345678512347')).toBe(true);
    expect(isValidRegon('12345678512348')).toBe(false);
    expect(isValidRegon('12345678')).toBe(false);
  });
  it('accepts valid and rejects corrupted NIP numbers', () => {
    expect(isValidNip('5260250995')).toBe(true);
    expect(isValidNip('526-025-09-95')).toBe(true);
    expect(isValidNip('5260250996')).toBe(false);
    expect(isValidNip('123')).toBe(false);
  });
  it('checks the KRS format', () => {
    expect(isValidKrs('0000123456')).toBe(true);
    expect(isValidKrs('123456')).toBe(false);
  });
});

describe('search folding', () => {
  it('folds Polish diacritics, including ł', () => {
    expect(foldText('Związek Łączności, Żółć!')).toBe('zwiazek lacznosci zolc');
    expect(searchTokens('Klub Klub sportowy „Wisła”')).toEqual(['klub', 'sportowy', 'wisla']);
  });
  it('keeps Cyrillic letters', () => {
    expect(foldText('Фонд Допомоги')).toBe('фонд допомоги');
  });
});
