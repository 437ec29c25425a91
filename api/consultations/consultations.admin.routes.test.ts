import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AUTHOR_TYPE_LABELS, DECISION_LABELS, type AuthorType, type Decision } from '../../common/consultations.js';
import { dialects, expectError, json, staffSession, testApp, type TestApp } from '../testing.js';
import { solvedAbuse } from '../core/abuse.testing.js';
import { insertRemark } from './consultations.repository.js';
import { DAY, DOCUMENT, XSS, consultationInput, createConsultation, localIn, mailsTo, postRemark, remarkBody } from './consultations.testing.js';

type Headers = Record<string, string>;
interface StaffRemark { id: string; status: string; contactEmail: string; contactName: string; decision: string | null; response: string | null }

/** An end a minute or two ahead (the form has minute precision), and a moment safely past it, within a staff session. */
const SOON = 2 * 60_000;
const AFTER_SOON = 3 * 60_000;
const csvRecords = (text: string) => parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];

/** The first sheet of an XLSX answer, read back with ExcelJS. */
async function readSheet(res: Response) {
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(await res.arrayBuffer()) as never);
  return book.worksheets[0]!;
}

describe.each(dialects)('consultations staff API on %s', (dialect) => {
  let t: TestApp;
  let mod: Headers, editor12: Headers, editor3: Headers, adviser: Headers;
  beforeAll(async () => {
    t = await testApp(dialect);
    mod = (await staffSession(t, 'moderator')).headers;
    editor12 = (await staffSession(t, 'editor', { district: 12 })).headers;
    editor3 = (await staffSession(t, 'editor', { district: 3 })).headers;
    adviser = (await staffSession(t, 'adviser')).headers;
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  const api = (path: string, headers: Headers, init: RequestInit = {}) => t.app.request(`/v1/admin/consultations${path}`, { ...init, headers: { ...headers, ...(init.headers as Headers) } });
  const send = (path: string, headers: Headers, body: unknown, method = 'POST') => t.app.request(`/v1/admin/consultations${path}`, json(body, headers, method));

  it('creates a consultation from Warsaw local times and a pasted document, and shows it back for editing', async () => {
    const input = consultationInput({ title: 'Tworzenie przez API', startsLocal: '2026-10-24T08:00', endsLocal: '2026-10-26T12:00', district: 12 });
    const res = await send('', mod, input);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const detail = (await (await api(`/${id}`, mod)).json()) as { startsAt: string; endsAt: string; startsLocal: string; endsLocal: string; document: string; units: { label: string }[]; counts: unknown };
    expect(detail.startsAt).toBe('2026-10-24T06:00:00.000Z'); // summer time
    expect(detail.endsAt).toBe('2026-10-26T11:00:00.000Z'); // winter time
    expect([detail.startsLocal, detail.endsLocal]).toEqual(['2026-10-24T08:00', '2026-10-26T12:00']);
    expect(detail.document).toBe(DOCUMENT);
    expect(detail.units.map((u) => u.label)).toContain('§ 2 ust. 2 pkt 2');
    expect(detail.counts).toEqual({ pending: 0, unconfirmed: 0, unanswered: 0 });

    const bad = await send('', mod, { ...input, startsLocal: '2026-10-26T12:00', endsLocal: '2026-10-24T08:00' });
    expect((await expectError(bad, 422, 'validation_failed')).details!.issues!.map((i) => i.path)).toEqual(['endsLocal']);
  });

  it('previews the split of a document without saving, with warnings where the layout is unclear', async () => {
    const res = await send('/document/preview', mod, { document: '§ 1. Pierwszy.\n§ 2.\n1. Ustęp pierwszy.\n1) punkt.' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      units: [
        { label: '§ 1', text: 'Pierwszy.', depth: 0 },
        { label: '§ 2', text: '', depth: 0 },
        { label: '§ 2 ust. 1', text: 'Ustęp pierwszy.', depth: 1 },
        { label: '§ 2 ust. 1 pkt 1', text: 'punkt.', depth: 2 },
      ],
      warnings: [],
    });
    const unsure = await send('/document/preview', mod, { document: '§ 1. Pierwszy.\n§ 3. Trzeci.' });
    expect(unsure.status).toBe(200);
    expect(((await unsure.json()) as { warnings: unknown }).warnings).toEqual([{ code: 'numbering_skips', line: 2, label: '§ 3', expected: '§ 2' }]);
    expect((await api('', mod)).status).toBe(200);
    await expectError(await send('/document/preview', adviser, { document: '§ 1.' }), 403, 'forbidden');
  });

  it('keeps unit ids when the same text is saved again, and for units whose label stays when it changes', async () => {
    const c = await createConsultation(t);
    const ids = (units: { id: string; label: string }[]) => Object.fromEntries(units.map((u) => [u.label, u.id]));
    const before = ids(c.units);
    const detail = async () => ids(((await (await api(`/${c.id}`, mod)).json()) as { units: { id: string; label: string }[] }).units);

    expect((await send(`/${c.id}`, mod, consultationInput({ title: 'Ten sam tekst' }), 'PUT')).status).toBe(200);
    expect(await detail()).toEqual(before);

    // Pasted again from Word: the same units, other whitespace. Then a new § at the end.
    expect((await send(`/${c.id}`, mod, consultationInput({ document: DOCUMENT.replaceAll('§ ', '§\u00a0') }), 'PUT')).status).toBe(200);
    expect(await detail()).toEqual(before);
    expect((await send(`/${c.id}`, mod, consultationInput({ document: `${DOCUMENT}\n§ 4. Nowy.` }), 'PUT')).status).toBe(200);
    const after = await detail();
    expect(Object.keys(after)).toEqual([...Object.keys(before), '§ 4']);
    expect(after).toMatchObject(before);
  });

  it('never locks an unchanged document, even when its stored units were split differently', async () => {
    const c = await createConsultation(t);
    expect((await postRemark(t, c.id, remarkBody({ unitId: c.unit('§ 1') }))).status).toBe(202);
    // As if an older splitter had saved it: the stored labels differ from what the text splits into now.
    await t.db.updateTable('consultation_unit').set({ label: '§ 2 pkt 1' }).where('consultation_id', '=', c.id).where('label', '=', '§ 2 ust. 2 pkt 1').execute();
    expect((await send(`/${c.id}`, mod, consultationInput({ title: 'Tylko nowy tytuł' }), 'PUT')).status).toBe(200);
    const units = ((await (await api(`/${c.id}`, mod)).json()) as { units: { id: string; label: string }[] }).units;
    expect(units.map((u) => u.id)).toEqual(c.units.map((u) => u.id));
    expect(units.map((u) => u.label)).toContain('§ 2 pkt 1');
    const changed = await send(`/${c.id}`, mod, consultationInput({ document: `${DOCUMENT}\n§ 4. Nowy.` }), 'PUT');
    expect(changed.status).toBe(409);
  });

  it('locks the document\'s units once remarks exist, but lets the rest be edited', async () => {
    const c = await createConsultation(t);
    const edited = consultationInput({ document: `${DOCUMENT}\n\n§ 4. Nowy paragraf.` });
    expect((await send(`/${c.id}`, mod, edited, 'PUT')).status).toBe(200);
    expect((await postRemark(t, c.id, remarkBody())).status).toBe(202);
    const locked = await send(`/${c.id}`, mod, { ...edited, document: DOCUMENT }, 'PUT');
    await expectError(locked, 409, 'document_locked');
    const retitled = await send(`/${c.id}`, mod, { ...edited, title: 'Nowy tytuł konsultacji' }, 'PUT');
    expect(retitled.status).toBe(200);
    const pub = (await (await t.app.request(`/v1/consultations/${c.id}`)).json()) as { title: string; units: { label: string }[] };
    expect(pub.title).toBe('Nowy tytuł konsultacji');
    expect(pub.units.at(-1)!.label).toBe('§ 4');
  });

  it('keeps other roles out and district editors inside their district', async () => {
    const in12 = await createConsultation(t, { district: 12, title: `District XII ${dialect}` });
    const in3 = await createConsultation(t, { district: 3, title: `District III ${dialect}` });
    const city = await createConsultation(t, { district: null, title: `City ${dialect}` });
    await expectError(await t.app.request('/v1/admin/consultations'), 401, 'unauthorized');
    await expectError(await api('', adviser), 403, 'forbidden');

    const listed = ((await (await api('', editor12)).json()) as { items: { id: string }[] }).items.map((i) => i.id);
    expect(listed).toContain(in12.id);
    expect(listed).not.toContain(in3.id);
    expect(listed).not.toContain(city.id);
    const all = ((await (await api('', mod)).json()) as { items: { id: string }[] }).items.map((i) => i.id);
    expect(all).toEqual(expect.arrayContaining([in12.id, in3.id, city.id]));

    expect((await api(`/${in12.id}`, editor12)).status).toBe(200);
    await expectError(await api(`/${in3.id}`, editor12), 403, 'forbidden');
    await expectError(await api(`/${in3.id}/remarks`, editor12), 403, 'forbidden');
    await expectError(await api(`/${in3.id}/remarks/export`, editor12), 403, 'forbidden');
    await expectError(await send('', editor12, consultationInput({ district: 3 })), 403, 'forbidden');
    expect((await send('', editor12, consultationInput({ district: 12 }))).status).toBe(201);
    await expectError(await send(`/${in12.id}`, editor12, consultationInput({ district: 3 }), 'PUT'), 403, 'forbidden');

    const remark = await insertRemark(t.db, { consultationId: in3.id, unitId: null, currentWording: '', proposedWording: '', justification: 'Uwaga w dzielnicy III', authorType: 'ngo', organisationName: 'Org', krs: null, organisationId: null, contactName: 'X Y', contactEmail: 'xy@private.example.org', lang: 'pl', status: 'pending' });
    await expectError(await api(`/remarks/${remark}/approve`, editor12, { method: 'POST' }), 403, 'forbidden');
    expect((await api(`/remarks/${remark}/approve`, editor3, { method: 'POST' })).status).toBe(200);
    // Without the CSRF token a write is refused even with the session.
    await expectError(await t.app.request(`/v1/admin/consultations/remarks/${remark}/reject`, { method: 'POST', headers: { cookie: mod.cookie! } }), 403, 'csrf_failed');
  });

  it('moderates: approve only pending remarks, reject with a reason mailed to a confirmed author, answer only published ones', async () => {
    const c = await createConsultation(t, { moderation: 'pre' });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(((await (await postRemark(t, c.id, remarkBody({ contact: { name: `Moderowany ${i}`, email: `mod.${i}.${dialect}@private.example.org` }, lang: i === 1 ? 'en' : 'pl' }))).json()) as { id: string }).id);
    const queue = (await (await api(`/${c.id}/remarks?status=pending`, mod)).json()) as { items: StaffRemark[] };
    expect(queue.items.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(queue.items[0]!.contactEmail).toMatch(/@private\.example\.org$/);

    const early = await send(`/remarks/${ids[0]}/response`, mod, { decision: 'accepted', response: 'Przyjmujemy.' }, 'PUT');
    expect(early.status).toBe(409);
    expect((await api(`/remarks/${ids[0]}/approve`, mod, { method: 'POST' })).status).toBe(200);
    expect((await api(`/remarks/${ids[0]}/approve`, mod, { method: 'POST' })).status).toBe(409);
    const answer = await send(`/remarks/${ids[0]}/response`, mod, { decision: 'accepted', response: 'Przyjmujemy.' }, 'PUT');
    expect(answer.status).toBe(200);

    const reject = await send(`/remarks/${ids[1]}/reject`, mod, { reason: 'Treść obraźliwa.' });
    expect(reject.status).toBe(200);
    const [mail] = await mailsTo(t, `mod.1.${dialect}@private.example.org`, 'consultations.remark-rejected');
    expect(mail!.body_text).toContain('Treść obraźliwa.');
    expect(mail!.subject).toMatch(/not published/);
    expect((await api(`/remarks/${ids[1]}/approve`, mod, { method: 'POST' })).status).toBe(409);
    const counts = ((await (await api(`/${c.id}`, mod)).json()) as { counts: unknown }).counts;
    expect(counts).toEqual({ pending: 1, unconfirmed: 0, unanswered: 0 });
    // Answers stay private until the report.
    const pub = (await (await t.app.request(`/v1/consultations/${c.id}/remarks`)).json()) as { items: { decision: string | null; response: string | null }[] };
    expect(pub.items).toEqual([expect.objectContaining({ decision: null, response: null })]);
  });

  it('publishes answers only after the close, with every remark moderated and answered, and mails each author', async () => {
    const c = await createConsultation(t, { moderation: 'pre', startsLocal: localIn(-3 * DAY), endsLocal: localIn(SOON), title: `Publikacja ${dialect}` });
    const emails = [0, 1].map((i) => `answer.${i}.${dialect}@private.example.org`);
    const ids = [];
    for (const [i, email] of emails.entries()) ids.push(((await (await postRemark(t, c.id, remarkBody({ contact: { name: `Kontakt ${i}`, email }, lang: i ? 'uk' : 'pl' }))).json()) as { id: string }).id);
    const tooSoon = await api(`/${c.id}/publish-answers`, mod, { method: 'POST' });
    await expectError(tooSoon, 409, 'consultation_not_closed');

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.now() + AFTER_SOON));
    const pending = await api(`/${c.id}/publish-answers`, mod, { method: 'POST' });
    expect((await expectError(pending, 409, 'pending_remarks')).details).toMatchObject({ count: 2 });
    for (const id of ids) expect((await api(`/remarks/${id}/approve`, mod, { method: 'POST' })).status).toBe(200);
    const unanswered = await api(`/${c.id}/publish-answers`, mod, { method: 'POST' });
    expect((await expectError(unanswered, 409, 'unanswered_remarks')).details).toMatchObject({ count: 2 });
    await send(`/remarks/${ids[0]}/response`, mod, { decision: 'partly_accepted', response: 'Częściowo, w § 1.' }, 'PUT');
    expect((await expectError(await api(`/${c.id}/publish-answers`, mod, { method: 'POST' }), 409, 'unanswered_remarks')).details).toMatchObject({ count: 1 });
    await send(`/remarks/${ids[1]}/response`, mod, { decision: 'out_of_scope', response: 'Poza zakresem uchwały.' }, 'PUT');

    const ok = await api(`/${c.id}/publish-answers`, mod, { method: 'POST' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: c.id, mailed: 2 });
    const [pl] = await mailsTo(t, emails[0]!, 'consultations.answered');
    expect(pl!.body_text).toContain(DECISION_LABELS.partly_accepted.pl);
    expect(pl!.body_text).toContain('Częściowo, w § 1.');
    expect(pl!.body_text).toContain(`${t.config.publicUrl}/v1/consultations/${c.id}/report?format=html&lang=pl`);
    const [uk] = await mailsTo(t, emails[1]!, 'consultations.answered');
    expect(uk!.body_text).toContain(DECISION_LABELS.out_of_scope.uk);
    expect(uk!.subject).toContain('Відповідь');

    const again = await api(`/${c.id}/publish-answers`, mod, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(await mailsTo(t, emails[0]!, 'consultations.answered')).toHaveLength(1);
    const pub = (await (await t.app.request(`/v1/consultations/${c.id}/remarks?decision=out_of_scope`)).json()) as { items: { id: string; response: string }[] };
    expect(pub.items.map((r) => [r.id, r.response])).toEqual([[ids[1], 'Poza zakresem uchwały.']]);
    expect(((await (await t.app.request(`/v1/consultations/${c.id}`)).json()) as { status: string }).status).toBe('reported');
  });

  it('builds a report whose every count equals the data, with no contact data, and with script and formulas kept inert', async () => {
    const c = await createConsultation(t, { moderation: 'post', startsLocal: localIn(-3 * DAY), endsLocal: localIn(SOON), title: `Sprawozdanie ${XSS}` });
    const plan: { authorType: AuthorType; decision: Decision; unit: string | null; supports: number }[] = [
      { authorType: 'ngo', decision: 'accepted', unit: '§ 1', supports: 2 },
      { authorType: 'ngo', decision: 'not_accepted', unit: '§ 2 ust. 1', supports: 0 },
      { authorType: 'ngo', decision: 'accepted', unit: null, supports: 1 },
      { authorType: 'informal_group', decision: 'partly_accepted', unit: '§ 1', supports: 0 },
      { authorType: 'resident', decision: 'not_accepted', unit: '§ 3', supports: 0 },
      { authorType: 'resident', decision: 'out_of_scope', unit: null, supports: 0 },
      { authorType: 'resident', decision: 'accepted', unit: '§ 2 ust. 2 pkt 1', supports: 1 },
      { authorType: 'district_council', decision: 'partly_accepted', unit: '§ 3', supports: 0 },
    ];
    const privateStrings: string[] = [];
    const ids: string[] = [];
    for (const [i, p] of plan.entries()) {
      const body = remarkBody({
        authorType: p.authorType,
        unitId: p.unit && c.unit(p.unit),
        organisationName: p.authorType === 'resident' ? `Mieszkanka Prywatna ${i}` : i === 0 ? `Fundacja ${XSS}` : `Organizacja ${i}`,
        contact: { name: `Imię Nazwisko Prywatne ${i}`, email: `report.${i}.${dialect}@private.example.org` },
        proposedWording: i === 1 ? '=HYPERLINK("http://evil.example","klik")' : `Propozycja ${i}`,
        justification: i === 2 ? `Uzasadnienie ${XSS}` : `Uzasadnienie numer ${i} tej uwagi.`,
      });
      privateStrings.push(body.contact.name, body.contact.email);
      if (p.authorType === 'resident') privateStrings.push(String(body.organisationName));
      const res = await postRemark(t, c.id, body);
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { id: string }).id);
      for (let s = 0; s < p.supports; s++) {
        const support = { organisationName: `Popierający ${i}.${s}`, contact: { name: `Popierający Prywatny ${i}.${s}`, email: `support.${i}.${s}.${dialect}@private.example.org` }, consent: true };
        privateStrings.push(support.contact.name, support.contact.email);
        const sres = await t.app.request(`/v1/consultations/${c.id}/remarks/${ids[i]}/supports`, json({ ...support, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': `10.200.${i}.${s}` }));
        expect(sres.status).toBe(202);
      }
    }
    // A remark that never passes moderation must not be counted.
    const rejected = ((await (await postRemark(t, c.id, remarkBody({ justification: 'Odrzucona, nie liczy się.' }))).json()) as { id: string }).id;
    expect((await send(`/remarks/${rejected}/reject`, mod, {})).status).toBe(200);
    for (const [i, p] of plan.entries()) {
      expect((await send(`/remarks/${ids[i]}/response`, mod, { decision: p.decision, response: i === 3 ? `@SUM(1+1) ${XSS}` : `Odpowiedź ${i}.` }, 'PUT')).status).toBe(200);
    }
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.now() + AFTER_SOON));
    expect((await api(`/${c.id}/publish-answers`, mod, { method: 'POST' })).status).toBe(200);

    // Expected numbers, from the plan.
    const byType = (lang: 'pl' | 'en') => Object.fromEntries((Object.keys(AUTHOR_TYPE_LABELS) as AuthorType[]).map((a) => [AUTHOR_TYPE_LABELS[a][lang], plan.filter((p) => p.authorType === a).length]));
    const byDecision = (lang: 'pl' | 'en') => Object.fromEntries((Object.keys(DECISION_LABELS) as Decision[]).map((d) => [DECISION_LABELS[d][lang], plan.filter((p) => p.decision === d).length]));
    const supportsTotal = plan.reduce((s, p) => s + p.supports, 0);

    const csvRes = await t.app.request(`/v1/consultations/${c.id}/report?format=csv&lang=en`);
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = new TextDecoder().decode(bytes);
    const records = csvRecords(csvText);
    const header = records[0]!;
    const blank = records.findIndex((r) => r.every((cell) => cell === ''));
    const remarks = records.slice(1, blank).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
    expect(remarks).toHaveLength(plan.length);
    const summary = new Map(records.slice(blank).filter((r) => r[0]).map((r) => [r[0]!, r[1]!]));
    for (const [label, n] of Object.entries({ ...byType('en'), ...byDecision('en') })) expect(summary.get(label), label).toBe(String(n));
    expect(summary.get('Total remarks')).toBe(String(plan.length));
    expect(summary.get('Total supports')).toBe(String(supportsTotal));
    // The rows agree with the summary too.
    for (const [label, n] of Object.entries(byType('en'))) expect(remarks.filter((r) => r['Author type'] === label).length).toBe(n);
    for (const [label, n] of Object.entries(byDecision('en'))) expect(remarks.filter((r) => r.Decision === label).length).toBe(n);
    expect(remarks.reduce((s, r) => s + Number(r['Total supports']), 0)).toBe(supportsTotal);
    // Grouped by unit in document order, whole-document remarks first.
    expect(remarks.map((r) => r['Unit of the document'])).toEqual([
      'Remarks on the whole document', 'Remarks on the whole document', '§ 1', '§ 1', '§ 2 ust. 1', '§ 2 ust. 2 pkt 1', '§ 3', '§ 3',
    ]);
    expect(remarks.map((r) => r['No.'])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    // Literal script in CSV, formulas neutralised.
    expect(remarks.find((r) => r.Author === `Fundacja ${XSS}`)).toBeDefined();
    expect(remarks.find((r) => r['Justification of the remark'] === `Uzasadnienie ${XSS}`)).toBeDefined();
    expect(remarks.find((r) => r['Proposed wording']!.includes('HYPERLINK'))!['Proposed wording']).toBe(`'=HYPERLINK("http://evil.example","klik")`);
    expect(remarks.find((r) => r['Justification of the decision']!.includes('SUM'))!['Justification of the decision']).toBe(`'@SUM(1+1) ${XSS}`);
    expect(remarks.filter((r) => r.Author === 'Resident')).toHaveLength(3);

    const htmlRes = await t.app.request(`/v1/consultations/${c.id}/report?format=html`);
    expect(htmlRes.status).toBe(200);
    expect(htmlRes.headers.get('content-type')).toMatch(/text\/html/);
    const html = await htmlRes.text();
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain('@page { size: A4; margin: 2cm 2cm 2.5cm; @bottom-center { content: "Strona " counter(page) " z " counter(pages);');
    const count = (key: string) => new RegExp(`<tr data-key="${key}"><th scope="row">[^<]*</th><td class="n">(\\d+)</td>`).exec(html)?.[1];
    for (const a of Object.keys(AUTHOR_TYPE_LABELS)) expect(count(a), a).toBe(String(plan.filter((p) => p.authorType === a).length));
    for (const d of Object.keys(DECISION_LABELS)) expect(count(d), d).toBe(String(plan.filter((p) => p.decision === d).length));
    expect(/data-total-remarks>(\d+)</.exec(html)![1]).toBe(String(plan.length));
    expect(/data-total-supports>(\d+)</.exec(html)![1]).toBe(String(supportsTotal));
    expect(html).toContain('Mieszkaniec/mieszkanka');
    expect(html).toContain(DECISION_LABELS.partly_accepted.pl);
    // Script and markup from remarks, names and the title render as text.
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toContain('Odrzucona, nie liczy się.');
    const uk = await (await t.app.request(`/v1/consultations/${c.id}/report?format=html&lang=uk`)).text();
    expect(uk).toContain('<html lang="uk">');
    expect(uk).toContain('Звіт про консультації');

    // No contact name or e-mail, nor a resident's name, in any public output.
    const outputs = [
      await (await t.app.request('/v1/consultations')).text(),
      await (await t.app.request(`/v1/consultations/${c.id}`)).text(),
      await (await t.app.request(`/v1/consultations/${c.id}/remarks`)).text(),
      html, uk, csvText,
      await (await t.app.request(`/v1/consultations/${c.id}/report?format=csv&lang=pl`)).text(),
    ];
    for (const out of outputs) for (const s of privateStrings) expect(out.includes(s), s).toBe(false);
    for (const out of outputs) expect(out).not.toMatch(/@private\.example\.org/);

    // Staff get everything, contacts included, in their CSV; the public never reaches it.
    const staffCsv = await api(`/${c.id}/remarks/export`, mod);
    expect(staffCsv.status).toBe(200);
    const staffText = await staffCsv.text();
    for (const s of privateStrings.filter((x) => x.startsWith('report.'))) expect(staffText).toContain(s);
    const staffRows = parseCsv(staffText.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(staffRows).toHaveLength(plan.length + 1);
    // States as words, times in Warsaw (no ISO `T…Z`).
    expect(staffRows.find((r) => r.Stan === 'odrzucona')!.Uzasadnienie).toBe('Odrzucona, nie liczy się.');
    for (const r of staffRows) expect(r['Wpłynęła']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(staffRows.find((r) => r['Proponowany zapis']!.includes('HYPERLINK'))!['Proponowany zapis']!.startsWith("'=")).toBe(true);
    await expectError(await t.app.request(`/v1/admin/consultations/${c.id}/remarks/export`), 401, 'unauthorized');
    // The same as XLSX in English: the formula is a text cell, the time a date cell.
    const staffXlsx = await api(`/${c.id}/remarks/export?format=xlsx&lang=en`, mod);
    expect(staffXlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await readSheet(staffXlsx);
    const head = sheet.getRow(1).values as unknown[];
    expect(head.slice(1, 4)).toEqual(['Id', 'State', 'Received']);
    expect(sheet.rowCount).toBe(plan.length + 2);
    const col = (name: string) => head.indexOf(name);
    const rowsX = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    expect(rowsX.every((r) => r.getCell(col('Received')).value instanceof Date)).toBe(true);
    const formula = rowsX.find((r) => String(r.getCell(col('Proposed wording')).value).includes('HYPERLINK'))!.getCell(col('Proposed wording'));
    expect([formula.type, formula.value]).toEqual([ExcelJS.ValueType.String, '=HYPERLINK("http://evil.example","klik")']);
    // Both downloads of personal data are in the audit log: who, which route and item, how many rows.
    const audited = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'GET /v1/admin/consultations/:id/remarks/export').where('subject', '=', `/v1/admin/consultations/${c.id}/remarks/export`).execute();
    expect(audited.map((a) => JSON.parse(a.details!)).sort((a, b) => a.export.localeCompare(b.export))).toEqual([
      { export: 'csv', rows: plan.length + 1, id: c.id },
      { export: 'xlsx', rows: plan.length + 1, id: c.id },
    ]);
    expect(new Set(audited.map((a) => a.staff_id)).size).toBe(1);
    expect(audited[0]!.staff_id).not.toBeNull();

    // The public report as XLSX and as CSV for Polish Excel, with the same numbers.
    const reportX = await readSheet(await t.app.request(`/v1/consultations/${c.id}/report?format=xlsx&lang=en`));
    const reportCells = Array.from({ length: reportX.rowCount }, (_, i) => reportX.getRow(i + 1).getCell(1).value);
    expect(reportCells).toContain('Total remarks');
    const totalRow = reportX.getRow(reportCells.indexOf('Total remarks') + 1);
    expect(totalRow.getCell(2).value).toBe(plan.length);
    const pl = await t.app.request(`/v1/consultations/${c.id}/report?format=csv&lang=pl&dialect=excel-pl`);
    const plRecords = parseCsv(new TextDecoder().decode(new Uint8Array(await pl.arrayBuffer())), { bom: true, delimiter: ';', relax_column_count: true }) as string[][];
    expect(plRecords[0]!.length).toBe(records[0]!.length);
    expect(plRecords.filter((r) => r[0] && r[1]).length).toBe(records.filter((r) => r[0] && r[1]).length);
  });
});
