import { expect } from '@open-wc/testing';
import { ERROR_CODES } from '../../../common/errors.js';
import { en } from './en.js';
import { createTranslator, formatDate, formatDateTime, loadLang, normaliseLang, plural, t, type Messages, type PluralForms } from './index.js';
import { pl } from './pl.js';
import { uk } from './uk.js';

const nonEmpty = (m: unknown) => (typeof m === 'string' ? m.trim().length > 0 : Object.values(m as object).every((v) => String(v).trim().length > 0));

describe('i18n', () => {
  before(async () => {
    await loadLang('pl');
    await loadLang('en');
    await loadLang('uk');
  });

  it('has every core key, non-empty, in en and uk', () => {
    const keys = Object.keys(pl).sort();
    expect(Object.keys(en).sort()).to.deep.equal(keys);
    expect(Object.keys(uk).sort()).to.deep.equal(keys);
    for (const d of [pl, en, uk]) for (const k of keys) expect(nonEmpty((d as Record<string, unknown>)[k]), k).to.equal(true);
  });

  it('translates every API error code and network_error in every language', () => {
    for (const code of [...ERROR_CODES, 'network_error']) {
      for (const lang of ['pl', 'en', 'uk'] as const) {
        expect(t.has(lang, `error.${code}`), `${lang} error.${code}`).to.equal(true);
        expect(t.error(lang, { code })).not.to.equal(t(lang, 'error.unknown'));
      }
    }
    expect(t('pl', 'error.not_found')).to.equal('Nie znaleziono.');
    expect(t('uk', 'error.not_found')).to.equal('Не знайдено.');
    expect(t.error('en', { code: 'some_module_code' })).to.equal('The operation could not be completed.');
  });

  it('adds "try again in N minutes" to rate_limited when the server says when', () => {
    expect(t.error('pl', { code: 'rate_limited', retryAfter: 120 })).to.equal('Zbyt wiele prób. Spróbuj ponownie za 2 minuty.');
    expect(t.error('en', { code: 'rate_limited', retryAfter: 30 })).to.equal('Too many attempts. Try again in 1 minute.');
  });

  it('picks Polish plural forms for 1, 2, 5, 22, 25 and 12', () => {
    const forms: PluralForms = { one: '{count} plik', few: '{count} pliki', many: '{count} plików', other: '{count} pliku' };
    expect([1, 2, 5, 22, 25, 12].map((n) => plural('pl', n, forms))).to.deep.equal(['1 plik', '2 pliki', '5 plików', '22 pliki', '25 plików', '12 plików']);
    expect(plural('pl', 1.5, forms)).to.equal('1,5 pliku');
  });

  it('picks Ukrainian plural forms for 1, 2, 5, 22, 25 and 21', () => {
    const forms: PluralForms = { one: '{count} файл', few: '{count} файли', many: '{count} файлів', other: '{count} файлу' };
    expect([1, 2, 5, 22, 25, 21].map((n) => plural('uk', n, forms))).to.deep.equal(['1 файл', '2 файли', '5 файлів', '22 файли', '25 файлів', '21 файл']);
  });

  it('uses plural messages of the dictionaries through the count variable', () => {
    expect(t('pl', 'summary.heading', { count: 22 })).to.equal('Formularz zawiera 22 błędy');
    expect(t('uk', 'summary.heading', { count: 5 })).to.equal('У формі 5 помилок');
    expect(t('en', 'summary.heading', { count: 1 })).to.equal('There is 1 problem with the form');
  });

  it('lets a widget add its own typed dictionary, falling back to core strings', () => {
    const wpl = { 'demo.hello': 'Cześć, {name}!', 'demo.only_pl': 'tylko' } satisfies Messages;
    const wen: Messages<typeof wpl> = { 'demo.hello': 'Hello, {name}!', 'demo.only_pl': 'only' };
    const wuk: Messages<typeof wpl> = { 'demo.hello': 'Привіт, {name}!', 'demo.only_pl': 'лише' };
    const tr = createTranslator({ pl: wpl, en: wen, uk: wuk });
    expect(tr('en', 'demo.hello', { name: 'Ola' })).to.equal('Hello, Ola!');
    expect(tr('uk', 'loading')).to.equal('Завантаження…');
  });

  it('normalises language tags', () => {
    expect(['uk-UA', 'en-GB', 'EN', 'pl-PL', 'de', '', null, 'ua'].map(normaliseLang)).to.deep.equal(['uk', 'en', 'en', 'pl', 'pl', 'pl', 'pl', 'uk']);
  });

  it('formats dates in Europe/Warsaw whatever the visitor time zone', () => {
    // 23:30 UTC on 31 March 2025 is already 1 April in Warsaw (CEST, UTC+2).
    expect(formatDate('pl', '2025-03-31T23:30:00Z')).to.equal('1 kwietnia 2025');
    expect(formatDate('en', '2025-03-31T23:30:00Z')).to.equal('1 April 2025');
    expect(formatDateTime('pl', '2025-01-15T11:05:00Z')).to.contain('12:05');
  });
});
