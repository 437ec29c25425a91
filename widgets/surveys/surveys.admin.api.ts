import type { z } from 'zod';
import type * as S from '../../common/surveys.schema.js';
import { staffRequest, type SessionToken } from '../core/staff.api.js';

/**
 * Client of `/v1/admin/surveys`: same-origin, with the session cookie and the CSRF token on writes,
 * typed from the staff schemas of the wire contract (common/surveys.schema.ts).
 */
const BASE = '/v1/admin/surveys';
const enc = encodeURIComponent;

export type StaffSurveyList = z.output<typeof S.StaffSurveyListSchema>;
export type StaffSurvey = StaffSurveyList['items'][number];
export type StaffInstrument = z.output<typeof S.StaffInstrumentSchema>;
export type StaffEditionDetail = z.output<typeof S.StaffEditionDetailSchema>;
export type StaffResults = z.output<typeof S.StaffResultsSchema>;
export type TokenLinks = z.output<typeof S.TokenLinksSchema>;
export type OpenLink = z.output<typeof S.OpenLinkSchema>;
export type Recommendation = z.output<typeof S.RecommendationSchema>;
export type EditionInput = z.input<typeof S.EditionInput>;
export type TokenBatchInput = z.input<typeof S.TokenBatchInput>;
export type MailingInput = z.input<typeof S.MailingInput>;
export type PublicationInput = z.input<typeof S.PublicationInput>;
export type RecommendationInput = z.input<typeof S.RecommendationInput>;
export type ColumnId = z.output<typeof S.ColumnSchema>;
type Session = SessionToken;

const survey = (id: string) => `${BASE}/${enc(id)}`;
export const editionBase = (s: string, e: string) => `${survey(s)}/editions/${enc(e)}`;

export const listSurveys = (base: string, signal?: AbortSignal) => staffRequest<StaffSurveyList>(base, BASE, null, { signal });

export const listInstruments = (base: string, s: string, signal?: AbortSignal) => staffRequest<{ items: StaffInstrument[] }>(base, `${survey(s)}/instruments`, null, { signal });

/** A new version (creates the survey on its first upload). A document that does not fit is 422 with the JSON path of each error. */
export const uploadInstrument = (base: string, session: Session, s: string, instrument: unknown, note: string) =>
  staffRequest<StaffInstrument>(base, `${survey(s)}/instruments`, session, { method: 'POST', body: { instrument, ...(note ? { note } : {}) } });

export const getEdition = (base: string, s: string, e: string, signal?: AbortSignal) => staffRequest<StaffEditionDetail>(base, editionBase(s, e), null, { signal });

export const createEdition = (base: string, session: Session, s: string, body: EditionInput) =>
  staffRequest<unknown>(base, `${survey(s)}/editions`, session, { method: 'POST', body });

/** One-time invitation links as JSON (shown once); CSV and XLSX come from `tokenFileRequest`. */
export const createTokens = (base: string, session: Session, s: string, e: string, body: TokenBatchInput) =>
  staffRequest<TokenLinks>(base, `${editionBase(s, e)}/tokens`, session, { method: 'POST', body: { ...body, format: 'json' } });

export const mailInvitations = (base: string, session: Session, s: string, e: string, body: MailingInput) =>
  staffRequest<z.output<typeof S.MailingQueuedSchema>>(base, `${editionBase(s, e)}/mailings`, session, { method: 'POST', body });

export const createOpenLink = (base: string, session: Session, s: string, e: string, group: OpenLink['group']) =>
  staffRequest<OpenLink>(base, `${editionBase(s, e)}/open-links`, session, { method: 'POST', body: { group } });

export const revokeOpenLink = (base: string, session: Session, s: string, e: string, id: string) =>
  staffRequest<unknown>(base, `${editionBase(s, e)}/open-links/${enc(id)}`, session, { method: 'DELETE' });

export function getStaffResults(base: string, s: string, e: string, q: { a: ColumnId; b: ColumnId; lang: string }, signal?: AbortSignal) {
  return staffRequest<StaffResults>(base, `${editionBase(s, e)}/results?${new URLSearchParams(q)}`, null, { signal });
}

export const savePublication = (base: string, session: Session, s: string, e: string, body: PublicationInput) =>
  staffRequest<unknown>(base, `${editionBase(s, e)}/publication`, session, { method: 'PUT', body });

export const saveAgreed = (base: string, session: Session, s: string, e: string, section: string, body: { score: number; note: string }) =>
  staffRequest<unknown>(base, `${editionBase(s, e)}/agreed/${enc(section)}`, session, { method: 'PUT', body });

export const saveMeeting = (base: string, session: Session, s: string, e: string, body: { on: string | null; note: string | null }) =>
  staffRequest<unknown>(base, `${editionBase(s, e)}/meeting`, session, { method: 'PUT', body });

export const listRecommendations = (base: string, s: string, e: string, signal?: AbortSignal) =>
  staffRequest<{ items: Recommendation[] }>(base, `${editionBase(s, e)}/recommendations`, null, { signal });

export const addRecommendation = (base: string, session: Session, s: string, e: string, body: RecommendationInput) =>
  staffRequest<Recommendation>(base, `${editionBase(s, e)}/recommendations`, session, { method: 'POST', body });

export const updateRecommendation = (base: string, session: Session, s: string, e: string, id: string, body: Partial<RecommendationInput>) =>
  staffRequest<Recommendation>(base, `${editionBase(s, e)}/recommendations/${enc(id)}`, session, { method: 'PATCH', body });

/** Links of the exports (the browser downloads them with the session cookie). */
export const exportUrl = (base: string, s: string, e: string, what: 'responses' | 'codebook' | 'indices', format: 'csv' | 'xlsx', lang: string) =>
  `${base}${editionBase(s, e)}/export/${what}?${new URLSearchParams({ format, lang })}`;
export const reportUrl = (base: string, s: string, e: string, format: 'html' | 'docx', lang: string) => `${base}${editionBase(s, e)}/report?${new URLSearchParams({ format, lang })}`;
