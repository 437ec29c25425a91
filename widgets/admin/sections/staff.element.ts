import { Task } from '@lit/task';
import { html, type PropertyDeclarations } from 'lit';
import { ApiError } from '../../core/api.js';
import { NgoElement } from '../../core/base.element.js';
import { formatDateTime } from '../../core/i18n/index.js';
import { theme } from '../../core/theme.js';
import { listStaff, type AdminSession } from '../admin.api.js';
import { NgoUnauthorizedEvent } from '../../core/events.js';
import { tAdmin } from '../admin.i18n.js';
import { sectionStyles } from '../admin.styles.js';

/**
 * Staff panel section "staff" (admins): the list of staff accounts.
 *
 * @tag ngo-admin-staff
 * @csspart base - The section's root.
 */
export class NgoAdminStaff extends NgoElement {
  static override styles = [theme, sectionStyles];

  static override properties: PropertyDeclarations = { session: { attribute: false } };

  /** Set by `<ngo-admin>`. */
  declare session: AdminSession | null;

  constructor() {
    super();
    this.session = null;
  }

  private staff = new Task(this, {
    args: () => [this.api] as const,
    task: async ([base], { signal }) => {
      try {
        return (await listStaff(base, signal)).items;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) this.dispatchEvent(new NgoUnauthorizedEvent());
        throw err;
      }
    },
  });

  protected override render() {
    const lang = this.locale;
    const col = (k: 'name' | 'email' | 'role' | 'district' | 'status' | 'last_login') => html`<th scope="col">${tAdmin(lang, `admin.staff.${k}`)}</th>`;
    return html`<div class="ngo-root" part="base">
      ${this.staff.render({
        pending: () => html`<p role="status">${tAdmin(lang, 'loading')}</p>`,
        error: (err) => html`<p class="ngo-error" role="alert">${tAdmin.error(lang, err instanceof ApiError ? err : { code: 'unknown' })}</p>
          <button type="button" @click=${() => this.staff.run()}>${tAdmin(lang, 'retry')}</button>`,
        complete: (items) =>
          items.length
            ? html`<div class="table-wrap"><table>
                <caption>${tAdmin(lang, 'admin.staff.count', { count: items.length })}</caption>
                <thead><tr>${col('name')}${col('email')}${col('role')}${col('district')}${col('status')}${col('last_login')}</tr></thead>
                <tbody>
                  ${items.map(
                    (s) => html`<tr>
                      <th scope="row">${s.name}</th>
                      <td>${s.email}</td>
                      <td>${tAdmin(lang, `admin.role.${s.role}`)}</td>
                      <td>${s.district ?? tAdmin(lang, 'admin.staff.all_districts')}</td>
                      <td>${tAdmin(lang, s.disabled ? 'admin.staff.disabled' : 'admin.staff.active')}</td>
                      <td>${s.lastLoginAt ? formatDateTime(lang, s.lastLoginAt) : tAdmin(lang, 'admin.staff.never')}</td>
                    </tr>`,
                  )}
                </tbody>
              </table></div>`
            : html`<p>${tAdmin(lang, 'empty')}</p>`,
      })}
    </div>`;
  }
}
