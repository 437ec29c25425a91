import type { Kysely } from 'kysely';
import { RESPONDENT_GROUPS } from '../../common/surveys.js';
import type { Database } from '../db/schema.js';
import { insertBatches, type ReadPlanQuery, type ReadPlanSuite } from '../core/read-plans.testing.js';
import { sha256 } from '../core/ids.js';
import { rng } from '../map/map.generate.js';
import { PLAN_TEST_ORGS } from '../map/map.read-plans.testing.js';
import {
  agreedScoresQuery, editionBySlugQuery, instrumentRowQuery, instrumentVersionQuery, openLinkQuery, recommendationsQuery, surveyEditionsQuery, surveyQuery, surveysClockQuery,
} from './surveys.repository.js';
import { editionResponsesQuery, invitationQuery } from './surveys.responses.js';
import { lijwInstrument } from './surveys.testing.js';
import type { SurveyEditionTable, SurveyResponseTable, SurveyTokenTable } from './surveys.table.js';

const DAY = 86_400_000;
/** The instant the plan test's editions are spread around: ten yearly editions per survey, the last one open. */
const NOW = new Date('2027-03-15T10:00:00Z');
const AT = NOW.toISOString();
const EDITIONS = 10;
const SECTIONS = ['overall', 'a', 'b', 'c', 'recommendations'];

const surveyId = (s: number) => `plan-survey-${String(s).padStart(4, '0')}`;
const editionId = (s: number, e: number) => `${surveyId(s)}-e${e}`;

/**
 * `n / 500` surveys of ten yearly editions each (two instrument versions, the last edition open),
 * `n` responses and `n` invitation tokens spread over the editions, with recommendations, agreed
 * scores and an open link per edition: the survey tables at the plan test's scale.
 */
function generateSurveys(n: number, seed: number) {
  const r = rng(seed);
  const document = JSON.stringify(lijwInstrument());
  const surveys = [];
  const instruments = [];
  const editions: SurveyEditionTable[] = [];
  for (let s = 0; s < n / 500; s++) {
    surveys.push({ id: surveyId(s), title: JSON.stringify({ pl: `Badanie współpracy ${s}` }), created_at: AT });
    for (const version of [1, 2]) instruments.push({ id: `${surveyId(s)}-i${version}`, survey_id: surveyId(s), version, document, note: null, created_by: null, created_at: AT, updated_at: AT });
    for (let e = 0; e < EDITIONS; e++) {
      const opens = NOW.getTime() - (EDITIONS - 1 - e) * 365 * DAY - Math.floor(r() * 20) * DAY;
      const year = new Date(opens).getUTCFullYear();
      editions.push({
        id: editionId(s, e), survey_id: surveyId(s), slug: String(year), instrument_id: `${surveyId(s)}-i${e < 5 ? 1 : 2}`, opens_at: new Date(opens).toISOString(),
        closes_at: new Date(opens + 30 * DAY).toISOString(), period_from: `${year - 1}-01-01`, period_to: `${year - 1}-12-31`,
        publication: JSON.stringify({ columns: ['ngo', 'official', 'all'], items: true, trend: true, indicators: false }), published_at: e < EDITIONS - 1 ? AT : null, indicators: null,
        meeting_on: null, meeting_note: null, created_by: null, created_at: AT, updated_at: AT,
      });
    }
  }
  const responses: SurveyResponseTable[] = [];
  const tokens: SurveyTokenTable[] = [];
  for (let i = 0; i < n; i++) {
    const ed = editions[Math.floor(r() * editions.length)]!;
    const group = RESPONDENT_GROUPS[Math.floor(r() * RESPONDENT_GROUPS.length)]!;
    responses.push({ id: `plan-response-${String(i).padStart(6, '0')}`, edition_id: ed.id, respondent_group: group, answers: JSON.stringify({ overall_rating: 1 + Math.floor(r() * 5) }) });
    tokens.push({ token_hash: sha256(`plan-token-${i}`), batch_id: `${ed.id}-batch`, edition_id: ed.id, respondent_group: group, used: r() < 0.5 ? 1 : 0 });
  }
  const batches = editions.map((e) => ({
    id: `${e.id}-batch`, edition_id: e.id, respondent_group: 'ngo' as const, size: 50, channel: 'links' as const, lang: 'pl', expires_at: e.closes_at, revoked_at: null, used_count: null, created_by: null, created_at: AT,
  }));
  const links = editions.map((e) => ({ key_hash: sha256(`plan-link-${e.id}`), edition_id: e.id, respondent_group: 'ngo' as const, created_by: null, created_at: AT, revoked_at: null }));
  const recommendations = editions.flatMap((e) =>
    SECTIONS.map((section, k) => ({
      id: `${e.id}-rec-${k}`, edition_id: e.id, section_id: section, text: 'Więcej konsultacji (dane demonstracyjne)', owner: 'Wydział', deadline: e.period_to, status: 'planned' as const,
      status_note: null, created_by: null, created_at: AT, updated_at: AT,
    })),
  );
  const agreed = editions.flatMap((e) => SECTIONS.map((section) => ({ edition_id: e.id, section_id: section, score: 3.5, note: '', updated_by: null, updated_at: AT })));
  return { surveys, instruments, editions, responses, tokens, batches, links, recommendations, agreed };
}

export const surveysReadPlans: ReadPlanSuite = {
  module: 'surveys',
  async load(db) {
    const g = generateSurveys(PLAN_TEST_ORGS, 41);
    await db.transaction().execute(async (trx) => {
      await insertBatches(trx, 'survey', g.surveys);
      await insertBatches(trx, 'survey_instrument', g.instruments, 50);
      await insertBatches(trx, 'survey_edition', g.editions, 200);
      await insertBatches(trx, 'survey_token_batch', g.batches);
      await insertBatches(trx, 'survey_token', g.tokens);
      await insertBatches(trx, 'survey_response', g.responses);
      await insertBatches(trx, 'survey_open_link', g.links);
      await insertBatches(trx, 'survey_recommendation', g.recommendations);
      await insertBatches(trx, 'survey_agreed_score', g.agreed);
    });
  },
  async queries(db: Kysely<Database>) {
    const survey = surveyId(42);
    const edition = editionId(42, EDITIONS - 1);
    const { slug } = await db.selectFrom('survey_edition').select('slug').where('id', '=', edition).executeTakeFirstOrThrow();
    const out: ReadPlanQuery[] = [
      { name: 'surveys read version: the clock', query: surveysClockQuery(db, AT) },
      { name: 'survey by id', query: surveyQuery(db, survey) },
      { name: "survey's editions", query: surveyEditionsQuery(db, survey) },
      { name: 'latest instrument', query: instrumentVersionQuery(db, survey, 'latest') },
      { name: 'instrument version', query: instrumentVersionQuery(db, survey, 1) },
      { name: 'edition by slug', query: editionBySlugQuery(db, survey, slug) },
      { name: "edition's instrument", query: instrumentRowQuery(db, `${survey}-i2`) },
      { name: "last year's recommendations", query: recommendationsQuery(db, [editionId(42, EDITIONS - 2)]) },
      { name: "edition's responses (results)", query: editionResponsesQuery(db, editionId(42, EDITIONS - 2)) },
      { name: 'agreed scores', query: agreedScoresQuery(db, editionId(42, EDITIONS - 2)) },
      { name: 'invitation by token', query: invitationQuery(db, sha256('plan-token-1234')) },
      { name: 'open link', query: openLinkQuery(db, sha256(`plan-link-${edition}`)) },
    ];
    return out;
  },
};
