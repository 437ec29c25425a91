import { Task } from '@lit/task';
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { MAIL_STATUSES, type MailStatus } from '../../../common/admin.js';
import { isAdminSection } from '../../../common/modules.js';
import { field } from '../../core/forms.js';
import { formatDateTime } from '../../core/i18n/index.js';
import { StaffSection } from '../../core/staff-section.js';
import { getOutboxMessage, listOutbox, resendMessage, type OutboxMessage, type OutboxPage } from '../admin.api.js';
import { tSections, type SectionsKey } from './sections.i18n.js';

/**
 * Staff panel section "outbox" (every role): the mail the modules sent, what waits in the queue and
 * what failed, with the error, newest first, filtered by state, 50 at a time. Recipients, subjects
 * and texts are personal data: only admins see them (the server leaves them out for others) and
 * only admins send a message again; everyone else sees the reason beside the message instead.
 *
 * @tag ngo-admin-outbox
 * @csspart base - The section's root.
 */
export class NgoAdminOutbox extends StaffSection {
  static override styles = [
    ...StaffSection.styles,
    css`
      .template {
        font-family: ui-monospace, monospace;
        font-size: 0.875em;
        overflow-wrap: anywhere;
      }
      .state {
        min-width: 12em;
      }
      .error-text {
        display: block;
        overflow-wrap: break-word;
      }
      .body {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0;
        font: inherit;
      }
      .state-failed {
        color: var(--ngo-color-danger, #b00020);
        font-weight: 600;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    ...StaffSection.properties,
    filter: { state: true },
    earlier: { state: true },
    cursor: { state: true },
    bodies: { state: true },
  };
  protected override tr = tSections;

  declare private filter: MailStatus | '';
  /** Messages of the pages loaded before the one the task holds. */
  declare private earlier: OutboxMessage[];
  declare private cursor: string | undefined;
  /** Texts an admin opened, by message id. */
  declare private bodies: Record<string, string>;

  constructor() {
    super();
    this.filter = '';
    this.earlier = [];
    this.cursor = undefined;
    this.bodies = {};
  }

  private page = new Task(this, {
    args: () => [this.api, this.filter, this.cursor] as const,
    task: async ([base, status, before], { signal }) => this.guard(listOutbox(base, { ...(status ? { status } : {}), ...(before ? { before } : {}) }, signal)),
  });

  private setFilter(value: string): void {
    this.filter = (MAIL_STATUSES as readonly string[]).includes(value) ? (value as MailStatus) : '';
    this.earlier = [];
    this.cursor = undefined;
  }

  /** Loads the next (older) page below the ones shown, and moves focus to its first message. */
  private async more(page: OutboxPage): Promise<void> {
    this.earlier = [...this.earlier, ...page.items];
    this.cursor = page.next ?? undefined;
    await this.afterRun(this.page);
    const first = this.page.value?.items[0];
    void this.focusAfter(first ? `[data-id="${first.id}"] th` : '#outbox-heading');
  }

  private async resend(m: OutboxMessage): Promise<void> {
    let queued: OutboxMessage | null = null;
    if (await this.send(async () => (queued = await resendMessage(this.api, this.session!, m.id)))) return;
    this.announce(tSections(this.locale, queued!.id === m.id ? 'outbox.resend.done_failed' : 'outbox.resend.done_copy'));
    // The list starts again from the newest, where a copy appears.
    this.earlier = [];
    this.cursor = undefined;
    await this.page.run();
    void this.focusAfter(`[data-id="${queued!.id}"] th`, '#outbox-heading');
  }

  private async toggleBody(m: OutboxMessage): Promise<void> {
    if (this.bodies[m.id] !== undefined) {
      const { [m.id]: _, ...rest } = this.bodies;
      this.bodies = rest;
      return;
    }
    let body = '';
    if (await this.send(async () => (body = (await getOutboxMessage(this.api, m.id)).body), { quiet: true })) return;
    this.bodies = { ...this.bodies, [m.id]: body };
    void this.focusAfter(`#body-${m.id}`);
  }

  /** The module that sent it, in words (the template's first part), and the template itself. */
  private what(m: OutboxMessage) {
    const lang = this.locale;
    const module = m.template.split('.')[0] ?? '';
    const name = module === 'admin' ? tSections(lang, 'outbox.module.admin') : isAdminSection(module) ? tSections(lang, `admin.section.${module}` as SectionsKey) : module;
    return html`${m.subject ? html`<span class="subject">${m.subject}</span><br />` : nothing}<span>${name}</span> <span class="template muted">${m.template}</span>
      <span class="muted">(${tSections(lang, 'outbox.lang')}: ${m.lang})</span>`;
  }

  private state(m: OutboxMessage) {
    const lang = this.locale;
    const at = m.sentAt && (m.status === 'sent' || m.status === 'logged') ? tSections(lang, 'outbox.sent_at', { at: formatDateTime(lang, m.sentAt) }) : m.nextAttemptAt ? tSections(lang, 'outbox.next_at', { at: formatDateTime(lang, m.nextAttemptAt) }) : '';
    return html`<span class="state-${m.status}">${tSections(lang, `outbox.status.${m.status}`)}</span><br />
      <span class="muted">${tSections(lang, 'outbox.attempts', { count: m.attempts })}${at ? html`, ${at}` : nothing}</span>
      ${m.error ? html`<span class="error-text"><span class="ngo-sr">${tSections(lang, 'outbox.error')}: </span>${m.error}</span>` : nothing}`;
  }

  /** Send again when the rule allows it; otherwise the reason, where the button would be. */
  private actions(m: OutboxMessage, personal: boolean) {
    const lang = this.locale;
    return html`<div class="actions">
      ${m.resendBlocked
        ? html`<span class="muted reason">${tSections(lang, `outbox.blocked.${m.resendBlocked}`)}</span>`
        : html`<button type="button" class="link resend" aria-label=${`${tSections(lang, 'outbox.resend')}: ${m.subject ?? m.template}`} aria-disabled=${this.disabled} @click=${() => this.resend(m)}>${tSections(lang, 'outbox.resend')}</button>`}
      ${personal
        ? html`<button type="button" class="link show" aria-expanded=${this.bodies[m.id] !== undefined ? 'true' : 'false'} aria-controls=${`body-${m.id}`} @click=${() => this.toggleBody(m)}>${tSections(lang, this.bodies[m.id] !== undefined ? 'outbox.hide' : 'outbox.show')}</button>`
        : nothing}
    </div>`;
  }

  private table(items: OutboxMessage[], personal: boolean) {
    const lang = this.locale;
    if (!items.length) return html`<p class="empty">${tSections(lang, 'empty')}</p>`;
    const col = (key: SectionsKey) => html`<th scope="col">${tSections(lang, key)}</th>`;
    const columns = personal ? 5 : 4;
    return html`<div class="table-wrap"><table class="stack">
      <caption>${tSections(lang, 'outbox.count', { count: items.length })}</caption>
      <thead><tr>
        ${col('outbox.queued_at')}${col('outbox.message')}${personal ? col('outbox.to') : nothing}${col('outbox.state')}${col('staff.actions')}
      </tr></thead>
      <tbody>
        ${items.map(
          (m) => html`<tr data-id=${m.id}>
              <th scope="row" data-label=${tSections(lang, 'outbox.queued_at')} tabindex="-1"><time datetime=${m.createdAt}>${formatDateTime(lang, m.createdAt)}</time></th>
              <td data-label=${tSections(lang, 'outbox.message')}>${this.what(m)}</td>
              ${personal ? html`<td data-label=${tSections(lang, 'outbox.to')} class="to">${m.to}</td>` : nothing}
              <td data-label=${tSections(lang, 'outbox.state')} class="state">${this.state(m)}</td>
              <td data-label=${tSections(lang, 'staff.actions')}>${this.actions(m, personal)}</td>
            </tr>
            ${this.bodies[m.id] !== undefined
              ? html`<tr class="open"><td colspan=${columns}><div class="box" id=${`body-${m.id}`} tabindex="-1" role="group" aria-label=${tSections(lang, 'outbox.body')}>
                  <pre class="body">${this.bodies[m.id]}</pre>
                </div></td></tr>`
              : nothing}`,
        )}
      </tbody>
    </table></div>`;
  }

  private filterField(counts: OutboxPage['counts'] | null) {
    const lang = this.locale;
    const n = (count: number) => (counts ? ` (${count})` : '');
    return field({ id: 'outbox-filter', label: tSections(lang, 'outbox.filter') }, (a) => html`<select id=${a.id} @change=${(e: Event) => this.setFilter((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${this.filter === ''}>${tSections(lang, 'outbox.filter.all')}${n(counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0)}</option>
      ${MAIL_STATUSES.map((s) => html`<option value=${s} ?selected=${this.filter === s}>${tSections(lang, `outbox.status.${s}`)}${n(counts?.[s] ?? 0)}</option>`)}
    </select>`);
  }

  protected override render() {
    const lang = this.locale;
    const last = this.page.value;
    return html`<div class="ngo-root panel" part="base">
      ${this.statusRegion()}
      <h4 id="outbox-heading" tabindex="-1">${tSections(lang, 'outbox.heading')}</h4>
      ${this.session?.staff.role === 'admin' ? nothing : html`<p class="muted" id="outbox-private">${tSections(lang, 'outbox.private')}</p>`}
      ${this.filterField(last?.counts ?? null)}
      ${this.actionErrorRegion()}
      ${this.renderTask(this.page, {
        pending: () => html`${this.earlier.length ? this.table(this.earlier, last?.personal ?? false) : nothing}<p class="loading" role="status">${tSections(lang, 'loading')}</p>`,
        complete: (page) => html`${this.table([...this.earlier, ...page.items], page.personal)}
          ${page.next ? html`<button type="button" class="ngo-secondary more" @click=${() => this.more(page)}>${tSections(lang, 'outbox.older')}</button>` : nothing}`,
      })}
    </div>`;
  }
}
