import type { AuthorType, Decision } from '../../common/consultations.js';

import type { ConsultationInput } from '../../common/consultations.schema.js';
import { utcToWarsawLocal } from '../../common/time.js';

/**
 * Demo consultations: plausible but fictional draft acts of Kraków, in Polish, laid out as the city
 * lays out its resolutions. One open, one closed whose answers are still being written, one closed
 * with its report published, one planned. Dates are relative to the moment the seed runs, and every
 * remark, support and answer is dated where it would be in life: remarks inside the consultation's
 * window, answers after its end, the report after the answers.
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
  /** When it was sent, in days from now (negative: the past); the seed keeps it inside the consultation's window. */
  sentInDays: number;
  decision?: Decision;
  response?: string;
  /** When staff answered it, in days from now (after the end). */
  answeredInDays?: number;
  /** Organisations that support the remark, a day or so after it was sent. */
  supporters?: string[];
}

export interface DemoConsultation {
  input: Omit<ConsultationInput, 'startsLocal' | 'endsLocal'>;
  /** Days from now to the start (08:00 Warsaw) and to the end (23:59 Warsaw); negative is in the past. */
  startsInDays: number;
  endsInDays: number;
  /** Days from now when the answers and the report were published (after every answer); absent: not yet. */
  reportedInDays?: number;
  remarks: DemoRemark[];
}

/** Warsaw wall-clock `YYYY-MM-DDTHH:mm` for a day offset and a time of day. */
export function demoLocal(days: number, time: string, now = new Date()): string {
  const day = utcToWarsawLocal(new Date(now.getTime() + days * 86400_000).toISOString()).slice(0, 10);
  return `${day}T${time}`;
}

/** The demo consultations have no clause of their own: readers get the consultations form's clause (api/core/clauses.defaults.ts, or the deployment's) in their language. */
const CLAUSE = '';

const PROGRAMME = `Projekt

UCHWAŁA NR ……/……/26
RADY MIASTA KRAKOWA
z dnia …………… 2026 r.

w sprawie przyjęcia Rocznego programu współpracy Gminy Miejskiej Kraków z organizacjami pozarządowymi na rok 2027

Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym oraz art. 5a ust. 1 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie uchwala się, co następuje:

Rozdział 1
Postanowienia ogólne

§ 1. Przyjmuje się Roczny program współpracy Gminy Miejskiej Kraków z organizacjami pozarządowymi na rok 2027, zwany dalej „Programem”.

§ 2. 1. Celem głównym Programu jest budowanie partnerstwa między Gminą Miejską Kraków a organizacjami pozarządowymi w zaspokajaniu potrzeb mieszkańców.
2. Celami szczegółowymi Programu są:
1) zwiększenie udziału organizacji w realizacji zadań publicznych;
2) wzmocnienie potencjału organizacji działających w dzielnicach;
3) rozwój wolontariatu, w szczególności wśród osób starszych i młodzieży.

Rozdział 2
Formy współpracy

§ 3. 1. Współpraca ma charakter finansowy i pozafinansowy.
2. Współpraca finansowa polega na zlecaniu realizacji zadań publicznych w formie:
1) powierzania wykonywania zadań wraz z udzieleniem dotacji na ich finansowanie;
2) wspierania wykonywania zadań wraz z udzieleniem dotacji na dofinansowanie ich realizacji.
3. Współpraca pozafinansowa obejmuje w szczególności:
1) konsultowanie projektów aktów prawa miejscowego;
2) wzajemne informowanie się o planowanych kierunkach działalności;
3) tworzenie wspólnych zespołów o charakterze doradczym, w tym:
a) Krakowskiej Rady Działalności Pożytku Publicznego,
b) komisji dialogu obywatelskiego.

Rozdział 3
Zadania priorytetowe i środki

§ 4. W roku 2027 zadaniami priorytetowymi są w szczególności:
1) kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego;
2) wspieranie i upowszechnianie kultury fizycznej;
3) działalność na rzecz osób w wieku emerytalnym;
4) przeciwdziałanie wykluczeniu cyfrowemu.

§ 5. Na realizację Programu planuje się przeznaczyć środki nie niższe niż w roku 2026, w wysokości określonej w uchwale budżetowej Miasta Krakowa na rok 2027.

§ 6. 1. Realizację Programu ocenia się na podstawie sprawozdania z jego realizacji za rok 2027.
2. Program podlega ewaluacji z wykorzystaniem Lokalnego Indeksu Jakości Współpracy.

§ 7. Wykonanie uchwały powierza się Prezydentowi Miasta Krakowa.

§ 8. Uchwała wchodzi w życie z dniem 1 stycznia 2027 r.`;

const MICROGRANTS = `Projekt

UCHWAŁA NR ……/……/26
RADY DZIELNICY XII BIEŻANÓW-PROKOCIM
z dnia …………… 2026 r.

w sprawie Regulaminu mikrograntów na inicjatywy sąsiedzkie w Dzielnicy XII

Na podstawie Statutu Dzielnicy XII Bieżanów-Prokocim uchwala się, co następuje:

§ 1. Przyjmuje się Regulamin mikrograntów na inicjatywy sąsiedzkie w Dzielnicy XII, stanowiący załącznik do uchwały.

§ 2. Wykonanie uchwały powierza się Przewodniczącemu Zarządu Dzielnicy XII.

§ 3. Uchwała wchodzi w życie z dniem podjęcia.

Załącznik
do uchwały nr ……/……/26
Rady Dzielnicy XII Bieżanów-Prokocim

Regulamin mikrograntów na inicjatywy sąsiedzkie w Dzielnicy XII

§ 1. Mikrogranty wspierają inicjatywy mieszkańców Dzielnicy XII o wartości do 5000 zł.

§ 2. 1. O mikrogrant mogą ubiegać się grupy co najmniej trzech pełnoletnich mieszkańców oraz organizacje pozarządowe.
2. Wnioski składa się w terminie do 31 marca.

§ 3. Wnioski ocenia komisja powołana przez Zarząd Dzielnicy.`;

const DISTRICT_XVIII = `Projekt

UCHWAŁA NR ……/……/26
RADY DZIELNICY XVIII NOWA HUTA
z dnia …………… 2026 r.

w sprawie zasad współpracy Dzielnicy XVIII Nowa Huta z organizacjami pozarządowymi

Na podstawie Statutu Dzielnicy XVIII Nowa Huta uchwala się, co następuje:

Rozdział 1
Formy współpracy

§ 1. 1. Dzielnica XVIII współpracuje z organizacjami pozarządowymi działającymi na jej terenie, w szczególności przez:
1) wspólne planowanie zadań priorytetowych Dzielnicy;
2) udostępnianie organizacjom sal w siedzibie Rady Dzielnicy;
3) konsultowanie projektów uchwał Rady Dzielnicy.
2. Wykaz organizacji współpracujących z Dzielnicą prowadzi Zarząd Dzielnicy.

§ 2. Organizacje zgłaszają chęć współpracy na formularzu stanowiącym załącznik do uchwały.

Rozdział 2
Spotkania z organizacjami

§ 3. 1. Zarząd Dzielnicy organizuje spotkania z organizacjami co najmniej raz na kwartał.
2. Informacje o spotkaniach publikuje się na stronie internetowej Dzielnicy.

§ 4. Wykonanie uchwały powierza się Przewodniczącemu Zarządu Dzielnicy XVIII.

§ 5. Uchwała wchodzi w życie z dniem podjęcia.

Załącznik
do uchwały nr ……/……/26
Rady Dzielnicy XVIII Nowa Huta

Formularz zgłoszenia organizacji do współpracy z Dzielnicą XVIII
1. Nazwa organizacji i numer KRS: ……………………
2. Obszar działania: ……………………
3. Osoba do kontaktu: ……………………`;

const SENIORS = `Projekt

UCHWAŁA NR ……/……/26
RADY MIASTA KRAKOWA
z dnia …………… 2026 r.

w sprawie przyjęcia programu „Kraków przyjazny seniorom 2027–2030”

§ 1. Przyjmuje się program „Kraków przyjazny seniorom 2027–2030”, wyznaczający kierunki działań Miasta Krakowa na rzecz osób starszych.

§ 2. Program obejmuje obszary:
1) zdrowie i samodzielność;
2) aktywność społeczna i wolontariat;
3) dostępność przestrzeni publicznej i transportu;
4) bezpieczeństwo, w tym bezpieczeństwo w internecie.

§ 3. 1. Program realizują jednostki miejskie we współpracy z organizacjami pozarządowymi.
2. Koordynatorem Programu jest komórka Urzędu Miasta Krakowa właściwa w sprawach polityki społecznej.

§ 4. Uchwała wchodzi w życie z dniem podjęcia.`;

export const DEMO_CONSULTATIONS: DemoConsultation[] = [
  {
    startsInDays: -7,
    endsInDays: 14,
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
      document: PROGRAMME,
    },
    remarks: [
      {
        unitLabel: '§ 2 ust. 2',
        proposedWording: '4) zwiększenie udziału organizacji w tworzeniu polityk publicznych Miasta, w tym przez Lokalny Indeks Jakości Współpracy.',
        justification: 'Cele szczegółowe pomijają współpracę przy tworzeniu polityk publicznych, choć jest ona jednym z trzech obszarów Modelu współpracy administracji publicznej i organizacji pozarządowych.',
        authorType: 'ngo',
        organisationName: 'Stowarzyszenie „Zielona Przystań” (dane demonstracyjne)',
        krs: null,
        contactName: 'Ewa Przykładowa',
        contactEmail: 'ewa.przykladowa@example.org',
        sentInDays: -6.2,
        supporters: ['Fundacja „Jasna Ścieżka” (dane demonstracyjne)', 'Towarzystwo Sąsiadów „Dębowa Brama” (dane demonstracyjne)'],
      },
      {
        unitLabel: '§ 4',
        proposedWording: '5) edukacja ekologiczna i przygotowanie mieszkańców do zmian klimatu.',
        justification: 'Organizacje ekologiczne od lat realizują w Krakowie zadania z tego zakresu, a w wykazie zadań priorytetowych ich brakuje.',
        authorType: 'ngo',
        organisationName: 'Fundacja „Wiślana Dolina” (dane demonstracyjne)',
        krs: null,
        contactName: 'Marek Wzorcowy',
        contactEmail: 'marek.wzorcowy@example.org',
        sentInDays: -4.6,
      },
      {
        unitLabel: '§ 5',
        proposedWording: 'Na realizację Programu planuje się przeznaczyć środki nie niższe niż w roku 2026, powiększone co najmniej o wskaźnik inflacji.',
        justification: 'Liczba zadań zlecanych organizacjom rośnie od trzech lat, a kwota dotacji pozostaje bez zmian, więc realnie maleje.',
        authorType: 'informal_group',
        organisationName: 'Grupa sąsiedzka z osiedla Na Kozłówce',
        krs: null,
        contactName: 'Jan Demonstracyjny',
        contactEmail: 'jan.demo@example.org',
        sentInDays: -3.1,
      },
      {
        unitLabel: '§ 3 ust. 3 pkt 3 lit. b',
        proposedWording: 'b) komisji dialogu obywatelskiego, które spotykają się co najmniej raz na kwartał i publikują protokoły na portalu ngo.krakow.pl.',
        justification: 'Część komisji nie zbiera się miesiącami; stały rytm spotkań i jawne protokoły ułatwią organizacjom udział.',
        authorType: 'ngo',
        organisationName: 'Krakowskie Forum Organizacji Senioralnych (dane demonstracyjne)',
        krs: null,
        contactName: 'Halina Testowa',
        contactEmail: 'halina.testowa@example.org',
        sentInDays: -1.4,
      },
      {
        unitLabel: null,
        proposedWording: '',
        justification: 'Proszę o opublikowanie projektu także w tekście łatwym do czytania i zrozumienia (ETR), aby osoby z niepełnosprawnością intelektualną mogły wziąć udział w konsultacjach.',
        authorType: 'ngo',
        organisationName: 'Stowarzyszenie „Otwarta Przestrzeń” (dane demonstracyjne)',
        krs: null,
        contactName: 'Agnieszka Wzorowa',
        contactEmail: 'agnieszka.wzorowa@example.org',
        sentInDays: -0.8,
      },
    ],
  },
  {
    startsInDays: -26,
    endsInDays: -5,
    input: {
      title: 'Projekt zasad współpracy Dzielnicy XVIII Nowa Huta z organizacjami pozarządowymi (dane demonstracyjne)',
      goal: 'Poznanie opinii organizacji i mieszkańców o formach współpracy Dzielnicy XVIII z organizacjami pozarządowymi.',
      subject: 'Projekt uchwały Rady Dzielnicy XVIII Nowa Huta w sprawie zasad współpracy z organizacjami pozarządowymi.',
      unitName: 'Rada i Zarząd Dzielnicy XVIII Nowa Huta',
      legalBasis: 'Statut Dzielnicy XVIII oraz zasady konsultacji społecznych w Mieście Krakowie (przykład).',
      audience: 'all',
      district: 18,
      moderation: 'post',
      requireConfirmation: true,
      attachments: [],
      informationClause: CLAUSE,
      document: DISTRICT_XVIII,
    },
    remarks: [
      {
        unitLabel: '§ 1 ust. 1 pkt 2',
        proposedWording: '2) nieodpłatne udostępnianie organizacjom sal w siedzibie Rady Dzielnicy, także w soboty.',
        justification: 'Większość wolontariuszy pracuje w tygodniu; zajęcia dla mieszkańców organizujemy głównie w weekendy.',
        authorType: 'ngo',
        organisationName: 'Stowarzyszenie „Krakowska Kuźnia” (dane demonstracyjne)',
        krs: null,
        contactName: 'Maria Testowa',
        contactEmail: 'maria.testowa@example.org',
        sentInDays: -20.3,
        decision: 'partly_accepted',
        response: 'Sale będą udostępniane nieodpłatnie; w soboty po wcześniejszym uzgodnieniu z Zarządem Dzielnicy, bo budynek nie ma wtedy obsługi.',
        answeredInDays: -3.2,
        supporters: ['Stowarzyszenie „Pogodna Iskra” (dane demonstracyjne)'],
      },
      {
        unitLabel: '§ 3 ust. 1',
        proposedWording: '1. Zarząd Dzielnicy organizuje spotkania z organizacjami co najmniej raz na dwa miesiące.',
        justification: 'Spotkania raz na kwartał to za mało, by wspólnie planować zadania na kolejny rok.',
        authorType: 'informal_group',
        organisationName: 'Grupa nieformalna „Sąsiedzi z osiedla Zgody”',
        krs: null,
        contactName: 'Piotr Przykład',
        contactEmail: 'piotr.przyklad@example.org',
        sentInDays: -14.7,
        decision: 'not_accepted',
        response: 'Zarząd może zwołać spotkanie częściej, gdy jest taka potrzeba; uchwała określa tylko minimum.',
        answeredInDays: -2.9,
      },
      {
        unitLabel: 'Załącznik',
        proposedWording: '',
        justification: 'Formularz powinien dać się wypełnić i wysłać elektronicznie, bez drukowania i skanowania.',
        authorType: 'ngo',
        organisationName: 'Fundacja „Łąkowa Ścieżka” (dane demonstracyjne)',
        krs: null,
        contactName: 'Tomasz Wzorcowy',
        contactEmail: 'tomasz.wzorcowy@example.org',
        sentInDays: -8.5,
      },
    ],
  },
  {
    startsInDays: -60,
    endsInDays: -30,
    reportedInDays: -21,
    input: {
      title: 'Projekt regulaminu mikrograntów na inicjatywy sąsiedzkie w Dzielnicy XII (dane demonstracyjne)',
      goal: 'Poznanie opinii mieszkańców i organizacji o zasadach przyznawania mikrograntów.',
      subject: 'Projekt uchwały Rady Dzielnicy XII Bieżanów-Prokocim w sprawie Regulaminu mikrograntów na inicjatywy sąsiedzkie.',
      unitName: 'Rada i Zarząd Dzielnicy XII Bieżanów-Prokocim',
      legalBasis: 'Statut Dzielnicy XII oraz zasady konsultacji społecznych w Mieście Krakowie (przykład).',
      audience: 'all',
      district: 12,
      moderation: 'post',
      requireConfirmation: false,
      attachments: [],
      informationClause: CLAUSE,
      document: MICROGRANTS,
    },
    remarks: [
      {
        unitLabel: 'Załącznik, § 2 ust. 1',
        proposedWording: 'O mikrogrant mogą ubiegać się grupy co najmniej trzech mieszkańców, w tym osoby od 16. roku życia, oraz organizacje pozarządowe.',
        justification: 'Młodzież szkół średnich prowadzi wiele inicjatyw sąsiedzkich i powinna móc składać wnioski.',
        authorType: 'resident',
        organisationName: null,
        krs: null,
        contactName: 'Anna Mieszkanka',
        contactEmail: 'anna.mieszkanka@example.org',
        sentInDays: -57.4,
        decision: 'partly_accepted',
        response: 'Dopuszczamy osoby od 16. roku życia, pod warunkiem że w grupie jest co najmniej jedna osoba pełnoletnia.',
        answeredInDays: -26.2,
      },
      {
        unitLabel: 'Załącznik, § 2 ust. 2',
        proposedWording: 'Wnioski składa się w dwóch naborach: do 31 marca i do 30 września.',
        justification: 'Jeden nabór w roku wyklucza inicjatywy jesienne i zimowe.',
        authorType: 'ngo',
        organisationName: 'Fundacja „Łąkowa Ścieżka” (dane demonstracyjne)',
        krs: null,
        contactName: 'Piotr Przykład',
        contactEmail: 'piotr.przyklad@example.org',
        sentInDays: -51.8,
        decision: 'accepted',
        response: 'Uwaga uwzględniona: regulamin przewiduje dwa nabory.',
        answeredInDays: -26.1,
        supporters: ['Koło Gospodyń „Wesoła Przystań” (dane demonstracyjne)'],
      },
      {
        unitLabel: 'Załącznik, § 3',
        proposedWording: 'Wnioski ocenia komisja, w której zasiada co najmniej dwóch przedstawicieli organizacji pozarządowych.',
        justification: 'Udział organizacji zwiększy przejrzystość oceny.',
        authorType: 'ngo',
        organisationName: 'Stowarzyszenie „Błękitna Stacja” (dane demonstracyjne)',
        krs: null,
        contactName: 'Maria Testowa',
        contactEmail: 'maria.testowa@example.org',
        sentInDays: -44.3,
        decision: 'not_accepted',
        response: 'Skład komisji określa statut dzielnicy; zmiana wymaga odrębnej uchwały Rady Miasta.',
        answeredInDays: -25.7,
      },
      {
        unitLabel: null,
        proposedWording: '',
        justification: 'Proszę o budowę nowego boiska przy szkole na osiedlu Złocień.',
        authorType: 'resident',
        organisationName: null,
        krs: null,
        contactName: 'Tomasz Przechodni',
        contactEmail: 'tomasz.p@example.org',
        sentInDays: -33.6,
        decision: 'out_of_scope',
        response: 'Uwaga nie dotyczy projektu regulaminu; przekazaliśmy ją do Zarządu Dzielnicy jako wniosek mieszkańca.',
        answeredInDays: -25.4,
      },
    ],
  },
  {
    startsInDays: 10,
    endsInDays: 31,
    input: {
      title: 'Projekt programu „Kraków przyjazny seniorom 2027–2030” (dane demonstracyjne)',
      goal: 'Zebranie opinii mieszkańców i organizacji o kierunkach polityki senioralnej miasta.',
      subject: 'Projekt uchwały Rady Miasta Krakowa w sprawie przyjęcia programu „Kraków przyjazny seniorom 2027–2030”.',
      unitName: 'Wydział Polityki Społecznej i Zdrowia (przykład)',
      legalBasis: 'Zasady konsultacji społecznych w Mieście Krakowie (przykład).',
      audience: 'all',
      district: null,
      moderation: 'pre',
      requireConfirmation: true,
      attachments: [],
      informationClause: CLAUSE,
      document: SENIORS,
    },
    remarks: [],
  },
];
