import { describe, expect, it } from 'vitest';
import { consultationStatus, utcToWarsawLocal, warsawLocalToUtc } from './consultations.js';

describe('Warsaw time', () => {
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
});

describe('consultation status', () => {
  const c = { startsAt: '2026-03-01T08:00:00.000Z', endsAt: '2026-03-29T22:00:00.000Z', reportedAt: null };
  it('follows the clock, with the end exclusive', () => {
    expect(consultationStatus(c, new Date('2026-03-01T07:59:59.999Z'))).toBe('planned');
    expect(consultationStatus(c, new Date('2026-03-01T08:00:00.000Z'))).toBe('open');
    expect(consultationStatus(c, new Date('2026-03-29T21:59:59.999Z'))).toBe('open');
    expect(consultationStatus(c, new Date('2026-03-29T22:00:00.000Z'))).toBe('closed');
    expect(consultationStatus({ ...c, reportedAt: '2026-04-10T10:00:00.000Z' }, new Date('2026-04-11T00:00:00Z'))).toBe('reported');
  });
});
