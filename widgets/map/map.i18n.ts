import type { Messages } from '../core/i18n/index.js';
import { createLazyTranslator } from '../core/i18n/lazy.js';

const pl = {
  'map.region': 'Mapa organizacji pozarządowych i inicjatyw obywatelskich',
  'map.filters': 'Filtry',
  'map.search': 'Szukaj po nazwie, adresie lub numerze KRS',
  'map.search_hint': 'Wystarczy początek słowa, polskie znaki są opcjonalne.',
  'map.area': 'Obszar działania',
  'map.district': 'Dzielnica',
  'map.kind': 'Rodzaj',
  'map.any': 'Wszystkie',
  'map.accessible': 'Tylko lokale dostępne bez barier (bez schodów)',
  'map.in_view': 'Tylko widoczne na mapie',
  'map.clear': 'Wyczyść filtry',
  'map.views': 'Widok',
  'map.show_list': 'Lista',
  'map.show_map': 'Mapa',
  'map.list': 'Lista organizacji',
  'map.count': { one: 'Znaleziono {count} organizację.', few: 'Znaleziono {count} organizacje.', many: 'Znaleziono {count} organizacji.', other: 'Znaleziono {count} organizacji.' },
  'map.count_more': 'Znaleziono ponad {count} organizacji. Zawęź wyszukiwanie lub filtry, aby zobaczyć pozostałe.',
  'map.none': 'Nie znaleziono organizacji. Zmień lub wyczyść filtry.',
  'map.more': 'Pokaż więcej',
  'map.city_wide': 'cały Kraków',
  'map.district_n': 'Dzielnica {n}',
  'map.details': 'Szczegóły organizacji',
  'map.close': 'Zamknij',
  'map.areas': 'Obszary działania',
  'map.districts': 'Dzielnice',
  'map.address': 'Adres',
  'map.contact': 'Kontakt',
  'map.website': 'Strona internetowa',
  'map.email': 'E-mail',
  'map.phone': 'Telefon',
  'map.languages': 'Języki obsługi',
  'map.accessibility': 'Dostępność lokalu',
  'map.acc.stepFree': 'wejście bez schodów',
  'map.acc.accessibleToilet': 'dostępna toaleta',
  'map.acc.inductionLoop': 'pętla indukcyjna',
  'map.acc.pjm': 'tłumacz PJM',
  'map.acc.parking': 'miejsce parkingowe dla osób z niepełnosprawnościami',
  'map.acc.none': 'brak informacji',
  'map.legal_form': 'Forma prawna',
  'map.identifiers': 'Numery rejestrowe',
  'map.verified': 'Dane potwierdzone: {date}',
  'map.no_pin': 'Ta organizacja nie ma adresu na mapie.',
  'map.show_on_map': 'Pokaż na mapie',
  'map.add': 'Dodaj swoją organizację',
  'map.suggest': 'Zaproponuj poprawkę',
  'map.cluster': { one: 'Skupisko: {count} organizacja. Naciśnij, aby przybliżyć.', few: 'Skupisko: {count} organizacje. Naciśnij, aby przybliżyć.', many: 'Skupisko: {count} organizacji. Naciśnij, aby przybliżyć.', other: 'Skupisko: {count} organizacji. Naciśnij, aby przybliżyć.' },
  'map.map_label': 'Mapa. Strzałki przesuwają widok, plus i minus zmieniają przybliżenie, Tab przechodzi po znacznikach.',
  'map.map_error': 'Nie udało się wczytać mapy. Lista organizacji działa nadal.',
  'map.loading_details': 'Wczytywanie szczegółów…',
} as const satisfies Messages;

export type MapSource = typeof pl;
export type MapKey = keyof MapSource;

/** Strings of `<ngo-map>`: Polish bundled, English and Ukrainian loaded when used. */
export const tm = createLazyTranslator<MapSource>(pl, {
  en: () => import('./map.i18n.en.js').then((m) => m.en),
  uk: () => import('./map.i18n.uk.js').then((m) => m.uk),
});
