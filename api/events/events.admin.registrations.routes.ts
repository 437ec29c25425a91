import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { LANGS } from '../../common/taxonomy.js';
import { CheckInResult, StaffRegistrations } from '../../common/events.schema.js';
import { TableQuery } from '../../common/export.schema.js';
import { sendTable, tableContent } from '../core/export.js';
import { ApiError, notFound } from '../core/errors.js';
import { ErrorEnvelopeSchema, ErrorResponses, IdParam, jsonContent, jsonRequest } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { checkIn, findCheckIns, undoCheckIn } from './events.attendance.js';
import { attendeeTable } from './events.export.js';
import { cancelRegistration, findListRegistrations, findRegistration } from './events.places.js';
import { mailStatus } from './events.service.js';
import { listCounts, Ok, staffEvent, TAGS } from './events.admin.shared.js';

/** An event's registrations for staff: the list, its export, cancelling one, and check-in. Mounted on the events staff router (events.admin.routes.ts). */
export const registrationStaffRoutes = createRouter();

const RegistrationParam = IdParam.extend({ registrationId: z.string().min(1).max(64) });

registrationStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/registrations',
    tags: TAGS,
    summary: 'The registrations of an event (of its cycle, for a session) in queue order, with counts and access needs, and who checked in to this event',
    request: { params: IdParam },
    responses: { 200: jsonContent(StaffRegistrations, 'Registrations'), ...ErrorResponses },
  }),
  async (c) => {
    const { db } = c.var;
    const row = await staffEvent(c, c.req.valid('param').id);
    if (!row.places_id) return c.json({ counts: null, items: [] }, 200);
    const regs = await findListRegistrations(db, row.places_id);
    const marks = await findCheckIns(db, row.id);
    const items = regs.map((r) => ({
      id: r.id, name: r.name, email: r.email, organisation: r.organisation, status: r.status, queueNo: r.queue_no, offeredUntil: r.offered_until, code: r.code,
      accessNeeds: JSON.parse(r.access_needs), accessNote: r.access_note, answers: JSON.parse(r.answers), skips: (JSON.parse(r.skip_sessions) as string[]).includes(row.id),
      checkedInAt: marks.find((m) => m.registration_id === r.id)?.checked_in_at ?? null,
    }));
    return c.json({ counts: await listCounts(db, row.places_id), items }, 200);
  },
);

registrationStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/registrations/export',
    tags: TAGS,
    summary: 'Attendees as CSV (UTF-8 with BOM, formula-safe; `dialect=excel-pl` for `;`) or XLSX (text cells, date cells); written to the audit log (personal data)',
    request: { params: IdParam, query: TableQuery.extend({ lang: z.enum(LANGS).default('pl') }) },
    responses: { 200: { description: 'The file', content: tableContent }, 409: jsonContent(ErrorEnvelopeSchema, '`registration_not_offered`'), ...ErrorResponses },
  }),
  async (c) => {
    const row = await staffEvent(c, c.req.valid('param').id);
    if (!row.places_id) throw new ApiError(409, 'registration_not_offered', 'This event takes no registration');
    const { format, dialect, lang } = c.req.valid('query');
    const table = await attendeeTable(c.var.db, row.places_id, lang);
    return sendTable(c, table, { format, dialect, name: `uczestnicy-${row.starts_at.slice(0, 10)}`, sheet: row.title, personal: true }) as never;
  },
);

registrationStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/registrations/{registrationId}/cancel',
    tags: TAGS,
    summary: 'Cancel a registration for its holder; the place passes to the next person waiting, who is mailed',
    request: { params: RegistrationParam },
    responses: { 200: jsonContent(z.object({ promoted: z.boolean() }), 'Cancelled'), ...ErrorResponses },
  }),
  async (c) => {
    const row = await staffEvent(c, c.req.valid('param').id);
    const reg = await findRegistration(c.var.db, c.req.valid('param').registrationId);
    if (!reg || reg.places_id !== row.places_id) throw notFound('Registration');
    const promoted = await c.var.db.transaction().execute(async (trx) => {
      const out = await cancelRegistration(trx, reg.id);
      if (!out.changed) throw new ApiError(409, 'not_active', `This registration is already ${reg.status}`);
      if (out.promoted) await mailStatus(c.var, trx, out.promoted);
      return !!out.promoted;
    });
    return c.json({ promoted }, 200);
  },
);

registrationStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/checkin',
    tags: TAGS,
    summary: 'Check a person in to this session: by the code of their QR (scanned on a phone) or from the list. Twice is harmless (`already`).',
    request: { params: IdParam, ...jsonRequest(z.object({ code: z.string().min(4).max(64).optional(), registrationId: z.string().max(64).optional() }).refine((b) => !!b.code !== !!b.registrationId, { message: 'Give a code or a registration id' })) },
    responses: { 200: jsonContent(CheckInResult, 'Checked in'), ...ErrorResponses },
  }),
  async (c) => {
    const row = await staffEvent(c, c.req.valid('param').id);
    return c.json(await checkIn(c.var.db, { eventId: row.id, ...c.req.valid('json'), by: c.var.staff!.id }), 200);
  },
);

registrationStaffRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}/checkin/{registrationId}',
    tags: TAGS,
    summary: 'Undo a check-in made by mistake',
    request: { params: RegistrationParam },
    responses: { 200: Ok, ...ErrorResponses },
  }),
  async (c) => {
    const row = await staffEvent(c, c.req.valid('param').id);
    if (!(await undoCheckIn(c.var.db, row.id, c.req.valid('param').registrationId))) throw notFound('Check-in');
    return c.json({ ok: true as const }, 200);
  },
);
