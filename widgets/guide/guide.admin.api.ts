import type { z } from 'zod';
import type * as S from '../../common/guide.schema.js';
import type { Lang } from '../core/i18n/index.js';
import { staffRequest, type SessionToken } from '../core/staff.api.js';
import type { GuideDiff } from './guide.api.js';

/** Client of `/v1/admin/guide`: same-origin, the session cookie, the CSRF token on writes; typed from the server's schemas. */
const BASE = '/v1/admin/guide';
const id = encodeURIComponent;

export type ArticleSummary = z.output<typeof S.StaffArticleSummary>;
export type StaffArticle = z.output<typeof S.StaffArticle>;
export type StaffVersion = StaffArticle['versions'][number];
export type ArticleContent = z.output<typeof S.ArticleContent>;
export type ArticleText = z.output<typeof S.ArticleText>;
export type StaffChapter = z.output<typeof S.StaffChapterList>['items'][number];
export type StaffFeedback = z.output<typeof S.StaffFeedback>;
export type CreateInput = z.input<typeof S.ArticleCreateInput>;
export type PublishInput = z.input<typeof S.PublishInput>;

const write = <T>(base: string, s: SessionToken, path: string, body: unknown, method: 'POST' | 'PUT' = 'POST') => staffRequest<T>(base, BASE + path, s, { method, body });

export const listArticles = (base: string, signal?: AbortSignal) => staffRequest<{ items: ArticleSummary[] }>(base, `${BASE}/articles`, null, { signal });
export const getArticle = (base: string, articleId: string, signal?: AbortSignal) => staffRequest<StaffArticle>(base, `${BASE}/articles/${id(articleId)}`, null, { signal });
export const listChapters = (base: string, signal?: AbortSignal) => staffRequest<{ items: StaffChapter[] }>(base, `${BASE}/chapters`, null, { signal });
export const getFeedback = (base: string, articleId: string, signal?: AbortSignal) => staffRequest<StaffFeedback>(base, `${BASE}/articles/${id(articleId)}/feedback`, null, { signal });
export const getDiff = (base: string, articleId: string, from: string, to: string, lang: Lang, signal?: AbortSignal) =>
  staffRequest<GuideDiff>(base, `${BASE}/articles/${id(articleId)}/diff?${new URLSearchParams({ from, to, lang })}`, null, { signal });

export const createArticle = (base: string, s: SessionToken, input: CreateInput) => write<{ id: string }>(base, s, '/articles', input);
export const saveDraft = (base: string, s: SessionToken, articleId: string, content: ArticleContent, note: string) => write<{ versionId: string }>(base, s, `/articles/${id(articleId)}/draft`, { content, note }, 'PUT');
export const publish = (base: string, s: SessionToken, articleId: string, input: PublishInput) => write<{ versionId: string; scheduled: boolean }>(base, s, `/articles/${id(articleId)}/publish`, input);
export const markReviewed = (base: string, s: SessionToken, articleId: string, nextReview?: string) =>
  write<{ reviewedOn: string; reviewOn: string }>(base, s, `/articles/${id(articleId)}/reviewed`, nextReview ? { nextReview } : {});
/** The Markdown rendered and sanitised by the same code as readers' articles. */
export const preview = (base: string, s: SessionToken, markdown: string, lang: Lang, signal?: AbortSignal) =>
  staffRequest<{ html: string }>(base, `${BASE}/preview?lang=${lang}`, s, { method: 'POST', body: { markdown }, signal });

export type StaffJourney = z.output<typeof S.StaffJourney>;
export type JourneyContent = z.output<typeof S.JourneyContent>;
export type JourneyInput = z.input<typeof S.JourneyInput>;
export type GuideJourneyView = z.output<typeof S.GuideJourney>;
export const listJourneys = (base: string, signal?: AbortSignal) => staffRequest<{ items: StaffJourney[] }>(base, `${BASE}/journeys`, null, { signal });
export const createJourney = (base: string, s: SessionToken, input: JourneyInput) => write<{ id: string }>(base, s, '/journeys', input);
export const saveJourney = (base: string, s: SessionToken, journeyId: string, input: JourneyInput) => write<{ ok: true }>(base, s, `/journeys/${id(journeyId)}`, input, 'PUT');
export const publishJourney = (base: string, s: SessionToken, journeyId: string) => write<{ ok: true }>(base, s, `/journeys/${id(journeyId)}/publish`, {});
/** The journey as readers will get it in `lang`, validated as on saving. */
export const previewJourney = (base: string, s: SessionToken, slug: string, content: unknown, lang: Lang) =>
  staffRequest<GuideJourneyView>(base, `${BASE}/journeys/preview?lang=${lang}`, s, { method: 'POST', body: { slug: slug || 'preview', content } });
