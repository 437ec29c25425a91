import { staffPanelUrl } from '../admin/admin.mail.js';
import type { Config } from '../config.js';
import { mailTemplate } from '../core/mail.js';
import { dictionaryTranslator } from '../../common/i18n.js';

/** Confirmation links for remarks and supports live 7 days. */
export const CONFIRM_TTL_MS = 7 * 24 * 3600_000;
export const REMARK_LINK = 'consultations:remark';
export const SUPPORT_LINK = 'consultations:support';

/** Links in mails open the iframe form of the consultation widget, which finishes the action. */
export const linkUrl = (config: Config, consultationId: string, action: 'confirm' | 'confirm-support', token: string, lang: string) =>
  `${config.publicUrl}/embed/consultations?lang=${encodeURIComponent(lang)}&consultation=${encodeURIComponent(consultationId)}&${action}=${encodeURIComponent(token)}`;

/** The printable report, straight from the API. */
export const reportUrl = (config: Config, consultationId: string, lang: string) =>
  `${config.publicUrl}/v1/consultations/${encodeURIComponent(consultationId)}/report?format=html&lang=${encodeURIComponent(lang)}`;

/** The consultation in the staff panel (its moderation queue and answers), for staff mails. */
export const panelUrl = (config: Config, consultationId: string) => staffPanelUrl(config, `consultations/${encodeURIComponent(consultationId)}`);

export const confirmRemarkMail = mailTemplate('consultations.confirm-remark', {
  pl: { subject: 'Potwierdź uwagę do konsultacji: {{title}}', text: 'Dzień dobry {{name}},\n\ndziękujemy za uwagę zgłoszoną w konsultacjach „{{title}}” ({{unit}}).\nPotwierdź ją, otwierając link (ważny 7 dni):\n{{link}}\n\nBez potwierdzenia uwaga nie zostanie rozpatrzona.\nJeśli to nie Ty, zignoruj tę wiadomość.' },
  en: { subject: 'Confirm your remark: {{title}}', text: 'Hello {{name}},\n\nthank you for your remark in the consultation "{{title}}" ({{unit}}).\nConfirm it by opening this link (valid for 7 days):\n{{link}}\n\nUnconfirmed remarks are not considered.\nIf this was not you, ignore this message.' },
  uk: { subject: 'Підтвердьте зауваження: {{title}}', text: 'Добрий день, {{name}}!\n\nДякуємо за зауваження в консультаціях «{{title}}» ({{unit}}).\nПідтвердьте його за посиланням (дійсне 7 днів):\n{{link}}\n\nНепідтверджені зауваження не розглядаються.\nЯкщо це були не ви, проігноруйте цей лист.' },
});

export const confirmSupportMail = mailTemplate('consultations.confirm-support', {
  pl: { subject: 'Potwierdź poparcie uwagi: {{title}}', text: 'Dzień dobry {{name}},\n\n{{organisation}} popiera uwagę zgłoszoną w konsultacjach „{{title}}” ({{unit}}).\nPotwierdź poparcie, otwierając link (ważny 7 dni):\n{{link}}\n\nJeśli to nie Ty, zignoruj tę wiadomość.' },
  en: { subject: 'Confirm your support: {{title}}', text: 'Hello {{name}},\n\n{{organisation}} supports a remark in the consultation "{{title}}" ({{unit}}).\nConfirm the support by opening this link (valid for 7 days):\n{{link}}\n\nIf this was not you, ignore this message.' },
  uk: { subject: 'Підтвердьте підтримку зауваження: {{title}}', text: 'Добрий день, {{name}}!\n\n{{organisation}} підтримує зауваження в консультаціях «{{title}}» ({{unit}}).\nПідтвердьте підтримку за посиланням (дійсне 7 днів):\n{{link}}\n\nЯкщо це були не ви, проігноруйте цей лист.' },
});

export const remarkArrivedMail = mailTemplate('consultations.remark-arrived', {
  pl: { subject: 'Nowa uwaga ({{status}}): {{title}}', text: 'Dzień dobry,\n\nw konsultacjach „{{title}}” wpłynęła nowa uwaga ({{unit}}, {{authorType}}).\nStan: {{status}}.\n\nKolejka moderacji i odpowiedzi w panelu pracowników:\n{{link}}' },
  en: { subject: 'New remark ({{status}}): {{title}}', text: 'Hello,\n\na new remark arrived in the consultation "{{title}}" ({{unit}}, {{authorType}}).\nStatus: {{status}}.\n\nModeration queue and answers in the staff panel:\n{{link}}' },
  uk: { subject: 'Нове зауваження ({{status}}): {{title}}', text: 'Добрий день!\n\nУ консультаціях «{{title}}» надійшло нове зауваження ({{unit}}, {{authorType}}).\nСтан: {{status}}.\n\nЧерга модерації та відповіді в панелі працівників:\n{{link}}' },
});

export const answeredMail = mailTemplate('consultations.answered', {
  pl: { subject: 'Odpowiedź na Twoją uwagę: {{title}}', text: 'Dzień dobry {{name}},\n\nopublikowaliśmy sprawozdanie z konsultacji „{{title}}”.\nTwoja uwaga ({{unit}}): {{decision}}.\nUzasadnienie:\n{{response}}\n\nSprawozdanie: {{link}}' },
  en: { subject: 'Answer to your remark: {{title}}', text: 'Hello {{name}},\n\nthe report of the consultation "{{title}}" is published.\nYour remark ({{unit}}): {{decision}}.\nJustification:\n{{response}}\n\nReport: {{link}}' },
  uk: { subject: 'Відповідь на ваше зауваження: {{title}}', text: 'Добрий день, {{name}}!\n\nМи опублікували звіт про консультації «{{title}}».\nВаше зауваження ({{unit}}): {{decision}}.\nОбґрунтування:\n{{response}}\n\nЗвіт: {{link}}' },
});

export const remarkRejectedMail = mailTemplate('consultations.remark-rejected', {
  pl: { subject: 'Uwaga nie została opublikowana: {{title}}', text: 'Dzień dobry {{name}},\n\nTwoja uwaga w konsultacjach „{{title}}” ({{unit}}) nie została opublikowana.\nPowód: {{reason}}\n\nW razie pytań odpowiedz na tę wiadomość.' },
  en: { subject: 'Your remark was not published: {{title}}', text: 'Hello {{name}},\n\nyour remark in the consultation "{{title}}" ({{unit}}) was not published.\nReason: {{reason}}\n\nIf you have questions, reply to this message.' },
  uk: { subject: 'Зауваження не опубліковано: {{title}}', text: 'Добрий день, {{name}}!\n\nВаше зауваження в консультаціях «{{title}}» ({{unit}}) не опубліковано.\nПричина: {{reason}}\n\nЯкщо маєте запитання, дайте відповідь на цей лист.' },
});

/** Texts that go into the mails' placeholders ("the whole document" for a remark on no unit), on the translator core. */
export const tMailPart = dictionaryTranslator({
  pl: { wholeDocument: 'cały dokument' },
  en: { wholeDocument: 'the whole document' },
  uk: { wholeDocument: 'весь документ' },
});
