import type { Messages } from './i18n/index.js';

/** Polish strings of the public-form kit (the source): consent, drafts, the discard question, link states. */
const pl = {
  'form.clause': 'Klauzula informacyjna',
  'form.clause_unavailable': 'Nie udało się wczytać klauzuli informacyjnej o przetwarzaniu danych osobowych.',
  'form.honeypot': 'Nie wypełniaj tego pola',
  'form.err.person': 'Wpisz imię i nazwisko, co najmniej 2 znaki.',
  'form.err.too_long': 'Tekst jest za długi.',
  'form.err.consent': 'Aby wysłać, zaznacz zgodę.',
  'form.discard.title': 'Odrzucić wpisany tekst?',
  'form.discard.text': 'W formularzu jest tekst, którego jeszcze nie wysłano. Możesz zamknąć formularz i zachować tekst jako szkic na tym urządzeniu albo go odrzucić.',
  'form.discard.back': 'Wróć do formularza',
  'form.discard.keep': 'Zamknij i zachowaj szkic',
  'form.discard.discard': 'Odrzuć tekst',
  'form.draft.restored': 'Przywróciliśmy niewysłany szkic z {date}.',
  'form.draft.clear': 'Wyczyść formularz',
  'form.draft.restored_answers': 'Witamy ponownie! Zachowaliśmy Twoje odpowiedzi z {date}, więc możesz kontynuować tam, gdzie przerwano.',
  'form.draft.kept_answers': 'Odpowiedzi są zapisane tylko w tej przeglądarce, na tym urządzeniu, i nie trafiają do nas, dopóki nie wyślesz ankiety. Usuwamy je sami po wysłaniu albo po 30 dniach. Chcesz zacząć od nowa? Użyj przycisku „Usuń zapisane odpowiedzi”.',
  'form.draft.clear_answers': 'Usuń zapisane odpowiedzi',
  'form.draft.kept': 'Szkic jest tylko w tej przeglądarce, bez imienia i adresu e-mail (te znikają po zamknięciu strony). Usuwamy go po wysłaniu, po kliknięciu „Wyczyść formularz” albo po 30 dniach.',
  'form.link.incomplete': 'Link jest niepełny.',
  'form.link.incomplete_help': 'Adres z wiadomości e-mail został ucięty albo zmieniony przy kopiowaniu. Otwórz link jeszcze raz bezpośrednio z wiadomości albo skopiuj go w całości.',
} satisfies Messages;

export default pl;
