import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { formatDateTime } from '../../core/i18n/index.js';
import { StaffSection } from '../../core/staff-section.js';
import { listAudit, type AuditEntry } from '../admin.api.js';
import { tAdmin } from '../admin.i18n.js';

const PAGE = 50;

/**
 * Staff panel section "audit" (admins): the audit log, newest first, 50 entries at a time.
 *
 * @tag ngo-admin-audit
 * @csspart base - The section's root.
 */
export class NgoAdminAudit extends StaffSection {
  static override properties: PropertyDeclarations = { earlier: { state: true, attribute: false }, cursor: { state: true, attribute: false } };

  protected override tr = tAdmin;

  /** Entries loaded by earlier pages; the Task loads the page before the oldest of them. */
  declare private earlier: AuditEntry[];
  declare private cursor: string | undefined;

  constructor() {
    super();
    this.earlier = [];
    this.cursor = undefined;
  }

  private page = new Task(this, {
    args: () => [this.api, this.cursor] as const,
    task: async ([base, before], { signal }) => (await this.guard(listAudit(base, before, signal))).items,
  });

  private more(items: AuditEntry[]): void {
    this.earlier = [...this.earlier, ...items];
    this.cursor = items[items.length - 1]?.at;
  }

  private table(items: AuditEntry[]) {
    const lang = this.locale;
    if (!items.length) return html`<p class="empty">${tAdmin(lang, 'empty')}</p>`;
    return html`<div class="table-wrap"><table>
      <caption>${tAdmin(lang, 'admin.audit.count', { count: items.length })}</caption>
      <thead><tr>
        <th scope="col">${tAdmin(lang, 'admin.audit.at')}</th>
        <th scope="col">${tAdmin(lang, 'admin.audit.action')}</th>
        <th scope="col">${tAdmin(lang, 'admin.audit.subject')}</th>
        <th scope="col">${tAdmin(lang, 'admin.audit.staff')}</th>
      </tr></thead>
      <tbody>
        ${items.map((e) => html`<tr><td><time datetime=${e.at}>${formatDateTime(lang, e.at)}</time></td><td>${e.actionLabel}</td><td>${e.item?.title ?? "—"}</td><td>${e.staff?.name ?? "—"}</td></tr>`)}
      </tbody>
    </table></div>`;
  }

  protected override render() {
    const lang = this.locale;
    return html`<div class="ngo-root" part="base">
      ${this.renderTask(this.page, {
        // While an older page loads, the entries shown so far stay.
        pending: () => html`${this.earlier.length ? this.table(this.earlier) : nothing}<p class="loading" role="status">${tAdmin(lang, 'loading')}</p>`,
        complete: (items) => html`${this.table([...this.earlier, ...items])}
          ${items.length === PAGE
            ? html`<button type="button" class="ngo-secondary more" @click=${() => this.more(items)}>${tAdmin(lang, 'admin.audit.older')}</button>`
            : nothing}`,
      })}
    </div>`;
  }
}
