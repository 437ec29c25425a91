import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openDatabase } from '../../api/db/database.js';
import { findEdition } from '../../api/surveys/surveys.repository.js';
import { createTokenBatch } from '../../api/surveys/surveys.responses.js';
import { axeViolations, startStack, type Stack } from './harness.js';

// The demo data (api/surveys/surveys.seed.ts): this year's edition is open; last year's and the
// one before are closed and published, with several hundred synthetic respondents (the demo page
// shows last year's results).
const YEAR = new Date().getUTCFullYear();
const OPEN = String(YEAR);

/** Invitation tokens of the NGO group for the open edition, made the way staff make them (only their hashes are stored). */
async function invitations(stack: Stack, count: number): Promise<string[]> {
  const handle = openDatabase(`sqlite:${stack.databaseFile}`);
  try {
    const edition = await findEdition(handle.db, 'lijw', OPEN);
    assert.ok(edition, 'the demo has an open edition');
    const { tokens } = await createTokenBatch(handle.db, { editionId: edition.id, group: 'ngo', count, channel: 'links', lang: 'pl', expiresAt: new Date(Date.now() + 86_400_000).toISOString(), createdBy: null });
    return tokens;
  } finally {
    await handle.close();
  }
}

/** The id (or text) of the focused element inside the survey's shadow root. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.querySelector('ngo-survey')?.shadowRoot?.activeElement as HTMLInputElement | null | undefined;
    return a ? a.id || a.textContent?.trim() || a.tagName : null;
  });

async function tabTo(page: Page, id: string, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === id) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

/** Errors other than the answers the test expects (the used invitation's 409, the demo panel's 401 before sign-in). */
const uncaught = (page: Page & { errors: string[] }) => page.errors.filter((e) => !e.includes('Failed to load resource'));

const inSurvey = (page: Page, selector: string) => page.locator(`ngo-survey ${selector}`);
const pageTitle = (page: Page) => inSurvey(page, '#page-title').textContent();

/** On a page of questions: Tab to "Next" and press Enter, then wait for the next page (or the review). */
async function nextPage(page: Page) {
  const before = await pageTitle(page);
  await tabTo(page, 'next');
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => {
    const root = document.querySelector('ngo-survey')?.shadowRoot;
    return root?.querySelector('#review-title') || (root?.querySelector('#page-title')?.textContent !== t && root?.activeElement?.id === 'page-title');
  }, before);
}

describe('LIJW survey end to end', () => {
  let stack: Stack;
  let tokens: string[];
  before(async () => {
    stack = await startStack();
    tokens = await invitations(stack, 4);
  });
  after(() => stack?.close());

  it('is answered with the keyboard alone from the e-mailed link, resumed after a reload, reviewed and sent once', async () => {
    const page = await stack.page();
    const link = stack.url(`/embed/surveys?token=${tokens[0]}&lang=pl`);
    await page.goto(link);
    await inSurvey(page, '#start').waitFor({ timeout: 20_000 });
    assert.equal(await inSurvey(page, '#start').textContent(), 'Rozpocznij ankietę');
    await tabTo(page, 'start');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('ngo-survey')?.shadowRoot?.activeElement?.id === 'page-title');

    // Page 1: the overall rating. Tab into the scale, Space picks the first point, arrows move along it.
    await tabTo(page, 'q-overall_rating');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => (document.querySelector('ngo-survey')!.shadowRoot!.querySelector('input[name="q-overall_rating"]:checked') as HTMLInputElement).value), '3');
    await nextPage(page);

    // Page 2 (A): the required "did you cooperate" question; "yes" opens its follow-ups.
    assert.match((await pageTitle(page)) ?? '', /^A\./);
    await tabTo(page, 'q-a_cooperated');
    await page.keyboard.press('Space');
    await inSurvey(page, '[data-item="a_forms"]').waitFor();
    await nextPage(page);

    // Save for later, then a reload: the same link resumes on the page after the answers.
    const third = await pageTitle(page);
    await tabTo(page, 'save');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('ngo-survey')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.includes('Odpowiedzi zapisano'));
    await page.reload();
    await inSurvey(page, '#start').waitFor({ timeout: 20_000 });
    assert.equal(await inSurvey(page, '#start').textContent(), 'Kontynuuj ankietę');
    await tabTo(page, 'start');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('ngo-survey')?.shadowRoot?.activeElement?.id === 'page-title');
    assert.equal(await pageTitle(page), third);

    // Part B: "hard to say" on the first statement, then on to the review.
    await tabTo(page, 'q-b_information');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowLeft'); // from point 1 back round to "hard to say", the last option
    for (let guard = 0; guard < 8 && !(await inSurvey(page, '#review-title').count()); guard++) await nextPage(page);
    await inSurvey(page, '#review-title').waitFor();
    const review = (await inSurvey(page, '[part="review"]').textContent()) ?? '';
    assert.match(review, /3 – /, 'the overall rating kept across the reload');
    assert.match(review, /Trudno powiedzieć/i);

    await tabTo(page, 'submit');
    await page.keyboard.press('Enter');
    await inSurvey(page, '#done-title').waitFor({ timeout: 20_000 });
    assert.equal(await focused(page), 'done-title');

    // The link cannot answer twice.
    await page.goto(link);
    const notice = inSurvey(page, '#blocked');
    await notice.waitFor({ timeout: 20_000 });
    assert.match((await notice.textContent()) ?? '', /została już wypełniona z tego zaproszenia/);
    assert.deepEqual(uncaught(page), []);
  });

  for (const lang of ['pl', 'en', 'uk'] as const) {
    it(`has no axe violations in ${lang}: the survey's start, a page of questions and its errors, and the results`, async () => {
      const page = await stack.page();
      const token = tokens[{ pl: 1, en: 2, uk: 3 }[lang]]!;
      await page.goto(stack.url(`/embed/surveys?token=${token}&lang=${lang}`));
      await inSurvey(page, '#start').waitFor({ timeout: 20_000 });
      assert.deepEqual(await axeViolations(page), []);
      await inSurvey(page, '#start').click();
      await inSurvey(page, '#next').click();
      await inSurvey(page, '.ngo-error-summary').waitFor();
      assert.deepEqual(await axeViolations(page), []);

      await page.goto(stack.url(`/demo/?lang=${lang}#widget-ngo-survey-results`));
      const results = page.locator('ngo-survey-results');
      await results.locator('#h-sections').waitFor({ timeout: 20_000 });
      await results.locator('#h-trend').waitFor();
      for (const d of await results.locator('details').all()) await d.locator('summary').click();
      assert.deepEqual(await axeViolations(page, 'ngo-survey-results'), []);
      assert.deepEqual(uncaught(page), []);
    });
  }

  it('gives every chart a text alternative, and its table the same values as the chart', async () => {
    const page = await stack.page();
    await page.goto(stack.url('/demo/?lang=pl#widget-ngo-survey-results'));
    const results = page.locator('ngo-survey-results');
    await results.locator('#h-trend').waitFor({ timeout: 20_000 });
    // A string, not a function: the test's TypeScript build would wrap named helpers in a __name() the page lacks.
    const check = (await page.evaluate(`(() => {
      const root = document.querySelector('ngo-survey-results').shadowRoot;
      const num = (s) => Number(s.replace(/\\s/g, '').replace(',', '.'));
      const all = (sel) => [...root.querySelectorAll(sel)];
      return {
        charts: all('svg[role="img"]').map((svg) => svg.getAttribute('aria-labelledby').split(' ').map((id) => root.getElementById(id)?.textContent ?? '').join(' ').trim()),
        bars: all('#h-sections ~ .chart-box rect.bar').map((b) => Number(b.getAttribute('data-value'))),
        tableBars: all('#t-sections tbody td').map((td) => td.textContent.trim()).filter((t) => /^\\d/.test(t)).map(num),
        gaps: all('g.gap').map((g) => [Number(g.dataset.a), Number(g.dataset.b), ...[...root.querySelector('#t-gap tr[data-key="' + g.dataset.key + '"]').querySelectorAll('td')].slice(0, 2).map((td) => num(td.textContent))]),
        trendPoints: all('g.point[data-series="index"]').map((p) => Number(p.dataset.value)),
        trendRow: all('#t-trend tr[data-key="index"] td').map((td) => num(td.textContent)),
        suppressedBars: all('rect.bar-suppressed').length,
        suppressedCells: all('#t-sections td').filter((td) => td.textContent.includes('n < 5')).length,
      };
    })()`)) as { charts: string[]; bars: number[]; tableBars: number[]; gaps: number[][]; trendPoints: number[]; trendRow: number[]; suppressedBars: number; suppressedCells: number };
    assert.equal(check.charts.length, 3, 'three charts');
    for (const alt of check.charts) assert.ok(alt.length > 60, `a chart's text alternative: ${alt}`);
    assert.ok(check.bars.length > 10);
    assert.deepEqual(check.bars, check.tableBars);
    assert.ok(check.gaps.length > 10);
    for (const [a, b, ta, tb] of check.gaps) assert.deepEqual([a, b], [ta, tb]);
    assert.equal(check.trendPoints.length, 2);
    assert.deepEqual(check.trendPoints, check.trendRow);
    // A suppressed cell is a placeholder in the chart and "n < 5" in the table, never a 0.
    assert.equal(check.suppressedBars, check.suppressedCells);
  });
});
