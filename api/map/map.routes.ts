import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { ACCESSIBILITY_FEATURES, AREAS, AREA_GROUPS, KIND_LABELS, LEGAL_FORMS, ORG_KINDS, SERVICE_LANGUAGES, TARGET_GROUPS } from '../../common/map.js';
import { ClusterQuery, ClusterResponse, Organisation, OrganisationInput, OrganisationListQuery, OrganisationPage, SubmissionInput } from '../../common/map.schema.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import { AbuseSchema } from '../../common/abuse.schema.js';
import type { Database } from '../db/schema.js';
import { guardAnonymousWrite } from '../core/abuse.js';
import { memoJson, notModified } from '../core/cache.js';
import { ApiError, notFound } from '../core/errors.js';
import { idempotent } from '../core/idempotency.js';
import { ErrorResponses, IdParam, jsonContent } from '../core/openapi.js';
import { createSecretLink, findSecretLink, markSecretLinkUsed } from '../core/secret-links.js';
import { createRouter } from '../core/validation.js';
import { ClusterCache, viewport } from './map.clusters.js';
import { organisationsCsv, organisationsGeoJson } from './map.export.js';
import { CONFIRM_TTL_MS, confirmMail, linkUrl, OWNER_TTL_MS } from './map.mail.js';
import {
  findOrganisationRow, findOrganisations, findPoints, findPublishedOrganisation, findSubmission, insertOrganisation, insertSubmission,
  diffInputs, mapVersion, setSubmissionStatus, toInput,
} from './map.repository.js';
import { nowIso } from '../core/ids.js';

export const mapRoutes = createRouter();

/** A secret-link token travels in the JSON body, never in the URL, so it stays out of access logs. */
const LinkToken = z.string().min(20).max(100).meta({ description: 'The token of the e-mailed link (`?edit=…`)' });

mapRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/organisations',
    tags: ['map'],
    summary: 'Published organisations, filtered and paged; `format=geojson|csv` exports the whole filtered set',
    request: { query: OrganisationListQuery },
    responses: {
      200: {
        description: 'A page of organisations (JSON), or the filtered set as GeoJSON (RFC 7946) or CSV (UTF-8 with BOM)',
        content: { 'application/json': { schema: OrganisationPage }, 'application/geo+json': { schema: z.any() }, 'text/csv': { schema: z.string() } },
      },
      304: { description: 'Not modified' },
      ...ErrorResponses,
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const version = await mapVersion(c.var.db);
    const cached = notModified(c, version);
    if (cached) return cached as never;
    if (query.format === 'json') {
      return memoJson(c, version, async () => {
        const { items, total } = await findOrganisations(c.var.db, query, { page: query.page, pageSize: query.pageSize });
        return { items, total, page: query.page, pageSize: query.pageSize };
      }) as never;
    }
    const { items } = await findOrganisations(c.var.db, query, null);
    if (query.format === 'geojson') {
      c.header('Content-Disposition', 'inline; filename="organisations.geojson"');
      return c.body(JSON.stringify(organisationsGeoJson(items)), 200, { 'Content-Type': 'application/geo+json; charset=utf-8' }) as never;
    }
    return organisationsCsv(c, items, query.lang) as never;
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
  }),
  async (c) => {
    const version = await mapVersion(c.var.db);
    const cached = notModified(c, version);
    if (cached) return cached as never;
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
  createRoute({ method: 'get', path: '/taxonomy', tags: ['map'], summary: 'Districts, areas of activity, kinds and other vocabularies, labelled in pl, en and uk', responses: { 200: jsonContent(Taxonomy, 'Taxonomy'), 304: { description: 'Not modified' } } }),
  (c) => notModified(c, 'taxonomy-1', 3600) ?? c.json(taxonomy, 200),
);

const clusterCaches = new WeakMap<Kysely<Database>, ClusterCache>();

mapRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/clusters',
    tags: ['map'],
    summary: 'Clusters and single points of the viewport at a zoom level (server-side clustering, for tens of thousands of entries)',
    request: { query: ClusterQuery },
    responses: { 200: jsonContent(ClusterResponse, 'Clusters in the viewport'), 304: { description: 'Not modified' }, ...ErrorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const { db } = c.var;
    const version = await mapVersion(db);
    const cached = notModified(c, version);
    if (cached) return cached as never;
    let cache = clusterCaches.get(db);
    if (!cache) clusterCaches.set(db, (cache = new ClusterCache()));
    const filters = { district: q.district, area: q.area, kind: q.kind, q: q.q, accessible: q.accessible };
    return memoJson(c, version, async () => {
      const entry = await cache.get(`${version}|${JSON.stringify(filters)}`, () => findPoints(db, filters));
      return { ...viewport(entry, q.bbox, q.zoom), total: entry.points.length, version };
    }) as never;
  },
);

mapRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/clusters/{clusterId}/zoom',
    tags: ['map'],
    summary: 'The zoom level at which a cluster splits',
    request: { params: z.object({ clusterId: z.string().regex(/^\d{1,12}$/, 'A cluster id is a whole number') }), query: ClusterQuery.omit({ bbox: true, zoom: true }) },
    responses: { 200: jsonContent(z.object({ zoom: z.number() }), 'Expansion zoom'), ...ErrorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const { db } = c.var;
    const version = await mapVersion(db);
    let cache = clusterCaches.get(db);
    if (!cache) clusterCaches.set(db, (cache = new ClusterCache()));
    const filters = { district: q.district, area: q.area, kind: q.kind, q: q.q, accessible: q.accessible };
    const entry = await cache.get(`${version}|${JSON.stringify(filters)}`, () => findPoints(db, filters));
    try {
      return c.json({ zoom: entry.index.getClusterExpansionZoom(Number(c.req.valid('param').clusterId)) }, 200);
    } catch {
      throw notFound('Cluster');
    }
  },
);

const Accepted = z.object({ id: z.string(), status: z.string() }).meta({ id: 'SubmissionAccepted' });

mapRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/submissions',
    tags: ['map'],
    summary: 'Add an organisation, or suggest a correction to an entry. Lands unconfirmed until the submitter follows the e-mailed link, then waits for moderation.',
    request: { body: { content: { 'application/json': { schema: SubmissionInput } }, required: true } },
    responses: { 202: jsonContent(Accepted, 'Received; a confirmation link was e-mailed'), ...ErrorResponses },
    middleware: [idempotent('map:submission'), guardAnonymousWrite({ scope: 'map:submit', limit: 10, windowSec: 3600 })] as const,
  }),
  async (c) => {
    const body = c.req.valid('json');
    const { db, mailer, config } = c.var;
    let organisationId: string | null = null;
    if (body.type === 'correction') {
      const row = await findOrganisationRow(db, body.organisationId!);
      if (!row || row.status !== 'published') throw notFound('Organisation');
      organisationId = row.id;
    } else {
      organisationId = await insertOrganisation(db, body.organisation, { status: 'pending', ownerEmail: body.contact.email, changedBy: 'submission', note: body.note || null });
    }
    const id = await insertSubmission(db, {
      organisationId, type: body.type, data: body.organisation, note: body.note, submitterName: body.contact.name, submitterEmail: body.contact.email, lang: body.lang, status: 'unconfirmed',
    });
    const link = await createSecretLink(db, { purpose: 'map:confirm', subjectId: id, email: body.contact.email, ttlMs: CONFIRM_TTL_MS });
    await mailer.enqueue({ to: body.contact.email, template: confirmMail, lang: body.lang, data: { name: body.contact.name, organisation: body.organisation.name, link: linkUrl(config, 'confirm', link.token, body.lang) } });
    return c.json({ id, status: 'unconfirmed' }, 202);
  },
);

mapRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/submissions/confirm',
    tags: ['map'],
    summary: 'Confirm a submission with the secret link from the e-mail; it then goes to moderation',
    request: { body: { content: { 'application/json': { schema: z.object({ token: z.string().min(20).max(100) }) } }, required: true } },
    responses: { 200: jsonContent(Accepted, 'Confirmed, waiting for moderation'), ...ErrorResponses },
  }),
  async (c) => {
    const { db } = c.var;
    const link = await findSecretLink(db, c.req.valid('json').token, 'map:confirm');
    const sub = await findSubmission(db, link.subjectId);
    if (!sub) throw new ApiError(404, 'link_invalid', 'This link is no longer valid');
    if (sub.status === 'unconfirmed') await setSubmissionStatus(db, sub.id, 'pending');
    await markSecretLinkUsed(db, link.id);
    return c.json({ id: sub.id, status: sub.status === 'unconfirmed' ? 'pending' : sub.status }, 200);
  },
);

const OwnerView = z.object({ organisationId: z.string(), organisation: OrganisationInput, pendingEdit: z.boolean() }).meta({ id: 'OwnerView' });

mapRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/owner/view',
    tags: ['map'],
    summary: "The owner's own entry, opened with the secret link sent on approval and in the yearly reminder (the token in the body)",
    request: { body: { content: { 'application/json': { schema: z.object({ token: LinkToken }) } }, required: true } },
    responses: { 200: jsonContent(OwnerView, 'The entry as the owner may edit it'), ...ErrorResponses },
  }),
  async (c) => {
    const { db } = c.var;
    c.header('Cache-Control', 'no-store');
    const link = await findSecretLink(db, c.req.valid('json').token, 'map:owner');
    const row = await findOrganisationRow(db, link.subjectId);
    if (!row || row.status !== 'published') throw new ApiError(404, 'link_invalid', 'This link is no longer valid');
    const pending = await db.selectFrom('organisation_submission').select('id').where('organisation_id', '=', row.id).where('status', '=', 'pending').where('type', '=', 'owner_edit').executeTakeFirst();
    return c.json({ organisationId: row.id, organisation: toInput(row), pendingEdit: !!pending }, 200);
  },
);

mapRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/owner/edit',
    tags: ['map'],
    summary: "The owner's edit of their entry, with the link's token in the body; it goes back to moderation",
    request: {
      body: { content: { 'application/json': { schema: z.object({ token: LinkToken, organisation: OrganisationInput, note: z.string().trim().max(2000).default(''), lang: z.enum(['pl', 'en', 'uk']).default('pl'), abuse: AbuseSchema }) } }, required: true },
    },
    responses: { 202: jsonContent(Accepted, 'Waiting for moderation'), ...ErrorResponses },
    middleware: [idempotent('map:owner-edit'), guardAnonymousWrite({ scope: 'map:owner', limit: 20, windowSec: 3600 })] as const,
  }),
  async (c) => {
    const { db } = c.var;
    const body = c.req.valid('json');
    const link = await findSecretLink(db, body.token, 'map:owner');
    const row = await findOrganisationRow(db, link.subjectId);
    if (!row || row.status !== 'published') throw new ApiError(404, 'link_invalid', 'This link is no longer valid');
    if (diffInputs(toInput(row), body.organisation).length === 0) {
      // Saved unchanged (the yearly reminder asks for exactly this): the data is confirmed, nothing to moderate.
      await db.updateTable('organisation').set({ verified_at: nowIso() }).where('id', '=', row.id).execute();
      return c.json({ id: row.id, status: 'verified' }, 202);
    }
    const id = await insertSubmission(db, {
      organisationId: row.id, type: 'owner_edit', data: body.organisation, note: body.note, submitterName: row.name, submitterEmail: link.email ?? row.owner_email ?? '', lang: body.lang, status: 'pending',
    });
    return c.json({ id, status: 'pending' }, 202);
  },
);

export { OWNER_TTL_MS };
