import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedAbuse } from '../core/abuse.testing.js';
import { dialects, freshIp, json, mailedLink, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';
import type { OrganisationInput } from '../../common/map.schema.js';
import { organisationInput as org } from './map.testing.js';

/**
 * A new entry from the public map form, once its submitter confirms it by the mailed link, is mailed
 * to the staff who may decide it: exactly those whose moderation queue lists it.
 */
describe.each(dialects)('map submission mail to staff on %s', (dialect) => {
  let t: TestApp;
  const staff: Record<string, StaffSession> = {};
  beforeAll(async () => {
    t = await testApp(dialect);
    staff.admin = await staffSession(t, 'admin');
    staff.cityModerator = await staffSession(t, 'moderator');
    staff.editor12 = await staffSession(t, 'editor', { district: 12 });
    staff.editor13 = await staffSession(t, 'editor', { district: 13 });
    staff.moderator3 = await staffSession(t, 'moderator', { district: 3 });
    staff.adviser = await staffSession(t, 'adviser');
    const disabled = await staffSession(t, 'moderator', { district: 12 });
    await t.db.updateTable('staff_user').set({ disabled: 1 }).where('id', '=', disabled.id).execute();
    staff.disabled = disabled;
  });
  afterAll(() => t.close());

  /** Submits `input` as a resident writing in Ukrainian; answers the submission's id and its confirmation token. */
  async function submit(input: OrganisationInput, email: string) {
    const res = await t.app.request('/v1/map/submissions', json({ type: 'create', organisation: input, contact: { name: 'Олена Коваль', email }, consent: true, lang: 'uk', abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    return { id, token: (await mailedLink(t, email, 'confirm')).token };
  }

  /** The staff mails about submission `id`, by recipient. */
  async function staffMails(id: string) {
    const rows = await t.db.selectFrom('mail_outbox').selectAll().where('template', '=', 'map.submission-arrived').execute();
    return rows.filter((r) => r.body_text.includes(`#map/${id}`)).sort((a, b) => a.to_address.localeCompare(b.to_address));
  }

  const addressesOf = (...keys: string[]) => keys.map((k) => staff[k]!.email.toLowerCase()).sort();

  async function queueIds(s: StaffSession) {
    const res = await t.app.request('/v1/admin/map/submissions?status=pending', { headers: s.headers });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
  }

  it('mails the staff of each of its districts and the city-wide staff, each once, after the confirmation, in Polish, linking to the item', async () => {
    const { id, token } = await submit(org({ name: 'Klub Seniora Nad Wilgą', districts: [12, 13] }), `olena.${dialect}@example.org`);
    expect(await staffMails(id)).toEqual([]); // not before the resident confirms

    const confirm = await t.app.request('/v1/map/submissions/confirm', json({ token }));
    expect(confirm.status).toBe(200);
    const mails = await staffMails(id);
    expect(mails.map((m) => m.to_address)).toEqual(addressesOf('admin', 'cityModerator', 'editor12', 'editor13'));
    for (const m of mails) {
      expect(m.lang).toBe('pl');
      expect(m.subject).toBe('Nowe zgłoszenie na mapę: Klub Seniora Nad Wilgą');
      expect(m.body_text).toContain('Олена Коваль zgłasza na mapę organizacji nowy wpis „Klub Seniora Nad Wilgą” (dzielnice: XII Bieżanów-Prokocim, XIII Podgórze).');
      expect(m.body_text).toContain(`\n${t.config.staffPanelUrl}#map/${id}`);
    }

    // Exactly the recipients find it in their queue; the others do not.
    for (const key of ['admin', 'cityModerator', 'editor12', 'editor13']) expect(await queueIds(staff[key]!), key).toContain(id);
    expect(await queueIds(staff.moderator3!)).not.toContain(id);

    // A second use of the link changes nothing and mails no one again.
    expect((await t.app.request('/v1/map/submissions/confirm', json({ token }))).status).toBe(404);
    expect((await staffMails(id)).length).toBe(4);
  });

  it('mails a city-wide entry to admins and unscoped staff only', async () => {
    const { id, token } = await submit(org({ name: 'Sieć Sąsiedzka Krakowa', kind: 'informal_group', legalForm: null, cityWide: true, districts: [], location: null }), `net.${dialect}@example.org`);
    expect((await t.app.request('/v1/map/submissions/confirm', json({ token }))).status).toBe(200);
    const mails = await staffMails(id);
    expect(mails.map((m) => m.to_address)).toEqual(addressesOf('admin', 'cityModerator'));
    expect(mails[0]!.body_text).toContain('„Sieć Sąsiedzka Krakowa” (cały Kraków)');
    expect(await queueIds(staff.editor12!)).not.toContain(id);
  });

  it('mails an entry of one district to that district\'s editor, not to another district\'s', async () => {
    const { id, token } = await submit(org({ name: 'Fundacja Prądnik', legalForm: 'fundacja', districts: [3] }), `pradnik.${dialect}@example.org`);
    expect((await t.app.request('/v1/map/submissions/confirm', json({ token }))).status).toBe(200);
    const mails = await staffMails(id);
    expect(mails.map((m) => m.to_address)).toEqual(addressesOf('admin', 'cityModerator', 'moderator3'));
    expect(mails[0]!.body_text).toContain('(dzielnica III Prądnik Czerwony)');
  });
});
