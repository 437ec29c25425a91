import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, daysBetween, daysInMonth, endOfMonth, endOfWeek, eventDays, eventsByDay, gridKeyTarget, isLocalDate, isLocalDateTime,
  monthGrid, sameMonth, startOfMonth, startOfWeek, warsawDateOf, weekday,
} from './events.calendar.js';

describe('civil dates', () => {
  it('validates dates and wall times, rejecting impossible days', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2027-2-3')).toBe(false);
    expect(isLocalDate(20270203)).toBe(false);
    expect(isLocalDateTime('2027-03-28T02:30')).toBe(true);
    expect(isLocalDateTime('2027-03-28T24:00')).toBe(false);
    expect(isLocalDateTime('2027-04-31T10:00')).toBe(false);
    expect(isLocalDateTime('2027-03-28')).toBe(false);
  });

  it('counts days in months, leap years included', () => {
    expect([daysInMonth(2027, 2), daysInMonth(2028, 2), daysInMonth(2100, 2), daysInMonth(2000, 2), daysInMonth(2027, 12)]).toEqual([28, 29, 28, 29, 31]);
  });

  it('adds days across the DST changes and the year end without drifting', () => {
    // 28 March and 31 October 2027 are the DST nights in Warsaw: a day is still one day.
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
    expect(addDays('2027-10-30', 2)).toBe('2027-11-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2027-03-01', '2027-04-01')).toBe(31);
    expect(daysBetween('2027-04-01', '2027-03-01')).toBe(-31);
  });

  it('adds months keeping the day where it exists', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-03-15', -3)).toBe('2026-12-15');
    expect(addMonths('2027-12-10', 1)).toBe('2028-01-10');
    expect(addMonths('2027-05-31', -12)).toBe('2026-05-31');
  });

  it('knows weekdays and Monday-first week bounds', () => {
    expect(weekday('2027-03-28')).toBe(7); // a Sunday
    expect(weekday('2027-03-29')).toBe(1);
    expect(startOfWeek('2027-03-28')).toBe('2027-03-22');
    expect(endOfWeek('2027-03-29')).toBe('2027-04-04');
    expect(startOfMonth('2027-03-28')).toBe('2027-03-01');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(sameMonth('2027-03-01', '2027-03-31')).toBe(true);
    expect(sameMonth('2027-03-31', '2027-04-01')).toBe(false);
  });

  it('builds a month grid of whole Monday-first weeks', () => {
    const march = monthGrid('2027-03-10');
    expect(march).toHaveLength(5);
    expect(march[0]![0]).toBe('2027-03-01'); // 1 March 2027 is a Monday
    expect(march.at(-1)!.at(-1)).toBe('2027-04-04');
    expect(march.every((w) => w.length === 7 && weekday(w[0]!) === 1)).toBe(true);
    // February 2021 starts on a Monday and has 28 days: exactly four rows.
    expect(monthGrid('2021-02-01')).toHaveLength(4);
    // May 2027 starts on a Saturday and has 31 days: six rows.
    const may = monthGrid('2027-05-01');
    expect(may).toHaveLength(6);
    expect(may[0]![0]).toBe('2027-04-26');
  });

  it('moves the grid focus like the ARIA grid pattern', () => {
    expect(gridKeyTarget('2027-03-01', 'ArrowLeft')).toBe('2027-02-28');
    expect(gridKeyTarget('2027-03-31', 'ArrowRight')).toBe('2027-04-01');
    expect(gridKeyTarget('2027-03-03', 'ArrowUp')).toBe('2027-02-24');
    expect(gridKeyTarget('2027-03-28', 'ArrowDown')).toBe('2027-04-04');
    expect(gridKeyTarget('2027-03-24', 'Home')).toBe('2027-03-22');
    expect(gridKeyTarget('2027-03-24', 'End')).toBe('2027-03-28');
    expect(gridKeyTarget('2027-03-31', 'PageDown')).toBe('2027-04-30');
    expect(gridKeyTarget('2027-03-31', 'PageUp')).toBe('2027-02-28');
    expect(gridKeyTarget('2028-02-29', 'PageDown', true)).toBe('2029-02-28');
  });
});

describe('Warsaw days of instants', () => {
  it('puts instants on their Warsaw day, in winter and in summer time', () => {
    expect(warsawDateOf('2027-01-10T22:59:59Z')).toBe('2027-01-10');
    expect(warsawDateOf('2027-01-10T23:00:00Z')).toBe('2027-01-11');
    expect(warsawDateOf('2027-07-10T21:59:59Z')).toBe('2027-07-10');
    expect(warsawDateOf('2027-07-10T22:00:00Z')).toBe('2027-07-11');
  });

  it('lists the days an event covers, with an exclusive end', () => {
    // 18:00–22:00 on one day.
    expect(eventDays('2027-06-05T16:00:00Z', '2027-06-05T20:00:00Z')).toEqual(['2027-06-05']);
    // An all-day event on 28 March 2027, the short day: [midnight CET, midnight CEST).
    expect(eventDays('2027-03-27T23:00:00Z', '2027-03-28T22:00:00Z')).toEqual(['2027-03-28']);
    // A three-day festival across the autumn change (the long day).
    expect(eventDays('2027-10-29T22:00:00Z', '2027-11-01T23:00:00Z')).toEqual(['2027-10-30', '2027-10-31', '2027-11-01']);
    // Overnight: 22:00 to 02:00 covers two days.
    expect(eventDays('2027-06-05T20:00:00Z', '2027-06-06T00:00:00Z')).toEqual(['2027-06-05', '2027-06-06']);
    // Zero length still lands on its day.
    expect(eventDays('2027-06-05T10:00:00Z', '2027-06-05T10:00:00Z')).toEqual(['2027-06-05']);
  });

  it('groups events by day within the shown range', () => {
    const a = { id: 'a', startsAt: '2027-05-31T08:00:00Z', endsAt: '2027-06-02T16:00:00Z' };
    const b = { id: 'b', startsAt: '2027-06-01T08:00:00Z', endsAt: '2027-06-01T10:00:00Z' };
    const byDay = eventsByDay([a, b], '2027-06-01', '2027-06-30');
    expect([...byDay.keys()]).toEqual(['2027-06-01', '2027-06-02']);
    expect(byDay.get('2027-06-01')!.map((e) => e.id)).toEqual(['a', 'b']);
    expect(byDay.get('2027-06-02')!.map((e) => e.id)).toEqual(['a']);
  });
});
