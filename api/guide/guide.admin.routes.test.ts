import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideArticle, GuideDiff } from '../../common/guide.schema.js';
import { addDays } from '../../common/time.js';
import { guideModule } from './guide.module.js';
import { guideToday } from './guide.service.js';
import { seedGuideDemo } from './guide.seed.js';
import { dialects, expectError, json, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';

const A = '/v1/admin/guide';
type Summary = { id: string; slug: string; title: string; hasDraft: boolean; inForceFrom: string | null; scheduledFrom: string | null; reviewedOn: string | null; reviewOn: string | null; reviewDue: boolean };

describe.each(dialects)('guide staff API on %s', (dialect) => {
  let t: TestApp;
  let editor: StaffSession;
  const send = (path: string, body: unknown, method = 'POST', s = editor) => t.app.request(A + path, json(body, s.headers, method));
  const get = async <T>(path: string, s = editor): Promise<T> => {
    const res = await t.app.request(A + path, { headers: s.headers });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const list = async () => (await get<{ items: Summary[] }>('/articles')).items;
  const chapterId = async (slug: string) => (await get<{ items: { id: string; slug: string }[] }>('/chapters')).items.find((c) => c.slug === slug)!.id;

  beforeAll(async () => {
    t = await testApp(dialect);
    await seedGuideDemo(t.db);
    editor = await staffSession(t, 'editor');
  });
  afterAll(() => t.close());

  it('is a panel section for editors and admins, city-wide only', async () => {
    expect(editor.sections).toContain('guide');
    const moderator = await staffSession(t, 'moderator');
    expect(moderator.sections).not.toContain('guide');
    await expectError(await t.app.request(`${A}/articles`, { headers: moderator.headers }), 403, 'forbidden');
    const districtEditor = await staffSession(t, 'editor', { district: 3 });
    await expectError(await t.app.request(`${A}/articles`, { headers: districtEditor.headers }), 403, 'forbidden');
    await expectError(await t.app.request(`${A}/articles`), 401, 'unauthorized');
    expect((await t.app.request(`${A}/articles`, { headers: editor.headers })).headers.get('cache-control')).toBe('no-store');
  });

  it('creates an article as a draft that readers do not see, previews it sanitised, and publishes it today', async () => {
    const chapter = await chapterId('pomoc');
    const content = { pl: { title: 'Nowy artykuł o grantach', summary: 'Krótko o nowych zasadach', body: 'Termin: **14 dni**.\n\n<script>alert(1)</script> [zły](javascript:alert(1))' } };
    const created = await send('/articles', { slug: 'nowy-artykul', chapterId: chapter, tags: ['prawo'], content });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await expectError(await send('/articles', { slug: 'nowy-artykul', chapterId: chapter, content }), 409, 'slug_taken');
    const bad = await expectError(await send('/articles', { slug: 'inny', chapterId: 'brak', content }), 422, 'validation_failed');
    expect(bad.details?.issues?.[0]?.path).toBe('chapterId');
    expect((await t.app.request('/v1/guide/articles/nowy-artykul')).status).toBe(404);
    const row = (await list()).find((a) => a.id === id)!;
    expect(row).toMatchObject({ slug: 'nowy-artykul', title: 'Nowy artykuł o grantach', hasDraft: true, inForceFrom: null, reviewDue: false });

    const preview = (await (await send('/preview?lang=pl', { markdown: content.pl.body })).json()) as { html: string };
    expect(preview.html).toContain('<strong>14 dni</strong>');
    // The same renderer as readers': the script is text, the javascript: link is no link.
    expect(preview.html).toContain('&lt;script&gt;');
    expect(preview.html).not.toMatch(/<script|href="javascript:/i);

    const today = guideToday();
    const pub = await send(`/articles/${id}/publish`, { inForceFrom: today, note: 'Pierwsza wersja' });
    expect(await pub.json()).toMatchObject({ scheduled: false });
    const read = (await (await t.app.request('/v1/guide/articles/nowy-artykul')).json()) as GuideArticle;
    expect(read).toMatchObject({ title: 'Nowy artykuł o grantach', inForceFrom: today });
    await expectError(await send(`/articles/${id}/publish`, { inForceFrom: today }), 409, 'no_draft');
  });

  it('saves a new draft, schedules it for a later day, and compares it with the version in force', async () => {
    const { id } = (await list()).find((a) => a.slug === 'nowy-artykul')!;
    const draft = { pl: { title: 'Nowy artykuł o grantach', summary: 'Krótko o nowych zasadach', body: 'Termin: **30 dni**.' } };
    const saved = await send(`/articles/${id}/draft`, { content: draft, note: 'Dłuższy termin' }, 'PUT');
    expect(saved.status).toBe(200);
    const staff = await get<{ versions: { id: string; state: string }[] }>(`/articles/${id}`);
    expect(staff.versions.map((v) => v.state)).toEqual(['in_force', 'draft']);
    const [inForce, next] = staff.versions;
    const diff = await get<GuideDiff>(`/articles/${id}/diff?from=${inForce!.id}&to=${next!.id}`);
    const body = diff.fields.find((f) => f.field === 'body')!;
    expect(body.changed).toBe(true);
    expect(body.segments.filter((s) => s.op === 'added').map((s) => s.text).join('')).toContain('30');
    expect(body.segments.filter((s) => s.op === 'removed').map((s) => s.text).join('')).toContain('14');

    const later = addDays(guideToday(), 10);
    await expectError(await send(`/articles/${id}/publish`, { inForceFrom: later, inForceUntil: guideToday() }), 422, 'validation_failed');
    const pub = await send(`/articles/${id}/publish`, { inForceFrom: later });
    expect(await pub.json()).toMatchObject({ scheduled: true });
    expect((await list()).find((a) => a.id === id)).toMatchObject({ scheduledFrom: later, hasDraft: false, inForceFrom: guideToday() });
    // Readers still get the version in force today.
    const read = (await (await t.app.request('/v1/guide/articles/nowy-artykul')).json()) as GuideArticle;
    expect(read.html).toContain('14 dni');
  });

  it('marks an article reviewed with its next review day, refuses a past day, and counts what is due on the start screen', async () => {
    const items = await list();
    const due = items.filter((a) => a.reviewDue);
    const waiting = async (s: { role: 'editor' | 'moderator' | 'admin'; district: number | null }) => guideModule.waiting!(t.db, { id: 'x', email: 'x@x', name: 'x', sessionId: 's', csrfToken: 'c', ...s });
    expect(await waiting({ role: 'editor', district: null })).toEqual([{ key: 'guide.review_due', count: due.length, section: 'guide' }]);
    expect(await waiting({ role: 'moderator', district: null })).toEqual([]);
    expect(await waiting({ role: 'editor', district: 2 })).toEqual([]);

    // Never reviewed (the new article) counts once it is published.
    const fresh = items.find((a) => a.slug === 'nowy-artykul')!;
    expect(fresh).toMatchObject({ reviewedOn: null, reviewOn: null, reviewDue: true });
    const today = guideToday();
    const bad = await expectError(await send(`/articles/${fresh.id}/reviewed`, { nextReview: today }), 422, 'validation_failed');
    expect(bad.details?.issues?.[0]?.path).toBe('nextReview');
    await expectError(await send(`/articles/${fresh.id}/reviewed`, { nextReview: addDays(today, 4 * 366) }), 422, 'validation_failed');
    const next = addDays(today, 90);
    expect(await (await send(`/articles/${fresh.id}/reviewed`, { nextReview: next })).json()).toEqual({ reviewedOn: today, reviewOn: next });
    expect((await list()).find((a) => a.id === fresh.id)).toMatchObject({ reviewedOn: today, reviewOn: next, reviewDue: false });
    // Without a day: a year later. A body is not needed.
    const other = due.find((a) => a.id !== fresh.id)!;
    const res = await t.app.request(`${A}/articles/${other.id}/reviewed`, { method: 'POST', headers: editor.headers });
    expect(await res.json()).toEqual({ reviewedOn: today, reviewOn: addDays(today, 365) });
    const after = (await waiting({ role: 'editor', district: null }))[0]!.count;
    expect(after).toBe(due.length - 2);
  });

  it('changes an article\'s place and tags, and refuses a taken slug', async () => {
    const [first, second] = await list();
    const meta = await get<{ chapterId: string; position: number; tags: string[]; related: string[]; links: unknown[] }>(`/articles/${first!.id}`);
    const input = { slug: first!.slug, chapterId: meta.chapterId, position: meta.position, tags: ['prawo'], related: meta.related, links: meta.links };
    expect((await send(`/articles/${first!.id}`, input, 'PUT')).status).toBe(200);
    expect((await get<{ tags: string[] }>(`/articles/${first!.id}`)).tags).toEqual(['prawo']);
    await expectError(await send(`/articles/${first!.id}`, { ...input, slug: second!.slug }, 'PUT'), 409, 'slug_taken');
  });

  it('shows the feedback of an article with its counts', async () => {
    const a = (await list()).find((x) => x.slug === 'nowy-artykul')!;
    await t.db.insertInto('guide_feedback').values([
      { id: 'f1', article_id: a.id, version_id: null, helpful: 1, comment: null, lang: 'pl', created_at: '2026-12-01T10:00:00.000Z' },
      { id: 'f2', article_id: a.id, version_id: null, helpful: 0, comment: 'Brak terminów', lang: 'uk', created_at: '2026-12-01T11:00:00.000Z' },
    ]).execute();
    const fb = await get<{ items: { comment: string | null; helpful: boolean }[]; helpful: number; notHelpful: number }>(`/articles/${a.id}/feedback`);
    expect(fb).toMatchObject({ helpful: 1, notHelpful: 1 });
    expect(fb.items[0]).toMatchObject({ helpful: false, comment: 'Brak terminów' });
    expect((await list()).find((x) => x.id === a.id)).toMatchObject({ feedback: { helpful: 1, notHelpful: 1, comments: 1 } });
  });

  it('refuses a smart answer with a cycle at the path of the fault, and publishes a step-by-step after its preview', async () => {
    const text = (pl: string) => ({ pl });
    const cyclic = {
      slug: 'petla', content: {
        kind: 'smart', title: text('Pętla'), summary: text('Zła'), start: 'a',
        nodes: { a: { kind: 'question', text: text('A?'), answers: [{ label: text('B'), next: 'b' }] }, b: { kind: 'question', text: text('B?'), answers: [{ label: text('A'), next: 'a' }] } },
      },
    };
    const err = await expectError(await send('/journeys', cyclic), 422, 'validation_failed');
    expect(err.details?.issues?.some((i) => i.path.startsWith('content.nodes.'))).toBe(true);
    const steps = { slug: 'nowe-kroki', content: { kind: 'steps', title: text('Nowe kroki'), summary: text('Trzy kroki'), steps: [{ title: text('Krok 1'), text: text('Zrób to'), articles: ['nowy-artykul'] }] } };
    const preview = (await (await send('/journeys/preview', steps)).json()) as { kind: string; steps: { articles: { title: string }[] }[] };
    expect(preview.steps[0]!.articles[0]!.title).toBe('Nowy artykuł o grantach');
    const { id } = (await (await send('/journeys', steps)).json()) as { id: string };
    expect((await t.app.request('/v1/guide/journeys/nowe-kroki')).status).toBe(404);
    expect((await send(`/journeys/${id}/publish`, {})).status).toBe(200);
    expect((await t.app.request('/v1/guide/journeys/nowe-kroki')).status).toBe(200);
    await expectError(await send(`/journeys/${id}/publish`, {}), 409, 'no_draft');
  });

  it('refuses a journey whose articles or follow-on journey lead nowhere, at their paths; the demo journeys save as they are', async () => {
    const text = (pl: string) => ({ pl });
    const steps = { slug: 'zle-linki', content: { kind: 'steps', title: text('Złe linki'), summary: text('Dwa kroki'), steps: [{ title: text('Krok 1'), text: text('Czytaj'), articles: ['nowy-artykul', 'nie-ma-takiego'] }] } };
    for (const path of ['/journeys', '/journeys/preview']) {
      const err = await expectError(await send(path, steps), 422, 'validation_failed');
      expect(err.details!.issues).toEqual([expect.objectContaining({ path: 'content.steps.0.articles.1', code: 'unknown_article' })]);
    }
    const smart = {
      slug: 'sama-do-siebie', content: {
        kind: 'smart', title: text('Sama do siebie'), summary: text('Wynik wskazuje tę samą ścieżkę'), start: 'q',
        nodes: { q: { kind: 'question', text: text('Q?'), answers: [{ label: text('Tak'), next: 'o' }] }, o: { kind: 'outcome', title: text('O'), text: text('Dalej'), articles: [], journey: 'sama-do-siebie' } },
      },
    };
    const err = await expectError(await send('/journeys', smart), 422, 'validation_failed');
    expect(err.details!.issues).toEqual([expect.objectContaining({ path: 'content.nodes.o.journey', code: 'unknown_journey' })]);
    const { items } = await get<{ items: { id: string; slug: string; position: number; tags: string[]; draft: unknown; published: unknown }[] }>('/journeys');
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const j of items) expect((await send(`/journeys/${j.id}`, { slug: j.slug, position: j.position, tags: j.tags, content: j.draft ?? j.published }, 'PUT')).status, j.slug).toBe(200);
  });

  it('adds and renames chapters, refusing a taken slug and an unknown parent', async () => {
    const res = await send('/chapters', { slug: 'nowy-rozdzial', title: { pl: 'Nowy rozdział', uk: 'Новий розділ' } });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await expectError(await send('/chapters', { slug: 'pomoc', title: { pl: 'X' } }), 409, 'slug_taken');
    await expectError(await send(`/chapters/${id}`, { slug: 'nowy-rozdzial', parentId: id, title: { pl: 'X' } }, 'PUT'), 422, 'validation_failed');
    expect((await send(`/chapters/${id}`, { slug: 'nowy-rozdzial', title: { pl: 'Inny tytuł' } }, 'PUT')).status).toBe(200);
    expect((await get<{ items: { id: string; title: { pl: string } }[] }>('/chapters')).items.find((c) => c.id === id)!.title.pl).toBe('Inny tytuł');
  });
});
