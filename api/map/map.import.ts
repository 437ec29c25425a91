import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { OrganisationInput } from '../../common/map.schema.js';
import type { Database } from '../db/schema.js';
import { toFieldIssues } from '../core/validation.js';
import type { FieldIssue } from '../../common/errors.js';

/**
 * CSV columns the importer reads (header names, any order; unknown columns are reported and ignored).
 * Lists (areas, districts, targetGroups, languages, accessibility) are separated by `;` or `,`.
 * `districts` may be `city-wide`. `lon`/`lat` are WGS84 decimal degrees.
 */
export const IMPORT_COLUMNS = ['name', 'description', 'kind', 'legalForm', 'krs', 'regon', 'nip', 'areas', 'targetGroups', 'districts', 'address', 'lon', 'lat', 'website', 'email', 'phone', 'languages', 'accessibility', 'ownerEmail'] as const;

export interface ImportRow { line: number; input: OrganisationInput; ownerEmail: string | null }
export interface ImportProblem { line: number; name: string; issues: FieldIssue[] }

const list = (v: string | undefined) => (v ?? '').split(/[;,]/).map((s) => s.trim()).filter(Boolean);

/** Parses and validates every row; nothing is written. */
export function validateOrganisationsCsv(text: string): { rows: ImportRow[]; problems: ImportProblem[]; unknownColumns: string[] } {
  const records = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as Record<string, string>[];
  const header = records.length ? Object.keys(records[0]!) : [];
  const unknownColumns = header.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h));
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  records.forEach((r, i) => {
    const line = i + 2; // the header is line 1
    const cityWide = (r.districts ?? '').trim().toLowerCase() === 'city-wide';
    const hasPoint = (r.lon ?? '') !== '' || (r.lat ?? '') !== '';
    const candidate = {
      name: r.name ?? '',
      description: r.description ?? '',
      kind: r.kind || 'ngo',
      legalForm: r.legalForm ?? '',
      krs: r.krs ?? '',
      regon: r.regon ?? '',
      nip: r.nip ?? '',
      areas: list(r.areas),
      targetGroups: list(r.targetGroups),
      districts: cityWide ? [] : list(r.districts).map(Number),
      cityWide,
      address: r.address ?? '',
      location: hasPoint ? { lon: Number(r.lon), lat: Number(r.lat) } : null,
      website: r.website ?? '',
      email: r.email ?? '',
      phone: r.phone ?? '',
      languages: r.languages ? list(r.languages) : ['pl'],
      accessibility: list(r.accessibility),
    };
    const parsed = OrganisationInput.safeParse(candidate);
    const ownerEmail = (r.ownerEmail ?? '').trim() || null;
    const issues = parsed.success ? [] : toFieldIssues(parsed.error);
    if (ownerEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(ownerEmail)) issues.push({ path: 'ownerEmail', code: 'invalid_format', message: 'Not an e-mail address' });
    if (issues.length || !parsed.success) problems.push({ line, name: candidate.name, issues });
    else rows.push({ line, input: parsed.data, ownerEmail });
  });
  return { rows, problems, unknownColumns };
}

/** Rows whose KRS is already on the map (published or pending) are skipped rather than duplicated. */
export async function splitDuplicates(db: Kysely<Database>, rows: ImportRow[]) {
  const krs = [...new Set(rows.map((r) => r.input.krs).filter((k): k is string => !!k))];
  const existing = new Set<string>();
  for (let i = 0; i < krs.length; i += 500) {
    const found = await db.selectFrom('organisation').select('krs').where('krs', 'in', krs.slice(i, i + 500)).where('status', 'in', ['published', 'pending']).execute();
    for (const f of found) existing.add(f.krs!);
  }
  const seen = new Set<string>();
  const fresh: ImportRow[] = [];
  const duplicates: ImportRow[] = [];
  for (const r of rows) {
    const k = r.input.krs;
    if (k && (existing.has(k) || seen.has(k))) duplicates.push(r);
    else {
      if (k) seen.add(k);
      fresh.push(r);
    }
  }
  return { fresh, duplicates };
}
