import type { Kysely } from 'kysely';
import { createTransport } from 'nodemailer';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import { addMs, newId, nowIso } from './ids.js';
import { createLogger, unredacted, type Logger } from './log.js';
import { repeat } from './jobs.js';
import { renderTemplate, type AnyMailTemplate, type MailData } from './mail-templates.js';

export { mailTemplate, renderTemplate, mailLang, MAIL_LANGS, type MailLang, type MailTemplate, type MailText } from './mail-templates.js';

export interface MailInput<T extends AnyMailTemplate = AnyMailTemplate> {
  to: string;
  /** A template defined with `mailTemplate`. */
  template: T;
  /** `pl`, `en` or `uk`; anything else falls back to `pl`. */
  lang: string;
  /** A value for every placeholder of the template. */
  data: MailData<T>;
  /** Files sent with the message (an event's `.ics`, a QR code). Kept in the outbox until the mail is purged. */
  attachments?: readonly MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer | string;
}

/** Attachments as stored in `mail_outbox.attachments`: base64 content. */
type StoredAttachment = { filename: string; contentType: string; base64: string };

/**
 * The outbox. `enqueue` renders a template and stores the message (pass a transaction as `db` to
 * commit it together with the record it is about). `flush` sends what is due: over SMTP when
 * `SMTP_URL` is set; otherwise the message is written to the log and kept in the outbox with
 * status `logged`. Failed sends are retried with exponential backoff; after `maxAttempts` the
 * message is `failed`. Each message is claimed with a lease (`locked_until`), so several instances
 * can flush the same outbox without sending anything twice.
 */
export interface Mailer {
  /** Renders a template in `lang` and puts it in the outbox; returns the message id. */
  enqueue<T extends AnyMailTemplate>(input: MailInput<T>, db?: Kysely<Database>): Promise<string>;
  /** Sends what is due; returns how many went out (sent or, without SMTP, logged). */
  flush(now?: Date): Promise<number>;
  /** Closes the SMTP connection pool, if any. */
  close(): Promise<void>;
}

export interface MailerOptions {
  /** Sending attempts before a message is marked `failed`. Default 8 (about 4 hours of retries). */
  maxAttempts?: number;
  /** Messages claimed per flush. Default 20. */
  batchSize?: number;
  /** How long a claim lasts; must exceed one send. Default 5 minutes. */
  lockMs?: number;
}

/** Delay before attempt `attempts + 1`: 1, 2, 4 … minutes, at most 1 hour. */
export const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3600_000);

export function createMailer(db: Kysely<Database>, config: Config, log: Logger, options: MailerOptions = {}): Mailer {
  const { maxAttempts = 8, batchSize = 20, lockMs = 5 * 60_000 } = options;
  const transport = config.smtpUrl
    ? createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as Parameters<typeof createTransport>[0])
    : null;

  async function claimDue(now: Date) {
    const at = nowIso(now);
    const due = await db
      .selectFrom('mail_outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
      .orderBy('next_attempt_at')
      .limit(batchSize)
      .execute();
    const claimed: string[] = [];
    for (const { id } of due) {
      // Only one instance wins the conditional update; the others see 0 rows and move on.
      const r = await db
        .updateTable('mail_outbox')
        .set({ locked_until: addMs(now, lockMs) })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) claimed.push(id);
    }
    return claimed;
  }

  async function deliver(id: string, now: Date): Promise<boolean> {
    const m = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const attempts = m.attempts + 1;
    try {
      if (transport) {
        const stored = m.attachments ? (JSON.parse(m.attachments) as StoredAttachment[]) : [];
        const attachments = stored.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.base64, 'base64') }));
        await transport.sendMail({ from: config.mailFrom, to: m.to_address, subject: m.subject, text: m.body_text, ...(attachments.length ? { attachments } : {}) });
      } else {
        // Mail holds addresses and live secret links: the log gets what identifies it, unless a
        // developer asked for whole messages (LOG_MAIL_BODIES=1).
        log.info('mail (no SMTP_URL)', { mailId: m.id, template: m.template, lang: m.lang, ...(config.logMailBodies ? { message: unredacted({ to: m.to_address, subject: m.subject, text: m.body_text }) } : {}) });
      }
      await db
        .updateTable('mail_outbox')
        .set({ status: transport ? 'sent' : 'logged', attempts, sent_at: nowIso(), locked_until: null, last_error: null })
        .where('id', '=', id)
        .execute();
      return true;
    } catch (err) {
      const failed = attempts >= maxAttempts;
      const message = err instanceof Error ? err.message : String(err);
      log.warn(failed ? 'mail failed for good' : 'mail failed, will retry', { mailId: m.id, attempts, err: message });
      await db
        .updateTable('mail_outbox')
        .set({ status: failed ? 'failed' : 'pending', attempts, next_attempt_at: addMs(now, retryDelayMs(attempts)), locked_until: null, last_error: message.slice(0, 1000) })
        .where('id', '=', id)
        .execute();
      return false;
    }
  }

  return {
    async enqueue(input, trx = db) {
      const { subject, text, lang } = renderTemplate(input.template, input.lang, input.data);
      const id = newId();
      const now = nowIso();
      const attachments = input.attachments?.length
        ? JSON.stringify(input.attachments.map((a): StoredAttachment => ({ filename: a.filename, contentType: a.contentType, base64: Buffer.from(a.content).toString('base64') })))
        : null;
      await trx
        .insertInto('mail_outbox')
        .values({ id, to_address: input.to, subject, body_text: text, template: input.template.name, lang, status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null, last_error: null, created_at: now, sent_at: null, attachments })
        .execute();
      return id;
    },
    async flush(now = new Date()) {
      let sent = 0;
      for (const id of await claimDue(now)) if (await deliver(id, now)) sent++;
      return sent;
    },
    async close() {
      transport?.close();
    },
  };
}

/**
 * Flushes the outbox every `intervalMs` (never two flushes at once in this process). Returns a
 * function that stops the worker and waits for a flush in progress.
 */
export function startMailWorker(mailer: Mailer, intervalMs: number, log: Logger = createLogger()): () => Promise<void> {
  return repeat(() => mailer.flush(), intervalMs, (err) => log.error('mail worker failed', { err: err instanceof Error ? err.message : String(err) }));
}

/** Retention: sent and logged mail after `sentMailDays`, failed mail after the same time since it was queued. */
export async function purgeSentMail(db: Kysely<Database>, before: Date): Promise<number> {
  const cut = nowIso(before);
  const r = await db
    .deleteFrom('mail_outbox')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['sent', 'logged']), eb('sent_at', '<', cut)]),
        eb.and([eb('status', '=', 'failed'), eb('created_at', '<', cut)]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
