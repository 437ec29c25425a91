import { describe, expect, it } from 'vitest';
import { consultationStatus } from './consultations.js';

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
