import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedAbuse } from '../api/core/abuse.testing.js';
import { dialects, freshIp, staffSession, testApp, type StaffSession, type TestApp } from '../api/testing.js';
import { expectWellFormed, openApiDoc, operations, sample, stringLeaves, urlOf, withLeaf, type Op, type OpenApiDoc } from './openapi.testing.js';

/**
 * Input that PostgreSQL cannot store (issue 8, item 7): a NUL byte, or another C0 control, in any
 * path parameter, query parameter or string field of any operation of the OpenAPI document, public
 * or staff, is refused with a 4xx envelope on both engines, never a 5xx, and never stored by one
 * engine while the other fails. Operations come from the document, so a new route is covered.
 */
const CONTROLS = ['\u0000', '\u001b', '\u0008'];

describe.each(dialects)('hostile characters in every input on %s', (dialect) => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let ops: Op[];
  let admin: StaffSession;
  beforeAll(async () => {
    t = await testApp(dialect);
    doc = await openApiDoc(t.app);
    ops = operations(doc).filter((o) => !(o.method === 'DELETE' && o.path === '/v1/admin/session'));
    admin = await staffSession(t, 'admin');
  });
  afterAll(() => t.close());

  const headersFor = (o: Op): Record<string, string> => ({
    'x-forwarded-for': freshIp(),
    ...(o.path.startsWith('/v1/admin') && o.path !== '/v1/admin/session' ? admin.headers : {}),
  });
  const send = (o: Op, url: string, body?: unknown) =>
    t.app.request(url, { method: o.method, headers: { ...headersFor(o), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const sampleParam = (o: Op, name: string) => {
    const p = o.op.parameters?.find((x) => x.in === 'path' && x.name === name);
    return String(sample(doc, p?.schema));
  };
  const bodyFor = async (o: Op) => {
    if (!o.body) return undefined;
    const b = sample(doc, o.body) as Record<string, unknown>;
    if (b && typeof b === 'object' && 'abuse' in b) b.abuse = await solvedAbuse(t.app);
    return b;
  };

  it('refuses a control character in any path parameter', async () => {
    let probes = 0;
    for (const o of ops) {
      for (const p of o.op.parameters?.filter((x) => x.in === 'path') ?? []) {
        for (const ch of CONTROLS) {
          const url = urlOf(o, (name) => (name === p.name ? `a${ch}b` : sampleParam(o, name)));
          const res = await send(o, url, await bodyFor(o));
          const { status } = await expectWellFormed(res, `${o.method} ${url}`);
          expect(status, `${o.method} ${url}`).toBeGreaterThanOrEqual(400);
          probes++;
        }
      }
    }
    expect(probes).toBeGreaterThan(30);
  });

  it('refuses a control character in any query parameter', async () => {
    let probes = 0;
    for (const o of ops.filter((x) => x.method === 'GET')) {
      for (const p of o.op.parameters?.filter((x) => x.in === 'query') ?? []) {
        const url = urlOf(o, (name) => sampleParam(o, name), { [p.name]: `a${CONTROLS[probes % CONTROLS.length]}` });
        const { status } = await expectWellFormed(await send(o, url), `${o.method} ${url}`);
        expect(status, `${o.method} ${url}`).toBeGreaterThanOrEqual(400);
        probes++;
      }
    }
    expect(probes).toBeGreaterThan(30);
  });

  it('refuses a control character in any string field of a body, and stores nothing', async () => {
    let probes = 0;
    for (const o of ops.filter((x) => x.body)) {
      const base = await bodyFor(o);
      for (const leaf of stringLeaves(base).filter((l) => l[0] !== 'abuse')) {
        const body = withLeaf(await bodyFor(o), leaf, (v) => `${String(v)}${CONTROLS[probes % CONTROLS.length]}`);
        const url = urlOf(o, (name) => sampleParam(o, name));
        const what = `${o.method} ${o.path} with a control character in ${leaf.join('.')}`;
        const { status } = await expectWellFormed(await send(o, url, body), what);
        expect(status, what).toBeGreaterThanOrEqual(400);
        probes++;
      }
    }
    expect(probes).toBeGreaterThan(50);
    // Nothing a rejected request could have written: no entry, no remark, no registration.
    for (const table of ['organisation', 'organisation_submission', 'consultation', 'consultation_remark', 'calendar_event', 'event_registration', 'event_submission', 'mail_outbox'] as const) {
      const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(row.n), table).toBe(0);
    }
  });
});
