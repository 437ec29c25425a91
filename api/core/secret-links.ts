import { timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { ApiError } from './errors.js';
import { addMs, newId, nowIso, randomToken, sha256 } from './ids.js';
import { inTransaction } from './transaction.js';

/**
 * Secret links stand in for accounts: whoever holds the token (sent by e-mail) may act on one
 * subject for one purpose, e.g. `advice:status` for an advice case or `events:cancel` for a
 * registration. Only the SHA-256 of a token is stored, so a leaked database yields no live links.
 *
 * Every failure (unknown token, wrong purpose, expired, already used) is the same
 * 404 `link_invalid`, so an outsider cannot learn which links exist or existed.
 */
export interface SecretLink {
  id: string;
  purpose: string;
  subjectId: string;
  email: string | null;
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
}

export interface NewSecretLink {
  /** What the link allows, `<slug>:<action>`. */
  purpose: string;
  subjectId: string;
  /** Where it was sent, when the module needs to know (purged with the link). */
  email?: string | null;
  /** Lifetime in milliseconds. */
  ttlMs: number;
  /** A newer link replaces the older ones: the subject's other live links of this purpose stop working. */
  supersede?: boolean;
}

/** Longest token accepted for lookup; ours are 43 characters. */
const MAX_TOKEN_LENGTH = 128;

export const linkInvalid = () => new ApiError(404, 'link_invalid', 'This link is invalid, expired or already used');

/** Creates a link and returns its token (256 random bits, URL-safe) once; only its hash is kept. */
export async function createSecretLink(db: Kysely<Database>, input: NewSecretLink, now = new Date()): Promise<{ token: string; id: string; expiresAt: string }> {
  const token = randomToken();
  const id = newId();
  const expiresAt = addMs(now, input.ttlMs);
  if (input.supersede) await revokeSecretLinks(db, input.purpose, input.subjectId, now);
  await db
    .insertInto('secret_link')
    .values({ id, token_hash: sha256(token), purpose: input.purpose, subject_id: input.subjectId, email: input.email ?? null, expires_at: expiresAt, used_at: null, created_at: nowIso(now) })
    .execute();
  return { token, id, expiresAt };
}

/** The live link for `token` and `purpose`; throws 404 `link_invalid` otherwise. Does not use it up. */
export async function findSecretLink(db: Kysely<Database>, token: string, purpose: string, now = new Date()): Promise<SecretLink> {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw linkInvalid();
  const hash = sha256(token);
  const row = await db.selectFrom('secret_link').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  // The index lookup already matched; the constant-time comparison keeps the final check free of timing signals.
  if (!row || !timingSafeEqual(Buffer.from(row.token_hash, 'hex'), Buffer.from(hash, 'hex'))) throw linkInvalid();
  if (row.purpose !== purpose || row.used_at !== null || row.expires_at <= nowIso(now)) throw linkInvalid();
  return { id: row.id, purpose: row.purpose, subjectId: row.subject_id, email: row.email, expiresAt: row.expires_at, usedAt: row.used_at, createdAt: row.created_at };
}

/**
 * Marks a link used, once: returns false when it already was (another request got there first).
 * Accepts a transaction, so using the link and the action it allows commit together.
 */
export async function markSecretLinkUsed(db: Kysely<Database>, id: string, now = new Date()): Promise<boolean> {
  const r = await db.updateTable('secret_link').set({ used_at: nowIso(now) }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** For one-shot links: finds and uses up the link atomically; a second use gets 404 `link_invalid`. */
export async function consumeSecretLink(db: Kysely<Database>, token: string, purpose: string, now = new Date()): Promise<SecretLink> {
  const link = await findSecretLink(db, token, purpose, now);
  if (!(await markSecretLinkUsed(db, link.id, now))) throw linkInvalid();
  return { ...link, usedAt: nowIso(now) };
}

/**
 * Every e-mailed confirmation: claims the one-shot link and makes the change it confirms in one
 * transaction. `confirm` gets the transaction and the link, and returns the result, or null when
 * the subject is gone or no longer waits for this confirmation. Then, as for an unknown, expired
 * or used link, the answer is 404 `link_invalid` and nothing changes; an error thrown by `confirm`
 * (a 409, say) leaves the link unused too. Of two requests with one link, one confirms and the
 * other gets `link_invalid`.
 */
export async function confirmByLink<T>(db: Kysely<Database>, token: string, purpose: string, confirm: (trx: Transaction<Database>, link: SecretLink) => Promise<T | null>): Promise<T> {
  return inTransaction(db, async (trx) => {
    const link = await consumeSecretLink(trx, token, purpose);
    const result = await confirm(trx, link);
    if (result === null) throw linkInvalid();
    return result;
  });
}

/** Invalidates every live link of a subject (e.g. when the record is deleted or a new link replaces the old). */
export async function revokeSecretLinks(db: Kysely<Database>, purpose: string, subjectId: string, now = new Date()): Promise<number> {
  const r = await db.updateTable('secret_link').set({ used_at: nowIso(now) }).where('purpose', '=', purpose).where('subject_id', '=', subjectId).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Retention: expired and used links (with the e-mail addresses they hold) go. */
export async function purgeSecretLinks(db: Kysely<Database>, now = new Date()): Promise<number> {
  const r = await db
    .deleteFrom('secret_link')
    .where((eb) => eb.or([eb('expires_at', '<=', nowIso(now)), eb('used_at', 'is not', null)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
