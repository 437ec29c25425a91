import { describe, expect, it } from 'vitest';
import { eventDays, eventsByDay, gridKeyTarget, monthGrid } from './events.calendar.js';
import { weekday } from './time.js';

describe('the month grid', () => {
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

describe('days of events', () => {
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
