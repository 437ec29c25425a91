import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Packer, Document, Paragraph } from 'docx';
import QRCode from 'qrcode';
import { expect } from 'vitest';
import { solvedAbuse } from '../core/abuse.testing.js';
import { createSecretLink } from '../core/secret-links.js';
import { toXlsx } from '../core/export.js';
import type { DialectName } from '../db/database.js';
import { freshIp, json, testApp, type TestApp } from '../testing.js';
import { STATUS_LINK, STATUS_TTL_MS } from './advice.mail.js';
import { findCase, insertCase, insertSlot, takeCaseSeq } from './advice.repository.js';
import { dueDate } from './advice.rules.js';
import { seedAdviceDemo } from './advice.seed.js';

/** Test helpers shared by the advice suites. */

export const DAY = 24 * 3600_000;

/** An app with the advice topics and demo adviser seeded, and files in a fresh temporary folder. */
export async function adviceApp(dialect: DialectName) {
  const dir = mkdtempSync(join(tmpdir(), 'advice-files-'));
  const t = await testApp(dialect, { files: { dir, s3: null } });
  await seedAdviceDemo(t.db);
  return Object.assign(t, { filesDir: dir });
}

let seq = 0;
/** A valid request body; each call gets its own contact. */
export function requestBody(over: Record<string, unknown> = {}) {
  const n = ++seq;
  return {
    topic: 'grants',
    organisation: { name: `Fundacja Testowa ${n}`, krs: null, kind: 'ngo' },
    contact: { name: `Osoba Kontaktowa ${n}`, email: `osoba.${n}.${Math.random().toString(36).slice(2, 8)}@private.example.org` },
    phone: null,
    channel: 'email',
    timeWindows: ['weekday_morning'],
    question: `Jak rozliczyć dotację numer ${n} z otwartego konkursu ofert?`,
    fields: { programme: 'Małe granty 2026', amount: '9500' },
    consent: true,
    lang: 'pl',
    ...over,
  };
}

export async function postRequest(t: TestApp, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t.app.request('/v1/advice/requests', json({ ...body, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp(), ...headers }));
}

/** A case straight in the database with a live status link: for suites that need many cases fast. */
export async function directCase(t: TestApp, over: { topic?: string; email?: string } = {}) {
  const year = new Date().getUTCFullYear();
  const s = await takeCaseSeq(t.db, year);
  const id = await insertCase(t.db, {
    year, seq: s, number: `PD/${year}/${String(s).padStart(4, '0')}`, topicId: over.topic ?? 'grants', lang: 'pl',
    organisation: { name: 'Stowarzyszenie Testowe', krs: null, kind: 'ngo', id: null, district: null },
    contact: { name: 'Jan Testowy', email: over.email ?? `jan.${s}.${Math.random().toString(36).slice(2, 8)}@private.example.org`, phone: null },
    channel: 'email', timeWindows: [], question: 'Pytanie testowe o dotację.', fields: {}, dueAt: dueDate(new Date()),
  });
  const link = await createSecretLink(t.db, { purpose: STATUS_LINK, subjectId: id, ttlMs: STATUS_TTL_MS });
  return { id, token: link.token, row: (await findCase(t.db, id))! };
}

/** A free slot of the demo adviser (or `adviserId`) starting `inMs` from now. */
export async function slotIn(t: TestApp, inMs: number, over: { topicId?: string | null; adviserId?: string } = {}) {
  const adviserId = over.adviserId ?? (await t.db.selectFrom('staff_user').select('id').where('email', '=', 'doradca.demo@example.invalid').executeTakeFirstOrThrow()).id;
  return insertSlot(t.db, adviserId, {
    topicId: over.topicId === undefined ? null : over.topicId, startsAt: new Date(Date.now() + inMs).toISOString(), endsAt: new Date(Date.now() + inMs + 3600_000).toISOString(),
    mode: 'in_person', address: 'ul. Testowa 1, Kraków', onlineUrl: null,
  });
}

export async function upload(t: TestApp, token: string, name: string, data: Uint8Array | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const init: RequestInit & { duplex?: 'half' } = { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers }, body: data as BodyInit };
  if (data instanceof ReadableStream) init.duplex = 'half';
  return t.app.request(`/v1/advice/status/attachments?token=${encodeURIComponent(token)}&name=${encodeURIComponent(name)}`, init);
}

/** Real files of each accepted kind, made by the libraries that write them. */
export const FILES = {
  pdf: () => new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
  png: async () => new Uint8Array(await QRCode.toBuffer('advice')),
  docx: async () => new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Statut stowarzyszenia')] }] }))),
  xlsx: async () => new Uint8Array(await toXlsx([{ key: 'a', header: 'Kwota' }], [{ a: 1 }])),
  /** A Windows program's first bytes (the MZ header with a PE offset). */
  exe: () => {
    const b = new Uint8Array(512);
    b.set([0x4d, 0x5a]);
    b.set([0x80, 0, 0, 0], 0x3c);
    b.set([0x50, 0x45, 0, 0], 0x80);
    return b;
  },
  html: () => new TextEncoder().encode('<!doctype html><html><body><script>alert(1)</script></body></html>'),
};

export const mailsTo = (t: TestApp, to: string, template?: string) => {
  let q = t.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to.toLowerCase());
  if (template) q = q.where('template', '=', template);
  return q.orderBy('created_at').execute();
};

export async function body<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}
