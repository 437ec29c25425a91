import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedAbuse } from '../api/core/abuse.testing.js';
import { dialects, freshIp, staffSession, testApp, type StaffSession, type TestApp } from '../api/testing.js';
import { deref, openApiDoc, operations, sample, urlOf, type JsonSchema, type Op, type OpenApiDoc } from './openapi.testing.js';

/**
 * Property-based fuzzing of every write endpoint (issue 8): hostile bodies, path and query values
 * generated from each operation's own schema (valid-looking values, each field mutated, wrong types,
 * missing and extra keys, control and bidi characters, very long strings), public writes mostly
 * with a solved proof of work so that they get past the anti-abuse guard. Properties: never a 5xx,
 * every error in the envelope, and no change of state by a rejected request.
 *
 * Runs per endpoint: 1,000 per public write and 200 per staff endpoint with `FUZZ_LONG=1`; a short
 * variant otherwise (CI). `FUZZ_REQUESTS=n` sets the runs per public write (staff endpoints get a
 * fifth). `FUZZ_MINUTES=m` keeps going after that first round, in further rounds with fresh seeds,
 * until m minutes have passed since the start. `FUZZ_SEED` replays a failure (of the first round).
 * The long variant prints progress to stderr every `FUZZ_PROGRESS` requests (default 500): sent,
 * 4xx, 5xx, rejected requests that changed state. The counts per endpoint are printed at the end.
 */
const LONG = process.env.FUZZ_LONG === '1';
const positive = (name: string): number | undefined => {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!(n > 0)) throw new Error(`${name} must be a positive number, not ${JSON.stringify(v)}`);
  return n;
};
const REQUESTS = positive('FUZZ_REQUESTS');
const RUNS = REQUESTS ? { public: Math.ceil(REQUESTS), staff: Math.max(1, Math.ceil(REQUESTS / 5)) } : { public: LONG ? 1000 : 25, staff: LONG ? 200 : 6 };
const MINUTES = positive('FUZZ_MINUTES');
const PROGRESS_EVERY = positive('FUZZ_PROGRESS') ?? (LONG || REQUESTS || MINUTES ? 500 : undefined);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const started = Date.now();
const timeout = (MINUTES ? MINUTES * 60_000 : 0) + (LONG || REQUESTS ? 3_600_000 : 300_000);

/** Tables a rejected request may touch: rate limits, spent challenges, sign-in throttling and its audit, idempotency. */
const BOOKKEEPING = new Set(['rate_limit', 'pow_spent', 'login_throttle', 'audit_log', 'idempotency_key', 'staff_session']);

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\u202egro.elpmaxe', '\u200b', '\ufeff', "'; drop table organisation; --", '<script>alert(1)</script>', '../../etc/passwd', '%00', '2027-02-30', '24:00', '0000-01-01', '1e309', '-0', ' ', ''),
  fc.string({ minLength: 300, maxLength: 5000 }),
);

/** An arbitrary for a JSON schema: mostly well-typed and near the rules, sometimes anything at all. */
function arb(doc: OpenApiDoc, schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = deref(doc, schema);
  const anything = fc.jsonValue({ maxDepth: 2 });
  if (!s || depth > 6) return anything;
  const typed = typedArb(doc, s, depth);
  return fc.oneof({ arbitrary: typed, weight: 8 }, { arbitrary: anything, weight: 1 }, { arbitrary: hostileString, weight: 1 });
}

function typedArb(doc: OpenApiDoc, s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.oneof(fc.constantFrom(...s.enum), hostileString);
  const alt: JsonSchema[] | undefined = s.anyOf ?? s.oneOf;
  if (alt) return fc.oneof(...alt.map((x) => arb(doc, x, depth + 1)));
  if (s.allOf) return fc.tuple(...s.allOf.map((x: JsonSchema) => typedArb(doc, deref(doc, x) ?? {}, depth + 1))).map((parts) => Object.assign({}, ...parts.filter((p) => p && typeof p === 'object')));
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      return fc.oneof(fc.constant(sample(doc, s)), fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 60) }), hostileString);
    case 'integer':
      return fc.oneof(fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 }), fc.integer(), fc.constantFrom(0, -1, 2 ** 53, 1e308));
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 }), fc.double(), fc.constantFrom(0, -1, 1e308));
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 1, null));
    case 'array':
      return fc.array(arb(doc, s.items, depth + 1), { maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'object':
    case undefined: {
      if (!s.properties) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
      const model = Object.fromEntries(Object.entries<JsonSchema>(s.properties).map(([k, v]) => [k, arb(doc, v, depth + 1)]));
      // Mostly every field (so one mutated field meets valid siblings), sometimes some left out, sometimes one extra.
      const full = fc.record(model);
      const partial = fc.record(model, { requiredKeys: [] });
      return fc.tuple(fc.oneof({ arbitrary: full, weight: 3 }, { arbitrary: partial, weight: 1 }), fc.option(fc.tuple(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 })), { freq: 5 })).map(([o, extra]) => (extra ? { ...o, [extra[0]]: extra[1] } : o));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const isStaff = (o: Op) => o.path.startsWith('/v1/admin') && o.path !== '/v1/admin/session';
const isPublicWrite = (o: Op) => !isStaff(o) && o.method !== 'GET';

const ran: Record<string, Record<string, number>> = {};

describe.each(dialects)('fuzzing every write endpoint on %s', (dialect) => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let admin: StaffSession;
  let tables: string[];
  beforeAll(async () => {
    t = await testApp(dialect);
    doc = await openApiDoc(t.app);
    admin = await staffSession(t, 'admin');
    tables = (await t.db.introspection.getTables()).map((x) => x.name).filter((n) => !BOOKKEEPING.has(n) && !n.startsWith('kysely_'));
    ran[dialect] = {};
  });
  afterAll(() => t.close());

  /** Row counts of every table a request may change, and the data versions. */
  async function state(): Promise<string> {
    const counts = await sql<{ t: string; n: number }>`${sql.join(tables.map((name) => sql`select ${name} as t, count(*) as n from ${sql.table(name)}`), sql` union all `)}`.execute(t.db);
    const versions = await t.db.selectFrom('app_setting').select(['key', 'value']).orderBy('key').execute();
    return JSON.stringify([counts.rows.map((r) => `${r.t}:${Number(r.n)}`).sort(), versions]);
  }

  const targets = () => operations(doc).filter((o) => (isStaff(o) || isPublicWrite(o)) && !(o.method === 'DELETE' && o.path === '/v1/admin/session'));

  it('never answers 5xx, always answers errors in the envelope, and rejected requests change nothing', async () => {
    const tally = { sent: 0, ok: 0, c4xx: 0, c5xx: 0, stateChanges: 0 };
    const progress = (now: string) =>
      process.stderr.write(`[fuzz] ${dialect} ${Math.round((Date.now() - started) / 1000)} s: ${tally.sent} sent, ${tally.ok} 2xx/3xx, ${tally.c4xx} 4xx, ${tally.c5xx} 5xx, ${tally.stateChanges} state changes; now ${now}\n`);
    for (let round = 0; round === 0 || (MINUTES && Date.now() - started < MINUTES * 60_000); round++)
    for (const o of targets()) {
      const left = MINUTES ? MINUTES * 60_000 - (Date.now() - started) : Infinity;
      if (round > 0 && left <= 0) break;
      const pathParams = (o.op.parameters ?? []).filter((p) => p.in === 'path');
      const queryParams = (o.op.parameters ?? []).filter((p) => p.in === 'query');
      const input = fc.record({
        params: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, fc.oneof(fc.constant(String(sample(doc, p.schema))), fc.string({ minLength: 1, maxLength: 70 }))]))),
        query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, fc.oneof(fc.constant(String(sample(doc, p.schema))), hostileString)])), { requiredKeys: [] }),
        body: o.body ? arb(doc, o.body) : fc.constant(undefined),
        solved: fc.boolean(),
      });
      const numRuns = isStaff(o) ? RUNS.staff : RUNS.public;
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(input, async ({ params, query, body, solved }) => {
          runs++;
          tally.sent++;
          if (PROGRESS_EVERY && tally.sent % PROGRESS_EVERY === 0) progress(`${o.method} ${o.path} (round ${round + 1})`);
          let sent = body;
          if (solved && sent && typeof sent === 'object' && !Array.isArray(sent) && o.body && deref(doc, o.body)?.properties?.abuse) sent = { ...sent, abuse: await solvedAbuse(t.app) };
          const url = urlOf(o, (name) => String(params[name] ?? 'x'), Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])));
          const before = await state();
          const res = await t.app.request(url, {
            method: o.method,
            headers: { 'x-forwarded-for': freshIp(), ...(isStaff(o) ? admin.headers : {}), ...(sent === undefined ? {} : { 'content-type': 'application/json' }) },
            body: sent === undefined ? undefined : JSON.stringify(sent),
          });
          const text = await res.text();
          const what = `${o.method} ${url} ${JSON.stringify(sent)?.slice(0, 300)}`;
          if (res.status >= 500) tally.c5xx++;
          else if (res.status >= 400) tally.c4xx++;
          else tally.ok++;
          if (res.status >= 500) progress(`${what}: ${res.status} ${text.slice(0, 200)}`);
          expect(res.status, `${what}: ${text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) {
            const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
            expect(typeof body.error?.code, `${what}: the envelope`).toBe('string');
            expect(typeof body.error?.message, `${what}: the envelope`).toBe('string');
            const after = await state();
            if (after !== before) {
              tally.stateChanges++;
              progress(`${what}: a rejected request (${res.status}) changed the state`);
            }
            expect(after, `${what}: a rejected request (${res.status}) changed the state`).toBe(before);
          }
        }),
        // Later rounds draw fresh inputs and stop when the time is up; the first round always runs in full.
        round === 0 ? { numRuns, seed, endOnFailure: true } : { numRuns, endOnFailure: true, interruptAfterTimeLimit: left, markInterruptAsFailure: false },
      );
      const name = `${o.method} ${o.path}`;
      ran[dialect]![name] = (ran[dialect]![name] ?? 0) + runs;
    }
    if (PROGRESS_EVERY) progress('done');
    const counted = Object.entries(ran[dialect]!);
    expect(counted.filter(([k]) => !k.includes('/v1/admin/') || k.endsWith('/session')).length, 'public write endpoints fuzzed').toBeGreaterThan(10);
    expect(counted.every(([k, n]) => n >= (k.startsWith('POST /v1/admin/session') || !k.includes('/v1/admin/') ? RUNS.public : RUNS.staff))).toBe(true);
    console.log(`[fuzz] ${dialect}: ${counted.length} endpoints, ${counted.reduce((a, [, n]) => a + n, 0)} requests (${LONG || REQUESTS ? 'long' : 'short'}: ${RUNS.public} per public write, ${RUNS.staff} per staff endpoint${MINUTES ? `, more rounds for ${MINUTES} min` : ''}; ${tally.c4xx} 4xx, ${tally.c5xx} 5xx, ${tally.stateChanges} state changes)\n${counted.map(([k, n]) => `  ${n}\t${k}`).join('\n')}`);
  }, timeout);
});
