import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import type { Kysely } from 'kysely';
import { SeriesInput, StaffSeriesDetail, StaffSeriesItem } from '../../common/events.schema.js';
import { notFound } from '../core/errors.js';
import { ErrorResponses, IdParam, jsonContent, jsonRequest } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import type { Database } from '../db/schema.js';
import { cycleAttendance, issueCertificates } from './events.attendance.js';
import { certificateMail, certificateUrl } from './events.mail.js';
import { findSeriesRow, findSeriesSummaries, findSessions, insertSeries, toSeriesInput, updateSeries } from './events.repository.js';
import { calendarEvents } from './events.service.js';
import { listCounts, Ok, TAGS } from './events.admin.shared.js';

/** Series for staff (training cycles, festival programmes): create, list, edit, a cycle's attendance and its certificates. Mounted on the events staff router (events.admin.routes.ts). */
export const seriesStaffRoutes = createRouter();

seriesStaffRoutes.openapi(
  createRoute({ method: 'post', path: '/series', tags: TAGS, summary: 'Create a series: a training cycle or a festival programme', request: jsonRequest(SeriesInput), responses: { 201: jsonContent(z.object({ id: z.string() }), 'Created'), ...ErrorResponses } }),
  async (c) => c.json({ id: await insertSeries(c.var.db, c.req.valid('json')) }, 201),
);

type SeriesSummary = Awaited<ReturnType<typeof findSeriesSummaries>>[number];
async function seriesItem(db: Kysely<Database>, s: SeriesSummary) {
  return {
    id: s.id, kind: s.kind, title: s.title, organiser: { name: s.organiser_name, organisationId: s.organisation_id }, registrationMode: s.registration_mode,
    attendancePercent: s.attendance_percent, sessions: Number(s.sessions), firstStart: s.first_start ?? null, lastEnd: s.last_end ?? null, counts: await listCounts(db, s.places_id),
  };
}

seriesStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/series',
    tags: TAGS,
    summary: 'Every series (training cycles, festival programmes) by title, with the span of its sessions and, for a cycle registered as a whole, its counts',
    responses: { 200: jsonContent(z.object({ items: z.array(StaffSeriesItem) }), 'Series'), ...ErrorResponses },
  }),
  async (c) => {
    const rows = await findSeriesSummaries(c.var.db);
    return c.json({ items: await Promise.all(rows.map((r) => seriesItem(c.var.db, r))) }, 200);
  },
);

seriesStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/series/{id}',
    tags: TAGS,
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

seriesStaffRoutes.openapi(
  createRoute({ method: 'put', path: '/series/{id}', tags: TAGS, summary: 'Save a series', request: { params: IdParam, ...jsonRequest(SeriesInput) }, responses: { 200: Ok, ...ErrorResponses } }),
  async (c) => {
    await updateSeries(c.var.db, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  },
);

seriesStaffRoutes.openapi(
  createRoute({ method: 'get', path: '/series/{id}/attendance', tags: TAGS, summary: 'Attendance of a cycle per participant, against its rule', request: { params: IdParam }, responses: { 200: jsonContent(z.any(), 'Attendance'), ...ErrorResponses } }),
  async (c) => {
    const a = await cycleAttendance(c.var.db, c.req.valid('param').id);
    return c.json({ percent: a.percent, held: a.held.map((s) => ({ id: s.id, title: s.title, startsAt: s.starts_at })), lines: a.lines }, 200);
  },
);

seriesStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/series/{id}/certificates',
    tags: TAGS,
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
