import type { Kysely, Transaction } from 'kysely';
import { AREA_SLUGS, foldText } from '../../common/map.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import type { OrganisationInput } from '../../common/map.schema.js';
import type { Database } from '../db/schema.js';
import { newId, nowIso } from '../core/ids.js';
import { refreshStatistics } from '../db/database.js';
import { bumpMapVersion, searchText, tokensOf } from './map.repository.js';

/** Rough centres of the 18 districts and how many organisations each tends to have (relative). */
const DISTRICT_CENTRES: [number, number, number][] = [
  [19.937, 50.061, 9], [19.962, 50.060, 5], [19.968, 50.091, 5], [19.925, 50.097, 5], [19.915, 50.074, 6], [19.882, 50.083, 3],
  [19.875, 50.054, 3], [19.905, 50.030, 5], [19.932, 50.021, 3], [19.945, 49.992, 2], [19.962, 50.014, 4], [20.008, 50.021, 4],
  [19.975, 50.040, 5], [20.010, 50.070, 3], [20.010, 50.100, 4], [20.032, 50.085, 3], [20.075, 50.095, 2], [20.085, 50.063, 5],
];
const AREA_WEIGHTS: Record<string, number> = { kultura: 10, edukacja: 9, sport: 9, 'dzieci-mlodziez': 5, 'pomoc-spoleczna': 4, seniorzy: 4, zdrowie: 4, niepelnosprawnosc: 3, 'ekologia-zwierzeta': 3, 'wspolnoty-lokalne': 3 };

const PREFIX = ['Stowarzyszenie', 'Fundacja', 'Klub Sportowy', 'Uczniowski Klub Sportowy', 'Związek', 'Towarzystwo', 'Spółdzielnia Socjalna', 'Koło Gospodyń', 'Grupa nieformalna', 'Inicjatywa', 'Centrum', 'Pracownia'];
const WORDS_A = ['Zielona', 'Słoneczna', 'Krakowska', 'Wiślana', 'Otwarta', 'Życzliwa', 'Dębowa', 'Wesoła', 'Nowa', 'Pogodna', 'Górska', 'Błękitna', 'Łąkowa', 'Źródlana', 'Jasna'];
const WORDS_B = ['Przystań', 'Dolina', 'Pracownia', 'Ścieżka', 'Brama', 'Kuźnia', 'Wspólnota', 'Iskra', 'Przestrzeń', 'Sieć', 'Kamienica', 'Latarnia', 'Herbaciarnia', 'Stacja', 'Polana'];
const TOPIC = ['Kultury', 'Sztuki', 'Sportu', 'Seniorów', 'Sąsiadów', 'Młodzieży', 'Rodzin', 'Przyrody', 'Teatru', 'Muzyki', 'Rowerzystów', 'Szachistów', 'Wolontariuszy', 'Edukacji', 'Zdrowia'];
/** What an organisation of each main area says it does: ordinary work of Kraków's NGOs, in their own words. */
const DOES: Record<string, string[]> = {
  kultura: ['Organizujemy koncerty, wystawy i warsztaty artystyczne dla mieszkańców.', 'Prowadzimy amatorski teatr i zajęcia z rękodzieła dla dorosłych.'],
  edukacja: ['Prowadzimy zajęcia pozalekcyjne i bezpłatne korepetycje dla uczniów szkół podstawowych.', 'Organizujemy kursy języków obcych i warsztaty kompetencji cyfrowych.'],
  sport: ['Prowadzimy treningi i zawody dla dzieci, młodzieży i dorosłych, także dla początkujących.', 'Organizujemy biegi, rajdy rowerowe i turnieje dla mieszkańców.'],
  'dzieci-mlodziez': ['Prowadzimy świetlicę środowiskową i półkolonie dla dzieci z dzielnicy.', 'Prowadzimy młodzieżowy klub z zajęciami filmowymi i muzycznymi.'],
  'pomoc-spoleczna': ['Pomagamy osobom w trudnej sytuacji: paczki żywnościowe, doradztwo i pomoc w sprawach urzędowych.', 'Prowadzimy punkt wydawania odzieży i bank żywności.'],
  seniorzy: ['Prowadzimy klub seniora, zajęcia ruchowe i kursy obsługi telefonu i komputera.', 'Organizujemy wycieczki i spotkania dla osób starszych mieszkających samotnie.'],
  zdrowie: ['Organizujemy bezpłatne badania profilaktyczne i grupy wsparcia dla pacjentów.', 'Uczymy pierwszej pomocy w szkołach i na osiedlach.'],
  niepelnosprawnosc: ['Wspieramy osoby z niepełnosprawnościami i ich rodziny: terapia, asystencja i doradztwo.', 'Prowadzimy warsztaty terapii zajęciowej i wyjazdy integracyjne.'],
  'ekologia-zwierzeta': ['Sprzątamy tereny zielone, sadzimy drzewa i prowadzimy edukację ekologiczną.', 'Opiekujemy się bezdomnymi zwierzętami i szukamy dla nich domów.'],
  'wspolnoty-lokalne': ['Organizujemy pikniki sąsiedzkie, wymianę rzeczy i wspólne działania na rzecz osiedla.', 'Prowadzimy ogród społeczny i kawiarenkę sąsiedzką.'],
};
const DOES_DEFAULT = ['Działamy na rzecz mieszkańców Krakowa i zapraszamy do współpracy wolontariuszy.', 'Realizujemy projekty społeczne we współpracy ze szkołami, parafiami i radą dzielnicy.'];
const STREETS = ['ul. Lipowa', 'ul. Ogrodowa', 'ul. Szkolna', 'ul. Polna', 'ul. Kwiatowa', 'ul. Słoneczna', 'ul. Spacerowa', 'ul. Parkowa', 'ul. Leśna', 'ul. Klonowa', 'ul. Jesionowa', 'ul. Akacjowa', 'ul. Brzozowa', 'ul. Wrzosowa', 'ul. Sportowa'];
/** Marks every generated entry, so nobody takes it for a real organisation. */
export const DEMO_MARK = '(dane demonstracyjne)';

/** mulberry32: a tiny seeded PRNG, so the demo data is the same on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fictional organisations spread over the districts and areas like Kraków's real ones, plausible to
 * an official's eye (names, descriptions, addresses) and each marked `DEMO_MARK`.
 */
export function generateOrganisations(n: number, seed = 2026): OrganisationInput[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const weighted = <T>(xs: readonly T[], w: (x: T) => number) => {
    const total = xs.reduce((s, x) => s + w(x), 0);
    let k = r() * total;
    for (const x of xs) if ((k -= w(x)) <= 0) return x;
    return xs[xs.length - 1]!;
  };
  const gauss = () => (r() + r() + r() - 1.5) / 1.5;
  const out: OrganisationInput[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < n; i++) {
    const prefix = pick(PREFIX);
    const kind = prefix === 'Grupa nieformalna' ? 'informal_group' : prefix === 'Inicjatywa' ? 'civic_initiative' : prefix === 'Centrum' && r() < 0.3 ? 'city_unit' : 'ngo';
    const legalForm = kind !== 'ngo' ? null : prefix === 'Fundacja' ? 'fundacja' : prefix === 'Klub Sportowy' ? 'klub-sportowy' : prefix === 'Uczniowski Klub Sportowy' ? 'uczniowski-klub-sportowy' : prefix === 'Spółdzielnia Socjalna' ? 'spoldzielnia-socjalna' : prefix === 'Koło Gospodyń' ? 'kolo-gospodyn-wiejskich' : 'stowarzyszenie';
    // A name of its own; only past the few thousand combinations (benchmarks) does a number tell them apart.
    let name = '';
    for (let attempt = 0; attempt < 8 && (!name || taken.has(name)); attempt++) name = `${prefix} ${r() < 0.5 ? `„${pick(WORDS_A)} ${pick(WORDS_B)}”` : `${pick(TOPIC)} „${pick(WORDS_B)}”`}`;
    if (taken.has(name)) name = `${name} ${i + 1}`;
    taken.add(name);
    const districtIdx = DISTRICT_CENTRES.indexOf(weighted(DISTRICT_CENTRES, (d) => d[2]));
    const cityWide = r() < 0.06;
    const [clon, clat] = DISTRICT_CENTRES[districtIdx]!;
    const pinned = !cityWide || r() < 0.5;
    const lon = Math.min(20.21, Math.max(19.8, clon + gauss() * 0.012));
    const lat = Math.min(50.12, Math.max(49.98, clat + gauss() * 0.008));
    const areas = new Set<string>([weighted(AREA_SLUGS, (a) => AREA_WEIGHTS[a] ?? 1)]);
    while (r() < 0.45 && areas.size < 4) areas.add(weighted(AREA_SLUGS, (a) => AREA_WEIGHTS[a] ?? 1));
    const accessible: OrganisationInput['accessibility'] = [];
    if (r() < 0.45) accessible.push('stepFree');
    if (r() < 0.25) accessible.push('accessibleToilet');
    if (r() < 0.08) accessible.push('inductionLoop');
    if (r() < 0.05) accessible.push('pjm');
    const krs = kind === 'ngo' && r() < 0.8 ? String(900000 + i).padStart(10, '0') : null;
    const district = DISTRICTS[districtIdx]!;
    const where = cityWide ? 'Działamy w całym Krakowie.' : `Działamy głównie w Dzielnicy ${district.roman} ${district.name}.`;
    out.push({
      name,
      description: `${pick(DOES[[...areas][0]!] ?? DOES_DEFAULT)} ${where} ${DEMO_MARK}`,
      translations: r() < 0.3 ? { en: { name: null, description: 'A fictional organisation (demo data).' }, uk: { name: null, description: 'Вигадана організація (демонстраційні дані).' } } : {},
      kind,
      legalForm,
      krs,
      regon: null,
      nip: null,
      areas: [...areas],
      targetGroups: r() < 0.5 ? ['mieszkancy'] : r() < 0.5 ? ['dzieci', 'mlodziez'] : ['seniorzy'],
      districts: cityWide ? [] : r() < 0.1 ? [districtIdx + 1, ((districtIdx + 1) % 18) + 1] : [districtIdx + 1],
      cityWide,
      address: pinned ? `${pick(STREETS)} ${1 + Math.floor(r() * 120)}${r() < 0.4 ? `/${1 + (i % 9)}` : ''}, Kraków` : null,
      location: pinned ? { lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 } : null,
      website: r() < 0.6 ? `https://example.org/org-${i + 1}` : null,
      email: r() < 0.7 ? `kontakt-${i + 1}@example.org` : null,
      phone: r() < 0.5 ? `+48 12 000 ${String(i % 100).padStart(2, '0')} ${String(i % 97).padStart(2, '0')}` : null,
      languages: r() < 0.2 ? ['pl', 'uk'] : r() < 0.1 ? ['pl', 'en'] : ['pl'],
      accessibility: accessible,
    });
  }
  return out;
}

/**
 * Inserts many published entries fast (batched, one transaction), with their join rows, search
 * tokens and first version. For demo data and benchmarks; moderation never goes this way.
 */
export async function insertOrganisationsBulk(db: Kysely<Database> | Transaction<Database>, inputs: OrganisationInput[], changedBy = 'import', onProgress?: (done: number) => void): Promise<string[]> {
  const ids: string[] = [];
  const BATCH = 200;
  const run = (fn: (trx: Kysely<Database>) => Promise<void>) => (db.isTransaction ? fn(db) : db.transaction().execute(fn));
  await run(async (trx) => {
    for (let start = 0; start < inputs.length; start += BATCH) {
      const batch = inputs.slice(start, start + BATCH);
      const now = nowIso();
      const rows = batch.map((o) => {
        const id = newId();
        ids.push(id);
        return { id, o };
      });
      await trx
        .insertInto('organisation')
        .values(rows.map(({ id, o }) => ({
          id, status: 'published' as const, name: o.name, sort_name: foldText(o.name), search_text: searchText(tokensOf(o)), description: o.description, translations: JSON.stringify(o.translations), kind: o.kind,
          legal_form: o.legalForm, krs: o.krs, regon: o.regon, nip: o.nip, areas: JSON.stringify(o.areas), target_groups: JSON.stringify(o.targetGroups),
          districts: JSON.stringify(o.cityWide ? [] : o.districts), city_wide: (o.cityWide ? 1 : 0) as 0 | 1, address: o.address, lon: o.location?.lon ?? null, lat: o.location?.lat ?? null,
          website: o.website, email: o.email, phone: o.phone, languages: JSON.stringify(o.languages), accessibility: JSON.stringify(o.accessibility),
          step_free: (o.accessibility.includes('stepFree') ? 1 : 0) as 0 | 1, owner_email: null, version: 1, verified_at: now, reminder_sent_at: null, created_at: now, updated_at: now,
        })))
        .execute();
      const areas = rows.flatMap(({ id, o }) => [...new Set(o.areas)].map((area) => ({ organisation_id: id, area })));
      if (areas.length) await trx.insertInto('organisation_area').values(areas).execute();
      const districts = rows.flatMap(({ id, o }) => (o.cityWide ? [] : [...new Set(o.districts)]).map((district) => ({ organisation_id: id, district })));
      if (districts.length) await trx.insertInto('organisation_district').values(districts).execute();
      const tokens = rows.flatMap(({ id, o }) => tokensOf(o).map((token) => ({ token, organisation_id: id })));
      for (let t = 0; t < tokens.length; t += 500) await trx.insertInto('organisation_token').values(tokens.slice(t, t + 500)).execute();
      await trx.insertInto('organisation_version').values(rows.map(({ id, o }) => ({ id: newId(), organisation_id: id, version: 1, status: 'published' as const, data: JSON.stringify(o), changed_by: changedBy, note: null, created_at: now }))).execute();
      onProgress?.(Math.min(inputs.length, start + BATCH));
    }
    await bumpMapVersion(trx);
  });
  // A bulk write: fresh statistics, or the planner keeps planning for the table as it was. Inside
  // a caller's transaction (a seed), the caller refreshes them after its commit.
  if (!db.isTransaction) await refreshStatistics(db, 'full');
  return ids;
}

/** The demo seed: about 300 fictional organisations. */
export async function seedMapDemo(db: Kysely<Database>): Promise<void> {
  await insertOrganisationsBulk(db, generateOrganisations(300), 'demo-seed');
}
