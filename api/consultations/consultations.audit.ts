import type { ModuleAudit } from '../core/module.js';
import { itemKind } from '../core/audit.js';

/** The consultations' actions in the audit log; a remark is shown by its consultation's title. */
export const CONSULTATIONS_AUDIT: ModuleAudit = {
  actions: {
    'POST /v1/admin/consultations': { item: 'consultation', labels: { pl: 'Utworzenie konsultacji', en: 'Created a consultation', uk: 'Створення консультації' } },
    'POST /v1/admin/consultations/document/preview': { labels: { pl: 'Podgląd podziału dokumentu', en: 'Previewed a document split', uk: 'Попередній перегляд поділу документа' } },
    'PUT /v1/admin/consultations/{id}': { item: 'consultation', labels: { pl: 'Edycja konsultacji', en: 'Edited a consultation', uk: 'Редагування консультації' } },
    'PUT /v1/admin/consultations/{id}/report-texts': { item: 'consultation', labels: { pl: 'Edycja wstępu i podsumowania raportu', en: 'Edited the report introduction and summary', uk: 'Редагування вступу й підсумку звіту' } },
    'POST /v1/admin/consultations/{id}/publish-answers': { item: 'consultation', labels: { pl: 'Publikacja odpowiedzi i raportu', en: 'Published the answers and the report', uk: 'Публікація відповідей і звіту' } },
    'POST /v1/admin/consultations/remarks/{remarkId}/approve': { item: 'remark', labels: { pl: 'Zatwierdzenie uwagi', en: 'Approved a remark', uk: 'Схвалення зауваження' } },
    'POST /v1/admin/consultations/remarks/{remarkId}/reject': { item: 'remark', labels: { pl: 'Odrzucenie uwagi', en: 'Rejected a remark', uk: 'Відхилення зауваження' } },
    'PUT /v1/admin/consultations/remarks/{remarkId}/response': { item: 'remark', labels: { pl: 'Odpowiedź na uwagę', en: 'Answered a remark', uk: 'Відповідь на зауваження' } },
    'GET /v1/admin/consultations/{id}/remarks/export': { item: 'consultation', labels: { pl: 'Pobranie uwag z danymi autorów', en: 'Downloaded the remarks with their authors', uk: 'Завантаження зауважень з даними авторів' } },
  },
  items: {
    consultation: itemKind(async (db, ids) =>
      (await db.selectFrom('consultation').select(['id', 'title']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, title: r.title, link: `consultations/${r.id}` })),
    ),
    remark: itemKind(async (db, ids) =>
      (
        await db.selectFrom('consultation_remark as r').innerJoin('consultation as c', 'c.id', 'r.consultation_id').select(['r.id', 'c.id as consultationId', 'c.title']).where('r.id', 'in', ids).execute()
      ).map((r) => ({ id: r.id, title: r.title, link: `consultations/${r.consultationId}` })),
    ),
  },
};
