import { staffPanelUrl } from '../admin/admin.mail.js';
import type { Config } from '../config.js';
import { mailTemplate } from '../core/mail.js';
import { dictionaryTranslator } from '../../common/i18n.js';
import { DISTRICTS, type Lang } from '../../common/taxonomy.js';

export const CONFIRM_TTL_MS = 7 * 24 * 3600_000;
/** Owner links outlive a year, so the yearly reminder's link is always fresh. */
export const OWNER_TTL_MS = 400 * 24 * 3600_000;
/** The owner's edit link: one live link per entry, revoked when the owner changes or the entry is archived. */
export const OWNER_LINK = 'map:owner';

/** Links in mails open the iframe form of the map widget, which finishes the action. */
export const linkUrl = (config: Config, action: 'confirm' | 'edit', token: string, lang: string) =>
  `${config.publicUrl}/embed/map?lang=${encodeURIComponent(lang)}&${action}=${encodeURIComponent(token)}`;

/** The submission in the staff panel's moderation queue (`#map/<submission id>`). */
export const submissionPanelUrl = (config: Config, submissionId: string) => staffPanelUrl(config, `map/${encodeURIComponent(submissionId)}`);

export const confirmMail = mailTemplate('map.confirm', {
  pl: { subject: 'Potwierdź zgłoszenie: {{organisation}}', text: 'Dzień dobry {{name}},\n\ndziękujemy za zgłoszenie na mapę organizacji Krakowa: {{organisation}}.\nPotwierdź je, otwierając link (ważny 7 dni):\n{{link}}\n\nPo potwierdzeniu zgłoszenie sprawdzi moderator.\nJeśli to nie Ty, zignoruj tę wiadomość.' },
  en: { subject: 'Confirm your submission: {{organisation}}', text: 'Hello {{name}},\n\nthank you for your submission to the Kraków NGO map: {{organisation}}.\nConfirm it by opening this link (valid for 7 days):\n{{link}}\n\nOnce confirmed, a moderator will review it.\nIf this was not you, ignore this message.' },
  uk: { subject: 'Підтвердьте заявку: {{organisation}}', text: 'Добрий день, {{name}}!\n\nДякуємо за заявку на мапу організацій Кракова: {{organisation}}.\nПідтвердьте її за посиланням (дійсне 7 днів):\n{{link}}\n\nПісля підтвердження заявку перевірить модератор.\nЯкщо це були не ви, проігноруйте цей лист.' },
});

export const approvedMail = mailTemplate('map.approved', {
  pl: { subject: 'Zgłoszenie zatwierdzone: {{organisation}}', text: 'Dzień dobry {{name}},\n\nTwoje zgłoszenie dotyczące „{{organisation}}” zostało zatwierdzone i jest widoczne na mapie.\n{{editText}}' },
  en: { subject: 'Submission approved: {{organisation}}', text: 'Hello {{name}},\n\nyour submission about "{{organisation}}" was approved and is now on the map.\n{{editText}}' },
  uk: { subject: 'Заявку схвалено: {{organisation}}', text: 'Добрий день, {{name}}!\n\nВашу заявку щодо «{{organisation}}» схвалено, і вона вже на мапі.\n{{editText}}' },
});

/** Texts that go into the mails' placeholders (the approval's owner link), on the translator core. */
export const tMailPart = dictionaryTranslator({
  pl: { editText: 'Dane wpisu możesz w każdej chwili poprawić pod tym adresem (nie udostępniaj go):\n{link}' },
  en: { editText: 'You can update the entry at any time at this address (do not share it):\n{link}' },
  uk: { editText: 'Ви можете будь-коли оновити дані запису за цією адресою (не передавайте її іншим):\n{link}' },
});

export const rejectedMail = mailTemplate('map.rejected', {
  pl: { subject: 'Zgłoszenie odrzucone: {{organisation}}', text: 'Dzień dobry {{name}},\n\nniestety nie możemy przyjąć zgłoszenia dotyczącego „{{organisation}}”.\nUzasadnienie: {{reason}}\n\nW razie pytań odpowiedz na tę wiadomość.' },
  en: { subject: 'Submission rejected: {{organisation}}', text: 'Hello {{name}},\n\nunfortunately we cannot accept the submission about "{{organisation}}".\nReason: {{reason}}\n\nIf you have questions, reply to this message.' },
  uk: { subject: 'Заявку відхилено: {{organisation}}', text: 'Добрий день, {{name}}!\n\nНа жаль, ми не можемо прийняти заявку щодо «{{organisation}}».\nПричина: {{reason}}\n\nЯкщо маєте запитання, дайте відповідь на цей лист.' },
});

export const reminderMail = mailTemplate('map.reminder', {
  pl: { subject: 'Czy dane „{{organisation}}” są aktualne?', text: 'Dzień dobry,\n\nraz w roku prosimy o sprawdzenie danych na mapie organizacji Krakowa.\nOtwórz link, sprawdź wpis „{{organisation}}” i zapisz go (także bez zmian):\n{{link}}' },
  en: { subject: 'Is the entry "{{organisation}}" up to date?', text: 'Hello,\n\nonce a year we ask you to check your entry on the Kraków NGO map.\nOpen the link, check "{{organisation}}" and save it (even without changes):\n{{link}}' },
  uk: { subject: 'Чи актуальні дані «{{organisation}}»?', text: 'Добрий день!\n\nРаз на рік ми просимо перевірити дані на мапі організацій Кракова.\nВідкрийте посилання, перевірте запис «{{organisation}}» і збережіть його (навіть без змін):\n{{link}}' },
});

/** Staff mail is in Polish, as the events' and the consultations' is (staff accounts carry no language). */
export const STAFF_MAIL_LANG: Lang = 'pl';

/** To the staff who may decide it (`staffToNotify`), once the submitter has confirmed a new entry; in Polish, as every staff mail. */
export const submissionArrivedMail = mailTemplate('map.submission-arrived', {
  pl: { subject: 'Nowe zgłoszenie na mapę: {{organisation}}', text: 'Dzień dobry,\n\n{{name}} zgłasza na mapę organizacji nowy wpis „{{organisation}}” ({{where}}).\nZgłoszenie w kolejce moderacji panelu pracowników:\n{{link}}' },
  en: { subject: 'New map submission: {{organisation}}', text: 'Hello,\n\n{{name}} submits a new entry to the organisation map: "{{organisation}}" ({{where}}).\nThe submission in the moderation queue of the staff panel:\n{{link}}' },
  uk: { subject: 'Нова заявка на мапу: {{organisation}}', text: 'Добрий день!\n\n{{name}} подає на мапу організацій новий запис «{{organisation}}» ({{where}}).\nЗаявка в черзі модерації панелі працівників:\n{{link}}' },
});

const tWhere = dictionaryTranslator({
  pl: { cityWide: 'cały Kraków', districts: 'dzielnice: {list}', district: 'dzielnica {list}' },
  en: { cityWide: 'the whole city', districts: 'districts: {list}', district: 'district {list}' },
  uk: { cityWide: 'увесь Краків', districts: 'райони: {list}', district: 'район {list}' },
});

/** Where an entry works, for the staff mail: "dzielnica XII Bieżanów-Prokocim", "dzielnice: …" or "cały Kraków". */
export function whereText(lang: Lang, entry: { cityWide: boolean; districts: readonly number[] }): string {
  if (entry.cityWide || !entry.districts.length) return tWhere(lang, 'cityWide');
  const list = entry.districts.map((id) => DISTRICTS.find((d) => d.id === id)).map((d) => (d ? `${d.roman} ${d.name}` : '')).filter(Boolean).join(', ');
  return tWhere(lang, entry.districts.length === 1 ? 'district' : 'districts', { list });
}
