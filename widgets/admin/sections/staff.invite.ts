import { html, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { STAFF_ROLES, type StaffRole } from '../../../common/taxonomy.js';
import { tRole } from '../../../common/admin.js';
import { DISTRICTS } from '../../../common/taxonomy.js';
import { errorSummary, field, formError, inputField } from '../../core/forms.js';
import type { ErrorLike } from '../../core/i18n/index.js';
import { StaffPart } from '../../core/staff-section.js';
import { inviteStaff, type MailLanguage, type StaffMember } from '../admin.api.js';
import { tSections } from './sections.i18n.js';

type InviteField = 'name' | 'email' | 'role' | 'district';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAIL_LANGS: readonly MailLanguage[] = ['pl', 'en', 'uk'];

/** The district picker of the staff forms: the whole city, or one of the 18 districts. */
export function districtSelect(id: string, value: number | null, label: string, cityLabel: string, hint: string, onChange: (d: number | null) => void) {
  return field({ id, label, hint }, (a) => html`<select id=${a.id} aria-describedby=${ifDefined(a.describedby)} @change=${(e: Event) => {
    const v = (e.target as HTMLSelectElement).value;
    onChange(v ? Number(v) : null);
  }}>
    <option value="" ?selected=${value === null}>${cityLabel}</option>
    ${DISTRICTS.map((d) => html`<option value=${d.id} ?selected=${value === d.id}>${d.roman} ${d.name}</option>`)}
  </select>`);
}

export function roleSelect(id: string, value: StaffRole, label: string, name: (r: StaffRole) => string, onChange: (r: StaffRole) => void, error?: string) {
  return field({ id, label, error }, (a) => html`<select id=${a.id} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as StaffRole)}>
    ${STAFF_ROLES.map((r) => html`<option value=${r} ?selected=${value === r}>${name(r)}</option>`)}
  </select>`);
}

/**
 * The invitation form of the staff section: name, e-mail, role, district scope and the language
 * of the mail. Checked before sending, with a summary naming each field; the server's field
 * issues come back the same way.
 *
 * @tag ngo-admin-staff-invite
 * @fires ngo-staff-invited - After an invitation went out. `detail: { staff }`.
 */
export class NgoAdminStaffInvite extends StaffPart {
  static override properties: PropertyDeclarations = { ...StaffPart.properties, errors: { state: true } };
  protected override tr = tSections;
  declare private errors: Partial<Record<InviteField, string>>;
  private fName = '';
  private fEmail = '';
  private fRole: StaffRole = 'moderator';
  private fDistrict: number | null = null;
  private fLang: MailLanguage = 'pl';

  constructor() {
    super();
    this.errors = {};
  }

  /** The form's own error box: the section's list has the `#action-error` one. */
  protected override showError(err: ErrorLike): void {
    this.actionError = this.tr.error(this.locale, err);
    void this.focusAfter('#invite-error');
  }

  private label(f: InviteField): string {
    return tSections(this.locale, `admin.staff.${f}`);
  }

  private check(): Partial<Record<InviteField, string>> {
    const lang = this.locale;
    const e: Partial<Record<InviteField, string>> = {};
    if (!this.fName.trim() || this.fName.trim().length > 120) e.name = tSections(lang, this.fName.trim() ? 'staff.name.invalid' : 'field.required');
    if (!this.fEmail.trim()) e.email = tSections(lang, 'field.required');
    else if (!EMAIL.test(this.fEmail.trim())) e.email = tSections(lang, 'field.invalid_email');
    return e;
  }

  private async submit(ev: Event): Promise<void> {
    ev.preventDefault();
    if (!this.session) return;
    this.errors = this.check();
    if (Object.keys(this.errors).length) return void this.focusAfter('.ngo-error-summary');
    let staff: StaffMember | undefined;
    const err = await this.send(async () => {
      staff = (await inviteStaff(this.api, this.session!, { name: this.fName.trim(), email: this.fEmail.trim(), role: this.fRole, district: this.fDistrict, lang: this.fLang })).staff;
    }, { quiet: true });
    if (err?.code === 'validation_failed') {
      const issues: Partial<Record<InviteField, string>> = {};
      for (const i of err.issues) if (['name', 'email', 'role', 'district'].includes(i.path)) issues[i.path as InviteField] ??= tSections(this.locale, i.path === 'email' ? 'field.invalid_email' : 'error.validation_failed');
      this.errors = issues;
      return void this.focusAfter('.ngo-error-summary', '#invite-error');
    }
    if (err) {
      if (err.code === 'conflict') this.errors = { email: tSections(this.locale, 'error.conflict') };
      return err.code === 'conflict' ? void this.focusAfter('.ngo-error-summary') : this.showError(err);
    }
    this.announce(tSections(this.locale, 'staff.invite.sent', { email: staff!.email }));
    this.fName = this.fEmail = '';
    this.errors = {};
    this.dispatchEvent(new CustomEvent('ngo-staff-invited', { detail: { staff }, bubbles: true, composed: true }));
    void this.focusAfter('#invite-name');
  }

  protected override render() {
    const lang = this.locale;
    const summary = (Object.keys(this.errors) as InviteField[]).map((f) => ({ id: `invite-${f}`, label: this.label(f), message: this.errors[f]! }));
    const marker = tSections(lang, 'field.required_marker');
    return html`<form class="box" novalidate aria-labelledby="invite-heading" @submit=${this.submit}>
      <h4 id="invite-heading">${tSections(lang, 'staff.invite.heading')}</h4>
      <p class="muted">${tSections(lang, 'staff.invite.intro')}</p>
      ${errorSummary(tSections(lang, 'summary.heading', { count: summary.length }), summary)}
      ${formError(this.actionError, 'invite-error')}
      <div class="row">
        ${inputField({ id: 'invite-name', label: this.label('name'), requiredMarker: marker, value: this.fName, required: true, autocomplete: 'off', maxlength: 120, error: this.errors.name, onInput: (v) => (this.fName = v) })}
        ${inputField({ id: 'invite-email', type: 'email', label: this.label('email'), requiredMarker: marker, value: this.fEmail, required: true, autocomplete: 'off', maxlength: 254, error: this.errors.email, onInput: (v) => (this.fEmail = v) })}
      </div>
      <div class="row">
        ${roleSelect('invite-role', this.fRole, this.label('role'), (r) => tRole(lang, r), (r) => (this.fRole = r), this.errors.role)}
        ${districtSelect('invite-district', this.fDistrict, this.label('district'), tSections(lang, 'staff.district.city'), tSections(lang, 'staff.district.hint'), (d) => (this.fDistrict = d))}
        ${field({ id: 'invite-lang', label: tSections(lang, 'staff.invite.lang') }, (a) => html`<select id=${a.id} @change=${(e: Event) => (this.fLang = (e.target as HTMLSelectElement).value as MailLanguage)}>
          ${MAIL_LANGS.map((l) => html`<option value=${l} ?selected=${this.fLang === l}>${tSections(lang, `staff.lang.${l}`)}</option>`)}
        </select>`)}
      </div>
      <button type="submit" aria-disabled=${this.disabled}>${tSections(lang, 'staff.invite.submit')}</button>
    </form>`;
  }
}
