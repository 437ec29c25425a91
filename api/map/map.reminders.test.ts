import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, json, testApp, type TestApp } from '../testing.js';
import { jobsOf } from '../core/module.js';
import { MODULES } from '../modules.js';
import { generateOrganisations } from './map.generate.js';
import { insertOrganisation } from './map.repository.js';
import { sendVerificationReminders } from './map.reminders.js';

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
    const mail = await t.db.selectFrom('mail_outbox').selectAll().where('template', '=', 'map.reminder').executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('owner@example.org');
    const token = decodeURIComponent(mail.body_text.match(/[?&]edit=([\w-]+)/)![1]!);
    const res = await t.app.request('/v1/map/owner/view', json({ token }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { organisationId: string }).organisationId).toBe(stale);
  });

  it('is registered as a daily background job', () => {
    expect(jobsOf(MODULES).find((j) => j.name === 'map:verification-reminders')?.intervalMs).toBe(86_400_000);
  });
});
