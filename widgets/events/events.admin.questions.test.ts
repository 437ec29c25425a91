import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EventInput, StaffEventItem, StaffRegistrations } from '../../common/events.schema.js';
import type { AdminSession } from '../admin/admin.api.js';
import { failure, mountWidget, stubFetch, typed, waitFor, type FetchStub } from '../core/testing.js';
import { moveItem, questionControl, withKind } from './events.admin.questions.draft.js';
import './events.admin.js';
import type { NgoAdminEvents } from './events.admin.element.js';

/** The registration questions in the event editor (issue 12): add, edit, reorder by keyboard, remove; a saved question's type fixed. */
const session: AdminSession = { staff: { id: 'st1', email: 'moderator@krakow.pl', name: 'Maria Nowak', role: 'moderator', district: null }, csrfToken: 'csrf-1', sections: ['events'] };
const meal = { id: 'meal', kind: 'choice' as const, label: { pl: 'Posiłek', en: 'Meal' }, required: true, options: [{ id: 'wege', label: { pl: 'Wegetariański' } }, { id: 'std', label: { pl: 'Standardowy' } }] };
const krs = { id: 'krs', kind: 'text' as const, label: { pl: 'Numer KRS' } };
const input = typed(EventInput, {
  title: 'Forum NGO 2027', type: 'forum', start: '2027-05-15T10:00', end: '2027-05-15T16:00', organiser: { name: 'MOWIS' }, venue: { name: 'ICE Kraków', district: 8 },
  registrationMode: 'event', registration: { capacity: 30, questions: [meal, krs] },
});
const counts = { unconfirmed: 0, confirmed: 2, waiting: 0, offered: 0, cancelled: 0, expired: 0, capacity: 30, taken: 2, accessNeeds: { pjm: 0, stepFree: 0, inductionLoop: 0, quietRoom: 0, assistant: 0, largePrint: 0 } };
const listed = typed(StaffEventItem, {
  id: 'e1', title: input.title, description: '', translations: {}, type: 'forum', status: 'published', allDay: false,
  startsAt: '2027-05-15T08:00:00.000Z', endsAt: '2027-05-15T14:00:00.000Z', startLocal: '2027-05-15T10:00', endLocal: '2027-05-15T16:00',
  venue: { name: 'ICE Kraków', address: null, point: null, district: 8, accessibility: [] }, onlineUrl: null, organiser: { name: 'MOWIS', organisationId: null },
  languages: ['pl'], audience: [], free: true, priceNote: null, infoUrl: null, series: null,
  registration: { mode: 'event', capacity: 30, placesLeft: 30, waitingList: true, waiting: 0, deadline: null, open: true, questions: input.registration.questions, askAccessNeeds: true },
  sequence: 1, updatedAt: '2027-03-01T10:00:00.000Z', counts,
});

const person = (id: string, name: string, answers: Record<string, unknown>) => ({ id, name, email: `${id}@example.org`, organisation: null, status: 'confirmed' as const, queueNo: 1, offeredUntil: null, code: 'K7Q2M9', accessNeeds: [], accessNote: null, answers, skips: false, checkedInAt: null });
const registrations = typed(StaffRegistrations, {
  counts,
  items: [person('r1', 'Łucja Żółkiewska', { meal: 'wege', krs: '0000123456' }), person('r2', 'Jan Kowalski', { meal: 'ryba' })],
});

const root = (el: NgoAdminEvents) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: NgoAdminEvents, sel: string) => root(el).querySelector<T>(sel)!;
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const status = (el: NgoAdminEvents) => text($(el, '[part="status"]'));
const focused = (el: NgoAdminEvents) => root(el).activeElement as HTMLElement | null;
const order = (el: NgoAdminEvents) => [...root(el).querySelectorAll<HTMLInputElement>('.question-list > li input[id$="-label"]')].map((i) => i.value);
function fill(el: NgoAdminEvents, id: string, value: string) {
  const c = $<HTMLInputElement>(el, `#${id}`);
  c.value = value;
  c.dispatchEvent(new InputEvent('input', { bubbles: true }));
}
function choose(el: NgoAdminEvents, id: string, value: string) {
  const c = $<HTMLSelectElement>(el, `#${id}`);
  c.value = value;
  c.dispatchEvent(new Event('change', { bubbles: true }));
}
let api: FetchStub | undefined;

function stubStaff(saveAnswer?: () => Response) {
  api = stubFetch((c) => {
    if (c.method === 'GET' && c.pathname === '/v1/admin/events') return { items: [listed] };
    if (c.method === 'GET' && c.path === '/v1/admin/events/series') return { items: [] };
    if (c.method === 'GET' && c.path === '/v1/admin/events/e1') return { event: listed, input };
    if (c.method === 'PUT' && c.path === '/v1/admin/events/e1') return saveAnswer?.() ?? { id: 'e1', promoted: 0 };
    if (c.method === 'GET' && c.path === '/v1/admin/events/e1/registrations') return registrations;
    return undefined;
  });
  return api;
}

async function openStored(lang = 'pl') {
  const el = await mountWidget<NgoAdminEvents>('ngo-admin-events', { lang, 'api-base': location.origin }, { session });
  (await waitFor(() => root(el).querySelector<HTMLElement>('[data-id="e1"] .edit'), 'the events table')).click();
  await waitFor(() => root(el).querySelector('#q1-label'), 'the stored questions');
  return el;
}

const save = (el: NgoAdminEvents) => $(el, '.event-form button[type="submit"]').click();

describe('registration questions in the event editor', () => {
  afterEach(() => api?.restore());

  it('adds a choice with random ids, reorders by keyboard with the result announced, removes one, and saves them in order', async () => {
    const stub = stubStaff();
    const el = await openStored();
    expect(order(el)).to.deep.equal(['Posiłek', 'Numer KRS']);
    expect(text($(el, '#q0-legend'))).to.equal('Pytanie 1 z 2');
    $(el, '#question-add').click();
    await waitFor(() => focused(el)?.id === 'q2-label', 'focus on the new question');
    expect(status(el)).to.equal('Dodano pytanie 3.');
    fill(el, 'q2-label', 'Warsztat');
    fill(el, 'q2-label-uk', 'Майстерня');
    choose(el, 'q2-kind', 'choice');
    await waitFor(() => root(el).querySelector('#q2-o1'), 'two empty answers');
    fill(el, 'q2-o0', 'Finanse');
    fill(el, 'q2-o1', 'Wolontariat');
    $(el, '#q2-options .option-add').click();
    await waitFor(() => focused(el)?.id === 'q2-o2', 'focus on the new answer');
    fill(el, 'q2-o2', 'Nie wiem');
    $(el, '#q2-required').click();

    // Up twice by keyboard: focus stays on the moved question's button, its new place is announced.
    const up = root(el).querySelectorAll<HTMLElement>('.move-up')[2]!;
    up.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => status(el) === 'Pytanie „Warsztat” jest teraz 2. z 3.', 'the move announced');
    expect(order(el)).to.deep.equal(['Posiłek', 'Warsztat', 'Numer KRS']);
    expect(focused(el)?.closest('li')?.querySelector<HTMLInputElement>('input')?.value).to.equal('Warsztat');
    expect(focused(el)?.getAttribute('aria-label')).to.equal('W górę – pytanie 2');
    await sendKeys({ press: 'Space' });
    await waitFor(() => status(el) === 'Pytanie „Warsztat” jest teraz 1. z 3.', 'the second move announced');
    expect(order(el)).to.deep.equal(['Warsztat', 'Posiłek', 'Numer KRS']);
    expect(focused(el)?.getAttribute('aria-disabled')).to.equal('true');
    // At the top, up does nothing.
    await sendKeys({ press: 'Enter' });
    expect(order(el)).to.deep.equal(['Warsztat', 'Posiłek', 'Numer KRS']);

    $(el, '[data-q="meal"] .remove').click();
    await waitFor(() => status(el) === 'Usunięto pytanie „Posiłek”.', 'the removal announced');
    expect(order(el)).to.deep.equal(['Warsztat', 'Numer KRS']);
    expect(focused(el)?.matches('[data-q="krs"] fieldset.question')).to.equal(true);
    await expect(el).to.be.accessible();

    save(el);
    await waitFor(() => stub.calls.some((c) => c.method === 'PUT'), 'the save');
    const questions = (stub.calls.find((c) => c.method === 'PUT')!.body as { registration: { questions: { id: string; kind: string; required: boolean; label: Record<string, unknown>; options: { id: string; label: { pl: string } }[] }[] } }).registration.questions;
    expect(questions.map((q) => [q.kind, q.label.pl, q.required])).to.deep.equal([['choice', 'Warsztat', true], ['text', 'Numer KRS', false]]);
    expect(questions[0]!.id).to.match(/^q-[0-9a-f-]{36}$/);
    expect(questions[0]!.label).to.deep.equal({ pl: 'Warsztat', en: null, uk: 'Майстерня' });
    expect(questions[0]!.options.map((o) => o.label.pl)).to.deep.equal(['Finanse', 'Wolontariat', 'Nie wiem']);
    expect(new Set(questions[0]!.options.map((o) => o.id)).size).to.equal(3);
    for (const o of questions[0]!.options) expect(o.id).to.match(/^[0-9a-f-]{36}$/);
    expect(questions[1]).to.deep.include({ id: 'krs', options: [] });
  });

  it('names a faulty question in the summary, linked to its control, and sends nothing', async () => {
    const stub = stubStaff();
    const el = await openStored();
    $(el, '#question-add').click();
    await waitFor(() => root(el).querySelector('#q2-kind'), 'the new question');
    choose(el, 'q2-kind', 'multi');
    await waitFor(() => root(el).querySelector('#q2-o1'), 'two empty answers');
    $(el, '#q2-options [data-o] button.danger').click();
    // The saved meal question may not become a text.
    choose(el, 'q0-kind', 'text');
    save(el);
    await waitFor(() => focused(el)?.classList.contains('ngo-error-summary'), 'focus on the summary');
    expect([...root(el).querySelectorAll('.ngo-error-summary li')].map(text)).to.deep.equal([
      'Pytanie 1 – Rodzaj odpowiedzi: Rodzaju zapisanego pytania nie można zmienić. Przywróć poprzedni albo usuń pytanie i dodaj nowe.',
      'Pytanie 3 – Treść pytania (po polsku): To pole jest wymagane.',
      'Pytanie 3 – Odpowiedzi do wyboru: Podaj co najmniej dwie odpowiedzi do wyboru.',
      'Pytanie 3 – Odpowiedź 1 (po polsku): To pole jest wymagane.',
    ]);
    expect(text($(el, '#q0-kind-hint'))).to.equal('Rodzaju zapisanego pytania nie można zmienić: usuń je i dodaj nowe.');
    expect($(el, '#q0-kind').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    $<HTMLAnchorElement>(el, '.ngo-error-summary li:nth-child(3) a').click();
    expect(focused(el)?.id).to.equal('q2-options');
    expect(stub.calls.some((c) => c.method === 'PUT')).to.equal(false);
  });

  it('shows the server’s refusal of a type change at the question’s type', async () => {
    stubStaff(() => failure(422, 'validation_failed', { issues: [{ path: 'registration.questions.1.kind', code: 'immutable', message: 'A saved question keeps its type' }, { path: 'registration.questions.0.options.1.label.en', code: 'too_big', message: 'Too long' }] }));
    const el = await openStored('en');
    save(el);
    await waitFor(() => focused(el)?.classList.contains('ngo-error-summary'), 'the server’s issues');
    expect([...root(el).querySelectorAll('.ngo-error-summary li')].map(text)).to.deep.equal([
      'Question 2 – Answer type: A saved question’s type cannot change. Set it back, or remove the question and add a new one.',
      'Question 1 – Answer 2 in English: Invalid value.',
    ]);
    expect($(el, '#q1-kind').getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#q1-kind-error'))).to.include('cannot change');
  });

  it('shows each registrant’s answers in the registrations list, an option by its label', async () => {
    stubStaff();
    const el = await mountWidget<NgoAdminEvents>('ngo-admin-events', { lang: 'pl', 'api-base': location.origin }, { session });
    (await waitFor(() => root(el).querySelector<HTMLElement>('[data-id="e1"] .registrations'), 'the events table')).click();
    await waitFor(() => root(el).querySelector('[data-reg="r2"]'), 'the registrations');
    expect([...root(el).querySelectorAll<HTMLElement>('td.answers')].map((td) => td.innerText.split('\n').map((l) => l.trim()).filter(Boolean))).to.deep.equal([
      ['Posiłek: Wegetariański', 'Numer KRS: 0000123456'], ['Posiłek: (opcja usunięta)'],
    ]);
    expect([...root(el).querySelectorAll('thead th')].map(text)).to.include('Odpowiedzi');
    await expect(el).to.be.accessible();
  });

  for (const lang of ['en', 'uk']) {
    it(`is translated and accessible in ${lang}`, async () => {
      stubStaff();
      const el = await openStored(lang);
      const expected = lang === 'en' ? ['Question 1 of 2', 'Answers to choose from', 'Add a question', 'Up – question 1'] : ['Питання 1 з 2', 'Варіанти відповіді', 'Додати питання', 'Вгору – питання 1'];
      expect([text($(el, '#q0-legend')), text($(el, '#q0-options legend')), text($(el, '#question-add')), $(el, '.move-up').getAttribute('aria-label')]).to.deep.equal(expected);
      await expect(el).to.be.accessible();
    });
  }
});

describe('question drafts', () => {
  it('moves, changes kind and maps the server paths to controls', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).to.deep.equal(['c', 'a', 'b']);
    const q = withKind({ id: 'x', kind: 'text', label: { pl: 'X', en: null, uk: null }, required: false, options: [] }, 'choice');
    expect(q.options).to.have.length(2);
    expect(withKind(q, 'boolean').options).to.deep.equal([]);
    expect(withKind({ ...q, options: q.options.slice(0, 1) }, 'multi').options).to.have.length(1);
    expect(['registration.questions.2.kind', 'registration.questions.0.label.uk', 'registration.questions.1.options', 'registration.questions.1.options.3.label.pl', 'registration.questions.4', 'registration.capacity'].map(questionControl))
      .to.deep.equal(['q2-kind', 'q0-label-uk', 'q1-options', 'q1-o3', 'q4-label', undefined]);
  });
});
