import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { Mailer } from '../core/mail.js';
import { nowIso } from '../core/ids.js';
import { createSecretLink } from '../core/secret-links.js';
import { inTransaction } from '../core/transaction.js';
import { linkUrl, OWNER_LINK, OWNER_TTL_MS, reminderMail } from './map.mail.js';
import type { Job } from '../core/jobs.js';

const DAY = 24 * 3600_000;

/**
 * The yearly "please confirm your data" mail: owners of published entries not verified for a year,
 * at most once every 330 days, each with a fresh edit link. Returns how many were queued.
 *
 * Each entry is one transaction: claiming it (the conditional update of `reminder_sent_at`, so two
 * instances never mail one owner twice), the new link (which supersedes the old one) and the mail.
 * If any step fails, nothing of it stays: the owner keeps the link they had, and the entry is due
 * again on the next run.
 */
export async function sendVerificationReminders(db: Kysely<Database>, mailer: Mailer, config: Config, now = new Date()): Promise<number> {
  const yearAgo = new Date(now.getTime() - 365 * DAY).toISOString();
  const lastReminder = new Date(now.getTime() - 330 * DAY).toISOString();
  const notRemindedLately = (eb: ExpressionBuilder<Database, 'organisation'>) => eb.or([eb('reminder_sent_at', 'is', null), eb('reminder_sent_at', '<', lastReminder)]);
  const due = await db
    .selectFrom('organisation')
    .select(['id', 'name', 'owner_email'])
    .where('status', '=', 'published')
    .where('owner_email', 'is not', null)
    .where((eb) => eb.or([eb('verified_at', 'is', null), eb('verified_at', '<', yearAgo)]))
    .where(notRemindedLately)
    .limit(1000)
    .execute();
  let sent = 0;
  for (const org of due) {
    await inTransaction(db, async (trx) => {
      const claimed = await trx.updateTable('organisation').set({ reminder_sent_at: nowIso(now) }).where('id', '=', org.id).where(notRemindedLately).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return; // another instance got there first
      const link = await createSecretLink(trx, { purpose: OWNER_LINK, subjectId: org.id, email: org.owner_email!, ttlMs: OWNER_TTL_MS, supersede: true }, now);
      await mailer.enqueue({ to: org.owner_email!, template: reminderMail, lang: 'pl', data: { organisation: org.name, link: linkUrl(config, 'edit', link.token, 'pl') } }, trx);
      sent++;
    });
  }
  return sent;
}

/** Sends the reminders that are due, daily. */
export const verificationRemindersJob: Job = {
  name: 'map:verification-reminders',
  intervalMs: 24 * 3600_000,
  run: ({ db, mailer, config }) => sendVerificationReminders(db, mailer, config),
};
