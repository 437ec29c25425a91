import type { Messages } from '../core/i18n/index.js';
import type { SurveyResultsSource } from './surveys-results.i18n.pl.js';

/** Ukrainian strings of `<ngo-survey-results>`; loaded only when it shows in Ukrainian. */
const uk: Messages<SurveyResultsSource> = {
  'results.region': 'Результати опитування про якість співпраці',
  'results.title': 'Результати опитування про якість співпраці (LIJW), випуск {edition}',
  'results.respondents': 'Відповіді за групами',
  'results.index': 'Загальний індекс',
  'results.scale_note': 'Оцінки за шкалою 0–100 (100 — найкраща оцінка). Відповідь «важко сказати» не враховується. Результати груп, у яких відповіли менше ніж 5 осіб, не показуються.',
  'results.sections': 'Оцінки частин за групами',
  'results.sections_chart': 'Оцінки частин опитування за групами респондентів',
  'results.gap': 'Розрив в оцінках: {a} і {b}',
  'results.gap_chart': 'Розрив в оцінках між групами {a} і {b}, питання за питанням',
  'results.gap_value': 'розрив {value}',
  'results.gap_pair': 'Порівняти групи',
  'results.gap_a': 'Перша група',
  'results.gap_b': 'Друга група',
  'results.trend': 'Зміни за випусками',
  'results.trend_chart': 'Індекс і оцінки частин у послідовних випусках: {group}',
  'results.trend_group': 'Група',
  'results.table': 'Таблиця даних',
  'results.show_table': 'Показати дані в таблиці',
  'results.col.section': 'Частина',
  'results.col.item': 'Питання',
  'results.col.group': 'Група',
  'results.col.edition': 'Випуск',
  'results.col.n': 'Кількість відповідей',
  'results.col.gap': 'Розрив',
  'results.all': 'Усі',
  'results.suppressed': 'n < 5',
  'results.suppressed_long': 'приховано: менше ніж 5 відповідей',
  'results.no_data': 'немає даних',
  'results.csv': 'Завантажити дані (CSV)',
  'results.days': { one: '{count} день', few: '{count} дні', many: '{count} днів', other: '{count} дня' },
  'results.indicators': 'Об’єктивні показники',
  'results.indicators_note': 'Дані за період з {from} до {to}, з інших модулів порталу.',
  'results.agreed': 'Оцінка, узгоджена спільною робочою групою',
  'results.recommendations': 'Рекомендації',
  'results.not_published': 'Результати цього випуску ще не опубліковано.',
  'results.not_found': 'Такого опитування або випуску не знайдено.',
};

export default uk;
