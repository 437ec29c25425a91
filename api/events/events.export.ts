/** The attendee list of one registration list, for staff: the same rows as CSV and as XLSX. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Lang } from '../../common/taxonomy.js';
import { dictionaryTranslator, inLang, labelIn } from '../../common/i18n.js';
import { tAccessNeed, type AccessNeed } from '../../common/events.js';
import type { Question } from '../../common/events.schema.js';
import type { ExportColumn, ExportTable } from '../core/export.js';
import { findPlacesRow } from './events.repository.js';
import { optionLabel, type RetiredOptions } from './events.questions.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Column headings and registration statuses, on the translator core (common/i18n.ts). */
const tExport = dictionaryTranslator({
  pl: { retired: '{label} (pytanie usunięte)', removedOption: '(opcja usunięta)', position: 'Lp.', name: 'Imię i nazwisko', email: 'E-mail', organisation: 'Organizacja', status: 'Status', confirmedAt: 'Potwierdzono', accessNeeds: 'Potrzeby dostępności', accessNote: 'Uwagi o dostępności', skipped: 'Nieobecność zgłoszona na sesjach', attended: 'Obecności', 'status.unconfirmed': 'niepotwierdzona', 'status.confirmed': 'potwierdzona', 'status.waiting': 'lista rezerwowa', 'status.offered': 'zaproponowano miejsce', 'status.cancelled': 'anulowana', 'status.expired': 'propozycja wygasła' },
  en: { retired: '{label} (question removed)', removedOption: '(option removed)', position: 'No.', name: 'Name', email: 'E-mail', organisation: 'Organisation', status: 'Status', confirmedAt: 'Confirmed', accessNeeds: 'Access needs', accessNote: 'Access note', skipped: 'Sessions skipped', attended: 'Check-ins', 'status.unconfirmed': 'unconfirmed', 'status.confirmed': 'confirmed', 'status.waiting': 'waiting list', 'status.offered': 'place offered', 'status.cancelled': 'cancelled', 'status.expired': 'offer expired' },
  uk: { retired: '{label} (питання вилучено)', removedOption: '(опцію вилучено)', position: '№', name: 'Ім’я та прізвище', email: 'Ел. пошта', organisation: 'Організація', status: 'Статус', confirmedAt: 'Підтверджено', accessNeeds: 'Потреби доступності', accessNote: 'Примітка щодо доступності', skipped: 'Пропущені сесії', attended: 'Відвідування', 'status.unconfirmed': 'не підтверджено', 'status.confirmed': 'підтверджено', 'status.waiting': 'список очікування', 'status.offered': 'запропоновано місце', 'status.cancelled': 'скасовано', 'status.expired': 'пропозиція минула' },
});

/** An answer as staff read it: an option by its label, one since removed by the label it had (or marked removed), never its id. */
const answerText = (q: Question, v: unknown, lang: Lang, removed: RetiredOptions): string => {
  if (v === undefined || v === null || v === '') return '';
  const option = (id: unknown) => {
    const label = optionLabel(q, removed, id);
    return label ? labelIn(label, lang) : tExport(lang, 'removedOption');
  };
  if (q.kind === 'boolean') return v === true ? '✓' : '';
  if (q.kind === 'multi' && Array.isArray(v)) return v.map(option).join('; ');
  if (q.kind === 'choice') return option(v);
  return String(v);
};

/** Columns and rows of a list's registrations (not the unconfirmed ones), in queue order. */
export async function attendeeTable(db: Db, placesId: string, lang: Lang): Promise<ExportTable & { columns: ExportColumn[]; rows: Record<string, unknown>[] }> {
  const places = await findPlacesRow(db, placesId);
  const questions = places ? (JSON.parse(places.questions) as Question[]) : [];
  const removed = places ? (JSON.parse(places.retired_options) as RetiredOptions) : {};
  const h = inLang(tExport, lang);
  const regs = await db.selectFrom('event_registration').selectAll().where('places_id', '=', placesId).where('status', '!=', 'unconfirmed').orderBy('queue_no').execute();
  const answersOf = new Map(regs.map((r) => [r.id, JSON.parse(r.answers) as Record<string, unknown>]));
  // A removed question keeps its column while someone listed still holds an answer to it.
  const retired = (places ? (JSON.parse(places.retired_questions) as Question[]) : []).filter((q) => regs.some((r) => answerText(q, answersOf.get(r.id)![q.id], lang, removed) !== ''));
  const columns: ExportColumn[] = [
    { key: 'position', header: h('position') }, { key: 'name', header: h('name') }, { key: 'email', header: h('email') }, { key: 'organisation', header: h('organisation') },
    { key: 'status', header: h('status') }, { key: 'confirmedAt', header: h('confirmedAt'), type: 'datetime' }, { key: 'accessNeeds', header: h('accessNeeds') }, { key: 'accessNote', header: h('accessNote') },
    ...questions.map((q) => ({ key: `q:${q.id}`, header: labelIn(q.label, lang) })),
    ...retired.map((q) => ({ key: `q:${q.id}`, header: h('retired', { label: labelIn(q.label, lang) }) })),
    { key: 'skipped', header: h('skipped') }, { key: 'attended', header: h('attended') },
  ];
  const sessions = await db.selectFrom('calendar_event').select(['id', 'title']).where('places_id', '=', placesId).execute();
  const marks = regs.length
    ? await db.selectFrom('event_attendance').select(['registration_id', (eb) => eb.fn.countAll<number>().as('n')]).where('registration_id', 'in', regs.map((r) => r.id)).groupBy('registration_id').execute()
    : [];
  const rows = regs.map((r, i) => {
    const answers = answersOf.get(r.id)!;
    return {
      position: i + 1,
      name: r.name,
      email: r.email,
      organisation: r.organisation,
      status: tExport(lang, `status.${r.status}`),
      confirmedAt: r.confirmed_at,
      accessNeeds: (JSON.parse(r.access_needs) as AccessNeed[]).map((n) => tAccessNeed(lang, n)),
      accessNote: r.access_note,
      ...Object.fromEntries([...questions, ...retired].map((q) => [`q:${q.id}`, answerText(q, answers[q.id], lang, removed)])),
      skipped: (JSON.parse(r.skip_sessions) as string[]).map((id) => sessions.find((s) => s.id === id)?.title ?? id),
      attended: Number(marks.find((m) => m.registration_id === r.id)?.n ?? 0),
    };
  });
  return { columns, rows };
}
