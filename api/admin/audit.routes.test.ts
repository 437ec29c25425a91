import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { auditActionKey } from '../../common/audit.js';
import { openApiDoc, operations } from '../../tests/openapi.testing.js';
import { auditActionsOf } from '../core/audit.js';
import { newId } from '../core/ids.js';
import { routeKeys } from '../core/openapi.js';
import { insertRemark } from '../consultations/consultations.repository.js';
import { createConsultation } from '../consultations/consultations.testing.js';
import { MODULES } from '../modules.js';
import { dialects, expectError, json, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';

interface Page {
  items: { id: string; at: string; staff: { id: string; name: string | null; email: string | null } | null; module: string | null; action: string; actionLabel: string; item: { title: string; link: string | null } | null }[];
  total: number;
  page: number;
}

/** Every write route each module registers on the staff router, as the log keys it (`POST /v1/admin/staff/{id}`). */
function staffWriteRoutes(): { module: string; key: string }[] {
  return MODULES.flatMap((m) => {
    const routers = [...(m.staffCommon ? [{ base: '/v1/admin', routes: m.staffCommon }] : []), ...(m.staff ?? []).map((s) => ({ base: `/v1/admin/${s.section}`, routes: s.routes }))];
    return routers.flatMap(({ base, routes }) => routeKeys(base, routes)).filter((k) => !k.startsWith('get ')).map((k) => ({ module: m.slug, key: k.replace(/^\w+/, (v) => v.toUpperCase()) }));
  });
}

describe('the table of actions (common/audit.ts, the manifests\' audit)', () => {
  it('has a row, in its own module, for every staff write route', () => {
    const routes = staffWriteRoutes();
    expect(routes.length).toBeGreaterThan(70);
    const table = auditActionsOf(MODULES);
    const missing = routes.filter((r) => table.get(r.key)?.module !== r.module).map((r) => `${r.module}: '${r.key}'`);
    expect(missing, 'staff write routes without a row in their module\'s audit.actions (api/<slug>/<slug>.audit.ts)').toEqual([]);
  });

  it('has no route row for a route the app does not serve, and words in every language', async () => {
    const t = await testApp('sqlite');
    try {
      const served = new Set(operations(await openApiDoc(t.app)).map((o) => `${o.method} ${o.path}`));
      const rows = [...auditActionsOf(MODULES).values()];
      expect(rows.filter((a) => /^[A-Z]+ \//.test(a.key) && !served.has(a.key)).map((a) => a.key)).toEqual([]);
      expect(rows.filter((a) => !a.def.labels.pl || !a.def.labels.en || !a.def.labels.uk).map((a) => a.key)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('keys a stored Hono pattern as the OpenAPI document writes it', () => {
    expect(auditActionKey('PUT /v1/admin/consultations/remarks/:remarkId/response')).toBe('PUT /v1/admin/consultations/remarks/{remarkId}/response');
  });
});

describe.each(dialects)('GET /v1/admin/audit on %s', (dialect) => {
  let t: TestApp;
  let admin: StaffSession;
  let consultation: { id: string };
  const get = async (query = '', session = admin) => {
    const res = await t.app.request(`/v1/admin/audit${query}`, { headers: session.headers });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Page;
  };

  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await staffSession(t, 'admin');
    await t.db.updateTable('staff_user').set({ name: 'Anna Nowak' }).where('id', '=', admin.id).execute();
    consultation = await createConsultation(t, { title: 'Budżet obywatelski 2027' });
    const remarkId = await insertRemark(t.db, {
      consultationId: consultation.id, unitId: null, currentWording: '', proposedWording: 'Nowe', justification: 'Uzasadnienie', authorType: 'ngo', organisationName: 'Org',
      krs: null, organisationId: null, contactName: 'X Y', contactEmail: 'xy@private.example.org', lang: 'pl', status: 'published',
    });
    const answer = await t.app.request(`/v1/admin/consultations/remarks/${remarkId}/response`, json({ decision: 'accepted', response: 'Przyjmujemy.' }, admin.headers, 'PUT'));
    expect(answer.status).toBe(200);
    const invited = await t.app.request('/v1/admin/staff', json({ email: 'ewa@example.org', name: 'Ewa Kos', role: 'editor', district: null }, admin.headers));
    expect(invited.status).toBe(201);
  });
  afterAll(() => t.close());

  it('says who, what, which item and when, in the language asked for', async () => {
    const pl = await get();
    const answered = pl.items.find((e) => e.action === 'PUT /v1/admin/consultations/remarks/{remarkId}/response')!;
    expect(answered).toMatchObject({
      staff: { id: admin.id, name: 'Anna Nowak', email: admin.email },
      module: 'consultations',
      actionLabel: 'Odpowiedź na uwagę',
      item: { title: 'Budżet obywatelski 2027', link: `consultations/${consultation.id}` },
    });
    // A create has no id in its path: the log keeps the id it answered with.
    const invite = pl.items.find((e) => e.action === 'POST /v1/admin/staff')!;
    expect(invite).toMatchObject({ actionLabel: 'Zaproszenie pracownika', item: { title: 'Ewa Kos <ewa@example.org>', link: 'staff' } });
    expect(pl.items.find((e) => e.action === 'login')).toMatchObject({ actionLabel: 'Logowanie', module: 'admin' });
    const uk = await get('?lang=uk');
    expect(uk.items.find((e) => e.id === answered.id)!.actionLabel).toBe('Відповідь на зауваження');
    const en = await get('?lang=en');
    expect(en.items.find((e) => e.id === invite.id)!.actionLabel).toBe('Invited a staff member');
  });

  it('filters by person, module, action and Warsaw days, and pages', async () => {
    const other = await staffSession(t, 'admin');
    const mine = await get(`?staff=${other.id}`);
    expect(mine.items.map((e) => e.action)).toEqual(['login']);
    const consultations = await get('?module=consultations');
    expect(consultations.total).toBe(1);
    expect(consultations.items.every((e) => e.module === 'consultations')).toBe(true);
    const logins = await get('?action=login');
    expect(logins.items.length).toBe(2);
    expect(logins.items.every((e) => e.action === 'login')).toBe(true);

    // 23:30 on 1 March in Warsaw is 22:30 UTC, in the day; 00:30 on 2 March is not.
    const at = (iso: string) => ({ id: newId(), at: iso, staff_id: other.id, action: 'password_set', subject: `staff:${other.id}`, details: null, ip_hash: null, request_id: null });
    await t.db.insertInto('audit_log').values([at('2026-02-28T22:59:00.000Z'), at('2026-02-28T23:00:00.000Z'), at('2026-03-01T22:30:00.000Z'), at('2026-03-01T23:30:00.000Z')]).execute();
    const day = await get('?from=2026-03-01&to=2026-03-01');
    expect(day.items.map((e) => e.at)).toEqual(['2026-03-01T22:30:00.000Z', '2026-02-28T23:00:00.000Z']);

    await t.db.insertInto('audit_log').values(Array.from({ length: 12 }, (_, i) => at(`2026-01-${String(10 + i)}T12:00:00.000Z`))).execute();
    const all = await get('?pageSize=10');
    expect(all.total).toBeGreaterThan(10);
    const second = await get('?pageSize=10&page=2');
    expect(second.page).toBe(2);
    expect(second.items[0]!.id).not.toBe(all.items[0]!.id);
    expect(new Set([...all.items, ...second.items].map((e) => e.id)).size).toBe(all.items.length + second.items.length);
  });

  it('refuses unknown filters with the field named', async () => {
    for (const [query, path] of [['?module=nothing', 'module'], ['?action=DROP', 'action'], ['?from=2026-03-02&to=2026-03-01', 'to']] as const) {
      const err = await expectError(await t.app.request(`/v1/admin/audit${query}`, { headers: admin.headers }), 422, 'validation_failed');
      expect(err.details?.issues?.[0]?.path).toBe(path);
    }
    await expectError(await t.app.request('/v1/admin/audit?from=2026-02-30', { headers: admin.headers }), 422, 'validation_failed');
  });

  it('is for admins only', async () => {
    const mod = await staffSession(t, 'moderator');
    for (const path of ['', '/actions', '/export']) await expectError(await t.app.request(`/v1/admin/audit${path}`, { headers: mod.headers }), 403, 'forbidden');
  });

  it('lists each module\'s actions and the staff for the filters', async () => {
    const res = await t.app.request('/v1/admin/audit/actions?lang=en', { headers: admin.headers });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { modules: { slug: string; label: string; actions: { key: string; label: string }[] }[]; staff: { id: string; name: string }[] };
    expect(body.modules.map((m) => m.slug)).toEqual(expect.arrayContaining(['map', 'consultations', 'events', 'surveys', 'guide', 'advice', 'admin']));
    expect(body.modules.find((m) => m.slug === 'guide')!.actions).toContainEqual({ key: 'POST /v1/admin/guide/articles/{id}/publish', label: 'Published an article' });
    expect(body.staff.map((s) => s.name)).toContain('Anna Nowak');
  });

  it('exports the filtered log as CSV and XLSX in words and Warsaw time, and logs the download', async () => {
    const csv = await t.app.request('/v1/admin/audit/export?format=csv&dialect=excel-pl&module=consultations&lang=pl', { headers: admin.headers });
    expect(csv.status).toBe(200);
    const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['Czas (Warszawa)', 'Pracownik', 'E-mail', 'Moduł', 'Czynność', 'Obiekt', 'Link w panelu']);
    expect(rows.length).toBe(2);
    expect(rows[1]!.slice(1, 6)).toEqual(['Anna Nowak', admin.email, 'Konsultacje', 'Odpowiedź na uwagę', 'Budżet obywatelski 2027']);
    expect(rows[1]![0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(rows[1]![6]).toMatch(new RegExp(`#consultations/${consultation.id}$`));

    const xlsx = await t.app.request('/v1/admin/audit/export?format=xlsx&action=login&lang=uk', { headers: admin.headers });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(5).value).toBe('Дія');
    expect(sheet.getRow(2).getCell(5).value).toBe('Вхід');
    expect(sheet.getRow(2).getCell(1).value).toBeInstanceOf(Date);

    const logged = await get('?action=GET%20%2Fv1%2Fadmin%2Faudit%2Fexport');
    expect(logged.items.length).toBe(2);
    expect(logged.items[0]!.actionLabel).toBe('Pobranie dziennika zdarzeń');
  });

  it('is append-only: no route edits or deletes an entry, and the rows stay as they were', async () => {
    const before = await t.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const doc = await openApiDoc(t.app);
    const ops = operations(doc);
    // The document serves only reads of the log.
    expect(ops.filter((o) => o.path.includes('audit') && o.method !== 'GET').map((o) => `${o.method} ${o.path}`)).toEqual([]);
    const id = before[0]!.id;
    const paths = [...new Set(ops.filter((o) => o.path.includes('audit')).map((o) => o.path))].flatMap((p) => [p, `${p}/${id}`]);
    paths.push(`/v1/admin/audit/${id}/details`, '/v1/admin/audit?before=9999');
    for (const path of paths) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = await t.app.request(path, { method, headers: { ...admin.headers, 'content-type': 'application/json' }, body: method === 'DELETE' ? undefined : JSON.stringify({ action: 'x', at: '2000-01-01T00:00:00Z' }) });
        expect([404, 405], `${method} ${path}`).toContain(res.status);
      }
    }
    expect(await t.db.selectFrom('audit_log').selectAll().orderBy('id').execute()).toEqual(before);
    // Underneath, the database refuses to change an entry too.
    await expect(t.db.updateTable('audit_log').set({ action: 'edited' }).where('id', '=', id).execute()).rejects.toThrow(/append-only/);
  });
});
