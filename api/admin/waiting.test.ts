import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConsultationsDemo } from '../consultations/consultations.seed.js';
import { seedMapDemo } from '../map/map.generate.js';
import { seedEventsDemo } from '../events/events.seed.js';
import { dialects, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';

type Waiting = { items: { key: string; count: number; section: string }[] };

describe.each(dialects)('the start screen (GET /v1/admin/waiting) on %s', (dialect) => {
  let t: TestApp;
  const get = async <T>(s: StaffSession, path: string) => {
    const res = await t.app.request(path, { headers: s.headers });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  beforeAll(async () => {
    t = await testApp(dialect);
    await seedMapDemo(t.db);
    await seedConsultationsDemo(t.db);
    await seedEventsDemo(t.db);
    // Two map submissions wait for moderation: one in district I, one in district V.
    const now = new Date().toISOString();
    for (const [id, district] of [['w-sub-1', 1], ['w-sub-5', 5]] as const) {
      await t.db.insertInto('organisation_submission').values({ id, organisation_id: null, type: 'create', data: JSON.stringify({ name: `Org ${id}`, districts: [district], cityWide: false }), note: null, submitter_name: 'Zgłaszający', submitter_email: 'z@example.org', lang: 'pl', status: 'pending', reason: null, created_at: now, confirmed_at: now, decided_at: null, decided_by: null }).execute();
    }
  }, 300_000);
  afterAll(() => t.close());

  /** What the queues themselves list, for the same member. */
  async function queues(s: StaffSession) {
    const subs = await get<{ items: unknown[] }>(s, '/v1/admin/map/submissions');
    const cons = await get<{ items: { status: string; endsAt: string; reportedAt?: string | null; counts: { pending: number; unanswered: number } }[] }>(s, '/v1/admin/consultations');
    return {
      'map.submissions': subs.items.length,
      'consultations.to_moderate': cons.items.reduce((n, c) => n + c.counts.pending, 0),
    };
  }

  it('counts for a moderator of one district what their queues list, and an admin the whole city', async () => {
    const admin = await staffSession(t, 'admin');
    const moderator = await staffSession(t, 'moderator', { district: 1 });
    const all = await get<Waiting>(admin, '/v1/admin/waiting');
    const mine = await get<Waiting>(moderator, '/v1/admin/waiting');
    const byKey = (w: Waiting) => Object.fromEntries(w.items.map((i) => [i.key, i.count]));
    const expected = await queues(admin);
    expect(byKey(all)).toMatchObject(expected);
    expect(byKey(mine)).toMatchObject(await queues(moderator));
    // The demo has something waiting city-wide, and the district sees less of it than the city.
    expect(expected['map.submissions']).toBeGreaterThanOrEqual(2);
    expect(byKey(mine)['map.submissions']).toBe(expected['map.submissions'] - 1);
    expect(byKey(mine)['consultations.to_moderate']!).toBeLessThanOrEqual(expected['consultations.to_moderate']);
    // Each count names its section; an admin gets every module's, a moderator none of the advisers'.
    expect([...new Set(all.items.map((i) => i.section))]).toEqual(expect.arrayContaining(['map', 'consultations', 'events', 'advice']));
    expect(mine.items.some((i) => i.section === 'advice')).toBe(false);
  }, 180_000);

  it('gives an adviser only the advice counts', async () => {
    const adviser = await staffSession(t, 'adviser');
    const w = await get<Waiting>(adviser, '/v1/admin/waiting');
    expect(w.items.map((i) => i.section).every((s) => s === 'advice')).toBe(true);
  }, 60_000);
});
