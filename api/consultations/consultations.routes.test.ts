import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dialects, expectError, freshIp, json, mailedLink, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';
import { solvedAbuse } from '../core/abuse.testing.js';
import { expectWrittenOnce } from '../core/idempotency.testing.js';
import { insertOrganisation } from '../map/map.repository.js';
import { seedsOf } from '../core/module.js';
import { MODULES } from '../modules.js';
import { runSeeds } from '../seed.js';
import { DEMO_CONSULTATIONS } from './consultations.demo.js';
import { markReported, insertRemark, insertSupport } from './consultations.repository.js';
import { DAY, createConsultation, docxParts, localIn, mailsTo, postRemark, remarkBody } from './consultations.testing.js';

interface Summary { id: string; status: string; remarkCount: number; title: string; serverTime: string }
interface Detail extends Summary { units: { id: string; label: string; remarkCount: number; depth: number }[]; documentRemarkCount: number }
interface Remark { id: string; organisationName: string | null; organisationId: string | null; supporters: { organisationName: string }[]; decision: string | null; response: string | null; currentWording: string; justification: string; unitLabel: string | null }

const remarkBase = {
  currentWording: '', proposedWording: 'Nowe brzmienie', justification: 'Uzasadnienie uwagi.', authorType: 'ngo' as const, organisationName: 'Fundacja Strony',
  krs: null, organisationId: null, contactName: 'Osoba', lang: 'pl',
};

const get = async <T>(t: TestApp, path: string): Promise<T> => {
  const res = await t.app.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

describe.each(dialects)('consultations public API on %s', (dialect) => {
  let t: TestApp;
  let mod: StaffSession['headers'];
  beforeAll(async () => {
    t = await testApp(dialect);
    // Fixed addresses: the staff mail test names who is told of a new remark.
    mod = (await staffSession(t, 'moderator', { email: 'mod@example.org' })).headers;
    await staffSession(t, 'editor', { email: 'editor3@example.org', district: 3 });
    await staffSession(t, 'editor', { email: 'editor12@example.org', district: 12 });
    await staffSession(t, 'adviser', { email: 'adviser@example.org' });
    await staffSession(t, 'admin', { email: 'admin@example.org' });
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists by status and district (with city-wide ones): open by end, planned by start, then past ones latest first', async () => {
    const tag = `list-${dialect}`;
    const open12late = await createConsultation(t, { title: `${tag} open 12 late`, district: 12, startsLocal: localOffset(-2), endsLocal: localOffset(9) });
    const openCity = await createConsultation(t, { title: `${tag} open city`, startsLocal: localOffset(-2), endsLocal: localOffset(4) });
    const open3 = await createConsultation(t, { title: `${tag} open 3`, district: 3, startsLocal: localOffset(-2), endsLocal: localOffset(3) });
    const planned12 = await createConsultation(t, { title: `${tag} planned 12`, district: 12, startsLocal: localOffset(5), endsLocal: localOffset(30) });
    const plannedSoon = await createConsultation(t, { title: `${tag} planned city soon`, startsLocal: localOffset(2), endsLocal: localOffset(30) });
    const closedOld = await createConsultation(t, { title: `${tag} closed old`, district: 12, startsLocal: localOffset(-60), endsLocal: localOffset(-40) });
    const closedRecent = await createConsultation(t, { title: `${tag} closed recent`, startsLocal: localOffset(-30), endsLocal: localOffset(-3) });
    await markReported(t.db, closedOld.id);
    const ids = (items: Summary[]) => items.filter((i) => i.title.startsWith(tag)).map((i) => i.id);

    const all = await get<{ items: Summary[] }>(t, '/v1/consultations?district=12');
    expect(ids(all.items)).toEqual([openCity.id, open12late.id, plannedSoon.id, planned12.id, closedRecent.id, closedOld.id]);
    expect(all.items.find((i) => i.id === closedOld.id)!.status).toBe('reported');
    expect(all.items.find((i) => i.id === closedRecent.id)!.status).toBe('closed');
    const current = await get<{ items: Summary[] }>(t, '/v1/consultations?status=open,planned&district=3');
    expect(ids(current.items)).toEqual([open3.id, openCity.id, plannedSoon.id]);
    const everywhere = await get<{ items: Summary[] }>(t, '/v1/consultations?status=open');
    expect(ids(everywhere.items)).toEqual([open3.id, openCity.id, open12late.id]);
    await expectError(await t.app.request('/v1/consultations?status=soon&district=19'), 422, 'validation_failed');
  });

  it('pages the list and the remarks by cursor: every item once, in the same order as one long page; a bad cursor or a page over the maximum is a 422', async () => {
    const tag = `pages-${dialect}`;
    for (const [i, days] of [[0, 4], [1, 4], [2, 9]] as const) await createConsultation(t, { title: `${tag} open ${i}`, startsLocal: localOffset(-2), endsLocal: localOffset(days) });
    for (const i of [0, 1]) await createConsultation(t, { title: `${tag} planned ${i}`, startsLocal: localOffset(3), endsLocal: localOffset(30) });
    for (const i of [0, 1, 2]) await createConsultation(t, { title: `${tag} closed ${i}`, startsLocal: localOffset(-30), endsLocal: localOffset(-3 - (i % 2)) });
    const follow = async <T extends { id: string }>(path: string, limit: number) => {
      const seen: T[] = [];
      let after = '';
      for (let pages = 0; pages < 100; pages++) {
        const page = await get<{ items: T[]; next: string | null }>(t, `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${after && `&after=${after}`}`);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items);
        if (!page.next) return seen;
        after = page.next;
      }
      throw new Error('no last page');
    };
    const whole = await get<{ items: Summary[]; next: string | null }>(t, '/v1/consultations');
    expect(whole.next).toBeNull();
    expect(whole.items.filter((i) => i.title.startsWith(tag))).toHaveLength(8);
    for (const limit of [1, 2, 3]) expect((await follow<Summary>('/v1/consultations', limit)).map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
    const current = (await get<{ items: Summary[] }>(t, '/v1/consultations?status=open,planned')).items.map((i) => i.id);
    expect((await follow<Summary>('/v1/consultations?status=open,planned', 2)).map((i) => i.id)).toEqual(current);

    const c = await createConsultation(t, { title: `${tag} remarks`, startsLocal: localOffset(-2), endsLocal: localOffset(5) });
    const detail = await get<Detail>(t, `/v1/consultations/${c.id}`);
    const start = Date.now() - 3_600_000;
    for (let i = 0; i < 7; i++) {
      const unitId = i % 3 === 0 ? null : detail.units[i % detail.units.length]!.id;
      await insertRemark(t.db, { ...remarkBase, consultationId: c.id, unitId, contactEmail: `page${i}@example.org`, status: 'published' }, new Date(start + (i % 4) * 1000));
    }
    const remarks = (await get<{ items: Remark[]; next: string | null }>(t, `/v1/consultations/${c.id}/remarks`)).items.map((r) => r.id);
    expect(remarks).toHaveLength(7);
    for (const limit of [1, 2, 5]) expect((await follow<Remark>(`/v1/consultations/${c.id}/remarks`, limit)).map((r) => r.id)).toEqual(remarks);

    await expectError(await t.app.request('/v1/consultations?limit=101'), 422, 'validation_failed');
    await expectError(await t.app.request(`/v1/consultations/${c.id}/remarks?limit=201`), 422, 'validation_failed');
    await expectError(await t.app.request('/v1/consultations?after=not-a-cursor'), 422, 'validation_failed');
    const forged = Buffer.from(JSON.stringify(['someday|2026-01-01', 'x'])).toString('base64url');
    await expectError(await t.app.request(`/v1/consultations?after=${forged}`), 422, 'validation_failed');
    await expectError(await t.app.request(`/v1/consultations/${c.id}/remarks?after=${forged}`), 422, 'validation_failed');
  });

  it('caches reads briefly with an ETag that changes with the data and with the clock', async () => {
    const c = await createConsultation(t, { title: 'ETag', startsLocal: localOffset(1), endsLocal: localOffset(10) });
    const first = await t.app.request(`/v1/consultations/${c.id}`);
    expect(first.status).toBe(200);
    expect(((await first.json()) as Summary).status).toBe('planned');
    const etag = first.headers.get('etag')!;
    const maxAge = Number(/max-age=(\d+)/.exec(first.headers.get('cache-control')!)![1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(30);
    expect((await t.app.request(`/v1/consultations/${c.id}`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    // Nothing in the data changes, but the clock passes the start: the status, and so the ETag, must change.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.now() + 1.5 * DAY));
    const later = await t.app.request(`/v1/consultations/${c.id}`, { headers: { 'if-none-match': etag } });
    expect(later.status).toBe(200);
    expect(((await later.json()) as Summary).status).toBe('open');
    vi.useRealTimers();

    const etag2 = (await t.app.request(`/v1/consultations/${c.id}`)).headers.get('etag')!;
    await postRemark(t, (await createConsultation(t)).id, remarkBody());
    expect((await t.app.request(`/v1/consultations/${c.id}`, { headers: { 'if-none-match': etag2 } })).status).toBe(200);
  });

  it('serves one consultation with its units in document order and published-remark counts', async () => {
    const c = await createConsultation(t);
    expect((await postRemark(t, c.id, remarkBody({ unitId: c.unit('§ 2 ust. 1') }))).status).toBe(202);
    expect((await postRemark(t, c.id, remarkBody({ unitId: c.unit('§ 2 ust. 1') }))).status).toBe(202);
    expect((await postRemark(t, c.id, remarkBody())).status).toBe(202);
    const d = await get<Detail>(t, `/v1/consultations/${c.id}`);
    expect(d.units.map((u) => [u.label, u.depth])).toEqual([
      ['Wstęp', 0], ['§ 1', 0], ['§ 2', 0], ['§ 2 ust. 1', 1], ['§ 2 ust. 2', 1], ['§ 2 ust. 2 pkt 1', 2], ['§ 2 ust. 2 pkt 2', 2], ['§ 3', 0],
    ]);
    expect(d.units.find((u) => u.label === '§ 2 ust. 1')!.remarkCount).toBe(2);
    expect(d.units.find((u) => u.label === '§ 1')!.remarkCount).toBe(0);
    expect(d.documentRemarkCount).toBe(1);
    expect(d.remarkCount).toBe(3);
    expect(Math.abs(Date.parse(d.serverTime) - Date.now())).toBeLessThan(5000);
    expect((await t.app.request('/v1/consultations/nope')).status).toBe(404);
  });

  describe('the window, enforced with the server clock', () => {
    const probe = async (c: { id: string }, at: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(at));
      const res = await postRemark(t, c.id, remarkBody());
      vi.useRealTimers();
      return res;
    };

    it('closes at the end instant of a Warsaw time in summer time (2026-03-29 12:00 = 10:00Z, the day the clocks go forward)', async () => {
      const c = await createConsultation(t, { startsLocal: '2026-03-20T08:00', endsLocal: '2026-03-29T12:00' });
      expect((await probe(c, '2026-03-29T09:59:59.999Z')).status).toBe(202);
      const after = await probe(c, '2026-03-29T10:00:00.001Z');
      await expectError(after, 409, 'consultation_closed');
      await expectError(await probe(c, '2026-03-29T10:00:00.000Z'), 409, 'consultation_closed');
      // Read with the winter offset the end would be 11:00Z; half past ten is already too late.
      expect((await probe(c, '2026-03-29T10:30:00.000Z')).status).toBe(409);
    });

    it('closes at the end instant of a Warsaw time in winter time (2026-10-25 12:00 = 11:00Z, the day the clocks go back)', async () => {
      const c = await createConsultation(t, { startsLocal: '2026-10-20T08:00', endsLocal: '2026-10-25T12:00' });
      expect((await probe(c, '2026-10-25T10:59:59.999Z')).status).toBe(202);
      // Read with the summer offset the end would be 10:00Z; half past ten is still in time.
      expect((await probe(c, '2026-10-25T10:30:00.000Z')).status).toBe(202);
      const after = await probe(c, '2026-10-25T11:00:00.001Z');
      await expectError(after, 409, 'consultation_closed');
    });

    it('opens at the start instant, and refuses remarks before it with consultation_not_open', async () => {
      const c = await createConsultation(t, { startsLocal: '2026-03-29T03:00', endsLocal: '2026-04-20T12:00' });
      // 03:00 on the spring-forward day is summer time: 01:00Z.
      const before = await probe(c, '2026-03-29T00:59:59.999Z');
      await expectError(before, 409, 'consultation_not_open');
      expect((await probe(c, '2026-03-29T01:00:00.000Z')).status).toBe(202);
    });

    it('reports the status by the server clock in the list and the detail', async () => {
      const c = await createConsultation(t, { startsLocal: '2026-10-20T08:00', endsLocal: '2026-10-25T12:00' });
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-10-25T10:59:59.999Z'));
      expect((await get<Summary>(t, `/v1/consultations/${c.id}`)).status).toBe('open');
      vi.setSystemTime(new Date('2026-10-25T11:00:00.001Z'));
      const d = await get<Summary>(t, `/v1/consultations/${c.id}`);
      expect(d.status).toBe('closed');
      expect(d.serverTime).toBe('2026-10-25T11:00:00.001Z');
    });
  });

  it('under pre-moderation keeps a remark out of every public output until it is approved', async () => {
    const c = await createConsultation(t, { moderation: 'pre', title: `Premod ${dialect}` });
    const body = remarkBody({ unitId: c.unit('§ 1'), justification: 'Ukryta uwaga czekająca na moderację.' });
    const res = await postRemark(t, c.id, body);
    expect(res.status).toBe(202);
    const { id, status } = (await res.json()) as { id: string; status: string };
    expect(status).toBe('pending');

    const publicText = async () => {
      const list = await get<{ items: Summary[] }>(t, '/v1/consultations');
      const detail = await get<Detail>(t, `/v1/consultations/${c.id}`);
      const remarks = await get<{ items: Remark[] }>(t, `/v1/consultations/${c.id}/remarks`);
      const unit = await get<{ items: Remark[] }>(t, `/v1/consultations/${c.id}/remarks?unit=${c.unit('§ 1')}`);
      return { list, detail, remarks, unit, text: JSON.stringify([list, detail, remarks, unit]) };
    };
    const hidden = await publicText();
    expect(hidden.list.items.find((i) => i.id === c.id)!.remarkCount).toBe(0);
    expect(hidden.detail.remarkCount).toBe(0);
    expect(hidden.detail.units.find((u) => u.label === '§ 1')!.remarkCount).toBe(0);
    expect(hidden.remarks.items).toEqual([]);
    expect(hidden.text).not.toContain(id);
    expect(hidden.text).not.toContain('Ukryta uwaga');

    expect((await t.app.request(`/v1/admin/consultations/remarks/${id}/approve`, { method: 'POST', headers: mod })).status).toBe(200);
    const shown = await publicText();
    expect(shown.list.items.find((i) => i.id === c.id)!.remarkCount).toBe(1);
    expect(shown.detail.units.find((u) => u.label === '§ 1')!.remarkCount).toBe(1);
    expect(shown.remarks.items.map((r) => r.id)).toEqual([id]);
    expect(shown.unit.items.map((r) => r.id)).toEqual([id]);
  });

  it('keeps pending, unconfirmed and rejected remarks and all contact data out of the report, its CSV and its DOCX', async () => {
    const c = await createConsultation(t, { startsLocal: localOffset(-10), endsLocal: localOffset(5) });
    const visible = await insertRemark(t.db, { ...rowOf(c.id, 'published'), justification: 'Widoczna w sprawozdaniu' });
    await t.db.updateTable('consultation_remark').set({ decision: 'accepted', response: 'Przyjęto.' }).where('id', '=', visible).execute();
    for (const status of ['pending', 'unconfirmed', 'rejected'] as const) await insertRemark(t.db, { ...rowOf(c.id, status), justification: `Niewidoczna ${status}` });
    await markReported(t.db, c.id);
    const html = await (await t.app.request(`/v1/consultations/${c.id}/report?format=html`)).text();
    const csv = await (await t.app.request(`/v1/consultations/${c.id}/report?format=csv`)).text();
    const docxRes = await t.app.request(`/v1/consultations/${c.id}/report?format=docx&lang=en`);
    expect(docxRes.status).toBe(200);
    expect(docxRes.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docxRes.headers.get('content-disposition')).toMatch(/^attachment; filename="sprawozdanie-konsultacje-\d{4}-\d{2}-\d{2}\.docx"; filename\*=UTF-8''/);
    const docx = Object.values(docxParts(await docxRes.arrayBuffer())).join('\n');
    expect(docx).toContain('Consultation report');
    for (const out of [html, csv, docx]) {
      expect(out).toContain('Widoczna w sprawozdaniu');
      expect(out).not.toContain('Niewidoczna');
      expect(out).not.toMatch(/Osoba Wiersza|private\.example\.org/);
    }
    expect(html).toMatch(/data-total-remarks>1</);
  });

  it("counts the report's participants by their private e-mail once each, and its organisations once however typed, in the introduction of every format", async () => {
    const c = await createConsultation(t, { startsLocal: localOffset(-10), endsLocal: localOffset(5) });
    const same = { contactEmail: 'Ta.Sama@private.example.org' };
    const a = await insertRemark(t.db, { ...rowOf(c.id, 'published'), ...same, organisationName: 'Fundacja Łąka' });
    await insertRemark(t.db, { ...rowOf(c.id, 'published'), contactEmail: ' ta.sama@PRIVATE.example.org', organisationName: 'fundacja  łąka' });
    await insertRemark(t.db, { ...rowOf(c.id, 'published'), authorType: 'resident', organisationName: null });
    // Not in the report, so not counted: a pending remark and an unconfirmed support.
    await insertRemark(t.db, { ...rowOf(c.id, 'pending'), contactEmail: 'czeka@private.example.org' });
    const support = { remarkId: a, consultationId: c.id, krs: null, contactName: 'Wspierająca', confirmed: true };
    await insertSupport(t.db, { ...support, organisationName: 'Stowarzyszenie Wsparcie', contactEmail: 'wsparcie@private.example.org' });
    await insertSupport(t.db, { ...support, organisationName: 'Nie potwierdziła', contactEmail: 'niepotw@private.example.org', confirmed: false });
    await t.db.updateTable('consultation_remark').set({ decision: 'accepted', response: 'Tak.' }).where('consultation_id', '=', c.id).where('status', '=', 'published').execute();
    await markReported(t.db, c.id);
    // Three people (one sent two remarks), two organisations (one typed twice), three remarks, one support.
    const html = await (await t.app.request(`/v1/consultations/${c.id}/report?format=html&lang=en`)).text();
    const intro = /<section class="introduction"[\s\S]*?<\/section>/.exec(html)![0];
    expect(intro).toContain('3 participants sent remarks or supports. They acted for 2 organisations or institutions. 3 remarks were submitted. The remarks received 1 support in all.');
    const docx = docxParts(await (await t.app.request(`/v1/consultations/${c.id}/report?format=docx`)).arrayBuffer())['word/document.xml']!;
    expect(docx).toContain('Uwagi lub poparcia zgłosiło 3 uczestników konsultacji. Uwagi i poparcia zgłoszono w imieniu 2 organizacji lub instytucji. Zgłoszono 3 uwagi. Uwagi otrzymały łącznie 1 poparcie.');
    expect(docx).toContain('Uwzględnione w całości lub w części: 3 z 3 (100%).');
    for (const out of [html, docx]) expect(out).not.toMatch(/private\.example\.org|Nie potwierdziła/);
  });

  it('asks for e-mail confirmation when configured, mails staff once per remark, and makes the link single-use', async () => {
    const c = await createConsultation(t, { moderation: 'pre', requireConfirmation: true, district: 12, title: `Confirm ${dialect}` });
    const body = remarkBody({ lang: 'uk', unitId: c.unit('§ 3') });
    const res = await postRemark(t, c.id, body);
    expect(res.status).toBe(202);
    const { id, status } = (await res.json()) as { id: string; status: string };
    expect(status).toBe('unconfirmed');
    const { token, mail } = await mailedLink(t, body.contact.email, 'confirm');
    expect(mail.template).toBe('consultations.confirm-remark');
    expect(mail.subject).toContain('Підтвердьте');
    expect(mail.body_text).toContain(`${t.config.publicUrl}/embed/consultations?lang=uk&consultation=${c.id}&confirm=`);
    expect(mail.body_text).toContain('§ 3');
    const arrivedBefore = await t.db.selectFrom('mail_outbox').select('to_address').where('template', '=', 'consultations.remark-arrived').where('body_text', 'like', `%Confirm ${dialect}%`).execute();
    expect(arrivedBefore).toEqual([]);
    expect((await get<{ items: Remark[] }>(t, `/v1/consultations/${c.id}/remarks`)).items).toEqual([]);

    const confirm = await t.app.request('/v1/consultations/remarks/confirm', json({ token }));
    expect(confirm.status).toBe(200);
    expect(await confirm.json()).toMatchObject({ id, status: 'pending' });
    const again = await t.app.request('/v1/consultations/remarks/confirm', json({ token }));
    await expectError(again, 404, 'link_invalid');

    const arrived = await t.db.selectFrom('mail_outbox').select(['to_address', 'body_text']).where('template', '=', 'consultations.remark-arrived').where('body_text', 'like', `%Confirm ${dialect}%`).execute();
    // District XII: the unscoped moderator, the XII editor and the admin; not the III editor, not the adviser; each once.
    expect(arrived.map((m) => m.to_address).sort()).toEqual(['admin@example.org', 'editor12@example.org', 'mod@example.org']);
    // The link opens the consultation (its moderation queue) in the staff panel, not the public page.
    for (const m of arrived) expect(m.body_text).toContain(`\n${t.config.staffPanelUrl}#consultations/${c.id}`);
    expect((await get<{ items: Remark[] }>(t, `/v1/consultations/${c.id}/remarks`)).items).toEqual([]);
  });

  it('publishes a confirmed remark at once under post-moderation, and accepts the confirmation after the close', async () => {
    const c = await createConsultation(t, { moderation: 'post', requireConfirmation: true, startsLocal: '2026-03-20T08:00', endsLocal: '2026-03-29T12:00' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-29T09:59:00.000Z'));
    const body = remarkBody();
    const res = await postRemark(t, c.id, body);
    expect(res.status).toBe(202);
    vi.setSystemTime(new Date('2026-03-30T09:00:00.000Z'));
    const { token } = await mailedLink(t, body.contact.email, 'confirm');
    const confirm = await t.app.request('/v1/consultations/remarks/confirm', json({ token }));
    expect(confirm.status).toBe(200);
    expect(((await confirm.json()) as { status: string }).status).toBe('published');
    expect((await get<{ items: Remark[] }>(t, `/v1/consultations/${c.id}/remarks`)).items).toHaveLength(1);
  });

  it('lets only NGOs and informal groups remark when the audience is NGOs', async () => {
    const c = await createConsultation(t, { audience: 'ngo' });
    for (const authorType of ['resident', 'district_council', 'institution']) {
      const res = await postRemark(t, c.id, remarkBody({ authorType }));
      const err = await expectError(res, 422, 'validation_failed');
      expect(err.details!.issues, authorType).toEqual([expect.objectContaining({ path: 'authorType', code: 'not_allowed' })]);
    }
    expect((await postRemark(t, c.id, remarkBody({ authorType: 'informal_group' }))).status).toBe(202);
    expect((await postRemark(t, c.id, remarkBody({ authorType: 'ngo' }))).status).toBe(202);
  });

  it('refuses a unit of another consultation, and prefills the current wording from the unit', async () => {
    const a = await createConsultation(t);
    const b = await createConsultation(t);
    const res = await postRemark(t, a.id, remarkBody({ unitId: b.unit('§ 1') }));
    expect((await expectError(res, 422, 'validation_failed')).details!.issues!.map((i) => i.path)).toEqual(['unitId']);
    expect((await postRemark(t, a.id, remarkBody({ unitId: a.unit('§ 1') }))).status).toBe(202);
    const [remark] = (await get<{ items: Remark[] }>(t, `/v1/consultations/${a.id}/remarks`)).items;
    expect(remark!.unitLabel).toBe('§ 1');
    expect(remark!.currentWording).toBe('Uchwała określa zasady testowania.');
  });

  it('links an organisation to its map entry by KRS, and never shows a resident\'s name', async () => {
    const orgId = await insertOrganisation(t.db, {
      name: 'Fundacja Z Mapy', description: '', translations: {}, kind: 'ngo', legalForm: 'fundacja', krs: '0000654321', regon: null, nip: null, areas: ['kultura'], targetGroups: [],
      districts: [], cityWide: true, address: null, location: null, website: null, email: null, phone: null, languages: ['pl'], accessibility: [],
    }, { status: 'published', changedBy: 'test' });
    const c = await createConsultation(t);
    await postRemark(t, c.id, remarkBody({ organisationName: 'Fundacja Z Mapy', krs: '0000654321', justification: 'Uwaga organizacji z mapy.' }));
    await postRemark(t, c.id, remarkBody({ authorType: 'resident', organisationName: 'Jan Mieszkaniec Prywatny', krs: null, justification: 'Uwaga mieszkańca.' }));
    const items = (await get<{ items: (Remark & { justification: string; authorType: string })[] }>(t, `/v1/consultations/${c.id}/remarks`)).items;
    expect(items.find((r) => r.justification === 'Uwaga organizacji z mapy.')!.organisationId).toBe(orgId);
    const resident = items.find((r) => r.authorType === 'resident')!;
    expect(resident.organisationName).toBeNull();
    expect(JSON.stringify(items)).not.toContain('Jan Mieszkaniec Prywatny');
    const residents = (await get<{ items: Remark[] }>(t, `/v1/consultations/${c.id}/remarks?authorType=resident`)).items;
    expect(residents.map((r) => r.id)).toEqual([resident.id]);
  });

  it('takes supports of published remarks while open, counting them once confirmed', async () => {
    const c = await createConsultation(t, { requireConfirmation: true, moderation: 'post', startsLocal: '2026-03-20T08:00', endsLocal: '2026-03-29T12:00' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-25T09:00:00.000Z'));
    const published = await insertRemark(t.db, rowOf(c.id, 'published'));
    const pending = await insertRemark(t.db, rowOf(c.id, 'pending'));
    const support = async (remarkId: string, over: Record<string, unknown> = {}) =>
      t.app.request(`/v1/consultations/${c.id}/remarks/${remarkId}/supports`, json({ organisationName: 'Stowarzyszenie Popierające', krs: null, contact: { name: 'Osoba Popierająca', email: 'popiera@private.example.org' }, consent: true, lang: 'en', abuse: await solvedAbuse(t.app), ...over }, { 'x-forwarded-for': freshIp() }));

    expect((await support(pending)).status).toBe(404);
    const res = await support(published);
    expect(res.status).toBe(202);
    expect(((await res.json()) as { status: string }).status).toBe('unconfirmed');
    const supporters = async () => (await get<{ items: Remark[] }>(t, `/v1/consultations/${c.id}/remarks`)).items.find((r) => r.id === published)!.supporters;
    expect(await supporters()).toEqual([]);
    const { token, mail } = await mailedLink(t, 'popiera@private.example.org', 'confirm-support');
    expect(mail.template).toBe('consultations.confirm-support');
    expect(mail.body_text).toContain(`/embed/consultations?lang=en&consultation=${c.id}&confirm-support=`);
    const confirm = await t.app.request('/v1/consultations/supports/confirm', json({ token }));
    expect(confirm.status).toBe(200);
    expect(await confirm.json()).toMatchObject({ remarkId: published, status: 'published' });
    await expectError(await t.app.request('/v1/consultations/supports/confirm', json({ token })), 404, 'link_invalid');
    expect(await supporters()).toEqual([{ organisationName: 'Stowarzyszenie Popierające' }]);

    vi.setSystemTime(new Date('2026-03-29T10:00:00.001Z'));
    const late = await support(published);
    await expectError(late, 409, 'consultation_closed');
  });

  it('counts a support at once when the consultation asks for no confirmation', async () => {
    const c = await createConsultation(t, { requireConfirmation: false });
    const remark = await insertRemark(t.db, rowOf(c.id, 'published'));
    const res = await t.app.request(`/v1/consultations/${c.id}/remarks/${remark}/supports`, json({ organisationName: 'Klub Od Razu', contact: { name: 'Ktoś Tam', email: 'odrazu@private.example.org' }, consent: true, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    expect(res.status).toBe(202);
    expect(((await res.json()) as { status: string }).status).toBe('published');
    const items = (await get<{ items: Remark[] }>(t, `/v1/consultations/${c.id}/remarks`)).items;
    expect(items[0]!.supporters).toEqual([{ organisationName: 'Klub Od Razu' }]);
    expect(await mailsTo(t, 'odrazu@private.example.org')).toEqual([]);
    // The same person cannot back it twice; the same organisation from another address counts once
    // (names match without case or diacritics).
    const send = async (organisationName: string, email: string) =>
      t.app.request(`/v1/consultations/${c.id}/remarks/${remark}/supports`, json({ organisationName, contact: { name: 'Ktoś Inny', email }, consent: true, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    const again = await send('Klub Od Razu', 'ODRAZU@private.example.org');
    await expectError(again, 409, 'already_supported');
    expect((await send('KLUB OD RAZU', 'inny@private.example.org')).status).toBe(202);
    expect((await get<{ items: Remark[] }>(t, `/v1/consultations/${c.id}/remarks`)).items[0]!.supporters).toEqual([{ organisationName: 'Klub Od Razu' }]);
  });

  it('takes one of several identical supports sent at once, and confirms one support per address', async () => {
    const open = await createConsultation(t, { requireConfirmation: false });
    const remark = await insertRemark(t.db, rowOf(open.id, 'published'));
    const body = async (email: string) => json({ organisationName: 'Klub Naraz', contact: { name: 'Ktoś Naraz', email }, consent: true, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() });
    const bodies = await Promise.all(Array.from({ length: 8 }, () => body('naraz@private.example.org')));
    const answers = await Promise.all(bodies.map((b) => t.app.request(`/v1/consultations/${open.id}/remarks/${remark}/supports`, b)));
    expect(answers.map((r) => r.status).sort()).toEqual([202, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of answers.filter((x) => x.status === 409)) await expectError(r, 409, 'already_supported');
    expect(await t.db.selectFrom('consultation_support').select('id').where('remark_id', '=', remark).execute()).toHaveLength(1);

    // With confirmation: two unconfirmed supports from one address, both links used at once; one counts.
    const confirming = await createConsultation(t, { requireConfirmation: true });
    const other = await insertRemark(t.db, rowOf(confirming.id, 'published'));
    for (let i = 0; i < 2; i++) expect((await t.app.request(`/v1/consultations/${confirming.id}/remarks/${other}/supports`, await body('dwa@private.example.org'))).status).toBe(202);
    const tokens = (await mailsTo(t, 'dwa@private.example.org')).map((m) => decodeURIComponent(m.body_text.match(/[?&]confirm-support=([\w-]+)/)![1]!));
    expect(new Set(tokens).size).toBe(2);
    const confirmations = await Promise.all(tokens.map((token) => t.app.request('/v1/consultations/supports/confirm', json({ token }))));
    expect(confirmations.map((r) => r.status).sort()).toEqual([200, 409]);
    const rows = await t.db.selectFrom('consultation_support').select('confirmed_at').where('remark_id', '=', other).execute();
    expect(rows.filter((r) => r.confirmed_at !== null)).toHaveLength(1);
  });

  it('lets no claim in an organisation\'s name block the organisation itself (support squatting)', async () => {
    await insertOrganisation(t.db, {
      name: 'Fundacja Prawdziwa', description: '', translations: {}, kind: 'ngo', legalForm: 'fundacja', krs: '0000777111', regon: null, nip: null, areas: ['kultura'], targetGroups: [],
      districts: [], cityWide: true, address: null, location: null, website: null, email: null, phone: null, languages: ['pl'], accessibility: [],
    }, { status: 'published', changedBy: 'test' });
    const c = await createConsultation(t, { requireConfirmation: false });
    const remark = await insertRemark(t.db, rowOf(c.id, 'published'));
    const send = async (organisationName: string, krs: string | null, email: string) =>
      t.app.request(`/v1/consultations/${c.id}/remarks/${remark}/supports`, json({ organisationName, krs, contact: { name: 'Osoba', email }, consent: true, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    const supporters = async () => (await get<{ items: Remark[] }>(t, `/v1/consultations/${c.id}/remarks`)).items[0]!.supporters.map((s) => s.organisationName);
    // Anonymous squatters first: one with the name only, one with the real KRS and another name.
    expect((await send('FUNDACJA PRAWDZIWA', null, 'squat1@example.org')).status).toBe(202);
    expect((await send('Fundacja Podszyta', '0000777111', 'squat2@example.org')).status).toBe(202);
    // The organisation itself, identified by its KRS, still backs the remark.
    const real = await send('Fundacja Prawdziwa', '0000777111', 'biuro@prawdziwa.example.org');
    expect(real.status).toBe(202);
    expect(((await real.json()) as { status: string }).status).toBe('published');
    // Shown once, by the name the NGO map holds for the KRS; another organisation still counts.
    expect(await supporters()).toEqual(['Fundacja Prawdziwa']);
    expect((await send('Stowarzyszenie Obok', null, 'obok@example.org')).status).toBe(202);
    expect(await supporters()).toEqual(['Fundacja Prawdziwa', 'Stowarzyszenie Obok']);
    // The author cannot back their own remark.
    const own = await send('Cokolwiek', null, (await t.db.selectFrom('consultation_remark').select('contact_email').where('id', '=', remark).executeTakeFirstOrThrow()).contact_email);
    await expectError(own, 409, 'already_supported');
  });

  it('stores every remark exactly once among 200 concurrent POSTs, some retried with the same Idempotency-Key', async () => {
    const c = await createConsultation(t, { moderation: 'pre' });
    const distinct = await Promise.all(
      Array.from({ length: 150 }, async (_, i) => ({ key: `burst-${dialect}-${i}-key`, ip: freshIp(), body: JSON.stringify({ ...remarkBody({ justification: `Równoległa uwaga numer ${i} (${dialect})` }), abuse: await solvedAbuse(t.app) }) })),
    );
    const retries = distinct.filter((_, i) => i % 3 === 0).slice(0, 50);
    const send = (r: (typeof distinct)[number]) =>
      t.app.request(`/v1/consultations/${c.id}/remarks`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': r.key, 'x-forwarded-for': r.ip }, body: r.body });
    const responses = await Promise.all([...distinct, ...retries].map(send));
    expect(responses).toHaveLength(200);
    const outcomes = await Promise.all(responses.map(async (res) => ({ status: res.status, body: (await res.json()) as { id?: string; error?: { code: string } } })));
    for (const o of outcomes) {
      // A retry that overlaps its original may be told to come back (409 idempotency_in_progress); nothing else may fail.
      if (o.status !== 202) expect(o.body.error?.code).toBe('idempotency_in_progress');
    }
    // Of a request and its retry, whichever claimed the key first ran; at least one answered 202.
    const answered = distinct.map((r, i) => {
      const j = retries.indexOf(r);
      const pair = [outcomes[i]!, ...(j >= 0 ? [outcomes[150 + j]!] : [])].filter((o) => o.status === 202);
      expect(pair.length, `request ${i}`).toBeGreaterThan(0);
      expect(new Set(pair.map((o) => o.body.id)).size, `one id for request ${i} and its retry`).toBe(1);
      return pair[0]!.body.id;
    });

    const rows = await t.db.selectFrom('consultation_remark').select(['id', 'justification']).where('consultation_id', '=', c.id).execute();
    expect(rows).toHaveLength(150);
    expect(new Set(rows.map((r) => r.justification)).size).toBe(150);
    // Every retry, sent again now, gets the original's answer and stores nothing new.
    for (const [i, r] of retries.entries()) {
      const res = await send(r);
      expect(res.status).toBe(202);
      expect(res.headers.get('idempotent-replayed')).toBe('true');
      const original = answered[distinct.indexOf(r)];
      expect(((await res.json()) as { id: string }).id, `retry ${i}`).toBe(original);
    }
    expect((await t.db.selectFrom('consultation_remark').select('id').where('consultation_id', '=', c.id).execute()).length).toBe(150);
  });

  it('stores a remark and a support with their Idempotency-Key in one transaction (crash, late retry, double submit)', async () => {
    const c = await createConsultation(t, { requireConfirmation: true });
    const count = (table: 'consultation_remark' | 'consultation_support') => async () =>
      Number((await t.db.selectFrom(table).select((e) => e.fn.countAll().as('n')).where('consultation_id', '=', c.id).executeTakeFirstOrThrow()).n);
    await expectWrittenOnce(t, { path: `/v1/consultations/${c.id}/remarks`, status: 202, count: count('consultation_remark'), body: async () => ({ ...remarkBody(), abuse: await solvedAbuse(t.app) }) });
    const remark = await insertRemark(t.db, rowOf(c.id, 'published'));
    let n = 0;
    await expectWrittenOnce(t, {
      path: `/v1/consultations/${c.id}/remarks/${remark}/supports`,
      status: 202,
      count: count('consultation_support'),
      body: async () => ({ organisationName: `Wspierająca ${++n}`, krs: null, contact: { name: 'Osoba', email: `wspiera.${n}@private.example.org` }, consent: true, abuse: await solvedAbuse(t.app) }),
    });
  });

  it('serves the report only once the answers are published', async () => {
    const c = await createConsultation(t);
    for (const format of ['html', 'csv', 'docx']) {
      const res = await t.app.request(`/v1/consultations/${c.id}/report?format=${format}`);
      await expectError(res, 409, 'report_not_ready');
    }
    expect((await t.app.request('/v1/consultations/nope/report')).status).toBe(404);
  });

  it('runs the demo seed: open, closed, reported and planned consultations, with a report, every date where it would be in life', async () => {
    // On the suite's own database: a second PostgreSQL test database cannot be migrated while one is open.
    expect(await runSeeds(t.db, seedsOf(MODULES), ['consultations'])).toEqual(['consultations']);
    const titles = new Set(DEMO_CONSULTATIONS.map((d) => d.input.title));
    const items = (await get<{ items: (Summary & { startsAt: string; endsAt: string; reportedAt: string | null })[] }>(t, '/v1/consultations')).items.filter((i) => titles.has(i.title));
    expect(items.map((i) => i.status)).toEqual(['open', 'planned', 'closed', 'reported']);
    const reported = items.find((i) => i.status === 'reported')!;
    const remarks = (await get<{ items: Remark[] }>(t, `/v1/consultations/${reported.id}/remarks`)).items;
    expect(remarks.length).toBe(DEMO_CONSULTATIONS.find((d) => d.reportedInDays !== undefined)!.remarks.length);
    expect(remarks.every((r) => r.decision && r.response)).toBe(true);
    expect((await t.app.request(`/v1/consultations/${reported.id}/report?format=html`)).status).toBe(200);
    const docx = docxParts(await (await t.app.request(`/v1/consultations/${reported.id}/report?format=docx`)).arrayBuffer())['word/document.xml']!;
    const docxText = docx.replace(/<[^>]+>/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    for (const line of remarks.flatMap((r) => r.justification.split(/\r?\n/))) expect(docxText).toContain(line);
    expect(items.find((i) => i.status === 'open')!.remarkCount).toBe(DEMO_CONSULTATIONS.find((d) => d.startsInDays < 0 && d.endsInDays > 0)!.remarks.length);

    // Remarks and supports inside the window, answers after the end, the report after the answers, nothing in the future.
    const now = Date.now();
    for (const c of items) {
      const rows = await t.db.selectFrom('consultation_remark').selectAll().where('consultation_id', '=', c.id).execute();
      const supports = await t.db.selectFrom('consultation_support').selectAll().where('consultation_id', '=', c.id).execute();
      const [start, end] = [Date.parse(c.startsAt), Date.parse(c.endsAt)];
      const created = (await t.db.selectFrom('consultation').select('created_at').where('id', '=', c.id).executeTakeFirstOrThrow()).created_at;
      expect(Date.parse(created), c.title).toBeLessThanOrEqual(Math.min(start, now));
      for (const r of rows) {
        for (const at of [r.created_at, r.confirmed_at!, r.published_at!]) {
          expect(Date.parse(at), `${c.title}: ${r.justification}`).toBeGreaterThan(start);
          expect(Date.parse(at), `${c.title}: ${r.justification}`).toBeLessThan(Math.min(end, now));
        }
        if (r.answered_at) {
          expect(Date.parse(r.answered_at)).toBeGreaterThan(end);
          expect(Date.parse(r.answered_at)).toBeLessThan(c.reportedAt ? Date.parse(c.reportedAt) : now);
        }
      }
      for (const s of supports) expect(Date.parse(s.created_at)).toBeGreaterThan(Date.parse(rows.find((r) => r.id === s.remark_id)!.created_at));
      for (const s of supports) expect(Date.parse(s.created_at)).toBeLessThan(Math.min(end, now));
    }
    // The closed one still waits for some answers; the reported one has them all.
    const closed = items.find((i) => i.status === 'closed')!;
    const waiting = await t.db.selectFrom('consultation_remark').select('id').where('consultation_id', '=', closed.id).where('answered_at', 'is', null).execute();
    expect(waiting.length).toBeGreaterThan(0);
  });
});

/** Warsaw wall-clock time `days` from now. */
const localOffset = (days: number) => localIn(days * DAY);

let rowSeq = 0;
/** A remark row for the repository, in a given status. */
function rowOf(consultationId: string, status: 'unconfirmed' | 'pending' | 'published' | 'rejected') {
  const n = ++rowSeq;
  return {
    consultationId, unitId: null, currentWording: '', proposedWording: `Propozycja ${n}`, justification: `Uzasadnienie wiersza ${n}`, authorType: 'ngo' as const,
    organisationName: `Organizacja Wiersza ${n}`, krs: null, organisationId: null, contactName: `Osoba Wiersza ${n}`, contactEmail: `wiersz.${n}@private.example.org`, lang: 'pl', status,
  };
}
