import type { z } from 'zod';
import type { Answers } from '../../common/surveys.js';
import type * as S from '../../common/surveys.schema.js';
import { request } from '../core/api.js';

/**
 * The client of `/v1/surveys` used by `<ngo-survey>` and `<ngo-survey-results>`, typed from the
 * wire contract in `common/surveys.schema.ts` (types only: no zod reaches a widget).
 */

export type EditionSummary = z.output<typeof S.EditionSummarySchema>;
export type EditionDetail = z.output<typeof S.EditionDetailSchema>;
export type DraftState = z.output<typeof S.DraftStateSchema>;
export type Results = z.output<typeof S.ResultsSchema>;
export type CellOut = z.output<typeof S.CellSchema>;
export type ColumnId = z.output<typeof S.ColumnSchema>;
export type ResponseBody = Omit<z.input<typeof S.ResponseInput>, 'abuse'>;
export type ResponseReceived = z.output<typeof S.ResponseReceivedSchema>;

/** How the respondent came: a one-time invitation token, or an open link of a group. */
export type Access = { token: string } | { link: string };

const PATH = '/v1/surveys';
const enc = encodeURIComponent;

export const editionPath = (survey: string, edition: string) => `${PATH}/${enc(survey)}/editions/${enc(edition)}`;
export const draftPath = (survey: string) => `${PATH}/${enc(survey)}/responses/draft`;
export const responsesPath = (survey: string) => `${PATH}/${enc(survey)}/responses`;

const accessQuery = (a: Access) => ('token' in a ? `token=${enc(a.token)}` : `link=${enc(a.link)}`);

export const getEdition = (base: string, survey: string, edition: string, signal?: AbortSignal) =>
  request<EditionDetail>(base, editionPath(survey, edition), { signal });

/** Where the respondent starts: the edition, the group and the saved answers. Never from the HTTP cache. */
export const getDraft = (base: string, survey: string, access: Access, signal?: AbortSignal) =>
  request<DraftState>(base, `${draftPath(survey)}?${accessQuery(access)}`, { signal, cache: 'no-store' });

export const saveDraft = (base: string, survey: string, token: string, answers: Answers) =>
  request<z.output<typeof S.DraftSavedSchema>>(base, draftPath(survey), { method: 'PUT', body: { token, answers } satisfies z.input<typeof S.DraftInput> });

/** `a` and `b`: the pair of the gap (the server's default: NGOs against officials). */
export function getResults(base: string, survey: string, edition: string, q: { a?: ColumnId; b?: ColumnId; lang: string }, signal?: AbortSignal) {
  const p = new URLSearchParams({ lang: q.lang });
  if (q.a) p.set('a', q.a);
  if (q.b) p.set('b', q.b);
  return request<Results>(base, `${editionPath(survey, edition)}/results?${p}`, { signal });
}
