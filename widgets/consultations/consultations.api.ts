import type { z } from 'zod';
import type { AuthorType, Decision } from '../../common/consultations.js';
import type * as S from '../../common/consultations.schema.js';
import type { Lang } from '../core/i18n/index.js';
import { request } from '../core/api.js';

/** The client of `/v1/consultations` used by `<ngo-consultation>`. */

export type ConsultationSummary = z.output<typeof S.ConsultationSummary>;
export type ConsultationDetail = z.output<typeof S.ConsultationDetail>;
export type ConsultationUnit = z.output<typeof S.ConsultationUnit>;
export type PublicRemark = z.output<typeof S.PublicRemark>;
/** What the widget sends; the API fills in defaults and trims. */
export type RemarkBody = Omit<z.input<typeof S.RemarkInput>, 'abuse'>;
export type SupportBody = Omit<z.input<typeof S.SupportInput>, 'abuse'>;
export interface Accepted {
  id: string;
  status: 'unconfirmed' | 'pending' | 'published';
}

/** Remark filters as the widget holds them; empty strings mean "any". `unit` is a unit id or `document`. */
export interface RemarkFilters {
  unit: string;
  authorType: AuthorType | '';
  decision: Decision | '';
}

const PATH = '/v1/consultations';
const enc = encodeURIComponent;

/** Pages followed at most (the lists are paged by cursor): 50 pages of the largest page size. */
const MAX_PAGES = 50;

/** Every item of a paged list: each page's `next` cursor asks for the page after it, until the last. */
export async function allPages<T>(page: (after: string) => Promise<{ items: T[]; next?: string | null }>): Promise<{ items: T[] }> {
  const items: T[] = [];
  let after = '';
  for (let i = 0; i < MAX_PAGES; i++) {
    const p = await page(after);
    items.push(...p.items);
    if (!p.next) break;
    after = p.next;
  }
  return { items };
}

const withCursor = (p: URLSearchParams, after: string) => {
  const q = new URLSearchParams(p);
  if (after) q.set('after', after);
  return q;
};

export function listConsultations(base: string, district: string, signal?: AbortSignal) {
  const p = new URLSearchParams({ status: 'open,planned,closed,reported' });
  if (district) p.set('district', district);
  return allPages((after) => request<{ items: ConsultationSummary[]; next: string | null }>(base, `${PATH}?${withCursor(p, after)}`, { signal }));
}

/**
 * Public reads may come from the HTTP cache for up to 30 s. After the person's own write (`fresh`
 * counts them) the read revalidates with the server, so a published remark shows at once.
 */
const query = (p: URLSearchParams) => (p.size ? `?${p}` : '');
const cacheMode = (fresh: number): RequestCache | undefined => (fresh ? 'no-cache' : undefined);

/** `lang` picks the language of the operator's default information clause, when the consultation has none of its own. */
export const getConsultation = (base: string, id: string, lang: string, fresh: number, signal?: AbortSignal) =>
  request<ConsultationDetail>(base, `${PATH}/${enc(id)}?lang=${enc(lang)}`, { signal, cache: cacheMode(fresh) });

export function listRemarks(base: string, id: string, f: RemarkFilters, fresh: number, signal?: AbortSignal) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  return allPages((after) => request<{ items: PublicRemark[]; next: string | null }>(base, `${PATH}/${enc(id)}/remarks${query(withCursor(p, after))}`, { signal, cache: cacheMode(fresh) }));
}

/** Where a POST goes: a remark, a support of a remark, or one of the two e-mailed confirmations. */
export type Target = { kind: 'remark'; consultation: string } | { kind: 'support'; consultation: string; remark: string } | { kind: 'confirm' | 'confirm-support' };

export function postPath(t: Target): string {
  if (t.kind === 'remark') return `${PATH}/${enc(t.consultation)}/remarks`;
  if (t.kind === 'support') return `${PATH}/${enc(t.consultation)}/remarks/${enc(t.remark)}/supports`;
  return t.kind === 'confirm' ? `${PATH}/remarks/confirm` : `${PATH}/supports/confirm`;
}

export const post = (base: string, path: string, body: unknown, idempotencyKey?: string) =>
  request<Accepted>(base, path, { method: 'POST', body, idempotencyKey });

/** The public report (available once the answers are published). */
export const reportUrl = (base: string, id: string, format: 'html' | 'csv' | 'docx', lang: Lang) => `${base}${PATH}/${enc(id)}/report?format=${format}&lang=${lang}`;
