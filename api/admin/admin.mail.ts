import type { Config } from '../config.js';
import { mailTemplate } from '../core/mail.js';

/**
 * A link into the staff panel: `#<section>/<id>` opens the item in its section, `#password/<token>`
 * the set-password form. The fragment never reaches a server log.
 */
export const staffPanelUrl = (config: Config, fragment: string) => `${config.staffPanelUrl}#${fragment}`;

export const staffInviteMail = mailTemplate('admin.staff-invite', {
  pl: {
    subject: 'Zaproszenie do panelu pracowników WiP NGO',
    text: 'Dzień dobry, {{name}}!\n\n{{inviter}} zaprasza Cię do panelu pracowników modułów WiP NGO (rola: {{role}}).\nUstaw hasło za pomocą linku (ważny do {{expires}}):\n{{link}}\n\n{{totpNote}}Jeśli nie spodziewasz się tego zaproszenia, zignoruj tę wiadomość.',
  },
  en: {
    subject: 'Invitation to the WiP NGO staff panel',
    text: 'Hello {{name}},\n\n{{inviter}} invites you to the WiP NGO staff panel (role: {{role}}).\nChoose your password with this link (valid until {{expires}}):\n{{link}}\n\n{{totpNote}}If you did not expect this invitation, ignore this message.',
  },
  uk: {
    subject: 'Запрошення до панелі працівників WiP NGO',
    text: 'Добрий день, {{name}}!\n\n{{inviter}} запрошує вас до панелі працівників модулів WiP NGO (роль: {{role}}).\nВстановіть пароль за посиланням (дійсне до {{expires}}):\n{{link}}\n\n{{totpNote}}Якщо ви не очікували цього запрошення, проігноруйте цей лист.',
  },
});

export const staffPasswordMail = mailTemplate('admin.staff-password', {
  pl: {
    subject: 'Ustaw nowe hasło do panelu pracowników WiP NGO',
    text: 'Dzień dobry, {{name}}!\n\nOtrzymaliśmy prośbę o nowe hasło do Twojego konta w panelu pracowników.\nUstaw je za pomocą linku (ważny do {{expires}}, działa raz):\n{{link}}\n\nJeśli to nie Ty, zignoruj tę wiadomość: dotychczasowe hasło nadal działa.',
  },
  en: {
    subject: 'Choose a new password for the WiP NGO staff panel',
    text: 'Hello {{name}},\n\nwe received a request for a new password for your staff panel account.\nChoose it with this link (valid until {{expires}}, works once):\n{{link}}\n\nIf this was not you, ignore this message: your current password still works.',
  },
  uk: {
    subject: 'Встановіть новий пароль до панелі працівників WiP NGO',
    text: 'Добрий день, {{name}}!\n\nМи отримали запит на новий пароль до вашого облікового запису в панелі працівників.\nВстановіть його за посиланням (дійсне до {{expires}}, працює один раз):\n{{link}}\n\nЯкщо це були не ви, проігноруйте цей лист: чинний пароль і далі діє.',
  },
});

export const staffResetMail = mailTemplate('admin.staff-reset', {
  pl: {
    subject: 'Administrator zresetował Twoje hasło do panelu pracowników WiP NGO',
    text: 'Dzień dobry, {{name}}!\n\n{{inviter}} zresetował(a) hasło do Twojego konta w panelu pracowników. Dotychczasowe hasło już nie działa, a otwarte sesje zostały zakończone.\nUstaw nowe hasło za pomocą linku (ważny do {{expires}}, działa raz):\n{{link}}',
  },
  en: {
    subject: 'An administrator reset your WiP NGO staff panel password',
    text: 'Hello {{name}},\n\n{{inviter}} reset the password of your staff panel account. Your old password no longer works, and your open sessions have ended.\nChoose a new password with this link (valid until {{expires}}, works once):\n{{link}}',
  },
  uk: {
    subject: 'Адміністратор скинув ваш пароль до панелі працівників WiP NGO',
    text: 'Добрий день, {{name}}!\n\n{{inviter}} скинув(ла) пароль до вашого облікового запису в панелі працівників. Старий пароль більше не діє, а відкриті сесії завершено.\nВстановіть новий пароль за посиланням (дійсне до {{expires}}, працює один раз):\n{{link}}',
  },
});

/** An administrator's account lost its second factor: a link to choose a password again and enrol a new code. */
export const staffTotpResetMail = mailTemplate('admin.staff-totp-reset', {
  pl: {
    subject: 'Zresetowano weryfikację dwuetapową Twojego konta w panelu pracowników WiP NGO',
    text: 'Dzień dobry, {{name}}!\n\n{{inviter}} zresetował(a) weryfikację dwuetapową Twojego konta. Dotychczasowy kod z aplikacji już nie działa, a otwarte sesje zostały zakończone.\nUstaw hasło i dodaj nowy kod do aplikacji uwierzytelniającej za pomocą linku (ważny do {{expires}}, działa raz):\n{{link}}',
  },
  en: {
    subject: 'The two-step verification of your WiP NGO staff panel account was reset',
    text: 'Hello {{name}},\n\n{{inviter}} reset the two-step verification of your account. The code from your app no longer works, and your open sessions have ended.\nChoose your password and add a new code to your authenticator app with this link (valid until {{expires}}, works once):\n{{link}}',
  },
  uk: {
    subject: 'Двоетапну перевірку вашого облікового запису в панелі працівників WiP NGO скинуто',
    text: 'Добрий день, {{name}}!\n\n{{inviter}} скинув(ла) двоетапну перевірку вашого облікового запису. Код із застосунку більше не діє, а відкриті сесії завершено.\nВстановіть пароль і додайте новий код до застосунку автентифікації за посиланням (дійсне до {{expires}}, працює один раз):\n{{link}}',
  },
});

export const ADMIN_MAIL = [staffInviteMail, staffPasswordMail, staffResetMail, staffTotpResetMail] as const;
