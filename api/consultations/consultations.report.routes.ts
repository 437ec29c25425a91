import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { LANGS } from '../../common/taxonomy.js';
import { CSV_DIALECTS } from '../../common/export.js';
import { cachedRead } from '../core/cache.js';
import { DOCX_TYPE, sendCachedFile, tableContent, toCsv, toXlsx, XLSX_TYPE } from '../core/export.js';
import { ErrorResponses, IdParam, jsonContent } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { reportDocx, reportDocxFilename } from './consultations.report.docx.js';
import { reportHtml, reportTable } from './consultations.report.js';
import { assertReportReady } from './consultations.rules.js';
import { publicConsultation, readVersion, reportOf } from './consultations.service.js';

/** The statutory consultation report. Mounted at /v1/consultations. */
export const reportRoutes = createRouter();

reportRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/report',
    tags: ['consultations'],
    summary: 'The consultation report, once the answers are published (409 `report_not_ready` before): a printable A4 HTML page, CSV, XLSX or a Word document (DOCX), in pl, en or uk. No contact data.',
    description:
      'The files are built once per version of the data and kept gzipped: a client sending `Accept-Encoding: gzip` gets them compressed. CSV is UTF-8 with a BOM; `dialect=excel-pl` writes `;` and decimal commas for Excel in a Polish locale.',
    request: {
      params: IdParam,
      query: z.object({
        format: z.enum(['html', 'csv', 'xlsx', 'docx']).default('html'),
        lang: z.enum(LANGS).default('pl'),
        dialect: z.enum(CSV_DIALECTS).default('rfc4180').meta({ description: 'CSV only: `excel-pl` for `;` and decimal commas' }),
      }),
    },
    responses: {
      200: {
        description: 'The report',
        content: { 'text/html': { schema: z.string() }, ...tableContent, [DOCX_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
      },
      304: { description: 'Not modified' },
      409: jsonContent(z.any(), 'Not published yet'),
      ...ErrorResponses,
    },
    // The page and the files are public reads of one data version: revalidated by ETag, the files built once per version.
    middleware: [cachedRead((c) => readVersion(c.var.db))] as const,
  }),
  async (c) => {
    const { format, lang, dialect } = c.req.valid('query');
    const row = await publicConsultation(c.var.db, c.req.valid('param').id);
    assertReportReady(row);
    const report = () => reportOf(c.var.db, row);
    const table = async () => reportTable(await report(), lang);
    const name = `sprawozdanie-${row.id}`;
    if (format === 'csv') return sendCachedFile(c, { filename: `${name}.csv`, type: 'text/csv; charset=utf-8' }, async () => { const t = await table(); return toCsv(t.columns, t.rows, dialect); });
    if (format === 'xlsx') return sendCachedFile(c, { filename: `${name}.xlsx`, type: XLSX_TYPE }, async () => { const t = await table(); return toXlsx(t.columns, t.rows, row.title); });
    if (format === 'docx') return sendCachedFile(c, { filename: reportDocxFilename(row.reported_at), type: DOCX_TYPE }, async () => reportDocx(await report(), lang));
    return c.html(reportHtml(await report(), lang), 200, {
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; frame-ancestors *",
      'X-Content-Type-Options': 'nosniff',
    });
  },
);
