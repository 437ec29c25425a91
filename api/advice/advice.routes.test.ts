import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNumber } from '../../common/advice.js';
import { sha256 } from '../core/ids.js';
import { createApp } from '../app.js';
import { createLogger } from '../core/log.js';
import { createMailer } from '../core/mail.js';
import { openDatabase } from '../db/database.js';
import { solvedAbuse } from '../core/abuse.testing.js';
import { expectWrittenOnce } from '../core/idempotency.testing.js';
import { dialects, expectError, json, mailedLink, type TestApp } from '../testing.js';
import { adviceApp, body, directCase, FILES, mailsTo, postRequest, requestBody, slotIn, upload, DAY } from './advice.testing.js';

interface Accepted { number: string; status: string; uploadToken: string; booking: { slotId: string } | null }
interface Status { number: string; status: string; messages: { author: string; body: string }[]; attachments: { id: string; filename: string; from: string }[]; booking: { slotId: string } | null; canBook: boolean; canRate: boolean; attachmentsLeft: number }

const year = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Warsaw', year: 'numeric' }).format(new Date()));
const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);

describe.each(dialects)('advice public API on %s', (dialect) => {
  let t: TestApp & { filesDir: string };
  beforeAll(async () => {
    t = await adviceApp(dialect);
  });
  afterAll(() => t.close());

  it('lists the topics with explanations and fields in pl, en and uk, and the free slots soonest first', async () => {
    const topics = await body<{ items: { id: string; labels: Record<string, string>; explanation: Record<string, string>; fields: { key: string }[] }[] }>(await t.app.request('/v1/advice/topics'), 200);
    expect(topics.items.map((x) => x.id)).toEqual(['law', 'taxes', 'media', 'loans', 'grants', 'other']);
    for (const x of topics.items) for (const l of ['pl', 'en', 'uk']) expect(x.explanation[l]!.length, `${x.id} ${l}`).toBeGreaterThan(10);
    expect(topics.items.find((x) => x.id === 'grants')!.fields.map((f) => f.key)).toEqual(['programme', 'amount', 'deadline']);
    const etag = (await t.app.request('/v1/advice/topics')).headers.get('etag')!;
    expect((await t.app.request('/v1/advice/topics', { headers: { 'if-none-match': etag } })).status).toBe(304);

    const slots = await body<{ items: { startsAt: string; topicId: string | null }[] }>(await t.app.request('/v1/advice/slots?topic=taxes'), 200);
    expect(slots.items.length).toBeGreaterThan(0);
    expect(slots.items.every((s) => s.topicId === null || s.topicId === 'taxes')).toBe(true);
    expect(slots.items.map((s) => s.startsAt)).toEqual([...slots.items.map((s) => s.startsAt)].sort());
    expect(slots.items.every((s) => s.startsAt > new Date().toISOString())).toBe(true);
  });

  it('takes a request: the case number, the status link by mail, the staff notice; the status page shows the case', async () => {
    const input = requestBody();
    const res = await postRequest(t, input);
    const accepted = await body<Accepted>(res, 201);
    expect(accepted.number).toMatch(new RegExp(`^PD/${year()}/\\d{4}$`));
    expect(accepted.status).toBe('new');
    const { token, url, mail } = await mailedLink(t, input.contact.email, 'token');
    expect(mail.template).toBe('advice.received');
    expect(mail.body_text).toContain(accepted.number);
    expect(url.pathname).toBe('/embed/advice/status');
    const notices = (await mailsTo(t, 'doradca.demo@example.invalid', 'advice.staff-new-case')).filter((m) => m.body_text.includes(accepted.number));
    expect(notices).toHaveLength(1);
    // The notice links to the case itself in the staff panel.
    const { id } = await t.db.selectFrom('advice_case').select('id').where('number', '=', accepted.number).executeTakeFirstOrThrow();
    expect(notices[0]!.body_text).toContain(`\n${t.config.staffPanelUrl}#advice/${id}`);

    const status = await body<Status & { question: string }>(await t.app.request(`/v1/advice/status?token=${token}`), 200);
    expect(status).toMatchObject({ number: accepted.number, status: 'new', question: input.question, canBook: true, canRate: false, attachmentsLeft: 10 });

    // The embed page for the mailed link frames the status widget with the token, and no cache keeps it.
    const page = await t.app.request(url.pathname + url.search);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(await page.text()).toContain(`<ngo-advice-status lang="pl" token="${token}"`);
  });

  it('checks the topic fields against their definitions and refuses an unknown topic', async () => {
    const unknown = await expectError(await postRequest(t, requestBody({ fields: { amount: 'dużo', colour: 'red' } })), 422, 'validation_failed');
    expect(unknown.details!.issues!.map((i) => `${i.path}:${i.code}`).sort()).toEqual(['fields.amount:invalid_format', 'fields.colour:unknown_field']);
    const topic = await expectError(await postRequest(t, requestBody({ topic: 'astrology' })), 422, 'validation_failed');
    expect(topic.details!.issues![0]!.path).toBe('topic');
    const consent = await expectError(await postRequest(t, requestBody({ consent: false })), 422, 'validation_failed');
    expect(consent.details!.issues!.map((i) => i.path)).toContain('consent');
  });

  it('gives 30 concurrent requests 30 distinct, consecutive numbers', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => postRequest(t, requestBody()).then((r) => body<Accepted>(r, 201))));
    const seqs = results.map((r) => Number(r.number.split('/')[2])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(30);
    expect(seqs.at(-1)! - seqs[0]!).toBe(29);
  });

  // Several instances share one database only on PostgreSQL (SQLite is one process's file).
  if (dialect === 'postgres') it('gives consecutive numbers with two app instances on one PostgreSQL database', async () => {
    const other = openDatabase(process.env.TEST_DATABASE_URL!, { schema: t.handle.schema, poolSize: 5 });
    const log = createLogger('silent');
    const second = { ...t, app: createApp({ db: other.db, config: t.config, log, mailer: createMailer(other.db, t.config, log) }) };
    try {
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => postRequest(i % 2 ? second : t, requestBody()).then((r) => body<Accepted>(r, 201))));
      const seqs = results.map((r) => Number(r.number.split('/')[2])).sort((a, b) => a - b);
      expect(new Set(seqs).size).toBe(30);
      expect(seqs.at(-1)! - seqs[0]!).toBe(29);
    } finally {
      await other.close();
    }
  });

  it('formats numbers per year', () => {
    expect(caseNumber(2026, 42)).toBe('PD/2026/0042');
  });

  it('answers every wrong token with the same 404, and keeps only hashes of tokens', async () => {
    const { token, id } = await directCase(t);
    expect((await t.app.request(`/v1/advice/status?token=${token}`)).status).toBe(200);
    for (const wrong of [token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), 'x'.repeat(43), token.toUpperCase()]) {
      await expectError(await t.app.request(`/v1/advice/status?token=${wrong}`), 404, 'link_invalid');
    }
    await expectError(await t.app.request('/v1/advice/status/replies', json({ token: 'y'.repeat(43), body: 'Hej' })), 404, 'link_invalid');
    const stored = await t.db.selectFrom('secret_link').select(['token_hash']).where('subject_id', '=', id).execute();
    expect(stored.map((s) => s.token_hash)).toEqual([sha256(token)]);
    const anywhere = await t.db.selectFrom('secret_link').select('id').where('token_hash', '=', token).execute();
    expect(anywhere).toHaveLength(0);
  });

  it('books a slot with the request, mailing the .ics; the slot leaves the free list', async () => {
    const slotId = await slotIn(t, 3 * DAY, { topicId: 'grants' });
    const input = requestBody({ slotId });
    const accepted = await body<Accepted>(await postRequest(t, input), 201);
    expect(accepted.booking!.slotId).toBe(slotId);
    const [booked] = await mailsTo(t, input.contact.email, 'advice.booked');
    expect(booked).toBeDefined();
    const attachments = JSON.parse(booked!.attachments!) as { filename: string; contentType: string; base64: string }[];
    const ics = Buffer.from(attachments[0]!.base64, 'base64').toString('utf8');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(accepted.number);
    const free = await body<{ items: { id: string }[] }>(await t.app.request('/v1/advice/slots'), 200);
    expect(free.items.map((s) => s.id)).not.toContain(slotId);
    // The same slot again: taken, and nothing of the second request is kept.
    const before = await t.db.selectFrom('advice_case').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expectError(await postRequest(t, requestBody({ slotId })), 409, 'slot_taken');
    const after = await t.db.selectFrom('advice_case').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('stores a request with its Idempotency-Key in one transaction (crash, late retry, double submit)', async () => {
    const count = async () => Number((await t.db.selectFrom('advice_case').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    await expectWrittenOnce(t, { path: '/v1/advice/requests', status: 201, count, body: async () => ({ ...requestBody(), abuse: await solvedAbuse(t.app) }) });
  });

  it('lets exactly one of 20 concurrent bookings of one slot succeed', async () => {
    const slotId = await slotIn(t, 2 * DAY);
    const cases = await Promise.all(Array.from({ length: 20 }, () => directCase(t)));
    const answers = await Promise.all(cases.map((c) => t.app.request('/v1/advice/status/booking', json({ token: c.token, slotId }))));
    const codes = await Promise.all(answers.map(async (r) => (r.status === 201 ? 'ok' : ((await r.json()) as { error: { code: string } }).error.code)));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === 'slot_taken')).toHaveLength(19);
    const slot = await t.db.selectFrom('advice_slot').selectAll().where('id', '=', slotId).executeTakeFirstOrThrow();
    expect(cases.map((c) => c.id)).toContain(slot.case_id);
  });

  it('cancels a booking from the status page, which frees the slot and tells the adviser', async () => {
    const slotId = await slotIn(t, 4 * DAY);
    const c = await directCase(t);
    await body(await t.app.request('/v1/advice/status/booking', json({ token: c.token, slotId })), 201);
    await expectError(await t.app.request('/v1/advice/status/booking', json({ token: c.token, slotId: await slotIn(t, 5 * DAY) })), 409, 'already_booked');
    await body(await t.app.request('/v1/advice/status/booking/cancel', json({ token: c.token })), 200);
    const slot = await t.db.selectFrom('advice_slot').selectAll().where('id', '=', slotId).executeTakeFirstOrThrow();
    expect(slot.case_id).toBeNull();
    expect((await mailsTo(t, c.row.contact_email, 'advice.booking-cancelled')).length).toBe(1);
    const status = await body<Status>(await t.app.request(`/v1/advice/status?token=${c.token}`), 200);
    expect(status.canBook).toBe(true);
  });

  it('takes a reply with files from the requester and shows it on the status page', async () => {
    const c = await directCase(t);
    const file = await body<{ id: string; contentType: string }>(await upload(t, c.token, 'statut.pdf', FILES.pdf()), 201);
    expect(file.contentType).toBe('application/pdf');
    const res = await t.app.request('/v1/advice/status/replies', json({ token: c.token, body: 'Dosyłam statut.', attachmentIds: [file.id] }));
    expect(await body<{ status: string }>(res, 201)).toEqual({ status: 'new' });
    const status = await body<Status>(await t.app.request(`/v1/advice/status?token=${c.token}`), 200);
    expect(status.messages).toEqual([expect.objectContaining({ author: 'requester', body: 'Dosyłam statut.' })]);
    expect(status.attachments).toEqual([expect.objectContaining({ id: file.id, filename: 'statut.pdf', from: 'requester' })]);
    expect(status.attachmentsLeft).toBe(9);
  });

  it('stores a retried reply once, answering the retry from the first', async () => {
    const c = await directCase(t);
    const send = () => t.app.request('/v1/advice/status/replies', json({ token: c.token, body: 'Czy to doszło?', attachmentIds: [] }, { 'idempotency-key': `reply-${c.id}` }));
    const [first, again] = [await send(), await send()];
    expect(await body<{ status: string }>(first, 201)).toEqual({ status: 'new' });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await body<{ status: string }>(again, 201)).toEqual({ status: 'new' });
    const status = await body<Status>(await t.app.request(`/v1/advice/status?token=${c.token}`), 200);
    expect(status.messages.filter((m) => m.body === 'Czy to doszło?')).toHaveLength(1);
  });

  describe('attachments', () => {
    it('accepts PDF, PNG, DOCX and XLSX by content, and serves them only as downloads', async () => {
      const c = await directCase(t);
      for (const [name, data] of [['a.pdf', FILES.pdf()], ['b.png', await FILES.png()], ['c.docx', await FILES.docx()], ['d.xlsx', await FILES.xlsx()]] as const) {
        const stored = await body<{ id: string }>(await upload(t, c.token, name, data), 201);
        const res = await t.app.request(`/v1/advice/status/attachments/${stored.id}?token=${c.token}`);
        expect(res.status, name).toBe(200);
        expect(res.headers.get('content-disposition'), name).toMatch(/^attachment;/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('content-type')).not.toContain('html');
        expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array(data));
      }
    });

    it('refuses an .exe renamed to .pdf and HTML named .png with 422, and a wrong extension for the content', async () => {
      const c = await directCase(t);
      const exe = await expectError(await upload(t, c.token, 'faktura.pdf', FILES.exe()), 422, 'attachment_type');
      expect(exe.details!.detected).toBe('application/x-msdownload');
      await expectError(await upload(t, c.token, 'zdjecie.png', FILES.html()), 422, 'attachment_type');
      await expectError(await upload(t, c.token, 'statut.png', FILES.pdf()), 422, 'attachment_type');
      await expectError(await upload(t, c.token, 'program.exe', FILES.exe()), 422, 'attachment_type');
      expect(await t.db.selectFrom('advice_attachment').select('id').where('case_id', '=', c.id).execute()).toHaveLength(0);
    });

    it('refuses an oversized file with 413, with or without a Content-Length', async () => {
      const c = await directCase(t);
      const big = new Uint8Array(5 * 1024 * 1024 + 1);
      big.set(FILES.pdf());
      await expectError(await upload(t, c.token, 'duzy.pdf', big), 413, 'payload_too_large');
      const chunks = new ReadableStream<Uint8Array>({
        start(ctl) {
          for (let i = 0; i < 6; i++) ctl.enqueue(new Uint8Array(1024 * 1024));
          ctl.close();
        },
      });
      await expectError(await upload(t, c.token, 'duzy.pdf', chunks), 413, 'payload_too_large');
    });

    it('leaves nothing on disk or in the database for an upload cut off halfway', async () => {
      const c = await directCase(t);
      const before = filesUnder(t.filesDir).length;
      const cut = new ReadableStream<Uint8Array>({
        start(ctl) {
          ctl.enqueue(FILES.pdf());
          ctl.enqueue(new Uint8Array(64 * 1024));
        },
        pull(ctl) {
          ctl.error(new Error('connection reset'));
        },
      });
      await expectError(await upload(t, c.token, 'przerwany.pdf', cut), 400, 'upload_incomplete');
      expect(filesUnder(t.filesDir)).toHaveLength(before);
      expect(await t.db.selectFrom('advice_attachment').select('id').where('case_id', '=', c.id).execute()).toHaveLength(0);
    });

    it('uploads with the form\'s upload token, not after it expires for other purposes, and counts files per case', async () => {
      const input = requestBody();
      const accepted = await body<Accepted>(await postRequest(t, input), 201);
      await body(await upload(t, accepted.uploadToken, 'a.pdf', FILES.pdf()), 201);
      // The upload token opens no status page.
      await expectError(await t.app.request(`/v1/advice/status?token=${accepted.uploadToken}`), 404, 'link_invalid');
      const c = await directCase(t);
      for (let i = 0; i < 10; i++) await body(await upload(t, c.token, `${i}.pdf`, FILES.pdf()), 201);
      await expectError(await upload(t, c.token, 'jedenasty.pdf', FILES.pdf()), 409, 'attachment_limit');
    });

    it('refuses a JSON body and any other path for raw files', async () => {
      const c = await directCase(t);
      await expectError(await t.app.request(`/v1/advice/status/attachments?token=${c.token}&name=a.pdf`, json({ a: 1 })), 415, 'unsupported_media_type');
      const elsewhere = await t.app.request('/v1/advice/requests', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: FILES.pdf() });
      await expectError(elsewhere, 415, 'unsupported_media_type');
    });
  });
});
