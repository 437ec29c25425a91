import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSULTATION_LIMITS } from '../../common/consultations.js';
import * as z from '../../common/zod.js';
import { consultationInput } from '../consultations/consultations.testing.js';
import { dialects, expectError, freshIp, json, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';
import { MAX_BODY_BYTES, impliedBytes, routeBodyLimit } from './body-limits.js';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as never;

describe('the body limit a schema implies', () => {
  it('counts 3 bytes per character, items, keys and the largest choice', () => {
    expect(impliedBytes({}, schema(z.string().max(10)))).toBe(32);
    expect(impliedBytes({}, schema(z.array(z.string().max(1)).max(3)))).toBe(2 + 3 * 6);
    expect(impliedBytes({}, schema(z.object({ a: z.boolean(), b: z.string().max(2).nullable() })))).toBe(2 + (3 + 4 + 5) + (3 + 4 + 8));
    expect(impliedBytes({}, schema(z.string()))).toBe(Infinity);
    expect(impliedBytes({}, schema(z.record(z.string(), z.string().max(1))))).toBe(Infinity);
  });

  it('keeps the default unless the bounded parts take more, and never passes the ceiling', () => {
    const small = schema(z.object({ email: z.string(), password: z.string().max(200) }));
    expect(routeBodyLimit({}, small, 65_536)).toBe(65_536);
    const long = schema(z.object({ document: z.string().max(400_000), note: z.string() }));
    expect(routeBodyLimit({}, long, 65_536)).toBe(impliedBytes({}, schema(z.object({ document: z.string().max(400_000) }))) + 3 * 'note'.length + 4 + 65_536);
    expect(routeBodyLimit({}, schema(z.string().max(10_000_000)), 65_536)).toBe(MAX_BODY_BYTES);
  });
});

/** A draft act of `chars` characters: paragraphs of Polish text, each its own unit. */
function longAct(chars: number): string {
  const paragraph = (n: number) => `§ ${n}. Rada Miasta Krakowa ustala zasady współpracy z organizacjami pozarządowymi; ${'zażółć gęślą jaźń, '.repeat(20)}`;
  const parts: string[] = ['Projekt uchwały w sprawie długiego aktu.'];
  let size = parts[0]!.length;
  for (let n = 1; size < chars; n++) {
    const p = paragraph(n);
    parts.push(p);
    size += p.length + 2;
  }
  return parts.join('\n\n').slice(0, chars);
}

describe.each(dialects)('per-route body limits on %s', (dialect) => {
  let t: TestApp;
  let admin: StaffSession;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await staffSession(t, 'admin');
  });
  afterAll(() => t.close());
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => t.app.request(path, json(body, { 'x-forwarded-for': freshIp(), ...headers }));

  it('saves a consultation whose draft act is as long as the schema allows (400,000 characters)', async () => {
    const document = longAct(CONSULTATION_LIMITS.document);
    expect(document.length).toBe(CONSULTATION_LIMITS.document);
    const input = consultationInput({ document });
    expect(Buffer.byteLength(JSON.stringify(input))).toBeGreaterThan(t.config.bodyLimit * 4);
    const res = await post('/v1/admin/consultations', input, admin.headers);
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const saved = (await (await t.app.request(`/v1/admin/consultations/${id}`, { headers: admin.headers })).json()) as { document: string };
    expect(saved.document.length).toBe(document.length);
    // The preview of the same draft fits too.
    expect((await post('/v1/admin/consultations/document/preview', { document }, admin.headers)).status).toBe(200);
  });

  it('answers 413 in the envelope past a route\'s own limit, and keeps small routes at the default', async () => {
    // Past what the consultation schema can hold at all.
    const huge = consultationInput({ document: 'ż'.repeat(CONSULTATION_LIMITS.document), informationClause: '€'.repeat(200_000) });
    const err = await expectError(await post('/v1/admin/consultations', huge, admin.headers), 413, 'payload_too_large');
    expect(err.message).toMatch(/exceeds \d+ bytes/);
    // Sign-in and link confirmations keep the default: a body of 100 kB is refused before any work.
    await expectError(await post('/v1/admin/session', { email: 'a@example.org', password: 'x'.repeat(100_000) }), 413, 'payload_too_large');
    await expectError(await post('/v1/consultations/remarks/confirm', { token: 'x'.repeat(100_000) }), 413, 'payload_too_large');
    // A public write gets what its fields allow (a remark: wording and justification), not the staff size.
    await expectError(await post('/v1/consultations/00000000-0000-4000-8000-000000000000/remarks', { justification: 'x'.repeat(400_000) }), 413, 'payload_too_large');
  });
});
