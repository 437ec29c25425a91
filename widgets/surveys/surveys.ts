import { defineOnce } from '../core/define.js';
import { NgoSurvey } from './surveys.element.js';

export * from './surveys.element.js';

defineOnce('ngo-survey', NgoSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-survey': NgoSurvey;
  }
}
