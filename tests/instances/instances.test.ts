/**
 * Several instances (issue 15, item 3): three real server processes on one PostgreSQL database,
 * behind a round-robin balancer started here. Each simulated client speaks from an address of its
 * own (127.x.y.z), which the balancer appends to X-Forwarded-For, as a real proxy does.
 *
 * Several instances share one database only on PostgreSQL (SQLite is one process's file), so this
 * suite runs when `TEST_DATABASE_URL` is set, as `.ci/run` sets it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { splitDocument } from '../../common/consultations.document.js';
import { EventInput } from '../../common/events.schema.js';
import { utcToWarsawLocal } from '../../common/time.js';
import { openDatabase, type DatabaseHandle } from '../../api/db/database.js';
import type { Database } from '../../api/db/schema.js';
import { insertStaff } from '../../api/admin/staff.repository.js';
import { insertConsultation } from '../../api/consultations/consultations.repository.js';
import { consultationInput, remarkBody } from '../../api/consultations/consultations.testing.js';
import { insertEvent } from '../../api/events/events.repository.js';
import { requestBody } from '../../api/advice/advice.testing.js';
import { seedAdviceDemo } from '../../api/advice/advice.seed.js';
import type { ServerProcess } from '../../scripts/server-process.js';
import { abuseFrom, eventually, freshClient, freshPostgresDatabase, instanceEnv, send, startBalancer, startInstances, startSmtp, type Balancer } from './kit.js';

const PASSWORD = 'correct horse battery staple';
const DAY = 86_400_000;

/** The newest secret link in the outbox for `to` (the test reads the shared database, as any instance's worker would). */
async function linkIn(db: Kysely<Database>, to: string, param: string): Promise<string> {
  const mail = await db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', to.toLowerCase()).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const url = mail.body_text.match(/https?:\/\/\S+/g)!.map((u) => new URL(u)).find((u) => u.searchParams.get(param));
  expect(url, `a ${param} link in the mail to ${to}`).toBeDefined();
  return url!.searchParams.get(param)!;
}

if (process.env.TEST_DATABASE_URL) describe('several instances on one PostgreSQL database', () => {
  let database: { url: string; drop(): Promise<void> };
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let instances: ServerProcess[];
  let lb: Balancer;
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  const at = (i: number) => instances[i]!.origin;

  beforeAll(async () => {
    database = await freshPostgresDatabase();
    smtp = await startSmtp();
    // Every instance runs its mail worker every 200 ms: they race for the same outbox rows.
    instances = await startInstances(3, instanceEnv(database.url, { SMTP_URL: smtp.url, MAIL_INTERVAL_MS: '200' }));
    lb = await startBalancer(instances.map((s) => s.origin));
    handle = openDatabase(database.url, { poolSize: 3 });
    db = handle.db;
  }, 180_000);

  afterAll(async () => {
    await lb?.close();
    await Promise.all((instances ?? []).map((s) => s.stop()));
    await handle?.close();
    await smtp?.close();
    await database?.drop();
  }, 60_000);

  it('serves one migrated database from every instance, through the balancer in turn', async () => {
    const before = [...lb.counts];
    for (let i = 0; i < 6; i++) expect((await send(lb.origin, '/healthz')).status).toBe(200);
    expect(lb.counts.map((c, i) => c - before[i]!)).toEqual([2, 2, 2]);
  });

  it('accepts a staff session made on one instance on the others, and a sign-out on one ends it on all', async () => {
    const email = 'moderator.instances@staff.example.org';
    await insertStaff(db, { email, name: 'Moderator', role: 'moderator', district: null, password: PASSWORD });
    const signIn = await send(at(0), '/v1/admin/session', { body: { email, password: PASSWORD }, from: freshClient() });
    expect(signIn.status).toBe(200);
    const cookie = String(signIn.headers['set-cookie']![0]!.split(';')[0]);
    const csrf = signIn.json<{ csrfToken: string }>().csrfToken;
    for (const i of [1, 2]) {
      const me = await send(at(i), '/v1/admin/session', { headers: { cookie } });
      expect(me.status, `session on instance ${i}`).toBe(200);
      expect(me.json()).toMatchObject({ staff: { email }, csrfToken: csrf });
    }
    expect((await send(at(2), '/v1/admin/session', { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf } })).status).toBe(204);
    for (const i of [0, 1, 2]) expect((await send(at(i), '/v1/admin/session', { headers: { cookie } })).status, `after sign-out, instance ${i}`).toBe(401);
  });

  it('holds an anonymous write limit across instances, spends a proof of work once on all of them, and stores an idempotent retry to another instance once', async () => {
    const c = await insertConsultation(db, consultationInput({ title: 'Konsultacje na trzech instancjach' }), splitDocument(consultationInput().document), { createdBy: null });
    const client = freshClient();
    // 24 remarks from one client through the balancer (8 on each instance): the limit is 20 an hour in all.
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) {
      const abuse = await abuseFrom(lb.origin, client);
      statuses.push((await send(lb.origin, `/v1/consultations/${c}/remarks`, { body: { ...remarkBody(), abuse }, from: client })).status);
    }
    expect(statuses.filter((s) => s === 201 || s === 202)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429]);
    expect(await db.selectFrom('consultation_remark').select('id').where('consultation_id', '=', c).execute()).toHaveLength(20);

    // One solved challenge, issued by instance 0, used on instance 1, replayed on 2 and on 0.
    const abuse = await abuseFrom(at(0));
    const first = await send(at(1), `/v1/consultations/${c}/remarks`, { body: { ...remarkBody(), abuse }, from: freshClient() });
    expect(first.status).toBeLessThan(300);
    for (const i of [2, 0]) {
      const replay = await send(at(i), `/v1/consultations/${c}/remarks`, { body: { ...remarkBody(), abuse }, from: freshClient() });
      expect({ status: replay.status, code: replay.json().error.code }, `replay on instance ${i}`).toEqual({ status: 422, code: 'challenge_failed' });
    }

    // The same Idempotency-Key on three instances: one remark, the same answer replayed.
    const key = `retry-${Date.now()}`;
    const body = { ...remarkBody({ justification: 'Uwaga wysłana raz, ponowiona na innych instancjach.' }), abuse: await abuseFrom(at(2)) };
    const from = freshClient();
    const answers = [];
    for (const i of [0, 1, 2]) answers.push(await send(at(i), `/v1/consultations/${c}/remarks`, { body, from, headers: { 'idempotency-key': key } }));
    expect(answers.map((a) => a.status)).toEqual([answers[0]!.status, answers[0]!.status, answers[0]!.status]);
    expect(answers[0]!.status).toBeLessThan(300);
    expect(answers.map((a) => a.headers['idempotent-replayed'])).toEqual([undefined, 'true', 'true']);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await db.selectFrom('consultation_remark').select('id').where('justification', '=', body.justification).execute()).toHaveLength(1);
  }, 120_000);

  it('shows a write through one instance in the others\' cached reads at once, and in a staff export made on another', async () => {
    const c = await insertConsultation(db, consultationInput({ title: 'Odczyty z pamięci podręcznej', moderation: 'post' }), splitDocument(consultationInput().document), { createdBy: null });
    const path = `/v1/consultations/${c}/remarks`;
    // Warm instance 1's body cache and keep its ETag.
    const cold = await send(at(1), path);
    expect(cold.status).toBe(200);
    const maxAge = Number(/max-age=(\d+)/.exec(String(cold.headers['cache-control']))?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect((await send(at(1), path)).text).toBe(cold.text);
    const etag = String(cold.headers.etag);
    expect((await send(at(1), path, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const written = Date.now();
    const justification = 'Uwaga zapisana przez instancję zerową.';
    const posted = await send(at(0), path, { body: { ...remarkBody({ justification }), abuse: await abuseFrom(at(0)) }, from: freshClient() });
    expect(posted.status).toBeLessThan(300);
    // Instances 1 and 2 answer with the new remark well within max-age, and the old ETag is no longer current.
    for (const i of [1, 2]) {
      const seen = await eventually(async () => {
        const r = await send(at(i), path);
        return r.text.includes(justification) ? r : undefined;
      }, maxAge * 1000, `the remark on instance ${i}`);
      expect(seen.status).toBe(200);
    }
    expect(Date.now() - written).toBeLessThan(maxAge * 1000);
    expect((await send(at(1), path, { headers: { 'if-none-match': etag } })).status).toBe(200);

    // A staff member signed in on instance 2 exports the remarks on instance 1: the new one is there.
    const email = 'editor.instances@staff.example.org';
    await insertStaff(db, { email, name: 'Editor', role: 'editor', district: null, password: PASSWORD });
    const signIn = await send(at(2), '/v1/admin/session', { body: { email, password: PASSWORD }, from: freshClient() });
    const cookie = String(signIn.headers['set-cookie']![0]!.split(';')[0]);
    const csv = await send(at(1), `/v1/admin/consultations/${c}/remarks/export?format=csv`, { headers: { cookie } });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(justification);
  });

  it('confirms a mailed secret link on another instance once, and the outbox sends every mail exactly once', async () => {
    const c = await insertConsultation(db, consultationInput({ title: 'Potwierdzenia na instancjach', requireConfirmation: true }), splitDocument(consultationInput().document), { createdBy: null });
    const emails = Array.from({ length: 12 }, (_, i) => `instances.confirm.${i}.${Date.now()}@private.example.org`);
    for (const email of emails) {
      const client = freshClient();
      const r = await send(lb.origin, `/v1/consultations/${c}/remarks`, { body: { ...remarkBody({ contact: { name: 'Osoba', email } }), abuse: await abuseFrom(lb.origin, client) }, from: client });
      expect(r.status).toBeLessThan(300);
    }
    // Each confirmation link, sent from whichever instance's worker claimed it, opens on another instance, once.
    for (const [n, email] of emails.entries()) {
      const token = await linkIn(db, email, 'confirm');
      const ok = await send(at(n % 3), '/v1/consultations/remarks/confirm', { body: { token }, from: freshClient() });
      expect(ok.status).toBe(200);
      const again = await send(at((n + 1) % 3), '/v1/consultations/remarks/confirm', { body: { token }, from: freshClient() });
      expect(again.status, `a second use of ${email}'s link`).toBeGreaterThanOrEqual(400);
    }

    // Three workers poll every 200 ms: wait until the outbox is drained, then count deliveries.
    await eventually(async () => {
      const left = await db.selectFrom('mail_outbox').select('id').where('status', 'not in', ['sent', 'logged', 'failed']).execute();
      return left.length === 0 ? true : undefined;
    }, 30_000, 'the outbox drained');
    await new Promise((r) => setTimeout(r, 600)); // a double send would arrive within a few polls
    const outbox = await db.selectFrom('mail_outbox').select(['id', 'to_address', 'status']).execute();
    expect(outbox.every((m) => m.status === 'sent')).toBe(true);
    const perRecipient = new Map<string, number>();
    for (const m of smtp.received) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    const expected = new Map<string, number>();
    for (const m of outbox) expected.set(m.to_address, (expected.get(m.to_address) ?? 0) + 1);
    expect(smtp.received).toHaveLength(outbox.length);
    expect(Object.fromEntries(perRecipient)).toEqual(Object.fromEntries(expected));
    for (const email of emails) expect(perRecipient.get(email), email).toBe(1);
  }, 120_000);

  it('holds an event\'s capacity and the advice case numbers when writes come through every instance at once', async () => {
    const start = Math.floor((Date.now() + 5 * DAY) / 60_000) * 60_000;
    const local = (ms: number) => utcToWarsawLocal(new Date(ms).toISOString());
    const eventId = await insertEvent(db, EventInput.parse({
      title: 'Warsztaty: 8 miejsc', type: 'meeting', start: local(start), end: local(start + 2 * 3600_000),
      organiser: { name: 'Fundacja Łączka' }, venue: { name: 'Centrum Obywatelskie', district: 1 },
      registrationMode: 'event', registration: { capacity: 8 },
    }));
    const people = Array.from({ length: 24 }, (_, i) => `instances.place.${i}.${Date.now()}@private.example.org`);
    const registered = await Promise.all(people.map(async (email) => {
      const client = freshClient();
      const abuse = await abuseFrom(lb.origin, client);
      return send(lb.origin, `/v1/events/${eventId}/registrations`, { body: { contact: { name: 'Uczestniczka', email }, consent: true, lang: 'pl', abuse }, from: client });
    }));
    expect(registered.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
    const tokens = await Promise.all(people.map((email) => linkIn(db, email, 'confirm')));
    const confirmed = await Promise.all(tokens.map((token) => send(lb.origin, '/v1/events/registrations/confirm', { body: { token }, from: freshClient() })));
    const states = confirmed.map((r) => r.json<{ status: string }>().status);
    expect(states.filter((s) => s === 'confirmed')).toHaveLength(8);
    expect(states.filter((s) => s === 'waiting')).toHaveLength(16);

    await seedAdviceDemo(db);
    const cases = await Promise.all(Array.from({ length: 18 }, async () => {
      const client = freshClient();
      const r = await send(lb.origin, '/v1/advice/requests', { body: { ...requestBody(), abuse: await abuseFrom(lb.origin, client) }, from: client });
      expect(r.status).toBe(201);
      return Number(r.json<{ number: string }>().number.split('/')[2]);
    }));
    cases.sort((a, b) => a - b);
    expect(new Set(cases).size).toBe(18);
    expect(cases.at(-1)! - cases[0]!).toBe(17);
  }, 120_000);
});
