import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Validator } from '@seriousme/openapi-schema-validator';
import lijw from '../../common/surveys.lijw.json' with { type: 'json' };
import type { ChangesSchema, EditionDetail, Results, StaffEdition, StaffEditionDetail, StaffInstrument, StaffResults } from '../../common/surveys.schema.js';
import type { z } from '../../common/zod.js';
import { dialects, expectError, freshIp, json, mailedLink, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';
import { purgeInvitationMail, purgeTokens } from './surveys.retention.js';
import { invitationCounts } from './surveys.responses.js';
import { completeAnswers, DAY } from './surveys.testing.js';

const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const day = (days: number) => iso(days).slice(0, 10);
const doc = () => structuredClone(lijw) as any;

describe.each(dialects)('staff survey API (%s)', (dialect) => {
  let t: TestApp;
  let editor: StaffSession;
  beforeEach(async () => {
    t = await testApp(dialect, { publicUrl: 'https://ngo.example.org', minFillMs: 0 });
    editor = await staffSession(t, 'editor');
  });
  afterEach(() => t.close());

  const staff = (path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') =>
    t.app.request(`/v1/admin/surveys${path}`, body === undefined && method === 'GET' ? { headers: editor.headers } : json(body ?? {}, editor.headers, method));
  const ok = async <T>(res: Response | Promise<Response>, status = 200): Promise<T> => {
    const r = await res;
    expect(r.status, await r.clone().text()).toBe(status);
    return (await r.json()) as T;
  };
  const edition = (slug: string, opensIn: number, days = 30, version = 1) =>
    ok<StaffEdition>(staff('/lijw/editions', { slug, instrumentVersion: version, opensAt: iso(opensIn), closesAt: iso(opensIn + days), periodFrom: '2025-01-01', periodTo: '2025-12-31' }), 201);
  const links = async (slug: string, group: string, count: number) =>
    (await ok<{ links: string[] }>(staff(`/lijw/editions/${slug}/tokens`, { group, count }), 201)).links.map((l) => new URL(l).searchParams.get('token')!);
  const answer = (token: string, answers = completeAnswers()) => t.app.request('/v1/surveys/lijw/responses', json({ token, answers }, { 'x-forwarded-for': freshIp() }));

  it('answers 401 without a session and 403 to a role outside the section', async () => {
    await expectError(await t.app.request('/v1/admin/surveys/'), 401, 'unauthorized');
    const moderator = await staffSession(t, 'moderator');
    await expectError(await t.app.request('/v1/admin/surveys/', { headers: moderator.headers }), 403, 'forbidden');
    expect(editor.sections).toContain('surveys');
  });

  it('rejects an instrument that does not fit with the JSON path of each error, and freezes a version an edition uses', async () => {
    const bad = doc();
    bad.sections[2].items[0].scale = 'likert';
    bad.sections[0].items[0].revers = true;
    bad.sections[1].title = { pl: 'A', en: 'A' };
    const shape = await expectError(await staff('/lijw/instruments', { instrument: bad }), 422, 'validation_failed');
    expect(shape.details!.issues!.map((i) => `${i.path} ${i.code}`)).toEqual(expect.arrayContaining(['instrument.sections.0.items.0.revers unknown_field', 'instrument.sections.1.title.uk required']));
    delete bad.sections[0].items[0].revers;
    bad.sections[1].title = { pl: 'A', en: 'A', uk: 'A' };
    const refs = await expectError(await staff('/lijw/instruments', { instrument: bad }), 422, 'validation_failed');
    expect(refs.details!.issues!.map((i) => `${i.path}: ${i.message}`)).toEqual(['instrument.sections.2.items.0.scale: No scale "likert" in "scales"']);

    const v1 = await ok<StaffInstrument>(staff('/lijw/instruments', { instrument: doc(), note: 'Rekonstrukcja' }), 201);
    expect(v1).toMatchObject({ version: 1, frozen: false, sections: 6, items: 34, note: 'Rekonstrukcja' });
    const fixed = doc();
    fixed.title.en = 'LIJW survey';
    expect((await ok<StaffInstrument>(staff('/lijw/instruments/1', { instrument: fixed }, 'PUT'))).version).toBe(1);
    await edition('2026', -1);
    expect((await ok<{ items: StaffInstrument[] }>(staff('/lijw/instruments'))).items[0]).toMatchObject({ frozen: true, usedBy: ['2026'] });
    await expectError(await staff('/lijw/instruments/1', { instrument: doc() }, 'PUT'), 409, 'survey_instrument_frozen');
    expect((await ok<StaffInstrument>(staff('/lijw/instruments', { instrument: doc() }), 201)).version).toBe(2);
    const public1 = (await (await t.app.request('/v1/surveys/lijw/instrument?version=1')).json()) as { instrument: { title: { en: string } } };
    expect(public1.instrument.title.en).toBe('LIJW survey');
  });

  it('creates editions the clock opens, hands out token links as JSON, CSV and XLSX, and counts per group', async () => {
    await ok(staff('/lijw/instruments', { instrument: doc() }), 201);
    await expectError(await staff('/lijw/editions', { slug: 'x', instrumentVersion: 1, opensAt: iso(2), closesAt: iso(1), periodFrom: '2025-01-01', periodTo: '2024-12-31' }), 422, 'validation_failed');
    const planned = await edition('2027', 5);
    expect(planned.status).toBe('planned');
    await expectError(await staff('/lijw/editions', { slug: '2027', instrumentVersion: 1, opensAt: iso(5), closesAt: iso(9), periodFrom: '2026-01-01', periodTo: '2026-12-31' }), 409, 'survey_edition_exists');
    const open = await edition('2026', -1);
    expect(open.status).toBe('open');

    const ngo = await links('2026', 'ngo', 3);
    expect(new Set(ngo).size).toBe(3);
    const draft = await t.app.request(`/v1/surveys/lijw/responses/draft?token=${ngo[0]}`);
    expect(draft.status).toBe(200);

    const csv = await staff('/lijw/editions/2026/tokens', { group: 'official', count: 4, format: 'csv', lang: 'uk' });
    expect(csv.status).toBe(201);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/Посадовці,https:\/\/ngo\.example\.org\/embed\/surveys\?lang=uk&survey=lijw&token=[\w-]{43},/);

    const xlsx = await staff('/lijw/editions/2026/tokens', { group: 'councillor', count: 2, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(book.worksheets[0]!.rowCount).toBe(3);
    expect(String(book.worksheets[0]!.getRow(2).getCell(3).value)).toMatch(/token=[\w-]{43}$/);

    expect((await answer(ngo[0]!)).status).toBe(201);
    const detail = await ok<StaffEditionDetail>(staff('/lijw/editions/2026'));
    expect(detail.counts).toEqual({ ngo: { responses: 1, issued: 3, used: 1 }, official: { responses: 0, issued: 4, used: 0 }, councillor: { responses: 0, issued: 2, used: 0 } });
    expect(detail.batches.map((b) => [b.group, b.size, b.used])).toEqual(expect.arrayContaining([['ngo', 3, 1], ['official', 4, 0]]));

    // Revoking a batch stops its links; the instrument of an opened edition cannot change.
    const official = detail.batches.find((b) => b.group === 'councillor')!;
    await ok(staff(`/lijw/editions/2026/batches/${official.id}/revoke`, {}));
    await ok(staff('/lijw/instruments', { instrument: doc() }), 201);
    await expectError(await staff('/lijw/editions/2026', { instrumentVersion: 2 }, 'PATCH'), 409, 'survey_edition_started');
    expect((await ok<StaffEdition>(staff('/lijw/editions/2027', { instrumentVersion: 2, closesAt: iso(40) }, 'PATCH'))).instrumentVersion).toBe(2);

    // An open link works for its group until revoked.
    const link = await ok<{ id: string; url: string }>(staff('/lijw/editions/2026/open-links', { group: 'district_council' }), 201);
    const key = new URL(link.url).searchParams.get('link')!;
    expect(((await (await t.app.request(`/v1/surveys/lijw/responses/draft?link=${key}`)).json()) as { group: string }).group).toBe('district_council');
    expect((await staff(`/lijw/editions/2026/open-links/${link.id}`, {}, 'DELETE')).status).toBe(204);
    await expectError(await t.app.request(`/v1/surveys/lijw/responses/draft?link=${key}`), 404, 'link_invalid');
  });

  it('mails invitations through the outbox in the chosen language, and lets the mails go once sent', async () => {
    await ok(staff('/lijw/instruments', { instrument: doc() }), 201);
    await edition('2026', -1);
    const to = ['a@ngo.example.org', 'b@ngo.example.org', 'c@ngo.example.org'];
    const queued = await ok<{ queued: number; batch: { channel: string } }>(staff('/lijw/editions/2026/mailings', { group: 'ngo', lang: 'en', recipients: to }), 202);
    expect(queued).toMatchObject({ queued: 3, batch: { channel: 'mail' } });
    const { token, mail } = await mailedLink(t, 'b@ngo.example.org', 'token');
    expect(mail).toMatchObject({ template: 'surveys.invitation', lang: 'en' });
    expect(mail.subject).toMatch(/^Invitation to the survey/);
    expect((await answer(token)).status).toBe(201);
    // Nothing on the token side names the address.
    expect(JSON.stringify(await t.db.selectFrom('survey_token').selectAll().execute())).not.toMatch(/ngo\.example\.org/);
    expect(JSON.stringify(await t.db.selectFrom('survey_token_batch').selectAll().execute())).not.toMatch(/ngo\.example\.org/);
    await expectError(await staff('/lijw/editions/2026/mailings', { group: 'ngo', recipients: ['x@example.org', 'X@example.org'] }), 422, 'validation_failed');

    expect(await purgeInvitationMail(t.db)).toBe(0); // still pending
    await t.mailer.flush();
    expect(await purgeInvitationMail(t.db)).toBe(3);
    expect(await t.db.selectFrom('mail_outbox').selectAll().where('template', '=', 'surveys.invitation').execute()).toEqual([]);
  });

  it('scores, publishes, runs the joint meeting, and shows what changed since last year', async () => {
    await ok(staff('/lijw/instruments', { instrument: doc() }), 201);
    await edition('2025', -1, 30);
    const ngo = await links('2025', 'ngo', 6);
    const off = await links('2025', 'official', 5);
    for (const [i, tk] of ngo.entries()) expect((await answer(tk, completeAnswers(i < 3 ? 2 : 3))).status).toBe(201);
    for (const tk of off) expect((await answer(tk, { ...completeAnswers(5), a_cooperated: 'no' })).status).toBe(201);

    const r = await ok<StaffResults>(staff('/lijw/editions/2025/results?lang=en'));
    expect(r.columns).toEqual(['ngo', 'official', 'councillor', 'public_benefit_council', 'district_council', 'all']);
    expect(r.respondents).toMatchObject({ ngo: 6, official: 5, all: 11, councillor: 0 });
    const overall = r.items!.find((i) => i.id === 'overall_rating')!;
    expect(overall.cells.ngo).toEqual({ n: 6, score: 37.5, suppressed: null }); // (2,2,2,3,3,3) → (25·3 + 50·3)/6
    expect(overall.cells.official).toEqual({ n: 5, score: 100, suppressed: null });
    expect(r.gap!.items.find((i) => i.id === 'overall_rating')).toEqual({ id: 'overall_rating', section: 'overall', a: 37.5, b: 100, gap: -62.5 });
    const gaps = r.agenda.map((e) => Math.abs(e.gap));
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    expect(r.agenda[0]!.text.en).toBeTruthy();
    const any2 = await ok<StaffResults>(staff('/lijw/editions/2025/results?a=official&b=all'));
    expect(any2.gap).toMatchObject({ a: 'official', b: 'all' });

    await expectError(await staff('/lijw/editions/2025/publication', { columns: ['ngo', 'all'], items: true, trend: true, indicators: true, published: true }, 'PUT'), 409, 'survey_not_closed');
    await ok(staff('/lijw/editions/2025', { opensAt: iso(-40), closesAt: iso(-2) }, 'PATCH'));
    const published = await ok<StaffEdition>(staff('/lijw/editions/2025/publication', { columns: ['ngo', 'official', 'all'], items: true, trend: true, indicators: true, published: true }, 'PUT'));
    expect(published.published).toBe(true);
    const pub = await ok<Results>(t.app.request('/v1/surveys/lijw/editions/2025/results?lang=uk'));
    expect(pub.columns).toEqual(['ngo', 'official', 'all']);
    expect(pub.indicators!.map((i) => i.key)).toEqual(expect.arrayContaining(['consultations.held', 'map.organisations', 'events.trainings_held']));
    expect(pub.indicators!.find((i) => i.key === 'map.organisations')!.label).toBe('Організації на мапі');

    // The joint meeting: agreed scores and recommendations on scored sections only.
    await ok(staff('/lijw/editions/2025/agreed/b', { score: 55, note: 'Uzgodnione' }, 'PUT'));
    await expectError(await staff('/lijw/editions/2025/agreed/profile', { score: 55 }, 'PUT'), 422, 'validation_failed');
    await ok(staff('/lijw/editions/2025/meeting', { on: day(-1), note: 'Protokół' }, 'PUT'));
    const rec = await ok<{ id: string; status: string }>(staff('/lijw/editions/2025/recommendations', { section: 'b', text: 'Jeden punkt kontaktowy', owner: 'Sekretarz Miasta', deadline: day(90) }), 201);
    expect(rec.status).toBe('planned');
    const gone = await ok<{ id: string }>(staff('/lijw/editions/2025/recommendations', { section: 'a', text: 'Do usunięcia', owner: 'X', deadline: day(90) }), 201);
    expect((await staff(`/lijw/editions/2025/recommendations/${gone.id}`, undefined, 'DELETE')).status).toBe(204);
    await ok(staff(`/lijw/editions/2025/recommendations/${rec.id}`, { status: 'in_progress', statusNote: 'Lista w przygotowaniu' }, 'PATCH'));
    expect((await ok<StaffResults>(staff('/lijw/editions/2025/results'))).sections.find((s) => s.id === 'b')!.agreed).toBe(55);

    // The next edition starts with last year's recommendations and their status.
    await edition('2026', -1);
    const next = await ok<EditionDetail>(t.app.request('/v1/surveys/lijw/editions/2026'));
    expect(next.lastYear).toMatchObject({ edition: '2025', recommendations: [{ section: 'b', text: 'Jeden punkt kontaktowy', status: 'in_progress', statusNote: 'Lista w przygotowaniu' }] });
    const tk = await links('2026', 'ngo', 5);
    for (const k of tk) expect((await answer(k, completeAnswers(4))).status).toBe(201);
    const changes = await ok<z.output<typeof ChangesSchema>>(staff('/lijw/editions/2026/changes'));
    expect(changes.previous).toBe('2025');
    expect(changes.recommendations).toHaveLength(1);
    const overallChange = changes.sections.find((s) => s.id === 'overall')!;
    expect(overallChange).toMatchObject({ previous: round((37.5 * 6 + 100 * 5) / 11), current: 75 });
    expect(overallChange.delta).toBeCloseTo(75 - (37.5 * 6 + 100 * 5) / 11, 0);
  });

  it('exports anonymised responses with a codebook, the indices, and the report as HTML and DOCX', async () => {
    await ok(staff('/lijw/instruments', { instrument: doc() }), 201);
    await edition('2026', -1);
    for (const tk of await links('2026', 'ngo', 5)) await answer(tk, { ...completeAnswers(3), r_priorities: ['premises'] });
    for (const tk of await links('2026', 'official', 2)) await answer(tk, { ...completeAnswers(5), a_cooperated: 'no' });

    const csv = await staff('/lijw/editions/2026/export/responses?format=csv');
    const rows = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    const head = rows[0]!.split(',');
    expect(head[0]).toBe('group');
    expect(head).not.toContain('id');
    expect(head).toEqual(expect.arrayContaining(['overall_rating', 'r_priorities__premises']));
    expect(rows).toHaveLength(6); // the 2 officials are under 5: left out of the rows
    expect(rows.slice(1).every((r) => r.startsWith('ngo,'))).toBe(true);
    const col = head.indexOf('r_priorities__premises');
    expect(rows.slice(1).map((r) => r.split(',')[col])).toEqual(['1', '1', '1', '1', '1']);

    const codebook = await (await staff('/lijw/editions/2026/export/codebook?format=csv&lang=en')).text();
    expect(codebook).toMatch(/overall_rating,overall_rating,overall,scale,.*9 = hard to say/);
    const indices = await staff('/lijw/editions/2026/export/indices?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await indices.arrayBuffer()) as never);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const official = header.indexOf('Urzędnicy') + 1;
    expect(String(sheet.getRow(2).getCell(official).value)).toBe('n < 5');

    const report = await staff('/lijw/editions/2026/report?lang=en');
    expect(report.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await report.text();
    expect(page).toMatch(/<h2>Section scores<\/h2>/);
    expect(page).toMatch(/<h2>Perception gap: NGOs − Officials<\/h2>/);
    expect(page).toContain('n &lt; 5');
    const docx = await staff('/lijw/editions/2026/report?format=docx');
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });

  it('purges the tokens of an edition closed a month ago and keeps the counts', async () => {
    await ok(staff('/lijw/instruments', { instrument: doc() }), 201);
    await edition('2026', -1);
    const tk = await links('2026', 'ngo', 4);
    await answer(tk[0]!);
    await t.app.request('/v1/surveys/lijw/responses/draft', json({ token: tk[1], answers: { overall_rating: 2 } }, { 'x-forwarded-for': freshIp() }, 'PUT'));
    const ed = (await t.db.selectFrom('survey_edition').select('id').where('slug', '=', '2026').executeTakeFirstOrThrow()).id;
    expect(await purgeTokens(t.db)).toBe(0);
    const later = new Date(Date.now() + 61 * DAY);
    expect(await purgeTokens(t.db, later)).toBe(4);
    expect(await purgeTokens(t.db, later)).toBe(0);
    expect(await t.db.selectFrom('survey_token').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('survey_draft').selectAll().execute()).toEqual([]);
    expect(await invitationCounts(t.db, ed)).toEqual({ ngo: { issued: 4, used: 1 } });
    expect(await t.db.selectFrom('survey_response').selectAll().execute()).toHaveLength(1);
  });

  it('keeps the OpenAPI document valid with the staff routes', async () => {
    const d = (await (await t.app.request('/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(d.paths)).toEqual(expect.arrayContaining(['/v1/surveys/{survey}/responses', '/v1/admin/surveys/{survey}/editions/{edition}/report']));
    const result = await new Validator().validate(d as never);
    expect(result.errors ?? []).toEqual([]);
  });
});

const round = (v: number) => Math.round(v * 10) / 10;
