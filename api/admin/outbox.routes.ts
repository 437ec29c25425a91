import { createRoute } from '@hono/zod-openapi';
import { resendBlocker } from '../../common/admin.js';
import { OutboxMessage, OutboxMessageDetail, OutboxPage, OutboxQuery } from '../../common/admin.schema.js';
import { ErrorEnvelopeSchema, ErrorResponses, IdParam, jsonContent } from '../core/openapi.js';
import { ApiError } from '../core/errors.js';
import { createRouter } from '../core/validation.js';
import { countOutbox, findOutboxMessage, listOutbox, maskTokens, outboxCursor, requeueMessage, toOutboxDto } from './outbox.repository.js';

const notFound = () => new ApiError(404, 'not_found', 'No such message in the outbox');
const adminOnly = () => new ApiError(403, 'forbidden', 'Only admins read and resend messages: they hold personal data', { reason: 'admin_only' });

/**
 * The outbox section: what was sent, what waits and what failed, with the error. Every staff
 * member reads the list; the recipient, subject and text are personal data, shown to admins only,
 * and only admins resend. Mounted at /v1/admin/outbox by the staff router.
 */
export const outboxRoutes = createRouter();

outboxRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['staff'],
    summary: 'Outgoing mail, newest first',
    description: 'Every staff member sees the state, template, language, attempts and last error of each message; only admins see the recipient and subject (`personal: true`), and for others the addresses in an error are masked. Filter by `status`; page with `before` = the previous page\'s `next`.',
    request: { query: OutboxQuery },
    responses: { 200: jsonContent(OutboxPage, 'One page of the outbox'), ...ErrorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const staff = c.var.staff!;
    const rows = await listOutbox(c.var.db, q);
    const page = rows.slice(0, q.limit);
    const next = rows.length > q.limit ? outboxCursor(page[page.length - 1]!) : null;
    return c.json({ items: page.map((r) => toOutboxDto(r, staff.role)), personal: staff.role === 'admin', next, counts: await countOutbox(c.var.db) }, 200);
  },
);

outboxRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['staff'],
    summary: 'One message with its text (admin)',
    description: 'The text as it was sent, with the tokens of secret links masked (reading the outbox never hands over a link that signs someone in or confirms for them). 403 `forbidden` for other roles.',
    request: { params: IdParam },
    responses: { 200: jsonContent(OutboxMessageDetail, 'The message'), ...ErrorResponses },
  }),
  async (c) => {
    const staff = c.var.staff!;
    if (staff.role !== 'admin') throw adminOnly();
    const m = await findOutboxMessage(c.var.db, c.req.valid('param').id);
    if (!m) throw notFound();
    return c.json({ ...toOutboxDto(m, staff.role), body: maskTokens(m.body_text) }, 200);
  },
);

outboxRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/resend',
    tags: ['staff'],
    summary: 'Send one message again (admin)',
    description: 'A failed message goes back to the queue (its attempts start again); a sent or logged one is queued again as a copy, and the answer is the copy. 409 `already_queued` while the message is still pending; 403 `forbidden` for other roles.',
    request: { params: IdParam },
    responses: {
      202: jsonContent(OutboxMessage, 'Queued; the mail worker sends it with its next run'),
      409: { description: '`already_queued`: the message is still pending', content: { 'application/json': { schema: ErrorEnvelopeSchema } } },
      ...ErrorResponses,
    },
  }),
  async (c) => {
    const staff = c.var.staff!;
    const { id } = c.req.valid('param');
    const m = await findOutboxMessage(c.var.db, id);
    if (staff.role !== 'admin') throw adminOnly();
    if (!m) throw notFound();
    const blocked = resendBlocker(staff.role, m.status);
    const queued = blocked ? null : await requeueMessage(c.var.db, id);
    if (!queued) throw new ApiError(409, 'already_queued', 'The message is still waiting to be sent');
    // The log names the template and whether a copy was made, never the address.
    c.set('auditDetails', { template: m.template, status: m.status, ...(queued !== id ? { copy: queued } : {}) });
    return c.json(toOutboxDto((await findOutboxMessage(c.var.db, queued))!, staff.role), 202);
  },
);
