import type { Kysely } from 'kysely';
import { caseNumber } from '../../common/advice.js';
import type { TopicField } from '../../common/advice.schema.js';
import { addDays, warsawDateOf, warsawLocalToUtc } from '../../common/time.js';
import { LEGAL_FORMS } from '../../common/map.js';
import type { Labels } from '../../common/taxonomy.js';
import type { Database } from '../db/schema.js';
import { insertStaff } from '../admin/staff.repository.js';
import { randomToken } from '../core/ids.js';
import { dueDate } from './advice.rules.js';
import { insertCase, insertSlot, insertTopic, setAdviserTopics, takeCaseSeq, type TopicData } from './advice.repository.js';

/** The advisory point's topics as data (editable in the panel), with their extra fields. */

type Def = Omit<TopicField, 'retired'>;

const legalForm: Def = {
  key: 'legal_form', type: 'select', required: false,
  labels: { pl: 'Forma prawna', en: 'Legal form', uk: 'Організаційно-правова форма' },
  options: Object.entries(LEGAL_FORMS).map(([value, labels]) => ({ value, labels })),
};
const vat: Def = {
  key: 'vat_status', type: 'select', required: false,
  labels: { pl: 'Status VAT', en: 'VAT status', uk: 'Статус платника ПДВ' },
  options: [
    { value: 'exempt', labels: { pl: 'Zwolniona z VAT', en: 'VAT-exempt', uk: 'Звільнена від ПДВ' } },
    { value: 'registered', labels: { pl: 'Czynny podatnik VAT', en: 'VAT-registered', uk: 'Зареєстрований платник ПДВ' } },
    { value: 'unknown', labels: { pl: 'Nie wiem', en: "I don't know", uk: 'Не знаю' } },
  ],
};
const programme: Def = { key: 'programme', type: 'text', required: false, labels: { pl: 'Program lub konkurs', en: 'Programme or call', uk: 'Програма або конкурс' }, options: [] };
const amount: Def = { key: 'amount', type: 'number', required: false, labels: { pl: 'Kwota (zł)', en: 'Amount (PLN)', uk: 'Сума (злотих)' }, options: [] };
const deadline: Def = { key: 'deadline', type: 'date', required: false, labels: { pl: 'Termin (np. złożenia oferty)', en: 'Deadline (e.g. for the offer)', uk: 'Термін (наприклад, подання пропозиції)' }, options: [] };
const channelUrl: Def = { key: 'channel_url', type: 'text', required: false, labels: { pl: 'Strona lub profil organizacji', en: "The organisation's website or profile", uk: 'Сайт або профіль організації' }, options: [] };

const topic = (labels: Labels, explanation: Labels, fields: Def[], position: number): TopicData => ({ labels, explanation, fields: fields.map((f) => ({ ...f, retired: false })), position, active: true });

export const DEMO_TOPICS: Record<string, TopicData> = {
  law: topic(
    { pl: 'Prawo', en: 'Law', uk: 'Право' },
    { pl: 'Statut, rejestracja w KRS, zmiany we władzach, umowy i obowiązki organizacji.', en: 'Statutes, KRS registration, changes to the board, contracts and duties of an organisation.', uk: 'Статут, реєстрація в KRS, зміни в органах управління, договори та обовʼязки організації.' },
    [legalForm],
    10,
  ),
  taxes: topic(
    { pl: 'Podatki i księgowość', en: 'Taxes and accounting', uk: 'Податки та бухгалтерія' },
    { pl: 'Sprawozdania finansowe, CIT-8, VAT, 1,5% podatku, rozliczanie wolontariuszy i umów.', en: 'Financial statements, CIT-8, VAT, the 1.5% tax donation, volunteers and contracts.', uk: 'Фінансова звітність, CIT-8, ПДВ, 1,5% податку, облік волонтерів і договорів.' },
    [legalForm, vat],
    20,
  ),
  media: topic(
    { pl: 'Nowe media', en: 'New media', uk: 'Нові медіа' },
    { pl: 'Strona internetowa, media społecznościowe, kampanie i komunikacja z odbiorcami.', en: 'Website, social media, campaigns and talking to your audience.', uk: 'Вебсайт, соціальні мережі, кампанії та комунікація з аудиторією.' },
    [channelUrl],
    30,
  ),
  loans: topic(
    { pl: 'Finansowanie zwrotne (pożyczki)', en: 'Repayable finance (loans)', uk: 'Поворотне фінансування (позики)' },
    { pl: 'Pożyczki i poręczenia dla organizacji, np. na wkład własny lub płynność.', en: 'Loans and guarantees for organisations, e.g. for own contribution or cash flow.', uk: 'Позики та поруки для організацій, наприклад на власний внесок чи ліквідність.' },
    [amount, deadline],
    40,
  ),
  grants: topic(
    { pl: 'Finansowanie bezzwrotne (dotacje)', en: 'Non-repayable finance (grants)', uk: 'Безповоротне фінансування (гранти)' },
    { pl: 'Otwarte konkursy ofert, małe granty, inicjatywa lokalna i rozliczanie dotacji.', en: 'Open calls for offers, small grants, local initiatives and grant reporting.', uk: 'Відкриті конкурси пропозицій, малі гранти, місцева ініціатива та звітування за грантами.' },
    [programme, amount, deadline],
    50,
  ),
  other: topic(
    { pl: 'Inne', en: 'Other', uk: 'Інше' },
    { pl: 'Pytanie spoza tych tematów: skierujemy je do właściwej osoby.', en: 'A question outside these topics: we pass it to the right person.', uk: 'Запитання поза цими темами: ми передамо його відповідній особі.' },
    [],
    60,
  ),
};

/** Warsaw wall-clock `HH:mm` on the day `days` from now, as UTC. */
const at = (days: number, hhmm: string) => warsawLocalToUtc(`${addDays(warsawDateOf(new Date()), days)}T${hhmm}`);

/** The topics, a demo adviser (no known password) with two weeks of slots, and a few demo cases with invented people. */
export async function seedAdviceDemo(db: Kysely<Database>): Promise<void> {
  for (const [id, t] of Object.entries(DEMO_TOPICS)) await insertTopic(db, id, t);
  const adviser = await insertStaff(db, { email: 'doradca.demo@example.invalid', name: 'Doradca (demo)', role: 'adviser', district: null, password: randomToken() });
  await setAdviserTopics(db, adviser.id, Object.keys(DEMO_TOPICS));
  for (let day = 1; day <= 14; day++) {
    const weekday = new Date(at(day, '12:00')).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    await insertSlot(db, adviser.id, { topicId: null, startsAt: at(day, '10:00'), endsAt: at(day, '11:00'), mode: 'in_person', address: 'Centrum Obywatelskie, ul. Reformacka 3, Kraków', onlineUrl: null });
    await insertSlot(db, adviser.id, { topicId: day % 2 ? 'grants' : 'taxes', startsAt: at(day, '15:00'), endsAt: at(day, '15:45'), mode: 'online', address: null, onlineUrl: 'https://meet.example.org/punkt-doradczy' });
  }
  const year = Number(warsawDateOf(new Date()).slice(0, 4));
  const demo = [
    { topic: 'grants', org: 'Stowarzyszenie Przyjaciół Parku Jordana', kind: 'ngo' as const, name: 'Anna Kowalska', question: 'Jak rozliczyć wkład osobowy wolontariuszy w małym grancie?' },
    { topic: 'law', org: 'Grupa Sąsiedzka Os. Zgody', kind: 'informal_group' as const, name: 'Piotr Nowak', question: 'Czy jako grupa nieformalna możemy złożyć wniosek o inicjatywę lokalną?' },
    { topic: 'taxes', org: 'Fundacja Zielony Kraków', kind: 'ngo' as const, name: 'Olena Shevchenko', question: 'Kiedy fundacja musi się zarejestrować jako czynny podatnik VAT?' },
  ];
  for (const d of demo) {
    const seq = await takeCaseSeq(db, year);
    await insertCase(db, {
      year, seq, number: caseNumber(year, seq), topicId: d.topic, lang: 'pl',
      organisation: { name: d.org, krs: null, kind: d.kind, id: null, district: null },
      contact: { name: d.name, email: `${d.name.split(' ')[0]!.toLowerCase()}@example.invalid`, phone: null },
      channel: 'email', timeWindows: [], question: d.question, fields: {}, dueAt: dueDate(new Date()),
    });
  }
}
