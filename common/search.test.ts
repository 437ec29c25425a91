import { describe, expect, it } from 'vitest';
import { foldText, prefixEnd, queryPrefixes, snippet, stemPrefix } from './search.js';

describe('the folded-prefix search kit', () => {
  it('folds case and Polish letters', () => {
    expect(foldText('Związek Łódzki – ŻÓŁW!')).toBe('zwiazek lodzki zolw');
  });

  it('stems inflected Polish words to a prefix all their forms share', () => {
    const forms = ['dotacja', 'dotacje', 'dotacji', 'dotacją', 'dotacjami', 'dotacjach'].map((w) => foldText(w));
    const stems = forms.map(stemPrefix);
    for (const stem of stems) for (const form of forms) expect(form.startsWith(stem), `${form} starts with ${stem}`).toBe(true);
    expect(stemPrefix('granty')).toBe('grant');
    expect(stemPrefix('konkursie')).toBe('konkurs');
    // Short words, numbers and codes stay whole.
    expect(stemPrefix('art')).toBe('art');
    expect(stemPrefix('19a')).toBe('19a');
  });

  it('turns a query into at most six unique prefixes, stemmed only when asked', () => {
    expect(queryPrefixes('Małe granty, małe GRANTY')).toEqual(['male', 'granty']);
    expect(queryPrefixes('Małe granty', { stem: true })).toEqual(['mal', 'grant']);
    expect(queryPrefixes('a b c d e f g h')).toHaveLength(6);
  });

  it('gives the open end of a prefix range', () => {
    expect(prefixEnd('dota')).toBe('dotb');
    expect('dotacja' < prefixEnd('dota') && 'dotacja' >= 'dota').toBe(true);
    expect('dotb' < prefixEnd('dota')).toBe(false);
  });

  it('quotes the text around the first match, marking every matching word', () => {
    const text = `${'Wstęp bez znaczenia. '.repeat(12)}Małe granty to dotacje do 10 000 zł. Granty trwają krótko.`;
    const parts = snippet(text, ['grant'], 80);
    expect(parts[0]!.text.startsWith('…Wstęp')).toBe(true);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['granty', 'Granty']);
    const joined = parts.map((p) => p.text).join('');
    expect(joined.length).toBeLessThanOrEqual(84);
    expect(joined).toContain('Małe granty to dotacje');
    // No match: the start of the text, nothing marked.
    const none = snippet('Krótki tekst.', ['xyz']);
    expect(none).toEqual([{ text: 'Krótki tekst.', mark: false }]);
  });
});
