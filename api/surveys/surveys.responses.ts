/**
 * Invitations, drafts and responses: the part of the survey module that keeps answers anonymous
 * by construction. What is stored, and what is not:
 *
 * - `survey_token`: the SHA-256 of each invitation token, its batch, edition and group, and `used`
 *   (0/1). No time of use, no e-mail address, nothing about the answers. The raw token exists only
 *   in the exported list or the invitation mail.
 * - `survey_response`: edition, group and the answers JSON (normalised to instrument order, so the
 *   JSON does not even tell the order of answering), under a random v4 id. No token, no time: not
 *   even the day. There is no other way in: the only writer is `submitResponse`.
 * - `survey_draft` (save and resume) is tied to its token by nature. Its answers are encrypted with
 *   AES-256-GCM under a key derived from the raw token, which the server never stores: a database
 *   reader (or a backup) cannot read a draft or compare it with responses, and the plaintext is
 *   padded to 1 KiB steps so its length says little. The draft is deleted in the very transaction
 *   that marks the token used and stores the response.
 *
 * Ordering. Nothing orders responses by insertion: on SQLite the three tables are WITHOUT ROWID,
 * so there is no hidden rowid and rows sit in key order (random ids, token hashes). On PostgreSQL a
 * heap keeps insertion order (`ctid`) and every row carries the id of the transaction that wrote it
 * (`xmin`), which the token row updated in the same transaction shares. So each submission, in its
 * own transaction, deletes and re-inserts all of its edition's responses in id order: every
 * response then has the same `xmin` and a heap position that follows the random id. The edition
 * row is locked first, so submissions to one edition run one after another and the re-insertion
 * never races another.
 *
 * After the commit, `scrub` (coalesced, best effort) vacuums those tables on PostgreSQL so the
 * dead row versions go, and checkpoints the WAL on SQLite (which also runs with `secure_delete`),
 * so that the file does not keep the overwritten rows either.
 *
 * One response per token: the token is claimed by one conditional update (`used = 0 → 1`). On
 * PostgreSQL a concurrent claim of the same row waits for the first to commit and then finds
 * `used = 1`; SQLite has one writer at a time. Either way exactly one submission wins.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Answers, RespondentGroup } from '../../common/surveys.js';
import { SURVEY_LIMITS } from '../../common/surveys.js';
import { ApiError } from '../core/errors.js';
import { newId, nowIso, randomToken, sha256 } from '../core/ids.js';
import { linkInvalid } from '../core/secret-links.js';
import { inTransaction } from '../core/transaction.js';

type Db = Kysely<Database> | Transaction<Database>;

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Longest token accepted for lookup; ours are 43 characters. */
const MAX_TOKEN_LENGTH = 128;

export const tokenUsed = () => new ApiError(409, 'survey_token_used', 'This invitation has already been used to send a response');
export const tokenExpired = () => new ApiError(410, 'survey_token_expired', 'This invitation has expired');
export const surveyClosed = () => new ApiError(409, 'survey_closed', 'This survey edition is closed');
export const surveyNotOpen = () => new ApiError(409, 'survey_not_open', 'This survey edition has not opened yet');

export interface NewBatch {
  editionId: string;
  group: RespondentGroup;
  count: number;
  channel: 'links' | 'mail';
  lang: string;
  expiresAt: string;
  createdBy: string | null;
}

/** Creates a batch of invitation tokens and returns them, once; only their hashes are kept. */
export async function createTokenBatch(db: Db, b: NewBatch, now = new Date()): Promise<{ batchId: string; tokens: string[] }> {
  if (!Number.isInteger(b.count) || b.count < 1 || b.count > SURVEY_LIMITS.tokensPerBatch) throw new ApiError(422, 'validation_failed', 'Bad token count');
  const batchId = newId();
  const tokens = Array.from({ length: b.count }, () => randomToken());
  const write = async (trx: Db) => {
    await trx
      .insertInto('survey_token_batch')
      .values({ id: batchId, edition_id: b.editionId, respondent_group: b.group, size: b.count, channel: b.channel, lang: b.lang, expires_at: b.expiresAt, revoked_at: null, used_count: null, created_by: b.createdBy, created_at: nowIso(now) })
      .execute();
    for (let i = 0; i < tokens.length; i += 500) {
      await trx
        .insertInto('survey_token')
        .values(tokens.slice(i, i + 500).map((t) => ({ token_hash: sha256(t), batch_id: batchId, edition_id: b.editionId, respondent_group: b.group, used: 0 as const })))
        .execute();
    }
  };
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
  return { batchId, tokens };
}

export interface Invitation {
  tokenHash: string;
  editionId: string;
  group: RespondentGroup;
  used: boolean;
  expired: boolean;
}

/** The invitation behind `token`: 404 `link_invalid` when there is none (or the batch was revoked). */
/** The invitation behind a token's hash, with its batch's expiry and revocation. */
export const invitationQuery = (db: Db, hash: string) =>
  db
    .selectFrom('survey_token as t')
    .innerJoin('survey_token_batch as b', 'b.id', 't.batch_id')
    .select(['t.token_hash', 't.edition_id', 't.respondent_group', 't.used', 'b.expires_at', 'b.revoked_at'])
    .where('t.token_hash', '=', hash);

export async function findInvitation(db: Db, token: unknown, now = new Date()): Promise<Invitation> {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw linkInvalid();
  const hash = sha256(token);
  const row = await invitationQuery(db, hash).executeTakeFirst();
  if (!row || row.revoked_at !== null || !timingSafeEqual(Buffer.from(row.token_hash, 'hex'), Buffer.from(hash, 'hex'))) throw linkInvalid();
  return { tokenHash: row.token_hash, editionId: row.edition_id, group: row.respondent_group, used: row.used === 1, expired: row.expires_at <= nowIso(now) };
}

/** Throws the matching error when the invitation cannot be used any more. */
export function assertUsable(inv: Invitation): void {
  if (inv.used) throw tokenUsed();
  if (inv.expired) throw tokenExpired();
}

// --- drafts -----------------------------------------------------------------------------------

const DRAFT_INFO = 'ngo-survey-draft:v1';
const PAD = 1024;

/** The draft key: HKDF-SHA-256 of the raw token. The stored hash is SHA-256 of it, so one does not give the other. */
const draftKey = (token: string) => Buffer.from(hkdfSync('sha256', token, Buffer.alloc(0), DRAFT_INFO, 32));

/** Encrypts answers for the draft table, padded with spaces (valid JSON whitespace) to a multiple of 1 KiB. */
export function sealDraft(token: string, answers: Answers): string {
  const json = JSON.stringify(answers);
  const bytes = Buffer.byteLength(json);
  if (bytes > SURVEY_LIMITS.draftBytes) throw new ApiError(413, 'payload_too_large', 'The draft is too large');
  const padded = json + ' '.repeat(Math.ceil((bytes + 1) / PAD) * PAD - bytes);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', draftKey(token), iv);
  const body = Buffer.concat([cipher.update(padded, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function openDraft(token: string, payload: string): Answers {
  const raw = Buffer.from(payload, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', draftKey(token), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as Answers;
}

export async function loadDraft(db: Db, token: string, inv: Invitation): Promise<Answers | null> {
  const row = await db.selectFrom('survey_draft').select('payload').where('token_hash', '=', inv.tokenHash).executeTakeFirst();
  return row ? openDraft(token, row.payload) : null;
}

/**
 * Saves (replaces) the draft of an unused invitation. The token row is locked and checked by one
 * conditional no-op update, so a submission that claims the token meanwhile either waits for this
 * save (and then deletes the draft) or has already committed (and the save is refused): a used
 * token never keeps a draft.
 */
export async function saveDraft(db: Kysely<Database>, token: string, inv: Invitation, answers: Answers): Promise<void> {
  const payload = sealDraft(token, answers);
  await db.transaction().execute(async (trx) => {
    const live = await trx.updateTable('survey_token').set((eb) => ({ used: eb.ref('used') })).where('token_hash', '=', inv.tokenHash).where('used', '=', 0).executeTakeFirst();
    if (Number(live.numUpdatedRows) !== 1) throw tokenUsed();
    await trx
      .insertInto('survey_draft')
      .values({ token_hash: inv.tokenHash, edition_id: inv.editionId, payload })
      .onConflict((oc) => oc.column('token_hash').doUpdateSet({ payload }))
      .execute();
  });
}

// --- responses --------------------------------------------------------------------------------

export type Respondent = { kind: 'token'; tokenHash: string } | { kind: 'open' };

/**
 * Stores one response. With a token: claims it (`used = 0 → 1`, else 409 `survey_token_used`) and
 * deletes its draft, in the same transaction as the insert. `check` runs inside the transaction
 * once the edition row is locked, with the edition's status from the server clock; it throws to
 * refuse (closed edition, invalid answers). Runs in the caller's transaction when given one.
 */
export async function submitResponse(
  db: Kysely<Database>,
  input: { editionId: string; group: RespondentGroup; answers: Answers; respondent: Respondent },
  check: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    // A no-op write takes the edition's row lock on PostgreSQL: one submission per edition at a time.
    const locked = await trx.updateTable('survey_edition').set((eb) => ({ slug: eb.ref('slug') })).where('id', '=', input.editionId).executeTakeFirst();
    if (Number(locked.numUpdatedRows) !== 1) throw linkInvalid();
    await check(trx);
    if (input.respondent.kind === 'token') {
      const claimed = await trx
        .updateTable('survey_token')
        .set({ used: 1 })
        .where('token_hash', '=', input.respondent.tokenHash)
        .where('edition_id', '=', input.editionId)
        .where('used', '=', 0)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) throw tokenUsed();
      await trx.deleteFrom('survey_draft').where('token_hash', '=', input.respondent.tokenHash).execute();
    }
    await trx.insertInto('survey_response').values({ id: newId(), edition_id: input.editionId, respondent_group: input.group, answers: JSON.stringify(input.answers) }).execute();
    if (isPostgres(trx)) await reinsertInKeyOrder(trx, input.editionId);
  });
  // Inside a caller's transaction (an idempotent route's `writeOnce`) the caller scrubs once it has committed.
  if (!db.isTransaction) void scrub(db);
}

/**
 * PostgreSQL: re-writes the edition's responses in id order, in the submitting transaction, so
 * that no `xmin` singles out the new row and heap order (`ctid`) follows the random ids.
 */
async function reinsertInKeyOrder(trx: Transaction<Database>, editionId: string): Promise<void> {
  await sql`with moved as (delete from survey_response where edition_id = ${editionId} returning *) insert into survey_response select * from moved order by id`.execute(trx);
}

const scrubbing = new WeakMap<object, { running: Promise<void>; again: boolean }>();

/**
 * After a submission, best effort and coalesced (at most one running and one queued per database):
 * on PostgreSQL `VACUUM` the token, draft and response tables, so the dead row versions go; on
 * SQLite checkpoint and truncate the WAL. A failure is ignored: autovacuum and the automatic
 * checkpoints get there later.
 */
export function scrub(db: Kysely<Database>): Promise<void> {
  const state = scrubbing.get(db);
  if (state) {
    state.again = true;
    return state.running;
  }
  const run = async (): Promise<void> => {
    try {
      if (isPostgres(db)) await sql`vacuum survey_response, survey_draft, survey_token`.execute(db);
      else await sql`pragma wal_checkpoint(truncate)`.execute(db);
    } catch {
      // best effort
    }
    const s = scrubbing.get(db)!;
    if (s.again) {
      s.again = false;
      return run();
    }
    scrubbing.delete(db);
  };
  const entry = { running: Promise.resolve(), again: false };
  scrubbing.set(db, entry);
  entry.running = run();
  return entry.running;
}

/** Responses per group of an edition. */
export async function responseCounts(db: Db, editionId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('survey_response')
    .select(['respondent_group', (eb) => eb.fn.countAll<number>().as('n')])
    .where('edition_id', '=', editionId)
    .groupBy('respondent_group')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.respondent_group, Number(r.n)]));
}

/** Invitations per group of an edition: issued and used (live tokens, plus the counts kept for purged batches). */
export async function invitationCounts(db: Db, editionId: string): Promise<Record<string, { issued: number; used: number }>> {
  const live = await db
    .selectFrom('survey_token')
    .select(['respondent_group', 'used', (eb) => eb.fn.countAll<number>().as('n')])
    .where('edition_id', '=', editionId)
    .groupBy(['respondent_group', 'used'])
    .execute();
  const purged = await db
    .selectFrom('survey_token_batch')
    .select(['respondent_group', 'size', 'used_count'])
    .where('edition_id', '=', editionId)
    .where('used_count', 'is not', null)
    .execute();
  const out: Record<string, { issued: number; used: number }> = {};
  const at = (g: string) => (out[g] ??= { issued: 0, used: 0 });
  for (const r of live) {
    at(r.respondent_group).issued += Number(r.n);
    if (r.used === 1) at(r.respondent_group).used += Number(r.n);
  }
  for (const b of purged) {
    at(b.respondent_group).issued += b.size;
    at(b.respondent_group).used += b.used_count!;
  }
  return out;
}

/** The answers of an edition, for scoring and exports. Order: by the random id, i.e. none. */
/** Every response of an edition (the results are computed from them, and cached per data version). */
export const editionResponsesQuery = (db: Db, editionId: string) => db.selectFrom('survey_response').select(['respondent_group', 'answers']).where('edition_id', '=', editionId).orderBy('id');

export async function editionResponses(db: Db, editionId: string): Promise<{ group: RespondentGroup; answers: Answers }[]> {
  const rows = await editionResponsesQuery(db, editionId).execute();
  return rows.map((r) => ({ group: r.respondent_group, answers: JSON.parse(r.answers) as Answers }));
}

/**
 * Demo data and imports only: stores many responses at once, in random-id order, in the caller's
 * transaction (so on PostgreSQL they share one `xmin` and heap order follows the ids, like
 * `submitResponse` leaves them). Never used for a respondent's submission.
 */
export async function insertResponses(db: Db, editionId: string, responses: readonly { group: RespondentGroup; answers: Answers }[]): Promise<void> {
  const rows = responses.map((r) => ({ id: newId(), edition_id: editionId, respondent_group: r.group, answers: JSON.stringify(r.answers) })).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('survey_response').values(rows.slice(i, i + 200)).execute();
}
