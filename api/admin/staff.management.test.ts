import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpFor } from '../core/auth.js';
import { dialects, expectError, freshIp, json, staffSession, STAFF_PASSWORD, testApp, type StaffSession, type TestApp } from '../testing.js';
import { insertStaff } from './staff.repository.js';

const NEW_PASSWORD = 'a brand new passphrase';
/** Each test signs in several times (scrypt): generous on a loaded machine. */
const SLOW = 180_000;

/** The token of the newest set-password link mailed to `to` (the panel's `#password/<token>` fragment). */
async function passwordLink(t: TestApp, to: string) {
  const mail = await t.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  expect(mail, `a mail to ${to}`).toBeDefined();
  const match = /(\S+)#password\/([\w-]{32,})/.exec(mail!.body_text);
  expect(match, mail!.body_text).not.toBeNull();
  return { base: match![1]!, token: match![2]!, mail: mail! };
}

const mailsTo = async (t: TestApp, to: string) => (await t.db.selectFrom('mail_outbox').select('id').where('to_address', '=', to).execute()).length;

async function signIn(t: TestApp, email: string, password: string, otp?: string) {
  return t.app.request('/v1/admin/session', json({ email, password, ...(otp ? { otp } : {}) }, { 'x-forwarded-for': freshIp() }));
}

describe.each(dialects)('staff management in the panel on %s', (dialect) => {
  let t: TestApp;
  let admin: StaffSession;
  const ip = () => ({ 'x-forwarded-for': freshIp() });
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await staffSession(t, 'admin');
  }, SLOW);
  afterAll(() => t.close());

  it('invites an adviser, who sets a password from the mailed link and signs in; disabling them ends their open session at once', async () => {
    const invited = await t.app.request('/v1/admin/staff', json({ email: 'Ada.Adviser@Example.org', name: 'Ada Adviser', role: 'adviser', lang: 'uk' }, admin.headers));
    expect(invited.status).toBe(201);
    const { staff } = (await invited.json()) as { staff: { id: string; invited: boolean; totp: boolean; role: string } };
    expect(staff).toMatchObject({ invited: true, totp: false, role: 'adviser' });
    const { base, token, mail } = await passwordLink(t, 'ada.adviser@example.org');
    expect(base).toBe(t.config.staffPanelUrl);
    expect(mail.template).toBe('admin.staff-invite');
    expect(mail.lang).toBe('uk');
    expect(mail.body_text).toContain('консультант');
    // Nobody can sign in before the password is chosen.
    expect((await signIn(t, 'ada.adviser@example.org', STAFF_PASSWORD)).status).toBe(401);

    const info = await t.app.request('/v1/admin/password/link', json({ token }, ip()));
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ name: 'Ada Adviser', email: 'ada.adviser@example.org', invitation: true, totpEnrolment: false });
    const short = await t.app.request('/v1/admin/password', json({ token, password: 'short' }, ip()));
    const err = await expectError(short, 422, 'validation_failed');
    expect(err.details?.issues?.map((i) => i.path)).toEqual(['password']);
    const set = await t.app.request('/v1/admin/password', json({ token, password: NEW_PASSWORD }, ip()));
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ email: 'ada.adviser@example.org', totpSecret: null, totpUri: null });
    // The link works once.
    await expectError(await t.app.request('/v1/admin/password', json({ token, password: NEW_PASSWORD }, ip())), 404, 'link_invalid');

    const login = await signIn(t, 'ada.adviser@example.org', NEW_PASSWORD);
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect(((await login.json()) as { sections: string[] }).sections).toEqual(['advice', 'outbox']);
    expect((await t.app.request('/v1/admin/advice/cases', { headers: { cookie } })).status).toBe(200);

    const disabled = await t.app.request(`/v1/admin/staff/${staff.id}`, json({ disabled: true }, admin.headers, 'PATCH'));
    expect(disabled.status).toBe(200);
    expect(((await disabled.json()) as { disabled: boolean }).disabled).toBe(true);
    await expectError(await t.app.request('/v1/admin/advice/cases', { headers: { cookie } }), 401, 'unauthorized');
    await expectError(await signIn(t, 'ada.adviser@example.org', NEW_PASSWORD), 401, 'invalid_credentials');
    // Enabled again, they sign in with the same password.
    expect((await t.app.request(`/v1/admin/staff/${staff.id}`, json({ disabled: false }, admin.headers, 'PATCH'))).status).toBe(200);
    expect((await signIn(t, 'ada.adviser@example.org', NEW_PASSWORD)).status).toBe(200);
  }, SLOW);

  it('refuses a second account for one address, and a bad invitation with the field named', async () => {
    await insertStaff(t.db, { email: 'taken@example.org', name: 'Taken', role: 'editor', password: STAFF_PASSWORD });
    await expectError(await t.app.request('/v1/admin/staff', json({ email: 'TAKEN@example.org', name: 'Again', role: 'editor' }, admin.headers)), 409, 'conflict');
    const bad = await expectError(await t.app.request('/v1/admin/staff', json({ email: 'not an address', name: '', role: 'boss', district: 40 }, admin.headers)), 422, 'validation_failed');
    expect(bad.details?.issues?.map((i) => i.path).sort()).toEqual(['district', 'email', 'name', 'role']);
  }, SLOW);

  it('gives an invited admin their TOTP secret once, with the password, and asks for the code from then on', async () => {
    const res = await t.app.request('/v1/admin/staff', json({ email: 'new.admin@example.org', name: 'New Admin', role: 'admin' }, admin.headers));
    expect(res.status).toBe(201);
    const { token, mail } = await passwordLink(t, 'new.admin@example.org');
    expect(mail.body_text).toContain('aplikacji uwierzytelniającej');
    expect(await (await t.app.request('/v1/admin/password/link', json({ token }, ip()))).json()).toMatchObject({ invitation: true, totpEnrolment: true });
    const set = (await (await t.app.request('/v1/admin/password', json({ token, password: NEW_PASSWORD }, ip()))).json()) as { totpSecret: string; totpUri: string };
    expect(set.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(set.totpUri).toMatch(/^otpauth:\/\/totp\//);
    expect((await signIn(t, 'new.admin@example.org', NEW_PASSWORD)).status).toBe(401);
    expect((await signIn(t, 'new.admin@example.org', NEW_PASSWORD, totpFor('new.admin@example.org', set.totpSecret).generate())).status).toBe(200);
  }, SLOW);

  it('answers "forgot password" the same for an account, an unknown address and a disabled account, and mails only the account', async () => {
    await insertStaff(t.db, { email: 'forgetful@example.org', name: 'Forgetful', role: 'moderator', password: STAFF_PASSWORD });
    const { id: disabledId } = await insertStaff(t.db, { email: 'gone@example.org', name: 'Gone', role: 'moderator', password: STAFF_PASSWORD });
    await t.db.updateTable('staff_user').set({ disabled: 1 }).where('id', '=', disabledId).execute();
    const answers = [];
    for (const email of ['forgetful@example.org', 'nobody@example.org', 'gone@example.org']) {
      const res = await t.app.request('/v1/admin/password/forgot', json({ email }, ip()));
      answers.push({ status: res.status, body: await res.text() });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({ status: 202, body: '{"sent":true}' });
    expect(await mailsTo(t, 'nobody@example.org')).toBe(0);
    expect(await mailsTo(t, 'gone@example.org')).toBe(0);
    const { token, mail } = await passwordLink(t, 'forgetful@example.org');
    expect(mail.template).toBe('admin.staff-password');
    // The old password still works until the new one is set; then only the new one.
    expect((await signIn(t, 'forgetful@example.org', STAFF_PASSWORD)).status).toBe(200);
    expect((await t.app.request('/v1/admin/password', json({ token, password: NEW_PASSWORD }, ip()))).status).toBe(200);
    expect((await signIn(t, 'forgetful@example.org', STAFF_PASSWORD)).status).toBe(401);
    expect((await signIn(t, 'forgetful@example.org', NEW_PASSWORD)).status).toBe(200);
  }, SLOW);

  it('limits "forgot password": 3 mails per address an hour (still 202), 10 requests per client (429)', async () => {
    await insertStaff(t.db, { email: 'bombed@example.org', name: 'Bombed', role: 'editor', password: STAFF_PASSWORD });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.app.request('/v1/admin/password/forgot', json({ email: 'bombed@example.org' }, ip()))).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202]);
    expect(await mailsTo(t, 'bombed@example.org')).toBe(3);
    const one = { 'x-forwarded-for': freshIp() };
    const fromOne = [];
    for (let i = 0; i < 11; i++) fromOne.push((await t.app.request('/v1/admin/password/forgot', json({ email: `someone${i}@example.org` }, one))).status);
    expect(fromOne.slice(0, 10).every((s) => s === 202)).toBe(true);
    await expectError(await t.app.request('/v1/admin/password/forgot', json({ email: 'x@example.org' }, one)), 429, 'rate_limited');
  }, SLOW);

  it("resets a member's password: the old one and their sessions end at once, and the mailed link sets a new one", async () => {
    const member = await staffSession(t, 'editor', { district: 4 });
    const res = await t.app.request(`/v1/admin/staff/${member.id}/password-reset`, { method: 'POST', headers: admin.headers });
    expect(res.status).toBe(204);
    await expectError(await t.app.request('/v1/admin/session', { headers: { cookie: member.headers.cookie } }), 401, 'unauthorized');
    expect((await signIn(t, member.email, STAFF_PASSWORD)).status).toBe(401);
    const { token, mail } = await passwordLink(t, member.email);
    expect(mail.template).toBe('admin.staff-reset');
    expect((await t.app.request('/v1/admin/password', json({ token, password: NEW_PASSWORD }, ip()))).status).toBe(200);
    expect((await signIn(t, member.email, NEW_PASSWORD)).status).toBe(200);
    // A member who has chosen a password has no invitation to send again.
    await expectError(await t.app.request(`/v1/admin/staff/${member.id}/invitation`, { method: 'POST', headers: admin.headers }), 409, 'not_invited');
  }, SLOW);

  it('sends an invitation again with a new link, and the old link stops working', async () => {
    const res = await t.app.request('/v1/admin/staff', json({ email: 'slow@example.org', name: 'Slow', role: 'editor' }, admin.headers));
    const { staff } = (await res.json()) as { staff: { id: string } };
    const first = await passwordLink(t, 'slow@example.org');
    expect((await t.app.request(`/v1/admin/staff/${staff.id}/invitation?lang=en`, { method: 'POST', headers: admin.headers })).status).toBe(204);
    const second = await passwordLink(t, 'slow@example.org');
    expect(second.token).not.toBe(first.token);
    expect(second.mail.lang).toBe('en');
    await expectError(await t.app.request('/v1/admin/password/link', json({ token: first.token }, ip())), 404, 'link_invalid');
    expect((await t.app.request('/v1/admin/password/link', json({ token: second.token }, ip()))).status).toBe(200);
  }, SLOW);

  it('changes the role and district scope, and the audit keeps who, whose account and what changed from what', async () => {
    const member = await staffSession(t, 'moderator', { district: 3 });
    const res = await t.app.request(`/v1/admin/staff/${member.id}`, json({ role: 'editor', district: 7 }, admin.headers, 'PATCH'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: 'editor', district: 7 });
    const entry = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'PATCH /v1/admin/staff/:id').where('subject', '=', `/v1/admin/staff/${member.id}`).executeTakeFirstOrThrow();
    expect(entry.staff_id).toBe(admin.id);
    expect(JSON.parse(entry.details!)).toEqual({ id: member.id, name: 'Test moderator', role: ['moderator', 'editor'], district: [3, 7] });
    // The member's next request already has the new role.
    expect(((await (await t.app.request('/v1/admin/session', { headers: { cookie: member.headers.cookie } })).json()) as { staff: { role: string; district: number } }).staff).toMatchObject({ role: 'editor', district: 7 });
    // Nobody disables themselves.
    await expectError(await t.app.request(`/v1/admin/staff/${admin.id}`, json({ disabled: true }, admin.headers, 'PATCH')), 409, 'conflict');
  }, SLOW);
});
