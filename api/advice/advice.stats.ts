import type { Stats } from '../../common/advice.schema.js';
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

/** The anonymised export's columns: what the statistics count, never who asked or what. */
export const EXPORT_COLUMNS = [
  { key: 'number', header: 'Numer sprawy' },
  { key: 'topic_id', header: 'Temat' },
  { key: 'status', header: 'Status' },
  { key: 'organisation_kind', header: 'Rodzaj organizacji' },
  { key: 'district', header: 'Dzielnica' },
  { key: 'channel', header: 'Kanał' },
  { key: 'created_at', header: 'Wpłynęła' },
  { key: 'first_response_at', header: 'Pierwsza odpowiedź' },
  { key: 'closed_at', header: 'Zamknięta' },
  { key: 'satisfaction', header: 'Ocena (1–5)' },
] as const;
