import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import type { Context } from 'hono';
import { ATTACHMENT_LIMITS } from '../../common/advice.js';
import {
  AdviserTopicsInput, AssignInput, AttachmentInfo, CaseListQuery, DueInput, NewTopicInput, NoteInput, SlotInput, StaffCaseDetail, StaffCaseSummary, StaffReplyInput, StaffSlot, StaffTopic,
  StaffUploadQuery, Stats, StatsQuery, TopicInput, TopicOrderInput,
} from '../../common/advice.schema.js';
import { LANGS, STAFF_ROLES } from '../../common/taxonomy.js';
import type { AppEnv } from '../core/context.js';
import { TableQuery } from '../../common/export.schema.js';
import { downloadHeaders, sendTable, tableContent } from '../core/export.js';
import { ApiError, notFound, validationError } from '../core/errors.js';
import { nowIso } from '../core/ids.js';
import { ErrorResponses, IdParam, jsonContent, jsonRequest } from '../core/openapi.js';
import { readUpload } from '../core/uploads.js';
import { inTransaction } from '../core/transaction.js';
import { createRouter } from '../core/validation.js';
import { findAdvisers, findCaseFacts, findCases, findStaffMember, findStaffSlots, findTopic, findTopics, insertTopic, setAdviserTopics, setTopicOrder, updateTopic } from './advice.repository.js';
import {
  addNote, assignCase, caseDetail, caseSummary, closeCase, createSlot, ownCase, readAttachment, removeSlot, setDue, staffCancelSlotBooking, staffReply, storeAttachment, viewerOf,
} from './advice.service.js';
import { mergeTopicFields } from './advice.rules.js';
import { adviceExportTable, buildStats } from './advice.stats.js';

/**
 * The advisory point's staff routes, mounted at /v1/admin/advice behind the section's roles
 * (advisers and admins). An adviser sees the cases assigned to them and the unassigned ones of
 * their topics; admins see all, assign to anyone, and edit topics.
 */
export const adviceAdminRoutes = createRouter();

const TAG = ['admin:advice'];
const staffOf = (c: Context<AppEnv>) => c.var.staff!;
const viewer = (c: Context<AppEnv>) => viewerOf(c.var.db, staffOf(c));
const caseOf = async (c: Context<AppEnv>, id: string) => ownCase(c.var.db, await viewer(c), id);
const adminOnly = (c: Context<AppEnv>) => {
  if (staffOf(c).role !== 'admin') throw new ApiError(403, 'forbidden', 'Only an administrator can do this');
};
const CaseParam = IdParam;
const FileParam = z.object({ id: IdParam.shape.id, fileId: IdParam.shape.id });
const Ok = z.object({ status: StaffCaseSummary.shape.status });
const TopicParam = z.object({ id: z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/) });

adviceAdminRoutes.openapi(
  createRoute({
    method: 'get', path: '/cases', tags: TAG,
    summary: 'Cases the signed-in staff member may see (newest first), by status, topic, "mine" and overdue: the queues',
    request: { query: CaseListQuery },
    responses: { 200: jsonContent(z.object({ items: z.array(StaffCaseSummary) }), 'Cases'), ...ErrorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const v = await viewer(c);
    const rows = await findCases(c.var.db, {
      status: q.status, topic: q.topic, assignedTo: q.mine ? v.id : undefined, overdueAt: q.overdue ? nowIso() : undefined,
      scope: v.role === 'admin' ? undefined : { staffId: v.id, topics: v.topics },
    });
    return c.json({ items: rows.map((r) => caseSummary(r)) }, 200);
  },
);

adviceAdminRoutes.openapi(
  createRoute({ method: 'get', path: '/cases/{id}', tags: TAG, summary: 'One case with its thread (notes included), files and booking', request: { params: CaseParam }, responses: { 200: jsonContent(StaffCaseDetail, 'The case'), ...ErrorResponses } }),
  async (c) => c.json(await caseDetail(c.var.db, await caseOf(c, c.req.valid('param').id)), 200),
);

adviceAdminRoutes.openapi(
  createRoute({
    method: 'post', path: '/cases/{id}/assign', tags: TAG,
    summary: 'Assign the case (admins to any adviser; an adviser takes a case of their queue or gives back their own); `null` unassigns',
    request: { params: CaseParam, ...jsonRequest(AssignInput) },
    responses: { 200: jsonContent(z.object({ status: Ok.shape.status, assignedTo: z.string().nullable() }), 'Assigned'), ...ErrorResponses },
  }),
  async (c) => {
    const v = await viewer(c);
    const row = await ownCase(c.var.db, v, c.req.valid('param').id);
    return c.json(await assignCase(c.var, v, row, c.req.valid('json').staffId), 200);
  },
);

adviceAdminRoutes.openapi(
  createRoute({
    method: 'post', path: '/cases/{id}/notes', tags: TAG, summary: 'An internal note, never shown to the requester',
    request: { params: CaseParam, ...jsonRequest(NoteInput) },
    responses: { 201: jsonContent(z.object({ id: z.string() }), 'Noted'), ...ErrorResponses },
  }),
  async (c) => c.json(await addNote(c.var.db, staffOf(c), await caseOf(c, c.req.valid('param').id), c.req.valid('json').body), 201),
);

adviceAdminRoutes.openapi(
  createRoute({
    method: 'post', path: '/cases/{id}/replies', tags: TAG,
    summary: 'A reply to the requester (with files uploaded before), mailed with a status link; `status` `answered` or `waiting_for_requester`',
    request: { params: CaseParam, ...jsonRequest(StaffReplyInput) },
    responses: { 201: jsonContent(Ok, 'Sent'), 409: jsonContent(z.any(), 'Closed'), ...ErrorResponses },
  }),
  async (c) => c.json(await staffReply(c.var, staffOf(c), await caseOf(c, c.req.valid('param').id), c.req.valid('json')), 201),
);

adviceAdminRoutes.openapi(
  createRoute({
    method: 'post', path: '/cases/{id}/close', tags: TAG, summary: 'Close the case; the requester gets the satisfaction question',
    request: { params: CaseParam }, responses: { 200: jsonContent(Ok, 'Closed'), 409: jsonContent(z.any(), 'Already closed'), ...ErrorResponses },
  }),
  async (c) => c.json(await closeCase(c.var, await caseOf(c, c.req.valid('param').id)), 200),
);

adviceAdminRoutes.openapi(
  createRoute({
    method: 'put', path: '/cases/{id}/due', tags: TAG, summary: 'Set or clear the due date (its reminder goes out a day before)',
    request: { params: CaseParam, ...jsonRequest(DueInput) },
    responses: { 200: jsonContent(DueInput, 'Set'), ...ErrorResponses },
  }),
  async (c) => c.json(await setDue(c.var.db, await caseOf(c, c.req.valid('param').id), c.req.valid('json').dueAt), 200),
);

adviceAdminRoutes.openapi(
  createRoute({
    method: 'post', path: '/cases/{id}/attachments', tags: TAG,
    summary: 'Upload a file for a reply: the body is the file (`application/octet-stream`), checked like the requester\'s',
    request: { params: CaseParam, query: StaffUploadQuery, body: { content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } }, required: true } },
    responses: { 201: jsonContent(AttachmentInfo, 'Stored'), ...ErrorResponses },
  }),
  async (c) => {
    const row = await caseOf(c, c.req.valid('param').id);
    const data = await readUpload(c.req.raw, ATTACHMENT_LIMITS.maxBytes);
    return c.json(await storeAttachment(c.var, row, 'staff', c.req.valid('query').name, data), 201);
  },
);

adviceAdminRoutes.openapi(
  createRoute({
    method: 'get', path: '/cases/{id}/attachments/{fileId}', tags: TAG, summary: 'A file of the case, as a download',
    request: { params: FileParam },
    responses: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } }, ...ErrorResponses },
  }),
  async (c) => {
    const { id, fileId } = c.req.valid('param');
    const row = await caseOf(c, id);
    const { row: file, data } = await readAttachment(c.var, row.id, fileId);
    return new Response(data as Uint8Array<ArrayBuffer>, { status: 200, headers: downloadHeaders(file.filename, file.content_type) });
  },
);

// --- topics and advisers

adviceAdminRoutes.openapi(
  createRoute({ method: 'get', path: '/topics', tags: TAG, summary: 'Every topic, inactive ones too', responses: { 200: jsonContent(z.object({ items: z.array(StaffTopic) }), 'Topics'), ...ErrorResponses } }),
  async (c) => c.json({ items: await findTopics(c.var.db) }, 200),
);

adviceAdminRoutes.openapi(
  createRoute({
    method: 'post', path: '/topics', tags: TAG, summary: 'A new topic with its explanation and fields (admins)',
    request: jsonRequest(NewTopicInput),
    responses: { 201: jsonContent(StaffTopic, 'Created'), 409: jsonContent(z.any(), 'The id is taken'), ...ErrorResponses },
  }),
  async (c) => {
    adminOnly(c);
    const { id, ...data } = c.req.valid('json');
    if (!(await insertTopic(c.var.db, id, data))) throw new ApiError(409, 'conflict', 'A topic with this id exists');
    return c.json((await findTopic(c.var.db, id))!, 201);
  },
);

// Before /topics/{id}, which would take 'order' for an id.
adviceAdminRoutes.openapi(
  createRoute({
    method: 'put', path: '/topics/order', tags: TAG, summary: 'Put the topics in a new order (admins)', description: 'Every topic\'s id once, in the order of the topic picker; 422 when one is missing or unknown.',
    request: jsonRequest(TopicOrderInput),
    responses: { 200: jsonContent(z.object({ items: z.array(StaffTopic) }), 'The topics in their new order'), ...ErrorResponses },
  }),
  async (c) => {
    adminOnly(c);
    const { ids } = c.req.valid('json');
    const ok = await inTransaction(c.var.db, (trx) => setTopicOrder(trx, ids));
    if (!ok) throw validationError([{ path: 'ids', code: 'invalid_value', message: 'Name every topic once' }]);
    c.set('auditDetails', { order: ids });
    return c.json({ items: await findTopics(c.var.db) }, 200);
  },
);

adviceAdminRoutes.openapi(
  createRoute({
    method: 'put', path: '/topics/{id}', tags: TAG, summary: 'Edit a topic: labels, explanation, fields, order, active (admins)',
    request: { params: TopicParam, ...jsonRequest(TopicInput) },
    responses: { 200: jsonContent(StaffTopic, 'Saved'), ...ErrorResponses },
  }),
  async (c) => {
    adminOnly(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const saved = await inTransaction(c.var.db, async (trx) => {
      const before = await findTopic(trx, id);
      if (!before) throw notFound('Topic');
      const { fields, issues, changes } = mergeTopicFields(before.fields, input.fields);
      if (issues.length) throw validationError(issues);
      await updateTopic(trx, id, { ...input, fields });
      // The log keeps what changed, from → to.
      const details: Record<string, unknown> = { topic: before.labels.pl };
      if (before.labels.pl !== input.labels.pl) details.renamed = [before.labels.pl, input.labels.pl];
      if (before.active !== input.active) details.active = [before.active, input.active];
      if (before.position !== input.position) details.position = [before.position, input.position];
      for (const [k, v] of Object.entries(changes)) if (v.length) details[`fields_${k}`] = v;
      c.set('auditDetails', details);
      return (await findTopic(trx, id))!;
    });
    return c.json(saved, 200);
  },
);



const Adviser = z.object({ id: z.string(), name: z.string(), role: z.enum(STAFF_ROLES), topics: z.array(z.string()) });

adviceAdminRoutes.openapi(
  createRoute({ method: 'get', path: '/advisers', tags: TAG, summary: 'Advisers and admins, with the topics whose queue each looks after', responses: { 200: jsonContent(z.object({ items: z.array(Adviser) }), 'Advisers'), ...ErrorResponses } }),
  async (c) => c.json({ items: (await findAdvisers(c.var.db)).map(({ id, name, role, topics }) => ({ id, name, role, topics })) }, 200),
);

adviceAdminRoutes.openapi(
  createRoute({
    method: 'put', path: '/advisers/{id}/topics', tags: TAG, summary: "Set an adviser's topics (admins)",
    request: { params: IdParam, ...jsonRequest(AdviserTopicsInput) },
    responses: { 200: jsonContent(AdviserTopicsInput, 'Saved'), ...ErrorResponses },
  }),
  async (c) => {
    adminOnly(c);
    const { id } = c.req.valid('param');
    const { topicIds } = c.req.valid('json');
    const member = await findStaffMember(c.var.db, id);
    if (!member || member.role !== 'adviser') throw notFound('Adviser');
    const known = new Set((await findTopics(c.var.db)).map((t) => t.id));
    const unknown = topicIds.filter((t) => !known.has(t));
    if (unknown.length) throw new ApiError(422, 'validation_failed', 'Unknown topics', { issues: unknown.map((t) => ({ path: 'topicIds', code: 'invalid_value', message: `No topic "${t}"` })) });
    await setAdviserTopics(c.var.db, id, [...new Set(topicIds)]);
    return c.json({ topicIds }, 200);
  },
);

// --- availability and bookings

adviceAdminRoutes.openapi(
  createRoute({
    method: 'get', path: '/slots', tags: TAG, summary: 'Slots that have not ended, with their bookings: one\'s own (advisers) or everyone\'s (admins; `mine` for their own)',
    request: { query: z.object({ mine: z.enum(['1', 'true']).optional() }) },
    responses: { 200: jsonContent(z.object({ items: z.array(StaffSlot) }), 'Slots'), ...ErrorResponses },
  }),
  async (c) => {
    const staff = staffOf(c);
    const own = staff.role !== 'admin' || !!c.req.valid('query').mine;
    const rows = await findStaffSlots(c.var.db, { adviserId: own ? staff.id : undefined, from: nowIso() });
    return c.json({
      items: rows.map((s) => ({
        id: s.id, topicId: s.topic_id, startsAt: s.starts_at, endsAt: s.ends_at, mode: s.mode, address: s.address, onlineUrl: s.online_url,
        adviser: { id: s.adviser_id, name: s.adviser_name }, booking: s.case_id ? { caseId: s.case_id, number: s.case_number ?? '', bookedAt: s.booked_at ?? '' } : null,
      })),
    }, 200);
  },
);

adviceAdminRoutes.openapi(
  createRoute({
    method: 'post', path: '/slots', tags: TAG, summary: 'Publish a slot of availability: in person at an address, or online with its link',
    request: jsonRequest(SlotInput),
    responses: { 201: jsonContent(z.object({ id: z.string() }), 'Published'), ...ErrorResponses },
  }),
  async (c) => c.json(await createSlot(c.var.db, await viewer(c), c.req.valid('json')), 201),
);

adviceAdminRoutes.openapi(
  createRoute({ method: 'delete', path: '/slots/{id}', tags: TAG, summary: 'Withdraw a free slot (409 `slot_booked` when booked)', request: { params: IdParam }, responses: { 204: { description: 'Withdrawn' }, ...ErrorResponses } }),
  async (c) => {
    await removeSlot(c.var.db, await viewer(c), c.req.valid('param').id);
    return c.body(null, 204);
  },
);

adviceAdminRoutes.openapi(
  createRoute({ method: 'post', path: '/slots/{id}/cancel-booking', tags: TAG, summary: 'Cancel the meeting booked on the slot; the requester is mailed and the slot is free again', request: { params: IdParam }, responses: { 200: jsonContent(z.object({ slotId: z.string() }), 'Cancelled'), ...ErrorResponses } }),
  async (c) => c.json(await staffCancelSlotBooking(c.var, await viewer(c), c.req.valid('param').id), 200),
);

// --- statistics and export

const period = (q: { from?: string; to?: string }) => ({ from: q.from ? `${q.from}T00:00:00.000Z` : undefined, to: q.to ? new Date(Date.parse(`${q.to}T00:00:00.000Z`) + 86_400_000).toISOString() : undefined });

adviceAdminRoutes.openapi(
  createRoute({
    method: 'get', path: '/stats', tags: TAG, summary: 'Counts, hours to the first response and to closing, and satisfaction, by topic, month, organisation kind and district (purged cases included)',
    request: { query: StatsQuery }, responses: { 200: jsonContent(Stats, 'Statistics'), ...ErrorResponses },
  }),
  async (c) => c.json(buildStats(await findCaseFacts(c.var.db, period(c.req.valid('query')))), 200),
);

adviceAdminRoutes.openapi(
  createRoute({
    method: 'get', path: '/export', tags: TAG, summary: 'The anonymised case list as CSV (UTF-8 with BOM, formula-safe) or XLSX: no names, contacts or questions',
    request: { query: StatsQuery.extend({ ...TableQuery.shape, lang: z.enum(LANGS).default('pl') }) },
    responses: { 200: { description: 'The file', content: tableContent }, ...ErrorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const table = adviceExportTable(await findCaseFacts(c.var.db, period(q)), q.lang, await findTopics(c.var.db));
    const name = `doradztwo-${q.from ?? 'od-poczatku'}-${q.to ?? nowIso().slice(0, 10)}`;
    return sendTable(c, table, { format: q.format, dialect: q.dialect, name, sheet: 'Doradztwo' });
  },
);

export const STAFF_UPLOADS = ['/v1/admin/advice/cases/:id/attachments'];
