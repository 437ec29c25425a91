/**
 * Durability (issue 15, item 4): a real server process (scripts/instance.ts) takes concurrent
 * writes from every module — map submissions, remarks, staff answers to remarks, survey responses,
 * event registrations, confirmations and cancellations, advice requests and the residents'
 * replies, guide feedback — and is killed with SIGKILL at random moments, then restarted. Every
 * write carries an Idempotency-Key; one whose answer was lost to the kill is sent again, byte for
 * byte, after the restart. At the end:
 * - every acknowledged write is present exactly once, and no write is present twice;
 * - the event's places are never overbooked; advice case numbers are distinct and consecutive;
 * - SQLite's `PRAGMA integrity_check` (and `foreign_key_check`) pass; on PostgreSQL (the app is
 *   killed, not the database) the same checks of the data, and the foreign keys hold by constraint.
 *
 * Short by default (3 kills per dialect); `DURABILITY_LONG=1` for 25 kills and longer write bursts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { EventInput } from '../../common/events.schema.js';
import { utcToWarsawLocal } from '../../common/time.js';
import { migrateToLatest, openDatabase } from '../../api/db/database.js';
import type { Database } from '../../api/db/schema.js';
import { insertStaff } from '../../api/admin/staff.repository.js';
import { insertConsultation } from '../../api/consultations/consultations.repository.js';
import { consultationInput, remarkBody } from '../../api/consultations/consultations.testing.js';
import { splitDocument } from '../../common/consultations.document.js';
import { insertEvent } from '../../api/events/events.repository.js';
import { requestBody } from '../../api/advice/advice.testing.js';
import { organisationInput } from '../../api/map/map.testing.js';
import { completeAnswers } from '../../api/surveys/surveys.testing.js';
import { seedsOf } from '../../api/core/module.js';
import { MODULES } from '../../api/modules.js';
import { runSeeds } from '../../api/seed.js';
import { freePort, spawnServer, type ServerProcess } from '../../scripts/server-process.js';
import { abuseFrom, freshClient, freshPostgresDatabase, instanceEnv, send } from '../instances/kit.js';

const LONG = process.env.DURABILITY_LONG === '1';
const KILLS = LONG ? 25 : 3;
const WRITERS = LONG ? 8 : 6;
const CAPACITY = 5;
const PASSWORD = 'correct horse battery staple';
const DAY = 86_400_000;

type Kind = 'map' | 'remark' | 'answer' | 'survey' | 'register' | 'confirm' | 'cancel' | 'advice' | 'reply' | 'guide';

interface Write {
  kind: Kind;
  key: string;
  method: string;
  path: string;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  from: string;
  /** What identifies the stored row: an e-mail address, or a text only this write holds. */
  marker: string;
  /** 'acked': a 2xx came back; 'lost': the kill took the answer; 'refused': a 4xx (not an error of durability). */
  outcome: 'acked' | 'lost' | 'refused';
  status?: number;
  answer?: any;
}

let counter = 0;
const unique = () => `d${Date.now().toString(36)}${(++counter).toString(36)}`;

/** The newest secret link value of `param` (or any token-like parameter) in the outbox for `to`. */
async function tokenIn(db: Kysely<Database>, to: string, template: string, param?: string): Promise<string | undefined> {
  const mails = await db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', to.toLowerCase()).where('template', '=', template).execute();
  for (const m of mails) {
    for (const u of m.body_text.match(/https?:\/\/\S+/g) ?? []) {
      const url = new URL(u);
      const v = param ? url.searchParams.get(param) : [...url.searchParams.values()].find((x) => /^[\w-]{32,}$/.test(x));
      if (v) return v;
    }
  }
  return undefined;
}

function durabilitySuite(dialect: 'sqlite' | 'postgres') {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  }, 60_000);

  it(`keeps every acknowledged write of every module through ${KILLS} kill -9s, with no duplicate and no broken invariant`, async () => {
    let url: string;
    if (dialect === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'ngo-durability-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      url = `sqlite:${join(dir, 'ngo.db')}`;
    } else {
      const pg = await freshPostgresDatabase();
      cleanups.push(() => pg.drop());
      url = pg.url;
    }

    // The data the writes need: the demo seeds, an open consultation, an event with 5 places, a moderator.
    const setup = openDatabase(url, { poolSize: 2 });
    await migrateToLatest(setup.db);
    await runSeeds(setup.db, seedsOf(MODULES));
    const consultationId = await insertConsultation(setup.db, consultationInput({ title: 'Konsultacje odporne na awarie', moderation: 'post' }), splitDocument(consultationInput().document), { createdBy: null });
    const start = Math.floor((Date.now() + 5 * DAY) / 60_000) * 60_000;
    const local = (ms: number) => utcToWarsawLocal(new Date(ms).toISOString());
    const eventId = await insertEvent(setup.db, EventInput.parse({
      title: 'Warsztaty odporne na awarie', type: 'meeting', start: local(start), end: local(start + 2 * 3600_000),
      organiser: { name: 'Fundacja Łączka' }, venue: { name: 'Centrum Obywatelskie', district: 1 }, registrationMode: 'event', registration: { capacity: CAPACITY },
    }));
    const staffEmail = `moderator.${unique()}@staff.example.org`;
    await insertStaff(setup.db, { email: staffEmail, name: 'Moderator', role: 'moderator', district: null, password: PASSWORD });
    const guideSlug = (await setup.db.selectFrom('guide_article').select('slug').executeTakeFirstOrThrow()).slug;
    const db = setup.db;
    cleanups.push(() => setup.close());

    const port = await freePort();
    const env = instanceEnv(url, { PORT: String(port), MAIL_INTERVAL_MS: '60000' });
    const origin = `http://localhost:${port}`;
    let server: ServerProcess = await spawnServer(env, { script: 'instance', timeoutMs: 120_000 });
    cleanups.push(() => server.stop());

    const signIn = await send(origin, '/v1/admin/session', { body: { email: staffEmail, password: PASSWORD }, from: freshClient() });
    expect(signIn.status).toBe(200);
    const staffHeaders = { cookie: String(signIn.headers['set-cookie']![0]!.split(';')[0]), 'x-csrf-token': signIn.json().csrfToken as string };

    const writes: Write[] = [];
    const acked = (kind: Kind) => writes.filter((w) => w.kind === kind && w.outcome === 'acked');
    const used = new Set<string>();

    /** The next write of `kind`, or null when there is nothing for it to act on yet. */
    async function next(kind: Kind): Promise<Omit<Write, 'outcome'> | null> {
      const from = freshClient();
      const id = unique();
      const email = `${id}@durability.example.org`;
      const anon = async (path: string, body: Record<string, unknown>, marker: string) => ({ kind, key: `k-${id}`, method: 'POST', path, body: { ...body, abuse: await abuseFrom(origin, from) }, headers: {}, from, marker });
      switch (kind) {
        case 'map':
          return anon('/v1/map/submissions', { type: 'create', organisation: organisationInput({ name: `Stowarzyszenie Trwałe ${id}` }), contact: { name: 'Anna Nowak', email }, consent: true, lang: 'pl' }, email);
        case 'remark':
          return anon(`/v1/consultations/${consultationId}/remarks`, remarkBody({ contact: { name: 'Osoba', email } }), email);
        case 'survey':
          return anon('/v1/surveys/lijw/responses', { link: 'demo-ngo', answers: { ...completeAnswers(), r_comment: `Komentarz ${id}` }, lang: 'pl' }, `Komentarz ${id}`);
        case 'register':
          return anon(`/v1/events/${eventId}/registrations`, { contact: { name: 'Uczestniczka', email }, consent: true, lang: 'pl' }, email);
        case 'advice':
          return anon('/v1/advice/requests', requestBody({ contact: { name: 'Osoba Kontaktowa', email } }), email);
        case 'guide':
          return anon(`/v1/guide/articles/${guideSlug}/feedback`, { helpful: false, comment: `Uwaga do poradnika ${id}`, lang: 'pl' }, `Uwaga do poradnika ${id}`);
        case 'answer': {
          const remark = acked('remark').find((w) => !used.has(`answer:${w.answer?.id}`) && w.answer?.id);
          if (!remark) return null;
          used.add(`answer:${remark.answer.id}`);
          const marker = `Odpowiedź urzędu ${id}`;
          return { kind, key: `k-${id}`, method: 'PUT', path: `/v1/admin/consultations/remarks/${remark.answer.id}/response`, body: { decision: 'accepted', response: marker }, headers: staffHeaders, from, marker };
        }
        case 'confirm':
        case 'cancel': {
          const template = kind === 'confirm' ? 'events.confirm-registration' : 'events.registered';
          for (const r of acked('register')) {
            if (used.has(`${kind}:${r.marker}`)) continue;
            const token = await tokenIn(db, r.marker, template, kind === 'confirm' ? 'confirm' : 'manage');
            if (!token) continue;
            used.add(`${kind}:${r.marker}`);
            const path = kind === 'confirm' ? '/v1/events/registrations/confirm' : '/v1/events/registrations/manage/cancel';
            return { kind, key: `k-${id}`, method: 'POST', path, body: { token }, headers: {}, from, marker: r.marker };
          }
          return null;
        }
        case 'reply': {
          for (const r of acked('advice')) {
            if (used.has(`reply:${r.marker}`)) continue;
            const token = await tokenIn(db, r.marker, 'advice.received');
            if (!token) continue;
            used.add(`reply:${r.marker}`);
            const marker = `Dopowiedzenie ${id}`;
            return { kind, key: `k-${id}`, method: 'POST', path: '/v1/advice/status/replies', body: { token, body: marker }, headers: {}, from, marker };
          }
          return null;
        }
      }
    }

    const KINDS: Kind[] = ['map', 'remark', 'answer', 'survey', 'register', 'confirm', 'cancel', 'advice', 'reply', 'guide'];
    let inFlight = 0;
    const sendWrite = async (w: Omit<Write, 'outcome'>): Promise<Write> => {
      inFlight++;
      try {
        const headers: Record<string, string> = { ...w.headers };
        if (w.method === 'POST') headers['idempotency-key'] = w.key;
        const r = await send(origin, w.path, { method: w.method, body: w.body, headers, from: w.from, timeoutMs: 20_000 });
        if (r.status >= 500) return { ...w, outcome: 'lost', status: r.status };
        return { ...w, outcome: r.status < 300 ? 'acked' : 'refused', status: r.status, answer: r.text ? r.json() : null };
      } catch {
        return { ...w, outcome: 'lost' };
      } finally {
        inFlight--;
      }
    };

    let kills = 0;
    const retried: Write[] = [];
    for (let cycle = 0; cycle <= KILLS; cycle++) {
      // Retry, byte for byte, every write whose answer a kill took.
      for (const [i, w] of writes.entries()) {
        if (w.outcome !== 'lost') continue;
        const again = await sendWrite(w);
        retried.push(again);
        writes[i] = again.outcome === 'lost' ? { ...w, outcome: 'refused', status: again.status } : again;
      }
      if (cycle === KILLS) break;
      // Concurrent writers until the kill, which comes at a random moment once writes are flowing.
      let stop = false;
      let done = 0;
      const writers = Array.from({ length: WRITERS }, async (_, n) => {
        for (let i = n; !stop; i++) {
          const w = await next(KINDS[(i + cycle) % KINDS.length]!).catch(() => null);
          if (stop) break;
          if (w) {
            writes.push(await sendWrite(w));
            done++;
          } else await new Promise((r) => setTimeout(r, 20));
        }
      });
      // Once every kind has had its turn in this cycle (however loaded the machine), a random
      // moment, and then the first one at which a write is on the wire.
      while (done < KINDS.length) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, (LONG ? 1500 : 300) + Math.random() * (LONG ? 4000 : 1000)));
      while (inFlight === 0) await new Promise((r) => setImmediate(r));
      await server.kill();
      kills++;
      stop = true;
      await Promise.all(writers);
      server = await spawnServer(env, { script: 'instance', timeoutMs: 120_000 });
    }
    await server.stop();

    // Every acknowledged write once; every write at most once.
    const count = async (w: Write): Promise<number> => {
      const n = async (q: { execute(): Promise<unknown[]> }) => (await q.execute()).length;
      switch (w.kind) {
        case 'map': return n(db.selectFrom('organisation_submission').select('id').where('submitter_email', '=', w.marker));
        case 'remark': return n(db.selectFrom('consultation_remark').select('id').where('contact_email', '=', w.marker));
        case 'answer': return n(db.selectFrom('consultation_remark').select('id').where('response', '=', w.marker));
        case 'survey': return n(db.selectFrom('survey_response').select('id').where('answers', 'like', `%${w.marker}%`));
        case 'register': return n(db.selectFrom('event_registration').select('id').where('email', '=', w.marker));
        case 'confirm': return n(db.selectFrom('event_registration').select('id').where('email', '=', w.marker).where('status', 'in', ['confirmed', 'waiting', 'cancelled', 'offered']));
        case 'cancel': return n(db.selectFrom('event_registration').select('id').where('email', '=', w.marker).where('status', '=', 'cancelled'));
        case 'advice': return n(db.selectFrom('advice_case').select('id').where('contact_email', '=', w.marker));
        case 'reply': return n(db.selectFrom('advice_message').select('id').where('body', '=', w.marker));
        case 'guide': return n(db.selectFrom('guide_feedback').select('id').where('comment', '=', w.marker));
      }
    };
    const lost: string[] = [];
    const doubled: string[] = [];
    for (const w of writes) {
      const c = await count(w);
      if (w.outcome === 'acked' && c !== 1) lost.push(`${w.kind} ${w.marker}: ${c} rows`);
      if (c > 1) doubled.push(`${w.kind} ${w.marker}: ${c} rows`);
    }
    const refused = writes.filter((w) => w.outcome === 'refused').map((w) => `${w.kind} ${w.status} ${JSON.stringify(w.answer?.error?.code ?? '')}`);
    if (refused.length) console.log(`[durability ${dialect}] refused: ${refused.join('; ')}`);
    const byKind = Object.fromEntries(KINDS.map((k) => [k, acked(k).length]));
    console.log(`[durability ${dialect}] ${kills} kills, ${writes.length} writes, ${writes.filter((w) => w.outcome === 'acked').length} acknowledged (${JSON.stringify(byKind)}), ${retried.length} retried after a kill, ${retried.filter((w) => w.answer && w.status! < 300).length} of them answered 2xx, lost ${lost.length}, doubled ${doubled.length}`);
    expect(kills).toBe(KILLS);
    expect(lost).toEqual([]);
    expect(doubled).toEqual([]);
    for (const k of ['map', 'remark', 'survey', 'register', 'advice', 'guide'] as Kind[]) expect(acked(k).length, `acknowledged ${k} writes`).toBeGreaterThan(0);

    // The event's places: never more confirmed than its capacity.
    const confirmed = await db.selectFrom('event_registration').select('id').where('event_id', '=', eventId).where('status', '=', 'confirmed').execute();
    expect(confirmed.length).toBeLessThanOrEqual(CAPACITY);
    // Advice case numbers: distinct, consecutive, no gap left by a killed transaction.
    const seqs = (await db.selectFrom('advice_case').select(['year', 'seq']).execute()).filter((r) => r.year === new Date().getFullYear()).map((r) => r.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
    expect(seqs[0]).toBe(1);

    if (dialect === 'sqlite') {
      expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows).toEqual([{ integrity_check: 'ok' }]);
      expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
    } else {
      // Constraints hold by construction on PostgreSQL; check that none was left invalid or unvalidated.
      const invalid = await sql<{ conname: string }>`select conname from pg_constraint where connamespace = current_schema()::regnamespace and not convalidated`.execute(db);
      expect(invalid.rows).toEqual([]);
    }
  }, LONG ? 3_600_000 : 600_000);
}

describe('durability under kill -9 (SQLite)', () => durabilitySuite('sqlite'));
if (process.env.TEST_DATABASE_URL) describe('durability under kill -9 (PostgreSQL, the app killed)', () => durabilitySuite('postgres'));
