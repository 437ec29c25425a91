import { describe, expect, it } from 'vitest';
import { meetsAttendanceRule, placesLeft, promotionFor, registrationOpen } from './events.js';
import { EventInput, SeriesInput } from './events.schema.js';

const now = new Date('2027-05-10T10:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3600_000).toISOString();

describe('event rules', () => {
  it('confirms a promoted person at once when the event is far, and offers the place when it is near', () => {
    expect(promotionFor(hours(73), now)).toEqual({ status: 'confirmed' });
    // 72 h ahead: an offer for 24 h.
    expect(promotionFor(hours(72), now)).toEqual({ status: 'offered', offeredUntil: hours(24) });
    // 10 h ahead: half the time left.
    expect(promotionFor(hours(10), now)).toEqual({ status: 'offered', offeredUntil: hours(5) });
    // 1 h ahead: never less than 2 h to answer.
    expect(promotionFor(hours(1), now)).toEqual({ status: 'offered', offeredUntil: hours(2) });
  });

  it('opens registration for published events until the deadline or the start', () => {
    const e = { status: 'published' as const, startsAt: hours(48), deadline: null };
    expect(registrationOpen(e, now)).toBe(true);
    expect(registrationOpen({ ...e, deadline: hours(-1) }, now)).toBe(false);
    expect(registrationOpen({ ...e, deadline: hours(1) }, now)).toBe(true);
    expect(registrationOpen({ ...e, startsAt: hours(-1) }, now)).toBe(false);
    expect(registrationOpen({ ...e, status: 'cancelled' }, now)).toBe(false);
    expect(registrationOpen({ ...e, status: 'pending' }, now)).toBe(false);
  });

  it('counts places left, never below zero, and unlimited as null', () => {
    expect(placesLeft(10, 3)).toBe(7);
    expect(placesLeft(10, 12)).toBe(0);
    expect(placesLeft(null, 500)).toBeNull();
  });

  it('applies the attendance rule exactly at its boundary', () => {
    expect(meetsAttendanceRule(4, 5, 80)).toBe(true);
    expect(meetsAttendanceRule(3, 5, 80)).toBe(false);
    expect(meetsAttendanceRule(7, 9, 80)).toBe(false); // 77.8 %
    expect(meetsAttendanceRule(8, 10, 80)).toBe(true);
    expect(meetsAttendanceRule(0, 0, 80)).toBe(false);
  });
});

describe('event input', () => {
  const base = { title: 'Forum NGO', type: 'forum', start: '2027-06-05T10:00', end: '2027-06-05T16:00', organiser: { name: 'MOWIS' }, venue: { name: 'ICE Kraków' } };

  it('accepts a venue event and fills defaults', () => {
    const e = EventInput.parse(base);
    expect(e.allDay).toBe(false);
    expect(e.languages).toEqual(['pl']);
    expect(e.registrationMode).toBe('none');
    expect(e.registration).toMatchObject({ capacity: null, waitingList: true, askAccessNeeds: true, questions: [] });
    expect(e.venue).toMatchObject({ name: 'ICE Kraków', district: null, accessibility: [] });
  });

  it('needs a venue or an online link, and an end after the start', () => {
    const noPlace = EventInput.safeParse({ ...base, venue: null });
    expect(noPlace.success).toBe(false);
    expect(noPlace.error!.issues[0]!.path).toEqual(['venue']);
    expect(EventInput.safeParse({ ...base, venue: null, onlineUrl: 'https://meet.example.org/x' }).success).toBe(true);
    const backwards = EventInput.safeParse({ ...base, end: '2027-06-05T09:00' });
    expect(backwards.error!.issues[0]!.path).toEqual(['end']);
  });

  it('takes dates for all-day events, one or several days', () => {
    expect(EventInput.safeParse({ ...base, allDay: true, start: '2027-06-05', end: '2027-06-05' }).success).toBe(true);
    expect(EventInput.safeParse({ ...base, allDay: true, start: '2027-06-05', end: '2027-06-07' }).success).toBe(true);
    const mixed = EventInput.safeParse({ ...base, allDay: true });
    expect(mixed.error!.issues[0]!.message).toMatch(/all-day/);
    expect(EventInput.safeParse({ ...base, allDay: true, start: '2027-06-05', end: '2027-06-04' }).success).toBe(false);
  });

  it('refuses series registration without a series, points outside Kraków and bad questions', () => {
    expect(EventInput.safeParse({ ...base, registrationMode: 'series' }).success).toBe(false);
    expect(EventInput.safeParse({ ...base, venue: { name: 'Far away', point: { lon: 21.0, lat: 52.2 } } }).success).toBe(false);
    const q = { id: 'diet', kind: 'choice', label: { pl: 'Dieta' }, options: [{ id: 'wege', label: { pl: 'Wegetariańska' } }] };
    expect(EventInput.safeParse({ ...base, registrationMode: 'event', registration: { questions: [q] } }).success).toBe(false);
  });

  it('gives a cycle an 80 % attendance rule by default', () => {
    expect(SeriesInput.parse({ kind: 'cycle', title: 'Akademia Kraków dla NGO', organiser: { name: 'MOWIS' } }).attendancePercent).toBe(80);
  });
});
