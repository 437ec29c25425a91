import { CSV_DIALECTS, TABLE_FORMATS } from './export.js';
import * as z from './zod.js';

/** The query of a table export: `format` and, for CSV, `dialect`. Extend it with the route's own. */
export const TableQuery = z.object({
  format: z.enum(TABLE_FORMATS).default('csv').meta({ description: '`csv` (UTF-8 with BOM) or `xlsx` (text cells for identifiers, real dates and numbers)' }),
  dialect: z.enum(CSV_DIALECTS).default('rfc4180').meta({ description: 'CSV only: `rfc4180` (`,` and a decimal point) or `excel-pl` (`;` and a decimal comma, for Excel in a Polish locale)' }),
});
