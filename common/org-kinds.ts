/**
 * The kinds of organisation, with their labels: a module of its own so that a widget needing only
 * these (the advice form) does not pull the map's whole taxonomy into its page. `common/map.ts`
 * re-exports them.
 */
import { labelTranslator } from './i18n.js';
import type { Labels } from './langs.js';

export const ORG_KINDS = ['ngo', 'informal_group', 'civic_initiative', 'city_unit'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const KIND_LABELS: Record<OrgKind, Labels> = {
  ngo: { pl: 'Organizacja pozarządowa', en: 'Non-governmental organisation', uk: 'Неурядова організація' },
  informal_group: { pl: 'Grupa nieformalna', en: 'Informal group', uk: 'Неформальна група' },
  civic_initiative: { pl: 'Inicjatywa obywatelska', en: 'Civic initiative', uk: 'Громадська ініціатива' },
  city_unit: { pl: 'Jednostka miejska', en: 'City unit', uk: 'Міська установа' },
};

/** `tKind(lang, kind)`: the kinds on the translator core (common/i18n.ts), for exports and mail. */
export const tKind = /* @__PURE__ */ labelTranslator(KIND_LABELS);
