import { Task } from '@lit/task';
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import type { StaffRole } from '../../../common/taxonomy.js';
import { tRole } from '../../../common/admin.js';
import { DISTRICTS } from '../../../common/taxonomy.js';
import { formatDateTime } from '../../core/i18n/index.js';
import { StaffSection } from '../../core/staff-section.js';
import { changeStaff, listStaff, resendInvitation, resetStaffPassword, resetStaffTotp, type StaffMember } from '../admin.api.js';
import { tSections } from './sections.i18n.js';
import { districtSelect, roleSelect } from './staff.invite.js';

/** What the row being acted on shows: its role/district editor, or the confirmation of a password or second-factor reset. */
type Open = { id: string; kind: 'edit'; role: StaffRole; district: number | null } | { id: string; kind: 'reset' | 'totp' } | null;

const districtName = (id: number | null, city: string) => {
  const d = DISTRICTS.find((x) => x.id === id);
  return d ? `${d.roman} ${d.name}` : city;
};

/**
 * Staff panel section "staff" (admins): invite staff, change their role and district scope,
 * disable and enable accounts (a disabled account's sessions end at once), reset a password and
 * send an invitation again. Every change is in the audit log.
 *
 * @tag ngo-admin-staff
 * @csspart base - The section's root.
 */
export class NgoAdminStaff extends StaffSection {
  static override styles = [
    ...StaffSection.styles,
    css`
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 0.75em;
      }
      .badge {
        display: inline-block;
        padding: 0 0.4em;
        border: 1px solid currentColor;
        border-radius: var(--_ngo-radius);
        font-size: 0.875em;
      }
      .secret {
        font-family: ui-monospace, monospace;
        overflow-wrap: anywhere;
      }
    `,
  ];
  static override properties: PropertyDeclarations = { ...StaffSection.properties, open: { state: true }, notice: { state: true } };
  protected override tr = tSections;
  declare private open: Open;
  /** A one-time TOTP secret from a promotion, shown until the next action. */
  declare private notice: string;

  constructor() {
    super();
    this.open = null;
    this.notice = '';
  }

  private staff = new Task(this, {
    args: () => [this.api] as const,
    task: async ([base], { signal }) => (await this.guard(listStaff(base, signal))).items,
  });

  private get mailLang() {
    return this.locale;
  }

  private async reload(focus: string): Promise<void> {
    await this.staff.run();
    void this.focusAfter(focus, '#staff-heading');
  }

  private async toggle(s: StaffMember): Promise<void> {
    const disabled = !s.disabled;
    if (await this.send(() => changeStaff(this.api, this.session!, s.id, { disabled }))) return;
    this.notice = '';
    this.announce(tSections(this.locale, disabled ? 'staff.disabled_done' : 'staff.enabled_done', { name: s.name }));
    await this.reload(`[data-id="${s.id}"] .toggle`);
  }

  private async saveEdit(ev: Event, s: StaffMember): Promise<void> {
    ev.preventDefault();
    const o = this.open;
    if (!o || o.kind !== 'edit') return;
    let secret: string | null = null;
    if (await this.send(async () => (secret = (await changeStaff(this.api, this.session!, s.id, { role: o.role, district: o.district })).totpSecret))) return;
    this.open = null;
    this.notice = secret ? tSections(this.locale, 'staff.edit.totp_issued', { secret }) : '';
    this.announce(tSections(this.locale, 'staff.edit.saved', { name: s.name }));
    await this.reload(secret ? '#staff-notice' : `[data-id="${s.id}"] .edit`);
  }

  private async reset(s: StaffMember): Promise<void> {
    if (await this.send(() => resetStaffPassword(this.api, this.session!, s.id, this.mailLang))) return;
    this.open = null;
    this.announce(tSections(this.locale, 'staff.reset.done', { email: s.email }));
    await this.reload(`[data-id="${s.id}"] .reset`);
  }

  /** Ends the member's second factor and sessions; an admin member is mailed a link to enrol a new code. */
  private async resetTotp(s: StaffMember): Promise<void> {
    if (await this.send(() => resetStaffTotp(this.api, this.session!, s.id, this.mailLang))) return;
    this.open = null;
    this.announce(tSections(this.locale, s.role === 'admin' ? 'staff.totp_reset.done_admin' : 'staff.totp_reset.done', { name: s.name, email: s.email }));
    await this.reload(`[data-id="${s.id}"] .reset, [data-id="${s.id}"] .edit`);
  }

  private async resend(s: StaffMember): Promise<void> {
    if (await this.send(() => resendInvitation(this.api, this.session!, s.id, this.mailLang))) return;
    this.announce(tSections(this.locale, 'staff.resend.done', { email: s.email }));
  }

  private openEdit(s: StaffMember): void {
    this.open = { id: s.id, kind: 'edit', role: s.role, district: s.district };
    void this.focusAfter(`#edit-role-${s.id}`);
  }

  /** Changes the open editor's draft (read at the time of the change, so quick edits add up). */
  private editOpen(change: { role?: StaffRole; district?: number | null }): void {
    if (this.open?.kind === 'edit') this.open = { ...this.open, ...change };
  }

  private openReset(s: StaffMember, kind: 'reset' | 'totp'): void {
    this.open = { id: s.id, kind };
    void this.focusAfter(`#${kind}-yes-${s.id}`);
  }

  private close(s: StaffMember, focus: string): void {
    this.open = null;
    void this.focusAfter(`[data-id="${s.id}"] ${focus}`);
  }

  private statusOf(s: StaffMember) {
    const lang = this.locale;
    if (s.disabled) return html`<span class="badge">${tSections(lang, 'admin.staff.disabled')}</span>`;
    if (s.invited) return html`<span class="badge">${tSections(lang, 'staff.invited')}</span>`;
    return tSections(lang, 'admin.staff.active');
  }

  private actions(s: StaffMember) {
    const lang = this.locale;
    const self = s.id === this.session?.staff.id;
    // The accessible name starts with the visible text, then says whose account (label in name).
    const named = (key: Parameters<typeof tSections>[1]) => `${tSections(lang, key)}: ${s.name}`;
    return html`<div class="actions">
      <button type="button" class="link edit" aria-label=${named('staff.edit.short')} aria-disabled=${this.disabled} @click=${() => this.openEdit(s)}>${tSections(lang, 'staff.edit.short')}</button>
      ${self
        ? nothing
        : html`<button type="button" class="link toggle" aria-label=${named(s.disabled ? 'staff.enable' : 'staff.disable')} aria-disabled=${this.disabled} @click=${() => this.toggle(s)}>${tSections(lang, s.disabled ? 'staff.enable' : 'staff.disable')}</button>`}
      ${s.invited
        ? html`<button type="button" class="link resend" aria-label=${named('staff.resend')} aria-disabled=${this.disabled} @click=${() => this.resend(s)}>${tSections(lang, 'staff.resend')}</button>`
        : s.disabled || self
          ? nothing
          : html`<button type="button" class="link reset" aria-label=${named('staff.reset')} aria-disabled=${this.disabled} @click=${() => this.openReset(s, 'reset')}>${tSections(lang, 'staff.reset')}</button>`}
      ${s.totp && !s.disabled && !self
        ? html`<button type="button" class="link totp-reset" aria-label=${named('staff.totp_reset')} aria-disabled=${this.disabled} @click=${() => this.openReset(s, 'totp')}>${tSections(lang, 'staff.totp_reset')}</button>`
        : nothing}
    </div>`;
  }

  /** The row under a member being edited or reset: a form of its own, spanning the table. */
  private openRow(s: StaffMember) {
    const lang = this.locale;
    const o = this.open;
    if (!o || o.id !== s.id) return nothing;
    if (o.kind !== 'edit') {
      // Both resets end the member's sessions at once, so each asks first.
      const [confirm, yes, opener, act] = o.kind === 'reset'
        ? (['staff.reset.confirm', 'staff.reset.yes', '.reset', () => this.reset(s)] as const)
        : (['staff.totp_reset.confirm', 'staff.totp_reset.yes', '.totp-reset', () => this.resetTotp(s)] as const);
      return html`<tr class="open"><td colspan="7"><div class="box" role="group" aria-labelledby="${o.kind}-text-${s.id}">
        <p id="${o.kind}-text-${s.id}">${tSections(lang, confirm, { name: s.name, email: s.email })}</p>
        <div class="row">
          <button type="button" class="danger" id="${o.kind}-yes-${s.id}" aria-disabled=${this.disabled} @click=${act}>${tSections(lang, yes)}</button>
          <button type="button" class="ngo-secondary" @click=${() => this.close(s, opener)}>${tSections(lang, 'staff.edit.cancel')}</button>
        </div>
      </div></td></tr>`;
    }
    return html`<tr class="open"><td colspan="7"><form class="box" novalidate aria-labelledby="edit-heading-${s.id}" @submit=${(e: Event) => this.saveEdit(e, s)} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.close(s, '.edit')}>
      <h5 id="edit-heading-${s.id}">${tSections(lang, 'staff.edit.heading', { name: s.name })}</h5>
      <div class="row">
        ${roleSelect(`edit-role-${s.id}`, o.role, tSections(lang, 'admin.staff.role'), (r) => tRole(lang, r), (role) => this.editOpen({ role }))}
        ${districtSelect(`edit-district-${s.id}`, o.district, tSections(lang, 'admin.staff.district'), tSections(lang, 'staff.district.city'), tSections(lang, 'staff.district.hint'), (district) => this.editOpen({ district }))}
      </div>
      <div class="row">
        <button type="submit" aria-disabled=${this.disabled}>${tSections(lang, 'staff.edit.save')}</button>
        <button type="button" class="ngo-secondary" @click=${() => this.close(s, '.edit')}>${tSections(lang, 'staff.edit.cancel')}</button>
      </div>
    </form></td></tr>`;
  }

  private table(items: StaffMember[]) {
    const lang = this.locale;
    const col = (label: string) => html`<th scope="col">${label}</th>`;
    const city = tSections(lang, 'staff.district.city');
    return html`<div class="table-wrap"><table class="stack">
      <caption>${tSections(lang, 'admin.staff.count', { count: items.length })}</caption>
      <thead><tr>
        ${col(tSections(lang, 'admin.staff.name'))}${col(tSections(lang, 'admin.staff.role'))}${col(tSections(lang, 'admin.staff.district'))}${col(tSections(lang, 'admin.staff.status'))}${col(tSections(lang, 'staff.totp'))}${col(tSections(lang, 'admin.staff.last_login'))}${col(tSections(lang, 'staff.actions'))}
      </tr></thead>
      <tbody>
        ${items.map(
          (s) => html`<tr data-id=${s.id}>
              <th scope="row" data-label=${tSections(lang, 'admin.staff.name')}><span class="name">${s.name}</span> ${s.id === this.session?.staff.id ? html`<span class="muted">${tSections(lang, 'staff.you')}</span>` : nothing}<br /><span class="muted email">${s.email}</span></th>
              <td data-label=${tSections(lang, 'admin.staff.role')}>${tRole(lang, s.role)}</td>
              <td data-label=${tSections(lang, 'admin.staff.district')}>${districtName(s.district, city)}</td>
              <td data-label=${tSections(lang, 'admin.staff.status')}>${this.statusOf(s)}</td>
              <td data-label=${tSections(lang, 'staff.totp')}>${tSections(lang, s.totp ? 'staff.totp.on' : 'staff.totp.off')}</td>
              <td data-label=${tSections(lang, 'admin.staff.last_login')}>${s.lastLoginAt ? html`<time datetime=${s.lastLoginAt}>${formatDateTime(lang, s.lastLoginAt)}</time>` : tSections(lang, 'admin.staff.never')}</td>
              <td data-label=${tSections(lang, 'staff.actions')}>${this.actions(s)}</td>
            </tr>
            ${this.openRow(s)}`,
        )}
      </tbody>
    </table></div>`;
  }

  protected override render() {
    const lang = this.locale;
    return html`<div class="ngo-root panel" part="base">
      ${this.statusRegion()}
      <ngo-admin-staff-invite .session=${this.session} @ngo-staff-invited=${() => this.staff.run()}></ngo-admin-staff-invite>
      <h4 id="staff-heading" tabindex="-1">${tSections(lang, 'staff.list.heading')}</h4>
      ${this.notice ? html`<p id="staff-notice" class="box secret" tabindex="-1" role="note">${this.notice}</p>` : nothing}
      ${this.actionErrorRegion()}
      ${this.renderTask(this.staff, { empty: tSections(lang, 'empty'), complete: (items) => this.table(items) })}
    </div>`;
  }
}
