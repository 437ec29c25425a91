import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ApiError, asApiError } from '../core/api.js';
import { errorSummary, formError, inputField } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { ChallengeController } from '../core/pow.js';
import { signIn, type AdminSession } from './admin.api.js';
import { tAdmin } from './admin.i18n.js';

type LoginField = 'email' | 'password' | 'otp';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the sign-in form needs of the panel. */
export interface SignInHost extends ReactiveControllerHost, HTMLElement {
  readonly locale: Lang;
}

export interface SignInOptions {
  api: () => string;
  /** A session was opened. */
  signedIn: (session: AdminSession) => void;
  /** Sets the panel's live region. */
  announce: (message: string) => void;
  /** Moves focus to `selector` after the next render. */
  focus: (selector: string) => void;
}

/**
 * The staff panel's sign-in form: e-mail, password and (admins) the 6-digit code in one step,
 * checked before sending, with an error summary; after failed attempts the server asks for a proof
 * of work with each sign-in (429 `challenge_required`), solved here.
 */
export class SignInForm implements ReactiveController {
  email = '';
  password = '';
  otp = '';
  fieldErrors: Partial<Record<LoginField, string>> = {};
  /** An error of the whole form (wrong credentials, the server unreachable), in an alert. */
  formError = '';
  busy = false;
  private needsProof = false;
  private readonly pow: ChallengeController;

  constructor(
    private readonly host: SignInHost,
    private readonly o: SignInOptions,
  ) {
    host.addController(this);
    this.pow = new ChallengeController(host, o.api, { auto: false });
  }

  hostConnected(): void {}

  /** Forgets the secrets typed and the errors shown (after a sign-in, a sign-out or an expired session). */
  reset(): void {
    this.password = '';
    this.otp = '';
    this.needsProof = false;
    this.formError = '';
    this.fieldErrors = {};
    this.host.requestUpdate();
  }

  private labelOf(id: LoginField): string {
    return tAdmin(this.host.locale, `admin.login.${id}`);
  }

  private validate(): boolean {
    const lang = this.host.locale;
    const errors: Partial<Record<LoginField, string>> = {};
    if (!this.email.trim()) errors.email = tAdmin(lang, 'field.required');
    else if (!EMAIL.test(this.email.trim())) errors.email = tAdmin(lang, 'field.invalid_email');
    if (!this.password) errors.password = tAdmin(lang, 'field.required');
    if (this.otp.trim() && !/^\d{6}$/.test(this.otp.trim())) errors.otp = tAdmin(lang, 'admin.login.otp_invalid');
    this.fieldErrors = errors;
    return !Object.keys(errors).length;
  }

  private readonly onSubmit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (this.busy) return;
    this.formError = '';
    if (!this.validate()) {
      this.o.announce('');
      return this.o.focus('.ngo-error-summary');
    }
    const lang = this.host.locale;
    this.busy = true;
    this.o.announce(tAdmin(lang, 'admin.login.signing_in'));
    try {
      this.o.signedIn(await this.signIn());
    } catch (err) {
      const apiErr = asApiError(err);
      this.o.announce('');
      this.formError =
        apiErr.code === 'challenge_required' && apiErr.retryAfter
          ? tAdmin(lang, 'admin.login.wait', { count: apiErr.retryAfter })
          : tAdmin.error(lang, apiErr);
      this.otp = '';
      this.o.focus(apiErr.code === 'invalid_credentials' ? '#password' : '#login-error');
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  };

  /** One sign-in; when the server first asks for a proof of work that needs no wait, solves it and tries once more. */
  private async signIn(): Promise<AdminSession> {
    const otp = this.otp.trim();
    for (;;) {
      const altcha = this.needsProof ? await this.pow.solution().finally(() => this.pow.reset()) : undefined;
      try {
        return await signIn(this.o.api(), { email: this.email.trim(), password: this.password, ...(otp ? { otp } : {}), ...(altcha ? { altcha } : {}) });
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 'challenge_required')) throw err;
        const retryNow = !this.needsProof && !err.retryAfter;
        this.needsProof = true;
        if (!retryNow) throw err;
      }
    }
  }

  private set(key: LoginField, value: string): void {
    this[key] = value;
    this.host.requestUpdate();
  }

  render() {
    const lang = this.host.locale;
    const errors = this.fieldErrors;
    const summary = (Object.keys(errors) as LoginField[]).map((id) => ({ id, message: `${this.labelOf(id)}: ${errors[id]}` }));
    const marker = tAdmin(lang, 'field.required_marker');
    return html`<form part="login-form" novalidate aria-labelledby="login-title" @submit=${this.onSubmit}>
      <h2 id="login-title" class="title" tabindex="-1">${tAdmin(lang, 'admin.login.heading')}</h2>
      ${errorSummary(tAdmin(lang, 'summary.heading', { count: summary.length }), summary)}
      ${formError(this.formError, 'login-error')}
      ${inputField({
        id: 'email',
        type: 'email',
        label: this.labelOf('email'),
        requiredMarker: marker,
        value: this.email,
        required: true,
        autocomplete: 'username',
        maxlength: 254,
        error: errors.email,
        onInput: (v) => this.set('email', v),
      })}
      ${inputField({
        id: 'password',
        type: 'password',
        label: this.labelOf('password'),
        requiredMarker: marker,
        value: this.password,
        required: true,
        autocomplete: 'current-password',
        maxlength: 200,
        error: errors.password,
        onInput: (v) => this.set('password', v),
      })}
      ${inputField({
        id: 'otp',
        label: this.labelOf('otp'),
        hint: tAdmin(lang, 'admin.login.otp_hint'),
        requiredMarker: marker,
        value: this.otp,
        required: false,
        autocomplete: 'one-time-code',
        inputmode: 'numeric',
        maxlength: 6,
        error: errors.otp,
        onInput: (v) => this.set('otp', v),
      })}
      <button type="submit" part="submit-button" aria-disabled=${this.busy ? 'true' : 'false'}>${tAdmin(lang, 'admin.login.submit')}</button>
    </form>`;
  }
}
