import { labelTranslator } from '../../common/i18n.js';
import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Lang } from '../../common/taxonomy.js';
import { LANGS } from '../../common/taxonomy.js';
import {
  CalendarEvent, CalendarSeries, CertificateVerification, ConfirmResult, EventList, EventListQuery, EventSubmissionInput, RegistrationAccepted, RegistrationChange,
  RegistrationInput, RegistrationView,
} from '../../common/events.schema.js';
import { guardAnonymousWrite } from '../core/abuse.js';
import { cachedRead, memoJson } from '../core/cache.js';
import { sendCachedFile } from '../core/export.js';
import type { AppEnv } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { idempotent, writeOnce } from '../core/idempotency.js';
import { ErrorResponses, IdParam, jsonContent, jsonRequest, LinkToken } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { CERTIFICATE_NUMBER_RE, certificatePdf } from './events.certificate.js';
import { findCertificate } from './events.attendance.js';
import { buildIcs, buildRss } from './events.feeds.js';
import { certificateUrl, eventPageUrl } from './events.mail.js';
import { eventsVersion, findEventRow, findEventRows, findSeriesRow, findSessions, findPlacesRow, loadContext, registrationInfo, toCalendarEvent, PUBLIC_STATUSES } from './events.repository.js';
import { acceptByLink, calendarEvents, cancelByLink, changeByLink, confirm, confirmSubmission, register, submitEvent, viewRegistration } from './events.service.js';
import { isLocalDate, warsawDateOf } from '../../common/time.js';
import { decodeCursor } from '../core/cursor.js';

/** Public events API. Mounted at /v1/events. */
export const eventRoutes = createRouter();

const Token = z.object({ token: LinkToken });
const LangQuery = z.object({ lang: z.enum(LANGS).default('pl') });
/** The feeds' own name and description. */
const tFeed = labelTranslator({
  name: { pl: 'Wydarzenia NGO w Krakowie', en: 'NGO events in Kraków', uk: 'Події НУО у Кракові' },
  description: { pl: 'Kalendarz wydarzeń organizacji pozarządowych i miasta Krakowa', en: 'Calendar of events of Kraków’s NGOs and the city', uk: 'Календар подій неурядових організацій і міста Кракова' },
});

/**
 * The version of a public read (see `cachedRead`): the data version and the hour, since
 * registration opens and closes with the clock too; answers are cached for a minute at most.
 */
const readVersion = async (c: Context<AppEnv>) => ({ version: `${await eventsVersion(c.var.db)}|${new Date().toISOString().slice(0, 13)}`, maxAge: 60 });

eventRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['events'],
    summary: 'Events in time order, filtered. `format=ics` and `format=rss` give exactly the same events as a feed, so a calendar can subscribe to what a person sees.',
    description:
      '`from` and `to` are Warsaw days, inclusive (an event is in when it overlaps them); without `from`, today. Lists are comma-separated. Cancelled events stay in the list (and travel as STATUS:CANCELLED in the iCalendar feed). Unknown parameters are refused with 422.',
    request: { query: EventListQuery },
    responses: {
      200: { description: 'Events', content: { 'application/json': { schema: EventList }, 'text/calendar': { schema: z.string() }, 'application/rss+xml': { schema: z.string() } } },
      304: { description: 'Not modified' },
      ...ErrorResponses,
    },
    middleware: [cachedRead(readVersion)] as const,
  }),
  async (c) => {
    const q = c.req.valid('query');
    const { format, lang, limit, offset, after, ...filters } = q;
    const page = async () => {
      const now = new Date();
      const found = await findEventRows(c.var.db, filters, now, { limit, offset, after: after === undefined ? undefined : decodeCursor(after) });
      return { ...found, now, items: await calendarEvents(c.var.db, found.rows, now) };
    };
    const self = new URL(c.req.url);
    const feedOptions = { name: tFeed(lang, 'name'), publicUrl: c.var.config.publicUrl, lang, eventUrl: (id: string) => eventPageUrl(c.var.config, id, lang), selfUrl: `${c.var.config.publicUrl}${self.pathname}${self.search}` };
    if (format === 'ics') return sendCachedFile(c, { filename: 'wydarzenia.ics', type: 'text/calendar; charset=utf-8', disposition: 'inline' }, async () => buildIcs((await page()).items, feedOptions));
    if (format === 'rss') return sendCachedFile(c, { filename: 'wydarzenia.rss', type: 'application/rss+xml; charset=utf-8', disposition: 'inline' }, async () => buildRss((await page()).items, { ...feedOptions, description: tFeed(lang, 'description') }));
    return memoJson(c, async () => {
      const { total, totalCapped, next, items, now } = await page();
      const from = filters.from && isLocalDate(filters.from) ? filters.from : warsawDateOf(now);
      return { items, total, totalCapped, next, from, to: filters.to ?? null };
    });
  },
);

eventRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/series/{id}',
    tags: ['events'],
    summary: 'A series (a training cycle or a festival programme) with its sessions in time order',
    request: { params: IdParam },
    responses: { 200: jsonContent(CalendarSeries, 'The series'), 304: { description: 'Not modified' }, ...ErrorResponses },
    middleware: [cachedRead(readVersion)] as const,
  }),
  async (c) => {
    const now = new Date();
    const series = await findSeriesRow(c.var.db, c.req.valid('param').id);
    if (!series) throw notFound('Series');
    const rows = (await findSessions(c.var.db, series.id)).filter((s) => PUBLIC_STATUSES.includes(s.status));
    const ctx = await loadContext(c.var.db, rows);
    const sessions = rows.map((r) => toCalendarEvent(r, ctx, now));
    const places = series.places_id ? await findPlacesRow(c.var.db, series.places_id) : undefined;
    const firstStart = rows.find((r) => r.status === 'published')?.starts_at ?? rows[0]?.starts_at ?? now.toISOString();
    const registration = registrationInfo(series.registration_mode === 'series' ? 'series' : 'none', places, places ? (ctx.waiting.get(places.id) ?? 0) : 0, rows.some((r) => r.status === 'published') ? 'published' : 'cancelled', firstStart, now);
    return memoJson(c, async () => (
      { id: series.id, kind: series.kind, title: series.title, description: series.description, translations: JSON.parse(series.translations), organiser: { name: series.organiser_name, organisationId: series.organisation_id }, attendancePercent: series.attendance_percent, registration, sessions }
    ));
  },
);

/** A public event: published or cancelled (pending ones are not there for the public). */
async function publicEvent(db: Kysely<Database>, id: string) {
  const row = await findEventRow(db, id);
  if (!row || !PUBLIC_STATUSES.includes(row.status)) throw notFound('Event');
  const [event] = await calendarEvents(db, [row]);
  return event!;
}

eventRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['events'],
    summary: 'One event, with its registration state (places left, waiting list, deadline, questions)',
    request: { params: IdParam },
    responses: { 200: jsonContent(CalendarEvent, 'The event'), 304: { description: 'Not modified' }, ...ErrorResponses },
    middleware: [cachedRead(readVersion)] as const,
  }),
  async (c) => {
    const event = await publicEvent(c.var.db, c.req.valid('param').id);
    return memoJson(c, async () => event);
  },
);

eventRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/calendar.ics',
    tags: ['events'],
    summary: 'One event as iCalendar ("Add to calendar"); a session of a cycle comes with the whole cycle when `series=1`',
    request: { params: IdParam, query: LangQuery.extend({ series: z.enum(['0', '1']).default('0') }) },
    responses: { 200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } }, 304: { description: 'Not modified' }, ...ErrorResponses },
    middleware: [cachedRead(readVersion)] as const,
  }),
  async (c) => {
    const { lang, series } = c.req.valid('query');
    const event = await publicEvent(c.var.db, c.req.valid('param').id);
    return sendCachedFile(c, { filename: 'wydarzenie.ics', type: 'text/calendar; charset=utf-8', disposition: 'inline' }, async () => {
      const items = series === '1' && event.series
        ? await calendarEvents(c.var.db, (await findSessions(c.var.db, event.series.id)).filter((s) => PUBLIC_STATUSES.includes(s.status)))
        : [event];
      return buildIcs(items, { name: event.series?.title ?? event.title, publicUrl: c.var.config.publicUrl, lang, eventUrl: (id) => eventPageUrl(c.var.config, id, lang) });
    });
  },
);

eventRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/registrations',
    tags: ['events'],
    summary: 'Register for an event (or, when it registers through its cycle, for the whole cycle). The place is given when the e-mailed link is opened: confirmed, or on the waiting list.',
    description: '409 `registration_closed` after the deadline (or the start), `registration_not_offered` when the event takes none, `already_registered` for a second registration of one address.',
    request: { params: IdParam, ...jsonRequest(RegistrationInput) },
    responses: { 202: jsonContent(RegistrationAccepted, 'Received; confirm by the e-mailed link'), ...ErrorResponses },
    middleware: [idempotent('events:register'), guardAnonymousWrite({ scope: 'events:register', limit: 20, windowSec: 3600 })] as const,
  }),
  async (c) => {
    return writeOnce(c, 202, async (_trx, vars) => {
      const { id } = await register(vars, c.req.valid('param').id, c.req.valid('json'));
      return { id, status: 'unconfirmed' as const };
    });
  },
);

eventRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/registrations/confirm',
    tags: ['events'],
    summary: 'Confirm a registration with the e-mailed link (single use): a place when one is free, else the waiting list. The answer carries the self-service token, which is also mailed.',
    request: jsonRequest(Token),
    responses: { 200: jsonContent(ConfirmResult, 'Confirmed'), ...ErrorResponses },
  }),
  async (c) => c.json(await confirm(c.var, c.req.valid('json').token), 200),
);

eventRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/registrations/manage',
    tags: ['events'],
    summary: 'A registration as its holder sees it, through the self-service link: status, waiting-list position, the QR code while confirmed',
    request: jsonRequest(Token),
    responses: { 200: jsonContent(RegistrationView, 'The registration'), ...ErrorResponses },
  }),
  async (c) => c.json(await viewRegistration(c.var.db, c.req.valid('json').token), 200),
);

eventRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/registrations/manage/cancel',
    tags: ['events'],
    summary: 'Cancel through the self-service link. A freed place goes to the first person waiting, who is mailed (with a time to accept when the event is near).',
    request: jsonRequest(Token),
    responses: { 200: jsonContent(z.object({ status: z.literal('cancelled'), promoted: z.boolean() }), 'Cancelled'), ...ErrorResponses },
  }),
  async (c) => c.json(await cancelByLink(c.var, c.req.valid('json').token), 200),
);

eventRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/registrations/manage/accept',
    tags: ['events'],
    summary: 'Accept a place offered from the waiting list, before the offer runs out (409 `offer_expired` after)',
    request: jsonRequest(Token),
    responses: { 200: jsonContent(z.object({ status: z.literal('confirmed') }), 'Confirmed'), ...ErrorResponses },
  }),
  async (c) => c.json(await acceptByLink(c.var, c.req.valid('json').token), 200),
);

eventRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/registrations/manage/change',
    tags: ['events'],
    summary: 'Change answers, access needs or the sessions of a cycle one will skip, through the self-service link',
    request: jsonRequest(RegistrationChange),
    responses: { 200: jsonContent(RegistrationView, 'The registration'), ...ErrorResponses },
  }),
  async (c) => c.json(await changeByLink(c.var.db, c.req.valid('json')), 200),
);

eventRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/submissions',
    tags: ['events'],
    summary: 'An NGO submits an event for the calendar. It waits for the e-mailed confirmation, then for moderation.',
    request: jsonRequest(EventSubmissionInput),
    responses: { 202: jsonContent(z.object({ id: z.string(), status: z.literal('unconfirmed') }), 'Received'), ...ErrorResponses },
    middleware: [idempotent('events:submit'), guardAnonymousWrite({ scope: 'events:submit', limit: 10, windowSec: 3600 })] as const,
  }),
  async (c) => {
    return writeOnce(c, 202, async (_trx, vars) => {
      const { id } = await submitEvent(vars, c.req.valid('json'));
      return { id, status: 'unconfirmed' as const };
    });
  },
);

eventRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/submissions/confirm',
    tags: ['events'],
    summary: 'Confirm a submitted event with the e-mailed link (single use); it then waits for moderation',
    request: jsonRequest(Token),
    responses: { 200: jsonContent(z.object({ id: z.string(), status: z.literal('pending') }), 'Confirmed'), ...ErrorResponses },
  }),
  async (c) => c.json(await confirmSubmission(c.var, c.req.valid('json').token), 200),
);

const CertificateParam = z.object({ number: z.string().regex(CERTIFICATE_NUMBER_RE, 'Not a certificate number') });

eventRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/certificates/{number}',
    tags: ['events'],
    summary: 'Verify a certificate of attendance by its number; `pdf` links the document',
    request: { params: CertificateParam },
    responses: { 200: jsonContent(CertificateVerification, 'The certificate'), ...ErrorResponses },
  }),
  async (c) => {
    const cert = await findCertificate(c.var.db, c.req.valid('param').number);
    if (!cert) throw notFound('Certificate');
    return c.json(
      { number: cert.number, valid: cert.revoked_at === null, holderName: cert.holder_name, seriesTitle: cert.series_title, attended: cert.attended, held: cert.held, issuedAt: cert.issued_at, pdf: `${certificateUrl(c.var.config, cert.number)}/pdf` },
      200,
    );
  },
);

eventRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/certificates/{number}/pdf',
    tags: ['events'],
    summary: 'The certificate of attendance as PDF (A4), in the holder’s language or `lang`',
    request: { params: CertificateParam, query: z.object({ lang: z.enum(LANGS).optional() }) },
    responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } }, ...ErrorResponses },
  }),
  async (c) => {
    const { db, config } = c.var;
    const cert = await findCertificate(db, c.req.valid('param').number);
    if (!cert || cert.revoked_at) throw notFound('Certificate');
    const series = await findSeriesRow(db, cert.series_id);
    const holder = cert.registration_id ? await db.selectFrom('event_registration').select('lang').where('id', '=', cert.registration_id).executeTakeFirst() : undefined;
    const lang = c.req.valid('query').lang ?? ((holder?.lang as Lang | undefined) || 'pl');
    const pdf = await certificatePdf({
      number: cert.number, holderName: cert.holder_name, seriesTitle: cert.series_title, organiser: series?.organiser_name ?? '', sessions: JSON.parse(cert.sessions), attended: cert.attended, held: cert.held,
      issuedAt: cert.issued_at, verifyUrl: certificateUrl(config, cert.number), lang,
    });
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="zaswiadczenie-${cert.number}.pdf"`, 'Cache-Control': 'private, max-age=300' }) as never;
  },
);
