/**
 * The results report of an edition, for the joint meeting and for publication: the index, the
 * sections by group, the perception gap and the agenda, the objective indicators, the agreed scores
 * and the recommendations. One model of blocks (`buildReport`) renders to a printable A4 HTML page
 * (here, escaped by `hono/html`) and to DOCX (`surveys.report.docx.ts`), the same way as the
 * consultation report. Suppressed cells are written "n < 5" or "hidden", never as a number.
 */
import { dictionaryTranslator, formatNumber, inLang } from '../../common/i18n.js';
import type { Lang } from '../../common/taxonomy.js';
import type { Cell } from '../../common/surveys.scoring.js';
import type { StaffResults } from '../../common/surveys.schema.js';
import { html, page, raw } from '../core/html.js';
import { columnLabel } from './surveys.export.js';

export interface ReportTable {
  caption: string;
  head: string[];
  /** First cell is the row's label (a header cell); the rest are values, right-aligned when numeric. */
  rows: (string | number)[][];
}
export type ReportBlock = { kind: 'h2'; text: string } | { kind: 'p'; text: string } | { kind: 'facts'; items: { label: string; value: string }[] } | { kind: 'table'; table: ReportTable };
export interface SurveyReport { lang: Lang; kicker: string; title: string; blocks: ReportBlock[] }

export const REPORT_T = {
  pl: {
    report: 'Raport z badania', edition: 'Edycja', period: 'Okres oceny', respondents: 'Respondenci', index: 'Indeks', sections: 'Wyniki sekcji', section: 'Sekcja', agreed: 'Ocena uzgodniona',
    gap: 'Różnica percepcji', gapOf: 'Różnica percepcji: {a} − {b}', agenda: 'Porządek spotkania: największe różnice', item: 'Pytanie', difference: 'Różnica',
    indicators: 'Wskaźniki obiektywne', indicator: 'Wskaźnik', value: 'Wartość', recommendations: 'Rekomendacje', owner: 'Odpowiedzialny', deadline: 'Termin', status: 'Stan',
    none: 'Brak.', few: 'n < 5', hidden: 'ukryte', note: 'Wyniki 0–100. Komórki z mniej niż 5 odpowiedziami są ukryte („n < 5”), a także komórki, z których dałoby się je odtworzyć („ukryte”).',
    meeting: 'Spotkanie zespołu', 'recStatus.planned': 'zaplanowana', 'recStatus.in_progress': 'w realizacji', 'recStatus.done': 'zrealizowana', 'recStatus.dropped': 'zaniechana',
  },
  en: {
    report: 'Survey report', edition: 'Edition', period: 'Period assessed', respondents: 'Respondents', index: 'Index', sections: 'Section scores', section: 'Section', agreed: 'Agreed score',
    gap: 'Perception gap', gapOf: 'Perception gap: {a} − {b}', agenda: 'Meeting agenda: the largest gaps', item: 'Item', difference: 'Gap',
    indicators: 'Objective indicators', indicator: 'Indicator', value: 'Value', recommendations: 'Recommendations', owner: 'Owner', deadline: 'Deadline', status: 'Status',
    none: 'None.', few: 'n < 5', hidden: 'hidden', note: 'Scores 0–100. Cells with fewer than 5 answers are hidden ("n < 5"), and so are the cells they could be computed back from ("hidden").',
    meeting: 'Joint meeting', 'recStatus.planned': 'planned', 'recStatus.in_progress': 'in progress', 'recStatus.done': 'done', 'recStatus.dropped': 'dropped',
  },
  uk: {
    report: 'Звіт про опитування', edition: 'Видання', period: 'Оцінюваний період', respondents: 'Респонденти', index: 'Індекс', sections: 'Результати розділів', section: 'Розділ', agreed: 'Узгоджена оцінка',
    gap: 'Розрив сприйняття', gapOf: 'Розрив сприйняття: {a} − {b}', agenda: 'Порядок денний зустрічі: найбільші розриви', item: 'Питання', difference: 'Розрив',
    indicators: "Об'єктивні показники", indicator: 'Показник', value: 'Значення', recommendations: 'Рекомендації', owner: 'Відповідальний', deadline: 'Термін', status: 'Стан',
    none: 'Немає.', few: 'n < 5', hidden: 'приховано', note: 'Оцінки 0–100. Клітинки з менш ніж 5 відповідями приховано («n < 5»), як і клітинки, з яких їх можна було б обчислити («приховано»).',
    meeting: 'Спільна зустріч', 'recStatus.planned': 'заплановано', 'recStatus.in_progress': 'виконується', 'recStatus.done': 'виконано', 'recStatus.dropped': 'скасовано',
  },
} as const;

/** The report's labels on the translator core (common/i18n.ts): en and uk must have every key of pl. */
export const tSurveyReport = dictionaryTranslator<(typeof REPORT_T)['pl']>(REPORT_T);

const fmt = (v: number | null, lang: Lang) => (v === null ? '—' : formatNumber(lang, v, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const cellText = (c: Cell | undefined, lang: Lang) => (!c ? '—' : c.suppressed === 'few' ? tSurveyReport(lang, 'few') : c.suppressed ? tSurveyReport(lang, 'hidden') : fmt(c.score, lang));

/** The report's blocks, from the staff results (every column, suppression applied). */
export function buildReport(r: StaffResults, surveyTitle: string, lang: Lang, agendaSize = 10): SurveyReport {
  const t = inLang(tSurveyReport, lang);
  const cols = r.columns.filter((c) => r.respondents[c] !== 0);
  const colHead = cols.map((c) => columnLabel(c, lang));
  const blocks: ReportBlock[] = [
    { kind: 'facts', items: [{ label: t('edition'), value: r.edition.slug }, { label: t('period'), value: `${r.edition.periodFrom} – ${r.edition.periodTo}` }] },
    { kind: 'p', text: t('note') },
    { kind: 'table', table: { caption: t('respondents'), head: ['', ...colHead], rows: [[t('respondents'), ...cols.map((c) => (r.respondents[c] === null ? t('few') : r.respondents[c]!))]] } },
    { kind: 'h2', text: t('sections') },
    {
      kind: 'table',
      table: {
        caption: t('sections'),
        head: [t('section'), ...colHead, t('agreed')],
        rows: [
          ...r.sections.map((s) => [s.title[lang], ...cols.map((c) => cellText(s.cells[c], lang)), fmt(s.agreed, lang)]),
          [t('index'), ...cols.map((c) => cellText(r.index[c], lang)), ''],
        ],
      },
    },
  ];
  if (r.gap) {
    const a = columnLabel(r.gap.a, lang);
    const b = columnLabel(r.gap.b, lang);
    blocks.push({ kind: 'h2', text: t('gapOf', { a, b }) });
    blocks.push({
      kind: 'table',
      table: { caption: t('gapOf', { a, b }), head: [t('section'), a, b, t('difference')], rows: r.gap.sections.map((s) => [r.sections.find((x) => x.id === s.id)?.title[lang] ?? s.id, fmt(s.a, lang), fmt(s.b, lang), fmt(s.gap, lang)]) },
    });
    blocks.push({ kind: 'h2', text: t('agenda') });
    const agenda = r.agenda.slice(0, agendaSize);
    blocks.push(agenda.length
      ? { kind: 'table', table: { caption: t('agenda'), head: [t('item'), a, b, t('difference')], rows: agenda.map((e) => [e.text[lang], fmt(e.a, lang), fmt(e.b, lang), fmt(e.gap, lang)]) } }
      : { kind: 'p', text: t('none') });
  }
  blocks.push({ kind: 'h2', text: t('indicators') });
  const ind = r.indicators ?? [];
  blocks.push(ind.length ? { kind: 'table', table: { caption: t('indicators'), head: [t('indicator'), t('value')], rows: ind.map((i) => [i.label, i.unit === 'percent' ? `${fmt(i.value, lang)} %` : i.value]) } } : { kind: 'p', text: t('none') });
  blocks.push({ kind: 'h2', text: t('recommendations') });
  blocks.push(r.recommendations.length
    ? {
        kind: 'table',
        table: {
          caption: t('recommendations'),
          head: [t('section'), t('recommendations'), t('owner'), t('deadline'), t('status')],
          rows: r.recommendations.map((x) => [r.sections.find((s) => s.id === x.section)?.title[lang] ?? x.section, x.text, x.owner, x.deadline, t(`recStatus.${x.status}`) + (x.statusNote ? ` (${x.statusNote})` : '')]),
        },
      }
    : { kind: 'p', text: t('none') });
  return { lang, kicker: t('report'), title: `${surveyTitle} ${r.edition.slug}`, blocks };
}

const STYLE = `
@page { size: A4; margin: 2cm }
body { font: 11pt/1.45 "Liberation Serif", "Times New Roman", Georgia, serif; color: #000; background: #fff; margin: 0 auto; max-width: 17cm; padding: 1rem }
.wide { overflow-x: auto; margin: .5rem 0 1rem } .wide table { margin: 0 }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap }
@media print { body { padding: 0; max-width: none } .wide { overflow: visible } }
h1 { font-size: 18pt; margin: 0 0 .5rem } h2 { font-size: 14pt; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #000 }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 } dt { font-weight: bold } dd { margin: 0 }
table { border-collapse: collapse; margin: .5rem 0 1rem; break-inside: avoid; width: 100% } caption { text-align: left; font-weight: bold; padding-bottom: .25rem }
th, td { border: 1px solid #000; padding: .2rem .5rem; text-align: left; vertical-align: top } td.n { text-align: right; white-space: nowrap }
`;

const isValue = (v: string | number) => typeof v === 'number' || /^(—|n < 5|[\d\s,.−-]+( %)?)$/.test(v);

export function reportHtml(report: SurveyReport): string {
  let heading = '';
  const block = (b: ReportBlock) => {
    const under = heading;
    if (b.kind === 'h2') heading = b.text;
    switch (b.kind) {
      case 'h2': return html`<h2>${b.text}</h2>`;
      case 'p': return html`<p>${b.text}</p>`;
      case 'facts': return html`<dl>${b.items.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>`;
      // A table scrolls on its own on a narrow screen; its caption is read out, and shown when no heading above says it.
      case 'table': return html`<div class="wide" role="region" aria-label="${b.table.caption}" tabindex="0"><table><caption class="${b.table.caption === under ? 'sr' : ''}">${b.table.caption}</caption><thead><tr>${b.table.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${b.table.rows.map(
        ([label, ...rest]) => html`<tr><th scope="row">${label}</th>${rest.map((v) => (isValue(v) ? html`<td class="n">${v}</td>` : html`<td>${v}</td>`))}</tr>`,
      )}</tbody></table></div>`;
    }
  };
  return page(html`<!doctype html>
<html lang="${report.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${report.kicker}: ${report.title}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header><p>${report.kicker}</p><h1>${report.title}</h1></header>
<main>
${report.blocks.map((b) => html`${block(b)}\n`)}
</main>
</body>
</html>
`);
}

export const reportFilename = (survey: string, edition: string, ext: string) => `raport-${survey}-${edition}.${ext}`;
