import type { z } from 'zod';
import type * as S from '../../common/guide.schema.js';
import type { Lang } from '../core/i18n/index.js';
import { request } from '../core/api.js';

/** The client of `/v1/guide` used by `<ngo-guide>`, typed from the server's schemas. */

export type GuideTree = z.output<typeof S.GuideTree>;
export type GuideArticle = z.output<typeof S.GuideArticle>;
export type GuideVersions = z.output<typeof S.GuideVersions>;
export type GuideDiff = z.output<typeof S.GuideDiff>;
export type SearchResult = z.output<typeof S.SearchResult>;
export type GuideJourney = z.output<typeof S.GuideJourney>;
export type GuideLink = z.output<typeof S.GuideLink>;
export type FeedbackBody = Omit<z.input<typeof S.FeedbackInput>, 'abuse'>;

const PATH = '/v1/guide';
const enc = encodeURIComponent;
const query = (o: Record<string, string | undefined>) => new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => !!e[1])).toString();

export const getTree = (base: string, lang: Lang, tag: string, signal?: AbortSignal) => request<GuideTree>(base, `${PATH}/tree?${query({ lang, tag })}`, { signal });
export const getArticle = (base: string, slug: string, lang: Lang, at: string, signal?: AbortSignal) => request<GuideArticle>(base, `${PATH}/articles/${enc(slug)}?${query({ lang, at })}`, { signal });
export const getVersions = (base: string, slug: string, lang: Lang, signal?: AbortSignal) => request<GuideVersions>(base, `${PATH}/articles/${enc(slug)}/versions?lang=${lang}`, { signal });
export const getDiff = (base: string, slug: string, from: string, to: string, lang: Lang, signal?: AbortSignal) =>
  request<GuideDiff>(base, `${PATH}/articles/${enc(slug)}/diff?${query({ from, to, lang })}`, { signal });
export const search = (base: string, q: string, lang: Lang, signal?: AbortSignal) => request<SearchResult>(base, `${PATH}/search?${query({ q, lang })}`, { signal });
export const getJourney = (base: string, slug: string, lang: Lang, signal?: AbortSignal) => request<GuideJourney>(base, `${PATH}/journeys/${enc(slug)}?lang=${lang}`, { signal });
export const feedbackPath = (slug: string) => `${PATH}/articles/${enc(slug)}/feedback`;
/** The printable guide (or one chapter) as in force on `at`; `docx` for Word. */
export const exportUrl = (base: string, o: { lang: Lang; at?: string; chapter?: string; format?: 'docx' }) => `${base}${PATH}/export?${query({ lang: o.lang, at: o.at, chapter: o.chapter, format: o.format })}`;
