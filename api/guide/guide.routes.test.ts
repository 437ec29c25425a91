import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideArticle, GuideDiff, GuideJourney, GuideTree, SearchResult } from '../../common/guide.schema.js';
import { docxParts } from '../consultations/consultations.testing.js';
import { solvedAbuse } from '../core/abuse.testing.js';
import { expectWrittenOnce } from '../core/idempotency.testing.js';
import { dialects, expectError, freshIp, json, testApp, type TestApp } from '../testing.js';
import { createArticle, publishArticle } from './guide.service.js';
import { DEMO_ARTICLES } from './guide.demo.js';
import { seedGuideDemo } from './guide.seed.js';

const get = async <T>(t: TestApp, path: string): Promise<T> => {
  const res = await t.app.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};
const slugsOf = (r: SearchResult) => r.items.map((i) => i.slug);

describe.each(dialects)('guide public API on %s', (dialect) => {
  let t: TestApp;
  let hostileId: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    await seedGuideDemo(t.db);
    const chapters = await t.db.selectFrom('guide_chapter').select(['id', 'slug']).execute();
    // An article whose Markdown carries everything an editor must not get through.
    hostileId = await createArticle(
      t.db,
      {
        slug: 'wrogi-artykul',
        chapterId: chapters.find((c) => c.slug === 'pomoc')!.id,
        position: 999,
        tags: [],
        related: [],
        links: [],
        content: {
          pl: {
            title: 'Artykuł z pułapkami',
            summary: 'Skrypty i złe linki',
            body: [
              'Zwykły tekst <script>alert("x")</script> i <img src=x onerror="alert(1)">.',
              '[klik](javascript:alert(1)) [klik2](JAVASCRIPT:alert(2)) [dane](data:text/html;base64,PHNjcmlwdD4=) [wp](vbscript:msgbox)',
              '<a href="javascript:alert(3)" onclick="alert(4)">a</a> <div onmouseover="alert(5)">d</div>',
              '[dobry](https://ngo.krakow.pl) i [poradnik](poradnik:male-granty)',
            ].join('\n\n'),
          },
        },
      },
      null,
    );
    await publishArticle(t.db, hostileId, { inForceFrom: '2026-01-01', inForceUntil: null });
  });
  afterAll(() => t.close());

  it('gives the tree of chapters with the articles in force, in the language asked or marked Polish, and filters by tag', async () => {
    const tree = await get<GuideTree>(t, '/v1/guide/tree?lang=en');
    const chapters = tree.chapters.map((c) => c.slug);
    expect(chapters).toEqual(['formy-wspolpracy', 'dotacje', 'inicjatywa-lokalna', 'konsultacje-i-dialog', 'pomoc']);
    const grants = tree.chapters.find((c) => c.slug === 'dotacje')!;
    expect(grants.title).toBe('Grants: open calls and small grants');
    const small = grants.articles.find((a) => a.slug === 'male-granty')!;
    expect(small).toMatchObject({ title: 'Small grants (art. 19a)', lang: 'en' });
    expect(grants.articles.find((a) => a.slug === 'komisja-konkursowa')).toMatchObject({ title: "The call's assessment committee", lang: 'en' });
    // Every article in force today has its English text; the 2025 edition's small grants had none: Polish, marked as such.
    const demo = new Set(DEMO_ARTICLES.map((a) => a.slug));
    expect(tree.chapters.flatMap((c) => c.articles).filter((a) => demo.has(a.slug) && a.lang !== 'en')).toEqual([]);
    const old = await get<GuideTree>(t, '/v1/guide/tree?lang=en&at=2025-06-01');
    expect(old.chapters.flatMap((c) => c.articles).find((a) => a.slug === 'male-granty')).toMatchObject({ title: 'Małe granty (art. 19a)', lang: 'pl' });
    expect(tree.chapters.flatMap((c) => c.articles).length).toBeGreaterThanOrEqual(12);
    expect(tree.journeys.map((j) => [j.slug, j.kind])).toEqual([['jaka-forma-wsparcia', 'smart'], ['oferta-w-konkursie', 'steps'], ['maly-grant-krok-po-kroku', 'steps']]);

    const tagged = await get<GuideTree>(t, '/v1/guide/tree?tag=rewitalizacja');
    expect(tagged.chapters.flatMap((c) => c.articles.map((a) => a.slug))).toEqual(['inicjatywa-lokalna']);
    expect(tagged.journeys).toEqual([]);
    await expectError(await t.app.request('/v1/guide/tree?tag=nonsense'), 422, 'validation_failed');
  });

  it('reads an article at two dates as the two versions in force, and the diff between them names the changed text', async () => {
    const before = await get<GuideArticle>(t, '/v1/guide/articles/male-granty?at=2025-06-01');
    const now = await get<GuideArticle>(t, '/v1/guide/articles/male-granty?at=2026-06-01');
    expect(before.versionId).not.toBe(now.versionId);
    expect(before).toMatchObject({ inForceFrom: '2025-01-01', inForceUntil: '2025-12-31', current: false });
    expect(now).toMatchObject({ inForceFrom: '2026-01-01', inForceUntil: null, current: true });
    expect(before.html).not.toContain('20 000 zł');
    expect(now.html).toContain('20 000 zł');

    const versions = await get<{ items: { id: string; inForceFrom: string; inForceToday: boolean }[] }>(t, '/v1/guide/articles/male-granty/versions');
    expect(versions.items.map((v) => [v.inForceFrom, v.inForceToday])).toEqual([['2026-01-01', true], ['2025-01-01', false]]);

    const diff = await get<GuideDiff>(t, `/v1/guide/articles/male-granty/diff?from=${before.versionId}&to=${now.versionId}`);
    const body = diff.fields.find((f) => f.field === 'body')!;
    expect(body.changed).toBe(true);
    const added = body.segments.filter((s) => s.op === 'added').map((s) => s.text).join(' ');
    expect(added).toContain('20 000 zł w roku kalendarzowym');
    expect(added).toContain('7 dni');
    expect(diff.fields.find((f) => f.field === 'title')!.changed).toBe(false);
    const summary = diff.fields.find((f) => f.field === 'summary')!;
    expect(summary.segments.filter((s) => s.op === 'added').map((s) => s.text).join('')).toContain('po 7 dniach publikacji oferty na uwagi');

    await expectError(await t.app.request(`/v1/guide/articles/male-granty/diff?from=${before.versionId}&to=nope`), 404, 'not_found');
    await expectError(await t.app.request('/v1/guide/articles/male-granty?at=2024-06-01'), 404, 'not_in_force');
    await expectError(await t.app.request('/v1/guide/articles/male-granty?at=2026-13-01'), 422, 'validation_failed');
    await expectError(await t.app.request('/v1/guide/articles/nie-ma-takiego'), 404, 'not_found');
  });

  it('shows a scheduled version only from its day, and falls back to Polish with a note', async () => {
    const today = await get<GuideArticle>(t, '/v1/guide/articles/program-wspolpracy?lang=uk');
    expect(today).toMatchObject({ lang: 'uk', fallback: false, title: 'Річна програма співпраці', inForceFrom: '2026-01-01', inForceUntil: '2026-12-31' });
    // The superseded 2025 version of small grants was never translated: Polish, with the note.
    const old = await get<GuideArticle>(t, '/v1/guide/articles/male-granty?lang=uk&at=2025-06-01');
    expect(old).toMatchObject({ lang: 'pl', fallback: true, title: 'Małe granty (art. 19a)', inForceFrom: '2025-01-01' });
    const next = await get<GuideArticle>(t, '/v1/guide/articles/program-wspolpracy?at=2027-02-01');
    expect(next.inForceFrom).toBe('2027-01-01');
    expect(next.summary).toContain('program na 2027 r.');
    const uk = await get<GuideArticle>(t, '/v1/guide/articles/male-granty?lang=uk');
    expect(uk).toMatchObject({ lang: 'uk', fallback: false, title: 'Малі гранти (ст. 19a)' });
    // The callout carries its label in the article's language.
    expect(uk.html).toContain('<blockquote class="callout callout-deadline">');
    expect(uk.html).toContain('<strong class="callout-label">Строк</strong>');
    expect(uk.related.map((r) => r.slug)).toEqual(['otwarty-konkurs-ofert', 'jak-przygotowac-oferte', 'umowa-i-sprawozdanie']);
    expect(uk.links).toContainEqual({ kind: 'advice', topic: 'finansowanie-bezzwrotne' });
  });

  it('finds inflected and unaccented words as the same article, with highlighted snippets, and step-by-step titles', async () => {
    for (const q of ['dotacja', 'dotacje', 'dotacji', 'DOTACJĄ']) {
      const r = await get<SearchResult>(t, `/v1/guide/search?q=${encodeURIComponent(q)}`);
      expect(slugsOf(r), q).toContain('wspolpraca-finansowa');
      const hit = r.items.find((i) => i.slug === 'wspolpraca-finansowa')!;
      expect(hit.snippet.some((p) => p.mark && /^dotac/i.test(p.text)), `${q}: ${JSON.stringify(hit.snippet)}`).toBe(true);
    }
    const unaccented = await get<SearchResult>(t, '/v1/guide/search?q=wklad%20mieszkancow');
    expect(slugsOf(unaccented)[0]).toBe('wklad-w-inicjatywe-lokalna');
    expect(unaccented.items[0]!.title).toBe('Wkład mieszkańców w inicjatywę lokalną');
    const small = await get<SearchResult>(t, '/v1/guide/search?q=maly%20grant');
    expect(slugsOf(small)).toEqual(expect.arrayContaining(['male-granty', 'maly-grant-krok-po-kroku']));
    expect(small.items.find((i) => i.slug === 'maly-grant-krok-po-kroku')!.kind).toBe('steps');
    const steps = await get<SearchResult>(t, '/v1/guide/search?q=krok%20po%20kroku%20konkurs');
    expect(slugsOf(steps)).toContain('oferta-w-konkursie');
    // Matches in English text are found too, and the snippet marks them.
    const english = await get<SearchResult>(t, '/v1/guide/search?q=entrusting&lang=en');
    expect(slugsOf(english)).toEqual(['formy-wspolpracy']);
    expect(english.items[0]!.snippet.filter((p) => p.mark).map((p) => p.text)).toEqual(['entrusting']);
    expect((await get<SearchResult>(t, '/v1/guide/search?q=zzzxqy')).items).toEqual([]);
    // A one-letter word narrows nothing and is left out ('w': most words start with some letter).
    expect(slugsOf(await get<SearchResult>(t, '/v1/guide/search?q=maly%20w%20grant'))).toEqual(slugsOf(small));
    expect((await get<SearchResult>(t, '/v1/guide/search?q=w')).items).toEqual([]);
    await expectError(await t.app.request('/v1/guide/search?q='), 422, 'validation_failed');
  });

  it('serves reads with an ETag and Cache-Control, and answers a matching If-None-Match with 304', async () => {
    const first = await t.app.request('/v1/guide/tree');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('cache-control')).toContain('max-age=');
    const again = await t.app.request('/v1/guide/tree', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const missing = await t.app.request('/v1/guide/articles/nie-ma-takiego');
    expect(missing.headers.get('etag')).toBeNull();
  });

  it('renders Markdown with script, javascript: links and event handlers as inert text, in the article and in both exports', async () => {
    const a = await get<GuideArticle>(t, '/v1/guide/articles/wrogi-artykul');
    const inert = (markup: string) => {
      expect(markup).not.toMatch(/<script/i);
      expect(markup).not.toMatch(/<(img|div|iframe)/i);
      expect(markup).not.toMatch(/<a\b[^>]*href="(javascript|vbscript|data):/i);
      expect(markup).not.toMatch(/<[^>]+\son[a-z]+=/i);
    };
    inert(a.html);
    expect(a.html).toContain('&lt;script&gt;alert("x")&lt;/script&gt;');
    expect(a.html).toContain('<a href="https://ngo.krakow.pl" rel="noopener noreferrer">dobry</a>');
    expect(a.html).toContain('data-guide-article="male-granty"');

    const page = await t.app.request('/v1/guide/export?chapter=pomoc');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const pageHtml = await page.text();
    inert(pageHtml.replace(/<style>[\s\S]*?<\/style>/, ''));
    expect(pageHtml).toContain('Artykuł z pułapkami');

    const docx = await t.app.request('/v1/guide/export?format=docx&chapter=pomoc');
    expect(docx.status).toBe(200);
    const xml = docxParts(await docx.arrayBuffer())['word/document.xml']!;
    expect(xml).toMatch(/&lt;script&gt;alert\(("|&quot;)x("|&quot;)\)&lt;\/script&gt;/);
    expect(xml).not.toMatch(/<script|javascript:alert\(3\)"/i);
    expect(xml).not.toContain('w:hyperlink');
  });

  it('exports the whole guide as in force on a chosen day, as printable HTML and DOCX', async () => {
    const old = await (await t.app.request('/v1/guide/export?at=2025-06-01')).text();
    expect(old).toContain('Stan na dzień 2025-06-01');
    expect(old).toContain('Obowiązuje od 2025-01-01, do 2025-12-31');
    expect(old).not.toContain('20 000 zł w roku kalendarzowym');
    // Articles first published later are not in the 2025 edition.
    expect(old).not.toContain('Roczny program współpracy');
    const now = await (await t.app.request('/v1/guide/export?lang=en')).text();
    expect(now).toContain('<html lang="en">');
    expect(now).toContain('Small grants (art. 19a)');
    expect(now).toMatch(/<article id="komisja-konkursowa" lang="en">/);
    expect(now).toContain('assessment committee');
    // An edition whose text was never translated says so by its lang.
    const oldEn = await (await t.app.request('/v1/guide/export?lang=en&at=2025-06-01')).text();
    expect(oldEn).toMatch(/<article id="male-granty" lang="pl">/);
    expect(oldEn).toMatch(/<article id="lokale-i-patronat" lang="en">/);
    const docx = await t.app.request('/v1/guide/export?format=docx&at=2026-06-01');
    expect(docx.headers.get('content-disposition')).toContain('poradnik-2026-06-01.docx');
    const xml = docxParts(await docx.arrayBuffer())['word/document.xml']!;
    expect(xml).toContain('Małe granty (art. 19a)');
    expect(xml).toContain('najwyżej 20 000 zł w roku kalendarzowym');
    await expectError(await t.app.request('/v1/guide/export?chapter=brak'), 404, 'not_found');
  });

  it('gives a smart answer and a step-by-step in the language asked, with their articles', async () => {
    const smart = await get<GuideJourney>(t, '/v1/guide/journeys/jaka-forma-wsparcia?lang=uk');
    if (smart.kind !== 'smart') throw new Error('expected a smart answer');
    expect(smart.start).toBe('kto');
    const outcome = smart.nodes['maly-grant']!;
    if (outcome.kind !== 'outcome') throw new Error('expected an outcome');
    expect(outcome.title).toEqual({ text: 'Малий грант (ст. 19a)', lang: 'uk' });
    expect(outcome.articles[0]).toEqual({ slug: 'male-granty', title: 'Малі гранти (ст. 19a)', lang: 'uk' });
    expect(outcome.journey).toEqual({ slug: 'maly-grant-krok-po-kroku', title: 'Крок за кроком: малий грант', lang: 'uk' });
    const steps = await get<GuideJourney>(t, '/v1/guide/journeys/oferta-w-konkursie');
    if (steps.kind !== 'steps') throw new Error('expected a step-by-step');
    expect(steps.steps[0]!.deadline!.text).toBe('Co najmniej 21 dni przed terminem składania ofert');
    expect(steps.steps[0]!.articles.map((a) => a.slug)).toEqual(['otwarty-konkurs-ofert']);
    await expectError(await t.app.request('/v1/guide/journeys/brak'), 404, 'not_found');
  });

  it('takes "was this helpful?" through the anti-abuse kit', async () => {
    const ok = await t.app.request('/v1/guide/articles/male-granty/feedback', json({ helpful: false, comment: 'Brakuje terminów na 2027 r.', lang: 'pl', abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    expect(ok.status).toBe(202);
    const { id } = (await ok.json()) as { id: string };
    const row = await t.db.selectFrom('guide_feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ helpful: 0, comment: 'Brakuje terminów na 2027 r.', lang: 'pl' });
    await expectError(await t.app.request('/v1/guide/articles/male-granty/feedback', json({ helpful: true }, { 'x-forwarded-for': freshIp() })), 422, 'validation_failed');
    await expectError(await t.app.request('/v1/guide/articles/male-granty/feedback', json({ helpful: true, abuse: { ...(await solvedAbuse(t.app)), website: 'spam' } }, { 'x-forwarded-for': freshIp() })), 422, 'abuse_detected');
    await expectError(await t.app.request('/v1/guide/articles/brak/feedback', json({ helpful: true, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() })), 404, 'not_found');
  });

  it('stores feedback with its Idempotency-Key in one transaction (crash, late retry, double submit)', async () => {
    const count = async () => Number((await t.db.selectFrom('guide_feedback').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    let n = 0;
    await expectWrittenOnce(t, { path: '/v1/guide/articles/male-granty/feedback', status: 202, count, body: async () => ({ helpful: false, comment: `Uwaga ${++n}`, lang: 'pl', abuse: await solvedAbuse(t.app) }) });
  });
});
