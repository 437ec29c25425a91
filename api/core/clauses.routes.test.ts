import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAUSE_FORMS, CLAUSE_MAX } from '../../common/clauses.js';
import { insertStaff } from '../admin/staff.repository.js';
import { createConsultation } from '../consultations/consultations.testing.js';
import { dialects, freshIp, json, testApp, type TestApp } from '../testing.js';
import { totpFor } from './auth.js';
import { DEFAULT_CLAUSES } from './clauses.defaults.js';

const PASSWORD = 'correct horse battery staple';

interface ClauseBody { form: string; pl: string; en: string; uk: string; updatedAt: string | null }
interface StaffClauseBody extends ClauseBody { isDefault: { pl: boolean; en: boolean; uk: boolean } }

async function login(t: TestApp, email: string, otp?: string) {
  const res = await t.app.request('/v1/admin/session', json({ email, password: PASSWORD, ...(otp ? { otp } : {}) }, { 'x-forwarded-for': freshIp() }));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': body.csrfToken };
}

describe.each(dialects)('information clauses on %s', (dialect) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let moderator: Record<string, string>;
  const put = (form: string, body: unknown, headers = admin) => t.app.request(`/v1/admin/settings/clauses/${form}`, json(body, headers, 'PUT'));
  const getClause = async (form: string, headers: Record<string, string> = {}) => {
    const res = await t.app.request(`/v1/clauses/${form}`, { headers });
    return { res, body: res.status === 200 ? ((await res.json()) as ClauseBody) : null };
  };
  const issues = async (res: Response) => ((await res.json()) as { error: { code: string; details: { issues: { path: string; code: string }[] } } }).error;

  beforeAll(async () => {
    t = await testApp(dialect);
    const { totpSecret } = await insertStaff(t.db, { email: 'admin@example.org', name: 'Admin', role: 'admin', password: PASSWORD });
    await insertStaff(t.db, { email: 'mod@example.org', name: 'Moderator', role: 'moderator', password: PASSWORD });
    admin = await login(t, 'admin@example.org', totpFor('admin@example.org', totpSecret!).generate());
    moderator = await login(t, 'mod@example.org');
  });
  afterAll(() => t.close());

  it('serves the default clause of every form in pl, en and uk, naming the controller, the DPO and PUODO', async () => {
    for (const form of CLAUSE_FORMS) {
      const { res, body } = await getClause(form);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toMatch(/^W\/"/);
      expect(res.headers.get('cache-control')).toMatch(/^public/);
      expect(body).toEqual({ form, ...DEFAULT_CLAUSES[form], updatedAt: null });
      expect(body!.pl).toContain('Prezydent Miasta Krakowa');
      for (const lang of ['pl', 'en', 'uk'] as const) {
        expect(body![lang]).toContain('iod@um.krakow.pl');
        expect(body![lang]).toContain('PUODO');
      }
    }
  });

  it('answers 404 for a form that collects no personal data', async () => {
    expect((await getClause('advice-nope')).res.status).toBe(404);
    expect((await put('advice-nope', { pl: 'Tekst', en: '', uk: '' })).status).toBe(404);
  });

  it('lets an admin set a clause: the public read shows the new text and a new ETag, and the write is audited', async () => {
    const before = await getClause('map');
    const etag = before.res.headers.get('etag')!;
    expect((await getClause('map', { 'if-none-match': etag })).res.status).toBe(304);

    const res = await put('map', { pl: '  Administratorem danych jest Fundacja Testowa.  ', en: 'The controller is Test Foundation.', uk: '' });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as StaffClauseBody;
    expect(saved).toMatchObject({ form: 'map', pl: 'Administratorem danych jest Fundacja Testowa.', en: 'The controller is Test Foundation.', uk: DEFAULT_CLAUSES.map.uk });
    expect(saved.isDefault).toEqual({ pl: false, en: false, uk: true });
    expect(saved.updatedAt).toEqual(expect.any(String));

    const after = await getClause('map', { 'if-none-match': etag });
    expect(after.res.status).toBe(200);
    expect(after.res.headers.get('etag')).not.toBe(etag);
    expect(after.body).toEqual({ form: 'map', pl: saved.pl, en: saved.en, uk: saved.uk, updatedAt: saved.updatedAt });
    // Another form keeps its default.
    expect((await getClause('consultations')).body!.pl).toBe(DEFAULT_CLAUSES.consultations.pl);

    const audit = await t.db.selectFrom('audit_log').select(['action', 'subject']).where('action', 'like', 'PUT %').execute();
    expect(audit).toContainEqual({ action: 'PUT /v1/admin/settings/clauses/:form', subject: '/v1/admin/settings/clauses/map' });
  });

  it('lists every form for the panel with which languages are the default, and restores a default from an empty or default text', async () => {
    expect((await put('map', { pl: 'Własna klauzula mapy.', en: '', uk: DEFAULT_CLAUSES.map.uk })).status).toBe(200);
    const list = async () => {
      const res = await t.app.request('/v1/admin/settings/clauses', { headers: admin });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      return ((await res.json()) as { items: StaffClauseBody[] }).items;
    };
    const items = await list();
    expect(items.map((i) => i.form)).toEqual([...CLAUSE_FORMS]);
    expect(items[0]).toMatchObject({ pl: 'Własna klauzula mapy.', en: DEFAULT_CLAUSES.map.en, isDefault: { pl: false, en: true, uk: true } });
    expect(items[1]).toMatchObject({ ...DEFAULT_CLAUSES.consultations, updatedAt: null, isDefault: { pl: true, en: true, uk: true } });

    expect((await put('map', { pl: '   ', en: '', uk: '' })).status).toBe(200);
    expect((await list())[0]).toMatchObject({ ...DEFAULT_CLAUSES.map, updatedAt: null, isDefault: { pl: true, en: true, uk: true } });
  });

  it('keeps the settings to admins: a moderator gets 403, anyone signed out 401, and a write needs the CSRF token', async () => {
    expect((await t.app.request('/v1/admin/settings/clauses', { headers: moderator })).status).toBe(403);
    expect((await put('map', { pl: 'Przejęta klauzula.', en: '', uk: '' }, moderator)).status).toBe(403);
    expect((await t.app.request('/v1/admin/settings/clauses')).status).toBe(401);
    expect((await put('map', { pl: 'Bez tokenu.', en: '', uk: '' }, { cookie: admin.cookie! })).status).toBe(403);
    expect((await getClause('map')).body!.pl).not.toMatch(/Przejęta|Bez tokenu/);
  });

  it('refuses invalid bodies with 422 and per-field issues, and stores nothing', async () => {
    const tooLong = await put('consultations', { pl: 'x'.repeat(CLAUSE_MAX + 1), en: 'ok', uk: 'ok' });
    expect(tooLong.status).toBe(422);
    const e = await issues(tooLong);
    expect(e.code).toBe('validation_failed');
    expect(e.details.issues).toEqual([expect.objectContaining({ path: 'pl', code: 'too_long' })]);

    const missing = await put('consultations', { pl: 'Tylko po polsku.' });
    expect(missing.status).toBe(422);
    expect((await issues(missing)).details.issues.map((i) => [i.path, i.code])).toEqual([['en', 'required'], ['uk', 'required']]);

    const wrongType = await put('consultations', { pl: 42, en: '', uk: '' });
    expect(wrongType.status).toBe(422);
    expect((await issues(wrongType)).details.issues).toEqual([expect.objectContaining({ path: 'pl', code: 'invalid_type' })]);

    expect((await getClause('consultations')).body).toMatchObject({ ...DEFAULT_CLAUSES.consultations, updatedAt: null });
  });

  it('gives a consultation without a clause of its own the configured consultations clause, in the language asked for', async () => {
    const own = await createConsultation(t, { informationClause: 'Klauzula tej konsultacji.' });
    const none = await createConsultation(t, { informationClause: '' });
    const detail = async (id: string, query = '') => {
      const res = await t.app.request(`/v1/consultations/${id}${query}`);
      expect(res.status).toBe(200);
      return { etag: res.headers.get('etag')!, clause: ((await res.json()) as { informationClause: string }).informationClause };
    };
    expect((await detail(none.id)).clause).toBe(DEFAULT_CLAUSES.consultations.pl);
    expect((await detail(none.id, '?lang=uk')).clause).toBe(DEFAULT_CLAUSES.consultations.uk);
    const { etag } = await detail(none.id, '?lang=en');

    expect((await put('consultations', { pl: 'Klauzula konsultacji miasta.', en: 'The city consultation clause.', uk: '' })).status).toBe(200);
    const res = await t.app.request(`/v1/consultations/${none.id}?lang=en`, { headers: { 'if-none-match': etag } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { informationClause: string }).informationClause).toBe('The city consultation clause.');
    expect((await detail(none.id)).clause).toBe('Klauzula konsultacji miasta.');
    expect((await detail(none.id, '?lang=uk')).clause).toBe(DEFAULT_CLAUSES.consultations.uk);
    // A consultation's own clause wins, in every language.
    expect((await detail(own.id, '?lang=en')).clause).toBe('Klauzula tej konsultacji.');
    expect((await t.app.request(`/v1/consultations/${none.id}?lang=de`)).status).toBe(422);
  });
});
