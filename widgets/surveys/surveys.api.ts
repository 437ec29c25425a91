import type { Answers, EditionStatus, Instrument, RecommendationStatus, RespondentGroup, Texts } from '../../common/surveys.js';
import type { Column, EditionScores } from '../../common/surveys.scoring.js';
import { request } from '../core/api.js';

/**
 * The client of `/v1/surveys` used by `<ngo-survey>` and `<ngo-survey-results>`. Every path of
 * the public survey API is written here and nowhere else.
 *
 * The token of an invitation travels in the `X-Survey-Token` header, never in a URL the server,
 * a proxy or the browser's history would keep (the e-mailed link carries it once, to the page).
 */

/** One yearly round of the survey, as the respondent sees it. */
export interface EditionInfo {
  slug: string;
  status: EditionStatus;
  opensAt: string;
  closesAt: string;
  /** The 12 months assessed, `YYYY-MM-DD`. */
  periodFrom: string;
  periodTo: string;
}

/** `GET /v1/surveys/{survey}/editions/{edition}`: the edition with its (frozen) instrument. */
export interface EditionDetail extends EditionInfo {
  survey: string;
  title: Texts;
  instrument: Instrument;
}

/** `GET …/responses/draft`: what the invitation allows and the answers saved so far. */
export interface DraftInfo {
  edition: string;
  group: RespondentGroup;
  answers: Answers;
}

export interface PublishedIndicator { key: string; label: Texts; value: number; unit?: Texts }
export interface PublishedRecommendation { id: string; section: string; text: string; owner: string; deadline: string; status: RecommendationStatus; statusNote: string | null }

/** `GET /v1/surveys/{survey}/editions/{edition}/results`: what passed suppression and what staff published. */
export interface PublishedResults {
  survey: string;
  edition: EditionInfo;
  title: Texts;
  instrument: Instrument;
  /** The columns staff chose to publish (groups, and `all`). */
  columns: Column[];
  scores: EditionScores;
  /** Item-level scores and gaps are published. */
  items: boolean;
  /** Earlier published editions, oldest first, the current one last (when the trend is published). */
  trend: { edition: string; scores: EditionScores }[];
  indicators: PublishedIndicator[];
  agreed: { section: string; score: number; note: string }[];
  recommendations: PublishedRecommendation[];
}

const PATH = '/v1/surveys';
const enc = encodeURIComponent;
const tokenHeader = (token: string) => ({ 'X-Survey-Token': token });

export const editionPath = (survey: string, edition: string) => `${PATH}/${enc(survey)}/editions/${enc(edition)}`;

export const getEdition = (base: string, survey: string, edition: string, signal?: AbortSignal) =>
  request<EditionDetail>(base, editionPath(survey, edition), { signal });

export const getDraft = (base: string, survey: string, token: string, signal?: AbortSignal) =>
  request<DraftInfo>(base, `${PATH}/${enc(survey)}/responses/draft`, { signal, headers: tokenHeader(token), cache: 'no-store' });

export const saveDraft = (base: string, survey: string, token: string, answers: Answers) =>
  request<{ saved: true }>(base, `${PATH}/${enc(survey)}/responses/draft`, { method: 'PUT', headers: tokenHeader(token), body: { answers } });

export const responsesPath = (survey: string) => `${PATH}/${enc(survey)}/responses`;

export const getResults = (base: string, survey: string, edition: string, signal?: AbortSignal) =>
  request<PublishedResults>(base, `${editionPath(survey, edition)}/results`, { signal });
