import { labelTranslator } from '../../common/i18n.js';
import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { LANGS } from '../../common/taxonomy.js';
import { CheckInResult, EventInput, QueryDate, SeriesInput, StaffEventItem, StaffRegistrations, StaffSeriesDetail, StaffSeriesItem, StaffSubmission } from '../../common/events.schema.js';
import { assertDistrict, inDistrict } from '../core/staff.rules.js';
import type { AppEnv } from '../core/context.js';
import { TableQuery } from '../../common/export.schema.js';
import { sendTable, tableContent } from '../core/export.js';
import { ApiError, notFound } from '../core/errors.js';
import { nowIso } from '../core/ids.js';
import { ErrorEnvelopeSchema, ErrorResponses, IdParam, jsonContent } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import type { Database } from '../db/schema.js';
import {
  bumpEventsVersion, findEventRow, findEventRows, findPlacesRow, findSeriesRow, findSeriesSummaries, findSessions, insertEvent, insertSeries, setEventStatus, toEventInput, toSeriesInput, updateEvent, updateSeries, type EventRow,
} from './events.repository.js';
import { cancelRegistration, fillFreePlaces, findRegistration, statusCounts } from './events.places.js';
import { accessNeedCounts, checkIn, cycleAttendance, findConflicts, issueCertificates, undoCheckIn } from './events.attendance.js';
import { attendeeTable } from './events.export.js';
import { certificateMail, certificateUrl, eventPageUrl, submissionDecidedMail } from './events.mail.js';
import { calendarEvents, cancelEvent, mailStatus } from './events.service.js';
import { addDays, shiftLocal, warsawDateOf } from '../../common/time.js';

/** Staff routes of the events section, mounted at /v1/admin/events on the staff router. */
export const eventAdminRoutes = createRouter();

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const Ok = jsonContent(z.object({ ok: z.literal(true) }), 'Done');

/** An event a staff member may touch: district-scoped editors only their district's (and city-wide ones for no one but unscoped staff). */
async function staffEvent(c: Context<AppEnv>, id: string): Promise<EventRow> {
  const row = await findEventRow(c.var.db, id);
  if (!row) throw notFound('Event');
  assertDistrict(c.var.staff!, row.district === null ? null : [row.district]);
  return row;
}

/** Counts of one list for staff: statuses, places left and access needs ("2 need a PJM interpreter"). */
async function listCounts(db: Kysely<Database>, placesId: string | null) {
  if (!placesId) return null;
  const places = (await findPlacesRow(db, placesId))!;
  return { ...(await statusCounts(db, placesId)), capacity: places.capacity, taken: places.taken, accessNeeds: await accessNeedCounts(db, placesId) };
}

eventAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['admin:events'],
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

eventAdminRoutes.openapi(
  createRoute({ method: 'post', path: '/', tags: ['admin:events'], summary: 'Create an event (or a session of a series)', request: body(EventInput), responses: { 201: jsonContent(z.object({ id: z.string() }), 'Created'), ...ErrorResponses } }),
  async (c) => {
    const input = c.req.valid('json');
    assertDistrict(c.var.staff!, input.venue?.district ? [input.venue.district] : null);
    return c.json({ id: await insertEvent(c.var.db, input, { createdBy: c.var.staff!.id }) }, 201);
  },
);

eventAdminRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/{id}',
    tags: ['admin:events'],
    summary: 'Save an event. A raised capacity moves people up from the waiting list at once (they are mailed).',
    request: { params: IdParam, ...body(EventInput) },
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

eventAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/duplicate',
    tags: ['admin:events'],
    summary: "Duplicate an event (last year's festival, say) as a pending draft, moved by whole weeks so it keeps its weekday (default 52)",
    request: { params: IdParam, ...body(z.object({ weeks: z.number().int().min(-520).max(520).default(52) })) },
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

eventAdminRoutes.openapi(
  createRoute({ method: 'post', path: '/{id}/publish', tags: ['admin:events'], summary: 'Publish a pending event', request: { params: IdParam }, responses: { 200: Ok, ...ErrorResponses } }),
  async (c) => {
    const row = await staffEvent(c, c.req.valid('param').id);
    if (row.status !== 'pending') throw new ApiError(409, 'conflict', `The event is ${row.status}`);
    await setEventStatus(c.var.db, row.id, 'published');
    return c.json({ ok: true as const }, 200);
  },
);

eventAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/cancel',
    tags: ['admin:events'],
    summary: 'Cancel an event: the feeds carry STATUS:CANCELLED and everyone registered is mailed',
    request: { params: IdParam, ...body(z.object({ reason: z.string().trim().min(3).max(2000) })) },
    responses: { 200: jsonContent(z.object({ mailed: z.number() }), 'Cancelled'), ...ErrorResponses },
  }),
  async (c) => {
    const row = await staffEvent(c, c.req.valid('param').id);
    return c.json(await cancelEvent(c.var, row.id, c.req.valid('json').reason), 200);
  },
);

// ---- Series --------------------------------------------------------------------------------------

eventAdminRoutes.openapi(
  createRoute({ method: 'post', path: '/series', tags: ['admin:events'], summary: 'Create a series: a training cycle or a festival programme', request: body(SeriesInput), responses: { 201: jsonContent(z.object({ id: z.string() }), 'Created'), ...ErrorResponses } }),
  async (c) => c.json({ id: await insertSeries(c.var.db, c.req.valid('json')) }, 201),
);

type SeriesSummary = Awaited<ReturnType<typeof findSeriesSummaries>>[number];
async function seriesItem(db: Kysely<Database>, s: SeriesSummary) {
  return {
    id: s.id, kind: s.kind, title: s.title, organiser: { name: s.organiser_name, organisationId: s.organisation_id }, registrationMode: s.registration_mode,
    attendancePercent: s.attendance_percent, sessions: Number(s.sessions), firstStart: s.first_start ?? null, lastEnd: s.last_end ?? null, counts: await listCounts(db, s.places_id),
  };
}

eventAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/series',
    tags: ['admin:events'],
    summary: 'Every series (training cycles, festival programmes) by title, with the span of its sessions and, for a cycle registered as a whole, its counts',
    responses: { 200: jsonContent(z.object({ items: z.array(StaffSeriesItem) }), 'Series'), ...ErrorResponses },
  }),
  async (c) => {
    const rows = await findSeriesSummaries(c.var.db);
    return c.json({ items: await Promise.all(rows.map((r) => seriesItem(c.var.db, r))) }, 200);
  },
);

eventAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/series/{id}',
    tags: ['admin:events'],
    summary: 'One series as the form edits it, with its sessions of every status in time order',
    request: { params: IdParam },
    responses: { 200: jsonContent(StaffSeriesDetail, 'The series'), ...ErrorResponses },
  }),
  async (c) => {
    const { db } = c.var;
    const row = await findSeriesRow(db, c.req.valid('param').id);
    if (!row) throw notFound('Series');
    const [summary] = await findSeriesSummaries(db, { id: row.id });
    return c.json({ series: await seriesItem(db, summary!), input: await toSeriesInput(db, row), sessions: await calendarEvents(db, await findSessions(db, row.id)) }, 200);
  },
);

eventAdminRoutes.openapi(
  createRoute({ method: 'put', path: '/series/{id}', tags: ['admin:events'], summary: 'Save a series', request: { params: IdParam, ...body(SeriesInput) }, responses: { 200: Ok, ...ErrorResponses } }),
  async (c) => {
    await updateSeries(c.var.db, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  },
);

eventAdminRoutes.openapi(
  createRoute({ method: 'get', path: '/series/{id}/attendance', tags: ['admin:events'], summary: 'Attendance of a cycle per participant, against its rule', request: { params: IdParam }, responses: { 200: jsonContent(z.any(), 'Attendance'), ...ErrorResponses } }),
  async (c) => {
    const a = await cycleAttendance(c.var.db, c.req.valid('param').id);
    return c.json({ percent: a.percent, held: a.held.map((s) => ({ id: s.id, title: s.title, startsAt: s.starts_at })), lines: a.lines }, 200);
  },
);

eventAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/series/{id}/certificates',
    tags: ['admin:events'],
    summary: 'Issue certificates to everyone who meets the cycle’s attendance rule and has none yet; each is mailed a link to the PDF',
    request: { params: IdParam },
    responses: { 200: jsonContent(z.object({ issued: z.array(z.object({ number: z.string(), holderName: z.string() })) }), 'Issued'), ...ErrorResponses },
  }),
  async (c) => {
    const { db, mailer, config } = c.var;
    const seriesId = c.req.valid('param').id;
    const issued = await db.transaction().execute(async (trx) => {
      const list = await issueCertificates(trx, seriesId, { by: c.var.staff!.id });
      const series = (await findSeriesRow(trx, seriesId))!;
      for (const cert of list) {
        await mailer.enqueue({ to: cert.email, template: certificateMail, lang: cert.lang, data: { name: cert.holderName, title: series.title, number: cert.number, link: `${certificateUrl(config, cert.number)}/pdf` } }, trx);
      }
      return list;
    });
    return c.json({ issued: issued.map((i) => ({ number: i.number, holderName: i.holderName })) }, 200);
  },
);

// ---- Moderation -----------------------------------------------------------------------------------

eventAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/submissions',
    tags: ['admin:events'],
    summary: 'NGO submissions waiting for moderation (confirmed by e-mail), with conflict hints: same day, same district, same audience',
    responses: { 200: jsonContent(z.object({ items: z.array(StaffSubmission) }), 'Submissions'), ...ErrorResponses },
  }),
  async (c) => {
    const { db } = c.var;
    const subs = await db.selectFrom('event_submission').selectAll().where('status', '=', 'pending').orderBy('created_at').limit(500).execute();
    const staff = c.var.staff!;
    const items = [];
    for (const s of subs) {
      const row = await findEventRow(db, s.event_id);
      if (!row || !inDistrict(staff, row.district === null ? null : [row.district])) continue;
      const [event] = await calendarEvents(db, [row]);
      items.push({ id: s.id, submitter: { name: s.submitter_name, email: s.submitter_email }, note: s.note, createdAt: s.created_at, event: event!, conflicts: await findConflicts(db, row) });
    }
    return c.json({ items }, 200);
  },
);

/** What the submitter's mail says of the decision. */
const tDecisionText = labelTranslator({
  approved: { pl: 'Twoje wydarzenie jest już w kalendarzu.', en: 'Your event is now in the calendar.', uk: 'Ваша подія вже в календарі.' },
  rejected: { pl: 'Nie możemy opublikować Twojego wydarzenia.', en: 'We cannot publish your event.', uk: 'Ми не можемо опублікувати вашу подію.' },
});

for (const decision of ['approve', 'reject'] as const) {
  eventAdminRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/submissions/{id}/${decision}`,
      tags: ['admin:events'],
      summary: decision === 'approve' ? 'Publish a submitted event; the submitter is mailed' : 'Refuse a submitted event with a reason; the submitter is mailed',
      request: { params: IdParam, ...body(z.object({ reason: decision === 'reject' ? z.string().trim().min(3).max(2000) : z.string().trim().max(2000).default('') })) },
      responses: { 200: Ok, ...ErrorResponses },
    }),
    async (c) => {
      const { db, mailer, config } = c.var;
      const { reason } = c.req.valid('json');
      const s = await db.selectFrom('event_submission').selectAll().where('id', '=', c.req.valid('param').id).executeTakeFirst();
      if (!s) throw notFound('Submission');
      const row = await staffEvent(c, s.event_id);
      await db.transaction().execute(async (trx) => {
        const status = decision === 'approve' ? 'approved' : 'rejected';
        const r = await trx.updateTable('event_submission').set({ status, reason: reason || null, decided_at: nowIso(), decided_by: c.var.staff!.id }).where('id', '=', s.id).where('status', '=', 'pending').executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new ApiError(409, 'conflict', 'This submission is not waiting for moderation');
        if (decision === 'approve') await setEventStatus(trx, row.id, 'published');
        else await bumpEventsVersion(trx);
        const lang = (LANGS as readonly string[]).includes(s.lang) ? (s.lang as (typeof LANGS)[number]) : 'pl';
        await mailer.enqueue({ to: s.submitter_email, template: submissionDecidedMail, lang, data: { name: s.submitter_name, title: row.title, decision: tDecisionText(lang, status), reason, link: decision === 'approve' ? eventPageUrl(config, row.id, lang) : '' } }, trx);
      });
      return c.json({ ok: true as const }, 200);
    },
  );
}

// ---- Registrations and check-in ----------------------------------------------------------------

eventAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/registrations',
    tags: ['admin:events'],
    summary: 'The registrations of an event (of its cycle, for a session) in queue order, with counts and access needs, and who checked in to this event',
    request: { params: IdParam },
    responses: { 200: jsonContent(StaffRegistrations, 'Registrations'), ...ErrorResponses },
  }),
  async (c) => {
    const { db } = c.var;
    const row = await staffEvent(c, c.req.valid('param').id);
    if (!row.places_id) return c.json({ counts: null, items: [] }, 200);
    const regs = await db.selectFrom('event_registration').selectAll().where('places_id', '=', row.places_id).where('status', '!=', 'unconfirmed').orderBy('queue_no').execute();
    const marks = await db.selectFrom('event_attendance').select(['registration_id', 'checked_in_at', 'method']).where('event_id', '=', row.id).execute();
    const items = regs.map((r) => ({
      id: r.id, name: r.name, email: r.email, organisation: r.organisation, status: r.status, queueNo: r.queue_no, offeredUntil: r.offered_until, code: r.code,
      accessNeeds: JSON.parse(r.access_needs), accessNote: r.access_note, answers: JSON.parse(r.answers), skips: (JSON.parse(r.skip_sessions) as string[]).includes(row.id),
      checkedInAt: marks.find((m) => m.registration_id === r.id)?.checked_in_at ?? null,
    }));
    return c.json({ counts: await listCounts(db, row.places_id), items }, 200);
  },
);

eventAdminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/registrations/export',
    tags: ['admin:events'],
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

eventAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/registrations/{registrationId}/cancel',
    tags: ['admin:events'],
    summary: 'Cancel a registration for its holder; the place passes to the next person waiting, who is mailed',
    request: { params: IdParam.extend({ registrationId: z.string().min(1).max(64) }) },
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

eventAdminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/checkin',
    tags: ['admin:events'],
    summary: 'Check a person in to this session: by the code of their QR (scanned on a phone) or from the list. Twice is harmless (`already`).',
    request: { params: IdParam, ...body(z.object({ code: z.string().min(4).max(64).optional(), registrationId: z.string().max(64).optional() }).refine((b) => !!b.code !== !!b.registrationId, { message: 'Give a code or a registration id' })) },
    responses: { 200: jsonContent(CheckInResult, 'Checked in'), ...ErrorResponses },
  }),
  async (c) => {
    const row = await staffEvent(c, c.req.valid('param').id);
    return c.json(await checkIn(c.var.db, { eventId: row.id, ...c.req.valid('json'), by: c.var.staff!.id }), 200);
  },
);

eventAdminRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}/checkin/{registrationId}',
    tags: ['admin:events'],
    summary: 'Undo a check-in made by mistake',
    request: { params: IdParam.extend({ registrationId: z.string().min(1).max(64) }) },
    responses: { 200: Ok, ...ErrorResponses },
  }),
  async (c) => {
    const row = await staffEvent(c, c.req.valid('param').id);
    if (!(await undoCheckIn(c.var.db, row.id, c.req.valid('param').registrationId))) throw notFound('Check-in');
    return c.json({ ok: true as const }, 200);
  },
);

// Last, so that the static paths above (`/submissions`, `/series/…`) win over `/{id}`.
eventAdminRoutes.openapi(
  createRoute({ method: 'get', path: '/{id}', tags: ['admin:events'], summary: 'One event as the form edits it, with its counts', request: { params: IdParam }, responses: { 200: jsonContent(z.any(), 'The event'), ...ErrorResponses } }),
  async (c) => {
    const row = await staffEvent(c, c.req.valid('param').id);
    const [event] = await calendarEvents(c.var.db, [row]);
    return c.json({ event, input: await toEventInput(c.var.db, row), counts: await listCounts(c.var.db, row.places_id), conflicts: await findConflicts(c.var.db, row) }, 200);
  },
);
