import { staffPanelUrl } from '../admin/admin.mail.js';
import type { Config } from '../config.js';
import { mailTemplate } from '../core/mail.js';

/** The status link lives as long as the case may (it is revoked by the purge). */
export const STATUS_TTL_MS = 3 * 365 * 24 * 3600_000;
/** The form's files go up within this time after sending. */
export const UPLOAD_TTL_MS = 30 * 60_000;
export const STATUS_LINK = 'advice:status';
export const UPLOAD_LINK = 'advice:upload';

/** The requester's status page: the embed page of `<ngo-advice-status>`. */
export const statusUrl = (config: Config, token: string, lang: string) => `${config.publicUrl}/embed/advice/status?lang=${encodeURIComponent(lang)}&token=${encodeURIComponent(token)}`;
/** The case in the staff panel. */
export const panelUrl = (config: Config, caseId: string) => staffPanelUrl(config, `advice/${encodeURIComponent(caseId)}`);

export const receivedMail = mailTemplate('advice.received', {
  pl: { subject: 'Przyjęliśmy Twoje pytanie: {{number}}', text: 'Dzień dobry {{name}},\n\nprzyjęliśmy Twoje pytanie do punktu doradczego dla organizacji pozarządowych. Numer sprawy: {{number}} ({{topic}}).\n\nStan sprawy, odpowiedzi doradcy, rezerwację spotkania i dodawanie plików znajdziesz tu:\n{{link}}\n\nLink jest tylko dla Ciebie: nie przekazuj go nikomu.\nJeśli to nie Ty, zignoruj tę wiadomość.' },
  en: { subject: 'We have received your question: {{number}}', text: 'Hello {{name}},\n\nwe have received your question to the advisory point for NGOs. Case number: {{number}} ({{topic}}).\n\nThe state of the case, the adviser\'s replies, booking a meeting and adding files are here:\n{{link}}\n\nThe link is for you alone: do not pass it on.\nIf this was not you, ignore this message.' },
  uk: { subject: 'Ми отримали ваше запитання: {{number}}', text: 'Добрий день, {{name}}!\n\nМи отримали ваше запитання до консультаційного пункту для неурядових організацій. Номер справи: {{number}} ({{topic}}).\n\nСтан справи, відповіді консультанта, бронювання зустрічі та додавання файлів — тут:\n{{link}}\n\nПосилання лише для вас: нікому його не передавайте.\nЯкщо це були не ви, проігноруйте цей лист.' },
});

export const replyMail = mailTemplate('advice.reply', {
  pl: { subject: 'Odpowiedź w sprawie {{number}}', text: 'Dzień dobry {{name}},\n\ndoradca odpowiedział w sprawie {{number}}:\n\n{{body}}\n\nOdpowiedzieć i dodać pliki możesz tu:\n{{link}}' },
  en: { subject: 'A reply on case {{number}}', text: 'Hello {{name}},\n\nthe adviser has replied on case {{number}}:\n\n{{body}}\n\nYou can reply and add files here:\n{{link}}' },
  uk: { subject: 'Відповідь у справі {{number}}', text: 'Добрий день, {{name}}!\n\nКонсультант відповів у справі {{number}}:\n\n{{body}}\n\nВідповісти й додати файли можна тут:\n{{link}}' },
});

export const bookedMail = mailTemplate('advice.booked', {
  pl: { subject: 'Spotkanie w sprawie {{number}}: {{when}}', text: 'Dzień dobry {{name}},\n\nzarezerwowano spotkanie z doradcą w sprawie {{number}}.\nKiedy: {{when}} (czas warszawski)\nGdzie: {{where}}\n\nZaproszenie do kalendarza jest w załączniku. Odwołać spotkanie możesz tu:\n{{link}}' },
  en: { subject: 'Meeting on case {{number}}: {{when}}', text: 'Hello {{name}},\n\na meeting with an adviser on case {{number}} is booked.\nWhen: {{when}} (Warsaw time)\nWhere: {{where}}\n\nThe calendar invitation is attached. You can cancel the meeting here:\n{{link}}' },
  uk: { subject: 'Зустріч у справі {{number}}: {{when}}', text: 'Добрий день, {{name}}!\n\nЗаброньовано зустріч із консультантом у справі {{number}}.\nКоли: {{when}} (за варшавським часом)\nДе: {{where}}\n\nЗапрошення до календаря — у вкладенні. Скасувати зустріч можна тут:\n{{link}}' },
});

export const bookingCancelledMail = mailTemplate('advice.booking-cancelled', {
  pl: { subject: 'Odwołano spotkanie w sprawie {{number}}', text: 'Dzień dobry {{name}},\n\nspotkanie w sprawie {{number}} ({{when}}, czas warszawski) zostało odwołane ({{by}}).\n\nNowy termin możesz wybrać tu:\n{{link}}' },
  en: { subject: 'Meeting on case {{number}} cancelled', text: 'Hello {{name}},\n\nthe meeting on case {{number}} ({{when}}, Warsaw time) has been cancelled ({{by}}).\n\nYou can pick another time here:\n{{link}}' },
  uk: { subject: 'Зустріч у справі {{number}} скасовано', text: 'Добрий день, {{name}}!\n\nЗустріч у справі {{number}} ({{when}}, за варшавським часом) скасовано ({{by}}).\n\nОбрати інший час можна тут:\n{{link}}' },
});

export const meetingReminderMail = mailTemplate('advice.meeting-reminder', {
  pl: { subject: 'Jutro spotkanie w sprawie {{number}}', text: 'Dzień dobry {{name}},\n\nprzypominamy o spotkaniu z doradcą w sprawie {{number}}.\nKiedy: {{when}} (czas warszawski)\nGdzie: {{where}}\n\nJeśli nie możesz przyjść, odwołaj je tu, aby zwolnić termin:\n{{link}}' },
  en: { subject: 'Meeting on case {{number}} tomorrow', text: 'Hello {{name}},\n\na reminder of your meeting with an adviser on case {{number}}.\nWhen: {{when}} (Warsaw time)\nWhere: {{where}}\n\nIf you cannot come, cancel it here to free the slot:\n{{link}}' },
  uk: { subject: 'Завтра зустріч у справі {{number}}', text: 'Добрий день, {{name}}!\n\nНагадуємо про зустріч із консультантом у справі {{number}}.\nКоли: {{when}} (за варшавським часом)\nДе: {{where}}\n\nЯкщо не зможете прийти, скасуйте її тут, щоб звільнити час:\n{{link}}' },
});

export const closedMail = mailTemplate('advice.closed', {
  pl: { subject: 'Sprawa {{number}} zamknięta: jak oceniasz pomoc?', text: 'Dzień dobry {{name}},\n\nsprawa {{number}} została zamknięta. Jedno pytanie: na ile pomogła Ci porada? Odpowiesz jednym kliknięciem tu:\n{{link}}\n\nDziękujemy.' },
  en: { subject: 'Case {{number}} closed: how did we help?', text: 'Hello {{name}},\n\ncase {{number}} is closed. One question: how much did the advice help you? Answer with one click here:\n{{link}}\n\nThank you.' },
  uk: { subject: 'Справу {{number}} закрито: як ви оцінюєте допомогу?', text: 'Добрий день, {{name}}!\n\nСправу {{number}} закрито. Одне запитання: наскільки вам допомогла консультація? Відповісти можна одним кліком тут:\n{{link}}\n\nДякуємо.' },
});

// Staff mails go out in Polish, the panel's working language; the other languages are there for a deployment that wants them.
export const staffNewCaseMail = mailTemplate('advice.staff-new-case', {
  pl: { subject: 'Nowa sprawa {{number}}: {{topic}}', text: 'Nowa sprawa w punkcie doradczym: {{number}} ({{topic}}), organizacja: {{organisation}}.\n\n{{link}}' },
  en: { subject: 'New case {{number}}: {{topic}}', text: 'A new case at the advisory point: {{number}} ({{topic}}), organisation: {{organisation}}.\n\n{{link}}' },
  uk: { subject: 'Нова справа {{number}}: {{topic}}', text: 'Нова справа в консультаційному пункті: {{number}} ({{topic}}), організація: {{organisation}}.\n\n{{link}}' },
});

export const staffActivityMail = mailTemplate('advice.staff-activity', {
  pl: { subject: 'Sprawa {{number}}: {{what}}', text: 'W sprawie {{number}}: {{what}}.\n\n{{link}}' },
  en: { subject: 'Case {{number}}: {{what}}', text: 'On case {{number}}: {{what}}.\n\n{{link}}' },
  uk: { subject: 'Справа {{number}}: {{what}}', text: 'У справі {{number}}: {{what}}.\n\n{{link}}' },
});

export const dueReminderMail = mailTemplate('advice.due-reminder', {
  pl: { subject: 'Termin sprawy {{number}} mija {{due}}', text: 'Sprawa {{number}} czeka na odpowiedź; termin mija {{due}} (czas warszawski).\n\n{{link}}' },
  en: { subject: 'Case {{number}} is due {{due}}', text: 'Case {{number}} waits for an answer; it is due {{due}} (Warsaw time).\n\n{{link}}' },
  uk: { subject: 'Термін справи {{number}} спливає {{due}}', text: 'Справа {{number}} чекає на відповідь; термін спливає {{due}} (за варшавським часом).\n\n{{link}}' },
});

export const ADVICE_MAIL = [receivedMail, replyMail, bookedMail, bookingCancelledMail, meetingReminderMail, closedMail, staffNewCaseMail, staffActivityMail, dueReminderMail];
