import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { LANGS } from '../../common/taxonomy.js';
import { cachedRead } from '../core/cache.js';
import { attachmentDisposition, csvResponse } from '../core/csv.js';
import { ErrorResponses, IdParam, jsonContent } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { DOCX_TYPE, reportDocx, reportDocxFilename } from './consultations.report.docx.js';
import { reportCsv, reportHtml } from './consultations.report.js';
import { assertReportReady } from './consultations.rules.js';
import { publicConsultation, readVersion, reportOf } from './consultations.service.js';

/** The statutory consultation report. Mounted at /v1/consultations. */
export const reportRoutes = createRouter();

reportRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/report',
    tags: ['consultations'],
    summary: 'The consultation report, once the answers are published (409 `report_not_ready` before): a printable A4 HTML page, CSV or a Word document (DOCX), in pl, en or uk. No contact data.',
    request: { params: IdParam, query: z.object({ format: z.enum(['html', 'csv', 'docx']).default('html'), lang: z.enum(LANGS).default('pl') }) },
    responses: {
      200: {
        description: 'The report',
        content: { 'text/html': { schema: z.string() }, 'text/csv': { schema: z.string() }, [DOCX_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
      },
      304: { description: 'Not modified' },
      409: jsonContent(z.any(), 'Not published yet'),
      ...ErrorResponses,
    },
    // The printable page is a public read; the files are downloads, never kept by a cache.
    middleware: [cachedRead((c) => readVersion(c.var.db), { when: (c) => (c.req.query('format') ?? 'html') === 'html' })] as const,
  }),
  async (c) => {
    const { format, lang } = c.req.valid('query');
    const row = await publicConsultation(c.var.db, c.req.valid('param').id);
    assertReportReady(row);
    const report = await reportOf(c.var.db, row);
    if (format === 'csv') return csvResponse(c, `sprawozdanie-${row.id}.csv`, reportCsv(report, lang));
    if (format === 'docx') {
      return c.body(new Uint8Array(await reportDocx(report, lang)), 200, {
        'Content-Type': DOCX_TYPE,
        'Content-Disposition': attachmentDisposition(reportDocxFilename(report)),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    }
    return c.html(reportHtml(report, lang), 200, {
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; frame-ancestors *",
      'X-Content-Type-Options': 'nosniff',
    });
  },
);
