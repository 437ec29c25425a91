import type { Config } from '../config.js';
import { mailTemplate } from '../core/mail.js';

/** The respondent's link: the survey widget's embed page, with the token (or an open link's key). */
export const surveyLink = (config: Config, surveyId: string, lang: string, secret: { token: string } | { link: string }) =>
  `${config.publicUrl}/embed/surveys?lang=${encodeURIComponent(lang)}&survey=${encodeURIComponent(surveyId)}&${'token' in secret ? `token=${encodeURIComponent(secret.token)}` : `link=${encodeURIComponent(secret.link)}`}`;

/**
 * The invitation, one per address. The address is not kept with the token: the mail goes to the
 * outbox, and the `surveys:invitation-mail` rule deletes it once sent.
 */
export const invitationMail = mailTemplate('surveys.invitation', {
  pl: {
    subject: 'Zaproszenie do badania: {{title}} {{edition}}',
    text: 'Dzień dobry,\n\nzapraszamy do udziału w badaniu „{{title}}” (edycja {{edition}}, grupa: {{group}}). Oceniamy współpracę miasta z organizacjami pozarządowymi w okresie {{period}}.\n\nAnkieta jest anonimowa: odpowiedzi nie są łączone z tym zaproszeniem ani z Twoim adresem. Link jest jednorazowy i osobisty; możesz przerwać i wrócić do ankiety tym samym linkiem.\n{{link}}\n\nAnkieta jest otwarta do {{closes}}.',
  },
  en: {
    subject: 'Invitation to the survey: {{title}} {{edition}}',
    text: 'Hello,\n\nyou are invited to take part in "{{title}}" (edition {{edition}}, group: {{group}}). We assess the cooperation between the city and NGOs over {{period}}.\n\nThe survey is anonymous: the answers are not linked to this invitation or to your address. The link is personal and works once; you can stop and come back with the same link.\n{{link}}\n\nThe survey is open until {{closes}}.',
  },
  uk: {
    subject: 'Запрошення до опитування: {{title}} {{edition}}',
    text: 'Добрий день!\n\nЗапрошуємо взяти участь в опитуванні «{{title}}» (видання {{edition}}, група: {{group}}). Ми оцінюємо співпрацю міста з неурядовими організаціями за період {{period}}.\n\nОпитування анонімне: відповіді не пов’язуються ні з цим запрошенням, ні з вашою адресою. Посилання особисте й одноразове; ви можете перерватися й повернутися за тим самим посиланням.\n{{link}}\n\nОпитування відкрите до {{closes}}.',
  },
});

export const SURVEYS_MAIL = [invitationMail];
