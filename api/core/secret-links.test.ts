import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoute, z } from '@hono/zod-openapi';
import { dialects, testApp, type TestApp } from '../testing.js';
import { ApiError } from './errors.js';
import { sha256 } from './ids.js';
import { ErrorResponses } from './openapi.js';
import { confirmByLink, consumeSecretLink, createSecretLink, findSecretLink, markSecretLinkUsed, purgeSecretLinks, revokeSecretLinks } from './secret-links.js';
import { createRouter } from './validation.js';

const HOUR = 3600_000;

async function expectInvalid(p: Promise<unknown>) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err).toMatchObject({ status: 404, code: 'link_invalid' });
}

describe.each(dialects)('secret links on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
    // A one-shot action behind a secret link, as a module would write it.
    const router = createRouter();
    router.openapi(
      createRoute({
        method: 'post',
        path: '/cancel/{token}',
        request: { params: z.object({ token: z.string().max(128) }) },
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: z.object({ cancelled: z.string() }) } } }, ...ErrorResponses },
      }),
      async (c) => c.json({ cancelled: (await consumeSecretLink(c.var.db, c.req.valid('param').token, 'events:cancel')).subjectId }, 200),
    );
    t.app.route('/v1/test-links', router);
  });
  afterAll(() => t.close());

  it('creates a long random token and stores only its hash', async () => {
    const a = await createSecretLink(t.db, { purpose: 'advice:status', subjectId: 'case-1', email: 'ktoś@example.org', ttlMs: HOUR });
    const b = await createSecretLink(t.db, { purpose: 'advice:status', subjectId: 'case-1', ttlMs: HOUR });
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(a.token).not.toBe(b.token);
    expect(Date.parse(a.expiresAt) - Date.now()).toBeGreaterThan(HOUR - 5000);
    const row = await t.db.selectFrom('secret_link').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(a.token));
    expect(JSON.stringify(row)).not.toContain(a.token);
    const found = await findSecretLink(t.db, a.token, 'advice:status');
    expect(found).toMatchObject({ id: a.id, purpose: 'advice:status', subjectId: 'case-1', email: 'ktoś@example.org', usedAt: null });
  });

  it('refuses an unknown token, another purpose and an over-long token alike', async () => {
    const { token } = await createSecretLink(t.db, { purpose: 'map:edit', subjectId: 'org-1', ttlMs: HOUR });
    await expectInvalid(findSecretLink(t.db, token, 'advice:status'));
    await expectInvalid(findSecretLink(t.db, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), 'map:edit'));
    await expectInvalid(findSecretLink(t.db, 'x'.repeat(500), 'map:edit'));
    await expectInvalid(findSecretLink(t.db, '', 'map:edit'));
  });

  it('refuses an expired link', async () => {
    const now = new Date();
    const { token } = await createSecretLink(t.db, { purpose: 'map:edit', subjectId: 'org-2', ttlMs: 1000 }, now);
    await expect(findSecretLink(t.db, token, 'map:edit', new Date(now.getTime() + 999))).resolves.toMatchObject({ subjectId: 'org-2' });
    await expectInvalid(findSecretLink(t.db, token, 'map:edit', new Date(now.getTime() + 1000)));
  });

  it('is used up once, also when two requests race', async () => {
    const link = await createSecretLink(t.db, { purpose: 'events:cancel', subjectId: 'reg-1', ttlMs: HOUR });
    const results = await Promise.all([markSecretLinkUsed(t.db, link.id), markSecretLinkUsed(t.db, link.id), markSecretLinkUsed(t.db, link.id)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await expectInvalid(findSecretLink(t.db, link.token, 'events:cancel'));
  });

  it('answers the second use of a one-shot link with 404 link_invalid over HTTP', async () => {
    const { token } = await createSecretLink(t.db, { purpose: 'events:cancel', subjectId: 'reg-2', ttlMs: HOUR });
    const first = await t.app.request(`/v1/test-links/cancel/${token}`, { method: 'POST' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ cancelled: 'reg-2' });
    const second = await t.app.request(`/v1/test-links/cancel/${token}`, { method: 'POST' });
    expect(second.status).toBe(404);
    expect(await second.json()).toEqual({ error: { code: 'link_invalid', message: expect.any(String), requestId: expect.any(String) } });
  });

  it('confirms by link: the claim and the change commit together, or neither does', async () => {
    const key = 'confirm-by-link:test';
    const setting = () => t.db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst();
    const change = (value: string) => async (trx: Parameters<Parameters<typeof confirmByLink>[3]>[0]) => {
      await trx.insertInto('app_setting').values({ key, value, updated_at: new Date().toISOString() }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    };
    const { token } = await createSecretLink(t.db, { purpose: 'test:confirm', subjectId: 'subject-1', ttlMs: HOUR });
    // A refusal after the change (a 409, say) rolls the change and the claim back.
    const refused = await confirmByLink(t.db, token, 'test:confirm', async (trx) => {
      await change('refused')(trx);
      throw new ApiError(409, 'conflict', 'Not now');
    }).then(() => null, (e: unknown) => e);
    expect(refused).toMatchObject({ status: 409, code: 'conflict' });
    expect(await setting()).toBeUndefined();
    // A subject that no longer waits (null) is link_invalid, and rolls back too.
    await expectInvalid(confirmByLink(t.db, token, 'test:confirm', async (trx) => { await change('gone')(trx); return null; }));
    expect(await setting()).toBeUndefined();
    // The link is still good for the real confirmation, and then used up.
    expect(await confirmByLink(t.db, token, 'test:confirm', async (trx, link) => { await change('done')(trx); return link.subjectId; })).toBe('subject-1');
    expect(await setting()).toEqual({ value: 'done' });
    await expectInvalid(confirmByLink(t.db, token, 'test:confirm', async () => 'again'));
  });

  it('revokes the live links of a subject', async () => {
    const a = await createSecretLink(t.db, { purpose: 'map:edit', subjectId: 'org-3', ttlMs: HOUR });
    const other = await createSecretLink(t.db, { purpose: 'map:edit', subjectId: 'org-4', ttlMs: HOUR });
    expect(await revokeSecretLinks(t.db, 'map:edit', 'org-3')).toBe(1);
    await expectInvalid(findSecretLink(t.db, a.token, 'map:edit'));
    await expect(findSecretLink(t.db, other.token, 'map:edit')).resolves.toMatchObject({ subjectId: 'org-4' });
  });

  it('purges expired and used links, keeping live ones', async () => {
    const live = await createSecretLink(t.db, { purpose: 'purge:test', subjectId: 'live', ttlMs: 10 * HOUR });
    const before = await t.db.selectFrom('secret_link').select('id').execute();
    const deleted = await purgeSecretLinks(t.db, new Date(Date.now() + 2 * HOUR));
    const after = await t.db.selectFrom('secret_link').select(['id', 'subject_id']).execute();
    expect(after.map((r) => r.subject_id)).toEqual(['live']);
    expect(deleted).toBe(before.length - 1);
    await expect(findSecretLink(t.db, live.token, 'purge:test')).resolves.toMatchObject({ id: live.id });
  });
});
