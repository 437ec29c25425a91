import type { Kysely } from 'kysely';
import { AUTHOR_TYPES, DECISIONS } from '../../common/consultations.js';
import type { Database } from '../db/schema.js';
import { insertBatches, type ReadPlanQuery, type ReadPlanSuite } from '../core/read-plans.testing.js';
import { rng } from '../map/map.generate.js';
import { PLAN_TEST_ORGS } from '../map/map.read-plans.testing.js';
import {
  consultationListQueries, consultationQuery, organisationNamesByKrsQuery, publishedCountsQuery, remarksQuery, statusClockQueries, supportsQuery, unitRemarkCountsQuery, unitsQuery,
  type ConsultationFilters,
} from './consultations.repository.js';
import type { ConsultationRemarkTable, ConsultationSupportTable, ConsultationTable, ConsultationUnitTable } from './consultations.table.js';

const DAY = 86_400_000;
/** The instant the plan test's consultations are spread around: ten years back, a few months ahead. */
const NOW = new Date('2027-03-15T10:00:00Z');
const AT = NOW.toISOString();
const UNITS = 10;
/** The consultation most remarked on: a tenth of all remarks (a city's budget or zoning plan). */
const BIG = 'plan-consultation-big';

/**
 * `n / 10` consultations over ten years with ten units each, `n` remarks (a tenth on one open
 * consultation, `BIG`) and `n / 2` supports: the consultation tables at the plan test's scale.
 */
function generateConsultations(n: number, seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const consultations: ConsultationTable[] = [];
  const units: ConsultationUnitTable[] = [];
  const count = n / 10;
  for (let i = 0; i < count; i++) {
    const id = i === 0 ? BIG : `plan-consultation-${String(i).padStart(5, '0')}`;
    const starts = i === 0 ? NOW.getTime() - 10 * DAY : NOW.getTime() + Math.round((r() * 10.3 - 10) * 365) * DAY;
    const ends = starts + (14 + Math.floor(r() * 30)) * DAY;
    consultations.push({
      id, title: `Konsultacje ${i} (dane demonstracyjne)`, goal: 'Cel', subject: 'Przedmiot', unit_name: 'Wydział Polityki Społecznej', legal_basis: 'Uchwała',
      audience: r() < 0.5 ? 'ngo' : 'all', district: r() < 0.4 ? null : 1 + Math.floor(r() * 18), starts_at: new Date(starts).toISOString(), ends_at: new Date(ends).toISOString(),
      moderation: 'post', require_confirmation: 1, attachments: '[]', information_clause: '', document: '',
      reported_at: ends < NOW.getTime() - 60 * DAY && r() < 0.8 ? new Date(ends + 30 * DAY).toISOString() : null, report_introduction: null, report_summary: null, created_by: null, created_at: AT, updated_at: AT,
    });
    for (let u = 1; u <= UNITS; u++) units.push({ id: `${id}-u${u}`, consultation_id: id, position: u, label: `§ ${u}`, text: 'Treść paragrafu.', depth: 0 });
  }
  const remarks: ConsultationRemarkTable[] = [];
  for (let i = 0; i < n; i++) {
    const c = i < n / 10 ? consultations[0]! : pick(consultations);
    const type = pick(AUTHOR_TYPES);
    const at = new Date(Math.min(Date.parse(c.ends_at), NOW.getTime()) - Math.floor(r() * 10) * DAY).toISOString();
    const status = r() < 0.85 ? 'published' : pick(['pending', 'unconfirmed', 'rejected'] as const);
    remarks.push({
      id: `plan-remark-${String(i).padStart(6, '0')}`, consultation_id: c.id, unit_id: r() < 0.2 ? null : `${c.id}-u${1 + Math.floor(r() * UNITS)}`, current_wording: 'Jest', proposed_wording: 'Powinno być',
      justification: 'Uzasadnienie (dane demonstracyjne).', author_type: type, organisation_name: type === 'resident' ? null : `Organizacja ${Math.floor(r() * 3000)}`,
      krs: null, organisation_id: null, contact_name: 'Osoba', contact_email: `plan-${i}@example.org`, lang: 'pl', status, decision: c.reported_at ? pick(DECISIONS) : null,
      response: c.reported_at ? 'Odpowiedź' : null, answered_at: c.reported_at, answered_by: null, created_at: at, confirmed_at: at, published_at: status === 'published' ? at : null,
    });
  }
  const supports: ConsultationSupportTable[] = [];
  for (let i = 0; i < n / 2; i++) {
    const remark = remarks[i < n / 20 ? Math.floor(r() * (n / 10)) : Math.floor(r() * n)]!;
    supports.push({
      id: `plan-support-${String(i).padStart(6, '0')}`, remark_id: remark.id, consultation_id: remark.consultation_id, organisation_name: `Organizacja ${Math.floor(r() * 3000)}`,
      krs: null, contact_name: 'Osoba', contact_email: `plan-support-${i}@example.org`, confirmed_at: r() < 0.9 ? remark.created_at : null, created_at: remark.created_at,
    });
  }
  return { consultations, units, remarks, supports };
}

/** Residents' reads of the list: everything, a district, each status group. */
const LISTS: [string, ConsultationFilters][] = [
  ['everything', {}],
  ['a district', { district: 5 }],
  ['open', { status: ['open'] }],
  ['planned', { status: ['planned'] }],
  ['closed', { status: ['closed'] }],
  ['reported, in a district', { status: ['reported'], district: 12 }],
];

export const consultationsReadPlans: ReadPlanSuite = {
  module: 'consultations',
  async load(db) {
    const g = generateConsultations(PLAN_TEST_ORGS, 53);
    await db.transaction().execute(async (trx) => {
      await insertBatches(trx, 'consultation', g.consultations, 200);
      await insertBatches(trx, 'consultation_unit', g.units, 1000);
      await insertBatches(trx, 'consultation_remark', g.remarks);
      await insertBatches(trx, 'consultation_support', g.supports);
    });
  },
  async queries(db: Kysely<Database>) {
    const out: ReadPlanQuery[] = [];
    for (const [name, f] of LISTS) {
      // The public list's first page, and a page after a cursor deep in the last group (keyset).
      const groups = consultationListQueries(db, f, NOW, null, { limit: 100 });
      groups.forEach((g, i) => out.push({ name: `consultations list: ${name} (group ${i + 1} of ${groups.length})`, query: g.query }));
      const last = groups.at(-1)!;
      const deep = (await last.query.offset(80).execute()).at(0);
      if (deep) {
        const after = { key: `${last.group}|${deep[last.column]}`, id: deep.id };
        for (const g of consultationListQueries(db, f, NOW, null, { limit: 100, after })) out.push({ name: `consultations list: ${name} (page after a cursor, ${g.group})`, query: g.query });
      }
      // The published-remark counts of the consultations a page shows.
      const ids = (await Promise.all(groups.map((g) => g.query.execute()))).flat().slice(0, 100).map((row) => row.id);
      if (ids.length) out.push({ name: `consultations list: ${name} (remark counts of ${ids.length})`, query: publishedCountsQuery(db, ids) });
    }
    const clock = statusClockQueries(db, AT);
    out.push({ name: 'consultations read version: running', query: clock.running }, { name: 'consultations read version: ended', query: clock.ended });
    out.push({ name: 'consultation by id', query: consultationQuery(db, BIG) });
    out.push({ name: "consultation's units", query: unitsQuery(db, BIG) }, { name: "consultation's units' remark counts", query: unitRemarkCountsQuery(db, BIG) });
    const remarks: [string, Parameters<typeof remarksQuery>[2]][] = [
      ['every published remark', {}],
      ['on the whole document', { unit: 'document' }],
      ['on a unit', { unit: `${BIG}-u3` }],
      ['by author type', { authorType: 'district_council' }],
    ];
    for (const [name, f] of remarks) out.push({ name: `remarks: ${name}`, query: remarksQuery(db, BIG, { ...f, status: 'published' }, { limit: 200 }) });
    // A deep page of the public list: after a cursor two thousand remarks in.
    const [r] = await remarksQuery(db, BIG, { status: 'published' }).offset(2000).limit(1).execute();
    if (r) out.push({ name: 'remarks: page after a cursor', query: remarksQuery(db, BIG, { status: 'published' }, { limit: 200, after: { key: `${r.unit_position ?? 0}|${r.created_at}`, id: r.id } }) });
    out.push({ name: 'remarks: answered, of a reported consultation', query: remarksQuery(db, 'plan-consultation-00012', { status: 'published', decision: 'accepted' }) });
    out.push({ name: "remarks' confirmed supports", query: supportsQuery(db, BIG, { confirmedOnly: true }) });
    const krs = (await db.selectFrom('organisation').select('krs').where('krs', 'is not', null).limit(200).execute()).map((o) => o.krs!);
    out.push({ name: "supporters' names from the map", query: organisationNamesByKrsQuery(db, krs.length ? krs : ['0000000000']) });
    return out;
  },
};
