import type { Context } from 'hono';
import { stringify } from 'csv-stringify/sync';

export interface CsvColumn {
  /** Property of each row. */
  key: string;
  /** Column title in the first line (already translated). */
  header: string;
}

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as text. Strings that a spreadsheet would run as a formula get a leading apostrophe;
 * numbers stay numbers (`-5` is data, not a formula). Arrays are joined with `; `, dates become
 * ISO strings, null and undefined empty cells.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  const text = Array.isArray(value) ? value.map(csvCell).join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Builds a CSV document that Excel and LibreOffice open correctly: UTF-8 with a BOM (so Polish
 * letters survive), CRLF line ends, a header line, and formula-safe cells (see `csvCell`).
 */
export function toCsv(columns: readonly CsvColumn[], rows: readonly object[]): string {
  const records = rows.map((row) => columns.map((c) => csvCell((row as Record<string, unknown>)[c.key])));
  return stringify([columns.map((c) => csvCell(c.header)), ...records], { bom: true, record_delimiter: 'windows', quoted_match: /[";\n\r]/ });
}

/** `Content-Disposition` for a download, with an ASCII fallback and the exact name in RFC 5987 `filename*`. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/ł/g, 'l').replace(/Ł/g, 'L').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '_') || 'download.csv';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends `csv` as a file download (`text/csv; charset=utf-8`, never cached by shared caches); `status` 201 for a file a POST has just created. */
export function csvResponse(c: Context<any>, filename: string, csv: string, status: 200 | 201 = 200): Response {
  return c.body(csv, status, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': attachmentDisposition(filename),
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}
