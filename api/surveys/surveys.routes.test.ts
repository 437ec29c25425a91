import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dialects, expectError, freshIp, json, testApp, type TestApp } from '../testing.js';
import { solvedAbuse } from '../core/abuse.testing.js';
import { expectWrittenOnce } from '../core/idempotency.testing.js';
import { sha256 } from '../core/ids.js';
import type { DraftState, EditionDetail, Results } from '../../common/surveys.schema.js';
import { insertOpenLink, surveysReadVersion, updatePublication, DEFAULT_PUBLICATION } from './surveys.repository.js';
import { completeAnswers, surveyEdition, tokensFor } from './surveys.testing.js';

const ip = () => ({ 'x-forwarded-for': freshIp() });
const put = (body: unknown) => json(body, ip(), 'PUT');

describe.each(dialects)('public survey API (%s)', (dialect) => {
  let t: TestApp;
  let editionId: string;
  beforeEach(async () => {
    t = await testApp(dialect, { publicUrl: 'https://ngo.example.org', minFillMs: 0 });
    ({ editionId } = await surveyEdition(t.db));
  });
  afterEach(() => t.close());

  const submit = (body: Record<string, unknown>) => t.app.request('/v1/surveys/lijw/responses', json({ lang: 'pl', ...body }, ip()));

  it('publishes the JSON Schema of an instrument, the survey, its edition and the instrument', async () => {
    const schema = (await (await t.app.request('/v1/surveys/instrument.schema.json')).json()) as { $id: string; properties: Record<string, unknown> };
    expect(schema.$id).toBe('https://ngo.example.org/v1/surveys/instrument.schema.json');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['title', 'scales', 'sections']));

    const survey = (await (await t.app.request('/v1/surveys/lijw')).json()) as { editions: { slug: string; status: string }[]; current: string };
    expect(survey.editions.map((e) => [e.slug, e.status])).toEqual([['2026', 'open']]);
    expect(survey.current).toBe('2026');

    const ed = await t.app.request('/v1/surveys/lijw/editions/2026');
    expect(ed.status).toBe(200);
    const detail = (await ed.json()) as EditionDetail;
    expect(detail.instrument.sections.map((s) => s.id)).toEqual(['overall', 'a', 'b', 'c', 'recommendations', 'profile']);
    expect(detail.lastYear).toBeNull();
    const again = await t.app.request('/v1/surveys/lijw/editions/2026', { headers: { 'if-none-match': ed.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(((await (await t.app.request('/v1/surveys/lijw/instrument?version=1')).json()) as { version: number }).version).toBe(1);
    await expectError(await t.app.request('/v1/surveys/lijw/instrument?version=9'), 404, 'not_found');
    await expectError(await t.app.request('/v1/surveys/nope/editions/2026'), 404, 'not_found');
  });

  it("changes the public reads' version when the clock opens or closes an edition, and caches no longer than until then", async () => {
    const now = new Date();
    const v = await surveysReadVersion(t.db, now);
    const later = await surveysReadVersion(t.db, new Date(now.getTime() + 31 * 86_400_000)); // past the close
    expect(typeof v === 'object' && typeof later === 'object' && v.version !== later.version).toBe(true);
    expect(await surveysReadVersion(t.db, now)).toEqual(v);
    const { opens_at, closes_at } = await t.db.selectFrom('survey_edition').select(['opens_at', 'closes_at']).executeTakeFirstOrThrow();
    // Before the opening the clock's part differs again, and the cache ends at the opening.
    const before = await surveysReadVersion(t.db, new Date(Date.parse(opens_at) - 5_000));
    const tagOf = (r: typeof v) => (typeof r === 'object' ? r.version : r);
    expect([tagOf(v), tagOf(later)]).not.toContain(tagOf(before));
    expect(typeof before === 'object' && before.maxAge).toBeLessThanOrEqual(5);
    const closing = await surveysReadVersion(t.db, new Date(Date.parse(closes_at) - 10_000));
    expect(typeof closing === 'object' && closing.maxAge).toBeLessThanOrEqual(10);
  });

  it('saves and resumes a draft through the token, submits once, and then the token is used', async () => {
    const [token] = await tokensFor(t.db, editionId, 1);
    const start = (await (await t.app.request(`/v1/surveys/lijw/responses/draft?token=${token}`)).json()) as DraftState;
    expect(start).toMatchObject({ group: 'ngo', answers: {}, resumable: true, edition: { slug: '2026', status: 'open' } });

    expect((await t.app.request('/v1/surveys/lijw/responses/draft', put({ token, answers: { overall_rating: 4, r_comment: '  Więcej dialogu  ' } }))).status).toBe(200);
    const resumed = (await (await t.app.request(`/v1/surveys/lijw/responses/draft?token=${token}`)).json()) as DraftState;
    expect(resumed.answers).toEqual({ overall_rating: 4, r_comment: 'Więcej dialogu' });

    const bad = await expectError(await t.app.request('/v1/surveys/lijw/responses/draft', put({ token, answers: { overall_rating: 7, nope: 1 } })), 422, 'validation_failed');
    expect(bad.details!.issues!.map((i) => i.path).sort()).toEqual(['answers.nope', 'answers.overall_rating']);

    const incomplete = await expectError(await submit({ token, answers: { overall_rating: 4 } }), 422, 'validation_failed');
    expect(incomplete.details!.issues!.map((i) => `${i.path} ${i.code}`)).toEqual(['answers.a_cooperated required']);

    const ok = await submit({ token, answers: completeAnswers() });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ received: true, edition: '2026', group: 'ngo' });
    expect(await t.db.selectFrom('survey_draft').selectAll().execute()).toEqual([]);

    await expectError(await submit({ token, answers: completeAnswers() }), 409, 'survey_token_used');
    await expectError(await t.app.request(`/v1/surveys/lijw/responses/draft?token=${token}`), 409, 'survey_token_used');
    await expectError(await t.app.request('/v1/surveys/lijw/responses/draft', put({ token, answers: {} })), 409, 'survey_token_used');
    await expectError(await t.app.request('/v1/surveys/lijw/responses/draft?token=not-a-token'), 404, 'link_invalid');
  });

  it('takes exactly one of 20 concurrent submissions of one token', async () => {
    const [token] = await tokensFor(t.db, editionId, 1);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => submit({ token, answers: completeAnswers(((i % 5) + 1) as 1) })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await t.db.selectFrom('survey_response').selectAll().execute()).toHaveLength(1);
  });

  it('tells a used, expired or revoked invitation, and a closed or not yet open edition, apart', async () => {
    const [expired] = await tokensFor(t.db, editionId, 1, 'ngo', -1);
    await expectError(await t.app.request(`/v1/surveys/lijw/responses/draft?token=${expired}`), 410, 'survey_token_expired');
    const { editionId: closedId } = await surveyEdition(t.db, { slug: '2025', opensInDays: -60, days: 30 });
    const [late] = await tokensFor(t.db, closedId, 1);
    await expectError(await t.app.request(`/v1/surveys/lijw/responses/draft?token=${late}`), 409, 'survey_closed');
    await expectError(await submit({ token: late, answers: completeAnswers() }), 409, 'survey_closed');
    const { editionId: plannedId } = await surveyEdition(t.db, { slug: '2027', opensInDays: 10 });
    const [early] = await tokensFor(t.db, plannedId, 1);
    await expectError(await submit({ token: early, answers: completeAnswers() }), 409, 'survey_not_open');
    const [revoked] = await tokensFor(t.db, editionId, 1);
    await t.db.updateTable('survey_token_batch').set({ revoked_at: new Date().toISOString() }).where('id', '=', (await t.db.selectFrom('survey_token').select('batch_id').where('token_hash', '=', sha256(revoked!)).executeTakeFirstOrThrow()).batch_id).execute();
    await expectError(await submit({ token: revoked, answers: completeAnswers() }), 404, 'link_invalid');
    await expectError(await submit({ answers: completeAnswers() }), 422, 'validation_failed');
  });

  it('takes answers through an open link only with the anti-abuse fields, and has no draft there', async () => {
    const key = 'open-link-key-for-officials-0123456789';
    await insertOpenLink(t.db, editionId, 'official', sha256(key), null);
    const start = (await (await t.app.request(`/v1/surveys/lijw/responses/draft?link=${key}`)).json()) as DraftState;
    expect(start).toMatchObject({ group: 'official', resumable: false, answers: {} });
    const answers = { ...completeAnswers(), a_cooperated: 'yes' };
    await expectError(await submit({ link: key, answers }), 422, 'validation_failed');
    const res = await submit({ link: key, answers, abuse: await solvedAbuse(t.app) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ group: 'official' });
    await expectError(await t.app.request('/v1/surveys/lijw/responses/draft?link=nope'), 404, 'link_invalid');
  });

  it('stores a response and its Idempotency-Key together, so a retry never answers twice', async () => {
    const key = 'open-link-key-for-retries-0123456789ab';
    await insertOpenLink(t.db, editionId, 'ngo', sha256(key), null);
    const count = async () => Number((await t.db.selectFrom('survey_response').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    await expectWrittenOnce(t, { path: '/v1/surveys/lijw/responses', status: 201, count, body: async () => ({ lang: 'pl', link: key, answers: completeAnswers(), abuse: await solvedAbuse(t.app) }) });
  });

  it('serves results only once published, only the published columns, and never a cell under 5', async () => {
    await expectError(await t.app.request('/v1/surveys/lijw/editions/2026/results'), 404, 'survey_results_unpublished');
    const tokens = await tokensFor(t.db, editionId, 8);
    const official = await tokensFor(t.db, editionId, 2, 'official');
    for (const [i, token] of tokens.entries()) expect((await submit({ token, answers: completeAnswers(((i % 2) + 3) as 3) })).status).toBe(201);
    for (const token of official) expect((await submit({ token, answers: { ...completeAnswers(5), a_cooperated: 'no' } })).status).toBe(201);
    await updatePublication(t.db, editionId, { ...DEFAULT_PUBLICATION, columns: ['all', 'ngo', 'official'], items: false }, { at: new Date().toISOString(), indicators: '[]' });

    const r = (await (await t.app.request('/v1/surveys/lijw/editions/2026/results?lang=en')).json()) as Results;
    expect(r.columns).toEqual(['ngo', 'official', 'all']);
    expect(r.respondents).toEqual({ ngo: 8, official: null, all: 10 });
    expect(r.items).toBeNull();
    const b = r.sections.find((s) => s.id === 'b')!;
    expect(b.cells.official).toEqual({ n: null, score: null, suppressed: 'few' });
    // With the total shown, the NGOs' cell would give the officials away (10·all − 8·ngo), so it is hidden too.
    expect(b.cells.ngo).toMatchObject({ score: null, suppressed: 'complementary' });
    expect(b.cells.all!.n).toBe(10);
    expect(b.cells.all!.score).toBeGreaterThan(50);
    expect(Object.keys(b.cells)).toEqual(['ngo', 'official', 'all']);
    expect(r.gap).toMatchObject({ a: 'ngo', b: 'official', index: null, items: [] });
    expect(r.trend!.map((p) => p.edition)).toEqual(['2026']);
    expect(r.indicators).toEqual([]);
    expect(JSON.stringify(r)).not.toMatch(/"score":100/);
  });

  it('keeps nothing that joins a stored answer to its token (schema, rows and their order)', async () => {
    const tokens = await tokensFor(t.db, editionId, 12);
    const submitted: string[] = [];
    for (const [i, token] of tokens.entries()) {
      await t.app.request('/v1/surveys/lijw/responses/draft', put({ token, answers: { overall_rating: ((i % 5) + 1) as 1 } }));
      expect((await submit({ token, answers: { ...completeAnswers(((i % 5) + 1) as 1), r_comment: `odpowiedź ${i}` } })).status).toBe(201);
      submitted.push(`odpowiedź ${i}`);
    }
    // The schema: a response has its edition, group and answers, under a random id; nothing else.
    const columns = async (table: string) =>
      dialect === 'sqlite'
        ? (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(t.db)).rows.map((r) => r.name).sort()
        : (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(t.db)).rows.map((r) => r.name).sort();
    expect(await columns('survey_response')).toEqual(['answers', 'edition_id', 'id', 'respondent_group']);
    expect(await columns('survey_token')).toEqual(['batch_id', 'edition_id', 'respondent_group', 'token_hash', 'used']);
    expect(await columns('survey_draft')).toEqual(['edition_id', 'payload', 'token_hash']);

    const rows = await t.db.selectFrom('survey_response').selectAll().execute();
    const tokenRows = await t.db.selectFrom('survey_token').selectAll().execute();
    expect(rows).toHaveLength(12);
    expect(tokenRows.every((r) => r.used === 1)).toBe(true);
    expect(await t.db.selectFrom('survey_draft').selectAll().execute()).toEqual([]);
    // No value of a response row is a token, its hash or its batch; the ids are random v4 UUIDs.
    const secrets = [...tokens, ...tokenRows.map((r) => r.token_hash), ...tokenRows.map((r) => r.batch_id)];
    for (const r of rows) {
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      for (const s of secrets) expect(JSON.stringify(r)).not.toContain(s);
    }
    // Order: a plain scan returns rows in id order, i.e. random, never in the order of submission.
    const scanned = rows.map((r) => (JSON.parse(r.answers) as { r_comment: string }).r_comment);
    expect([...rows].map((r) => r.id)).toEqual([...rows].map((r) => r.id).sort());
    expect(scanned).not.toEqual(submitted);
    expect(Object.keys(JSON.parse(rows[0]!.answers) as object)[0]).toBe('overall_rating'); // instrument order, not answering order
    if (dialect === 'sqlite') {
      // WITHOUT ROWID: there is no hidden insertion counter to sort by.
      await expect(sql`select rowid from survey_response`.execute(t.db)).rejects.toThrow(/rowid/);
      await expect(sql`select rowid from survey_token`.execute(t.db)).rejects.toThrow(/rowid/);
    } else {
      // Every response carries the same writing transaction id, and heap order follows the ids.
      const sys = (await sql<{ id: string; xmin: string; ctid: string }>`select id, xmin::text as xmin, ctid::text as ctid from survey_response`.execute(t.db)).rows;
      expect(new Set(sys.map((r) => r.xmin)).size).toBe(1);
      const byCtid = [...sys].sort((a, b) => { const [pa, ia] = a.ctid.slice(1, -1).split(',').map(Number); const [pb, ib] = b.ctid.slice(1, -1).split(',').map(Number); return pa! - pb! || ia! - ib!; });
      expect(byCtid.map((r) => r.id)).toEqual(sys.map((r) => r.id).sort());
      const tokenXmins = (await sql<{ xmin: string }>`select xmin::text as xmin from survey_token`.execute(t.db)).rows.map((r) => r.xmin);
      // Only the last submission's token shares the responses' transaction: and so do all the responses.
      expect(tokenXmins.filter((x) => x === sys[0]!.xmin)).toHaveLength(1);
    }
  });
});
