import type { ModuleAudit } from '../core/module.js';
import { itemKind } from '../core/audit.js';

/** The map's actions in the audit log (docs/modules.md, step 1: `audit`). */
export const MAP_AUDIT: ModuleAudit = {
  actions: {
    'POST /v1/admin/map/submissions/{id}/approve': { item: 'submission', labels: { pl: 'Zatwierdzenie zgłoszenia na mapę', en: 'Approved a map submission', uk: 'Схвалення заявки на мапу' } },
    'POST /v1/admin/map/submissions/{id}/reject': { item: 'submission', labels: { pl: 'Odrzucenie zgłoszenia na mapę', en: 'Rejected a map submission', uk: 'Відхилення заявки на мапу' } },
    'POST /v1/admin/map/organisations': { item: 'organisation', labels: { pl: 'Dodanie organizacji', en: 'Added an organisation', uk: 'Додавання організації' } },
    'PUT /v1/admin/map/organisations/{id}': { item: 'organisation', labels: { pl: 'Edycja organizacji', en: 'Edited an organisation', uk: 'Редагування організації' } },
    'POST /v1/admin/map/organisations/{id}/archive': { item: 'organisation', labels: { pl: 'Archiwizacja organizacji', en: 'Archived an organisation', uk: 'Архівування організації' } },
    'POST /v1/admin/map/organisations/{id}/publish': { item: 'organisation', labels: { pl: 'Ponowna publikacja organizacji', en: 'Published an organisation again', uk: 'Повторна публікація організації' } },
    'POST /v1/admin/map/reminders': { labels: { pl: 'Wysłanie przypomnień o aktualizacji danych', en: 'Sent the data update reminders', uk: 'Надсилання нагадувань про оновлення даних' } },
  },
  items: {
    organisation: itemKind(async (db, ids) =>
      (await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, title: r.name, link: `map/${r.id}` })),
    ),
    // A submission is named by the organisation it proposes (its data) or corrects.
    submission: itemKind(async (db, ids) =>
      (
        await db.selectFrom('organisation_submission as s').leftJoin('organisation as o', 'o.id', 's.organisation_id').select(['s.id', 's.data', 'o.name']).where('s.id', 'in', ids).execute()
      ).map((r) => ({ id: r.id, title: r.name ?? proposedName(r.data) ?? r.id, link: `map/${r.id}` })),
    ),
  },
};

function proposedName(data: string): string | undefined {
  try {
    const name: unknown = (JSON.parse(data) as { name?: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}
