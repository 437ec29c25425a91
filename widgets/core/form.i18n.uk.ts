import type { Messages } from './i18n/index.js';
import type { FormSource } from './form.i18n.js';

/** Ukrainian strings of the public-form kit; loaded only when a form shows in Ukrainian. */
const uk: Messages<FormSource> = {
  'form.clause': 'Інформаційне положення',
  'form.clause_unavailable': 'Не вдалося завантажити інформаційне положення про обробку персональних даних.',
  'form.honeypot': 'Не заповнюйте це поле',
  'form.err.person': 'Введіть імʼя та прізвище, щонайменше 2 символи.',
  'form.err.too_long': 'Текст задовгий.',
  'form.err.consent': 'Щоб надіслати форму, позначте згоду.',
  'form.discard.title': 'Відкинути введений текст?',
  'form.discard.text': 'У формі є текст, який ще не надіслано. Можна закрити форму й зберегти текст як чернетку на цьому пристрої або відкинути його.',
  'form.discard.back': 'Повернутися до форми',
  'form.discard.keep': 'Закрити й зберегти чернетку',
  'form.discard.discard': 'Відкинути текст',
  'form.draft.restored': 'Ми відновили ненадіслану чернетку від {date}.',
  'form.draft.clear': 'Очистити форму',
  'form.draft.kept': 'Чернетка зберігається лише в цьому браузері, без імені та адреси e-mail (їх буде забуто після закриття сторінки). Ми видаляємо її після надсилання, після натискання «Очистити форму» або через 30 днів.',
  'form.link.incomplete': 'Посилання неповне.',
  'form.link.incomplete_help': 'Адресу з листа обрізано або змінено під час копіювання. Відкрийте посилання ще раз безпосередньо з листа або скопіюйте його повністю.',
};

export default uk;
