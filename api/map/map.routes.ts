import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import type { Context } from 'hono';
import { ACCESSIBILITY_FEATURES, AREAS, AREA_GROUPS, KIND_LABELS, LEGAL_FORMS, ORG_KINDS, SERVICE_LANGUAGES, TARGET_GROUPS } from '../../common/map.js';
import { Organisation, OrganisationListQuery, OrganisationPage } from '../../common/map.schema.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import { cachedRead, memoJson } from '../core/cache.js';
import type { AppEnv } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { ErrorResponses, IdParam, jsonContent } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { clusterRoutes } from './map.clusters.routes.js';
import { organisationsGeoJson, organisationsTable } from './map.export.js';
import { sendCachedFile, tableContent, toCsv, toXlsx, XLSX_TYPE } from '../core/export.js';
import { ownerRoutes } from './map.owner.routes.js';
import { findOrganisations, findPublishedOrganisation, mapVersion } from './map.repository.js';
import { placeRoutes } from './map.places.routes.js';
import { submissionRoutes } from './map.submissions.routes.js';

/**
 * The map's public API, mounted at /v1/map: the published organisations and the vocabularies here,
 * and one router per other resource (clusters, submissions, the owner's entry).
 */
export const mapRoutes = createRouter();

/** Every public read of the map follows its data version. */
const version = (c: Context<AppEnv>) => mapVersion(c.var.db);

mapRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/organisations',
    tags: ['map'],
    summary: 'Published organisations, filtered and paged; `format=geojson|csv|xlsx` exports the whole filtered set',
    description:
      'The exports are built once per version of the data and kept gzipped (send `Accept-Encoding: gzip`), revalidated by ETag, and run a few at a time in a lane of their own with a per-client limit (429). CSV is UTF-8 with a BOM; `dialect=excel-pl` writes `;` and decimal commas for Excel in a Polish locale. XLSX keeps KRS, REGON, NIP and phone numbers as text and coordinates as numbers.',
    request: { query: OrganisationListQuery },
    responses: {
      200: {
        description: 'A page of organisations (JSON), or the filtered set as GeoJSON (RFC 7946), CSV (UTF-8 with BOM) or XLSX',
        content: { 'application/json': { schema: OrganisationPage }, 'application/geo+json': { schema: z.any() }, ...tableContent },
      },
      304: { description: 'Not modified' },
      ...ErrorResponses,
    },
    middleware: [cachedRead(version)] as const,
  }),
  async (c) => {
    const query = c.req.valid('query');
    if (query.format === 'json') {
      return memoJson(c, async () => {
        const { items, total, totalCapped } = await findOrganisations(c.var.db, query, { page: query.page, pageSize: query.pageSize });
        return { items, total, totalCapped, page: query.page, pageSize: query.pageSize };
      });
    }
    const items = async () => (await findOrganisations(c.var.db, query, null)).items;
    if (query.format === 'geojson') {
      return sendCachedFile(c, { filename: 'organisations.geojson', type: 'application/geo+json; charset=utf-8', disposition: 'inline' }, async () => JSON.stringify(organisationsGeoJson(await items())));
    }
    const table = async () => organisationsTable(await items(), query.lang);
    if (query.format === 'xlsx') return sendCachedFile(c, { filename: 'organisations.xlsx', type: XLSX_TYPE }, async () => { const t = await table(); return toXlsx(t.columns, t.rows, 'Organizacje'); });
    return sendCachedFile(c, { filename: 'organisations.csv', type: 'text/csv; charset=utf-8' }, async () => { const t = await table(); return toCsv(t.columns, t.rows, query.dialect); });
  },
);

mapRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/organisations/{id}',
    tags: ['map'],
    summary: 'One published organisation',
    request: { params: IdParam },
    responses: { 200: jsonContent(Organisation, 'The organisation'), 304: { description: 'Not modified' }, ...ErrorResponses },
    middleware: [cachedRead(version)] as const,
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const org = await findPublishedOrganisation(c.var.db, id);
    if (!org) throw notFound('Organisation');
    return c.json(org, 200);
  },
);

const Labels = z.object({ pl: z.string(), en: z.string(), uk: z.string() });
const Taxonomy = z
  .object({
    districts: z.array(z.object({ id: z.number(), roman: z.string(), name: z.string() })),
    areaGroups: z.array(z.object({ slug: z.string(), labels: Labels })),
    areas: z.array(z.object({ slug: z.string(), group: z.string(), labels: Labels })),
    kinds: z.array(z.object({ slug: z.string(), labels: Labels })),
    legalForms: z.array(z.object({ slug: z.string(), labels: Labels })),
    targetGroups: z.array(z.object({ slug: z.string(), labels: Labels })),
    accessibility: z.array(z.string()),
    languages: z.array(z.string()),
  })
  .meta({ id: 'MapTaxonomy' });

const entries = <T>(o: Record<string, T>) => Object.entries(o).map(([slug, labels]) => ({ slug, labels }));
const taxonomy = {
  districts: [...DISTRICTS],
  areaGroups: entries(AREA_GROUPS),
  areas: AREAS.map((a) => ({ slug: a.slug, group: a.group, labels: a.labels })),
  kinds: ORG_KINDS.map((k) => ({ slug: k, labels: KIND_LABELS[k] })),
  legalForms: entries(LEGAL_FORMS),
  targetGroups: entries(TARGET_GROUPS),
  accessibility: [...ACCESSIBILITY_FEATURES],
  languages: [...SERVICE_LANGUAGES],
};

mapRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/taxonomy',
    tags: ['map'],
    summary: 'Districts, areas of activity, kinds and other vocabularies, labelled in pl, en and uk',
    responses: { 200: jsonContent(Taxonomy, 'Taxonomy'), 304: { description: 'Not modified' } },
    middleware: [cachedRead(async () => 'taxonomy-1', { maxAge: 3600 })] as const,
  }),
  (c) => c.json(taxonomy, 200),
);

mapRoutes.route('/clusters', clusterRoutes);
mapRoutes.route('/submissions', submissionRoutes);
mapRoutes.route('/owner', ownerRoutes);
mapRoutes.route('/places', placeRoutes);
