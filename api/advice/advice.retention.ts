import type { Job } from '../core/jobs.js';
import { mailLang } from '../core/mail.js';
import type { RetentionRule } from '../core/retention.js';
import { createSecretLink, revokeSecretLinks } from '../core/secret-links.js';
import { storageFor } from '../core/storage.js';
import { inTransaction } from '../core/transaction.js';
import { whenText } from '../events/events.service.js';
import { dueReminderMail, meetingReminderMail, panelUrl, STATUS_LINK, STATUS_TTL_MS, statusUrl, UPLOAD_LINK } from './advice.mail.js';
import { findCasesDueSoon, findPurgeableCases, findSlotsToRemind, findStaffMember, markDueReminded, markSlotReminded, purgeCase, staffForTopic } from './advice.repository.js';
import { DUE_REMINDER_MS, SLOT_REMINDER_MS } from './advice.rules.js';

const DAY = 24 * 3600_000;

/**
 * The advisory point's retention: a configurable time after closing (RETENTION_ADVICE_DAYS,
 * default 180), a case loses its personal data, its thread and its files, files first; the case
 * row stays with what the statistics count. Each case goes in its own transaction, which a
 * failing file deletion rolls back, so the next run tries again.
 */
export const ADVICE_RETENTION: readonly RetentionRule[] = [
  {
    name: 'advice:cases',
    describe: 'Advice requests: contact, organisation, question, thread and files, RETENTION_ADVICE_DAYS (default 180) after closing; the counts stay',
    run: async (db, now, config) => {
      const cut = new Date(now.getTime() - config.retention.adviceDays * DAY).toISOString();
      const storage = storageFor(config);
      let purged = 0;
      for (const { id } of await findPurgeableCases(db, cut)) {
        const done = await inTransaction(db, async (trx) => {
          const keys = await purgeCase(trx, id, now);
          if (keys === false) return false;
          await revokeSecretLinks(trx, STATUS_LINK, id, now);
          await revokeSecretLinks(trx, UPLOAD_LINK, id, now);
          for (const key of keys) await storage.delete(key);
          return true;
        });
        if (done) purged++;
      }
      return purged;
    },
  },
];

/** Meeting reminders the day before, and due-date reminders to the adviser; each sent once, whichever instance gets there first. */
export const adviceRemindersJob: Job = {
  name: 'advice:reminders',
  intervalMs: 15 * 60_000,
  async run({ db, mailer, config }) {
    const now = new Date();
    let sent = 0;
    for (const s of await findSlotsToRemind(db, now, SLOT_REMINDER_MS)) {
      await inTransaction(db, async (trx) => {
        if (!(await markSlotReminded(trx, s.id, now))) return;
        const lang = mailLang(s.lang);
        const link = await createSecretLink(trx, { purpose: STATUS_LINK, subjectId: s.case_id!, email: s.contact_email, ttlMs: STATUS_TTL_MS });
        const when = whenText({ startsAt: s.starts_at, endsAt: s.ends_at, allDay: false }, lang);
        await mailer.enqueue(
          { to: s.contact_email, template: meetingReminderMail, lang, data: { name: s.contact_name, number: s.number, when, where: (s.mode === 'in_person' ? s.address : s.online_url) ?? '', link: statusUrl(config, link.token, lang) } },
          trx,
        );
        sent++;
      });
    }
    for (const c of await findCasesDueSoon(db, now, DUE_REMINDER_MS)) {
      await inTransaction(db, async (trx) => {
        if (!(await markDueReminded(trx, c.id, now))) return;
        const assignee = c.assigned_to ? await findStaffMember(trx, c.assigned_to) : undefined;
        const to = assignee && !assignee.disabled ? [assignee.email] : await staffForTopic(trx, c.topic_id);
        const due = whenText({ startsAt: c.due_at!, endsAt: c.due_at!, allDay: false }, 'pl').replace(/–.*$/, '');
        for (const email of to) await mailer.enqueue({ to: email, template: dueReminderMail, lang: 'pl', data: { number: c.number, due, link: panelUrl(config, c.id) } }, trx);
        sent++;
      });
    }
    return sent;
  },
};
