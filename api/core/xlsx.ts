import ExcelJS from 'exceljs';
import type { CsvColumn } from './csv.js';

/**
 * The XLSX twin of `toCsv`: one sheet with a bold, frozen header row and the same columns. Every
 * string is a text cell (`numFmt '@'`), so identifiers, phone numbers and codes keep their leading
 * zeros and are never read as numbers or formulas; numbers stay numbers, arrays are joined with `; `.
 */
export async function toXlsx(columns: readonly CsvColumn[], rows: readonly object[], sheetName = 'Arkusz1'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = new Date(0);
  // Sheet names have at most 31 characters and no []:*?/\ in Excel.
  const sheet = book.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Arkusz1', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.min(60, Math.max(10, c.header.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const values = Object.fromEntries(columns.map((c) => [c.key, xlsxValue((row as Record<string, unknown>)[c.key])]));
    const added = sheet.addRow(values);
    added.eachCell((cell) => {
      if (typeof cell.value === 'string') cell.numFmt = '@';
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function xlsxValue(v: unknown): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (Array.isArray(v)) return v.map((x) => String(x ?? '')).join('; ');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Sends an XLSX workbook as a download, never cached by shared caches. */
export function xlsxHeaders(disposition: string): Record<string, string> {
  return {
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Content-Disposition': disposition,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}
