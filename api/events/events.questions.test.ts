import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { dialects, expectError, json, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';
import { findEventRow, retireQuestions } from './events.repository.js';
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
});

describe('retireQuestions', () => {
  const q = (id: string, pl = id) => ({ id, kind: 'text' as const, label: { pl, en: null, uk: null }, required: false, options: [] });
  it('adds what a save drops, keeps the latest wording once, and forgets a question asked again', () => {
    expect(retireQuestions([q('a'), q('b')], [], [q('b')])).toEqual([q('a')]);
    expect(retireQuestions([q('a', 'new')], [q('a', 'old'), q('c')], [])).toEqual([q('c'), q('a', 'new')]);
    expect(retireQuestions([q('b')], [q('a'), q('c')], [q('a'), q('b')])).toEqual([q('c')]);
  });
});
