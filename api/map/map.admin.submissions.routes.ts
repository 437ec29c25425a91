import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { QueueItem, SUBMISSION_STATUSES } from '../../common/map.schema.js';
import { ErrorResponses, IdParam, jsonContent, jsonRequest } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { approveSubmission, moderationQueue, rejectSubmission } from './map.service.js';

/** The map's moderation queue: submissions and their decisions. Mounted at /v1/admin/map/submissions. */
export const queueRoutes = createRouter();

queueRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['map (staff)'],
    summary: 'Moderation queue with a diff against the published entry and duplicate hints',
    request: { query: z.object({ status: z.enum(SUBMISSION_STATUSES).default('pending') }) },
    responses: { 200: jsonContent(z.object({ items: z.array(QueueItem) }), 'Queue'), ...ErrorResponses },
  }),
  async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ items: await moderationQueue(c.var, c.var.staff!, c.req.valid('query').status) }, 200);
  },
);

queueRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/approve',
    tags: ['map (staff)'],
    summary: 'Approve: publish the new entry or apply the correction; the submitter is mailed',
    request: { params: IdParam },
    responses: { 200: jsonContent(z.object({ organisationId: z.string() }), 'Approved'), ...ErrorResponses },
  }),
  async (c) => c.json(await approveSubmission(c.var, c.var.staff!, c.req.valid('param').id), 200),
);

queueRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/reject',
    tags: ['map (staff)'],
    summary: 'Reject with a reason that is mailed to the submitter',
    request: { params: IdParam, ...jsonRequest(z.object({ reason: z.string().trim().min(3).max(2000) })) },
    responses: { 200: jsonContent(z.object({ id: z.string(), status: z.literal('rejected') }), 'Rejected'), ...ErrorResponses },
  }),
  async (c) => c.json(await rejectSubmission(c.var, c.var.staff!, c.req.valid('param').id, c.req.valid('json').reason), 200),
);
