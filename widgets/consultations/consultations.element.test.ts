import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { formatDateTime } from '../core/i18n/index.js';
import { runWidgetBaseTests, useRealApi, waitFor } from '../core/testing.js';
import './consultations.js';
import type { ConsultationDetail, ConsultationSummary, PublicRemark } from './consultations.api.js';
import type { NgoConsultation } from './consultations.element.js';
import { remaining } from './consultations.time.js';

// These tests talk to the real API: web-test-runner proxies /v1 to scripts/widget-test-api.ts, a
// migrated SQLite database with the demo consultations (open, closed, closed and reported, planned)
// and `widget-test-post` (open to everyone, post-moderated, no confirmation link). The test API
// asks for a tiny proof of work and no minimum fill time.

const api = async <T>(path: string): Promise<T> => (await fetch(path)).json() as Promise<T>;
const root = (el: NgoConsultation) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: NgoConsultation, sel: string) => root(el).querySelector<E & HTMLElement>(sel);
const $$ = <E extends Element = HTMLElement>(el: NgoConsultation, sel: string) => [...root(el).querySelectorAll<E & HTMLElement>(sel)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** `h4#form-title`: failing focus assertions print this instead of a whole element. */
const focused = (el: NgoConsultation) => {
  const a = root(el).activeElement;
  return a ? `${a.localName}${a.id ? `#${a.id}` : ''}${[...a.classList].map((c) => `.${c}`).join('')}` : 'nothing';
};

let all: ConsultationSummary[];
let open: ConsultationDetail;
let reported: ConsultationDetail;
let planned: ConsultationDetail;
const byTitle = (part: string) => all.find((c) => c.title.includes(part))!;

useRealApi();
before(async () => {
  all = (await api<{ items: ConsultationSummary[] }>('/v1/consultations?status=open,planned,closed,reported')).items;
  const detail = (part: string) => api<ConsultationDetail>(`/v1/consultations/${byTitle(part).id}`);
  [open, reported, planned] = await Promise.all([detail('Rocznego programu współpracy'), detail('mikrograntów'), detail('przyjazny seniorom')]);
});

async function mount(o: { id?: string; lang?: string; width?: number; district?: string; confirm?: string; wait?: boolean } = {}) {
  await setViewport({ width: o.width ?? 1280, height: 900 });
  const el = await fixture<NgoConsultation>(html`<ngo-consultation
    lang=${o.lang ?? 'pl'}
    api-base=${location.origin}
    consultation=${o.id ?? ''}
    district=${o.district ?? ''}
    confirm=${o.confirm ?? ''}
  ></ngo-consultation>`);
  if (o.id && !o.confirm && o.wait !== false) await waitFor(() => $(el, '#title') && $(el, '#remarks-title, .note'), 'the consultation');
  return el;
}

const unitIndex = (c: ConsultationDetail, label: string) => c.units.findIndex((u) => u.label === label);

function fill(el: NgoConsultation, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function openDocumentForm(el: NgoConsultation) {
  $(el, '#comment-doc')!.click();
  await waitFor(() => $(el, '#form-title'), 'the form');
}

runWidgetBaseTests<NgoConsultation>('ngo-consultation', {
  attrs: () => ({ consultation: open.id }),
  ready: (el) => $(el, '#title') && $$(el, '.remark').length,
  texts: { pl: 'Trwają', en: 'Open', uk: 'Тривають' },
  misconfigured: { attrs: { district: '99' }, warning: 'district="99" is not 1–18' },
  widths: [360, 1280],
});

describe('<ngo-consultation>', () => {
  it('shows the header, a Comment button per unit and for the whole document, and the remarks', async () => {
    const el = await mount({ id: open.id, width: 360 });
    await waitFor(() => $$(el, '.remark').length, 'remarks');
    expect(text($(el, '#title'))).to.equal(open.title);
    expect(text($(el, '[part="badge"]'))).to.equal('Trwają');
    expect($$(el, '[part="comment-button"]')).to.have.length(open.units.length + 1);
  });

  it('is accessible with the remark form open', async () => {
    const el = await mount({ id: open.id, width: 360 });
    await openDocumentForm(el);
    await expect(el).to.be.accessible();
  });

  it('is accessible as a list', async () => {
    const list = await mount({ lang: 'uk', width: 360 });
    await waitFor(() => $$(list, '[part="item"]').length, 'the list');
    await expect(list).to.be.accessible();
  });

  it('is accessible in a reported consultation', async () => {
    const past = await mount({ id: reported.id, lang: 'en' });
    await waitFor(() => $$(past, '.answer').length, 'answers');
    await expect(past).to.be.accessible();
  });

  it('shows the header: subject, unit, legal basis, goal, Warsaw dates, audience, attachments, and the days left', async () => {
    const el = await mount({ id: open.id });
    const header = text($(el, 'header'));
    for (const part of [open.subject, open.unitName, open.legalBasis, open.goal, formatDateTime('pl', open.startsAt), formatDateTime('pl', open.endsAt)]) {
      expect(header).to.include(part);
    }
    expect(header).to.include('Uwagi zgłaszają organizacje pozarządowe i grupy nieformalne.');
    expect(header).to.include('cały Kraków');
    const link = $<HTMLAnchorElement>(el, 'header a')!;
    expect(link.href).to.equal(open.attachments[0]!.url);
    expect(text(link)).to.equal(open.attachments[0]!.title);
    const left = remaining(open.endsAt, Date.parse(open.serverTime))!;
    expect(left.unit).to.equal('days');
    expect(text($(el, 'header .row strong'))).to.match(new RegExp(`^Zosta(ł|ły|ło) ${left.count} dn(i|ia|zień)$`));
  });

  it('counts the time left on the server clock, not the visitor’s', async () => {
    const realNow = Date.now;
    // The visitor's clock is 40 days fast: the consultation would look closed by it.
    Date.now = () => realNow() + 40 * 86_400_000;
    try {
      const el = await mount({ id: open.id });
      expect(text($(el, '[part="badge"]'))).to.equal('Trwają');
      const { serverTime } = await api<ConsultationDetail>(`/v1/consultations/${open.id}`);
      const left = remaining(open.endsAt, Date.parse(serverTime))!;
      expect(text($(el, 'header .row strong'))).to.match(new RegExp(` ${left.count} dn`));
      expect($(el, '#comment-doc')).to.not.equal(null);
    } finally {
      Date.now = realNow;
    }
  });

  it('lists the units with their remark counts', async () => {
    const el = await mount({ id: open.id });
    const items = $$(el, '.units > li');
    expect(items).to.have.length(open.units.length);
    open.units.forEach((u, i) => {
      expect(text(items[i]!.querySelector('.label'))).to.equal(u.label);
      expect(items[i]!.querySelector('.text')!.textContent).to.equal(u.text);
    });
    const commented = unitIndex(open, '§ 2 ust. 2');
    expect(open.units[commented]!.remarkCount).to.equal(1);
    expect(text(items[commented]!.querySelector('button.ngo-secondary'))).to.equal('Pokaż 1 uwagę (§ 2 ust. 2)');
    expect(text(items[unitIndex(open, '§ 1')]!.querySelector('.muted'))).to.equal('Brak uwag');
    // "Show 1 remark" filters the remarks to that unit and moves there.
    items[commented]!.querySelector<HTMLButtonElement>('button.ngo-secondary')!.click();
    await waitFor(() => focused(el) === 'h3#remarks-title' && $$(el, '.remark').length === 1 && !$(el, '[aria-busy="true"]'), 'the filtered remarks');
    expect(text($(el, '.remark h4'))).to.equal('Uwaga do: § 2 ust. 2');
    expect($<HTMLSelectElement>(el, '#f-unit')!.value).to.equal(open.units[commented]!.id);
  });

  it('opens the form from a unit with Enter, prefilled with its wording, and Escape returns focus to the unit', async () => {
    const el = await mount({ id: open.id });
    const i = unitIndex(open, '§ 2 ust. 1');
    const button = $(el, `#comment-${i}`)!;
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focused(el) === 'h4#form-title', 'focus on the form heading');
    expect(text($(el, '[part="form"] p'))).to.equal('Dotyczy: § 2 ust. 1');
    expect($<HTMLTextAreaElement>(el, '#currentWording')!.value).to.equal(open.units[i]!.text);
    expect($<HTMLTextAreaElement>(el, '#justification')!.value).to.equal('');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !$(el, '#form-title'), 'the form to close');
    await waitFor(() => focused(el) === `button#comment-${i}`, 'focus back on the unit');
  });

  it('checks the form on submit: summary focused, errors in text linked to fields, nothing sent', async () => {
    const el = await mount({ id: open.id });
    await openDocumentForm(el);
    let submits = 0;
    el.addEventListener('ngo-submit', () => submits++);
    fill(el, 'justification', 'Za krótko');
    fill(el, 'contactEmail', 'nie-adres');
    $(el, 'button[type="submit"]')!.click();
    await waitFor(() => focused(el) === 'div.ngo-error-summary', 'focus on the error summary');
    const links = $$<HTMLAnchorElement>(el, '.ngo-error-summary a').map((a) => [a.getAttribute('href'), text(a)]);
    expect(links).to.deep.equal([
      ['#justification', 'Uzasadnienie: Uzasadnienie musi mieć co najmniej 10 znaków.'],
      ['#authorType-ngo', 'Zgłaszam jako: Wybierz, w czyim imieniu zgłaszasz uwagę.'],
      ['#contactName', 'Imię i nazwisko: To pole jest wymagane.'],
      ['#contactEmail', 'E-mail: Wpisz poprawny adres e-mail, np. jan.kowalski@example.pl.'],
      ['#consent', 'Aby wysłać, zaznacz zgodę.'],
    ]);
    expect(text($(el, '.ngo-error-summary h4'))).to.equal('Formularz zawiera 5 błędów');
    await expect(el).to.be.accessible();
    const email = $(el, '#contactEmail')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, `#${email.getAttribute('aria-describedby')!.split(' ').pop()}`))).to.equal('Wpisz poprawny adres e-mail, np. jan.kowalski@example.pl.');
    // An NGO-only consultation offers only the author types it accepts.
    expect($$<HTMLInputElement>(el, 'input[name="authorType"]').map((r) => r.value)).to.deep.equal(['ngo', 'informal_group']);
    // Organisation authors must name the organisation.
    $(el, '#authorType-ngo')!.click();
    await el.updateComplete;
    $<HTMLAnchorElement>(el, '.ngo-error-summary a')!.click();
    expect(focused(el)).to.equal('textarea#justification');
    $(el, 'button[type="submit"]')!.click();
    await waitFor(() => $$(el, '.ngo-error-summary a').some((a) => a.getAttribute('href') === '#organisationName'), 'the organisation error');
    expect(submits).to.equal(0);
  });

  it('sends a real remark and says to confirm it by e-mail', async () => {
    const el = await mount({ id: open.id });
    const i = unitIndex(open, '§ 1');
    $(el, `#comment-${i}`)!.click();
    await waitFor(() => $(el, '#form-title'), 'the form');
    fill(el, 'proposedWording', 'Przyjmuje się Roczny program współpracy na rok 2027, zwany dalej „Programem”, wraz z harmonogramem.');
    $(el, '#justification')!.focus();
    await sendKeys({ type: 'Harmonogram ułatwi organizacjom planowanie.' });
    $(el, '#authorType-ngo')!.click();
    await el.updateComplete;
    fill(el, 'organisationName', 'Fundacja Testowa Widżetu');
    fill(el, 'krs', '0000123456');
    fill(el, 'contactName', 'Ala Testowa');
    fill(el, 'contactEmail', 'ala.testowa@example.org');
    $(el, '#consent')!.click();
    const submit = oneEvent(el, 'ngo-submit');
    const submitted = oneEvent(el, 'ngo-submitted');
    $(el, 'button[type="submit"]')!.click();
    const before = (await submit) as Event & { detail: { kind: string; consultation: string } };
    expect(before.cancelable).to.equal(true);
    expect(before.detail).to.deep.equal({ kind: 'remark', consultation: open.id });
    const after = (await submitted) as Event & { detail: { kind: string; id: string; status: string } };
    expect(after.detail.status).to.equal('unconfirmed');
    await waitFor(() => focused(el) === 'div#done', 'focus on the confirmation');
    expect(text($(el, '#done h4'))).to.equal('Dziękujemy!');
    expect(text($(el, '#done p'))).to.equal(
      'Wysłaliśmy wiadomość na adres ala.testowa@example.org. Kliknij link w wiadomości, aby potwierdzić uwagę. Bez potwierdzenia uwaga nie zostanie rozpatrzona ani opublikowana.',
    );
    // Unconfirmed remarks are not public.
    const { items } = await api<{ items: PublicRemark[] }>(`/v1/consultations/${open.id}/remarks`);
    expect(items.map((r) => r.organisationName)).to.not.include('Fundacja Testowa Widżetu');
  });

  it('lets the host page cancel sending', async () => {
    const el = await mount({ id: 'widget-test-post' });
    await openDocumentForm(el);
    const why = 'Uzasadnienie wysłane dopiero za drugim razem.';
    fill(el, 'justification', why);
    $(el, '#authorType-resident')!.click();
    fill(el, 'contactName', 'Ola Testowa');
    fill(el, 'contactEmail', 'ola@example.org');
    $(el, '#consent')!.click();
    let canceled = 0;
    el.addEventListener('ngo-submit', (e) => (e.preventDefault(), canceled++), { once: true });
    let sent = 0;
    el.addEventListener('ngo-submitted', () => sent++);
    $(el, 'button[type="submit"]')!.click();
    // ngo-submit fires before anything is sent; canceled, the form stays as it was.
    expect(canceled).to.equal(1);
    await el.updateComplete;
    expect(sent).to.equal(0);
    expect($(el, '#done')).to.equal(null);
    expect($<HTMLButtonElement>(el, 'button[type="submit"]')!.disabled).to.equal(false);
    // Sent again without the host's veto, the remark exists once: the canceled attempt never left.
    $(el, 'button[type="submit"]')!.click();
    await waitFor(() => $(el, '#done'), 'the confirmation');
    expect(sent).to.equal(1);
    const { items } = await api<{ items: PublicRemark[] }>('/v1/consultations/widget-test-post/remarks');
    expect(items.filter((r) => r.justification === why)).to.have.length(1);
  });

  it('publishes a remark at once under post-moderation, and renders script and HTML in it as text', async () => {
    const el = await mount({ id: 'widget-test-post', lang: 'en' });
    const detail = await api<ConsultationDetail>('/v1/consultations/widget-test-post');
    $(el, '#comment-0')!.click();
    await waitFor(() => $(el, '#form-title'), 'the form');
    expect(text($(el, '[part="notice"]'))).to.include('The controller of your personal data is the Mayor of the City of Kraków'); // the default: this one has none
    fill(el, 'proposedWording', '<script>window.__pwned=1</script>');
    fill(el, 'justification', '<img src=x onerror="window.__pwned=2"> <b>bold?</b>');
    $(el, '#authorType-resident')!.click();
    await el.updateComplete;
    expect($(el, '#organisationName')).to.equal(null);
    fill(el, 'contactName', 'Jan Testowy');
    fill(el, 'contactEmail', 'jan.testowy@example.org');
    $(el, '#consent')!.click();
    $(el, 'button[type="submit"]')!.click();
    await waitFor(() => focused(el) === 'div#done', 'focus on the confirmation');
    expect(text($(el, '#done p'))).to.equal('Your remark is now visible in the list of remarks.');
    const remark = await waitFor(() => $$(el, '.remark').find((r) => r.textContent!.includes('window.__pwned=1')), 'the published remark');
    expect(text(remark)).to.include('<script>window.__pwned=1</script>');
    expect(text(remark)).to.include('<img src=x onerror="window.__pwned=2"> <b>bold?</b>');
    expect(text(remark.querySelector('.meta'))).to.match(/^Resident · /);
    expect(text(remark)).to.not.include('Jan Testowy');
    expect(remark.querySelector('script, img, b')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await waitFor(() => text($(el, '.units > li .ngo-secondary')) === `Show 1 remark (${detail.units[0]!.label})`, 'the count to update');
    // Close returns focus to the unit's button.
    $$(el, '[part="form"] button').at(-1)!.click();
    await waitFor(() => focused(el) === 'button#comment-0', 'focus back on the unit');
  });

  it('sends a support for a published remark', async () => {
    const el = await mount({ id: open.id, lang: 'uk' });
    const remark = await waitFor(() => $$(el, '.remark')[0], 'remarks');
    const button = remark.querySelector<HTMLButtonElement>('button')!;
    expect(text(button)).to.equal('Підтримати це зауваження');
    button.click();
    await waitFor(() => focused(el) === 'h4#form-title', 'focus on the support form');
    expect($(el, '#justification')).to.equal(null);
    fill(el, 'organisationName', 'Fundacja Wspierająca');
    fill(el, 'contactName', 'Olena Testowa');
    fill(el, 'contactEmail', 'olena@example.org');
    $(el, '#consent')!.click();
    const submitted = oneEvent(el, 'ngo-submitted');
    $(el, '[part="form"] button[type="submit"]')!.click();
    const ev = (await submitted) as Event & { detail: { kind: string; status: string } };
    expect(ev.detail).to.include({ kind: 'support', status: 'unconfirmed' });
    await waitFor(() => focused(el) === 'div#done', 'focus on the confirmation');
    expect(text($(el, '#done'))).to.include('olena@example.org');
  });

  it('is read-only after the close, with the answers, filters by decision and links to the report', async () => {
    const el = await mount({ id: reported.id });
    await waitFor(() => $$(el, '.remark').length === 4, 'the remarks');
    expect($$(el, '[part="comment-button"], form, input[type="radio"]')).to.have.length(0);
    expect($$(el, '.remark button')).to.have.length(0);
    expect(text($(el, '[part="badge"]'))).to.equal('Opublikowano sprawozdanie');
    expect(text($(el, 'header'))).to.include(`Konsultacje zakończyły się ${formatDateTime('pl', reported.endsAt)}.`);
    const links = $$<HTMLAnchorElement>(el, 'header a').map((a) => [text(a), a.href]);
    expect(links).to.deep.equal([
      ['Sprawozdanie (strona do druku)', `${location.origin}/v1/consultations/${reported.id}/report?format=html&lang=pl`],
      ['Sprawozdanie (arkusz CSV)', `${location.origin}/v1/consultations/${reported.id}/report?format=csv&lang=pl`],
      ['Sprawozdanie (dokument Word)', `${location.origin}/v1/consultations/${reported.id}/report?format=docx&lang=pl`],
    ]);
    const report = await fetch(links[0]![1]!);
    expect(report.status).to.equal(200);
    expect(report.headers.get('content-type')).to.match(/^text\/html/);
    const docx = await fetch(links[2]![1]!);
    expect(docx.status).to.equal(200);
    expect(docx.headers.get('content-type')).to.equal('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers.get('content-disposition')).to.match(/^attachment; filename="sprawozdanie-konsultacje-\d{4}-\d{2}-\d{2}\.docx"/);
    const answered = $$(el, '.remark').find((r) => r.textContent!.includes('dwóch naborach'))!;
    expect(text(answered.querySelector('.answer'))).to.equal('Rozstrzygnięcie: Uwzględniona Odpowiedź: Uwaga uwzględniona: regulamin przewiduje dwa nabory.');
    expect(text(answered)).to.include('Poparcie');
    expect(text(answered)).to.include('Koło Gospodyń „Wesoła Przystań” (dane demonstracyjne)');
    const resident = $$(el, '.remark').find((r) => r.textContent!.includes('16. roku życia'))!;
    expect(text(resident.querySelector('.meta'))).to.match(/^Mieszkaniec\/mieszkanka · /);
    const decision = $<HTMLSelectElement>(el, '#f-decision')!;
    decision.value = 'accepted';
    decision.dispatchEvent(new Event('change'));
    await waitFor(() => $$(el, '.remark').length === 1, 'the filtered remarks');
    expect(text($(el, '[role="status"]'))).to.equal('Wyświetlono 1 uwagę.');
    expect(text($(el, '.remark .answer'))).to.include('Uwzględniona');
  });

  it('links the report in the widget’s language', async () => {
    const el = await mount({ id: reported.id, lang: 'uk' });
    expect($$<HTMLAnchorElement>(el, 'header a').map((a) => new URL(a.href).searchParams.get('lang'))).to.deep.equal(['uk', 'uk', 'uk']);
    expect(text($(el, 'header'))).to.include('Звіт (таблиця CSV)');
    expect(text($(el, 'header'))).to.include('Звіт (документ Word)');
  });

  it('shows a planned consultation without forms, with the time until it starts', async () => {
    const el = await mount({ id: planned.id });
    const until = remaining(planned.startsAt, Date.parse(planned.serverTime))!;
    expect(text($(el, 'header .row strong'))).to.match(new RegExp(`^Rozpoczną się za ${until.count} dn`));
    expect(text($(el, 'header'))).to.include(`Uwagi można zgłaszać od ${formatDateTime('pl', planned.startsAt)}.`);
    expect($$(el, '[part="comment-button"]')).to.have.length(0);
    expect($(el, '#remarks-title')).to.equal(null);
  });

  it('lists current consultations with a district preset and opens one inside the widget', async () => {
    const el = await mount({ district: '12' });
    const items = await waitFor(() => ($$(el, '[part="item"]').length ? $$(el, '[part="item"]') : null), 'the list');
    expect(items.map((b) => text(b))).to.deep.equal([open.title, planned.title, reported.title]);
    expect($$(el, 'h3').map((h) => text(h))).to.deep.equal(['Trwają', 'Zaplanowane', 'Zakończone niedawno']);
    expect(text($(el, '[role="status"]'))).to.equal('Znaleziono 3 konsultacje.');
    // District V's consultation is not listed for district XII; without a preset it is.
    expect(items.map((b) => text(b))).to.not.include('Konsultacje testowe widżetu z publikacją od razu');
    const city = await mount({});
    await waitFor(() => $$(city, '[part="item"]').some((b) => text(b) === 'Konsultacje testowe widżetu z publikacją od razu'), 'the whole list');

    items[2]!.focus();
    const selected = oneEvent(el, 'ngo-select');
    await sendKeys({ press: 'Enter' });
    const ev = (await selected) as Event & { detail: { id: string; name: string } };
    expect(ev.detail).to.deep.equal({ id: reported.id, name: reported.title });
    await waitFor(() => focused(el) === 'h2#title', 'focus on the consultation title');
    expect(el.consultation).to.equal('');
    $(el, 'button.back')!.click();
    await waitFor(() => focused(el) === 'a#item-2.link', 'focus back on the list item');
  });

  it('asks before confirming a remark from the e-mailed link, and says when the link is dead', async () => {
    let submits = 0;
    const el = await mount({ id: open.id, confirm: 'x'.repeat(43) });
    el.addEventListener('ngo-submit', () => submits++);
    await waitFor(() => $(el, '#confirm-title'), 'the confirmation panel');
    expect(text($(el, '#confirm-title'))).to.equal('Potwierdź swoją uwagę');
    await waitFor(() => $(el, '#title'), 'the consultation below');
    // Nothing is sent until the person presses the button (mail scanners open links).
    expect(submits).to.equal(0);
    $(el, '[part="confirm"] button')!.click();
    await waitFor(() => focused(el) === 'h2#confirm-title', 'focus on the outcome');
    expect(submits).to.equal(1);
    expect(text($(el, '#confirm-title'))).to.equal('Link jest nieprawidłowy lub wygasł.');
    expect(text($(el, '[part="confirm"]'))).to.include('zgłoś uwagę ponownie');
  });

  it('warns once and says so visibly for an unknown consultation', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const el = await mount({ id: 'no-such-consultation', wait: false });
      await waitFor(() => $(el, '[role="alert"]'), 'the message');
      expect(text($(el, '[role="alert"]'))).to.equal('Ten widżet jest nieprawidłowo skonfigurowany. Nie znaleziono konsultacji o podanym identyfikatorze.');
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings.filter((w) => w.startsWith('[ngo]'))).to.deep.equal(['[ngo] <ngo-consultation>: consultation "no-such-consultation" was not found']);
    } finally {
      console.warn = original;
    }
  });

  it("links an organisation's remark to its entry on the NGO map", async () => {
    const el = await mount({ id: 'widget-test-linked' });
    const link = await waitFor(() => el.shadowRoot!.querySelector<HTMLAnchorElement>('.remark .meta a'), 'the link to the map');
    expect(link.textContent).to.equal('Związek Testowy Widżetów');
    const url = new URL(link.href);
    expect(url.pathname).to.equal('/embed/map');
    const org = url.searchParams.get('org')!;
    const entry = await (await fetch(`/v1/map/organisations/${org}`)).json();
    expect(entry.name).to.equal('Związek Testowy Widżetów');
  });

  describe('every view has a URL (sync-url, issue 9 item 3)', () => {
    let start: string;
    beforeEach(() => {
      start = location.href;
    });
    afterEach(() => history.replaceState(null, '', start));

    async function mountSynced(search: string, lang = 'pl') {
      history.replaceState(null, '', `${location.pathname}${search}`);
      await setViewport({ width: 1280, height: 900 });
      return fixture<NgoConsultation>(html`<ngo-consultation sync-url lang=${lang} api-base=${location.origin} district="12"></ngo-consultation>`);
    }

    it('lists consultations as real links, opens one in place, and Back returns to the list with focus on it', async () => {
      const el = await mountSynced('?keep=1');
      const link = await waitFor(() => $$(el, 'a[part="item"]').find((a) => text(a) === reported.title), 'the list of links');
      const href = new URL(link.getAttribute('href')!);
      expect(href.searchParams.get('ngo-cons-id')).to.equal(reported.id);
      expect(href.searchParams.get('keep')).to.equal('1');
      // A Ctrl-click is the browser's (a new tab): the widget leaves it alone.
      const ctrl = new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true });
      link.dispatchEvent(ctrl);
      expect(ctrl.defaultPrevented).to.equal(false);
      expect(el.shadowRoot!.querySelector('#title')).to.equal(null);
      link.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => focused(el) === 'h2#title', 'the consultation, focused');
      expect(new URL(location.href).searchParams.get('ngo-cons-id')).to.equal(reported.id);
      history.back();
      await waitFor(() => focused(el) === 'a#item-2.link', 'the list again after Back, focus on the link');
      expect(new URL(location.href).searchParams.get('ngo-cons-id')).to.equal(null);
      expect(new URL(location.href).searchParams.get('keep')).to.equal('1');
    });

    it('opens the same view from a copied link: the consultation and a unit, focused', async () => {
      const unit = open.units[2]!;
      const el = await mountSynced(`?ngo-cons-id=${open.id}&ngo-cons-unit=${unit.id}`);
      await waitFor(() => root(el).activeElement?.getAttribute('data-unit') === unit.id, 'focus on the unit');
      expect(text(root(el).activeElement)).to.equal(unit.label);
      // Each unit has its own link, and following it names the unit in the URL.
      const other = open.units[0]!;
      const permalink = $$(el, 'a.permalink').find((a) => new URL(a.getAttribute('href')!).searchParams.get('ngo-cons-unit') === other.id)!;
      permalink.click();
      await waitFor(() => root(el).activeElement?.getAttribute('data-unit') === other.id, 'focus on the other unit');
      expect(new URL(location.href).searchParams.get('ngo-cons-unit')).to.equal(other.id);
    });

    it('opens a remark from its link, in a Ukrainian interface with the Polish texts marked lang=pl', async () => {
      const remark = (await api<{ items: PublicRemark[] }>(`/v1/consultations/${reported.id}/remarks`)).items.at(-1)!;
      const el = await mountSynced(`?ngo-cons-id=${reported.id}&ngo-cons-remark=${remark.id}`, 'uk');
      await waitFor(() => root(el).activeElement?.getAttribute('data-remark') === remark.id, 'focus on the remark');
      expect($(el, '#title')!.getAttribute('lang')).to.equal('pl');
      expect($(el, '[part="base"]')!.getAttribute('lang')).to.equal('uk');
      const article = root(el).activeElement!;
      for (const dd of article.querySelectorAll('dd')) expect(dd.getAttribute('lang')).to.equal('pl');
      expect(new URL(article.querySelector<HTMLAnchorElement>('a.permalink')!.href).searchParams.get('ngo-cons-remark')).to.equal(remark.id);
    });

    it('without sync-url, links point at the consultation’s own embed page', async () => {
      const el = await mount({ district: '12' });
      const link = await waitFor(() => $$(el, 'a[part="item"]')[0], 'the list');
      const href = new URL(link.getAttribute('href')!);
      expect(href.pathname).to.equal('/embed/consultations');
      expect(href.searchParams.get('ngo-cons-id')).to.equal(open.id);
      expect(href.searchParams.has('sync-url')).to.equal(true);
    });

    it('takes its heading levels from heading-level, and leaves out its title with no-heading', async () => {
      await setViewport({ width: 1280, height: 900 });
      const el = await fixture<NgoConsultation>(html`<ngo-consultation heading-level="3" no-heading lang="pl" api-base=${location.origin} district="12"></ngo-consultation>`);
      await waitFor(() => $$(el, 'a[part="item"]').length, 'the list');
      expect($$(el, 'h2, h3').map((h) => text(h))).to.not.include('Konsultacje');
      expect($$(el, 'h4').map((h) => text(h))).to.deep.equal(['Trwają', 'Zaplanowane', 'Zakończone niedawno']);
      const one = await mount({ id: open.id });
      expect($(one, '#title')!.localName).to.equal('h2');
      expect($(one, '[data-unit]')!.localName).to.equal('h4');
    });
  });
});

describe('paged public lists', () => {
  it('follows the cursor of every page: one item a page gives the list the widget shows, in its order', async () => {
    const { allPages } = await import('./consultations.api.js');
    const { request } = await import('../core/api.js');
    let pages = 0;
    const paged = await allPages((after) => {
      pages++;
      return request<{ items: ConsultationSummary[]; next: string | null }>(location.origin, `/v1/consultations?status=open,planned,closed,reported&limit=1${after && `&after=${after}`}`);
    });
    expect(paged.items.map((c) => c.id)).to.deep.equal(all.map((c) => c.id));
    expect(pages).to.equal(all.length);
    const remarks = (await api<{ items: PublicRemark[] }>(`/v1/consultations/${open.id}/remarks`)).items;
    expect(remarks.length).to.be.greaterThan(1);
    const pagedRemarks = await allPages((after) => request<{ items: PublicRemark[]; next: string | null }>(location.origin, `/v1/consultations/${open.id}/remarks?limit=1${after && `&after=${after}`}`));
    expect(pagedRemarks.items.map((r) => r.id)).to.deep.equal(remarks.map((r) => r.id));
  });
});
