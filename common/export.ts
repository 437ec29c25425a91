/**
 * The file formats of table exports, shared by the API (`api/core/export.ts`) and the staff
 * sections' download links. `excel-pl` is the CSV that Excel in a Polish locale opens in columns
 * (`;` between cells, decimal comma); `rfc4180` the standard one (`,`, decimal point).
 */
export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];
export const CSV_DIALECTS = ['rfc4180', 'excel-pl'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/** The three downloads a staff section offers for a table: XLSX, CSV for Polish Excel, standard CSV. */
export const TABLE_DOWNLOADS = [
  { id: 'xlsx', format: 'xlsx', dialect: 'rfc4180' },
  { id: 'csv-pl', format: 'csv', dialect: 'excel-pl' },
  { id: 'csv', format: 'csv', dialect: 'rfc4180' },
] as const satisfies readonly { id: string; format: TableFormat; dialect: CsvDialect }[];

/** `format=…&dialect=…` of a download, to append to an export URL. */
export const downloadQuery = (d: { format: TableFormat; dialect: CsvDialect }) => (d.format === 'csv' && d.dialect !== 'rfc4180' ? `format=csv&dialect=${d.dialect}` : `format=${d.format}`);
