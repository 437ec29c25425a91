import type { Messages } from '../core/i18n/index.js';
import { createLazyTranslator } from '../core/i18n/lazy.js';

/**
 * The default information clause (RODO art. 13). A deployment replaces it with the `privacyNotice`
 * property; paragraphs are separated by blank lines.
 */
const plPrivacy = `Administratorem Twoich danych osobowych jest Prezydent Miasta Krakowa, pl. Wszystkich Świętych 3-4, 31-004 Kraków. Z inspektorem ochrony danych skontaktujesz się pod adresem iod@um.krakow.pl.

Twoje imię i nazwisko oraz adres e-mail przetwarzamy, aby potwierdzić zgłoszenie, rozpatrzyć je i poinformować Cię o wyniku, na podstawie Twojej zgody (art. 6 ust. 1 lit. a RODO). Dane organizacji publikujemy na mapie organizacji pozarządowych Krakowa.

Dane przechowujemy przez czas rozpatrywania zgłoszenia, a potem przez okres określony w przepisach o archiwizacji i w zasadach retencji serwisu, nie dłużej niż jest to potrzebne.

Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia i ograniczenia przetwarzania, a także prawo wycofania zgody w dowolnym momencie, bez wpływu na zgodność z prawem przetwarzania przed jej wycofaniem. Podanie danych jest dobrowolne, ale bez nich nie rozpatrzymy zgłoszenia.

Masz prawo wnieść skargę do Prezesa Urzędu Ochrony Danych Osobowych (PUODO), ul. Stawki 2, 00-193 Warszawa.`;

const pl = {
  'mapForm.title.create': 'Dodaj swoją organizację',
  'mapForm.title.correction': 'Zgłoś poprawkę we wpisie',
  'mapForm.title.owner': 'Dane Twojej organizacji',
  'mapForm.title.confirm': 'Potwierdź zgłoszenie',
  'mapForm.intro.create': 'Wpis pojawi się na mapie, gdy potwierdzisz adres e-mail, a moderator sprawdzi zgłoszenie.',
  'mapForm.intro.correction': 'Popraw dane we wpisie. Moderator sprawdzi zmiany przed publikacją.',
  'mapForm.intro.owner': 'Sprawdź dane. Jeśli są aktualne, zapisz je bez zmian, a potwierdzisz je na kolejny rok. Zmiany sprawdzi moderator.',
  'mapForm.intro.confirm': 'Kliknij przycisk, aby potwierdzić swoje zgłoszenie na mapie organizacji. Potem trafi ono do moderacji.',
  'mapForm.pending_edit': 'Twoja poprzednia zmiana czeka jeszcze na moderację.',
  'mapForm.sec.about': 'O organizacji',
  'mapForm.sec.ids': 'Numery rejestrowe (opcjonalnie)',
  'mapForm.sec.ids_hint': 'Grupy nieformalne i inicjatywy mogą zostawić te pola puste.',
  'mapForm.sec.where': 'Gdzie działa',
  'mapForm.sec.contact': 'Kontakt i dostępność',
  'mapForm.sec.you': 'Twoje dane',
  'mapForm.name': 'Nazwa',
  'mapForm.description': 'Opis działalności',
  'mapForm.description_hint': 'Czym się zajmujecie i dla kogo. Do 4000 znaków.',
  'mapForm.kind': 'Rodzaj',
  'mapForm.legalForm': 'Forma prawna',
  'mapForm.legalForm_hint': 'Wymagana dla organizacji pozarządowej.',
  'mapForm.choose': '— wybierz —',
  'mapForm.krs': 'Numer KRS',
  'mapForm.krs_hint': '10 cyfr, np. 0000123456.',
  'mapForm.regon': 'REGON',
  'mapForm.regon_hint': '9 lub 14 cyfr.',
  'mapForm.nip': 'NIP',
  'mapForm.nip_hint': '10 cyfr, np. 123-456-32-18.',
  'mapForm.areas': 'Obszary działania',
  'mapForm.areas_hint': 'Wybierz od 1 do 10. Rozwiń grupę, aby zobaczyć obszary.',
  'mapForm.selected': 'wybrano: {count}',
  'mapForm.targetGroups': 'Dla kogo działacie',
  'mapForm.districts': 'Dzielnice',
  'mapForm.districts_hint': 'Zaznacz dzielnice, w których działacie, albo cały Kraków.',
  'mapForm.cityWide': 'Działamy w całym Krakowie',
  'mapForm.address': 'Adres',
  'mapForm.address_hint': 'Np. ul. Floriańska 1, 31-019 Kraków.',
  'mapForm.location': 'Położenie na mapie (opcjonalnie)',
  'mapForm.location_hint': 'Współrzędne w stopniach dziesiętnych, np. długość 19.9372 i szerokość 50.0614. Możesz je skopiować z mapy internetowej.',
  'mapForm.lon': 'Długość geograficzna',
  'mapForm.lat': 'Szerokość geograficzna',
  'mapForm.website': 'Strona internetowa',
  'mapForm.email': 'E-mail organizacji',
  'mapForm.phone': 'Telefon',
  'mapForm.languages': 'Języki, w których obsługujecie',
  'mapForm.accessibility': 'Dostępność siedziby',
  'mapForm.a11y.stepFree': 'Wejście bez schodów',
  'mapForm.a11y.accessibleToilet': 'Toaleta dostępna dla osób z niepełnosprawnościami',
  'mapForm.a11y.inductionLoop': 'Pętla indukcyjna',
  'mapForm.a11y.pjm': 'Obsługa w polskim języku migowym',
  'mapForm.a11y.parking': 'Miejsce parkingowe dla osób z niepełnosprawnościami',
  'mapForm.lang.pl': 'polski',
  'mapForm.lang.en': 'angielski',
  'mapForm.lang.uk': 'ukraiński',
  'mapForm.lang.ru': 'rosyjski',
  'mapForm.lang.de': 'niemiecki',
  'mapForm.lang.fr': 'francuski',
  'mapForm.lang.es': 'hiszpański',
  'mapForm.lang.pjm': 'polski język migowy',
  'mapForm.submitterName': 'Twoje imię i nazwisko',
  'mapForm.submitterEmail': 'Twój adres e-mail',
  'mapForm.submitterEmail_hint': 'Wyślemy na niego link do potwierdzenia zgłoszenia.',
  'mapForm.note': 'Uwagi dla moderatora (opcjonalnie)',
  'mapForm.note_hint': 'Np. skąd pochodzą zmienione dane.',
  'mapForm.privacy': 'Informacja o przetwarzaniu danych osobowych',
  'mapForm.privacy_text': plPrivacy,
  'mapForm.consent': 'Wyrażam zgodę na przetwarzanie moich danych osobowych w celu rozpatrzenia zgłoszenia, zgodnie z powyższą informacją.',
  'mapForm.honeypot': 'Nie wypełniaj tego pola',
  'mapForm.submit': 'Wyślij zgłoszenie',
  'mapForm.save': 'Zapisz dane',
  'mapForm.cancel': 'Anuluj',
  'mapForm.close': 'Zamknij',
  'mapForm.confirm': 'Potwierdzam moje zgłoszenie',
  'mapForm.sent': 'Wysłano.',
  'mapForm.done.create': 'Sprawdź swoją skrzynkę e-mail',
  'mapForm.done.create_text': 'Wysłaliśmy wiadomość na adres {email}. Kliknij link w wiadomości, aby potwierdzić zgłoszenie. Bez potwierdzenia nie trafi ono do moderacji.',
  'mapForm.done.thanks': 'Dziękujemy!',
  'mapForm.done.pending': 'Zmiany trafiły do moderacji. Opublikujemy je, gdy moderator je sprawdzi.',
  'mapForm.done.verified': 'Dane są potwierdzone. Nic się nie zmieniło, więc nie trzeba ich sprawdzać.',
  'mapForm.done.confirmed': 'Zgłoszenie jest potwierdzone i czeka na moderację. Napiszemy do Ciebie, gdy zostanie rozpatrzone.',
  'mapForm.link_help': 'Link mógł już zostać użyty. Jeśli potwierdziłeś lub potwierdziłaś już zgłoszenie albo zapisałeś lub zapisałaś zmiany, nie musisz nic więcej robić.',
  'mapForm.err.name': 'Wpisz nazwę, co najmniej 2 znaki.',
  'mapForm.err.legalForm': 'Wybierz formę prawną organizacji pozarządowej.',
  'mapForm.err.krs': 'Numer KRS ma 10 cyfr, np. 0000123456.',
  'mapForm.err.regon': 'To nie jest poprawny REGON (9 lub 14 cyfr z cyfrą kontrolną). Sprawdź, czy nie ma literówki.',
  'mapForm.err.nip': 'To nie jest poprawny NIP (10 cyfr z cyfrą kontrolną). Sprawdź, czy nie ma literówki.',
  'mapForm.err.areas': 'Wybierz od 1 do 10 obszarów działania.',
  'mapForm.err.districts': 'Zaznacz co najmniej jedną dzielnicę albo „Działamy w całym Krakowie”.',
  'mapForm.err.number': 'Wpisz liczbę, np. 19.9372.',
  'mapForm.err.both': 'Podaj obie współrzędne albo zostaw obie puste.',
  'mapForm.err.outside': 'Ten punkt leży poza Krakowem. Długość wynosi od 19.79 do 20.22, a szerokość od 49.97 do 50.13.',
  'mapForm.err.website': 'Wpisz adres strony, np. https://fundacja.pl.',
  'mapForm.err.phone': 'Wpisz numer telefonu, np. +48 12 345 67 89.',
  'mapForm.err.too_long': 'Tekst jest za długi.',
  'mapForm.err.invalid': 'Sprawdź tę wartość.',
  'mapForm.err.consent': 'Aby wysłać zgłoszenie, zaznacz zgodę.',
  'mapForm.err.person': 'Wpisz imię i nazwisko, co najmniej 2 znaki.',
} satisfies Messages;

export type MapFormSource = typeof pl;
export type MapFormKey = keyof MapFormSource;

/** Translator of the map's contribution forms: Polish bundled, English and Ukrainian loaded on demand. */
export const tForm = createLazyTranslator<MapFormSource>(pl, {
  en: () => import('./map-form.i18n.en.js').then((m) => m.en),
  uk: () => import('./map-form.i18n.uk.js').then((m) => m.uk),
});
