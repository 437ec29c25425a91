import { Task } from '@lit/task';
import type { Clause } from '../../common/clauses.schema.js';
import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ACCESS_NEEDS, ACCESS_NEED_LABELS, EVENT_LIMITS, type AccessNeed } from '../../common/events.js';
import { asApiError, request, type ApiError } from '../core/api.js';
import { FormState, type FieldErrors } from '../core/form-state.js';
import { tFormKit } from '../core/form.i18n.js';

export { tFormKit as formKit };
import { errorSummary, field, inputField } from '../core/forms.js';
import { formatDate, t, type Lang } from '../core/i18n/index.js';
import { clauseText, consentBlock, contactFields, discardDialog, draftNotice, errorText, formError, getClause, honeypot, summaryOf } from '../core/public-form.js';
import type { SubmitDetail } from '../core/events.js';
import { SubmitController } from '../core/submit.js';
import type { CalendarEvent, ConfirmResult, Question, RegistrationView } from './events.api.js';
import { LINK_PATHS, getSeries, registrationPath } from './events.form.api.js';
import type { NgoEvents } from './events.element.js';
import { whenText } from './events.when.js';
import { te, type EventsKey } from './events.i18n.js';
import { localized, registrationState } from './events.listing.js';
import {
  emptyDraft, fieldOrder, issuesToErrors, toRegistrationBody, toggled, validateRegistration, type Answer, type FieldId, type RegistrationDraft,
} from './events.model.js';

const SUMMARY = '.ngo-error-summary';
type Session = Pick<CalendarEvent, 'id' | 'title' | 'translations' | 'description' | 'startsAt' | 'endsAt' | 'allDay' | 'status'>;

/**
 * The writing half of `<ngo-events>`, loaded when a person presses "Register" or opens an
 * e-mailed link: the registration form on the public-form kit (proof of work, honeypot,
 * idempotency, consent, field errors, kept drafts), with the sessions of a cycle to opt out of,
 * the custom questions and the access needs; the confirmation of the e-mailed link; and the
 * self-service panel (see, change, cancel, accept an offered place). It renders into the widget's
 * shadow root, and its controllers live on the widget.
 */
export class EventForms {
  private readonly form: FormState<RegistrationDraft>;
  private readonly submit: SubmitController;
  private readonly clause: Task<readonly [string, boolean], Clause | undefined>;
  private event: CalendarEvent | null = null;
  /** Sessions of the cycle the registration covers (empty for a single event). */
  private sessions: Session[] = [];
  private sessionsError: ApiError | null = null;
  private failure: ApiError | null = null;
  /** The registration was received: check your mail. */
  private done: { email: string; waiting: boolean } | null = null;
  private confirmed: ConfirmResult | 'invalid' | 'incomplete' | null = null;
  private view: RegistrationView | 'invalid' | 'incomplete' | null = null;
  private viewLoading = false;
  private viewToken = '';
  private manageMessage = '';
  private askCancel = false;
  private editing = false;
  private change: { accessNeeds: AccessNeed[]; accessNote: string; attend: string[] } | null = null;

  constructor(private readonly host: NgoEvents) {
    this.form = new FormState<RegistrationDraft>(host, {
      // The form's errors are keyed by field id (a question's is `q-<id>`), not only by the draft's keys.
      validate: (d) => validateRegistration(d, { questions: this.event?.registration.questions ?? [], sessions: this.sessionIds }) as FieldErrors<keyof RegistrationDraft>,
      storageKey: () => (this.event ? `ngo-events/register/${this.event.id}` : null),
      memoryOnly: ['contactName', 'contactEmail'],
      notKept: ['consent'],
    });
    this.submit = new SubmitController(host, () => host.apiUrl());
    this.clause = new Task(host, {
      args: () => [host.apiUrl(), !!this.event] as const,
      task: ([api, needed], { signal }) => (needed ? getClause(api, 'events', signal) : Promise.resolve(undefined)),
    });
  }

  private get lang(): Lang {
    return this.host.locale;
  }

  private t(key: EventsKey, vars?: Record<string, string | number>): string {
    return te(this.lang, key, vars);
  }

  private get sessionIds(): string[] {
    return this.sessions.map((s) => s.id);
  }

  // ---- the registration form ------------------------------------------------------------------------

  /** Opens the form for `e`; a cycle registered as a whole first loads its sessions. */
  async open(e: CalendarEvent): Promise<void> {
    this.event = e;
    this.failure = this.sessionsError = null;
    this.done = null;
    this.sessions = [];
    if (e.registration.mode === 'series' && e.series) {
      try {
        const series = await getSeries(this.host.apiUrl(), e.series.id);
        this.sessions = series.sessions.filter((s) => s.status === 'published' && Date.parse(s.endsAt) > Date.now());
      } catch (err) {
        this.sessionsError = asApiError(err);
      }
    }
    this.submit.prepare();
    this.submit.reset();
    this.form.start(emptyDraft(this.sessionIds));
  }

  requestClose(close: () => void): void {
    if (this.done) close();
    else this.form.requestClose(close);
  }

  private readonly onSubmit = (ev: SubmitEvent): void => {
    ev.preventDefault();
    const e = this.event;
    if (!e || this.submit.busy) return;
    this.failure = null;
    if (!this.form.check()) {
      this.host.say('');
      this.host.focusLater(SUMMARY);
      return;
    }
    const lang = this.lang;
    const body = toRegistrationBody(this.form.values, { sessions: this.sessionIds, askAccessNeeds: e.registration.askAccessNeeds, lang });
    const waiting = registrationState(e.registration) === 'waiting';
    const detail: SubmitDetail & { event: string } = { kind: 'registration', event: e.id };
    void this.submit.send<{ id: string; status: string }>(
      { detail, path: registrationPath(e.id), body, onSending: () => this.host.say(t(lang, 'status.sending')) },
      (out) => {
        if (out.ok) {
          this.form.forget();
          this.done = { email: this.form.values.contactEmail.trim(), waiting };
          this.host.say(this.t('events.done.title'));
          this.host.focusLater('#done');
          return;
        }
        this.host.say('');
        if (out.reason === 'canceled') return;
        const fields = out.reason === 'fields' ? issuesToErrors(out.error.issues) : null;
        if (fields) this.form.showServerErrors(fields.errors as FieldErrors<keyof RegistrationDraft>);
        const named = fields && Object.keys(fields.errors).length;
        if (!named || fields.other.length) this.failure = out.error;
        this.host.focusLater(named ? SUMMARY : '#form-error');
      },
    );
  };

  private errorOf(id: FieldId): string | undefined {
    return errorText(this.lang, this.errors[id], (lang, key) => te(lang, key));
  }

  private get errors(): FieldErrors<FieldId> {
    return this.form.errors as FieldErrors<FieldId>;
  }

  private labelOf(id: FieldId, questions: readonly Question[]): string | undefined {
    const lang = this.lang;
    if (id === 'consent') return undefined;
    if (id.startsWith('q-')) {
      const q = questions.find((x) => `q-${x.id}` === id);
      return q ? (q.label[lang] ?? q.label.pl) : undefined;
    }
    const labels: Record<string, string> = {
      contactName: this.t('events.form.name'), contactEmail: this.t('events.form.email'), organisation: this.t('events.form.organisation'),
      sessions: this.t('events.form.sessions'), accessNeeds: this.t('events.form.access'), accessNote: this.t('events.form.access_note'),
    };
    return labels[id];
  }

  renderForm(e: CalendarEvent): TemplateResult {
    const lang = this.lang;
    const { title } = localized(e, lang);
    if (this.done) {
      return html`<div class="panel done" part="form">
        <${this.host.headingTag(1)} id="done" tabindex="-1">${this.t('events.done.title')}</${this.host.headingTag(1)}>
        <p>${this.t('events.done.text', { email: this.done.email })}</p>
        <p>${this.t(this.done.waiting ? 'events.done.waiting' : 'events.done.place')}</p>
        <button type="button" class="ngo-secondary" @click=${() => this.host.closeRegistration()}>${this.t('events.done.back')}</button>
      </div>`;
    }
    const r = e.registration;
    const d = this.form.values;
    const questions = r.questions;
    const marker = t(lang, 'field.required_marker');
    const order = fieldOrder(questions, this.sessions.length > 0);
    const summary = summaryOf(order, this.errors, { text: (k) => errorText(lang, k, (l, key) => te(l, key)) ?? '', label: (id) => this.labelOf(id, questions), target: (id) => (id === 'sessions' || id === 'accessNeeds' ? `${id}-first` : id) });
    const waiting = registrationState(r) === 'waiting';
    return html`<form class="panel register-form" part="form" novalidate aria-labelledby="form-title" @submit=${this.onSubmit}>
      <${this.host.headingTag(1)} id="form-title" tabindex="-1">${this.t('events.form.title', { title })}</${this.host.headingTag(1)}>
      <p>${whenText(lang, e)}</p>
      ${waiting ? html`<p class="notice"><strong>${this.t('events.form.waiting_note')}</strong></p>` : nothing}
      <p class="ngo-hint">${this.t('events.form.intro')}</p>
      ${draftNotice(this.form, lang)} ${errorSummary(t(lang, 'summary.heading', { count: summary.length }), summary, this.host.headingLevelAt(1))}
      ${contactFields({
        lang,
        legend: this.t('events.form.you'),
        labels: { name: this.t('events.form.name'), email: this.t('events.form.email') },
        emailHint: this.t('events.form.email_hint'),
        values: d,
        errors: { contactName: this.errorOf('contactName'), contactEmail: this.errorOf('contactEmail') },
        set: (k, v) => this.form.set(k, v),
      })}
      ${inputField({ id: 'organisation', label: this.t('events.form.organisation'), value: d.organisation, maxlength: EVENT_LIMITS.organiser, autocomplete: 'organization', error: this.errorOf('organisation'), onInput: (v) => this.form.set('organisation', v) })}
      ${this.renderSessions(lang)}
      ${questions.map((q) => this.renderQuestion(lang, q, d.answers[q.id], marker))}
      ${r.askAccessNeeds ? this.renderAccess(lang, d.accessNeeds, d.accessNote, (needs) => this.form.set('accessNeeds', needs), (note) => this.form.set('accessNote', note), this.errorOf('accessNote')) : nothing}
      ${consentBlock({ lang, clause: clauseText(this.clause, lang), retry: () => void this.clause.run(), label: this.t('events.form.consent'), checked: d.consent, error: this.errorOf('consent'), onChange: (v) => this.form.set('consent', v) })}
      ${honeypot(this.submit, lang)} ${formError(this.failure ? te.error(lang, this.failure) : undefined)}
      <div class="ngo-actions">
        <button type="submit" part="submit-button" ?disabled=${this.submit.busy}>${this.t(waiting ? 'events.r.join_waiting' : 'events.form.submit')}</button>
        <button type="button" class="ngo-secondary" @click=${() => this.requestClose(() => this.host.closeRegistration())}>${this.t('events.form.cancel')}</button>
      </div>
      ${discardDialog(this.form, lang)}
    </form>`;
  }

  private renderSessions(lang: Lang): TemplateResult | typeof nothing {
    if (this.sessionsError) return html`<p class="ngo-error">${te.error(lang, this.sessionsError)}</p>`;
    if (!this.sessions.length) return nothing;
    const error = this.errorOf('sessions');
    return html`<fieldset aria-describedby="sessions-hint${error ? ' sessions-error' : ''}">
      <legend>${this.t('events.form.sessions')}</legend>
      <p class="ngo-hint" id="sessions-hint">${this.t('events.form.sessions_hint')}</p>
      ${error ? html`<div class="ngo-error" id="sessions-error">${error}</div>` : nothing}
      ${this.sessions.map(
        (s, i) => html`<label class="ngo-check"
          ><input
            type="checkbox"
            id=${ifDefined(i === 0 ? 'sessions-first' : undefined)}
            .checked=${this.form.values.attend.includes(s.id)}
            @change=${(ev: Event) => this.form.set('attend', toggled(this.form.values.attend, s.id, (ev.target as HTMLInputElement).checked, this.sessionIds))}
          /><span>${localized(s, lang).title} <span class="ngo-hint">(${whenText(lang, s)})</span></span></label
        >`,
      )}
    </fieldset>`;
  }

  private renderQuestion(lang: Lang, q: Question, value: Answer | undefined, marker: string): TemplateResult {
    const id = `q-${q.id}`;
    const label = q.label[lang] ?? q.label.pl;
    const error = this.errorOf(id as FieldId);
    const set = (v: Answer) => this.form.set('answers', { ...this.form.values.answers, [q.id]: v });
    const optionLabel = (o: Question['options'][number]) => o.label[lang] ?? o.label.pl;
    if (q.kind === 'boolean') {
      return html`<div class="ngo-field">
        ${error ? html`<div class="ngo-error" id="${id}-error">${error}</div>` : nothing}
        <label class="ngo-check"><input type="checkbox" id=${id} aria-describedby=${ifDefined(error ? `${id}-error` : undefined)} .checked=${value === true} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} /><span>${label}${q.required ? html` <span class="ngo-hint">${marker}</span>` : nothing}</span></label>
      </div>`;
    }
    if (q.kind === 'text') {
      return field({ id, label, error, requiredMarker: q.required ? marker : undefined }, (a) => html`<textarea id=${a.id} rows="3" maxlength=${EVENT_LIMITS.answer} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} .value=${typeof value === 'string' ? value : ''} @input=${(e: Event) => set((e.target as HTMLTextAreaElement).value)}></textarea>`);
    }
    if (q.kind === 'choice') {
      return field({ id, label, error, requiredMarker: q.required ? marker : undefined }, (a) => html`<select id=${a.id} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!value}>${this.t('events.form.choose')}</option>
        ${q.options.map((o) => html`<option value=${o.id} ?selected=${value === o.id}>${optionLabel(o)}</option>`)}
      </select>`);
    }
    const chosen = Array.isArray(value) ? value : [];
    return html`<fieldset aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}>
      <legend>${label}${q.required ? html` <span class="ngo-hint">${marker}</span>` : nothing}</legend>
      ${error ? html`<div class="ngo-error" id="${id}-error">${error}</div>` : nothing}
      ${q.options.map(
        (o, i) => html`<label class="ngo-check"><input type="checkbox" id=${ifDefined(i === 0 ? id : undefined)} .checked=${chosen.includes(o.id)} @change=${(e: Event) => set(toggled(chosen, o.id, (e.target as HTMLInputElement).checked, q.options.map((x) => x.id)))} /><span>${optionLabel(o)}</span></label>`,
      )}
    </fieldset>`;
  }

  private renderAccess(lang: Lang, needs: readonly AccessNeed[], note: string, setNeeds: (n: AccessNeed[]) => void, setNote: (v: string) => void, noteError?: string): TemplateResult {
    return html`<fieldset aria-describedby="access-hint">
      <legend>${this.t('events.form.access')}</legend>
      <p class="ngo-hint" id="access-hint">${this.t('events.form.access_hint')}</p>
      ${ACCESS_NEEDS.map(
        (n, i) => html`<label class="ngo-check"><input type="checkbox" id=${ifDefined(i === 0 ? 'accessNeeds-first' : undefined)} .checked=${needs.includes(n)} @change=${(e: Event) => setNeeds(toggled(needs, n, (e.target as HTMLInputElement).checked, ACCESS_NEEDS))} /><span>${ACCESS_NEED_LABELS[n][lang]}</span></label>`,
      )}
      ${field({ id: 'accessNote', label: this.t('events.form.access_note'), error: noteError }, (a) => html`<textarea id=${a.id} rows="2" maxlength=${EVENT_LIMITS.accessNote} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} .value=${note} @input=${(e: Event) => setNote((e.target as HTMLTextAreaElement).value)}></textarea>`)}
    </fieldset>`;
  }

  // ---- the e-mailed links ---------------------------------------------------------------------------

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
      ${this.renderAccess(lang, c.accessNeeds, c.accessNote, (n) => set({ accessNeeds: n }), (note) => set({ accessNote: note }))}
      <div class="ngo-actions">
        <button type="submit" part="submit-button" ?disabled=${this.submit.busy}>${this.t('events.manage.save')}</button>
        <button type="button" class="ngo-secondary" @click=${() => ((this.editing = false), this.host.requestUpdate(), this.host.focusLater('.change'))}>${this.t('events.form.cancel')}</button>
      </div>
    </form>`;
  }
}
