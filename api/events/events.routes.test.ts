import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { dialects, expectError, freshIp, json, mailedLink, testApp, type TestApp } from '../testing.js';
import { solvedAbuse } from '../core/abuse.testing.js';
import { expectWrittenOnce } from '../core/idempotency.testing.js';
import { EventInput, SeriesInput, type CalendarEvent, type RegistrationView } from '../../common/events.schema.js';
import { findEventRow, findEventRows, insertEvent, insertSeries } from './events.repository.js';
import { statusCounts } from './events.places.js';
import { checkIn, issueCertificates } from './events.attendance.js';
import { secondInstance } from './events.testing.js';
import { utcToWarsawLocal } from '../../common/time.js';

const local = (ms: number) => utcToWarsawLocal(new Date(ms).toISOString());
const DAY = 86_400_000;
const organiser = { name: 'Fundacja Łączka' };

/** A published event `inDays` from now, two hours long. */
const event = (title: string, inDays: number, extra: Record<string, unknown> = {}) => {
  const start = Math.floor((Date.now() + inDays * DAY) / 60_000) * 60_000;
  return EventInput.parse({ title, type: 'meeting', start: local(start), end: local(start + 2 * 3600_000), organiser, venue: { name: 'Centrum Obywatelskie', district: 1 }, ...extra });
};

const registration = (email: string, over: Record<string, unknown> = {}) => ({ contact: { name: 'Łucja Żółkiewska', email }, consent: true, lang: 'pl', ...over });

async function register(t: TestApp, eventId: string, body: Record<string, unknown>, app = t.app) {
  return app.request(`/v1/events/${eventId}/registrations`, json({ ...body, abuse: await solvedAbuse(app) }, { 'x-forwarded-for': freshIp() }));
}

describe.each(dialects)('public events API (%s)', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(dialect, { publicUrl: 'https://ngo.example.org' });
  });
  afterEach(() => t.close());

  it('lists events with the filters, and the iCalendar and RSS feeds hold exactly the same events', async () => {
    const a = await insertEvent(t.db, event('Forum NGO w Podgórzu', 3, { type: 'forum', venue: { name: 'Dom Kultury', district: 13, accessibility: ['stepFree', 'pjm'] }, audience: ['ngo'] }));
    const b = await insertEvent(t.db, event('Webinar o grantach', 4, { venue: null, onlineUrl: 'https://meet.example.org/granty', audience: ['ngo', 'residents'] }));
    await insertEvent(t.db, event('Konferencja zamykająca', 5, { type: 'conference', audience: ['officials'] }));
    await insertEvent(t.db, event('Dawno temu', -30));
    await insertEvent(t.db, event('Jeszcze w moderacji', 3, { status: 'pending' }));

    const all = (await (await t.app.request('/v1/events')).json()) as { items: CalendarEvent[]; total: number };
    expect(all.items.map((e) => e.title)).toEqual(['Forum NGO w Podgórzu', 'Webinar o grantach', 'Konferencja zamykająca']);
    const titles = async (q: string) => ((await (await t.app.request(`/v1/events?${q}`)).json()) as { items: CalendarEvent[] }).items.map((e) => e.id);
    expect(await titles('type=forum,conference')).toHaveLength(2);
    expect(await titles('district=13')).toEqual([a]);
    expect(await titles('audience=residents')).toEqual([b]);
    expect(await titles('online=true')).toEqual([b]);
    expect(await titles('online=false&audience=ngo')).toEqual([a]);
    expect(await titles('accessible=true')).toEqual([a]);
    expect(await titles('q=podgorz')).toEqual([a]);
    expect(await titles('q=grant')).toEqual([b]);
    // Several words narrow (every one must match), in any case and diacritics, with a filter too;
    // a one-letter word narrows nothing and is left out ('w', 'o': everything would start with some).
    expect(await titles('q=Webinar%20GRANTACH')).toEqual([b]);
    expect(await titles('q=forum%20grant')).toEqual([]);
    expect(await titles('q=forum%20w%20podg%C3%B3rzu&district=13')).toEqual([a]);
    expect(await titles('q=webinar%20o')).toEqual([b]);
    expect(await titles('q=w')).toHaveLength(3);
    expect(await titles(`from=${local(Date.now() - 40 * DAY).slice(0, 10)}&to=${local(Date.now() - 20 * DAY).slice(0, 10)}`)).toHaveLength(1);

    const ics = await t.app.request('/v1/events?audience=ngo&format=ics');
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await ics.text();
    const uids = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(uids.sort()).toEqual([`${a}@ngo.example.org`, `${b}@ngo.example.org`].sort());
    expect(Object.values(nodeIcal.sync.parseICS(text)).filter((x) => x?.type === 'VEVENT')).toHaveLength(2);
    const rss = await t.app.request('/v1/events?audience=ngo&format=rss&lang=en');
    expect(rss.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    expect((await rss.text()).split('<item>')).toHaveLength(3);

    // A conditional GET costs nothing when nothing changed.
    const etag = (await t.app.request('/v1/events')).headers.get('etag')!;
    expect((await t.app.request('/v1/events', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('serves the reads from the cached-read kit: a change is seen at once, the feeds are gzipped on request, an error is never cached', async () => {
    const a = await insertEvent(t.db, event('Pierwsze spotkanie', 3));
    const titles = async () => ((await (await t.app.request('/v1/events')).json()) as { items: { title: string }[] }).items.map((e) => e.title);
    expect(await titles()).toEqual(['Pierwsze spotkanie']);
    const one = await t.app.request(`/v1/events/${a}`);
    const tag = one.headers.get('etag')!;
    expect(tag).toMatch(/^W\//);
    await insertEvent(t.db, event('Drugie spotkanie', 4));
    expect(await titles()).toEqual(['Pierwsze spotkanie', 'Drugie spotkanie']);
    expect((await t.app.request(`/v1/events/${a}`, { headers: { 'if-none-match': tag } })).status).toBe(200);
    const gz = await t.app.request('/v1/events?format=ics', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const { gunzipSync } = await import('node:zlib');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toContain('SUMMARY:Drugie spotkanie');
    const missing = await t.app.request('/v1/events/nie-ma-takiego');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();
    await expectError(await t.app.request(`/v1/events/${a}/calendar.ics?nocache=1`), 422, 'validation_failed');
  });

  it('refuses unknown and malformed query parameters with 422', async () => {
    await expectError(await t.app.request('/v1/events?color=red'), 422, 'validation_failed');
    await expectError(await t.app.request('/v1/events?from=2027-02-30'), 422, 'validation_failed');
    await expectError(await t.app.request('/v1/events?type=party'), 422, 'validation_failed');
    await expectError(await t.app.request('/v1/events?format=pdf'), 422, 'validation_failed');
  });

  it('pages by cursor in time order, caps the total and bounds the offset (reads at city scale)', async () => {
    for (let i = 0; i < 7; i++) await insertEvent(t.db, event(`Spotkanie numer ${i}`, 2 + (i % 3)));
    type Page = { items: CalendarEvent[]; total: number; totalCapped: boolean; next: string | null };
    const page = async (q: string) => (await (await t.app.request(`/v1/events?${q}`)).json()) as Page;
    const whole = await page('limit=100');
    expect(whole).toMatchObject({ total: 7, totalCapped: false, next: null });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: Page = await page(`limit=3${cursor ? `&after=${cursor}` : ''}`);
      expect(p.total).toBe(7);
      seen.push(...p.items.map((e) => e.id));
      cursor = p.next;
      pages++;
    } while (cursor);
    // Every event once, in the same order as the one big page; the last page says there is no next.
    expect(seen).toEqual(whole.items.map((e) => e.id));
    expect(pages).toBe(3);
    // The offset stays for small skips, and agrees with the cursor.
    expect((await page('limit=3&offset=3')).items.map((e) => e.id)).toEqual(seen.slice(3, 6));
    await expectError(await t.app.request('/v1/events?offset=1001'), 422, 'validation_failed');
    const bad = await expectError(await t.app.request('/v1/events?after=bm90LWEtY3Vyc29y'), 422, 'validation_failed');
    expect(bad.details?.issues?.map((i) => i.path)).toEqual(['after']);
    // The total counts up to the cap, and says so past it.
    expect(await findEventRows(t.db, {}, new Date(), { limit: 2, countCap: 5 })).toMatchObject({ total: 5, totalCapped: true });
  });

  it('serves one event, its .ics, and hides pending ones', async () => {
    const id = await insertEvent(t.db, event('Spotkanie sieciujące', 2));
    const pending = await insertEvent(t.db, event('Zgłoszone', 2, { status: 'pending' }));
    const res = await t.app.request(`/v1/events/${id}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as CalendarEvent).title).toBe('Spotkanie sieciujące');
    await expectError(await t.app.request(`/v1/events/${pending}`), 404, 'not_found');
    const ics = await t.app.request(`/v1/events/${id}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain(`UID:${id}@ngo.example.org`);
  });

  it('registers with double opt-in: the mailed link gives the place, the confirmation carries the .ics and the QR code, and the self-service link cancels', async () => {
    const questions = [{ id: 'diet', kind: 'choice', label: { pl: 'Posiłek' }, required: true, options: [{ id: 'wege', label: { pl: 'Wege' } }, { id: 'std', label: { pl: 'Standard' } }] }];
    const id = await insertEvent(t.db, event('Warsztat dla NGO', 10, { registrationMode: 'event', registration: { capacity: 1, questions } }));
    const missing = await register(t, id, registration('a@example.org'));
    const err = await expectError(missing, 422, 'validation_failed');
    expect(err.details!.issues!.map((i) => i.path)).toEqual(['answers.diet']);

    expect((await register(t, id, registration('a@example.org', { answers: { diet: 'wege' }, accessNeeds: ['pjm'] }))).status).toBe(202);
    await expectError(await register(t, id, registration('A@example.org', { answers: { diet: 'std' } })), 409, 'already_registered');
    // Nothing is held before the confirmation.
    expect(((await (await t.app.request(`/v1/events/${id}`)).json()) as CalendarEvent).registration.placesLeft).toBe(1);

    const { token, mail } = await mailedLink(t, 'a@example.org', 'confirm');
    expect(mail.template).toBe('events.confirm-registration');
    const confirmed = await t.app.request('/v1/events/registrations/confirm', json({ token }));
    expect(confirmed.status).toBe(200);
    const result = (await confirmed.json()) as { status: string; manageToken: string };
    expect(result.status).toBe('confirmed');
    await expectError(await t.app.request('/v1/events/registrations/confirm', json({ token })), 404, 'link_invalid');

    const sent = await t.db.selectFrom('mail_outbox').selectAll().where('template', '=', 'events.registered').executeTakeFirstOrThrow();
    const files = JSON.parse(sent.attachments!) as { filename: string; contentType: string; base64: string }[];
    expect(files.map((f) => f.contentType.split(';')[0])).toEqual(['text/calendar', 'image/png']);
    expect(Buffer.from(files[0]!.base64, 'base64').toString()).toContain(`UID:${id}@ngo.example.org`);
    expect(Buffer.from(files[1]!.base64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const manage = new URL(sent.body_text.match(/https?:\/\/\S+manage=\S+/)![0]).searchParams.get('manage')!;

    const view = (await (await t.app.request('/v1/events/registrations/manage', json({ token: manage }))).json()) as RegistrationView;
    expect(view).toMatchObject({ status: 'confirmed', name: 'Łucja Żółkiewska', accessNeeds: ['pjm'], answers: { diet: 'wege' } });
    expect(view.qr).toMatch(/^data:image\/png;base64,/);
    expect(((await (await t.app.request(`/v1/events/${id}`)).json()) as CalendarEvent).registration.placesLeft).toBe(0);

    const changed = await t.app.request('/v1/events/registrations/manage/change', json({ token: manage, answers: { diet: 'std' } }));
    expect(((await changed.json()) as RegistrationView).answers).toEqual({ diet: 'std' });
    const cancel = await t.app.request('/v1/events/registrations/manage/cancel', json({ token: manage }));
    expect(await cancel.json()).toEqual({ status: 'cancelled', promoted: false });
    await expectError(await t.app.request('/v1/events/registrations/manage/cancel', json({ token: manage })), 409, 'not_active');
    expect(((await (await t.app.request(`/v1/events/${id}`)).json()) as CalendarEvent).registration.placesLeft).toBe(1);
  });

  it('takes one of 8 registrations sent at once from one address, refusing the others with already_registered', async () => {
    const id = await insertEvent(t.db, event('Szkolenie z RODO', 10, { registrationMode: 'event', registration: { capacity: 20 } }));
    const answers = await Promise.all(Array.from({ length: 8 }, () => register(t, id, registration('ola@example.org'))));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([202, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of answers.filter((a) => a.status === 409)) expect(((await r.json()) as { error: { code: string } }).error.code).toBe('already_registered');
    const rows = await t.db.selectFrom('event_registration').select('id').where('email', '=', 'ola@example.org').execute();
    expect(rows).toHaveLength(1);
  });

  it('moves the next person up when someone cancels, and mails them', async () => {
    const id = await insertEvent(t.db, event('Pełne szkolenie', 10, { registrationMode: 'event', registration: { capacity: 1 } }));
    for (const who of ['first@example.org', 'second@example.org']) {
      await register(t, id, registration(who));
      await t.app.request('/v1/events/registrations/confirm', json({ token: (await mailedLink(t, who, 'confirm')).token }));
    }
    const waiting = await mailedLink(t, 'second@example.org', 'manage');
    expect(waiting.mail.template).toBe('events.waiting');
    expect(waiting.mail.body_text).toContain('na 1. miejscu');
    const first = await mailedLink(t, 'first@example.org', 'manage');
    await t.app.request('/v1/events/registrations/manage/cancel', json({ token: first.token }));
    const promoted = await mailedLink(t, 'second@example.org', 'manage');
    expect(promoted.mail.template).toBe('events.registered');
    const view = (await (await t.app.request('/v1/events/registrations/manage', json({ token: promoted.token }))).json()) as RegistrationView;
    expect(view.status).toBe('confirmed');
  });

  it('closes registration after the deadline and refuses events without registration', async () => {
    const closed = await insertEvent(t.db, event('Po terminie', 10, { registrationMode: 'event', registration: { deadline: local(Date.now() - DAY) } }));
    await expectError(await register(t, closed, registration('x@example.org')), 409, 'registration_closed');
    const none = await insertEvent(t.db, event('Bez zapisów', 10));
    await expectError(await register(t, none, registration('x@example.org')), 409, 'registration_not_offered');
  });

  it('takes NGO submissions: e-mail confirmation, then moderation, with staff mailed', async () => {
    const body = { event: { title: 'Piknik sąsiedzki', type: 'other', start: local(Date.now() + 20 * DAY), end: local(Date.now() + 20 * DAY + 3 * 3600_000), organiser: { name: 'Stowarzyszenie Nasze Osiedle' }, venue: { name: 'Park Jordana', district: 5 } }, contact: { name: 'Jan Ćwik', email: 'jan@example.org' }, consent: true, lang: 'pl' };
    const res = await t.app.request('/v1/events/submissions', json({ ...body, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    expect(res.status).toBe(202);
    const { token } = await mailedLink(t, 'jan@example.org', 'confirm-submission');
    await t.db.insertInto('staff_user').values({ id: 'm1', email: 'mod@krakow.example', name: 'Mod', password_hash: 'x', role: 'moderator', district: null, totp_secret: null, disabled: 0, created_at: '', updated_at: '', last_login_at: null }).execute();
    const ok = await t.app.request('/v1/events/submissions/confirm', json({ token }));
    expect(await ok.json()).toMatchObject({ status: 'pending' });
    const staffMails = await t.db.selectFrom('mail_outbox').select(['template', 'subject', 'body_text']).where('to_address', '=', 'mod@krakow.example').execute();
    expect(staffMails.map(({ template, subject }) => ({ template, subject }))).toEqual([{ template: 'events.submission-arrived', subject: 'Nowe wydarzenie do moderacji: Piknik sąsiedzki' }]);
    // The link opens the submitted event in the staff panel's moderation queue.
    const sub = await t.db.selectFrom('event_submission').select('event_id').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(staffMails[0]!.body_text).toContain(`\n${t.config.staffPanelUrl}#events/${sub.event_id}`);
    // Pending: not public.
    expect(((await (await t.app.request('/v1/events')).json()) as { items: unknown[] }).items).toHaveLength(0);
    await expectError(await t.app.request('/v1/events/submissions', json({ ...body, event: { ...body.event, venue: null }, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() })), 422, 'validation_failed');
  });

  it('stores a registration and a submission with their Idempotency-Key in one transaction (crash, late retry, double submit)', async () => {
    const id = await insertEvent(t.db, event('Zapisy raz', 10, { registrationMode: 'event', registration: { capacity: 50 } }));
    const count = (table: 'event_registration' | 'event_submission') => async () => Number((await t.db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    let n = 0;
    await expectWrittenOnce(t, { path: `/v1/events/${id}/registrations`, status: 202, count: count('event_registration'), body: async () => ({ ...registration(`raz.${++n}@example.org`), abuse: await solvedAbuse(t.app) }) });
    const start = Date.now() + 20 * DAY;
    await expectWrittenOnce(t, {
      path: '/v1/events/submissions',
      status: 202,
      count: count('event_submission'),
      body: async () => ({
        event: { title: `Zgłoszone ${++n}`, type: 'other', start: local(start), end: local(start + 3600_000), organiser: { name: 'Stowarzyszenie Raz' }, venue: { name: 'Park', district: 5 } },
        contact: { name: 'Jan Ćwik', email: `zglasza.${n}@example.org` }, consent: true, lang: 'pl', abuse: await solvedAbuse(t.app),
      }),
    });
  });

  it('verifies certificates by number and serves their PDF', async () => {
    const seriesId = await insertSeries(t.db, SeriesInput.parse({ kind: 'cycle', title: 'Klauzule społeczne w praktyce', organiser, registrationMode: 'series', registration: { capacity: 10 } }));
    const session = await insertEvent(t.db, event('Sesja 1', -10, { seriesId, registrationMode: 'series', type: 'training' }));
    const placesId = (await findEventRow(t.db, session))!.places_id!;
    await t.db.insertInto('event_registration').values({ id: 'r1', places_id: placesId, event_id: null, series_id: seriesId, status: 'confirmed', name: 'Łucja Żółkiewska', email: 'l@example.org', organisation: null, answers: '{}', access_needs: '[]', access_note: null, skip_sessions: '[]', lang: 'pl', code: 'code-r1', queued_at: null, queue_no: 1, offered_until: null, created_at: '', confirmed_at: null, cancelled_at: null, purged_at: null }).execute();
    await checkIn(t.db, { eventId: session, code: 'code-r1', by: null });
    const [cert] = await issueCertificates(t.db, seriesId, { by: null });
    const res = await t.app.request(`/v1/events/certificates/${cert!.number}`);
    expect(await res.json()).toMatchObject({ number: cert!.number, valid: true, holderName: 'Łucja Żółkiewska', seriesTitle: 'Klauzule społeczne w praktyce', attended: 1, held: 1 });
    const pdf = await t.app.request(`/v1/events/certificates/${cert!.number}/pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectError(await t.app.request('/v1/events/certificates/2027-0000-0000'), 404, 'not_found');
    await expectError(await t.app.request('/v1/events/certificates/nope'), 422, 'validation_failed');
  });
});

describe.each(dialects)('registration under concurrency, over HTTP (%s)', (dialect) => {
  let t: TestApp;
  let second: ReturnType<typeof secondInstance>;
  beforeAll(async () => {
    t = await testApp(dialect, { publicUrl: 'https://ngo.example.org' });
    second = secondInstance(t);
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('gives 50 concurrent confirmations for 10 places on two app instances exactly 10 places and 40 waiting; one cancellation moves exactly one up', async () => {
    const id = await insertEvent(t.db, event('Akademia: 10 miejsc', 10, { registrationMode: 'event', registration: { capacity: 10 } }));
    const emails = Array.from({ length: 50 }, (_, i) => `p${i}@example.org`);
    const posted = await Promise.all(emails.map(async (e, i) => (await register(t, id, registration(e), i % 2 ? second.app : t.app)).status));
    expect(posted.every((s) => s === 202)).toBe(true);
    const tokens = await Promise.all(emails.map(async (e) => (await mailedLink(t, e, 'confirm')).token));
    const answers = await Promise.all(tokens.map(async (token, i) => ((await (i % 2 ? t.app : second.app).request('/v1/events/registrations/confirm', json({ token }))).json()) as Promise<{ status: string }>));
    expect(answers.filter((a) => a.status === 'confirmed')).toHaveLength(10);
    expect(answers.filter((a) => a.status === 'waiting')).toHaveLength(40);
    const placesId = (await findEventRow(t.db, id))!.places_id!;
    expect(await statusCounts(t.db, placesId)).toMatchObject({ confirmed: 10, waiting: 40 });

    const holder = emails[answers.findIndex((a) => a.status === 'confirmed')]!;
    const manage = await mailedLink(t, holder, 'manage');
    const [one, again] = await Promise.all([
      t.app.request('/v1/events/registrations/manage/cancel', json({ token: manage.token })),
      second.app.request('/v1/events/registrations/manage/cancel', json({ token: manage.token })),
    ]);
    expect([one.status, again.status].sort()).toEqual([200, 409]);
    expect(await statusCounts(t.db, placesId)).toMatchObject({ confirmed: 10, waiting: 39, cancelled: 1 });
    // Ten confirmations were mailed at first, and one more to the person moved up.
    expect(await t.db.selectFrom('mail_outbox').select('to_address').where('template', '=', 'events.registered').execute()).toHaveLength(11);
    expect(((await (await t.app.request(`/v1/events/${id}`)).json()) as CalendarEvent).registration).toMatchObject({ placesLeft: 0, waiting: 39 });
  });
});
