import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import { dialects, testDatabase } from '../testing.js';
import { insertStaff } from '../admin/staff.repository.js';
import { newId } from './ids.js';
import { createLogger } from './log.js';
import { retentionOf } from './module.js';
import { MODULES } from '../modules.js';
import { runPurge, startPurgeSchedule, type RetentionRule } from './retention.js';

const DAY = 24 * 3600_000;
const NOW = new Date('2026-11-25T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const later = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

const RULES = retentionOf(MODULES);
const CORE = ['core:sessions', 'core:rate-limits', 'core:login-throttle', 'core:pow-spent', 'core:idempotency-keys', 'core:secret-links', 'core:sent-mail', 'core:audit-log'];

/** One row that must go and one that must stay, in every core table. */
async function seed(db: DatabaseHandle['db']) {
  const { id: staffId } = await insertStaff(db, { email: 'mod@example.org', name: 'Mod', role: 'moderator', password: 'correct horse battery staple' });
  await db.insertInto('staff_session').values([
    { id: 'old-session', staff_id: staffId, csrf_token: 'x', created_at: ago(DAY), expires_at: ago(1) },
    { id: 'live-session', staff_id: staffId, csrf_token: 'x', created_at: ago(1000), expires_at: later(3600_000) },
  ]).execute();
  await db.insertInto('rate_limit').values([
    { bucket: 'anon:x', window_start: ago(DAY + 1), count: 3 },
    { bucket: 'anon:x', window_start: ago(3600_000), count: 3 },
  ]).execute();
  await db.insertInto('login_throttle').values([
    { key: 'account:quiet', attempts: 7, next_at: ago(DAY + 1), updated_at: ago(DAY + 1) },
    { key: 'account:recent', attempts: 7, next_at: ago(3600_000), updated_at: ago(3600_000) },
  ]).execute();
  await db.insertInto('pow_spent').values([
    { signature: 'old-pow', expires_at: ago(1) },
    { signature: 'live-pow', expires_at: later(60_000) },
  ]).execute();
  await db.insertInto('idempotency_key').values([
    { scope: 's', key: 'old-key', request_hash: 'h', status_code: 201, response_body: '{}', created_at: ago(DAY + 1) },
    { scope: 's', key: 'live-key', request_hash: 'h', status_code: 201, response_body: '{}', created_at: ago(DAY - 60_000) },
  ]).execute();
  const link = (id: string, expires_at: string, used_at: string | null) => ({ id, token_hash: `hash-${id}`, purpose: 'p', subject_id: 's', email: 'a@example.org', expires_at, used_at, created_at: ago(DAY) });
  await db.insertInto('secret_link').values([link('expired-link', ago(1), null), link('used-link', later(DAY), ago(1000)), link('live-link', later(DAY), null)]).execute();
  const mail = (id: string, status: 'pending' | 'sent' | 'logged' | 'failed', created_at: string, sent_at: string | null) => ({
    id, to_address: 'a@example.org', subject: 's', body_text: 't', template: 'core.test', lang: 'pl', status, attempts: 1, next_attempt_at: created_at, locked_until: null, last_error: null, created_at, sent_at,
  });
  await db.insertInto('mail_outbox').values([
    mail('old-sent', 'sent', ago(31 * DAY), ago(31 * DAY)),
    mail('old-logged', 'logged', ago(31 * DAY), ago(31 * DAY)),
    mail('old-failed', 'failed', ago(31 * DAY), null),
    mail('old-pending', 'pending', ago(31 * DAY), null),
    mail('recent-sent', 'sent', ago(29 * DAY), ago(29 * DAY)),
  ]).execute();
  const entry = (id: string, at: string) => ({ id, at, staff_id: null, action: 'login', subject: null, details: null, ip_hash: null, request_id: null });
  await db.insertInto('audit_log').values([entry('old-audit', ago(731 * DAY)), entry('recent-audit', ago(729 * DAY))]).execute();
}

describe.each(dialects)('retention on %s', (dialect) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await testDatabase(dialect);
  });
  afterEach(() => handle.close());

  it('lists the core purges', () => {
    expect(RULES.map((r) => r.name)).toEqual(expect.arrayContaining(CORE));
    for (const r of RULES) expect(r.describe.length).toBeGreaterThan(10);
  });

  it('deletes what is past its period in every core table and keeps the rest', async () => {
    const { db } = handle;
    await seed(db);
    const results = await runPurge(db, testConfig(), RULES, NOW);
    const byName = Object.fromEntries(results.map((r) => [r.name, r.deleted]));
    expect(byName).toMatchObject({
      'core:sessions': 1,
      'core:rate-limits': 1,
      'core:login-throttle': 1,
      'core:pow-spent': 1,
      'core:idempotency-keys': 1,
      'core:secret-links': 2,
      'core:sent-mail': 3,
      'core:audit-log': 1,
    });
    expect(results.filter((r) => r.error)).toEqual([]);
    expect((await db.selectFrom('staff_session').select('id').execute()).map((r) => r.id)).toEqual(['live-session']);
    expect(await db.selectFrom('rate_limit').select('window_start').execute()).toEqual([{ window_start: ago(3600_000) }]);
    expect(await db.selectFrom('pow_spent').select('signature').execute()).toEqual([{ signature: 'live-pow' }]);
    expect(await db.selectFrom('login_throttle').select('key').execute()).toEqual([{ key: 'account:recent' }]);
    expect(await db.selectFrom('idempotency_key').select('key').execute()).toEqual([{ key: 'live-key' }]);
    expect(await db.selectFrom('secret_link').select('id').execute()).toEqual([{ id: 'live-link' }]);
    expect((await db.selectFrom('mail_outbox').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['old-pending', 'recent-sent']);
    expect(await db.selectFrom('audit_log').select('id').execute()).toEqual([{ id: 'recent-audit' }]);
    // A second run finds nothing more.
    expect((await runPurge(db, testConfig(), RULES, NOW)).filter((r) => CORE.includes(r.name) && r.deleted !== 0)).toEqual([]);
  });

  it('follows the configured retention periods', async () => {
    await seed(handle.db);
    const results = await runPurge(handle.db, testConfig({ retention: { sentMailDays: 60, auditDays: 800, eventRegistrationDays: 90, adviceDays: 180 } }), RULES, NOW);
    expect(results.find((r) => r.name === 'core:sent-mail')!.deleted).toBe(0);
    expect(results.find((r) => r.name === 'core:audit-log')!.deleted).toBe(0);
  });

  it("runs a module's rule and reports a failing rule without stopping the others", async () => {
    const seen: string[] = [];
    const broken: RetentionRule = { name: 'test:broken', describe: 'Always fails, for this test', run: async () => { throw new Error('boom'); } };
    const counting: RetentionRule = { name: 'test:module', describe: 'Counts its calls, for this test', run: async (_db, now) => { seen.push(now.toISOString()); return 7; } };
    const results = await runPurge(handle.db, testConfig(), [...RULES, broken, counting], NOW);
    expect(results.find((r) => r.name === 'test:broken')).toEqual({ name: 'test:broken', deleted: 0, error: 'boom' });
    expect(results.find((r) => r.name === 'test:module')).toEqual({ name: 'test:module', deleted: 7 });
    expect(seen).toEqual([NOW.toISOString()]);
    expect(results.map((r) => r.name)).toEqual(expect.arrayContaining(CORE));
  });

  it('runs on a schedule, logs failures and stops', async () => {
    const lines: string[] = [];
    const log = createLogger('info', {}, (l) => lines.push(l));
    await handle.db.insertInto('pow_spent').values({ signature: newId(), expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    const stop = startPurgeSchedule(handle.db, testConfig(), log, 60_000, RULES);
    await stop(); // waits for the first run, which starts at once
    expect(await handle.db.selectFrom('pow_spent').selectAll().execute()).toEqual([]);
    const purged = lines.map((l) => JSON.parse(l)).find((e) => e.msg === 'purged');
    expect(purged).toMatchObject({ 'core:pow-spent': 1 });
  });
});
