import { tCaseStatus, tChannel } from '../../common/advice.js';
import { dictionaryTranslator, inLang, labelTranslator } from '../../common/i18n.js';
import type { Stats } from '../../common/advice.schema.js';
import { tKind } from '../../common/org-kinds.js';
import type { Labels, Lang } from '../../common/taxonomy.js';
import type { ExportColumn, ExportTable } from '../core/export.js';
import { warsawDateOf } from '../../common/time.js';
import type { CaseFacts } from './advice.repository.js';

/** The advisory point's statistics, from case facts alone (no personal data), so they outlive the purge. */

const HOUR = 3600_000;
const hoursBetween = (from: string, to: string | null) => (to ? (Date.parse(to) - Date.parse(from)) / HOUR : null);
const mean = (xs: readonly number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);
const monthInWarsaw = (iso: string) => warsawDateOf(iso).slice(0, 7);

/** Counts, mean hours to the first response and to closing, mean satisfaction, over one group of cases. */
export function summarise(key: string, facts: readonly CaseFacts[]): Stats['total'] {
  const first = facts.flatMap((f) => hoursBetween(f.created_at, f.first_response_at) ?? []);
  const close = facts.flatMap((f) => hoursBetween(f.created_at, f.closed_at) ?? []);
  const rated = facts.flatMap((f) => (f.satisfaction === null ? [] : [Number(f.satisfaction)]));
  return {
    key,
    count: facts.length,
    closed: facts.filter((f) => f.closed_at !== null).length,
    avgFirstResponseHours: mean(first),
    avgCloseHours: mean(close),
    avgSatisfaction: mean(rated),
    rated: rated.length,
  };
}

function groupBy(facts: readonly CaseFacts[], keyOf: (f: CaseFacts) => string): Stats['total'][] {
  const groups = new Map<string, CaseFacts[]>();
  for (const f of facts) {
    const k = keyOf(f);
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, fs]) => summarise(k, fs));
}

/** By topic, month (Warsaw), organisation kind and district (`none` without a map entry). */
export function buildStats(facts: readonly CaseFacts[]): Stats {
  return {
    total: summarise('total', facts),
    byTopic: groupBy(facts, (f) => f.topic_id),
    byMonth: groupBy(facts, (f) => monthInWarsaw(f.created_at)),
    byKind: groupBy(facts, (f) => f.organisation_kind),
    byDistrict: groupBy(facts, (f) => (f.district === null ? 'none' : String(f.district))),
  };
}

/** Column headings of the export, on the translator core (common/i18n.ts). */
const tExport = dictionaryTranslator({
  pl: { number: 'Numer sprawy', topic: 'Temat', status: 'Status', kind: 'Rodzaj organizacji', district: 'Dzielnica', channel: 'Kanał', created: 'Wpłynęła', firstResponse: 'Pierwsza odpowiedź', closed: 'Zamknięta', satisfaction: 'Ocena (1–5)' },
  en: { number: 'Case number', topic: 'Topic', status: 'Status', kind: 'Organisation kind', district: 'District', channel: 'Channel', created: 'Received', firstResponse: 'First response', closed: 'Closed', satisfaction: 'Rating (1–5)' },
  uk: { number: 'Номер справи', topic: 'Тема', status: 'Статус', kind: 'Тип організації', district: 'Район', channel: 'Канал', created: 'Надійшла', firstResponse: 'Перша відповідь', closed: 'Закрита', satisfaction: 'Оцінка (1–5)' },
});

/**
 * The anonymised export: what the statistics count, never who asked or what. Topics (retired ones
 * too), statuses, kinds and channels as labels in `lang`, times as date cells in Warsaw time.
 */
export function adviceExportTable(facts: readonly CaseFacts[], lang: Lang, topics: readonly { id: string; labels: Labels }[]): ExportTable {
  const h = inLang(tExport, lang);
  const tTopic = labelTranslator(Object.fromEntries(topics.map((t) => [t.id, t.labels])));
  const columns: ExportColumn[] = [
    { key: 'number', header: h('number') }, { key: 'topic', header: h('topic') }, { key: 'status', header: h('status') }, { key: 'kind', header: h('kind') },
    { key: 'district', header: h('district'), type: 'number' }, { key: 'channel', header: h('channel') },
    { key: 'created', header: h('created'), type: 'datetime' }, { key: 'firstResponse', header: h('firstResponse'), type: 'datetime' }, { key: 'closed', header: h('closed'), type: 'datetime' },
    { key: 'satisfaction', header: h('satisfaction'), type: 'number' },
  ];
  const rows = facts.map((f) => ({
    number: f.number, topic: tTopic(lang, f.topic_id), status: tCaseStatus(lang, f.status),
    kind: tKind(lang, f.organisation_kind), district: f.district,
    channel: tChannel(lang, f.channel), created: f.created_at, firstResponse: f.first_response_at, closed: f.closed_at,
    satisfaction: f.satisfaction === null ? null : Number(f.satisfaction),
  }));
  return { columns, rows };
}
