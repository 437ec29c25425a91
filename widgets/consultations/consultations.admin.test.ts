import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { json, stubFetch as stub, type Answer, type Call, type FetchStub } from '../core/testing.js';
import type { AdminSession } from '../admin/admin.api.js';
import {
  issuesOfServer, validateDraft, emptyDraft, type ReportTexts, type StaffConsultation, type StaffConsultationDetail, type StaffRemark,
} from './consultations.admin.api.js';
import '../admin/admin.js';
import './consultations.admin.js';
import type { NgoAdminConsultations } from './consultations.admin.element.js';

const BASE = 'https://ngo.test';
const session: AdminSession = {
  staff: { id: 'st1', email: 'editor@krakow.pl', name: 'Ewa Lis', role: 'editor', district: null },
  csrfToken: 'csrf-456',
  sections: ['consultations'],
};

const summary = (id: string, title: string, extra: Partial<StaffConsultation> = {}): StaffConsultation => ({
  id, title, goal: 'Zebranie opinii organizacji o projekcie.', subject: 'Projekt uchwały w sprawie programu współpracy', unitName: 'Wydział Polityki Społecznej',
  legalBasis: 'art. 5 ust. 5 ustawy', audience: 'ngo', district: null, startsAt: '2026-05-04T07:00:00.000Z', endsAt: '2026-05-25T21:59:00.000Z',
  status: 'open', moderation: 'pre', requireConfirmation: true, attachments: [], remarkCount: 2, reportedAt: null, serverTime: '2026-05-10T10:00:00.000Z',
  counts: { pending: 1, unconfirmed: 3, unanswered: 2 }, ...extra,
});

const detail = (c: StaffConsultation): StaffConsultationDetail => ({
  ...c, units: [], documentRemarkCount: 0, remarkTotal: c.remarkCount, informationClause: '', document: '§ 1. Przyjmuje się program.', startsLocal: '2026-05-04T09:00', endsLocal: '2026-05-25T23:59',
  reportIntroduction: null, reportSummary: null,
});

const remark = (id: string, extra: Partial<StaffRemark> = {}): StaffRemark => ({
  id, unitId: 'u1', unitLabel: '§ 1 ust. 2', currentWording: 'Program obowiązuje rok.', proposedWording: 'Program obowiązuje dwa lata.',
  justification: 'Dłuższy program daje organizacjom stabilność.', authorType: 'ngo', organisationName: 'Fundacja Sąsiedzi', krs: '0000123456',
  organisationId: null, supporters: [{ organisationName: 'Stowarzyszenie Razem' }], createdAt: '2026-05-06T08:30:00.000Z', decision: null, response: null,
  status: 'published', contactName: 'Anna Kowal', contactEmail: 'anna@example.org', answeredAt: null, ...extra,
});

const open = summary('c1', 'Program współpracy na 2027 rok');
const reported = summary('c2', 'Program wolontariatu', { status: 'reported', reportedAt: '2026-04-01T10:00:00.000Z', counts: { pending: 0, unconfirmed: 0, unanswered: 0 } });

let calls: Call[] = [];
let api: FetchStub | undefined;
const reply = json;

/** Answers the widget's requests from `route` (a Response, or any value for a 200) and records them (the kit's `stubFetch`). */
function stubFetch(route: (path: string, method: string, body: unknown) => unknown) {
  api = stub((c) => route(c.path, c.method, c.body) as Answer);
  calls = api.calls;
}

/** The consultation `c1` with its remarks, and `route` for the writes. */
function stubApi(remarks: { pending?: StaffRemark[]; published?: StaffRemark[] } = {}, route: (path: string, method: string, body: unknown) => unknown = () => undefined) {
  stubFetch((path, method, body) => {
    if (method === 'GET') {
      if (path === '/v1/admin/consultations') return { items: [open, reported] };
      if (path === '/v1/admin/consultations/c1') return detail(open);
      if (path === '/v1/admin/consultations/c2') return detail(reported);
      const m = /^\/v1\/admin\/consultations\/c[12]\/remarks\?status=(pending|published)$/.exec(path);
      if (m) return { items: remarks[m[1] as 'pending' | 'published'] ?? [] };
    }
    return route(path, method, body);
  });
}

const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, sel: string) => root(el).querySelector<T>(sel)!;
const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
const writes = () => calls.filter((c) => c.method !== 'GET');
const active = (el: HTMLElement) => root(el).activeElement;

function type(el: HTMLElement, sel: string, value: string) {
  const input = $<HTMLInputElement>(el, sel);
  input.value = value;
  input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'));
}

async function mount(lang = 'pl') {
  const el = await fixture<NgoAdminConsultations>(html`<ngo-admin-consultations lang=${lang} api-base=${BASE} .session=${session}></ngo-admin-consultations>`);
  await waitUntil(() => root(el).querySelector('tbody tr, p.empty'), 'the list did not load');
  return el;
}

async function openNew(el: HTMLElement) {
  $(el, 'button.new').click();
  await waitUntil(() => active(el)?.id === 'form-heading', 'the form did not open');
}

async function openConsultation(el: HTMLElement, tab: 'queue' | 'answers', id = 'c1') {
  $(el, `[data-id="${id}"] button.link`).click();
  await waitUntil(() => active(el)?.id === 'consultation-heading' && root(el).querySelector('a.csv'), 'the consultation did not open');
  if (tab === 'answers') $(el, '#tab-answers').click();
  await waitUntil(() => root(el).querySelector(`#panel-${tab} article, #panel-${tab} h4 ~ p:not(.loading):not(.muted)`), `the ${tab} did not load`);
}

/** Fills every required field of the form with valid values. */
function fillValid(el: HTMLElement) {
  type(el, '#title', 'Program współpracy na 2027 rok');
  type(el, '#goal', 'Poznanie opinii organizacji.');
  type(el, '#subject', 'Projekt uchwały Rady Miasta Krakowa');
  type(el, '#unitName', 'Wydział Polityki Społecznej');
  type(el, '#legalBasis', 'art. 5 ust. 5 ustawy');
  type(el, '#startsLocal', '2026-05-04T09:00');
  type(el, '#endsLocal', '2026-05-25T23:59');
  type(el, '#document', '§ 1. Przyjmuje się program.\n§ 2. Uchwała wchodzi w życie.');
}

describe('ngo-admin-consultations', () => {
  afterEach(() => api?.restore());

  describe('list', () => {
    it('is accessible in Polish and shows status and what waits for staff', async () => {
      stubApi();
      const el = await mount('pl');
      await expect(el).to.be.accessible();
      expect(text($(el, 'caption'))).to.equal('2 konsultacje');
      const row = [...root(el).querySelectorAll('tbody tr:first-child > *')].map(text);
      expect(row[0]).to.equal('Program współpracy na 2027 rok');
      expect(row[1]).to.equal('Trwają');
      expect(row[3]).to.match(/^1/);
      expect(text($(el, 'tbody tr:first-child .muted'))).to.equal('3 niepotwierdzone');
      expect(row[4]).to.equal('2');
      expect(calls[0]!.credentials).to.equal('same-origin');
    });

    it('is accessible in Ukrainian', async () => {
      stubApi();
      const el = await mount('uk');
      await expect(el).to.be.accessible();
      expect(text($(el, '#list-heading'))).to.equal('Консультації');
      expect(text($(el, 'tbody tr:nth-child(2) td'))).to.equal('Звіт опубліковано');
    });

    it('says so when there are no consultations', async () => {
      stubFetch(() => ({ items: [] }));
      const el = await mount('en');
      expect(text($(el, 'p.empty'))).to.equal('There are no consultations yet.');
    });

    it('asks the panel to sign in again on 401', async () => {
      stubFetch(() => reply(401, { error: { code: 'unauthorized', message: 'Sign in' } }));
      let fired = 0;
      const el = await fixture<NgoAdminConsultations>(html`<ngo-admin-consultations lang="en" api-base=${BASE} .session=${session} @ngo-unauthorized=${() => fired++}></ngo-admin-consultations>`);
      await waitUntil(() => root(el).querySelector('[role=alert].ngo-error'));
      expect(fired).to.equal(1);
      expect(text($(el, '[role=alert].ngo-error'))).to.equal('Please sign in to continue.');
    });
  });

  describe('form', () => {
    it('is accessible in Polish and Ukrainian, with dates labelled as Warsaw time', async () => {
      stubApi();
      for (const lang of ['pl', 'uk']) {
        const el = await mount(lang);
        await openNew(el);
        $(el, '#attachment-add').click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
        if (lang === 'pl') expect(text($(el, 'label[for=startsLocal]'))).to.equal('Początek (czas warszawski) (wymagane)');
        else expect(text($(el, 'label[for=endsLocal]'))).to.contain('Завершення (за варшавським часом)');
        expect($<HTMLInputElement>(el, '#startsLocal').type).to.equal('datetime-local');
      }
    });

    it('checks the fields before sending: a summary gets focus, each field its error, nothing is sent', async () => {
      stubApi();
      const el = await mount('en');
      await openNew(el);
      type(el, '#title', 'Abc');
      type(el, '#startsLocal', '2026-05-10T10:00');
      type(el, '#endsLocal', '2026-05-10T09:00');
      $(el, '#attachment-add').click();
      await el.updateComplete;
      type(el, '#attachment-0-title', 'Projekt');
      type(el, '#attachment-0-url', 'javascript:alert(1)');
      $(el, 'form button[type=submit]').click();
      await waitUntil(() => active(el)?.classList.contains('ngo-error-summary'), 'focus did not move to the summary');
      expect(text($(el, '#title-error'))).to.equal('Enter at least 5 characters.');
      expect($(el, '#title').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#title').getAttribute('aria-describedby')).to.contain('title-error');
      expect(text($(el, '#endsLocal-error'))).to.equal('The end must come after the start.');
      expect(text($(el, '#attachment-0-url-error'))).to.equal('Enter a full address starting with https:// or http://.');
      expect(text($(el, '#document-error'))).to.equal('This field is required.');
      expect(text($(el, '.ngo-error-summary h2'))).to.equal('There are 8 problems with the form');
      expect(writes()).to.have.length(0);
      $(el, '.ngo-error-summary a[href="#endsLocal"]').click();
      expect(active(el)?.id).to.equal('endsLocal');
    });

    it('sends a new consultation with the CSRF token and returns to the list', async () => {
      stubApi({}, (path, method) => (path === '/v1/admin/consultations' && method === 'POST' ? reply(201, { id: 'c1' }) : undefined));
      const el = await mount('en');
      await openNew(el);
      fillValid(el);
      $(el, '#audience-all').click();
      type(el, '#district', '18');
      $(el, '#moderation-post').click();
      $(el, '#requireConfirmation').click();
      $(el, '#attachment-add').click();
      await el.updateComplete;
      type(el, '#attachment-0-title', ' Projekt uchwały ');
      type(el, '#attachment-0-url', 'https://bip.krakow.pl/projekt.pdf');
      $(el, 'form button[type=submit]').click();
      await waitUntil(() => active(el)?.matches('[data-id="c1"] button.link'), 'focus did not return to the saved consultation');
      const [post] = writes();
      expect(post!.url).to.equal(`${BASE}/v1/admin/consultations`);
      expect(post!.headers['X-CSRF-Token']).to.equal('csrf-456');
      expect(post!.body).to.deep.equal({
        title: 'Program współpracy na 2027 rok', goal: 'Poznanie opinii organizacji.', subject: 'Projekt uchwały Rady Miasta Krakowa',
        unitName: 'Wydział Polityki Społecznej', legalBasis: 'art. 5 ust. 5 ustawy', audience: 'all', district: 18,
        startsLocal: '2026-05-04T09:00', endsLocal: '2026-05-25T23:59', moderation: 'post', requireConfirmation: false,
        attachments: [{ title: 'Projekt uchwały', url: 'https://bip.krakow.pl/projekt.pdf' }], informationClause: '',
        document: '§ 1. Przyjmuje się program.\n§ 2. Uchwała wchodzi w życie.',
      });
      expect(text($(el, '[role=status]'))).to.equal('Consultation “Program współpracy na 2027 rok” saved.');
    });

    it('puts the server\'s 422 issues on their fields', async () => {
      stubApi({}, (path, method) =>
        method === 'POST' && path === '/v1/admin/consultations'
          ? reply(422, { error: { code: 'validation_failed', message: 'Invalid', details: { issues: [
              { path: 'unitName', code: 'too_short', message: 'Too small' },
              { path: 'attachments.0.url', code: 'invalid_format', message: 'Invalid URL' },
              { path: 'endsLocal', code: 'custom', message: 'The end must come after the start' },
            ] } } })
          : undefined,
      );
      const el = await mount('pl');
      await openNew(el);
      fillValid(el);
      $(el, '#attachment-add').click();
      await el.updateComplete;
      type(el, '#attachment-0-title', 'Projekt');
      type(el, '#attachment-0-url', 'https://bip.krakow.pl/x y');
      $(el, 'form button[type=submit]').click();
      await waitUntil(() => active(el)?.classList.contains('ngo-error-summary'), 'focus did not move to the summary');
      expect(writes()).to.have.length(1);
      expect(text($(el, '#unitName-error'))).to.equal('Wpisz co najmniej 3 znaki.');
      expect(text($(el, '#attachment-0-url-error'))).to.equal('Wpisz pełny adres zaczynający się od https:// lub http://.');
      expect(text($(el, '#endsLocal-error'))).to.equal('Koniec musi być późniejszy niż początek.');
      expect([...root(el).querySelectorAll('.ngo-error-summary a')].map((a) => a.getAttribute('href'))).to.deep.equal(['#unitName', '#attachment-0-url', '#endsLocal']);
    });

    it('loads a consultation for editing and explains a locked document', async () => {
      stubApi({}, (path, method) =>
        method === 'PUT' && path === '/v1/admin/consultations/c1'
          ? reply(409, { error: { code: 'document_locked', message: 'The consultation has remarks, so its units cannot change' } })
          : undefined,
      );
      const el = await mount('en');
      $(el, '[data-id="c1"] button.edit').click();
      await waitUntil(() => root(el).querySelector<HTMLInputElement>('#title')?.value === 'Program współpracy na 2027 rok', 'the consultation did not load');
      expect($<HTMLInputElement>(el, '#endsLocal').value).to.equal('2026-05-25T23:59');
      type(el, '#document', '§ 1. Przyjmuje się program.\n§ 2. Nowy paragraf.');
      $(el, 'form button[type=submit]').click();
      await waitUntil(() => active(el)?.classList.contains('ngo-error-summary'), 'focus did not move to the summary');
      expect(writes().map((c) => [c.method, c.url])).to.deep.equal([['PUT', `${BASE}/v1/admin/consultations/c1`]]);
      expect(text($(el, '#document-error'))).to.contain('the division of the document into units cannot change');
    });

    it('previews how the document splits into units, with labels and text', async () => {
      const evil = '<img src=x onerror="window.__pwned=1">';
      stubApi({}, (path, method) =>
        method === 'POST' && path === '/v1/admin/consultations/document/preview'
          ? { units: [{ label: '§ 1', text: 'Przyjmuje się program.', depth: 0 }, { label: '§ 1 ust. 1', text: evil, depth: 1 }], warnings: [] }
          : undefined,
      );
      const el = await mount('pl');
      await openNew(el);
      type(el, '#document', '§ 1. Przyjmuje się program.\n1. Treść.');
      $(el, 'button.preview').click();
      await waitUntil(() => active(el)?.id === 'preview-heading', 'the preview did not open');
      expect(writes()[0]!.body).to.deep.equal({ document: '§ 1. Przyjmuje się program.\n1. Treść.' });
      expect(writes()[0]!.headers['X-CSRF-Token']).to.equal('csrf-456');
      expect([...root(el).querySelectorAll('.units li')].map(text)).to.deep.equal(['§ 1 Przyjmuje się program.', `§ 1 ust. 1 ${evil}`]);
      expect(text($(el, '[role=status]'))).to.equal('Znaleziono 2 jednostki.');
      expect(root(el).querySelector('.units img')).to.equal(null);
      expect(root(el).querySelector('.preview-warnings')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    for (const [lang, heading, skips, pages] of [
      ['pl', 'Sprawdź 2 miejsca, w których podział może nie odpowiadać intencji:', 'Wiersz 3: numeracja przeskakuje – jest „§ 3”, a oczekiwano „§ 2”.', 'Pominięto 4 wiersze wyglądające na numery stron albo powtarzane nagłówki i stopki (pierwszy: wiersz 1).'],
      ['uk', 'Перевірте 2 місця, де поділ може не відповідати задуму:', 'Рядок 3: нумерація пропускає номер – стоїть «§ 3», а очікувалося «§ 2».', 'Пропущено 4 рядки, схожі на номери сторінок або повторювані колонтитули (перший: рядок 1).'],
    ] as const) {
      it(`tells the official where the split is unsure, in ${lang}`, async () => {
        stubApi({}, (path, method) =>
          method === 'POST' && path === '/v1/admin/consultations/document/preview'
            ? {
                units: [{ label: '§ 1', text: 'Pierwszy.', depth: 0 }, { label: '§ 3', text: 'Trzeci.', depth: 0 }],
                warnings: [{ code: 'page_lines_removed', line: 1, count: 4 }, { code: 'numbering_skips', line: 3, label: '§ 3', expected: '§ 2' }],
              }
            : undefined,
        );
        const el = await mount(lang);
        await openNew(el);
        type(el, '#document', '2\n§ 1. Pierwszy.\n§ 3. Trzeci.');
        $(el, 'button.preview').click();
        await waitUntil(() => active(el)?.id === 'preview-heading', 'the preview did not open');
        expect(text($(el, '#preview-warnings'))).to.equal(heading);
        expect([...root(el).querySelectorAll('.preview-warnings li')].map(text)).to.deep.equal([pages, skips]);
        expect(text($(el, '[role=status]'))).to.include(heading);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('moderation queue', () => {
    it('approves with the CSRF token, announces it and moves focus to the next remark', async () => {
      let pending = [remark('r1', { status: 'pending' }), remark('r2', { status: 'pending', unitLabel: null })];
      // The queue reads `pending` on each request.
      stubApi({ get pending() { return pending; } }, (path, method) => {
        if (method === 'POST' && path === '/v1/admin/consultations/remarks/r1/approve') return (pending = pending.slice(1)), { id: 'r1', status: 'published' };
        return undefined;
      });
      const el = await mount('en');
      await openConsultation(el, 'queue');
      await expect(el).to.be.accessible();
      expect(text($(el, '#q0-heading'))).to.equal('Remark on: § 1 ust. 2');
      $(el, '[data-id="r1"] button.approve').click();
      await waitUntil(() => active(el)?.id === 'q0-heading' && text(active(el)!) === 'Remark on the whole document', 'focus did not move to the next remark');
      expect(writes().map((c) => [c.url, c.headers['X-CSRF-Token']])).to.deep.equal([[`${BASE}/v1/admin/consultations/remarks/r1/approve`, 'csrf-456']]);
      expect(text($(el, '[role=status]'))).to.equal('Remark approved. It is now public.');
    });

    it('rejects with the optional reason', async () => {
      stubApi({ pending: [remark('r1', { status: 'pending' })] }, (path, method) => (method === 'POST' && path.endsWith('/reject') ? { id: 'r1', status: 'rejected' } : undefined));
      const el = await mount('pl');
      await openConsultation(el, 'queue');
      type(el, '#q0-reason', ' Spam ');
      $(el, 'button.reject').click();
      await waitUntil(() => text($(el, '[role=status]')) === 'Odrzucono uwagę.');
      expect(writes().map((c) => [c.url, c.body])).to.deep.equal([[`${BASE}/v1/admin/consultations/remarks/r1/reject`, { reason: 'Spam' }]]);
    });

    it('renders script and HTML in a remark as text', async () => {
      const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
      const bad = remark('r1', { status: 'pending', unitLabel: evil, proposedWording: evil, justification: evil, organisationName: evil, contactName: evil, supporters: [{ organisationName: evil }] });
      stubApi({ pending: [bad], published: [{ ...bad, status: 'published' }] });
      const el = await mount('pl');
      await openConsultation(el, 'queue');
      expect(text($(el, '#q0-heading'))).to.equal(`Uwaga do: ${evil}`);
      expect([...root(el).querySelectorAll('.remark dd.text')].map((d) => d.textContent)).to.include(evil);
      $(el, '#tab-answers').click();
      await waitUntil(() => root(el).querySelector('#panel-answers article'));
      expect(root(el).querySelector('#panel-answers dd')!.textContent).to.equal('Program obowiązuje rok.');
      expect([...root(el).querySelectorAll('#panel-answers dd')].map((d) => d.textContent)).to.include.members([`Organizacja pozarządowa, ${evil}, KRS 0000123456`, evil]);
      expect(root(el).querySelector('img, script')).to.equal(null);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  describe('answers', () => {
    const published = () => [remark('r1'), remark('r2', { authorType: 'resident', organisationName: null, krs: null, supporters: [], decision: 'accepted', response: 'Uwzględniono.', answeredAt: '2026-05-27T10:00:00.000Z' })];

    it('is accessible in Polish and Ukrainian and shows remarks with author, contact, supporters and progress', async () => {
      for (const lang of ['pl', 'uk']) {
        stubApi({ published: published() });
        const el = await mount(lang);
        await openConsultation(el, 'answers');
        await expect(el).to.be.accessible();
        if (lang === 'pl') {
          expect(text($(el, '.progress'))).to.equal('Odpowiedziano na 1 z 2 uwag.');
          const pairs = (id: string) => [...root(el).querySelectorAll(`[data-id="${id}"] dt`)].map((dt) => `${text(dt)}: ${text(dt.nextElementSibling!)}`);
          expect(pairs('r1')).to.include.members([
            'Obecne brzmienie: Program obowiązuje rok.',
            'Proponowane brzmienie: Program obowiązuje dwa lata.',
            'Uzasadnienie: Dłuższy program daje organizacjom stabilność.',
            'Autor: Organizacja pozarządowa, Fundacja Sąsiedzi, KRS 0000123456',
            'Kontakt (niepubliczny): Anna Kowal (anna@example.org)',
            'Poparcie: Stowarzyszenie Razem',
          ]);
          expect(pairs('r2')).to.include.members(['Autor: Mieszkaniec/mieszkanka', 'Poparcie: brak']);
          expect(text($(el, '#r0-state'))).to.equal('Bez odpowiedzi');
          expect(text($(el, '#r1-state'))).to.equal('Odpowiedź zapisana');
          expect($<HTMLInputElement>(el, '#r1-decision-accepted').checked).to.equal(true);
          expect($(el, 'a.csv').getAttribute('href')).to.equal(`${BASE}/v1/admin/consultations/c1/remarks/export?format=csv&lang=pl`);
          expect($(el, 'a.xlsx').getAttribute('href')).to.equal(`${BASE}/v1/admin/consultations/c1/remarks/export?format=xlsx&lang=pl`);
          expect($(el, 'a.csv-pl').getAttribute('href')).to.equal(`${BASE}/v1/admin/consultations/c1/remarks/export?format=csv&dialect=excel-pl&lang=pl`);
          expect(text($(el, '.downloads'))).to.match(/^Wszystkie uwagi z danymi kontaktowymi:/);
          expect(root(el).querySelector('a.report')).to.equal(null);
        } else {
          expect(text($(el, '.progress'))).to.equal('Відповідь надано на 1 з 2 зауважень.');
        }
      }
    });

    it('asks for a decision and a justification before saving', async () => {
      stubApi({ published: published() });
      const el = await mount('en');
      await openConsultation(el, 'answers');
      $(el, '[data-id="r1"] button[type=submit]').click();
      await waitUntil(() => active(el)?.id === 'r0-decision-accepted', 'focus did not move to the decision');
      expect(text($(el, '#r0-decision-error'))).to.equal('Choose a decision.');
      expect(text($(el, '#r0-response-error'))).to.equal('This field is required.');
      expect(writes()).to.have.length(0);
    });

    it('saves an answer with a PUT of the decision and the response, and shows it saved', async () => {
      stubApi({ published: published() }, (path, method, body) =>
        method === 'PUT' && path === '/v1/admin/consultations/remarks/r1/response' ? { id: 'r1', ...(body as object), answeredAt: '2026-05-27T11:00:00.000Z' } : undefined,
      );
      const el = await mount('en');
      await openConsultation(el, 'answers');
      $(el, '#r0-decision-partly_accepted').click();
      type(el, '#r0-response', '  The programme will run for two years.  ');
      await el.updateComplete;
      expect(text($(el, '#r0-state'))).to.equal('Unsaved changes');
      $(el, '[data-id="r1"] button[type=submit]').click();
      await waitUntil(() => text($(el, '[role=status]')) === 'Answer to the remark saved.');
      const [put] = writes();
      expect(writes()).to.have.length(1);
      expect(put!.method).to.equal('PUT');
      expect(put!.url).to.equal(`${BASE}/v1/admin/consultations/remarks/r1/response`);
      expect(put!.headers['X-CSRF-Token']).to.equal('csrf-456');
      expect(put!.body).to.deep.equal({ decision: 'partly_accepted', response: 'The programme will run for two years.' });
      expect(text($(el, '#r0-state'))).to.equal('Answer saved');
      expect(text($(el, '.progress'))).to.equal('2 of 2 remarks answered.');
    });

    /** c1 as `over` makes it, with the published remarks `items`, and `route` for the writes. */
    const stubConsultation = (over: Partial<StaffConsultation>, items: StaffRemark[], route: (path: string, method: string) => unknown = () => undefined) =>
      stubFetch((path, method) => {
        if (path === '/v1/admin/consultations') return { items: [{ ...open, ...over }] };
        if (path === '/v1/admin/consultations/c1') return detail({ ...open, ...over });
        if (path.includes('/remarks?status=')) return { items: path.endsWith('published') ? items : [] };
        return route(path, method);
      });
    const answered = (id: string) => remark(id, { decision: 'accepted', response: 'Tak.', answeredAt: '2026-05-27T10:00:00.000Z' });
    const none = { pending: 0, unconfirmed: 0, unanswered: 0 };

    it('offers publishing only when it is allowed, saying beside the button why it waits, and sends nothing', async () => {
      const cases: [Partial<StaffConsultation>, StaffRemark[], string][] = [
        [{ status: 'open', counts: none }, [answered('r1')], 'The consultation is still open. Answers and the report can be published once it has closed.'],
        [{ status: 'closed', counts: { ...none, pending: 1 } }, [answered('r1')], 'Some remarks still await moderation. 1 remark awaits moderation.'],
        [{ status: 'closed', counts: none }, published(), 'Not every remark has an answer. 1 remark is still unanswered.'],
      ];
      for (const [over, items, reason] of cases) {
        api?.restore();
        stubConsultation(over, items);
        const el = await mount('en');
        await openConsultation(el, 'answers');
        await waitUntil(() => root(el).querySelector('#publish-blocked'), `no reason shown for ${JSON.stringify(over)}`);
        expect(text($(el, '#publish-blocked'))).to.equal(reason);
        expect($(el, 'button.publish').getAttribute('aria-disabled')).to.equal('true');
        expect($(el, 'button.publish').getAttribute('aria-describedby')).to.equal('publish-hint publish-blocked');
        $(el, 'button.publish').click();
        await el.updateComplete;
        expect(root(el).querySelector('button.confirm')).to.equal(null);
        expect(writes()).to.have.length(0);
        await expect(el).to.be.accessible();
        el.remove();
      }
    });

    it('offers publishing once every remark is answered in the panel', async () => {
      stubConsultation({ status: 'closed', counts: none }, [remark('r1')], (path, method) =>
        method === 'PUT' && path === '/v1/admin/consultations/remarks/r1/response' ? { id: 'r1', decision: 'accepted', response: 'Tak, uwzględniono.', answeredAt: '2026-05-27T11:00:00.000Z' } : undefined,
      );
      const el = await mount('pl');
      await openConsultation(el, 'answers');
      await waitUntil(() => root(el).querySelector('#publish-blocked'));
      $(el, '#r0-decision-accepted').click();
      type(el, '#r0-response', 'Tak, uwzględniono.');
      await el.updateComplete;
      $(el, '[data-id="r1"] button[type=submit]').click();
      await waitUntil(() => !root(el).querySelector('#publish-blocked'), 'the reason stayed after the last answer');
      expect($(el, 'button.publish').hasAttribute('aria-disabled')).to.equal(false);
    });

    it('shows the server\'s refusal with its count when the panel thought publishing was allowed', async () => {
      stubConsultation({ status: 'closed', counts: none }, [answered('r1')], (path, method) =>
        method === 'POST' && path === '/v1/admin/consultations/c1/publish-answers'
          ? reply(409, { error: { code: 'unanswered_remarks', message: 'Some published remarks have no answer yet', details: { count: 4 } } })
          : undefined,
      );
      const el = await mount('pl');
      await openConsultation(el, 'answers');
      expect(text($(el, '#publish-hint'))).to.contain('autorzy uwag dostaną e-mail');
      $(el, 'button.publish').click();
      await waitUntil(() => active(el)?.classList.contains('confirm'), 'focus did not move to the confirmation');
      expect(writes()).to.have.length(0);
      $(el, 'button.confirm').click();
      await waitUntil(() => active(el)?.id === 'publish-error', 'focus did not move to the error');
      expect(text($(el, '#publish-error'))).to.equal('Nie wszystkie uwagi mają odpowiedź. Bez odpowiedzi są jeszcze 4 uwagi.');
      expect(writes().map((c) => [c.url, c.headers['X-CSRF-Token']])).to.deep.equal([[`${BASE}/v1/admin/consultations/c1/publish-answers`, 'csrf-456']]);
    });

    it('publishes after confirmation, announces the mailing and focuses the new report link', async () => {
      let reportedAt: string | null = null;
      stubFetch((path, method) => {
        if (method === 'POST' && path === '/v1/admin/consultations/c1/publish-answers') return (reportedAt = '2026-05-28T10:00:00.000Z'), { id: 'c1', reportedAt, mailed: 2 };
        if (path === '/v1/admin/consultations') return { items: [open] };
        if (path === '/v1/admin/consultations/c1') return { ...detail(open), status: reportedAt ? 'reported' : 'closed', reportedAt, counts: { pending: 0, unconfirmed: 0, unanswered: 0 } };
        if (path.includes('/remarks?status=')) return { items: [remark('r1', { decision: 'accepted', response: 'Tak.', answeredAt: '2026-05-27T10:00:00.000Z' })] };
        return undefined;
      });
      const el = await mount('en');
      await openConsultation(el, 'answers');
      $(el, 'button.publish').click();
      await waitUntil(() => root(el).querySelector('button.confirm'));
      $(el, 'button.confirm').click();
      await waitUntil(() => active(el)?.classList.contains('report'), 'focus did not move to the report link');
      expect(text($(el, '[role=status]'))).to.equal('Answers and report published. The authors of remarks will be e-mailed.');
      expect($(el, 'a.report').getAttribute('href')).to.equal(`${BASE}/v1/consultations/c1/report?format=html&lang=en`);
      expect(root(el).querySelector('button.publish')).to.equal(null);
    });

    it('moves between the tabs with the arrow keys', async () => {
      stubApi({ published: published() });
      const el = await mount('pl');
      await openConsultation(el, 'queue');
      $(el, '#tab-queue').focus();
      $(el, '#tab-queue').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      await waitUntil(() => active(el)?.id === 'tab-answers');
      expect($(el, '#tab-answers').getAttribute('aria-selected')).to.equal('true');
      expect($(el, '#panel-queue').hidden).to.equal(true);
      await waitUntil(() => root(el).querySelector('#panel-answers .progress'));
    });

    it('links to the report once published', async () => {
      stubApi({ published: [] });
      const el = await mount('uk');
      await openConsultation(el, 'answers', 'c2');
      expect($(el, 'a.report').getAttribute('href')).to.equal(`${BASE}/v1/consultations/c2/report?format=html&lang=uk`);
      const docx = $(el, 'a.report-docx')!;
      expect(docx.getAttribute('href')).to.equal(`${BASE}/v1/consultations/c2/report?format=docx&lang=uk`);
      expect(docx.hasAttribute('download')).to.equal(true);
      expect(text(docx)).to.equal('Завантажити звіт (документ Word)');
      expect(root(el).querySelector('button.publish')).to.equal(null);
    });
  });

  describe('report texts', () => {
    const PUT_PATH = '/v1/admin/consultations/c1/report-texts';
    /** c1's detail with `over`, c2 published, no remarks; `put` answers the report texts' PUT (typed from the server's ReportTexts). */
    const stubTexts = (over: Partial<StaffConsultationDetail>, put: (body: ReportTexts) => unknown = (body) => body) =>
      stubFetch((path, method, body) => {
        if (method === 'PUT' && path === PUT_PATH) return put(body as ReportTexts);
        if (path === '/v1/admin/consultations') return { items: [open, reported] };
        if (path === '/v1/admin/consultations/c1') return { ...detail(open), ...over };
        if (path === '/v1/admin/consultations/c2') return detail(reported);
        return path.includes('/remarks?status=') ? { items: [] } : undefined;
      });
    const gets = () => calls.filter((c) => c.method === 'GET' && c.path === '/v1/admin/consultations/c1').length;

    it('shows the stored texts, saves both trimmed (empty: the computed text) with the CSRF token and announces it', async () => {
      stubTexts({ reportIntroduction: 'Wstęp urzędu.', reportSummary: 'Stare podsumowanie.' }, (body): ReportTexts => ({ ...body }));
      const el = await mount('en');
      await openConsultation(el, 'queue');
      expect($<HTMLTextAreaElement>(el, '#report-introduction').value).to.equal('Wstęp urzędu.');
      expect($<HTMLTextAreaElement>(el, '#report-summary').value).to.equal('Stare podsumowanie.');
      expect(text($(el, 'label[for=report-summary]'))).to.equal('Summary');
      expect(text($(el, '#report-introduction-hint'))).to.equal('Leave empty for the text computed from the data. Separate paragraphs with a blank line. At most 10,000 characters.');
      expect($(el, '#report-introduction').getAttribute('aria-describedby')).to.equal('report-introduction-hint');
      type(el, '#report-introduction', '  Pierwszy akapit.\n\nDrugi akapit.  ');
      type(el, '#report-summary', '   ');
      $(el, 'form.report-texts button[type=submit]').click();
      await waitUntil(() => text($(el, '[role=status]')) === 'Introduction and summary of the report saved.', 'the save was not announced');
      expect(writes()).to.have.length(1);
      const [put] = writes();
      expect(put!.method).to.equal('PUT');
      expect(put!.url).to.equal(`${BASE}${PUT_PATH}`);
      expect(put!.headers['X-CSRF-Token']).to.equal('csrf-456');
      expect(put!.body).to.deep.equal({ introduction: 'Pierwszy akapit.\n\nDrugi akapit.', summary: null });
      expect($<HTMLTextAreaElement>(el, '#report-introduction').value).to.equal('Pierwszy akapit.\n\nDrugi akapit.');
      expect($<HTMLTextAreaElement>(el, '#report-summary').value).to.equal('');
    });

    it('is accessible in Polish and Ukrainian', async () => {
      for (const lang of ['pl', 'uk']) {
        stubTexts({});
        const el = await mount(lang);
        await openConsultation(el, 'queue');
        await expect(el).to.be.accessible();
        expect(text($(el, '#report-texts-heading'))).to.equal(lang === 'pl' ? 'Wstęp i podsumowanie sprawozdania' : 'Вступ і підсумок звіту');
        api!.restore();
      }
    });

    it('puts the server\'s 422 on its field and moves focus there', async () => {
      stubTexts({}, () => reply(422, { error: { code: 'validation_failed', message: 'Invalid', details: { issues: [{ path: 'summary', code: 'too_long', message: 'Too long' }] } } }));
      const el = await mount('en');
      await openConsultation(el, 'queue');
      type(el, '#report-summary', 'Podsumowanie.');
      $(el, 'form.report-texts button[type=submit]').click();
      await waitUntil(() => active(el)?.id === 'report-summary', 'focus did not move to the summary');
      expect(text($(el, '#report-summary-error'))).to.equal('The text is too long.');
      expect($(el, '#report-summary').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#report-summary').getAttribute('aria-describedby')).to.equal('report-summary-hint report-summary-error');
      expect(root(el).querySelector('#report-introduction-error')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows another failure in its own error region, focused, apart from the moderation queue\'s', async () => {
      stubTexts({}, () => reply(500, { error: { code: 'internal', message: 'Boom' } }));
      const el = await mount('en');
      await openConsultation(el, 'queue');
      $(el, 'form.report-texts button[type=submit]').click();
      await waitUntil(() => active(el)?.id === 'report-texts-error', 'focus did not move to the error');
      expect(text($(el, '#report-texts-error'))).to.not.equal('');
      expect(root(el).querySelectorAll('#action-error')).to.have.length(1);
      expect(text($(el, '#action-error'))).to.equal('');
    });

    it('once the report is published, explains why instead of the form', async () => {
      stubTexts({});
      const el = await mount('pl');
      await openConsultation(el, 'queue', 'c2');
      expect(root(el).querySelector('form.report-texts, #report-introduction')).to.equal(null);
      expect(text($(el, '#report-texts-locked'))).to.equal('Sprawozdanie jest opublikowane, więc jego wstępu i podsumowania nie można już zmienić.');
      await expect(el).to.be.accessible();
    });

    it('on the server\'s 409 (published meanwhile) hides the form, explains it and reloads the consultation', async () => {
      stubTexts({}, () => reply(409, { error: { code: 'conflict', message: 'The report is published' } }));
      const el = await mount('en');
      await openConsultation(el, 'queue');
      const before = gets();
      type(el, '#report-introduction', 'Wstęp.');
      $(el, 'form.report-texts button[type=submit]').click();
      await waitUntil(() => active(el)?.id === 'report-texts-locked', 'focus did not move to the explanation');
      expect(text($(el, '#report-texts-locked'))).to.equal('The report is published, so its introduction and summary can no longer change.');
      expect(text($(el, '[role=status]'))).to.equal('The report is published, so its introduction and summary can no longer change.');
      expect(root(el).querySelector('#report-introduction')).to.equal(null);
      await waitUntil(() => gets() > before, 'the consultation was not reloaded');
    });
  });

  it('is the consultations section of <ngo-admin>, loaded on first use with the panel\'s session', async () => {
    stubFetch((path) => (path === '/v1/admin/session' ? session : path === '/v1/admin/consultations' ? { items: [open] } : undefined));
    const panel = await fixture(html`<ngo-admin lang="en" api-base=${location.origin}></ngo-admin>`);
    // The panel opens on its start screen; the section loads when its entry in the navigation is chosen.
    const nav = () => panel.shadowRoot!.querySelector<HTMLButtonElement>('nav button[data-section="consultations"]');
    await waitUntil(nav, 'the navigation');
    nav()!.click();
    await waitUntil(() => panel.shadowRoot!.querySelector('ngo-admin-consultations')?.shadowRoot?.querySelector('[data-id="c1"]'), 'the section did not load');
    const section = panel.shadowRoot!.querySelector('ngo-admin-consultations')!;
    expect(section.session?.csrfToken).to.equal('csrf-456');
    await expect(panel).to.be.accessible();
  });

  it('opens the consultation a staff mail links to (#consultations/<id>), its moderation queue first, and one the audit log links to', async () => {
    stubApi({ pending: [remark('r1', { status: 'pending' })] }, (path) => (path === '/v1/admin/session' ? session : undefined));
    history.replaceState(null, '', `${location.pathname}${location.search}#consultations/c1`);
    try {
      const panel = await fixture(html`<ngo-admin lang="en" api-base=${location.origin}></ngo-admin>`);
      const section = () => panel.shadowRoot!.querySelector<NgoAdminConsultations>('ngo-admin-consultations');
      await waitUntil(() => section()?.shadowRoot?.querySelector('#panel-queue article'), 'the linked consultation did not open');
      expect(text($(section()!, '#consultation-heading'))).to.equal('Program współpracy na 2027 rok');
      expect($(section()!, '#panel-queue article').textContent).to.contain('Program obowiązuje dwa lata.');
      expect(panel.shadowRoot!.querySelector('nav button[data-section="consultations"]')!.getAttribute('aria-current')).to.equal('page');
      // A link inside the panel (the audit log's) opens another consultation in place.
      location.hash = '#consultations/c2';
      await waitUntil(() => section()?.shadowRoot?.querySelector('#consultation-heading')?.textContent?.includes('Program wolontariatu'), 'the second link did not open');
    } finally {
      history.replaceState(null, '', `${location.pathname}${location.search}`);
    }
  });
});

describe('consultation form model', () => {
  it('maps server paths to the form\'s controls', () => {
    expect(issuesOfServer([{ path: 'attachments.2.title', code: 'required', message: '' }, { path: 'title', code: 'too_short', message: '' }])).to.deep.equal([
      { field: 'attachment-2-title', code: 'required' },
      { field: 'title', code: 'too_short', min: 5 },
    ]);
  });

  it('requires the text fields, the dates and the document', () => {
    expect(validateDraft(emptyDraft()).map((i) => `${i.field}:${i.code}`)).to.deep.equal([
      'title:required', 'goal:required', 'subject:required', 'unitName:required', 'legalBasis:required', 'startsLocal:required', 'endsLocal:required', 'document:required',
    ]);
  });
});
