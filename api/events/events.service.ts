/**
 * The multi-step writes of events: each runs in one transaction with its secret link, its mail and
 * its version bump. Places are taken and passed on by `events.places.ts`.
 */
import type { Kysely, Transaction } from 'kysely';
import QRCode from 'qrcode';
import type { Database } from '../db/schema.js';
import { isUniqueViolation } from '../db/database.js';
import type { Config } from '../config.js';
import type { Lang } from '../../common/taxonomy.js';
import { LOCALES, normaliseLang } from '../../common/i18n.js';
import { registrationOpen } from '../../common/events.js';
import type { CalendarEvent, EventSubmissionInput, Question, RegistrationInput, RegistrationView } from '../../common/events.schema.js';
import { EventInput } from '../../common/events.schema.js';
import { ApiError, notFound, validationError } from '../core/errors.js';
import type { FieldIssue } from '../../common/errors.js';
import { newId, nowIso } from '../core/ids.js';
import type { Mailer, MailAttachment } from '../core/mail.js';
import { confirmByLink, createSecretLink, findSecretLink, linkInvalid, revokeSecretLinks } from '../core/secret-links.js';
import { staffToNotify } from '../admin/staff.repository.js';
import {
  findEventRow, findPlacesRow, findSeriesRow, findSessions, inTransaction, insertEvent, loadContext, setEventStatus, toCalendarEvent, type EventRow, type PlacesRow,
} from './events.repository.js';
import { acceptOffer, cancelRegistration, confirmRegistration, findActiveRegistration, findRegistration, insertRegistration, type RegistrationRow } from './events.places.js';
import { buildIcs, localized } from './events.feeds.js';
import { WARSAW } from '../../common/time.js';
import {
  CONFIRM_LINK, CONFIRM_TTL_MS, MANAGE_LINK, MANAGE_TTL_MS, SUBMISSION_LINK, SUBMISSION_TTL_MS, cancelledMail, confirmRegistrationMail, confirmSubmissionMail,
  eventCancelledMail, eventLinkUrl, eventPageUrl, eventPanelUrl, offeredMail, registeredMail, submissionArrivedMail, waitingMail,
} from './events.mail.js';

type Db = Kysely<Database> | Transaction<Database>;
export interface ServiceContext { db: Kysely<Database>; mailer: Mailer; config: Config }

const asLang = normaliseLang;

/** "5 czerwca 2027, 10:00–16:00" in Warsaw time; all-day events by their dates. */
export function whenText(e: Pick<CalendarEvent, 'startsAt' | 'endsAt' | 'allDay'>, lang: Lang): string {
  const zone = { timeZone: WARSAW } as const;
  const day = new Intl.DateTimeFormat(LOCALES[lang], { ...zone, dateStyle: 'long' });
  const time = new Intl.DateTimeFormat(LOCALES[lang], { ...zone, timeStyle: 'short' });
  const start = new Date(e.startsAt);
  const end = new Date(e.allDay ? Date.parse(e.endsAt) - 1 : e.endsAt);
  if (e.allDay) return day.formatRange(start, end);
  return day.format(start) === day.format(end) ? `${day.format(start)}, ${time.format(start)}–${time.format(end)}` : `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)}`;
}

export async function calendarEvents(db: Db, rows: EventRow[], now = new Date()): Promise<CalendarEvent[]> {
  const ctx = await loadContext(db, rows);
  return rows.map((r) => toCalendarEvent(r, ctx, now));
}

/** What a registration is for: the event, or a cycle's sessions (in time order). */
async function registrationTarget(db: Db, reg: Pick<RegistrationRow, 'event_id' | 'series_id' | 'skip_sessions'>) {
  if (reg.series_id) {
    const series = await findSeriesRow(db, reg.series_id);
    const sessions = (await findSessions(db, reg.series_id)).filter((s) => s.status !== 'pending');
    return { title: series?.title ?? '', rows: sessions, seriesTitle: series?.title ?? null };
  }
  const row = reg.event_id ? await findEventRow(db, reg.event_id) : undefined;
  return { title: row?.title ?? '', rows: row ? [row] : [], seriesTitle: null };
}

/** Mail texts for a registration: the localized title, when and where. */
async function mailFacts(db: Db, reg: RegistrationRow) {
  const lang = asLang(reg.lang);
  const target = await registrationTarget(db, reg);
  const events = await calendarEvents(db, target.rows);
  const first = events.find((e) => e.status === 'published') ?? events[0];
  const title = reg.series_id ? target.title : first ? localized(first, lang).title : target.title;
  const when = first ? (reg.series_id ? `${whenText(first, lang)} (+${Math.max(0, events.length - 1)})` : whenText(first, lang)) : '';
  const where = first?.venue ? [first.venue.name, first.venue.address].filter(Boolean).join(', ') : (first?.onlineUrl ?? '');
  return { lang, title, when, where, events };
}

/** The confirmation's attachments: the event (or the sessions not skipped) as .ics, and the check-in QR code. */
async function attachmentsFor(config: Config, reg: RegistrationRow, events: CalendarEvent[], lang: Lang): Promise<MailAttachment[]> {
  const skipped = new Set(JSON.parse(reg.skip_sessions) as string[]);
  const ics = buildIcs(events.filter((e) => !skipped.has(e.id)), { name: events[0]?.series?.title ?? localized(events[0]!, lang).title, publicUrl: config.publicUrl, lang, eventUrl: (id) => eventPageUrl(config, id, lang) });
  const qr = await QRCode.toBuffer(reg.code, { type: 'png', width: 360, margin: 2, errorCorrectionLevel: 'M' });
  return [
    { filename: 'wydarzenie.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics },
    { filename: `kod-${reg.code.slice(0, 6)}.png`, contentType: 'image/png', content: qr },
  ];
}

/** A fresh self-service link (older ones stop working), for a mail about `reg`. */
async function manageLink(db: Db, config: Config, reg: RegistrationRow): Promise<{ token: string; url: string }> {
  await revokeSecretLinks(db as Kysely<Database>, MANAGE_LINK, reg.id);
  const { token } = await createSecretLink(db as Kysely<Database>, { purpose: MANAGE_LINK, subjectId: reg.id, email: reg.email, ttlMs: MANAGE_TTL_MS });
  return { token, url: eventLinkUrl(config, { lang: reg.lang, manage: token }) };
}

/** Place on the waiting list (1 is next), or null. */
async function waitingPosition(db: Db, reg: RegistrationRow): Promise<number | null> {
  if (reg.status !== 'waiting' || reg.queue_no === null) return null;
  const r = await db.selectFrom('event_registration').select((eb) => eb.fn.countAll<number>().as('n')).where('places_id', '=', reg.places_id).where('status', '=', 'waiting').where('queue_no', '<=', reg.queue_no).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Mails the person whose status just became `confirmed`, `waiting` or `offered`; returns the self-service token. */
export async function mailStatus(ctx: ServiceContext, db: Db, reg: RegistrationRow): Promise<string> {
  const facts = await mailFacts(db, reg);
  const link = await manageLink(db, ctx.config, reg);
  const base = { name: reg.name, title: facts.title, when: facts.when };
  if (reg.status === 'confirmed') {
    await ctx.mailer.enqueue(
      { to: reg.email, template: registeredMail, lang: facts.lang, data: { ...base, where: facts.where, code: reg.code, link: link.url }, attachments: await attachmentsFor(ctx.config, reg, facts.events, facts.lang) },
      db as Kysely<Database>,
    );
  } else if (reg.status === 'waiting') {
    await ctx.mailer.enqueue({ to: reg.email, template: waitingMail, lang: facts.lang, data: { ...base, position: (await waitingPosition(db, reg)) ?? 0, link: link.url } }, db as Kysely<Database>);
  } else if (reg.status === 'offered') {
    const until = new Intl.DateTimeFormat(LOCALES[facts.lang], { timeZone: WARSAW, dateStyle: 'long', timeStyle: 'short' }).format(new Date(reg.offered_until!));
    await ctx.mailer.enqueue({ to: reg.email, template: offeredMail, lang: facts.lang, data: { ...base, until, link: eventLinkUrl(ctx.config, { lang: reg.lang, manage: link.token, action: 'accept' }) } }, db as Kysely<Database>);
  }
  return link.token;
}

/** When a whole-cycle registration closes: at its first session (or the deadline). */
async function closesAt(db: Db, event: EventRow): Promise<string> {
  if (event.registration_mode !== 'series' || !event.series_id) return event.starts_at;
  const sessions = (await findSessions(db, event.series_id)).filter((s) => s.status === 'published');
  return sessions[0]?.starts_at ?? event.starts_at;
}

/** Answers checked against the list's questions: required ones given, options known, no strangers. */
function checkAnswers(questions: Question[], answers: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const q of questions) {
    const v = answers[q.id];
    const empty = v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (q.required) issues.push({ path: `answers.${q.id}`, code: 'required', message: 'This question needs an answer' });
      continue;
    }
    const ids = q.options.map((o) => o.id);
    const ok = q.kind === 'text' ? typeof v === 'string' : q.kind === 'boolean' ? typeof v === 'boolean' : q.kind === 'choice' ? typeof v === 'string' && ids.includes(v) : Array.isArray(v) && v.every((x) => ids.includes(x));
    if (!ok) issues.push({ path: `answers.${q.id}`, code: 'invalid_value', message: 'Not an answer this question takes' });
  }
  for (const key of Object.keys(answers)) if (!questions.some((q) => q.id === key)) issues.push({ path: `answers.${key}`, code: 'unknown', message: 'No such question' });
  return issues;
}

/** The places of an event that takes registrations now, or the reason it does not. */
export async function openPlaces(db: Db, event: EventRow | undefined, now: Date): Promise<{ event: EventRow; places: PlacesRow }> {
  if (!event || event.status === 'pending') throw notFound('Event');
  if (event.registration_mode === 'none' || !event.places_id) throw new ApiError(409, 'registration_not_offered', 'This event takes no registration here');
  const places = (await findPlacesRow(db, event.places_id))!;
  if (!registrationOpen({ status: event.status, startsAt: await closesAt(db, event), deadline: places.deadline_at }, now)) {
    throw new ApiError(409, 'registration_closed', event.status === 'cancelled' ? 'The event is cancelled' : 'Registration for this event is closed');
  }
  return { event, places };
}

/** A new registration, waiting for the e-mailed confirmation. */
export async function register(ctx: ServiceContext, eventId: string, input: RegistrationInput, now = new Date()): Promise<{ id: string }> {
  const { event, places } = await openPlaces(ctx.db, await findEventRow(ctx.db, eventId), now);
  const seriesId = event.registration_mode === 'series' ? event.series_id : null;
  const issues = checkAnswers(JSON.parse(places.questions) as Question[], input.answers);
  if (input.skipSessions.length) {
    const sessionIds = seriesId ? (await findSessions(ctx.db, seriesId)).map((s) => s.id) : [];
    if (input.skipSessions.some((id) => !sessionIds.includes(id))) issues.push({ path: 'skipSessions', code: 'invalid_value', message: 'Only sessions of this cycle can be skipped' });
  }
  if (!places.ask_access_needs && (input.accessNeeds.length || input.accessNote)) issues.push({ path: 'accessNeeds', code: 'not_allowed', message: 'This event does not ask for access needs' });
  if (issues.length) throw validationError(issues);
  const alreadyRegistered = () => new ApiError(409, 'already_registered', 'This e-mail address is already registered; the link from the earlier e-mail changes or cancels it');
  if (await findActiveRegistration(ctx.db, places.id, input.contact.email)) throw alreadyRegistered();
  // Two registrations from one address at once both pass the check above; the database's unique
  // index (one live registration per places and address) lets one in and refuses the other.
  return inTransaction(ctx.db, async (trx) => {
    const reg = await insertRegistration(trx, {
      placesId: places.id, eventId: seriesId ? null : event.id, seriesId, name: input.contact.name, email: input.contact.email, organisation: input.organisation,
      answers: input.answers, accessNeeds: input.accessNeeds, accessNote: input.accessNote, skipSessions: input.skipSessions, lang: input.lang,
    }, now);
    const link = await createSecretLink(trx as Kysely<Database>, { purpose: CONFIRM_LINK, subjectId: reg.id, email: reg.email, ttlMs: CONFIRM_TTL_MS }, now);
    const facts = await mailFacts(trx, reg);
    await ctx.mailer.enqueue(
      { to: reg.email, template: confirmRegistrationMail, lang: input.lang, data: { name: reg.name, title: facts.title, when: facts.when, link: eventLinkUrl(ctx.config, { lang: input.lang, confirm: link.token }) } },
      trx as Kysely<Database>,
    );
    return { id: reg.id };
  }).catch((err: unknown) => {
    throw isUniqueViolation(err) ? alreadyRegistered() : err;
  });
}

/** The registrant opened the confirmation link: a place, the waiting list, or full. */
export async function confirm(ctx: ServiceContext, tokenValue: string, now = new Date()) {
  return confirmByLink(ctx.db, tokenValue, CONFIRM_LINK, async (trx, link) => {
    const reg = await findRegistration(trx, link.subjectId);
    if (!reg || reg.status !== 'unconfirmed') return null;
    const out = await confirmRegistration(trx, reg.id, now);
    const manageToken = out.status === 'full' ? null : await mailStatus(ctx, trx, out.registration);
    return { status: out.status as 'confirmed' | 'waiting' | 'full', position: await waitingPosition(trx, out.registration), eventId: reg.event_id, manageToken };
  });
}

/** The live registration behind a self-service token. */
async function managed(db: Db, tokenValue: string, now: Date): Promise<RegistrationRow> {
  const link = await findSecretLink(db as Kysely<Database>, tokenValue, MANAGE_LINK, now);
  const reg = await findRegistration(db, link.subjectId);
  if (!reg || reg.purged_at) throw linkInvalid();
  return reg;
}

export async function viewRegistration(db: Db, tokenValue: string, now = new Date()): Promise<RegistrationView> {
  const reg = await managed(db, tokenValue, now);
  const target = await registrationTarget(db, reg);
  const confirmed = reg.status === 'confirmed';
  return {
    id: reg.id, status: reg.status, position: await waitingPosition(db, reg), offeredUntil: reg.offered_until, name: reg.name, organisation: reg.organisation,
    answers: JSON.parse(reg.answers), accessNeeds: JSON.parse(reg.access_needs), accessNote: reg.access_note, skipSessions: JSON.parse(reg.skip_sessions),
    events: await calendarEvents(db, target.rows, now), seriesTitle: target.seriesTitle,
    code: confirmed ? reg.code : null,
    qr: confirmed ? await QRCode.toDataURL(reg.code, { margin: 2, width: 240, errorCorrectionLevel: 'M' }) : null,
  };
}

/** Cancels through the self-service link; the place passes to the next person waiting, who is mailed. */
export async function cancelByLink(ctx: ServiceContext, tokenValue: string, now = new Date()): Promise<{ status: 'cancelled'; promoted: boolean }> {
  return inTransaction(ctx.db, async (trx) => {
    const reg = await managed(trx, tokenValue, now);
    const out = await cancelRegistration(trx, reg.id, now);
    if (!out.changed) throw new ApiError(409, 'not_active', `This registration is already ${reg.status}`, { status: reg.status });
    const facts = await mailFacts(trx, reg);
    await ctx.mailer.enqueue({ to: reg.email, template: cancelledMail, lang: facts.lang, data: { name: reg.name, title: facts.title, when: facts.when } }, trx as Kysely<Database>);
    if (out.promoted) await mailStatus(ctx, trx, out.promoted);
    return { status: 'cancelled' as const, promoted: !!out.promoted };
  });
}

/** Accepts an offered place before its deadline. */
export async function acceptByLink(ctx: ServiceContext, tokenValue: string, now = new Date()): Promise<{ status: 'confirmed' }> {
  return inTransaction(ctx.db, async (trx) => {
    const reg = await managed(trx, tokenValue, now);
    if (!(await acceptOffer(trx, reg.id, now))) throw new ApiError(409, 'offer_expired', reg.status === 'offered' ? 'The offer has expired' : 'There is no offer to accept', { status: reg.status });
    await mailStatus(ctx, trx, { ...reg, status: 'confirmed', offered_until: null });
    return { status: 'confirmed' as const };
  });
}

/** Changes answers, access needs or skipped sessions of a live registration. */
export async function changeByLink(db: Kysely<Database>, input: { token: string; answers?: Record<string, unknown>; accessNeeds?: string[]; accessNote?: string | null; skipSessions?: string[] }, now = new Date()): Promise<RegistrationView> {
  const reg = await managed(db, input.token, now);
  if (!['unconfirmed', 'confirmed', 'waiting', 'offered'].includes(reg.status)) throw new ApiError(409, 'not_active', `This registration is ${reg.status}`);
  const places = (await findPlacesRow(db, reg.places_id))!;
  const issues = input.answers ? checkAnswers(JSON.parse(places.questions) as Question[], input.answers) : [];
  if (input.skipSessions) {
    const ids = reg.series_id ? (await findSessions(db, reg.series_id)).map((s) => s.id) : [];
    if (input.skipSessions.some((id) => !ids.includes(id))) issues.push({ path: 'skipSessions', code: 'invalid_value', message: 'Only sessions of this cycle can be skipped' });
  }
  if (issues.length) throw validationError(issues);
  await db
    .updateTable('event_registration')
    .set({
      ...(input.answers ? { answers: JSON.stringify(input.answers) } : {}),
      ...(input.accessNeeds ? { access_needs: JSON.stringify(input.accessNeeds) } : {}),
      ...(input.accessNote !== undefined ? { access_note: input.accessNote } : {}),
      ...(input.skipSessions ? { skip_sessions: JSON.stringify(input.skipSessions) } : {}),
    })
    .where('id', '=', reg.id)
    .execute();
  return viewRegistration(db, input.token, now);
}

/** An NGO's event for the calendar: stored pending, unconfirmed until the e-mailed link is opened. */
export async function submitEvent(ctx: ServiceContext, input: EventSubmissionInput, now = new Date()): Promise<{ id: string }> {
  return inTransaction(ctx.db, async (trx) => {
    const event = EventInput.parse({ ...input.event, status: 'pending', registrationMode: 'none' });
    const eventId = await insertEvent(trx, event, { createdBy: null });
    const id = newId();
    await trx
      .insertInto('event_submission')
      .values({ id, event_id: eventId, status: 'unconfirmed', submitter_name: input.contact.name, submitter_email: input.contact.email.toLowerCase(), note: input.note, lang: input.lang, reason: null, created_at: nowIso(now), confirmed_at: null, decided_at: null, decided_by: null })
      .execute();
    const link = await createSecretLink(trx as Kysely<Database>, { purpose: SUBMISSION_LINK, subjectId: id, email: input.contact.email, ttlMs: SUBMISSION_TTL_MS }, now);
    await ctx.mailer.enqueue(
      { to: input.contact.email, template: confirmSubmissionMail, lang: input.lang, data: { name: input.contact.name, title: event.title, link: eventLinkUrl(ctx.config, { lang: input.lang, 'confirm-submission': link.token }) } },
      trx as Kysely<Database>,
    );
    return { id };
  });
}

/** The submitter confirmed: the event waits for moderation, and the staff who cover its district are mailed. */
export async function confirmSubmission(ctx: ServiceContext, tokenValue: string, now = new Date()): Promise<{ id: string; status: 'pending' }> {
  return confirmByLink(ctx.db, tokenValue, SUBMISSION_LINK, async (trx, link) => {
    const r = await trx.updateTable('event_submission').set({ status: 'pending', confirmed_at: nowIso(now) }).where('id', '=', link.subjectId).where('status', '=', 'unconfirmed').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return null;
    const sub = await trx.selectFrom('event_submission').selectAll().where('id', '=', link.subjectId).executeTakeFirstOrThrow();
    const event = (await findEventRow(trx, sub.event_id))!;
    const [e] = await calendarEvents(trx, [event], now);
    for (const to of await staffToNotify(trx, event.district)) {
      await ctx.mailer.enqueue({ to, template: submissionArrivedMail, lang: 'pl', data: { title: event.title, organiser: event.organiser_name, when: whenText(e!, 'pl'), link: eventPanelUrl(ctx.config, event.id) } }, trx);
    }
    return { id: sub.id, status: 'pending' as const };
  });
}

/**
 * Staff cancel an event: its status becomes `cancelled` (the feeds carry STATUS:CANCELLED), and
 * everyone registered is mailed. For an event with its own places, the registrations end; for a
 * session of a cycle they stay (the cycle goes on), and the registrants hear of this session.
 */
export async function cancelEvent(ctx: ServiceContext, eventId: string, reason: string, now = new Date()): Promise<{ mailed: number }> {
  return inTransaction(ctx.db, async (trx) => {
    const event = await findEventRow(trx, eventId);
    if (!event) throw notFound('Event');
    if (event.status === 'cancelled') throw new ApiError(409, 'already_cancelled', 'The event is already cancelled');
    await setEventStatus(trx, eventId, 'cancelled', reason);
    if (!event.places_id) return { mailed: 0 };
    const regs = await trx.selectFrom('event_registration').selectAll().where('places_id', '=', event.places_id).where('status', 'in', ['confirmed', 'waiting', 'offered', 'unconfirmed']).execute();
    const [e] = await calendarEvents(trx, [{ ...event, status: 'cancelled' }], now);
    let mailed = 0;
    for (const reg of regs) {
      if (event.registration_mode === 'event') {
        await trx.updateTable('event_registration').set({ status: 'cancelled', cancelled_at: nowIso(now), offered_until: null }).where('id', '=', reg.id).execute();
      }
      if (reg.status === 'unconfirmed' || (event.registration_mode === 'series' && (JSON.parse(reg.skip_sessions) as string[]).includes(eventId))) continue;
      const lang = asLang(reg.lang);
      await ctx.mailer.enqueue({ to: reg.email, template: eventCancelledMail, lang, data: { name: reg.name, title: localized(e!, lang).title, when: whenText(e!, lang), reason } }, trx as Kysely<Database>);
      mailed++;
    }
    if (event.registration_mode === 'event') await trx.updateTable('event_places').set({ taken: 0 }).where('id', '=', event.places_id).execute();
    return { mailed };
  });
}
