import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { Mailer } from '../core/mail.js';
import { nowIso } from '../core/ids.js';
import { createSecretLink } from '../core/secret-links.js';
import { linkUrl, OWNER_LINK, OWNER_TTL_MS, reminderMail } from './map.mail.js';
import type { Job } from '../core/jobs.js';

const DAY = 24 * 3600_000;

/**
 * The yearly "please confirm your data" mail: owners of published entries not verified for a year,
 * at most once every 330 days, each with a fresh edit link. Returns how many were queued.
 */
export async function sendVerificationReminders(db: Kysely<Database>, mailer: Mailer, config: Config, now = new Date()): Promise<number> {
  const yearAgo = new Date(now.getTime() - 365 * DAY).toISOString();
  const lastReminder = new Date(now.getTime() - 330 * DAY).toISOString();
  const due = await db
    .selectFrom('organisation')
    .select(['id', 'name', 'owner_email'])
    .where('status', '=', 'published')
    .where('owner_email', 'is not', null)
    .where((eb) => eb.or([eb('verified_at', 'is', null), eb('verified_at', '<', yearAgo)]))
    .where((eb) => eb.or([eb('reminder_sent_at', 'is', null), eb('reminder_sent_at', '<', lastReminder)]))
    .limit(1000)
    .execute();
  for (const org of due) {
    const link = await createSecretLink(db, { purpose: OWNER_LINK, subjectId: org.id, email: org.owner_email!, ttlMs: OWNER_TTL_MS, supersede: true }, now);
    await mailer.enqueue({ to: org.owner_email!, template: reminderMail, lang: 'pl', data: { organisation: org.name, link: linkUrl(config, 'edit', link.token, 'pl') } });
    await db.updateTable('organisation').set({ reminder_sent_at: nowIso(now) }).where('id', '=', org.id).execute();
  }
  return due.length;
}

/** Sends the reminders that are due, daily. */
export const verificationRemindersJob: Job = {
  name: 'map:verification-reminders',
  intervalMs: 24 * 3600_000,
  run: ({ db, mailer, config }) => sendVerificationReminders(db, mailer, config),
};
