import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import type { Kysely } from 'kysely';
import { ClusterQuery, ClusterResponse, ClusterViewportQuery } from '../../common/map.schema.js';
import type { Database } from '../db/schema.js';
import { cachedRead, memoJson } from '../core/cache.js';
import { notFound } from '../core/errors.js';
import { ErrorResponses, jsonContent } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { ClusterCache, viewport } from './map.clusters.js';
import { findPoints, mapVersion } from './map.repository.js';

/** Server-side clustering of the map's points. Mounted at /v1/map/clusters. */
export const clusterRoutes = createRouter();

const clusterCaches = new WeakMap<Kysely<Database>, ClusterCache>();

/** The clustered points of one filter set at one data version, built once per process. */
function clustersOf(db: Kysely<Database>, version: string, q: z.infer<typeof ClusterQuery> | Omit<z.infer<typeof ClusterQuery>, 'bbox' | 'zoom'>) {
  let cache = clusterCaches.get(db);
  if (!cache) clusterCaches.set(db, (cache = new ClusterCache()));
  const filters = { district: q.district, area: q.area, kind: q.kind, q: q.q, accessible: q.accessible };
  return cache.get(`${version}|${JSON.stringify(filters)}`, () => findPoints(db, filters));
}

clusterRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['map'],
    summary: 'Clusters and single points of the viewport at a zoom level (server-side clustering, for tens of thousands of entries)',
    request: { query: ClusterViewportQuery },
    responses: { 200: jsonContent(ClusterResponse, 'Clusters in the viewport'), 304: { description: 'Not modified' }, ...ErrorResponses },
    middleware: [cachedRead((c) => mapVersion(c.var.db))] as const,
  }),
  (c) => {
    const q = c.req.valid('query');
    const version = c.var.dataVersion;
    return memoJson(c, async () => {
      const entry = await clustersOf(c.var.db, version, q);
      return { ...viewport(entry, q.bbox, q.zoom), total: entry.points.length, version };
    });
  },
);

clusterRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{clusterId}/zoom',
    tags: ['map'],
    summary: 'The zoom level at which a cluster splits',
    request: { params: z.object({ clusterId: z.string().regex(/^\d{1,12}$/, 'A cluster id is a whole number') }), query: ClusterQuery.omit({ bbox: true, zoom: true }) },
    responses: { 200: jsonContent(z.object({ zoom: z.number() }), 'Expansion zoom'), ...ErrorResponses },
  }),
  async (c) => {
    const entry = await clustersOf(c.var.db, await mapVersion(c.var.db), c.req.valid('query'));
    try {
      return c.json({ zoom: entry.index.getClusterExpansionZoom(Number(c.req.valid('param').clusterId)) }, 200);
    } catch {
      throw notFound('Cluster');
    }
  },
);
