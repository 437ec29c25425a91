import type { Kysely } from 'kysely';
import { MAIL_STATUSES, resendBlocker, type MailStatus } from '../../common/admin.js';
import type { StaffRole } from '../../common/taxonomy.js';
import type { Database } from '../db/schema.js';
import type { MailOutboxTable } from '../core/core.table.js';
import { newId, nowIso } from '../core/ids.js';

type Row = Pick<MailOutboxTable, 'id' | 'to_address' | 'subject' | 'template' | 'lang' | 'status' | 'attempts' | 'next_attempt_at' | 'last_error' | 'created_at' | 'sent_at'>;

const COLUMNS = ['id', 'to_address', 'subject', 'template', 'lang', 'status', 'attempts', 'next_attempt_at', 'last_error', 'created_at', 'sent_at'] as const;

/** An e-mail address anywhere in a text (an SMTP answer often repeats the recipient). */
const ADDRESS = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;
/** A secret link's token in a URL: a long base64url run after `/`, `#`, `=` (the links' tokens are 32+ characters). */
const TOKEN = /([/#=])[\w-]{24,}/g;

/** The body as an admin reads it in the panel: every secret link's token masked, so reading the outbox never hands over someone's link. */
export const maskTokens = (text: string) => text.replace(TOKEN, '$1…');

/** A message as the outbox section shows it to `role`: the recipient and subject only to admins, addresses masked in the error for others. */
export function toOutboxDto(r: Row, role: StaffRole) {
  const personal = role === 'admin';
  return {
    id: r.id,
    template: r.template,
    lang: r.lang,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
    error: r.last_error === null ? null : personal ? r.last_error : r.last_error.replace(ADDRESS, '…'),
    to: personal ? r.to_address : null,
    subject: personal ? r.subject : null,
    resendBlocked: resendBlocker(role, r.status),
  };
}

/** The cursor of a row for keyset paging, newest first: `created_at|id`. */
export const outboxCursor = (r: { created_at: string; id: string }) => `${r.created_at}|${r.id}`;

/** One page of the outbox, newest first (one row more than `limit`, to tell whether another page follows). */
export async function listOutbox(db: Kysely<Database>, q: { status?: MailStatus; before?: string; limit: number }) {
  let query = db.selectFrom('mail_outbox').select(COLUMNS).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.before) {
    const [at, id] = q.before.split('|') as [string, string];
    query = query.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
  }
  return query.execute();
}

/** Messages per state over the whole outbox. */
export async function countOutbox(db: Kysely<Database>): Promise<Record<MailStatus, number>> {
  const rows = await db.selectFrom('mail_outbox').select((eb) => ['status', eb.fn.countAll<string | number>().as('n')]).groupBy('status').execute();
  const counts = Object.fromEntries(MAIL_STATUSES.map((s) => [s, 0])) as Record<MailStatus, number>;
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export const findOutboxMessage = (db: Kysely<Database>, id: string) => db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Sends a message again: a failed one goes back to the queue as it is (the last error stays until a
 * send succeeds), a sent or logged one is queued again as a copy, so the outbox keeps what went out.
 * Returns the id of the queued message, or null when the message was pending (or no longer failed)
 * by the time of the write.
 */
export async function requeueMessage(db: Kysely<Database>, id: string): Promise<string | null> {
  const now = nowIso();
  const m = await findOutboxMessage(db, id);
  if (!m || m.status === 'pending') return null;
  if (m.status === 'failed') {
    // Conditional on the state read, so two admins clicking at once queue it once.
    const r = await db.updateTable('mail_outbox').set({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null }).where('id', '=', id).where('status', '=', 'failed').executeTakeFirst();
    return Number(r.numUpdatedRows) === 1 ? id : null;
  }
  const copy = newId();
  await db
    .insertInto('mail_outbox')
    .values({ ...m, id: copy, status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null, last_error: null, created_at: now, sent_at: null })
    .execute();
  return copy;
}
