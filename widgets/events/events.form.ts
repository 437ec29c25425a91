import { Task } from '@lit/task';
import type { Clause } from '../../common/clauses.schema.js';
import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { EVENT_LIMITS } from '../../common/events.js';
import { asApiError, type ApiError } from '../core/api.js';
import { FormState, type FieldErrors } from '../core/form-state.js';
import { tFormKit } from '../core/form.i18n.js';

export { tFormKit as formKit };
import { errorSummary, inputField } from '../core/forms.js';
import { t, type Lang } from '../core/i18n/index.js';
import { clauseText, consentBlock, contactFields, discardDialog, draftNotice, errorText, formError, getClause, honeypot, summaryOf } from '../core/public-form.js';
import type { SubmitDetail } from '../core/events.js';
import { SubmitController } from '../core/submit.js';
import type { CalendarEvent, Question } from './events.api.js';
import { getSeries, registrationPath } from './events.form.api.js';
import { accessFields, questionField } from './events.form.fields.js';
import { EventLinks } from './events.form.links.js';
import type { NgoEvents } from './events.element.js';
import { whenText } from './events.when.js';
import { te, type EventsKey } from './events.i18n.js';
import { localized, registrationState } from './events.listing.js';
import {
  emptyDraft, fieldOrder, issuesToErrors, toRegistrationBody, toggled, validateRegistration, type FieldId, type RegistrationDraft,
} from './events.model.js';

const SUMMARY = '.ngo-error-summary';
type Session = Pick<CalendarEvent, 'id' | 'title' | 'translations' | 'description' | 'startsAt' | 'endsAt' | 'allDay' | 'status'>;

/**
 * The writing half of `<ngo-events>`, loaded when a person presses "Register" or opens an
 * e-mailed link: the registration form on the public-form kit (proof of work, honeypot,
 * idempotency, consent, field errors, kept drafts), with the sessions of a cycle to opt out of,
 * the custom questions and the access needs (events.form.fields.ts), checked by the rules of
 * events.model.ts and sent here; and the e-mailed links' panels (events.form.links.ts). It renders
 * into the widget's shadow root, and its controllers live on the widget.
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
  private readonly links: EventLinks;

  constructor(private readonly host: NgoEvents) {
    this.form = new FormState<RegistrationDraft>(host, {
      // The form's errors are keyed by field id (a question's is `q-<id>`), not only by the draft's keys.
      validate: (d) => validateRegistration(d, { questions: this.event?.registration.questions ?? [], sessions: this.sessionIds }) as FieldErrors<keyof RegistrationDraft>,
      storageKey: () => (this.event ? `ngo-events/register/${this.event.id}` : null),
      memoryOnly: ['contactName', 'contactEmail'],
      notKept: ['consent'],
    });
    this.submit = new SubmitController(host, () => host.apiUrl());
    this.links = new EventLinks(host, this.submit);
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
      ${questions.map((q) => questionField(lang, q, d.answers[q.id], marker, this.errorOf(`q-${q.id}` as FieldId), (v) => this.form.set('answers', { ...this.form.values.answers, [q.id]: v })))}
      ${r.askAccessNeeds ? accessFields(lang, d.accessNeeds, d.accessNote, (needs) => this.form.set('accessNeeds', needs), (note) => this.form.set('accessNote', note), this.errorOf('accessNote')) : nothing}
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

  /** The confirmation link's panel (events.form.links.ts). */
  renderConfirm(token: string): TemplateResult {
    return this.links.renderConfirm(token);
  }

  /** The self-service link's panel (events.form.links.ts). */
  renderManage(token: string, accept: boolean): TemplateResult {
    return this.links.renderManage(token, accept);
  }
}
