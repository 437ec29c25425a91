import { defineOnce } from '../core/define.js';
import {
  NgoAdminConsultations, NgoAdminConsultationsAnswers, NgoAdminConsultationsDetail, NgoAdminConsultationsEditor, NgoAdminConsultationsList, NgoAdminConsultationsQueue, NgoAdminConsultationsReportTexts,
} from './consultations.admin.element.js';

export * from './consultations.admin.element.js';

// The staff panel imports this chunk (named in common/modules.ts) the first time the consultations section opens.
defineOnce('ngo-admin-consultations', NgoAdminConsultations);
defineOnce('ngo-admin-consultations-list', NgoAdminConsultationsList);
defineOnce('ngo-admin-consultations-editor', NgoAdminConsultationsEditor);
defineOnce('ngo-admin-consultations-detail', NgoAdminConsultationsDetail);
defineOnce('ngo-admin-consultations-queue', NgoAdminConsultationsQueue);
defineOnce('ngo-admin-consultations-answers', NgoAdminConsultationsAnswers);
defineOnce('ngo-admin-consultations-report-texts', NgoAdminConsultationsReportTexts);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin-consultations': NgoAdminConsultations;
    'ngo-admin-consultations-list': NgoAdminConsultationsList;
    'ngo-admin-consultations-editor': NgoAdminConsultationsEditor;
    'ngo-admin-consultations-detail': NgoAdminConsultationsDetail;
    'ngo-admin-consultations-queue': NgoAdminConsultationsQueue;
    'ngo-admin-consultations-answers': NgoAdminConsultationsAnswers;
    'ngo-admin-consultations-report-texts': NgoAdminConsultationsReportTexts;
  }
}
