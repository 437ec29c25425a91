import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpFor } from '../core/auth.js';
import { dialects, expectError, freshIp, json, staffSession, STAFF_PASSWORD, testApp, type StaffSession, type TestApp } from '../testing.js';

describe.each(dialects)("an admin resets another member's second factor on %s", (dialect) => {
  let t: TestApp;
  let admin: StaffSession;
  const ip = () => ({ 'x-forwarded-for': freshIp() });
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await staffSession(t, 'admin');
  }, 120_000);
  afterAll(() => t.close());

  it('ends their sessions at once, and an admin member enrols a new code from the mailed link before signing in again', async () => {
    const other = await staffSession(t, 'admin');
    const reset = await t.app.request(`/v1/admin/staff/${other.id}/totp-reset?lang=en`, { method: 'POST', headers: admin.headers });
    expect(reset.status).toBe(204);
    await expectError(await t.app.request('/v1/admin/session', { headers: other.headers }), 401, 'unauthorized');
    await expectError(await t.app.request(`/v1/admin/staff/${other.id}/totp-reset`, { method: 'POST', headers: admin.headers }), 409, 'totp_not_enrolled');
    // Without a second factor an admin cannot sign in, even with the right password.
    await expectError(await t.app.request('/v1/admin/session', json({ email: other.email, password: STAFF_PASSWORD }, ip())), 401, 'invalid_credentials');

    const mail = await t.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', other.email).where('template', '=', 'admin.staff-totp-reset').executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('two-step verification');
    const token = /#password\/([\w-]{32,})/.exec(mail.body_text)![1]!;
    const info = await t.app.request('/v1/admin/password/link', json({ token }, ip()));
    expect(await info.json()).toMatchObject({ invitation: false, totpEnrolment: true });
    const set = await t.app.request('/v1/admin/password', json({ token, password: 'a new passphrase here' }, ip()));
    const { totpSecret } = (await set.json()) as { totpSecret: string };
    expect(totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
    const login = await t.app.request('/v1/admin/session', json({ email: other.email, password: 'a new passphrase here', otp: totpFor(other.email, totpSecret).generate() }, ip()));
    expect(login.status).toBe(200);

    const log = await t.db.selectFrom('audit_log').select(['action', 'subject']).where('action', 'like', '%totp-reset%').execute();
    expect(log).toHaveLength(1);
  });

  it('refuses your own, and other roles', async () => {
    await expectError(await t.app.request(`/v1/admin/staff/${admin.id}/totp-reset`, { method: 'POST', headers: admin.headers }), 409, 'conflict');
    const moderator = await staffSession(t, 'moderator');
    await expectError(await t.app.request(`/v1/admin/staff/${admin.id}/totp-reset`, { method: 'POST', headers: moderator.headers }), 403, 'forbidden');
  });
});
