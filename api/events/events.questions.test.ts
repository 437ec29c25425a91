import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { dialects, expectError, json, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';
import { findEventRow } from './events.repository.js';
import { kindChanges, retireOptions, retireQuestions } from './events.questions.js';
import { confirmRegistration, insertRegistration } from './events.places.js';
import type { Question } from '../../common/events.schema.js';

/**
 * Staff edit an event's custom registration questions (issue 12): added, edited, reordered and
 * removed through PUT /v1/admin/events/{id}; answers to a removed question are kept on the
 * registrations and keep a column, marked removed, in the CSV and XLSX exports.
 */
const meal = { id: 'meal', kind: 'choice', label: { pl: 'Posiłek', en: 'Meal', uk: 'Харчування' }, required: true, options: [{ id: 'wege', label: { pl: 'Wegetariański', en: 'Vegetarian' } }, { id: 'std', label: { pl: 'Standardowy', en: 'Standard' } }] };
const krs = { id: 'krs', kind: 'text', label: { pl: 'Numer KRS' } };
const photo = { id: 'photo', kind: 'boolean', label: { pl: 'Zgoda na zdjęcia', en: 'Photos allowed' } };

describe.each(dialects)('event registration questions (%s)', (dialect) => {
  let t: TestApp;
  let mod: StaffSession;
  beforeEach(async () => {
    t = await testApp(dialect);
    mod = await staffSession(t, 'moderator');
  });
  afterEach(() => t.close());
  const request = (path: string, body?: unknown, method = 'POST') => t.app.request(`/v1/admin/events${path}`, body === undefined ? { headers: mod.headers } : json(body, mod.headers, method));
  const event = (questions: unknown[]) => ({
    title: 'Forum NGO 2027', type: 'forum', start: '2027-06-12T10:00', end: '2027-06-12T16:00', organiser: { name: 'MOWIS' }, venue: { name: 'ICE Kraków', district: 1 },
    registrationMode: 'event', registration: { capacity: 20, questions },
  });
  const csvOf = async (id: string, lang = 'pl') => {
    const res = await request(`/${id}/registrations/export?format=csv&lang=${lang}`);
    expect(res.status).toBe(200);
    return parse((await res.text()).replace(/^\uFEFF/, '')) as string[][];
  };

  it('saves added, edited and reordered questions, and keeps the answers of a removed one in the exports', async () => {
    const created = await request('', event([meal, krs]));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const placesId = (await findEventRow(t.db, id))!.places_id!;
    const reg = await insertRegistration(t.db, { placesId, eventId: id, seriesId: null, name: 'Łucja Żółkiewska', email: 'lucja@example.org', organisation: null, answers: { meal: 'wege', krs: '0000123456' }, accessNeeds: [], accessNote: null, skipSessions: [], lang: 'uk' });
    await confirmRegistration(t.db, reg.id);

    // KRS removed, the meal question reworded and moved after a new one.
    const edited = { ...meal, label: { pl: 'Posiłek w przerwie', en: 'Lunch', uk: 'Обід' } };
    expect((await request(`/${id}`, event([photo, edited]), 'PUT')).status).toBe(200);
    const stored = (await (await request(`/${id}`)).json()) as { input: { registration: { questions: Question[] } } };
    expect(stored.input.registration.questions.map((q) => [q.id, q.label.pl])).toEqual([['photo', 'Zgoda na zdjęcia'], ['meal', 'Posiłek w przerwie']]);
    // The public form asks only what is asked now.
    const pub = (await (await t.app.request(`/v1/events/${id}`)).json()) as { registration: { questions: Question[] } };
    expect(pub.registration.questions.map((q) => q.id)).toEqual(['photo', 'meal']);

    // The answer stays on the registration, and in the export under a column marked removed.
    expect(JSON.parse((await t.db.selectFrom('event_registration').select('answers').where('id', '=', reg.id).executeTakeFirstOrThrow()).answers)).toEqual({ meal: 'wege', krs: '0000123456' });
    const [header, row] = await csvOf(id);
    expect(header!.slice(8, 11)).toEqual(['Zgoda na zdjęcia', 'Posiłek w przerwie', 'Numer KRS (pytanie usunięte)']);
    expect(row!.slice(8, 11)).toEqual(['', 'Wegetariański', '0000123456']);
    expect((await csvOf(id, 'uk'))[0]!.slice(8, 11)).toEqual(['Zgoda na zdjęcia', 'Обід', 'Numer KRS (питання вилучено)']);

    const xlsx = await request(`/${id}/registrations/export?format=xlsx&lang=en`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as never);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(9, 12)).toEqual(['Photos allowed', 'Lunch', 'Numer KRS (question removed)']);
    expect([sheet.getRow(2).getCell(10).value, sheet.getRow(2).getCell(11).value]).toEqual(['Vegetarian', '0000123456']);
  });

  it('drops the column of a removed question nobody answered, and brings a question asked again back to its place', async () => {
    const { id } = (await (await request('', event([meal, krs, photo]))).json()) as { id: string };
    const placesId = (await findEventRow(t.db, id))!.places_id!;
    const reg = await insertRegistration(t.db, { placesId, eventId: id, seriesId: null, name: 'Jan Kowalski', email: 'jan@example.org', organisation: null, answers: { meal: 'std', krs: '0000999999' }, accessNeeds: [], accessNote: null, skipSessions: [], lang: 'pl' });
    await confirmRegistration(t.db, reg.id);
    expect((await request(`/${id}`, event([meal]), 'PUT')).status).toBe(200);
    // "photo" had no answer, so no column; "krs" has one.
    expect((await csvOf(id))[0]!.slice(8, -2)).toEqual(['Posiłek', 'Numer KRS (pytanie usunięte)']);
    expect((await request(`/${id}`, event([krs, meal]), 'PUT')).status).toBe(200);
    const [header, row] = await csvOf(id);
    expect(header!.slice(8, -2)).toEqual(['Numer KRS', 'Posiłek']);
    expect(row!.slice(8, -2)).toEqual(['0000999999', 'Standardowy']);
  });

  it('refuses questions the registration form could not ask with 422, naming the field', async () => {
    const { id } = (await (await request('', event([meal]))).json()) as { id: string };
    const oneOption = { ...meal, options: meal.options.slice(0, 1) };
    const res = await request(`/${id}`, event([oneOption]), 'PUT');
    const body = await expectError(res, 422, 'validation_failed');
    expect(JSON.stringify(body)).toContain('registration.questions.0.options');
    await expectError(await request(`/${id}`, event([krs, { ...krs, label: { pl: 'Drugi' } }]), 'PUT'), 422, 'validation_failed');
    await expectError(await request(`/${id}`, event([{ ...krs, label: { pl: '' } }]), 'PUT'), 422, 'validation_failed');
    await expectError(await request(`/${id}`, event([{ ...krs, kind: 'file' }]), 'PUT'), 422, 'validation_failed');
    // Nothing was saved by the refused attempts.
    const stored = (await (await request(`/${id}`)).json()) as { input: { registration: { questions: Question[] } } };
    expect(stored.input.registration.questions.map((q) => q.id)).toEqual(['meal']);
  });

  it('refuses to change the type of a saved question, or of a removed one asked again, with 422 at its kind', async () => {
    const { id } = (await (await request('', event([meal, krs]))).json()) as { id: string };
    const res = await request(`/${id}`, event([meal, { ...krs, kind: 'boolean' }]), 'PUT');
    const body = await expectError(res, 422, 'validation_failed');
    expect(body.details?.issues).toEqual([expect.objectContaining({ path: 'registration.questions.1.kind', code: 'immutable' })]);
    // Removed, then asked again as another type: its kept answers would no longer read.
    expect((await request(`/${id}`, event([meal]), 'PUT')).status).toBe(200);
    const again = await request(`/${id}`, event([{ ...krs, kind: 'boolean' }, meal]), 'PUT');
    expect((await expectError(again, 422, 'validation_failed')).details?.issues?.map((i) => i.path)).toEqual(['registration.questions.0.kind']);
    // The label, options and required flag may change; the type stays.
    const reworded = { ...meal, required: false, label: { pl: 'Dieta' }, options: [...meal.options, { id: 'vegan', label: { pl: 'Wegański' } }] };
    expect((await request(`/${id}`, event([reworded, krs]), 'PUT')).status).toBe(200);
    const stored = (await (await request(`/${id}`)).json()) as { input: { registration: { questions: Question[] } } };
    expect(stored.input.registration.questions.map((q) => [q.id, q.kind, q.required])).toEqual([['meal', 'choice', false], ['krs', 'text', false]]);
  });

  it('refuses a type change on a cycle registered as a whole too', async () => {
    const cycle = { kind: 'cycle', title: 'Akademia Kraków dla NGO', organiser: { name: 'MOWIS' }, registrationMode: 'series', registration: { capacity: 10, questions: [meal] } };
    const created = await request('/series', cycle);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const res = await request(`/series/${id}`, { ...cycle, registration: { capacity: 10, questions: [{ ...meal, kind: 'multi' }] } }, 'PUT');
    expect((await expectError(res, 422, 'validation_failed')).details?.issues?.map((i) => i.path)).toEqual(['registration.questions.0.kind']);
  });

  it('shows an answer to a removed option by the label it had, or marked removed, never by its id', async () => {
    const { id } = (await (await request('', event([meal]))).json()) as { id: string };
    const placesId = (await findEventRow(t.db, id))!.places_id!;
    const register = async (email: string, answers: Record<string, unknown>) => confirmRegistration(t.db, (await insertRegistration(t.db, { placesId, eventId: id, seriesId: null, name: email, email, organisation: null, answers, accessNeeds: [], accessNote: null, skipSessions: [], lang: 'pl' })).id);
    await register('a@example.org', { meal: 'wege' });
    // An answer whose option left before its wording was kept (no label known).
    await register('b@example.org', { meal: 'ryba' });
    const fewer = { ...meal, options: [meal.options[1]!, { id: 'vegan', label: { pl: 'Wegański', en: 'Vegan' } }] };
    expect((await request(`/${id}`, event([fewer]), 'PUT')).status).toBe(200);
    const rows = await csvOf(id);
    expect(rows.slice(1).map((r) => r[8])).toEqual(['Wegetariański', '(opcja usunięta)']);
    expect((await csvOf(id, 'en')).slice(1).map((r) => r[8])).toEqual(['Vegetarian', '(option removed)']);
    expect((await csvOf(id, 'uk')).slice(1).map((r) => r[8])).toEqual(['Wegetariański', '(опцію вилучено)']);
    // The whole question removed: its column still reads the removed option's label.
    expect((await request(`/${id}`, event([krs]), 'PUT')).status).toBe(200);
    expect((await csvOf(id)).slice(1).map((r) => r[9])).toEqual(['Wegetariański', '(opcja usunięta)']);
  });
});

describe('retireQuestions', () => {
  const q = (id: string, pl = id) => ({ id, kind: 'text' as const, label: { pl, en: null, uk: null }, required: false, options: [] });
  it('adds what a save drops, keeps the latest wording once, and forgets a question asked again', () => {
    expect(retireQuestions([q('a'), q('b')], [], [q('b')])).toEqual([q('a')]);
    expect(retireQuestions([q('a', 'new')], [q('a', 'old'), q('c')], [])).toEqual([q('c'), q('a', 'new')]);
    expect(retireQuestions([q('b')], [q('a'), q('c')], [q('a'), q('b')])).toEqual([q('c')]);
  });
});

describe('retireOptions', () => {
  const o = (id: string, pl = id) => ({ id, label: { pl, en: null, uk: null } });
  const q = (id: string, ...options: ReturnType<typeof o>[]) => ({ id, kind: 'choice' as const, label: { pl: id, en: null, uk: null }, required: false, options });
  it('keeps the latest wording of a dropped option, forgets one offered again, and keeps those of a dropped question', () => {
    expect(retireOptions([q('a', o('x'), o('y', 'Y1'))], [], {}, [q('a', o('x'), o('z'))])).toEqual({ a: [o('y', 'Y1')] });
    expect(retireOptions([q('a', o('x'), o('z'))], [], { a: [o('y', 'Y0')] }, [q('a', o('y'), o('z'))])).toEqual({ a: [o('x')] });
    expect(retireOptions([q('a', o('x'))], [], { a: [o('x', 'old')] }, [q('a', o('z'))])).toEqual({ a: [o('x')] });
    expect(retireOptions([q('b', o('x'), o('y'))], [], { a: [o('w')] }, [])).toEqual({ a: [o('w')] });
    // A removed question asked again with fewer options: it had them when it was retired.
    expect(retireOptions([], [q('a', o('x'), o('y'))], {}, [q('a', o('x'), o('z'))])).toEqual({ a: [o('y')] });
  });
});

describe('kindChanges', () => {
  const q = (id: string, kind: 'text' | 'boolean') => ({ id, kind, label: { pl: id, en: null, uk: null }, required: false, options: [] });
  it('names the index of each question whose kind differs from its saved or retired self', () => {
    expect(kindChanges([q('a', 'text')], [q('b', 'text')], [q('c', 'boolean'), q('b', 'boolean'), q('a', 'text')]).map((i) => i.path)).toEqual(['registration.questions.1.kind']);
    expect(kindChanges([q('a', 'text')], [], [q('a', 'boolean')]).map((i) => i.path)).toEqual(['registration.questions.0.kind']);
  });
});
