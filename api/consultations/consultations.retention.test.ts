import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import { retentionOf } from '../core/module.js';
import { MODULES } from '../modules.js';
import { dialects, testDatabase } from '../testing.js';
import { insertConsultation, insertRemark, insertSupport } from './consultations.repository.js';
import { consultationInput } from './consultations.testing.js';

const DAY = 24 * 3600_000;
const NOW = new Date('2026-11-25T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const rule = (name: string) => retentionOf(MODULES).find((r) => r.name === name)!;

describe.each(dialects)('consultations retention on %s', (dialect) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await testDatabase(dialect);
  });
  afterEach(() => handle.close());

  const remark = (consultationId: string, status: 'unconfirmed' | 'published' | 'rejected', email: string) =>
    insertRemark(handle.db, { consultationId, unitId: null, currentWording: '', proposedWording: '', justification: 'Uzasadnienie', authorType: 'ngo', organisationName: 'Org', krs: null, organisationId: null, contactName: 'Osoba', contactEmail: email, lang: 'pl', status });

  it('drops remarks and supports never confirmed within 30 days, and keeps the rest', async () => {
    const db = handle.db;
    const c = await insertConsultation(db, consultationInput(), [], { createdBy: null });
    const stale = await remark(c, 'unconfirmed', 'stale@example.org');
    const fresh = await remark(c, 'unconfirmed', 'fresh@example.org');
    const published = await remark(c, 'published', 'pub@example.org');
    await db.updateTable('consultation_remark').set({ created_at: ago(31 * DAY) }).where('id', 'in', [stale, published]).execute();
    await db.updateTable('consultation_remark').set({ created_at: ago(29 * DAY) }).where('id', '=', fresh).execute();
    const oldSupport = await insertSupport(db, { remarkId: published, consultationId: c, organisationName: 'A', krs: null, contactName: 'A', contactEmail: 'a@example.org', confirmed: false });
    const confirmed = await insertSupport(db, { remarkId: published, consultationId: c, organisationName: 'B', krs: null, contactName: 'B', contactEmail: 'b@example.org', confirmed: true });
    await db.updateTable('consultation_support').set({ created_at: ago(31 * DAY) }).execute();

    expect(await rule('consultations:unconfirmed').run(db, NOW, testConfig())).toBe(2);
    expect((await db.selectFrom('consultation_remark').select('id').execute()).map((r) => r.id).sort()).toEqual([fresh, published].sort());
    expect((await db.selectFrom('consultation_support').select('id').execute()).map((r) => r.id)).toEqual([confirmed]);
    expect(oldSupport).not.toBe(confirmed);
  });

  it('forgets authors\' and supporters\' contacts a year after the report, keeping the remarks', async () => {
    const db = handle.db;
    const oldReport = await insertConsultation(db, consultationInput(), [], { createdBy: null, reportedAt: ago(366 * DAY) });
    const newReport = await insertConsultation(db, consultationInput(), [], { createdBy: null, reportedAt: ago(100 * DAY) });
    const old = await remark(oldReport, 'published', 'old@example.org');
    const recent = await remark(newReport, 'published', 'recent@example.org');
    await insertSupport(db, { remarkId: old, consultationId: oldReport, organisationName: 'S', krs: null, contactName: 'S', contactEmail: 's@example.org', confirmed: true });

    expect(await rule('consultations:contacts').run(db, NOW, testConfig())).toBe(2);
    const rows = await db.selectFrom('consultation_remark').select(['id', 'contact_email', 'contact_name', 'justification']).execute();
    expect(rows.find((r) => r.id === old)).toMatchObject({ contact_email: '', contact_name: '—', justification: 'Uzasadnienie' });
    expect(rows.find((r) => r.id === recent)!.contact_email).toBe('recent@example.org');
    expect((await db.selectFrom('consultation_support').select('contact_email').execute()).map((s) => s.contact_email)).toEqual(['']);
    expect(await rule('consultations:contacts').run(db, NOW, testConfig())).toBe(0);
  });
});
