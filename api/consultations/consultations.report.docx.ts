/**
 * The consultation report as a Word document (DOCX), rendered from the same model as the HTML and
 * CSV (`buildReport`), for city officials who edit the report in Word. A4 with 2 cm margins, real
 * Title/Heading 1–3 styles (Word's navigation pane and screen readers follow them), the document
 * language set from `lang`, and no contact data (the model has none). Text goes into the XML
 * through the docx library, which escapes it; characters XML 1.0 forbids are dropped first.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, HeightRule, LineRuleType, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun,
  WidthType, convertMillimetersToTwip, sectionPageSizeDefaults,
} from 'docx';
import { AUTHOR_TYPES, DECISIONS, tAuthorType, tDecision } from '../../common/consultations.js';
import type { Lang } from '../../common/taxonomy.js';
import { inLang } from '../../common/i18n.js';
import {
  REPORT_LOCALES, tReport, authorWithType, decisionLabel, groupLabel, pageLabelParts, reportFacts, reportIntroduction, reportSummary, signOffFields, type Report, type ReportGroup,
} from './consultations.report.js';
import { utcToWarsawLocal } from '../../common/time.js';

/** 2 cm in twips, rounded as Word rounds it (convertMillimetersToTwip floors it to 1133). */
const MARGIN = Math.round((20 / 25.4) * 1440);
/** Width of the text between the margins, in twips (the tables' full width). */
const TEXT_WIDTH = sectionPageSizeDefaults.WIDTH - 2 * MARGIN;
const LABEL_WIDTH = convertMillimetersToTwip(45);
const COUNT_WIDTH = convertMillimetersToTwip(35);
const FONT = 'Times New Roman';
/** Light grey behind table labels and header rows; black text on it keeps a high contrast. */
const SHADE = { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** Characters XML 1.0 cannot carry (C0 controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF): Word refuses a file with them. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const clean = (s: string) => s.replace(NOT_XML, '');

/**
 * User text as paragraphs, one per line (Word does not break lines on `\n` inside a run). `keepNext`
 * keeps the text on the page of what follows it (a unit's text with its first remark).
 */
const textParagraphs = (text: string, run: { bold?: boolean; italics?: boolean } = {}, keepNext = false): Paragraph[] =>
  clean(text).split(/\r\n?|\n/).map((line) => new Paragraph({ ...(keepNext ? { keepNext: true } : {}), children: [new TextRun({ text: line, ...run })] }));

const cell = (children: Paragraph[], width: number, shaded = false) =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA }, ...(shaded ? { shading: SHADE } : {}) });

/** One remark as a two-column table: the field's name, then its text. Empty fields are left out, the decision never. */
function remarkTable(r: ReportGroup['remarks'][number], lang: Lang): Table {
  const t = inLang(tReport, lang);
  const fields: [string, string | null, boolean?][] = [
    [t('author'), authorWithType(r, lang)],
    [t('currentWording'), r.currentWording],
    [t('proposedWording'), r.proposedWording],
    [t('justification'), r.justification],
    [t('supporters'), r.supporters.map((s) => s.organisationName).join('; ')],
    [t('decision'), decisionLabel(r.decision, lang), true],
    [t('response'), r.response],
  ];
  const rows = fields
    .filter(([, value, always]) => always || !!value)
    .map(([label, value, strong]) => new TableRow({
      // A row is never split across pages (a label on one page, its text on the next).
      cantSplit: true,
      children: [cell(textParagraphs(label, { bold: true }), LABEL_WIDTH, true), cell(textParagraphs(value ?? '', strong ? { bold: true } : {}), TEXT_WIDTH - LABEL_WIDTH)],
    }));
  return new Table({ rows, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH], borders: BORDERS });
}

/** A dotted line to write on by hand. */
const BLANK = '.'.repeat(60);

/**
 * The sign-off block: prepared by and approved by, each with a name, a position and a signature to
 * write in, and the date; rows kept together on one page.
 */
function signOffTable(lang: Lang): Table {
  const t = inLang(tReport, lang);
  const fill = (label: string | null) => new Paragraph({ keepNext: true, spacing: { before: 120 }, children: [new TextRun(label ? `${label}: ${BLANK}` : BLANK)] });
  const line = (label: string, fields: (string | null)[]) => new TableRow({
    cantSplit: true,
    height: { value: convertMillimetersToTwip(14), rule: HeightRule.ATLEAST },
    children: [
      cell([new Paragraph({ keepNext: true, children: [new TextRun({ text: label, bold: true })] })], LABEL_WIDTH, true),
      cell(fields.map(fill), TEXT_WIDTH - LABEL_WIDTH),
    ],
  });
  return new Table({
    rows: [line(t('preparedBy'), signOffFields(lang)), line(t('approvedBy'), signOffFields(lang)), line(t('signDate'), [null])],
    width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH], borders: BORDERS,
  });
}

/** A summary table: a repeated header row, one row per label with its count, and the total. */
function countTable(head: string, rows: [string, number][], lang: Lang, total: number): Table {
  const t = inLang(tReport, lang);
  const widths = [TEXT_WIDTH - COUNT_WIDTH, COUNT_WIDTH];
  const line = (label: string, n: number | string, opts: { header?: boolean; bold?: boolean } = {}) =>
    new TableRow({
      ...(opts.header ? { tableHeader: true } : {}),
      cantSplit: true,
      children: [
        cell([new Paragraph({ children: [new TextRun({ text: clean(label), ...(opts.bold ? { bold: true } : {}) })] })], widths[0]!, opts.header),
        cell([new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: String(n), ...(opts.bold ? { bold: true } : {}) })] })], widths[1]!, opts.header),
      ],
    });
  return new Table({
    rows: [line(head, t('count'), { header: true, bold: true }), ...rows.map(([label, n]) => line(label, n)), line(t('total'), total, { bold: true })],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
  });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ heading: level, children: [new TextRun(clean(text))] });

/** Space after a table, so the next heading does not stick to it. */
const gap = () => new Paragraph({ children: [] });

/** The report as a DOCX file. */
export async function reportDocx(report: Report, lang: Lang): Promise<Buffer> {
  const t = inLang(tReport, lang);
  const c = report.consultation;
  // "Strona ", " z ", "": the words around the page fields.
  const pageLabel = pageLabelParts(lang);

  const header: Paragraph[] = [
    new Paragraph({ children: [new TextRun(t('report'))] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(c.title))] }),
    ...reportFacts(c, lang).map(
      (f) => new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: `${f.label}: `, bold: true }), new TextRun(clean(f.value))] }),
    ),
  ];

  const remarks: (Paragraph | Table)[] = report.total
    ? report.groups.flatMap((g) => [
        heading(groupLabel(g, lang), HeadingLevel.HEADING_2),
        ...(g.text ? textParagraphs(g.text, { italics: true }, true) : []),
        ...g.remarks.flatMap((r) => [heading(`${t('remark')} ${r.no}`, HeadingLevel.HEADING_3), remarkTable(r, lang), gap()]),
      ])
    : [new Paragraph({ children: [new TextRun(t('noRemarks'))] })];

  const decisionRows: [string, number][] = DECISIONS.map((d) => [tDecision(lang, d), report.byDecision[d]]);
  if (report.byDecision.none) decisionRows.push([t('none'), report.byDecision.none]);
  const summary: (Paragraph | Table)[] = [
    ...reportSummary(report, lang).map((p) => new Paragraph({ children: [new TextRun(clean(p))] })),
    heading(t('byAuthorType'), HeadingLevel.HEADING_2),
    countTable(t('authorType'), AUTHOR_TYPES.map((a) => [tAuthorType(lang, a), report.byAuthorType[a]]), lang, report.total),
    gap(),
    heading(t('byDecision'), HeadingLevel.HEADING_2),
    countTable(t('decision'), decisionRows, lang, report.total),
    gap(),
    new Paragraph({
      children: [
        new TextRun({ text: `${t('total')}: `, bold: true }), new TextRun(`${report.total}. `),
        new TextRun({ text: `${t('supportsTotal')}: `, bold: true }), new TextRun(`${report.supports}.`),
      ],
    }),
  ];

  const headingStyle = (size: number, outlineLevel: number) => ({
    run: { font: FONT, size, bold: true, color: '000000' },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true, outlineLevel },
  });
  const doc = new Document({
    title: clean(`${t('report')}: ${c.title}`),
    subject: clean(c.subject),
    creator: clean(c.unitName),
    lastModifiedBy: clean(c.unitName),
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: REPORT_LOCALES[lang] } }, paragraph: { spacing: { after: 80, line: 276, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 36, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 }, keepNext: true } },
        heading1: headingStyle(28, 0),
        heading2: headingStyle(26, 1),
        heading3: headingStyle(23, 2),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: sectionPageSizeDefaults.WIDTH, height: sectionPageSizeDefaults.HEIGHT, orientation: sectionPageSizeDefaults.ORIENTATION },
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: convertMillimetersToTwip(10), footer: convertMillimetersToTwip(10) },
          },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [pageLabel[0], PageNumber.CURRENT, pageLabel[1], PageNumber.TOTAL_PAGES, pageLabel[2]].filter(Boolean), size: 18 })] })],
          }),
        },
        children: [
          ...header,
          heading(t('introduction'), HeadingLevel.HEADING_1),
          ...reportIntroduction(report, lang).map((p) => new Paragraph({ children: [new TextRun(clean(p))] })),
          heading(t('remarks'), HeadingLevel.HEADING_1),
          ...remarks,
          heading(t('summary'), HeadingLevel.HEADING_1),
          ...summary,
          heading(t('signOff'), HeadingLevel.HEADING_1),
          new Paragraph({ keepNext: true, children: [new TextRun({ text: `${t('unit')}: `, bold: true }), new TextRun(clean(c.unitName))] }),
          signOffTable(lang),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** `sprawozdanie-konsultacje-2026-04-02.docx`: the day the report was published, in Warsaw. */
export const reportDocxFilename = (reportedAt: string | null) => `sprawozdanie-konsultacje-${utcToWarsawLocal(reportedAt ?? new Date().toISOString()).slice(0, 10)}.docx`;
