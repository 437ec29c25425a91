/**
 * The survey's exports: anonymised responses with their codebook, and the indices, as tables that
 * `toCsv` and `toXlsx` (the kit) write. Nothing here can identify a respondent: responses carry no
 * id or time, rows are shuffled, and a group with fewer than 5 responses is left out of the rows.
 */
import { randomInt } from 'node:crypto';
import { dictionaryTranslator, inLang } from '../../common/i18n.js';
import type { Lang } from '../../common/taxonomy.js';
import type { Answers, Instrument, Item, RespondentGroup } from '../../common/surveys.js';
import { GROUP_LABELS, HARD_TO_SAY, MIN_CELL, allItems, itemText, tGroup, textIn } from '../../common/surveys.js';
import type { Cell, Column } from '../../common/surveys.scoring.js';
import type { Results } from '../../common/surveys.schema.js';
import type { ExportColumn } from '../core/export.js';

/** The code of "hard to say" in the responses file (a scale answer is 1–5). */
export const HARD_TO_SAY_CODE = 9;

const L = {
  pl: { group: 'grupa', column: 'kolumna', item: 'pytanie (id)', section: 'sekcja', type: 'typ', question: 'treść', codes: 'kody', shownTo: 'widzą', weight: 'waga', reverse: 'odwrócone', yes: 'tak', no: 'nie', all: 'wszyscy', hard: 'trudno powiedzieć', ticked: '1 = zaznaczone, 0 = nie', empty: 'puste = brak odpowiedzi lub pytanie niewyświetlone', level: 'poziom', index: 'indeks', few: 'n < 5', hidden: 'ukryte', allGroups: 'Wszystkie grupy', text: 'tekst', number: 'liczba', option: 'opcja' },
  en: { group: 'group', column: 'column', item: 'item (id)', section: 'section', type: 'type', question: 'wording', codes: 'codes', shownTo: 'shown to', weight: 'weight', reverse: 'reversed', yes: 'yes', no: 'no', all: 'all', hard: 'hard to say', ticked: '1 = ticked, 0 = not', empty: 'empty = no answer or not shown', level: 'level', index: 'index', few: 'n < 5', hidden: 'hidden', allGroups: 'All groups', text: 'text', number: 'number', option: 'option' },
  uk: { group: 'група', column: 'стовпець', item: 'питання (id)', section: 'розділ', type: 'тип', question: 'формулювання', codes: 'коди', shownTo: 'бачать', weight: 'вага', reverse: 'зворотне', yes: 'так', no: 'ні', all: 'усі', hard: 'важко сказати', ticked: '1 = позначено, 0 = ні', empty: 'порожньо = немає відповіді або питання не показано', level: 'рівень', index: 'індекс', few: 'n < 5', hidden: 'приховано', allGroups: 'Усі групи', text: 'текст', number: 'число', option: 'варіант' },
} as const;
/** The export's labels on the translator core (common/i18n.ts). */
const tExport = dictionaryTranslator<(typeof L)['pl']>(L);

export const columnLabel = (c: Column, lang: Lang) => (c === 'all' ? tExport(lang, 'allGroups') : tGroup(lang, c));

/** The columns of the responses file an item gives: one, or one per option of a multiple choice. */
function itemColumns(item: Item): { key: string; option?: string }[] {
  return item.type === 'multiple' ? item.options.map((o) => ({ key: `${item.id}__${o.id}`, option: o.id })) : [{ key: item.id }];
}

function code(item: Item, answers: Answers, option?: string): string | number | null {
  const a = answers[item.id];
  if (item.type === 'multiple') return a === undefined ? null : Array.isArray(a) && a.includes(option!) ? 1 : 0;
  if (a === undefined) return null;
  if (item.type === 'scale') return a === HARD_TO_SAY ? HARD_TO_SAY_CODE : (a as number);
  return a as string | number;
}

/** Fisher–Yates with a CSPRNG: the file's row order says nothing about when anyone answered. */
function shuffled<T>(rows: T[]): T[] {
  const out = [...rows];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function responsesTable(instrument: Instrument, responses: readonly { group: RespondentGroup; answers: Answers }[]): { columns: ExportColumn[]; rows: Record<string, unknown>[] } {
  const columns: ExportColumn[] = [{ key: 'group', header: 'group' }];
  const cols: { key: string; item: Item; option?: string }[] = [];
  for (const { item } of allItems(instrument)) for (const c of itemColumns(item)) {
    columns.push({ key: c.key, header: c.key });
    cols.push({ ...c, item });
  }
  const counts = new Map<RespondentGroup, number>();
  for (const r of responses) counts.set(r.group, (counts.get(r.group) ?? 0) + 1);
  const rows = responses
    .filter((r) => (counts.get(r.group) ?? 0) >= MIN_CELL)
    .map((r) => Object.fromEntries([['group', r.group], ...cols.map((c) => [c.key, code(c.item, r.answers, c.option)])]));
  return { columns, rows: shuffled(rows) };
}

export function codebookTable(instrument: Instrument, lang: Lang): { columns: ExportColumn[]; rows: Record<string, unknown>[] } {
  const t = inLang(tExport, lang);
  const columns: ExportColumn[] = [
    { key: 'column', header: t('column') }, { key: 'item', header: t('item') }, { key: 'section', header: t('section') }, { key: 'type', header: t('type') }, { key: 'question', header: t('question') },
    { key: 'codes', header: t('codes') }, { key: 'shownTo', header: t('shownTo') }, { key: 'weight', header: t('weight') }, { key: 'reverse', header: t('reverse') },
  ];
  const rows: Record<string, unknown>[] = [{ column: 'group', item: '', section: '', type: t('group'), question: t('group'), codes: Object.entries(GROUP_LABELS).map(([g, l]) => `${g} = ${textIn(l, lang)}`).join('; '), shownTo: t('all'), weight: null, reverse: null }];
  for (const { section, item } of allItems(instrument)) {
    const shownTo = (item.groups ?? section.groups)?.map((g) => tGroup(lang, g)).join(', ') ?? t('all');
    const base = { item: item.id, section: section.id, type: item.type, shownTo, weight: item.type === 'scale' ? item.weight : null, reverse: item.type === 'scale' ? (item.reverse ? t('yes') : t('no')) : null };
    const question = textIn(itemText(item, null), lang);
    if (item.type === 'multiple') {
      for (const o of item.options) rows.push({ ...base, column: `${item.id}__${o.id}`, question: `${question} — ${textIn(o.text, lang)}`, codes: `${t('ticked')}; ${t('empty')}` });
      continue;
    }
    let codes: string = t('empty');
    if (item.type === 'scale') codes = [...instrument.scales[item.scale]!.points.map((p, i) => `${i + 1} = ${textIn(p, lang)}`), ...(item.hardToSay ? [`${HARD_TO_SAY_CODE} = ${t('hard')}`] : []), t('empty')].join('; ');
    if (item.type === 'single') codes = [...item.options.map((o) => `${o.id} = ${textIn(o.text, lang)}`), t('empty')].join('; ');
    if (item.type === 'number') codes = `${t('number')} ${item.min}–${item.max}; ${t('empty')}`;
    if (item.type === 'text') codes = `${t('text')}; ${t('empty')}`;
    rows.push({ ...base, column: item.id, question, codes });
  }
  return { columns, rows };
}

const shown = (c: Cell | undefined, lang: Lang) => (!c ? null : c.suppressed === 'few' ? tExport(lang, 'few') : c.suppressed ? tExport(lang, 'hidden') : c.score);

/** Index, section and item scores by column (suppressed cells written as "n < 5" or "hidden", never 0). */
export function indicesTable(results: Pick<Results, 'columns' | 'index' | 'sections' | 'items'>, lang: Lang): { columns: ExportColumn[]; rows: Record<string, unknown>[] } {
  const t = inLang(tExport, lang);
  const columns: ExportColumn[] = [{ key: 'level', header: t('level') }, { key: 'id', header: 'id' }, { key: 'section', header: t('section') }, { key: 'text', header: t('question') }];
  for (const c of results.columns) columns.push({ key: c, header: columnLabel(c, lang) }, { key: `${c}_n`, header: `${columnLabel(c, lang)} (n)` });
  const cells = (cs: Partial<Record<Column, Cell>>) => Object.fromEntries(results.columns.flatMap((c) => [[c, shown(cs[c], lang)], [`${c}_n`, cs[c]?.n ?? null]]));
  const rows: Record<string, unknown>[] = [{ level: t('index'), id: 'index', section: '', text: t('index'), ...cells(results.index) }];
  for (const s of results.sections) rows.push({ level: t('section'), id: s.id, section: s.id, text: s.title[lang], ...cells(s.cells) });
  for (const i of results.items ?? []) rows.push({ level: t('item'), id: i.id, section: i.section, text: i.text[lang], ...cells(i.cells) });
  return { columns, rows };
}
