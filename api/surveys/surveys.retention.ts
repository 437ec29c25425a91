import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { RetentionRule } from '../core/retention.js';
import { inTransaction } from '../core/transaction.js';
import { invitationMail } from './surveys.mail.js';

const DAY = 86_400_000;
/** Tokens (and any draft left) of an edition go this long after it closes. */
export const TOKEN_GRACE_DAYS = 30;

/**
 * Deletes the tokens and drafts of editions closed more than `TOKEN_GRACE_DAYS` ago, keeping the
 * count of used tokens on each batch (`used_count`). Each batch is settled in one transaction whose
 * first statement (setting `used_count` where it is still null) claims it, so two instances do not
 * count twice.
 */
export async function purgeTokens(db: Kysely<Database>, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - TOKEN_GRACE_DAYS * DAY).toISOString();
  const batches = await db
    .selectFrom('survey_token_batch as b')
    .innerJoin('survey_edition as e', 'e.id', 'b.edition_id')
    .select('b.id')
    .where('e.closes_at', '<', before)
    .where('b.used_count', 'is', null)
    .execute();
  let deleted = 0;
  for (const { id } of batches) {
    deleted += await inTransaction(db, async (trx) => {
      const claimed = await trx
        .updateTable('survey_token_batch')
        .set({ used_count: sql<number>`(select count(*) from survey_token where survey_token.batch_id = ${id} and survey_token.used = 1)` })
        .where('id', '=', id)
        .where('used_count', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return 0;
      const tokens = trx.selectFrom('survey_token').select('token_hash').where('batch_id', '=', id);
      await trx.deleteFrom('survey_draft').where('token_hash', 'in', tokens).execute();
      const r = await trx.deleteFrom('survey_token').where('batch_id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows);
    });
  }
  return deleted;
}

/** Invitation mails hold an address beside a token link: they leave the outbox as soon as they are sent (or given up). */
export async function purgeInvitationMail(db: Kysely<Database>): Promise<number> {
  const r = await db.deleteFrom('mail_outbox').where('template', '=', invitationMail.name).where('status', 'in', ['sent', 'logged', 'failed']).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export const SURVEYS_RETENTION: readonly RetentionRule[] = [
  {
    name: 'surveys:tokens',
    describe: `Invitation tokens and unfinished drafts, ${TOKEN_GRACE_DAYS} days after their edition closes; each batch keeps how many were used. Responses never hold personal data or a token and are kept.`,
    run: (db, now) => purgeTokens(db, now),
  },
  {
    name: 'surveys:invitation-mail',
    describe: 'Invitation mails (an address and its token link) as soon as the outbox has sent them or given up, whatever RETENTION_SENT_MAIL_DAYS says.',
    run: (db) => purgeInvitationMail(db),
  },
];
