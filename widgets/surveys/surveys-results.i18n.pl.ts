import type { Messages } from '../core/i18n/index.js';

/** Polish strings of `<ngo-survey-results>`: the source of truth, which the other languages are typed against. */
const pl = {
  'results.region': 'Wyniki badania jakości współpracy',
  'results.title': 'Wyniki badania jakości współpracy (LIJW), edycja {edition}',
  'results.respondents': 'Odpowiedzi według grup',
  'results.index': 'Indeks ogółem',
  'results.scale_note': 'Wyniki w skali 0–100 (100 to najlepsza ocena). Odpowiedź „trudno powiedzieć” nie jest liczona. Wyników grup, w których odpowiedziało mniej niż 5 osób, nie pokazujemy.',
  'results.sections': 'Wyniki części według grup',
  'results.sections_chart': 'Wyniki części badania według grup respondentów',
  'results.gap': 'Różnica ocen: {a} i {b}',
  'results.gap_chart': 'Różnica ocen między grupami: {a} i {b}, pytanie po pytaniu',
  'results.gap_value': 'różnica {value}',
  'results.gap_pair': 'Porównaj grupy',
  'results.gap_a': 'Pierwsza grupa',
  'results.gap_b': 'Druga grupa',
  'results.trend': 'Zmiana w kolejnych edycjach',
  'results.trend_chart': 'Indeks i wyniki części w kolejnych edycjach: {group}',
  'results.trend_group': 'Grupa',
  'results.table': 'Tabela danych',
  'results.show_table': 'Pokaż dane w tabeli',
  'results.col.section': 'Część',
  'results.col.item': 'Pytanie',
  'results.col.group': 'Grupa',
  'results.col.edition': 'Edycja',
  'results.col.n': 'Liczba odpowiedzi',
  'results.col.gap': 'Różnica',
  'results.all': 'Wszyscy',
  'results.suppressed': 'n < 5',
  'results.suppressed_long': 'ukryte: mniej niż 5 odpowiedzi',
  'results.no_data': 'brak danych',
  'results.csv': 'Pobierz dane (CSV)',
  'results.days': { one: '{count} dzień', few: '{count} dni', many: '{count} dni', other: '{count} dnia' },
  'results.indicators': 'Wskaźniki obiektywne',
  'results.indicators_note': 'Dane z okresu od {from} do {to}, z innych modułów portalu.',
  'results.agreed': 'Ocena uzgodniona przez wspólny zespół',
  'results.recommendations': 'Rekomendacje',
  'results.not_published': 'Wyniki tej edycji nie zostały jeszcze opublikowane.',
  'results.not_found': 'Nie znaleziono takiego badania lub edycji.',
} satisfies Messages;

export type SurveyResultsSource = typeof pl;
export default pl;
