import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import { createApp } from '../app.js';
import { createLogger } from '../core/log.js';
import { solve } from '../core/abuse.testing.js';
import type { AltchaChallenge } from '../../common/abuse.js';
import { dialects, freshIp, json, testApp, type TestApp } from '../testing.js';
import { insertStaff } from './staff.repository.js';

const PASSWORD = 'correct horse battery staple';
/** Sign-in attempts evaluated per account before a proof of work and a delay are asked for. */
const FREE_ATTEMPTS = 5;
/** Password hashing is slow on purpose (scrypt, 128 MiB); on a loaded 2-core machine a hash takes over a second. */
const SLOW = 120_000;

type Login = { res: Response; body: any; cookies: string };

async function login(app: TestApp['app'], input: Record<string, unknown>, opts: { ip?: string; cookie?: string } = {}): Promise<Login> {
  const res = await app.request('/v1/admin/session', json(input, { 'x-forwarded-for': opts.ip ?? freshIp(), ...(opts.cookie ? { cookie: opts.cookie } : {}) }));
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { res, body: await res.json(), cookies };
}

const code = (l: Login) => l.body?.error?.code as string | undefined;
const totpOf = (secret: string, at = Date.now()) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: at });
const pow = async (app: TestApp['app']) => solve((await (await app.request('/v1/challenge')).json()) as AltchaChallenge);
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)]!;

/** Samples `GET /v1/challenge` one after another while `during` runs; returns the latencies in ms. */
async function challengeLatencies(app: TestApp['app'], during: Promise<unknown>): Promise<number[]> {
  let done = false;
  void during.finally(() => (done = true));
  const ms: number[] = [];
  while (!done || ms.length < 20) {
    const t0 = performance.now();
    const res = await app.request('/v1/challenge');
    ms.push(performance.now() - t0);
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 5));
  }
  return ms;
}

async function auditActions(t: TestApp, action: string) {
  return t.db.selectFrom('audit_log').select(['subject', 'details']).where('action', '=', action).execute();
}

describe.each(dialects)('staff sign-in under attack on %s', (dialect) => {
  let t: TestApp;
  let adminSecret: string;
  /** The known-browser cookie of owner@example.org. */
  let device = '';
  beforeAll(async () => {
    t = await testApp(dialect);
    adminSecret = (await insertStaff(t.db, { email: 'admin@example.org', name: 'Admin', role: 'admin', password: PASSWORD })).totpSecret!;
  });
  afterAll(() => t.close());

  it('evaluates at most the allowed attempts of a burst of 50 for one e-mail, and /v1/challenge stays fast', async () => {
    await insertStaff(t.db, { email: 'burst@example.org', name: 'Burst', role: 'moderator', password: PASSWORD });
    const burst = Promise.all(
      Array.from({ length: 50 }, (_, i) => login(t.app, { email: 'burst@example.org', password: i === 49 ? PASSWORD : `wrong guess ${i}` })),
    );
    const latencies = await challengeLatencies(t.app, burst);
    const results = await burst;
    const evaluated = results.filter((r) => r.res.status === 200 || code(r) === 'invalid_credentials');
    const refused = results.filter((r) => r.res.status === 429);
    expect(evaluated.length).toBeLessThanOrEqual(FREE_ATTEMPTS);
    expect(evaluated.length + refused.length).toBe(50);
    for (const r of refused) expect(code(r)).toBe('challenge_required');
    // Every evaluated failure is in the audit log; nothing more was evaluated than that.
    const wrong = evaluated.filter((r) => r.res.status === 401).length;
    expect((await auditActions(t, 'login_failed')).length).toBe(wrong);
    // The limit holds: the right password without a proof of work is refused now.
    const after = await login(t.app, { email: 'burst@example.org', password: PASSWORD });
    expect(after.res.status).toBe(429);
    expect(code(after)).toBe('challenge_required');
    expect(p99(latencies), `challenge p99 over ${latencies.length} samples`).toBeLessThan(100);
  }, SLOW);

  it('caps concurrent password checks: 40 sign-ins for 40 accounts get answers, never a 500, and /v1/challenge stays fast', async () => {
    const burst = Promise.all(Array.from({ length: 40 }, (_, i) => login(t.app, { email: `nobody-${i}@example.org`, password: 'some password' })));
    const latencies = await challengeLatencies(t.app, burst);
    const statuses = (await burst).map((r) => r.res.status);
    expect(statuses.every((s) => s === 401 || s === 503)).toBe(true);
    const busy = (await burst).filter((r) => r.res.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(code(r)).toBe('service_unavailable');
      expect(Number(r.res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(p99(latencies), `challenge p99 over ${latencies.length} samples`).toBeLessThan(100);
  }, SLOW);

  it('replaces the hard lock-out by a proof of work and a growing delay', async () => {
    await insertStaff(t.db, { email: 'victim@example.org', name: 'Victim', role: 'moderator', password: PASSWORD });
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await login(t.app, { email: 'victim@example.org', password: `guess ${i}` })).res.status).toBe(401);
    const noPow = await login(t.app, { email: 'victim@example.org', password: PASSWORD });
    expect(noPow.res.status).toBe(429);
    expect(code(noPow)).toBe('challenge_required');
    expect(noPow.body.error.details.retryAfter).toBe(0);
    // With proofs of work, attempts are evaluated again, one per delay: of two sent at once, one waits.
    const [a, b] = await Promise.all([pow(t.app), pow(t.app)]);
    const pair = await Promise.all([
      login(t.app, { email: 'victim@example.org', password: 'another guess', altcha: a }),
      login(t.app, { email: 'victim@example.org', password: 'and another', altcha: b }),
    ]);
    expect(pair.map((r) => r.res.status).sort()).toEqual([401, 429]);
    const waiting = pair.find((r) => r.res.status === 429)!;
    expect(code(waiting)).toBe('challenge_required');
    const wait = Number(waiting.res.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(waiting.body.error.details.retryAfter).toBe(wait);
    // The owner gets in with a proof of work once the server-given delay has passed.
    let signedIn: Login | undefined;
    let retryAfter = wait;
    for (let round = 0; round < 5 && !signedIn; round++) {
      await new Promise((r) => setTimeout(r, retryAfter * 1000)); // the server said how long
      const attempt = await login(t.app, { email: 'victim@example.org', password: PASSWORD, altcha: await pow(t.app) });
      if (attempt.res.status === 200) signedIn = attempt;
      else retryAfter = attempt.body.error.details.retryAfter;
    }
    expect(signedIn?.res.status).toBe(200);
    // A spent proof of work counts for nothing, and its attempt is given back.
    const evaluatedProof = pair.find((r) => r.res.status === 401) === pair[0] ? a : b;
    const replay = await login(t.app, { email: 'victim@example.org', password: PASSWORD, altcha: evaluatedProof });
    expect(replay.res.status).toBe(422);
    expect(code(replay)).toBe('challenge_failed');
    expect((await login(t.app, { email: 'victim@example.org', password: PASSWORD, altcha: await pow(t.app) })).res.status).toBe(200);
  }, SLOW);

  it('lets a browser that signed in before keep its way in while the account is attacked', async () => {
    await insertStaff(t.db, { email: 'owner@example.org', name: 'Owner', role: 'editor', password: PASSWORD });
    const first = await login(t.app, { email: 'owner@example.org', password: PASSWORD });
    expect(first.res.status).toBe(200);
    expect(first.res.headers.getSetCookie().find((c) => c.startsWith('ngo_device='))).toMatch(/HttpOnly/i);
    device = first.cookies.split('; ').find((c) => c.startsWith('ngo_device='))!;
    // The attacker burns the account's free attempts and more.
    for (let i = 0; i < FREE_ATTEMPTS + 3; i++) await login(t.app, { email: 'owner@example.org', password: `attack ${i}` });
    expect(code(await login(t.app, { email: 'owner@example.org', password: PASSWORD }))).toBe('challenge_required');
    // The known browser signs in at once, with no proof of work and no wait.
    const back = await login(t.app, { email: 'owner@example.org', password: PASSWORD }, { cookie: device });
    expect(back.res.status).toBe(200);
    // A known browser has a throttle of its own, so a stolen cookie gives no free guessing.
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await login(t.app, { email: 'owner@example.org', password: `stolen ${i}` }, { cookie: device })).res.status).toBe(401);
    expect(code(await login(t.app, { email: 'owner@example.org', password: PASSWORD }, { cookie: device }))).toBe('challenge_required');
  }, SLOW);

  it('binds the known-browser cookie to its account and its signature', async () => {
    expect(device).toMatch(/^ngo_device=/);
    await insertStaff(t.db, { email: 'other@example.org', name: 'Other', role: 'editor', password: PASSWORD });
    const own = (await login(t.app, { email: 'other@example.org', password: PASSWORD })).cookies.split('; ').find((c) => c.startsWith('ngo_device='))!;
    for (let i = 0; i < FREE_ATTEMPTS; i++) await login(t.app, { email: 'other@example.org', password: `attack ${i}` });
    const forged = own.slice(0, -2) + (own.endsWith('AA') ? 'BB' : 'AA');
    expect(code(await login(t.app, { email: 'other@example.org', password: PASSWORD }, { cookie: forged }))).toBe('challenge_required');
    // Another account's cookie, as it is or with this account's id put in, does not help either.
    expect(code(await login(t.app, { email: 'other@example.org', password: PASSWORD }, { cookie: device }))).toBe('challenge_required');
    const otherId = (await t.db.selectFrom('staff_user').select('id').where('email', '=', 'other@example.org').executeTakeFirstOrThrow()).id;
    const reassigned = device.replace(/^ngo_device=[^.]+/, `ngo_device=${otherId}`);
    expect(code(await login(t.app, { email: 'other@example.org', password: PASSWORD }, { cookie: reassigned }))).toBe('challenge_required');
    // Its own, unaltered cookie still lets it in.
    expect((await login(t.app, { email: 'other@example.org', password: PASSWORD }, { cookie: own })).res.status).toBe(200);
  }, SLOW);

  it('asks admins for the code on the same step and answers a missing or wrong code like a wrong password, counted', async () => {
    const wrongPassword = await login(t.app, { email: 'admin@example.org', password: 'not the password' });
    const noCode = await login(t.app, { email: 'admin@example.org', password: PASSWORD });
    const wrongCode = await login(t.app, { email: 'admin@example.org', password: PASSWORD, otp: totpOf(adminSecret, Date.now() - 600_000) });
    for (const r of [wrongPassword, noCode, wrongCode]) {
      expect(r.res.status).toBe(401);
      expect(r.body.error.code).toBe('invalid_credentials');
      expect(r.body.error.message).toBe(wrongPassword.body.error.message);
    }
    // The right password without a code counted as a failure: two more and the account is throttled.
    await login(t.app, { email: 'admin@example.org', password: PASSWORD });
    await login(t.app, { email: 'admin@example.org', password: PASSWORD });
    expect(code(await login(t.app, { email: 'admin@example.org', password: PASSWORD, otp: totpOf(adminSecret) }))).toBe('challenge_required');
    const ok = await login(t.app, { email: 'admin@example.org', password: PASSWORD, otp: totpOf(adminSecret), altcha: await pow(t.app) });
    expect(ok.res.status).toBe(200);
  }, SLOW);

  it('refuses a TOTP code used once already, also on another instance', async () => {
    const secret = (await insertStaff(t.db, { email: 'admin2@example.org', name: 'Admin 2', role: 'admin', password: PASSWORD })).totpSecret!;
    const otp = totpOf(secret);
    expect((await login(t.app, { email: 'admin2@example.org', password: PASSWORD, otp })).res.status).toBe(200);
    const other = createApp({ db: t.db, config: t.config, log: createLogger('silent') });
    const again = await login(other, { email: 'admin2@example.org', password: PASSWORD, otp });
    expect(again.res.status).toBe(401);
    expect(code(again)).toBe('invalid_credentials');
    // An older code, still inside the drift window, is refused too once a newer one was accepted.
    const older = await login(t.app, { email: 'admin2@example.org', password: PASSWORD, otp: totpOf(secret, Date.now() - 30_000) });
    expect(older.res.status).toBe(401);
  }, SLOW);

  it('never lets an admin in without a second factor, also after a promotion', async () => {
    const secret = (await insertStaff(t.db, { email: 'admin3@example.org', name: 'Admin 3', role: 'admin', password: PASSWORD })).totpSecret!;
    const adminLogin = await login(t.app, { email: 'admin3@example.org', password: PASSWORD, otp: totpOf(secret) });
    expect(adminLogin.res.status).toBe(200);
    const headers = { cookie: adminLogin.cookies, 'x-csrf-token': adminLogin.body.csrfToken, 'x-forwarded-for': freshIp() };
    const { id } = (await insertStaff(t.db, { email: 'promoted@example.org', name: 'Promoted', role: 'moderator', password: PASSWORD })) as { id: string };
    const promoted = await t.app.request(`/v1/admin/staff/${id}`, json({ role: 'admin' }, headers, 'PATCH'));
    expect(promoted.status).toBe(200);
    const body = (await promoted.json()) as any;
    expect(body.role).toBe('admin');
    expect(body.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    const noCode = await login(t.app, { email: 'promoted@example.org', password: PASSWORD });
    expect(noCode.res.status).toBe(401);
    expect((await login(t.app, { email: 'promoted@example.org', password: PASSWORD, otp: totpOf(body.totpSecret) })).res.status).toBe(200);
    // An admin row without a secret (edited by hand, restored from an old backup) cannot sign in at all.
    await t.db.updateTable('staff_user').set({ totp_secret: null }).where('id', '=', id).execute();
    expect((await login(t.app, { email: 'promoted@example.org', password: PASSWORD })).res.status).toBe(401);
  }, SLOW);

  it('audits failed sign-ins without the password', async () => {
    await insertStaff(t.db, { email: 'audited@example.org', name: 'Audited', role: 'moderator', password: PASSWORD });
    const before = (await auditActions(t, 'login_failed')).length;
    await login(t.app, { email: 'audited@example.org', password: 'secret guess 1' });
    await login(t.app, { email: 'unknown-person@example.org', password: 'secret guess 2' });
    const rows = await auditActions(t, 'login_failed');
    expect(rows.length).toBe(before + 2);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('secret guess');
    expect(text).not.toContain('unknown-person@example.org');
    const staff = await t.db.selectFrom('staff_user').select('id').where('email', '=', 'audited@example.org').executeTakeFirstOrThrow();
    expect(rows.map((r) => r.subject)).toContain(`staff:${staff.id}`);
  }, SLOW);
});
