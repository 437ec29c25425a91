import { describe, expect, it } from 'vitest';
import { dialects } from '../testing.js';
import { freshDatabaseEachTest } from './events.testing.js';
import { seedEventsDemo } from './events.seed.js';
import { statusCounts } from './events.places.js';

describe.each(dialects)('events demo data (%s)', (dialect) => {
  const t = freshDatabaseEachTest(dialect);

  it('has the festival programme, the forum, two conferences, both cycles (one full with a waiting list) and NGO events across the districts', async () => {
    await seedEventsDemo(t.db);
    const events = await t.db.selectFrom('calendar_event').selectAll().execute();
    const types = (type: string) => events.filter((e) => e.type === type);
    expect(types('festival').length).toBeGreaterThanOrEqual(6);
    expect(types('forum')).toHaveLength(1);
    expect(types('conference')).toHaveLength(2);
    const series = await t.db.selectFrom('event_series').selectAll().orderBy('title').execute();
    expect(series.filter((s) => s.kind === 'cycle').map((s) => s.title).sort()).toEqual(['Akademia Kraków dla NGO', 'Klauzule społeczne w praktyce']);
    const klauzule = series.find((s) => s.title === 'Klauzule społeczne w praktyce')!;
    expect(await statusCounts(t.db, klauzule.places_id!)).toMatchObject({ confirmed: 12, waiting: 4 });
    const akademia = series.find((s) => s.title === 'Akademia Kraków dla NGO')!;
    expect(await statusCounts(t.db, akademia.places_id!)).toMatchObject({ confirmed: 15, waiting: 0 });
    expect(events.filter((e) => e.series_id === akademia.id)).toHaveLength(6);
    const districts = new Set(events.map((e) => e.district).filter((d) => d !== null));
    expect(districts.size).toBeGreaterThanOrEqual(12);
    expect(events.some((e) => e.online_url && !e.venue_name)).toBe(true);
    expect(events.every((e) => e.status === 'published')).toBe(true);
  });
});
