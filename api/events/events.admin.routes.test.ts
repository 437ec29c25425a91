import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dialects, expectError, json, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';
import { EventInput, SeriesInput } from '../../common/events.schema.js';
import { findEventRow, findSeriesRow, insertEvent, insertSeries } from './events.repository.js';
import { confirmRegistration, insertRegistration } from './events.places.js';
import { eventIndicators, eventsWaiting } from './events.indicators.js';
import { utcToWarsawLocal } from '../../common/time.js';


const local = (ms: number) => utcToWarsawLocal(new Date(ms).toISOString());
const DAY = 86_400_000;
const at = (inDays: number, hours = 2, extra: Record<string, unknown> = {}) => {
  const start = Math.floor((Date.now() + inDays * DAY) / 60_000) * 60_000;
  return { start: local(start), end: local(start + hours * 3600_000), ...extra };
};
const organiser = { name: 'MOWIS' };

describe.each(dialects)('events staff API (%s)', (dialect) => {
  let t: TestApp;
  let mod: StaffSession;
  beforeEach(async () => {
    t = await testApp(dialect, { publicUrl: 'https://ngo.example.org' });
    mod = await staffSession(t, 'moderator');
  });
  afterEach(() => t.close());
  const get = (path: string, s = mod) => t.app.request(`/v1/admin/events${path}`, { headers: s.headers });
  const post = (path: string, body: unknown, s = mod, method = 'POST') => t.app.request(`/v1/admin/events${path}`, json(body, s.headers, method));

  async function people(eventOrSeries: { placesId: string; eventId: string | null; seriesId: string | null }, n: number, needs: string[][] = []) {
    const regs = [];
    for (let i = 0; i < n; i++) {
      const r = await insertRegistration(t.db, { ...eventOrSeries, name: `Uczestnik Żółty ${i}`, email: `u${i}@example.org`, organisation: null, answers: {}, accessNeeds: (needs[i] ?? []) as never, accessNote: null, skipSessions: [], lang: 'pl' });
      await confirmRegistration(t.db, r.id);
      regs.push(r);
    }
    return regs;
  }

  it('needs a session, and keeps district editors to their district', async () => {
    expect((await t.app.request('/v1/admin/events')).status).toBe(401);
    const editor = await staffSession(t, 'editor', { district: 5 });
    const other = await insertEvent(t.db, EventInput.parse({ title: 'W Podgórzu', type: 'meeting', ...at(3), organiser, venue: { name: 'Dom Kultury', district: 13 } }));
    await expectError(await get(`/${other}`, editor), 403, 'forbidden');
    const create = await post('', { title: 'W Krowodrzy', type: 'meeting', ...at(4), organiser, venue: { name: 'Klub', district: 5 } }, editor);
    expect(create.status).toBe(201);
    await expectError(await post('', { title: 'Gdzie indziej', type: 'meeting', ...at(4), organiser, venue: { name: 'Klub', district: 6 } }, editor), 403, 'forbidden');
    const list = (await (await get('', editor)).json()) as { items: { title: string }[] };
    expect(list.items.map((e) => e.title)).toEqual(['W Krowodrzy']);
  });

  it('refuses a list window that is not a day of the calendar with 422 (the fuzz suite found a 500)', async () => {
    await expectError(await get('?from=aaa'), 422, 'validation_failed');
    await expectError(await get('?to=2027-02-30'), 422, 'validation_failed');
    expect((await get('?from=2027-02-01&to=2027-02-28')).status).toBe(200);
  });

  it('moderates NGO submissions with conflict hints, and publishes them', async () => {
    const mine = await insertEvent(t.db, EventInput.parse({ title: 'Zgłoszony piknik', type: 'other', ...at(10), organiser, venue: { name: 'Park', district: 13 }, audience: ['residents'], status: 'pending' }));
    await t.db.insertInto('event_submission').values({ id: 's1', event_id: mine, status: 'pending', submitter_name: 'Jan Ćwik', submitter_email: 'jan@example.org', note: '', lang: 'pl', reason: null, created_at: new Date().toISOString(), confirmed_at: null, decided_at: null, decided_by: null }).execute();
    const rival = await insertEvent(t.db, EventInput.parse({ title: 'Festyn osiedlowy', type: 'other', ...at(10, 3), organiser, venue: { name: 'Szkoła', district: 13 }, audience: ['residents'] }));
    const queue = (await (await get('/submissions')).json()) as { items: { id: string; conflicts: { id: string; reasons: string[] }[] }[] };
    expect(queue.items.map((s) => s.id)).toEqual(['s1']);
    expect(queue.items[0]!.conflicts).toEqual([{ id: rival, title: 'Festyn osiedlowy', startsAt: expect.any(String), reasons: ['same_day', 'same_district', 'same_audience'] }]);
    expect((await post('/submissions/s1/approve', {})).status).toBe(200);
    expect((await findEventRow(t.db, mine))!.status).toBe('published');
    await expectError(await post('/submissions/s1/reject', { reason: 'Za późno' }), 409, 'conflict');
    const mail = await t.db.selectFrom('mail_outbox').select(['template', 'body_text']).where('to_address', '=', 'jan@example.org').executeTakeFirstOrThrow();
    expect(mail.template).toBe('events.submission-decided');
    expect(mail.body_text).toContain('Twoje wydarzenie jest już w kalendarzu.');
  });

  it('shows registrations with access-need counts, exports them, checks people in by QR and cancels the event for everyone', async () => {
    const id = await insertEvent(t.db, EventInput.parse({ title: 'Forum NGO', type: 'forum', ...at(5), organiser, venue: { name: 'ICE', district: 8 }, registrationMode: 'event', registration: { capacity: 3 } }));
    const placesId = (await findEventRow(t.db, id))!.places_id!;
    const regs = await people({ placesId, eventId: id, seriesId: null }, 4, [['pjm'], ['pjm', 'stepFree'], [], ['pjm']]);
    const list = (await (await get(`/${id}/registrations`)).json()) as { counts: { confirmed: number; waiting: number; accessNeeds: Record<string, number> }; items: { status: string }[] };
    expect(list.counts).toMatchObject({ confirmed: 3, waiting: 1, capacity: 3, taken: 3 });
    // The one waiting is not counted: "2 need a PJM interpreter".
    expect(list.counts.accessNeeds).toMatchObject({ pjm: 2, stepFree: 1 });
    expect(list.items.map((i) => i.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waiting']);

    const csv = await get(`/${id}/registrations/export?format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).toContain('Uczestnik Żółty 0');
    const xlsx = await get(`/${id}/registrations/export?format=xlsx&lang=en`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as never);
    expect(book.worksheets[0]!.rowCount).toBe(5);

    expect(await (await post(`/${id}/checkin`, { code: regs[0]!.code })).json()).toMatchObject({ status: 'checked_in', name: 'Uczestnik Żółty 0' });
    expect(await (await post(`/${id}/checkin`, { code: regs[0]!.code })).json()).toMatchObject({ status: 'already' });
    await expectError(await post(`/${id}/checkin`, { code: regs[3]!.code }), 409, 'not_confirmed');
    expect((await post(`/${id}/checkin`, { registrationId: regs[1]!.id })).status).toBe(200);
    expect((await t.app.request(`/v1/admin/events/${id}/checkin/${regs[1]!.id}`, { method: 'DELETE', headers: mod.headers })).status).toBe(200);

    // Staff cancel one registration: the person waiting moves up and is mailed.
    expect(await (await post(`/${id}/registrations/${regs[2]!.id}/cancel`, {})).json()).toEqual({ promoted: true });
    expect((await t.db.selectFrom('mail_outbox').select('template').where('to_address', '=', 'u3@example.org').orderBy('created_at', 'desc').executeTakeFirstOrThrow()).template).toBe('events.registered');

    const cancelled = await post(`/${id}/cancel`, { reason: 'Awaria sali' });
    expect(await cancelled.json()).toEqual({ mailed: 3 });
    const pub = (await (await t.app.request(`/v1/events/${id}`)).json()) as { status: string; registration: { open: boolean } };
    expect(pub).toMatchObject({ status: 'cancelled', registration: { open: false } });
    expect((await t.app.request('/v1/events?format=ics')).status).toBe(200);
    expect(await (await t.app.request('/v1/events?format=ics')).text()).toContain('STATUS:CANCELLED');
  });

  it('raises a capacity and moves the waiting list up; duplicates last year’s event as a draft on the same weekday', async () => {
    const id = await insertEvent(t.db, EventInput.parse({ title: 'Święto NGO', type: 'festival', allDay: true, start: '2027-06-05', end: '2027-06-06', organiser, venue: { name: 'Rynek Główny', district: 1 }, registrationMode: 'event', registration: { capacity: 1 } }));
    const placesId = (await findEventRow(t.db, id))!.places_id!;
    await people({ placesId, eventId: id, seriesId: null }, 3);
    const detail = (await (await get(`/${id}`)).json()) as { input: Record<string, unknown> };
    const saved = await post(`/${id}`, { ...detail.input, registration: { ...(detail.input.registration as object), capacity: 3 } }, mod, 'PUT');
    expect(await saved.json()).toEqual({ id, promoted: 2 });
    const copy = (await (await post(`/${id}/duplicate`, {})).json()) as { id: string };
    const row = (await findEventRow(t.db, copy.id))!;
    expect(row.status).toBe('pending');
    expect(((await (await get(`/${copy.id}`)).json()) as { input: { start: string; end: string } }).input).toMatchObject({ start: '2028-06-03', end: '2028-06-04' });
  });

  it('issues certificates for a cycle and mails a link to each PDF', async () => {
    const seriesId = await insertSeries(t.db, SeriesInput.parse({ kind: 'cycle', title: 'Akademia Kraków dla NGO', organiser, registrationMode: 'series', registration: { capacity: 5 } }));
    const placesId = (await findSeriesRow(t.db, seriesId))!.places_id!;
    const s1 = await insertEvent(t.db, EventInput.parse({ title: 'Sesja 1', type: 'training', ...at(-14), organiser, venue: { name: 'CO', district: 2 }, seriesId, registrationMode: 'series' }));
    const regs = await people({ placesId, eventId: null, seriesId }, 2);
    await post(`/${s1}/checkin`, { code: regs[0]!.code });
    const attendance = (await (await get(`/series/${seriesId}/attendance`)).json()) as { lines: { meetsRule: boolean }[] };
    expect(attendance.lines.map((l) => l.meetsRule)).toEqual([true, false]);
    const issued = (await (await post(`/series/${seriesId}/certificates`, {})).json()) as { issued: { number: string }[] };
    expect(issued.issued).toHaveLength(1);
    const mail = await t.db.selectFrom('mail_outbox').select(['template', 'body_text']).where('to_address', '=', 'u0@example.org').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(mail.template).toBe('events.certificate');
    expect(mail.body_text).toContain(`/v1/events/certificates/${issued.issued[0]!.number}/pdf`);

    // The LIJW indicator: one training held, one person attended.
    const today = new Date().toISOString().slice(0, 10);
    expect(await eventIndicators(t.db, { from: local(Date.now() - 30 * DAY).slice(0, 10), to: today, lang: 'pl' })).toEqual([
      { key: 'events.trainings_held', value: 1, unit: 'count' },
      { key: 'events.training_participants', value: 1, unit: 'count' },
    ]);
  });

  it('lists the series and gives one as its form edits it, with its sessions of every status', async () => {
    expect(((await (await get('/series')).json()) as { items: unknown[] }).items).toEqual([]);
    const cycle = await post('/series', { kind: 'cycle', title: 'Klauzule społeczne w praktyce', organiser, registrationMode: 'series', registration: { capacity: 12, deadline: '2030-01-01T12:00' }, attendancePercent: 75 });
    expect(cycle.status).toBe(201);
    const seriesId = ((await cycle.json()) as { id: string }).id;
    await post('/series', { kind: 'programme', title: 'Festiwal NGO', organiser });
    await insertEvent(t.db, EventInput.parse({ title: 'Sesja 2', type: 'training', start: '2030-02-10T10:00', end: '2030-02-10T12:00', organiser, venue: { name: 'CO', district: 2 }, seriesId, registrationMode: 'series', status: 'pending' }));
    await insertEvent(t.db, EventInput.parse({ title: 'Sesja 1', type: 'training', start: '2030-02-03T10:00', end: '2030-02-03T12:00', organiser, venue: { name: 'CO', district: 2 }, seriesId, registrationMode: 'series' }));
    const list = (await (await get('/series')).json()) as { items: { title: string; sessions: number; firstStart: string | null; counts: { capacity: number } | null }[] };
    expect(list.items.map((s) => [s.title, s.sessions])).toEqual([['Festiwal NGO', 0], ['Klauzule społeczne w praktyce', 2]]);
    expect(list.items[0]!.firstStart).toBeNull();
    expect(list.items[1]).toMatchObject({ firstStart: '2030-02-03T09:00:00.000Z', counts: { capacity: 12, taken: 0 } });
    const one = await get(`/series/${seriesId}`);
    expect(one.headers.get('cache-control')).toBe('no-store');
    const detail = (await one.json()) as { series: { id: string }; input: unknown; sessions: { title: string; status: string }[] };
    expect(detail.series.id).toBe(seriesId);
    expect(detail.input).toMatchObject({ kind: 'cycle', title: 'Klauzule społeczne w praktyce', registrationMode: 'series', attendancePercent: 75, registration: { capacity: 12, deadline: '2030-01-01T12:00' } });
    expect(detail.sessions.map((s) => [s.title, s.status])).toEqual([['Sesja 1', 'published'], ['Sesja 2', 'pending']]);
    // What the form loads, it saves back unchanged.
    expect((await post(`/series/${seriesId}`, detail.input, mod, 'PUT')).status).toBe(200);
    expect(((await (await get(`/series/${seriesId}`)).json()) as { input: unknown }).input).toEqual(detail.input);
    await expectError(await get('/series/nie-ma'), 404, 'not_found');
  });

  it('counts what waits on the start screen: submissions, events this week, places left', async () => {
    const now = new Date('2027-06-09T10:00:00Z'); // a Wednesday
    await insertEvent(t.db, EventInput.parse({ title: 'W tym tygodniu', type: 'meeting', start: '2027-06-11T10:00', end: '2027-06-11T12:00', organiser, venue: { name: 'Sala', district: 3 }, registrationMode: 'event', registration: { capacity: 10 } }));
    await insertEvent(t.db, EventInput.parse({ title: 'W niedzielę', type: 'meeting', start: '2027-06-13T10:00', end: '2027-06-13T12:00', organiser, venue: { name: 'Sala', district: 4 } }));
    await insertEvent(t.db, EventInput.parse({ title: 'Za tydzień', type: 'meeting', start: '2027-06-14T10:00', end: '2027-06-14T12:00', organiser, venue: { name: 'Sala', district: 3 } }));
    const pending = await insertEvent(t.db, EventInput.parse({ title: 'Zgłoszone', type: 'meeting', start: '2027-07-01T10:00', end: '2027-07-01T12:00', organiser, venue: { name: 'Sala', district: 3 }, status: 'pending' }));
    await t.db.insertInto('event_submission').values({ id: 's2', event_id: pending, status: 'pending', submitter_name: 'X', submitter_email: 'x@example.org', note: '', lang: 'pl', reason: null, created_at: '', confirmed_at: null, decided_at: null, decided_by: null }).execute();
    const staff = { id: 'x', email: '', name: '', role: 'moderator' as const, district: null, sessionId: '', csrfToken: '' };
    expect(await eventsWaiting(t.db, staff, now)).toEqual([
      { key: 'events.submissions', count: 1, section: 'events' },
      { key: 'events.this_week', count: 2, section: 'events' },
      { key: 'events.places_left', count: 10, section: 'events' },
    ]);
    expect((await eventsWaiting(t.db, { ...staff, role: 'editor', district: 4 }, now)).map((w) => w.count)).toEqual([0, 1, 0]);
  });
});
