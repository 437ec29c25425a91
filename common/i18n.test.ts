import { describe, expect, it } from 'vitest';
import { dictionaryTranslator, formatDate, formatNumber, inLang, interpolate, labelIn, labelTranslator, LOCALES, normaliseLang } from './i18n.js';

// The translator core runs on the server too (reports, exports): no DOM, Europe/Warsaw whatever TZ is.
const pl = { 'x.hello': 'Dzień dobry, {name}', 'x.items': { one: '{count} pozycja', few: '{count} pozycje', many: '{count} pozycji', other: '{count} pozycji' }, 'error.unknown': 'Błąd', 'error.retry_in': 'Spróbuj za {count} min.' };
const en = { 'x.hello': 'Hello, {name}', 'x.items': { one: '{count} item', other: '{count} items' }, 'error.unknown': 'Error', 'error.retry_in': 'Try again in {count} min.' };
const tr = dictionaryTranslator({ pl, en, uk: { ...pl, 'x.hello': 'Добрий день, {name}' } });

describe('translator core (common/i18n.ts)', () => {
  it('fills placeholders, picks plural forms per language and falls back to the key', () => {
    expect(tr('uk', 'x.hello', { name: 'Olena' })).toBe('Добрий день, Olena');
    expect(tr('pl', 'x.items', { count: 3 })).toBe('3 pozycje');
    expect(tr('pl', 'x.items', { count: 5 })).toBe('5 pozycji');
    expect(tr('en', 'x.items', { count: 1 })).toBe('1 item');
    expect(tr('en', 'x.missing' as never)).toBe('x.missing');
    expect(tr.error('en', { code: 'rate_limited', retryAfter: 90 })).toBe('Error Try again in 2 min.');
  });

  it('formats dates in Europe/Warsaw and numbers the language’s way', () => {
    expect(formatDate('pl', '2026-03-29T00:30:00Z', { dateStyle: 'short', timeStyle: 'short' })).toBe('29.03.2026, 01:30');
    expect(formatDate('en', '2026-07-01T22:30:00Z', { dateStyle: 'long' })).toBe('2 July 2026');
    expect(formatNumber('pl', 1234.5, { minimumFractionDigits: 1 })).toBe('1234,5');
    expect(LOCALES.uk).toBe('uk-UA');
    expect([normaliseLang('uk-UA'), normaliseLang('ua'), normaliseLang('de')]).toEqual(['uk', 'uk', 'pl']);
  });

  it('ends a sentence with one full stop when the value ends in one (a Ukrainian date)', () => {
    const to = formatDate('uk', '2025-12-31T12:00:00Z', { dateStyle: 'long' });
    expect(to).toBe('31 грудня 2025 р.');
    expect(interpolate('uk', 'З {from} до {to}.', { from: '1 січня 2025 р.', to })).toBe('З 1 січня 2025 р. до 31 грудня 2025 р.');
    expect(interpolate('pl', 'Do {to}.', { to: formatDate('pl', '2025-12-31T12:00:00Z', { dateStyle: 'long' }) })).toBe('Do 31 grudnia 2025.');
    expect(interpolate('en', '{count}. {name}', { count: 3, name: 'x' })).toBe('3. x');
  });

  it('puts a label table (a value to { pl, en, uk }) on the same core: one line a value, Polish fallback, unknown values as they are', () => {
    const tKind = labelTranslator({ ngo: { pl: 'Organizacja', en: 'NGO', uk: '' }, club: { pl: 'Klub {name}', en: 'Club {name}', uk: 'Клуб {name}' } });
    expect([tKind('pl', 'ngo'), tKind('en', 'ngo'), tKind('uk', 'ngo')]).toEqual(['Organizacja', 'NGO', 'Organizacja']);
    expect(tKind('uk', 'club', { name: 'A' })).toBe('Клуб A');
    expect(tKind('en', 'retired_kind')).toBe('retired_kind');
    // Only the table's own keys: a value read from the database is never a prototype's property.
    expect([tKind('pl', 'constructor'), tKind('pl', 'toString')]).toEqual(['constructor', 'toString']);
    expect([tr('pl', 'constructor' as never), tr.has('pl', 'hasOwnProperty')]).toEqual(['constructor', false]);
    const t = inLang(tr, 'en');
    expect(t('x.hello', { name: 'Ann' })).toBe('Hello, Ann');
    expect([labelIn({ pl: 'Tak', en: '', uk: null }, 'en'), labelIn({ pl: 'Tak', en: 'Yes' }, 'en'), labelIn(undefined, 'uk')]).toEqual(['Tak', 'Yes', '']);
  });
});
