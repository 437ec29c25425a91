import { tAuditModule } from '../../common/audit.js';
import type { ModuleAudit } from './module.js';

/** The settings section's actions in the audit log: a form's clause is named by its module. */
export const CLAUSES_AUDIT: ModuleAudit = {
  actions: {
    'PUT /v1/admin/settings/clauses/{form}': { item: 'clause', labels: { pl: 'Zmiana klauzuli informacyjnej', en: 'Changed an information clause', uk: 'Зміна інформаційного положення' } },
  },
  items: {
    clause: { find: async (_db, ids, lang) => new Map(ids.map((form) => [form, { title: tAuditModule(lang, form), link: 'settings' }])) },
  },
};
