import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Answers, Instrument } from '../../common/surveys.js';
import { DraftStateSchema, EditionDetailSchema, InstrumentSchema, ResponseReceivedSchema, toInstrument } from '../../common/surveys.schema.js';
import { forgetDrafts } from '../core/form-state.js';
import { failure, mountWidget, runWidgetBaseTests, stubFetch, typed, waitFor, type Call, type FetchStub } from '../core/testing.js';
import type { DraftState, EditionDetail } from './surveys.api.js';
import type { NgoSurvey } from './surveys.element.js';
import { pagesOf } from './surveys.element.js';
import './surveys.js';

// The shipped instrument, normalised by the schema as the API serves it.
const instrument: Instrument = toInstrument(InstrumentSchema.parse(await (await fetch(new URL('../../common/surveys.lijw.json', import.meta.url))).json()));

const summary = {
  survey: 'lijw',
  slug: '2026',
  status: 'open',
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2027-01-31T23:00:00.000Z',
  periodFrom: '2025-11-01',
  periodTo: '2026-10-31',
  instrumentVersion: 1,
  published: false,
  serverTime: '2026-12-02T10:00:00.000Z',
} as const;
const edition = (over: Partial<EditionDetail> = {}): EditionDetail =>
  typed(EditionDetailSchema, { ...summary, title: { pl: 'Badanie jakości współpracy 2026', en: 'Cooperation quality survey 2026', uk: 'Опитування про якість співпраці 2026' }, instrument, lastYear: null, ...over });

const root = (el: NgoSurvey) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: NgoSurvey, sel: string) => root(el).querySelector<E & HTMLElement>(sel);
const $$ = <E extends Element = HTMLElement>(el: NgoSurvey, sel: string) => [...root(el).querySelectorAll<E & HTMLElement>(sel)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focused = (el: NgoSurvey) => {
  const a = root(el).activeElement;
  return !a ? 'nothing' : a.id ? `${a.localName}#${a.id}` : `${a.localName}${[...a.classList].map((c) => `.${c}`).join('')}`;
};

/** A stubbed survey API: the draft kept in `saved`, the submission in `sent`. */
function surveyApi(o: { draft?: Answers; group?: DraftState['group']; draftError?: Response; submitError?: Response; edition?: Partial<EditionDetail>; resumable?: boolean } = {}) {
  const state = { saved: o.draft ?? ({} as Answers), sent: null as Call | null };
  const stub = stubFetch((c) => {
    if (c.pathname === '/v1/surveys/lijw/responses/draft') {
      if (o.draftError) return o.draftError.clone();
      if (c.method === 'PUT') {
        state.saved = c.body.answers;
        return { saved: true };
      }
      return typed(DraftStateSchema, { edition: summary, group: o.group ?? 'ngo', answers: state.saved, resumable: o.resumable ?? true });
    }
    if (c.pathname === '/v1/surveys/lijw/editions/2026') return edition(o.edition);
    if (c.pathname === '/v1/surveys/lijw/responses' && c.method === 'POST') {
      state.sent = c;
      return o.submitError ? o.submitError.clone() : typed(ResponseReceivedSchema, { received: true, edition: '2026', group: o.group ?? 'ngo' });
    }
    return undefined;
  });
  return { stub, state };
}

async function mount(o: { lang?: string; token?: string; link?: string; width?: number } = {}): Promise<NgoSurvey> {
  await setViewport({ width: o.width ?? 1280, height: 900 });
  return mountWidget<NgoSurvey>('ngo-survey', { lang: o.lang ?? 'pl', ...(o.link ? { link: o.link } : { token: o.token ?? 'tok-123' }) });
}

const started = async (el: NgoSurvey) => {
  const start = await waitFor(() => $(el, '#start'), 'the start button');
  start.click();
  await waitFor(() => $(el, '#page-title'), 'the first page');
};
const next = async (el: NgoSurvey) => {
  $<HTMLButtonElement>(el, 'form.page button[type=submit]')!.click();
  await el.updateComplete;
};
const choose = async (el: NgoSurvey, item: string, value: string) => {
  const input = $<HTMLInputElement>(el, `input[name="q-${item}"][value="${value}"]`);
  if (!input) throw new Error(`no option ${value} of ${item}`);
  input.click();
  await el.updateComplete;
};
const pageTitle = (el: NgoSurvey) => text($(el, '#page-title'));

describe('<ngo-survey>', () => {
  let api: ReturnType<typeof surveyApi>;
  afterEach(() => {
    api?.stub.restore();
    forgetDrafts();
  });

  it('shows the edition, the group and the period, then one section per page with progress', async () => {
    api = surveyApi();
    const el = await mount();
    await waitFor(() => $(el, '#start'), 'the intro');
    expect(text($(el, '#survey-title'))).to.equal('Badanie jakości współpracy 2026');
    expect(text($(el, '.intro'))).to.include('Odpowiadasz jako: Organizacje pozarządowe.');
    expect(text($(el, '.intro'))).to.include('od 1 listopada 2025 do 31 października 2026');
    expect(api.stub.calls[0]!.path).to.equal('/v1/surveys/lijw/responses/draft?token=tok-123');
    expect(text($(el, '.intro'))).to.not.include('Co zmieniło się');
    await started(el);
    const total = pagesOf(instrument, 'ngo', {}).length + 1;
    expect(pageTitle(el)).to.equal(instrument.sections[0]!.title.pl);
    expect(text($(el, '.progress span'))).to.equal(`Krok 1 z ${total}`);
    expect($<HTMLProgressElement>(el, 'progress')!.value).to.equal(1);
    expect(focused(el)).to.equal('h3#page-title');
    // Only the first section's items are on the page.
    expect($$(el, '[data-item]').map((i) => i.dataset.item)).to.deep.equal(instrument.sections[0]!.items.map((i) => i.id));
  });

  it('does not move on while a required question is unanswered: a focused summary links to it', async () => {
    api = surveyApi();
    const el = await mount();
    await started(el);
    await next(el);
    const summary = await waitFor(() => $(el, '.ngo-error-summary'), 'the error summary');
    await waitFor(() => focused(el) === 'div.ngo-error-summary', 'focus on the summary');
    expect(text(summary)).to.include('Na tej stronie jest 1 problem');
    const link = summary.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('#q-overall_rating');
    expect(text($(el, '[data-item="overall_rating"] .ngo-error'))).to.equal('Odpowiedz na to pytanie.');
    expect(pageTitle(el)).to.equal(instrument.sections[0]!.title.pl);
    link.click();
    expect(focused(el)).to.equal('input#q-overall_rating');
    await choose(el, 'overall_rating', '4');
    expect($(el, '[data-item="overall_rating"] .ngo-error')).to.equal(null);
  });

  it('shows follow-up questions when their condition holds, and drops their answers when it no longer does', async () => {
    api = surveyApi();
    const el = await mount();
    await started(el);
    await choose(el, 'overall_rating', '4');
    await next(el);
    await waitFor(() => pageTitle(el) === instrument.sections[1]!.title.pl, 'section A');
    expect($(el, '[data-item="a_forms"]')).to.equal(null);
    await choose(el, 'a_cooperated', 'yes');
    expect($(el, '[data-item="a_forms"]')).to.not.equal(null);
    await choose(el, 'a_forms', 'other');
    await waitFor(() => $(el, '[data-item="a_forms_other"]'), 'the "other" text field');
    await choose(el, 'a_cooperated', 'no');
    expect($(el, '[data-item="a_forms"]')).to.equal(null);
    await next(el);
    await waitFor(() => pageTitle(el) === instrument.sections[2]!.title.pl, 'section B');
    // The saved draft has no answer to a question that is hidden now.
    await waitFor(() => api.state.saved.a_cooperated === 'no', 'the draft saved on leaving the page');
    expect(api.state.saved).to.not.have.property('a_forms');
  });

  it('saves the draft on request and resumes it after a reload where the answers stop', async () => {
    api = surveyApi();
    let el = await mount();
    await started(el);
    await choose(el, 'overall_rating', '2');
    const change = instrument.sections[0]!.items[1]!;
    if (change.type !== 'single') throw new Error('overall_change is a single choice');
    await choose(el, 'overall_change', change.options[0]!.id);
    $<HTMLButtonElement>(el, 'button.save')!.click();
    await waitFor(() => text($(el, '[role="status"]')).includes('Odpowiedzi zapisano'), 'the saved message');
    const put = api.stub.writes().find((c) => c.method === 'PUT')!;
    expect(put.body.token).to.equal('tok-123');
    expect(put.body.answers.overall_rating).to.equal(2);
    el.remove();

    // A reload: a new widget with the same token.
    el = await mount();
    await waitFor(() => $(el, '#start'), 'the intro');
    expect(text($(el, '#start'))).to.equal('Kontynuuj ankietę');
    expect(text($(el, '.intro'))).to.include('Masz zapisane odpowiedzi');
    await started(el);
    expect(pageTitle(el)).to.equal(instrument.sections[1]!.title.pl);
    $<HTMLButtonElement>(el, 'form.page button.ngo-secondary')!.click(); // back
    await waitFor(() => pageTitle(el) === instrument.sections[0]!.title.pl, 'the first page again');
    expect($<HTMLInputElement>(el, 'input[name="q-overall_rating"][value="2"]')!.checked).to.equal(true);
  });

  it('reviews every answer, lets a part be changed, and sends once with the token', async () => {
    const answers: Answers = { overall_rating: 4, a_cooperated: 'no', b_information: 'hard_to_say', b_paperwork: 2, p_paid_staff: 3 };
    api = surveyApi({ draft: answers });
    const el = await mount();
    await started(el);
    // Everything answered up to the profile: resume at the first page without answers.
    const pages = pagesOf(instrument, 'ngo', answers);
    const firstEmpty = pages.find((p) => !p.items.some((i) => i.id in answers))!;
    expect(pageTitle(el)).to.equal(firstEmpty.section.title.pl);
    // Walk to the review.
    for (let guard = 0; guard < pages.length && !$(el, '#review-title'); guard++) await next(el);
    await waitFor(() => $(el, '#review-title'), 'the review page');
    expect(focused(el)).to.equal('h3#review-title');
    const review = text($(el, '[part="review"]'));
    expect(review).to.include('4 – ');
    expect(review).to.include(instrument.scales.agree!.hardToSay.pl);
    expect(review).to.include('bez odpowiedzi');
    // Change a part: back on its page, then on to the review again.
    const change = $$(el, '.review-section button')[2]!;
    change.click();
    await waitFor(() => pageTitle(el) === pages[2]!.section.title.pl, 'the page of the part to change');
    await choose(el, 'b_information', '5');
    for (let guard = 0; guard < pages.length && !$(el, '#review-title'); guard++) await next(el);
    await waitFor(() => $(el, '#review-title'), 'the review page again');
    const submitted = oneEvent(el, 'ngo-submitted');
    $<HTMLButtonElement>(el, '#submit')!.click();
    const ev = (await submitted) as CustomEvent;
    expect(ev.detail).to.deep.equal({ kind: 'survey', id: '2026', status: 'received' });
    await waitFor(() => $(el, '#done-title'), 'the thank-you message');
    expect(focused(el)).to.equal('h3#done-title');
    const sent = api.state.sent!;
    expect(sent.body).to.deep.equal({ token: 'tok-123', lang: 'pl', answers: { ...answers, b_information: 5 } });
    expect(api.stub.writes().filter((c) => c.method === 'POST')).to.have.length(1);
  });

  it('shows what changed since last year: the previous edition’s recommendations and their status', async () => {
    api = surveyApi({
      edition: {
        lastYear: {
          edition: '2025',
          recommendations: [
            { id: 'r1', edition: '2025', section: 'b', text: 'Uprościć rozliczanie małych dotacji.', owner: 'Wydział Polityki Społecznej', deadline: '2026-06-30', status: 'done', statusNote: 'Nowy wzór sprawozdania od marca.' },
          ],
        },
      },
    });
    const el = await mount({ lang: 'en' });
    const box = await waitFor(() => $(el, '.last-year'), 'the last year box');
    expect(text(box.querySelector('h3'))).to.equal('What has changed since the previous edition (2025)');
    expect(text(box)).to.include('Uprościć rozliczanie małych dotacji.');
    expect(text(box)).to.include('Status: done – Nowy wzór sprawozdania od marca.');
    expect(text(box)).to.include(instrument.sections.find((x) => x.id === 'b')!.title.en);
  });

  it('answers through an open link: no saving for later, the submission carries the link and the anti-abuse proof', async () => {
    api = surveyApi({ draft: { overall_rating: 5, a_cooperated: 'no' }, resumable: false });
    const el = await mount({ link: 'open-key' });
    await started(el);
    expect(api.stub.calls[0]!.path).to.equal('/v1/surveys/lijw/responses/draft?link=open-key');
    expect($(el, 'button.save')).to.equal(null);
    for (let guard = 0; guard < 10 && !$(el, '#review-title'); guard++) await next(el);
    await waitFor(() => $(el, '#review-title'), 'the review page');
    expect(api.stub.writes().filter((c) => c.method === 'PUT')).to.have.length(0);
    $<HTMLButtonElement>(el, '#submit')!.click();
    await waitFor(() => $(el, '#done-title'), 'the thank-you message');
    const sent = api.state.sent!;
    expect(sent.body.link).to.equal('open-key');
    expect(sent.body).to.not.have.property('token');
    expect(sent.body.abuse.website).to.equal('');
    expect(sent.body.abuse.altcha).to.be.a('string');
    expect(sent.headers['Idempotency-Key']).to.match(/^[0-9a-f]{32}$/);
  });

  it('keeps an open link’s answers as a draft on this device: restored after a reload with a notice, cleared on request and once sent', async () => {
    api = surveyApi({ resumable: false });
    let el = await mount({ link: 'open-key' });
    await started(el);
    await choose(el, 'overall_rating', '2');
    const key = Object.keys(localStorage).find((k) => k.startsWith('ngo-draft:ngo-survey/'));
    expect(key).to.equal('ngo-draft:ngo-survey/lijw/2026/ngo/link');
    expect(JSON.parse(localStorage.getItem(key!)!).values.answers).to.deep.equal({ overall_rating: 2 });
    expect(api.stub.writes()).to.have.length(0); // nothing goes to the server before sending
    el.remove();

    // A reload: the draft comes back with a notice, and the survey resumes where the answers stop.
    el = await mount({ link: 'open-key' });
    const notice = await waitFor(() => $(el, '.ngo-draft'), 'the draft notice');
    // What is kept, where, for how long and how to discard it; nothing about a name or an e-mail address (a survey asks for none).
    expect(text(notice)).to.match(/^Witamy ponownie! Zachowaliśmy Twoje odpowiedzi z .+, więc możesz kontynuować tam, gdzie przerwano\./);
    expect(text(notice)).to.include('tylko w tej przeglądarce, na tym urządzeniu');
    expect(text(notice)).to.include('po wysłaniu albo po 30 dniach');
    expect(text(notice)).to.not.include('e-mail');
    expect(text($(el, '.ngo-draft button'))).to.equal('Usuń zapisane odpowiedzi');
    expect(text($(el, '#start'))).to.equal('Kontynuuj ankietę');
    await expect(el).to.be.accessible();
    await started(el);
    expect(pageTitle(el)).to.equal(instrument.sections[1]!.title.pl);
    $<HTMLButtonElement>(el, '#back')!.click();
    await waitFor(() => pageTitle(el) === instrument.sections[0]!.title.pl, 'the first page again');
    expect($<HTMLInputElement>(el, 'input[name="q-overall_rating"][value="2"]')!.checked).to.equal(true);
    $<HTMLButtonElement>(el, '#back')!.click();
    await waitFor(() => $(el, '#start'), 'the intro again');
    $<HTMLButtonElement>(el, '.ngo-draft button')!.click(); // "Delete saved answers"
    await waitFor(() => !$(el, '.ngo-draft'), 'the notice gone');
    await waitFor(() => focused(el) === 'button#start', 'focus on Start, not on <body>');
    expect(text($(el, '#start'))).to.equal('Rozpocznij ankietę');
    expect(localStorage.getItem(key!)).to.equal(null);
    await started(el);
    expect($<HTMLInputElement>(el, 'input[name="q-overall_rating"]:checked')).to.equal(null);

    // Answered again and sent: the draft is gone.
    await choose(el, 'overall_rating', '4');
    expect(localStorage.getItem(key!)).to.not.equal(null);
    await next(el);
    await waitFor(() => pageTitle(el) === instrument.sections[1]!.title.pl, 'section A');
    await choose(el, 'a_cooperated', 'no');
    for (let guard = 0; guard < 10 && !$(el, '#review-title'); guard++) await next(el);
    await waitFor(() => $(el, '#review-title'), 'the review page');
    $<HTMLButtonElement>(el, '#submit')!.click();
    await waitFor(() => $(el, '#done-title'), 'the thank-you message');
    expect(api.state.sent!.body.answers.overall_rating).to.equal(4);
    expect(localStorage.getItem(key!)).to.equal(null);
    el.remove();
    el = await mount({ link: 'open-key' });
    await waitFor(() => $(el, '#start'), 'the intro');
    expect($(el, '.ngo-draft')).to.equal(null);
  });

  it('says “answers kept” in the page’s language (uk): what, where, how long, how to discard', async () => {
    api = surveyApi({ resumable: false });
    let el = await mount({ link: 'open-key', lang: 'uk' });
    await started(el);
    await choose(el, 'overall_rating', '5');
    el.remove();
    el = await mount({ link: 'open-key', lang: 'uk' });
    const notice = await waitFor(() => $(el, '.ngo-draft'), 'the draft notice');
    expect(text(notice)).to.match(/^Вітаємо знову! Ми зберегли ваші відповіді від .+, тож ви можете продовжити з того місця, де зупинилися\./);
    expect(text(notice)).to.include('лише в цьому браузері, на цьому пристрої');
    expect(text(notice)).to.include('після надсилання або через 30 днів');
    expect(text(notice.querySelector('button'))).to.equal('Видалити збережені відповіді');
  });

  it('keeps no local draft with an invitation token (the server keeps its answers)', async () => {
    api = surveyApi();
    const el = await mount();
    await started(el);
    await choose(el, 'overall_rating', '3');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('ngo-draft:'))).to.deep.equal([]);
  });

  it('takes its heading levels from heading-level, and leaves out its title with no-heading', async () => {
    api = surveyApi();
    await setViewport({ width: 1280, height: 900 });
    let el = await mountWidget<NgoSurvey>('ngo-survey', { lang: 'pl', token: 'tok-123', 'heading-level': '3' });
    await waitFor(() => $(el, '#start'), 'the intro');
    expect($(el, '#survey-title')!.localName).to.equal('h3');
    await started(el);
    expect($(el, '#page-title')!.localName).to.equal('h4');
    el.remove();
    el = await mountWidget<NgoSurvey>('ngo-survey', { lang: 'pl', token: 'tok-123', 'heading-level': '2', 'no-heading': '' });
    await started(el);
    expect($(el, '#survey-title')).to.equal(null);
    expect($(el, '#page-title')!.localName).to.equal('h3');
    $<HTMLButtonElement>(el, '#back')!.click();
    await waitFor(() => focused(el) === 'button#start', 'focus on Start when there is no title to focus');
    await expect(el).to.be.accessible();
  });

  const blocked: [string, Response, string][] = [
    ['a used invitation', failure(409, 'survey_token_used'), 'została już wypełniona z tego zaproszenia'],
    ['an expired invitation', failure(410, 'survey_token_expired'), 'To zaproszenie wygasło'],
    ['a closed edition', failure(409, 'survey_closed'), 'Ankieta jest już zamknięta'],
    ['an edition not open yet', failure(409, 'survey_not_open', { opensAt: '2027-03-01T08:00:00.000Z' }), 'Ankieta jeszcze się nie rozpoczęła. Zajrzyj ponownie od 1 mar 2027'],
    ['an unknown link', failure(404, 'link_invalid'), 'Link do ankiety jest nieprawidłowy'],
  ];
  for (const [what, res, message] of blocked) {
    it(`says so clearly for ${what}`, async () => {
      api = surveyApi({ draftError: res });
      const el = await mount();
      const notice = await waitFor(() => $(el, '#blocked'), 'the notice');
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(text(notice)).to.include(message);
      expect($(el, '#start')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('tells that the invitation was used when the submission finds it so', async () => {
    api = surveyApi({ draft: { overall_rating: 3, a_cooperated: 'no' }, submitError: failure(409, 'survey_token_used') });
    const el = await mount({ lang: 'uk' });
    await started(el);
    for (let guard = 0; guard < 10 && !$(el, '#review-title'); guard++) await next(el);
    await waitFor(() => $(el, '#review-title'), 'the review page');
    $<HTMLButtonElement>(el, '#submit')!.click();
    const notice = await waitFor(() => $(el, '#blocked'), 'the notice');
    expect(text(notice)).to.include('За цим запрошенням опитування вже заповнено');
    await waitFor(() => focused(el) === 'div#blocked', 'focus on the notice');
  });

  it('can be answered with the keyboard alone: arrows choose a point, Enter moves on', async () => {
    api = surveyApi();
    const el = await mount({ width: 360 });
    await waitFor(() => $(el, '#start'), 'the intro');
    $(el, '#start')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focused(el) === 'h3#page-title', 'focus on the page title');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('input#q-overall_rating');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[name="q-overall_rating"]:checked')!.value).to.equal('3');
    await sendKeys({ press: 'Enter' }); // submits the page's form
    await waitFor(() => pageTitle(el) === instrument.sections[1]!.title.pl, 'section A');
    expect(focused(el)).to.equal('h3#page-title');
    const base = $(el, '[part="base"]')!;
    expect(base.scrollWidth).to.be.at.most(360);
  });
});

let baseStub: FetchStub | undefined;
runWidgetBaseTests<NgoSurvey>('ngo-survey', {
  attrs: { token: 'tok-123' },
  widths: [360, 1280],
  setup: () => {
    baseStub = surveyApi().stub;
    return () => baseStub?.restore();
  },
  ready: (el) => el.shadowRoot?.querySelector('#start'),
  texts: { pl: 'Rozpocznij ankietę', en: 'Start the survey', uk: 'Почати опитування' },
  misconfigured: { attrs: { token: '' }, warning: 'token is missing' },
});
