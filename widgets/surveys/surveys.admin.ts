import { defineOnce } from '../core/define.js';
import {
  NgoAdminSurveys, NgoAdminSurveysAccess, NgoAdminSurveysEditions, NgoAdminSurveysInstruments, NgoAdminSurveysMeeting, NgoAdminSurveysResults,
} from './surveys.admin.element.js';

export * from './surveys.admin.element.js';

// The staff panel imports this chunk (named in common/modules.ts) the first time the surveys section opens.
defineOnce('ngo-admin-surveys', NgoAdminSurveys);
defineOnce('ngo-admin-surveys-editions', NgoAdminSurveysEditions);
defineOnce('ngo-admin-surveys-access', NgoAdminSurveysAccess);
defineOnce('ngo-admin-surveys-results', NgoAdminSurveysResults);
defineOnce('ngo-admin-surveys-meeting', NgoAdminSurveysMeeting);
defineOnce('ngo-admin-surveys-instruments', NgoAdminSurveysInstruments);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin-surveys': NgoAdminSurveys;
    'ngo-admin-surveys-editions': NgoAdminSurveysEditions;
    'ngo-admin-surveys-access': NgoAdminSurveysAccess;
    'ngo-admin-surveys-results': NgoAdminSurveysResults;
    'ngo-admin-surveys-meeting': NgoAdminSurveysMeeting;
    'ngo-admin-surveys-instruments': NgoAdminSurveysInstruments;
  }
}
