import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { EditionParam, ExportParam, ExportQuery, ReportQuery } from '../../common/surveys.schema.js';
import { textIn, type Texts } from '../../common/surveys.js';
import { DOCX_TYPE, sendFile, sendTable, tableContent } from '../core/export.js';
import { ErrorResponses } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { editionResponses } from './surveys.responses.js';
import { codebookTable, indicesTable, responsesTable } from './surveys.export.js';
import { buildReport, reportFilename, reportHtml } from './surveys.report.js';
import { reportDocx } from './surveys.report.docx.js';
import { editionOr404, instrumentOfEdition, staffResultsOf, surveyOr404 } from './surveys.service.js';

/** Staff exports and the results report of an edition. Mounted with the staff routes at /v1/admin/surveys. */
export const surveyExportRoutes = createRouter();

const TAGS = ['surveys (staff)'];

surveyExportRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{survey}/editions/{edition}/export/{what}',
    tags: TAGS,
    summary: 'Anonymised responses (shuffled, no id or time, groups under 5 left out), their codebook, or the indices by column (suppressed), as CSV or XLSX',
    request: { params: ExportParam, query: ExportQuery },
    responses: { 200: { description: 'The file', content: tableContent }, ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition, what } = c.req.valid('param');
    const { format, dialect, lang } = c.req.valid('query');
    const row = await editionOr404(c.var.db, survey, edition);
    const instrument = await instrumentOfEdition(c.var.db, row);
    const table =
      what === 'responses' ? responsesTable(instrument, await editionResponses(c.var.db, row.id))
      : what === 'codebook' ? codebookTable(instrument, lang)
      : indicesTable(await staffResultsOf(c.var.db, row, { a: 'ngo', b: 'official', lang, modules: c.var.modules }), lang);
    return sendTable(c, table, { format, dialect, name: `${survey}-${edition}-${what}`, sheet: `${edition} ${what}` }) as never;
  },
);

surveyExportRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{survey}/editions/{edition}/report',
    tags: TAGS,
    summary: 'The results report: a printable A4 HTML page or a Word document (DOCX), in pl, en or uk (the gap is NGOs − officials)',
    request: { params: EditionParam, query: ReportQuery },
    responses: { 200: { description: 'The report', content: { 'text/html': { schema: z.string() }, [DOCX_TYPE]: { schema: z.string().meta({ format: 'binary' }) } } }, ...ErrorResponses },
  }),
  async (c) => {
    const { survey, edition } = c.req.valid('param');
    const { format, lang } = c.req.valid('query');
    const s = await surveyOr404(c.var.db, survey);
    const row = await editionOr404(c.var.db, survey, edition);
    const results = await staffResultsOf(c.var.db, row, { a: 'ngo', b: 'official', lang, modules: c.var.modules });
    const report = buildReport(results, textIn(JSON.parse(s.title) as Texts, lang), lang);
    if (format === 'docx') {
      return sendFile(c, reportFilename(survey, edition, 'docx'), await reportDocx(report), DOCX_TYPE) as never;
    }
    return c.html(reportHtml(report), 200, { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'", 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' }) as never;
  },
);
