import type { ModuleAudit } from '../core/module.js';
import { itemKind } from '../core/audit.js';

/** The events' actions in the audit log; a registration or a check-in is shown by its event. */
export const EVENTS_AUDIT: ModuleAudit = {
  actions: {
    'POST /v1/admin/events': { item: 'event', labels: { pl: 'Utworzenie wydarzenia', en: 'Created an event', uk: 'Створення події' } },
    'PUT /v1/admin/events/{id}': { item: 'event', labels: { pl: 'Edycja wydarzenia', en: 'Edited an event', uk: 'Редагування події' } },
    'POST /v1/admin/events/{id}/duplicate': { item: 'event', labels: { pl: 'Powielenie wydarzenia', en: 'Duplicated an event', uk: 'Дублювання події' } },
    'POST /v1/admin/events/{id}/publish': { item: 'event', labels: { pl: 'Publikacja wydarzenia', en: 'Published an event', uk: 'Публікація події' } },
    'POST /v1/admin/events/{id}/cancel': { item: 'event', labels: { pl: 'Odwołanie wydarzenia', en: 'Cancelled an event', uk: 'Скасування події' } },
    'POST /v1/admin/events/series': { item: 'series', labels: { pl: 'Utworzenie cyklu wydarzeń', en: 'Created a series', uk: 'Створення циклу подій' } },
    'PUT /v1/admin/events/series/{id}': { item: 'series', labels: { pl: 'Edycja cyklu wydarzeń', en: 'Edited a series', uk: 'Редагування циклу подій' } },
    'POST /v1/admin/events/series/{id}/certificates': { item: 'series', labels: { pl: 'Wystawienie zaświadczeń', en: 'Issued certificates', uk: 'Видача сертифікатів' } },
    'POST /v1/admin/events/submissions/{id}/approve': { item: 'submission', labels: { pl: 'Zatwierdzenie zgłoszonego wydarzenia', en: 'Approved a submitted event', uk: 'Схвалення поданої події' } },
    'POST /v1/admin/events/submissions/{id}/reject': { item: 'submission', labels: { pl: 'Odrzucenie zgłoszonego wydarzenia', en: 'Rejected a submitted event', uk: 'Відхилення поданої події' } },
    'POST /v1/admin/events/{id}/registrations/{registrationId}/cancel': { item: 'event', param: 'id', labels: { pl: 'Anulowanie zapisu uczestnika', en: 'Cancelled a registration', uk: 'Скасування реєстрації учасника' } },
    'POST /v1/admin/events/{id}/checkin': { item: 'event', labels: { pl: 'Potwierdzenie obecności', en: 'Checked a person in', uk: 'Підтвердження присутності' } },
    'DELETE /v1/admin/events/{id}/checkin/{registrationId}': { item: 'event', param: 'id', labels: { pl: 'Cofnięcie potwierdzenia obecności', en: 'Undid a check-in', uk: 'Скасування підтвердження присутності' } },
    'GET /v1/admin/events/{id}/registrations/export': { item: 'event', labels: { pl: 'Pobranie listy uczestników', en: 'Downloaded the list of participants', uk: 'Завантаження списку учасників' } },
  },
  items: {
    event: itemKind(async (db, ids) =>
      (await db.selectFrom('calendar_event').select(['id', 'title']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, title: r.title, link: `events/${r.id}` })),
    ),
    series: itemKind(async (db, ids) =>
      (await db.selectFrom('event_series').select(['id', 'title']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, title: r.title, link: `events/${r.id}` })),
    ),
    submission: itemKind(async (db, ids) =>
      (
        await db.selectFrom('event_submission as s').innerJoin('calendar_event as e', 'e.id', 's.event_id').select(['s.id', 'e.id as eventId', 'e.title']).where('s.id', 'in', ids).execute()
      ).map((r) => ({ id: r.id, title: r.title, link: `events/${r.eventId}` })),
    ),
  },
};
