import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../config.js';
import { dialects, testDatabase } from '../testing.js';
import type { DatabaseHandle } from '../db/database.js';
import { createLogger } from './log.js';
import { createMailer, mailTemplate, purgeSentMail, renderTemplate, retryDelayMs, startMailWorker } from './mail.js';
import { testMail, type MailData } from './mail-templates.js';
import { captureSmtp } from './smtp.testing.js';

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** Decodes `=?UTF-8?B?…?=` / `=?UTF-8?Q?…?=` words of a header. */
function decodeWords(value: string): string {
  return value.replace(/\s*=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
  ).trim();
}

function decodeQp(data: string): string {
  const bytes: number[] = [];
  const s = data.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Just enough MIME to read what nodemailer sends for a plain-text message. */
function parseMessage(raw: string, to: string[]): Received {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const body = raw.slice(split + 4);
  const cte = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const text = cte === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : cte === 'quoted-printable' ? decodeQp(body) : body;
  expect(headers.get('content-type')).toMatch(/text\/plain; charset=utf-8/i);
  return { to, subject: decodeWords(headers.get('subject') ?? ''), text: text.replace(/\r\n/g, '\n') };
}

async function startSmtp() {
  const received: Received[] = [];
  /** Every message as sent, for the ones `parseMessage` does not read (multipart, with attachments). */
  const raws: string[] = [];
  const server = await captureSmtp((raw, to) => {
    raws.push(raw);
    if (!/^Content-Type: multipart\//im.test(raw)) received.push(parseMessage(raw, to));
  });
  return { received, raws, ...server };
}

/** A port nothing listens on. */
async function deadSmtpUrl() {
  const s = await startSmtp();
  await s.close();
  return s.url;
}

describe('mail templates', () => {
  it('renders each language with {{var}} values as-is, falling back to Polish', () => {
    const data = { name: 'Zażółć <b>&', url: 'https://ngo.example/a?b=1&c=2' };
    expect(renderTemplate(testMail, 'pl', data)).toMatchObject({ lang: 'pl', subject: 'Wiadomość próbna – Zażółć <b>&' });
    expect(renderTemplate(testMail, 'pl', data).text).toContain('https://ngo.example/a?b=1&c=2');
    expect(renderTemplate(testMail, 'uk', data).subject).toBe('Тестове повідомлення – Zażółć <b>&');
    expect(renderTemplate(testMail, 'en-GB', data).lang).toBe('en');
    expect(renderTemplate(testMail, 'de', data).lang).toBe('pl');
    // A value missing at run time (stored data from an older caller, say) becomes an empty string.
    expect(renderTemplate(testMail, 'en', {} as MailData<typeof testMail>).subject).toBe('Test message –');
  });

  it('keeps the subject on one line whatever the data holds', () => {
    expect(renderTemplate(testMail, 'en', { name: 'x\r\nBcc: victim@example.org', url: '' }).subject).toBe('Test message – x Bcc: victim@example.org');
  });

  it('refuses a template without all three languages and an unknown template', () => {
    expect(() => mailTemplate('broken', { pl: { subject: 'a', text: 'b' } } as never)).toThrow(/en/);
    expect(() => renderTemplate('nope' as never, 'pl', {} as never)).toThrow(/Unknown mail template/);
  });

  it('backs off exponentially up to an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000, 3600_000, 3600_000, 3600_000]);
  });
});

describe.each(dialects)('mail outbox on %s', (dialect) => {
  let handle: DatabaseHandle;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const silent = createLogger('silent');
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    handle = await testDatabase(dialect);
    smtp.received.length = 0;
    smtp.raws.length = 0;
  });
  afterEach(() => handle.close());

  const outbox = () => handle.db.selectFrom('mail_outbox').selectAll().orderBy('created_at').execute();

  it('sends queued mail over SMTP with Polish letters intact', async () => {
    const mailer = createMailer(handle.db, testConfig({ smtpUrl: smtp.url, mailFrom: 'WiP NGO <no-reply@ngo.example>' }), silent);
    const id = await mailer.enqueue({ to: 'anna@example.org', template: testMail, lang: 'pl', data: { name: 'Łucja Żółć', url: 'https://ngo.example/x' } });
    expect(smtp.received).toHaveLength(0); // queued, not sent
    expect(await mailer.flush()).toBe(1);
    expect(smtp.received).toEqual([
      { to: ['anna@example.org'], subject: 'Wiadomość próbna – Łucja Żółć', text: expect.stringContaining('Dzień dobry, Łucja Żółć!\n\nTo wiadomość próbna z modułów WiP NGO. Zażółć gęślą jaźń.\n\nhttps://ngo.example/x') },
    ]);
    const [row] = await outbox();
    expect(row).toMatchObject({ id, status: 'sent', attempts: 1, locked_until: null, last_error: null, lang: 'pl', template: 'core.test' });
    expect(row!.sent_at).not.toBeNull();
    expect(await mailer.flush()).toBe(0); // nothing is sent twice
    expect(smtp.received).toHaveLength(1);
    await mailer.close();
  });

  it('retries with backoff while SMTP is down, then sends', async () => {
    const down = createMailer(handle.db, testConfig({ smtpUrl: await deadSmtpUrl() }), silent);
    await down.enqueue({ to: 'jan@example.org', template: testMail, lang: 'en', data: { name: 'Jan', url: '' } });
    const t0 = new Date();
    expect(await down.flush(t0)).toBe(0);
    let [row] = await outbox();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, locked_until: null });
    expect(row!.last_error).toBeTruthy();
    expect(Date.parse(row!.next_attempt_at)).toBe(t0.getTime() + 60_000);
    // Not due yet: no attempt.
    expect(await down.flush(new Date(t0.getTime() + 30_000))).toBe(0);
    expect((await outbox())[0]!.attempts).toBe(1);
    const t1 = new Date(t0.getTime() + 61_000);
    expect(await down.flush(t1)).toBe(0);
    [row] = await outbox();
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(Date.parse(row!.next_attempt_at)).toBe(t1.getTime() + 120_000);
    // SMTP is back.
    const up = createMailer(handle.db, testConfig({ smtpUrl: smtp.url }), silent);
    expect(await up.flush(new Date(t1.getTime() + 121_000))).toBe(1);
    expect((await outbox())[0]).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(smtp.received.map((m) => m.subject)).toEqual(['Test message – Jan']);
    await up.close();
  });

  it('gives up after maxAttempts and marks the message failed', async () => {
    const down = createMailer(handle.db, testConfig({ smtpUrl: await deadSmtpUrl() }), silent, { maxAttempts: 2 });
    await down.enqueue({ to: 'jan@example.org', template: testMail, lang: 'en', data: { name: '', url: '' } });
    await down.flush();
    await down.flush(new Date(Date.now() + 3600_000));
    expect((await outbox())[0]).toMatchObject({ status: 'failed', attempts: 2 });
    expect(await down.flush(new Date(Date.now() + 48 * 3600_000))).toBe(0);
  });

  it('never sends a message twice when several instances flush at once', async () => {
    const config = testConfig({ smtpUrl: smtp.url });
    const instances = [createMailer(handle.db, config, silent), createMailer(handle.db, config, silent), createMailer(handle.db, config, silent)];
    for (let i = 0; i < 12; i++) await instances[0]!.enqueue({ to: `n${i}@example.org`, template: testMail, lang: 'uk', data: { name: `N${i}`, url: '' } });
    const counts = await Promise.all(instances.map((m) => m.flush()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12);
    expect(smtp.received).toHaveLength(12);
    expect(new Set(smtp.received.map((m) => m.to[0])).size).toBe(12);
    expect(smtp.received[0]!.subject).toMatch(/^Тестове повідомлення – N\d+$/);
    await Promise.all(instances.map((m) => m.close()));
  });

  it('skips a message another instance has claimed until its lease runs out', async () => {
    const mailer = createMailer(handle.db, testConfig({ smtpUrl: smtp.url }), silent);
    const id = await mailer.enqueue({ to: 'a@example.org', template: testMail, lang: 'pl', data: { name: '', url: '' } });
    const leaseEnd = new Date(Date.now() + 60_000).toISOString();
    await handle.db.updateTable('mail_outbox').set({ locked_until: leaseEnd }).where('id', '=', id).execute();
    expect(await mailer.flush()).toBe(0);
    expect(await mailer.flush(new Date(Date.now() + 61_000))).toBe(1);
    expect(smtp.received).toHaveLength(1);
    await mailer.close();
  });

  it('without SMTP_URL logs what identifies the mail, not its address or links, and keeps it in the outbox as logged', async () => {
    const lines: string[] = [];
    const log = createLogger('info', {}, (l) => lines.push(l));
    const mailer = createMailer(handle.db, testConfig({ smtpUrl: null }), log);
    const id = await mailer.enqueue({ to: 'ola@example.org', template: testMail, lang: 'pl', data: { name: 'Ola', url: 'https://ngo.example/link' } });
    expect(await mailer.flush()).toBe(1);
    const entry = lines.map((l) => JSON.parse(l)).find((e) => e.msg === 'mail (no SMTP_URL)');
    expect(entry).toMatchObject({ level: 'info', mailId: id, template: testMail.name, lang: 'pl' });
    expect(lines.join('\n')).not.toContain('ola@example.org');
    expect(lines.join('\n')).not.toContain('https://ngo.example/link');
    expect((await outbox())[0]).toMatchObject({ status: 'logged', attempts: 1 });
    expect(await mailer.flush()).toBe(0);
  });

  it('logs whole messages only when a developer asks for them (LOG_MAIL_BODIES=1)', async () => {
    const lines: string[] = [];
    const mailer = createMailer(handle.db, testConfig({ smtpUrl: null, logMailBodies: true }), createLogger('info', {}, (l) => lines.push(l)));
    await mailer.enqueue({ to: 'ola@example.org', template: testMail, lang: 'pl', data: { name: 'Ola', url: 'https://ngo.example/link?edit=abc' } });
    expect(await mailer.flush()).toBe(1);
    const entry = lines.map((l) => JSON.parse(l)).find((e) => e.msg === 'mail (no SMTP_URL)');
    expect(entry.message).toMatchObject({ to: 'ola@example.org', subject: 'Wiadomość próbna – Ola' });
    expect(entry.message.text).toContain('https://ngo.example/link?edit=abc');
  });

  it('enqueues inside a transaction, so a rollback leaves no mail behind', async () => {
    const mailer = createMailer(handle.db, testConfig({ smtpUrl: null }), silent);
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await mailer.enqueue({ to: 'x@example.org', template: testMail, lang: 'pl', data: { name: '', url: '' } }, trx);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await outbox()).toEqual([]);
  });

  it('runs a worker that flushes on its own and stops cleanly', async () => {
    const mailer = createMailer(handle.db, testConfig({ smtpUrl: smtp.url }), silent);
    const stop = startMailWorker(mailer, 20);
    await mailer.enqueue({ to: 'w@example.org', template: testMail, lang: 'en', data: { name: 'Worker', url: '' } });
    for (let i = 0; i < 100 && smtp.received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await stop();
    expect(smtp.received.map((m) => m.to[0])).toEqual(['w@example.org']);
    await mailer.enqueue({ to: 'late@example.org', template: testMail, lang: 'en', data: { name: '', url: '' } });
    await new Promise((r) => setTimeout(r, 80));
    expect(smtp.received).toHaveLength(1); // stopped: nothing more goes out
    await mailer.close();
  });

  it('purges sent and failed mail older than the cut-off, never pending mail', async () => {
    const mailer = createMailer(handle.db, testConfig({ smtpUrl: null }), silent);
    await mailer.enqueue({ to: 'a@example.org', template: testMail, lang: 'pl', data: { name: '', url: '' } });
    await mailer.flush();
    await mailer.enqueue({ to: 'b@example.org', template: testMail, lang: 'pl', data: { name: '', url: '' } });
    const failedId = await mailer.enqueue({ to: 'c@example.org', template: testMail, lang: 'pl', data: { name: '', url: '' } });
    await handle.db.updateTable('mail_outbox').set({ status: 'failed', attempts: 8 }).where('id', '=', failedId).execute();
    expect(await purgeSentMail(handle.db, new Date(Date.now() - 1000))).toBe(0);
    expect(await purgeSentMail(handle.db, new Date(Date.now() + 1000))).toBe(2);
    expect((await outbox()).map((r) => r.to_address)).toEqual(['b@example.org']);
  });

  it('sends attachments (an .ics, a PNG) with the message, as stored in the outbox', async () => {
    const raws = smtp.raws;
    const mailer = createMailer(handle.db, testConfig({ smtpUrl: smtp.url }), silent);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]);
    const ics = 'BEGIN:VCALENDAR\r\nSUMMARY:Zażółć\r\nEND:VCALENDAR\r\n';
    await mailer.enqueue({
      to: 'a@example.org', template: testMail, lang: 'pl', data: { name: 'Ala', url: 'https://ngo.example/x' },
      attachments: [{ filename: 'wydarzenie.ics', contentType: 'text/calendar; charset=utf-8', content: ics }, { filename: 'kod.png', contentType: 'image/png', content: png }],
    });
    const [row] = await outbox();
    expect(JSON.parse(row!.attachments!).map((a: { filename: string }) => a.filename)).toEqual(['wydarzenie.ics', 'kod.png']);
    expect(await mailer.flush()).toBe(1);
    expect(raws).toHaveLength(1);
    const raw = raws[0]!.replace(/\r\n[ \t]+/g, ' ');
    expect(raw).toMatch(/Content-Type: multipart\/mixed/);
    const part = (name: string) => {
      const start = raw.indexOf(`filename=${name}`);
      expect(start, name).toBeGreaterThan(0);
      const body = raw.slice(raw.indexOf('\r\n\r\n', start) + 4).split('\r\n--')[0]!;
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    };
    expect(part('wydarzenie.ics').toString('utf8')).toBe(ics);
    expect(part('kod.png').equals(png)).toBe(true);
    await mailer.close();
  });
});
