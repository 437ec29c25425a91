import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config.js';
import { MODULES } from '../modules.js';
import { runSeeds } from '../seed.js';
import { dialects, expectError, json, staffSession, testApp, type TestApp } from '../testing.js';
import { nowIso } from './ids.js';
import { checkModules, defineModule, retentionOf, seedsOf } from './module.js';
import { jsonContent } from './openapi.js';
import { runPurge } from './retention.js';
import { createRouter } from './validation.js';

const DAY = 24 * 3600_000;

/**
 * A module that is nothing but its manifest, written here: no file of the project names it.
 * It keeps its data in `app_setting` under `dummy:`, since it has no table of its own.
 */
function dummyModule() {
  const routes = createRouter();
  routes.openapi(
    createRoute({ method: 'get', path: '/greeting', tags: ['dummy'], summary: 'Public read', responses: { 200: jsonContent(z.object({ greeting: z.string() }), 'A greeting') } }),
    async (c) => {
      const row = await c.var.db.selectFrom('app_setting').select('value').where('key', '=', 'dummy:greeting').executeTakeFirst();
      return c.json({ greeting: row?.value ?? '' }, 200);
    },
  );
  const staffRoutes = createRouter();
  staffRoutes.openapi(
    createRoute({
      method: 'put',
      path: '/greeting',
      tags: ['dummy (staff)'],
      summary: 'Staff write',
      request: { body: { content: { 'application/json': { schema: z.object({ greeting: z.string().min(1).max(100) }) } }, required: true } },
      responses: { 200: jsonContent(z.object({ greeting: z.string() }), 'Saved') },
    }),
    async (c) => {
      const { greeting } = c.req.valid('json');
      await c.var.db.updateTable('app_setting').set({ value: greeting, updated_at: nowIso() }).where('key', '=', 'dummy:greeting').execute();
      return c.json({ greeting }, 200);
    },
  );
  return defineModule({
    slug: 'dummy',
    routes,
    staff: [{ section: 'dummy', roles: ['adviser'], routes: staffRoutes }],
    seeds: [{ name: 'dummy', run: async (db) => void (await db.insertInto('app_setting').values({ key: 'dummy:greeting', value: 'Dzień dobry', updated_at: nowIso() }).execute()) }],
    retention: [
      {
        name: 'dummy:old',
        describe: 'Dummy rows older than a day, for the module kit test',
        run: async (db, now) => Number((await db.deleteFrom('app_setting').where('key', 'like', 'dummy:old:%').where('updated_at', '<', nowIso(new Date(now.getTime() - DAY))).executeTakeFirst()).numDeletedRows),
      },
    ],
  });
}

describe.each(dialects)('a module that is only a manifest, on %s', (dialect) => {
  const dummy = dummyModule();
  const modules = [...MODULES, dummy];
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect, {}, { modules });
  });
  afterAll(() => t.close());

  it('gets its demo seed from the list', async () => {
    expect(seedsOf(modules).map((s) => s.name)).toContain('dummy');
    expect(await runSeeds(t.db, seedsOf(modules), ['dummy'])).toEqual(['dummy']);
  });

  it('gets its public routes at /v1/<slug>, in the OpenAPI document too', async () => {
    const res = await t.app.request('/v1/dummy/greeting');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ greeting: 'Dzień dobry' });
    const doc = (await (await t.app.request('/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/dummy/greeting', '/v1/admin/dummy/greeting']));
  });

  it('gets its staff routes at /v1/admin/<section>, guarded by session, CSRF and its roles, and audited', async () => {
    const adviser = await staffSession(t, 'adviser');
    const moderator = await staffSession(t, 'moderator');
    const body = { greeting: 'Witajcie' };
    await expectError(await t.app.request('/v1/admin/dummy/greeting', json(body, {}, 'PUT')), 401, 'unauthorized');
    await expectError(await t.app.request('/v1/admin/dummy/greeting', json(body, { cookie: adviser.headers.cookie }, 'PUT')), 403, 'csrf_failed');
    await expectError(await t.app.request('/v1/admin/dummy/greeting', json(body, moderator.headers, 'PUT')), 403, 'forbidden');
    const res = await t.app.request('/v1/admin/dummy/greeting', json(body, adviser.headers, 'PUT'));
    expect(res.status).toBe(200);
    expect(await (await t.app.request('/v1/dummy/greeting')).json()).toEqual(body);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'subject']).where('staff_id', '=', adviser.id).execute();
    expect(audit).toContainEqual({ action: 'PUT /v1/admin/dummy/greeting', subject: '/v1/admin/dummy/greeting' });
  });

  it('gets its staff section in the sessions of the roles that reach it', async () => {
    // The outbox (core) reaches every role; the dummy module's section only the roles it names.
    expect((await staffSession(t, 'adviser')).sections).toEqual(['advice', 'outbox', 'dummy']);
    expect((await staffSession(t, 'admin')).sections).toContain('dummy');
    expect((await staffSession(t, 'editor')).sections).not.toContain('dummy');
  });

  it('gets its retention rule run by the purge, next to every other module', async () => {
    const now = new Date();
    await t.db.insertInto('app_setting').values([
      { key: 'dummy:old:1', value: 'x', updated_at: nowIso(new Date(now.getTime() - 2 * DAY)) },
      { key: 'dummy:old:2', value: 'x', updated_at: nowIso(now) },
    ]).execute();
    const results = await runPurge(t.db, testConfig(), retentionOf(modules), now);
    expect(results.find((r) => r.name === 'dummy:old')).toEqual({ name: 'dummy:old', deleted: 1 });
    expect(results.map((r) => r.name)).toEqual(expect.arrayContaining(['core:sessions', 'map:unconfirmed-submissions', 'consultations:unconfirmed']));
    expect((await t.db.selectFrom('app_setting').select('key').where('key', 'like', 'dummy:old:%').execute()).map((r) => r.key)).toEqual(['dummy:old:2']);
  });
});

describe('the module list check', () => {
  it('refuses two modules with one slug, and a section, seed or rule declared twice', () => {
    const a = dummyModule();
    expect(() => checkModules([...MODULES, a, a])).toThrow(/slug "dummy" is declared twice/);
    expect(() => checkModules([...MODULES, { ...a, slug: 'dummy2', routes: undefined }, a])).toThrow(/staff section "dummy" is declared twice/);
    expect(() => checkModules([...MODULES, { slug: 'x', seeds: [{ name: 'map', run: async () => {} }] }])).toThrow(/seed "map"/);
    expect(() => checkModules([...MODULES, { slug: 'x', retention: [{ name: 'core:sessions', describe: 'dup', run: async () => 0 }] }])).toThrow(/retention rule "core:sessions"/);
    expect(() => checkModules(MODULES)).not.toThrow();
  });
});
