import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../core/mail.js';
import { createLogger } from '../core/log.js';
import { captureSmtp } from '../core/smtp.testing.js';
import { staffPasswordMail, staffPanelUrl } from './admin.mail.js';
import { dialects, expectError, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';

type Page = { items: { id: string; template: string; status: string; attempts: number; error: string | null; to: string | null; subject: string | null; resendBlocked: string | null }[]; personal: boolean; next: string | null; counts: Record<string, number> };

describe.each(dialects)('the outbox section on %s', (dialect) => {
  let t: TestApp;
  let admin: StaffSession;
  let moderator: StaffSession;
  const delivered: string[][] = [];
  let smtp: Awaited<ReturnType<typeof captureSmtp>>;
  const LINK_TOKEN = 'A'.repeat(43);

  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await staffSession(t, 'admin');
    moderator = await staffSession(t, 'moderator', { district: 3 });
    smtp = await captureSmtp((_raw, to) => delivered.push(to), { refuse: (to) => to === 'gone@example.org' });
  }, 120_000);
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  /** Queues a set-password mail to `to` and lets a real SMTP server answer (one attempt only, so a refusal is final). */
  async function send(to: string) {
    const data = { name: 'Ola', expires: '1 stycznia', link: staffPanelUrl(t.config, `password/${LINK_TOKEN}`) };
    await t.mailer.enqueue({ to, template: staffPasswordMail, lang: 'pl', data });
    const mailer = createMailer(t.db, { ...t.config, smtpUrl: smtp.url }, createLogger('silent'), { maxAttempts: 1 });
    await mailer.flush();
    await mailer.close();
  }
  const list = async (who: StaffSession, query = '') => {
    const res = await t.app.request(`/v1/admin/outbox${query}`, { headers: who.headers });
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };

  it('shows what was sent and what failed with the error; recipients, subjects and addresses only to admins', async () => {
    await send('ok@example.org');
    await send('gone@example.org');
    expect(delivered).toEqual([['ok@example.org']]);

    const all = await list(admin);
    expect(all.personal).toBe(true);
    const failed = all.items.find((m) => m.to === 'gone@example.org')!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, template: 'admin.staff-password', subject: expect.stringContaining('hasł'), resendBlocked: null });
    expect(failed.error).toContain('gone@example.org');
    expect(failed.error).toContain('550');
    expect(all.items.find((m) => m.to === 'ok@example.org')).toMatchObject({ status: 'sent', error: null });
    expect(all.counts).toMatchObject({ sent: 1, failed: 1 });

    const theirs = await list(moderator);
    expect(theirs.personal).toBe(false);
    const seen = theirs.items.find((m) => m.id === failed.id)!;
    expect(seen).toMatchObject({ status: 'failed', to: null, subject: null, resendBlocked: 'admin_only' });
    expect(seen.error).toContain('550');
    expect(JSON.stringify(theirs)).not.toContain('@example.org');
    // The text is the admin's alone, and the secret link's token is masked even for them.
    await expectError(await t.app.request(`/v1/admin/outbox/${failed.id}`, { headers: moderator.headers }), 403, 'forbidden');
    const detail = await t.app.request(`/v1/admin/outbox/${failed.id}`, { headers: admin.headers });
    const body = ((await detail.json()) as { body: string }).body;
    expect(body).toContain(`${t.config.staffPanelUrl}#password/…`);
    expect(body).not.toContain(LINK_TOKEN);
  });

  it('filters by state and pages newest first without gaps or repeats', async () => {
    const failed = await list(admin, '?status=failed');
    expect(failed.items.every((m) => m.status === 'failed')).toBe(true);
    const ids = (await list(admin, '?limit=200')).items.map((m) => m.id);
    const paged: string[] = [];
    let next: string | null = '';
    while (next !== null) {
      const page: Page = await list(admin, `?limit=1${next ? `&before=${encodeURIComponent(next)}` : ''}`);
      paged.push(...page.items.map((m) => m.id));
      next = page.next;
    }
    expect(paged).toEqual(ids);
    await expectError(await t.app.request('/v1/admin/outbox?status=lost', { headers: admin.headers }), 422, 'validation_failed');
  });

  it('resends one message: a failed one goes back to the queue, a sent one is queued again as a copy; a queued one is refused', async () => {
    const { items } = await list(admin);
    const failed = items.find((m) => m.status === 'failed')!;
    const sent = items.find((m) => m.status === 'sent')!;
    await expectError(await t.app.request(`/v1/admin/outbox/${failed.id}/resend`, { method: 'POST', headers: moderator.headers }), 403, 'forbidden');

    const again = await t.app.request(`/v1/admin/outbox/${failed.id}/resend`, { method: 'POST', headers: admin.headers });
    expect(again.status).toBe(202);
    expect(await again.json()).toMatchObject({ id: failed.id, status: 'pending', attempts: 0, resendBlocked: 'queued' });
    await expectError(await t.app.request(`/v1/admin/outbox/${failed.id}/resend`, { method: 'POST', headers: admin.headers }), 409, 'already_queued');

    const copy = await t.app.request(`/v1/admin/outbox/${sent.id}/resend`, { method: 'POST', headers: admin.headers });
    expect(copy.status).toBe(202);
    const queued = (await copy.json()) as { id: string; status: string; to: string };
    expect(queued).toMatchObject({ status: 'pending', to: 'ok@example.org' });
    expect(queued.id).not.toBe(sent.id);
    expect((await list(admin)).items.find((m) => m.id === sent.id)).toMatchObject({ status: 'sent' });

    const mailer = createMailer(t.db, { ...t.config, smtpUrl: smtp.url }, createLogger('silent'));
    await mailer.flush();
    await mailer.close();
    expect(delivered).toEqual([['ok@example.org'], ['ok@example.org']]);
    expect((await list(admin)).items.find((m) => m.id === failed.id)).toMatchObject({ status: 'pending', attempts: 1, error: expect.stringContaining('550') });

    // Each resend is in the audit log, with the template and never the address.
    const log = await t.db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', '%/outbox/%').execute();
    expect(log).toHaveLength(2);
    expect(JSON.stringify(log)).not.toContain('@example.org');
  });

  it('is a section of every role', () => {
    expect(admin.sections).toContain('outbox');
    expect(moderator.sections).toContain('outbox');
  });
});
