import type { ModuleAudit } from '../core/module.js';
import { itemKind, jsonLabel } from '../core/audit.js';

/** The surveys' actions in the audit log; each is shown by its survey (`{survey}` in the path). */
const survey = { item: 'survey', param: 'survey' } as const;

export const SURVEYS_AUDIT: ModuleAudit = {
  actions: {
    'POST /v1/admin/surveys/{survey}/instruments': { ...survey, labels: { pl: 'Wgranie wersji narzędzia ankiety', en: 'Uploaded a survey instrument version', uk: 'Завантаження версії інструменту опитування' } },
    'PUT /v1/admin/surveys/{survey}/instruments/{version}': { ...survey, labels: { pl: 'Zastąpienie wersji narzędzia ankiety', en: 'Replaced a survey instrument version', uk: 'Заміна версії інструменту опитування' } },
    'POST /v1/admin/surveys/{survey}/editions': { ...survey, labels: { pl: 'Utworzenie edycji ankiety', en: 'Created a survey edition', uk: 'Створення випуску опитування' } },
    'PATCH /v1/admin/surveys/{survey}/editions/{edition}': { ...survey, labels: { pl: 'Zmiana terminów edycji ankiety', en: 'Changed a survey edition', uk: 'Зміна випуску опитування' } },
    'POST /v1/admin/surveys/{survey}/editions/{edition}/tokens': { ...survey, labels: { pl: 'Utworzenie jednorazowych zaproszeń', en: 'Created one-time invitation links', uk: 'Створення одноразових запрошень' } },
    'POST /v1/admin/surveys/{survey}/editions/{edition}/mailings': { ...survey, labels: { pl: 'Wysyłka zaproszeń do ankiety', en: 'Mailed survey invitations', uk: 'Розсилка запрошень до опитування' } },
    'POST /v1/admin/surveys/{survey}/editions/{edition}/batches/{batch}/revoke': { ...survey, labels: { pl: 'Unieważnienie paczki zaproszeń', en: 'Revoked a batch of invitations', uk: 'Відкликання пакета запрошень' } },
    'POST /v1/admin/surveys/{survey}/editions/{edition}/open-links': { ...survey, labels: { pl: 'Utworzenie otwartego linku', en: 'Created an open link', uk: 'Створення відкритого посилання' } },
    'DELETE /v1/admin/surveys/{survey}/editions/{edition}/open-links/{id}': { ...survey, labels: { pl: 'Unieważnienie otwartego linku', en: 'Revoked an open link', uk: 'Відкликання відкритого посилання' } },
    'PUT /v1/admin/surveys/{survey}/editions/{edition}/publication': { ...survey, labels: { pl: 'Zmiana publikacji wyników', en: 'Changed what the results publish', uk: 'Зміна публікації результатів' } },
    'PUT /v1/admin/surveys/{survey}/editions/{edition}/meeting': { ...survey, labels: { pl: 'Zapis wspólnego spotkania', en: 'Recorded the joint meeting', uk: 'Запис спільної зустрічі' } },
    'PUT /v1/admin/surveys/{survey}/editions/{edition}/agreed/{section}': { ...survey, labels: { pl: 'Uzgodniona ocena obszaru', en: 'Set an agreed section score', uk: 'Погоджена оцінка розділу' } },
    'POST /v1/admin/surveys/{survey}/editions/{edition}/recommendations': { ...survey, labels: { pl: 'Dodanie rekomendacji', en: 'Added a recommendation', uk: 'Додавання рекомендації' } },
    'PATCH /v1/admin/surveys/{survey}/editions/{edition}/recommendations/{id}': { ...survey, labels: { pl: 'Zmiana rekomendacji', en: 'Changed a recommendation', uk: 'Зміна рекомендації' } },
    'DELETE /v1/admin/surveys/{survey}/editions/{edition}/recommendations/{id}': { ...survey, labels: { pl: 'Usunięcie rekomendacji', en: 'Deleted a recommendation', uk: 'Видалення рекомендації' } },
  },
  items: {
    survey: itemKind(async (db, ids, lang) =>
      (await db.selectFrom('survey').select(['id', 'title']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, title: jsonLabel(r.title, lang) || r.id, link: `surveys/${r.id}` })),
    ),
  },
};
