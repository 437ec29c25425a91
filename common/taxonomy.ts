/** Shared taxonomy: Kraków's districts and the statutory areas of public-benefit activity. Data, not code. */
export { LANGS, type Labels, type Lang } from './langs.js';

export interface District { id: number; roman: string; name: string }

/** The 18 districts (dzielnice) of Kraków. Names are proper nouns, the same in every language. */
export const DISTRICTS: readonly District[] = [
  { id: 1, roman: 'I', name: 'Stare Miasto' },
  { id: 2, roman: 'II', name: 'Grzegórzki' },
  { id: 3, roman: 'III', name: 'Prądnik Czerwony' },
  { id: 4, roman: 'IV', name: 'Prądnik Biały' },
  { id: 5, roman: 'V', name: 'Krowodrza' },
  { id: 6, roman: 'VI', name: 'Bronowice' },
  { id: 7, roman: 'VII', name: 'Zwierzyniec' },
  { id: 8, roman: 'VIII', name: 'Dębniki' },
  { id: 9, roman: 'IX', name: 'Łagiewniki-Borek Fałęcki' },
  { id: 10, roman: 'X', name: 'Swoszowice' },
  { id: 11, roman: 'XI', name: 'Podgórze Duchackie' },
  { id: 12, roman: 'XII', name: 'Bieżanów-Prokocim' },
  { id: 13, roman: 'XIII', name: 'Podgórze' },
  { id: 14, roman: 'XIV', name: 'Czyżyny' },
  { id: 15, roman: 'XV', name: 'Mistrzejowice' },
  { id: 16, roman: 'XVI', name: 'Bieńczyce' },
  { id: 17, roman: 'XVII', name: 'Wzgórza Krzesławickie' },
  { id: 18, roman: 'XVIII', name: 'Nowa Huta' },
];

export const DISTRICT_IDS = DISTRICTS.map((d) => d.id);

/** Kraków's bounding box: [minLon, minLat, maxLon, maxLat]. */
export const KRAKOW_BBOX = [19.79, 49.97, 20.22, 50.13] as const;

export const STAFF_ROLES = ['admin', 'moderator', 'adviser', 'editor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
