import { defineOnce } from '../core/define.js';
import { NgoSurveyResults } from './surveys-results.element.js';

export * from './surveys-results.element.js';

defineOnce('ngo-survey-results', NgoSurveyResults);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-survey-results': NgoSurveyResults;
  }
}
