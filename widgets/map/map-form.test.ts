import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Clause } from '../../common/clauses.schema.js';
import type { OrganisationInput } from '../../common/map.schema.js';
import { CHALLENGE_SALT as SALT, failure, json as reply, stubFetch, typed, waitFor as until, type Answer, type Call, type FetchStub } from '../core/testing.js';
import './map-form.js';
import type { AdminSession } from '../admin/admin.api.js';
import type { NgoMapForm } from './map-form.element.js';
import type { NgoPointPicker } from './point-picker.element.js';

/** The operator's clause, as `GET /v1/clauses/map` serves it. */
const CLAUSE = typed(Clause, {
  form: 'map',
  pl: 'Administratorem danych jest Prezydent Miasta Krakowa.\n\nSkargę można wnieść do PUODO.',
  en: 'The controller of your data is the Mayor of Kraków.\n\nYou may complain to PUODO.',
  uk: 'Контролером даних є Президент міста Кракова.\n\nСкаргу можна подати до PUODO.',
  updatedAt: null,
});

/** The fetch stub of these tests: the clause and the challenge as the server serves them, other requests to `route`. */
const stubApi = (route: (c: Call) => Answer | Promise<Answer>) =>
  stubFetch((c) => (c.pathname === '/v1/challenge' ? undefined : c.pathname === '/v1/clauses/map' ? CLAUSE : route(c)));
const posts = (api: FetchStub) => api.writes();

const q = <E extends HTMLElement = HTMLElement>(el: NgoMapForm, sel: string) => el.shadowRoot!.querySelector<E>(sel);
/** A short name for a node (`h2.title`, `input#nip`): failing assertions print it instead of serialising the element. */
const describeNode = (node: Element | null | undefined) => (node ? `${node.localName}${node.id ? `#${node.id}` : ''}${[...node.classList].map((c) => `.${c}`).join('')}` : 'nothing');
const focused = (el: NgoMapForm) => describeNode(el.shadowRoot!.activeElement);
const has = (el: NgoMapForm, sel: string) => el.shadowRoot!.querySelector(sel) !== null;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Types into a field with the real keyboard. */
async function typeInto(el: NgoMapForm, id: string, value: string) {
  q<HTMLInputElement>(el, `#${id}`)!.focus();
  await sendKeys({ type: value });
}

function choose(el: NgoMapForm, id: string, value: string) {
  const select = q<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Fills in the organisation's required fields (and a few optional ones). */
async function fillOrganisation(el: NgoMapForm) {
  await typeInto(el, 'name', 'Fundacja Testowa');
  choose(el, 'legalForm', 'fundacja');
  q(el, '#areas-education')!.click(); // opens the group
  await el.updateComplete;
  q(el, '#areas-kultura')!.click();
  q(el, '#districts-4')!.click(); // V. Krowodrza
  await typeInto(el, 'nip', '123-456-32-18');
  await typeInto(el, 'lon', '19,9372');
  await typeInto(el, 'lat', '50.0614');
  await typeInto(el, 'website', 'fundacja.example.org');
}

/** Fills in everything a new entry needs: the person's own path through the form. */
async function fillValid(el: NgoMapForm) {
  await fillOrganisation(el);
  await typeInto(el, 'contactName', 'Anna Nowak');
  await typeInto(el, 'contactEmail', 'anna@example.org');
  q(el, '#consent')!.click();
  await el.updateComplete;
}

/**
 * Everything focus or typing could have started has asked the network by now: the proof of work
 * starts on the first focus or input by importing the solver, which fetches the challenge at once;
 * awaiting the same import runs after it.
 */
async function settled(el: NgoMapForm) {
  await import('../core/pow.solver.js');
  await el.updateComplete;
}

async function submitByKeyboard(el: NgoMapForm) {
  q<HTMLInputElement>(el, '#name')!.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

const ENTRY: OrganisationInput = {
  name: 'Stowarzyszenie Sąsiedzkie',
  description: 'Spotkania i warsztaty.',
  translations: { en: { name: 'Neighbours Association', description: null } },
  kind: 'ngo',
  legalForm: 'stowarzyszenie',
  krs: '0000123456',
  regon: null,
  nip: null,
  areas: ['wspolnoty-lokalne'],
  targetGroups: ['seniorzy'],
  districts: [13],
  cityWide: false,
  address: 'ul. Kalwaryjska 5, Kraków',
  location: { lon: 19.95, lat: 50.04 },
  website: 'https://sasiedzi.example.org',
  email: 'biuro@sasiedzi.example.org',
  phone: null,
  languages: ['pl', 'uk'],
  accessibility: ['stepFree'],
};
const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz';
/** Map tiles are the one boundary stubbed: a blank image, so the picking map reaches no network. */
const BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
const SESSION: AdminSession = {
  staff: { id: 'st1', email: 'redakcja@krakow.pl', name: 'Maria Nowak', role: 'editor', district: null },
  csrfToken: 'csrf-123',
  sections: ['map'],
};
const ORGS = '/v1/admin/map/organisations';

describe('<ngo-map-form>', () => {
  let api: FetchStub | undefined;
  afterEach(() => {
    api?.restore();
    api = undefined;
  });

  for (const [lang, title, confirm] of [
    ['pl', 'Dodaj swoją organizację', 'Potwierdzam moje zgłoszenie'],
    ['en', 'Add your organisation', 'Confirm my submission'],
    ['uk', 'Додайте свою організацію', 'Підтверджую свою заявку'],
  ] as const) {
    it(`is accessible in ${lang}: the create form`, async () => {
      api = stubApi(() => failure(404, 'not_found'));
      const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} lang=${lang} mode="create" api-base=${location.origin}></ngo-map-form>`);
      await expect(el).to.be.accessible();
      expect(text(q(el, 'h2.title'))).to.equal(title);
      const notice = await until(() => (text(q(el, '[part="notice"]')).includes('PUODO') ? q(el, '[part="notice"]') : null), 'the clause from the server');
      expect(notice.querySelectorAll('p')).to.have.length(2); // one per paragraph
      expect(text(notice)).to.contain({ pl: 'Prezydent Miasta Krakowa', en: 'Mayor of Kraków', uk: 'Президент міста Кракова' }[lang]);
      expect(q<HTMLInputElement>(el, '#consent')!.checked).to.equal(false);
    });

    it(`is accessible in ${lang}: the confirmation panel`, async () => {
      api = stubApi(() => failure(404, 'not_found'));
      const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} lang=${lang} mode="confirm" token=${TOKEN} api-base=${location.origin}></ngo-map-form>`);
      await expect(el).to.be.accessible();
      expect(text(q(el, '[part="submit-button"]'))).to.equal(confirm);
    });
  }

  it('hides the honeypot from people and assistive technology', async () => {
    api = stubApi(() => failure(404, 'not_found'));
    const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} api-base=${location.origin}></ngo-map-form>`);
    expect(el.shadowRoot!.querySelectorAll('input[name="website"]')).to.have.length(1);
    const trap = q<HTMLInputElement>(el, 'input[name="website"]')!;
    expect(describeNode(trap.closest('[aria-hidden="true"]'))).to.equal('div.ngo-hp');
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.autocomplete).to.equal('off');
    const box = trap.getBoundingClientRect();
    expect(box.right).to.be.below(0);
  });

  it('checks the form on submit: summary focused, inline error linked to the NIP field, nothing sent', async () => {
    api = stubApi(() => failure(500, 'internal_error'));
    const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} lang="pl" api-base=${location.origin}></ngo-map-form>`);
    await typeInto(el, 'nip', '1234567890');
    await submitByKeyboard(el);
    const summary = await until(() => q(el, '.ngo-error-summary'), 'the error summary');
    expect(focused(el)).to.equal('div.ngo-error-summary');
    expect(text(summary.querySelector('h2'))).to.match(/^Formularz zawiera \d+ błęd/);
    const links = [...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.include.members(['#name', '#nip', '#areas-social', '#cityWide', '#contactName', '#contactEmail', '#consent']);
    const nip = q<HTMLInputElement>(el, '#nip')!;
    expect(nip.getAttribute('aria-invalid')).to.equal('true');
    expect(nip.getAttribute('aria-describedby')).to.contain('nip-error');
    expect(text(q(el, '#nip-error'))).to.contain('To nie jest poprawny NIP');
    expect(posts(api)).to.have.length(0);

    // A link in the summary takes a keyboard user to the field.
    const nipLink = [...summary.querySelectorAll('a')].find((a) => a.getAttribute('href') === '#nip')!;
    nipLink.focus();
    await sendKeys({ press: 'Enter' });
    expect(focused(el)).to.equal('input#nip');
  });

  it('puts the server’s 422 issues on the right fields', async () => {
    api = stubApi((r) =>
      r.path === '/v1/map/submissions'
        ? failure(422, 'validation_failed', {
            issues: [
              { path: 'organisation.krs', code: 'custom', message: 'Not a valid KRS number' },
              { path: 'contact.email', code: 'invalid_format', message: 'Invalid email' },
              { path: 'consent', code: 'invalid_value', message: 'Consent is required' },
              { path: 'organisation.location', code: 'custom', message: 'The point must lie within Kraków' },
            ],
          })
        : failure(404, 'not_found'),
    );
    const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} lang="en" api-base=${location.origin}></ngo-map-form>`);
    await fillValid(el);
    await submitByKeyboard(el);
    await until(() => q(el, '.ngo-error-summary'), 'the error summary');
    expect(focused(el)).to.equal('div.ngo-error-summary');
    expect(posts(api)).to.have.length(1);
    expect(text(q(el, '#krs-error'))).to.equal('A KRS number has 10 digits, e.g. 0000123456.');
    expect(q(el, '#krs')!.getAttribute('aria-describedby')).to.contain('krs-error');
    expect(text(q(el, '#contactEmail-error'))).to.contain('Enter a valid e-mail address');
    expect(q(el, '#consent')!.getAttribute('aria-describedby')).to.equal('consent-error');
    expect(text(q(el, '#consent-error'))).to.equal('To send the form, tick the consent box.');
    expect(text(q(el, '#lon-error'))).to.contain('outside Kraków');
    expect(q<HTMLButtonElement>(el, '[part="submit-button"]')!.disabled).to.equal(false);
  });

  it('sends a new entry with the right body and key, then shows the check-your-e-mail panel', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    api = stubApi(async (r) => (r.path === '/v1/map/submissions' ? (await held, reply(202, { id: 'sub_1', status: 'unconfirmed' })) : failure(404, 'not_found')));
    const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} lang="pl" mode="create" api-base=${location.origin}></ngo-map-form>`);
    const order: string[] = [];
    el.addEventListener('ngo-submit', (e) => order.push(`${e.type}:${e.detail.kind}`));
    el.addEventListener('ngo-submitted', (e) => order.push(e.type));
    await fillValid(el);
    expect(api.calls.filter((r) => r.path === '/v1/challenge')).to.have.length(1); // started on first focus, once
    const submitted = oneEvent(el, 'ngo-submitted');
    await submitByKeyboard(el);
    await until(() => posts(api!).length, 'the POST');
    expect(q<HTMLButtonElement>(el, '[part="submit-button"]')!.disabled).to.equal(true);
    expect(text(q(el, '[role="status"]'))).to.equal('Wysyłanie…');
    release();
    const { detail } = await submitted;
    expect(detail).to.deep.equal({ kind: 'create', id: 'sub_1', status: 'unconfirmed' });
    expect(order).to.deep.equal(['ngo-submit:create', 'ngo-submitted']);

    const [post] = posts(api);
    expect(post!.path).to.equal('/v1/map/submissions');
    expect(post!.headers['Idempotency-Key']).to.match(/^[a-f0-9]{32}$/);
    const { abuse, ...body } = post!.body;
    expect(body).to.deep.equal({
      type: 'create',
      organisation: {
        name: 'Fundacja Testowa', description: '', translations: {}, kind: 'ngo', legalForm: 'fundacja', krs: null, regon: null, nip: '123-456-32-18',
        areas: ['kultura'], targetGroups: [], districts: [5], cityWide: false, address: null, location: { lon: 19.9372, lat: 50.0614 },
        website: 'https://fundacja.example.org', email: null, phone: null, languages: ['pl'], accessibility: [],
      },
      contact: { name: 'Anna Nowak', email: 'anna@example.org' },
      note: '',
      consent: true,
      lang: 'pl',
    });
    expect(abuse.website).to.equal('');
    expect(JSON.parse(atob(abuse.altcha))).to.include({ number: 3, salt: SALT, signature: 'sig' });

    await el.updateComplete;
    const heading = q(el, '[part="panel"] h2')!;
    expect(text(heading)).to.equal('Sprawdź swoją skrzynkę e-mail');
    expect(text(q(el, '[part="panel"] p'))).to.contain('anna@example.org');
    expect(focused(el)).to.equal('h2.title');
    expect(text(q(el, '[role="status"]'))).to.equal('Wysłano.');
    expect(has(el, 'form')).to.equal(false);
  });

  it('does not send when the host cancels ngo-submit, and reports other API errors in text', async () => {
    let allow = false;
    api = stubApi((r) => (r.path === '/v1/map/submissions' ? failure(429, 'rate_limited', { retryAfter: 600 }) : failure(404, 'not_found')));
    const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} lang="en" api-base=${location.origin}></ngo-map-form>`);
    let canceled = 0;
    el.addEventListener('ngo-submit', (e) => allow || (e.preventDefault(), canceled++));
    await fillValid(el);
    await submitByKeyboard(el);
    // ngo-submit fires before anything is sent; canceled, nothing is built or sent.
    expect(canceled).to.equal(1);
    expect(posts(api)).to.have.length(0);
    expect(q<HTMLButtonElement>(el, '[part="submit-button"]')!.disabled).to.equal(false);

    allow = true;
    await submitByKeyboard(el);
    const box = await until(() => (text(q(el, '#form-error')) ? q(el, '#form-error') : null), 'the form error');
    expect(text(box)).to.equal('Too many attempts. Try again in 10 minutes.');
    expect(focused(el)).to.equal('div#form-error.ngo-form-error');
    expect(has(el, 'form')).to.equal(true);
  });

  it('fires ngo-cancel when the person presses Cancel', async () => {
    api = stubApi(() => failure(404, 'not_found'));
    const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} lang="uk" api-base=${location.origin}></ngo-map-form>`);
    const cancel = q<HTMLButtonElement>(el, '[part="cancel-button"]')!;
    expect(text(cancel)).to.equal('Скасувати');
    const fired = oneEvent(el, 'ngo-cancel');
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    const e = await fired;
    expect(e.bubbles && e.composed).to.equal(true);
  });

  it('prefills a correction and sends it with the entry id', async () => {
    api = stubApi((r) => (r.path === '/v1/map/submissions' ? reply(202, { id: 'sub_2', status: 'unconfirmed' }) : failure(404, 'not_found')));
    const el = await fixture<NgoMapForm>(
      html`<ngo-map-form tiles=${BLANK_TILE} lang="pl" mode="correction" organisation-id="org_9" .initial=${ENTRY} api-base=${location.origin}></ngo-map-form>`,
    );
    expect(text(q(el, 'h2.title'))).to.equal('Zgłoś poprawkę we wpisie');
    expect(q<HTMLInputElement>(el, '#name')!.value).to.equal(ENTRY.name);
    expect(q<HTMLInputElement>(el, '#districts-12')!.checked).to.equal(true);
    expect(q<HTMLDetailsElement>(el, '#areas-community')!.parentElement!.hasAttribute('open')).to.equal(true);
    const phone = q<HTMLInputElement>(el, '#phone')!;
    phone.focus();
    await sendKeys({ type: '+48 12 345 67 89' });
    await typeInto(el, 'contactName', 'Ewa');
    await typeInto(el, 'contactEmail', 'ewa@example.org');
    q(el, '#consent')!.click();
    await submitByKeyboard(el);
    await until(() => posts(api!).length, 'the POST');
    const { body } = posts(api)[0]!;
    expect(body.type).to.equal('correction');
    expect(body.organisationId).to.equal('org_9');
    expect(body.organisation).to.deep.equal({ ...ENTRY, phone: '+48 12 345 67 89' });
  });

  it('loads the owner’s entry, prefills it without submitter fields, and saves it unchanged as verified', async () => {
    api = stubApi((r) => {
      const token = (r.body as { token?: string } | undefined)?.token;
      if (r.path === '/v1/map/owner/view' && token === TOKEN) return reply(200, { organisationId: 'org_1', organisation: ENTRY, pendingEdit: true });
      if (r.path === '/v1/map/owner/edit' && token === TOKEN) return reply(202, { id: 'org_1', status: 'verified' });
      return failure(404, 'not_found');
    });
    const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} lang="en" mode="owner" token=${TOKEN} api-base=${location.origin}></ngo-map-form>`);
    const name = await until(() => q<HTMLInputElement>(el, '#name'), 'the prefilled form');
    expect(name.value).to.equal(ENTRY.name);
    expect(q<HTMLInputElement>(el, '#krs')!.value).to.equal('0000123456');
    expect(q<HTMLInputElement>(el, '#lon')!.value).to.equal('19.95');
    expect(q<HTMLSelectElement>(el, '#legalForm')!.value).to.equal('stowarzyszenie');
    expect(q<HTMLInputElement>(el, '#languages-2')!.checked).to.equal(true); // uk
    expect(has(el, '#contactEmail')).to.equal(false);
    expect(has(el, '#consent')).to.equal(false);
    expect(el.shadowRoot!.textContent).to.contain('Your previous change is still waiting for moderation.');
    await expect(el).to.be.accessible();

    const done = oneEvent(el, 'ngo-submitted');
    await submitByKeyboard(el);
    expect((await done).detail).to.deep.equal({ kind: 'owner', id: 'org_1', status: 'verified' });
    // The secret travels in request bodies only, never in a URL.
    expect(api.calls.filter((r) => r.path.includes(TOKEN))).to.have.length(0);
    const post = posts(api).find((r) => r.path === '/v1/map/owner/edit')!;
    expect(post.body.organisation).to.deep.equal(ENTRY);
    expect(post.body.note).to.equal('');
    expect(post.body.lang).to.equal('en');
    expect(post.body).to.not.have.property('contact');
    await el.updateComplete;
    expect(text(q(el, '[part="panel"]'))).to.contain('Your details are confirmed. Nothing changed');
  });

  it('says clearly when an owner link is invalid or expired', async () => {
    api = stubApi(() => failure(404, 'link_invalid'));
    const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} lang="pl" mode="owner" token=${TOKEN} api-base=${location.origin}></ngo-map-form>`);
    const heading = await until(() => q(el, '[part="panel"] h2'), 'the invalid-link panel');
    expect(text(heading)).to.equal('Link jest nieprawidłowy lub wygasł.');
    expect(has(el, 'form')).to.equal(false);
  });

  it('confirms a submission only when the person presses the button', async () => {
    api = stubApi((r) => (r.path === '/v1/map/submissions/confirm' ? reply(200, { id: 'sub_1', status: 'pending' }) : failure(404, 'not_found')));
    const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} lang="uk" mode="confirm" token=${TOKEN} api-base=${location.origin}></ngo-map-form>`);
    q(el, '[part="submit-button"]')!.focus();
    await settled(el);
    expect(api.calls).to.have.length(0); // no automatic POST, and no proof of work on this panel
    const done = oneEvent(el, 'ngo-submitted');
    q(el, '[part="submit-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    expect((await done).detail).to.deep.equal({ kind: 'confirm', id: 'sub_1', status: 'pending' });
    expect(api.calls.map((r) => `${r.method} ${r.path}`)).to.deep.equal(['POST /v1/map/submissions/confirm']);
    expect(api.calls[0]!.body).to.deep.equal({ token: TOKEN });
    await el.updateComplete;
    expect(text(q(el, '[part="panel"]'))).to.contain('Заявку підтверджено, вона чекає на модерацію.');
  });

  it('shows the invalid-link message when a confirmation link was already used', async () => {
    api = stubApi(() => failure(404, 'link_invalid'));
    const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} lang="en" mode="confirm" token=${TOKEN} api-base=${location.origin}></ngo-map-form>`);
    q<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
    const heading = await until(() => q(el, '[part="panel"] h2'), 'the invalid-link panel');
    expect(text(heading)).to.equal('The link is invalid or has expired.');
    expect(focused(el)).to.equal('h2.title');
  });

  it('renders markup in prefilled data and in the served clause as text', async () => {
    (window as any).__ngoPwned = false;
    api = stubFetch((c) => (c.pathname === '/v1/clauses/map' ? { ...CLAUSE, pl: '<b>Administrator</b>: <i>x</i>' } : undefined));
    const hostile = '<img src=x onerror="window.__ngoPwned=true"><script>window.__ngoPwned=true</script>';
    const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} mode="correction" organisation-id="org_1" .initial=${{ ...ENTRY, name: hostile }} api-base=${location.origin}></ngo-map-form>`);
    await until(() => text(q(el, '[part="notice"]')) === '<b>Administrator</b>: <i>x</i>', 'the served clause');
    expect(q<HTMLInputElement>(el, '#name')!.value).to.equal(hostile);
    // The picking map's tiles are the only images (the blank tile of these tests).
    expect(el.shadowRoot!.querySelector('img:not(.leaflet-tile), script, b, i')?.outerHTML ?? 'none').to.equal('none');
    expect([...el.shadowRoot!.querySelectorAll('img')].every((i) => i.getAttribute('src') === BLANK_TILE)).to.equal(true);
    expect((window as any).__ngoPwned).to.equal(false);
  });

  it('warns once and shows a localized message when the token is missing', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} lang="en" mode="owner" api-base=${location.origin}></ngo-map-form>`);
      expect(text(q(el, '[role="alert"]'))).to.equal('This widget is not configured correctly.');
      el.requestUpdate();
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => w.includes('[ngo] <ngo-map-form>'))).to.have.length(1);
  });

  describe('staff mode', () => {
    const staffForm = (id: string, initial?: OrganisationInput, lang = 'pl') =>
      fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} mode="staff" lang=${lang} organisation-id=${id} .initial=${initial} .session=${SESSION} api-base=${location.origin}></ngo-map-form>`);

    for (const [lang, title, save] of [
      ['pl', 'Edycja wpisu', 'Zapisz wpis'],
      ['uk', 'Редагування запису', 'Зберегти запис'],
    ] as const) {
      it(`is accessible in ${lang}, prefilled, with no submitter, consent, honeypot or proof of work`, async () => {
        api = stubApi(() => failure(404, 'not_found'));
        const el = await staffForm('org_7', ENTRY, lang);
        await expect(el).to.be.accessible();
        expect(text(q(el, 'h4.title'))).to.equal(title);
        expect(text(q(el, '[part="submit-button"]'))).to.equal(save);
        expect(q<HTMLInputElement>(el, '#name')!.value).to.equal(ENTRY.name);
        for (const absent of ['#contactName', '#contactEmail', '#consent', '#note', '[part="notice"]', '#ngo-hp']) expect(has(el, absent), absent).to.equal(false);
        expect(q<HTMLInputElement>(el, '#ownerEmail')!.value).to.equal(''); // staff may set or change the owner
        q<HTMLInputElement>(el, '#name')!.focus();
        await sendKeys({ type: 'x' });
        await settled(el);
        expect(api.calls).to.have.length(0); // the entry came with it, and staff solve no challenge
      });
    }

    it('saves an edit with PUT, the session cookie and the CSRF token, and reports it', async () => {
      api = stubApi((r) => (r.method === 'PUT' && r.path === `${ORGS}/org_7` ? reply(200, { id: 'org_7' }) : failure(404, 'not_found')));
      const el = await staffForm('org_7', ENTRY, 'en');
      q<HTMLInputElement>(el, '#phone')!.focus();
      await sendKeys({ type: '+48 12 345 67 89' });
      const done = oneEvent(el, 'ngo-submitted');
      await submitByKeyboard(el);
      expect((await done).detail).to.deep.equal({ kind: 'staff', id: 'org_7', status: 'saved' });
      expect(api.calls).to.have.length(1);
      const [put] = api.calls;
      expect(put!.method).to.equal('PUT');
      expect(put!.path).to.equal(`${ORGS}/org_7`);
      expect(put!.headers['X-CSRF-Token']).to.equal('csrf-123');
      expect(put!.credentials).to.equal('same-origin');
      expect(put!.body).to.deep.equal({ ...ENTRY, phone: '+48 12 345 67 89', ownerEmail: null }); // translations kept; no owner given
      await el.updateComplete;
      expect(text(q(el, '[part="panel"] h4'))).to.equal('Entry saved');
      expect(text(q(el, '[role="status"]'))).to.equal('Saved.');
    });

    it('shows the current owner e-mail and sends a changed one', async () => {
      api = stubApi((r) => (r.method === 'PUT' ? reply(200, { id: 'org_7' }) : failure(404, 'not_found')));
      const el = await staffForm('org_7', { ...ENTRY, ownerEmail: 'stary@example.org' } as typeof ENTRY, 'pl');
      const owner = q<HTMLInputElement>(el, '#ownerEmail')!;
      expect(owner.value).to.equal('stary@example.org');
      owner.focus();
      owner.select();
      await sendKeys({ type: 'nowy@example.org' });
      const done = oneEvent(el, 'ngo-submitted');
      await submitByKeyboard(el);
      await done;
      expect((api.calls[0]!.body as { ownerEmail: string }).ownerEmail).to.equal('nowy@example.org');
    });

    it('puts the staff API’s 422 issues, which name the fields directly, on the fields', async () => {
      api = stubApi(() => failure(422, 'validation_failed', { issues: [{ path: 'krs', code: 'custom', message: 'Not a valid KRS number' }] }));
      const el = await staffForm('org_7', ENTRY);
      await submitByKeyboard(el);
      await until(() => q(el, '.ngo-error-summary'), 'the error summary');
      expect(focused(el)).to.equal('div.ngo-error-summary');
      expect(text(q(el, '#krs-error'))).to.equal('Numer KRS ma 10 cyfr, np. 0000123456.');
      expect(q(el, '#krs')!.getAttribute('aria-invalid')).to.equal('true');
      expect(has(el, '[part="panel"]')).to.equal(false);
    });

    it('adds a new entry with POST, the owner e-mail beside the organisation', async () => {
      api = stubApi((r) => (r.method === 'POST' && r.path === ORGS ? reply(201, { id: 'org_new' }) : failure(404, 'not_found')));
      const el = await staffForm('');
      expect(text(q(el, 'h4.title'))).to.equal('Nowy wpis');
      await expect(el).to.be.accessible();
      await fillOrganisation(el);
      await typeInto(el, 'ownerEmail', 'nie-adres');
      await submitByKeyboard(el);
      expect(text(q(el, '#ownerEmail-error'))).to.contain('adres e-mail');
      expect(api.calls).to.have.length(0);

      q<HTMLInputElement>(el, '#ownerEmail')!.select();
      await sendKeys({ type: 'biuro@fundacja.example.org' });
      const done = oneEvent(el, 'ngo-submitted');
      await submitByKeyboard(el);
      expect((await done).detail).to.deep.equal({ kind: 'staff', id: 'org_new', status: 'saved' });
      const [post] = api.calls;
      expect(api.calls).to.have.length(1);
      expect([post!.method, post!.path, post!.headers['X-CSRF-Token']]).to.deep.equal(['POST', ORGS, 'csrf-123']);
      expect(post!.body).to.deep.equal({
        name: 'Fundacja Testowa', description: '', translations: {}, kind: 'ngo', legalForm: 'fundacja', krs: null, regon: null, nip: '123-456-32-18',
        areas: ['kultura'], targetGroups: [], districts: [5], cityWide: false, address: null, location: { lon: 19.9372, lat: 50.0614 },
        website: 'https://fundacja.example.org', email: null, phone: null, languages: ['pl'], accessibility: [], ownerEmail: 'biuro@fundacja.example.org',
      });
    });

    it('loads the entry itself when it is not given, and fires ngo-unauthorized on a 401', async () => {
      let signedIn = true;
      api = stubApi((r) => (r.method === 'GET' && r.path === `${ORGS}/org_7` ? reply(200, { id: 'org_7', ...ENTRY }) : signedIn ? failure(500, 'internal_error') : failure(401, 'unauthorized')));
      const el = await staffForm('org_7');
      const name = await until(() => q<HTMLInputElement>(el, '#name'), 'the loaded form');
      expect(name.value).to.equal(ENTRY.name);
      expect(api.calls[0]!.credentials).to.equal('same-origin');
      signedIn = false;
      const unauthorized = oneEvent(el, 'ngo-unauthorized');
      await submitByKeyboard(el);
      const e = await unauthorized;
      expect(e.bubbles && e.composed).to.equal(true);
      expect(api.calls.map((r) => r.method)).to.deep.equal(['GET', 'PUT']);
    });
  });

  describe('picking the point on the map (issue 9, item 7)', () => {
    const BOUNDARIES = '/widgets/map/fixtures/boundaries.json';
    const picker = (el: NgoMapForm) => q<NgoPointPicker>(el, 'ngo-point-picker')!;
    const inPicker = <T extends Element = HTMLElement>(el: NgoMapForm, selector: string) => (picker(el)?.shadowRoot?.querySelector(selector) as T | null) ?? null;
    const pickMap = (el: NgoMapForm) => until(() => inPicker<HTMLElement>(el, '.pick-map.leaflet-container'), 'the picking map');
    const field = (el: NgoMapForm, id: 'lat' | 'lon') => q<HTMLInputElement>(el, `#${id}`)!.value;

    it('places the pin where the map is clicked, fills the coordinates and ticks the district from the outlines', async () => {
      const outlines = await (await fetch(BOUNDARIES)).json();
      api = stubApi((c) => (c.pathname === BOUNDARIES ? outlines : failure(404, 'not_found')));
      const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} boundaries=${BOUNDARIES} lang="pl" api-base=${location.origin}></ngo-map-form>`);
      const box = await pickMap(el);
      const view = (picker(el) as unknown as { view: { map: { latLngToContainerPoint(p: [number, number]): { x: number; y: number } } } }).view;
      // A point inside the test outline of district I (19.92–19.95, 50.05–50.07).
      const at = view.map.latLngToContainerPoint([50.06, 19.935]);
      const r = box.getBoundingClientRect();
      box.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: r.left + at.x, clientY: r.top + at.y }));
      await until(() => field(el, 'lat') !== '', 'the latitude from the click');
      expect(Number(field(el, 'lat'))).to.be.closeTo(50.06, 0.001);
      expect(Number(field(el, 'lon'))).to.be.closeTo(19.935, 0.001);
      const pin = inPicker(el, '.ngo-pick')!;
      expect(pin.getAttribute('aria-label')).to.match(/^Znacznik położenia: szerokość 50\.06\d*, długość 19\.93\d*/);
      await until(() => q<HTMLInputElement>(el, '#districts-0')?.checked, 'district I ticked');
      expect(text(inPicker(el, '[role="status"]'))).to.contain('Dzielnica z położenia: I. Stare Miasto.');
      await expect(el).to.be.accessible();
    });

    it('moves the pin with the arrow keys, and follows coordinates typed in', async () => {
      api = stubApi(() => failure(404, 'not_found'));
      const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} lang="en" api-base=${location.origin}></ngo-map-form>`);
      await pickMap(el);
      await typeInto(el, 'lon', '19.9372');
      await typeInto(el, 'lat', '50.0614');
      const pin = await until(() => inPicker<HTMLElement>(el, '.ngo-pick'), 'the pin from the typed coordinates');
      pin.focus();
      await sendKeys({ press: 'ArrowRight' });
      await until(() => Number(field(el, 'lon')) > 19.9372, 'the longitude after ArrowRight');
      expect(field(el, 'lat')).to.equal('50.06140');
      const lon = Number(field(el, 'lon'));
      await sendKeys({ press: 'ArrowUp' });
      await until(() => Number(field(el, 'lat')) > 50.0614, 'the latitude after ArrowUp');
      expect(Number(field(el, 'lon'))).to.equal(lon);
      expect(picker(el).shadowRoot!.activeElement).to.equal(pin);
      expect(pin.getAttribute('aria-label')).to.match(/^Position pin: latitude 50\.06/);
      // "Remove the pin" empties both fields.
      [...picker(el).shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Remove the pin')!.click();
      await until(() => field(el, 'lat') === '' && field(el, 'lon') === '' && !inPicker(el, '.ngo-pick'), 'the pin removed');
    });

    it('gives each coordinate field an example of its own in its error', async () => {
      api = stubApi(() => failure(404, 'not_found'));
      const el = await fixture<NgoMapForm>(html`<ngo-map-form tiles=${BLANK_TILE} lang="pl" api-base=${location.origin}></ngo-map-form>`);
      await typeInto(el, 'lon', 'x');
      await typeInto(el, 'lat', 'y');
      await submitByKeyboard(el);
      await until(() => q(el, '#lat-error'), 'the errors');
      expect(text(q(el, '#lat-error'))).to.contain('50.06');
      expect(text(q(el, '#lon-error'))).to.contain('19.94');
    });
  });
});
