import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONSULTATION_LIMITS } from '../../common/consultations.js';
import { dialects, expectError, json, staffSession, testApp, type TestApp } from '../testing.js';
import { DAY, XSS, createConsultation, docxParts, localIn } from './consultations.testing.js';

type Headers = Record<string, string>;
/** An end a minute or two ahead (the form has minute precision), and a moment safely past it. */
const SOON = 2 * 60_000;
const AFTER_SOON = 3 * 60_000;

const INTRO = `Konsultacje prowadził Wydział Polityki Społecznej wspólnie z Radą Działalności Pożytku Publicznego.\n\nSpotkanie otwarte odbyło się ${XSS} w Centrum Obywatelskim,\nz udziałem 40 osób.`;
const SUMMARY = '  Uwagi zostaną omówione na posiedzeniu Rady w czerwcu.  ';

describe.each(dialects)('report introduction and summary written by staff, on %s', (dialect) => {
  let t: TestApp;
  let mod: Headers, editor3: Headers, adviser: Headers;
  beforeAll(async () => {
    t = await testApp(dialect);
    mod = (await staffSession(t, 'moderator')).headers;
    editor3 = (await staffSession(t, 'editor', { district: 3 })).headers;
    adviser = (await staffSession(t, 'adviser')).headers;
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  const put = (id: string, headers: Headers, body: unknown) => t.app.request(`/v1/admin/consultations/${id}/report-texts`, json(body, headers, 'PUT'));
  const detail = async (id: string) => (await (await t.app.request(`/v1/admin/consultations/${id}`, { headers: mod })).json()) as { reportIntroduction: string | null; reportSummary: string | null };

  it('saves them trimmed, validated and capped, shows them back, and the HTML and DOCX report use them; locked once published', async () => {
    const c = await createConsultation(t, { moderation: 'post', district: 12, startsLocal: localIn(-3 * DAY), endsLocal: localIn(SOON), title: `Teksty sprawozdania ${dialect}` });
    expect(await detail(c.id)).toMatchObject({ reportIntroduction: null, reportSummary: null });

    const long = await put(c.id, mod, { introduction: 'x'.repeat(CONSULTATION_LIMITS.reportText + 1), summary: null });
    expect((await expectError(long, 422, 'validation_failed')).details!.issues!.map((i) => i.path)).toEqual(['introduction']);
    expect((await expectError(await put(c.id, mod, { introduction: 'Tylko wstęp' }), 422, 'validation_failed')).details!.issues!.map((i) => i.path)).toEqual(['summary']);
    // Outside a district editor's scope, and not an adviser's section; without the CSRF token, refused.
    await expectError(await put(c.id, editor3, { introduction: 'Nie moje', summary: null }), 403, 'forbidden');
    expect((await put(c.id, adviser, { introduction: 'Nie moje', summary: null })).status).toBe(403);
    const { 'x-csrf-token': _csrf, ...noCsrf } = mod;
    expect((await put(c.id, noCsrf, { introduction: 'Bez tokenu', summary: null })).status).toBe(403);
    expect(await detail(c.id)).toMatchObject({ reportIntroduction: null, reportSummary: null });

    // Empty texts are none: the computed ones stand.
    const cleared = await put(c.id, mod, { introduction: '   ', summary: '' });
    expect(await cleared.json()).toEqual({ introduction: null, summary: null });
    const saved = await put(c.id, mod, { introduction: INTRO, summary: SUMMARY });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ introduction: INTRO, summary: SUMMARY.trim() });
    expect(await detail(c.id)).toMatchObject({ reportIntroduction: INTRO, reportSummary: SUMMARY.trim() });

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.now() + AFTER_SOON));
    expect((await t.app.request(`/v1/admin/consultations/${c.id}/publish-answers`, { method: 'POST', headers: mod })).status).toBe(200);

    const page = await (await t.app.request(`/v1/consultations/${c.id}/report?format=html&lang=pl`)).text();
    const intro = page.slice(page.indexOf('<h2 id="introduction">'), page.indexOf('</section>', page.indexOf('<h2 id="introduction">')));
    // Two paragraphs (split at the blank line, its lines joined), the markup as text; the computed sentences gone.
    expect([...intro.matchAll(/<p>(.*?)<\/p>/gs)].map((m) => m[1])).toEqual([
      'Konsultacje prowadził Wydział Polityki Społecznej wspólnie z Radą Działalności Pożytku Publicznego.',
      'Spotkanie otwarte odbyło się &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; w Centrum Obywatelskim, z udziałem 40 osób.',
    ]);
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('Konsultacje prowadziła jednostka');
    expect(page).toContain('<div class="summary"><p>Uwagi zostaną omówione na posiedzeniu Rady w czerwcu.</p></div>');
    expect(page).not.toContain('W konsultacjach nie zgłoszono uwag.</p></div>');

    const docx = await (await t.app.request(`/v1/consultations/${c.id}/report?format=docx&lang=pl`)).arrayBuffer();
    const xml = docxParts(docx)['word/document.xml']!;
    expect(xml).toContain('Spotkanie otwarte odbyło się &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; w Centrum Obywatelskim, z udziałem 40 osób.');
    expect(xml).toContain('Uwagi zostaną omówione na posiedzeniu Rady w czerwcu.');
    expect(xml).not.toContain('Konsultacje prowadziła jednostka');

    // The published report stays as it was.
    await expectError(await put(c.id, mod, { introduction: 'Poprawka po publikacji', summary: null }), 409, 'conflict');
    expect(await detail(c.id)).toMatchObject({ reportIntroduction: INTRO });
  });
});
