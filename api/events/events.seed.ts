/**
 * Demo data: this year's NGO Festival with its programme, the NGO Forum, the opening and closing
 * conferences, both training cycles with sessions and registrations ("Klauzule społeczne w
 * praktyce" full, with a waiting list), and NGO events across the districts. Dates are relative to
 * the day of seeding, so the demo always has something ahead. All people are fictional.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { EventInput, SeriesInput } from '../../common/events.schema.js';
import { findSeriesRow, insertEvent, insertSeries } from './events.repository.js';
import { confirmRegistration, insertRegistration } from './events.places.js';
import { addDays, startOfWeek, warsawDateOf } from '../../common/time.js';

const MOWIS = { name: 'Miejski Ośrodek Wspierania Inicjatyw Społecznych (MOWIS)' };
const at = (day: string, time: string) => `${day}T${time}`;

const PEOPLE = ['Anna Kowalska', 'Piotr Nowak', 'Łucja Żółkiewska', 'Tomasz Wiśniewski', 'Zofia Ślęzak', 'Jan Ćwik', 'Olena Kowalenko', 'Marek Dąbrowski', 'Ewa Lewandowska', 'Krzysztof Wójcik', 'Agnieszka Kamińska', 'Michał Zieliński', 'Katarzyna Szymańska', 'Paweł Woźniak', 'Maria Kozłowska', 'Andrij Melnyk', 'Joanna Jankowska', 'Grzegorz Mazur'];

/** `count` registrants for a list, confirmed in order (so the first ones get the places). */
async function registrants(db: Kysely<Database>, placesId: string, ids: { eventId: string | null; seriesId: string | null }, count: number, tag: string) {
  for (let i = 0; i < count; i++) {
    const name = PEOPLE[i % PEOPLE.length]!;
    const reg = await insertRegistration(db, {
      placesId, ...ids, name, email: `${tag}.${i + 1}@example.org`, organisation: i % 3 === 0 ? 'Fundacja Przykładowa' : null, answers: {},
      accessNeeds: i === 1 || i === 4 ? ['pjm'] : i === 2 ? ['stepFree', 'inductionLoop'] : [], accessNote: null, skipSessions: [], lang: i % 5 === 4 ? 'uk' : 'pl',
    });
    await confirmRegistration(db, reg.id);
  }
}

export async function seedEventsDemo(db: Kysely<Database>): Promise<void> {
  const today = warsawDateOf(Date.now());
  const monday = addDays(startOfWeek(today), 7);
  const year = Number(today.slice(0, 4));
  // This year's festival in the first week of June, or next year's when June is past.
  const festivalYear = today > `${year}-06-01` ? year + 1 : year;
  const festivalSat = (() => {
    let d = `${festivalYear}-06-01`;
    while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 6) d = addDays(d, 1);
    return d;
  })();

  // The NGO Festival: a two-day picnic on the Main Square, with a programme of slots.
  const programme = await insertSeries(db, SeriesInput.parse({
    kind: 'programme', title: `Święto Organizacji Pozarządowych ${festivalYear}`, organiser: MOWIS,
    description: 'Piknik organizacji: stoiska, kiermasz, warsztaty i scena, a przez cały tydzień dni otwarte w siedzibach organizacji.',
    translations: { en: { title: `NGO Festival ${festivalYear}` }, uk: { title: `Свято неурядових організацій ${festivalYear}` } },
  }));
  const square = { name: 'Rynek Główny', address: 'Rynek Główny, 31-042 Kraków', district: 1, point: { lon: 19.9373, lat: 50.0617 }, accessibility: ['stepFree', 'accessibleToilet', 'quietRoom'] };
  await insertEvent(db, EventInput.parse({
    title: `Święto Organizacji Pozarządowych ${festivalYear}: piknik`, type: 'festival', allDay: true, start: festivalSat, end: addDays(festivalSat, 1), organiser: MOWIS, venue: square,
    audience: ['ngo', 'residents'], languages: ['pl', 'en', 'uk', 'pjm'], seriesId: programme,
    description: 'Ponad sto stoisk organizacji, kiermasz rękodzieła, strefa dla dzieci.', translations: { en: { title: `NGO Festival ${festivalYear}: picnic` }, uk: { title: `Свято НУО ${festivalYear}: пікнік` } },
  }));
  const slots: [string, string, string, string][] = [
    [festivalSat, '11:00', '12:00', 'Scena: otwarcie Święta'],
    [festivalSat, '12:30', '14:00', 'Warsztat: jak zdobyć pierwszy grant'],
    [festivalSat, '15:00', '16:30', 'Scena: koncert zespołów z domów kultury'],
    [addDays(festivalSat, 1), '11:00', '12:30', 'Warsztat: wolontariat w praktyce'],
    [addDays(festivalSat, 1), '16:00', '17:00', 'Scena: podsumowanie i nagrody'],
  ];
  for (const [day, from, to, title] of slots) {
    const workshop = title.startsWith('Warsztat');
    await insertEvent(db, EventInput.parse({
      title, type: 'festival', start: at(day, from), end: at(day, to), organiser: MOWIS, venue: { ...square, name: workshop ? 'Namiot warsztatowy, Rynek Główny' : 'Scena, Rynek Główny' },
      audience: ['ngo', 'residents'], seriesId: programme, ...(workshop ? { registrationMode: 'event', registration: { capacity: 25 } } : {}),
    }));
  }

  // The NGO Forum and the two conferences.
  const ice = { name: 'ICE Kraków Congress Centre', address: 'ul. Marii Konopnickiej 17, 30-302 Kraków', district: 8, point: { lon: 19.9359, lat: 50.0479 }, accessibility: ['stepFree', 'inductionLoop', 'pjm', 'accessibleToilet'] };
  const forum = await insertEvent(db, EventInput.parse({
    title: 'Forum Organizacji Pozarządowych', type: 'forum', start: at(addDays(monday, 17), '09:30'), end: at(addDays(monday, 17), '16:00'), organiser: MOWIS, venue: ice,
    audience: ['ngo', 'officials', 'business', 'councillors'], description: 'Organizacje, urząd i biznes przy jednym stole: panele, sieciowanie, targi współpracy.',
    translations: { en: { title: 'NGO Forum' }, uk: { title: 'Форум неурядових організацій' } }, registrationMode: 'event',
    registration: { capacity: 300, questions: [{ id: 'panel', kind: 'choice', label: { pl: 'Panel popołudniowy', en: 'Afternoon panel' }, options: [{ id: 'finanse', label: { pl: 'Finansowanie', en: 'Funding' } }, { id: 'dialog', label: { pl: 'Dialog obywatelski', en: 'Civic dialogue' } }] }] },
  }));
  const sala = { name: 'Sala Obrad Rady Miasta, Pałac Wielopolskich', address: 'pl. Wszystkich Świętych 3-4, 31-004 Kraków', district: 1, point: { lon: 19.9375, lat: 50.0585 }, accessibility: ['stepFree', 'inductionLoop', 'accessibleToilet'] };
  await insertEvent(db, EventInput.parse({ title: 'Konferencja otwierająca program „WiP”', type: 'conference', start: at(addDays(monday, 3), '10:00'), end: at(addDays(monday, 3), '14:00'), organiser: MOWIS, venue: sala, audience: ['ngo', 'officials', 'councillors'], onlineUrl: 'https://transmisje.example.org/wip-otwarcie', registrationMode: 'event', registration: { capacity: 120 } }));
  await insertEvent(db, EventInput.parse({ title: 'Konferencja zamykająca program „WiP”', type: 'conference', start: at(addDays(monday, 94), '10:00'), end: at(addDays(monday, 94), '15:00'), organiser: MOWIS, venue: sala, audience: ['ngo', 'officials', 'councillors'], registrationMode: 'event', registration: { capacity: 120 } }));

  // The training cycles: one registration for the whole cycle, an 80 % attendance rule.
  const cycles = [
    { title: 'Akademia Kraków dla NGO', sessions: ['Zarządzanie organizacją', 'Finanse i sprawozdawczość', 'Prawo dla organizacji', 'Podatki i księgowość', 'Pozyskiwanie funduszy', 'Komunikacja i nowe media'], capacity: 24, registered: 15, tag: 'akademia', district: 2, venue: 'Centrum Obywatelskie, ul. Reformacka 3' },
    { title: 'Klauzule społeczne w praktyce', sessions: ['Podstawy prawne klauzul społecznych', 'Klauzule w zamówieniach miasta', 'Spółdzielnie socjalne jako wykonawcy', 'Studia przypadków i warsztat'], capacity: 12, registered: 16, tag: 'klauzule', district: 1, venue: 'Urząd Miasta Krakowa, pl. Wszystkich Świętych 3-4' },
  ];
  for (const [ci, c] of cycles.entries()) {
    const seriesId = await insertSeries(db, SeriesInput.parse({
      kind: 'cycle', title: c.title, organiser: MOWIS, registrationMode: 'series', attendancePercent: 80,
      description: ci === 0 ? 'Cykl szkoleń: zarządzanie, finanse, prawo, podatki i rachunkowość organizacji.' : 'Klauzule społeczne w zamówieniach publicznych: dla urzędników i organizacji.',
      registration: { capacity: c.capacity, waitingList: true, questions: [{ id: 'role', kind: 'choice', label: { pl: 'Reprezentuję', en: 'I represent' }, options: [{ id: 'ngo', label: { pl: 'Organizację', en: 'An NGO' } }, { id: 'urzad', label: { pl: 'Urząd', en: 'The city office' } }] }] },
    }));
    for (const [i, title] of c.sessions.entries()) {
      const day = addDays(monday, 1 + ci * 2 + i * 7);
      await insertEvent(db, EventInput.parse({
        title: `${c.title}: ${title}`, type: 'training', start: at(day, '16:00'), end: at(day, '19:00'), organiser: MOWIS, seriesId, registrationMode: 'series',
        venue: { name: c.venue, district: c.district, accessibility: ['stepFree', 'accessibleToilet'] }, audience: ci === 0 ? ['ngo'] : ['ngo', 'officials'],
      }));
    }
    const placesId = (await findSeriesRow(db, seriesId))!.places_id!;
    await registrants(db, placesId, { eventId: null, seriesId }, c.registered, c.tag);
  }
  await registrants(db, (await db.selectFrom('calendar_event').select('places_id').where('id', '=', forum).executeTakeFirstOrThrow()).places_id!, { eventId: forum, seriesId: null }, 6, 'forum');

  // NGO events across the districts.
  const ngo: [number, string, string, number, Record<string, unknown>][] = [
    [3, 'Spotkanie sąsiedzkie: zielone podwórka', 'Stowarzyszenie Zielony Prądnik', 4, { audience: ['residents'] }],
    [4, 'Dzień otwarty klubu seniora', 'Fundacja Złota Jesień', 6, { audience: ['residents'], venue: { name: 'Klub Seniora, ul. Pachońskiego 8', district: 4, accessibility: ['stepFree', 'accessibleToilet'] } }],
    [6, 'Warsztaty rękodzieła dla rodzin', 'Koło Gospodyń Bronowianki', 9, { audience: ['residents'] }],
    [8, 'Sprzątanie brzegów Wisły', 'Stowarzyszenie Czysta Wisła', 11, { type: 'other', audience: ['residents'] }],
    [11, 'Szkolenie z pierwszej pomocy', 'Ochotnicza Grupa Ratownicza', 13, { type: 'training', registrationMode: 'event', registration: { capacity: 16 } }],
    [12, 'Turniej piłki nożnej młodzików', 'UKS Prokocim', 15, { type: 'other', audience: ['residents'] }],
    [13, 'Kawiarenka językowa polsko-ukraińska', 'Fundacja Razem', 5, { audience: ['residents'], languages: ['pl', 'uk'] }],
    [14, 'Webinar: sprawozdanie finansowe NGO krok po kroku', 'Fundacja Przejrzyste Finanse', 8, { type: 'training', venue: null, onlineUrl: 'https://meet.example.org/sprawozdanie', audience: ['ngo'] }],
    [15, 'Koncert charytatywny', 'Stowarzyszenie Mistrzejowice Razem', 19, { audience: ['residents'] }],
    [16, 'Debata o budżecie obywatelskim', 'Forum Bieńczyc', 10, { audience: ['residents', 'councillors'] }],
    [18, 'Nowohuckie dni organizacji', 'Centrum Aktywności Seniorów Nowa Huta', 23, { audience: ['ngo', 'residents'], venue: { name: 'Plac Centralny', district: 18, accessibility: ['stepFree'] } }],
    [10, 'Spacer przyrodniczy po Swoszowicach', 'Towarzystwo Przyjaciół Swoszowic', 26, { type: 'other', audience: ['residents'] }],
  ];
  for (const [district, title, org, inDays, extra] of ngo) {
    const day = addDays(today, inDays);
    await insertEvent(db, EventInput.parse({ title, type: 'meeting', start: at(day, '17:00'), end: at(day, '19:30'), organiser: { name: org }, venue: { name: `Dom Kultury, dzielnica ${district}`, district, accessibility: district % 2 ? ['stepFree'] : [] }, ...extra }));
  }
}
