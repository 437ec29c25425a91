import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import { dialects, freshIp, json, testApp, type TestApp } from '../testing.js';
import { insertStaff } from './staff.repository.js';

const PASSWORD = 'correct horse battery staple';

async function login(t: TestApp, email: string, password = PASSWORD, extra: Record<string, unknown> = {}, ip = freshIp()) {
  const res = await t.app.request('/v1/admin/session', json({ email, password, ...extra }, { 'x-forwarded-for': ip }));
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { res, cookie, body: (await res.json()) as any };
}

describe.each(dialects)('staff accounts on %s', (dialect) => {
  let t: TestApp;
  let adminTotp: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    await insertStaff(t.db, { email: 'mod@example.org', name: 'Moderator', role: 'moderator', password: PASSWORD });
    await insertStaff(t.db, { email: 'adviser@example.org', name: 'Adviser', role: 'adviser', password: PASSWORD });
    adminTotp = (await insertStaff(t.db, { email: 'admin@example.org', name: 'Admin', role: 'admin', password: PASSWORD })).totpSecret!;
  });
  afterAll(() => t.close());

  it('answers a wrong password and an unknown e-mail the same way', async () => {
    const wrong = await login(t, 'mod@example.org', 'not the password');
    const unknown = await login(t, 'nobody@example.org', 'not the password');
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String), requestId: expect.any(String) } });
    expect(unknown.body.error.code).toBe(wrong.body.error.code);
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    expect(wrong.res.headers.get('set-cookie')).toBeNull();
  });

  it('throttles repeated failures with 429 challenge_required', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof login>> | undefined;
    for (let i = 0; i < 7; i++) {
      last = await login(t, 'adviser@example.org', `wrong-${i}`);
      statuses.push(last.res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    expect(last!.body.error).toMatchObject({ code: 'challenge_required', details: { retryAfter: 0 } });
    // Even the right password is refused without the proof of work (admin.login.test.ts covers the way back in).
    const right = await login(t, 'adviser@example.org');
    expect(right.res.status).toBe(429);
    expect(right.body.error.code).toBe('challenge_required');
  });

  it('sets an HttpOnly, SameSite=Lax session cookie and returns a CSRF token', async () => {
    const { res, cookie, body } = await login(t, 'mod@example.org');
    expect(res.status).toBe(200);
    const raw = res.headers.get('set-cookie')!;
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    expect(raw).not.toMatch(/Secure/i);
    expect(cookie).toMatch(/^ngo_session=/);
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(body.sections).toEqual(['map', 'consultations', 'events', 'outbox']);
    const me = await t.app.request('/v1/admin/session', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as any).staff.email).toBe('mod@example.org');
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const res = await t.app.request('/v1/admin/session', json({ email: 'mod@example.org', password: PASSWORD }, { 'x-forwarded-for': freshIp(), 'x-forwarded-proto': 'https' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-ngo_session=.*Secure/i);
  });

  it('behind HTTPS accepts only the __Host- session cookie', async () => {
    const https = { 'x-forwarded-for': freshIp(), 'x-forwarded-proto': 'https' };
    const res = await t.app.request('/v1/admin/session', json({ email: 'mod@example.org', password: PASSWORD }, https));
    const token = res.headers.getSetCookie().find((c) => c.startsWith('__Host-ngo_session='))!.split(';')[0]!.split('=')[1]!;
    expect((await t.app.request('/v1/admin/session', { headers: { ...https, cookie: `__Host-ngo_session=${token}` } })).status).toBe(200);
    // A plain-named cookie can be planted by a sibling subdomain or over plain HTTP: refused.
    const planted = await t.app.request('/v1/admin/session', { headers: { ...https, cookie: `ngo_session=${token}` } });
    expect(planted.status).toBe(401);
  });

  it('never leaves the city without an active admin', async () => {
    const solo = await testApp(dialect);
    try {
      const secret = (await insertStaff(solo.db, { email: 'only@example.org', name: 'Only', role: 'admin', password: PASSWORD })).totpSecret!;
      const otp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
      const { cookie, body } = await login(solo, 'only@example.org', PASSWORD, { otp });
      const headers = { cookie, 'x-csrf-token': body.csrfToken };
      const me = body.staff.id as string;
      const demote = await solo.app.request(`/v1/admin/staff/${me}`, json({ role: 'moderator' }, headers, 'PATCH'));
      expect(demote.status).toBe(409);
      expect(((await demote.json()) as any).error.code).toBe('last_admin');
      expect((await solo.db.selectFrom('staff_user').select('role').where('id', '=', me).executeTakeFirstOrThrow()).role).toBe('admin');
      // With a second admin, one of them may step down; then the other is the last again.
      const { id: other } = await insertStaff(solo.db, { email: 'second@example.org', name: 'Second', role: 'admin', password: PASSWORD });
      expect((await solo.app.request(`/v1/admin/staff/${other}`, json({ role: 'editor', district: 3 }, headers, 'PATCH'))).status).toBe(200);
      expect((await solo.app.request(`/v1/admin/staff/${me}`, json({ role: 'moderator' }, headers, 'PATCH'))).status).toBe(409);
      // A disabled admin does not count.
      expect((await solo.app.request(`/v1/admin/staff/${other}`, json({ role: 'admin', disabled: true }, headers, 'PATCH'))).status).toBe(200);
      expect((await solo.app.request(`/v1/admin/staff/${me}`, json({ role: 'editor' }, headers, 'PATCH'))).status).toBe(409);
    } finally {
      await solo.close();
    }
  });

  it('rejects a staff write without the CSRF token, and from another origin', async () => {
    const { cookie, body } = await login(t, 'mod@example.org');
    const noToken = await t.app.request('/v1/admin/session', { method: 'DELETE', headers: { cookie } });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as any).error.code).toBe('csrf_failed');
    const foreign = await t.app.request('/v1/admin/session', { method: 'DELETE', headers: { cookie, 'x-csrf-token': body.csrfToken, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const ok = await t.app.request('/v1/admin/session', { method: 'DELETE', headers: { cookie, 'x-csrf-token': body.csrfToken } });
    expect(ok.status).toBe(204);
    expect((await t.app.request('/v1/admin/session', { headers: { cookie } })).status).toBe(401);
  });

  it("keeps a role out of another role's routes", async () => {
    const { cookie } = await login(t, 'mod@example.org');
    const res = await t.app.request('/v1/admin/staff', { headers: { cookie } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.code).toBe('forbidden');
    expect((await t.app.request('/v1/admin/audit', { headers: { cookie } })).status).toBe(403);
    expect((await t.app.request('/v1/admin/staff')).status).toBe(401);
  });

  it('requires a TOTP code from admins and audits what they do', async () => {
    const noCode = await login(t, 'admin@example.org');
    expect(noCode.res.status).toBe(401);
    expect(noCode.body.error.code).toBe('invalid_credentials');
    const badCode = await login(t, 'admin@example.org', PASSWORD, { otp: '000000' });
    expect(badCode.res.status).toBe(401);
    const otp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(adminTotp) }).generate();
    const ok = await login(t, 'admin@example.org', PASSWORD, { otp });
    expect(ok.res.status).toBe(200);
    expect(ok.body.sections).toContain('staff');
    const created = await t.app.request('/v1/admin/staff', json({ email: 'Editor@Example.org', name: 'Ed', role: 'editor', district: 12 }, { cookie: ok.cookie, 'x-csrf-token': ok.body.csrfToken }));
    expect(created.status).toBe(201);
    expect(((await created.json()) as any).staff).toMatchObject({ email: 'editor@example.org', role: 'editor', district: 12, disabled: false, invited: true });
    const auditRes = await t.app.request('/v1/admin/audit', { headers: { cookie: ok.cookie } });
    const entries = ((await auditRes.json()) as any).items as { action: string }[];
    expect(entries.map((e) => e.action)).toContain('POST /v1/admin/staff');
    expect(entries.map((e) => e.action)).toContain('login');
  });
});
