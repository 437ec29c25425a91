import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { EventInput, QueryDate, StaffEventItem } from '../../common/events.schema.js';
import { addDays, shiftLocal, warsawDateOf } from '../../common/time.js';
import { assertDistrict, inDistrict } from '../core/staff.rules.js';
import { ApiError } from '../core/errors.js';
import { ErrorResponses, IdParam, jsonContent, jsonRequest } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { findConflicts } from './events.attendance.js';
import { fillFreePlaces } from './events.places.js';
import { findEventRow, findEventRows, insertEvent, setEventStatus, toEventInput, updateEvent } from './events.repository.js';
import { calendarEvents, cancelEvent, mailStatus } from './events.service.js';
import { listCounts, Ok, staffEvent, TAGS } from './events.admin.shared.js';

/** Events for staff: the list, create, save, duplicate, publish and cancel. Mounted first on the events staff router (events.admin.routes.ts). */
export const eventStaffRoutes = createRouter();

eventStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: TAGS,
    summary: 'Events of every status (from 30 days ago unless `from` says otherwise), with their registration counts',
    request: { query: z.object({ from: QueryDate.optional(), to: QueryDate.optional(), status: z.enum(['pending', 'published', 'cancelled']).optional(), q: z.string().max(100).optional() }) },
    responses: { 200: jsonContent(z.object({ items: z.array(StaffEventItem) }), 'Events'), ...ErrorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const now = new Date();
    const from = q.from ?? addDays(warsawDateOf(now), -30);
    const { rows } = await findEventRows(c.var.db, { from, to: q.to, q: q.q }, now, { limit: 500, statuses: q.status ? [q.status] : ['pending', 'published', 'cancelled'] });
    const staff = c.var.staff!;
    const visible = rows.filter((r) => inDistrict(staff, r.district === null ? null : [r.district]));
    const events = await calendarEvents(c.var.db, visible, now);
    const items = await Promise.all(events.map(async (e, i) => ({ ...e, counts: await listCounts(c.var.db, visible[i]!.places_id) })));
    return c.json({ items }, 200);
  },
);

eventStaffRoutes.openapi(
  createRoute({ method: 'post', path: '/', tags: TAGS, summary: 'Create an event (or a session of a series)', request: jsonRequest(EventInput), responses: { 201: jsonContent(z.object({ id: z.string() }), 'Created'), ...ErrorResponses } }),
  async (c) => {
    const input = c.req.valid('json');
    assertDistrict(c.var.staff!, input.venue?.district ? [input.venue.district] : null);
    return c.json({ id: await insertEvent(c.var.db, input, { createdBy: c.var.staff!.id }) }, 201);
  },
);

eventStaffRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/{id}',
    tags: TAGS,
    summary: 'Save an event. A raised capacity moves people up from the waiting list at once (they are mailed).',
    request: { params: IdParam, ...jsonRequest(EventInput) },
    responses: { 200: jsonContent(z.object({ id: z.string(), promoted: z.number() }), 'Saved'), ...ErrorResponses },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const row = await staffEvent(c, id);
    const input = c.req.valid('json');
    const promoted = await c.var.db.transaction().execute(async (trx) => {
      await updateEvent(trx, id, input);
      const placesId = (await findEventRow(trx, id))!.places_id;
      const moved = placesId && placesId === row.places_id ? await fillFreePlaces(trx, placesId) : [];
      for (const reg of moved) await mailStatus(c.var, trx, reg);
      return moved.length;
    });
    return c.json({ id, promoted }, 200);
  },
);

eventStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/duplicate',
    tags: TAGS,
    summary: "Duplicate an event (last year's festival, say) as a pending draft, moved by whole weeks so it keeps its weekday (default 52)",
    request: { params: IdParam, ...jsonRequest(z.object({ weeks: z.number().int().min(-520).max(520).default(52) })) },
    responses: { 201: jsonContent(z.object({ id: z.string() }), 'Created'), ...ErrorResponses },
  }),
  async (c) => {
    const row = await staffEvent(c, c.req.valid('param').id);
    const { weeks } = c.req.valid('json');
    const input = await toEventInput(c.var.db, row);
    const shift = (s: string) => shiftLocal(s, weeks * 7);
    const copy = EventInput.parse({
      ...input, start: shift(input.start), end: shift(input.end), status: 'pending',
      registration: { ...input.registration, deadline: input.registration.deadline ? shift(input.registration.deadline) : null },
      // A session of a cycle is copied on its own: the new cycle is a new series.
      ...(input.registrationMode === 'series' ? { registrationMode: 'none', seriesId: null } : {}),
    });
    return c.json({ id: await insertEvent(c.var.db, copy, { createdBy: c.var.staff!.id }) }, 201);
  },
);

eventStaffRoutes.openapi(
  createRoute({ method: 'post', path: '/{id}/publish', tags: TAGS, summary: 'Publish a pending event', request: { params: IdParam }, responses: { 200: Ok, ...ErrorResponses } }),
  async (c) => {
    const row = await staffEvent(c, c.req.valid('param').id);
    if (row.status !== 'pending') throw new ApiError(409, 'conflict', `The event is ${row.status}`);
    await setEventStatus(c.var.db, row.id, 'published');
    return c.json({ ok: true as const }, 200);
  },
);

eventStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/cancel',
    tags: TAGS,
    summary: 'Cancel an event: the feeds carry STATUS:CANCELLED and everyone registered is mailed',
    request: { params: IdParam, ...jsonRequest(z.object({ reason: z.string().trim().min(3).max(2000) })) },
    responses: { 200: jsonContent(z.object({ mailed: z.number() }), 'Cancelled'), ...ErrorResponses },
  }),
  async (c) => {
    const row = await staffEvent(c, c.req.valid('param').id);
    return c.json(await cancelEvent(c.var, row.id, c.req.valid('json').reason), 200);
  },
);

/**
 * One event as the form edits it. A router of its own because it is mounted last: a request is
 * matched in the order routes were added, and `/{id}` would otherwise take `/submissions` and `/series`.
 */
export const eventStaffItemRoutes = createRouter();

eventStaffItemRoutes.openapi(
  createRoute({ method: 'get', path: '/{id}', tags: TAGS, summary: 'One event as the form edits it, with its counts', request: { params: IdParam }, responses: { 200: jsonContent(z.any(), 'The event'), ...ErrorResponses } }),
  async (c) => {
    const row = await staffEvent(c, c.req.valid('param').id);
    const [event] = await calendarEvents(c.var.db, [row]);
    return c.json({ event, input: await toEventInput(c.var.db, row), counts: await listCounts(c.var.db, row.places_id), conflicts: await findConflicts(c.var.db, row) }, 200);
  },
);
