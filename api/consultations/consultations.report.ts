import { html, page, raw } from '../core/html.js';
/**
 * The consultation report: every published remark grouped by unit with its decision and
 * justification, plus counts by author type and by decision. Built from public remarks only, so
 * no contact data can reach it. `buildReport` is pure; `reportHtml`, `reportTable` and `reportDocx`
 * (consultations.report.docx.ts) render it.
 */
import { AUTHOR_TYPES, DECISIONS, tAuthorType, tDecision, type Audience, type AuthorType, type Decision } from '../../common/consultations.js';
import { dictionaryTranslator, formatDate, formatNumber, inLang, LOCALES } from '../../common/i18n.js';
import { daysBetween, warsawDateOf } from '../../common/time.js';
import { DISTRICTS, type Lang } from '../../common/taxonomy.js';
import type { ExportTable } from '../core/export.js';
import type { RemarkContent } from './consultations.repository.js';

export interface ReportConsultation {
  id: string;
  title: string;
  goal: string;
  subject: string;
  unitName: string;
  legalBasis: string;
  audience: Audience;
  /** 1–18, or null for city-wide. */
  district: number | null;
  startsAt: string;
  endsAt: string;
  reportedAt: string | null;
  /** Staff's own introduction and summary (paragraphs split by blank lines); absent or null: the computed ones. */
  introduction?: string | null;
  summary?: string | null;
}

export interface ReportRemark extends RemarkContent {
  id: string;
  supporters: { organisationName: string }[];
  createdAt: string;
  decision: Decision | null;
  response: string | null;
}

export interface ReportGroup {
  /** null: remarks on the whole document. */
  unitId: string | null;
  label: string | null;
  text: string | null;
  remarks: (ReportRemark & { no: number })[];
}

export interface Report {
  consultation: ReportConsultation;
  groups: ReportGroup[];
  byAuthorType: Record<AuthorType, number>;
  /** `none` counts remarks without a decision (never, once every remark is answered). */
  byDecision: Record<Decision | 'none', number>;
  total: number;
  supports: number;
  /** People and bodies who sent a remark or a support, each once (see `buildReport`). */
  participants: number;
  /** Organisations, groups, councils and institutions named as an author or a supporter, each once. */
  organisations: number;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** An organisation's name as one key however it was typed: case, spacing and quote marks aside. */
const organisationKey = (name: string) => name.normalize('NFKC').toLocaleLowerCase('pl').replace(/["'„”“«»]/g, '').replace(/\s+/g, ' ').trim();

/**
 * Groups remarks by unit in document order (whole-document remarks first), numbers them, and counts.
 * `participants` is the count of distinct senders from the private contact data
 * (`countParticipants`); without it, each organisation counts once and each resident's remark as one person.
 */
export function buildReport(
  consultation: ReportConsultation,
  units: { id: string; label: string; text: string; position: number }[],
  remarks: ReportRemark[],
  counts: { participants?: number } = {},
): Report {
  const ordered = [...units].sort((a, b) => a.position - b.position);
  const byUnit = new Map<string | null, ReportRemark[]>();
  for (const r of [...remarks].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))) {
    const key = r.unitId && ordered.some((u) => u.id === r.unitId) ? r.unitId : null;
    byUnit.set(key, [...(byUnit.get(key) ?? []), r]);
  }
  const groups: ReportGroup[] = [];
  let no = 0;
  const push = (unitId: string | null, label: string | null, text: string | null) => {
    const list = byUnit.get(unitId);
    if (list?.length) groups.push({ unitId, label, text, remarks: list.map((r) => ({ ...r, no: ++no })) });
  };
  push(null, null, null);
  for (const u of ordered) push(u.id, u.label, u.text);

  const byAuthorType = zeros(AUTHOR_TYPES);
  const byDecision = zeros([...DECISIONS, 'none'] as const);
  let supports = 0;
  let residents = 0;
  const organisations = new Set<string>();
  for (const r of remarks) {
    byAuthorType[r.authorType]++;
    byDecision[r.decision ?? 'none']++;
    supports += r.supporters.length;
    if (r.authorType === 'resident' || !r.organisationName) residents++;
    else organisations.add(organisationKey(r.organisationName));
    for (const s of r.supporters) organisations.add(organisationKey(s.organisationName));
  }
  organisations.delete('');
  const participants = counts.participants ?? organisations.size + residents;
  return { consultation, groups, byAuthorType, byDecision, total: remarks.length, supports, participants, organisations: organisations.size };
}

/** The report's own labels in each language (vocabularies come from common/consultations.ts). */
export const REPORT_LABELS = {
  pl: {
    report: 'Sprawozdanie z konsultacji', subject: 'Przedmiot konsultacji', goal: 'Cel', unit: 'Jednostka odpowiedzialna', legalBasis: 'Podstawa prawna', period: 'Termin konsultacji',
    published: 'Data publikacji sprawozdania', remarks: 'Uwagi i rozstrzygnięcia', wholeDocument: 'Uwagi do całego dokumentu', remark: 'Uwaga', author: 'Autor', currentWording: 'Obecny zapis',
    proposedWording: 'Proponowany zapis', justification: 'Uzasadnienie uwagi', supporters: 'Poparcie', decision: 'Rozstrzygnięcie', response: 'Uzasadnienie rozstrzygnięcia',
    summary: 'Podsumowanie', byAuthorType: 'Uwagi według typu autora', byDecision: 'Uwagi według rozstrzygnięcia', authorType: 'Typ autora', count: 'Liczba uwag',
    total: 'Razem uwag', supportsTotal: 'Razem poparć', none: 'Bez rozstrzygnięcia', noRemarks: 'W konsultacjach nie zgłoszono uwag.', no: 'Lp.', unitCol: 'Jednostka redakcyjna', organisation: 'Organizacja',
    audience: 'Kto zgłasza uwagi', audienceNgo: 'Organizacje pozarządowe i grupy nieformalne', audienceAll: 'Wszyscy: mieszkańcy, organizacje i instytucje',
    area: 'Zasięg', cityWide: 'Cały Kraków', district: 'Dzielnica',
    to: 'do',
    signOff: 'Zatwierdzenie sprawozdania', preparedBy: 'Sporządził(a)', approvedBy: 'Zatwierdził(a)', signDate: 'Data', signName: 'Imię i nazwisko', signPosition: 'Stanowisko', signSignature: 'Podpis',
    page: 'Strona {page} z {pages}',
    introduction: 'Wprowadzenie',
    introWhen: 'Konsultacje prowadziła jednostka: {unit}. Trwały od {start} do {end} ({days}).',
    days: { one: '{count} dzień', few: '{count} dni', many: '{count} dni', other: '{count} dnia' },
    introHow: 'Uwagi przyjmowano w formie elektronicznej, przez formularz konsultacji: do wybranych jednostek redakcyjnych projektu albo do całego dokumentu, z proponowanym zapisem i uzasadnieniem.',
    introWhoNgo: 'Uwagi mogły zgłaszać organizacje pozarządowe i grupy nieformalne; organizacje mogły też poprzeć uwagi zgłoszone przez inne podmioty.',
    introWhoAll: 'Uwagi mógł zgłosić każdy: mieszkańcy, organizacje i instytucje; organizacje mogły też poprzeć uwagi zgłoszone przez innych.',
    introParticipants: { one: 'Uwagę lub poparcie zgłosił {count} uczestnik konsultacji.', few: 'Uwagi lub poparcia zgłosiło {count} uczestników konsultacji.', many: 'Uwagi lub poparcia zgłosiło {count} uczestników konsultacji.', other: 'Uwagi lub poparcia zgłosiło {count} uczestnika konsultacji.' },
    introOrganisations: 'Uwagi i poparcia zgłoszono w imieniu {count} organizacji lub instytucji.',
    introRemarks: { one: 'Zgłoszono {count} uwagę.', few: 'Zgłoszono {count} uwagi.', many: 'Zgłoszono {count} uwag.', other: 'Zgłoszono {count} uwagi.' },
    introSupports: { one: 'Uwagi otrzymały łącznie {count} poparcie.', few: 'Uwagi otrzymały łącznie {count} poparcia.', many: 'Uwagi otrzymały łącznie {count} poparć.', other: 'Uwagi otrzymały łącznie {count} poparcia.' },
    summaryAccepted: 'Uwzględnione w całości lub w części: {accepted} z {total} ({share}).',
    summaryAllDecided: 'Każda uwaga otrzymała rozstrzygnięcie.',
  },
  en: {
    report: 'Consultation report', subject: 'Subject of the consultation', goal: 'Goal', unit: 'Responsible unit', legalBasis: 'Legal basis', period: 'Consultation period',
    published: 'Report published', remarks: 'Remarks and decisions', wholeDocument: 'Remarks on the whole document', remark: 'Remark', author: 'Author', currentWording: 'Current wording',
    proposedWording: 'Proposed wording', justification: 'Justification of the remark', supporters: 'Supported by', decision: 'Decision', response: 'Justification of the decision',
    summary: 'Summary', byAuthorType: 'Remarks by author type', byDecision: 'Remarks by decision', authorType: 'Author type', count: 'Remarks',
    total: 'Total remarks', supportsTotal: 'Total supports', none: 'No decision', noRemarks: 'No remarks were submitted in this consultation.', no: 'No.', unitCol: 'Unit of the document', organisation: 'Organisation',
    audience: 'Who may remark', audienceNgo: 'NGOs and informal groups', audienceAll: 'Everyone: residents, organisations and institutions',
    area: 'Area', cityWide: 'The whole of Kraków', district: 'District',
    to: 'to',
    signOff: 'Approval of the report', preparedBy: 'Prepared by', approvedBy: 'Approved by', signDate: 'Date', signName: 'Name', signPosition: 'Position', signSignature: 'Signature',
    page: 'Page {page} of {pages}',
    introduction: 'Introduction',
    introWhen: 'The consultation was run by {unit}, from {start} to {end} ({days}).',
    days: { one: '{count} day', other: '{count} days' },
    introHow: 'Remarks were taken electronically, on the consultation form: on chosen units of the draft or on the whole document, each with the proposed wording and a justification.',
    introWhoNgo: 'NGOs and informal groups could submit remarks, and organisations could support remarks made by others.',
    introWhoAll: 'Anyone could submit remarks: residents, organisations and institutions; organisations could also support remarks made by others.',
    introParticipants: { one: '{count} participant sent a remark or a support.', other: '{count} participants sent remarks or supports.' },
    introOrganisations: { one: 'They acted for {count} organisation or institution.', other: 'They acted for {count} organisations or institutions.' },
    introRemarks: { one: '{count} remark was submitted.', other: '{count} remarks were submitted.' },
    introSupports: { one: 'The remarks received {count} support in all.', other: 'The remarks received {count} supports in all.' },
    summaryAccepted: 'Accepted in full or in part: {accepted} of {total} ({share}).',
    summaryAllDecided: 'Every remark received a decision.',
  },
  uk: {
    report: 'Звіт про консультації', subject: 'Предмет консультацій', goal: 'Мета', unit: 'Відповідальний підрозділ', legalBasis: 'Правова підстава', period: 'Строк консультацій',
    published: 'Дата публікації звіту', remarks: 'Зауваження та рішення', wholeDocument: 'Зауваження до всього документа', remark: 'Зауваження', author: 'Автор', currentWording: 'Чинна редакція',
    proposedWording: 'Запропонована редакція', justification: 'Обґрунтування зауваження', supporters: 'Підтримка', decision: 'Рішення', response: 'Обґрунтування рішення',
    summary: 'Підсумок', byAuthorType: 'Зауваження за типом автора', byDecision: 'Зауваження за рішенням', authorType: 'Тип автора', count: 'Кількість зауважень',
    total: 'Усього зауважень', supportsTotal: 'Усього підтримок', none: 'Без рішення', noRemarks: 'Під час консультацій зауважень не надійшло.', no: '№', unitCol: 'Структурна одиниця', organisation: 'Організація',
    audience: 'Хто подає зауваження', audienceNgo: 'Неурядові організації та неформальні групи', audienceAll: 'Усі: мешканці, організації та установи',
    area: 'Територія', cityWide: 'Увесь Краків', district: 'Район',
    to: 'до',
    signOff: 'Затвердження звіту', preparedBy: 'Підготував(ла)', approvedBy: 'Затвердив(ла)', signDate: 'Дата', signName: 'Ім’я та прізвище', signPosition: 'Посада', signSignature: 'Підпис',
    page: 'Сторінка {page} з {pages}',
    introduction: 'Вступ',
    introWhen: 'Консультації проводив підрозділ: {unit}. Вони тривали з {start} до {end} ({days}).',
    days: { one: '{count} день', few: '{count} дні', many: '{count} днів', other: '{count} дня' },
    introHow: 'Зауваження приймали в електронній формі, через форму консультацій: до вибраних структурних одиниць проєкту або до всього документа, із запропонованою редакцією та обґрунтуванням.',
    introWhoNgo: 'Зауваження могли подавати неурядові організації та неформальні групи; організації могли також підтримати зауваження, подані іншими.',
    introWhoAll: 'Зауваження міг подати кожен: мешканці, організації та установи; організації могли також підтримати зауваження, подані іншими.',
    introParticipants: { one: 'Зауваження або підтримку подав {count} учасник консультацій.', few: 'Зауваження або підтримку подали {count} учасники консультацій.', many: 'Зауваження або підтримку подали {count} учасників консультацій.', other: 'Зауваження або підтримку подали {count} учасника консультацій.' },
    introOrganisations: { one: 'Зауваження та підтримку подано від імені {count} організації або установи.', few: 'Зауваження та підтримку подано від імені {count} організацій або установ.', many: 'Зауваження та підтримку подано від імені {count} організацій або установ.', other: 'Зауваження та підтримку подано від імені {count} організації або установи.' },
    introRemarks: { one: 'Подано {count} зауваження.', few: 'Подано {count} зауваження.', many: 'Подано {count} зауважень.', other: 'Подано {count} зауваження.' },
    introSupports: { one: 'Зауваження отримали загалом {count} підтримку.', few: 'Зауваження отримали загалом {count} підтримки.', many: 'Зауваження отримали загалом {count} підтримок.', other: 'Зауваження отримали загалом {count} підтримки.' },
    summaryAccepted: 'Враховано повністю або частково: {accepted} з {total} ({share}).',
    summaryAllDecided: 'Кожне зауваження отримало рішення.',
  },
} as const;

/** The report's labels on the translator core (common/i18n.ts): `tReport(lang, 'report')`; en and uk must have every key of pl. */
export const tReport = dictionaryTranslator<(typeof REPORT_LABELS)['pl']>(REPORT_LABELS);
export type ReportKey = keyof (typeof REPORT_LABELS)['pl'];

/** BCP 47 locale of each report language (dates, and the DOCX document language): the translator core's. */
export const REPORT_LOCALES = LOCALES;

/** A UTC instant as a date and time in Europe/Warsaw, in the report's language. */
export const warsawDateTime = (iso: string, lang: Lang) => formatDate(lang, iso, { dateStyle: 'long', timeStyle: 'short' });

/** Everything user-written goes through this: script and markup render as text. */


const author = (r: ReportRemark, lang: Lang) => (r.authorType === 'resident' || !r.organisationName ? tAuthorType(lang, 'resident') : r.organisationName);
/** `Organisation (type)`, or just the type for residents: never a person's name. */
export const authorWithType = (r: ReportRemark, lang: Lang) =>
  r.authorType === 'resident' || !r.organisationName ? tAuthorType(lang, r.authorType) : `${r.organisationName} (${tAuthorType(lang, r.authorType)})`;
export const decisionLabel = (d: Decision | null, lang: Lang) => (d ? tDecision(lang, d) : tReport(lang, 'none'));
export const groupLabel = (g: ReportGroup, lang: Lang) => g.label ?? tReport(lang, 'wholeDocument');

/** The header facts, in order: label and value, empty values left out. */
export function reportFacts(c: ReportConsultation, lang: Lang): { label: string; value: string }[] {
  const t = inLang(tReport, lang);
  const district = c.district === null ? undefined : DISTRICTS.find((d) => d.id === c.district);
  const facts: [string, string | null | undefined][] = [
    [t('subject'), c.subject],
    [t('goal'), c.goal],
    [t('unit'), c.unitName],
    [t('legalBasis'), c.legalBasis],
    [t('period'), `${warsawDateTime(c.startsAt, lang)} – ${warsawDateTime(c.endsAt, lang)}`],
    [t('audience'), c.audience === 'ngo' ? t('audienceNgo') : t('audienceAll')],
    [t('area'), district ? `${t('district')} ${district.roman} ${district.name}` : t('cityWide')],
    [t('published'), c.reportedAt ? warsawDateTime(c.reportedAt, lang) : null],
  ];
  return facts.filter((f): f is [string, string] => !!f[1]).map(([label, value]) => ({ label, value }));
}

/** Days a consultation ran, counted as the office counts them: its first and last Warsaw calendar days included. */
export function consultationDays(startsAt: string, endsAt: string): number {
  // An end at midnight closes the day before it.
  const last = warsawDateOf(new Date(Date.parse(endsAt) - 1));
  return Math.max(1, daysBetween(warsawDateOf(startsAt), last) + 1);
}

/** Staff's text as paragraphs: split at blank lines, the lines of one paragraph joined by a space. */
export const staffParagraphs = (text: string): string[] =>
  text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);

/**
 * The introduction, a paragraph each: staff's own text when they wrote one; else who ran the
 * consultation and when, how remarks were taken and from whom, and who took part, with figures
 * computed from the data.
 */
export function reportIntroduction(report: Report, lang: Lang): string[] {
  const t = inLang(tReport, lang);
  const c = report.consultation;
  if (c.introduction?.trim()) return staffParagraphs(c.introduction);
  const when = t('introWhen', {
    unit: c.unitName, start: warsawDateTime(c.startsAt, lang), end: warsawDateTime(c.endsAt, lang), days: t('days', { count: consultationDays(c.startsAt, c.endsAt) }),
  });
  const how = `${t('introHow')} ${t(c.audience === 'ngo' ? 'introWhoNgo' : 'introWhoAll')}`;
  if (!report.total) return [when, how, t('noRemarks')];
  const who = [
    t('introParticipants', { count: report.participants }),
    ...(report.organisations ? [t('introOrganisations', { count: report.organisations })] : []),
    t('introRemarks', { count: report.total }),
    ...(report.supports ? [t('introSupports', { count: report.supports })] : []),
  ];
  return [when, how, who.join(' ')];
}

/** The summary's words above its tables: staff's own text when they wrote one; else the share of remarks taken up, and whether any wait for a decision. */
export function reportSummary(report: Report, lang: Lang): string[] {
  const t = inLang(tReport, lang);
  const own = report.consultation.summary;
  if (own?.trim()) return staffParagraphs(own);
  if (!report.total) return [t('noRemarks')];
  const accepted = report.byDecision.accepted + report.byDecision.partly_accepted;
  const share = formatNumber(lang, accepted / report.total, { style: 'percent', maximumFractionDigits: 0 });
  return [t('summaryAccepted', { accepted, total: report.total, share }), report.byDecision.none ? `${t('none')}: ${formatNumber(lang, report.byDecision.none)}.` : t('summaryAllDecided')];
}

/** The page label around the two numbers, e.g. `["Strona ", " z ", ""]`, for print CSS and the DOCX footer's fields. */
export function pageLabelParts(lang: Lang): [string, string, string] {
  const [before = '', rest = ''] = tReport(lang, 'page').split('{page}');
  const [middle = '', after = ''] = rest.split('{pages}');
  return [before, middle, after];
}

/**
 * Print: A4 pages numbered "Strona n z m" (in the report's language) in the bottom margin (CSS paged media; Chromium and
 * WeasyPrint draw page-margin boxes), a unit's heading and its text never left alone at the foot
 * of a page (`break-after: avoid` on the heading, the first remark kept with them), a remark never
 * split, and the sign-off block on one page.
 */
const STYLE = `
@page { size: A4; margin: 2cm 2cm 2.5cm; @bottom-center { content: PAGE_LABEL; font: 9pt "Liberation Serif", "Times New Roman", serif } }
* { box-sizing: border-box }
body { font: 11pt/1.45 "Liberation Serif", "Times New Roman", Georgia, serif; color: #000; background: #fff; margin: 0 auto; max-width: 17cm; padding: 1rem 0 }
h1 { font-size: 18pt; margin: 0 0 .5rem } h2 { font-size: 14pt; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #000 } h3 { font-size: 12pt; margin: 1rem 0 .25rem }
h1, h2, h3, h4, .unit-text { break-after: avoid; page-break-after: avoid }
section > h3 + article, section > .unit-text + article { break-before: avoid; page-break-before: avoid }
.sign-off { break-inside: avoid; page-break-inside: avoid; margin-top: 2rem }
.sign-off table { width: 100% } .sign-off td { height: 2.5rem; width: 70% } .sign-off td p { margin: .4rem 0 }
.blank { display: inline-block; min-width: 8cm; border-bottom: 1px dotted #000 }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 }
dl.meta dt { font-weight: bold } dl.meta dd { margin: 0 }
.unit-text { font-style: italic; margin: 0 0 .5rem; white-space: pre-line }
article { border: 1px solid #000; padding: .5rem .75rem; margin: 0 0 .75rem; break-inside: avoid; page-break-inside: avoid }
article h4 { margin: 0 0 .25rem; font-size: 11pt }
article dl { margin: 0 } article dt { font-weight: bold; margin-top: .25rem } article dd { margin: 0; white-space: pre-line }
table { border-collapse: collapse; margin: .5rem 0 1rem; break-inside: avoid }
th, td { border: 1px solid #000; padding: .2rem .5rem; text-align: left; vertical-align: top } td.n, th.n { text-align: right }
tfoot th, tfoot td { font-weight: bold }
@media print { body { padding: 0; max-width: none } a { color: #000; text-decoration: none } }
`;

/** The lines to fill in for each signatory: name, position, signature. */
export const signOffFields = (lang: Lang) => [tReport(lang, 'signName'), tReport(lang, 'signPosition'), tReport(lang, 'signSignature')];

/** The page label as a CSS `content` value: `"Strona " counter(page) " z " counter(pages)`. */
function pageCounterCss(lang: Lang): string {
  const quote = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;
  const [before, middle, after] = pageLabelParts(lang);
  return [before && quote(before), 'counter(page)', quote(middle), 'counter(pages)', after && quote(after)].filter(Boolean).join(' ');
}

/** A standalone, printable A4 page. Every user-written text is escaped (`hono/html`). */
export function reportHtml(report: Report, lang: Lang): string {
  const t = inLang(tReport, lang);
  const c = report.consultation;
  const field = (label: string, value: string | null | undefined) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');
  const remark = (r: ReportGroup['remarks'][number]) => html`<article>
<h4>${t('remark')} ${r.no}. ${t('author')}: ${authorWithType(r, lang)}</h4>
<dl>${field(t('currentWording'), r.currentWording)}${field(t('proposedWording'), r.proposedWording)}${field(t('justification'), r.justification)}${field(t('supporters'), r.supporters.map((s) => s.organisationName).join('; '))}<dt>${t('decision')}</dt><dd class="decision">${decisionLabel(r.decision, lang)}</dd>${field(t('response'), r.response)}</dl>
</article>`;
  const lines = <I>(items: I[], render: (item: I) => ReturnType<typeof html>) => items.map((item, i) => (i ? html`\n${render(item)}` : render(item)));
  const groups = lines(report.groups, (g) => html`<section><h3>${groupLabel(g, lang)}</h3>${g.text ? html`<p class="unit-text">${g.text}</p>` : ''}\n${lines(g.remarks, remark)}</section>`);
  const row = (label: string, n: number, key: string) => html`<tr data-key="${key}"><th scope="row">${label}</th><td class="n">${n}</td></tr>`;
  const authorRows = AUTHOR_TYPES.map((a) => row(tAuthorType(lang, a), report.byAuthorType[a], a));
  const decisionRows = [...DECISIONS.map((d) => row(tDecision(lang, d), report.byDecision[d], d)), ...(report.byDecision.none ? [row(t('none'), report.byDecision.none, 'none')] : [])];
  const signLines = signOffFields(lang).map((label) => html`<p>${label}: <span class="blank"></span></p>`);
  const table = (caption: string, head: string, rows: ReturnType<typeof html>[]) =>
    html`<table><caption>${caption}</caption><thead><tr><th scope="col">${head}</th><th scope="col" class="n">${t('count')}</th></tr></thead><tbody>${rows}</tbody><tfoot><tr><th scope="row">${t('total')}</th><td class="n" data-total>${report.total}</td></tr></tfoot></table>`;
  return page(html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('report')}: ${c.title}</title>
<style>${raw(STYLE.replace('PAGE_LABEL', pageCounterCss(lang)))}</style>
</head>
<body>
<header>
<p>${t('report')}</p>
<h1>${c.title}</h1>
<dl class="meta">${reportFacts(c, lang).map((f) => field(f.label, f.value))}</dl>
</header>
<main>
<section class="introduction" aria-labelledby="introduction">
<h2 id="introduction">${t('introduction')}</h2>
${lines(reportIntroduction(report, lang), (p) => html`<p>${p}</p>`)}
</section>
<h2>${t('remarks')}</h2>
${report.total ? groups : html`<p>${t('noRemarks')}</p>`}
<h2>${t('summary')}</h2>
<div class="summary">${lines(reportSummary(report, lang), (p) => html`<p>${p}</p>`)}</div>
${table(t('byAuthorType'), t('authorType'), authorRows)}
${table(t('byDecision'), t('decision'), decisionRows)}
<p><strong>${t('total')}:</strong> <span data-total-remarks>${report.total}</span>. <strong>${t('supportsTotal')}:</strong> <span data-total-supports>${report.supports}</span>.</p>
<section class="sign-off" aria-labelledby="sign-off">
<h2 id="sign-off">${t('signOff')}</h2>
<p><strong>${t('unit')}:</strong> ${c.unitName}</p>
<table><tbody>
<tr><th scope="row">${t('preparedBy')}</th><td>${signLines}</td></tr>
<tr><th scope="row">${t('approvedBy')}</th><td>${signLines}</td></tr>
<tr><th scope="row">${t('signDate')}</th><td><span class="blank"></span></td></tr>
</tbody></table>
</section>
</main>
</body>
</html>
`);
}

const COLUMNS = ['no', 'unit', 'authorType', 'author', 'currentWording', 'proposedWording', 'justification', 'supporters', 'supportCount', 'decision', 'response'] as const;

/**
 * The report as a table (for CSV and XLSX): one line per remark, then an empty line and the
 * summary in the first two columns: counts by author type, by decision, and the totals.
 */
export function reportTable(report: Report, lang: Lang): ExportTable {
  const t = inLang(tReport, lang);
  const headers: Record<(typeof COLUMNS)[number], string> = {
    no: t('no'), unit: t('unitCol'), authorType: t('authorType'), author: t('author'), currentWording: t('currentWording'), proposedWording: t('proposedWording'),
    justification: t('justification'), supporters: t('supporters'), supportCount: t('supportsTotal'), decision: t('decision'), response: t('response'),
  };
  const rows: Record<string, unknown>[] = report.groups.flatMap((g) =>
    g.remarks.map((r) => ({
      no: r.no, unit: groupLabel(g, lang), authorType: tAuthorType(lang, r.authorType), author: author(r, lang), currentWording: r.currentWording,
      proposedWording: r.proposedWording, justification: r.justification, supporters: r.supporters.map((s) => s.organisationName), supportCount: r.supporters.length,
      decision: decisionLabel(r.decision, lang), response: r.response ?? '',
    })),
  );
  const pair = (label: string, n: number) => ({ no: label, unit: n });
  rows.push({}, pair(t('byAuthorType'), NaN));
  rows.push(...AUTHOR_TYPES.map((a) => pair(tAuthorType(lang, a), report.byAuthorType[a])));
  rows.push({}, pair(t('byDecision'), NaN));
  rows.push(...DECISIONS.map((d) => pair(tDecision(lang, d), report.byDecision[d])));
  if (report.byDecision.none) rows.push(pair(t('none'), report.byDecision.none));
  rows.push({}, pair(t('total'), report.total), pair(t('supportsTotal'), report.supports));
  // Section titles carry no number.
  for (const r of rows) if (Number.isNaN(r.unit)) r.unit = t('count');
  return { columns: COLUMNS.map((key) => ({ key, header: headers[key] })), rows };
}
