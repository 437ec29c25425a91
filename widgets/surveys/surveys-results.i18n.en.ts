import type { Messages } from '../core/i18n/index.js';
import type { SurveyResultsSource } from './surveys-results.i18n.pl.js';

/** English strings of `<ngo-survey-results>`; loaded only when it shows in English. */
const en: Messages<SurveyResultsSource> = {
  'results.region': 'Cooperation quality survey results',
  'results.title': 'Cooperation quality survey (LIJW) results, edition {edition}',
  'results.respondents': 'Responses by group',
  'results.index': 'Overall index',
  'results.scale_note': 'Scores on a 0–100 scale (100 is the best rating). “Hard to say” is not counted. Results of groups with fewer than 5 responses are not shown.',
  'results.sections': 'Scores of the parts by group',
  'results.sections_chart': 'Scores of the survey parts by respondent group',
  'results.gap': 'Gap between {a} and {b}',
  'results.gap_chart': 'Perception gap between {a} and {b}, question by question',
  'results.gap_value': 'gap {value}',
  'results.gap_pair': 'Compare groups',
  'results.gap_a': 'First group',
  'results.gap_b': 'Second group',
  'results.trend': 'Change over editions',
  'results.trend_chart': 'The index and the scores of the parts over editions: {group}',
  'results.trend_group': 'Group',
  'results.table': 'Data table',
  'results.show_table': 'Show the data as a table',
  'results.col.section': 'Part',
  'results.col.item': 'Question',
  'results.col.group': 'Group',
  'results.col.edition': 'Edition',
  'results.col.n': 'Responses',
  'results.col.gap': 'Gap',
  'results.all': 'Everyone',
  'results.suppressed': 'n < 5',
  'results.suppressed_long': 'hidden: fewer than 5 responses',
  'results.no_data': 'no data',
  'results.csv': 'Download the data (CSV)',
  'results.days': { one: '{count} day', other: '{count} days' },
  'results.indicators': 'Objective indicators',
  'results.indicators_note': 'Figures for {from} to {to}, from the portal’s other modules.',
  'results.agreed': 'Score agreed by the joint working group',
  'results.recommendations': 'Recommendations',
  'results.not_published': 'The results of this edition have not been published yet.',
  'results.not_found': 'No such survey or edition was found.',
};

export default en;
