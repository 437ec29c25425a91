import type { ArticleContent, GuideLink, JourneyContent } from '../../common/guide.schema.js';
import type { LocalText } from '../../common/guide.js';

/**
 * The guide's first edition, for the demo: written in Polish from the act on public-benefit
 * activity and volunteering (24 April 2003, consolidated text Dz.U. 2024 poz. 1491) and Kraków's
 * practice as DOMAIN.md gives them. Figures that change yearly are marked as examples; readers
 * are sent to the current text in ISAP and the current cooperation programme.
 */

export interface DemoChapter {
  slug: string;
  title: LocalText;
}

export interface DemoArticle {
  slug: string;
  chapter: string;
  tags: string[];
  related: string[];
  links: GuideLink[];
  reviewedOn: string;
  /** Versions oldest first; each in force from its day (a later one supersedes it). */
  versions: { inForceFrom: string; inForceUntil?: string; note?: string; content: ArticleContent }[];
}

const ISAP = 'Sprawdź aktualny tekst ustawy w ISAP (tekst jednolity: Dz.U. 2024 poz. 1491) i bieżący program współpracy Miasta.';
const ISAP_EN = "Check the current text of the act in ISAP (consolidated text: Dz.U. 2024 item 1491) and the City's current cooperation programme.";
const ISAP_UK = 'Перевірте чинний текст закону в ISAP (єдиний текст: Dz.U. 2024 poz. 1491) і чинну програму співпраці міста.';

export const DEMO_CHAPTERS: DemoChapter[] = [
  { slug: 'formy-wspolpracy', title: { pl: 'Formy współpracy', en: 'Forms of cooperation', uk: 'Форми співпраці' } },
  { slug: 'dotacje', title: { pl: 'Dotacje: konkursy i małe granty', en: 'Grants: open calls and small grants', uk: 'Дотації: конкурси та малі гранти' } },
  { slug: 'inicjatywa-lokalna', title: { pl: 'Inicjatywa lokalna', en: 'Local initiative', uk: 'Місцева ініціатива' } },
  { slug: 'konsultacje-i-dialog', title: { pl: 'Konsultacje i dialog', en: 'Consultations and dialogue', uk: 'Консультації та діалог' } },
  { slug: 'pomoc', title: { pl: 'Gdzie szukać pomocy', en: 'Where to get help', uk: 'Де шукати допомоги' } },
];

const REVIEWED = '2026-11-20';

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    slug: 'formy-wspolpracy',
    chapter: 'formy-wspolpracy',
    tags: ['wsparcie-ngo', 'prawo'],
    related: ['wspolpraca-finansowa', 'wspolpraca-pozafinansowa', 'program-wspolpracy'],
    links: [{ kind: 'advice', topic: 'prawo' }],
    reviewedOn: REVIEWED,
    versions: [
      {
        inForceFrom: '2026-01-01',
        content: {
          pl: {
            title: 'Formy współpracy Miasta z organizacjami pozarządowymi',
            summary: 'Ustawa o działalności pożytku publicznego i o wolontariacie (art. 5) zna dwie drogi współpracy: finansową i pozafinansową. Oto, co każda z nich oznacza w Krakowie.',
            body: `Miasto współpracuje z organizacjami pozarządowymi na podstawie **ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie**. Zasady i formy tej współpracy opisuje jej art. 5, a szczegóły na dany rok – roczny [program współpracy](poradnik:program-wspolpracy).

## Współpraca finansowa

Miasto zleca organizacjom realizację zadań publicznych i przekazuje na nie pieniądze:

- **powierzenie** – Miasto finansuje zadanie w całości,
- **wspieranie** – Miasto dofinansowuje zadanie, które organizacja realizuje także ze swoich środków.

Zwykle odbywa się to w drodze [otwartego konkursu ofert](poradnik:otwarty-konkurs-ofert). Drobne zadania można zlecić poza konkursem, w trybie [małych grantów](poradnik:male-granty).

## Współpraca pozafinansowa

Nie każda współpraca wymaga dotacji. Ustawa wymienia m.in.:

- wzajemne informowanie się o planowanej działalności,
- [konsultowanie projektów aktów prawa miejscowego](poradnik:konsultacje-z-ngo),
- tworzenie wspólnych zespołów doradczych i inicjatywnych,
- umowy partnerskie.

W praktyce Miasto oferuje też m.in. lokale na preferencyjnych warunkach, patronat i szkolenia. Więcej w artykule [Współpraca pozafinansowa](poradnik:wspolpraca-pozafinansowa).

> [!info]
> Mieszkańcy – bez zakładania organizacji – mogą zaproponować Miastu wspólne zadanie w ramach [inicjatywy lokalnej](poradnik:inicjatywa-lokalna).

${ISAP}`,
          },
          en: {
            title: 'Forms of cooperation between the City and NGOs',
            summary: 'The act on public-benefit activity and volunteering (art. 5) has two ways of cooperating: financial and non-financial. This is what each means in Kraków.',
            body: `The City cooperates with NGOs under the **act of 24 April 2003 on public-benefit activity and volunteering**. Article 5 sets out the principles and forms of cooperation; the annual [cooperation programme](poradnik:program-wspolpracy) gives the details for each year.

## Financial cooperation

The City commissions public tasks from NGOs and pays for them:

- **entrusting** (powierzenie) – the City funds the task in full,
- **supporting** (wspieranie) – the City co-funds a task the organisation also pays for itself.

This is normally done through an [open call for offers](poradnik:otwarty-konkurs-ofert). Small tasks can be commissioned outside a call as [small grants](poradnik:male-granty).

## Non-financial cooperation

Not all cooperation needs a grant. The act lists, among others:

- informing each other about planned activities,
- [consulting draft local acts](poradnik:konsultacje-z-ngo),
- joint advisory and initiative teams,
- partnership agreements.

In practice the City also offers premises on preferential terms, patronage and training.

> [!info]
> Residents, without founding an organisation, can propose a joint task to the City as a [local initiative](poradnik:inicjatywa-lokalna).

Check the current text of the act in ISAP (consolidated text: Dz.U. 2024 item 1491) and the City's current cooperation programme.`,
          },
          uk: {
            title: 'Форми співпраці міста з неурядовими організаціями',
            summary: 'Закон про діяльність суспільної користі та волонтерство (ст. 5) передбачає два шляхи співпраці: фінансовий і нефінансовий. Ось що кожен із них означає у Кракові.',
            body: `Місто співпрацює з неурядовими організаціями на підставі **закону від 24 квітня 2003 р. про діяльність суспільної користі та волонтерство**. Принципи та форми співпраці визначає його ст. 5, а подробиці на кожен рік – річна [програма співпраці](poradnik:program-wspolpracy).

## Фінансова співпраця

Місто доручає організаціям виконання публічних завдань і фінансує їх:

- **доручення** (powierzenie) – місто фінансує завдання повністю,
- **підтримка** (wspieranie) – місто співфінансує завдання, яке організація фінансує й власним коштом.

Зазвичай це відбувається через [відкритий конкурс пропозицій](poradnik:otwarty-konkurs-ofert). Невеликі завдання можна доручити поза конкурсом – як [малі гранти](poradnik:male-granty).

## Нефінансова співпраця

Не кожна співпраця потребує дотації. Закон називає, зокрема:

- взаємне інформування про заплановану діяльність,
- [консультування проєктів актів місцевого права](poradnik:konsultacje-z-ngo),
- спільні дорадчі та ініціативні команди,
- партнерські угоди.

На практиці місто також пропонує приміщення на пільгових умовах, патронат і навчання.

> [!info]
> Мешканці, не створюючи організації, можуть запропонувати місту спільне завдання в рамках [місцевої ініціативи](poradnik:inicjatywa-lokalna).

Перевірте чинний текст закону в ISAP (єдиний текст: Dz.U. 2024 poz. 1491) і чинну програму співпраці міста.`,
          },
        },
      },
    ],
  },
  {
    slug: 'wspolpraca-finansowa',
    chapter: 'formy-wspolpracy',
    tags: ['finansowanie-bezzwrotne', 'wsparcie-ngo'],
    related: ['otwarty-konkurs-ofert', 'male-granty'],
    links: [{ kind: 'advice', topic: 'finansowanie-bezzwrotne' }, { kind: 'events', q: 'dotacje' }],
    reviewedOn: REVIEWED,
    versions: [
      {
        inForceFrom: '2026-01-01',
        content: {
          pl: {
            title: 'Powierzenie i wspieranie: jak Miasto finansuje zadania publiczne',
            summary: 'Dotacja z budżetu Miasta to zapłata za realizację zadania publicznego. Może pokryć całość kosztów (powierzenie) albo ich część (wspieranie).',
            body: `Współpraca finansowa polega na tym, że Miasto **zleca** organizacji realizację zadania publicznego z zakresu działalności pożytku publicznego (art. 5 ust. 2 i art. 11 ustawy) i przekazuje na nie dotację.

| Forma | Kto płaci | Kiedy się ją wybiera |
|---|---|---|
| Powierzenie | Miasto finansuje całość zadania | gdy Miasto chce, by zadanie zostało wykonane w całości za jego pieniądze |
| Wspieranie | Miasto dofinansowuje zadanie | gdy organizacja wnosi też wkład własny |

Formę zlecenia określa ogłoszenie o konkursie albo program współpracy. O dotację organizacja ubiega się, składając **ofertę** – najczęściej w [otwartym konkursie ofert](poradnik:otwarty-konkurs-ofert), a przy niewielkich zadaniach w trybie [małych grantów](poradnik:male-granty) (art. 19a).

> [!warning]
> Dotacja jest przeznaczona na konkretne zadanie opisane w umowie. Wydatki trzeba później rozliczyć w sprawozdaniu.

${ISAP}`,
          },
          en: {
            title: 'Commissioning and supporting: how the City funds public tasks',
            summary: "A grant from the City's budget pays for carrying out a public task. It can cover all of the costs (commissioning) or part of them (supporting).",
            body: `Financial cooperation means that the City **commissions** an NGO to carry out a public task in the field of public-benefit activity (art. 5(2) and art. 11 of the act) and gives it a grant for it.

| Form | Who pays | When it is chosen |
|---|---|---|
| Commissioning (powierzenie) | the City funds the whole task | when the City wants the task done entirely with its money |
| Supporting (wspieranie) | the City co-funds the task | when the organisation also brings its own contribution |

The form is set by the announcement of the call or by the cooperation programme. An organisation applies for a grant by submitting an **offer**, most often in an [open call for offers](poradnik:otwarty-konkurs-ofert), and for small tasks as a [small grant](poradnik:male-granty) (art. 19a).

> [!warning]
> A grant is meant for the particular task described in the agreement. The spending must later be accounted for in the report.

${ISAP_EN}`,
          },
          uk: {
            title: 'Доручення та підтримка: як місто фінансує публічні завдання',
            summary: 'Дотація з бюджету міста – це оплата виконання публічного завдання. Вона може покрити всі витрати (доручення) або їх частину (підтримка).',
            body: `Фінансова співпраця полягає в тому, що місто **доручає** організації виконання публічного завдання у сфері діяльності суспільної користі (ст. 5 ч. 2 і ст. 11 закону) та надає на нього дотацію.

| Форма | Хто платить | Коли її обирають |
|---|---|---|
| Доручення (powierzenie) | місто фінансує завдання повністю | коли місто хоче, щоб завдання було виконане повністю за його кошти |
| Підтримка (wspieranie) | місто співфінансує завдання | коли організація вкладає також власні кошти |

Форму доручення визначає оголошення про конкурс або програма співпраці. Щоб отримати дотацію, організація подає **пропозицію** – найчастіше у [відкритому конкурсі пропозицій](poradnik:otwarty-konkurs-ofert), а для невеликих завдань – у процедурі [малих грантів](poradnik:male-granty) (ст. 19a).

> [!warning]
> Дотація призначена на конкретне завдання, описане в угоді. Витрати потім треба підтвердити у звіті.

${ISAP_UK}`,
          },
        },
      },
    ],
  },
  {
    slug: 'wspolpraca-pozafinansowa',
    chapter: 'formy-wspolpracy',
    tags: ['wsparcie-ngo', 'wspolnoty-lokalne'],
    related: ['lokale-i-patronat', 'konsultacje-z-ngo', 'rady-i-komisje-dialogu'],
    links: [{ kind: 'events', q: 'szkolenie' }],
    reviewedOn: REVIEWED,
    versions: [
      {
        inForceFrom: '2026-01-01',
        content: {
          pl: {
            title: 'Współpraca pozafinansowa',
            summary: 'Informacja, konsultacje, wspólne zespoły, partnerstwa, lokale, patronat i szkolenia: jak współpracować z Miastem bez dotacji.',
            body: `Współpraca pozafinansowa to wszystkie formy współdziałania, w których Miasto nie przekazuje organizacji dotacji. Ustawa (art. 5) i krakowski program współpracy przewidują m.in.:

1. **Wzajemne informowanie się** o planowanych kierunkach działalności.
2. **Konsultowanie projektów aktów prawa miejscowego** dotyczących działalności statutowej organizacji – zobacz [Konsultacje z organizacjami](poradnik:konsultacje-z-ngo).
3. **Wspólne zespoły o charakterze doradczym i inicjatywnym**, złożone z przedstawicieli organizacji i Miasta.
4. **Umowy partnerskie**, np. przy wspólnych projektach.
5. **Lokale na preferencyjnych warunkach** i **patronat** – zobacz [Lokale i patronat](poradnik:lokale-i-patronat).
6. **Szkolenia i doradztwo** dla organizacji – zobacz [Gdzie szukać pomocy](poradnik:gdzie-szukac-pomocy).

W Krakowie stałymi miejscami dialogu są Krakowska Rada Działalności Pożytku Publicznego i Komisje Dialogu Obywatelskiego – zobacz [Rady i komisje dialogu](poradnik:rady-i-komisje-dialogu).`,
          },
          en: {
            title: 'Non-financial cooperation',
            summary: 'Information, consultations, joint teams, partnerships, premises, patronage and training: how to work with the City without a grant.',
            body: `Non-financial cooperation covers every way of working together in which the City gives the organisation no grant. The act (art. 5) and Kraków's cooperation programme provide, among others, for:

1. **Informing each other** about planned directions of activity.
2. **Consulting draft local acts** that concern the organisations' statutory activity – see [Consultations with NGOs](poradnik:konsultacje-z-ngo).
3. **Joint advisory and initiative teams** of representatives of the organisations and the City.
4. **Partnership agreements**, for example for joint projects.
5. **Premises on preferential terms** and **patronage** – see [Premises and patronage](poradnik:lokale-i-patronat).
6. **Training and advice** for organisations – see [Where to get help](poradnik:gdzie-szukac-pomocy).

In Kraków the standing places of dialogue are the Kraków Public Benefit Council and the Civic Dialogue Committees – see [Councils and dialogue committees](poradnik:rady-i-komisje-dialogu).`,
          },
          uk: {
            title: 'Нефінансова співпраця',
            summary: 'Інформування, консультації, спільні групи, партнерства, приміщення, патронат і навчання: як співпрацювати з містом без дотації.',
            body: `Нефінансова співпраця – це всі форми взаємодії, за яких місто не надає організації дотації. Закон (ст. 5) і краківська програма співпраці передбачають, зокрема:

1. **Взаємне інформування** про заплановані напрями діяльності.
2. **Консультування проєктів актів місцевого права**, що стосуються статутної діяльності організацій, – див. [Консультації з організаціями](poradnik:konsultacje-z-ngo).
3. **Спільні дорадчі та ініціативні групи** з представників організацій і міста.
4. **Партнерські угоди**, наприклад для спільних проєктів.
5. **Приміщення на пільгових умовах** і **патронат** – див. [Приміщення та патронат](poradnik:lokale-i-patronat).
6. **Навчання та консультації** для організацій – див. [Де шукати допомоги](poradnik:gdzie-szukac-pomocy).

У Кракові постійними майданчиками діалогу є Краківська рада діяльності суспільної користі та Комісії громадянського діалогу – див. [Ради та комісії діалогу](poradnik:rady-i-komisje-dialogu).`,
          },
        },
      },
    ],
  },
  {
    slug: 'otwarty-konkurs-ofert',
    chapter: 'dotacje',
    tags: ['finansowanie-bezzwrotne', 'kultura', 'edukacja', 'sport'],
    related: ['jak-przygotowac-oferte', 'komisja-konkursowa', 'umowa-i-sprawozdanie'],
    links: [{ kind: 'advice', topic: 'finansowanie-bezzwrotne' }, { kind: 'events', q: 'konkurs' }],
    reviewedOn: REVIEWED,
    versions: [
      {
        inForceFrom: '2026-01-01',
        content: {
          pl: {
            title: 'Otwarty konkurs ofert',
            summary: 'Podstawowy tryb przyznawania dotacji: Miasto ogłasza konkurs, organizacje składają oferty, komisja z udziałem przedstawicieli organizacji je ocenia.',
            body: `Otwarty konkurs ofert to podstawowy tryb zlecania zadań publicznych organizacjom (art. 11–19 ustawy). Miasto ogłasza konkurs na konkretne zadanie, organizacje składają oferty, a najlepsze z nich otrzymują dotację.

## Ogłoszenie

> [!deadline]
> Konkurs ogłasza się z wyprzedzeniem **co najmniej 21 dni** przed upływem terminu składania ofert.

Ogłoszenie podaje m.in. rodzaj zadania, wysokość środków przeznaczonych na jego realizację, zasady przyznawania dotacji, termin i warunki realizacji zadania, termin składania ofert oraz kryteria wyboru ofert. Czytaj je uważnie: to ono, a nie ten poradnik, jest wiążące.

## Oferta i ocena

1. Przygotuj ofertę według wzoru wskazanego w ogłoszeniu – zobacz [Jak przygotować ofertę](poradnik:jak-przygotowac-oferte).
2. Złóż ją w terminie i w sposób podany w ogłoszeniu.
3. Oferty ocenia [komisja konkursowa](poradnik:komisja-konkursowa), w której zasiadają także przedstawiciele organizacji (art. 15).
4. Wyniki konkursu są publikowane, a z wybranymi organizacjami Miasto zawiera umowy – zobacz [Umowa i sprawozdanie](poradnik:umowa-i-sprawozdanie).

Chcesz przejść przez to krok po kroku? Zobacz ścieżkę „Oferta w otwartym konkursie”.`,
          },
          en: {
            title: 'Open call for offers',
            summary: 'The main way grants are awarded: the City announces a call, NGOs submit offers, and a committee that includes NGO representatives assesses them.',
            body: `An open call for offers (otwarty konkurs ofert) is the main way the City commissions public tasks from NGOs (art. 11–19 of the act). The City announces a call for a specific task, organisations submit offers, and the best ones receive a grant.

## The announcement

> [!deadline]
> A call is announced **at least 21 days** before the deadline for offers.

The announcement states, among other things, the type of task, the funds set aside for it, the rules for awarding grants, when and how the task is to be carried out, the deadline for offers and the selection criteria. Read it carefully: it, not this guide, is binding.

## Offer and assessment

1. Prepare the offer on the form named in the announcement – see [How to prepare an offer](poradnik:jak-przygotowac-oferte).
2. Submit it on time and as the announcement says.
3. Offers are assessed by a [selection committee](poradnik:komisja-konkursowa) that includes NGO representatives (art. 15).
4. The results are published, and the City signs agreements with the selected organisations – see [Agreement and report](poradnik:umowa-i-sprawozdanie).`,
          },
          uk: {
            title: 'Відкритий конкурс пропозицій',
            summary: 'Основний спосіб надання дотацій: місто оголошує конкурс, організації подають пропозиції, а комісія за участю представників організацій їх оцінює.',
            body: `Відкритий конкурс пропозицій – основна процедура доручення публічних завдань організаціям (ст. 11–19 закону). Місто оголошує конкурс на конкретне завдання, організації подають пропозиції, а найкращі з них отримують дотацію.

## Оголошення

> [!deadline]
> Конкурс оголошують щонайменше **за 21 день** до закінчення строку подання пропозицій.

В оголошенні зазначають, зокрема, вид завдання, суму коштів на його виконання, правила надання дотації, строки й умови виконання завдання, строк подання пропозицій і критерії їх відбору. Читайте його уважно: обов’язковим є саме оголошення, а не цей путівник.

## Пропозиція та оцінювання

1. Підготуйте пропозицію за зразком, указаним в оголошенні, – див. [Як підготувати пропозицію](poradnik:jak-przygotowac-oferte).
2. Подайте її в строк і в спосіб, зазначені в оголошенні.
3. Пропозиції оцінює [конкурсна комісія](poradnik:komisja-konkursowa), до якої входять також представники організацій (ст. 15).
4. Результати конкурсу публікують, а з обраними організаціями місто укладає угоди, – див. [Угода і звіт](poradnik:umowa-i-sprawozdanie).

Хочете пройти цей шлях крок за кроком? Перегляньте «Пропозиція у відкритому конкурсі».`,
          },
        },
      },
    ],
  },
  {
    slug: 'jak-przygotowac-oferte',
    chapter: 'dotacje',
    tags: ['finansowanie-bezzwrotne', 'podatki-ksiegowosc'],
    related: ['otwarty-konkurs-ofert', 'male-granty'],
    links: [{ kind: 'advice', topic: 'finansowanie-bezzwrotne' }, { kind: 'events', q: 'oferta' }],
    reviewedOn: '2025-09-15',
    versions: [
      {
        inForceFrom: '2025-09-15',
        content: {
          pl: {
            title: 'Jak przygotować ofertę',
            summary: 'Praktyczna lista rzeczy do przygotowania przed złożeniem oferty w konkursie lub w trybie małych grantów.',
            body: `Ofertę składa się na wzorze wskazanym w ogłoszeniu. Zanim zaczniesz ją wypełniać, przygotuj:

- **opis zadania** – co zrobicie, dla kogo i po co; jak zadanie odpowiada na cel ogłoszenia,
- **harmonogram** – kiedy i w jakiej kolejności odbędą się działania,
- **kosztorys** – koszty z podziałem na źródła finansowania (dotacja, wkład własny, jeśli jest wymagany),
- **rezultaty** – co będzie efektem zadania i jak to sprawdzicie,
- **dane organizacji** – zgodne z rejestrem (np. KRS) oraz osoby upoważnione do reprezentacji.

> [!warning]
> Sprawdź w ogłoszeniu, jak i do kiedy składa się ofertę oraz jakie załączniki są wymagane. Oferta złożona po terminie lub w inny sposób może nie być rozpatrzona.

Masz wątpliwości co do kosztorysu albo wkładu własnego? [Punkt doradczy](poradnik:gdzie-szukac-pomocy) pomaga w sprawach finansów i księgowości.`,
          },
          en: {
            title: 'How to prepare an offer',
            summary: 'A practical list of what to prepare before submitting an offer in an open call or as a small grant.',
            body: `An offer is submitted on the form named in the announcement. Before you start filling it in, prepare:

- **a description of the task** – what you will do, for whom and why; how the task answers the aim of the announcement,
- **a timetable** – when and in what order the activities will take place,
- **a budget** – the costs split by source of funding (the grant, your own contribution if one is required),
- **the results** – what the task will achieve and how you will check it,
- **the organisation's details** – as in the register (e.g. KRS), and the people authorised to represent it.

> [!warning]
> Check in the announcement how and by when the offer is submitted and which attachments are required. An offer submitted late or in another way may not be considered.

Not sure about the budget or your own contribution? The [advisory point](poradnik:gdzie-szukac-pomocy) helps with finance and accounting.`,
          },
          uk: {
            title: 'Як підготувати пропозицію',
            summary: 'Практичний перелік того, що варто підготувати перед поданням пропозиції на конкурс або в процедурі малих грантів.',
            body: `Пропозицію подають за зразком, указаним в оголошенні. Перш ніж заповнювати її, підготуйте:

- **опис завдання** – що ви зробите, для кого і навіщо; як завдання відповідає меті оголошення,
- **графік** – коли і в якій послідовності відбуватимуться заходи,
- **кошторис** – витрати з розподілом за джерелами фінансування (дотація, власний внесок, якщо він потрібен),
- **результати** – що буде наслідком завдання і як ви це перевірите,
- **дані організації** – відповідно до реєстру (наприклад, KRS), а також особи, уповноважені її представляти.

> [!warning]
> Перевірте в оголошенні, як і до якого строку подають пропозицію та які додатки потрібні. Пропозицію, подану із запізненням або в інший спосіб, можуть не розглянути.

Маєте сумніви щодо кошторису чи власного внеску? [Консультаційний пункт](poradnik:gdzie-szukac-pomocy) допомагає з питань фінансів і бухгалтерії.`,
          },
        },
      },
    ],
  },
  {
    slug: 'komisja-konkursowa',
    chapter: 'dotacje',
    tags: ['finansowanie-bezzwrotne', 'wsparcie-ngo'],
    related: ['otwarty-konkurs-ofert'],
    links: [],
    reviewedOn: REVIEWED,
    versions: [
      {
        inForceFrom: '2026-01-01',
        content: {
          pl: {
            title: 'Komisja konkursowa',
            summary: 'Oferty w otwartym konkursie opiniuje komisja, w której zasiadają przedstawiciele Miasta i organizacji pozarządowych.',
            body: `Do opiniowania ofert złożonych w otwartym konkursie Miasto powołuje **komisję konkursową** (art. 15 ustawy). W jej skład wchodzą przedstawiciele Miasta oraz osoby wskazane przez organizacje pozarządowe.

- Komisja ocenia oferty według kryteriów z ogłoszenia.
- O wyborze ofert i wysokości dotacji decyduje Miasto, po zapoznaniu się z opinią komisji.

> [!info]
> Organizacje mogą zgłaszać kandydatów do komisji konkursowych. O naborze Miasto informuje na stronie ngo.krakow.pl.`,
          },
          en: {
            title: "The call's assessment committee",
            summary: 'Offers in an open call are assessed by a committee of representatives of the City and of NGOs.',
            body: `To give its opinion on the offers submitted in an open call, the City appoints an **assessment committee** (komisja konkursowa, art. 15 of the act). Its members are representatives of the City and people nominated by NGOs.

- The committee assesses the offers against the criteria in the announcement.
- The City decides which offers are chosen and how large the grants are, having read the committee's opinion.

> [!info]
> Organisations can nominate candidates for assessment committees. The City announces each call for candidates on ngo.krakow.pl.`,
          },
          uk: {
            title: 'Конкурсна комісія',
            summary: 'Пропозиції у відкритому конкурсі оцінює комісія, до якої входять представники міста та неурядових організацій.',
            body: `Щоб висловити думку щодо пропозицій, поданих на відкритий конкурс, місто створює **конкурсну комісію** (ст. 15 закону). До неї входять представники міста та особи, яких висунули неурядові організації.

- Комісія оцінює пропозиції за критеріями з оголошення.
- Про вибір пропозицій і розмір дотацій вирішує місто, ознайомившись із висновком комісії.

> [!info]
> Організації можуть висувати кандидатів до конкурсних комісій. Про набір місто повідомляє на сайті ngo.krakow.pl.`,
          },
        },
      },
    ],
  },
  {
    slug: 'male-granty',
    chapter: 'dotacje',
    tags: ['finansowanie-bezzwrotne', 'wspolnoty-lokalne', 'kultura'],
    related: ['otwarty-konkurs-ofert', 'jak-przygotowac-oferte', 'umowa-i-sprawozdanie'],
    links: [{ kind: 'advice', topic: 'finansowanie-bezzwrotne' }, { kind: 'events', q: 'granty' }],
    reviewedOn: REVIEWED,
    versions: [
      {
        inForceFrom: '2025-01-01',
        note: 'Pierwsze wydanie',
        content: {
          pl: {
            title: 'Małe granty (art. 19a)',
            summary: 'Dotacja na niewielkie zadanie bez konkursu: do 10 000 zł, na zadanie trwające do 90 dni.',
            body: `Tryb małych grantów (art. 19a ustawy) pozwala otrzymać dotację **z pominięciem otwartego konkursu ofert**. Jest przeznaczony na niewielkie zadania o charakterze lokalnym lub regionalnym.

## Warunki

- wysokość dofinansowania lub finansowania zadania nie przekracza **10 000 zł**,
- zadanie jest realizowane w okresie **nie dłuższym niż 90 dni**.

## Jak to przebiega

1. Organizacja składa ofertę.
2. Miasto ocenia celowość realizacji zadania.
3. Oferta jest publikowana, a po rozpatrzeniu uwag Miasto zawiera umowę.

${ISAP}`,
          },
        },
      },
      {
        inForceFrom: '2026-01-01',
        note: 'Dodano roczny limit dla jednej organizacji, limit 20% środków i 7 dni na uwagi; przykładowe kwoty oznaczone',
        content: {
          pl: {
            title: 'Małe granty (art. 19a)',
            summary: 'Dotacja na niewielkie zadanie bez konkursu: do 10 000 zł, na zadanie trwające do 90 dni, po 7 dniach publikacji oferty na uwagi.',
            body: `Tryb małych grantów (art. 19a ustawy) pozwala otrzymać dotację **z pominięciem otwartego konkursu ofert**. Jest przeznaczony na niewielkie zadania o charakterze lokalnym lub regionalnym.

## Warunki

- wysokość dofinansowania lub finansowania zadania nie przekracza **10 000 zł**,
- zadanie jest realizowane w okresie **nie dłuższym niż 90 dni**,
- jedna organizacja może w ten sposób otrzymać od Miasta łącznie **najwyżej 20 000 zł w roku kalendarzowym**,
- łączna kwota takich dotacji nie może przekroczyć **20% środków**, które Miasto przeznacza w danym roku na realizację zadań publicznych przez organizacje.

> [!deadline]
> Miasto publikuje ofertę na **7 dni**. W tym czasie każdy może zgłosić do niej uwagi. Umowę można zawrzeć dopiero po ich rozpatrzeniu.

## Jak to przebiega

1. Organizacja składa ofertę (zobacz [Jak przygotować ofertę](poradnik:jak-przygotowac-oferte)).
2. Miasto ocenia celowość realizacji zadania.
3. Oferta jest publikowana na 7 dni, a po rozpatrzeniu uwag Miasto zawiera umowę.
4. Po zakończeniu zadania organizacja składa [sprawozdanie](poradnik:umowa-i-sprawozdanie).

> [!warning]
> Przykład na 2026 r.: pula środków na małe granty w danym obszarze i terminy składania ofert ustala Miasto w programie współpracy i ogłoszeniach. Kwoty w tym artykule to limity ustawowe, nie gwarancja środków.

${ISAP}`,
          },
          en: {
            title: 'Small grants (art. 19a)',
            summary: 'A grant for a small task without an open call: up to PLN 10,000, for a task lasting up to 90 days, after the offer has been published for comments for 7 days.',
            body: `The small-grant route (art. 19a of the act) lets an organisation receive a grant **without an open call for offers**. It is meant for small tasks of a local or regional nature.

## Conditions

- the funding or co-funding of the task does not exceed **PLN 10,000**,
- the task is carried out within **no more than 90 days**,
- one organisation may receive **at most PLN 20,000 a calendar year** from the City this way,
- such grants together may not exceed **20% of the funds** the City gives NGOs for public tasks that year.

> [!deadline]
> The City publishes the offer for **7 days**. Anyone may comment on it during that time. The agreement can only be signed after the comments have been considered.

## How it works

1. The organisation submits an offer (see [How to prepare an offer](poradnik:jak-przygotowac-oferte)).
2. The City assesses whether the task is worth carrying out.
3. The offer is published for 7 days; after the comments are considered the City signs the agreement.
4. After the task the organisation submits a [report](poradnik:umowa-i-sprawozdanie).

> [!warning]
> Example for 2026: the City sets the small-grant budget and the deadlines in its cooperation programme and announcements. The amounts here are the statutory limits, not a promise of funds.

Check the current text of the act in ISAP (consolidated text: Dz.U. 2024 item 1491).`,
          },
          uk: {
            title: 'Малі гранти (ст. 19a)',
            summary: 'Дотація на невелике завдання без конкурсу: до 10 000 злотих на завдання тривалістю до 90 днів, після 7 днів публікації пропозиції для зауважень.',
            body: `Процедура малих грантів (ст. 19a закону) дає змогу отримати дотацію **без відкритого конкурсу пропозицій**. Вона призначена для невеликих завдань місцевого або регіонального характеру.

## Умови

- сума фінансування або співфінансування завдання не перевищує **10 000 злотих**,
- завдання виконується протягом **не більше ніж 90 днів**,
- одна організація може отримати від міста таким шляхом **не більше ніж 20 000 злотих на календарний рік**,
- загальна сума таких дотацій не може перевищувати **20% коштів**, які місто виділяє цього року на виконання публічних завдань організаціями.

> [!deadline]
> Місто публікує пропозицію на **7 днів**. За цей час кожен може подати до неї зауваження. Угоду можна укласти лише після їх розгляду.

## Як це відбувається

1. Організація подає пропозицію (див. [Як підготувати пропозицію](poradnik:jak-przygotowac-oferte)).
2. Місто оцінює доцільність виконання завдання.
3. Пропозицію публікують на 7 днів, а після розгляду зауважень місто укладає угоду.
4. Після завершення завдання організація подає [звіт](poradnik:umowa-i-sprawozdanie).

> [!warning]
> Приклад на 2026 рік: обсяг коштів на малі гранти та строки подання пропозицій місто визначає у програмі співпраці та оголошеннях. Суми в цій статті – це межі за законом, а не гарантія коштів.

Перевірте чинний текст закону в ISAP (єдиний текст: Dz.U. 2024 poz. 1491).`,
          },
        },
      },
    ],
  },
  {
    slug: 'umowa-i-sprawozdanie',
    chapter: 'dotacje',
    tags: ['finansowanie-bezzwrotne', 'podatki-ksiegowosc'],
    related: ['otwarty-konkurs-ofert', 'male-granty'],
    links: [{ kind: 'advice', topic: 'podatki-ksiegowosc' }],
    reviewedOn: REVIEWED,
    versions: [
      {
        inForceFrom: '2026-01-01',
        content: {
          pl: {
            title: 'Umowa i sprawozdanie',
            summary: 'Po wyborze oferty Miasto zawiera z organizacją umowę. Po wykonaniu zadania organizacja składa sprawozdanie.',
            body: `Dotację przekazuje się na podstawie **umowy** zawartej między Miastem a organizacją. Umowa określa zadanie, termin jego realizacji, wysokość dotacji i sposób jej rozliczenia.

## W trakcie realizacji

- realizuj zadanie zgodnie z ofertą i umową,
- dokumentuj wydatki i działania (faktury, listy obecności, zdjęcia – zgodnie z umową),
- o istotnych zmianach informuj Miasto przed ich wprowadzeniem.

## Po zakończeniu

> [!deadline]
> Termin złożenia sprawozdania podaje umowa. Nie czekaj z nim do ostatniego dnia.

W sprawozdaniu opisujesz, co zostało zrobione, jakie rezultaty osiągnięto i jak wydano dotację. Niewykorzystaną część dotacji zwraca się w terminie wskazanym w umowie.

> [!warning]
> Dotacja wykorzystana niezgodnie z przeznaczeniem podlega zwrotowi. W razie wątpliwości zapytaj opiekuna umowy w urzędzie albo [punkt doradczy](poradnik:gdzie-szukac-pomocy).`,
          },
          en: {
            title: 'The agreement and the report',
            summary: 'Once an offer is chosen, the City signs an agreement with the organisation. After the task, the organisation submits a report.',
            body: `A grant is paid under an **agreement** between the City and the organisation. The agreement sets out the task, when it is carried out, the amount of the grant and how it is accounted for.

## While you carry out the task

- carry out the task as the offer and the agreement say,
- keep records of spending and activities (invoices, attendance lists, photos – as the agreement requires),
- tell the City about important changes before you make them.

## When it is finished

> [!deadline]
> The agreement gives the deadline for the report. Do not leave it to the last day.

In the report you describe what was done, what results were achieved and how the grant was spent. Any unused part of the grant is returned by the date the agreement names.

> [!warning]
> A grant used for anything other than its purpose must be returned. If in doubt, ask the agreement's contact person at the City office or the [advisory point](poradnik:gdzie-szukac-pomocy).`,
          },
          uk: {
            title: 'Угода і звіт',
            summary: 'Після вибору пропозиції місто укладає з організацією угоду. Після виконання завдання організація подає звіт.',
            body: `Дотацію надають на підставі **угоди** між містом і організацією. В угоді визначено завдання, строк його виконання, розмір дотації та спосіб звітування про неї.

## Під час виконання

- виконуйте завдання відповідно до пропозиції та угоди,
- документуйте витрати й заходи (рахунки-фактури, списки присутніх, фото – як вимагає угода),
- про суттєві зміни повідомляйте місто до того, як їх запровадити.

## Після завершення

> [!deadline]
> Строк подання звіту зазначено в угоді. Не відкладайте його на останній день.

У звіті ви описуєте, що зроблено, яких результатів досягнуто і як використано дотацію. Невикористану частину дотації повертають у строк, указаний в угоді.

> [!warning]
> Дотацію, використану не за призначенням, треба повернути. Якщо маєте сумніви, запитайте куратора угоди в міській адміністрації або [консультаційний пункт](poradnik:gdzie-szukac-pomocy).`,
          },
        },
      },
    ],
  },
  {
    slug: 'inicjatywa-lokalna',
    chapter: 'inicjatywa-lokalna',
    tags: ['wspolnoty-lokalne', 'rewitalizacja', 'ekologia-zwierzeta'],
    related: ['wklad-w-inicjatywe-lokalna', 'formy-wspolpracy'],
    links: [{ kind: 'advice', topic: 'prawo' }, { kind: 'events', q: 'inicjatywa' }],
    reviewedOn: REVIEWED,
    versions: [
      {
        inForceFrom: '2026-01-01',
        content: {
          pl: {
            title: 'Inicjatywa lokalna (art. 19b–19h)',
            summary: 'Mieszkańcy – sami lub przez organizację – mogą razem z Miastem zrealizować zadanie publiczne, wnosząc pracę społeczną, świadczenia rzeczowe lub pieniądze.',
            body: `Inicjatywa lokalna to forma współpracy, w której **mieszkańcy** – bezpośrednio albo za pośrednictwem organizacji pozarządowej – realizują zadanie publiczne **wspólnie z Miastem** (art. 19b–19h ustawy). To nie dotacja: Miasto wnosi swój wkład, a mieszkańcy swój.

## Co można zrobić

Przykłady: zagospodarowanie skweru, ogród społecznościowy, remont boiska przy szkole, działania kulturalne czy edukacyjne na osiedlu. Zakres zadań, które mogą być realizowane w tym trybie, określa ustawa.

## Jak to działa w Krakowie

Tryb i szczegółowe kryteria oceny wniosków o realizację zadania w ramach inicjatywy lokalnej określiła Rada Miasta Krakowa w **uchwale nr LXXXI/1969/17 z dnia 30 sierpnia 2017 r.**

1. Mieszkańcy składają wniosek do Miasta.
2. Miasto ocenia wniosek według kryteriów z uchwały, biorąc pod uwagę zwłaszcza wkład mieszkańców.
3. Po pozytywnej ocenie Miasto zawiera z wnioskodawcą umowę o wykonanie inicjatywy lokalnej.

Zobacz też: [Wkład mieszkańców w inicjatywę lokalną](poradnik:wklad-w-inicjatywe-lokalna).

> [!info]
> Wnioskodawcami mogą być także grupy nieformalne – nie trzeba zakładać stowarzyszenia.`,
          },
          en: {
            title: 'Local initiative (art. 19b–19h)',
            summary: 'Residents – on their own or through an organisation – can carry out a public task together with the City, contributing voluntary work, goods or money.',
            body: `A local initiative is a form of cooperation in which **residents** – directly or through an NGO – carry out a public task **together with the City** (art. 19b–19h of the act). It is not a grant: the City brings its contribution and the residents bring theirs.

## What can be done

Examples: laying out a small square, a community garden, repairing a school playing field, cultural or educational activities in a neighbourhood. The act sets out the kinds of tasks that can be carried out this way.

## How it works in Kraków

The procedure and the detailed criteria for assessing applications for a local initiative were set by Kraków City Council in **resolution no. LXXXI/1969/17 of 30 August 2017**.

1. Residents submit an application to the City.
2. The City assesses the application against the criteria in the resolution, looking above all at the residents' contribution.
3. After a positive assessment the City signs an agreement with the applicant to carry out the local initiative.

See also: [The residents' contribution to a local initiative](poradnik:wklad-w-inicjatywe-lokalna).

> [!info]
> Informal groups can apply too – you do not need to found an association.`,
          },
          uk: {
            title: 'Місцева ініціатива (ст. 19b–19h)',
            summary: 'Мешканці – самі або через організацію – можуть разом із містом виконати публічне завдання, вносячи громадську працю, матеріальні внески чи гроші.',
            body: `Місцева ініціатива – це форма співпраці, у якій **мешканці** – безпосередньо або через неурядову організацію – виконують публічне завдання **разом із містом** (ст. 19b–19h закону). Це не дотація: місто робить свій внесок, а мешканці – свій.

## Що можна зробити

Приклади: облаштування скверу, громадський город, ремонт спортивного майданчика біля школи, культурні чи освітні заходи в мікрорайоні. Перелік завдань, які можна виконувати в цьому порядку, визначає закон.

## Як це працює у Кракові

Порядок і детальні критерії оцінки заявок визначила Рада міста Кракова в **ухвалі № LXXXI/1969/17 від 30 серпня 2017 р.**

1. Мешканці подають заявку до міста.
2. Місто оцінює заявку за критеріями ухвали, зважаючи передусім на внесок мешканців.
3. Після позитивної оцінки місто укладає із заявником угоду про виконання місцевої ініціативи.

Див. також: [Внесок мешканців у місцеву ініціативу](poradnik:wklad-w-inicjatywe-lokalna).

> [!info]
> Заявниками можуть бути й неформальні групи – не потрібно створювати асоціацію.`,
          },
        },
      },
    ],
  },
  {
    slug: 'wklad-w-inicjatywe-lokalna',
    chapter: 'inicjatywa-lokalna',
    tags: ['wspolnoty-lokalne', 'wolontariat'],
    related: ['inicjatywa-lokalna'],
    links: [],
    reviewedOn: REVIEWED,
    versions: [
      {
        inForceFrom: '2026-01-01',
        content: {
          pl: {
            title: 'Wkład mieszkańców w inicjatywę lokalną',
            summary: 'Bez wkładu mieszkańców nie ma inicjatywy lokalnej. Może to być praca społeczna, świadczenia rzeczowe albo pieniądze.',
            body: `Wnioskodawcy inicjatywy lokalnej zobowiązują się do wniesienia **wkładu** w jej realizację. Może on mieć postać:

| Rodzaj wkładu | Przykład |
|---|---|
| praca społeczna | sadzenie roślin, malowanie ławek, prowadzenie warsztatów przez wolontariuszy |
| świadczenia rzeczowe | użyczenie narzędzi, sprzętu nagłaśniającego, materiałów |
| świadczenia pieniężne | zbiórka wśród mieszkańców na część kosztów |

Wkład mieszkańców jest jednym z głównych kryteriów oceny wniosku – im lepiej go opiszesz i policzysz, tym łatwiej ocenić inicjatywę.

> [!info]
> Pracę wolontariuszy warto zaplanować w harmonogramie: kto, kiedy i ile godzin.`,
          },
          en: {
            title: "The residents' contribution to a local initiative",
            summary: "There is no local initiative without the residents' contribution. It can be voluntary work, goods or money.",
            body: `The applicants of a local initiative undertake to make a **contribution** to carrying it out. It can take the form of:

| Kind of contribution | Example |
|---|---|
| voluntary work | planting, painting benches, volunteers running workshops |
| goods and services in kind | lending tools, sound equipment, materials |
| money | a collection among residents towards part of the costs |

The residents' contribution is one of the main criteria for assessing the application – the better you describe and count it, the easier it is to assess the initiative.

> [!info]
> Plan the volunteers' work in the timetable: who, when and for how many hours.`,
          },
          uk: {
            title: 'Внесок мешканців у місцеву ініціативу',
            summary: 'Без внеску мешканців немає місцевої ініціативи. Це може бути громадська праця, речі або гроші.',
            body: `Заявники місцевої ініціативи зобов’язуються зробити **внесок** у її реалізацію. Він може мати форму:

| Вид внеску | Приклад |
|---|---|
| громадська праця | висаджування рослин, фарбування лавок, проведення майстер-класів волонтерами |
| речові внески | надання в користування інструментів, звукового обладнання, матеріалів |
| грошові внески | збір коштів серед мешканців на частину витрат |

Внесок мешканців – один із головних критеріїв оцінювання заявки: що краще ви його опишете й порахуєте, то легше оцінити ініціативу.

> [!info]
> Роботу волонтерів варто запланувати в графіку: хто, коли і скільки годин.`,
          },
        },
      },
    ],
  },
  {
    slug: 'konsultacje-z-ngo',
    chapter: 'konsultacje-i-dialog',
    tags: ['wsparcie-ngo', 'prawo'],
    related: ['program-wspolpracy', 'rady-i-komisje-dialogu'],
    links: [{ kind: 'consultations' }, { kind: 'advice', topic: 'prawo' }],
    reviewedOn: REVIEWED,
    versions: [
      {
        inForceFrom: '2026-01-01',
        content: {
          pl: {
            title: 'Konsultacje projektów aktów prawa miejscowego z organizacjami',
            summary: 'Projekty uchwał dotyczące działalności statutowej organizacji Miasto konsultuje z organizacjami i z Radą Działalności Pożytku Publicznego.',
            body: `Zgodnie z art. 5 ust. 5 ustawy Rada Miasta określa w uchwale, jak konsultuje się z organizacjami pozarządowymi i z radą działalności pożytku publicznego **projekty aktów prawa miejscowego** w dziedzinach dotyczących ich działalności statutowej. Tryb konsultacji określają krakowskie uchwały.

## Jak wyglądają konsultacje

Każde ogłoszenie o konsultacjach podaje: cel, przedmiot (projekt aktu), termin rozpoczęcia i zakończenia, formę konsultacji i komórkę urzędu, która za nie odpowiada.

> [!deadline]
> Przykład: konsultacje z organizacjami trwały zwykle 14 dni, a ostatnio około 3 tygodni. Termin każdej konsultacji podaje jej ogłoszenie.

## Jak zgłosić uwagę

Uwagi składa się na formularzu: którego fragmentu dotyczą (§, ust., pkt), jakie jest obecne brzmienie, jakie proponowane, uzasadnienie oraz kto zgłasza (nazwa organizacji, KRS, osoba do kontaktu).

## Co potem

Po zakończeniu konsultacji Miasto publikuje **sprawozdanie**: przy każdej uwadze podaje, czy ją uwzględniono (w całości, częściowo, nie uwzględniono albo uwaga wykracza poza przedmiot konsultacji) wraz z uzasadnieniem.`,
          },
          en: {
            title: 'Consulting draft local acts with NGOs',
            summary: 'The City consults draft resolutions touching NGOs’ statutory work with the NGOs and with the public-benefit council.',
            body: `Under art. 5(5) of the act, the City Council sets by resolution how **draft local acts** in fields touching NGOs' statutory work are consulted with NGOs and with the public-benefit council. Kraków's resolutions define the procedure.

## What a consultation looks like

Each announcement gives the goal, the subject (the draft act), the start and end dates, the forms of consultation and the city unit responsible.

> [!deadline]
> Example: NGO consultations typically ran 14 days, and recent ones about 3 weeks. Each announcement gives its own dates.

## How to send a remark

Remarks come on a form: which fragment (§, ust., pkt), the current wording, the proposed wording, the justification, and who submits (the organisation's name, KRS, contact person).

## Afterwards

When it closes, the City publishes a **consultation report**: for each remark, whether it was accepted, partly accepted, not accepted or out of scope, with a justification.`,
          },
          uk: {
            title: 'Консультації проєктів актів місцевого права з організаціями',
            summary: 'Проєкти ухвал, що стосуються статутної діяльності організацій, місто консультує з організаціями та з Радою діяльності суспільної користі.',
            body: `Відповідно до ст. 5 ч. 5 закону міська рада визначає в ухвалі, як з неурядовими організаціями та з радою діяльності суспільної користі консультують **проєкти актів місцевого права** у сферах, що стосуються їхньої статутної діяльності. Порядок консультацій визначають краківські ухвали.

## Як проходять консультації

У кожному оголошенні про консультації зазначено: мету, предмет (проєкт акта), дату початку й завершення, форму консультацій і підрозділ міської адміністрації, який за них відповідає.

> [!deadline]
> Приклад: консультації з організаціями зазвичай тривали 14 днів, а останнім часом – близько 3 тижнів. Строк кожної консультації зазначено в її оголошенні.

## Як подати зауваження

Зауваження подають на формулярі: якого фрагмента вони стосуються (§, ч., п.), яке чинне формулювання, яке пропоноване, обґрунтування, а також хто подає (назва організації, KRS, контактна особа).

## Що далі

Після завершення консультацій місто публікує **звіт**: щодо кожного зауваження зазначає, чи його враховано (повністю, частково, не враховано, або зауваження виходить за межі предмета консультацій), з обґрунтуванням.`,
          },
        },
      },
    ],
  },
  {
    slug: 'rady-i-komisje-dialogu',
    chapter: 'konsultacje-i-dialog',
    tags: ['wsparcie-ngo', 'wspolnoty-lokalne'],
    related: ['konsultacje-z-ngo', 'wspolpraca-pozafinansowa'],
    links: [{ kind: 'events', q: 'forum' }],
    reviewedOn: REVIEWED,
    versions: [
      {
        inForceFrom: '2026-01-01',
        content: {
          pl: {
            title: 'Rady i komisje dialogu: KRDPP i KDO',
            summary: 'Krakowska Rada Działalności Pożytku Publicznego i Komisje Dialogu Obywatelskiego to stałe miejsca rozmowy organizacji z Miastem.',
            body: `## Krakowska Rada Działalności Pożytku Publicznego (KRDPP)

Rada działalności pożytku publicznego to organ konsultacyjny i opiniodawczy, w którym zasiadają przedstawiciele organizacji pozarządowych oraz władz Miasta. Opiniuje m.in. projekty dotyczące współpracy z organizacjami, w tym [program współpracy](poradnik:program-wspolpracy).

## Komisje Dialogu Obywatelskiego (KDO)

Komisje Dialogu Obywatelskiego działają przy wydziałach urzędu, w poszczególnych obszarach (np. kultura, sport, pomoc społeczna). Skupiają organizacje działające w danym obszarze i są miejscem bieżącej wymiany informacji, opiniowania i planowania.

> [!info]
> Informacje o składzie, naborach i posiedzeniach KRDPP i KDO Miasto publikuje na ngo.krakow.pl.`,
          },
          en: {
            title: 'Councils and dialogue committees: KRDPP and KDO',
            summary: 'The Kraków Public Benefit Council and the Civic Dialogue Committees are the standing places where NGOs and the City talk.',
            body: `## Kraków Public Benefit Council (KRDPP)

A public benefit council is a consultative and advisory body of representatives of NGOs and of the City's authorities. Among other things, it gives its opinion on drafts concerning cooperation with NGOs, including the [cooperation programme](poradnik:program-wspolpracy).

## Civic Dialogue Committees (KDO)

Civic Dialogue Committees work alongside the City office's departments, each in its own field (e.g. culture, sport, social welfare). They bring together the organisations active in that field and are a place for sharing information, giving opinions and planning.

> [!info]
> The City publishes the members, calls for candidates and meetings of the KRDPP and the KDOs on ngo.krakow.pl.`,
          },
          uk: {
            title: 'Ради та комісії діалогу: KRDPP і KDO',
            summary: 'Краківська рада діяльності суспільної користі та Комісії громадянського діалогу – постійні майданчики розмови організацій з містом.',
            body: `## Краківська рада діяльності суспільної користі (KRDPP)

Рада діяльності суспільної користі – консультативно-дорадчий орган, до якого входять представники неурядових організацій і міської влади. Вона висловлює думку, зокрема, щодо проєктів, які стосуються співпраці з організаціями, у тому числі щодо [програми співпраці](poradnik:program-wspolpracy).

## Комісії громадянського діалогу (KDO)

Комісії громадянського діалогу діють при департаментах міської адміністрації, кожна у своїй сфері (наприклад, культура, спорт, соціальна допомога). Вони об’єднують організації, що працюють у цій сфері, і є місцем постійного обміну інформацією, висловлення думок і планування.

> [!info]
> Інформацію про склад, набори та засідання KRDPP і KDO місто публікує на сайті ngo.krakow.pl.`,
          },
        },
      },
    ],
  },
  {
    slug: 'program-wspolpracy',
    chapter: 'konsultacje-i-dialog',
    tags: ['wsparcie-ngo', 'prawo'],
    related: ['formy-wspolpracy', 'konsultacje-z-ngo'],
    links: [{ kind: 'consultations' }],
    reviewedOn: REVIEWED,
    versions: [
      {
        inForceFrom: '2026-01-01',
        content: {
          pl: {
            title: 'Roczny program współpracy',
            summary: 'Co roku Rada Miasta uchwala program współpracy z organizacjami na kolejny rok, po konsultacjach z organizacjami.',
            body: `Roczny program współpracy z organizacjami pozarządowymi (art. 5a ustawy) określa m.in. cele, zasady i formy współpracy, priorytetowe zadania publiczne, wysokość środków planowanych na ich realizację oraz sposób oceny realizacji programu.

> [!deadline]
> Rada Miasta uchwala program **do 30 listopada** roku poprzedzającego okres jego obowiązywania, po konsultacjach z organizacjami.

> [!deadline]
> Sprawozdanie z realizacji programu za poprzedni rok Prezydent Miasta publikuje w BIP w terminie ustawowym (obecnie **do 31 maja**).

Projekt programu jest konsultowany – to dobry moment, by zgłosić swoje priorytety. Śledź [otwarte konsultacje](poradnik:konsultacje-z-ngo).`,
          },
          en: {
            title: 'The annual cooperation programme',
            summary: 'Every year the City Council adopts a programme of cooperation with NGOs for the following year, after consulting the organisations.',
            body: `The annual programme of cooperation with NGOs (art. 5a of the act) sets out, among other things, the aims, principles and forms of cooperation, the priority public tasks, the money planned for them and how the programme's implementation is assessed.

> [!deadline]
> The City Council adopts the programme **by 30 November** of the year before the one it covers, after consulting the organisations.

> [!deadline]
> The Mayor publishes the report on the previous year's programme in the BIP by the statutory deadline (currently **31 May**).

The draft programme is consulted on – a good moment to put forward your priorities. Follow the [open consultations](poradnik:konsultacje-z-ngo).`,
          },
          uk: {
            title: 'Річна програма співпраці',
            summary: 'Щороку міська рада ухвалює програму співпраці з організаціями на наступний рік після консультацій з ними.',
            body: `Річна програма співпраці з неурядовими організаціями (ст. 5a закону) визначає, зокрема, цілі, принципи та форми співпраці, пріоритетні публічні завдання, суму коштів, запланованих на їх виконання, і спосіб оцінювання виконання програми.

> [!deadline]
> Міська рада ухвалює програму **до 30 листопада** року, що передує року її дії, після консультацій з організаціями.

> [!deadline]
> Звіт про виконання програми за попередній рік Президент міста публікує в BIP у строк, визначений законом (нині **до 31 травня**).

Проєкт програми виносять на консультації – це слушний момент, щоб запропонувати свої пріоритети. Стежте за [відкритими консультаціями](poradnik:konsultacje-z-ngo).`,
          },
        },
      },
      {
        inForceFrom: '2027-01-01',
        note: 'Program na 2027 r. (przykład zaplanowanej publikacji)',
        content: {
          pl: {
            title: 'Roczny program współpracy',
            summary: 'Co roku Rada Miasta uchwala program współpracy z organizacjami na kolejny rok, po konsultacjach z organizacjami. Od 1 stycznia 2027 r. obowiązuje program na 2027 r.',
            body: `Roczny program współpracy z organizacjami pozarządowymi (art. 5a ustawy) określa m.in. cele, zasady i formy współpracy, priorytetowe zadania publiczne, wysokość środków planowanych na ich realizację oraz sposób oceny realizacji programu.

> [!deadline]
> Rada Miasta uchwala program **do 30 listopada** roku poprzedzającego okres jego obowiązywania, po konsultacjach z organizacjami.

> [!deadline]
> Sprawozdanie z realizacji programu za poprzedni rok Prezydent Miasta publikuje w BIP w terminie ustawowym (obecnie **do 31 maja**).

Od 1 stycznia 2027 r. obowiązuje program na 2027 r. Przykład: priorytety i kwoty na dany rok znajdziesz w tekście uchwały w BIP.`,
          },
          en: {
            title: 'The annual cooperation programme',
            summary: 'Every year the City Council adopts a programme of cooperation with NGOs for the following year, after consulting the organisations. From 1 January 2027 the programme for 2027 applies.',
            body: `The annual programme of cooperation with NGOs (art. 5a of the act) sets out, among other things, the aims, principles and forms of cooperation, the priority public tasks, the money planned for them and how the programme's implementation is assessed.

> [!deadline]
> The City Council adopts the programme **by 30 November** of the year before the one it covers, after consulting the organisations.

> [!deadline]
> The Mayor publishes the report on the previous year's programme in the BIP by the statutory deadline (currently **31 May**).

From 1 January 2027 the programme for 2027 applies. For example, the priorities and amounts for the year are in the text of the resolution in the BIP.`,
          },
          uk: {
            title: 'Річна програма співпраці',
            summary: 'Щороку міська рада ухвалює програму співпраці з організаціями на наступний рік після консультацій з ними. З 1 січня 2027 р. діє програма на 2027 рік.',
            body: `Річна програма співпраці з неурядовими організаціями (ст. 5a закону) визначає, зокрема, цілі, принципи та форми співпраці, пріоритетні публічні завдання, суму коштів, запланованих на їх виконання, і спосіб оцінювання виконання програми.

> [!deadline]
> Міська рада ухвалює програму **до 30 листопада** року, що передує року її дії, після консультацій з організаціями.

> [!deadline]
> Звіт про виконання програми за попередній рік Президент міста публікує в BIP у строк, визначений законом (нині **до 31 травня**).

З 1 січня 2027 р. діє програма на 2027 рік. Приклад: пріоритети та суми на відповідний рік ви знайдете в тексті ухвали в BIP.`,
          },
        },
      },
    ],
  },
  {
    slug: 'lokale-i-patronat',
    chapter: 'formy-wspolpracy',
    tags: ['wsparcie-ngo', 'kultura'],
    related: ['wspolpraca-pozafinansowa'],
    links: [{ kind: 'advice', topic: 'prawo' }],
    reviewedOn: '2025-06-01',
    versions: [
      {
        inForceFrom: '2025-06-01',
        content: {
          pl: {
            title: 'Lokale i patronat',
            summary: 'Miasto może udostępnić organizacji lokal na preferencyjnych warunkach i objąć jej wydarzenie patronatem.',
            body: `## Lokale na preferencyjnych warunkach

Organizacje mogą ubiegać się o najem lokalu użytkowego z zasobu Miasta na preferencyjnych warunkach. Zasady, stawki i tryb ubiegania się określają przepisy Miasta – sprawdź je przed złożeniem wniosku.

## Patronat

Patronat Prezydenta Miasta lub Miasta to wyróżnienie wydarzenia i wsparcie jego promocji. Nie oznacza finansowania. Wniosek składa się z wyprzedzeniem określonym w zasadach przyznawania patronatu.

> [!warning]
> Stawki czynszu i zasady najmu zmieniają się. Traktuj ten artykuł jako wskazówkę, gdzie szukać, a nie jako aktualny cennik.`,
          },
          en: {
            title: 'Premises and patronage',
            summary: 'The City can let premises to an organisation on preferential terms and give its event its patronage.',
            body: `## Premises on preferential terms

Organisations can apply to rent commercial premises owned by the City on preferential terms. The City's rules set out the terms, the rents and how to apply – check them before you submit an application.

## Patronage

The patronage of the Mayor or of the City honours an event and helps to promote it. It does not mean funding. The application is submitted as far in advance as the rules on patronage require.

> [!warning]
> Rents and the rules of renting change. Treat this article as a pointer to where to look, not as a current price list.`,
          },
          uk: {
            title: 'Приміщення та патронат',
            summary: 'Місто може надати організації приміщення на пільгових умовах і взяти її захід під свій патронат.',
            body: `## Приміщення на пільгових умовах

Організації можуть подати заявку на оренду нежитлового приміщення, що належить місту, на пільгових умовах. Умови, ставки та порядок подання заявки визначають міські правила – перевірте їх перед поданням заявки.

## Патронат

Патронат Президента міста або міста – це відзнака заходу та підтримка в його просуванні. Він не означає фінансування. Заявку подають заздалегідь, у строк, визначений правилами надання патронату.

> [!warning]
> Ставки орендної плати та правила оренди змінюються. Сприймайте цю статтю як підказку, де шукати, а не як чинний прейскурант.`,
          },
        },
      },
    ],
  },
  {
    slug: 'gdzie-szukac-pomocy',
    chapter: 'pomoc',
    tags: ['wsparcie-ngo', 'prawo', 'podatki-ksiegowosc', 'nowe-media', 'finansowanie-zwrotne', 'finansowanie-bezzwrotne'],
    related: ['formy-wspolpracy', 'jak-przygotowac-oferte'],
    links: [{ kind: 'advice', topic: 'prawo' }, { kind: 'events', q: 'Akademia' }],
    reviewedOn: REVIEWED,
    versions: [
      {
        inForceFrom: '2026-01-01',
        content: {
          pl: {
            title: 'Gdzie szukać pomocy',
            summary: 'MOWIS, punkt doradczy dla organizacji i grup nieformalnych oraz szkolenia Akademii Kraków dla NGO.',
            body: `## MOWIS

Miejski Ośrodek Wspierania Inicjatyw Społecznych (MOWIS) to jednostka Miasta, która prowadzi serwis ngo.krakow.pl i wspiera organizacje oraz inicjatywy obywatelskie.

## Punkt doradczy

Punkt doradczy pomaga organizacjom i grupom nieformalnym w sprawach:

- prawnych,
- podatków i księgowości,
- nowych mediów,
- finansowania zwrotnego (pożyczki) i bezzwrotnego (dotacje).

Spotkanie może odbyć się osobiście, telefonicznie lub online. Sprawę zgłosisz przez formularz – nie potrzebujesz konta, a stan sprawy sprawdzisz przez link z wiadomości e-mail.

## Szkolenia

Cykl szkoleń **„Akademia Kraków dla NGO”** obejmuje zarządzanie, finanse, prawo, podatki i księgowość w organizacjach. Cykl **„Klauzule społeczne w praktyce”** dotyczy klauzul społecznych w zamówieniach publicznych.`,
          },
          en: {
            title: 'Where to get help',
            summary: 'MOWIS, the advisory point for NGOs and informal groups, and the “Akademia Kraków dla NGO” trainings.',
            body: `## MOWIS

The City's centre for supporting social initiatives (MOWIS) runs ngo.krakow.pl and supports NGOs and civic initiatives.

## The advisory point

The advisory point helps NGOs and informal groups with:

- law,
- taxes and accounting,
- new media,
- repayable finance (loans) and non-repayable finance (grants).

Meetings can be in person, by phone or online. Ask through the form – you need no account, and you can follow your case through the link in your e-mail.

## Trainings

The **“Akademia Kraków dla NGO”** cycle covers management, finance, law, taxes and accounting for NGOs. **“Klauzule społeczne w praktyce”** covers social clauses in public procurement.`,
          },
          uk: {
            title: 'Де шукати допомоги',
            summary: 'MOWIS, консультаційний пункт для організацій і неформальних груп та навчання «Akademia Kraków dla NGO».',
            body: `## MOWIS

Міський центр підтримки громадських ініціатив (MOWIS) веде сайт ngo.krakow.pl і підтримує організації та громадські ініціативи.

## Консультаційний пункт

Консультаційний пункт допомагає організаціям і неформальним групам у питаннях:

- права,
- податків і бухгалтерії,
- нових медіа,
- поворотного (позики) та безповоротного (гранти) фінансування.

Зустріч може відбутися особисто, телефоном або онлайн. Звернутися можна через форму – обліковий запис не потрібен, а стан справи можна перевірити за посиланням з електронного листа.

## Навчання

Цикл **«Akademia Kraków dla NGO»** охоплює управління, фінанси, право, податки та бухгалтерію в організаціях. Цикл **«Klauzule społeczne w praktyce»** стосується соціальних застережень у публічних закупівлях.`,
          },
        },
      },
    ],
  },
];

export interface DemoJourney {
  slug: string;
  tags: string[];
  content: JourneyContent;
}

export const DEMO_JOURNEYS: DemoJourney[] = [
  {
    slug: 'jaka-forma-wsparcia',
    tags: ['finansowanie-bezzwrotne', 'wspolnoty-lokalne'],
    content: {
      kind: 'smart',
      title: { pl: 'Która forma wsparcia pasuje do mojego projektu?', en: 'Which form of support fits my project?', uk: 'Яка форма підтримки підходить для мого проєкту?' },
      summary: {
        pl: 'Kilka pytań, które wskażą właściwą procedurę: konkurs, mały grant, inicjatywę lokalną albo wsparcie pozafinansowe.',
        en: 'A few questions that point you to the right procedure: an open call, a small grant, a local initiative or non-financial support.',
        uk: 'Кілька запитань, які підкажуть відповідну процедуру: конкурс, малий грант, місцеву ініціативу або нефінансову підтримку.',
      },
      start: 'kto',
      nodes: {
        kto: {
          kind: 'question',
          text: { pl: 'Kto chce realizować projekt?', en: 'Who wants to carry out the project?', uk: 'Хто хоче реалізувати проєкт?' },
          answers: [
            { label: { pl: 'Organizacja pozarządowa (stowarzyszenie, fundacja)', en: 'An NGO (association, foundation)', uk: 'Неурядова організація (асоціація, фундація)' }, next: 'pieniadze' },
            { label: { pl: 'Grupa mieszkańców bez organizacji', en: 'A group of residents without an organisation', uk: 'Група мешканців без організації' }, next: 'il' },
          ],
        },
        pieniadze: {
          kind: 'question',
          text: { pl: 'Czy potrzebujesz pieniędzy z budżetu Miasta?', en: 'Do you need money from the City’s budget?', uk: 'Чи потрібні вам кошти з бюджету міста?' },
          answers: [
            { label: { pl: 'Tak, dotacji na zadanie', en: 'Yes, a grant for a task', uk: 'Так, дотація на завдання' }, next: 'skala' },
            { label: { pl: 'Nie, innego wsparcia', en: 'No, other support', uk: 'Ні, іншої підтримки' }, next: 'pozafinansowe' },
          ],
        },
        skala: {
          kind: 'question',
          text: { pl: 'Czy zadanie kosztuje do 10 000 zł i potrwa najwyżej 90 dni?', en: 'Does the task cost up to PLN 10,000 and last 90 days at most?', uk: 'Чи коштує завдання до 10 000 злотих і триває не більше 90 днів?' },
          hint: { pl: 'To limity trybu małych grantów (art. 19a).', en: 'These are the limits of the small-grant route (art. 19a).', uk: 'Це межі процедури малих грантів (ст. 19a).' },
          answers: [
            { label: { pl: 'Tak', en: 'Yes', uk: 'Так' }, next: 'maly-grant' },
            { label: { pl: 'Nie, jest większe lub dłuższe', en: 'No, it is bigger or longer', uk: 'Ні, воно більше або довше' }, next: 'konkurs' },
          ],
        },
        'maly-grant': {
          kind: 'outcome',
          title: { pl: 'Mały grant (art. 19a)', en: 'A small grant (art. 19a)', uk: 'Малий грант (ст. 19a)' },
          text: {
            pl: 'Możesz złożyć ofertę poza konkursem. Pamiętaj o rocznym limicie dla jednej organizacji i o 7 dniach publikacji oferty na uwagi.',
            en: 'You can submit an offer outside a call. Mind the yearly limit for one organisation and the 7 days the offer is published for comments.',
            uk: 'Ви можете подати пропозицію поза конкурсом. Пам’ятайте про річний ліміт для однієї організації та про 7 днів публікації пропозиції для зауважень.',
          },
          articles: ['male-granty', 'jak-przygotowac-oferte'],
          journey: 'maly-grant-krok-po-kroku',
        },
        konkurs: {
          kind: 'outcome',
          title: { pl: 'Otwarty konkurs ofert', en: 'An open call for offers', uk: 'Відкритий конкурс пропозицій' },
          text: {
            pl: 'Większe zadania Miasto zleca w otwartych konkursach ofert. Śledź ogłoszenia i przygotuj ofertę według wzoru z ogłoszenia.',
            en: 'The City commissions bigger tasks through open calls for offers. Watch the announcements and prepare your offer on the form they name.',
            uk: 'Більші завдання місто доручає через відкриті конкурси пропозицій. Стежте за оголошеннями та готуйте пропозицію за зразком з оголошення.',
          },
          articles: ['otwarty-konkurs-ofert', 'jak-przygotowac-oferte'],
          journey: 'oferta-w-konkursie',
        },
        il: {
          kind: 'outcome',
          title: { pl: 'Inicjatywa lokalna', en: 'A local initiative', uk: 'Місцева ініціатива' },
          text: {
            pl: 'Jako mieszkańcy możecie zaproponować Miastu wspólne zadanie i wnieść do niego pracę, rzeczy lub pieniądze. Nie trzeba zakładać organizacji.',
            en: 'As residents you can propose a joint task to the City and contribute work, goods or money. You do not need to found an organisation.',
            uk: 'Як мешканці ви можете запропонувати місту спільне завдання і внести до нього працю, речі або гроші. Створювати організацію не потрібно.',
          },
          articles: ['inicjatywa-lokalna', 'wklad-w-inicjatywe-lokalna'],
          journey: null,
        },
        pozafinansowe: {
          kind: 'outcome',
          title: { pl: 'Współpraca pozafinansowa', en: 'Non-financial cooperation', uk: 'Нефінансова співпраця' },
          text: {
            pl: 'Lokal, patronat, szkolenia, doradztwo, udział w konsultacjach i komisjach dialogu – Miasto wspiera organizacje nie tylko dotacjami.',
            en: 'Premises, patronage, training, advice, consultations and dialogue committees – the City supports NGOs with more than grants.',
            uk: 'Приміщення, патронат, навчання, консультації, участь у консультаціях і комісіях діалогу – місто підтримує організації не лише дотаціями.',
          },
          articles: ['wspolpraca-pozafinansowa', 'lokale-i-patronat', 'gdzie-szukac-pomocy'],
          journey: null,
        },
      },
    },
  },
  {
    slug: 'oferta-w-konkursie',
    tags: ['finansowanie-bezzwrotne'],
    content: {
      kind: 'steps',
      title: { pl: 'Krok po kroku: oferta w otwartym konkursie', en: 'Step by step: an offer in an open call', uk: 'Крок за кроком: пропозиція у відкритому конкурсі' },
      summary: {
        pl: 'Od ogłoszenia konkursu do sprawozdania z wykonania zadania.',
        en: 'From the announcement of the call to the report on the task.',
        uk: 'Від оголошення конкурсу до звіту про виконання завдання.',
      },
      steps: [
        {
          title: { pl: 'Znajdź ogłoszenie konkursu', en: 'Find the announcement', uk: 'Знайдіть оголошення конкурсу' },
          text: { pl: 'Ogłoszenia publikuje Miasto, m.in. w BIP i na ngo.krakow.pl.', en: 'The City publishes announcements, among others in the BIP and on ngo.krakow.pl.', uk: 'Оголошення публікує місто, зокрема в BIP і на ngo.krakow.pl.' },
          deadline: { pl: 'Co najmniej 21 dni przed terminem składania ofert', en: 'At least 21 days before the deadline for offers', uk: 'Щонайменше за 21 день до кінцевого строку подання пропозицій' },
          articles: ['otwarty-konkurs-ofert'],
        },
        {
          title: { pl: 'Sprawdź warunki i kryteria', en: 'Check the conditions and criteria', uk: 'Перевірте умови та критерії' },
          text: { pl: 'Rodzaj zadania, kwota, termin realizacji, kryteria oceny i wymagane załączniki.', en: 'The type of task, the amount, the dates, the assessment criteria and the required attachments.', uk: 'Вид завдання, сума, строки виконання, критерії оцінки та необхідні додатки.' },
          articles: ['otwarty-konkurs-ofert', 'komisja-konkursowa'],
        },
        {
          title: { pl: 'Przygotuj ofertę', en: 'Prepare the offer', uk: 'Підготуйте пропозицію' },
          text: { pl: 'Opis zadania, harmonogram, kosztorys, rezultaty i dane organizacji.', en: 'The description, schedule, budget, results and the organisation’s details.', uk: 'Опис завдання, графік, кошторис, результати та дані організації.' },
          articles: ['jak-przygotowac-oferte'],
        },
        {
          title: { pl: 'Złóż ofertę w terminie', en: 'Submit the offer on time', uk: 'Подайте пропозицію вчасно' },
          text: { pl: 'W sposób podany w ogłoszeniu.', en: 'As the announcement says.', uk: 'У спосіб, зазначений в оголошенні.' },
          deadline: { pl: 'Termin podaje ogłoszenie', en: 'The announcement gives the deadline', uk: 'Строк зазначено в оголошенні' },
          articles: [],
        },
        {
          title: { pl: 'Ocena i wyniki', en: 'Assessment and results', uk: 'Оцінка та результати' },
          text: { pl: 'Komisja konkursowa opiniuje oferty, a Miasto publikuje wyniki.', en: 'The selection committee assesses the offers and the City publishes the results.', uk: 'Конкурсна комісія оцінює пропозиції, а місто публікує результати.' },
          articles: ['komisja-konkursowa'],
        },
        {
          title: { pl: 'Umowa, realizacja i sprawozdanie', en: 'Agreement, delivery and report', uk: 'Угода, виконання та звіт' },
          text: { pl: 'Podpisz umowę, zrealizuj zadanie i rozlicz dotację.', en: 'Sign the agreement, carry out the task and account for the grant.', uk: 'Підпишіть угоду, виконайте завдання та звітуйте про дотацію.' },
          deadline: { pl: 'Termin sprawozdania podaje umowa', en: 'The agreement gives the report deadline', uk: 'Строк звіту зазначено в угоді' },
          articles: ['umowa-i-sprawozdanie'],
        },
      ],
    },
  },
  {
    slug: 'maly-grant-krok-po-kroku',
    tags: ['finansowanie-bezzwrotne', 'wspolnoty-lokalne'],
    content: {
      kind: 'steps',
      title: { pl: 'Krok po kroku: mały grant', en: 'Step by step: a small grant', uk: 'Крок за кроком: малий грант' },
      summary: { pl: 'Jak uzyskać dotację poza konkursem (art. 19a).', en: 'How to get a grant outside a call (art. 19a).', uk: 'Як отримати дотацію поза конкурсом (ст. 19a).' },
      steps: [
        {
          title: { pl: 'Sprawdź, czy zadanie się kwalifikuje', en: 'Check that the task qualifies', uk: 'Перевірте, чи завдання відповідає умовам' },
          text: { pl: 'Do 10 000 zł, najwyżej 90 dni, w limicie 20 000 zł rocznie dla organizacji.', en: 'Up to PLN 10,000, at most 90 days, within PLN 20,000 a year per organisation.', uk: 'До 10 000 злотих, не більше 90 днів, у межах 20 000 злотих на рік для організації.' },
          articles: ['male-granty'],
        },
        {
          title: { pl: 'Złóż ofertę', en: 'Submit the offer', uk: 'Подайте пропозицію' },
          text: { pl: 'Na wzorze oferty, z opisem, harmonogramem i kosztorysem.', en: 'On the offer form, with a description, schedule and budget.', uk: 'За зразком пропозиції, з описом, графіком і кошторисом.' },
          articles: ['jak-przygotowac-oferte'],
        },
        {
          title: { pl: 'Publikacja oferty i uwagi', en: 'Publication and comments', uk: 'Публікація пропозиції та зауваження' },
          text: { pl: 'Miasto publikuje ofertę, a każdy może zgłosić uwagi.', en: 'The City publishes the offer and anyone may comment.', uk: 'Місто публікує пропозицію, і кожен може подати зауваження.' },
          deadline: { pl: '7 dni', en: '7 days', uk: '7 днів' },
          articles: ['male-granty'],
        },
        {
          title: { pl: 'Umowa i realizacja', en: 'Agreement and delivery', uk: 'Угода та виконання' },
          text: { pl: 'Po rozpatrzeniu uwag Miasto zawiera umowę.', en: 'After the comments are considered, the City signs the agreement.', uk: 'Після розгляду зауважень місто укладає угоду.' },
          articles: ['umowa-i-sprawozdanie'],
        },
        {
          title: { pl: 'Sprawozdanie', en: 'Report', uk: 'Звіт' },
          text: { pl: 'Rozlicz zadanie w terminie z umowy.', en: 'Account for the task by the date in the agreement.', uk: 'Звітуйте про завдання у строк, визначений угодою.' },
          articles: ['umowa-i-sprawozdanie'],
        },
      ],
    },
  },
];
