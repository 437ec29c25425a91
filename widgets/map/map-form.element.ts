import { Task, TaskStatus } from '@lit/task';
import { nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { ApiError, asApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { NgoCancelEvent, type NgoSubmittedEvent } from '../core/events.js';
import { FormState } from '../core/form-state.js';
import { tFormKit } from '../core/form.i18n.js';
import { errorSummary, focusErrorSummary, formStyles, statusRegion } from '../core/forms.js';
import type { CoreKey } from '../core/i18n/index.js';
import { clauseText, discardDialog, draftNotice, errorText, formError, getClause, honeypot, summaryOf } from '../core/public-form.js';
import { guardStaff, staffRequest, type SessionToken } from '../core/staff.api.js';
import { SubmitController, linkState, type SubmitRequest } from '../core/submit.js';
import { theme } from '../core/theme.js';
import { FIELD_ORDER, contributorFields, fieldTarget, organisationFields, textField, type FieldsContext } from './map-form.fields.js';
import { tForm, type MapFormKey } from './map-form.i18n.js';
import { formRequest, issuesToErrors, toDraft, validateDraft, withScheme, type Draft, type FieldId, type MapFormMode, type OrganisationDraftInput } from './map-form.model.js';
import { donePanel, linkPanel, type PanelUi } from './map-form.panels.js';
import { loadEntry, type EntryView } from './map-form.api.js';
import { pointPicker } from './map-form.point.js';
import { mapFormStyles } from './map-form.styles.js';

export type { MapFormMode, OrganisationDraftInput };
/** The map staff section's name for the core event (kept for its imports). */
export type NgoMapFormSubmittedEvent = NgoSubmittedEvent;

const MODES: readonly MapFormMode[] = ['create', 'correction', 'owner', 'confirm', 'staff'];
const SUMMARY = '.ngo-error-summary';

/**
 * The map's contribution forms: add an organisation, suggest a correction, the owner's edit through
 * the e-mailed link, and confirming a submission. An internal element of `<ngo-map>`, which loads it
 * with `import('./map-form.js')` when a person opens a form and closes it on `ngo-cancel`.
 *
 * The staff panel's map section loads it the same way for `staff` mode: a signed-in moderator or
 * editor edits an entry, or adds one, directly. That mode has no contact fields, consent, honeypot
 * or proof of work; it sends `PUT /v1/admin/map/organisations/{id}` (or `POST` for a new entry) with
 * the session cookie and the CSRF token of `session`.
 *
 * It is built on the public-form kit (docs/modules.md): the submit controller (proof of work from
 * the first focus, honeypot, `Idempotency-Key`, the fill time), the information clause served by
 * `GET /v1/clauses/map`, and drafts: what a person types is kept when the form closes, over a
 * reload and after an error, and Cancel or Escape asks before closing a form that was typed into.
 *
 * @tag ngo-map-form
 *
 * @attr mode - `create` (default), `correction`, `owner`, `confirm` or `staff`.
 * @attr token - The secret link's token, for `owner` and `confirm`.
 * @attr organisation-id - The entry to correct, for `correction`; the entry to edit for `staff` (empty: add a new entry).
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` in the page applies.
 * @attr api-base - Origin (and path) of the API. Defaults to where the widgets were loaded from.
 * @attr tiles - Tile URL template of the map where the point is picked (default: OpenStreetMap).
 * @attr boundaries - URL of a GeoJSON file with district outlines: a picked point then ticks its district.
 * @attr no-picker - Leave out the map where the point is picked (the coordinate fields stay).
 *
 * @prop {MapFormMode} mode - See the attribute.
 * @prop {string} token - See the attribute.
 * @prop {string} organisationId - See the attribute.
 * @prop {OrganisationDraftInput | undefined} initial - The entry's current data (`OrganisationInput` shape): prefills `correction` (and `create`), and `staff`, which otherwise loads the entry itself.
 * @prop {SessionToken} session - `staff` mode: the signed-in session, whose CSRF token goes with every save.
 *
 * @fires ngo-submit - Before sending; cancelable. `detail: { kind }`, the mode.
 * @fires ngo-submitted - After the API accepted it. `detail: { kind, id, status }`.
 * @fires ngo-error - Sending failed (the form shows why). `detail: { kind, code }`.
 * @fires ngo-cancel - The person closed the form: Cancel, Close or Escape (after confirming, when they had typed).
 * @fires ngo-unauthorized - `staff` mode: the API answered 401 (the session has ended).
 *
 * @csspart base - The root.
 * @csspart form - The form.
 * @csspart field - Each labelled field.
 * @csspart input - Each text input, text area and select.
 * @csspart error-summary - The list of problems after a failed submit.
 * @csspart notice - The information clause (RODO).
 * @csspart draft - The note that a kept draft came back.
 * @csspart dialog - The "discard typed text?" question.
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
  protected static override translators = [tForm, tFormKit];

  static override properties: PropertyDeclarations = {
    mode: {},
    token: {},
    organisationId: { attribute: 'organisation-id' },
    tiles: {},
    boundaries: {},
    noPicker: { type: Boolean, attribute: 'no-picker' },
    initial: { attribute: false },
    session: { attribute: false },
    failure: { state: true },
    status: { state: true },
    phase: { state: true },
    result: { state: true },
  };

  declare mode: MapFormMode;
  declare token: string;
  declare organisationId: string;
  declare tiles: string;
  declare boundaries: string;
  declare noPicker: boolean;
  declare initial: OrganisationDraftInput | undefined;
  declare session: SessionToken;

  /** An API error not tied to a field, shown above the form. */
  declare private failure: ApiError | null;
  declare private status: string;
  declare private phase: 'form' | 'done' | 'invalid' | 'incomplete';
  declare private result: string;

  /** The data the form started from; fields it does not show (translations) are sent back unchanged. */
  private base: OrganisationDraftInput = {};
  private focusNext = '';
  private draftId = '';
  private form = new FormState<Draft>(this, {
    validate: (d) => validateDraft(d, this.mode),
    // Drafts of public forms only, keyed by entry; never by the secret token.
    storageKey: () => (['create', 'correction', 'owner'].includes(this.mode) ? `ngo-map/${this.mode}${this.draftId ? `/${this.draftId}` : ''}` : null),
    memoryOnly: ['contactName', 'contactEmail'],
    notKept: ['consent'],
  });
  private submit = new SubmitController(this, () => this.api);

  /** The operator's information clause, for the forms of people outside the staff. */
  private clause = new Task(this, {
    args: () => [this.api, this.mode === 'create' || this.mode === 'correction' || this.mode === 'owner'] as const,
    task: ([api, needed], { signal }) => (needed ? getClause(api, 'map', signal) : undefined),
  });

  /** The entry to start from when it is not handed over: the owner's (by the e-mailed token), or one a staff member edits. */
  private entry = new Task(this, {
    args: () => [this.mode, this.mode === 'owner' ? this.token : this.mode === 'staff' && !this.initial ? this.organisationId : '', this.api] as const,
    task: async ([mode, key, api], { signal }): Promise<EntryView | null> => {
      if (!key) return null;
      const view = await loadEntry(this, api, mode === 'owner' ? 'owner' : 'staff', key, signal);
      this.begin(view.organisation, view.organisationId);
      return view;
    },
  });

  constructor() {
    super();
    this.mode = 'create';
    this.session = null;
    this.token = this.organisationId = this.status = this.result = this.tiles = this.boundaries = '';
    this.noPicker = false;
    this.failure = null;
    this.phase = 'form';
  }

  /** Moves focus to the form's heading (after the next render): call it when the form opens. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.title')?.focus(options));
  }

  /**
   * Closes the form through `ngo-cancel`, first asking "discard typed text?" when the person typed
   * into it. The host may call it when something else would close the form.
   */
  requestClose(): void {
    this.form.requestClose(() => this.dispatchEvent(new NgoCancelEvent()));
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (['mode', 'initial', 'token', 'organisationId'].some((p) => changed.has(p))) {
      this.failure = null;
      this.phase = 'form';
      this.submit.reset();
      // An entry the form loads starts it once loaded.
      if (!this.loadsEntry) this.begin(this.initial ?? {}, this.mode === 'correction' ? this.organisationId : '');
    }
    if (this.mode !== 'confirm' && this.mode !== 'staff') this.submit.prepare();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const selector = this.focusNext;
    this.focusNext = '';
    if (selector === SUMMARY) focusErrorSummary(this.renderRoot);
    else if (selector) this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The owner's entry, or a staff entry not handed over, comes from the API (`entry`). */
  private get loadsEntry(): boolean {
    return this.mode === 'owner' || (this.mode === 'staff' && !!this.organisationId && !this.initial);
  }

  /** Starts the form from an entry (a kept draft of the same entry comes back over it). */
  private begin(entry: OrganisationDraftInput, draftId: string): void {
    this.base = entry;
    this.draftId = draftId;
    this.form.start(toDraft(entry));
  }

  private readonly onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    if (this.submit.busy) return;
    this.form.set('website', withScheme(this.form.values.website));
    this.failure = null;
    if (!this.form.check()) {
      this.status = '';
      this.focusNext = SUMMARY;
      return;
    }
    void this.sendMode();
  };

  /** Sends what the mode sends (to the public API, or in `staff` mode to the staff API with the session), then shows the outcome. */
  private async sendMode(): Promise<void> {
    const { mode: kind, organisationId, token } = this;
    const r = formRequest(kind, this.form.values, this.base, { organisationId, token, lang: this.locale });
    const staff = (body: unknown) => guardStaff(this, staffRequest<{ id: string }>(this.api, r.path, this.session, { method: r.method, body }));
    const req: SubmitRequest<unknown> = { detail: { kind }, ...r, ...(kind === 'staff' ? { transport: staff, result: (v) => ({ id: (v as { id: string }).id, status: 'saved' }) } : {}) };
    this.failure = null;
    await this.submit.send({ ...req, onSending: () => (this.status = '') }, (out) => {
      if (out.ok) {
        this.form.forget();
        this.result = (req.result?.(out.value) ?? (out.value as { status: string })).status;
        this.phase = 'done';
        this.status = this.t(kind === 'staff' ? 'mapForm.saved' : 'mapForm.sent');
        this.focusNext = '.title';
      } else if (out.reason === 'link') {
        this.phase = out.link;
        this.focusNext = '.title';
      } else if (out.reason === 'fields') {
        const { errors, other } = issuesToErrors(out.error.issues, kind === 'staff');
        this.form.showServerErrors(errors);
        if (other.length || !Object.keys(errors).length) this.failure = out.error;
        this.focusNext = Object.keys(errors).length ? SUMMARY : '#form-error';
      } else if (out.reason === 'error') {
        this.failure = out.error;
        this.focusNext = '#form-error';
      }
    });
  }

  private readonly onKeydown = (e: KeyboardEvent): void => {
    // The public map closes its forms on Escape; the staff panel's editor closes with its buttons.
    if (e.key !== 'Escape' || this.mode === 'staff' || this.form.closing) return;
    // preventDefault: the key's default action (the browser's close watcher) would at once cancel
    // the "discard typed text?" dialog this very key opens.
    e.preventDefault();
    e.stopPropagation();
    this.requestClose();
  };

  private t(key: MapFormKey | CoreKey, vars?: Record<string, string | number>): string {
    return tForm(this.locale, key, vars);
  }

  private err(id: FieldId): string | undefined {
    return errorText(this.locale, this.form.errors[id], tForm);
  }

  protected override render() {
    const mode = this.mode;
    if (!MODES.includes(mode)) return this.warnMisconfig(`mode "${mode}" is not one of ${MODES.join(', ')}`);
    if ((mode === 'owner' || mode === 'confirm') && !this.token) return this.warnMisconfig(`token is missing (mode "${mode}")`);
    if (mode === 'correction' && !this.organisationId) return this.warnMisconfig('organisation-id is missing (mode "correction")');
    if (mode === 'staff' && !this.session) return this.warnMisconfig('session is missing (mode "staff")');
    const sending = this.submit.busy ? this.t('status.sending') : this.status;
    return html`<div class="ngo-root" part="base" lang=${this.locale} @keydown=${this.onKeydown}>
      ${this.renderBody(mode)}${statusRegion(sending)}${discardDialog(this.form, this.locale)}
    </div>`;
  }

  private renderBody(mode: MapFormMode): TemplateResult {
    if (this.phase === 'done') return donePanel(this.panels(), mode, { email: this.form.values.contactEmail.trim(), result: this.result });
    const link = this.phase !== 'form' ? this.phase : mode === 'owner' && this.entry.status === TaskStatus.ERROR ? linkState(this.entry.error) : null;
    if (link) return linkPanel(this.panels(), link);
    const which = mode === 'staff' && !this.organisationId ? 'staff_new' : mode;
    const head = html`${this.heading(this.t(`mapForm.title.${which}`))}
      <p class="intro">${this.t(`mapForm.intro.${which}`)}</p>`;
    if (mode === 'confirm') {
      return html`${head}${this.renderFailure()}
        <div class="ngo-actions">
          <button type="button" part="submit-button" ?disabled=${this.submit.busy} @click=${() => void this.sendMode()}>${this.t('mapForm.confirm')}</button>
          ${this.cancelButton('mapForm.cancel')}
        </div>`;
    }
    if (!this.loadsEntry) return html`${head}${this.renderForm(mode, false)}`;
    const loading = () => html`<p>${this.t('loading')}</p>`;
    return html`${head}${this.entry.render({
      initial: loading,
      pending: loading,
      complete: (v) => (v ? this.renderForm(mode, v.pendingEdit) : nothing),
      error: (e) => html`<p class="ngo-error" role="alert">${tForm.error(this.locale, asApiError(e))}</p>
        <button type="button" @click=${() => void this.entry.run()}>${this.t('retry')}</button>`,
    })}`;
  }

  private panels(): PanelUi {
    return { lang: this.locale, title: (text) => this.heading(text), closeButton: (label) => this.cancelButton(label) };
  }

  /** The title: the top heading (`heading-level`, `h2` by default) in the public widget, `h4` in the staff panel (whose section headings are `h3`). */
  private heading(text: string): TemplateResult {
    return this.mode === 'staff' ? html`<h4 class="title" tabindex="-1">${text}</h4>` : html`<${this.headingTag(0)} class="title" tabindex="-1">${text}</${this.headingTag(0)}>`;
  }

  private cancelButton(label: MapFormKey): TemplateResult {
    return html`<button type="button" class="ngo-secondary" part="cancel-button" @click=${() => this.requestClose()}>${this.t(label)}</button>`;
  }

  private renderFailure(): TemplateResult {
    return formError(this.failure ? tForm.error(this.locale, this.failure) : undefined);
  }

  private renderForm(mode: MapFormMode, pendingEdit: boolean): TemplateResult {
    const lang = this.locale;
    const c: FieldsContext = { lang, values: this.form.values, t: (k, v) => this.t(k, v), err: (id) => this.err(id), set: (k, v) => this.form.set(k, v), picker: this.noPicker ? nothing : pointPicker(this.form, { lang, tiles: this.tiles, boundaries: this.boundaries }) };
    const summary = summaryOf(FIELD_ORDER, this.form.errors, {
      text: (key) => errorText(lang, key, tForm)!,
      label: (id) => (id === 'consent' ? undefined : this.t(`mapForm.${id}` as MapFormKey)),
      target: fieldTarget,
    });
    const staff = mode === 'staff';
    return html`${pendingEdit ? html`<p class="intro">${this.t('mapForm.pending_edit')}</p>` : nothing}
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${draftNotice(this.form, lang)} ${errorSummary(this.t('summary.heading', { count: summary.length }), summary, this.mode === 'staff' ? 4 : this.headingLevelAt(0))} ${this.renderFailure()}
        ${organisationFields(c)}
        ${staff
          ? textField(c, 'ownerEmail', { type: 'email', hint: true, maxlength: 254, autocomplete: 'off' })
          : html`${contributorFields(c, mode, clauseText(this.clause, lang), () => void this.clause.run())} ${honeypot(this.submit, lang)}`}
        <div class="ngo-actions">
          <button type="submit" part="submit-button" ?disabled=${this.submit.busy}>${this.t(staff ? 'mapForm.save_entry' : mode === 'owner' ? 'mapForm.save' : 'mapForm.submit')}</button>
          ${this.cancelButton('mapForm.cancel')}
        </div>
      </form>`;
  }
}
