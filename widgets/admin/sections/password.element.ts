import { Task } from '@lit/task';
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../common/admin.js';
import { asApiError } from '../../core/api.js';
import { errorSummary, formError, inputField, statusRegion } from '../../core/forms.js';
import { NgoElement } from '../../core/base.element.js';
import { formStyles } from '../../core/forms.js';
import { theme } from '../../core/theme.js';
import { staffSectionStyles } from '../../core/staff-section.styles.js';
import { forgotPassword, passwordLinkInfo, setPassword, type MailLanguage } from '../admin.api.js';
import { tSections } from './sections.i18n.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
type Field = 'email' | 'password' | 'repeat';

/**
 * The panel's password screens, outside a session: "forgot password" (the same answer whatever the
 * address) and setting a password from a mailed link (`#password/<token>`), with the TOTP key for
 * an invited administrator. Loaded with the panel's sections chunk, only when needed.
 *
 * @tag ngo-admin-staff-password
 * @fires ngo-password-done - Back to the sign-in form. `detail: { message }`: what to announce there.
 */
export class NgoAdminPassword extends NgoElement {
  static override styles = [
    theme,
    formStyles,
    staffSectionStyles,
    css`
      .secret {
        font-family: ui-monospace, monospace;
        font-size: 1.125em;
        overflow-wrap: anywhere;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    token: { attribute: false },
    errors: { state: true },
    error: { state: true },
    status: { state: true },
    busy: { state: true },
    totp: { state: true },
  };
  /** The set-password token from the link; without it the form asks for the e-mail ("forgot password"). */
  declare token: string;
  declare private errors: Partial<Record<Field, string>>;
  declare private error: string;
  declare private status: string;
  declare private busy: boolean;
  declare private totp: { secret: string; uri: string } | null;
  private email = '';
  private password = '';
  private repeat = '';

  constructor() {
    super();
    this.token = '';
    this.errors = {};
    this.error = '';
    this.status = '';
    this.busy = false;
    this.totp = null;
  }

  private link = new Task(this, {
    args: () => [this.api, this.token] as const,
    task: ([base, token], { signal }) => (token ? passwordLinkInfo(base, token, signal) : Promise.resolve(null)),
  });

  private done(message: string): void {
    this.dispatchEvent(new CustomEvent('ngo-password-done', { detail: { message }, bubbles: true, composed: true }));
  }

  private async focusSoon(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    this.status = tSections(this.locale, 'status.sending');
    try {
      await action();
    } catch (err) {
      const e = asApiError(err);
      this.status = '';
      this.error = tSections.error(this.locale, e);
      void this.focusSoon('#password-error');
    } finally {
      this.busy = false;
    }
  }

  private async forgot(ev: Event): Promise<void> {
    ev.preventDefault();
    const lang = this.locale;
    const email = this.email.trim();
    this.errors = !email ? { email: tSections(lang, 'field.required') } : EMAIL.test(email) ? {} : { email: tSections(lang, 'field.invalid_email') };
    if (this.errors.email) return this.focusSoon('.ngo-error-summary');
    await this.run(async () => {
      await forgotPassword(this.api, email, lang as MailLanguage);
      this.status = tSections(lang, 'password.forgot.sent', { email });
      void this.focusSoon('#password-sent');
    });
  }

  private async set(ev: Event): Promise<void> {
    ev.preventDefault();
    const lang = this.locale;
    const e: Partial<Record<Field, string>> = {};
    if (!this.password) e.password = tSections(lang, 'field.required');
    else if (this.password.length < PASSWORD_MIN) e.password = tSections(lang, 'password.set.too_short', { min: PASSWORD_MIN });
    if (this.password && this.repeat !== this.password) e.repeat = tSections(lang, 'password.set.mismatch');
    this.errors = e;
    if (Object.keys(e).length) return this.focusSoon('.ngo-error-summary');
    await this.run(async () => {
      const result = await setPassword(this.api, this.token, this.password);
      this.password = this.repeat = '';
      if (result.totpSecret && result.totpUri) {
        this.totp = { secret: result.totpSecret, uri: result.totpUri };
        this.status = '';
        void this.focusSoon('#totp-heading');
      } else this.done(tSections(lang, 'password.set.done'));
    });
  }

  private summary(labels: Record<Field, string>) {
    const list = (Object.keys(this.errors) as Field[]).map((f) => ({ id: `pw-${f}`, label: labels[f], message: this.errors[f]! }));
    return errorSummary(tSections(this.locale, 'summary.heading', { count: list.length }), list);
  }

  private back() {
    return html`<button type="button" class="link back" @click=${() => this.done('')}>${tSections(this.locale, 'password.back')}</button>`;
  }

  private renderForgot() {
    const lang = this.locale;
    const sent = !!this.status && !this.busy;
    return html`<form novalidate aria-labelledby="password-title" @submit=${this.forgot}>
      <h2 id="password-title" class="title" tabindex="-1">${tSections(lang, 'password.forgot.heading')}</h2>
      <p>${tSections(lang, 'password.forgot.intro')}</p>
      ${this.summary({ email: tSections(lang, 'admin.login.email'), password: '', repeat: '' })}
      ${formError(this.error, 'password-error')}
      ${inputField({ id: 'pw-email', type: 'email', label: tSections(lang, 'admin.login.email'), requiredMarker: tSections(lang, 'field.required_marker'), value: this.email, required: true, autocomplete: 'username', maxlength: 254, error: this.errors.email, onInput: (v) => (this.email = v) })}
      <div class="row">
        <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${tSections(lang, 'password.forgot.submit')}</button>
        ${this.back()}
      </div>
      ${sent ? html`<p id="password-sent" class="box" tabindex="-1">${this.status}</p>` : nothing}
    </form>`;
  }

  private renderTotp(totp: { secret: string; uri: string }) {
    const lang = this.locale;
    return html`<section aria-labelledby="totp-heading">
      <h2 id="totp-heading" class="title" tabindex="-1">${tSections(lang, 'password.totp.heading')}</h2>
      <p>${tSections(lang, 'password.totp.intro')}</p>
      <dl><dt>${tSections(lang, 'password.totp.key')}</dt><dd class="secret">${totp.secret.replace(/(.{4})/g, '$1 ').trim()}</dd></dl>
      <p><a href=${totp.uri}>${tSections(lang, 'password.totp.link')}</a></p>
      <button type="button" @click=${() => this.done(tSections(lang, 'password.set.done'))}>${tSections(lang, 'password.totp.done')}</button>
    </section>`;
  }

  private renderSet() {
    const lang = this.locale;
    if (this.totp) return this.renderTotp(this.totp);
    return this.link.render({
      pending: () => html`<p role="status">${tSections(lang, 'password.set.checking')}</p>`,
      error: (err) => html`<h2 id="password-title" class="title" tabindex="-1">${tSections(lang, 'password.set.heading')}</h2>
        <p class="ngo-form-error" role="alert">${tSections.error(lang, asApiError(err))}</p>${this.back()}`,
      complete: (info) => {
        if (!info) return nothing;
        const labels = { email: '', password: tSections(lang, 'password.set.new'), repeat: tSections(lang, 'password.set.repeat') };
        const marker = tSections(lang, 'field.required_marker');
        return html`<form novalidate aria-labelledby="password-title" @submit=${this.set}>
          <h2 id="password-title" class="title" tabindex="-1">${tSections(lang, 'password.set.heading')}</h2>
          ${info.invitation ? html`<p>${tSections(lang, 'password.set.invitation')}</p>` : nothing}
          <p>${tSections(lang, 'password.set.hello', { name: info.name, email: info.email })}</p>
          ${info.totpEnrolment ? html`<p>${tSections(lang, 'password.set.totp_next')}</p>` : nothing}
          ${this.summary(labels)}
          ${formError(this.error, 'password-error')}
          ${inputField({ id: 'pw-password', type: 'password', label: labels.password, hint: tSections(lang, 'password.set.hint', { min: PASSWORD_MIN, max: PASSWORD_MAX }), requiredMarker: marker, value: this.password, required: true, autocomplete: 'new-password', maxlength: PASSWORD_MAX, error: this.errors.password, onInput: (v) => (this.password = v) })}
          ${inputField({ id: 'pw-repeat', type: 'password', label: labels.repeat, requiredMarker: marker, value: this.repeat, required: true, autocomplete: 'new-password', maxlength: PASSWORD_MAX, error: this.errors.repeat, onInput: (v) => (this.repeat = v) })}
          <div class="row">
            <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${tSections(lang, 'password.set.submit')}</button>
            ${this.back()}
          </div>
        </form>`;
      },
    });
  }

  protected override render() {
    return html`<div class="ngo-root" part="base">
      ${this.token ? this.renderSet() : this.renderForgot()}
      ${statusRegion(this.busy ? this.status : '')}
    </div>`;
  }
}
