import { type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import type { ApiError } from '../core/api.js';
import { tFormKit } from '../core/form.i18n.js';
import { formError } from '../core/public-form.js';
import type { SubmitController } from '../core/submit.js';
import { postPath, type Accepted } from './consultations.api.js';
import type { FormsHost } from './consultations.form.js';
import { tc } from './consultations.i18n.js';

export type ConfirmKind = 'confirm' | 'confirm-support';

/**
 * The panel of an e-mailed confirmation link: it confirms a remark or a support when the person
 * presses its button, never by itself (mail scanners open links), through the kit's submit
 * controller (no proof of work: the token is the proof). A used or expired link, and a cut-off one,
 * each say so.
 */
export class ConfirmPanel {
  /** The outcome: a status, or the link's state. */
  private result: '' | 'invalid' | 'incomplete' | string = '';
  private failure: ApiError | null = null;

  constructor(
    private readonly host: FormsHost,
    private readonly submit: SubmitController,
  ) {}

  private async confirm(kind: ConfirmKind, token: string): Promise<void> {
    const { host } = this;
    const lang = host.el.locale;
    this.failure = null;
    const detail = { kind, consultation: host.consultation() || null };
    await this.submit.send<Accepted>({ detail, path: postPath({ kind }), body: { token }, anonymous: false, link: true, onSending: () => host.say(tc(lang, 'status.sending')) }, (out) => {
      if (out.ok) {
        host.say(tc(lang, 'cons.sent'));
        this.result = out.value.status;
        if (out.value.status === 'published') host.published();
      } else {
        host.say('');
        if (out.reason === 'canceled') return;
        if (out.reason === 'link') this.result = out.link;
        else this.failure = out.error;
      }
      host.focus(this.result ? '#confirm-title' : '#confirm-error');
    });
  }

  render(kind: ConfirmKind, token: string): TemplateResult {
    const lang = this.host.el.locale;
    const t = (key: Parameters<typeof tc>[1]) => tc(lang, key);
    const result = this.result;
    let heading: string;
    let body: TemplateResult;
    if (result === 'invalid') [heading, body] = [t('error.link_invalid'), html`<p>${t('cons.link_help')}</p>`];
    else if (result === 'incomplete') [heading, body] = [tFormKit(lang, 'form.link.incomplete'), html`<p>${tFormKit(lang, 'form.link.incomplete_help')}</p>`];
    else if (result) [heading, body] = [t('cons.done.title'), html`<p>${t(result === 'published' ? 'cons.confirmed.published' : 'cons.confirmed.pending')}</p>`];
    else {
      heading = t(`cons.${kind}.title`);
      body = html`<p>${t(`cons.${kind}.intro`)}</p>
        ${formError(this.failure ? tc.error(lang, this.failure) : undefined, 'confirm-error')}
        <button type="button" part="submit-button" ?disabled=${this.submit.busy} @click=${() => void this.confirm(kind, token)}>${t(`cons.${kind}.button`)}</button>`;
    }
    return html`<div class="panel" part="confirm">
      <${this.host.el.headingTag(0)} id="confirm-title" tabindex="-1">${heading}</${this.host.el.headingTag(0)}>
      ${body}
    </div>`;
  }
}
