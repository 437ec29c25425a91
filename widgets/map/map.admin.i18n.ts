import { AREAS, KIND_LABELS, LEGAL_FORMS, TARGET_GROUPS } from '../../common/map.js';
import { DISTRICTS, type Labels } from '../../common/taxonomy.js';
import type { Lang } from '../core/i18n/index.js';
import { createLazyTranslator } from '../core/i18n/lazy.js';
import pl from './map.admin.i18n.pl.js';

export type MapAdminSource = typeof pl;
export type MapAdminKey = keyof MapAdminSource;

/**
 * Translator of the map section (then the core strings): Polish bundled, English and Ukrainian
 * loaded on demand (`map.admin.i18n.{en,uk}.ts`), like every widget's dictionaries.
 */
export const tMapAdmin = createLazyTranslator<MapAdminSource>(pl, {
  en: () => import('./map.admin.i18n.en.js').then((m) => m.default),
  uk: () => import('./map.admin.i18n.uk.js').then((m) => m.default),
});

const label = (labels: Record<string, Labels>, v: unknown, lang: Lang) => labels[String(v)]?.[lang] ?? String(v);
const languageNames = new Map<Lang, Intl.DisplayNames>();

function languageName(lang: Lang, code: string): string {
  if (tMapAdmin.has(lang, `lang.${code}`)) return tMapAdmin(lang, `lang.${code}` as MapAdminKey);
  let names = languageNames.get(lang);
  if (!names) languageNames.set(lang, (names = new Intl.DisplayNames([lang], { type: 'language' })));
  return names.of(code) ?? code;
}

/** Who made a version, readably: the signed-in person by name, other staff by id, and the system's sources in words. */
export function formatChangedBy(lang: Lang, by: string, self?: { id: string; name: string }): string {
  if (by.startsWith('staff:')) {
    const id = by.slice('staff:'.length);
    return id === self?.id ? tMapAdmin(lang, 'by.you', { name: self.name }) : tMapAdmin(lang, 'by.staff', { id });
  }
  return tMapAdmin.has(lang, `by.${by}`) ? tMapAdmin(lang, `by.${by}` as MapAdminKey) : by;
}

/** The API's fixed version notes (English) in words; any other note (a rejection reason) as written. */
const VERSION_NOTES = new Map<string, MapAdminKey>([
  ['approved', 'vnote.approved'],
  ['correction approved', 'vnote.correction'],
  ['owner_edit approved', 'vnote.owner_edit'],
  ['edited by staff', 'vnote.edited'],
]);

export function formatVersionNote(lang: Lang, note: string | null): string {
  const key = note ? VERSION_NOTES.get(note) : undefined;
  return key ? tMapAdmin(lang, key) : note || '—';
}

/** Readable text of one `OrganisationInput` field for the diff table: labels for codes, comma lists for arrays, "—" for nothing. */
export function formatValue(lang: Lang, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return '—';
  const items = (Array.isArray(value) ? value : [value]) as unknown[];
  const each = (fn: (v: unknown) => string) => items.map(fn).join(', ');
  switch (field) {
    case 'kind':
      return label(KIND_LABELS, value, lang);
    case 'legalForm':
      return label(LEGAL_FORMS, value, lang);
    case 'areas':
      return each((v) => AREAS.find((a) => a.slug === v)?.labels[lang] ?? String(v));
    case 'targetGroups':
      return each((v) => label(TARGET_GROUPS, v, lang));
    case 'districts':
      return each((v) => {
        const d = DISTRICTS.find((x) => x.id === v);
        return d ? `${d.roman} ${d.name}` : String(v);
      });
    case 'languages':
      return each((v) => languageName(lang, String(v)));
    case 'accessibility':
      return each((v) => (tMapAdmin.has(lang, `a11y.${v}`) ? tMapAdmin(lang, `a11y.${v}` as MapAdminKey) : String(v)));
    case 'location': {
      const p = value as { lat: number; lon: number };
      return `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`;
    }
    case 'translations': {
      const parts = Object.entries(value as Record<string, { name?: string | null; description?: string | null } | undefined>)
        .map(([code, tr]) => [code, [tr?.name, tr?.description].filter(Boolean).join(' – ')] as const)
        .filter(([, text]) => text)
        .map(([code, text]) => `${code.toUpperCase()}: ${text}`);
      return parts.length ? parts.join('; ') : '—';
    }
  }
  if (typeof value === 'boolean') return tMapAdmin(lang, value ? 'yes' : 'no');
  return each((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
}
