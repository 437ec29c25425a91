import { Task } from '@lit/task';
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { TABLE_DOWNLOADS } from '../../../common/export.js';
import { field, inputField } from '../../core/forms.js';
import { formatDateTime } from '../../core/i18n/index.js';
import { StaffSection } from '../../core/staff-section.js';
import { auditExportUrl, getAuditChoices, listAudit, type AuditChoices, type AuditEntry, type AuditFilter, type AuditPage } from '../admin.api.js';
import { tSections } from './sections.i18n.js';

const NO_FILTER: AuditFilter = { staff: '', module: '', action: '', from: '', to: '' };

/**
 * Staff panel section "audit" (admins): the audit log in words. Who (name and e-mail), what (the
 * action, from the modules' table of actions), which item (its title, a link that opens it in the
 * panel) and when (Warsaw time); filters by person, module, action and days, 50 entries a page,
 * and the filtered entries as XLSX or CSV. The log is read-only here as in the API.
 *
 * @tag ngo-admin-audit
 * @csspart base - The section's root.
 */
export class NgoAdminAudit extends StaffSection {
  static override styles = [
    ...StaffSection.styles,
    css`
      .filters .row {
        align-items: end;
      }
      .downloads {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 1em;
        margin-block: 0.75em;
      }
      .pager {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em 1em;
        margin-block-start: 0.75em;
      }
      /* A time is read as one: "2 gru 2026, 16:20" never splits across lines. */
      td time {
        white-space: nowrap;
      }
      .muted {
        color: var(--_ngo-muted, #555);
      }
    `,
  ];
  static override properties: PropertyDeclarations = { ...StaffSection.properties, draft: { state: true }, applied: { state: true }, page: { state: true }, rangeError: { state: true } };
  protected override tr = tSections;

  /** The form's values; `applied` is what the list shows, set on "Show entries". */
  declare private draft: AuditFilter;
  declare private applied: AuditFilter;
  declare private page: number;
  declare private rangeError: boolean;
  /** Announce the number found once the list answers a new filter. */
  private announceNext = false;

  constructor() {
    super();
    this.draft = NO_FILTER;
    this.applied = NO_FILTER;
    this.page = 1;
    this.rangeError = false;
  }

  private choices = new Task(this, {
    args: () => [this.api, this.locale] as const,
    task: ([base, lang], { signal }) => this.guard(getAuditChoices(base, lang, signal)),
  });

  private entries = new Task(this, {
    args: () => [this.api, this.applied, this.page, this.locale] as const,
    task: async ([base, filter, page, lang], { signal }) => {
      const result = await this.guard(listAudit(base, filter, page, lang, signal));
      if (this.announceNext) this.announce(tSections(lang, 'audit.found', { count: result.total }));
      this.announceNext = false;
      return result;
    },
  });

  private set(change: Partial<AuditFilter>): void {
    this.draft = { ...this.draft, ...change };
    if (change.from !== undefined || change.to !== undefined) this.rangeError = false;
  }

  private apply(e: Event): void {
    e.preventDefault();
    const { from, to } = this.draft;
    if (from && to && to < from) {
      this.rangeError = true;
      void this.focusAfter('#audit-to');
      return;
    }
    this.announceNext = true;
    this.applied = this.draft;
    this.page = 1;
  }

  private clear(): void {
    this.draft = NO_FILTER;
    this.rangeError = false;
    this.announceNext = true;
    this.applied = NO_FILTER;
    this.page = 1;
    void this.focusAfter('#audit-staff');
  }

  /** Another page: the reader starts again at the top of the results. */
  private go(page: number): void {
    this.page = page;
    void this.focusAfter('#audit-results');
  }

  private select(id: string, label: string, onChange: (v: string) => void, options: unknown) {
    return field({ id, label }, (a) => html`<select id=${a.id} aria-describedby=${ifDefined(a.describedby)} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>${options}</select>`);
  }

  private filters(c: AuditChoices | undefined) {
    const lang = this.locale;
    const d = this.draft;
    const modules = c?.modules ?? [];
    const inModule = d.module ? modules.filter((m) => m.slug === d.module) : modules;
    return html`<form class="filters box" novalidate role="search" aria-labelledby="audit-filters-heading" @submit=${(e: Event) => this.apply(e)}>
      <h4 id="audit-filters-heading">${tSections(lang, 'audit.filters')}</h4>
      <div class="row">
        ${this.select('audit-staff', tSections(lang, 'admin.audit.staff'), (staff) => this.set({ staff }), html`<option value="" ?selected=${!d.staff}>${tSections(lang, 'audit.staff.any')}</option>
          ${(c?.staff ?? []).map((s) => html`<option value=${s.id} ?selected=${d.staff === s.id}>${s.name} (${s.email})</option>`)}`)}
        ${this.select('audit-module', tSections(lang, 'audit.module'), (module) => this.set({ module, action: module && !modules.find((m) => m.slug === module)?.actions.some((a) => a.key === d.action) ? '' : d.action }), html`<option value="" ?selected=${!d.module}>${tSections(lang, 'audit.module.any')}</option>
          ${modules.map((m) => html`<option value=${m.slug} ?selected=${d.module === m.slug}>${m.label}</option>`)}`)}
        ${this.select('audit-action', tSections(lang, 'admin.audit.action'), (action) => this.set({ action }), html`<option value="" ?selected=${!d.action}>${tSections(lang, 'audit.action.any')}</option>
          ${inModule.map((m) => html`<optgroup label=${m.label}>${m.actions.map((a) => html`<option value=${a.key} ?selected=${d.action === a.key}>${a.label}</option>`)}</optgroup>`)}`)}
      </div>
      <div class="row">
        ${inputField({ id: 'audit-from', label: tSections(lang, 'audit.from'), type: 'date', value: d.from, onInput: (from) => this.set({ from }) })}
        ${inputField({ id: 'audit-to', label: tSections(lang, 'audit.to'), type: 'date', value: d.to, error: this.rangeError ? tSections(lang, 'audit.range_error') : undefined, onInput: (to) => this.set({ to }) })}
      </div>
      <div class="row">
        <button type="submit">${tSections(lang, 'audit.apply')}</button>
        <button type="button" class="ngo-secondary" @click=${() => this.clear()}>${tSections(lang, 'audit.clear')}</button>
      </div>
    </form>`;
  }

  private who(e: AuditEntry) {
    if (!e.staff) return html`<span class="muted">${tSections(this.locale, 'audit.nobody')}</span>`;
    return html`<span class="name">${e.staff.name ?? e.staff.id}</span>${e.staff.email ? html`<br /><span class="muted email">${e.staff.email}</span>` : nothing}`;
  }

  private item(e: AuditEntry) {
    if (!e.item) return html`<span class="muted">—</span>`;
    return e.item.link ? html`<a href="#${e.item.link}">${e.item.title}</a>` : e.item.title;
  }

  private table(p: AuditPage) {
    const lang = this.locale;
    const label = { at: tSections(lang, 'admin.audit.at'), staff: tSections(lang, 'admin.audit.staff'), action: tSections(lang, 'admin.audit.action'), item: tSections(lang, 'admin.audit.subject') };
    const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
    return html`<div class="table-wrap"><table class="stack">
        <caption>${tSections(lang, 'admin.audit.count', { count: p.total })}${pages > 1 ? html` · ${tSections(lang, 'audit.page', { page: p.page, pages })}` : nothing}</caption>
        <thead><tr><th scope="col">${label.at}</th><th scope="col">${label.staff}</th><th scope="col">${label.action}</th><th scope="col">${label.item}</th></tr></thead>
        <tbody>
          ${p.items.map(
            (e) => html`<tr data-id=${e.id}>
              <td data-label=${label.at}><time datetime=${e.at}>${formatDateTime(lang, e.at)}</time></td>
              <td data-label=${label.staff}>${this.who(e)}</td>
              <th scope="row" data-label=${label.action}>${e.actionLabel}</th>
              <td data-label=${label.item}>${this.item(e)}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>
      ${pages > 1
        ? html`<nav class="pager" aria-label=${tSections(lang, 'audit.paging')}>
            ${p.page > 1 ? html`<button type="button" class="ngo-secondary prev" @click=${() => this.go(p.page - 1)}>${tSections(lang, 'audit.prev')}</button>` : nothing}
            <span>${tSections(lang, 'audit.page', { page: p.page, pages })}</span>
            ${p.page < pages ? html`<button type="button" class="ngo-secondary next" @click=${() => this.go(p.page + 1)}>${tSections(lang, 'audit.next')}</button>` : nothing}
          </nav>`
        : nothing}`;
  }

  protected override render() {
    const lang = this.locale;
    return html`<div class="ngo-root" part="base">
      ${this.filters(this.choices.value)}
      ${this.choices.error ? this.renderTask(this.choices, { complete: () => nothing }) : nothing}
      <div class="downloads" role="group" aria-labelledby="audit-export-label">
        <span id="audit-export-label">${tSections(lang, 'audit.export.label')}</span>
        ${TABLE_DOWNLOADS.map((d) => html`<a class=${d.id} href=${auditExportUrl(this.api, this.applied, d, lang)} download>${tSections(lang, `audit.export.${d.id}`)}</a>`)}
      </div>
      ${this.statusRegion()}
      <div id="audit-results" tabindex="-1">
        ${this.renderTask(this.entries, {
          empty: tSections(lang, 'audit.empty'),
          isEmpty: (p) => p.items.length === 0,
          complete: (p) => this.table(p),
          // While another page loads, the one shown stays under the "Loading…" line.
          pending: () => html`<p class="loading" role="status">${tSections(lang, 'loading')}</p>${this.entries.value?.items.length ? this.table(this.entries.value) : nothing}`,
        })}
      </div>
    </div>`;
  }
}
