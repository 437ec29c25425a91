import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, expectError, json, mailedLink, testApp, type TestApp } from '../testing.js';
import { jobsOf } from '../core/module.js';
import { MODULES } from '../modules.js';
import { generateOrganisations } from './map.generate.js';
import { insertOrganisation } from './map.repository.js';
import { sendVerificationReminders } from './map.reminders.js';
import { OWNER_LINK, OWNER_TTL_MS } from './map.mail.js';
import { createSecretLink } from '../core/secret-links.js';
import type { Mailer } from '../core/mail.js';

describe.each(dialects)('yearly verification reminders on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  it('mails owners of entries unverified for a year, once, with a working edit link', async () => {
    const [a, b] = generateOrganisations(2, 7);
    const stale = await insertOrganisation(t.db, a!, { status: 'published', ownerEmail: 'owner@example.org', changedBy: 'test', verifiedAt: '2024-01-01T00:00:00.000Z' });
    await insertOrganisation(t.db, b!, { status: 'published', ownerEmail: 'fresh@example.org', changedBy: 'test' });
    expect(await sendVerificationReminders(t.db, t.mailer, t.config)).toBe(1);
    expect(await sendVerificationReminders(t.db, t.mailer, t.config)).toBe(0);
    expect(await t.db.selectFrom('mail_outbox').select('to_address').where('template', '=', 'map.reminder').execute()).toEqual([{ to_address: 'owner@example.org' }]);
    const { token, mail } = await mailedLink(t, 'owner@example.org', 'edit');
    expect(mail.template).toBe('map.reminder');
    const res = await t.app.request('/v1/map/owner/view', json({ token }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { organisationId: string }).organisationId).toBe(stale);
  });

  it('leaves nothing half done when the mail fails: the old link works, the entry stays due, no new link', async () => {
    const [c] = generateOrganisations(1, 11);
    const id = await insertOrganisation(t.db, c!, { status: 'published', ownerEmail: 'failing.owner@example.org', changedBy: 'test', verifiedAt: '2024-01-01T00:00:00.000Z' });
    const old = await createSecretLink(t.db, { purpose: OWNER_LINK, subjectId: id, email: 'failing.owner@example.org', ttlMs: OWNER_TTL_MS });
    const links = () => t.db.selectFrom('secret_link').select('id').where('subject_id', '=', id).execute();
    const before = (await links()).length;
    const failing: Mailer = { ...t.mailer, enqueue: async (input, db) => (input.to === 'failing.owner@example.org' ? Promise.reject(new Error('outbox unavailable')) : t.mailer.enqueue(input, db)) };
    await expect(sendVerificationReminders(t.db, failing, t.config)).rejects.toThrow('outbox unavailable');
    expect((await t.db.selectFrom('organisation').select('reminder_sent_at').where('id', '=', id).executeTakeFirstOrThrow()).reminder_sent_at).toBeNull();
    expect((await links()).length).toBe(before);
    expect((await t.app.request('/v1/map/owner/view', json({ token: old.token }))).status).toBe(200);
    expect(await t.db.selectFrom('mail_outbox').select('id').where('to_address', '=', 'failing.owner@example.org').execute()).toEqual([]);
    // The next run, with the outbox back, sends it; the new link replaces the old one.
    expect(await sendVerificationReminders(t.db, t.mailer, t.config)).toBe(1);
    await expectError(await t.app.request('/v1/map/owner/view', json({ token: old.token })), 404, 'link_invalid');
  });

  it('is registered as a daily background job', () => {
    expect(jobsOf(MODULES).find((j) => j.name === 'map:verification-reminders')?.intervalMs).toBe(86_400_000);
  });
});
