import type { ClauseForm } from '../../common/clauses.js';
import type { Lang } from '../../common/taxonomy.js';

/**
 * Default information clauses (RODO art. 13), served until staff configure a deployment's own text
 * in the panel. Each names the controller and the data protection officer, the purpose and legal
 * basis, the retention period, the data subject's rights and the right to complain to PUODO.
 * Paragraphs are separated by blank lines.
 */

const CONTROLLER: Record<Lang, string> = {
  pl: 'Administratorem Twoich danych osobowych jest Prezydent Miasta Krakowa, pl. Wszystkich Świętych 3-4, 31-004 Kraków. Z inspektorem ochrony danych skontaktujesz się pod adresem iod@um.krakow.pl.',
  en: 'The controller of your personal data is the Mayor of the City of Kraków (Prezydent Miasta Krakowa), pl. Wszystkich Świętych 3-4, 31-004 Kraków. You can contact the data protection officer at iod@um.krakow.pl.',
  uk: 'Контролером ваших персональних даних є Президент міста Кракова (Prezydent Miasta Krakowa), pl. Wszystkich Świętych 3-4, 31-004 Kraków. Звʼязатися з інспектором із захисту даних можна за адресою iod@um.krakow.pl.',
};

const COMPLAINT: Record<Lang, string> = {
  pl: 'Masz prawo wnieść skargę do Prezesa Urzędu Ochrony Danych Osobowych (PUODO), ul. Stawki 2, 00-193 Warszawa.',
  en: 'You have the right to lodge a complaint with the President of the Personal Data Protection Office (PUODO), ul. Stawki 2, 00-193 Warsaw, Poland.',
  uk: 'Ви маєте право подати скаргу Голові Управління із захисту персональних даних (PUODO), ul. Stawki 2, 00-193 Warszawa.',
};

const clause = (lang: Lang, ...middle: string[]) => [CONTROLLER[lang], ...middle, COMPLAINT[lang]].join('\n\n');

export const DEFAULT_CLAUSES: Record<ClauseForm, Record<Lang, string>> = {
  map: {
    pl: clause(
      'pl',
      'Twoje imię i nazwisko oraz adres e-mail przetwarzamy, aby potwierdzić zgłoszenie, rozpatrzyć je i poinformować Cię o wyniku, na podstawie Twojej zgody (art. 6 ust. 1 lit. a RODO). Dane organizacji publikujemy na mapie organizacji pozarządowych Krakowa.',
      'Dane przechowujemy przez czas rozpatrywania zgłoszenia, a potem przez okres określony w przepisach o archiwizacji i w zasadach retencji serwisu, nie dłużej niż jest to potrzebne.',
      'Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia i ograniczenia przetwarzania, a także prawo wycofania zgody w dowolnym momencie, bez wpływu na zgodność z prawem przetwarzania przed jej wycofaniem. Podanie danych jest dobrowolne, ale bez nich nie rozpatrzymy zgłoszenia.',
    ),
    en: clause(
      'en',
      "We process your name and e-mail address to confirm your submission, review it and tell you the outcome, on the basis of your consent (Article 6(1)(a) GDPR). The organisation's details are published on Kraków's NGO map.",
      "We keep the data while the submission is reviewed and then for the period set by the archiving rules and the service's retention rules, no longer than needed.",
      'You have the right to access, rectify and erase your data and to restrict its processing, and the right to withdraw your consent at any time without affecting the lawfulness of processing before the withdrawal. Giving the data is voluntary, but without it we cannot review the submission.',
    ),
    uk: clause(
      'uk',
      'Ми обробляємо ваше імʼя та прізвище й адресу електронної пошти, щоб підтвердити заявку, розглянути її та повідомити вам результат, на підставі вашої згоди (ст. 6 ч. 1 п. a GDPR). Дані організації публікуються на мапі неурядових організацій Кракова.',
      'Ми зберігаємо дані під час розгляду заявки, а потім протягом строку, визначеного правилами архівування та правилами зберігання сервісу, не довше, ніж потрібно.',
      'Ви маєте право на доступ до своїх даних, їх виправлення, видалення та обмеження обробки, а також право будь-коли відкликати згоду, що не впливає на законність обробки до її відкликання. Надання даних є добровільним, але без них ми не зможемо розглянути заявку.',
    ),
  },
  consultations: {
    pl: clause(
      'pl',
      'Imię, nazwisko i adres e-mail przetwarzamy, aby przeprowadzić konsultacje, rozpatrzyć Twoją uwagę i skontaktować się z Tobą w jej sprawie, na podstawie Twojej zgody (art. 6 ust. 1 lit. a RODO) i przepisów o konsultacjach (art. 6 ust. 1 lit. e RODO). W sprawozdaniu z konsultacji publikujemy treść uwagi i nazwę organizacji, nigdy dane kontaktowe.',
      'Dane przechowujemy przez okres wymagany przepisami o archiwizacji.',
      'Masz prawo dostępu do danych, ich sprostowania, usunięcia i ograniczenia przetwarzania oraz prawo wycofania zgody w dowolnym momencie, bez wpływu na zgodność z prawem przetwarzania przed jej wycofaniem.',
    ),
    en: clause(
      'en',
      'We process your name and e-mail address to run the consultation, consider your remark and contact you about it, on the basis of your consent (Art. 6(1)(a) GDPR) and of the rules on consultations (Art. 6(1)(e) GDPR). The consultation report publishes the remark and the name of the organisation, never contact details.',
      'We keep the data for the period required by the archiving rules.',
      'You have the right to access, rectify, erase and restrict the processing of your data, and to withdraw your consent at any time without affecting the lawfulness of processing before the withdrawal.',
    ),
    uk: clause(
      'uk',
      'Ми обробляємо ваше імʼя та адресу ел. пошти, щоб провести консультації, розглянути ваше зауваження та звʼязатися з вами щодо нього, на підставі вашої згоди (ст. 6 ч. 1 п. a GDPR) і правил проведення консультацій (ст. 6 ч. 1 п. e GDPR). У звіті про консультації публікуються зміст зауваження і назва організації, але ніколи контактні дані.',
      'Ми зберігаємо дані протягом строку, визначеного правилами архівування.',
      'Ви маєте право на доступ до своїх даних, їх виправлення, видалення та обмеження обробки, а також право будь-коли відкликати згоду, що не впливає на законність обробки до її відкликання.',
    ),
  },
  events: {
    pl: clause(
      'pl',
      'Imię i nazwisko, adres e-mail, nazwę organizacji, odpowiedzi na pytania organizatora i zgłoszone potrzeby dostępności przetwarzamy, aby przyjąć i potwierdzić Twój zapis na wydarzenie, prowadzić listę obecności i listę rezerwową, wystawić zaświadczenie o udziale i skontaktować się z Tobą w sprawie wydarzenia, na podstawie Twojej zgody (art. 6 ust. 1 lit. a RODO), a potrzeby dostępności na podstawie Twojej wyraźnej zgody (art. 9 ust. 2 lit. a RODO).',
      'Dane osobowe usuwamy po upływie okresu przechowywania liczonego od ostatniego spotkania wydarzenia lub cyklu; zachowujemy tylko liczby uczestników i statystyki obecności. Zaświadczenie o udziale przechowujemy wraz z danymi, które potwierdza.',
      'Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia i ograniczenia przetwarzania, a także prawo wycofania zgody w dowolnym momencie (np. odwołując zapis linkiem z wiadomości e-mail), bez wpływu na zgodność z prawem przetwarzania przed jej wycofaniem. Podanie danych jest dobrowolne, ale bez nich nie możemy przyjąć zapisu.',
    ),
    en: clause(
      'en',
      "We process your name, e-mail address, organisation, answers to the organiser's questions and the access needs you tell us to take and confirm your registration, keep the attendance and waiting lists, issue a certificate of attendance and contact you about the event, on the basis of your consent (Article 6(1)(a) GDPR), and the access needs on the basis of your explicit consent (Article 9(2)(a) GDPR).",
      'We delete the personal data once the retention period after the last session of the event or cycle has passed; we keep only the numbers of participants and attendance statistics. A certificate of attendance is kept with the data it states.',
      'You have the right to access, rectify and erase your data and to restrict its processing, and the right to withdraw your consent at any time (for example by cancelling with the link in the e-mail) without affecting the lawfulness of processing before the withdrawal. Giving the data is voluntary, but without it we cannot take your registration.',
    ),
    uk: clause(
      'uk',
      'Ми обробляємо ваше імʼя та прізвище, адресу електронної пошти, назву організації, відповіді на запитання організатора та вказані вами потреби доступності, щоб прийняти й підтвердити вашу реєстрацію на подію, вести список присутності та список очікування, видати довідку про участь і звʼязатися з вами щодо події, на підставі вашої згоди (ст. 6 ч. 1 п. a GDPR), а потреби доступності — на підставі вашої явної згоди (ст. 9 ч. 2 п. a GDPR).',
      'Персональні дані ми видаляємо після закінчення строку зберігання, що відраховується від останньої зустрічі події або циклу; зберігаємо лише кількість учасників і статистику присутності. Довідку про участь зберігаємо разом із даними, які вона підтверджує.',
      'Ви маєте право на доступ до своїх даних, їх виправлення, видалення та обмеження обробки, а також право будь-коли відкликати згоду (наприклад, скасувавши реєстрацію за посиланням із листа), що не впливає на законність обробки до її відкликання. Надання даних є добровільним, але без них ми не можемо прийняти реєстрацію.',
    ),
  },
  advice: {
    pl: clause(
      'pl',
      'Dane osoby kontaktowej (imię i nazwisko, e-mail, telefon), dane organizacji, treść pytania i przesłane pliki przetwarzamy, aby udzielić porady, umówić spotkanie z doradcą i poinformować Cię o stanie sprawy, na podstawie Twojej zgody (art. 6 ust. 1 lit. a RODO) i zadania gminy we współpracy z organizacjami pozarządowymi (art. 6 ust. 1 lit. e RODO). Dostęp do nich mają tylko doradcy punktu.',
      'Nie przesyłaj danych szczególnych kategorii (np. o zdrowiu) ani danych osób trzecich, jeśli nie są niezbędne do porady.',
      'Dane osobowe i pliki usuwamy 180 dni po zamknięciu sprawy (okres ustala wdrożenie); zostają tylko anonimowe statystyki.',
      'Masz prawo dostępu do danych, ich sprostowania, usunięcia i ograniczenia przetwarzania oraz prawo wycofania zgody w dowolnym momencie, bez wpływu na zgodność z prawem przetwarzania przed jej wycofaniem. Podanie danych jest dobrowolne, ale bez nich nie udzielimy porady.',
    ),
    en: clause(
      'en',
      "We process the contact person's details (name, e-mail, phone), the organisation's details, the question and the files you send to give advice, arrange a meeting with an adviser and tell you how the case stands, on the basis of your consent (Art. 6(1)(a) GDPR) and of the city's task of cooperating with NGOs (Art. 6(1)(e) GDPR). Only the advisory point's advisers can see them.",
      'Do not send special categories of data (such as health data) or other people\'s data unless the advice needs them.',
      'We delete the personal data and the files 180 days after the case is closed (each deployment sets the period); only anonymous statistics remain.',
      'You have the right to access, rectify, erase and restrict the processing of your data, and to withdraw your consent at any time without affecting the lawfulness of processing before the withdrawal. Giving the data is voluntary, but without it we cannot advise you.',
    ),
    uk: clause(
      'uk',
      'Дані контактної особи (імʼя та прізвище, ел. пошта, телефон), дані організації, зміст запитання та надіслані файли ми обробляємо, щоб надати консультацію, призначити зустріч із консультантом і повідомляти вас про стан справи, на підставі вашої згоди (ст. 6 ч. 1 п. a GDPR) і завдання гміни щодо співпраці з неурядовими організаціями (ст. 6 ч. 1 п. e GDPR). Доступ до них мають лише консультанти пункту.',
      'Не надсилайте дані особливих категорій (наприклад, про здоровʼя) чи дані третіх осіб, якщо вони не потрібні для консультації.',
      'Персональні дані та файли ми видаляємо через 180 днів після закриття справи (строк визначає кожне впровадження); залишається лише анонімна статистика.',
      'Ви маєте право на доступ до своїх даних, їх виправлення, видалення та обмеження обробки, а також право будь-коли відкликати згоду, що не впливає на законність обробки до її відкликання. Надання даних є добровільним, але без них ми не зможемо вас проконсультувати.',
    ),
  },
};
