import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { mountWidget, runWidgetBaseTests, useRealApi, waitFor } from '../core/testing.js';
import type { NgoGuide } from './guide.element.js';
import './guide.js';

// Everything talks to the real test API (scripts/widget-test-api.ts), seeded with the guide's first edition.
const root = (el: NgoGuide) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: NgoGuide, sel: string) => root(el).querySelector<E & HTMLElement>(sel);
const $$ = <E extends Element = HTMLElement>(el: NgoGuide, sel: string) => [...root(el).querySelectorAll<E & HTMLElement>(sel)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focusedId = (el: NgoGuide) => root(el).activeElement?.id ?? 'nothing';
const title = (el: NgoGuide) => text($(el, '#view-title'));

async function mount(attrs: Record<string, string> = {}, width = 1280) {
  await setViewport({ width, height: 900 });
  return mountWidget<NgoGuide>('ngo-guide', { lang: 'pl', ...attrs });
}
const contents = (el: NgoGuide) => waitFor(() => $$(el, '.chapter').length > 0, 'the contents');
const linkTo = (el: NgoGuide, label: string) => waitFor(() => $$<HTMLAnchorElement>(el, 'a').find((a) => text(a) === label), `a link “${label}”`);

useRealApi();

runWidgetBaseTests<NgoGuide>('ngo-guide', {
  realApi: true,
  ready: (el) => el.shadowRoot!.querySelectorAll('.chapter').length > 0,
  texts: { pl: 'Spis treści', en: 'Contents', uk: 'Зміст' },
  misconfigured: { attrs: { topic: 'podatki' }, warning: 'topic="podatki" is not an advice topic' },
  widths: [360, 1280],
});

describe('<ngo-guide>', function (this: { timeout(ms: number): unknown }) {
  this.timeout(30_000);
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('shows the contents and the journeys, and opens an article in force today with its dates', async () => {
    const el = await mount();
    await contents(el);
    expect($$(el, '.chapter h3').map(text)).to.deep.equal(['Formy współpracy', 'Dotacje: konkursy i małe granty', 'Inicjatywa lokalna', 'Konsultacje i dialog', 'Gdzie szukać pomocy']);
    expect($$(el, '.card a').map(text)).to.include('Która forma wsparcia pasuje do mojego projektu?');
    const opened = oneEvent(el, 'ngo-select');
    (await linkTo(el, 'Małe granty (art. 19a)')).click();
    expect((await opened).detail).to.deep.equal({ id: 'male-granty', name: 'Małe granty (art. 19a)' });
    await waitFor(() => title(el) === 'Małe granty (art. 19a)', 'the article');
    expect(focusedId(el)).to.equal('view-title');
    expect(text($(el, '.dates'))).to.include('Obowiązuje od 1 stycznia 2026');
    // The deadline callout, rendered by the server, with its label.
    expect(text($(el, '.body blockquote.callout-deadline'))).to.match(/^Termin Miasto publikuje ofertę na 7 dni/);
    expect($$(el, '.crumbs li').map(text)).to.deep.equal(['Poradnik', 'Dotacje: konkursy i małe granty', 'Małe granty (art. 19a)']);
    expect($(el, '.crumbs li:last-child')!.getAttribute('aria-current')).to.equal('page');
  });

  it('finds what a person types without Polish letters, with the matched words marked, and says how many', async () => {
    const el = await mount({ 'sync-url': '' });
    await contents(el);
    const q = $<HTMLInputElement>(el, '#q')!;
    q.focus();
    await sendKeys({ type: 'wklad mieszkancow' });
    await waitFor(() => $$(el, '.results li').length > 0, 'results as one types');
    expect(new URLSearchParams(location.search).get('ngo-guide-q')).to.equal('wklad mieszkancow');
    const first = $$(el, '.results li')[0]!;
    expect(text(first.querySelector('a'))).to.equal('Wkład mieszkańców w inicjatywę lokalną');
    const marks = $$(el, '.results li:first-child mark').map(text);
    expect(marks).to.include('mieszkańców');
    expect(marks.some((m) => /^wkład/i.test(m)), marks.join()).to.equal(true);
    await waitFor(() => text($(el, '[role="status"]')).match(/^\d+ wynik/), 'the count in the live region');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focusedId(el) === 'view-title', 'the focus on the results heading');
    // Inflected forms find the same article.
    q.value = '';
    q.focus();
    await sendKeys({ type: 'dotacji' });
    await waitFor(() => $$(el, '.results a').some((a) => text(a) === 'Powierzenie i wspieranie: jak Miasto finansuje zadania publiczne'), 'the article for “dotacji”');
  });

  it('shows an earlier version, what changed, and a missing translation in Polish marked as such', async () => {
    const el = await mount({ article: 'male-granty' });
    await waitFor(() => $(el, '#version'), 'the versions');
    const select = $<HTMLSelectElement>(el, '#version')!;
    expect([...select.options].map((o) => o.text)).to.deep.equal(['od 1 stycznia 2026 (obowiązuje dziś)', 'od 1 stycznia 2025']);
    $<HTMLButtonElement>(el, 'button[aria-controls="diff"]')!.click();
    await waitFor(() => $$(el, '#diff ins').length > 0, 'the diff');
    expect($$(el, '#diff ins').map(text).join(' ')).to.include('20 000 zł w roku kalendarzowym');
    expect(text($(el, '#diff ins .ngo-sr'))).to.equal('dodano:');
    select.value = select.options[1]!.value;
    $<HTMLFormElement>(el, '.version-pick')!.requestSubmit();
    await waitFor(() => text($(el, '.note')).includes('To jest wersja z 1 stycznia 2025'), 'the earlier version');
    expect(text($(el, '.body'))).to.not.include('20 000 zł');

    // Today's text is in Ukrainian; the superseded 2025 version was never translated, so it comes in Polish, marked as such.
    const uk = await mount({ article: 'male-granty', lang: 'uk' });
    await waitFor(() => title(uk) === 'Малі гранти (ст. 19a)', 'the Ukrainian article');
    const ukSelect = $<HTMLSelectElement>(uk, '#version')!;
    ukSelect.value = ukSelect.options[1]!.value;
    $<HTMLFormElement>(uk, '.version-pick')!.requestSubmit();
    await waitFor(() => title(uk) === 'Małe granty (art. 19a)', 'the Polish fallback');
    expect($(uk, '#view-title')!.getAttribute('lang')).to.equal('pl');
    expect($(uk, '.body')!.getAttribute('lang')).to.equal('pl');
    expect($$(uk, '.note').map(text)).to.include('Ця стаття ще не перекладена. Показуємо польську версію.');
  });

  it('takes its heading levels from heading-level (the article body’s too), and leaves out the contents’ title with no-heading', async () => {
    const el = await mount({ 'heading-level': '3' });
    await contents(el);
    expect($(el, '#view-title')!.localName).to.equal('h3');
    expect($(el, '.contents-title')!.localName).to.equal('h4');
    expect(new Set($$(el, '.contents-title ~ .chapter > :first-child').map((h) => h.localName))).to.deep.equal(new Set(['h4']));
    (await linkTo(el, 'Małe granty (art. 19a)')).click();
    await waitFor(() => title(el) === 'Małe granty (art. 19a)', 'the article');
    expect($(el, '#view-title')!.localName).to.equal('h3');
    const body = $$(el, '.body h1, .body h2, .body h3, .body h4, .body h5, .body h6').map((h) => h.localName);
    expect(body.length).to.be.greaterThan(0);
    expect(body.every((tag) => Number(tag[1]) >= 4)).to.equal(true, `article body headings ${body.join(',')} below the h3 title`);
    await expect(el).to.be.accessible();

    const bare = await mount({ 'no-heading': '' });
    await contents(bare);
    expect($(bare, '#view-title')).to.equal(null);
    expect($(bare, '.contents-title')!.localName).to.equal('h3');
    (await linkTo(bare, 'Małe granty (art. 19a)')).click();
    await waitFor(() => title(bare) === 'Małe granty (art. 19a)', 'the article, which keeps its title');
    $<HTMLAnchorElement>(bare, '.crumbs li:first-child a')!.click();
    await contents(bare);
    await waitFor(() => focusedId(bare) === 'guide-intro', 'focus on the introduction, not on <body>');
    await expect(bare).to.be.accessible();
  });

  it('opens a link to another article inside the widget, and takes presets: one article without search, one topic', async () => {
    const el = await mount({ article: 'formy-wspolpracy', 'no-search': '' });
    await waitFor(() => $(el, '.body a[data-guide-article="male-granty"]'), 'the article link');
    expect($(el, '#q')).to.equal(null);
    $(el, '.body a[data-guide-article="male-granty"]')!.click();
    await waitFor(() => title(el) === 'Małe granty (art. 19a)', 'the linked article');

    const topic = await mount({ topic: 'podatki-ksiegowosc' });
    await contents(topic);
    expect($$(topic, '.articles a').map(text)).to.deep.equal(['Jak przygotować ofertę', 'Umowa i sprawozdanie', 'Gdzie szukać pomocy']);
  });

  it('walks a smart answer by keyboard to its outcome, and Back returns to the question before', async () => {
    const el = await mount({ 'sync-url': '' });
    await contents(el);
    (await linkTo(el, 'Która forma wsparcia pasuje do mojego projektu?')).click();
    await waitFor(() => $(el, '#question-title'), 'the first question');
    // Without a choice, "Next" says what is missing.
    $<HTMLButtonElement>(el, '.question button[type="submit"]')!.click();
    await waitFor(() => text($(el, '#answer-error')) === 'Wybierz odpowiedź.', 'the missing answer');
    $<HTMLInputElement>(el, 'input[name="answer"]')!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text($(el, '#question-title')) === 'Czy potrzebujesz pieniędzy z budżetu Miasta?', 'the second question');
    expect(focusedId(el)).to.equal('question-title');
    $<HTMLInputElement>(el, 'input[name="answer"]')!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text($(el, '#question-title')).startsWith('Czy zadanie kosztuje do 10 000 zł'), 'the third question');
    $<HTMLInputElement>(el, 'input[name="answer"]')!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => $(el, '#outcome-title'), 'the outcome');
    expect(text($(el, '#outcome-title'))).to.equal('Podpowiedź: Mały grant (art. 19a)');
    expect(focusedId(el)).to.equal('outcome-title');
    expect(new URLSearchParams(location.search).get('ngo-guide-answers')).to.equal('0.0.0');
    expect($$(el, '.trail li').length).to.equal(3);
    history.back();
    await waitFor(() => text($(el, '#question-title')).startsWith('Czy zadanie kosztuje do 10 000 zł'), 'the question before, after Back');
  });

  it('sends "was this helpful?" with a comment through the anti-abuse kit', async () => {
    const el = await mount({ article: 'jak-przygotowac-oferte' });
    await waitFor(() => $(el, 'input[name="helpful"]'), 'the feedback form');
    $<HTMLInputElement>(el, 'input[name="helpful"][value="yes"]')!.click();
    await waitFor(() => $(el, '#comment'), 'the comment');
    $<HTMLTextAreaElement>(el, '#comment')!.value = 'Przydatna lista.';
    $(el, '#comment')!.dispatchEvent(new InputEvent('input'));
    const sent = oneEvent(el, 'ngo-submitted');
    $<HTMLButtonElement>(el, '.feedback button[type="submit"]')!.click();
    expect((await sent).detail.kind).to.equal('feedback');
    await waitFor(() => text($(el, '.feedback-done')) === 'Dziękujemy za opinię.', 'the thanks');
  });

  it('keeps an unsent feedback comment as a draft of its article: back after a reload (a remount), gone once sent', async () => {
    const article = 'jak-przygotowac-oferte';
    const first = await mount({ article });
    await waitFor(() => $(first, 'input[name="helpful"]'), 'the feedback form');
    $<HTMLInputElement>(first, 'input[name="helpful"][value="no"]')!.click();
    await waitFor(() => $(first, '#comment'), 'the comment');
    $<HTMLTextAreaElement>(first, '#comment')!.value = 'Brakuje przykładu kosztorysu.';
    $(first, '#comment')!.dispatchEvent(new InputEvent('input'));
    expect(localStorage.getItem(`ngo-draft:ngo-guide/feedback/${article}`)).to.contain('Brakuje przykładu kosztorysu.');
    first.remove();
    const again = await mount({ article });
    await waitFor(() => $<HTMLTextAreaElement>(again, '#comment')?.value === 'Brakuje przykładu kosztorysu.', 'the comment back');
    expect($<HTMLInputElement>(again, 'input[name="helpful"][value="no"]')!.checked).to.equal(true);
    const sent = oneEvent(again, 'ngo-submitted');
    $<HTMLButtonElement>(again, '.feedback button[type="submit"]')!.click();
    await sent;
    expect(localStorage.getItem(`ngo-draft:ngo-guide/feedback/${article}`)).to.equal(null);
  });
});
