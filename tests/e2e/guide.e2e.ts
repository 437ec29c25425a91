import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { axeViolations, startStack, type Stack } from './harness.js';

/** A host page on another origin with the guide, its view in the URL. */
const hostPage = (lang: string) => `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>Guide host</title>
<script type="module" src="{{API}}/widgets/ngo-widgets.js"></script></head>
<body><main><h1>NGO</h1><ngo-guide sync-url></ngo-guide></main></body>
</html>`;

/** What has the focus inside the guide: `tag#id` or `tag:text`. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.querySelector('ngo-guide')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return a ? `${a.localName}${a.id ? `#${a.id}` : `:${(a.textContent ?? '').trim()}`}` : 'nothing';
  });

async function tabTo(page: Page, target: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === target) return;
  }
  throw new Error(`focus never reached ${target} (last: ${await focused(page)})`);
}

const shadowText = (page: Page, selector: string) => page.evaluate((s) => document.querySelector('ngo-guide')!.shadowRoot!.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '', selector);
const waitShadow = (page: Page, selector: string, text?: string) =>
  page.waitForFunction(
    ([s, t]) => {
      const el = document.querySelector('ngo-guide')?.shadowRoot?.querySelector(s);
      return !!el && (!t || (el.textContent ?? '').replace(/\s+/g, ' ').includes(t));
    },
    [selector, text ?? ''] as const,
    { timeout: 20_000 },
  );

describe('<ngo-guide> end to end', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ hostPages: { '/pl.html': hostPage('pl'), '/en.html': hostPage('en'), '/uk.html': hostPage('uk') } });
  });
  after(() => stack?.close());

  it('by keyboard alone: search, open an article, follow a smart answer to its outcome, then Back through the URL', async () => {
    const page = await stack.page();
    await page.goto(stack.hostUrl('/pl.html'));
    await waitShadow(page, '.chapter');
    await tabTo(page, 'input#q');
    await page.keyboard.type('male granty');
    await page.keyboard.press('Enter');
    await waitShadow(page, '#view-title', 'wynik');
    assert.equal(await focused(page), 'h2#view-title');
    assert.match(new URL(page.url()).search, /ngo-guide-q=male\+granty/);
    await tabTo(page, 'a:Małe granty (art. 19a)');
    await page.keyboard.press('Enter');
    await waitShadow(page, '#view-title', 'Małe granty (art. 19a)');
    assert.equal(await focused(page), 'h2#view-title');
    assert.equal(new URL(page.url()).searchParams.get('ngo-guide-article'), 'male-granty');

    // Back to the contents through the breadcrumbs, then the smart answer.
    await page.keyboard.down('Shift');
    await tabTo(page, 'a:Poradnik');
    await page.keyboard.up('Shift');
    await page.keyboard.press('Enter');
    await waitShadow(page, '.chapter');
    await tabTo(page, 'a:Która forma wsparcia pasuje do mojego projektu?');
    await page.keyboard.press('Enter');
    await waitShadow(page, '#question-title', 'Kto chce realizować projekt?');
    for (const next of ['Czy potrzebujesz pieniędzy', 'Czy zadanie kosztuje do 10 000 zł', '']) {
      await page.keyboard.press('Tab'); // the first answer
      assert.equal(await page.evaluate(() => (document.querySelector('ngo-guide')!.shadowRoot!.activeElement as HTMLInputElement).name), 'answer');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab'); // "Next"
      await page.keyboard.press('Enter');
      if (next) await waitShadow(page, '#question-title', next);
    }
    await waitShadow(page, '#outcome-title', 'Mały grant (art. 19a)');
    assert.equal(await focused(page), 'h3#outcome-title');
    assert.equal(new URL(page.url()).searchParams.get('ngo-guide-answers'), '0.0.0');
    assert.deepEqual(await axeViolations(page), []);

    await page.goBack();
    await waitShadow(page, '#question-title', 'Czy zadanie kosztuje do 10 000 zł');
    assert.equal(new URL(page.url()).searchParams.get('ngo-guide-answers'), '0.0');
    await page.goBack();
    await waitShadow(page, '#question-title', 'Czy potrzebujesz pieniędzy');
    assert.deepEqual(page.errors.filter((e) => e.startsWith('uncaught')), []);
  });

  it('shows Markdown with script, javascript: links and event handlers as inert text', async () => {
    const db = new Database(stack.databaseFile);
    try {
      const chapter = db.prepare("select id from guide_chapter where slug = 'pomoc'").get() as { id: string };
      const now = new Date().toISOString();
      const article = randomUUID();
      const version = randomUUID();
      const body = 'Tekst <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">\n\n[klik](javascript:window.__pwned=3) <a href="javascript:alert(1)" onclick="window.__pwned=4">a</a>';
      db.prepare('insert into guide_article (id, slug, chapter_id, position, tags, related, links, reviewed_on, created_at, updated_at) values (?, ?, ?, 999, ?, ?, ?, null, ?, ?)').run(article, 'pulapki', chapter.id, '[]', '[]', '[]', now, now);
      db.prepare("insert into guide_article_version (id, article_id, status, in_force_from, in_force_until, content, note, created_by, created_at, published_at) values (?, ?, 'published', '2026-01-01', null, ?, null, null, ?, ?)").run(
        version, article, JSON.stringify({ pl: { title: 'Pułapki', summary: 'Skrypty', body } }), now, now,
      );
      db.prepare("update app_setting set value = cast(cast(value as integer) + 1 as text) where key = 'guide.version'").run();
    } finally {
      db.close();
    }
    const page = await stack.page();
    await page.goto(`${stack.hostUrl('/pl.html')}?ngo-guide-article=pulapki`);
    await waitShadow(page, '.body', 'window.__pwned = 1');
    const body = await page.evaluate(() => {
      const b = document.querySelector('ngo-guide')!.shadowRoot!.querySelector('.body')!;
      return { tags: [...b.querySelectorAll('*')].map((e) => e.localName), hrefs: [...b.querySelectorAll('a')].map((a) => a.getAttribute('href')), handlers: [...b.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('on'))) };
    });
    assert.deepEqual(body.tags.filter((t) => ['script', 'img', 'iframe'].includes(t)), []);
    assert.deepEqual(body.hrefs, []);
    assert.deepEqual(body.handlers, []);
    await page.locator('ngo-guide').locator('.body').click();
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null), null);
    assert.match(await shadowText(page, '.body'), /<script>window.__pwned = 1<\/script>/);
  });

  for (const lang of ['pl', 'en', 'uk'] as const) {
    it(`has no axe violations in ${lang}: the contents, an article and a step-by-step`, async () => {
      const page = await stack.page();
      for (const view of ['', '?ngo-guide-article=male-granty', '?ngo-guide-journey=oferta-w-konkursie', '?ngo-guide-q=dotacja']) {
        await page.goto(`${stack.hostUrl(`/${lang}.html`)}${view}`);
        await waitShadow(page, view ? '#view-title' : '.chapter');
        await page.waitForFunction(() => !document.querySelector('ngo-guide')!.shadowRoot!.querySelector('.loading'), undefined, { timeout: 20_000 });
        assert.deepEqual(await axeViolations(page), [], `${lang} ${view}`);
      }
    });
  }
});
