import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { ORG_STATUSES } from '../../common/map.js';
import { OrganisationFilters, OrganisationInput, StaffEntry, StaffOrganisationPage } from '../../common/map.schema.js';
import { notFound } from '../core/errors.js';
import { ErrorResponses, IdParam, jsonContent, jsonRequest } from '../core/openapi.js';
import { assertDistrict, assertDistrictMove, districtScope } from '../core/staff.rules.js';
import { createRouter } from '../core/validation.js';
import { findOrganisationRow, findOrganisations, insertOrganisation, listVersions, setOrganisationStatus, toInput, toStaffOrganisation, updateOrganisation } from './map.repository.js';
import { entryScope } from './map.rules.js';

/** Every entry in any status, as staff edit, archive and publish them. Mounted at /v1/admin/map/organisations. */
export const organisationAdminRoutes = createRouter();

organisationAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['map (staff)'],
    summary: 'All entries in any status, filtered and paged',
    request: { query: OrganisationFilters.extend({ status: z.enum(ORG_STATUSES).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }) },
    responses: { 200: jsonContent(StaffOrganisationPage, 'Entries'), ...ErrorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    // A district-scoped staff member lists only their district's entries (with the owners' e-mails).
    const { rows, total } = await findOrganisations(c.var.db, { ...q, scope: districtScope(c.var.staff!) }, { page: q.page, pageSize: q.pageSize }, { statuses: q.status ? [q.status] : [...ORG_STATUSES], exactTotal: true });
    return c.json({ items: rows.map(toStaffOrganisation), total }, 200);
  },
);

organisationAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['map (staff)'],
    summary: 'Add a published entry directly',
    request: jsonRequest(OrganisationInput.and(z.object({ ownerEmail: z.email().nullable().optional() }))),
    responses: { 201: jsonContent(z.object({ id: z.string() }), 'Created'), ...ErrorResponses },
  }),
  async (c) => {
    const { ownerEmail, ...input } = c.req.valid('json');
    assertDistrict(c.var.staff!, entryScope(input));
    const id = await insertOrganisation(c.var.db, input, { status: 'published', ownerEmail: ownerEmail ?? null, changedBy: `staff:${c.var.staff!.id}` });
    return c.json({ id }, 201);
  },
);

organisationAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['map (staff)'],
    summary: 'One entry with its version history',
    request: { params: IdParam },
    responses: { 200: jsonContent(StaffEntry, 'Entry'), ...ErrorResponses },
  }),
  async (c) => {
    const row = await findOrganisationRow(c.var.db, c.req.valid('param').id);
    if (!row) throw notFound('Organisation');
    assertDistrict(c.var.staff!, entryScope(toInput(row)));
    const versions = (await listVersions(c.var.db, row.id)).map((v) => ({ version: v.version, status: v.status, changedBy: v.changed_by, note: v.note, createdAt: v.created_at }));
    return c.json({ ...toStaffOrganisation(row), versions }, 200);
  },
);

organisationAdminRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/{id}',
    tags: ['map (staff)'],
    summary: 'Edit an entry (kept as a new version). `ownerEmail` changes who may edit it by secret link; leave it out to keep the owner.',
    request: { params: IdParam, ...jsonRequest(OrganisationInput.and(z.object({ ownerEmail: z.email().max(254).nullable().optional() }))) },
    responses: { 200: jsonContent(z.object({ id: z.string() }), 'Saved'), ...ErrorResponses },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const row = await findOrganisationRow(c.var.db, id);
    if (!row) throw notFound('Organisation');
    const { ownerEmail, ...input } = c.req.valid('json');
    // Both the stored entry and the new districts: an editor can neither edit another district's entry nor move their own into one.
    assertDistrictMove(c.var.staff!, entryScope(toInput(row)), entryScope(input));
    await updateOrganisation(c.var.db, id, input, { changedBy: `staff:${c.var.staff!.id}`, note: 'edited by staff', ...(ownerEmail !== undefined ? { ownerEmail: ownerEmail?.toLowerCase() ?? null } : {}) });
    return c.json({ id }, 200);
  },
);

for (const [action, status] of [['archive', 'archived'], ['publish', 'published']] as const) {
  organisationAdminRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/{id}/${action}`,
      tags: ['map (staff)'],
      summary: action === 'archive' ? 'Archive an entry (hidden from the public, kept with its history)' : 'Publish an archived entry again',
      request: { params: IdParam },
      responses: { 200: jsonContent(z.object({ id: z.string(), status: z.string() }), 'Done'), ...ErrorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await findOrganisationRow(c.var.db, id);
      if (!row) throw notFound('Organisation');
      assertDistrict(c.var.staff!, entryScope(toInput(row)));
      await setOrganisationStatus(c.var.db, id, status, { changedBy: `staff:${c.var.staff!.id}` });
      return c.json({ id, status }, 200);
    },
  );
}
