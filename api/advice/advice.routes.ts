import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { AdviceAccepted, AdviceInput, PublicSlot, SlotQuery, Topic } from '../../common/advice.schema.js';
import { guardAnonymousWrite } from '../core/abuse.js';
import { cachedRead, memoJson } from '../core/cache.js';
import { nowIso } from '../core/ids.js';
import { idempotent, writeOnce } from '../core/idempotency.js';
import { ErrorResponses, jsonContent, jsonRequest } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { adviceVersion, findFreeSlots, findTopics } from './advice.repository.js';
import { submitRequest } from './advice.service.js';
import { statusRoutes } from './advice.status.routes.js';

/**
 * Public advisory-point API, mounted at /v1/advice: topics, free slots and new requests here; the
 * requester's status page (behind the secret link) in its own router.
 */
export const adviceRoutes = createRouter();

// Free slots change with the clock too: a slot that has begun is gone.
const SLOT_MAX_AGE = 30;

adviceRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/topics',
    tags: ['advice'],
    summary: 'The topics of the advisory point, each with its explanation and extra fields (labels in pl, en and uk)',
    responses: { 200: jsonContent(z.object({ items: z.array(Topic) }), 'Topics'), 304: { description: 'Not modified' }, ...ErrorResponses },
    middleware: [cachedRead((c) => adviceVersion(c.var.db))] as const,
  }),
  async (c) => memoJson(c, async () => ({ items: (await findTopics(c.var.db, { activeOnly: true })).map(({ id, labels, explanation, fields }) => ({ id, labels, explanation, fields: fields.filter((f) => !f.retired) })) })),
);

adviceRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/slots',
    tags: ['advice'],
    summary: 'Free meeting slots from now on (or `from`), soonest first; with `topic`, those of the topic and of any topic',
    request: { query: SlotQuery },
    responses: { 200: jsonContent(z.object({ items: z.array(PublicSlot) }), 'Free slots'), 304: { description: 'Not modified' }, ...ErrorResponses },
    middleware: [cachedRead(async (c) => ({ version: `${await adviceVersion(c.var.db)}|${Math.floor(Date.now() / (SLOT_MAX_AGE * 1000))}`, maxAge: SLOT_MAX_AGE }))] as const,
  }),
  async (c) => {
    const q = c.req.valid('query');
    const now = nowIso();
    const from = q.from && q.from > now ? new Date(q.from).toISOString() : now;
    const rows = await findFreeSlots(c.var.db, { topic: q.topic, from, to: q.to ? new Date(q.to).toISOString() : undefined });
    return c.json({ items: rows.map((s) => ({ id: s.id, topicId: s.topic_id, startsAt: s.starts_at, endsAt: s.ends_at, mode: s.mode, address: s.address })) }, 200);
  },
);

adviceRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/requests',
    tags: ['advice'],
    summary:
      "Send a request to the advisory point. Answers with the case number (`PD/2026/0042`) and mails the requester the link to the status page. With `slotId`, books that slot too (409 `slot_taken` when someone was faster; then nothing is kept). `uploadToken` lets the form send its files (POST /v1/advice/status/attachments) in the next 30 minutes. Topic fields are checked against the topic's definitions (422 at `fields.<key>`).",
    request: jsonRequest(AdviceInput),
    responses: { 201: jsonContent(AdviceAccepted, 'Received'), 409: jsonContent(z.any(), 'The slot is taken or has begun'), ...ErrorResponses },
    middleware: [idempotent('advice:request'), guardAnonymousWrite({ scope: 'advice:request', limit: 10, windowSec: 3600 })] as const,
  }),
  async (c) => writeOnce(c, 201, (_trx, vars) => submitRequest(vars, c.req.valid('json'))),
);

adviceRoutes.route('/', statusRoutes);
