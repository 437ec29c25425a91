import type { AuthorType, Decision } from '../../common/consultations.js';
import { utcToWarsawLocal } from '../../common/consultations.js';
import type { ConsultationInput } from '../../common/consultations.schema.js';

/**
 * Demo consultations: realistic but fictional draft acts, in Polish. One open, one closed with its
 * report published, one planned. Dates are relative to the moment the seed runs.
 */
export interface DemoRemark {
  /** The unit's label (`§ 2 ust. 1`), or null for the whole document. */
  unitLabel: string | null;
  proposedWording: string;
  justification: string;
  authorType: AuthorType;
  organisationName: string | null;
  krs: string | null;
  contactName: string;
  contactEmail: string;
  decision?: Decision;
  response?: string;
  /** Organisations that support the remark. */
  supporters?: string[];
}

export interface DemoConsultation {
  input: Omit<ConsultationInput, 'startsLocal' | 'endsLocal'>;
  /** Days from now to the start (08:00 Warsaw) and to the end (23:59 Warsaw); negative is in the past. */
  startsInDays: number;
  endsInDays: number;
  /** Publish the answers and the report after seeding the remarks. */
  reported: boolean;
  remarks: DemoRemark[];
}

/** Warsaw wall-clock `YYYY-MM-DDTHH:mm` for a day offset and a time of day. */
export function demoLocal(days: number, time: string, now = new Date()): string {
  const day = utcToWarsawLocal(new Date(now.getTime() + days * 86400_000).toISOString()).slice(0, 10);
  return `${day}T${time}`;
}

const CLAUSE =
  'Administratorem danych osobowych jest Prezydent Miasta Krakowa (Urząd Miasta Krakowa, pl. Wszystkich Świętych 3-4, 31-004 Kraków). ' +
  'Inspektor ochrony danych: iod@um.krakow.pl (adres przykładowy). Dane przetwarzamy w celu przeprowadzenia konsultacji (art. 6 ust. 1 lit. c i e RODO) ' +
  'i przechowujemy przez okres wymagany przepisami o archiwizacji. Imię, nazwisko i e-mail nie są publikowane. Masz prawo dostępu do danych, ich sprostowania, ' +
  'ograniczenia przetwarzania i wniesienia sprzeciwu oraz prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych.';

export const DEMO_CONSULTATIONS: DemoConsultation[] = [
  {
    startsInDays: -7,
    endsInDays: 14,
    reported: false,
    input: {
      title: 'Projekt Rocznego programu współpracy Gminy Miejskiej Kraków z organizacjami pozarządowymi na rok 2027 (dane demonstracyjne)',
      goal: 'Zebranie uwag i opinii organizacji pozarządowych do projektu programu współpracy na rok 2027.',
      subject: 'Projekt uchwały Rady Miasta Krakowa w sprawie przyjęcia Rocznego programu współpracy z organizacjami pozarządowymi na rok 2027.',
      unitName: 'Miejski Ośrodek Wspierania Inicjatyw Społecznych (MOWIS)',
      legalBasis: 'Art. 5 ust. 5 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie oraz uchwała Rady Miasta Krakowa w sprawie szczegółowego sposobu konsultowania projektów aktów prawa miejscowego (przykład).',
      audience: 'ngo',
      district: null,
      moderation: 'pre',
      requireConfirmation: true,
      attachments: [{ title: 'Uzasadnienie projektu (PDF, przykład)', url: 'https://example.org/konsultacje/uzasadnienie.pdf' }],
      informationClause: CLAUSE,
      document: `Na podstawie art. 5a ust. 1 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie uchwala się, co następuje:

Rozdział 1
Postanowienia ogólne

§ 1. Przyjmuje się Roczny program współpracy Gminy Miejskiej Kraków z organizacjami pozarządowymi na rok 2027, zwany dalej „Programem”.

§ 2.
1. Celem głównym Programu jest budowanie partnerstwa między Gminą Miejską Kraków a organizacjami pozarządowymi.
2. Cele szczegółowe Programu to:
1) zwiększenie udziału organizacji w realizacji zadań publicznych;
2) wzmocnienie potencjału organizacji działających w dzielnicach;
3) rozwój wolontariatu, w szczególności wśród osób starszych.

Rozdział 2
Formy współpracy

§ 3.
1. Współpraca ma charakter finansowy i pozafinansowy.
2. Współpraca finansowa polega na zlecaniu zadań publicznych w formie:
a) powierzania wykonywania zadań,
b) wspierania wykonywania zadań.
3. Współpraca pozafinansowa obejmuje w szczególności konsultacje, wzajemne informowanie się i wspólne zespoły.

§ 4. Wysokość środków planowanych na realizację Programu wynosi nie mniej niż 1% wydatków budżetu Miasta.

§ 5. Program podlega ewaluacji z wykorzystaniem Lokalnego Indeksu Jakości Współpracy.`,
    },
    remarks: [
      {
        unitLabel: '§ 2 ust. 2',
        proposedWording: '4) wzmocnienie udziału organizacji w tworzeniu polityk publicznych, w tym przez Lokalny Indeks Jakości Współpracy.',
        justification: 'Cele szczegółowe pomijają współpracę przy tworzeniu polityk publicznych, choć jest ona jednym z trzech obszarów Modelu współpracy.',
        authorType: 'ngo',
        organisationName: 'Stowarzyszenie „Zielona Przystań” (dane demonstracyjne)',
        krs: null,
        contactName: 'Ewa Przykładowa',
        contactEmail: 'ewa.przykladowa@example.org',
        supporters: ['Fundacja „Jasna Ścieżka” (dane demonstracyjne)'],
      },
      {
        unitLabel: '§ 4',
        proposedWording: 'Wysokość środków planowanych na realizację Programu wynosi nie mniej niż 1,5% wydatków budżetu Miasta.',
        justification: 'Liczba zadań zlecanych organizacjom rośnie od trzech lat, a kwota pozostaje bez zmian.',
        authorType: 'informal_group',
        organisationName: 'Grupa Sąsiedzka Osiedla Przykładowego',
        krs: null,
        contactName: 'Jan Demonstracyjny',
        contactEmail: 'jan.demo@example.org',
      },
    ],
  },
  {
    startsInDays: -60,
    endsInDays: -30,
    reported: true,
    input: {
      title: 'Projekt regulaminu mikrograntów na inicjatywy sąsiedzkie w Dzielnicy XII (dane demonstracyjne)',
      goal: 'Poznanie opinii mieszkańców i organizacji o zasadach przyznawania mikrograntów.',
      subject: 'Projekt uchwały Rady Dzielnicy XII Bieżanów-Prokocim w sprawie regulaminu mikrograntów na inicjatywy sąsiedzkie.',
      unitName: 'Rada i Zarząd Dzielnicy XII Bieżanów-Prokocim',
      legalBasis: 'Statut Dzielnicy XII oraz zasady konsultacji społecznych w Mieście Krakowie (przykład).',
      audience: 'all',
      district: 12,
      moderation: 'post',
      requireConfirmation: false,
      attachments: [],
      informationClause: CLAUSE,
      document: `§ 1. Mikrogranty wspierają inicjatywy mieszkańców Dzielnicy XII o wartości do 5000 zł.

§ 2.
1. O mikrogrant mogą ubiegać się grupy co najmniej trzech pełnoletnich mieszkańców oraz organizacje pozarządowe.
2. Wnioski składa się w terminie do 31 marca.

§ 3. Wnioski ocenia komisja powołana przez Zarząd Dzielnicy.`,
    },
    remarks: [
      {
        unitLabel: '§ 2 ust. 1',
        proposedWording: 'O mikrogrant mogą ubiegać się grupy co najmniej trzech mieszkańców, w tym osoby od 16. roku życia, oraz organizacje pozarządowe.',
        justification: 'Młodzież szkół średnich prowadzi wiele inicjatyw sąsiedzkich i powinna móc składać wnioski.',
        authorType: 'resident',
        organisationName: null,
        krs: null,
        contactName: 'Anna Mieszkanka',
        contactEmail: 'anna.mieszkanka@example.org',
        decision: 'partly_accepted',
        response: 'Dopuszczamy osoby od 16. roku życia, pod warunkiem że w grupie jest co najmniej jedna osoba pełnoletnia.',
      },
      {
        unitLabel: '§ 2 ust. 2',
        proposedWording: 'Wnioski składa się w dwóch naborach: do 31 marca i do 30 września.',
        justification: 'Jeden nabór w roku wyklucza inicjatywy jesienne i zimowe.',
        authorType: 'ngo',
        organisationName: 'Fundacja „Łąkowa Ścieżka” (dane demonstracyjne)',
        krs: null,
        contactName: 'Piotr Przykład',
        contactEmail: 'piotr.przyklad@example.org',
        decision: 'accepted',
        response: 'Uwaga uwzględniona: regulamin przewiduje dwa nabory.',
        supporters: ['Koło Gospodyń „Wesoła Przystań” (dane demonstracyjne)'],
      },
      {
        unitLabel: '§ 3',
        proposedWording: 'Wnioski ocenia komisja, w której zasiada co najmniej dwóch przedstawicieli organizacji pozarządowych.',
        justification: 'Udział organizacji zwiększy przejrzystość oceny.',
        authorType: 'ngo',
        organisationName: 'Stowarzyszenie „Błękitna Stacja” (dane demonstracyjne)',
        krs: null,
        contactName: 'Maria Testowa',
        contactEmail: 'maria.testowa@example.org',
        decision: 'not_accepted',
        response: 'Skład komisji określa statut dzielnicy; zmiana wymaga odrębnej uchwały Rady Miasta.',
      },
      {
        unitLabel: null,
        proposedWording: '',
        justification: 'Proszę o budowę nowego boiska przy ul. Przykładowej.',
        authorType: 'resident',
        organisationName: null,
        krs: null,
        contactName: 'Tomasz Przechodni',
        contactEmail: 'tomasz.p@example.org',
        decision: 'out_of_scope',
        response: 'Uwaga nie dotyczy projektu regulaminu; przekazaliśmy ją do Zarządu Dzielnicy jako wniosek.',
      },
    ],
  },
  {
    startsInDays: 10,
    endsInDays: 31,
    reported: false,
    input: {
      title: 'Projekt programu „Kraków przyjazny seniorom 2027–2030” (dane demonstracyjne)',
      goal: 'Zebranie opinii mieszkańców i organizacji o kierunkach polityki senioralnej miasta.',
      subject: 'Projekt uchwały Rady Miasta Krakowa w sprawie przyjęcia programu „Kraków przyjazny seniorom 2027–2030”.',
      unitName: 'Wydział Polityki Społecznej (przykład)',
      legalBasis: 'Art. 5a ustawy o samorządzie gminnym oraz zasady konsultacji społecznych w Mieście Krakowie (przykład).',
      audience: 'all',
      district: null,
      moderation: 'pre',
      requireConfirmation: true,
      attachments: [],
      informationClause: CLAUSE,
      document: `§ 1. Program wyznacza kierunki działań miasta na rzecz osób starszych w latach 2027–2030.

§ 2. Obszary programu:
1) zdrowie i samodzielność;
2) aktywność społeczna i wolontariat;
3) dostępność przestrzeni i transportu.

§ 3. Program realizują jednostki miejskie we współpracy z organizacjami pozarządowymi.`,
    },
    remarks: [],
  },
];
