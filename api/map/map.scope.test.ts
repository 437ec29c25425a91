import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedAbuse } from '../core/abuse.testing.js';
import { dialects, expectError, freshIp, json, mailedLink, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';
import { insertOrganisation } from './map.repository.js';
import { organisationInput } from './map.testing.js';

/**
 * District scope on the map's staff routes (issue 8, item 4): a district-scoped editor acts on
 * and reads only their district's entries, judged by the stored entry and by the new input.
 */
describe.each(dialects)('district scope of the map staff routes on %s', (dialect) => {
  let t: TestApp;
  let editor5: StaffSession;
  let editor12: StaffSession;
  let admin: StaffSession;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp(dialect);
    const put = async (key: string, districts: number[], cityWide = false) => {
      ids[key] = await insertOrganisation(t.db, organisationInput({ name: `Fundacja ${key}`, districts, cityWide }), { status: 'published', changedBy: 'test', ownerEmail: `owner.${key}@example.org` });
    };
    await put('five', [5]);
    await put('corrected', [5]);
    await put('twelve', [12]);
    await put('city', [], true);
    editor5 = await staffSession(t, 'editor', { district: 5 });
    editor12 = await staffSession(t, 'editor', { district: 12 });
    admin = await staffSession(t, 'admin');
  });
  afterAll(() => t.close());

  const get = (path: string, s: StaffSession) => t.app.request(path, { headers: s.headers });
  const send = (path: string, s: StaffSession, body: unknown = {}, method = 'POST') => t.app.request(path, json(body, s.headers, method));

  /** A confirmed correction of entry `key` proposing `districts`, waiting for moderation. */
  async function pendingCorrection(key: string, districts: number[]): Promise<string> {
    const email = `corrector.${key}.${districts.join('-')}@example.org`;
    const res = await t.app.request(
      '/v1/map/submissions',
      json({ type: 'correction', organisationId: ids[key], organisation: organisationInput({ name: `Fundacja ${key}`, districts }), contact: { name: 'Ewa', email }, consent: true, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }),
    );
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const { token } = await mailedLink(t, email);
    expect((await t.app.request('/v1/map/submissions/confirm', json({ token }))).status).toBe(200);
    return id;
  }

  it("refuses to approve a correction of another district's entry, whatever districts it proposes", async () => {
    const sub = await pendingCorrection('corrected', [12]);
    const queue = (await (await get('/v1/admin/map/submissions?status=pending', editor12)).json()) as { items: { id: string }[] };
    expect(queue.items.map((i) => i.id)).not.toContain(sub);
    await expectError(await send(`/v1/admin/map/submissions/${sub}/approve`, editor12), 403, 'forbidden');
    // The entry's own editor cannot move it out of their district by approving either.
    await expectError(await send(`/v1/admin/map/submissions/${sub}/approve`, editor5), 403, 'forbidden');
    expect((await send(`/v1/admin/map/submissions/${sub}/approve`, admin)).status).toBe(200);
  });

  it('refuses to move an entry into another district, and to edit one there', async () => {
    const entry = (await (await get(`/v1/admin/map/organisations/${ids.five}`, editor5)).json()) as Record<string, unknown>;
    expect(entry.name).toBe('Fundacja five');
    await expectError(await send(`/v1/admin/map/organisations/${ids.five}`, editor5, organisationInput({ name: 'Fundacja five', districts: [5, 12] }), 'PUT'), 403, 'forbidden');
    await expectError(await send(`/v1/admin/map/organisations/${ids.five}`, editor5, organisationInput({ name: 'Fundacja five', cityWide: true, districts: [] }), 'PUT'), 403, 'forbidden');
    await expectError(await send(`/v1/admin/map/organisations/${ids.twelve}`, editor5, organisationInput({ name: 'Fundacja twelve', districts: [5] }), 'PUT'), 403, 'forbidden');
    expect((await send(`/v1/admin/map/organisations/${ids.five}`, editor5, organisationInput({ name: 'Fundacja five (poprawiona)', districts: [5] }), 'PUT')).status).toBe(200);
  });

  it("lists and opens only the district's own entries, with no-store", async () => {
    const res = await get('/v1/admin/map/organisations', editor12);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = (await res.json()) as { items: { id: string }[]; total: number };
    expect(page.items.map((i) => i.id).sort()).toEqual([ids.twelve, ids.corrected].sort()); // the approved correction moved one in
    expect(page.total).toBe(2);
    // Asking for another district does not widen the list.
    expect(((await (await get('/v1/admin/map/organisations?district=5', editor12)).json()) as { items: unknown[] }).items).toEqual([]);
    await expectError(await get(`/v1/admin/map/organisations/${ids.five}`, editor12), 403, 'forbidden');
    await expectError(await get(`/v1/admin/map/organisations/${ids.city}`, editor12), 403, 'forbidden');
    const all = (await (await get('/v1/admin/map/organisations', admin)).json()) as { total: number };
    expect(all.total).toBe(4);
  });

  it('keeps the city-wide reminder run to city-wide staff', async () => {
    await expectError(await send('/v1/admin/map/reminders', editor12), 403, 'forbidden');
    expect((await send('/v1/admin/map/reminders', admin)).status).toBe(200);
  });
});
