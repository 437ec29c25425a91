import { formatDateTime } from '../../common/i18n.js';
import type { ModuleAudit } from '../core/module.js';
import { itemKind, jsonLabel } from '../core/audit.js';

/** The advisory point's actions in the audit log; a case is shown by its number, never by the requester's name. */
export const ADVICE_AUDIT: ModuleAudit = {
  actions: {
    'POST /v1/admin/advice/cases/{id}/assign': { item: 'case', labels: { pl: 'Przydzielenie sprawy', en: 'Assigned a case', uk: 'Призначення справи' } },
    'POST /v1/admin/advice/cases/{id}/notes': { item: 'case', labels: { pl: 'Notatka wewnętrzna w sprawie', en: 'Added an internal note', uk: 'Внутрішня нотатка у справі' } },
    'POST /v1/admin/advice/cases/{id}/replies': { item: 'case', labels: { pl: 'Odpowiedź w sprawie', en: 'Replied in a case', uk: 'Відповідь у справі' } },
    'POST /v1/admin/advice/cases/{id}/close': { item: 'case', labels: { pl: 'Zamknięcie sprawy', en: 'Closed a case', uk: 'Закриття справи' } },
    'PUT /v1/admin/advice/cases/{id}/due': { item: 'case', labels: { pl: 'Zmiana terminu sprawy', en: "Changed a case's due date", uk: 'Зміна терміну справи' } },
    'POST /v1/admin/advice/cases/{id}/attachments': { item: 'case', labels: { pl: 'Dodanie załącznika do odpowiedzi', en: 'Uploaded a file for a reply', uk: 'Додавання вкладення до відповіді' } },
    'POST /v1/admin/advice/topics': { item: 'topic', labels: { pl: 'Dodanie tematu doradztwa', en: 'Added an advice topic', uk: 'Додавання теми консультування' } },
    'PUT /v1/admin/advice/topics/order': { labels: { pl: 'Zmiana kolejności tematów', en: 'Reordered the topics', uk: 'Зміна порядку тем' } },
    'PUT /v1/admin/advice/topics/{id}': { item: 'topic', labels: { pl: 'Edycja tematu doradztwa', en: 'Edited an advice topic', uk: 'Редагування теми консультування' } },
    'PUT /v1/admin/advice/advisers/{id}/topics': { item: 'adviser', labels: { pl: 'Zmiana tematów doradcy', en: "Set an adviser's topics", uk: 'Зміна тем консультанта' } },
    'POST /v1/admin/advice/slots': { item: 'slot', labels: { pl: 'Dodanie terminu dyżuru', en: 'Published an availability slot', uk: 'Додавання часу прийому' } },
    'DELETE /v1/admin/advice/slots/{id}': { item: 'slot', labels: { pl: 'Wycofanie terminu dyżuru', en: 'Withdrew an availability slot', uk: 'Відкликання часу прийому' } },
    'POST /v1/admin/advice/slots/{id}/cancel-booking': { item: 'slot', labels: { pl: 'Odwołanie umówionego spotkania', en: 'Cancelled a booked meeting', uk: 'Скасування запланованої зустрічі' } },
  },
  items: {
    case: itemKind(async (db, ids) =>
      (await db.selectFrom('advice_case').select(['id', 'number']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, title: r.number, link: `advice/${r.id}` })),
    ),
    topic: itemKind(async (db, ids, lang) =>
      (await db.selectFrom('advice_topic').select(['id', 'labels']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, title: jsonLabel(r.labels, lang) || r.id, link: 'advice' })),
    ),
    adviser: itemKind(async (db, ids) =>
      (await db.selectFrom('staff_user').select(['id', 'name']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, title: r.name, link: 'advice' })),
    ),
    slot: itemKind(async (db, ids, lang) =>
      (await db.selectFrom('advice_slot').select(['id', 'starts_at']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, title: formatDateTime(lang, r.starts_at), link: 'advice' })),
    ),
  },
};
