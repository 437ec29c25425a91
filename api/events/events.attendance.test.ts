import { describe, expect, it } from 'vitest';
import { dialects } from '../testing.js';
import { freshDatabaseEachTest } from './events.testing.js';
import { ApiError } from '../core/errors.js';
import { EventInput, SeriesInput } from '../../common/events.schema.js';
import { findEventRow, findSeriesRow, insertEvent, insertSeries, setEventStatus } from './events.repository.js';
import { confirmRegistration, insertRegistration, statusCounts } from './events.places.js';
import { accessNeedCounts, checkIn, cycleAttendance, findCertificate, findConflicts, issueCertificates, purgeRegistrations, undoCheckIn } from './events.attendance.js';

const venue = { name: 'Centrum Obywatelskie', district: 1 };
const organiser = { name: 'MOWIS' };

async function rejects(p: Promise<unknown>, status: number, code: string) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect([(err as ApiError).status, (err as ApiError).code]).toEqual([status, code]);
}

describe.each(dialects)('attendance, certificates, retention (%s)', (dialect) => {
  const t = freshDatabaseEachTest(dialect);

  /** A cycle of five sessions in March 2027 with three confirmed participants. */
  async function cycle() {
    const seriesId = await insertSeries(t.db, SeriesInput.parse({ kind: 'cycle', title: 'Akademia Kraków dla NGO', organiser, registrationMode: 'series', registration: { capacity: 3 } }));
    const placesId = (await findSeriesRow(t.db, seriesId))!.places_id!;
    const sessions: string[] = [];
    for (const day of ['2027-03-03', '2027-03-10', '2027-03-17', '2027-03-24', '2027-03-31']) {
      sessions.push(await insertEvent(t.db, EventInput.parse({ title: `Sesja ${day}`, type: 'training', start: `${day}T16:00`, end: `${day}T19:00`, venue, organiser, seriesId, registrationMode: 'series' })));
    }
    const people = [];
    for (const [i, name] of ['Łucja Żółkiewska', 'Jan Ćwik', 'Ewa Ślęzak', 'Zofia Czekająca'].entries()) {
      const r = await insertRegistration(t.db, { placesId, eventId: null, seriesId, name, email: `p${i}@example.org`, organisation: null, answers: { diet: 'wege' }, accessNeeds: i < 2 ? ['pjm'] : ['stepFree'], accessNote: 'note', skipSessions: [], lang: 'pl' });
      await confirmRegistration(t.db, r.id);
      people.push(r);
    }
    return { seriesId, placesId, sessions, people };
  }

  it('checks people in by QR code or from the list, once per session, only with a confirmed place', async () => {
    const { sessions, people } = await cycle();
    const first = await checkIn(t.db, { eventId: sessions[0]!, code: people[0]!.code, by: 'staff-1' });
    expect(first).toMatchObject({ status: 'checked_in', name: 'Łucja Żółkiewska' });
    const again = await checkIn(t.db, { eventId: sessions[0]!, code: people[0]!.code, by: 'staff-2' });
    expect(again).toMatchObject({ status: 'already', checkedInAt: first.checkedInAt });
    expect((await checkIn(t.db, { eventId: sessions[0]!, registrationId: people[1]!.id, by: 'staff-1' })).status).toBe('checked_in');
    await rejects(checkIn(t.db, { eventId: sessions[0]!, code: 'no-such-code', by: null }), 404, 'not_registered');
    // The fourth person is on the waiting list (three places).
    await rejects(checkIn(t.db, { eventId: sessions[0]!, code: people[3]!.code, by: null }), 409, 'not_confirmed');
    // A code of another event's list does not open this one.
    const other = await insertEvent(t.db, EventInput.parse({ title: 'Inne', type: 'meeting', start: '2027-03-03T10:00', end: '2027-03-03T11:00', venue, organiser, registrationMode: 'event' }));
    await rejects(checkIn(t.db, { eventId: other, code: people[0]!.code, by: null }), 404, 'not_registered');
    expect(await undoCheckIn(t.db, sessions[0]!, people[1]!.id)).toBe(true);
    expect(await undoCheckIn(t.db, sessions[0]!, people[1]!.id)).toBe(false);
  });

  it('issues certificates to those who meet 80 % of the sessions held, once; a cancelled session does not count', async () => {
    const { seriesId, sessions, people } = await cycle();
    await setEventStatus(t.db, sessions[4]!, 'cancelled');
    // Łucja: all four held sessions; Jan: three of four (75 %); Ewa: none.
    for (const s of sessions.slice(0, 4)) await checkIn(t.db, { eventId: s, code: people[0]!.code, by: null });
    for (const s of sessions.slice(0, 3)) await checkIn(t.db, { eventId: s, code: people[1]!.code, by: null });
    const now = new Date('2027-04-01T10:00:00Z');
    const summary = await cycleAttendance(t.db, seriesId, now);
    expect(summary.held.map((s) => s.id)).toEqual(sessions.slice(0, 4));
    expect(summary.lines.map((l) => [l.name, l.attended.length, l.meetsRule])).toEqual([['Łucja Żółkiewska', 4, true], ['Jan Ćwik', 3, false], ['Ewa Ślęzak', 0, false]]);

    const issued = await issueCertificates(t.db, seriesId, { by: 'staff-1', now });
    expect(issued.map((c) => c.holderName)).toEqual(['Łucja Żółkiewska']);
    expect(await issueCertificates(t.db, seriesId, { by: 'staff-1', now })).toEqual([]);
    const cert = (await findCertificate(t.db, issued[0]!.number))!;
    expect(cert).toMatchObject({ holder_name: 'Łucja Żółkiewska', series_title: 'Akademia Kraków dla NGO', attended: 4, held: 4 });
    expect(JSON.parse(cert.sessions).map((s: { startLocal: string }) => s.startLocal)).toEqual(['2027-03-03T16:00', '2027-03-10T16:00', '2027-03-17T16:00', '2027-03-24T16:00']);

    // One more check-in brings Jan to 100 %: the next run issues his.
    await checkIn(t.db, { eventId: sessions[3]!, code: people[1]!.code, by: null });
    expect((await issueCertificates(t.db, seriesId, { by: null, now })).map((c) => c.holderName)).toEqual(['Jan Ćwik']);
  });

  it('counts access needs of the people holding a place', async () => {
    const { placesId } = await cycle();
    // Three confirmed (two ask for PJM, one for step-free access); the one waiting is not counted.
    expect(await accessNeedCounts(t.db, placesId)).toMatchObject({ pjm: 2, stepFree: 1, inductionLoop: 0 });
  });

  it('blanks registrants’ personal data after the retention period and keeps the counts, attendance and certificates', async () => {
    const { seriesId, placesId, sessions, people } = await cycle();
    for (const s of sessions) await checkIn(t.db, { eventId: s, code: people[0]!.code, by: null });
    const [cert] = await issueCertificates(t.db, seriesId, { by: null, now: new Date('2027-04-01T10:00:00Z') });
    const stray = await insertRegistration(t.db, { placesId, eventId: null, seriesId, name: 'Nie potwierdził', email: 'x@example.org', organisation: null, answers: {}, accessNeeds: [], accessNote: null, skipSessions: [], lang: 'pl' });

    // 29 days after the last session only the registration never confirmed (made months before) goes.
    expect(await purgeRegistrations(t.db, 30, new Date('2027-04-29T10:00:00Z'))).toBe(1);
    expect(await t.db.selectFrom('event_registration').select('name').where('id', '=', people[0]!.id).executeTakeFirstOrThrow()).toEqual({ name: 'Łucja Żółkiewska' });
    expect(await purgeRegistrations(t.db, 30, new Date('2027-05-02T10:00:00Z'))).toBe(4);
    const rows = await t.db.selectFrom('event_registration').selectAll().where('places_id', '=', placesId).execute();
    expect(rows.every((r) => r.name === '' && r.email === '' && r.answers === '{}' && r.access_note === null && r.purged_at !== null)).toBe(true);
    expect(rows.find((r) => r.id === stray.id)).toBeUndefined();
    expect(await statusCounts(t.db, placesId)).toMatchObject({ confirmed: 3, waiting: 1 });
    expect(await accessNeedCounts(t.db, placesId)).toMatchObject({ pjm: 2, stepFree: 1 });
    expect(await t.db.selectFrom('event_attendance').select('event_id').where('registration_id', '=', people[0]!.id).execute()).toHaveLength(5);
    expect((await findCertificate(t.db, cert!.number))!.holder_name).toBe('Łucja Żółkiewska');
    // A second run has nothing left to do.
    expect(await purgeRegistrations(t.db, 30, new Date('2027-05-02T10:00:00Z'))).toBe(0);
  });

  it('hints at conflicts on the same day, marking the same district and the same audience', async () => {
    const base = { type: 'meeting', organiser, start: '2027-06-05T10:00', end: '2027-06-05T12:00' };
    const mine = await insertEvent(t.db, EventInput.parse({ ...base, title: 'Nowe', status: 'pending', venue: { name: 'Sala A', district: 13 }, audience: ['ngo'] }));
    const both = await insertEvent(t.db, EventInput.parse({ ...base, title: 'Dzielnica i NGO', venue: { name: 'Sala B', district: 13 }, audience: ['ngo', 'residents'], start: '2027-06-05T18:00', end: '2027-06-05T20:00' }));
    const day = await insertEvent(t.db, EventInput.parse({ ...base, title: 'Ten sam dzień', venue: { name: 'Sala C', district: 2 }, audience: ['officials'] }));
    // The festival spans three days and covers the 5th; the event on the 6th does not conflict.
    const festival = await insertEvent(t.db, EventInput.parse({ ...base, title: 'Święto', allDay: true, start: '2027-06-04', end: '2027-06-06', venue: { name: 'Rynek', district: 1 }, audience: ['residents', 'ngo'] }));
    await insertEvent(t.db, EventInput.parse({ ...base, title: 'Następny dzień', start: '2027-06-06T10:00', end: '2027-06-06T12:00', venue: { name: 'Sala D', district: 13 }, audience: ['ngo'] }));
    const out = await findConflicts(t.db, (await findEventRow(t.db, mine))!);
    expect(out.map((c) => [c.id, c.reasons])).toEqual([
      [both, ['same_day', 'same_district', 'same_audience']],
      [festival, ['same_day', 'same_audience']],
      [day, ['same_day']],
    ]);
  });
});
