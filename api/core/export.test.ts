import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { attachmentDisposition, csvResponse, toCsv, toXlsx, type ExportColumn } from './export.js';

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

/** A register row as the modules export it: identifiers with leading zeros, coordinates, an instant, a day. */
const REGISTER: ExportColumn[] = [
  { key: 'name', header: 'Nazwa' },
  { key: 'krs', header: 'KRS', type: 'text' },
  { key: 'regon', header: 'REGON', type: 'text' },
  { key: 'nip', header: 'NIP', type: 'text' },
  { key: 'postcode', header: 'Kod pocztowy', type: 'text' },
  { key: 'phone', header: 'Telefon', type: 'text' },
  { key: 'lat', header: 'Szerokość', type: 'number' },
  { key: 'lon', header: 'Długość', type: 'number' },
  { key: 'at', header: 'Wpłynęła', type: 'datetime' },
  { key: 'day', header: 'Dzień', type: 'date' },
  { key: 'note', header: 'Uwagi' },
];
const ROW = {
  name: 'Fundacja Źródło – Łagiewniki', krs: '0000900159', regon: '012345678', nip: '0123456789', postcode: '03-123', phone: '012 616 12 34',
  lat: 50.06143, lon: 19.93658,
  // 23:30 UTC on 31 March is 01:30 on 1 April in Warsaw (summer time).
  at: '2026-03-31T23:30:00.000Z', day: '2026-04-02', note: '=HYPERLINK("http://evil.example","klik")',
};

describe('XLSX export, read back with ExcelJS', () => {
  async function sheetOf(columns: ExportColumn[], rows: object[], name = 'Rejestr') {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx(columns, rows, name)) as never);
    return book.worksheets[0]!;
  }

  it('keeps identifiers as text with their leading zeros, coordinates as numbers, times and days as date cells, and formulas as text', async () => {
    const sheet = await sheetOf(REGISTER, [ROW]);
    expect(sheet.name).toBe('Rejestr');
    expect(sheet.getRow(1).values).toEqual([undefined, ...REGISTER.map((c) => c.header)]);
    const cell = (key: string) => sheet.getRow(2).getCell(REGISTER.findIndex((c) => c.key === key) + 1);
    for (const key of ['krs', 'regon', 'nip', 'postcode', 'phone']) {
      expect([cell(key).type, cell(key).value, cell(key).numFmt], key).toEqual([ExcelJS.ValueType.String, (ROW as Record<string, unknown>)[key], '@']);
    }
    expect(cell('name').value).toBe('Fundacja Źródło – Łagiewniki');
    expect([cell('lat').type, cell('lat').value]).toEqual([ExcelJS.ValueType.Number, 50.06143]);
    expect([cell('lon').type, cell('lon').value]).toEqual([ExcelJS.ValueType.Number, 19.93658]);
    // A spreadsheet date has no zone: it shows Warsaw's wall clock.
    expect(cell('at').type).toBe(ExcelJS.ValueType.Date);
    expect((cell('at').value as Date).toISOString()).toBe('2026-04-01T01:30:00.000Z');
    expect(cell('at').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect([(cell('day').value as Date).toISOString(), cell('day').numFmt]).toEqual(['2026-04-02T00:00:00.000Z', 'yyyy-mm-dd']);
    expect([cell('note').type, cell('note').value, cell('note').formula]).toEqual([ExcelJS.ValueType.String, ROW.note, undefined]);
  });

  it('freezes and filters the header row, cuts a sheet name to Excel\'s rules, and leaves empty values empty', async () => {
    const sheet = await sheetOf(REGISTER, [{ name: 'Bez danych', krs: null, lat: null, at: undefined }], 'Uwagi: [projekt] 2027/2028 * bardzo długi tytuł');
    expect(sheet.name).toBe('Uwagi   projekt  2027 2028   ba');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:K1');
    expect(sheet.getRow(2).getCell(2).value).toBeNull();
    expect(sheet.getRow(2).getCell(7).value).toBeNull();
  });

  it('writes a number given to a text column as text, and cuts a cell at Excel\'s 32,767 characters', async () => {
    const sheet = await sheetOf([{ key: 'krs', header: 'KRS', type: 'text' }, { key: 'long', header: 'Długi' }], [{ krs: 123, long: 'x'.repeat(40_000) }]);
    expect(sheet.getRow(2).getCell(1).value).toBe('123');
    expect((sheet.getRow(2).getCell(2).value as string).length).toBe(32_767);
  });
});

describe('CSV dialects', () => {
  it('writes the standard CSV with commas, a decimal point and Warsaw times', () => {
    const [header, row] = parse(toCsv(REGISTER, [ROW]), { bom: true }) as string[][];
    expect(header).toEqual(REGISTER.map((c) => c.header));
    expect(row).toEqual(['Fundacja Źródło – Łagiewniki', '0000900159', '012345678', '0123456789', '03-123', '012 616 12 34', '50.06143', '19.93658', '2026-04-01 01:30', '2026-04-02', `'${ROW.note}`]);
  });

  it('writes excel-pl with semicolons and a decimal comma, so Polish Excel opens columns and numbers, not dates', () => {
    const csv = toCsv(REGISTER, [ROW, { name: 'Stowarzyszenie; z średnikiem', lat: -0.5 }], 'excel-pl');
    expect(csv.startsWith('\uFEFFNazwa;KRS;REGON;')).toBe(true);
    const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[1]!.slice(6, 8)).toEqual(['50,06143', '19,93658']);
    expect(rows[1]![1]).toBe('0000900159');
    expect(rows[2]![0]).toBe('Stowarzyszenie; z średnikiem');
    expect(rows[2]![6]).toBe('-0,5');
    // A comma-separated reader sees one column per line: the dialect really changed.
    expect((parse(csv, { bom: true, relax_quotes: true, relax_column_count: true }) as string[][])[0]).toHaveLength(1);
  });
});

