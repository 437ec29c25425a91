import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPurge } from '../core/retention.js';
import { dialects, expectError, json, mailedLink, staffSession, type StaffSession, type TestApp } from '../testing.js';
import { ADVICE_RETENTION, adviceRemindersJob } from './advice.retention.js';
import { adviceIndicators, adviceWaiting } from './advice.indicators.js';
import { adviceApp, body, DAY, directCase, FILES, mailsTo, postRequest, requestBody, slotIn, upload } from './advice.testing.js';
import { createLogger } from '../core/log.js';

interface Summary { id: string; number: string; status: string; topicId: string; assignedTo: { id: string } | null; overdue: boolean }
interface Detail extends Summary { messages: { author: string; body: string }[]; contactEmail: string; attachments: { id: string; from: string; messageId: string | null }[] }
type Stats = { total: { count: number; closed: number; avgSatisfaction: number | null; rated: number; avgFirstResponseHours: number | null }; byTopic: { key: string; count: number }[]; byKind: { key: string }[]; byMonth: { key: string }[]; byDistrict: { key: string }[] };

describe.each(dialects)('advice staff API on %s', (dialect) => {
  let t: TestApp & { filesDir: string };
  let admin: StaffSession;
  let lawyer: StaffSession;
  let grantAdviser: StaffSession;
  const get = (s: StaffSession, path: string) => t.app.request(path, { headers: s.headers });
  const send = (s: StaffSession, path: string, payload: unknown, method = 'POST') => t.app.request(path, json(payload, s.headers, method));

  beforeAll(async () => {
    t = await adviceApp(dialect);
    admin = await staffSession(t, 'admin');
    lawyer = await staffSession(t, 'adviser');
    grantAdviser = await staffSession(t, 'adviser');
    await body(await send(admin, `/v1/admin/advice/advisers/${lawyer.id}/topics`, { topicIds: ['law'] }, 'PUT'), 200);
    await body(await send(admin, `/v1/admin/advice/advisers/${grantAdviser.id}/topics`, { topicIds: ['grants', 'loans'] }, 'PUT'), 200);
  });
  afterAll(() => t.close());

  it('keeps editors and moderators out of every advice route, and everyone without a session', async () => {
    const c = await directCase(t);
    for (const role of ['editor', 'moderator'] as const) {
      const s = await staffSession(t, role);
      expect(s.sections).not.toContain('advice');
      for (const path of ['/v1/admin/advice/cases', `/v1/admin/advice/cases/${c.id}`, '/v1/admin/advice/stats', '/v1/admin/advice/export', '/v1/admin/advice/slots', '/v1/admin/advice/topics']) {
        await expectError(await get(s, path), 403, 'forbidden');
      }
      await expectError(await send(s, `/v1/admin/advice/cases/${c.id}/notes`, { body: 'x' }), 403, 'forbidden');
    }
    await expectError(await t.app.request('/v1/admin/advice/cases'), 401, 'unauthorized');
    expect(lawyer.sections).toContain('advice');
  });

  it("shows an adviser their own cases and their topics' queue, and nobody else's", async () => {
    const law = await directCase(t, { topic: 'law' });
    const grant = await directCase(t, { topic: 'grants' });
    const taxes = await directCase(t, { topic: 'taxes' });
    const ids = async (s: StaffSession, q = '') => (await body<{ items: Summary[] }>(await get(s, `/v1/admin/advice/cases${q}`), 200)).items.map((i) => i.id);
    expect(await ids(lawyer)).toContain(law.id);
    expect(await ids(lawyer)).not.toContain(grant.id);
    expect(await ids(lawyer)).not.toContain(taxes.id);
    await expectError(await get(lawyer, `/v1/admin/advice/cases/${grant.id}`), 404, 'not_found');
    await expectError(await send(lawyer, `/v1/admin/advice/cases/${grant.id}/replies`, { body: 'Odpowiedź' }), 404, 'not_found');

    // Taken by the grants adviser, the case leaves the queue of the others and becomes theirs.
    expect(await body(await send(grantAdviser, `/v1/admin/advice/cases/${grant.id}/assign`, { staffId: grantAdviser.id }), 200)).toEqual({ status: 'assigned', assignedTo: grantAdviser.id });
    expect(await ids(grantAdviser, '?mine=1')).toEqual([grant.id]);
    // An adviser cannot hand a case to someone else; an admin can, and then the first adviser no longer sees it.
    await expectError(await send(grantAdviser, `/v1/admin/advice/cases/${grant.id}/assign`, { staffId: lawyer.id }), 403, 'forbidden');
    await body(await send(admin, `/v1/admin/advice/cases/${grant.id}/assign`, { staffId: lawyer.id }), 200);
    expect(await ids(lawyer)).toContain(grant.id);
    expect(await ids(grantAdviser)).not.toContain(grant.id);
    expect((await mailsTo(t, lawyer.email, 'advice.staff-activity')).length).toBeGreaterThan(0);
    // Admins see every case.
    expect(await ids(admin)).toEqual(expect.arrayContaining([law.id, grant.id, taxes.id]));
  });

  it('handles a case end to end: note, reply with a file, the requester answers, closing, satisfaction, statistics', async () => {
    const input = requestBody({ topic: 'loans', fields: { amount: '20000' } });
    await body(await postRequest(t, input), 201);
    const { token } = await mailedLink(t, input.contact.email, 'token');
    const mine = await body<{ items: Summary[] }>(await get(grantAdviser, '/v1/admin/advice/cases?status=new&topic=loans'), 200);
    const id = mine.items[0]!.id;
    await body(await send(grantAdviser, `/v1/admin/advice/cases/${id}/notes`, { body: 'Sprawdzić program pożyczkowy.' }), 201);

    const up = await t.app.request(`/v1/admin/advice/cases/${id}/attachments?name=wzor.pdf`, { method: 'POST', headers: { ...grantAdviser.headers, 'content-type': 'application/octet-stream' }, body: FILES.pdf() });
    const file = await body<{ id: string }>(up, 201);
    expect(await body(await send(grantAdviser, `/v1/admin/advice/cases/${id}/replies`, { body: 'Proszę o kopię statutu.', attachmentIds: [file.id], status: 'waiting_for_requester' }), 201)).toEqual({ status: 'waiting_for_requester' });
    const reply = await mailedLink(t, input.contact.email, 'token');
    expect(reply.mail.template).toBe('advice.reply');
    expect(reply.mail.body_text).toContain('Proszę o kopię statutu.');

    // The requester sees the reply and the adviser's file, never the note.
    const status = await body<{ status: string; messages: { author: string; body: string }[]; attachments: { id: string }[] }>(await t.app.request(`/v1/advice/status?token=${reply.token}`), 200);
    expect(status.status).toBe('waiting_for_requester');
    expect(status.messages.map((m) => m.author)).toEqual(['staff']);
    expect(JSON.stringify(status)).not.toContain('Sprawdzić program');
    const download = await t.app.request(`/v1/advice/status/attachments/${file.id}?token=${token}`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);

    expect(await body(await t.app.request('/v1/advice/status/replies', json({ token, body: 'Statut w załączeniu.' })), 201)).toEqual({ status: 'in_progress' });
    const detail = await body<Detail>(await get(grantAdviser, `/v1/admin/advice/cases/${id}`), 200);
    expect(detail.messages.map((m) => m.author)).toEqual(['note', 'staff', 'requester']);
    expect(detail.attachments).toEqual([expect.objectContaining({ id: file.id, from: 'staff', messageId: expect.any(String) })]);

    await expectError(await t.app.request('/v1/advice/status/satisfaction', json({ token, score: 5 })), 409, 'conflict');
    expect(await body(await send(grantAdviser, `/v1/admin/advice/cases/${id}/close`, {}), 200)).toEqual({ status: 'closed' });
    await expectError(await send(grantAdviser, `/v1/admin/advice/cases/${id}/close`, {}), 409, 'case_closed');
    expect((await mailsTo(t, input.contact.email, 'advice.closed')).length).toBe(1);
    await expectError(await t.app.request('/v1/advice/status/replies', json({ token, body: 'Jeszcze jedno' })), 409, 'case_closed');
    expect(await body(await t.app.request('/v1/advice/status/satisfaction', json({ token, score: 4 })), 200)).toEqual({ satisfaction: 4 });
    await expectError(await t.app.request('/v1/advice/status/satisfaction', json({ token, score: 1 })), 409, 'conflict');

    const stats = await body<Stats>(await get(admin, '/v1/admin/advice/stats'), 200);
    expect(stats.total.closed).toBeGreaterThanOrEqual(1);
    expect(stats.total.rated).toBeGreaterThanOrEqual(1);
    expect(stats.byTopic.find((r) => r.key === 'loans')!.count).toBeGreaterThanOrEqual(1);
    expect(stats.byKind.map((r) => r.key)).toContain('ngo');
    expect(stats.byDistrict.map((r) => r.key)).toContain('none');
    const today = new Date().toISOString().slice(0, 10);
    const indicators = await adviceIndicators(t.db, { from: today, to: today, lang: 'pl' });
    expect(indicators.find((i) => i.key === 'advice.answered')!.value).toBeGreaterThanOrEqual(1);
    expect(indicators.find((i) => i.key === 'advice.satisfied')).toMatchObject({ unit: 'percent', value: expect.any(Number) });
  });

  it('publishes and withdraws availability; staff cancel a booking and the requester is mailed', async () => {
    const starts = new Date(Date.now() + 3 * DAY).toISOString();
    const ends = new Date(Date.now() + 3 * DAY + 3600_000).toISOString();
    await expectError(await send(lawyer, '/v1/admin/advice/slots', { startsAt: starts, endsAt: ends, mode: 'online' }), 422, 'validation_failed');
    const { id } = await body<{ id: string }>(await send(lawyer, '/v1/admin/advice/slots', { topicId: 'law', startsAt: starts, endsAt: ends, mode: 'online', onlineUrl: 'https://meet.example.org/abc' }), 201);
    const free = await body<{ items: { id: string }[] }>(await t.app.request('/v1/advice/slots?topic=law'), 200);
    expect(free.items.map((s) => s.id)).toContain(id);
    const c = await directCase(t, { topic: 'law' });
    const booking = await body<{ onlineUrl: string }>(await t.app.request('/v1/advice/status/booking', json({ token: c.token, slotId: id })), 201);
    expect(booking.onlineUrl).toBe('https://meet.example.org/abc');
    const mineSlots = await body<{ items: { id: string; booking: { number: string } | null }[] }>(await get(lawyer, '/v1/admin/advice/slots'), 200);
    expect(mineSlots.items.find((s) => s.id === id)!.booking!.number).toBe(c.row.number);
    await expectError(await t.app.request(`/v1/admin/advice/slots/${id}`, { method: 'DELETE', headers: lawyer.headers }), 409, 'slot_booked');
    await expectError(await send(grantAdviser, `/v1/admin/advice/slots/${id}/cancel-booking`, {}), 404, 'not_found');
    await body(await send(lawyer, `/v1/admin/advice/slots/${id}/cancel-booking`, {}), 200);
    expect((await mailsTo(t, c.row.contact_email, 'advice.booking-cancelled'))[0]!.body_text).toContain('przez doradcę');
    expect((await t.app.request(`/v1/admin/advice/slots/${id}`, { method: 'DELETE', headers: lawyer.headers })).status).toBe(204);
  });

  it('lets admins edit topics and their fields, which the public list shows', async () => {
    const topic = { id: 'hr', labels: { pl: 'Kadry', en: 'HR', uk: 'Кадри' }, explanation: { pl: 'Umowy z pracownikami i wolontariuszami.', en: 'Contracts with staff and volunteers.', uk: 'Договори з працівниками та волонтерами.' }, fields: [{ key: 'staff', type: 'number', required: true, labels: { pl: 'Liczba pracowników', en: 'Number of staff', uk: 'Кількість працівників' } }], position: 70 };
    await expectError(await send(lawyer, '/v1/admin/advice/topics', topic), 403, 'forbidden');
    await body(await send(admin, '/v1/admin/advice/topics', topic), 201);
    await expectError(await send(admin, '/v1/admin/advice/topics', topic), 409, 'conflict');
    const listed = await body<{ items: { id: string; fields: { key: string; required: boolean }[] }[] }>(await t.app.request('/v1/advice/topics'), 200);
    expect(listed.items.find((x) => x.id === 'hr')!.fields).toEqual([expect.objectContaining({ key: 'staff', required: true })]);
    const missing = await expectError(await postRequest(t, requestBody({ topic: 'hr', fields: {} })), 422, 'validation_failed');
    expect(missing.details!.issues).toEqual([expect.objectContaining({ path: 'fields.staff', code: 'required' })]);
    const { id: _id, ...edit } = topic;
    await body(await send(admin, '/v1/admin/advice/topics/hr', { ...edit, active: false }, 'PUT'), 200);
    const after = await body<{ items: { id: string }[] }>(await t.app.request('/v1/advice/topics'), 200);
    expect(after.items.map((x) => x.id)).not.toContain('hr');
  });

  it('retires a field without losing what earlier requests answered, refuses a changed type, and logs what changed', async () => {
    const L = (pl: string) => ({ pl, en: `${pl} (en)`, uk: `${pl} (uk)` });
    const count = { key: 'volunteers', type: 'number', required: true, labels: L('Liczba wolontariuszy') };
    const area = { key: 'area', type: 'text', required: false, labels: L('Obszar działania') };
    const topic = { labels: L('Wolontariat'), explanation: L('Umowy i ubezpieczenie wolontariuszy.'), fields: [count, area], position: 80 };
    await body(await send(admin, '/v1/admin/advice/topics', { id: 'volunteering', ...topic }), 201);
    const sent = await body<{ number: string }>(await postRequest(t, requestBody({ topic: 'volunteering', fields: { volunteers: '12', area: 'Kultura' } })), 201);
    const old = await t.db.selectFrom('advice_case').select('id').where('number', '=', sent.number).executeTakeFirstOrThrow();

    // Left out of the edit: kept as retired, no longer asked or required.
    const saved = await body<{ fields: { key: string; retired: boolean; required: boolean }[] }>(await send(admin, '/v1/admin/advice/topics/volunteering', { ...topic, labels: L('Wolontariat i staże'), fields: [area] }, 'PUT'), 200);
    expect(saved.fields).toEqual([expect.objectContaining({ key: 'area', retired: false }), expect.objectContaining({ key: 'volunteers', retired: true, required: false })]);
    const listed = await body<{ items: { id: string; fields: { key: string }[] }[] }>(await t.app.request('/v1/advice/topics'), 200);
    expect(listed.items.find((x) => x.id === 'volunteering')!.fields.map((f) => f.key)).toEqual(['area']);
    const unknown = await expectError(await postRequest(t, requestBody({ topic: 'volunteering', fields: { volunteers: '3' } })), 422, 'validation_failed');
    expect(unknown.details!.issues).toEqual([expect.objectContaining({ path: 'fields.volunteers', code: 'unknown_field' })]);
    await body(await postRequest(t, requestBody({ topic: 'volunteering', fields: {} })), 201);
    // The earlier request still reads with its answer and the retired field's label.
    const detail = await body<{ fields: Record<string, string>; fieldLabels: Record<string, { pl: string }> }>(await get(admin, `/v1/admin/advice/cases/${old.id}`), 200);
    expect(detail.fields).toEqual({ volunteers: '12', area: 'Kultura' });
    expect(detail.fieldLabels.volunteers!.pl).toBe('Liczba wolontariuszy');

    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'PUT /v1/admin/advice/topics/:id').where('subject', '=', '/v1/admin/advice/topics/volunteering').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toMatchObject({ renamed: ['Wolontariat', 'Wolontariat i staże'], fields_retired: ['volunteers'] });

    // A kept key cannot change its type; a retired field can come back.
    const typed = await expectError(await send(admin, '/v1/admin/advice/topics/volunteering', { ...topic, fields: [{ ...area, type: 'number' }] }, 'PUT'), 422, 'validation_failed');
    expect(typed.details!.issues).toEqual([expect.objectContaining({ path: 'fields.0.type', code: 'type_changed' })]);
    const back = await body<{ fields: { key: string; retired: boolean }[] }>(await send(admin, '/v1/admin/advice/topics/volunteering', { ...topic, fields: [{ ...count, retired: false }, area] }, 'PUT'), 200);
    expect(back.fields.map((f) => [f.key, f.retired])).toEqual([['volunteers', false], ['area', false]]);
  });

  it('puts the topics in a new order for admins only, naming every topic once', async () => {
    const staff = await body<{ items: { id: string }[] }>(await get(admin, '/v1/admin/advice/topics'), 200);
    const ids = staff.items.map((x) => x.id).reverse();
    await expectError(await send(lawyer, '/v1/admin/advice/topics/order', { ids }, 'PUT'), 403, 'forbidden');
    await expectError(await send(admin, '/v1/admin/advice/topics/order', { ids: ids.slice(1) }, 'PUT'), 422, 'validation_failed');
    await expectError(await send(admin, '/v1/admin/advice/topics/order', { ids: [...ids, ids[0]] }, 'PUT'), 422, 'validation_failed');
    const ordered = await body<{ items: { id: string }[] }>(await send(admin, '/v1/admin/advice/topics/order', { ids }, 'PUT'), 200);
    expect(ordered.items.map((x) => x.id)).toEqual(ids);
    const listed = await body<{ items: { id: string }[] }>(await t.app.request('/v1/advice/topics'), 200);
    expect(listed.items.map((x) => x.id)).toEqual(ids.filter((id) => listed.items.some((x) => x.id === id)));
  });

  it('exports the cases anonymised, as CSV and XLSX', async () => {
    const c = await directCase(t, { email: 'tajny.adres@private.example.org' });
    const csv = await t.app.request('/v1/admin/advice/export?format=csv', { headers: admin.headers });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain(c.row.number);
    // The topic by its name in the export's language, as the status, kind and channel are.
    expect(text).toContain('Finansowanie bezzwrotne (dotacje)');
    expect(await (await t.app.request('/v1/admin/advice/export?format=csv&lang=uk', { headers: admin.headers })).text()).toContain('Безповоротне фінансування (гранти)');
    for (const secret of ['tajny.adres', c.row.contact_name, c.row.question, c.row.organisation_name]) expect(text).not.toContain(secret);
    const xlsx = await t.app.request('/v1/admin/advice/export?format=xlsx', { headers: admin.headers });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const sheet = strFromU8(unzipSync(new Uint8Array(await xlsx.arrayBuffer()))['xl/sharedStrings.xml']!);
    expect(sheet).toContain(c.row.number);
    expect(sheet).not.toContain('tajny.adres');
  });

  it('counts new and overdue cases for the start screen, within what each one sees', async () => {
    const overdue = await directCase(t, { topic: 'law' });
    await t.db.updateTable('advice_case').set({ due_at: new Date(Date.now() - DAY).toISOString() }).where('id', '=', overdue.id).execute();
    const principal = { id: lawyer.id, email: lawyer.email, name: 'x', role: 'adviser' as const, district: null, sessionId: '', csrfToken: '' };
    const counts = await adviceWaiting(t.db, principal);
    expect(counts.find((x) => x.key === 'advice.overdue')!.count).toBe(1);
    expect(counts.find((x) => x.key === 'advice.new')!.count).toBeGreaterThanOrEqual(1);
    // The grants adviser does not see the law queue, so the overdue law case is not theirs to count.
    const other = await adviceWaiting(t.db, { ...principal, id: grantAdviser.id });
    expect(other.find((x) => x.key === 'advice.overdue')!.count).toBe(0);
    const editorCounts = await adviceWaiting(t.db, { ...principal, role: 'editor' });
    expect(editorCounts).toEqual([]);
  });

  it('purges personal data and files after the retention period, keeping the statistics', async () => {
    const c = await directCase(t, { topic: 'media' });
    await body(await upload(t, c.token, 'logo.png', await FILES.png()), 201);
    await body(await t.app.request('/v1/advice/status/replies', json({ token: c.token, body: 'Wiadomość z danymi.' })), 201);
    await body(await send(admin, `/v1/admin/advice/cases/${c.id}/close`, {}), 200);
    await t.app.request('/v1/advice/status/satisfaction', json({ token: c.token, score: 5 }));
    const statsBefore = await body<Stats>(await get(admin, '/v1/admin/advice/stats'), 200);
    const keys = (await t.db.selectFrom('advice_attachment').select('storage_key').where('case_id', '=', c.id).execute()).map((k) => k.storage_key);
    expect(keys).toHaveLength(1);
    expect(existsSync(join(t.filesDir, keys[0]!))).toBe(true);

    // Not yet: 180 days have not passed.
    let results = await runPurge(t.db, t.config, ADVICE_RETENTION, new Date(Date.now() + 179 * DAY));
    expect(results[0]).toMatchObject({ name: 'advice:cases', deleted: 0 });
    results = await runPurge(t.db, t.config, ADVICE_RETENTION, new Date(Date.now() + 181 * DAY));
    expect(results[0]!.error).toBeUndefined();
    expect(results[0]!.deleted).toBeGreaterThanOrEqual(1);

    const row = await t.db.selectFrom('advice_case').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ contact_name: '', contact_email: '', contact_phone: null, question: '', organisation_name: '', fields: '{}', satisfaction: 5, topic_id: 'media', status: 'closed' });
    expect(row.purged_at).not.toBeNull();
    expect(await t.db.selectFrom('advice_message').select('id').where('case_id', '=', c.id).execute()).toHaveLength(0);
    expect(await t.db.selectFrom('advice_attachment').select('id').where('case_id', '=', c.id).execute()).toHaveLength(0);
    expect(existsSync(join(t.filesDir, keys[0]!))).toBe(false);
    await expectError(await t.app.request(`/v1/advice/status?token=${c.token}`), 404, 'link_invalid');
    const statsAfter = await body<Stats>(await get(admin, '/v1/admin/advice/stats'), 200);
    expect(statsAfter.total).toEqual(statsBefore.total);
    expect(statsAfter.byTopic).toEqual(statsBefore.byTopic);
  });

  it('reminds the requester of a meeting the day before, once, whichever instance runs the job', async () => {
    const c = await directCase(t);
    const slotId = await slotIn(t, 20 * 3600_000);
    await body(await t.app.request('/v1/advice/status/booking', json({ token: c.token, slotId })), 201);
    const ctx = { db: t.db, config: t.config, mailer: t.mailer, log: createLogger('silent') };
    await Promise.all([adviceRemindersJob.run(ctx), adviceRemindersJob.run(ctx)]);
    await adviceRemindersJob.run(ctx);
    const reminders = await mailsTo(t, c.row.contact_email, 'advice.meeting-reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body_text).toContain(c.row.number);
  });
});
