import { Task } from '@lit/task';
import { html } from 'lit';
import { formatDateTime } from '../../core/i18n/index.js';
import { StaffSection } from '../../core/staff-section.js';
import { listStaff, type StaffMember } from '../admin.api.js';
import { tAdmin } from '../admin.i18n.js';

/**
 * Staff panel section "staff" (admins): the list of staff accounts.
 *
 * @tag ngo-admin-staff
 * @csspart base - The section's root.
 */
export class NgoAdminStaff extends StaffSection {
  protected override tr = tAdmin;

  private staff = new Task(this, {
    args: () => [this.api] as const,
    task: async ([base], { signal }) => (await this.guard(listStaff(base, signal))).items,
  });

  private table(items: StaffMember[]) {
    const lang = this.locale;
    const col = (k: 'name' | 'email' | 'role' | 'district' | 'status' | 'last_login') => html`<th scope="col">${tAdmin(lang, `admin.staff.${k}`)}</th>`;
    return html`<div class="table-wrap"><table>
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
    </table></div>`;
  }

  protected override render() {
    return html`<div class="ngo-root" part="base">
      ${this.renderTask(this.staff, { empty: tAdmin(this.locale, 'empty'), complete: (items) => this.table(items) })}
    </div>`;
  }
}
