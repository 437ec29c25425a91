import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { parse } from 'csv-parse/sync';
import { attachmentDisposition, csvResponse, toCsv } from './export.js';

const columns = [
  { key: 'name', header: 'Nazwa' },
  { key: 'note', header: 'Uwagi' },
  { key: 'count', header: 'Liczba' },
  { key: 'areas', header: 'Obszary' },
];

describe('CSV export', () => {
  it('round-trips Polish text, quotes, commas and line breaks, with a BOM and CRLF', () => {
    const rows = [
      { name: 'Zażółć gęślą jaźń', note: 'Fundacja "Ćma", Kraków;\nul. Długa 1', count: 3, areas: ['kultura', 'sport'] },
      { name: 'Stowarzyszenie Łąka', note: null, count: -5, areas: [] },
    ];
    const csv = toCsv(columns, rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFNazwa,Uwagi,Liczba,Obszary');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(Buffer.from(csv, 'utf8').includes(Buffer.from('Zażółć gęślą jaźń', 'utf8'))).toBe(true);
    const parsed = parse(Buffer.from(csv, 'utf8'), { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(parsed).toEqual([
      { Nazwa: 'Zażółć gęślą jaźń', Uwagi: 'Fundacja "Ćma", Kraków;\nul. Długa 1', Liczba: '3', Obszary: 'kultura; sport' },
      // A negative number is data, not a formula, so it is left alone.
      { Nazwa: 'Stowarzyszenie Łąka', Uwagi: '', Liczba: '-5', Obszary: '' },
    ]);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const evil = ['=HYPERLINK("http://evil.example","klik")', '+48 12 616 12 34', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];
    const csv = toCsv([{ key: 'v', header: '=header' }], evil.map((v) => ({ v })));
    const parsed = parse(csv, { bom: true, relax_quotes: true }) as string[][];
    expect(parsed.map((r) => r[0])).toEqual(["'=header", ...evil.map((v) => `'${v}`)]);
    // Harmless text that merely contains those characters is left alone.
    const safe = parse(toCsv([{ key: 'v', header: 'v' }], [{ v: 'a=b' }, { v: 'x@y.pl' }, { v: 'Kraków - Nowa Huta' }]), { bom: true }) as string[][];
    expect(safe.slice(1).map((r) => r[0])).toEqual(['a=b', 'x@y.pl', 'Kraków - Nowa Huta']);
  });

  it('sends a download with a UTF-8 content type and an RFC 5987 file name', async () => {
    const app = new Hono();
    app.get('/export', (c) => csvResponse(c, 'organizacje – Łagiewniki.csv', toCsv(columns, [{ name: 'Zażółć', count: 1 }])));
    const res = await app.request('/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="organizacje_Lagiewniki.csv"; filename*=UTF-8''organizacje%20%E2%80%93%20%C5%81agiewniki.csv`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('Zażółć,,1,');
  });

  it('keeps quotes and apostrophes out of the plain file name', () => {
    expect(attachmentDisposition(`a"b'c(1).csv`)).toBe(`attachment; filename="a_b_c_1_.csv"; filename*=UTF-8''a%22b%27c%281%29.csv`);
  });
});
