import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { dialects, testApp, type TestApp } from '../testing.js';
import { fileCacheStats } from '../core/export.js';
import { insertOrganisation } from './map.repository.js';
import { organisationInput as org } from './map.testing.js';

/**
 * The map's exports over HTTP, read back with real parsers: XLSX with ExcelJS, CSV with csv-parse.
 * And the heavy-export path: built once per data version, gzipped once, revalidated by ETag.
 */
describe.each(dialects)('map exports on %s', (dialect) => {
  let t: TestApp;
  let zeros: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    zeros = await insertOrganisation(t.db, org({ name: 'Fundacja Źródło – Łagiewniki', krs: '0000900159', districts: [9], location: { lon: 19.93658, lat: 50.02143 }, phone: '012 616 12 34' }), { status: 'published', changedBy: 'test' });
    await insertOrganisation(t.db, org({ name: 'Stowarzyszenie "Ćma"; Podgórze', description: '=HYPERLINK("http://evil.example","klik")', districts: [13], location: { lon: 19.96, lat: 50.04 } }), { status: 'published', changedBy: 'test' });
    await insertOrganisation(t.db, org({ name: 'Grupa bez punktu', kind: 'informal_group', legalForm: null, cityWide: true, districts: [], location: null }), { status: 'published', changedBy: 'test' });
  });
  afterAll(() => t.close());

  async function sheetOf(res: Response) {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await res.arrayBuffer()) as never);
    const sheet = book.worksheets[0]!;
    const head = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    return { sheet, head, rows, cell: (row: ExcelJS.Row, header: string) => row.getCell(head.indexOf(header) + 1) };
  }

  it('exports XLSX where the KRS keeps its leading zeros, coordinates are numbers and Polish letters are right', async () => {
    const { sheet, head, rows, cell } = await sheetOf(await t.app.request('/v1/map/organisations?format=xlsx&lang=pl'));
    expect(head).toEqual(expect.arrayContaining(['Nazwa', 'KRS', 'Telefon', 'Długość geogr.', 'Szerokość geogr.']));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rows).toHaveLength(3);
    const row = rows.find((r) => cell(r, 'Identyfikator').value === zeros)!;
    expect(cell(row, 'Nazwa').value).toBe('Fundacja Źródło – Łagiewniki');
    expect([cell(row, 'KRS').type, cell(row, 'KRS').value, cell(row, 'KRS').numFmt]).toEqual([ExcelJS.ValueType.String, '0000900159', '@']);
    expect([cell(row, 'Telefon').type, cell(row, 'Telefon').value]).toEqual([ExcelJS.ValueType.String, '012 616 12 34']);
    expect([cell(row, 'Długość geogr.').type, cell(row, 'Długość geogr.').value]).toEqual([ExcelJS.ValueType.Number, 19.93658]);
    expect([cell(row, 'Szerokość geogr.').type, cell(row, 'Szerokość geogr.').value]).toEqual([ExcelJS.ValueType.Number, 50.02143]);
    // A formula in the data is a text cell, not a formula.
    const evil = rows.find((r) => String(cell(r, 'Opis').value).includes('HYPERLINK'))!;
    expect([cell(evil, 'Opis').type, cell(evil, 'Opis').formula]).toEqual([ExcelJS.ValueType.String, undefined]);
    // No pin: empty cells, not zeros.
    const none = rows.find((r) => cell(r, 'Nazwa').value === 'Grupa bez punktu')!;
    expect(cell(none, 'Długość geogr.').value).toBeNull();
    // Headers in the language asked for.
    const en = await sheetOf(await t.app.request('/v1/map/organisations?format=xlsx&lang=uk'));
    expect(en.head).toEqual(expect.arrayContaining(['Назва', 'Довгота', 'Широта']));
  });

  it('exports a CSV for Polish Excel: semicolons, a decimal comma, a BOM, and the same rows', async () => {
    const res = await t.app.request('/v1/map/organisations?format=csv&dialect=excel-pl');
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(Buffer.from(bytes), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    const row = rows.find((r) => r.Identyfikator === zeros)!;
    expect([row.KRS, row['Długość geogr.'], row['Szerokość geogr.']]).toEqual(['0000900159', '19,93658', '50,02143']);
    expect(rows.find((r) => r.Nazwa!.includes('Ćma'))!.Nazwa).toBe('Stowarzyszenie "Ćma"; Podgórze');
    expect(rows.find((r) => r.Opis!.includes('HYPERLINK'))!.Opis!.startsWith("'=")).toBe(true);
    // An unknown dialect is refused, naming it.
    expect((await t.app.request('/v1/map/organisations?format=csv&dialect=excel')).status).toBe(422);
  });

  it('builds each file once per data version, gzips it once, serves it plain or gzipped, and rebuilds after a change', async () => {
    const url = '/v1/map/organisations?format=geojson&district=9';
    const before = fileCacheStats(t.db).builds;
    const answers = await Promise.all(Array.from({ length: 6 }, () => t.app.request(url, { headers: { 'accept-encoding': 'gzip, br' } })));
    expect(fileCacheStats(t.db).builds).toBe(before + 1);
    const bodies = await Promise.all(answers.map(async (r) => Buffer.from(await r.arrayBuffer())));
    for (const r of answers) {
      expect(r.status).toBe(200);
      expect(r.headers.get('content-encoding')).toBe('gzip');
      expect(r.headers.get('vary')).toMatch(/Accept-Encoding/);
    }
    expect(new Set(bodies.map((b) => b.toString('base64'))).size).toBe(1);
    const fc = JSON.parse(gunzipSync(bodies[0]!).toString('utf8')) as { features: { id: string }[] };
    // District IX's own entry and the city-wide one.
    expect(fc.features.map((f) => f.id)).toContain(zeros);
    expect(fc.features).toHaveLength(2);

    // Without gzip, the same bytes decompressed; the query's order does not make a new file.
    const plain = await t.app.request('/v1/map/organisations?district=9&format=geojson');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(gunzipSync(bodies[0]!).length);
    expect(await plain.text()).toBe(gunzipSync(bodies[0]!).toString('utf8'));
    expect(fileCacheStats(t.db).builds).toBe(before + 1);

    // The ETag revalidates; a change in the data is a new version and a new file.
    const etag = answers[0]!.headers.get('etag')!;
    expect((await t.app.request(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    await insertOrganisation(t.db, org({ name: 'Nowa w dziewiątce', districts: [9] }), { status: 'published', changedBy: 'test' });
    const changed = await t.app.request(url, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { features: unknown[] }).features).toHaveLength(3);
    expect(fileCacheStats(t.db).builds).toBe(before + 2);
  });
});
