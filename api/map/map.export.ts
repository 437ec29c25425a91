import type { Lang } from '../../common/taxonomy.js';
import { dictionaryTranslator } from '../../common/i18n.js';
import { tArea, tKind, tLegalForm } from '../../common/map.js';
import type { Organisation } from '../../common/map.schema.js';
import type { ExportColumn, ExportTable } from '../core/export.js';

/** RFC 7946 FeatureCollection: `[lon, lat]` order; entries without a pin get a null geometry. */
export function organisationsGeoJson(items: Organisation[]) {
  return {
    type: 'FeatureCollection' as const,
    features: items.map(({ location, ...props }) => ({
      type: 'Feature' as const,
      id: props.id,
      geometry: location ? { type: 'Point' as const, coordinates: [location.lon, location.lat] } : null,
      properties: props,
    })),
  };
}

/** Column headings and the city-wide value, on the translator core (common/i18n.ts). */
const tExport = dictionaryTranslator({
  pl: { cityWide: 'cały Kraków', name: 'Nazwa', kind: 'Rodzaj', legalForm: 'Forma prawna', krs: 'KRS', regon: 'REGON', nip: 'NIP', areas: 'Obszary działania', districts: 'Dzielnice', address: 'Adres', lon: 'Długość geogr.', lat: 'Szerokość geogr.', website: 'Strona www', email: 'E-mail', phone: 'Telefon', description: 'Opis', verifiedAt: 'Zweryfikowano', id: 'Identyfikator' },
  en: { cityWide: 'city-wide', name: 'Name', kind: 'Kind', legalForm: 'Legal form', krs: 'KRS', regon: 'REGON', nip: 'NIP', areas: 'Areas of activity', districts: 'Districts', address: 'Address', lon: 'Longitude', lat: 'Latitude', website: 'Website', email: 'E-mail', phone: 'Phone', description: 'Description', verifiedAt: 'Verified', id: 'Id' },
  uk: { cityWide: 'весь Краків', name: 'Назва', kind: 'Тип', legalForm: 'Правова форма', krs: 'KRS', regon: 'REGON', nip: 'NIP', areas: 'Сфери діяльності', districts: 'Райони', address: 'Адреса', lon: 'Довгота', lat: 'Широта', website: 'Вебсайт', email: 'Ел. пошта', phone: 'Телефон', description: 'Опис', verifiedAt: 'Перевірено', id: 'Ідентифікатор' },
});

const TYPES: Record<string, ExportColumn['type']> = { krs: 'text', regon: 'text', nip: 'text', phone: 'text', lon: 'number', lat: 'number', verifiedAt: 'date' };
const KEYS = ['id', 'name', 'kind', 'legalForm', 'krs', 'regon', 'nip', 'areas', 'districts', 'address', 'lon', 'lat', 'website', 'email', 'phone', 'description', 'verifiedAt'] as const;

/**
 * The filtered set as a table (CSV and XLSX), headers and labels in `lang`: identifiers and phone
 * numbers as text (leading zeros kept), coordinates as numbers, the verification day as a date.
 */
export function organisationsTable(items: Organisation[], lang: Lang): ExportTable {
  const rows = items.map((o) => ({
    ...o,
    name: o.translations[lang]?.name || o.name,
    description: o.translations[lang]?.description || o.description,
    kind: tKind(lang, o.kind),
    legalForm: o.legalForm ? tLegalForm(lang, o.legalForm) : '',
    areas: o.areas.map((a) => tArea(lang, a)),
    districts: o.cityWide ? tExport(lang, 'cityWide') : o.districts,
    lon: o.location?.lon ?? null,
    lat: o.location?.lat ?? null,
  }));
  return { columns: KEYS.map((key) => ({ key, header: tExport(lang, key), type: TYPES[key] })), rows };
}
