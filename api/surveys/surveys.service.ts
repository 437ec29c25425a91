/**
 * The survey module's multi-step work: where a respondent starts (token or open link), saving the
 * draft, submitting, and the results as the public and staff see them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Lang } from '../../common/taxonomy.js';
import type { Answers, Instrument, RespondentGroup } from '../../common/surveys.js';
import { MIN_CELL, RESPONDENT_GROUPS, checkAnswers, findItem, itemText } from '../../common/surveys.js';
import type { Cell, Column, EditionScores } from '../../common/surveys.scoring.js';
import { COLUMNS, meetingAgenda, perceptionGaps, round1, scoreEdition, scoredStructure } from '../../common/surveys.scoring.js';
import type { DraftState, EditionSummary, Recommendation, Results, StaffEdition, StaffResults } from '../../common/surveys.schema.js';
import { ApiError, notFound, validationError } from '../core/errors.js';
import { sha256 } from '../core/ids.js';
import type { ModuleManifest } from '../core/module.js';
import { linkInvalid } from '../core/secret-links.js';
import {
  findAgreedScores, findEditionWithVersion, findEditionWithVersionById, findEditions, findInstrumentRow, findInstrumentVersion, findOpenLink, findRecommendations, findSurvey, instrumentOf, publicationOf,
  statusOfEdition, type EditionWithVersion, type RecommendationRow,
} from './surveys.repository.js';
import { assertUsable, editionResponses, findInvitation, invitationCounts, loadDraft, responseCounts, saveDraft, submitResponse, surveyClosed, surveyNotOpen, type Invitation } from './surveys.responses.js';
import { collectIndicators, labelIndicator, type StoredIndicator } from './surveys.indicators.js';

type Db = Kysely<Database>;

export const resultsUnpublished = () => new ApiError(404, 'survey_results_unpublished', 'The results of this edition are not published');

export function editionSummary(row: EditionWithVersion, now = new Date()): EditionSummary {
  return {
    survey: row.survey_id,
    slug: row.slug,
    status: statusOfEdition(row, now),
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    instrumentVersion: row.instrument_version,
    published: row.published_at !== null,
    serverTime: now.toISOString(),
  };
}

export async function surveyOr404(db: Db, id: string) {
  const row = await findSurvey(db, id);
  if (!row) throw notFound('Survey');
  return row;
}

export async function editionOr404(db: Db, surveyId: string, slug: string): Promise<EditionWithVersion> {
  const row = await findEditionWithVersion(db, surveyId, slug);
  if (!row) throw notFound('Survey edition');
  return row;
}

export async function instrumentOfEdition(db: Db, row: Pick<EditionWithVersion, 'instrument_id'>): Promise<Instrument> {
  return instrumentOf((await findInstrumentRow(db, row.instrument_id))!);
}

export const toRecommendation = (r: RecommendationRow): Recommendation => ({
  id: r.id, edition: r.edition_slug, section: r.section_id, text: r.text, owner: r.owner, deadline: r.deadline, status: r.status, statusNote: r.status_note,
});

/** The edition before this one (by opening), if any. */
export async function previousEdition(db: Db, row: EditionWithVersion): Promise<EditionWithVersion | undefined> {
  return (await findEditions(db, row.survey_id)).find((e) => e.opens_at < row.opens_at);
}

/** "What changed since last year", shown at the start of the survey: the previous edition's recommendations, once it published its results. */
export async function lastYearOf(db: Db, row: EditionWithVersion): Promise<{ edition: string; recommendations: Recommendation[] } | null> {
  const prev = await previousEdition(db, row);
  if (!prev || prev.published_at === null) return null;
  return { edition: prev.slug, recommendations: (await findRecommendations(db, [prev.id])).map(toRecommendation) };
}

// --- respondents -------------------------------------------------------------------------------

export interface Respondent {
  edition: EditionWithVersion;
  group: RespondentGroup;
  /** With a token: the invitation and the raw token (the draft key). */
  invitation: { inv: Invitation; token: string } | null;
}

/** The respondent behind a token or an open link of the survey, while the edition is open. */
export async function resolveRespondent(db: Db, surveyId: string, q: { token?: string | undefined; link?: string | undefined }, now = new Date()): Promise<Respondent> {
  let resolved: Respondent;
  if (q.token !== undefined) {
    const inv = await findInvitation(db, q.token, now);
    const edition = await findEditionWithVersionById(db, inv.editionId);
    if (!edition || edition.survey_id !== surveyId) throw linkInvalid();
    assertUsable(inv);
    resolved = { edition, group: inv.group, invitation: { inv, token: q.token } };
  } else if (q.link !== undefined) {
    const link = await findOpenLink(db, sha256(q.link));
    const edition = link ? await findEditionWithVersionById(db, link.edition_id) : undefined;
    if (!link || !edition || edition.survey_id !== surveyId) throw linkInvalid();
    resolved = { edition, group: link.respondent_group, invitation: null };
  } else {
    throw validationError([{ path: 'token', code: 'required', message: 'Give the invitation token or the open link' }]);
  }
  assertOpen(resolved.edition, now);
  return resolved;
}

function assertOpen(edition: EditionWithVersion, now: Date) {
  const status = statusOfEdition(edition, now);
  if (status === 'planned') throw surveyNotOpen();
  if (status === 'closed') throw surveyClosed();
}

const answerIssues = (issues: { path: string; code: string; message: string }[]) => {
  if (issues.length) throw validationError(issues);
};

export async function draftState(db: Db, r: Respondent, now = new Date()): Promise<DraftState> {
  const answers = r.invitation ? ((await loadDraft(db, r.invitation.token, r.invitation.inv)) ?? {}) : {};
  return { edition: editionSummary(r.edition, now), group: r.group, answers, resumable: r.invitation !== null };
}

/** Saves the draft of a token respondent; answers are checked as far as a draft can be (no required items). */
export async function saveDraftOf(db: Db, r: Respondent, input: Answers): Promise<void> {
  if (!r.invitation) throw new ApiError(409, 'survey_draft_unavailable', 'An open link cannot save a draft; answer in one go');
  const checked = checkAnswers(await instrumentOfEdition(db, r.edition), r.group, input, false);
  answerIssues(checked.issues);
  await saveDraft(db, r.invitation.token, r.invitation.inv, checked.answers);
}

/** Stores the final response; the edition must still be open when the edition row is locked. */
export async function submitOf(db: Db, r: Respondent, input: Answers): Promise<void> {
  const checked = checkAnswers(await instrumentOfEdition(db, r.edition), r.group, input, true);
  answerIssues(checked.issues);
  await submitResponse(
    db,
    { editionId: r.edition.id, group: r.group, answers: checked.answers, respondent: r.invitation ? { kind: 'token', tokenHash: r.invitation.inv.tokenHash } : { kind: 'open' } },
    async () => assertOpen(r.edition, new Date()),
  );
}

// --- results -----------------------------------------------------------------------------------

const roundCell = (c: Cell): Cell => ({ n: c.n, score: round1(c.score), suppressed: c.suppressed });
const pickCells = (cells: Record<Column, Cell>, columns: readonly Column[]) => Object.fromEntries(columns.map((c) => [c, roundCell(cells[c])])) as Partial<Record<Column, Cell>>;
const inOrder = (cols: readonly Column[]) => COLUMNS.filter((c) => cols.includes(c));

export async function scoresOf(db: Db, row: EditionWithVersion): Promise<{ instrument: Instrument; scores: EditionScores }> {
  const instrument = await instrumentOfEdition(db, row);
  return { instrument, scores: scoreEdition(instrument, await editionResponses(db, row.id)) };
}

/** The indicators of an edition: frozen at publication, else computed now from the modules. */
export async function indicatorsOf(db: Db, modules: readonly ModuleManifest[], row: EditionWithVersion, onError?: (module: string, err: unknown) => void): Promise<StoredIndicator[]> {
  if (row.indicators !== null) return JSON.parse(row.indicators) as StoredIndicator[];
  return collectIndicators(db, modules, { from: row.period_from, to: row.period_to }, onError);
}

export interface ResultsView {
  /** `public`: what staff published; `staff`: every column, items, trend over every opened edition, live indicators. */
  audience: 'public' | 'staff';
  a: Column;
  b: Column;
  lang: Lang;
  modules: readonly ModuleManifest[];
  onError?: (module: string, err: unknown) => void;
}

export async function resultsOf(db: Db, row: EditionWithVersion, view: ResultsView, now = new Date()): Promise<Results & { scores: EditionScores; instrument: Instrument }> {
  const pub = publicationOf(row);
  const staff = view.audience === 'staff';
  if (!staff && (row.published_at === null || pub.columns.length === 0)) throw resultsUnpublished();
  const columns = staff ? [...COLUMNS] : inOrder(pub.columns);
  const showItems = staff || pub.items;
  const { instrument, scores } = await scoresOf(db, row);
  const agreed = new Map((await findAgreedScores(db, row.id)).map((a) => [a.section_id, a.score]));

  const sectionTitle = (id: string) => instrument.sections.find((s) => s.id === id)!.title;
  const sections = scores.sections.map((s) => ({ id: s.id, title: sectionTitle(s.id), cells: pickCells(s.cells, columns), agreed: agreed.get(s.id) ?? null }));
  const items = showItems
    ? scores.items.map((i) => ({ id: i.id, section: i.section, text: itemText(findItem(instrument, i.id)!.item, null), weight: i.weight, reverse: i.reverse, cells: pickCells(i.cells, columns) }))
    : null;

  let gap: Results['gap'] = null;
  if (columns.includes(view.a) && columns.includes(view.b)) {
    const g = perceptionGaps(scores, view.a, view.b);
    gap = {
      a: g.a,
      b: g.b,
      index: round1(g.index),
      sections: g.sections.map((s) => ({ id: s.id, a: round1(s.a), b: round1(s.b), gap: round1(s.gap), items: s.items })),
      items: showItems ? g.items.map((i) => ({ id: i.id, section: i.section, a: round1(i.a), b: round1(i.b), gap: round1(i.gap) })) : [],
    };
  }

  let trend: Results['trend'] = null;
  if (staff || pub.trend) {
    const editions = (await findEditions(db, row.survey_id)).filter((e) => e.opens_at <= row.opens_at && (staff ? e.opens_at <= now.toISOString() : e.published_at !== null)).reverse();
    trend = [];
    for (const e of editions) {
      const s = e.id === row.id ? scores : (await scoresOf(db, e)).scores;
      const cols = staff ? columns : columns.filter((c) => publicationOf(e).columns.includes(c));
      trend.push({ edition: e.slug, periodTo: e.period_to, index: pickCells(s.index, cols), sections: s.sections.map((x) => ({ id: x.id, cells: pickCells(x.cells, cols) })) });
    }
  }

  const indicators = staff || pub.indicators ? (await indicatorsOf(db, view.modules, row, view.onError)).map((i) => labelIndicator(i, view.lang)) : null;
  const recommendations = staff || row.published_at !== null ? (await findRecommendations(db, [row.id])).map(toRecommendation) : [];
  const respondents = Object.fromEntries(columns.map((c) => [c, scores.respondents[c]])) as Results['respondents'];
  return {
    edition: editionSummary(row, now), columns, respondents, index: pickCells(scores.index, columns), sections, items, gap, trend, indicators, recommendations, minN: MIN_CELL,
    scores, instrument,
  };
}

/** The staff view: the public shape over every column, plus the meeting agenda, the agreed scores and the publish choices. */
export async function staffResultsOf(db: Db, row: EditionWithVersion, view: Omit<ResultsView, 'audience'>, now = new Date()): Promise<StaffResults & { scores: EditionScores; instrument: Instrument }> {
  const r = await resultsOf(db, row, { ...view, audience: 'staff' }, now);
  const agenda = meetingAgenda(perceptionGaps(r.scores, view.a, view.b)).map((e) => ({
    kind: e.kind,
    id: e.id,
    section: e.section,
    text: e.kind === 'section' ? r.instrument.sections.find((s) => s.id === e.id)!.title : itemText(findItem(r.instrument, e.id)!.item, null),
    a: round1(e.a)!,
    b: round1(e.b)!,
    gap: round1(e.gap)!,
  }));
  const agreed = (await findAgreedScores(db, row.id)).map((a) => ({ section: a.section_id, score: a.score, note: a.note }));
  return { ...r, agenda, agreed, publication: publicationOf(row) };
}

/** Drops the internals `resultsOf` carries for reports, leaving the wire shape. */
export function wireResults<T extends { scores: unknown; instrument: unknown }>(r: T): Omit<T, 'scores' | 'instrument'> {
  const { scores: _s, instrument: _i, ...rest } = r;
  return rest;
}

/** The section ids of an instrument that are scored (agreed scores and recommendations belong to them). */
export const scoredSectionIds = (instrument: Instrument) => scoredStructure(instrument).map((s) => s.section.id);

/** An edition as staff see it: its summary, response and invitation counts per group, publication and meeting. */
export async function staffEdition(db: Db, row: EditionWithVersion): Promise<StaffEdition> {
  const responses = await responseCounts(db, row.id);
  const invitations = await invitationCounts(db, row.id);
  const counts: StaffEdition['counts'] = {};
  for (const g of RESPONDENT_GROUPS) {
    const inv = invitations[g];
    if (responses[g] || inv) counts[g] = { responses: responses[g] ?? 0, issued: inv?.issued ?? 0, used: inv?.used ?? 0 };
  }
  return { ...editionSummary(row), id: row.id, counts, publication: publicationOf(row), publishedAt: row.published_at, meeting: { on: row.meeting_on, note: row.meeting_note } };
}

export async function instrumentVersionOr404(db: Db, survey: string, version: number) {
  const row = await findInstrumentVersion(db, survey, version);
  if (!row) throw notFound('Instrument version');
  return row;
}
