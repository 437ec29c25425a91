import { sql, type SelectQueryBuilder } from 'kysely';
import type { OrgKind, OrgStatus } from '../../common/map.js';
import { MAP_READ_LIMITS, foldText, searchTokens } from '../../common/map.js';
import { intersectIds, tokenRange, type IdSet } from '../core/token-search.js';
import { isPostgres } from '../db/database.js';
import type { DuplicateReason, Organisation, OrganisationFilters, OrganisationInput } from '../../common/map.schema.js';
import { newId, nowIso } from '../core/ids.js';
import { bumpDataVersion, dataVersion } from '../core/cache.js';
import { inTransaction, type Db } from '../core/transaction.js';
import { revokeSecretLinks } from '../core/secret-links.js';
import { OWNER_LINK } from './map.mail.js';
import type { OrganisationTable, SubmissionStatus } from './map.table.js';

type OrgRow = OrganisationTable;

/** The module's data version (see `dataVersion`): bumped on every change the public can see. */
export const mapVersion = (db: Db) => dataVersion(db, 'map');
export const bumpMapVersion = (db: Db) => bumpDataVersion(db, 'map');

function rowValues(input: OrganisationInput) {
  return {
    name: input.name,
    sort_name: foldText(input.name),
    search_text: searchText(tokensOf(input)),
    description: input.description,
    translations: JSON.stringify(input.translations ?? {}),
    kind: input.kind,
    legal_form: input.legalForm,
    krs: input.krs,
    regon: input.regon,
    nip: input.nip?.replace(/[-\s]/g, '') ?? null,
    areas: JSON.stringify(input.areas),
    target_groups: JSON.stringify(input.targetGroups),
    districts: JSON.stringify(input.cityWide ? [] : [...new Set(input.districts)].sort((a, b) => a - b)),
    city_wide: (input.cityWide ? 1 : 0) as 0 | 1,
    address: input.address,
    lon: input.location?.lon ?? null,
    lat: input.location?.lat ?? null,
    website: input.website,
    email: input.email,
    phone: input.phone,
    languages: JSON.stringify(input.languages),
    accessibility: JSON.stringify(input.accessibility),
    step_free: (input.accessibility.includes('stepFree') ? 1 : 0) as 0 | 1,
  };
}

/** The `search_text` column of an entry with these tokens. */
export const searchText = (tokens: string[]) => ` ${tokens.join(' ')} `;

export function tokensOf(input: OrganisationInput): string[] {
  const t = input.translations ?? {};
  return searchTokens([input.name, t.en?.name, t.uk?.name, input.address, input.krs, input.regon, input.nip].filter(Boolean).join(' '));
}

async function writeIndexes(trx: Db, id: string, input: OrganisationInput) {
  await trx.deleteFrom('organisation_area').where('organisation_id', '=', id).execute();
  await trx.deleteFrom('organisation_district').where('organisation_id', '=', id).execute();
  await trx.deleteFrom('organisation_token').where('organisation_id', '=', id).execute();
  const areas = [...new Set(input.areas)];
  if (areas.length) await trx.insertInto('organisation_area').values(areas.map((area) => ({ organisation_id: id, area }))).execute();
  const districts = input.cityWide ? [] : [...new Set(input.districts)];
  if (districts.length) await trx.insertInto('organisation_district').values(districts.map((district) => ({ organisation_id: id, district }))).execute();
  const tokens = tokensOf(input);
  if (tokens.length) await trx.insertInto('organisation_token').values(tokens.map((token) => ({ token, organisation_id: id }))).execute();
}

async function writeVersion(trx: Db, id: string, version: number, status: OrgStatus, data: unknown, changedBy: string, note: string | null) {
  await trx.insertInto('organisation_version').values({ id: newId(), organisation_id: id, version, status, data: JSON.stringify(data), changed_by: changedBy, note, created_at: nowIso() }).execute();
}

export interface ChangeMeta {
  changedBy: string;
  note?: string | null;
}

export async function insertOrganisation(db: Db, input: OrganisationInput, opts: ChangeMeta & { status: OrgStatus; ownerEmail?: string | null; verifiedAt?: string | null; id?: string }): Promise<string> {
  const id = opts.id ?? newId();
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('organisation')
      .values({ id, status: opts.status, ...rowValues(input), owner_email: opts.ownerEmail ?? null, version: 1, verified_at: opts.verifiedAt ?? (opts.status === 'published' ? now : null), reminder_sent_at: null, created_at: now, updated_at: now })
      .execute();
    await writeIndexes(trx, id, input);
    await writeVersion(trx, id, 1, opts.status, input, opts.changedBy, opts.note ?? null);
    if (opts.status === 'published') await bumpMapVersion(trx);
  });
  return id;
}

/** Replaces an entry's data, keeps the old data as a version, and marks it verified. */
export async function updateOrganisation(db: Db, id: string, input: OrganisationInput, opts: ChangeMeta & { status?: OrgStatus; ownerEmail?: string | null }): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await trx.selectFrom('organisation').select(['version', 'status', 'owner_email']).where('id', '=', id).executeTakeFirstOrThrow();
    const status = opts.status ?? current.status;
    const version = current.version + 1;
    const now = nowIso();
    await trx
      .updateTable('organisation')
      .set({ ...rowValues(input), status, version, updated_at: now, verified_at: now, ...(opts.ownerEmail !== undefined ? { owner_email: opts.ownerEmail } : {}) })
      .where('id', '=', id)
      .execute();
    // A new owner (or none): the old owner's edit links stop working.
    if (opts.ownerEmail !== undefined && opts.ownerEmail?.toLowerCase() !== current.owner_email?.toLowerCase()) await revokeSecretLinks(trx, OWNER_LINK, id);
    if (status === 'archived') await revokeSecretLinks(trx, OWNER_LINK, id);
    await writeIndexes(trx, id, input);
    await writeVersion(trx, id, version, status, input, opts.changedBy, opts.note ?? null);
    if (status === 'published' || current.status === 'published') await bumpMapVersion(trx);
  });
}

export async function setOrganisationStatus(db: Db, id: string, status: OrgStatus, opts: ChangeMeta): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const version = row.version + 1;
    await trx.updateTable('organisation').set({ status, version, updated_at: nowIso() }).where('id', '=', id).execute();
    if (status === 'archived') await revokeSecretLinks(trx, OWNER_LINK, id); // publishing again does not bring the old links back
    await writeVersion(trx, id, version, status, toInput(row), opts.changedBy, opts.note ?? null);
    if (status === 'published' || row.status === 'published') await bumpMapVersion(trx);
  });
}

const parse = <T>(s: string | null, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);

/** The public shape of an entry. Never includes the owner's e-mail. */
export function toOrganisation(r: OrgRow): Organisation {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    translations: parse(r.translations, {}),
    kind: r.kind,
    legalForm: r.legal_form,
    krs: r.krs,
    regon: r.regon,
    nip: r.nip,
    areas: parse(r.areas, []),
    targetGroups: parse(r.target_groups, []),
    districts: parse(r.districts, []),
    cityWide: !!r.city_wide,
    address: r.address,
    location: r.lon === null || r.lat === null ? null : { lon: Number(r.lon), lat: Number(r.lat) },
    website: r.website,
    email: r.email,
    phone: r.phone,
    languages: parse(r.languages, []),
    accessibility: parse(r.accessibility, []),
    verifiedAt: r.verified_at,
    updatedAt: r.updated_at,
  };
}

/** An entry as staff see it: any status, with its owner and version. */
export const toStaffOrganisation = (r: OrgRow) => ({ ...toOrganisation(r), status: r.status, ownerEmail: r.owner_email, version: r.version });

/** An entry's data as the input shape, for diffs and corrections. */
export function toInput(r: OrgRow): OrganisationInput {
  const o = toOrganisation(r);
  return {
    name: o.name, description: o.description, translations: o.translations as OrganisationInput['translations'], kind: o.kind,
    legalForm: o.legalForm as OrganisationInput['legalForm'], krs: o.krs, regon: o.regon, nip: o.nip, areas: o.areas,
    targetGroups: o.targetGroups as OrganisationInput['targetGroups'], districts: o.districts, cityWide: o.cityWide, address: o.address,
    location: o.location, website: o.website, email: o.email, phone: o.phone,
    languages: o.languages as OrganisationInput['languages'], accessibility: o.accessibility as OrganisationInput['accessibility'],
  };
}

export async function findOrganisationRow(db: Db, id: string) {
  return db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPublishedOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  const row = await db.selectFrom('organisation').selectAll().where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
  return row && toOrganisation(row);
}

type AnyQuery = SelectQueryBuilder<any, any, any>;

/** The filters, plus a district-scoped staff member's district: only that district's entries, city-wide ones excluded (`inDistrict`). */
export type StaffFilters = OrganisationFilters & { scope?: number | null };

/**
 * A set of candidate ids larger than this is no selective side on its own: the list walks the
 * entries in name order and checks the filter on each row instead, and finds its page after a few
 * hundred rows.
 */
const BROAD = 5000;
/**
 * A filter of at most this many candidates is intersected with the others rather than checked on
 * each candidate's row, when another filter is selective or is as small: the intersection reads each
 * index range once (about 4 ms for a district and an area at 50,000 entries), where reading and
 * checking each candidate's row took 15–30 ms, and the walk in name order, when few entries match
 * both, read all 50,000 rows (110 ms for the count up to its cap).
 */
const INTERSECTABLE = 20_000;

/** How many rows a candidate set has, counted up to `INTERSECTABLE + 1` (one index range read). */
async function sizeOf(db: Db, set: AnyQuery): Promise<number> {
  const { n } = (await db.selectFrom(set.limit(INTERSECTABLE + 1).as('s')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()) as { n: number };
  return Number(n);
}

/** `LIKE` patterns that find `value` as one element of a JSON array column (`[1,12]`, `["kultura"]`). */
const jsonElement = (value: string) => [`[${value}]`, `[${value},%`, `%,${value},%`, `%,${value}]`];

/** One index-backed filter: its candidate ids (a range read of its own index) and the same test on an entry's row. */
interface Filter { ids: IdSet; onRow: (eb: any, t: string) => any }

function indexedFilters(db: Db, f: StaffFilters, statuses: OrgStatus[]): Filter[] {
  const out: Filter[] = [];
  if (f.scope != null) {
    const n = f.scope;
    out.push({
      ids: db.selectFrom('organisation_district').select('organisation_district.organisation_id as id').where('district', '=', n),
      onRow: (eb, t) => eb.or(jsonElement(String(n)).map((p) => eb(`${t}.districts`, 'like', p))),
    });
  }
  for (const token of searchTokens(f.q ?? '').slice(0, MAP_READ_LIMITS.qTerms)) {
    out.push({
      ids: tokenRange(db, 'organisation_token', 'organisation_id', token),
      onRow: (eb, t) => eb(`${t}.search_text`, 'like', `% ${token}%`),
    });
  }
  if (f.district?.length) {
    const d = f.district;
    const inDistricts = db.selectFrom('organisation_district').select('organisation_district.organisation_id as id').where('district', 'in', d);
    const cityWide = db.selectFrom('organisation').select('organisation.id as id').where('city_wide', '=', 1).where('status', 'in', statuses);
    out.push({
      ids: db.selectFrom(inDistricts.union(cityWide).as('d')).select('d.id'),
      onRow: (eb, t) => eb.or([eb(`${t}.city_wide`, '=', 1), ...d.flatMap((n) => jsonElement(String(n)).map((p) => eb(`${t}.districts`, 'like', p)))]),
    });
  }
  if (f.area?.length) {
    const a = f.area;
    out.push({
      ids: db.selectFrom('organisation_area').select('organisation_area.organisation_id as id').where('area', 'in', a),
      onRow: (eb, t) => eb.or(a.map((slug) => eb(`${t}.areas`, 'like', `%${JSON.stringify(slug)}%`))),
    });
  }
  return out;
}

/** The filters that are checked on each candidate row (status, kind, step-free, bbox, broad filters). */
function rowFilters<Q extends AnyQuery>(q: Q, t: string, f: OrganisationFilters, statuses: OrgStatus[], broad: Filter[]): Q {
  let r = q.where(`${t}.status`, 'in', statuses) as Q;
  if (f.kind?.length) r = r.where(`${t}.kind`, 'in', f.kind) as Q;
  if (f.accessible) r = r.where(`${t}.step_free`, '=', 1) as Q;
  if (f.bbox) {
    const [minLon, minLat, maxLon, maxLat] = f.bbox;
    r = r.where(`${t}.lon`, '>=', minLon).where(`${t}.lon`, '<=', maxLon).where(`${t}.lat`, '>=', minLat).where(`${t}.lat`, '<=', maxLat) as Q;
  }
  for (const b of broad) r = r.where((eb: any) => b.onRow(eb, t)) as Q;
  return r;
}

/**
 * The entries matching the filters, as a query over the table alias `o`, driven from the selective
 * side. Each index-backed filter (a search word, the districts, the areas) whose candidate set is
 * small drives the read: the sets are intersected (`INTERSECT`, each a range read of its own index)
 * and each candidate is then read by primary key. The join order is fixed, not left to the planner:
 * SQLite keeps the left side of a `CROSS JOIN` outside, and PostgreSQL cannot flatten a `LATERAL`
 * subquery with an `OFFSET`, so neither can turn it into a walk over every entry that probes the
 * candidates once per row (which PostgreSQL did, for minutes, with stale statistics). A filter
 * that matches a large share of the entries (`BROAD`) is checked on each row instead, from the
 * row's own columns, unless two or more such filters are each small enough to intersect
 * (`INTERSECTABLE`); with no selective filter at all the entries are walked in name order, where a
 * page is found after a few hundred rows.
 */
export async function matchingOrganisations(db: Db, f: StaffFilters, statuses: OrgStatus[] = ['published']): Promise<AnyQuery> {
  return (await drivenMatches(db, f, statuses)).query;
}

/** `matchingOrganisations`, and whether an intersection of candidates drives it (then every match is read anyway, to be sorted). */
async function drivenMatches(db: Db, f: StaffFilters, statuses: OrgStatus[]): Promise<{ query: AnyQuery; driven: boolean }> {
  const filters = indexedFilters(db, f, statuses);
  const sizes = await Promise.all(filters.map((x) => sizeOf(db, x.ids)));
  // Every filter of at most INTERSECTABLE candidates joins the intersection once one is selective, or
  // two are mid-sized: intersecting index ranges costs less than reading each candidate's row to check.
  const small = sizes.map((n) => n <= INTERSECTABLE);
  const driving = sizes.some((n) => n <= BROAD) || small.filter(Boolean).length >= 2 ? small : sizes.map(() => false);
  const drivers = filters.filter((_, i) => driving[i]).map((x) => x.ids);
  const broad = filters.filter((_, i) => !driving[i]);
  if (!drivers.length) return { query: rowFilters(db.selectFrom('organisation as o'), 'o', f, statuses, broad), driven: false };
  const ids = intersectIds(drivers);
  if (isPostgres(db)) {
    const query = db
      .selectFrom(ids.as('c'))
      .crossJoinLateral((eb: any) => rowFilters(eb.selectFrom('organisation').selectAll('organisation').whereRef('organisation.id', '=', 'c.id' as any), 'organisation', f, statuses, broad).offset(0).as('o'));
    return { query, driven: true };
  }
  return { query: rowFilters(db.selectFrom(ids.as('c')).crossJoin('organisation as o').whereRef('o.id', '=', 'c.id' as any), 'o', f, statuses, broad), driven: true };
}

/** The count of matches, up to `cap + 1` rows (then "more than cap"), or all of them when `cap` is null. */
const countQuery = (db: Db, q: AnyQuery, cap: number | null): AnyQuery => {
  const inner = q.select(sql<number>`1`.as('one'));
  return db.selectFrom((cap === null ? inner : inner.limit(cap + 1)).as('m')).select((eb) => eb.fn.countAll<number>().as('n'));
};

export interface FindOptions {
  statuses?: OrgStatus[];
  /** Count every match (staff lists) rather than up to `MAP_READ_LIMITS.results`. */
  exactTotal?: boolean;
}

/**
 * The queries behind one list read: its count (capped unless `exactTotal`) and its page of rows in
 * name order (every match, for exports, when `page` is null). When candidates drive the read, all
 * matches are read to be sorted anyway, so the page's rows carry the count (`count(*) over ()` as
 * `match_count`) and `count` is needed only for a page past the end. Exported for the plan test
 * (`tests/read-plans.test.ts`), which checks their plans at city scale.
 */
export async function organisationListQueries(db: Db, f: StaffFilters, page: { page: number; pageSize: number } | null, options: FindOptions = {}) {
  const { query: base, driven } = await drivenMatches(db, f, options.statuses ?? ['published']);
  let rows = base.selectAll('o');
  if (driven && page) rows = rows.select(sql<number>`count(*) over ()`.as('match_count'));
  rows = rows.orderBy('o.sort_name').orderBy('o.id');
  rows = page ? rows.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : rows.limit(100_000);
  return { count: countQuery(db, base, options.exactTotal ? null : MAP_READ_LIMITS.results), rows, countInRows: driven && page !== null };
}

export async function findOrganisations(db: Db, f: StaffFilters, page: { page: number; pageSize: number } | null, options: FindOptions = {}) {
  const q = await organisationListQueries(db, f, page, options);
  const cap = options.exactTotal ? null : MAP_READ_LIMITS.results;
  const rows = (await q.rows.execute()) as (OrgRow & { match_count?: number })[];
  const counted = q.countInRows && rows.length ? Number(rows[0]!.match_count) : null;
  const n = page ? (counted ?? Number(((await q.count.executeTakeFirstOrThrow()) as { n: number }).n)) : 0;
  const capped = cap !== null && n > cap;
  return { total: page ? (capped ? cap : n) : rows.length, totalCapped: capped, items: rows.map(toOrganisation), rows };
}

/** The query behind `findPoints` (see `organisationListQueries`). */
export const pointsQuery = async (db: Db, f: OrganisationFilters): Promise<AnyQuery> =>
  (await matchingOrganisations(db, { ...f, bbox: undefined })).where('o.lon', 'is not', null).select(['o.id', 'o.lon', 'o.lat', 'o.name', 'o.kind']);

/** Published pinned entries matching the filters, in the smallest shape the clusterer needs. */
export async function findPoints(db: Db, f: OrganisationFilters) {
  const rows = (await (await pointsQuery(db, f)).execute()) as { id: string; lon: number; lat: number; name: string; kind: OrgKind }[];
  return rows.map((r) => ({ id: r.id, lon: Number(r.lon), lat: Number(r.lat), name: r.name, kind: r.kind }));
}

// ---- Submissions -------------------------------------------------------------------------------

export async function insertSubmission(
  db: Db,
  s: { organisationId: string | null; type: 'create' | 'correction' | 'owner_edit'; data: OrganisationInput; note: string; submitterName: string; submitterEmail: string; lang: string; status: SubmissionStatus },
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('organisation_submission')
    .values({
      id, organisation_id: s.organisationId, type: s.type, data: JSON.stringify(s.data), note: s.note || null, submitter_name: s.submitterName,
      submitter_email: s.submitterEmail.toLowerCase(), lang: s.lang, status: s.status, reason: null, created_at: now,
      confirmed_at: s.status === 'pending' ? now : null, decided_at: null, decided_by: null,
    })
    .execute();
  return id;
}

export const findSubmission = (db: Db, id: string) => db.selectFrom('organisation_submission').selectAll().where('id', '=', id).executeTakeFirst();

export async function listSubmissions(db: Db, status: SubmissionStatus, districtScope: number | null) {
  let q = db.selectFrom('organisation_submission').selectAll().where('status', '=', status).orderBy('created_at').limit(500);
  const rows = await q.execute();
  if (districtScope === null) return rows;
  return rows.filter((r) => {
    const d = JSON.parse(r.data) as OrganisationInput;
    return !d.cityWide && d.districts.includes(districtScope);
  });
}

/**
 * Moves a submission from one of `from` to `status`; false when it was not in one of them (another
 * request decided first).
 */
export async function setSubmissionStatus(db: Db, id: string, from: readonly SubmissionStatus[], status: SubmissionStatus, extra: { reason?: string | null; decidedBy?: string | null } = {}): Promise<boolean> {
  const now = nowIso();
  const r = await db
    .updateTable('organisation_submission')
    .set({
      status,
      ...(status === 'pending' ? { confirmed_at: now } : {}),
      ...(status === 'approved' || status === 'rejected' ? { decided_at: now, decided_by: extra.decidedBy ?? null, reason: extra.reason ?? null } : {}),
    })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether the owner's edit of an entry waits for moderation. */
export async function hasPendingOwnerEdit(db: Db, organisationId: string): Promise<boolean> {
  const row = await db.selectFrom('organisation_submission').select('id').where('organisation_id', '=', organisationId).where('status', '=', 'pending').where('type', '=', 'owner_edit').executeTakeFirst();
  return !!row;
}

/** The owner saved the entry unchanged: its data is confirmed as current. */
export async function markVerified(db: Db, id: string, now = new Date()): Promise<void> {
  await db.updateTable('organisation').set({ verified_at: nowIso(now) }).where('id', '=', id).execute();
}

/** Entries that may be the same organisation: same KRS, most of the name's words, or the same address. */
export async function duplicateHints(db: Db, input: OrganisationInput, excludeId: string | null) {
  const hints = new Map<string, { id: string; name: string; status: string; reasons: DuplicateReason[] }>();
  const add = (r: { id: string; name: string; status: string }, reason: DuplicateReason) => {
    if (r.id === excludeId) return;
    const h = hints.get(r.id) ?? { id: r.id, name: r.name, status: r.status, reasons: [] };
    if (!h.reasons.includes(reason)) h.reasons.push(reason);
    hints.set(r.id, h);
  };
  const live = ['published', 'pending'] as OrgStatus[];
  if (input.krs) for (const r of await db.selectFrom('organisation').select(['id', 'name', 'status']).where('krs', '=', input.krs).where('status', 'in', live).execute()) add(r, 'same_krs');
  const words = searchTokens(input.name).filter((w) => w.length > 2);
  if (words.length) {
    const rows = await db
      .selectFrom('organisation_token as t')
      .innerJoin('organisation as o', 'o.id', 't.organisation_id')
      .select(['o.id', 'o.name', 'o.status', (eb) => eb.fn.countAll<number>().as('shared')])
      .where('t.token', 'in', words)
      .where('o.status', 'in', live)
      .groupBy(['o.id', 'o.name', 'o.status'])
      .execute();
    for (const r of rows) {
      const theirs = searchTokens(r.name).filter((w) => w.length > 2).length;
      if (Number(r.shared) / Math.max(words.length, theirs) >= 0.6) add(r, 'similar_name');
    }
  }
  if (input.address) {
    const folded = foldText(input.address);
    const rows = await db.selectFrom('organisation').select(['id', 'name', 'status', 'address']).where('status', 'in', live).where('address', 'is not', null).where('lon', 'is not', null)
      .where('lon', '>=', (input.location?.lon ?? 19.79) - 0.01).where('lon', '<=', (input.location?.lon ?? 20.22) + 0.01).execute();
    for (const r of rows) if (r.address && foldText(r.address) === folded) add(r, 'same_address');
  }
  return [...hints.values()].slice(0, 10);
}

export async function listVersions(db: Db, organisationId: string) {
  return db.selectFrom('organisation_version').selectAll().where('organisation_id', '=', organisationId).orderBy('version', 'desc').execute();
}
