import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoute, z } from '@hono/zod-openapi';
import { createChallenge } from 'altcha-lib/v1';
import type { AltchaChallenge } from '../../common/abuse.js';
import { AbuseSchema } from '../../common/abuse.schema.js';
import { dialects, freshIp, json, testApp, type TestApp } from '../testing.js';
import { guardAnonymousWrite, purgeSpentChallenges } from './abuse.js';
import { solve, solvedAbuse } from './abuse.testing.js';
import { ErrorResponses } from './openapi.js';
import { createRouter } from './validation.js';

/** A tiny anonymous-write route behind the guard, mounted on the real app. */
function mountGuarded(t: TestApp, limit = 3) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'post',
      path: '/submit',
      middleware: [guardAnonymousWrite({ scope: 'test:submit', limit, windowSec: 600 })] as const,
      request: { body: { content: { 'application/json': { schema: z.object({ name: z.string().min(1), abuse: AbuseSchema }) } }, required: true } },
      responses: { 201: { description: 'ok', content: { 'application/json': { schema: z.object({ name: z.string() }) } } }, ...ErrorResponses },
    }),
    (c) => {
      // A handler that breaks on our side, as a database error would.
      if (c.req.valid('json').name === 'boom') throw new Error('the database went away');
      return c.json({ name: c.req.valid('json').name }, 201);
    },
  );
  t.app.route('/v1/test-abuse', router);
}

const post = (t: TestApp, body: unknown, ip = freshIp()) => t.app.request('/v1/test-abuse/submit', json(body, { 'x-forwarded-for': ip }));
const code = async (res: Response) => ((await res.json()) as any).error.code as string;

describe.each(dialects)('anti-abuse kit on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
    mountGuarded(t);
  });
  afterAll(() => t.close());

  it('hands out a fresh, uncacheable ALTCHA challenge that is in the OpenAPI document', async () => {
    const res = await t.app.request('/v1/challenge');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const ch = (await res.json()) as AltchaChallenge;
    expect(ch).toEqual({ algorithm: 'SHA-256', challenge: expect.stringMatching(/^[0-9a-f]{64}$/), maxnumber: 10, salt: expect.stringMatching(/\?.*iat=\d+/), signature: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const again = (await (await t.app.request('/v1/challenge')).json()) as AltchaChallenge;
    expect(again.salt).not.toBe(ch.salt);
    const doc = (await (await t.app.request('/v1/openapi.json')).json()) as any;
    expect(doc.paths['/v1/challenge'].get.responses['200']).toBeDefined();
  });

  it('accepts a solved challenge once and refuses its reuse', async () => {
    const abuse = await solvedAbuse(t.app);
    const first = await post(t, { name: 'Fundacja', abuse });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ name: 'Fundacja' });
    const replay = await post(t, { name: 'Fundacja', abuse });
    expect(replay.status).toBe(422);
    expect(await code(replay)).toBe('challenge_failed');
  });

  it('refuses a filled honeypot with abuse_detected', async () => {
    const abuse = await solvedAbuse(t.app);
    const res = await post(t, { name: 'Bot', abuse: { ...abuse, website: 'http://spam.example' } });
    expect(res.status).toBe(422);
    expect(await code(res)).toBe('abuse_detected');
  });

  it('refuses wrong answers, foreign signatures and expired challenges with challenge_failed', async () => {
    const ch = (await (await t.app.request('/v1/challenge')).json()) as AltchaChallenge;
    const good = JSON.parse(atob(await solve(ch)));
    const wrongNumber = btoa(JSON.stringify({ ...good, number: good.number + 1 }));
    const foreign = await createChallenge({ hmacKey: 'someone-elses-secret-someone-elses', maxNumber: 10, params: { iat: String(Date.now()) } });
    const expired = await createChallenge({ hmacKey: t.config.secret, maxNumber: 10, expires: new Date(Date.now() - 1000), params: { iat: String(Date.now() - 700_000) } });
    const noIat = await createChallenge({ hmacKey: t.config.secret, maxNumber: 10 });
    const cases = [
      wrongNumber,
      await solve(foreign as AltchaChallenge),
      await solve(expired as AltchaChallenge),
      await solve(noIat as AltchaChallenge),
      'not base64 at all!',
      btoa('null'),
    ];
    for (const altcha of cases) {
      const res = await post(t, { name: 'x', abuse: { altcha } });
      expect(res.status, altcha).toBe(422);
      expect(await code(res)).toBe('challenge_failed');
    }
  });

  it('answers a missing or malformed abuse object with per-field issues', async () => {
    const missing = await post(t, { name: 'x' });
    expect(missing.status).toBe(422);
    const body = (await missing.json()) as any;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.issues).toEqual([{ path: 'abuse', code: 'required', message: expect.any(String) }]);
    const long = await post(t, { name: 'x', abuse: { altcha: 'a'.repeat(2001) } });
    expect(((await long.json()) as any).error.details.issues[0]).toMatchObject({ path: 'abuse.altcha', code: 'too_long' });
  });

  it('gives the challenge back when the form fails validation, so the fixed form goes through', async () => {
    const abuse = await solvedAbuse(t.app);
    const invalid = await post(t, { name: '', abuse });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as any).error.details.issues[0].path).toBe('name');
    const fixed = await post(t, { name: 'Stowarzyszenie', abuse });
    expect(fixed.status).toBe(201);
    expect(await code(await post(t, { name: 'Stowarzyszenie', abuse }))).toBe('challenge_failed');
  });

  it('keeps the challenge spent after a 5xx, so one proof cannot repeat a failing write', async () => {
    const abuse = await solvedAbuse(t.app);
    const failed = await post(t, { name: 'boom', abuse });
    expect(failed.status).toBe(500);
    expect(await code(failed)).toBe('internal_error');
    const again = await post(t, { name: 'boom', abuse });
    expect(again.status).toBe(422);
    expect(await code(again)).toBe('challenge_failed');
  });

  it('rate-limits per client with 429 and Retry-After before any other check', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    let last!: Response;
    for (let i = 0; i < 4; i++) {
      last = await post(t, { name: 'x', abuse: { altcha: 'junk' } }, ip);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([422, 422, 422, 429]);
    expect(await code(last)).toBe('rate_limited');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await post(t, { name: 'x', abuse: await solvedAbuse(t.app) })).status).toBe(201);
  });

  it('purges spent challenges only once they have expired', async () => {
    await post(t, { name: 'x', abuse: await solvedAbuse(t.app) });
    const before = Number((await t.db.selectFrom('pow_spent').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(before).toBeGreaterThan(0);
    expect(await purgeSpentChallenges(t.db, new Date())).toBe(0);
    expect(await purgeSpentChallenges(t.db, new Date(Date.now() + 11 * 60_000))).toBe(before);
  });
});

const FILL_MS = 4000;

describe.each(dialects)('minimum fill time on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // Long enough that fetching and solving the challenge takes less, even on a loaded machine
    // (at 400 ms the form was sometimes already old enough when it was first sent).
    t = await testApp(dialect, { minFillMs: FILL_MS });
    mountGuarded(t, 100);
  });
  afterAll(() => t.close());

  it('refuses a form sent too soon with too_fast, and accepts the same solution after the wait', async () => {
    const issued = Date.now();
    const abuse = await solvedAbuse(t.app);
    const early = await post(t, { name: 'x', abuse });
    expect(Date.now() - issued, 'the challenge was fetched, solved and sent within the minimum fill time').toBeLessThan(FILL_MS);
    expect(early.status).toBe(422);
    expect(await code(early)).toBe('too_fast');
    await new Promise((r) => setTimeout(r, FILL_MS - (Date.now() - issued) + 100));
    expect((await post(t, { name: 'x', abuse })).status).toBe(201);
  });
});
