import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import lijw from '../../common/surveys.lijw.json' with { type: 'json' };
import { InstrumentSchema, toInstrument } from '../../common/surveys.schema.js';
import type { Answers } from '../../common/surveys.js';
import type { Database } from '../db/schema.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { sha256 } from '../core/ids.js';
import { ApiError } from '../core/errors.js';
import { dialects, testDatabase } from '../testing.js';
import { ensureSurvey, insertEdition, insertInstrument } from './surveys.repository.js';
import { createTokenBatch, findInvitation, loadDraft, openDraft, saveDraft, submitResponse } from './surveys.responses.js';

const instrument = toInstrument(InstrumentSchema.parse(lijw));
const DAY = 86_400_000;
const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' && r.reason instanceof ApiError ? r.reason.code : r.status);

describe.each(dialects)('survey invitations, drafts and responses (%s)', (dialect) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let editionId: string;
  const extra: DatabaseHandle[] = [];

  beforeEach(async () => {
    handle = await testDatabase(dialect);
    db = handle.db;
    await ensureSurvey(db, 'lijw', instrument.title);
    const { id: instrumentId } = await insertInstrument(db, 'lijw', instrument);
    const now = Date.now();
    editionId = await insertEdition(db, {
      surveyId: 'lijw', slug: '2026', instrumentId, opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + 30 * DAY).toISOString(), periodFrom: '2025-01-01', periodTo: '2025-12-31',
    });
  });
  afterEach(async () => {
    for (const h of extra.splice(0)) await h.close();
    await handle.close();
  });

  const batch = (count: number, group: 'ngo' | 'official' = 'ngo') =>
    createTokenBatch(db, { editionId, group, count, channel: 'links', lang: 'pl', expiresAt: new Date(Date.now() + 30 * DAY).toISOString(), createdBy: null });
  const submit = (on: Kysely<Database>, tokenHash: string, answers: Answers) =>
    submitResponse(on, { editionId, group: 'ngo', answers, respondent: { kind: 'token', tokenHash } }, async () => {});

  it('takes one response per token, even from 20 concurrent submissions (on two instances where the dialect allows)', async () => {
    const { tokens } = await batch(1);
    const hash = sha256(tokens[0]!);
    // PostgreSQL: a second pool on the same schema stands for a second app instance.
    const other = dialect === 'postgres' ? openDatabase(process.env.TEST_DATABASE_URL!, { schema: handle.schema, poolSize: 5 }) : null;
    if (other) extra.push(other);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => submit(other && i % 2 ? other.db : db, hash, { overall_rating: ((i % 5) + 1) as 1 })),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'fulfilled')).toHaveLength(1);
    expect(codes.filter((c) => c === 'survey_token_used')).toHaveLength(19);
    const rows = await db.selectFrom('survey_response').selectAll().execute();
    expect(rows).toHaveLength(1);
    const token = await db.selectFrom('survey_token').select('used').where('token_hash', '=', hash).executeTakeFirstOrThrow();
    expect(token.used).toBe(1);
    await expect(findInvitation(db, tokens[0])).resolves.toMatchObject({ used: true });
  });

  it('keeps a draft sealed with a key only the token gives, and deletes it with the submission', async () => {
    const { tokens } = await batch(2);
    const [token, otherToken] = tokens as [string, string];
    const inv = await findInvitation(db, token);
    await saveDraft(db, token, inv, { overall_rating: 4, r_comment: 'Więcej konsultacji w dzielnicach' });
    await saveDraft(db, token, inv, { overall_rating: 5, r_comment: 'Więcej konsultacji w dzielnicach' }); // replaces
    expect(await loadDraft(db, token, inv)).toEqual({ overall_rating: 5, r_comment: 'Więcej konsultacji w dzielnicach' });

    const row = await db.selectFrom('survey_draft').selectAll().executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(inv.tokenHash);
    expect(Buffer.from(row.payload, 'base64url').toString('latin1')).not.toMatch(/konsultacji|overall_rating/);
    expect(Buffer.from(row.payload, 'base64url').length - 28).toBe(1024); // padded to 1 KiB
    expect(() => openDraft(otherToken, row.payload)).toThrow();
    expect(() => openDraft(inv.tokenHash, row.payload)).toThrow(); // the stored hash is not the key

    await submit(db, inv.tokenHash, { overall_rating: 5 });
    expect(await db.selectFrom('survey_draft').selectAll().execute()).toEqual([]);
    await expect(saveDraft(db, token, inv, { overall_rating: 1 })).rejects.toMatchObject({ code: 'survey_token_used' });
    expect(await db.selectFrom('survey_draft').selectAll().execute()).toEqual([]);
  });

  it('refuses an unknown token, and a token of a revoked batch, with link_invalid', async () => {
    await expect(findInvitation(db, 'x'.repeat(43))).rejects.toMatchObject({ code: 'link_invalid' });
    await expect(findInvitation(db, 'x'.repeat(500))).rejects.toMatchObject({ code: 'link_invalid' });
    const { batchId, tokens } = await batch(1);
    await db.updateTable('survey_token_batch').set({ revoked_at: new Date().toISOString() }).where('id', '=', batchId).execute();
    await expect(findInvitation(db, tokens[0])).rejects.toMatchObject({ code: 'link_invalid' });
  });

  it('stores nothing that joins an answer to its token: no column, no value, no time, no order', async () => {
    const { tokens, batchId } = await batch(12);
    const order: string[] = [];
    for (const [i, token] of tokens.entries()) {
      const inv = await findInvitation(db, token);
      if (i % 2) await saveDraft(db, token, inv, { r_comment: `draft ${i}` });
      await submit(db, inv.tokenHash, { overall_rating: ((i % 5) + 1) as 1, r_comment: `answer ${i}` });
      order.push(`answer ${i}`);
    }

    // The schema: a response row has its edition, its group and its answers, under an id. Nothing else.
    const tables = await db.introspection.getTables();
    const columns = (name: string) => tables.find((t) => t.name === name && (dialect === 'sqlite' || t.schema === handle.schema))!.columns.map((c) => c.name).sort();
    expect(columns('survey_response')).toEqual(['answers', 'edition_id', 'id', 'respondent_group']);
    expect(columns('survey_token')).toEqual(['batch_id', 'edition_id', 'respondent_group', 'token_hash', 'used']);
    // The columns they share are the coarse ones, the same for every token of the batch.
    const shared = columns('survey_response').filter((c) => columns('survey_token').includes(c));
    expect(shared).toEqual(['edition_id', 'respondent_group']);
    const tokenRows = await db.selectFrom('survey_token').selectAll().execute();
    expect(new Set(tokenRows.map((t) => `${t.edition_id}|${t.respondent_group}`)).size).toBe(1);

    // The rows: no token, hash or batch id anywhere in a response; ids are random (UUID v4), and no value is a time.
    const responses = await db.selectFrom('survey_response').selectAll().execute();
    expect(responses).toHaveLength(12);
    const text = JSON.stringify(responses);
    for (const t of tokenRows) expect(text).not.toContain(t.token_hash);
    for (const t of tokens) expect(text).not.toContain(t);
    expect(text).not.toContain(batchId);
    for (const r of responses) expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/);
    // The drafts went with their submissions.
    expect(await db.selectFrom('survey_draft').selectAll().execute()).toEqual([]);

    // The order: rows come back in id order, not in the order they were sent (12! orders; 1 in 479 million by chance).
    const natural = await sql<{ id: string; answers: string }>`select id, answers from survey_response`.execute(db);
    const ids = natural.rows.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(natural.rows.map((r) => (JSON.parse(r.answers) as Answers).r_comment)).not.toEqual(order);

    if (dialect === 'sqlite') {
      // No hidden rowid counts insertions.
      await expect(sql`select rowid from survey_response`.execute(db)).rejects.toThrow(/no such column/);
      await expect(sql`select rowid from survey_token`.execute(db)).rejects.toThrow(/no such column/);
      await expect(sql`select rowid from survey_draft`.execute(db)).rejects.toThrow(/no such column/);
    } else {
      // Every response carries the same xmin (the last submission re-wrote them all), and heap order follows the ids.
      const sys = await sql<{ xmin: string; ctid: string; id: string }>`select xmin::text as xmin, ctid::text as ctid, id from survey_response`.execute(db);
      expect(new Set(sys.rows.map((r) => r.xmin)).size).toBe(1);
      const byCtid = [...sys.rows].sort((a, b) => {
        const [pa, ia] = a.ctid.slice(1, -1).split(',').map(Number) as [number, number];
        const [pb, ib] = b.ctid.slice(1, -1).split(',').map(Number) as [number, number];
        return pa - pb || ia - ib;
      });
      expect(byCtid.map((r) => r.id)).toEqual([...ids].sort());
      // A token's xmin matches either no response or all of them: it singles none out.
      const tx = await sql<{ xmin: string }>`select xmin::text as xmin from survey_token`.execute(db);
      const xmins = new Set(sys.rows.map((r) => r.xmin));
      for (const t of tx.rows) {
        const matching = sys.rows.filter((r) => r.xmin === t.xmin).length;
        expect([0, sys.rows.length]).toContain(matching);
      }
      expect(xmins.size).toBe(1);
    }
  });
});
