import { expect } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { splitDocument } from '../../common/consultations.document.js';
import type { ConsultationInput } from '../../common/consultations.schema.js';
import { freshIp, json, type TestApp } from '../testing.js';
import { solvedAbuse } from '../core/abuse.testing.js';
import { insertConsultation } from './consultations.repository.js';
import { utcToWarsawLocal } from '../../common/time.js';

/** Test helpers shared by the consultation suites. */

export const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';
export const DAY = 24 * 3600_000;

export const DOCUMENT = `Projekt uchwały testowej.

§ 1. Uchwała określa zasady testowania.

§ 2.
1. Testy są pisane przed kodem.
2. Testy obejmują:
1) przypadki brzegowe;
2) zmianę czasu.

§ 3. Uchwała wchodzi w życie z dniem ogłoszenia.`;

/** Warsaw wall-clock time `ms` from now, as the staff form would send it. */
export const localIn = (ms: number) => utcToWarsawLocal(new Date(Date.now() + ms).toISOString());

export const consultationInput = (over: Partial<ConsultationInput> = {}): ConsultationInput => ({
  title: 'Konsultacje testowe',
  goal: 'Zebranie uwag do projektu.',
  subject: 'Projekt uchwały testowej',
  unitName: 'Wydział Testów',
  legalBasis: 'Art. 5 ust. 5 ustawy o działalności pożytku publicznego',
  audience: 'all',
  district: null,
  startsLocal: localIn(-DAY),
  endsLocal: localIn(7 * DAY),
  moderation: 'post',
  requireConfirmation: false,
  attachments: [],
  informationClause: 'Klauzula informacyjna (test).',
  document: DOCUMENT,
  ...over,
});

/** A consultation straight in the database (as staff would create it), with its units. */
export async function createConsultation(t: TestApp, over: Partial<ConsultationInput> = {}) {
  const input = consultationInput(over);
  const id = await insertConsultation(t.db, input, splitDocument(input.document), { createdBy: null });
  const units = await t.db.selectFrom('consultation_unit').selectAll().where('consultation_id', '=', id).orderBy('position').execute();
  return { id, units, unit: (label: string) => units.find((u) => u.label === label)!.id };
}

let seq = 0;
/** A valid remark body; each call gets its own contact and justification. */
export function remarkBody(over: Record<string, unknown> = {}) {
  const n = ++seq;
  return {
    unitId: null,
    currentWording: '',
    proposedWording: `Nowe brzmienie ${n}`,
    justification: `Uzasadnienie uwagi numer ${n}, dość długie.`,
    authorType: 'ngo',
    organisationName: `Fundacja Testowa ${n}`,
    krs: null,
    contact: { name: `Kontakt Prywatny ${n}`, email: `kontakt.${n}@private.example.org` },
    consent: true,
    lang: 'pl',
    ...over,
  };
}

export async function postRemark(t: TestApp, consultationId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t.app.request(`/v1/consultations/${consultationId}/remarks`, json({ ...body, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp(), ...headers }));
}

export const mailsTo = (t: TestApp, to: string, template?: string) => {
  let q = t.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to);
  if (template) q = q.where('template', '=', template);
  return q.orderBy('created_at').execute();
};

/**
 * The parts of a DOCX (a ZIP) as text, by path: `word/document.xml`, `word/styles.xml` and so on.
 * Fails the test when the bytes are not a ZIP holding a Word document.
 */
export function docxParts(bytes: ArrayBuffer | Uint8Array): Record<string, string> {
  const files = unzipSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']));
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}
