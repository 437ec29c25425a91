/**
 * NGO map: taxonomy data and identifier checks shared by the API and `<ngo-map>`.
 * Plain data and pure functions (no zod), so the widget can import them cheaply.
 */
import { labelTranslator } from './i18n.js';
import type { Labels } from './langs.js';

export { KIND_LABELS, ORG_KINDS, tKind, type OrgKind } from './org-kinds.js';

export const ORG_STATUSES = ['pending', 'published', 'archived', 'rejected'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

export const LEGAL_FORMS = {
  stowarzyszenie: { pl: 'Stowarzyszenie', en: 'Association', uk: 'Асоціація' },
  fundacja: { pl: 'Fundacja', en: 'Foundation', uk: 'Фонд' },
  'klub-sportowy': { pl: 'Klub sportowy', en: 'Sports club', uk: 'Спортивний клуб' },
  'uczniowski-klub-sportowy': { pl: 'Uczniowski klub sportowy', en: "Pupils' sports club", uk: 'Учнівський спортивний клуб' },
  'spoldzielnia-socjalna': { pl: 'Spółdzielnia socjalna', en: 'Social cooperative', uk: 'Соціальний кооператив' },
  'kolo-gospodyn-wiejskich': { pl: 'Koło gospodyń wiejskich', en: "Rural women's circle", uk: 'Гурток сільських господинь' },
  'oddzial-terenowy': { pl: 'Oddział terenowy stowarzyszenia', en: 'Local branch of an association', uk: 'Місцеве відділення асоціації' },
  'koscielna-osoba-prawna': { pl: 'Kościelna osoba prawna', en: 'Church legal person', uk: 'Церковна юридична особа' },
  'stowarzyszenie-zwykle': { pl: 'Stowarzyszenie zwykłe', en: 'Ordinary association', uk: 'Звичайна асоціація' },
  inna: { pl: 'Inna forma', en: 'Other form', uk: 'Інша форма' },
} as const satisfies Record<string, Labels>;
export type LegalForm = keyof typeof LEGAL_FORMS;

/** `tLegalForm(lang, form)`: the table above on the translator core (common/i18n.ts); `tKind` is in org-kinds.ts. */
export const tLegalForm = /* @__PURE__ */ labelTranslator(LEGAL_FORMS);

/**
 * Areas of public-benefit activity (art. 4 ust. 1 of the act on public-benefit activity and
 * volunteering), grouped one level up as the national NGO database does. Add a line to add an area.
 */
export interface Area { slug: string; group: AreaGroup; labels: Labels }
export const AREA_GROUPS = {
  social: { pl: 'Pomoc i integracja społeczna', en: 'Social welfare and inclusion', uk: 'Соціальна допомога та інтеграція' },
  education: { pl: 'Edukacja, kultura i sport', en: 'Education, culture and sport', uk: 'Освіта, культура та спорт' },
  health: { pl: 'Zdrowie', en: 'Health', uk: "Здоров'я" },
  economy: { pl: 'Praca i gospodarka', en: 'Work and economy', uk: 'Праця та економіка' },
  community: { pl: 'Społeczność i prawa', en: 'Community and rights', uk: 'Громада та права' },
  environment: { pl: 'Środowisko i bezpieczeństwo', en: 'Environment and safety', uk: 'Довкілля та безпека' },
  state: { pl: 'Państwo i tożsamość', en: 'State and identity', uk: 'Держава та ідентичність' },
} as const satisfies Record<string, Labels>;
export type AreaGroup = keyof typeof AREA_GROUPS;

const a = (slug: string, group: AreaGroup, pl: string, en: string, uk: string): Area => ({ slug, group, labels: { pl, en, uk } });
export const AREAS: readonly Area[] = [
  a('pomoc-spoleczna', 'social', 'Pomoc społeczna', 'Social assistance', 'Соціальна допомога'),
  a('wspieranie-rodziny', 'social', 'Wspieranie rodziny i piecza zastępcza', 'Family support and foster care', 'Підтримка сімʼї та прийомна опіка'),
  a('pomoc-prawna', 'community', 'Nieodpłatna pomoc prawna', 'Free legal aid', 'Безоплатна правова допомога'),
  a('integracja-spoleczna', 'social', 'Integracja i reintegracja społeczna', 'Social integration and reintegration', 'Соціальна інтеграція та реінтеграція'),
  a('dzialalnosc-charytatywna', 'social', 'Działalność charytatywna', 'Charity', 'Благодійність'),
  a('tradycja-narodowa', 'state', 'Tradycja narodowa i świadomość obywatelska', 'National tradition and civic awareness', 'Національні традиції та громадянська свідомість'),
  a('mniejszosci', 'community', 'Mniejszości narodowe i etniczne, język regionalny', 'National and ethnic minorities, regional language', 'Національні та етнічні меншини, регіональна мова'),
  a('integracja-cudzoziemcow', 'social', 'Integracja cudzoziemców', 'Integration of foreigners', 'Інтеграція іноземців'),
  a('zdrowie', 'health', 'Ochrona i promocja zdrowia', 'Health protection and promotion', "Охорона та зміцнення здоров'я"),
  a('niepelnosprawnosc', 'health', 'Osoby z niepełnosprawnościami', 'People with disabilities', 'Люди з інвалідністю'),
  a('zatrudnienie', 'economy', 'Zatrudnienie i aktywizacja zawodowa', 'Employment and job activation', 'Працевлаштування та професійна активізація'),
  a('rownosc-plci', 'community', 'Równe prawa kobiet i mężczyzn', 'Equal rights of women and men', 'Рівні права жінок і чоловіків'),
  a('seniorzy', 'social', 'Działalność na rzecz osób w wieku emerytalnym', 'Older people', 'Люди похилого віку'),
  a('przedsiebiorczosc', 'economy', 'Rozwój przedsiębiorczości', 'Entrepreneurship', 'Розвиток підприємництва'),
  a('innowacje', 'economy', 'Rozwój techniki, wynalazczości i innowacji', 'Technology and innovation', 'Розвиток техніки та інновацій'),
  a('wspolnoty-lokalne', 'community', 'Rozwój wspólnot i społeczności lokalnych', 'Local communities', 'Розвиток місцевих громад'),
  a('edukacja', 'education', 'Nauka, szkolnictwo wyższe, edukacja, oświata i wychowanie', 'Science, education and upbringing', 'Наука, освіта та виховання'),
  a('dzieci-mlodziez', 'education', 'Wypoczynek dzieci i młodzieży', 'Leisure for children and youth', 'Відпочинок дітей та молоді'),
  a('kultura', 'education', 'Kultura, sztuka, ochrona dóbr kultury', 'Culture, arts and heritage', 'Культура, мистецтво та спадщина'),
  a('sport', 'education', 'Wspieranie i upowszechnianie kultury fizycznej', 'Sport and physical culture', 'Спорт і фізична культура'),
  a('ekologia-zwierzeta', 'environment', 'Ekologia, ochrona zwierząt i dziedzictwa przyrodniczego', 'Ecology, animal welfare and nature', 'Екологія, захист тварин і природи'),
  a('turystyka', 'education', 'Turystyka i krajoznawstwo', 'Tourism and sightseeing', 'Туризм і краєзнавство'),
  a('bezpieczenstwo', 'environment', 'Porządek i bezpieczeństwo publiczne', 'Public order and safety', 'Громадський порядок і безпека'),
  a('obronnosc', 'state', 'Obronność państwa', 'National defence', 'Обороноздатність держави'),
  a('prawa-czlowieka', 'community', 'Wolności i prawa człowieka, demokracja', 'Human rights and democracy', 'Права людини та демократія'),
  a('ratownictwo', 'environment', 'Ratownictwo i ochrona ludności', 'Rescue and civil protection', 'Рятувальна справа та цивільний захист'),
  a('pomoc-ofiarom', 'social', 'Pomoc ofiarom katastrof, klęsk żywiołowych i wojen', 'Help for victims of disasters and wars', 'Допомога жертвам катастроф і воєн'),
  a('prawa-konsumentow', 'community', 'Ochrona praw konsumentów', 'Consumer rights', 'Захист прав споживачів'),
  a('integracja-europejska', 'state', 'Integracja europejska i współpraca między społeczeństwami', 'European integration and international cooperation', 'Європейська інтеграція та міжнародна співпраця'),
  a('wolontariat', 'community', 'Promocja i organizacja wolontariatu', 'Volunteering', 'Волонтерство'),
  a('polonia', 'state', 'Polonia i Polacy za granicą', 'Polish diaspora', 'Полонія та поляки за кордоном'),
  a('kombatanci', 'state', 'Kombatanci i osoby represjonowane', 'Veterans and victims of repression', 'Ветерани та репресовані особи'),
  a('promocja-polski', 'state', 'Promocja Rzeczypospolitej Polskiej za granicą', 'Promotion of Poland abroad', 'Промоція Польщі за кордоном'),
  a('rodzina', 'social', 'Rodzina, macierzyństwo i rodzicielstwo', 'Family and parenthood', 'Сімʼя, материнство та батьківство'),
  a('uzaleznienia', 'health', 'Przeciwdziałanie uzależnieniom i patologiom społecznym', 'Preventing addictions', 'Протидія залежностям'),
  a('rewitalizacja', 'community', 'Rewitalizacja', 'Urban regeneration', 'Ревіталізація'),
  a('wsparcie-ngo', 'community', 'Wsparcie organizacji pozarządowych', 'Support for NGOs', 'Підтримка неурядових організацій'),
];
export const AREA_SLUGS = AREAS.map((x) => x.slug);
/** `tArea(lang, slug)`: an area's label; an unknown slug stays as it is. */
export const tArea = /* @__PURE__ */ labelTranslator(() => Object.fromEntries(AREAS.map((x) => [x.slug, x.labels])));

export const TARGET_GROUPS = {
  dzieci: { pl: 'Dzieci', en: 'Children', uk: 'Діти' },
  mlodziez: { pl: 'Młodzież', en: 'Young people', uk: 'Молодь' },
  seniorzy: { pl: 'Seniorzy', en: 'Older people', uk: 'Люди похилого віку' },
  rodziny: { pl: 'Rodziny', en: 'Families', uk: 'Сімʼї' },
  'osoby-z-niepelnosprawnosciami': { pl: 'Osoby z niepełnosprawnościami', en: 'People with disabilities', uk: 'Люди з інвалідністю' },
  cudzoziemcy: { pl: 'Cudzoziemcy', en: 'Foreigners', uk: 'Іноземці' },
  kobiety: { pl: 'Kobiety', en: 'Women', uk: 'Жінки' },
  'osoby-w-kryzysie': { pl: 'Osoby w kryzysie', en: 'People in crisis', uk: 'Люди в кризі' },
  organizacje: { pl: 'Organizacje pozarządowe', en: 'NGOs', uk: 'Неурядові організації' },
  mieszkancy: { pl: 'Wszyscy mieszkańcy', en: 'All residents', uk: 'Усі мешканці' },
} as const satisfies Record<string, Labels>;
export type TargetGroup = keyof typeof TARGET_GROUPS;

/** Languages an organisation can serve people in (ISO 639-1). */
export const SERVICE_LANGUAGES = ['pl', 'en', 'uk', 'ru', 'de', 'fr', 'es', 'pjm'] as const;

/** What an organisation can say about its premises. `stepFree` drives the "accessible premises" filter. */
export const ACCESSIBILITY_FEATURES = ['stepFree', 'accessibleToilet', 'inductionLoop', 'pjm', 'parking'] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

export const MAP_LIMITS = { name: 200, description: 4000, address: 300, phone: 40, url: 300, q: 100, pageSizeMax: 200, reason: 2000, places: 5 } as const;

/**
 * Bounds on the work of one public read: a search takes at most `qTerms` words, a list pages
 * through the first `results` matches (its `total` stops counting there and says so with
 * `totalCapped`), and a cluster viewport spans at most `viewportTiles` map tiles a side.
 */
export const MAP_READ_LIMITS = { qTerms: 6, results: 1000, viewportTiles: 16 } as const;

/** The widest bbox side, in degrees, that a viewport at `zoom` may ask for. */
export const maxViewportSpan = (zoom: number) => (MAP_READ_LIMITS.viewportTiles * 360) / 2 ** zoom;

export { isValidKrs, isValidNip, isValidRegon } from './identifiers.js';

/** Folding and search tokens live in the search kit; re-exported for the map's callers. */
export { foldText, searchTokens } from './search.js';

export const isInKrakow = (lon: number, lat: number) => lon >= 19.79 && lon <= 20.22 && lat >= 49.97 && lat <= 50.13;
