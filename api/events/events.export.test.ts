import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { dialects } from '../testing.js';
import { freshDatabaseEachTest } from './events.testing.js';
import { toCsv, toXlsx } from '../core/export.js';
import { EventInput } from '../../common/events.schema.js';
import { findEventRow, insertEvent } from './events.repository.js';
import { confirmRegistration, insertRegistration } from './events.places.js';
import { checkIn } from './events.attendance.js';
import { attendeeTable } from './events.export.js';

describe.each(dialects)('attendee export (%s)', (dialect) => {
  const t = freshDatabaseEachTest(dialect);

  async function setup() {
    const questions = [
      { id: 'diet', kind: 'choice', label: { pl: 'Posiłek', en: 'Meal' }, options: [{ id: 'wege', label: { pl: 'Wegetariański', en: 'Vegetarian' } }, { id: 'std', label: { pl: 'Standardowy', en: 'Standard' } }] },
      { id: 'krs', kind: 'text', label: { pl: 'KRS organizacji' } },
    ];
    const id = await insertEvent(t.db, EventInput.parse({
      title: 'Forum NGO', type: 'forum', start: '2027-06-12T10:00', end: '2027-06-12T16:00', organiser: { name: 'MOWIS' }, venue: { name: 'ICE Kraków' },
      registrationMode: 'event', registration: { capacity: 1, questions },
    }));
    const placesId = (await findEventRow(t.db, id))!.places_id!;
    const a = await insertRegistration(t.db, { placesId, eventId: id, seriesId: null, name: 'Łucja Żółkiewska', email: 'lucja@example.org', organisation: 'Fundacja Ćma', answers: { diet: 'wege', krs: '0000123456' }, accessNeeds: ['pjm', 'stepFree'], accessNote: null, skipSessions: [], lang: 'pl' });
    const b = await insertRegistration(t.db, { placesId, eventId: id, seriesId: null, name: '=HYPERLINK("x")', email: 'b@example.org', organisation: null, answers: { diet: 'std' }, accessNeeds: [], accessNote: 'Pies asystujący', skipSessions: [], lang: 'en' });
    await insertRegistration(t.db, { placesId, eventId: id, seriesId: null, name: 'Nie potwierdził', email: 'c@example.org', organisation: null, answers: {}, accessNeeds: [], accessNote: null, skipSessions: [], lang: 'pl' });
    await confirmRegistration(t.db, a.id);
    await confirmRegistration(t.db, b.id);
    await checkIn(t.db, { eventId: id, code: a.code, by: null });
    return placesId;
  }

  it('lists confirmed and waiting people in queue order, with answers, access needs and check-ins, as a formula-safe CSV', async () => {
    const { columns, rows } = await attendeeTable(t.db, await setup(), 'pl');
    const csv = toCsv(columns, rows);
    const [header, ...records] = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];
    expect(header).toEqual(['Lp.', 'Imię i nazwisko', 'E-mail', 'Organizacja', 'Status', 'Potwierdzono', 'Potrzeby dostępności', 'Uwagi o dostępności', 'Posiłek', 'KRS organizacji', 'Nieobecność zgłoszona na sesjach', 'Obecności']);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ 1: 'Łucja Żółkiewska', 3: 'Fundacja Ćma', 4: 'potwierdzona', 6: 'Tłumacz PJM; Dostęp bez schodów (wózek)', 8: 'Wegetariański', 9: '0000123456', 11: '1' });
    expect(records[1]).toMatchObject({ 1: `'=HYPERLINK("x")`, 4: 'lista rezerwowa', 7: 'Pies asystujący', 8: 'Standardowy', 11: '0' });
  });

  it('writes the same table as XLSX with text cells, so identifiers keep their zeros', async () => {
    const { columns, rows } = await attendeeTable(t.db, await setup(), 'en');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx(columns, rows, 'Forum NGO')) as never);
    const sheet = book.getWorksheet('Forum NGO')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'No.', 'Name', 'E-mail', 'Organisation', 'Status', 'Confirmed', 'Access needs', 'Access note', 'Meal', 'KRS organizacji', 'Sessions skipped', 'Check-ins']);
    const krs = sheet.getRow(2).getCell(10);
    expect([krs.value, krs.numFmt]).toEqual(['0000123456', '@']);
    expect(sheet.getRow(2).getCell(9).value).toBe('Vegetarian');
    expect(sheet.getRow(2).getCell(12).value).toBe(1);
    // A string that looks like a formula stays a string cell.
    expect(sheet.getRow(3).getCell(2).value).toBe('=HYPERLINK("x")');
    expect(sheet.rowCount).toBe(3);
  });
});
