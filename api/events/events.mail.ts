import { staffPanelUrl } from '../admin/admin.mail.js';
import type { Config } from '../config.js';
import { mailTemplate } from '../core/mail.js';

/** Secret-link purposes and lifetimes. */
export const CONFIRM_LINK = 'events:confirm';
export const MANAGE_LINK = 'events:manage';
export const SUBMISSION_LINK = 'events:submission';
export const CONFIRM_TTL_MS = 48 * 3600_000;
/** The self-service link lives until well after the event, so a late change of plans still works. */
export const MANAGE_TTL_MS = 400 * 24 * 3600_000;
export const SUBMISSION_TTL_MS = 7 * 24 * 3600_000;

/** Links in mails open the widget's iframe form, which finishes the action. */
export const eventLinkUrl = (config: Config, params: Record<string, string>) => `${config.publicUrl}/embed/events?${new URLSearchParams(params).toString()}`;
export const eventPageUrl = (config: Config, id: string, lang: string) => `${config.publicUrl}/embed/events/${encodeURIComponent(id)}?lang=${encodeURIComponent(lang)}`;
/** The event in the staff panel: its submission in the moderation queue while one waits, else the event. */
export const eventPanelUrl = (config: Config, id: string) => staffPanelUrl(config, `events/${encodeURIComponent(id)}`);
export const certificateUrl = (config: Config, number: string) => `${config.publicUrl}/v1/events/certificates/${encodeURIComponent(number)}`;

export const confirmRegistrationMail = mailTemplate('events.confirm-registration', {
  pl: { subject: 'Potwierdź zapis: {{title}}', text: 'Dzień dobry {{name}},\n\notrzymaliśmy zapis na „{{title}}” ({{when}}).\nPotwierdź go, otwierając link (ważny 48 godzin):\n{{link}}\n\nMiejsce przydzielamy w chwili potwierdzenia. Jeśli to nie Ty, zignoruj tę wiadomość.' },
  en: { subject: 'Confirm your registration: {{title}}', text: 'Hello {{name}},\n\nwe received a registration for "{{title}}" ({{when}}).\nConfirm it by opening this link (valid for 48 hours):\n{{link}}\n\nPlaces are given when you confirm. If this was not you, ignore this message.' },
  uk: { subject: 'Підтвердьте реєстрацію: {{title}}', text: 'Добрий день, {{name}}!\n\nМи отримали реєстрацію на «{{title}}» ({{when}}).\nПідтвердьте її за посиланням (дійсне 48 годин):\n{{link}}\n\nМісце надається в момент підтвердження. Якщо це були не ви, проігноруйте цей лист.' },
});

export const registeredMail = mailTemplate('events.registered', {
  pl: { subject: 'Masz miejsce: {{title}}', text: 'Dzień dobry {{name}},\n\nmasz potwierdzone miejsce na „{{title}}” ({{when}}, {{where}}).\nW załącznikach: wydarzenie do kalendarza (.ics) i kod QR do okazania przy wejściu (kod: {{code}}).\n\nAby zmienić lub odwołać zapis, otwórz:\n{{link}}' },
  en: { subject: 'Your place is confirmed: {{title}}', text: 'Hello {{name}},\n\nyour place at "{{title}}" ({{when}}, {{where}}) is confirmed.\nAttached: the event for your calendar (.ics) and a QR code to show at the entrance (code: {{code}}).\n\nTo change or cancel your registration, open:\n{{link}}' },
  uk: { subject: 'Ваше місце підтверджено: {{title}}', text: 'Добрий день, {{name}}!\n\nВаше місце на «{{title}}» ({{when}}, {{where}}) підтверджено.\nУ вкладеннях: подія для календаря (.ics) і QR-код, який треба показати на вході (код: {{code}}).\n\nЩоб змінити або скасувати реєстрацію, відкрийте:\n{{link}}' },
});

export const waitingMail = mailTemplate('events.waiting', {
  pl: { subject: 'Lista rezerwowa: {{title}}', text: 'Dzień dobry {{name}},\n\nwszystkie miejsca na „{{title}}” ({{when}}) są zajęte. Jesteś na liście rezerwowej, na {{position}}. miejscu.\nGdy zwolni się miejsce, napiszemy do Ciebie.\n\nAby zrezygnować, otwórz:\n{{link}}' },
  en: { subject: 'Waiting list: {{title}}', text: 'Hello {{name}},\n\nall places at "{{title}}" ({{when}}) are taken. You are number {{position}} on the waiting list.\nWe will write to you when a place frees up.\n\nTo leave the list, open:\n{{link}}' },
  uk: { subject: 'Список очікування: {{title}}', text: 'Добрий день, {{name}}!\n\nУсі місця на «{{title}}» ({{when}}) зайняті. Ви в списку очікування під номером {{position}}.\nКоли звільниться місце, ми вам напишемо.\n\nЩоб вийти зі списку, відкрийте:\n{{link}}' },
});

export const offeredMail = mailTemplate('events.offered', {
  pl: { subject: 'Zwolniło się miejsce: {{title}}', text: 'Dzień dobry {{name}},\n\nzwolniło się miejsce na „{{title}}” ({{when}}). Jest Twoje, jeśli je przyjmiesz do {{until}}:\n{{link}}\n\nPo tym terminie zaproponujemy je kolejnej osobie.' },
  en: { subject: 'A place is free: {{title}}', text: 'Hello {{name}},\n\na place at "{{title}}" ({{when}}) is free. It is yours if you accept it by {{until}}:\n{{link}}\n\nAfter that we offer it to the next person.' },
  uk: { subject: 'Звільнилося місце: {{title}}', text: 'Добрий день, {{name}}!\n\nЗвільнилося місце на «{{title}}» ({{when}}). Воно ваше, якщо ви приймете його до {{until}}:\n{{link}}\n\nПісля цього ми запропонуємо його наступній особі.' },
});

export const cancelledMail = mailTemplate('events.cancelled', {
  pl: { subject: 'Zapis odwołany: {{title}}', text: 'Dzień dobry {{name}},\n\nTwój zapis na „{{title}}” ({{when}}) został odwołany. Dziękujemy, że dajesz miejsce innym.' },
  en: { subject: 'Registration cancelled: {{title}}', text: 'Hello {{name}},\n\nyour registration for "{{title}}" ({{when}}) is cancelled. Thank you for making room for others.' },
  uk: { subject: 'Реєстрацію скасовано: {{title}}', text: 'Добрий день, {{name}}!\n\nВашу реєстрацію на «{{title}}» ({{when}}) скасовано. Дякуємо, що звільнили місце для інших.' },
});

export const eventCancelledMail = mailTemplate('events.event-cancelled', {
  pl: { subject: 'Wydarzenie odwołane: {{title}}', text: 'Dzień dobry {{name}},\n\nz przykrością informujemy, że „{{title}}” ({{when}}) zostało odwołane.\nPowód: {{reason}}\n\nPrzepraszamy. Twój zapis wygasł; nie musisz nic robić.' },
  en: { subject: 'Event cancelled: {{title}}', text: 'Hello {{name}},\n\nwe are sorry to tell you that "{{title}}" ({{when}}) is cancelled.\nReason: {{reason}}\n\nYour registration has lapsed; there is nothing you need to do.' },
  uk: { subject: 'Подію скасовано: {{title}}', text: 'Добрий день, {{name}}!\n\nНа жаль, «{{title}}» ({{when}}) скасовано.\nПричина: {{reason}}\n\nВаша реєстрація втратила чинність; нічого робити не потрібно.' },
});

export const confirmSubmissionMail = mailTemplate('events.confirm-submission', {
  pl: { subject: 'Potwierdź zgłoszenie wydarzenia: {{title}}', text: 'Dzień dobry {{name}},\n\ndziękujemy za zgłoszenie wydarzenia „{{title}}” do kalendarza.\nPotwierdź je, otwierając link (ważny 7 dni):\n{{link}}\n\nPo potwierdzeniu zgłoszenie trafi do moderacji. Jeśli to nie Ty, zignoruj tę wiadomość.' },
  en: { subject: 'Confirm your event: {{title}}', text: 'Hello {{name}},\n\nthank you for submitting "{{title}}" to the calendar.\nConfirm it by opening this link (valid for 7 days):\n{{link}}\n\nOnce confirmed it goes to moderation. If this was not you, ignore this message.' },
  uk: { subject: 'Підтвердьте подію: {{title}}', text: 'Добрий день, {{name}}!\n\nДякуємо, що додали подію «{{title}}» до календаря.\nПідтвердьте її за посиланням (дійсне 7 днів):\n{{link}}\n\nПісля підтвердження її перевірять модератори. Якщо це були не ви, проігноруйте цей лист.' },
});

export const submissionArrivedMail = mailTemplate('events.submission-arrived', {
  pl: { subject: 'Nowe wydarzenie do moderacji: {{title}}', text: 'Dzień dobry,\n\n{{organiser}} zgłasza wydarzenie „{{title}}” ({{when}}).\nZgłoszenie w kolejce moderacji panelu pracowników:\n{{link}}' },
  en: { subject: 'New event to moderate: {{title}}', text: 'Hello,\n\n{{organiser}} submits the event "{{title}}" ({{when}}).\nThe submission in the moderation queue of the staff panel:\n{{link}}' },
  uk: { subject: 'Нова подія для модерації: {{title}}', text: 'Добрий день!\n\n{{organiser}} подає подію «{{title}}» ({{when}}).\nЗаявка в черзі модерації панелі працівників:\n{{link}}' },
});

export const submissionDecidedMail = mailTemplate('events.submission-decided', {
  pl: { subject: 'Zgłoszenie wydarzenia: {{title}}', text: 'Dzień dobry {{name}},\n\n{{decision}}\n{{reason}}\n\n{{link}}' },
  en: { subject: 'Your event: {{title}}', text: 'Hello {{name}},\n\n{{decision}}\n{{reason}}\n\n{{link}}' },
  uk: { subject: 'Ваша подія: {{title}}', text: 'Добрий день, {{name}}!\n\n{{decision}}\n{{reason}}\n\n{{link}}' },
});

export const certificateMail = mailTemplate('events.certificate', {
  pl: { subject: 'Zaświadczenie o udziale: {{title}}', text: 'Dzień dobry {{name}},\n\ngratulujemy ukończenia cyklu „{{title}}”. Zaświadczenie (PDF) pobierzesz tutaj:\n{{link}}\n\nNumer zaświadczenia: {{number}}. Każdy może sprawdzić jego autentyczność pod tym samym adresem.' },
  en: { subject: 'Certificate of attendance: {{title}}', text: 'Hello {{name}},\n\ncongratulations on completing "{{title}}". Download your certificate (PDF) here:\n{{link}}\n\nCertificate number: {{number}}. Anyone can verify it at the same address.' },
  uk: { subject: 'Свідоцтво про участь: {{title}}', text: 'Добрий день, {{name}}!\n\nВітаємо із завершенням циклу «{{title}}». Свідоцтво (PDF) можна завантажити тут:\n{{link}}\n\nНомер свідоцтва: {{number}}. Будь-хто може перевірити його справжність за цією ж адресою.' },
});

export const EVENTS_MAIL = [
  confirmRegistrationMail, registeredMail, waitingMail, offeredMail, cancelledMail, eventCancelledMail, confirmSubmissionMail, submissionArrivedMail, submissionDecidedMail, certificateMail,
] as const;
