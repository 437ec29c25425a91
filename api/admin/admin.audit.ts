import type { ModuleAudit } from '../core/module.js';
import { itemKind } from '../core/audit.js';

/** Staff accounts' actions in the audit log: signing in and out, passwords, staff management, resending a message, the log's own download. */
const staff = { item: 'staff' } as const;

export const ADMIN_AUDIT: ModuleAudit = {
  actions: {
    login: { ...staff, labels: { pl: 'Logowanie', en: 'Signed in', uk: 'Вхід' } },
    login_failed: { ...staff, labels: { pl: 'Nieudane logowanie', en: 'Failed sign-in', uk: 'Невдалий вхід' } },
    password_forgot: { ...staff, labels: { pl: 'Prośba o link do zmiany hasła', en: 'Asked for a password link', uk: 'Запит на посилання для зміни пароля' } },
    password_set: { ...staff, labels: { pl: 'Ustawienie hasła', en: 'Set a password', uk: 'Встановлення пароля' } },
    'DELETE /v1/admin/session': { labels: { pl: 'Wylogowanie', en: 'Signed out', uk: 'Вихід' } },
    'POST /v1/admin/staff': { ...staff, labels: { pl: 'Zaproszenie pracownika', en: 'Invited a staff member', uk: 'Запрошення працівника' } },
    'PATCH /v1/admin/staff/{id}': { ...staff, labels: { pl: 'Zmiana konta pracownika', en: "Changed a staff member's account", uk: 'Зміна облікового запису працівника' } },
    'POST /v1/admin/staff/{id}/invitation': { ...staff, labels: { pl: 'Ponowne wysłanie zaproszenia', en: 'Sent an invitation again', uk: 'Повторне надсилання запрошення' } },
    'POST /v1/admin/staff/{id}/password-reset': { ...staff, labels: { pl: 'Reset hasła pracownika', en: "Reset a staff member's password", uk: 'Скидання пароля працівника' } },
    'POST /v1/admin/staff/{id}/totp-reset': { ...staff, labels: { pl: 'Reset weryfikacji dwuetapowej pracownika', en: "Reset a staff member's two-step verification", uk: 'Скидання двоетапної перевірки працівника' } },
    'POST /v1/admin/outbox/{id}/resend': { labels: { pl: 'Ponowne wysłanie wiadomości', en: 'Sent a message again', uk: 'Повторне надсилання повідомлення' } },
    'GET /v1/admin/audit/export': { labels: { pl: 'Pobranie dziennika zdarzeń', en: 'Downloaded the audit log', uk: 'Завантаження журналу подій' } },
  },
  items: {
    staff: itemKind(async (db, ids) =>
      (await db.selectFrom('staff_user').select(['id', 'name', 'email']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, title: `${r.name} <${r.email}>`, link: 'staff' })),
    ),
  },
};
