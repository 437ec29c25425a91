import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedAbuse } from '../api/core/abuse.testing.js';
import { dialects, freshIp, staffSession, testApp, type StaffSession, type TestApp } from '../api/testing.js';
import { deref, openApiDoc, operations, sample, urlOf, withLeaf, type JsonSchema, type Op, type OpenApiDoc } from './openapi.testing.js';

/**
 * Impossible dates answer 422 everywhere (issue 8, item 9): every query parameter and body field
 * of every operation of the OpenAPI document that is a day, a Warsaw wall time or an instant gets
 * `2027-02-30`, month 13, `24:00` and year 0, and each must be refused with an issue naming that
 * field, never accepted and shifted to another day. The date schemas are one set, in
 * `common/zod.ts`; `common/zod.test.ts` refuses any other.
 */
type Kind = 'date' | 'wall' | 'dateOrWall' | 'instant';
const BAD: Record<Kind, string[]> = {
  date: ['2027-02-30', '2027-13-01', '0000-01-01', '2027-04-31'],
  wall: ['2027-02-30T10:00', '2027-03-01T24:00', '2027-13-01T10:00', '0000-03-01T10:00'],
  dateOrWall: ['2027-02-30', '2027-03-01T24:00', '0000-01-01'],
  instant: ['2027-02-30T10:00:00Z', '2027-03-01T24:00:00Z', '0000-01-01T00:00:00Z', '2027-13-01T10:00:00+01:00'],
};

function kindOf(doc: OpenApiDoc, schema: JsonSchema | undefined): Kind | null {
  const s = deref(doc, schema);
  if (!s) return null;
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) {
    const k = kindOf(doc, alt);
    if (k) return k;
  }
  if (s.format === 'date') return 'date';
  if (s.format === 'date-time') return 'instant';
  if (typeof s.pattern === 'string' && s.pattern.startsWith('^\\d{4}-')) return s.pattern.includes(')?$') ? 'dateOrWall' : 'wall';
  return null;
}

/** Body paths (key lists) whose schema is a date, through nested objects and arrays. */
function dateLeaves(doc: OpenApiDoc, schema: JsonSchema | undefined, at: (string | number)[] = [], depth = 0): { path: (string | number)[]; kind: Kind }[] {
  const s = deref(doc, schema);
  if (!s || depth > 6) return [];
  const k = kindOf(doc, s);
  if (k) return [{ path: at, kind: k }];
  const alt = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
  if (alt.length) return alt.flatMap((x: JsonSchema) => dateLeaves(doc, x, at, depth + 1));
  if (s.properties) return Object.entries<JsonSchema>(s.properties).flatMap(([key, v]) => dateLeaves(doc, v, [...at, key], depth + 1));
  if (s.items) return dateLeaves(doc, s.items, [...at, 0], depth + 1);
  return [];
}

const isStaff = (o: Op) => o.path.startsWith('/v1/admin') && o.path !== '/v1/admin/session';

describe.each(dialects)('impossible dates on %s', (dialect) => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let admin: StaffSession;
  beforeAll(async () => {
    t = await testApp(dialect);
    doc = await openApiDoc(t.app);
    admin = await staffSession(t, 'admin');
  });
  afterAll(() => t.close());

  it('answer 422 naming the field, in every query parameter and body field of every route', async () => {
    const checked: string[] = [];
    const accepted: string[] = [];
    for (const o of operations(doc)) {
      const params = (name: string) => String(sample(doc, (o.op.parameters ?? []).find((p) => p.in === 'path' && p.name === name)?.schema) ?? 'x');
      const headers = { 'x-forwarded-for': freshIp(), ...(isStaff(o) ? admin.headers : {}) };
      const cases: { where: string; field: string; url: string; body?: unknown }[] = [];
      for (const p of (o.op.parameters ?? []).filter((x) => x.in === 'query')) {
        const kind = kindOf(doc, p.schema);
        if (kind) for (const bad of BAD[kind]) cases.push({ where: `?${p.name}=${bad}`, field: p.name, url: urlOf(o, params, { [p.name]: bad }) });
      }
      if (o.body) {
        let base = sample(doc, o.body);
        if (base && typeof base === 'object' && deref(doc, o.body)?.properties?.abuse) base = { ...base, abuse: await solvedAbuse(t.app) };
        for (const { path, kind } of dateLeaves(doc, o.body)) {
          for (const bad of BAD[kind]) cases.push({ where: `${path.join('.')}: ${bad}`, field: path.join('.'), url: urlOf(o, params, {}), body: withLeaf(base, path, () => bad) });
        }
      }
      for (const c of cases) {
        const res = await t.app.request(c.url, {
          method: o.method,
          headers: { ...headers, ...(c.body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: c.body === undefined ? undefined : JSON.stringify(c.body),
        });
        const text = await res.text();
        const what = `${o.method} ${o.path} ${c.where}`;
        checked.push(what);
        const issues = res.status === 422 ? ((JSON.parse(text) as { error: { details?: { issues?: { path: string }[] } } }).error.details?.issues ?? []) : [];
        if (!issues.some((i) => i.path === c.field)) accepted.push(`${what} → ${res.status} ${text.slice(0, 160)}`);
      }
    }
    expect(accepted, 'these impossible dates were not refused with a 422 naming their field').toEqual([]);
    // Every module with dates is reached: consultations, events, guide, advice, surveys.
    for (const part of ['/v1/admin/consultations', '/v1/events', '/v1/guide', '/v1/admin/advice', '/v1/admin/surveys']) {
      expect(checked.some((w) => w.includes(part)), `a date of ${part} is checked`).toBe(true);
    }
    console.log(`[dates] ${dialect}: ${checked.length} impossible dates refused`);
  }, 120_000);
});
