import * as z from './zod.js';
import { TableQuery } from './export.schema.js';
import { LANGS } from './taxonomy.js';
import {
  ACCESSIBILITY_FEATURES, AREA_SLUGS, LEGAL_FORMS, MAP_LIMITS, MAP_READ_LIMITS, ORG_KINDS, ORG_STATUSES, SERVICE_LANGUAGES, TARGET_GROUPS,
  isInKrakow, isValidKrs, isValidNip, isValidRegon, maxViewportSpan, searchTokens,
} from './map.js';
import { PersonalWrite } from './forms.schema.js';

/** Form fields arrive as '' when left empty: treat that as "not given". */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable()).default(null);
const identifier = (check: (v: string) => boolean, what: string) =>
  z.preprocess(blankToNull, z.string().trim().refine(check, { message: `Not a valid ${what} (format or checksum)` }).nullable()).default(null);

export const LocationSchema = z
  .object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) })
  .refine((p) => isInKrakow(p.lon, p.lat), { message: 'The point must lie within Kraków' })
  .meta({ id: 'Location', description: 'WGS84 point inside Kraków' });

const Translation = z.object({ name: z.preprocess(blankToNull, z.displayName().trim().max(MAP_LIMITS.name).nullable()).default(null), description: optionalText(MAP_LIMITS.description) });

export const OrganisationInput = z
  .object({
    name: z.displayName().trim().min(2).max(MAP_LIMITS.name),
    description: z.string().trim().max(MAP_LIMITS.description).default(''),
    translations: z.object({ en: Translation.optional(), uk: Translation.optional() }).default({}),
    kind: z.enum(ORG_KINDS),
    legalForm: z.preprocess(blankToNull, z.enum(Object.keys(LEGAL_FORMS) as [keyof typeof LEGAL_FORMS]).nullable()).default(null),
    krs: identifier(isValidKrs, 'KRS number'),
    regon: identifier(isValidRegon, 'REGON number'),
    nip: identifier(isValidNip, 'NIP number'),
    areas: z.array(z.enum(AREA_SLUGS as [string, ...string[]])).min(1).max(10),
    targetGroups: z.array(z.enum(Object.keys(TARGET_GROUPS) as [keyof typeof TARGET_GROUPS])).max(10).default([]),
    districts: z.array(z.number().int().min(1).max(18)).max(18).default([]),
    cityWide: z.boolean().default(false),
    address: optionalText(MAP_LIMITS.address),
    location: LocationSchema.nullable().default(null),
    website: z.preprocess(blankToNull, z.url({ protocol: /^https?$/ }).max(MAP_LIMITS.url).nullable()).default(null),
    email: z.preprocess(blankToNull, z.email().max(254).nullable()).default(null),
    phone: z.preprocess(blankToNull, z.string().trim().regex(/^\+?[\d\s()-]{6,20}$/, 'Not a phone number').nullable()).default(null),
    languages: z.array(z.enum(SERVICE_LANGUAGES)).max(SERVICE_LANGUAGES.length).default(['pl']),
    accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)).max(ACCESSIBILITY_FEATURES.length).default([]),
  })
  .superRefine((o, ctx) => {
    if (!o.cityWide && o.districts.length === 0) ctx.addIssue({ code: 'custom', path: ['districts'], message: 'Choose at least one district, or mark the organisation city-wide' });
    if (o.kind === 'ngo' && o.legalForm === null) ctx.addIssue({ code: 'custom', path: ['legalForm'], message: 'An NGO needs a legal form' });
  })
  .meta({ id: 'OrganisationInput' });
export type OrganisationInput = z.output<typeof OrganisationInput>;

export const Organisation = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    translations: z.record(z.string(), z.object({ name: z.string().nullable(), description: z.string().nullable() }).partial()),
    kind: z.enum(ORG_KINDS),
    legalForm: z.string().nullable(),
    krs: z.string().nullable(),
    regon: z.string().nullable(),
    nip: z.string().nullable(),
    areas: z.array(z.string()),
    targetGroups: z.array(z.string()),
    districts: z.array(z.number()),
    cityWide: z.boolean(),
    address: z.string().nullable(),
    location: z.object({ lon: z.number(), lat: z.number() }).nullable(),
    website: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    languages: z.array(z.string()),
    accessibility: z.array(z.string()),
    verifiedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;

const csvList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(item).max(40));

/** Filters shared by the list, the exports and the clusters endpoint. Lists are comma-separated. */
export const OrganisationFilters = z.object({
  district: csvList(z.coerce.number().int().min(1).max(18)).optional().meta({ description: 'District numbers 1–18, comma-separated' }),
  area: csvList(z.enum(AREA_SLUGS as [string, ...string[]])).optional(),
  kind: csvList(z.enum(ORG_KINDS)).optional(),
  q: z
    .string()
    .trim()
    .max(MAP_LIMITS.q)
    .refine((q) => searchTokens(q).length <= MAP_READ_LIMITS.qTerms, { message: `Search for at most ${MAP_READ_LIMITS.qTerms} words` })
    .optional()
    .meta({ description: `Words to find (at most ${MAP_READ_LIMITS.qTerms}); diacritics are folded and each word matches as a prefix` }),
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'bbox is minLon,minLat,maxLon,maxLat')
    .transform((s) => s.split(',').map(Number) as [number, number, number, number])
    .optional(),
  accessible: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').optional(),
});
export type OrganisationFilters = z.infer<typeof OrganisationFilters>;

export const OrganisationListQuery = OrganisationFilters.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAP_LIMITS.pageSizeMax).default(50),
  format: z.enum(['json', 'geojson', 'csv', 'xlsx']).default('json'),
  lang: z.enum(LANGS).default('pl'),
  dialect: TableQuery.shape.dialect,
}).superRefine((q, ctx) => {
  // A page starts within the first results; past them, narrowing the filters is the way on.
  if (q.format === 'json' && (q.page - 1) * q.pageSize >= MAP_READ_LIMITS.results) {
    ctx.addIssue({ code: 'too_big', origin: 'number', maximum: Math.ceil(MAP_READ_LIMITS.results / q.pageSize), inclusive: true, path: ['page'], message: `Pages end at result ${MAP_READ_LIMITS.results}: narrow the search or the filters` });
  }
});

export const OrganisationPage = z
  .object({
    items: z.array(Organisation),
    total: z.number().meta({ description: `Matches, counted up to ${MAP_READ_LIMITS.results}` }),
    totalCapped: z.boolean().meta({ description: `True when there are more than ${MAP_READ_LIMITS.results} matches (then \`total\` is ${MAP_READ_LIMITS.results})` }),
    page: z.number(),
    pageSize: z.number(),
  })
  .meta({ id: 'OrganisationPage' });

export const ClusterQuery = OrganisationFilters.extend({
  zoom: z.coerce.number().int().min(0).max(20),
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'bbox is minLon,minLat,maxLon,maxLat')
    .transform((s) => s.split(',').map(Number) as [number, number, number, number])
    .default([19.79, 49.97, 20.22, 50.13]),
});

/** `ClusterQuery` with its bound: the bbox is no wider than a large screen shows at that zoom. */
export const ClusterViewportQuery = ClusterQuery.superRefine((q, ctx) => {
  const span = maxViewportSpan(q.zoom);
  const [minLon, minLat, maxLon, maxLat] = q.bbox;
  if (maxLon - minLon > span || maxLat - minLat > span) {
    ctx.addIssue({ code: 'custom', path: ['bbox'], message: `At zoom ${q.zoom} the bbox may span at most ${Math.round(span * 1e4) / 1e4}° a side: ask for the visible viewport` });
  }
});

/** Compact answer of `/clusters`: `[lon, lat, count, clusterId]` for clusters and `[lon, lat, id, name, kind]` for single points. */
export const ClusterResponse = z
  .object({
    clusters: z.array(z.tuple([z.number(), z.number(), z.number(), z.number()])),
    points: z.array(z.tuple([z.number(), z.number(), z.string(), z.string(), z.string()])),
    total: z.number(),
    version: z.string(),
  })
  .meta({ id: 'ClusterResponse' });

/** `POST /v1/map/submissions`: a new entry or a correction, from the person in `contact`. */
export const SubmissionInput = PersonalWrite.extend({
  type: z.enum(['create', 'correction']),
  organisationId: z.string().max(64).optional(),
  organisation: OrganisationInput,
  note: z.string().trim().max(MAP_LIMITS.reason).default(''),
})
  .superRefine((s, ctx) => {
    if (s.type === 'correction' && !s.organisationId) ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'Say which entry to correct' });
  })
  .meta({ id: 'SubmissionInput' });

export const ORG_STATUS = z.enum(ORG_STATUSES);
export const SUBMISSION_STATUSES = ['unconfirmed', 'pending', 'approved', 'rejected'] as const;

// ---- staff (/v1/admin/map): the responses the staff section reads, typed for the panel and its tests ----

export const SUBMISSION_TYPES = ['create', 'correction', 'owner_edit'] as const;
export const DUPLICATE_REASONS = ['same_krs', 'similar_name', 'same_address'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** A submission waiting for a decision, with its diff against the published entry and hints of duplicates. */
export const QueueItem = z
  .object({
    id: z.string(),
    type: z.enum(SUBMISSION_TYPES),
    status: z.string(),
    organisationId: z.string().nullable(),
    submitter: z.object({ name: z.string(), email: z.string() }),
    note: z.string().nullable(),
    createdAt: z.string(),
    data: OrganisationInput,
    diff: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    duplicates: z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), reasons: z.array(z.enum(DUPLICATE_REASONS)) })),
  })
  .meta({ id: 'MapQueueItem' });
export type QueueItem = z.output<typeof QueueItem>;

/** An entry in any status, as staff see it. */
export const StaffOrganisation = Organisation.extend({ status: z.enum(ORG_STATUSES), ownerEmail: z.string().nullable(), version: z.number() }).meta({ id: 'StaffOrganisation' });
export type StaffOrganisation = z.output<typeof StaffOrganisation>;

export const StaffOrganisationPage = z.object({ items: z.array(StaffOrganisation), total: z.number() });

/** One saved version of an entry. `changedBy`: `staff:<id>`, `submission`, `import` or `demo-seed`. */
export const EntryVersion = z.object({ version: z.number(), status: z.string(), changedBy: z.string(), note: z.string().nullable(), createdAt: z.string() });
export type EntryVersion = z.output<typeof EntryVersion>;

/** `GET /v1/admin/map/organisations/{id}`: the entry with its version history. */
export const StaffEntry = StaffOrganisation.extend({ versions: z.array(EntryVersion) });
export type StaffEntry = z.output<typeof StaffEntry>;

export const RemindersSent = z.object({ sent: z.number() });

/** `GET /v1/map/places`: a street, square or place in Kraków, found by the configured geocoder. */
export const PlaceQuery = z.object({
  q: z.string().trim().min(3).max(200).describe('What to find: a street, square or place in Kraków (3–200 characters), e.g. "Rynek Główny" or "Nowohucka 1"'),
  lang: z.enum(LANGS).default('pl').describe('Language of the place names'),
});

/** One place found: its name as the geocoder writes it, and its point (inside Kraków). */
export const Place = z.object({
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
});

export const PlaceList = z.object({ items: z.array(Place).max(MAP_LIMITS.places) });
