import { expect } from '@open-wc/testing';
import { clockOffset, endedWithin, remaining } from './consultations.time.js';

const at = (iso: string) => Date.parse(iso);

describe('consultations.time', () => {
  it('measures how far the server clock is from this one', () => {
    expect(clockOffset('2026-05-01T10:00:00.000Z', at('2026-05-01T09:59:00.000Z'))).to.equal(60_000);
    expect(clockOffset('2026-05-01T10:00:00.000Z', at('2026-05-01T10:00:05.000Z'))).to.equal(-5_000);
    expect(clockOffset('not a date', 0)).to.equal(0);
  });

  it('counts whole days from one day on, whole hours from one hour on, and minutes rounded up', () => {
    const end = '2026-05-15T21:59:00.000Z';
    expect(remaining(end, at('2026-05-12T21:59:00.000Z'))).to.deep.equal({ unit: 'days', count: 3 });
    expect(remaining(end, at('2026-05-12T22:00:00.000Z'))).to.deep.equal({ unit: 'days', count: 2 });
    expect(remaining(end, at('2026-05-14T21:59:00.000Z'))).to.deep.equal({ unit: 'days', count: 1 });
    expect(remaining(end, at('2026-05-14T22:00:00.000Z'))).to.deep.equal({ unit: 'hours', count: 23 });
    expect(remaining(end, at('2026-05-15T20:59:00.000Z'))).to.deep.equal({ unit: 'hours', count: 1 });
    expect(remaining(end, at('2026-05-15T21:00:00.000Z'))).to.deep.equal({ unit: 'minutes', count: 59 });
    expect(remaining(end, at('2026-05-15T21:58:59.000Z'))).to.deep.equal({ unit: 'minutes', count: 1 });
  });

  it('says nothing once the moment has passed, exactly at it included', () => {
    expect(remaining('2026-05-15T21:59:00.000Z', at('2026-05-15T21:59:00.000Z'))).to.equal(null);
    expect(remaining('2026-05-15T21:59:00.000Z', at('2026-05-16T00:00:00.000Z'))).to.equal(null);
  });

  it('counts across the autumn DST change in real elapsed time', () => {
    // 25 Oct 2026 in Warsaw has 25 hours; 48 real hours before the end are 2 days.
    expect(remaining('2026-10-26T10:00:00.000Z', at('2026-10-24T10:00:00.000Z'))).to.deep.equal({ unit: 'days', count: 2 });
  });

  it('keeps a past consultation as recent for the given number of days', () => {
    const now = at('2026-05-31T12:00:00.000Z');
    expect(endedWithin('2026-05-01T12:00:00.000Z', now, 30)).to.equal(true);
    expect(endedWithin('2026-05-01T11:59:59.000Z', now, 30)).to.equal(false);
  });
});
