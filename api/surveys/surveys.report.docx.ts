/**
 * The survey results report as DOCX, from the same blocks as the HTML (`buildReport`): A4, real
 * Title and Heading styles, tables with a repeated header row, the document language from `lang`.
 * Text goes into the XML through the docx library, which escapes it.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, sectionPageSizeDefaults } from 'docx';
import { REPORT_LOCALES } from '../consultations/consultations.report.js';
import type { ReportBlock, SurveyReport } from './surveys.report.js';

const MARGIN = Math.round((20 / 25.4) * 1440);
const TEXT_WIDTH = sectionPageSizeDefaults.WIDTH - 2 * MARGIN;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const HEAD_SHADE = { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } as const;

const para = (text: string, opts: { bold?: boolean; right?: boolean } = {}) =>
  new Paragraph({ ...(opts.right ? { alignment: AlignmentType.RIGHT } : {}), children: [new TextRun({ text, ...(opts.bold ? { bold: true } : {}) })] });

function table(t: Extract<ReportBlock, { kind: 'table' }>['table']): Table {
  const n = t.head.length;
  const first = Math.round(TEXT_WIDTH * (n > 3 ? 0.4 : 0.55));
  const rest = Math.floor((TEXT_WIDTH - first) / Math.max(1, n - 1));
  const widths = [first, ...Array.from({ length: n - 1 }, () => rest)];
  const cell = (text: string | number, i: number, head: boolean) =>
    new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, ...(head ? { shading: HEAD_SHADE } : {}), children: [para(String(text), { bold: head || i === 0, right: !head && typeof text === 'number' })] });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.head.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
    ],
  });
}

export async function reportDocx(report: SurveyReport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [para(report.kicker), new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] })];
  for (const b of report.blocks) {
    if (b.kind === 'h2') children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(b.text)] }));
    else if (b.kind === 'p') children.push(para(b.text));
    else if (b.kind === 'facts') for (const f of b.items) children.push(new Paragraph({ children: [new TextRun({ text: `${f.label}: `, bold: true }), new TextRun(f.value)] }));
    else children.push(table(b.table), new Paragraph({ children: [] }));
  }
  const doc = new Document({
    title: `${report.kicker}: ${report.title}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 22, language: { value: REPORT_LOCALES[report.lang] } } } } },
    sections: [{ properties: { page: { margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN } } }, children }],
  });
  return Packer.toBuffer(doc);
}
