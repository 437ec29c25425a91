import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { dialects, testDatabase } from '../testing.js';
import type { DatabaseHandle } from '../db/database.js';
import { EventInput, SeriesInput, type CalendarEvent } from '../../common/events.schema.js';
import { findEventRows, insertEvent, insertSeries, loadContext, setEventStatus, toCalendarEvent } from './events.repository.js';
import { buildIcs, buildRss, eventUid } from './events.feeds.js';

const PUBLIC_URL = 'https://ngo.example.org';
const options = { name: 'Wydarzenia NGO', publicUrl: PUBLIC_URL, lang: 'pl' as const, eventUrl: (id: string) => `${PUBLIC_URL}/embed/events/${id}`, selfUrl: `${PUBLIC_URL}/v1/events?format=ics` };
const base = { type: 'meeting', organiser: { name: 'Fundacja Łączka' }, venue: { name: 'Centrum Obywatelskie', address: 'ul. Reformacka 3, Kraków', district: 1, point: { lon: 19.94, lat: 50.06 } } };

/** The cases, by title, with the UTC instants they must come out at. */
const CASES = {
  // 28 March 2027: clocks go from 02:00 CET to 03:00 CEST. 02:30 does not exist; it means 03:30 CEST.
  spring: { title: 'Nocny maraton pisania wniosków', start: '2027-03-28T02:30', end: '2027-03-28T04:00', utcStart: '2027-03-28T01:30:00.000Z', utcEnd: '2027-03-28T02:00:00.000Z' },
  // 31 October 2027: clocks go from 03:00 CEST back to 02:00 CET. 02:30 happens twice; it means the first (CEST).
  autumn: { title: 'Noc muzeów organizacji', start: '2027-10-31T02:30', end: '2027-10-31T04:00', utcStart: '2027-10-31T00:30:00.000Z', utcEnd: '2027-10-31T03:00:00.000Z' },
  winter: { title: 'Spotkanie noworoczne', start: '2027-01-15T10:00', end: '2027-01-15T12:00', utcStart: '2027-01-15T09:00:00.000Z', utcEnd: '2027-01-15T11:00:00.000Z' },
  summer: { title: 'Forum NGO', start: '2027-06-12T10:00', end: '2027-06-12T16:00', utcStart: '2027-06-12T08:00:00.000Z', utcEnd: '2027-06-12T14:00:00.000Z' },
} as const;

describe.each(dialects)('iCalendar and RSS feeds (%s)', (dialect) => {
  let handle: DatabaseHandle;
  let events: CalendarEvent[];
  let ics: string;
  let festivalId: string;
  let sessionIds: string[];

  beforeAll(async () => {
    handle = await testDatabase(dialect);
    const db = handle.db;
    for (const c of Object.values(CASES)) await insertEvent(db, EventInput.parse({ ...base, title: c.title, start: c.start, end: c.end }));
    festivalId = await insertEvent(db, EventInput.parse({ ...base, type: 'festival', title: 'Święto Organizacji Pozarządowych', allDay: true, start: '2027-06-05', end: '2027-06-07' }));
    const seriesId = await insertSeries(db, SeriesInput.parse({ kind: 'cycle', title: 'Akademia Kraków dla NGO', organiser: { name: 'MOWIS' }, registrationMode: 'series', registration: { capacity: 20 } }));
    sessionIds = [];
    for (const [i, day] of ['2027-04-07', '2027-04-14', '2027-04-21'].entries()) {
      sessionIds.push(await insertEvent(db, EventInput.parse({ ...base, type: 'training', title: `Sesja ${i + 1}: finanse`, start: `${day}T16:00`, end: `${day}T19:00`, seriesId, registrationMode: 'series' })));
    }
    await setEventStatus(db, sessionIds[1]!, 'cancelled', 'Choroba prowadzącej');
    const now = new Date('2027-01-01T00:00:00Z');
    const { rows } = await findEventRows(db, { from: '2027-01-01' }, now, { limit: 100 });
    const ctx = await loadContext(db, rows);
    events = rows.map((r) => toCalendarEvent(r, ctx, now));
    ics = buildIcs(events, options);
  });
  afterAll(() => handle.close());

  it('is well-formed RFC 5545: CRLF lines of at most 75 octets, the required properties, one VTIMEZONE', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    const lines = ics.split('\r\n').slice(0, -1);
    expect(lines.filter((l) => l.includes('\n') || Buffer.byteLength(l, 'utf8') > 75)).toEqual([]);
    const unfolded = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(unfolded[0]).toBe('BEGIN:VCALENDAR');
    expect(unfolded).toContain('VERSION:2.0');
    expect(unfolded.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(unfolded.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
    expect(unfolded).toContain('TZID:Europe/Warsaw');
    const vevents = ics.replace(/\r\n[ \t]/g, '').split('BEGIN:VEVENT').slice(1);
    expect(vevents).toHaveLength(8);
    for (const v of vevents) for (const p of ['UID:', 'DTSTAMP:', 'DTSTART', 'SEQUENCE:']) expect(v).toContain(p);
    // Timed events carry the zone; all-day ones are dates.
    expect(ics).toContain('DTSTART;TZID=Europe/Warsaw:20270328T033000');
    // The repeated autumn hour is ambiguous as wall time: that event is written in UTC.
    expect(ics).toContain('DTSTART:20271031T003000Z');
    expect(ics).toContain('DTEND:20271031T030000Z');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270605');
    expect(ics).toContain('DTEND;VALUE=DATE:20270608');
  });

  it('parses in ical.js with the times right across both DST changes', () => {
    const root = new ICAL.Component(ICAL.parse(ics));
    const zone = root.getFirstSubcomponent('vtimezone')!;
    ICAL.TimezoneService.register(zone);
    const parsed = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(parsed).toHaveLength(8);
    for (const c of Object.values(CASES)) {
      const e = parsed.find((p) => p.summary === c.title)!;
      expect(e.startDate.toJSDate().toISOString(), c.title).toBe(c.utcStart);
      expect(e.endDate.toJSDate().toISOString(), c.title).toBe(c.utcEnd);
      expect(e.startDate.zone?.tzid, c.title).toBe(c === CASES.autumn ? 'UTC' : 'Europe/Warsaw');
    }
    const festival = parsed.find((p) => p.uid === eventUid(festivalId, PUBLIC_URL))!;
    expect(festival.startDate.isDate).toBe(true);
    expect(festival.startDate.toString()).toBe('2027-06-05');
    expect(festival.endDate.toString()).toBe('2027-06-08');
  });

  it('parses in node-ical with the same instants, stable UIDs per session and the cancellation', () => {
    const data = nodeIcal.sync.parseICS(ics);
    const vevents = Object.values(data).filter((x): x is nodeIcal.VEvent => x?.type === 'VEVENT');
    expect(vevents).toHaveLength(8);
    for (const c of Object.values(CASES)) {
      const e = vevents.find((v) => String(v.summary) === c.title)!;
      expect(e.start.toISOString(), c.title).toBe(c.utcStart);
      expect(e.end?.toISOString(), c.title).toBe(c.utcEnd);
    }
    const sessions = sessionIds.map((id) => vevents.find((v) => v.uid === eventUid(id, PUBLIC_URL))!);
    expect(sessions.map((s) => String(s.summary))).toEqual(['Sesja 1: finanse (Akademia Kraków dla NGO, 1/3)', 'Sesja 2: finanse (Akademia Kraków dla NGO, 2/3)', 'Sesja 3: finanse (Akademia Kraków dla NGO, 3/3)']);
    expect(sessions.map((s) => s.status)).toEqual(['CONFIRMED', 'CANCELLED', 'CONFIRMED']);
    expect(sessions.map((s) => Number(s.sequence))).toEqual([0, 1, 0]);
    const festival = vevents.find((v) => v.uid === eventUid(festivalId, PUBLIC_URL))!;
    expect(festival.datetype).toBe('date');
  });

  it('writes the same feed whatever the server’s own time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      const again = buildIcs(events, options).replace(/DTSTAMP:\d{8}T\d{6}Z/g, '');
      expect(again).toBe(ics.replace(/DTSTAMP:\d{8}T\d{6}Z/g, ''));
    } finally {
      process.env.TZ = saved;
    }
  });

  it('writes RSS 2.0 items with Warsaw times and a marked cancellation', () => {
    const rss = buildRss(events, { ...options, description: 'Kalendarz wydarzeń' });
    expect(rss).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<rss version="2.0"/);
    const items = rss.split('<item>').slice(1);
    expect(items).toHaveLength(8);
    const spring = items.find((i) => i.includes(CASES.spring.title))!;
    expect(spring).toContain('03:30');
    const cancelled = items.find((i) => i.includes('Sesja 2'))!;
    expect(cancelled).toContain('[ODWOŁANE]');
    expect(cancelled).toContain(`<guid isPermaLink="false">${eventUid(sessionIds[1]!, PUBLIC_URL)}</guid>`);
  });
});
