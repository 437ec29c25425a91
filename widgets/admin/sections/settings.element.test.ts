import { expect, fixture, html } from '@open-wc/testing';
import type { StaffClause } from '../../../common/clauses.schema.js';
import type { AdminSession } from '../admin.api.js';
import { json, stubFetch, waitFor, type Call } from '../../core/testing.js';
import './index.js';
import type { NgoAdminSettings } from './settings.element.js';

const SESSION: AdminSession = {
  staff: { id: 's1', email: 'anna@krakow.pl', name: 'Anna Nowak', role: 'admin', district: null },
  csrfToken: 'csrf-settings-1',
  sections: ['staff', 'audit', 'settings'],
};

const DEFAULTS = { pl: true, en: true, uk: true };
const clauses = (): StaffClause[] => [
  { form: 'map', pl: 'Domyślna klauzula mapy.', en: 'Default map clause.', uk: 'Типове положення мапи.', updatedAt: null, isDefault: DEFAULTS },
  {
    form: 'consultations',
    pl: 'Własna klauzula konsultacji.',
    en: 'Default consultations clause.',
    uk: 'Типове положення консультацій.',
    updatedAt: '2026-01-15T11:05:00Z',
    isDefault: { pl: false, en: true, uk: true },
  },
];

/** Stubs fetch (the network boundary) with the two settings routes; `put` answers the PUT. */
function fakeApi(put: (call: Call) => Response) {
  return stubFetch((call) => {
    if (call.method === 'GET' && call.path === '/v1/admin/settings/clauses') return json(200, { items: clauses() });
    if (call.method === 'PUT' && call.path.startsWith('/v1/admin/settings/clauses/')) return put(call);
    return json(404, { error: { code: 'not_found', message: 'No such route' } });
  });
}

async function mount(lang: string) {
  const el = await fixture<NgoAdminSettings>(html`<ngo-admin-settings lang=${lang} api-base=${location.origin} .session=${SESSION}></ngo-admin-settings>`);
  await waitFor(() => el.shadowRoot!.querySelectorAll('textarea').length === 6);
  return el;
}

const $ = <E extends Element = HTMLElement>(el: NgoAdminSettings, sel: string) => el.shadowRoot!.querySelector<E>(sel);
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim();

function type(area: HTMLTextAreaElement, value: string) {
  area.focus();
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<ngo-admin-settings>', () => {
  let api: ReturnType<typeof fakeApi> | undefined;
  afterEach(() => {
    api?.restore();
    api = undefined;
  });

  for (const [lang, heading, label, hint] of [
    ['pl', 'Mapa organizacji: zgłoszenie lub poprawka wpisu', 'Klauzula po angielsku', 'Tekst domyślny. Zmień go, aby ustawić własny.'],
    ['uk', 'Мапа організацій: новий запис або виправлення', 'Положення англійською', 'Текст за замовчуванням. Змініть його, щоб задати власний.'],
  ] as const) {
    it(`shows each form's clause in three labelled text areas, accessibly, in ${lang}`, async () => {
      api = fakeApi(() => json(500, {}));
      const el = await mount(lang);
      await expect(el).to.be.accessible();
      expect(text($(el, '#clause-map-title'))).to.equal(heading);
      expect(text($(el, 'label[for="clause-map-en"]'))).to.equal(label);
      const area = $<HTMLTextAreaElement>(el, '#clause-map-en')!;
      expect(area.value).to.equal('Default map clause.');
      expect(area.lang).to.equal('en');
      expect(text(el.shadowRoot!.getElementById(area.getAttribute('aria-describedby')!))).to.equal(hint);
      // A configured language has no "default" hint.
      expect(text($(el, '#clause-consultations-pl-hint'))).not.to.equal(hint);
      expect(api.calls[0]).to.include({ method: 'GET', path: '/v1/admin/settings/clauses', credentials: 'same-origin' });
    });
  }

  it('saves one form with its three texts and the CSRF token, and announces it', async () => {
    api = fakeApi((call) => {
      const body = call.body as { pl: string; en: string; uk: string };
      return json(200, { ...clauses()[0], ...body, uk: 'Типове положення мапи.', updatedAt: '2026-02-01T10:00:00Z', isDefault: { pl: true, en: false, uk: true } });
    });
    const el = await mount('en');
    type($<HTMLTextAreaElement>(el, '#clause-map-en')!, 'Our own English clause.');
    type($<HTMLTextAreaElement>(el, '#clause-map-uk')!, '');
    await el.updateComplete;
    expect(text($(el, '#clause-map-uk-hint'))).to.equal('The field is empty: saving restores the default text.');
    $<HTMLButtonElement>(el, 'form[aria-labelledby="clause-map-title"] button[type="submit"]')!.click();

    const status = await waitFor(() => {
      const s = $(el, 'form[aria-labelledby="clause-map-title"] [role="status"]');
      return s?.textContent?.includes('saved') && s;
    });
    expect(text(status)).to.equal('Clause saved: Organisation map: new entry or correction.');
    const puts = api.calls.filter((c) => c.method === 'PUT');
    expect(puts).to.have.length(1);
    expect(puts[0]!.path).to.equal('/v1/admin/settings/clauses/map');
    expect(puts[0]!.body).to.deep.equal({ pl: 'Domyślna klauzula mapy.', en: 'Our own English clause.', uk: '' });
    expect(puts[0]!.headers['X-CSRF-Token']).to.equal('csrf-settings-1');
    expect(puts[0]!.credentials).to.equal('same-origin');
    // The restored default comes back from the server, with its hint.
    expect($<HTMLTextAreaElement>(el, '#clause-map-uk')!.value).to.equal('Типове положення мапи.');
    expect(text($(el, '#clause-map-uk-hint'))).to.equal('Default text. Change it to set your own.');
    expect(text($(el, '#clause-map-en-hint'))).to.equal('Your own text. Empty the field to restore the default.');
    await expect(el).to.be.accessible();
  });

  it('shows a 422 next to the field, in an alert, and moves focus to the field', async () => {
    api = fakeApi(() =>
      json(422, { error: { code: 'validation_failed', message: 'Some fields are invalid', details: { issues: [{ path: 'pl', code: 'too_long', message: 'Too big' }] } } }),
    );
    const el = await mount('pl');
    $<HTMLButtonElement>(el, 'form[aria-labelledby="clause-consultations-title"] button[type="submit"]')!.click();
    const error = await waitFor(() => $(el, '#clause-consultations-pl-error'));
    expect(text(error)).to.equal('Tekst może mieć najwyżej 8000 znaków.');
    const area = $<HTMLTextAreaElement>(el, '#clause-consultations-pl')!;
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    expect(area.getAttribute('aria-describedby')).to.contain('clause-consultations-pl-error');
    expect(text($(el, 'form[aria-labelledby="clause-consultations-title"] [role="alert"]'))).to.equal('Niektóre pola są wypełnione niepoprawnie.');
    await waitFor(() => el.shadowRoot!.activeElement === area);
    // The other form is untouched.
    expect($(el, '#clause-map-pl')!.getAttribute('aria-invalid')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
