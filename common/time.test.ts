import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, addWeeks, daysBetween, daysInMonth, endOfMonth, endOfWeek, isLocalDate, isLocalDateTime, repeatedInWarsaw, sameMonth, shiftLocal,
  startOfMonth, startOfWeek, utcToWarsawLocal, warsawDateOf, warsawIso, warsawLocalToUtc, warsawMidnight, warsawOffsetMs, weekday,
} from './time.js';

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

  it('adds weeks and shifts wall times by whole days, keeping the clock time', () => {
    expect(addWeeks('2027-06-05', 52)).toBe('2028-06-03');
    expect(weekday(addWeeks('2027-06-05', 52))).toBe(weekday('2027-06-05'));
    expect(shiftLocal('2027-06-05T10:00', 364)).toBe('2028-06-03T10:00');
    expect(shiftLocal('2027-06-05', -7)).toBe('2027-05-29');
    // A shift across a DST change keeps the wall time, not the instant's distance.
    expect(shiftLocal('2027-03-27T02:30', 1)).toBe('2027-03-28T02:30');
  });
});

describe('Warsaw wall clock', () => {
  it('converts winter and summer wall-clock times', () => {
    expect(warsawLocalToUtc('2026-01-15T12:00')).toBe('2026-01-15T11:00:00.000Z');
    expect(warsawLocalToUtc('2026-07-15T12:00')).toBe('2026-07-15T10:00:00.000Z');
  });
  it('handles the spring gap and the autumn overlap', () => {
    // 29 March 2026: 02:00 → 03:00. 02:30 does not exist.
    expect(warsawLocalToUtc('2026-03-29T01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(warsawLocalToUtc('2026-03-29T03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(warsawLocalToUtc('2026-03-29T02:30')).toBe('2026-03-29T01:30:00.000Z');
    // 25 October 2026: 03:00 → 02:00. 02:30 happens twice; the first is summer time.
    expect(warsawLocalToUtc('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(warsawLocalToUtc('2026-10-25T03:30')).toBe('2026-10-25T02:30:00.000Z');
  });
  it('round-trips to local time', () => {
    for (const local of ['2026-01-15T12:00', '2026-07-15T23:59', '2026-10-25T01:00', '2026-03-29T04:00']) {
      expect(utcToWarsawLocal(warsawLocalToUtc(local))).toBe(local);
    }
  });
  it('rejects malformed input', () => {
    expect(() => warsawLocalToUtc('15.01.2026 12:00')).toThrow(RangeError);
  });
  it('gives the offset and the midnights that bound Warsaw days, short and long ones included', () => {
    expect(warsawOffsetMs(Date.parse('2027-01-10T12:00:00Z'))).toBe(3600_000);
    expect(warsawOffsetMs(new Date('2027-07-10T12:00:00Z'))).toBe(7200_000);
    expect(warsawMidnight('2027-03-28')).toBe('2027-03-27T23:00:00.000Z');
    expect(warsawMidnight('2027-03-29')).toBe('2027-03-28T22:00:00.000Z'); // the 23-hour day
    expect(Date.parse(warsawMidnight('2027-11-01')) - Date.parse(warsawMidnight('2027-10-31'))).toBe(25 * 3600_000);
  });

  it('puts instants on their Warsaw day, in winter and in summer time', () => {
    expect(warsawDateOf('2027-01-10T22:59:59Z')).toBe('2027-01-10');
    expect(warsawDateOf('2027-01-10T23:00:00Z')).toBe('2027-01-11');
    expect(warsawDateOf('2027-07-10T21:59:59Z')).toBe('2027-07-10');
    expect(warsawDateOf('2027-07-10T22:00:00Z')).toBe('2027-07-11');
    expect(utcToWarsawLocal('2027-10-31T00:30:00Z')).toBe('2027-10-31T02:30');
    expect(utcToWarsawLocal('2027-10-31T01:30:00Z')).toBe('2027-10-31T02:30');
  });

  it('writes instants with the Warsaw offset of their moment', () => {
    expect(warsawIso('2027-06-05T08:00:00Z')).toBe('2027-06-05T10:00:00+02:00');
    expect(warsawIso('2027-01-05T08:00:00Z')).toBe('2027-01-05T09:00:00+01:00');
    // Both 02:30s of the autumn night, told apart by their offsets.
    expect(warsawIso('2027-10-31T00:30:00Z')).toBe('2027-10-31T02:30:00+02:00');
    expect(warsawIso('2027-10-31T01:30:00Z')).toBe('2027-10-31T02:30:00+01:00');
  });

  it('knows the repeated autumn hour, in both of its occurrences, and nothing else', () => {
    const at = (iso: string) => repeatedInWarsaw(iso);
    expect(at('2027-10-30T23:59:00Z')).toBe(false); // 01:59 CEST
    expect(at('2027-10-31T00:00:00Z')).toBe(true); // 02:00 CEST
    expect(at('2027-10-31T00:59:00Z')).toBe(true); // 02:59 CEST
    expect(at('2027-10-31T01:00:00Z')).toBe(true); // 02:00 CET
    expect(at('2027-10-31T01:59:00Z')).toBe(true); // 02:59 CET
    expect(at('2027-10-31T02:00:00Z')).toBe(false); // 03:00 CET
    expect(at('2027-03-28T01:30:00Z')).toBe(false); // 03:30 CEST, after the spring gap
    expect(at('2027-06-12T08:00:00Z')).toBe(false);
  });
});
