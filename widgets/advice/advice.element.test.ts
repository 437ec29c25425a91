import { expect } from '@open-wc/testing';
import { AdviceAccepted, PublicSlot, StatusView, Topic } from '../../common/advice.schema.js';
import { failure, json, mountWidget, runWidgetBaseTests, stubFetch, typed, waitFor, type Call, type FetchStub } from '../core/testing.js';
import './advice.js';
import './advice-status.js';
import type { NgoAdviceForm } from './advice-form.element.js';
import type { NgoAdviceStatus } from './advice-status.element.js';
import { ta } from './advice.i18n.js';

const L = (pl: string, en: string, uk: string) => ({ pl, en, uk });
const TOPICS = [
  typed(Topic, { id: 'law', labels: L('Prawo', 'Law', 'Право'), explanation: L('Statut i KRS.', 'Statutes and KRS.', 'Статут і KRS.'), fields: [] }),
  typed(Topic, {
    id: 'grants', labels: L('Dotacje', 'Grants', 'Гранти'), explanation: L('Konkursy ofert.', 'Calls for offers.', 'Конкурси пропозицій.'),
    fields: [{ key: 'programme', type: 'text', required: true, labels: L('Program', 'Programme', 'Програма'), options: [] }, { key: 'amount', type: 'number', required: false, labels: L('Kwota', 'Amount', 'Сума'), options: [] }],
  }),
];
const SLOT = typed(PublicSlot, { id: 'slot-1', topicId: null, startsAt: '2030-03-04T09:00:00.000Z', endsAt: '2030-03-04T10:00:00.000Z', mode: 'in_person', address: 'ul. Reformacka 3' });
const CLAUSE = { pl: 'Administratorem danych jest Prezydent Miasta Krakowa.', en: 'The controller is the Mayor of Kraków.', uk: 'Контролер — Президент міста Кракова.' };
const ACCEPTED = typed(AdviceAccepted, { number: 'PD/2030/0042', status: 'new', uploadToken: 'u'.repeat(43), booking: null });
const TOKEN = 't'.repeat(43);

const status = (over: Partial<Parameters<typeof typed<typeof StatusView>>[1]> = {}) =>
  typed(StatusView, {
    number: 'PD/2030/0042', status: 'waiting_for_requester', topic: { id: 'grants', labels: TOPICS[1]!.labels }, organisationName: 'Fundacja Testowa', question: 'Jak rozliczyć dotację?',
    channel: 'email', createdAt: '2030-03-01T10:00:00.000Z', messages: [{ id: 'm1', author: 'staff', body: 'Proszę o statut.', createdAt: '2030-03-02T10:00:00.000Z' }],
    attachments: [{ id: 'f1', filename: 'wzor.pdf', contentType: 'application/pdf', size: 2048, messageId: 'm1', from: 'staff', createdAt: '2030-03-02T10:00:00.000Z' }],
    booking: null, satisfaction: null, canReply: true, canBook: true, canRate: false, attachmentsLeft: 10, ...over,
  });

function publicApi(extra: (c: Call) => Response | object | undefined = () => undefined): FetchStub {
  return stubFetch((c) => {
    const own = extra(c);
    if (own) return own;
    if (c.pathname === '/v1/advice/topics') return { items: TOPICS };
    if (c.pathname === '/v1/clauses/advice') return CLAUSE;
    if (c.pathname === '/v1/advice/slots') return { items: [SLOT] };
    if (c.pathname === '/v1/guide/search' || c.pathname === '/v1/events') return failure(404, 'not_found');
    return undefined;
  });
}

const $ = <E extends Element = HTMLElement>(el: HTMLElement, sel: string) => el.shadowRoot!.querySelector<E>(sel);
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
function type(el: HTMLElement, sel: string, value: string) {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, sel)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
function choose(el: HTMLElement, sel: string, value?: string) {
  const input = $<HTMLInputElement | HTMLSelectElement>(el, sel)!;
  if (input instanceof HTMLSelectElement) input.value = value!;
  else input.checked = true;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Everything a grants question needs but the slot and the consent (the topic is chosen, its fields shown). */
function fillRequest(el: HTMLElement) {
  type(el, '#f_programme', 'Małe granty');
  type(el, '#f_amount', '9500');
  type(el, '#orgName', 'Fundacja Testowa');
  choose(el, '#kind', 'ngo');
  type(el, '#contactName', 'Anna Kowalska');
  type(el, '#contactEmail', 'anna@example.org');
  type(el, '#question', 'Jak rozliczyć wkład własny w dotacji?');
}

runWidgetBaseTests<NgoAdviceForm>('ngo-advice-form', {
  setup: () => {
    const s = publicApi();
    return () => s.restore();
  },
  ready: (el) => $(el, '#topic-law'),
  texts: { pl: 'Czego dotyczy pytanie?', en: 'What is your question about?', uk: 'Чого стосується запитання?' },
  misconfigured: { attrs: { topic: 'astrology' }, warning: 'unknown topic "astrology"' },
  widths: [360, 1280],
});

describe('<ngo-advice-form>', () => {
  let api: FetchStub;
  afterEach(() => api?.restore());

  it('shows the topic fields of the chosen topic, names every problem in the summary, and sends the request', async () => {
    let posted: Call | undefined;
    api = publicApi((c) => (c.method === 'POST' && c.pathname === '/v1/advice/requests' ? ((posted = c), json(201, ACCEPTED)) : undefined));
    const el = await mountWidget<NgoAdviceForm>('ngo-advice-form', { lang: 'pl' });
    await waitFor(() => $(el, '#topic-grants'), 'the topics');
    expect($(el, '#f_programme')).to.equal(null);
    choose(el, '#topic-grants');
    await waitFor(() => $(el, '#f_programme'), 'the topic field');
    expect(text($(el, 'label[for="f_programme"]'))).to.include('Program');

    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    const summary = await waitFor(() => $(el, '.ngo-error-summary'), 'the error summary');
    await waitFor(() => el.shadowRoot!.activeElement === summary, 'focus on the summary');
    const lines = [...summary.querySelectorAll('li')].map(text);
    expect(lines[0]).to.include('Program');
    expect(lines.some((l) => l.includes('Nazwa organizacji'))).to.equal(true);
    expect($(el, '#f_programme')!.getAttribute('aria-invalid')).to.equal('true');
    expect(posted).to.equal(undefined);

    fillRequest(el);
    await waitFor(() => $(el, '#slotId option[value="slot-1"]'), 'the free slot');
    choose(el, '#slotId', 'slot-1');
    choose(el, '#consent');
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    const done = await waitFor(() => $(el, '#done'), 'the confirmation');
    expect(text(el.shadowRoot!.querySelector('.done'))).to.include('PD/2030/0042');
    expect(posted!.body).to.deep.include({ topic: 'grants', fields: { programme: 'Małe granty', amount: '9500' }, slotId: 'slot-1', channel: 'email', lang: 'pl', consent: true });
    expect(posted!.body.organisation).to.deep.equal({ name: 'Fundacja Testowa', krs: null, kind: 'ngo' });
    expect(posted!.body.abuse.altcha).to.be.a('string');
    expect(posted!.headers['Idempotency-Key']).to.match(/^[0-9a-f]{32}$/);
    await waitFor(() => el.shadowRoot!.activeElement === done, 'focus on the confirmation');
    await expect(el).to.be.accessible();
  });

  it('moves focus to the confirmation at once, while the files still upload, and says when they are sent', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    api = publicApi((c) => {
      if (c.method === 'POST' && c.pathname === '/v1/advice/requests') return json(201, ACCEPTED);
      if (c.method === 'POST' && c.pathname === '/v1/advice/status/attachments') return held.then(() => json(201, { id: 'f9', filename: 'statut.pdf', contentType: 'application/pdf', size: 9, messageId: null, from: 'requester', createdAt: '2030-03-01T10:00:00.000Z' }));
      return undefined;
    });
    const el = await mountWidget<NgoAdviceForm>('ngo-advice-form', { lang: 'pl' });
    await waitFor(() => $(el, '#topic-grants'), 'the topics');
    choose(el, '#topic-grants');
    await waitFor(() => $(el, '#f_programme'), 'the topic field');
    fillRequest(el);
    const input = $<HTMLInputElement>(el, '#files')!;
    const files = new DataTransfer();
    files.items.add(new File(['%PDF-1.4\n'], 'statut.pdf', { type: 'application/pdf' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    choose(el, '#consent');
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    const done = await waitFor(() => $(el, '#done'), 'the confirmation');
    await waitFor(() => el.shadowRoot!.activeElement === done, 'focus on the confirmation while the file uploads');
    expect(api.calls.some((c) => c.pathname === '/v1/advice/status/attachments')).to.equal(true);
    const region = $(el, '[role="status"]')!;
    expect(text(region)).to.not.equal(ta('pl', 'advice.status.sent'));
    release();
    await waitFor(() => text(region) === ta('pl', 'advice.status.sent'), 'the sent message');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#done'));
  });

  it('takes its title level from heading-level, and leaves the title out with no-heading', async () => {
    api = publicApi(() => undefined);
    const el = await mountWidget<NgoAdviceForm>('ngo-advice-form', { lang: 'pl', 'heading-level': '3' });
    await waitFor(() => $(el, '#topic-law'), 'the topics');
    expect(text($(el, 'h3.title'))).to.equal(text($(el, '.title')));
    expect($(el, 'h2')).to.equal(null);
    el.remove();
    const bare = await mountWidget<NgoAdviceForm>('ngo-advice-form', { lang: 'pl', 'no-heading': '' });
    await waitFor(() => $(bare, '#topic-law'), 'the topics');
    expect($(bare, '.title')).to.equal(null);
    await expect(bare).to.be.accessible();
  });

  it('shows the server\'s field errors at their fields and a taken slot above the form', async () => {
    api = publicApi((c) => (c.method === 'POST' ? failure(409, 'slot_taken') : undefined));
    const el = await mountWidget<NgoAdviceForm>('ngo-advice-form', { lang: 'en', topic: 'law' });
    await waitFor(() => $(el, '#orgName'), 'the form');
    type(el, '#orgName', 'Test NGO');
    choose(el, '#kind', 'ngo');
    type(el, '#contactName', 'Anna Kowalska');
    type(el, '#contactEmail', 'anna@example.org');
    type(el, '#question', 'A question long enough.');
    choose(el, '#consent');
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    const box = await waitFor(() => ($(el, '#form-error')?.textContent ? $(el, '#form-error') : null), 'the error');
    expect(text(box)).to.include('Someone has just booked this slot');
  });

  it('speaks the page language in the kit\'s parts too (the clause heading, the contact block)', async () => {
    api = publicApi(); // its own stub: it passed only on what the test before it left behind
    const el = await mountWidget<NgoAdviceForm>('ngo-advice-form', { lang: 'uk', topic: 'law' });
    const title = await waitFor(() => ($(el, '.ngo-clause')?.textContent?.includes('Контролер') ? $(el, '#ngo-clause-title') : null), 'the clause');
    expect(text(title)).to.equal('Інформаційне положення');
  });
});

runWidgetBaseTests<NgoAdviceStatus>('ngo-advice-status', {
  attrs: { token: TOKEN },
  setup: () => {
    const s = publicApi((c) => (c.pathname === '/v1/advice/status' ? status() : undefined));
    return () => s.restore();
  },
  ready: (el) => $(el, '.thread'),
  texts: { pl: 'Czeka na Twoją odpowiedź', en: 'Waiting for your reply', uk: 'Очікує на вашу відповідь' },
  misconfigured: { attrs: { token: '' }, warning: 'token is missing' },
  widths: [360, 1280],
});

describe('<ngo-advice-status>', () => {
  let api: FetchStub;
  afterEach(() => api?.restore());

  it('shows the thread and files as downloads, replies, and books a slot', async () => {
    let view = status();
    const writes: Call[] = [];
    api = publicApi((c) => {
      if (c.pathname === '/v1/advice/status') return view;
      if (c.method === 'POST') {
        writes.push(c);
        if (c.pathname.endsWith('/replies')) view = status({ status: 'in_progress', messages: [...view.messages, { id: 'm2', author: 'requester', body: 'Statut w załączeniu.', createdAt: '2030-03-03T10:00:00.000Z' }] });
        if (c.pathname.endsWith('/booking')) view = status({ canBook: false, booking: { slotId: 'slot-1', startsAt: SLOT.startsAt, endsAt: SLOT.endsAt, mode: 'in_person', address: SLOT.address, onlineUrl: null } });
        return json(201, c.pathname.endsWith('/booking') ? view.booking : { status: 'in_progress' });
      }
      return undefined;
    });
    const el = await mountWidget<NgoAdviceStatus>('ngo-advice-status', { lang: 'pl', token: TOKEN });
    await waitFor(() => $(el, '.thread'), 'the thread');
    expect(text($(el, '.thread'))).to.include('Proszę o statut.');
    const link = $<HTMLAnchorElement>(el, 'a[download]')!;
    expect(link.href).to.include(`/v1/advice/status/attachments/f1?token=${TOKEN}`);

    type(el, '#reply', 'Statut w załączeniu.');
    $<HTMLButtonElement>(el, 'form.reply button[type="submit"]')!.click();
    await waitFor(() => text($(el, '.thread')).includes('Statut w załączeniu.'), 'the reply in the thread');
    expect(writes[0]!.body).to.deep.equal({ token: TOKEN, body: 'Statut w załączeniu.', attachmentIds: [] });
    expect(text($(el, '[role="status"]'))).to.include('Wiadomość wysłana');

    await waitFor(() => $(el, '#slot option'), 'the free slots');
    $<HTMLButtonElement>(el, 'section[aria-labelledby="book-title"] button[type="submit"]')!.click();
    await waitFor(() => $(el, '#booking-title'), 'the booking');
    expect(writes[1]!.body).to.deep.equal({ token: TOKEN, slotId: 'slot-1' });
    expect(text($(el, 'section[aria-labelledby="booking-title"]'))).to.include('ul. Reformacka 3');
    await expect(el).to.be.accessible();
  });

  it('says a dead link is invalid, in the page language', async () => {
    api = publicApi((c) => (c.pathname === '/v1/advice/status' ? failure(404, 'link_invalid') : undefined));
    const el = await mountWidget<NgoAdviceStatus>('ngo-advice-status', { lang: 'uk', token: TOKEN });
    const alert = await waitFor(() => $(el, '[role="alert"]'), 'the alert');
    expect(text(alert)).to.include('Посилання');
  });
});
