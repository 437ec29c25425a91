import type { Flag, Timestamp } from '../core/core.table.js';
import type { RecommendationStatus, RespondentGroup } from '../../common/surveys.js';

/** A yearly survey (LIJW): its instrument versions and editions hang off it. The id is its slug. */
export interface SurveyTable {
  id: string;
  /** JSON `{ pl, en, uk }`. */
  title: string;
  created_at: Timestamp;
}

export interface SurveyInstrumentTable {
  id: string;
  survey_id: string;
  /** 1, 2, …: a new upload is a new version; a version an edition uses is frozen. */
  version: number;
  /** The validated instrument JSON, defaults filled in. */
  document: string;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SurveyEditionTable {
  id: string;
  survey_id: string;
  /** Shown and used in URLs: `2025`. */
  slug: string;
  instrument_id: string;
  /** The server's clock opens and closes the edition at these UTC instants. */
  opens_at: Timestamp;
  closes_at: Timestamp;
  /** The 12 months assessed (YYYY-MM-DD, inclusive): the objective indicators cover them. */
  period_from: string;
  period_to: string;
  /** JSON `Publication`: what staff chose to publish. */
  publication: string;
  published_at: Timestamp | null;
  /** JSON of the objective indicators, frozen when the results are published. */
  indicators: string | null;
  meeting_on: string | null;
  meeting_note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SurveyOpenLinkTable {
  /** SHA-256 of the key in the open link. */
  key_hash: string;
  edition_id: string;
  respondent_group: RespondentGroup;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface SurveyTokenBatchTable {
  id: string;
  edition_id: string;
  respondent_group: RespondentGroup;
  size: number;
  /** `links`: exported as CSV/XLSX for a mail merge; `mail`: sent through the outbox. */
  channel: 'links' | 'mail';
  lang: string;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  /** Tokens used, counted when the tokens themselves are purged after the edition. */
  used_count: number | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** One invitation. Only "used" is recorded: no time of use, no address, nothing of the answers. */
export interface SurveyTokenTable {
  token_hash: string;
  batch_id: string;
  edition_id: string;
  respondent_group: RespondentGroup;
  used: Flag;
}

/** Save and resume. Encrypted with a key derived from the token, which the server never stores. */
export interface SurveyDraftTable {
  token_hash: string;
  edition_id: string;
  /** base64url of iv ‖ tag ‖ AES-256-GCM ciphertext of the padded answers JSON. */
  payload: string;
}

/** One anonymous response: no token, no time, a random id. */
export interface SurveyResponseTable {
  id: string;
  edition_id: string;
  respondent_group: RespondentGroup;
  /** JSON answers by item id, in instrument order. */
  answers: string;
}

export interface SurveyAgreedScoreTable {
  edition_id: string;
  section_id: string;
  score: number;
  note: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface SurveyRecommendationTable {
  id: string;
  edition_id: string;
  section_id: string;
  text: string;
  owner: string;
  /** YYYY-MM-DD. */
  deadline: string;
  status: RecommendationStatus;
  status_note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SurveyTables {
  survey: SurveyTable;
  survey_instrument: SurveyInstrumentTable;
  survey_edition: SurveyEditionTable;
  survey_open_link: SurveyOpenLinkTable;
  survey_token_batch: SurveyTokenBatchTable;
  survey_token: SurveyTokenTable;
  survey_draft: SurveyDraftTable;
  survey_response: SurveyResponseTable;
  survey_agreed_score: SurveyAgreedScoreTable;
  survey_recommendation: SurveyRecommendationTable;
}
