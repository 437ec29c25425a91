import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ACCESSIBILITY_FEATURES, AREAS, AREA_GROUPS, KIND_LABELS, LEGAL_FORMS, MAP_LIMITS, ORG_KINDS, SERVICE_LANGUAGES, TARGET_GROUPS, type OrgKind } from '../../common/map.js';
import { CONTACT_LIMITS } from '../../common/forms.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import { adminRequest, type AdminSession } from '../admin/admin.api.js';
import { ApiError, asApiError, newIdempotencyKey, request } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { NgoCancelEvent, NgoErrorEvent, NgoSubmitEvent, NgoSubmittedEvent, NgoUnauthorizedEvent } from '../core/events.js';
import { errorSummary, field, focusErrorSummary, formStyles, inputField, statusRegion, type ControlAttrs } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { ChallengeController } from '../core/pow.js';
import { theme } from '../core/theme.js';
import { tForm, type MapFormKey } from './map-form.i18n.js';
import {
  issuesToErrors, toDraft, toOrganisationInput, validateDraft, withScheme,
  type Draft, type FieldErrors, type FieldId, type MapFormMode, type OrganisationDraftInput,
} from './map-form.model.js';
import { mapFormStyles } from './map-form.styles.js';

export type { MapFormMode, OrganisationDraftInput };

/** The map staff section's name for the core event (kept for its imports). */
export type NgoMapFormSubmittedEvent = NgoSubmittedEvent;

/** The parts of an admin entry (`GET /v1/admin/map/organisations/{id}`) the form needs. */
interface StaffEntry extends OrganisationDraftInput {
  id: string;
}

interface OwnerView {
  organisationId: string;
  organisation: OrganisationDraftInput;
  pendingEdit: boolean;
}

/** A POST already sent: a retry after a network failure resends the same body and key, so it cannot land twice. */
interface Attempt {
  fp: string;
  key: string;
  body: unknown;
}

const MODES: readonly MapFormMode[] = ['create', 'correction', 'owner', 'confirm', 'staff'];
const STAFF_PATH = '/v1/admin/map/organisations';
const SUMMARY = '.ngo-error-summary';
/** Fields in the order they appear, for the error summary. */
const ORDER: readonly FieldId[] = [
  'name', 'description', 'kind', 'legalForm', 'areas', 'targetGroups', 'krs', 'regon', 'nip', 'cityWide', 'districts', 'address', 'lon', 'lat',
  'website', 'email', 'phone', 'languages', 'accessibility', 'ownerEmail', 'contactName', 'contactEmail', 'note', 'consent',
];
const FIRST_AREA_GROUP = Object.keys(AREA_GROUPS)[0]!;
type ListKey = 'areas' | 'targetGroups' | 'districts' | 'languages' | 'accessibility';

/** An owner or confirmation token that the API does not know (404), or that is malformed (422). Only `owner` and `confirm` have links. */
const isLinkError = (err: unknown) => err instanceof ApiError && (err.code === 'link_invalid' || err.status === 404 || err.status === 422);

/**
 * The map's contribution forms: add an organisation, suggest a correction, the owner's edit through
 * the e-mailed link, and confirming a submission. An internal element of `<ngo-map>`, which loads it
 * with `import('./map-form.js')` when a person opens a form and closes it on `ngo-cancel`.
 *
 * The staff panel's map section loads it the same way for `staff` mode: a signed-in moderator or
 * editor edits an entry, or adds one, directly. That mode has no submitter fields, consent, honeypot
 * or proof of work; it sends `PUT /v1/admin/map/organisations/{id}` (or `POST` for a new entry) with
 * the session cookie and the CSRF token of `session`.
 *
 * Proof of work starts when the person first focuses or types in the form; the form is checked on
 * submit (error summary, inline errors), and the server's field issues land on the same fields.
 *
 * @tag ngo-map-form
 *
 * @attr mode - `create` (default), `correction`, `owner`, `confirm` or `staff`.
 * @attr token - The secret link's token, for `owner` and `confirm`.
 * @attr organisation-id - The entry to correct, for `correction`; the entry to edit for `staff` (empty: add a new entry).
 * @attr privacy-notice - The information clause shown next to the consent (plain text; a blank line starts a paragraph). Without it the form shows the clause the operator configured (GET /v1/clauses/map).
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` in the page applies.
 * @attr api-base - Origin (and path) of the API. Defaults to where the widgets were loaded from.
 *
 * @prop {MapFormMode} mode - See the attribute.
 * @prop {string} token - See the attribute.
 * @prop {string} organisationId - See the attribute.
 * @prop {OrganisationDraftInput | undefined} initial - The entry's current data (`OrganisationInput` shape): prefills `correction` (and `create`), and `staff`, which otherwise loads the entry itself.
 * @prop {AdminSession | null} session - `staff` mode: the signed-in session, whose CSRF token goes with every save.
 * @prop {string | Partial<Record<'pl' | 'en' | 'uk', string>> | undefined} privacyNotice - The information clause, one text or one per language.
 *
 * @fires ngo-submit - Before sending; cancelable. `detail: { kind }`, the mode.
 * @fires ngo-submitted - After the API accepted it. `detail: { kind, id, status }`.
 * @fires ngo-error - Sending failed (the form shows why). `detail: { kind, code }`.
 * @fires ngo-cancel - The person pressed Cancel or Close.
 * @fires ngo-unauthorized - `staff` mode: the API answered 401 (the session has ended).
 *
 * @csspart base - The root.
 * @csspart form - The form.
 * @csspart field - Each labelled field.
 * @csspart input - Each text input, text area and select.
 * @csspart error-summary - The list of problems after a failed submit.
 * @csspart notice - The information clause (RODO).
 * @csspart submit-button - The send, save or confirm button.
 * @csspart cancel-button - The Cancel and Close buttons.
 * @csspart panel - The result panels (sent, confirmed, invalid link).
 * @csspart status - The polite live region.
 *
 * @cssprop --ngo-map-form-max-width - Maximum width of the form (default `48em`).
 * @cssprop --ngo-font-family - Font of the widget (default: the system UI font).
 * @cssprop --ngo-color-accent - Buttons, links and ticked boxes (default `#0050a0`).
 * @cssprop --ngo-color-danger - Errors (default `#b00020`).
 * @cssprop --ngo-focus-ring - Focus indicator, a `box-shadow` value.
 */
export class NgoMapForm extends NgoElement {
  static override styles = [theme, formStyles, mapFormStyles];
  protected static override translators = [tForm];

  static override properties: PropertyDeclarations = {
    mode: {},
    token: {},
    organisationId: { attribute: 'organisation-id' },
    initial: { attribute: false },
    session: { attribute: false },
    privacyNotice: { attribute: 'privacy-notice' },
    draft: { state: true },
    errors: { state: true },
    failure: { state: true },
    status: { state: true },
    busy: { state: true },
    phase: { state: true },
    result: { state: true },
    clause: { state: true },
  };

  declare mode: MapFormMode;
  declare token: string;
  declare organisationId: string;
  declare initial: OrganisationDraftInput | undefined;
  declare session: AdminSession | null;
  declare privacyNotice: string | Partial<Record<Lang, string>> | undefined;
  /** The information clause configured by the operator (GET /v1/clauses/map), when no `privacyNotice` is given. */
  declare private clause: Partial<Record<Lang, string>> | undefined;

  declare private draft: Draft;
  declare private errors: FieldErrors;
  /** An API error not tied to a field, shown above the form. */
  declare private failure: ApiError | null;
  declare private status: string;
  declare private busy: boolean;
  declare private phase: 'form' | 'done' | 'invalid';
  declare private result: string;

  /** The data the form started from; fields it does not show (translations) are sent back unchanged. */
  private base: OrganisationDraftInput = {};
  private honeypot = '';
  private attempt?: Attempt;
  private pow?: ChallengeController;
  private focusNext = '';

  private ownerView = new Task(this, {
    args: () => [this.mode === 'owner' ? this.token : '', this.api] as const,
    task: async ([token, api], { signal }): Promise<OwnerView | null> => {
      if (!token) return null;
      // The token goes in the body, never in a URL that access logs keep.
      const view = await request<OwnerView>(api, '/v1/map/owner/view', { method: 'POST', body: { token }, signal });
      this.base = view.organisation;
      this.draft = toDraft(view.organisation);
      this.errors = {};
      return view;
    },
  });

  /** `staff` mode without `initial`: the entry to edit, from the staff API. */
  private staffEntry = new Task(this, {
    args: () => [this.mode === 'staff' && !this.initial ? this.organisationId : '', this.api] as const,
    task: async ([id, api], { signal }): Promise<StaffEntry | null> => {
      if (!id) return null;
      const entry = await adminRequest<StaffEntry>(api, `${STAFF_PATH}/${encodeURIComponent(id)}`, null, { signal }).catch((err) => {
        if (err instanceof ApiError && err.status === 401) this.dispatchEvent(new NgoUnauthorizedEvent());
        throw err;
      });
      this.base = entry;
      this.draft = toDraft(entry);
      this.errors = {};
      return entry;
    },
  });

  constructor() {
    super();
    this.mode = 'create';
    this.session = null;
    this.token = '';
    this.organisationId = '';
    this.draft = toDraft();
    this.errors = {};
    this.failure = null;
    this.status = '';
    this.busy = false;
    this.phase = 'form';
    this.result = '';
  }

  /** Moves focus to the form's heading (after the next render): call it when the form opens. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.title')?.focus(options));
  }


  private clauseRequested = false;

  protected override willUpdate(changed: PropertyValues): void {
    if (['mode', 'initial', 'token', 'organisationId'].some((p) => changed.has(p))) {
      if (this.mode !== 'owner') {
        this.base = this.initial ?? {};
        this.draft = toDraft(this.base);
      }
      this.errors = {};
      this.failure = null;
      this.phase = 'form';
      this.attempt = undefined;
    }
    if ((this.mode === 'create' || this.mode === 'correction') && !this.privacyNotice && !this.clauseRequested) {
      this.clauseRequested = true;
      request<Partial<Record<Lang, string>>>(this.api, '/v1/clauses/map').then(
        (c) => (this.clause = c),
        () => {}, // the dictionaries' default text stays
      );
    }
    // Created on first need, so that the confirmation panel and staff (signed in) never fetch a challenge.
    if (this.mode !== 'confirm' && this.mode !== 'staff' && !this.pow) this.pow = new ChallengeController(this, () => this.api);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.focusNext) return;
    const selector = this.focusNext;
    this.focusNext = '';
    if (selector === SUMMARY) focusErrorSummary(this.renderRoot);
    else this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private set<K extends FieldId>(key: K, value: Draft[K]): void {
    this.draft = { ...this.draft, [key]: value };
  }

  private toggle(key: ListKey, value: string | number, on: boolean): void {
    const list = this.draft[key] as (string | number)[];
    this.set(key, (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value)) as never);
  }

  private readonly onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    if (this.busy) return;
    const d = { ...this.draft, website: withScheme(this.draft.website) };
    this.draft = d;
    this.failure = null;
    this.errors = validateDraft(d, this.mode);
    if (Object.keys(this.errors).length) {
      this.status = '';
      this.focusNext = SUMMARY;
      return;
    }
    const organisation = toOrganisationInput(d, this.base);
    if (this.mode === 'staff') {
      const id = this.organisationId;
      const body = { ...organisation, ownerEmail: d.ownerEmail.trim() || null };
      if (id) void this.post(`${STAFF_PATH}/${encodeURIComponent(id)}`, body, false, 'PUT');
      else void this.post(STAFF_PATH, body, false);
      return;
    }
    const lang = this.locale;
    const note = d.note.trim();
    if (this.mode === 'owner') {
      void this.post('/v1/map/owner/edit', { token: this.token, organisation, note, lang }, true);
      return;
    }
    const correction = this.mode === 'correction' ? { organisationId: this.organisationId } : {};
    const contact = { name: d.contactName.trim(), email: d.contactEmail.trim() };
    void this.post('/v1/map/submissions', { type: this.mode, ...correction, organisation, contact, note, consent: true, lang }, true);
  };

  private readonly onConfirm = (): void => {
    if (!this.busy) void this.post('/v1/map/submissions/confirm', { token: this.token }, false);
  };

  private readonly onCancel = (): void => {
    this.dispatchEvent(new NgoCancelEvent());
  };

  /** Sends the form: to the public API (with proof of work when `protect`), or in `staff` mode to the staff API. */
  private async post(path: string, payload: object, protect: boolean, method: 'POST' | 'PUT' = 'POST'): Promise<void> {
    if (!this.dispatchEvent(new NgoSubmitEvent({ kind: this.mode }))) return;
    const lang = this.locale;
    this.busy = true;
    this.failure = null;
    this.status = tForm(lang, 'status.sending');
    try {
      const fp = path + JSON.stringify(payload);
      let attempt = this.attempt?.fp === fp ? this.attempt : undefined;
      if (!attempt) {
        const body = protect ? { ...payload, abuse: { altcha: await this.pow!.solution(), website: this.honeypot } } : payload;
        attempt = { fp, key: newIdempotencyKey(), body };
      }
      this.attempt = attempt;
      const res =
        this.mode === 'staff'
          ? { status: 'saved', ...(await adminRequest<{ id: string }>(this.api, path, this.session, { method, body: attempt.body })) }
          : await request<{ id: string; status: string }>(this.api, path, { method, body: attempt.body, idempotencyKey: attempt.key });
      this.attempt = undefined;
      this.pow?.reset();
      this.result = res.status;
      this.phase = 'done';
      this.status = tForm(lang, this.mode === 'staff' ? 'mapForm.saved' : 'mapForm.sent');
      this.focusNext = '.title';
      this.dispatchEvent(new NgoSubmittedEvent({ kind: this.mode, id: res.id, status: res.status }));
    } catch (err) {
      this.status = '';
      this.fail(asApiError(err));
    } finally {
      this.busy = false;
    }
  }

  private fail(err: ApiError): void {
    this.dispatchEvent(new NgoErrorEvent({ kind: this.mode, code: err.code }));
    // A request that may have reached the server keeps its body and key for the retry; any other
    // answer released the key and spent the proof of work, so start a fresh one.
    if (err.status !== 0 && err.code !== 'idempotency_in_progress') {
      this.attempt = undefined;
      this.pow?.reset();
      this.pow?.start();
    }
    if (this.mode === 'staff' && err.status === 401) this.dispatchEvent(new NgoUnauthorizedEvent());
    if ((this.mode === 'owner' || this.mode === 'confirm') && isLinkError(err) && err.code !== 'validation_failed') {
      this.phase = 'invalid';
      this.focusNext = '.title';
      return;
    }
    if (err.code === 'validation_failed' && err.issues.length) {
      const { errors, other } = issuesToErrors(err.issues, this.mode === 'staff');
      this.errors = errors;
      if (other.length) this.failure = err;
      this.focusNext = Object.keys(errors).length ? SUMMARY : '#form-error';
      return;
    }
    this.failure = err;
    this.focusNext = '#form-error';
  }

  private t(key: MapFormKey | 'field.required_marker' | 'loading' | 'retry' | 'error.link_invalid', vars?: Record<string, string | number>): string {
    return tForm(this.locale, key, vars);
  }

  private err(id: FieldId): string | undefined {
    const key = this.errors[id];
    return key ? tForm(this.locale, key) : undefined;
  }

  /** Where the summary's link for a field moves focus: the control, or the first control of a group. */
  private static target(id: FieldId): string {
    if (id === 'areas') return `areas-${FIRST_AREA_GROUP}`;
    if (id === 'districts') return 'cityWide';
    if (id === 'targetGroups' || id === 'languages' || id === 'accessibility') return `${id}-0`;
    return id;
  }

  protected override render() {
    const mode = this.mode;
    if (!MODES.includes(mode)) return this.warnMisconfig(`mode "${mode}" is not one of ${MODES.join(', ')}`);
    if ((mode === 'owner' || mode === 'confirm') && !this.token) return this.warnMisconfig(`token is missing (mode "${mode}")`);
    if (mode === 'correction' && !this.organisationId) return this.warnMisconfig('organisation-id is missing (mode "correction")');
    if (mode === 'staff' && !this.session) return this.warnMisconfig('session is missing (mode "staff")');
    return html`<div class="ngo-root" part="base" lang=${this.locale}>${this.renderBody(mode)}${statusRegion(this.status)}</div>`;
  }

  private renderBody(mode: MapFormMode): TemplateResult {
    if (this.phase === 'done') return this.renderDone(mode);
    if (this.phase === 'invalid' || (mode === 'owner' && this.ownerView.status === TaskStatus.ERROR && isLinkError(this.ownerView.error))) {
      return this.panel(this.t('error.link_invalid'), this.t('mapForm.link_help'));
    }
    const which = mode === 'staff' && !this.organisationId ? 'staff_new' : mode;
    const head = html`${this.heading(this.t(`mapForm.title.${which}`))}
      <p class="intro">${this.t(`mapForm.intro.${which}`)}</p>`;
    if (mode === 'confirm') {
      return html`${head}${this.renderFailure()}
        <div class="actions">
          <button type="button" part="submit-button" ?disabled=${this.busy} @click=${this.onConfirm}>${this.t('mapForm.confirm')}</button>
          ${this.cancelButton('mapForm.cancel')}
        </div>`;
    }
    if (mode === 'staff' && this.organisationId && !this.initial) {
      const loading = () => html`<p>${this.t('loading')}</p>`;
      return html`${head}${this.staffEntry.render({
        initial: loading,
        pending: loading,
        complete: () => this.renderForm(mode, false),
        error: (e) => html`<p class="ngo-error" role="alert">${tForm.error(this.locale, asApiError(e))}</p>
          <button type="button" @click=${() => void this.staffEntry.run()}>${this.t('retry')}</button>`,
      })}`;
    }
    if (mode === 'owner') {
      const loading = () => html`<p>${this.t('loading')}</p>`;
      return html`${head}${this.ownerView.render({
        initial: loading,
        pending: loading,
        complete: (view) => (view ? this.renderForm(mode, view.pendingEdit) : nothing),
        error: (e) => html`<p class="ngo-error" role="alert">${tForm.error(this.locale, asApiError(e))}</p>
          <button type="button" @click=${() => void this.ownerView.run()}>${this.t('retry')}</button>`,
      })}`;
    }
    return html`${head}${this.renderForm(mode, false)}`;
  }

  private renderDone(mode: MapFormMode): TemplateResult {
    if (mode === 'create' || mode === 'correction') {
      return this.panel(this.t('mapForm.done.create'), this.t('mapForm.done.create_text', { email: this.draft.contactEmail.trim() }));
    }
    if (mode === 'staff') return this.panel(this.t('mapForm.done.saved'), this.t('mapForm.done.saved_text'));
    const text = mode === 'confirm' ? 'mapForm.done.confirmed' : this.result === 'verified' ? 'mapForm.done.verified' : 'mapForm.done.pending';
    return this.panel(this.t('mapForm.done.thanks'), this.t(text));
  }

  private panel(heading: string, text: string): TemplateResult {
    return html`<div class="panel" part="panel">
      ${this.heading(heading)}
      <p>${text}</p>
      <div class="actions">${this.cancelButton('mapForm.close')}</div>
    </div>`;
  }

  /** The title: `h2` in the public widget, `h4` in the staff panel (whose section headings are `h3`). */
  private heading(text: string): TemplateResult {
    return this.mode === 'staff' ? html`<h4 class="title" tabindex="-1">${text}</h4>` : html`<h2 class="title" tabindex="-1">${text}</h2>`;
  }

  private cancelButton(label: MapFormKey): TemplateResult {
    return html`<button type="button" class="ngo-secondary" part="cancel-button" @click=${this.onCancel}>${this.t(label)}</button>`;
  }

  private renderFailure(): TemplateResult {
    return html`<div id="form-error" class="form-error" role="alert" tabindex="-1">${this.failure ? tForm.error(this.locale, this.failure) : ''}</div>`;
  }

  private renderForm(mode: MapFormMode, pendingEdit: boolean): TemplateResult {
    const lang = this.locale;
    const d = this.draft;
    const withSubmitter = mode === 'create' || mode === 'correction';
    const staff = mode === 'staff';
    const summary = ORDER.filter((id) => this.errors[id]).map((id) => ({
      id: NgoMapForm.target(id),
      message: id === 'consent' ? this.err(id)! : `${this.t(`mapForm.${id}`)}: ${this.err(id)}`,
    }));
    return html`${pendingEdit ? html`<p class="intro">${this.t('mapForm.pending_edit')}</p>` : nothing}
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${errorSummary(tForm(lang, 'summary.heading', { count: summary.length }), summary)} ${this.renderFailure()}
        <fieldset>
          <legend>${this.t('mapForm.sec.about')}</legend>
          ${this.text('name', { required: true, maxlength: MAP_LIMITS.name, autocomplete: 'organization' })}
          ${this.area('description', MAP_LIMITS.description, true)}
          ${this.select('kind', ORG_KINDS.map((k) => [k, KIND_LABELS[k][lang]] as const), (v) => this.set('kind', v as OrgKind), true)}
          ${this.select('legalForm', [['', this.t('mapForm.choose')], ...Object.entries(LEGAL_FORMS).map(([k, l]) => [k, l[lang]] as const)], (v) => this.set('legalForm', v), d.kind === 'ngo', true)}
          ${this.group(
            'areas',
            Object.entries(AREA_GROUPS).map(([g, labels]) => {
              const items = AREAS.filter((a) => a.group === g);
              const n = items.filter((a) => d.areas.includes(a.slug)).length;
              return html`<details ?open=${n > 0}>
                <summary id="areas-${g}">${labels[lang]} <span class="count">(${this.t('mapForm.selected', { count: n })})</span></summary>
                ${this.checks('areas', items.map((a) => [a.slug, a.labels[lang]]), 'areas-')}
              </details>`;
            }),
            { hint: true, required: true },
          )}
          ${this.group('targetGroups', this.checks('targetGroups', Object.entries(TARGET_GROUPS).map(([k, l]) => [k, l[lang]])))}
        </fieldset>
        <fieldset aria-describedby="ids-hint">
          <legend>${this.t('mapForm.sec.ids')}</legend>
          <div class="ngo-hint" id="ids-hint">${this.t('mapForm.sec.ids_hint')}</div>
          <div class="row">
            ${this.text('krs', { hint: true, inputmode: 'numeric', maxlength: 10 })} ${this.text('regon', { hint: true, inputmode: 'numeric', maxlength: 14 })}
            ${this.text('nip', { hint: true, inputmode: 'numeric', maxlength: 13 })}
          </div>
        </fieldset>
        <fieldset>
          <legend>${this.t('mapForm.sec.where')}</legend>
          ${this.group(
            'districts',
            html`<label class="check"><input type="checkbox" id="cityWide" .checked=${d.cityWide} @change=${(e: Event) => this.set('cityWide', (e.target as HTMLInputElement).checked)} />${this.t('mapForm.cityWide')}</label>
              ${this.checks('districts', DISTRICTS.map((x) => [x.id, `${x.roman}. ${x.name}`]))}`,
            { hint: true, required: true },
          )}
          ${this.text('address', { hint: true, maxlength: MAP_LIMITS.address, autocomplete: 'street-address' })}
          <fieldset aria-describedby="location-hint">
            <legend>${this.t('mapForm.location')}</legend>
            <div class="ngo-hint" id="location-hint">${this.t('mapForm.location_hint')}</div>
            <div class="row">${this.coord('lon')} ${this.coord('lat')}</div>
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>${this.t('mapForm.sec.contact')}</legend>
          ${this.text('website', { type: 'url', inputmode: 'url', maxlength: MAP_LIMITS.url, autocomplete: 'url' })}
          ${this.text('email', { type: 'email', maxlength: 254, autocomplete: 'off' })}
          ${this.text('phone', { type: 'tel', maxlength: MAP_LIMITS.phone, autocomplete: 'off' })}
          ${this.group('languages', this.checks('languages', SERVICE_LANGUAGES.map((k) => [k, this.t(`mapForm.lang.${k}`)])))}
          ${this.group('accessibility', this.checks('accessibility', ACCESSIBILITY_FEATURES.map((k) => [k, this.t(`mapForm.a11y.${k}`)])))}
        </fieldset>
        ${withSubmitter
          ? html`<fieldset>
              <legend>${this.t('mapForm.sec.you')}</legend>
              ${this.text('contactName', { required: true, maxlength: CONTACT_LIMITS.name, autocomplete: 'name' })}
              ${this.text('contactEmail', { type: 'email', hint: true, required: true, maxlength: CONTACT_LIMITS.email, autocomplete: 'email' })}
            </fieldset>`
          : nothing}
        ${staff ? this.text('ownerEmail', { type: 'email', hint: true, maxlength: 254, autocomplete: 'off' }) : nothing}
        ${staff ? nothing : this.renderContributorEnd(mode, withSubmitter)}
        <div class="actions">
          <button type="submit" part="submit-button" ?disabled=${this.busy}>${this.t(staff ? 'mapForm.save_entry' : mode === 'owner' ? 'mapForm.save' : 'mapForm.submit')}</button>
          ${this.cancelButton('mapForm.cancel')}
        </div>
      </form>`;
  }

  /** What only people outside the staff see: the note to the moderator, the information clause, consent and the honeypot. */
  private renderContributorEnd(mode: MapFormMode, withConsent: boolean): TemplateResult {
    return html`${this.area('note', MAP_LIMITS.reason, mode !== 'create')} ${this.renderPrivacy(withConsent)}
      <div class="hp" aria-hidden="true">
        <label for="hp">${this.t('mapForm.honeypot')}</label>
        <input id="hp" name="website" type="text" tabindex="-1" autocomplete="off" @input=${(e: Event) => (this.honeypot = (e.target as HTMLInputElement).value)} />
      </div>`;
  }

  private renderPrivacy(withConsent: boolean): TemplateResult {
    const lang = this.locale;
    const own = this.privacyNotice ?? this.clause;
    const text = (typeof own === 'string' ? own : own?.[lang] ?? own?.pl) || this.t('mapForm.privacy_text');
    const error = this.err('consent');
    return html`<h3 id="privacy-title">${this.t('mapForm.privacy')}</h3>
      <div class="notice" part="notice" role="region" aria-labelledby="privacy-title" tabindex="0">${text.split(/\n\s*\n/).map((p) => html`<p>${p.trim()}</p>`)}</div>
      ${withConsent
        ? html`<div class="consent">
            ${error ? html`<div class="ngo-error" id="consent-error">${error}</div>` : nothing}
            <label class="check"
              ><input
                type="checkbox"
                id="consent"
                required
                aria-describedby=${ifDefined(error ? 'consent-error' : undefined)}
                aria-invalid=${ifDefined(error ? 'true' : undefined)}
                .checked=${this.draft.consent}
                @change=${(e: Event) => this.set('consent', (e.target as HTMLInputElement).checked)}
              /><span>${this.t('mapForm.consent')} <span class="ngo-hint">${this.t('field.required_marker')}</span></span></label
            >
          </div>`
        : nothing}`;
  }

  private text(id: FieldId, o: { type?: 'text' | 'email' | 'url' | 'tel'; hint?: boolean; required?: boolean; maxlength?: number; autocomplete?: string; inputmode?: 'numeric' | 'url' } = {}): TemplateResult {
    return inputField({
      id,
      // The honeypot owns name="website", the name bots look for.
      name: id === 'website' ? 'org-website' : id,
      label: this.t(`mapForm.${id}` as MapFormKey),
      hint: o.hint ? this.t(`mapForm.${id}_hint` as MapFormKey) : undefined,
      error: this.err(id),
      requiredMarker: o.required ? this.t('field.required_marker') : undefined,
      type: o.type,
      value: this.draft[id] as string,
      required: o.required,
      maxlength: o.maxlength,
      autocomplete: o.autocomplete,
      inputmode: o.inputmode,
      onInput: (v) => this.set(id, v as never),
    });
  }

  private area(id: 'description' | 'note', maxlength: number, hint: boolean): TemplateResult {
    return field(
      { id, label: this.t(`mapForm.${id}`), hint: hint ? this.t(`mapForm.${id}_hint`) : undefined, error: this.err(id) },
      (a) => html`<textarea id=${a.id} part="input" name=${id} maxlength=${maxlength} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)}
        .value=${this.draft[id]} @input=${(e: Event) => this.set(id, (e.target as HTMLTextAreaElement).value)}></textarea>`,
    );
  }

  private select(id: 'kind' | 'legalForm', options: readonly (readonly [string, string])[], onChange: (v: string) => void, required: boolean, hint = false): TemplateResult {
    const value = this.draft[id];
    return field(
      { id, label: this.t(`mapForm.${id}`), hint: hint ? this.t('mapForm.legalForm_hint') : undefined, error: this.err(id), requiredMarker: required ? this.t('field.required_marker') : undefined },
      (a: ControlAttrs) => html`<select id=${a.id} part="input" name=${id} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)}
        @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
        ${options.map(([v, label]) => html`<option value=${v} ?selected=${v === value}>${label}</option>`)}
      </select>`,
    );
  }

  private coord(id: 'lon' | 'lat'): TemplateResult {
    return field({ id, label: this.t(`mapForm.${id}`), error: this.err(id) }, (a) => html`<input id=${a.id} part="input" name=${id} type="text" inputmode="decimal" autocomplete="off" maxlength="20"
      aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} .value=${this.draft[id]} @input=${(e: Event) => this.set(id, (e.target as HTMLInputElement).value)} />`);
  }

  /** A group of checkboxes (or other controls) with a legend, hint and inline error linked to the fieldset. */
  private group(key: FieldId, body: unknown, o: { hint?: boolean; required?: boolean } = {}): TemplateResult {
    const error = this.err(key);
    const described = [o.hint && `${key}-hint`, error && `${key}-error`].filter(Boolean).join(' ');
    return html`<fieldset aria-describedby=${ifDefined(described || undefined)}>
      <legend>${this.t(`mapForm.${key}` as MapFormKey)}${o.required ? html` <span class="ngo-hint">${this.t('field.required_marker')}</span>` : nothing}</legend>
      ${o.hint ? html`<div class="ngo-hint" id="${key}-hint">${this.t(`mapForm.${key}_hint` as MapFormKey)}</div>` : nothing}
      ${error ? html`<div class="ngo-error" id="${key}-error">${error}</div>` : nothing} ${body}
    </fieldset>`;
  }

  /** Checkboxes for a list field; ids are `${key}-${index}`, or `${prefix}${value}` when a prefix is given. */
  private checks(key: ListKey, items: readonly (readonly [string | number, string])[], prefix?: string): TemplateResult {
    const selected = this.draft[key] as (string | number)[];
    return html`<ul class="checks">
      ${items.map(
        ([value, label], i) => html`<li>
          <label class="check"
            ><input
              type="checkbox"
              id=${prefix ? `${prefix}${value}` : `${key}-${i}`}
              .checked=${selected.includes(value)}
              @change=${(e: Event) => this.toggle(key, value, (e.target as HTMLInputElement).checked)}
            /><span>${label}</span></label
          >
        </li>`,
      )}
    </ul>`;
  }
}
