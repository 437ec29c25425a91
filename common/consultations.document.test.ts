import { describe, expect, it } from 'vitest';
import { cleanLines, markerOf, parseDocument, splitDocument } from './consultations.document.js';

const labels = (text: string) => splitDocument(text).map((u) => u.label);
const unit = (text: string, label: string) => splitDocument(text).find((u) => u.label === label);

const ACT = `Na podstawie art. 5a ust. 1 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego
i o wolontariacie uchwala się, co następuje:

Rozdział 1
Postanowienia ogólne

§ 1. Program określa zasady współpracy Gminy Miejskiej Kraków z organizacjami pozarządowymi.

§ 2.
1. Ilekroć w programie jest mowa o:
1) ustawie – należy przez to rozumieć ustawę o działalności pożytku publicznego;
2) organizacjach – należy przez to rozumieć:
a) organizacje pozarządowe,
b) podmioty wymienione w art. 3 ust. 3 ustawy.
2. Program obowiązuje w roku 2027
i dotyczy wszystkich dzielnic.
`;

describe('splitDocument', () => {
  it('splits an act into §, ust., pkt and lit. units with readable labels', () => {
    const units = splitDocument(ACT);
    expect(units.map((u) => [u.label, u.depth])).toEqual([
      ['Wstęp', 0],
      ['Rozdział 1', 0],
      ['§ 1', 0],
      ['§ 2', 0],
      ['§ 2 ust. 1', 1],
      ['§ 2 ust. 1 pkt 1', 2],
      ['§ 2 ust. 1 pkt 2', 2],
      ['§ 2 ust. 1 pkt 2 lit. a', 3],
      ['§ 2 ust. 1 pkt 2 lit. b', 3],
      ['§ 2 ust. 2', 1],
    ]);
    expect(units[0]!.text).toMatch(/^Na podstawie art\. 5a ust\. 1 ustawy.*\nuchwala się|^Na podstawie/);
    expect(units[1]!.text).toBe('Postanowienia ogólne');
    expect(units[2]!.text).toBe('Program określa zasady współpracy Gminy Miejskiej Kraków z organizacjami pozarządowymi.');
    // A line break inside a sentence (a wrapped line) is a space: the wording reads as one sentence.
    expect(units.at(-1)!.text).toBe('Program obowiązuje w roku 2027 i dotyczy wszystkich dzielnic.');
  });

  it('reads Markdown headings, bold and bullets', () => {
    const units = splitDocument('## **§ 1.** Cel\n- 1) pierwszy punkt\n\n## § 2\nTreść drugiego paragrafu.');
    expect(units).toEqual([
      { label: '§ 1', depth: 0, text: 'Cel' },
      { label: '§ 1 pkt 1', depth: 2, text: 'pierwszy punkt' },
      { label: '§ 2', depth: 0, text: 'Treść drugiego paragrafu.' },
    ]);
  });

  it('does not mistake numbered text before any § for units, and limits the size', () => {
    expect(splitDocument('1. To nie jest ustęp.\n2) ani punkt')).toEqual([{ label: 'Wstęp', depth: 0, text: '1. To nie jest ustęp.\n2) ani punkt' }]);
    expect(splitDocument('')).toEqual([]);
    expect(() => splitDocument(Array.from({ length: 20 }, (_, i) => `§ ${i + 1}.`).join('\n'), 10)).toThrow(RangeError);
  });
});

describe('the first ustęp on the line of its paragraph', () => {
  it('gives "§ 3 ust. 1", its punkty and "§ 3 ust. 2", as when the ustęp has a line of its own', () => {
    const inline = '§ 3. 1. Dotacje przyznaje się na:\n1) zadania z zakresu kultury;\n2) zadania z zakresu sportu.\n2. Dotacji nie przyznaje się na wydatki inwestycyjne.';
    const ownLine = '§ 3.\n1. Dotacje przyznaje się na:\n1) zadania z zakresu kultury;\n2) zadania z zakresu sportu.\n2. Dotacji nie przyznaje się na wydatki inwestycyjne.';
    const expected = [
      { label: '§ 3', depth: 0, text: '' },
      { label: '§ 3 ust. 1', depth: 1, text: 'Dotacje przyznaje się na:' },
      { label: '§ 3 ust. 1 pkt 1', depth: 2, text: 'zadania z zakresu kultury;' },
      { label: '§ 3 ust. 1 pkt 2', depth: 2, text: 'zadania z zakresu sportu.' },
      { label: '§ 3 ust. 2', depth: 1, text: 'Dotacji nie przyznaje się na wydatki inwestycyjne.' },
    ];
    expect(parseDocument(inline)).toEqual({ units: expected, warnings: [] });
    expect(parseDocument(ownLine)).toEqual({ units: expected, warnings: [] });
  });
});

// ---- Real act layouts, typed out. Names, numbers and amounts are fictional; the layout is the
// standard one of Kraków's resolutions and of statutes. Each test checks every unit's label.

/** A resolution of the city council on how draft acts are consulted with NGOs (art. 5 ust. 5 of the act). */
const CONSULTATION_RULES = `UCHWAŁA NR XCIV/2537/22
RADY MIASTA KRAKOWA
z dnia 12 października 2022 r.

w sprawie określenia szczegółowego sposobu konsultowania z Krakowską Radą Działalności Pożytku Publicznego lub organizacjami pozarządowymi i podmiotami wymienionymi w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie projektów aktów prawa miejscowego w dziedzinach dotyczących działalności statutowej tych organizacji

Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym oraz art. 5 ust. 5 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie uchwala się, co następuje:

§ 1. Uchwała określa szczegółowy sposób konsultowania projektów aktów prawa miejscowego w dziedzinach dotyczących działalności statutowej organizacji pozarządowych i podmiotów wymienionych w art. 3 ust. 3 ustawy, zwanych dalej „organizacjami”.

§ 2. Ilekroć w uchwale jest mowa o:
1) ustawie – należy przez to rozumieć ustawę z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie;
2) Radzie – należy przez to rozumieć Krakowską Radę Działalności Pożytku Publicznego;
3) projekcie aktu – należy przez to rozumieć projekt aktu prawa miejscowego w dziedzinach dotyczących działalności statutowej organizacji.

§ 3. 1. Konsultacje przeprowadza się w jednej lub kilku z następujących form:
1) pisemnego wyrażenia opinii albo złożenia uwag na formularzu;
2) elektronicznego wyrażenia opinii albo złożenia uwag za pomocą modułu konsultacji na portalu ngo.krakow.pl;
3) otwartego spotkania konsultacyjnego.
2. O wyborze formy konsultacji decyduje komórka organizacyjna Urzędu Miasta Krakowa odpowiedzialna za przygotowanie projektu aktu.

§ 4. 1. Konsultacje ogłasza Prezydent Miasta Krakowa w drodze zarządzenia.
2. Ogłoszenie o konsultacjach zawiera co najmniej:
1) cel konsultacji;
2) przedmiot konsultacji;
3) termin rozpoczęcia i zakończenia konsultacji;
4) formę konsultacji, a w przypadku spotkania konsultacyjnego:
a) termin i miejsce spotkania,
b) sposób zgłaszania udziału;
5) komórkę organizacyjną odpowiedzialną za przeprowadzenie konsultacji.
3. Termin na wyrażenie opinii nie może być krótszy niż 14 dni od dnia ogłoszenia konsultacji.

§ 5. 1. Z przebiegu konsultacji sporządza się sprawozdanie zawierające zestawienie uwag wraz ze stanowiskiem do nich.
2. Sprawozdanie publikuje się w Biuletynie Informacji Publicznej Miasta Krakowa oraz na portalu ngo.krakow.pl.

§ 6. Traci moc uchwała nr CXV/1544/10 Rady Miasta Krakowa z dnia 3 listopada 2010 r. w tej samej sprawie.

§ 7. Wykonanie uchwały powierza się Prezydentowi Miasta Krakowa.

§ 8. Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym Województwa Małopolskiego.
`;

/** The resolution adopting the annual cooperation programme, with the programme as its attachment (Roman chapters). */
const COOPERATION_PROGRAMME = `UCHWAŁA NR XX/455/24
RADY MIASTA KRAKOWA
z dnia 20 listopada 2024 r.

w sprawie przyjęcia „Programu współpracy Gminy Miejskiej Kraków z organizacjami pozarządowymi oraz podmiotami, o których mowa w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie, na rok 2025”

Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym oraz art. 5a ust. 1 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie uchwala się, co następuje:

§ 1. Przyjmuje się „Program współpracy Gminy Miejskiej Kraków z organizacjami pozarządowymi oraz podmiotami, o których mowa w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie, na rok 2025”, stanowiący załącznik do uchwały.

§ 2. Wykonanie uchwały powierza się Prezydentowi Miasta Krakowa.

§ 3. Uchwała wchodzi w życie z dniem 1 stycznia 2025 r.

Załącznik
do uchwały nr XX/455/24
Rady Miasta Krakowa
z dnia 20 listopada 2024 r.

Program współpracy Gminy Miejskiej Kraków z organizacjami pozarządowymi oraz podmiotami, o których mowa w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie, na rok 2025

Rozdział I
Postanowienia ogólne

§ 1. Ilekroć w Programie jest mowa o:
1) ustawie – należy przez to rozumieć ustawę z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie;
2) Programie – należy przez to rozumieć niniejszy program współpracy;
3) organizacjach – należy przez to rozumieć organizacje pozarządowe oraz podmioty, o których mowa w art. 3 ust. 3 ustawy;
4) Mieście – należy przez to rozumieć Gminę Miejską Kraków.

Rozdział II
Cel główny i cele szczegółowe

§ 2. 1. Celem głównym Programu jest rozwój współpracy Miasta z organizacjami w zaspokajaniu potrzeb mieszkańców Krakowa.
2. Celami szczegółowymi Programu są:
1) wzmacnianie potencjału organizacji;
2) zwiększanie udziału organizacji w realizacji zadań publicznych;
3) rozwijanie dialogu obywatelskiego, w szczególności przez:
a) Krakowską Radę Działalności Pożytku Publicznego,
b) komisje dialogu obywatelskiego.

Rozdział III
Zasady współpracy

§ 3. Współpraca Miasta z organizacjami opiera się na zasadach pomocniczości, suwerenności stron, partnerstwa, efektywności, uczciwej konkurencji i jawności.

Rozdział IV
Formy współpracy

§ 4. 1. Współpraca finansowa odbywa się w szczególności przez:
1) zlecanie realizacji zadań publicznych w formie:
a) powierzania wykonywania zadań wraz z udzieleniem dotacji na ich finansowanie,
b) wspierania wykonywania zadań wraz z udzieleniem dotacji na dofinansowanie ich realizacji;
2) udzielanie dotacji z pominięciem otwartego konkursu ofert, w trybie art. 19a ustawy;
3) realizację inicjatywy lokalnej.
2. Współpraca pozafinansowa odbywa się w szczególności przez:
1) konsultowanie projektów aktów prawa miejscowego;
2) wzajemne informowanie się o planowanych kierunkach działalności, w tym przez:
a) portal ngo.krakow.pl,
b) spotkania informacyjne:
– w dzielnicach,
– w Miejskim Ośrodku Wspierania Inicjatyw Społecznych;
3) tworzenie wspólnych zespołów o charakterze doradczym i inicjatywnym.

Rozdział V
Priorytetowe zadania publiczne

§ 5. Priorytetowe zadania publiczne na rok 2025 określa wykaz zamieszczony na portalu ngo.krakow.pl.

Rozdział VI
Wysokość środków przeznaczonych na realizację Programu

§ 6. Wysokość środków przeznaczonych na realizację Programu określa uchwała budżetowa Miasta Krakowa na rok 2025.

Rozdział VII
Sposób oceny realizacji Programu

§ 7. 1. Miernikami efektywności realizacji Programu są w szczególności:
1) liczba ogłoszonych otwartych konkursów ofert;
2) liczba zawartych umów o realizację zadań publicznych;
3) wysokość środków przekazanych organizacjom.
2. Sprawozdanie z realizacji Programu Prezydent Miasta Krakowa przedkłada Radzie Miasta Krakowa i publikuje w Biuletynie Informacji Publicznej.
`;

/** A resolution with chapters, two numbered attachments (a form and a ballot) and a justification. */
const RESOLUTION_WITH_ATTACHMENTS = `UCHWAŁA NR XXXV/912/25
RADY MIASTA KRAKOWA
z dnia 9 kwietnia 2025 r.

w sprawie określenia trybu powoływania członków oraz organizacji i trybu działania Krakowskiej Rady Działalności Pożytku Publicznego

Na podstawie art. 41e ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie uchwala się, co następuje:

Rozdział 1
Przepisy ogólne

§ 1. Uchwała określa tryb powoływania członków oraz organizację i tryb działania Krakowskiej Rady Działalności Pożytku Publicznego, zwanej dalej „Radą”.

Rozdział 2
Tryb powoływania członków Rady

§ 2. 1. Rada liczy 12 członków, w tym:
1) dwóch przedstawicieli Rady Miasta Krakowa;
2) czterech przedstawicieli Prezydenta Miasta Krakowa;
3) sześciu przedstawicieli organizacji pozarządowych.
2. Kadencja Rady trwa trzy lata.

§ 3. 1. Kandydatów na członków Rady, o których mowa w § 2 ust. 1 pkt 3, zgłaszają organizacje na formularzu stanowiącym załącznik nr 1 do uchwały.
2. Wyboru przedstawicieli organizacji dokonuje się w głosowaniu na karcie stanowiącej
załącznik nr 2 do uchwały.

Rozdział 3
Organizacja i tryb działania Rady

§ 4. Pracami Rady kieruje przewodniczący wybierany na pierwszym posiedzeniu.

§ 5. 1. Posiedzenia Rady odbywają się co najmniej raz na kwartał.
2. Rada wyraża opinie w formie uchwał.

Rozdział 4
Przepisy końcowe

§ 6. Wykonanie uchwały powierza się Prezydentowi Miasta Krakowa.

§ 7. Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym Województwa Małopolskiego.

Załącznik nr 1 do uchwały nr XXXV/912/25 Rady Miasta Krakowa z dnia 9 kwietnia 2025 r.

FORMULARZ ZGŁOSZENIA KANDYDATA NA CZŁONKA KRAKOWSKIEJ RADY DZIAŁALNOŚCI POŻYTKU PUBLICZNEGO

1. Imię i nazwisko kandydata: ……………………
2. Nazwa organizacji zgłaszającej: ……………………
3. Numer w Krajowym Rejestrze Sądowym lub w innym rejestrze: ……………………
4. Uzasadnienie zgłoszenia: ……………………

Załącznik nr 2 do uchwały nr XXXV/912/25 Rady Miasta Krakowa z dnia 9 kwietnia 2025 r.

KARTA DO GŁOSOWANIA
1. Na karcie stawia się znak „X” przy nazwisku jednego kandydata.
2. Karta, na której postawiono więcej niż jeden znak „X”, jest nieważna.

UZASADNIENIE

Projekt uchwały dostosowuje tryb działania Rady do zmian ustawy. Projekt był konsultowany z organizacjami:
1. w formie pisemnej,
2. na otwartym spotkaniu.
`;

/** A statute-style act with Dział, Rozdział, Art., a code's § inside an article, tirety, double tirety, a common part and amendments in quotes. */
const STATUTE = `USTAWA
z dnia 10 marca 2027 r.
o wspieraniu inicjatyw sąsiedzkich (tekst przykładowy)

Dział I
Przepisy ogólne

Rozdział 1
Zakres ustawy

Art. 1. Ustawa określa zasady wspierania przez gminy inicjatyw sąsiedzkich.

Art. 2. Ilekroć w ustawie jest mowa o:
1) inicjatywie sąsiedzkiej – rozumie się przez to przedsięwzięcie mieszkańców służące ich wspólnocie;
2) grupie sąsiedzkiej – rozumie się przez to co najmniej trzech mieszkańców gminy.

Rozdział 2
Formy wsparcia

Art. 3. 1. Gmina wspiera inicjatywy sąsiedzkie w formie:
1) dotacji celowej;
2) użyczenia lokalu;
3) pomocy organizacyjnej.
2. Wsparcie, o którym mowa w ust. 1 pkt 1, nie może przekroczyć kwoty określonej w uchwale rady gminy.

Art. 4. § 1. Wniosek o wsparcie składa się do wójta, burmistrza albo prezydenta miasta.
§ 2. Wniosek zawiera w szczególności:
1) opis inicjatywy;
2) harmonogram jej realizacji.

Dział II
Tryb przyznawania wsparcia

Rozdział 1
Ocena wniosków

Art. 5. 1. Wnioski ocenia komisja.
2. Komisja bierze pod uwagę w szczególności:
1) celowość inicjatywy;
2) wkład własny grupy sąsiedzkiej;
3) udział mieszkańców, w tym:
a) osób starszych:
– zamieszkałych samotnie,
– z niepełnosprawnościami:
– – w stopniu umiarkowanym,
– – w stopniu znacznym,
b) dzieci i młodzieży.
3. Komisja może:
1) zasięgnąć opinii rady dzielnicy,
2) przeprowadzić wizję lokalną
– w terminie 14 dni od dnia złożenia wniosku.

Art. 5a. Rada gminy może określić dodatkowe kryteria oceny wniosków.

Rozdział 2
Przepisy zmieniające i końcowe

Art. 6. W ustawie z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie wprowadza się następujące zmiany (brzmienie przykładowe):
1) w art. 19b ust. 1 otrzymuje brzmienie:
„1. Mieszkańcy gminy mogą złożyć wniosek o realizację inicjatywy lokalnej.”;
2) po art. 19h dodaje się art. 19i w brzmieniu:
„Art. 19i. 1. Do inicjatyw sąsiedzkich stosuje się przepisy ustawy o wspieraniu inicjatyw sąsiedzkich.
2. Inicjatywa sąsiedzka nie wyklucza inicjatywy lokalnej.”.

Art. 7. Ustawa wchodzi w życie po upływie 14 dni od dnia ogłoszenia.
`;

/**
 * A district council resolution copied out of its PDF: wrapped lines, words hyphenated at the
 * line end (also across a page break), a compound broken at its hyphen, soft hyphens and
 * non-breaking spaces, the footer of acts made in Legislator, a running header and a page number.
 */
const FOOTER = (page: number) => `Id: 6F9619FF-8B86-D011-B42D-00C04FC964FF. Projekt Strona ${page}`;
const FROM_PDF = [
  'Druk nr 12/2025',
  'Projekt',
  'UCHWAŁA NR XII/85/25',
  'RADY DZIELNICY XII BIEŻANÓW-PROKOCIM',
  'z dnia 15 maja 2025 r.',
  'w sprawie zasad przyznawania mikrograntów na inicjatywy sąsiedzkie w Dzielnicy XII',
  'Na podstawie § 12 ust. 1 pkt 7 Statutu Dzielnicy XII Bieżanów-Prokocim, stanowiącego',
  'załącznik do uchwały nr XCII/1433/21 Rady Miasta Krakowa w sprawie statutu Dzielnicy XII',
  'Bieżanów-Prokocim, uchwala się, co następuje:',
  '§\u00a01. 1.\u00a0Rada Dzielnicy XII przyznaje mikrogranty na inicjatywy sąsiedzkie służące integra\u00ad',
  'cji mieszkańców oraz rozwojowi społeczno-',
  '-gospodarczemu osiedli Bieżanów-',
  'Prokocim.',
  '2. Mikrogrant wynosi nie więcej niż 5\u00a0000 zł na jedną inicja\u00adtywę.',
  '§ 2. O mikrogrant mogą ubiegać się:',
  '1) grupy co najmniej trzech pełnoletnich mieszkańców Dzielnicy XII;',
  '2) organizacje pozarządowe mające siedzibę w Kra-',
  FOOTER(1),
  '\fDruk nr 12/2025',
  'kowie, prowadzące działalność na terenie Dzielnicy XII.',
  '§ 3. 1. Wniosek zawiera:',
  '1) opis inicjatywy i jej uczestników;',
  '2) kosztorys;',
  '3) zgodę właściciela terenu, jeżeli inicjatywa jest realizowana',
  'w przestrzeni publicznej.',
  '2. Wnioski składa się w dwóch naborach:',
  '1) do dnia 31 marca,',
  '2) do dnia 30 września.',
  '§ 4. Wnioski ocenia komisja powołana przez Zarząd Dzielnicy XII, w której skład wcho-',
  'dzi co najmniej jeden przedstawiciel organizacji pozarządowych.',
  '§ 5. Wykonanie uchwały powierza się Przewodniczącemu Zarządu Dzielnicy XII.',
  FOOTER(2),
  '\fDruk nr 12/2025',
  '§ 6. Uchwała wchodzi w życie z dniem podjęcia.',
  '',
  '3',
].join('\r\n');

describe('real act layouts', () => {
  it('a resolution on the rules of consultation with NGOs: §, ust. on the § line, pkt and lit.', () => {
    const { units, warnings } = parseDocument(CONSULTATION_RULES);
    expect(units.map((u) => u.label)).toEqual([
      'Wstęp',
      '§ 1',
      '§ 2', '§ 2 pkt 1', '§ 2 pkt 2', '§ 2 pkt 3',
      '§ 3', '§ 3 ust. 1', '§ 3 ust. 1 pkt 1', '§ 3 ust. 1 pkt 2', '§ 3 ust. 1 pkt 3', '§ 3 ust. 2',
      '§ 4', '§ 4 ust. 1', '§ 4 ust. 2', '§ 4 ust. 2 pkt 1', '§ 4 ust. 2 pkt 2', '§ 4 ust. 2 pkt 3', '§ 4 ust. 2 pkt 4',
      '§ 4 ust. 2 pkt 4 lit. a', '§ 4 ust. 2 pkt 4 lit. b', '§ 4 ust. 2 pkt 5', '§ 4 ust. 3',
      '§ 5', '§ 5 ust. 1', '§ 5 ust. 2',
      '§ 6', '§ 7', '§ 8',
    ]);
    expect(units).toHaveLength(29);
    expect(warnings).toEqual([]);
    expect(units[0]!.text).toMatch(/^UCHWAŁA NR XCIV\/2537\/22 RADY MIASTA KRAKOWA z dnia 12 października 2022 r\.\nw sprawie .* tych organizacji\nNa podstawie .* co następuje:$/);
    expect(unit(CONSULTATION_RULES, '§ 3 ust. 1')!.text).toBe('Konsultacje przeprowadza się w jednej lub kilku z następujących form:');
    expect(unit(CONSULTATION_RULES, '§ 4 ust. 2 pkt 4 lit. a')).toEqual({ label: '§ 4 ust. 2 pkt 4 lit. a', depth: 3, text: 'termin i miejsce spotkania,' });
  });

  it('the annual cooperation programme: the resolution, then its attachment with Roman chapters, lit. and tirety', () => {
    const { units, warnings } = parseDocument(COOPERATION_PROGRAMME);
    const Z = 'Załącznik, ';
    expect(units.map((u) => u.label)).toEqual([
      'Wstęp', '§ 1', '§ 2', '§ 3',
      'Załącznik',
      `${Z}Rozdział I`, `${Z}§ 1`, `${Z}§ 1 pkt 1`, `${Z}§ 1 pkt 2`, `${Z}§ 1 pkt 3`, `${Z}§ 1 pkt 4`,
      `${Z}Rozdział II`, `${Z}§ 2`, `${Z}§ 2 ust. 1`, `${Z}§ 2 ust. 2`, `${Z}§ 2 ust. 2 pkt 1`, `${Z}§ 2 ust. 2 pkt 2`, `${Z}§ 2 ust. 2 pkt 3`,
      `${Z}§ 2 ust. 2 pkt 3 lit. a`, `${Z}§ 2 ust. 2 pkt 3 lit. b`,
      `${Z}Rozdział III`, `${Z}§ 3`,
      `${Z}Rozdział IV`, `${Z}§ 4`, `${Z}§ 4 ust. 1`, `${Z}§ 4 ust. 1 pkt 1`, `${Z}§ 4 ust. 1 pkt 1 lit. a`, `${Z}§ 4 ust. 1 pkt 1 lit. b`,
      `${Z}§ 4 ust. 1 pkt 2`, `${Z}§ 4 ust. 1 pkt 3`,
      `${Z}§ 4 ust. 2`, `${Z}§ 4 ust. 2 pkt 1`, `${Z}§ 4 ust. 2 pkt 2`, `${Z}§ 4 ust. 2 pkt 2 lit. a`, `${Z}§ 4 ust. 2 pkt 2 lit. b`,
      `${Z}§ 4 ust. 2 pkt 2 lit. b tiret pierwsze`, `${Z}§ 4 ust. 2 pkt 2 lit. b tiret drugie`, `${Z}§ 4 ust. 2 pkt 3`,
      `${Z}Rozdział V`, `${Z}§ 5`,
      `${Z}Rozdział VI`, `${Z}§ 6`,
      `${Z}Rozdział VII`, `${Z}§ 7`, `${Z}§ 7 ust. 1`, `${Z}§ 7 ust. 1 pkt 1`, `${Z}§ 7 ust. 1 pkt 2`, `${Z}§ 7 ust. 1 pkt 3`, `${Z}§ 7 ust. 2`,
    ]);
    expect(units).toHaveLength(49);
    expect(warnings).toEqual([]);
    const attachment = units.find((u) => u.label === 'Załącznik')!;
    expect(attachment.text).toBe('do uchwały nr XX/455/24 Rady Miasta Krakowa z dnia 20 listopada 2024 r.\nProgram współpracy Gminy Miejskiej Kraków z organizacjami pozarządowymi oraz podmiotami, o których mowa w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie, na rok 2025');
    expect(units.find((u) => u.label === `${Z}Rozdział VI`)!.text).toBe('Wysokość środków przeznaczonych na realizację Programu');
    expect(units.find((u) => u.label === `${Z}§ 4 ust. 2 pkt 2 lit. b tiret drugie`)).toEqual({ label: `${Z}§ 4 ust. 2 pkt 2 lit. b tiret drugie`, depth: 4, text: 'w Miejskim Ośrodku Wspierania Inicjatyw Społecznych;' });
  });

  it('a resolution with chapters, numbered attachments and a justification', () => {
    const { units, warnings } = parseDocument(RESOLUTION_WITH_ATTACHMENTS);
    expect(units.map((u) => u.label)).toEqual([
      'Wstęp',
      'Rozdział 1', '§ 1',
      'Rozdział 2', '§ 2', '§ 2 ust. 1', '§ 2 ust. 1 pkt 1', '§ 2 ust. 1 pkt 2', '§ 2 ust. 1 pkt 3', '§ 2 ust. 2', '§ 3', '§ 3 ust. 1', '§ 3 ust. 2',
      'Rozdział 3', '§ 4', '§ 5', '§ 5 ust. 1', '§ 5 ust. 2',
      'Rozdział 4', '§ 6', '§ 7',
      'Załącznik nr 1', 'Załącznik nr 1, ust. 1', 'Załącznik nr 1, ust. 2', 'Załącznik nr 1, ust. 3', 'Załącznik nr 1, ust. 4',
      'Załącznik nr 2', 'Załącznik nr 2, ust. 1', 'Załącznik nr 2, ust. 2',
      'Uzasadnienie',
    ]);
    expect(units).toHaveLength(30);
    expect(warnings).toEqual([]);
    // A wrapped line that starts with "załącznik" is wording, not a new attachment.
    expect(units.find((u) => u.label === '§ 3 ust. 2')!.text).toBe('Wyboru przedstawicieli organizacji dokonuje się w głosowaniu na karcie stanowiącej załącznik nr 2 do uchwały.');
    expect(units.find((u) => u.label === 'Załącznik nr 1')!.text).toBe('do uchwały nr XXXV/912/25 Rady Miasta Krakowa z dnia 9 kwietnia 2025 r.\nFORMULARZ ZGŁOSZENIA KANDYDATA NA CZŁONKA KRAKOWSKIEJ RADY DZIAŁALNOŚCI POŻYTKU PUBLICZNEGO');
    // The justification is prose: its numbered lines are no units, but keep their lines.
    expect(units.at(-1)).toEqual({ label: 'Uzasadnienie', depth: 0, text: 'Projekt uchwały dostosowuje tryb działania Rady do zmian ustawy. Projekt był konsultowany z organizacjami:\n1. w formie pisemnej,\n2. na otwartym spotkaniu.' });
  });

  it('a statute: Dział, Rozdział, Art., § in an article, tirety, double tirety, a common part and quoted amendments', () => {
    const { units, warnings } = parseDocument(STATUTE);
    expect(units.map((u) => [u.label, u.depth])).toEqual([
      ['Wstęp', 0],
      ['Dział I', 0], ['Dział I Rozdział 1', 0], ['Art. 1', 0], ['Art. 2', 0], ['Art. 2 pkt 1', 2], ['Art. 2 pkt 2', 2],
      ['Dział I Rozdział 2', 0], ['Art. 3', 0], ['Art. 3 ust. 1', 1], ['Art. 3 ust. 1 pkt 1', 2], ['Art. 3 ust. 1 pkt 2', 2], ['Art. 3 ust. 1 pkt 3', 2], ['Art. 3 ust. 2', 1],
      ['Art. 4', 0], ['Art. 4 § 1', 1], ['Art. 4 § 2', 1], ['Art. 4 § 2 pkt 1', 2], ['Art. 4 § 2 pkt 2', 2],
      ['Dział II', 0], ['Dział II Rozdział 1', 0], ['Art. 5', 0], ['Art. 5 ust. 1', 1], ['Art. 5 ust. 2', 1],
      ['Art. 5 ust. 2 pkt 1', 2], ['Art. 5 ust. 2 pkt 2', 2], ['Art. 5 ust. 2 pkt 3', 2],
      ['Art. 5 ust. 2 pkt 3 lit. a', 3], ['Art. 5 ust. 2 pkt 3 lit. a tiret pierwsze', 4], ['Art. 5 ust. 2 pkt 3 lit. a tiret drugie', 4],
      ['Art. 5 ust. 2 pkt 3 lit. a tiret drugie podwójne tiret pierwsze', 5], ['Art. 5 ust. 2 pkt 3 lit. a tiret drugie podwójne tiret drugie', 5],
      ['Art. 5 ust. 2 pkt 3 lit. b', 3],
      ['Art. 5 ust. 3', 1], ['Art. 5 ust. 3 pkt 1', 2], ['Art. 5 ust. 3 pkt 2', 2],
      ['Art. 5a', 0],
      ['Dział II Rozdział 2', 0], ['Art. 6', 0], ['Art. 6 pkt 1', 2], ['Art. 6 pkt 2', 2], ['Art. 7', 0],
    ]);
    expect(units).toHaveLength(42);
    // Rozdział 1 again in Dział II is a new dział's numbering, not a repeat.
    expect(warnings).toEqual([]);
    // The common part after the last punkt belongs to the ustęp that introduced them.
    expect(units.find((u) => u.label === 'Art. 5 ust. 3')!.text).toBe('Komisja może:\n– w terminie 14 dni od dnia złożenia wniosku.');
    expect(units.find((u) => u.label === 'Art. 5 ust. 3 pkt 2')!.text).toBe('przeprowadzić wizję lokalną');
    // Quoted new wording is wording: no "ust. 1", "Art. 19i" or "ust. 2" units come out of it.
    expect(units.find((u) => u.label === 'Art. 6 pkt 1')!.text).toBe('w art. 19b ust. 1 otrzymuje brzmienie: „1. Mieszkańcy gminy mogą złożyć wniosek o realizację inicjatywy lokalnej.”;');
    expect(units.find((u) => u.label === 'Art. 6 pkt 2')!.text).toBe(
      'po art. 19h dodaje się art. 19i w brzmieniu: „Art. 19i. 1. Do inicjatyw sąsiedzkich stosuje się przepisy ustawy o wspieraniu inicjatyw sąsiedzkich.\n2. Inicjatywa sąsiedzka nie wyklucza inicjatywy lokalnej.”.',
    );
  });

  it('a resolution pasted from a PDF: page footers, running headers and page numbers go, hyphenated words join up', () => {
    const { units, warnings } = parseDocument(FROM_PDF);
    expect(units.map((u) => u.label)).toEqual([
      'Wstęp',
      '§ 1', '§ 1 ust. 1', '§ 1 ust. 2',
      '§ 2', '§ 2 pkt 1', '§ 2 pkt 2',
      '§ 3', '§ 3 ust. 1', '§ 3 ust. 1 pkt 1', '§ 3 ust. 1 pkt 2', '§ 3 ust. 1 pkt 3', '§ 3 ust. 2', '§ 3 ust. 2 pkt 1', '§ 3 ust. 2 pkt 2',
      '§ 4', '§ 5', '§ 6',
    ]);
    expect(units).toHaveLength(18);
    // Three running headers, two footers and a page number: six lines, the first on line 1.
    expect(warnings).toEqual([{ code: 'page_lines_removed', line: 1, count: 6 }]);
    const text = (label: string) => units.find((u) => u.label === label)!.text;
    expect(text('Wstęp')).toBe(
      'Projekt UCHWAŁA NR XII/85/25 RADY DZIELNICY XII BIEŻANÓW-PROKOCIM z dnia 15 maja 2025 r. w sprawie zasad przyznawania mikrograntów na inicjatywy sąsiedzkie w Dzielnicy XII ' +
        'Na podstawie § 12 ust. 1 pkt 7 Statutu Dzielnicy XII Bieżanów-Prokocim, stanowiącego załącznik do uchwały nr XCII/1433/21 Rady Miasta Krakowa w sprawie statutu Dzielnicy XII Bieżanów-Prokocim, uchwala się, co następuje:',
    );
    expect(text('§ 1 ust. 1')).toBe('Rada Dzielnicy XII przyznaje mikrogranty na inicjatywy sąsiedzkie służące integracji mieszkańców oraz rozwojowi społeczno-gospodarczemu osiedli Bieżanów-Prokocim.');
    expect(text('§ 1 ust. 2')).toBe('Mikrogrant wynosi nie więcej niż 5 000 zł na jedną inicjatywę.');
    expect(text('§ 2 pkt 2')).toBe('organizacje pozarządowe mające siedzibę w Krakowie, prowadzące działalność na terenie Dzielnicy XII.');
    expect(text('§ 3 ust. 1 pkt 3')).toBe('zgodę właściciela terenu, jeżeli inicjatywa jest realizowana w przestrzeni publicznej.');
    expect(text('§ 4')).toBe('Wnioski ocenia komisja powołana przez Zarząd Dzielnicy XII, w której skład wchodzi co najmniej jeden przedstawiciel organizacji pozarządowych.');
    expect(text('§ 6')).toBe('Uchwała wchodzi w życie z dniem podjęcia.');
  });

  it('a programme typed in Markdown: headings, bold numbers, numbered and bulleted lists', () => {
    const md = [
      '# Program „Kraków przyjazny seniorom” (projekt)',
      '',
      '## Rozdział 1. Cele programu',
      '',
      '**§ 1.** Program wyznacza kierunki działań Miasta na rzecz osób starszych.',
      '',
      '**§ 2.**',
      '',
      '1. Obszary programu to:',
      '   1) zdrowie i samodzielność;',
      '   2) aktywność społeczna, w tym:',
      '      a) wolontariat,',
      '      b) uniwersytety trzeciego wieku;',
      '2. Program realizują jednostki miejskie.',
      '',
      '## Rozdział 2 – Finansowanie',
      '',
      '### § 3',
      'Program finansuje się z budżetu Miasta\\.',
    ].join('\n');
    const { units, warnings } = parseDocument(md);
    expect(units.map((u) => u.label)).toEqual([
      'Wstęp', 'Rozdział 1', '§ 1', '§ 2', '§ 2 ust. 1', '§ 2 ust. 1 pkt 1', '§ 2 ust. 1 pkt 2', '§ 2 ust. 1 pkt 2 lit. a', '§ 2 ust. 1 pkt 2 lit. b', '§ 2 ust. 2', 'Rozdział 2', '§ 3',
    ]);
    expect(warnings).toEqual([]);
    expect(units[0]!.text).toBe('Program „Kraków przyjazny seniorom” (projekt)');
    expect(units[1]!.text).toBe('Cele programu');
    expect(units[10]!.text).toBe('Finansowanie');
    expect(units[11]!.text).toBe('Program finansuje się z budżetu Miasta.');
  });
});

describe('what the preview warns about', () => {
  it('numbering that skips or repeats, units out of the hierarchy, unnumbered text and empty units', () => {
    const text = [
      '§ 1. Regulamin określa zasady.', // 1
      '§ 2. 1. Pierwszy ustęp.', // 2
      '3. Trzeci ustęp bez drugiego.', // 3
      '§ 2. Paragraf powtórzony.', // 4
      'a) litera wprost w paragrafie,', // 5
      'b) druga litera.', // 6
      '', // 7
      'Akapit bez numeru.', // 8
      '§ 4.', // 9
      '§ 5. Działania:', // 10
      '– myślnik wprost w paragrafie,', // 11
      '– drugi myślnik.', // 12
      '§ 7. Ostatni.', // 13
    ].join('\n');
    const { units, warnings } = parseDocument(text);
    expect(units.map((u) => u.label)).toEqual([
      '§ 1', '§ 2', '§ 2 ust. 1', '§ 2 ust. 3', '§ 2', '§ 2 lit. a', '§ 2 lit. b', '§ 4', '§ 5', '§ 5 tiret pierwsze', '§ 5 tiret drugie', '§ 7',
    ]);
    expect(warnings).toEqual([
      { code: 'numbering_skips', line: 3, label: '§ 2 ust. 3', expected: '§ 2 ust. 2' },
      { code: 'numbering_repeats', line: 4, label: '§ 2', expected: '§ 3' },
      { code: 'out_of_hierarchy', line: 5, label: '§ 2 lit. a' },
      { code: 'unnumbered_text', line: 8, label: '§ 2 lit. b' },
      { code: 'numbering_skips', line: 9, label: '§ 4', expected: '§ 3' },
      { code: 'empty_unit', line: 9, label: '§ 4' },
      { code: 'out_of_hierarchy', line: 11, label: '§ 5 tiret pierwsze' },
      { code: 'numbering_skips', line: 13, label: '§ 7', expected: '§ 6' },
    ]);
    expect(units[6]!.text).toBe('druga litera.\nAkapit bez numeru.');
  });

  it('numbered lines before the first §, text with no structure, and inserted units (§ 3a) in order', () => {
    expect(parseDocument('Wstęp do projektu.\n1. Pierwsza myśl.\n§ 1. Treść.')).toEqual({
      units: [{ label: 'Wstęp', depth: 0, text: 'Wstęp do projektu.\n1. Pierwsza myśl.' }, { label: '§ 1', depth: 0, text: 'Treść.' }],
      warnings: [{ code: 'outside_unit', line: 2, label: 'Wstęp', found: '1.' }],
    });
    expect(parseDocument('Projekt regulaminu.\nBez paragrafów.').warnings).toEqual([{ code: 'no_structure', line: 1 }]);
    expect(parseDocument('§ 3. A.\n§ 3a. B.\n§ 3b. C.\n§ 4. D.').warnings).toEqual([]);
    expect(parseDocument('§ 3. A.\n§ 3b. B.').warnings).toEqual([{ code: 'numbering_skips', line: 2, label: '§ 3b', expected: '§ 3a' }]);
    // Litery may leave out q, v and x.
    const letters = (list: string) => `§ 1. Lista:\n1) punkt:\n${[...list].map((l) => `${l}) ${l},`).join('\n')}`;
    expect(parseDocument(letters('abcdefghijklmnoprstuwyz')).warnings).toEqual([]);
    expect(splitDocument(letters('abcdefghijklmnoprstuwyz')).at(-1)!.label).toBe('§ 1 pkt 1 lit. z');
    expect(parseDocument(letters('abd')).warnings).toEqual([{ code: 'numbering_skips', line: 5, label: '§ 1 pkt 1 lit. d', expected: '§ 1 pkt 1 lit. c' }]);
    // A letter far from the next one is running text, not a litera: "i) …" here continues lit. a.
    expect(labels('§ 1. Lista:\n1) punkt:\na) pierwsza,\ni) nie litera.')).toEqual(['§ 1', '§ 1 pkt 1', '§ 1 pkt 1 lit. a']);
  });

  it('an unclosed quotation does not swallow the rest of the act', () => {
    const { units, warnings } = parseDocument('§ 1. W uchwale § 3 otrzymuje brzmienie:\n„§ 3. Nowe brzmienie.\n§ 2. Uchwała wchodzi w życie z dniem podjęcia.');
    expect(units.map((u) => u.label)).toEqual(['§ 1', '§ 2']);
    expect(warnings).toEqual([{ code: 'unclosed_quote', line: 2 }]);
  });
});

describe('markerOf', () => {
  it('tells units from citations and running text at the start of a line', () => {
    expect(markerOf('§ 3. Treść')).toEqual({ kind: 'paragraph', num: '3', rest: 'Treść' });
    expect(markerOf('§ 3 ust. 2 stosuje się odpowiednio')).toBeNull();
    expect(markerOf('Art. 5a. Treść')).toEqual({ kind: 'article', num: '5a', rest: 'Treść' });
    expect(markerOf('art. 5 ust. 1 ustawy')).toBeNull();
    expect(markerOf('Art. 5 ust. 1 ustawy stanowi')).toBeNull();
    expect(markerOf('Rozdział IV – Formy współpracy')).toEqual({ kind: 'rozdział', num: 'IV', rest: 'Formy współpracy' });
    expect(markerOf('Dział Obsługi Mieszkańców')).toBeNull();
    expect(markerOf('rozdział 3 stosuje się')).toBeNull();
    expect(markerOf('ZAŁĄCZNIK NR 2')).toEqual({ kind: 'attachment', num: '2', rest: '' });
    expect(markerOf('Załącznik nr 3 – Wzór wniosku')).toEqual({ kind: 'attachment', num: '3', rest: 'Wzór wniosku' });
    expect(markerOf('załącznik do uchwały nr 5')).toBeNull();
    expect(markerOf('2024 r. w sprawie')).toBeNull();
    expect(markerOf('– – podwójne')).toEqual({ kind: 'tiret2', num: '', rest: 'podwójne' });
    expect(markerOf('• punkt z Worda')).toEqual({ kind: 'tiret', num: '', rest: 'punkt z Worda' });
    expect(markerOf('-5% to spadek')).toBeNull();
  });
});

describe('cleanLines', () => {
  it('keeps blank lines as paragraph breaks, except when a PDF viewer doubled every line', () => {
    expect(cleanLines('a\n\nb').lines.map((l) => l.blankBefore)).toEqual([false, true]);
    const doubled = Array.from({ length: 10 }, (_, i) => `wiersz ${i + 1}`).join('\n\n');
    expect(cleanLines(doubled).lines.every((l) => !l.blankBefore)).toBe(true);
    expect(splitDocument(`§ 1. ${doubled}`)).toEqual([{ label: '§ 1', depth: 0, text: Array.from({ length: 10 }, (_, i) => `wiersz ${i + 1}`).join(' ') }]);
  });

  it('leaves a repeated line alone unless it sits next to page breaks', () => {
    const text = '§ 1. Lista:\n1) w zakresie:\nkultury;\n2) w zakresie:\nsportu.';
    expect(cleanLines(text).removed).toEqual([]);
    expect(unit(text, '§ 1 pkt 2')!.text).toBe('w zakresie: sportu.');
  });
});

describe('any text', () => {
  it('splits without throwing, the same way every time, into labelled units at known depths', () => {
    const pool = [CONSULTATION_RULES, COOPERATION_PROGRAMME, RESOLUTION_WITH_ATTACHMENTS, STATUTE, FROM_PDF].flatMap((t) => t.split(/\r?\n/));
    pool.push('„', '”', '„§ 1. cytat', 'a)', '– –', '§', 'Art.', 'Załącznik', '\f', '\u00ad', '**', '## ', '1.', '1)', 'i)', 'Uzasadnienie', '');
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 60) }, () => pool[Math.floor(random() * pool.length)]!).join(random() < 0.5 ? '\n' : '\r\n');
      const first = parseDocument(text);
      expect(parseDocument(text)).toEqual(first);
      for (const u of first.units) {
        expect(u.label).toMatch(/\S/);
        expect([0, 1, 2, 3, 4, 5]).toContain(u.depth);
      }
      for (const w of first.warnings) expect(w.line).toBeGreaterThanOrEqual(1);
    }
  });
});
