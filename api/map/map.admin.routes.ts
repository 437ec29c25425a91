import { createRoute, z } from '@hono/zod-openapi';
import { ORG_STATUSES } from '../../common/map.js';
import { OrganisationFilters, OrganisationInput, QueueItem, RemindersSent, StaffEntry, StaffOrganisationPage } from '../../common/map.schema.js';
import { assertDistrict } from '../core/staff.rules.js';
import { notFound } from '../core/errors.js';
import { ErrorResponses, IdParam, jsonContent } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import {
  duplicateHints, findOrganisationRow, findOrganisations, insertOrganisation, listSubmissions, listVersions,
  setOrganisationStatus, toInput, toOrganisation, updateOrganisation,
} from './map.repository.js';
import { sendVerificationReminders } from './map.reminders.js';
import { diffInputs, entryScope } from './map.rules.js';
import { approveSubmission, rejectSubmission } from './map.service.js';
import type { OrganisationInput as Input } from '../../common/map.schema.js';

/** Staff section of the map: moderation queue, edits, archive, reminders. Mounted at /v1/admin/map by the staff router. */
export const mapAdminRoutes = createRouter();



mapAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/submissions',
    tags: ['map (staff)'],
    summary: 'Moderation queue with a diff against the published entry and duplicate hints',
    request: { query: z.object({ status: z.enum(['unconfirmed', 'pending', 'approved', 'rejected']).default('pending') }) },
    responses: { 200: jsonContent(z.object({ items: z.array(QueueItem) }), 'Queue'), ...ErrorResponses },
  }),
  async (c) => {
    const { db } = c.var;
    const staff = c.var.staff!;
    const rows = await listSubmissions(db, c.req.valid('query').status, staff.role === 'admin' ? null : staff.district);
    const items = [];
    for (const r of rows) {
      const data = JSON.parse(r.data) as Input;
      const current = r.organisation_id ? await findOrganisationRow(db, r.organisation_id) : undefined;
      const published = current && current.status === 'published' ? toInput(current) : null;
      items.push({
        id: r.id, type: r.type, status: r.status, organisationId: r.organisation_id, submitter: { name: r.submitter_name, email: r.submitter_email },
        note: r.note, createdAt: r.created_at, data, diff: diffInputs(published, data), duplicates: await duplicateHints(db, data, r.organisation_id),
      });
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ items }, 200);
  },
);

mapAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/submissions/{id}/approve',
    tags: ['map (staff)'],
    summary: 'Approve: publish the new entry or apply the correction; the submitter is mailed',
    request: { params: IdParam },
    responses: { 200: jsonContent(z.object({ organisationId: z.string() }), 'Approved'), ...ErrorResponses },
  }),
  async (c) => c.json(await approveSubmission(c.var, c.var.staff!, c.req.valid('param').id), 200),
);

mapAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/submissions/{id}/reject',
    tags: ['map (staff)'],
    summary: 'Reject with a reason that is mailed to the submitter',
    request: { params: IdParam, body: { content: { 'application/json': { schema: z.object({ reason: z.string().trim().min(3).max(2000) }) } }, required: true } },
    responses: { 200: jsonContent(z.object({ id: z.string(), status: z.literal('rejected') }), 'Rejected'), ...ErrorResponses },
  }),
  async (c) => c.json(await rejectSubmission(c.var, c.var.staff!, c.req.valid('param').id, c.req.valid('json').reason), 200),
);

mapAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/organisations',
    tags: ['map (staff)'],
    summary: 'All entries in any status, filtered and paged',
    request: { query: OrganisationFilters.extend({ status: z.enum(ORG_STATUSES).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }) },
    responses: { 200: jsonContent(StaffOrganisationPage, 'Entries'), ...ErrorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const { rows, total } = await findOrganisations(c.var.db, q, { page: q.page, pageSize: q.pageSize }, q.status ? [q.status] : [...ORG_STATUSES]);
    return c.json({ items: rows.map((r) => ({ ...toOrganisation(r), status: r.status, ownerEmail: r.owner_email, version: r.version })), total }, 200);
  },
);

mapAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/organisations',
    tags: ['map (staff)'],
    summary: 'Add a published entry directly',
    request: { body: { content: { 'application/json': { schema: OrganisationInput.and(z.object({ ownerEmail: z.email().nullable().optional() })) } }, required: true } },
    responses: { 201: jsonContent(z.object({ id: z.string() }), 'Created'), ...ErrorResponses },
  }),
  async (c) => {
    const { ownerEmail, ...input } = c.req.valid('json');
    assertDistrict(c.var.staff!, entryScope(input));
    const id = await insertOrganisation(c.var.db, input, { status: 'published', ownerEmail: ownerEmail ?? null, changedBy: `staff:${c.var.staff!.id}` });
    return c.json({ id }, 201);
  },
);

mapAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/organisations/{id}',
    tags: ['map (staff)'],
    summary: 'One entry with its version history',
    request: { params: IdParam },
    responses: { 200: jsonContent(StaffEntry, 'Entry'), ...ErrorResponses },
  }),
  async (c) => {
    const row = await findOrganisationRow(c.var.db, c.req.valid('param').id);
    if (!row) throw notFound('Organisation');
    const versions = (await listVersions(c.var.db, row.id)).map((v) => ({ version: v.version, status: v.status, changedBy: v.changed_by, note: v.note, createdAt: v.created_at }));
    return c.json({ ...toOrganisation(row), status: row.status, ownerEmail: row.owner_email, version: row.version, versions }, 200);
  },
);

mapAdminRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/organisations/{id}',
    tags: ['map (staff)'],
    summary: 'Edit an entry (kept as a new version). `ownerEmail` changes who may edit it by secret link; leave it out to keep the owner.',
    request: { params: IdParam, body: { content: { 'application/json': { schema: OrganisationInput.and(z.object({ ownerEmail: z.email().max(254).nullable().optional() })) } }, required: true } },
    responses: { 200: jsonContent(z.object({ id: z.string() }), 'Saved'), ...ErrorResponses },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const row = await findOrganisationRow(c.var.db, id);
    if (!row) throw notFound('Organisation');
    const { ownerEmail, ...input } = c.req.valid('json');
    assertDistrict(c.var.staff!, entryScope(toInput(row)));
    await updateOrganisation(c.var.db, id, input, { changedBy: `staff:${c.var.staff!.id}`, note: 'edited by staff', ...(ownerEmail !== undefined ? { ownerEmail: ownerEmail?.toLowerCase() ?? null } : {}) });
    return c.json({ id }, 200);
  },
);

for (const [action, status] of [['archive', 'archived'], ['publish', 'published']] as const) {
  mapAdminRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/organisations/{id}/${action}`,
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

mapAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/reminders',
    tags: ['map (staff)'],
    summary: 'Send the yearly "please confirm your data" e-mails that are due now (also runs daily on its own)',
    responses: { 200: jsonContent(RemindersSent, 'Sent'), ...ErrorResponses },
  }),
  async (c) => c.json({ sent: await sendVerificationReminders(c.var.db, c.var.mailer, c.var.config) }, 200),
);
