import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { NgoElement } from './base.element.js';
import { defineOnce } from './define.js';
import { errorSummary, focusErrorSummary, formStyles, inputField, statusRegion } from './forms.js';
import { t } from './i18n/index.js';
import { theme } from './theme.js';

class NgoTestForm extends NgoElement {
  static override styles = [theme, formStyles];
  errors: Record<string, string> = {};
  status = '';
  protected override render() {
    const lang = this.locale;
    const list = Object.entries(this.errors).map(([id, message]) => ({ id, message }));
    return litHtml`<div class="ngo-root">
      <form novalidate>
        ${errorSummary(t(lang, 'summary.heading', { count: list.length }), list)}
        ${inputField({ id: 'name', label: 'Nazwa', hint: 'Pełna nazwa', error: this.errors.name, value: '', onInput: () => {} })}
        ${inputField({ id: 'email', label: 'E-mail', type: 'email', error: this.errors.email, value: '', onInput: () => {} })}
      </form>
      ${statusRegion(this.status)}
    </div>`;
  }
}
defineOnce('ngo-test-form', NgoTestForm);

describe('form blocks', () => {
  it('link label, hint and error to the control', async () => {
    const el = await fixture<NgoTestForm>(html`<ngo-test-form></ngo-test-form>`);
    el.errors = { email: 'Wpisz poprawny adres e-mail.' };
    el.requestUpdate();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const root = el.shadowRoot!;
    const name = root.getElementById('name')!;
    const email = root.getElementById('email')!;
    expect(root.querySelector('label[for="name"]')!.textContent).to.contain('Nazwa');
    expect(name.getAttribute('aria-describedby')).to.equal('name-hint');
    expect(name.hasAttribute('aria-invalid')).to.equal(false);
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(root.getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.equal('Wpisz poprawny adres e-mail.');
  });

  it('error summary is an alert whose links focus the fields', async () => {
    const el = await fixture<NgoTestForm>(html`<ngo-test-form></ngo-test-form>`);
    el.errors = { name: 'Nazwa: to pole jest wymagane.', email: 'E-mail: wpisz poprawny adres.' };
    el.requestUpdate();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const root = el.shadowRoot!;
    const summary = root.querySelector<HTMLElement>('.ngo-error-summary')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(summary.querySelector('h2')!.textContent).to.equal('Formularz zawiera 2 błędy');
    focusErrorSummary(root);
    expect(root.activeElement).to.equal(summary);
    const links = summary.querySelectorAll('a');
    links[1]!.click();
    expect(root.activeElement).to.equal(root.getElementById('email'));
    links[0]!.click();
    expect(root.activeElement).to.equal(root.getElementById('name'));
    expect(location.hash).to.equal('');
  });

  it('renders nothing when there are no errors, and a polite status region', async () => {
    const el = await fixture<NgoTestForm>(html`<ngo-test-form></ngo-test-form>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('.ngo-error-summary')).to.equal(null);
    const status = root.querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    el.status = 'Wysłano.';
    el.requestUpdate();
    await el.updateComplete;
    expect(status.textContent).to.equal('Wysłano.');
  });
});
