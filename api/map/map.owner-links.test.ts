import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedAbuse } from '../core/abuse.testing.js';
import { dialects, expectError, freshIp, json, mailedLink, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';
import { sendVerificationReminders } from './map.reminders.js';
import { findOrganisationRow, insertOrganisation, toInput } from './map.repository.js';
import { organisationInput } from './map.testing.js';

const DAY = 24 * 3600_000;

/**
 * The owner's edit links after a change (issue 8, item 5): a newer link replaces the older one, a
 * change of owner and archiving revoke them, and a stale link cannot mark the data verified.
 */
describe.each(dialects)('owner edit links of the map on %s', (dialect) => {
  let t: TestApp;
  let admin: StaffSession;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await staffSession(t, 'admin');
  });
  afterAll(() => t.close());

  let n = 0;
  /** A published entry, last verified two years ago, owned by a fresh address. */
  async function ownedEntry() {
    const owner = `owner.${++n}@example.org`;
    const id = await insertOrganisation(t.db, organisationInput({ name: `Fundacja Właściciela ${n}` }), { status: 'published', changedBy: 'test', ownerEmail: owner, verifiedAt: new Date(Date.now() - 730 * DAY).toISOString() });
    return { id, owner };
  }
  /** Runs the yearly reminders as of `daysAhead` from now and returns the owner's newest link. */
  async function remind(owner: string, daysAhead = 0) {
    await sendVerificationReminders(t.db, t.mailer, t.config, new Date(Date.now() + daysAhead * DAY));
    return (await mailedLink(t, owner, 'edit')).token;
  }
  const view = (token: string) => t.app.request('/v1/map/owner/view', json({ token }));
  const saveUnchanged = async (id: string, token: string) => {
    const organisation = toInput((await findOrganisationRow(t.db, id))!);
    return t.app.request('/v1/map/owner/edit', json({ token, organisation, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
  };
  const staffPut = async (id: string, over: Record<string, unknown>) => {
    const organisation = toInput((await findOrganisationRow(t.db, id))!);
    return t.app.request(`/v1/admin/map/organisations/${id}`, json({ ...organisation, ...over }, admin.headers, 'PUT'));
  };

  it('keeps one live link per entry: a newer reminder revokes the older link', async () => {
    const { owner } = await ownedEntry();
    const first = await remind(owner);
    expect((await view(first)).status).toBe(200);
    const second = await remind(owner, 340);
    expect(second).not.toBe(first);
    await expectError(await view(first), 404, 'link_invalid');
    expect((await view(second)).status).toBe(200);
  });

  it('revokes the links when staff change or remove the owner', async () => {
    const { id, owner } = await ownedEntry();
    const link = await remind(owner);
    expect((await staffPut(id, { ownerEmail: 'new.owner@example.org' })).status).toBe(200);
    await expectError(await view(link), 404, 'link_invalid');
    // Setting the old owner back does not revive the old link.
    expect((await staffPut(id, { ownerEmail: owner })).status).toBe(200);
    await expectError(await view(link), 404, 'link_invalid');

    const other = await ownedEntry();
    const otherLink = await remind(other.owner);
    expect((await staffPut(other.id, { ownerEmail: null })).status).toBe(200);
    await expectError(await view(otherLink), 404, 'link_invalid');
    // An edit that leaves the owner as it is keeps the link.
    const kept = await ownedEntry();
    const keptLink = await remind(kept.owner);
    expect((await staffPut(kept.id, { phone: '+48 12 000 00 00' })).status).toBe(200);
    expect((await view(keptLink)).status).toBe(200);
  });

  it('revokes the links when the entry is archived, for good', async () => {
    const { id, owner } = await ownedEntry();
    const link = await remind(owner);
    expect((await t.app.request(`/v1/admin/map/organisations/${id}/archive`, json({}, admin.headers))).status).toBe(200);
    expect((await t.app.request(`/v1/admin/map/organisations/${id}/publish`, json({}, admin.headers))).status).toBe(200);
    await expectError(await view(link), 404, 'link_invalid');
  });

  it('does not mark the data verified through a stale link', async () => {
    const { id, owner } = await ownedEntry();
    const stale = await remind(owner);
    await remind(owner, 340);
    const before = (await findOrganisationRow(t.db, id))!.verified_at;
    await expectError(await saveUnchanged(id, stale), 404, 'link_invalid');
    expect((await findOrganisationRow(t.db, id))!.verified_at).toBe(before);
    // The current link does.
    const current = (await mailedLink(t, owner, 'edit')).token;
    const ok = await saveUnchanged(id, current);
    expect(ok.status).toBe(202);
    expect(await ok.json()).toMatchObject({ status: 'verified' });
    expect((await findOrganisationRow(t.db, id))!.verified_at).not.toBe(before);
  });
});
