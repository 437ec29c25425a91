import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { createGunzip, gzip } from 'node:zlib';
import type { Context } from 'hono';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import * as z from '../../common/zod.js';
import type { CsvDialect, TableFormat } from '../../common/export.js';
import { utcToWarsawLocal, warsawDateOf } from '../../common/time.js';
import { audit } from './auth.js';
import type { CachedReadEnv } from './cache.js';
import type { AppEnv } from './context.js';

const gzipAsync = promisify(gzip);

/**
 * The export kit: every table a module offers as a file goes through here, as CSV and as XLSX,
 * with the same columns and rows (`sendTable`), and every other download through `sendFile`.
 *
 * - **CSV** is UTF-8 with a BOM (so Excel reads Polish letters), CRLF line ends and a header line;
 *   cells a spreadsheet would run as a formula get a leading apostrophe. `dialect=excel-pl` writes
 *   `;` between cells and a decimal comma, which is what Excel in a Polish locale expects when it
 *   opens a file by double-click (a comma-separated file opens there as one column). No `sep=;`
 *   line: Excel ignores the BOM after one.
 * - **XLSX** has a bold, frozen, filterable header row. Text is a text cell (`@`), so identifiers
 *   (KRS, REGON, NIP, postal codes, phone numbers) keep their leading zeros and nothing is ever
 *   read as a formula; numbers (coordinates, counts) are numbers; `date` and `datetime` columns are
 *   real date cells in Warsaw time.
 * - Times in both are Warsaw wall-clock (`2026-12-02 14:05`), dates `2026-12-02`.
 */

/** How a column's values are written: `text` (the default for strings), `number`, a calendar `date` or a `datetime` (an instant, shown in Warsaw time). */
export type CellType = 'text' | 'number' | 'date' | 'datetime';

export interface ExportColumn {
  /** Property of each row. */
  key: string;
  /** Column title in the first line (already translated). */
  header: string;
  /** Without a type, numbers are numbers, `Date`s datetimes and everything else text. */
  type?: CellType;
}

/** A table to export: the columns in order and one object per row. */
export interface ExportTable {
  columns: readonly ExportColumn[];
  rows: readonly object[];
}


export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The OpenAPI `content` of a table download. */
export const tableContent = {
  'text/csv': { schema: z.string() },
  [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary' }) },
} as const;

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Excel's limit on the characters of a cell. */
const MAX_CELL = 32_767;

const typeOf = (column: ExportColumn, value: unknown): CellType =>
  column.type ?? (typeof value === 'number' || typeof value === 'bigint' ? 'number' : value instanceof Date ? 'datetime' : 'text');

/** An instant (ISO string, epoch ms or Date) as Warsaw wall-clock `YYYY-MM-DD HH:mm`, or null when it is none. */
function warsawText(value: unknown, type: 'date' | 'datetime'): string | null {
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
  if (!Number.isFinite(ms)) return null;
  return type === 'date' ? warsawDateOf(ms) : utcToWarsawLocal(ms).replace('T', ' ');
}

const joined = (value: unknown): string =>
  Array.isArray(value) ? value.map((v) => (v === null || v === undefined ? '' : String(v))).join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);

/**
 * A cell as CSV text. Strings that a spreadsheet would run as a formula get a leading apostrophe;
 * numbers stay numbers (`-5` is data, not a formula), with a decimal comma in `excel-pl`. Arrays
 * are joined with `; `; null and undefined are empty cells.
 */
export function csvCell(value: unknown, type?: CellType, dialect: CsvDialect = 'rfc4180'): string {
  if (value === null || value === undefined || value === '') return '';
  const t = type ?? typeOf({ key: '', header: '' }, value);
  if ((t === 'number' && (typeof value === 'number' || typeof value === 'bigint')) || typeof value === 'bigint') {
    const n = String(value);
    return dialect === 'excel-pl' ? n.replace('.', ',') : n;
  }
  if (t === 'date' || t === 'datetime') {
    const text = warsawText(value, t);
    if (text) return text;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = joined(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Builds the CSV document of a table (see the kit's notes above). */
export function toCsv(columns: readonly ExportColumn[], rows: readonly object[], dialect: CsvDialect = 'rfc4180'): string {
  const delimiter = dialect === 'excel-pl' ? ';' : ',';
  const records = rows.map((row) => columns.map((c) => csvCell((row as Record<string, unknown>)[c.key], c.type, dialect)));
  return stringify([columns.map((c) => csvCell(c.header, 'text')), ...records], { bom: true, delimiter, record_delimiter: 'windows', quoted_match: /[";,\n\r]/ });
}

/** A Warsaw wall-clock time as the `Date` an XLSX cell stores (a spreadsheet date has no time zone: its UTC fields are what it shows). */
function sheetDate(value: unknown, type: 'date' | 'datetime'): Date | null {
  const text = warsawText(value, type);
  return text ? new Date(`${text.replace(' ', 'T')}${type === 'date' ? 'T00:00' : ''}:00Z`) : null;
}

const DATE_FORMAT = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' } as const;

/** Builds the XLSX workbook of a table: one sheet named `sheetName` (see the kit's notes above). */
export async function toXlsx(columns: readonly ExportColumn[], rows: readonly object[], sheetName = 'Arkusz1'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = new Date(0);
  // Sheet names have at most 31 characters and no []:*?/\ in Excel.
  const name = sheetName.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Arkusz1';
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = columns.map((c) => c.header.length);
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow([]);
    columns.forEach((column, i) => {
      const raw = (row as Record<string, unknown>)[column.key];
      if (raw === null || raw === undefined || raw === '') return;
      const cell = added.getCell(i + 1);
      const type = typeOf(column, raw);
      if (type === 'number' && typeof raw === 'number' && Number.isFinite(raw)) {
        cell.value = raw;
      } else if ((type === 'date' || type === 'datetime') && sheetDate(raw, type)) {
        cell.value = sheetDate(raw, type);
        cell.numFmt = DATE_FORMAT[type];
      } else if (typeof raw === 'boolean') {
        cell.value = raw;
      } else {
        // A text cell: never a number, a date or a formula, whatever it looks like.
        const text = joined(raw);
        cell.value = text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
        cell.numFmt = '@';
      }
      widths[i] = Math.max(widths[i]!, Math.min(String(cell.value).length, 60));
    });
  }
  columns.forEach((_, i) => (sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, widths[i]! + 2))));
  if (columns.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** `Content-Disposition` for a download, with an ASCII fallback and the exact name in RFC 5987 `filename*`. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/ł/g, 'l').replace(/Ł/g, 'L').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '_') || 'download';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The headers of a download (an export or a stored file): never sniffed or rendered inline, never kept by a shared cache. */
export function downloadHeaders(filename: string, type: string): Record<string, string> {
  return {
    'Content-Type': type,
    'Content-Disposition': attachmentDisposition(filename),
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Referrer-Policy': 'no-referrer',
  };
}

/** Sends a file download (never kept by shared caches); `status` 201 for a file a POST has just created. */
export function sendFile(c: Context<any>, filename: string, body: string | Uint8Array, type: string, status: 200 | 201 = 200): Response {
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), status, downloadHeaders(filename, type));
}

/** Sends CSV text as a download (`text/csv; charset=utf-8`). */
export function csvResponse(c: Context<any>, filename: string, csv: string, status: 200 | 201 = 200): Response {
  return sendFile(c, filename, csv, 'text/csv; charset=utf-8', status);
}

export interface SendTableOptions {
  format: TableFormat;
  dialect?: CsvDialect;
  /** The file name without its extension. */
  name: string;
  /** The XLSX sheet's name (31 characters at most; cut). */
  sheet?: string;
  status?: 200 | 201;
  /**
   * The table holds personal data (names, contacts): the download is written to the audit log
   * (who, which route and item, the format and the number of rows), after it has been built.
   */
  personal?: boolean;
}

/** Sends a table as CSV or XLSX: the one way every module answers a table export. */
export async function sendTable(c: Context<AppEnv>, table: ExportTable, options: SendTableOptions): Promise<Response> {
  const { format, dialect = 'rfc4180', name, status = 200 } = options;
  const res =
    format === 'csv'
      ? csvResponse(c, `${name}.csv`, toCsv(table.columns, table.rows, dialect), status)
      : sendFile(c, `${name}.xlsx`, await toXlsx(table.columns, table.rows, options.sheet ?? name), XLSX_TYPE, status);
  if (options.personal) await auditExport(c, { format, rows: table.rows.length });
  return res;
}

/**
 * Writes a download of personal data to the audit log: the route as its action (`GET /v1/admin/…`,
 * like every audited write), the path as its subject, and what was taken.
 */
export async function auditExport(c: Context<AppEnv>, details: { format: string; rows: number }): Promise<void> {
  await audit(c, `${c.req.method} ${c.req.routePath}`, c.req.path, { export: details.format, rows: details.rows, ...c.req.param() });
}

// --- heavy public exports: built once per data version, gzipped once, streamed --------------------

interface BuiltFile {
  gz: Buffer;
  /** Uncompressed size. */
  size: number;
}

interface FileCache {
  files: Map<string, BuiltFile>;
  bytes: number;
  building: Map<string, Promise<BuiltFile>>;
  /** Files built since start. */
  builds: number;
}
const fileCaches = new WeakMap<object, FileCache>();
const CHUNK = 256 * 1024;

/** The cache key of a read: its data version and its path with the query in a fixed order (`?b=1&a=2` is `?a=2&b=1`). */
function fileKey(version: string, url: string): string {
  const u = new URL(url);
  u.searchParams.sort();
  return `${version}|${u.pathname}?${u.searchParams}`;
}

/** A buffer as a stream of chunks, so a large answer is written with back-pressure instead of at once. */
function chunked(buf: Buffer): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= buf.length) return controller.close();
      controller.enqueue(new Uint8Array(buf.buffer, buf.byteOffset + at, Math.min(CHUNK, buf.length - at)));
      at += CHUNK;
    },
  });
}

export interface CachedFileOptions {
  filename: string;
  type: string;
  /** `inline` for a file a browser may show (GeoJSON); downloads are `attachment`. */
  disposition?: 'attachment' | 'inline';
}

/**
 * Answers a public file export (behind `cachedRead`, so the ETag and the 304 are already done) from
 * a cache of files kept gzipped per data version and URL: the first request builds it (`build`)
 * and gzips it once; requests for the same file meanwhile wait for that one build; later ones, until
 * the data changes, are served from memory: as gzip to clients that accept it, decompressed on the
 * fly to the others, in chunks either way. The cache holds `EXPORT_CACHE_MB` at most, dropping the
 * least recently used; a version no longer current is simply never asked for again. How many
 * exports run at once is the read gate's export lane (`api/core/reads.ts`).
 */
export async function sendCachedFile(c: Context<AppEnv & CachedReadEnv>, options: CachedFileOptions, build: () => Promise<string | Uint8Array>): Promise<Response> {
  const limit = c.var.config.reads.exportCacheMb * 1024 * 1024;
  let cache = fileCaches.get(c.var.db);
  if (!cache) fileCaches.set(c.var.db, (cache = { files: new Map(), bytes: 0, building: new Map(), builds: 0 }));
  const key = fileKey(c.var.dataVersion, c.req.url);
  let file = cache.files.get(key);
  if (file) {
    // Most recently used last.
    cache.files.delete(key);
    cache.files.set(key, file);
  } else {
    let pending = cache.building.get(key);
    if (!pending) {
      const c2 = cache;
      pending = (async () => {
        c2.builds++;
        const body = await build();
        const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
        return { gz: await gzipAsync(raw, { level: 6 }), size: raw.length };
      })().finally(() => c2.building.delete(key));
      cache.building.set(key, pending);
    }
    file = await pending;
    if (!cache.files.has(key) && file.gz.length <= limit / 2) {
      cache.files.set(key, file);
      cache.bytes += file.gz.length;
      for (const [k, f] of cache.files) {
        if (cache.bytes <= limit) break;
        cache.files.delete(k);
        cache.bytes -= f.gz.length;
      }
    }
  }
  const name = options.disposition === 'inline' ? `inline; filename="${attachmentDisposition(options.filename).split('"')[1]}"` : attachmentDisposition(options.filename);
  const headers: Record<string, string> = { 'Content-Type': options.type, 'Content-Disposition': name, 'X-Content-Type-Options': 'nosniff', Vary: 'Accept-Encoding, Origin' };
  const gzip = /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '');
  if (gzip) {
    headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(file.gz.length);
  } else {
    headers['Content-Length'] = String(file.size);
  }
  const body = gzip ? chunked(file.gz) : (Readable.toWeb(Readable.from([file.gz]).pipe(createGunzip())) as ReadableStream<Uint8Array>);
  return c.body(body, 200, headers);
}

/** What the file cache of a database holds, and how many files were built (for tests and the bench). */
export function fileCacheStats(db: object): { files: number; bytes: number; builds: number } {
  const cache = fileCaches.get(db);
  return { files: cache?.files.size ?? 0, bytes: cache?.bytes ?? 0, builds: cache?.builds ?? 0 };
}
