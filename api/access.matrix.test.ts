import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../common/taxonomy.js';
import { openApiDoc, operations, sample, urlOf, type Op, type OpenApiDoc } from '../tests/openapi.testing.js';
import { ACCESS_MATRIX, type Access } from './access.matrix.js';
import { MODULES } from './modules.js';
import { dialects, freshIp, staffSession, testApp, type StaffSession, type TestApp } from './testing.js';

const key = (o: Op) => `${o.method} ${o.path}`;

/** The row a new route most likely needs, from the roles of the section it is mounted in. */
function suggestedRow(o: Op): string {
  const section = MODULES.flatMap((m) => m.staff ?? []).find((s) => o.path.startsWith(`/v1/admin/${s.section}/`) || o.path === `/v1/admin/${s.section}`);
  const cell = (r: StaffRole) => (r === 'admin' ? 'any' : section?.roles.includes(r) ? 'district' : 'none');
  return `'${key(o)}': { anonymous: false, ${STAFF_ROLES.map((r) => `${r}: '${cell(r)}'`).join(', ')} },`;
}

describe('the authorization matrix (api/access.matrix.ts)', () => {
  it('has one row for every staff route of the OpenAPI document, and no row without a route', async () => {
    const t = await testApp('sqlite');
    try {
      const staffOps = operations(await openApiDoc(t.app)).filter((o) => o.path.startsWith('/v1/admin'));
      const missing = staffOps.filter((o) => !ACCESS_MATRIX[key(o)]);
      expect(
        missing.map(suggestedRow),
        `Staff routes without a row in the authorization matrix. Add each line below to ACCESS_MATRIX in api/access.matrix.ts, with the access each role really has ('district' when a district-scoped member may act only in their district, 'city' for city-wide actions, 'none' when the role may not call it), and check the route with assertDistrict (docs/modules.md, step 9)`,
      ).toEqual([]);
      const routes = new Set(staffOps.map(key));
      expect(Object.keys(ACCESS_MATRIX).filter((k) => !routes.has(k)), 'rows in api/access.matrix.ts for routes the app does not serve: remove or rename them').toEqual([]);
    } finally {
      await t.close();
    }
  });
});

/** A signed-in caller of the matrix: a role, city-wide or district-scoped. */
interface Caller {
  role: StaffRole;
  district: number | null;
  session: StaffSession;
}

describe.each(dialects)('every staff route answers as the matrix says, on %s', (dialect) => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let ops: Op[];
  const callers: Caller[] = [];
  beforeAll(async () => {
    t = await testApp(dialect);
    doc = await openApiDoc(t.app);
    ops = operations(doc).filter((o) => o.path.startsWith('/v1/admin') && ACCESS_MATRIX[key(o)]);
    callers.push({ role: 'admin', district: null, session: await staffSession(t, 'admin') });
    for (const role of STAFF_ROLES.filter((r) => r !== 'admin')) {
      for (const district of [null, 5]) callers.push({ role, district, session: await staffSession(t, role, { district }) });
    }
  });
  afterAll(() => t.close());

  const request = async (o: Op, headers: Record<string, string>) => {
    const url = urlOf(o, (name) => String(sample(doc, o.op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema)));
    const body = o.body ? JSON.stringify(sample(doc, o.body)) : undefined;
    const res = await t.app.request(url, { method: o.method, headers: { 'x-forwarded-for': freshIp(), ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body });
    const json = (await res.json().catch(() => null)) as { error?: { code: string; details?: { reason?: string } } } | null;
    return { status: res.status, code: json?.error?.code, reason: json?.error?.details?.reason };
  };

  /** What a caller with `access` must not get: returns a complaint, or null. */
  function complaint(access: Access, scoped: boolean, r: { status: number; code?: string; reason?: string }): string | null {
    if (r.status >= 500) return `a ${r.status}`;
    if (r.status === 401) return 'a 401 with a session';
    const forbidden = r.status === 403 && r.code === 'forbidden';
    if (r.code === 'csrf_failed') return 'a CSRF failure with the token';
    if (access === 'none') return forbidden ? null : `${r.status} ${r.code ?? ''} where the role is refused (403 forbidden)`;
    if (access === 'city' && scoped) return forbidden ? null : `${r.status} where a district-scoped member is refused a city-wide action (403)`;
    if (access === 'district' && scoped) return forbidden && r.reason !== 'district' ? `403 (${r.reason ?? 'no reason'}) where only the district may narrow it` : null;
    return forbidden ? `403 (${r.reason ?? 'no reason'}) where the matrix allows it` : null;
  }

  it('refuses every route but signing in without a session (401), and nothing else', async () => {
    const wrong: string[] = [];
    for (const o of ops) {
      const r = await request(o, {});
      const row = ACCESS_MATRIX[key(o)]!;
      if (r.status >= 500) wrong.push(`${key(o)} anonymous: ${r.status}`);
      else if (!row.anonymous && !(r.status === 401 && r.code === 'unauthorized')) wrong.push(`${key(o)} anonymous: ${r.status} ${r.code}, not 401`);
      else if (row.anonymous && r.code === 'unauthorized') wrong.push(`${key(o)} anonymous: 401 where the matrix allows it`);
    }
    expect(wrong).toEqual([]);
  });

  it('lets each role, city-wide and district-scoped, call exactly what its row allows', async () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const o of ops) {
      for (const caller of callers) {
        const access = ACCESS_MATRIX[key(o)]![caller.role];
        // Signing out ends the session: a new member of the same role and scope signs out (an admin's TOTP code is accepted once, so not the same one again).
        const session = o.method === 'DELETE' && o.path === '/v1/admin/session' ? await staffSession(t, caller.role, { district: caller.district }) : caller.session;
        const r = await request(o, session.headers);
        calls++;
        const why = complaint(access, caller.district !== null, r);
        if (why) wrong.push(`${key(o)} as ${caller.role}${caller.district ? ` of district ${caller.district}` : ' (city-wide)'} [${access}]: ${why}`);
      }
    }
    expect(calls).toBe(ops.length * callers.length);
    expect(wrong).toEqual([]);
    // Every staff route times every caller, one after the other: about 20 s idle on SQLite, far more on a loaded machine or on PostgreSQL.
  }, 180_000);
});
