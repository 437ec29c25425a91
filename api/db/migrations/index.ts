import type { Migration } from 'kysely';
import * as createCore from './2026_11_25_1950_create_core.js';
import * as createMap from './2026_11_25_2000_create_map.js';
import * as createConsultations from './2026_11_25_2030_create_consultations.js';
import * as createEvents from './2026_12_01_2045_create_events.js';
import * as createSurveys from './2026_12_02_0900_create_surveys.js';
import * as addMailAttachments from './2026_12_02_0930_add_mail_attachments.js';
import * as addLoginThrottle from './2026_12_02_1000_add_login_throttle.js';
import * as createAdvice from './2026_12_02_1110_create_advice.js';
import * as createGuide from './2026_12_02_1120_create_guide.js';
import * as addReadIndexes from './2026_12_02_1150_add_read_indexes.js';
import * as addOrganisationSearchText from './2026_12_02_1151_add_organisation_search_text.js';
import * as staffPanel from './2026_12_02_2100_staff_panel.js';
import * as addGuideReviewOn from './2026_12_02_2500_add_guide_review_on.js';
import * as supportOnce from './2026_12_04_4001_support_once.js';
import * as addEventFilterIndexes from './2026_12_04_4002_add_event_filter_indexes.js';
import * as registrationOnce from './2026_12_04_9001_registration_once.js';
import * as addRetiredQuestions from './2026_12_06_6001_add_retired_questions.js';
import * as addConsultationReportTexts from './2026_12_07_5001_add_consultation_report_texts.js';
import * as addRetiredOptions from './2026_12_07_6001_add_retired_options.js';
import * as addSurveyEditionClockIndexes from './2026_12_07_8001_add_survey_edition_clock_indexes.js';

/** Every migration, in order. A static list, so bundlers and tsx need no directory scanning. */
export const migrations: Record<string, Migration> = {
  '2026_11_25_1950_create_core': createCore,
  '2026_11_25_2000_create_map': createMap,
  '2026_11_25_2030_create_consultations': createConsultations,
  '2026_12_01_2045_create_events': createEvents,
  '2026_12_02_0900_create_surveys': createSurveys,
  '2026_12_02_0930_add_mail_attachments': addMailAttachments,
  '2026_12_02_1000_add_login_throttle': addLoginThrottle,
  '2026_12_02_1110_create_advice': createAdvice,
  '2026_12_02_1120_create_guide': createGuide,
  '2026_12_02_1150_add_read_indexes': addReadIndexes,
  '2026_12_02_1151_add_organisation_search_text': addOrganisationSearchText,
  '2026_12_02_2100_staff_panel': staffPanel,
  '2026_12_02_2500_add_guide_review_on': addGuideReviewOn,
  '2026_12_04_4001_support_once': supportOnce,
  '2026_12_04_4002_add_event_filter_indexes': addEventFilterIndexes,
  '2026_12_04_9001_registration_once': registrationOnce,
  '2026_12_06_6001_add_retired_questions': addRetiredQuestions,
  '2026_12_07_5001_add_consultation_report_texts': addConsultationReportTexts,
  '2026_12_07_6001_add_retired_options': addRetiredOptions,
  '2026_12_07_8001_add_survey_edition_clock_indexes': addSurveyEditionClockIndexes,
};
