import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../modules.js';
import { dialects, expectError, json, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';
import { defineModule } from './module.js';
import { jsonContent } from './openapi.js';
import { createRouter } from './validation.js';

/** A staff section declared by a module listed before every other, core and admin included. */
function earlyModule() {
  const routes = createRouter();
  routes.openapi(
    createRoute({ method: 'get', path: '/things', tags: ['early (staff)'], summary: 'Test', responses: { 200: jsonContent(z.object({ staff: z.string() }), 'Who asked') } }),
    (c) => c.json({ staff: c.var.staff!.email }, 200),
  );
  routes.openapi(
    createRoute({ method: 'post', path: '/things/{id}', tags: ['early (staff)'], summary: 'Test', request: { params: z.object({ id: z.string() }) }, responses: { 200: jsonContent(z.object({ ok: z.boolean() }), 'Done') } }),
    (c) => c.json({ ok: true }, 200),
  );
  return defineModule({ slug: 'early', staff: [{ section: 'early', roles: ['editor'], routes }] });
}

describe.each(dialects)('the staff router on %s', (dialect) => {
  let t: TestApp;
  let editor: StaffSession;
  let moderator: StaffSession;
  beforeAll(async () => {
    t = await testApp(dialect, {}, { modules: [earlyModule(), ...MODULES] });
    editor = await staffSession(t, 'editor');
    moderator = await staffSession(t, 'moderator');
  });
  afterAll(() => t.close());

  it('guards a section mounted before every other one: session, CSRF, role', async () => {
    await expectError(await t.app.request('/v1/admin/early/things'), 401, 'unauthorized');
    await expectError(await t.app.request('/v1/admin/early/things/1', { method: 'POST' }), 401, 'unauthorized');
    await expectError(await t.app.request('/v1/admin/early/things/1', { method: 'POST', headers: { cookie: editor.headers.cookie } }), 403, 'csrf_failed');
    await expectError(await t.app.request('/v1/admin/early/things', { headers: moderator.headers }), 403, 'forbidden');
    const ok = await t.app.request('/v1/admin/early/things', { headers: editor.headers });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ staff: editor.email });
  });

  it('audits every successful write of a section, with no code in the section', async () => {
    const res = await t.app.request('/v1/admin/early/things/42', json({}, editor.headers));
    expect(res.status).toBe(200);
    const entry = await t.db.selectFrom('audit_log').selectAll().where('staff_id', '=', editor.id).where('subject', '=', '/v1/admin/early/things/42').executeTakeFirst();
    expect(entry).toMatchObject({ action: 'POST /v1/admin/early/things/:id' });
    expect(JSON.parse(entry!.details!)).toEqual({ id: '42' });
  });

  it("lists the section in the session of the roles that reach it, in the module list's order", async () => {
    expect(editor.sections).toEqual(['early', 'map', 'consultations', 'events', 'surveys', 'guide', 'outbox']);
    expect(moderator.sections).toEqual(['map', 'consultations', 'events', 'outbox']);
    const admin = await staffSession(t, 'admin');
    expect(admin.sections).toEqual(['early', 'map', 'consultations', 'events', 'surveys', 'guide', 'advice', 'staff', 'audit', 'outbox', 'settings']);
  });

  // The ways in without a session: signing in, and the mailed set-password link (forgot, what a link is for, set).
  const WAYS_IN = new Set(['POST /v1/admin/session', 'POST /v1/admin/password/forgot', 'POST /v1/admin/password/link', 'POST /v1/admin/password']);

  it('answers 401 without a session on every staff route of the document but the ways in', async () => {
    const doc = (await (await t.app.request('/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const staffRoutes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/admin/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => [method.toUpperCase(), path.replace(/\{[^}]+\}/g, 'x')] as const))
      .filter(([method, path]) => !WAYS_IN.has(`${method} ${path}`));
    expect(staffRoutes.length).toBeGreaterThan(20);
    for (const [method, path] of staffRoutes) {
      const res = await t.app.request(path, method === 'GET' ? {} : json({}, {}, method));
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 401`);
    }
    // Signing in stays open.
    await expectError(await t.app.request('/v1/admin/session', json({ email: 'nobody@example.org', password: 'wrong password' })), 401, 'invalid_credentials');
  });
});
