import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import type { AccessNeed } from '../../common/events.js';
import { asApiError, request, type ApiError } from '../core/api.js';
import { tFormKit } from '../core/form.i18n.js';
import { formatDate, t, type Lang } from '../core/i18n/index.js';
import { formError } from '../core/public-form.js';
import type { SubmitController } from '../core/submit.js';
import type { ConfirmResult, RegistrationView } from './events.api.js';
import type { NgoEvents } from './events.element.js';
import { accessFields } from './events.form.fields.js';
import { LINK_PATHS } from './events.form.api.js';
import { te, type EventsKey } from './events.i18n.js';
import { localized } from './events.listing.js';
import { toggled } from './events.model.js';
import { whenText } from './events.when.js';

/**
 * The e-mailed links of `<ngo-events>`, loaded with the registration form: the confirmation (on a
 * press, since mail scanners open links) and the self-service panel (see, change, cancel, accept an
 * offered place). Each action is a POST with the link's token through the form's `SubmitController`.
 */
export class EventLinks {
  private failure: ApiError | null = null;
  private confirmed: ConfirmResult | 'invalid' | 'incomplete' | null = null;
  private view: RegistrationView | 'invalid' | 'incomplete' | null = null;
  private viewLoading = false;
  private viewToken = '';
  private manageMessage = '';
  private askCancel = false;
  private editing = false;
  private change: { accessNeeds: AccessNeed[]; accessNote: string; attend: string[] } | null = null;

  constructor(
    private readonly host: NgoEvents,
    private readonly submit: SubmitController,
  ) {}

  private get lang(): Lang {
    return this.host.locale;
  }

  private t(key: EventsKey, vars?: Record<string, string | number>): string {
    return te(this.lang, key, vars);
  }

  /** A POST with the link's token (no proof of work: the token is the proof). */
  private sendLink<R>(kind: string, path: string, body: object, onDone: (value: R) => void, onLink: (state: 'invalid' | 'incomplete') => void, errorTarget: string): Promise<void> {
    const lang = this.lang;
    this.failure = null;
    return this.submit.send<R>({ detail: { kind }, path, body, anonymous: false, link: true, result: () => ({ id: '', status: kind }), onSending: () => this.host.say(t(lang, 'status.sending')) }, (out) => {
      this.host.say('');
      if (out.ok) return onDone(out.value);
      if (out.reason === 'canceled') return;
      if (out.reason === 'link') onLink(out.link);
      else {
        this.failure = out.error;
        this.host.focusLater(errorTarget);
      }
    });
  }

  private linkDead(state: 'invalid' | 'incomplete'): TemplateResult {
    const lang = this.lang;
    return state === 'invalid'
      ? html`<${this.host.headingTag(1)} id="link-title" tabindex="-1">${t(lang, 'error.link_invalid')}</${this.host.headingTag(1)}><p>${this.t('events.link.help')}</p>`
      : html`<${this.host.headingTag(1)} id="link-title" tabindex="-1">${tFormKit(lang, 'form.link.incomplete')}</${this.host.headingTag(1)}><p>${tFormKit(lang, 'form.link.incomplete_help')}</p>`;
  }

  private backToCalendar(eventId: string | null): TemplateResult {
    return html`<button type="button" class="ngo-secondary to-calendar" @click=${() => this.host.closeLink(eventId)}>${this.t(eventId ? 'events.link.to_event' : 'events.link.to_calendar')}</button>`;
  }

  /** The confirmation link: confirmed on a press (mail scanners open links), then a place, the waiting list, or full. */
  renderConfirm(token: string): TemplateResult {
    const lang = this.lang;
    const c = this.confirmed;
    let body: TemplateResult;
    if (c === 'invalid' || c === 'incomplete') body = html`${this.linkDead(c)}${this.backToCalendar(null)}`;
    else if (c) {
      const text = c.status === 'confirmed' ? this.t('events.confirmed.place') : c.status === 'waiting' ? this.t('events.confirmed.waiting', { position: c.position ?? 0 }) : this.t('events.confirmed.full');
      body = html`<${this.host.headingTag(1)} id="link-title" tabindex="-1">${this.t(c.status === 'full' ? 'events.confirmed.full_title' : 'events.confirmed.title')}</${this.host.headingTag(1)}>
        <p class="result" data-status=${c.status}>${text}</p>
        ${c.status !== 'full' ? html`<p>${this.t('events.confirmed.mail')}</p>` : nothing}
        ${this.backToCalendar(c.eventId)}`;
    } else {
      body = html`<${this.host.headingTag(1)} id="link-title" tabindex="-1">${this.t('events.confirm.title')}</${this.host.headingTag(1)}>
        <p>${this.t('events.confirm.intro')}</p>
        ${formError(this.failure ? te.error(lang, this.failure) : undefined, 'link-error')}
        <button type="button" part="submit-button" class="confirm" ?disabled=${this.submit.busy} @click=${() =>
          void this.sendLink<ConfirmResult>('registration-confirm', LINK_PATHS.confirm, { token }, (v) => {
            this.confirmed = v;
            this.host.say(this.t('events.confirmed.title'));
            this.host.focusLater('#link-title');
            this.host.reload();
          }, (s) => {
            this.confirmed = s;
            this.host.focusLater('#link-title');
          }, '#link-error')}>${this.t('events.confirm.button')}</button>`;
    }
    return html`<div class="panel link" part="form">${body}</div>`;
  }

  private async loadView(token: string, accept: boolean): Promise<void> {
    if (this.viewLoading) return;
    this.viewLoading = true;
    this.viewToken = token;
    try {
      this.view = await request<RegistrationView>(this.host.apiUrl(), LINK_PATHS.view, { method: 'POST', body: { token } });
    } catch (err) {
      const e = asApiError(err);
      if (e.code === 'link_invalid' || e.status === 404) this.view = 'invalid';
      else if (e.code === 'validation_failed') this.view = 'incomplete';
      else this.failure = e;
    }
    this.viewLoading = false;
    this.host.requestUpdate();
    this.host.focusLater(accept && typeof this.view === 'object' && this.view?.status === 'offered' ? '.accept' : '#link-title');
  }

  /** The self-service link: the registration's state, its QR code while confirmed, and change, cancel or accept. */
  renderManage(token: string, accept: boolean): TemplateResult {
    const lang = this.lang;
    if (this.viewToken !== token && !this.viewLoading) void this.loadView(token, accept);
    const v = this.view;
    let body: TemplateResult;
    if (v === 'invalid' || v === 'incomplete') body = html`${this.linkDead(v)}${this.backToCalendar(null)}`;
    else if (!v) {
      body = this.failure
        ? html`<p class="ngo-error" role="alert">${te.error(lang, this.failure)}</p><button type="button" class="ngo-secondary" @click=${() => ((this.viewToken = ''), this.host.requestUpdate())}>${t(lang, 'retry')}</button>`
        : html`<p>${t(lang, 'loading')}</p>`;
    } else body = this.renderView(lang, token, v);
    return html`<div class="panel link manage" part="form">${body}</div>`;
  }

  private statusText(v: RegistrationView): string {
    const lang = this.lang;
    switch (v.status) {
      case 'confirmed': return this.t('events.manage.confirmed');
      case 'waiting': return this.t('events.manage.waiting', { position: v.position ?? 0 });
      case 'offered': return this.t('events.manage.offered', { until: v.offeredUntil ? formatDate(lang, v.offeredUntil, { dateStyle: 'long', timeStyle: 'short' }) : '' });
      case 'unconfirmed': return this.t('events.manage.unconfirmed');
      case 'cancelled': return this.t('events.manage.cancelled');
      case 'expired': return this.t('events.manage.expired');
    }
  }

  private renderView(lang: Lang, token: string, v: RegistrationView): TemplateResult {
    const active = ['confirmed', 'waiting', 'offered', 'unconfirmed'].includes(v.status);
    const first = v.events[0];
    const title = v.seriesTitle ?? (first ? localized(first, lang).title : '');
    const refresh = (message: string) => {
      this.manageMessage = message;
      this.host.say(message);
      this.viewToken = '';
      this.askCancel = this.editing = false;
      this.host.reload();
      this.host.requestUpdate();
    };
    return html`<${this.host.headingTag(1)} id="link-title" tabindex="-1">${this.t('events.manage.title', { title })}</${this.host.headingTag(1)}>
      <p>${this.t('events.manage.hello', { name: v.name })}</p>
      <p class="result" data-status=${v.status}><strong>${this.statusText(v)}</strong></p>
      ${this.manageMessage ? html`<p class="notice">${this.manageMessage}</p>` : nothing}
      <ul class="plain sessions">
        ${v.events.map((e) => html`<li class=${v.skipSessions.includes(e.id) ? 'skipped' : ''}>${localized(e, lang).title}: ${whenText(lang, e)}${v.skipSessions.includes(e.id) ? html` <em>(${this.t('events.manage.skipped')})</em>` : nothing}</li>`)}
      </ul>
      ${v.qr && v.code ? html`<figure class="qr"><img src=${v.qr} alt=${this.t('events.manage.qr_alt', { code: v.code })} width="160" height="160" /><figcaption>${this.t('events.manage.code', { code: v.code })}</figcaption></figure>` : nothing}
      ${formError(this.failure ? te.error(lang, this.failure) : undefined, 'link-error')}
      ${v.status === 'offered'
        ? html`<button type="button" class="accept" part="submit-button" ?disabled=${this.submit.busy} @click=${() =>
            void this.sendLink('registration-accept', LINK_PATHS.accept, { token }, () => refresh(this.t('events.manage.accepted')), (s) => ((this.view = s), this.host.requestUpdate()), '#link-error')}>${this.t('events.manage.accept')}</button>`
        : nothing}
      ${active && this.editing ? this.renderChange(lang, token, v, refresh) : nothing}
      ${active && !this.editing && !this.askCancel
        ? html`<div class="ngo-actions">
            <button type="button" class="ngo-secondary change" @click=${() => {
              this.editing = true;
              this.change = { accessNeeds: [...v.accessNeeds], accessNote: v.accessNote ?? '', attend: v.events.map((e) => e.id).filter((id) => !v.skipSessions.includes(id)) };
              this.host.focusLater('#change-title');
            }}>${this.t('events.manage.change')}</button>
            <button type="button" class="ngo-secondary cancel" @click=${() => ((this.askCancel = true), this.host.focusLater('#cancel-title'))}>${this.t('events.manage.cancel')}</button>
          </div>`
        : nothing}
      ${this.askCancel
        ? html`<div class="ask" role="group" aria-labelledby="cancel-title">
            <p id="cancel-title" tabindex="-1"><strong>${this.t('events.manage.cancel_ask')}</strong></p>
            <div class="ngo-actions">
              <button type="button" class="cancel-yes" ?disabled=${this.submit.busy} @click=${() =>
                void this.sendLink('registration-cancel', LINK_PATHS.cancel, { token }, () => refresh(this.t('events.manage.cancelled_now')), (s) => ((this.view = s), this.host.requestUpdate()), '#link-error')}>${this.t('events.manage.cancel_yes')}</button>
              <button type="button" class="ngo-secondary" @click=${() => ((this.askCancel = false), this.host.focusLater('.cancel'))}>${this.t('events.manage.cancel_no')}</button>
            </div>
          </div>`
        : nothing}
      ${this.backToCalendar(first?.id ?? null)}`;
  }

  private renderChange(lang: Lang, token: string, v: RegistrationView, refresh: (message: string) => void): TemplateResult {
    const c = this.change!;
    const set = (patch: Partial<typeof c>) => {
      this.change = { ...c, ...patch };
      this.host.requestUpdate();
    };
    const ids = v.events.map((e) => e.id);
    const cycle = v.events.length > 1;
    const save = (ev: SubmitEvent) => {
      ev.preventDefault();
      if (cycle && !c.attend.length) {
        this.failure = null;
        this.manageMessage = this.t('events.err.sessions');
        this.host.say(this.manageMessage);
        return;
      }
      const body = { token, accessNeeds: c.accessNeeds, accessNote: c.accessNote.trim() || null, ...(cycle ? { skipSessions: ids.filter((id) => !c.attend.includes(id)) } : {}) };
      void this.sendLink<RegistrationView>('registration-change', LINK_PATHS.change, body, () => refresh(this.t('events.manage.saved')), (s) => ((this.view = s), this.host.requestUpdate()), '#link-error');
    };
    return html`<form class="change-form" novalidate aria-labelledby="change-title" @submit=${save}>
      <${this.host.headingTag(2)} id="change-title" tabindex="-1">${this.t('events.manage.change')}</${this.host.headingTag(2)}>
      ${cycle
        ? html`<fieldset>
            <legend>${this.t('events.form.sessions')}</legend>
            ${v.events.map((e) => html`<label class="ngo-check"><input type="checkbox" .checked=${c.attend.includes(e.id)} @change=${(x: Event) => set({ attend: toggled(c.attend, e.id, (x.target as HTMLInputElement).checked, ids) })} /><span>${localized(e, lang).title} <span class="ngo-hint">(${whenText(lang, e)})</span></span></label>`)}
          </fieldset>`
        : nothing}
      ${accessFields(lang, c.accessNeeds, c.accessNote, (n) => set({ accessNeeds: n }), (note) => set({ accessNote: note }))}
      <div class="ngo-actions">
        <button type="submit" part="submit-button" ?disabled=${this.submit.busy}>${this.t('events.manage.save')}</button>
        <button type="button" class="ngo-secondary" @click=${() => ((this.editing = false), this.host.requestUpdate(), this.host.focusLater('.change'))}>${this.t('events.form.cancel')}</button>
      </div>
    </form>`;
  }
}
