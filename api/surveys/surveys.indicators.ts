/**
 * The objective indicators beside the opinions: each module's manifest `indicators` hook over the
 * edition's 12 months. Labels of the known keys live here; a key no one labelled shows as itself.
 */
import { labelTranslator } from '../../common/i18n.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Labels, Lang } from '../../common/taxonomy.js';
import type { IndicatorValue } from '../../common/surveys.schema.js';
import type { ModuleManifest } from '../core/module.js';

export const INDICATOR_LABELS: Record<string, Labels> = {
  'consultations.held': { pl: 'Przeprowadzone konsultacje', en: 'Consultations held', uk: 'Проведені консультації' },
  'consultations.remarks': { pl: 'Zgłoszone uwagi', en: 'Remarks received', uk: 'Отримані зауваження' },
  'consultations.accepted_share': { pl: 'Uwagi uwzględnione w całości lub części', en: 'Remarks accepted in full or in part', uk: 'Зауваження, враховані повністю або частково' },
  'map.organisations': { pl: 'Organizacje na mapie', en: 'Organisations on the map', uk: 'Організації на мапі' },
  'map.verified': { pl: 'Wpisy potwierdzone jako aktualne', en: 'Entries verified as current', uk: 'Записи, підтверджені як актуальні' },
  'events.trainings_held': { pl: 'Przeprowadzone szkolenia', en: 'Trainings held', uk: 'Проведені навчання' },
  'events.training_participants': { pl: 'Uczestnicy szkoleń', en: 'Training participants', uk: 'Учасники навчань' },
  'advice.cases_answered': { pl: 'Udzielone porady', en: 'Advice cases answered', uk: 'Надані консультації' },
};

/** An indicator as stored with the edition (frozen at publication): no label, which is given at read time. */
export type StoredIndicator = Omit<IndicatorValue, 'label'>;

const tIndicator = labelTranslator(INDICATOR_LABELS);

export const labelIndicator = (i: StoredIndicator, lang: Lang): IndicatorValue => ({ ...i, label: tIndicator(lang, i.key) });

/** Every module's indicators over the period, in module-list order. A failing module is left out (and logged by the caller). */
export async function collectIndicators(
  db: Kysely<Database>,
  modules: readonly ModuleManifest[],
  period: { from: string; to: string },
  onError: (module: string, err: unknown) => void = () => {},
): Promise<StoredIndicator[]> {
  const out: StoredIndicator[] = [];
  for (const m of modules) {
    if (!m.indicators) continue;
    try {
      for (const i of await m.indicators(db, { from: period.from, to: period.to, lang: 'pl' })) out.push({ module: m.slug, key: i.key, value: i.value, unit: i.unit });
    } catch (err) {
      onError(m.slug, err);
    }
  }
  return out;
}
