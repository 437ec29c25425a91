import { expect, fixture, html } from '@open-wc/testing';
import { GuideDiff } from '../../common/guide.schema.js';
import { GuideJourney, StaffArticle, StaffArticleSummary, StaffJourney } from '../../common/guide.schema.js';
import type { AdminSession } from '../admin/admin.api.js';
import { failure, json, stubFetch, typed, waitFor, type Call, type FetchStub } from '../core/testing.js';
import './guide.admin.js';
import type { NgoAdminGuide } from './guide.admin.element.js';

const session: AdminSession = { staff: { id: 'e1', email: 'redakcja@krakow.pl', name: 'Ola Redaktorka', role: 'editor', district: null }, csrfToken: 'csrf-1', sections: ['guide'] };
const summary = (over: Partial<Parameters<typeof typed<typeof StaffArticleSummary>>[1]> = {}) =>
  typed(StaffArticleSummary, {
    id: 'a1', slug: 'male-granty', chapterId: 'c1', position: 0, title: 'Małe granty (art. 19a)', hasDraft: false, inForceFrom: '2026-01-01', scheduledFrom: null,
    reviewedOn: '2025-06-01', reviewOn: '2026-06-01', reviewDue: true, feedback: { helpful: 3, notHelpful: 1, comments: 1 }, ...over,
  });
const text = (title: string, body: string) => ({ title, summary: 'Tryb uproszczony', body });
const article = (draft: boolean) =>
  typed(StaffArticle, {
    id: 'a1', slug: 'male-granty', chapterId: 'c1', position: 0, tags: [], related: [], links: [], reviewedOn: '2025-06-01', reviewOn: '2026-06-01', reviewDue: true,
    versions: [
      { id: 'v1', status: 'published', inForceFrom: '2026-01-01', inForceUntil: null, note: null, content: { pl: text('Małe granty (art. 19a)', 'Limit **10 000 zł**.') }, createdAt: '2025-12-01T10:00:00.000Z', publishedAt: '2025-12-01T10:00:00.000Z', state: 'in_force' },
      ...(draft ? [{ id: 'v2', status: 'draft' as const, inForceFrom: null, inForceUntil: null, note: 'Nowy limit', content: { pl: text('Małe granty (art. 19a)', 'Limit **20 000 zł**.') }, createdAt: '2026-12-01T10:00:00.000Z', publishedAt: null, state: 'draft' as const }] : []),
    ],
  });
const diff = typed(GuideDiff, {
  slug: 'male-granty', lang: 'pl',
  from: { id: 'v1', inForceFrom: '2026-01-01', inForceUntil: null, publishedAt: '2025-12-01T10:00:00.000Z', note: null, title: 'Małe granty', inForceToday: true },
  to: { id: 'v2', inForceFrom: '2026-12-02', inForceUntil: null, publishedAt: '2026-12-01T10:00:00.000Z', note: null, title: 'Małe granty', inForceToday: false },
  fields: [{ field: 'body', changed: true, segments: [{ op: 'same', text: 'Limit ' }, { op: 'removed', text: '10' }, { op: 'added', text: '20' }, { op: 'same', text: ' 000 zł.' }] }],
});

const $ = <E extends Element = HTMLElement>(el: NgoAdminGuide, sel: string) => el.shadowRoot!.querySelector<E>(sel);
const words = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const type = (el: NgoAdminGuide, sel: string, value: string) => {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, sel)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};

describe('<ngo-admin-guide>', () => {
  let api: FetchStub;
  afterEach(() => api.restore());

  it('lists the articles with their review dates, edits the draft with a live preview, compares and publishes it, with the CSRF token', async () => {
    let hasDraft = false;
    const writes: Call[] = [];
    api = stubFetch((c) => {
      if (c.pathname === '/v1/admin/guide/articles') return { items: [summary({ hasDraft })] };
      if (c.pathname === '/v1/admin/guide/articles/a1' && c.method === 'GET') return article(hasDraft);
      if (c.pathname === '/v1/admin/guide/articles/a1/feedback') return { items: [{ id: 'f1', helpful: false, comment: 'Brak terminu', lang: 'uk', createdAt: '2026-11-01T10:00:00.000Z' }], helpful: 3, notHelpful: 1 };
      if (c.pathname === '/v1/admin/guide/articles/a1/diff') return diff;
      if (c.pathname === '/v1/admin/guide/chapters') return { items: [{ id: 'c1', slug: 'dotacje', parentId: null, position: 0, title: { pl: 'Dotacje' } }] };
      if (c.pathname === '/v1/admin/guide/preview') return { html: `<p>${String(c.body.markdown).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')}</p>` };
      if (c.method !== 'GET') {
        writes.push(c);
        if (c.pathname.endsWith('/draft')) hasDraft = true;
        if (c.pathname.endsWith('/publish')) return (hasDraft = false), { versionId: 'v2', scheduled: true };
        if (c.pathname.endsWith('/reviewed')) return { reviewedOn: '2026-12-02', reviewOn: c.body.nextReview ?? '2027-12-02' };
        return { versionId: 'v2' };
      }
      return undefined;
    });
    const el = await fixture<NgoAdminGuide>(html`<ngo-admin-guide lang="pl" api-base=${location.origin} .session=${session}></ngo-admin-guide>`);
    const row = await waitFor(() => $(el, '[data-id="a1"]'), 'the list');
    expect(words(row)).to.include('obowiązuje od 1 sty 2026').and.include('do przeglądu').and.include('3 / 1');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[data-id="a1"] button')!.click();
    await waitFor(() => $(el, '#article-heading'), 'the article');
    expect(el.shadowRoot!.activeElement?.id).to.equal('article-heading');
    await waitFor(() => words($(el, '.feedback')).includes('Brak terminu'), 'the feedback');
    $<HTMLButtonElement>(el, '#edit-draft')!.click();
    await waitFor(() => $(el, '#pl-body'), 'the editor');
    await waitFor(() => $(el, '#preview-body strong')?.textContent === '10 000 zł', 'the first preview');
    type(el, '#pl-body', 'Limit **20 000 zł**.');
    await waitFor(() => $(el, '#preview-body strong')?.textContent === '20 000 zł', 'the live preview');

    // A translation with only a text is refused next to its title, after switching to it.
    $<HTMLButtonElement>(el, '#lang-uk')!.click();
    await waitFor(() => $(el, '#uk-body'), 'the Ukrainian fields');
    type(el, '#uk-body', 'Ліміт');
    $<HTMLButtonElement>(el, 'form.guide-editor button[type="submit"]')!.click();
    await waitFor(() => $(el, '.ngo-error-summary'), 'the error summary');
    expect(words($(el, '#uk-title-error'))).to.include('potrzebuje tytułu i streszczenia');
    expect($(el, '#uk-title')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    type(el, '#uk-body', '');
    $<HTMLButtonElement>(el, '#lang-pl')!.click();
    type(el, '#note', 'Nowy limit');
    $<HTMLButtonElement>(el, 'form.guide-editor button[type="submit"]')!.click();
    await waitFor(() => $(el, '#publish-form'), 'back on the article, with the draft to publish');
    const save = writes.find((w) => w.pathname.endsWith('/draft'))!;
    expect(save.method).to.equal('PUT');
    expect(save.body).to.deep.equal({ content: { pl: text('Małe granty (art. 19a)', 'Limit **20 000 zł**.') }, note: 'Nowy limit' });
    expect(save.headers['X-CSRF-Token'] ?? save.headers['x-csrf-token']).to.equal('csrf-1');
    expect(words($(el, '[role="status"]'))).to.include('zapisany');

    $<HTMLButtonElement>(el, 'form[aria-labelledby="diff-heading"] button[type="submit"]')!.click();
    await waitFor(() => $(el, '#diff-result del'), 'the diff');
    expect(words($(el, '#diff-result ins'))).to.equal('dodano: 20');
    expect(words($(el, '#diff-result del'))).to.equal('usunięto: 10');

    // "Until" before "from" is refused at its field, before any request.
    const publishes = () => writes.filter((w) => w.pathname.endsWith('/publish')).length;
    $<HTMLInputElement>(el, '#publish-from')!.value = '2027-01-01';
    $<HTMLInputElement>(el, '#publish-until')!.value = '2026-12-31';
    $<HTMLButtonElement>(el, '#publish-form button[type="submit"]')!.click();
    await waitFor(() => $(el, '#publish-until-error'), 'the date error');
    expect(publishes()).to.equal(0);
    expect(el.shadowRoot!.activeElement?.id).to.equal('publish-until');
    $<HTMLInputElement>(el, '#publish-until')!.value = '';
    $<HTMLButtonElement>(el, '#publish-form button[type="submit"]')!.click();
    await waitFor(() => words($(el, '[role="status"]')).includes('Zaplanowano'), 'the scheduled publication');
    expect(writes.find((w) => w.pathname.endsWith('/publish'))!.body).to.deep.equal({ inForceFrom: '2027-01-01', inForceUntil: null });

    // The review: a past next day is refused, a later one is sent.
    $<HTMLInputElement>(el, '#next-review')!.value = '2020-01-01';
    $<HTMLButtonElement>(el, '#review-form button[type="submit"]')!.click();
    await waitFor(() => $(el, '#next-review-error'), 'the review date error');
    $<HTMLInputElement>(el, '#next-review')!.value = '2027-03-01';
    $<HTMLButtonElement>(el, '#review-form button[type="submit"]')!.click();
    await waitFor(() => words($(el, '[role="status"]')).includes('przejrzany'), 'the review');
    expect(writes.find((w) => w.pathname.endsWith('/reviewed'))!.body).to.deep.equal({ nextReview: '2027-03-01' });
    await expect(el).to.be.accessible();
  });

  it('creates an article, shows a taken address at its field, and lists only what is due for review in its tab', async () => {
    api = stubFetch((c) => {
      if (c.pathname === '/v1/admin/guide/articles' && c.method === 'GET') return { items: [summary(), summary({ id: 'a2', slug: 'konkursy', title: 'Otwarte konkursy ofert', reviewDue: false, reviewOn: '2027-05-01' })] };
      if (c.pathname === '/v1/admin/guide/chapters') return { items: [{ id: 'c1', slug: 'dotacje', parentId: null, position: 0, title: { pl: 'Dotacje', en: 'Grants' } }] };
      if (c.pathname === '/v1/admin/guide/articles' && c.method === 'POST') return failure(409, 'slug_taken');
      if (c.pathname === '/v1/admin/guide/preview') return json(200, { html: '' });
      return undefined;
    });
    const el = await fixture<NgoAdminGuide>(html`<ngo-admin-guide lang="en" api-base=${location.origin} .session=${session}></ngo-admin-guide>`);
    await waitFor(() => $(el, '[data-id="a2"]'), 'the list');
    $<HTMLButtonElement>(el, '#new-article')!.click();
    await waitFor(() => $(el, '#chapter option[value="c1"]'), 'the new article form');
    expect(words($(el, '#chapter option[value="c1"]'))).to.equal('Grants');
    $<HTMLButtonElement>(el, 'form.guide-editor button[type="submit"]')!.click();
    await waitFor(() => $(el, '.ngo-error-summary'), 'the error summary');
    expect(words($(el, '.ngo-error-summary'))).to.include('Correct 4 fields');
    expect(api.writes()).to.have.length(0);
    type(el, '#slug', 'Male Granty');
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'form.guide-editor button[type="submit"]')!.click();
    await waitFor(() => words($(el, '#slug-error')).includes('lower-case'), 'the slug rule');
    type(el, '#slug', 'male-granty');
    const chapter = $<HTMLSelectElement>(el, '#chapter')!;
    chapter.value = 'c1';
    chapter.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    type(el, '#pl-title', 'Małe granty');
    type(el, '#pl-summary', 'Krótko');
    $<HTMLButtonElement>(el, 'form.guide-editor button[type="submit"]')!.click();
    await waitFor(() => words($(el, '#slug-error')).includes('already has this address'), 'the taken slug');
    expect(api.writes()).to.have.length(1);
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '#tab-review')!.click();
    await waitFor(() => $(el, '[data-id="a1"]') && !$(el, '[data-id="a2"]'), 'only the due article');
    expect(words($(el, '.ngo-part'))).to.include('1 article is due for review.');
  });

  it('edits a smart answer: the tree is checked as it changes, faults at their controls, a preview walked to its outcome, then saved and published', async () => {
    const q = (pl: string) => ({ pl });
    const tree = typed(StaffJourney, {
      id: 'j1', slug: 'jaka-forma', kind: 'smart', position: 0, tags: [], publishedAt: '2026-11-01T10:00:00.000Z', draft: null,
      published: {
        kind: 'smart', title: q('Jaka forma wsparcia?'), summary: q('Trzy pytania'), start: 'kwota',
        nodes: { kwota: { kind: 'question', text: q('Ile potrzebujesz?'), answers: [{ label: q('Do 10 000 zł'), next: 'maly' }, { label: q('Więcej'), next: 'konkurs' }] }, maly: { kind: 'outcome', title: q('Mały grant'), text: q('Art. 19a'), articles: [] }, konkurs: { kind: 'outcome', title: q('Konkurs'), text: q('Otwarty konkurs'), articles: [] } },
      },
    });
    const resolved = typed(GuideJourney, {
      kind: 'smart', slug: 'jaka-forma', title: { text: 'Jaka forma wsparcia?', lang: 'pl' }, summary: { text: 'Trzy pytania', lang: 'pl' }, start: 'kwota',
      nodes: {
        kwota: { kind: 'question', text: { text: 'Ile potrzebujesz?', lang: 'pl' }, hint: null, answers: [{ label: { text: 'Do 10 000 zł', lang: 'pl' }, next: 'maly' }, { label: { text: 'Więcej', lang: 'pl' }, next: 'konkurs' }] },
        maly: { kind: 'outcome', title: { text: 'Mały grant', lang: 'pl' }, text: { text: 'Art. 19a', lang: 'pl' }, articles: [], journey: null },
        konkurs: { kind: 'outcome', title: { text: 'Konkurs', lang: 'pl' }, text: { text: 'Otwarty konkurs', lang: 'pl' }, articles: [], journey: null },
      },
    });
    let current = tree;
    const writes: Call[] = [];
    const previews: Call[] = [];
    api = stubFetch((c) => {
      if (c.pathname === '/v1/admin/guide/articles') return { items: [] };
      if (c.pathname === '/v1/admin/guide/journeys' && c.method === 'GET') return { items: [current] };
      if (c.pathname === '/v1/admin/guide/journeys/preview') return previews.push(c), resolved;
      if (c.method !== 'GET') {
        writes.push(c);
        if (c.method === 'PUT') current = { ...current, draft: c.body.content as typeof tree.published };
        if (c.pathname.endsWith('/publish')) current = { ...current, published: current.draft, draft: null };
        return { ok: true };
      }
      return undefined;
    });
    const el = await fixture<NgoAdminGuide>(html`<ngo-admin-guide lang="pl" api-base=${location.origin} .session=${session}></ngo-admin-guide>`);
    $<HTMLButtonElement>(el, '#tab-journeys')!.click();
    await waitFor(() => $(el, '[data-journey="j1"] button.edit'), 'the journeys');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[data-journey="j1"] button.edit')!.click();
    await waitFor(() => $(el, '#journey-editor-heading'), 'the editor');
    expect(words($(el, '.tree-check'))).to.include('Drzewo jest poprawne');

    // The second answer leads back to the start: a cycle, named with its route, and refused before saving.
    const next = $<HTMLSelectElement>(el, '#n-kwota-a1-next')!;
    next.value = 'kwota';
    next.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => words($(el, '.tree-check')).includes('Pętla: kwota → kwota'), 'the cycle in the check');
    expect(words($(el, '.tree-check'))).to.include('Do konkurs nie prowadzi żadna odpowiedź');
    $<HTMLButtonElement>(el, '.journey-editor button[type="submit"]')!.click();
    await waitFor(() => $(el, '.ngo-error-summary'), 'the summary');
    expect($(el, '#n-kwota-a1-next')!.getAttribute('aria-invalid')).to.equal('true');
    expect(writes).to.have.length(0);
    await expect(el).to.be.accessible();

    // Put right: the preview walks it as readers will.
    const fixed = $<HTMLSelectElement>(el, '#n-kwota-a1-next')!;
    fixed.value = 'konkurs';
    fixed.dispatchEvent(new Event('change', { bubbles: true }));
    type(el, '#n-maly-title', 'Mały grant (art. 19a)');
    await waitFor(() => words($(el, '.tree-check')).includes('Drzewo jest poprawne'), 'sound again');
    $<HTMLButtonElement>(el, '#journey-preview')!.click();
    await waitFor(() => $(el, '#journey-preview-heading'), 'the preview');
    expect(el.shadowRoot!.activeElement?.id).to.equal('journey-preview-heading');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.preview button.answer')].find((b) => b.textContent?.includes('Więcej'))!.click();
    await waitFor(() => words($(el, '.preview')).includes('Wynik: Konkurs'), 'the outcome');
    expect(previews[0]!.path).to.equal('/v1/admin/guide/journeys/preview?lang=pl');

    $<HTMLButtonElement>(el, '.journey-editor button[type="submit"]')!.click();
    await waitFor(() => $(el, '[data-journey="j1"] button.publish'), 'back in the list with a draft');
    const saved = writes[0]!;
    expect(saved.method).to.equal('PUT');
    expect(saved.headers['X-CSRF-Token'] ?? saved.headers['x-csrf-token']).to.equal('csrf-1');
    expect((saved.body.content as { nodes: { maly: { title: { pl: string } } } }).nodes.maly.title.pl).to.equal('Mały grant (art. 19a)');
    $<HTMLButtonElement>(el, '[data-journey="j1"] button.publish')!.click();
    await waitFor(() => words($(el, '[role="status"]')).includes('Opublikowano'), 'published');
    expect(writes[1]!.path).to.equal('/v1/admin/guide/journeys/j1/publish');
  });
});
