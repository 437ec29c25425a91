import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ORG_STATUSES, type OrgStatus } from '../../common/map.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import type { AdminSession } from '../admin/admin.api.js';
import { NgoUnauthorizedEvent } from '../core/events.js';
import { staffSectionStyles as sectionStyles } from '../core/staff-section.styles.js';
import { ApiError, asApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { field, formStyles, statusRegion } from '../core/forms.js';
import { formatDate, formatDateTime } from '../core/i18n/index.js';
import { theme } from '../core/theme.js';
import type { NgoMapFormSubmittedEvent } from './map-form.element.js';
import {
  approveSubmission, getEntry, listEntries, listQueue, PAGE_SIZE, rejectSubmission, sendReminders, setEntryStatus,
  type EntryQuery, type QueueItem, type StaffEntry, type StaffOrganisation,
} from './map.admin.api.js';
import { formatChangedBy, formatValue, formatVersionNote, tMapAdmin as t, type MapAdminKey } from './map.admin.i18n.js';
import { mapAdminStyles } from './map.admin.styles.js';

type Tab = 'queue' | 'entries';
const TABS: readonly Tab[] = ['queue', 'entries'];
const rowButton = (id: string) => `[data-id="${CSS.escape(id)}"]`;

/**
 * Staff panel section "map" (moderators, editors): the moderation queue of submitted entries and
 * corrections, with a diff and duplicate hints, approve and reject (the reason is mailed to the
 * submitter); and the list of all entries with edit, archive/publish, "add entry" and the yearly
 * reminder e-mails. Editing and adding use `<ngo-map-form mode="staff">`, loaded on first use, beside
 * the entry's version history.
 * `<ngo-admin>` creates it and sets `apiBase` and `session`; all requests are same-origin with the
 * session cookie and the CSRF token.
 *
 * @tag ngo-admin-map
 *
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` (the panel's) applies.
 * @attr api-base - Origin of the API; the page's own origin (staff routes are same-origin only).
 *
 * @fires ngo-unauthorized - When the API answers 401, so the panel returns to its sign-in form.
 *
 * @csspart base - The section's root.
 * @csspart tabs - The "Queue" / "Entries" tab list.
 * @csspart status - The polite live region announcing decisions and results.
 * @csspart field - Each labelled form field.
 *
 * @cssprop --ngo-color-accent - Buttons, links and the current tab (default `#0050a0`).
 * @cssprop --ngo-color-danger - Errors and the reject button (default `#b00020`).
 */
export class NgoAdminMap extends NgoElement {
  static override styles = [theme, formStyles, sectionStyles, mapAdminStyles];

  static override properties: PropertyDeclarations = {
    session: { attribute: false },
    tab: { state: true },
    selected: { state: true },
    reason: { state: true },
    reasonError: { state: true },
    actionError: { state: true },
    status: { state: true },
    busy: { state: true },
    query: { state: true },
    confirming: { state: true },
    editing: { state: true },
  };

  /** Set by `<ngo-admin>`: carries the CSRF token sent on every POST. */
  declare session: AdminSession | null;

  declare private tab: Tab;
  /** The submission open in the detail view. */
  declare private selected: QueueItem | null;
  declare private reason: string;
  declare private reasonError: string;
  declare private actionError: string;
  declare private status: string;
  declare private busy: boolean;
  declare private query: EntryQuery;
  /** Id of the entry whose archiving waits for confirmation. */
  declare private confirming: string | null;
  /** The entry open in the editor: its id, `''` for a new entry, `null` while the list shows. */
  declare private editing: string | null;

  constructor() {
    super();
    this.session = null;
    this.tab = 'queue';
    this.selected = null;
    this.reason = '';
    this.reasonError = '';
    this.actionError = '';
    this.status = '';
    this.busy = false;
    this.query = { q: '', status: '', page: 1 };
    this.confirming = null;
    this.editing = null;
  }

  /** Each list loads only while its tab is open, and afresh each time the tab is opened. */
  private queue = new Task(this, {
    args: () => [this.api, this.tab] as const,
    task: async ([base, tab], { signal }) => (tab === 'queue' ? (await this.guard(listQueue(base, signal))).items : null),
  });

  private entries = new Task(this, {
    args: () => [this.api, this.tab, this.query] as const,
    task: ([base, tab, query], { signal }) => (tab === 'entries' ? this.guard(listEntries(base, query, signal)) : Promise.resolve(null)),
  });

  /** The entry open in the editor, with its history (nothing for a new entry). */
  private entry = new Task(this, {
    args: () => [this.api, this.editing] as const,
    task: ([base, id], { signal }) => (id ? this.guard(getEntry(base, id, signal)) : Promise.resolve(null)),
  });

  private guard<T>(p: Promise<T>): Promise<T> {
    return p.catch((err) => {
      if (err instanceof ApiError && err.status === 401) this.dispatchEvent(new NgoUnauthorizedEvent());
      throw err;
    });
  }

  /** Moves focus to the first selector that matches after the next render. */
  private async focusAfter(...selectors: string[]): Promise<void> {
    await this.updateComplete;
    for (const s of selectors) {
      const el = this.renderRoot.querySelector<HTMLElement>(s);
      if (el) return el.focus();
    }
  }

  /** Runs an unsafe request with one "sending" state; returns false (and shows the error) when it failed. */
  private async send(action: () => Promise<unknown>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.actionError = '';
    this.status = t(this.locale, 'status.sending');
    try {
      await this.guard(action());
      return true;
    } catch (err) {
      this.status = '';
      this.actionError = t.error(this.locale, asApiError(err));
      void this.focusAfter('#action-error');
      return false;
    } finally {
      this.busy = false;
    }
  }

  private selectTab(tab: Tab, focus = false): void {
    this.tab = tab;
    this.selected = null;
    this.confirming = null;
    this.editing = null;
    this.actionError = '';
    this.status = '';
    if (focus) void this.focusAfter(`#tab-${tab}`);
  }

  private onTabKey(e: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab);
    const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1 + TABS.length, Home: 0, End: TABS.length - 1 };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    this.selectTab(TABS[next % TABS.length]!, true);
  }

  private open(item: QueueItem | null): void {
    const from = this.selected;
    this.selected = item;
    this.reason = '';
    this.reasonError = '';
    this.actionError = '';
    void (item ? this.focusAfter('#detail-heading') : this.focusAfter(rowButton(from?.id ?? ''), '#queue-heading'));
  }

  private async decide(item: QueueItem, approve: boolean): Promise<void> {
    const lang = this.locale;
    const reason = this.reason.trim();
    if (!approve) {
      this.reasonError = !reason ? t(lang, 'field.required') : reason.length < 3 ? t(lang, 'reject.short') : '';
      if (this.reasonError) return void this.focusAfter('#reason');
    }
    const ok = await this.send(() => (approve ? approveSubmission(this.api, this.session, item.id) : rejectSubmission(this.api, this.session, item.id, reason)));
    if (!ok) return;
    const items = this.queue.value ?? [];
    const next = items[items.findIndex((x) => x.id === item.id) + 1];
    this.selected = null;
    this.reason = '';
    this.status = t(lang, approve ? 'approved' : 'rejected', { name: item.data.name });
    await this.queue.run();
    await this.focusAfter(...(next ? [rowButton(next.id)] : []), '#queue-heading');
  }

  private async changeStatus(org: StaffOrganisation, action: 'archive' | 'publish'): Promise<void> {
    this.confirming = null;
    if (!(await this.send(() => setEntryStatus(this.api, this.session, org.id, action)))) return;
    this.status = t(this.locale, `done.${action}`, { name: org.name });
    await this.entries.run();
    await this.focusAfter(`${rowButton(org.id)} button`, '#entries-heading');
  }

  /** Opens the editor for an entry (`''`: a new one) and focuses the form's title once it shows. */
  private async openEditor(id: string): Promise<void> {
    this.editing = id;
    this.confirming = null;
    this.actionError = '';
    this.status = '';
    const loaded = import('./map-form.js').then(
      () => true,
      (err) => {
        console.warn('[ngo] <ngo-admin-map>: the form could not be loaded:', err);
        this.actionError = t.error(this.locale, asApiError(err));
        return false;
      },
    );
    await this.updateComplete; // starts loading the entry
    const [ok] = await Promise.all([loaded, this.entry.taskComplete.catch(() => null)]);
    if (this.editing !== id) return;
    await this.updateComplete;
    const form = ok ? this.renderRoot.querySelector<HTMLElement>('ngo-map-form') : null;
    if (form) form.focus();
    else void this.focusAfter('#action-error:not(:empty)', '#editor-back');
  }

  /** Back to the list, focus on the button that opened the editor. */
  private closeEditor(): void {
    const id = this.editing;
    this.editing = null;
    this.actionError = '';
    void this.focusAfter(id ? `${rowButton(id)} .edit` : '#add-entry', '#entries-heading');
  }

  /** After a save: back to the refreshed list, the result announced and focus on the entry's Edit button. */
  private async onSaved(e: NgoMapFormSubmittedEvent): Promise<void> {
    const { id } = e.detail;
    const added = this.editing === '';
    const before = this.entry.value?.name;
    this.editing = null;
    await this.entries.run();
    const name = this.entries.value?.items.find((o) => o.id === id)?.name ?? (added ? undefined : before);
    this.status = name ? t(this.locale, added ? 'done.add' : 'done.save', { name }) : t(this.locale, 'done.add_unlisted');
    await this.focusAfter(`${rowButton(id)} .edit`, added ? '#add-entry' : '#entries-heading', '#entries-heading');
  }

  private async remind(): Promise<void> {
    let sent = 0;
    const ok = await this.send(async () => {
      sent = (await sendReminders(this.api, this.session)).sent;
    });
    if (ok) this.status = t(this.locale, 'reminders.sent', { count: sent });
  }

  private onSearch(e: SubmitEvent): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    this.confirming = null;
    this.query = { q: String(data.get('q') ?? '').trim(), status: String(data.get('status') ?? '') as OrgStatus | '', page: 1 };
  }

  private setPage(page: number): void {
    this.query = { ...this.query, page };
    void this.focusAfter('#entries-heading');
  }

  protected override render() {
    const lang = this.locale;
    return html`<div class="ngo-root" part="base">
      <div role="tablist" part="tabs" aria-label=${t(lang, 'nav')} @keydown=${this.onTabKey}>
        ${TABS.map(
          (id) => html`<button type="button" role="tab" id="tab-${id}" aria-controls="panel-${id}" aria-selected=${id === this.tab ? 'true' : 'false'}
            tabindex=${id === this.tab ? '0' : '-1'} @click=${() => id !== this.tab && this.selectTab(id)}>${t(lang, `tab.${id}`)}</button>`,
        )}
      </div>
      ${statusRegion(this.status)}
      ${TABS.map(
        (id) => html`<div class="panel" role="tabpanel" id="panel-${id}" aria-labelledby="tab-${id}" ?hidden=${id !== this.tab}>
          ${id !== this.tab
            ? nothing
            : id === 'queue'
              ? this.selected ? this.renderDetail(this.selected) : this.renderQueue()
              : this.editing !== null ? this.renderEditor(this.editing) : this.renderEntries()}
        </div>`,
      )}
    </div>`;
  }

  private failed(err: unknown, retry: () => unknown) {
    return html`<p class="ngo-error" role="alert">${t.error(this.locale, asApiError(err))}</p>
      <button type="button" @click=${retry}>${t(this.locale, 'retry')}</button>`;
  }

  private actionErrorRegion() {
    return html`<div id="action-error" class="form-error" role="alert" tabindex="-1">${this.actionError}</div>`;
  }

  private renderQueue() {
    const lang = this.locale;
    return html`<h4 id="queue-heading" tabindex="-1">${t(lang, 'queue.heading')}</h4>
      ${this.queue.render({
        pending: () => html`<p class="loading">${t(lang, 'loading')}</p>`,
        error: (err) => this.failed(err, () => this.queue.run()),
        complete: (items) =>
          !items?.length
            ? html`<p>${t(lang, 'queue.empty')}</p>`
            : html`<div class="table-wrap"><table>
                <caption>${t(lang, 'queue.count', { count: items.length })}</caption>
                <thead><tr>
                  <th scope="col">${t(lang, 'col.type')}</th><th scope="col">${t(lang, 'col.organisation')}</th>
                  <th scope="col">${t(lang, 'col.submitter')}</th><th scope="col">${t(lang, 'col.date')}</th>
                </tr></thead>
                <tbody>
                  ${items.map(
                    (s) => html`<tr>
                      <td>${t(lang, `type.${s.type}`)}</td>
                      <th scope="row"><button type="button" class="link" data-id=${s.id} @click=${() => this.open(s)}>${s.data.name}</button></th>
                      <td>${s.submitter.name}<br /><span class="muted">${s.submitter.email}</span></td>
                      <td><time datetime=${s.createdAt}>${formatDateTime(lang, s.createdAt)}</time></td>
                    </tr>`,
                  )}
                </tbody>
              </table></div>`,
      })}`;
  }

  private renderDetail(s: QueueItem) {
    const lang = this.locale;
    const label = (f: string) => (t.has(lang, `label.${f}`) ? t(lang, `label.${f}` as MapAdminKey) : f);
    return html`<button type="button" class="ngo-secondary" @click=${() => this.open(null)}>${t(lang, 'back')}</button>
      <h4 id="detail-heading" tabindex="-1">${t(lang, `type.${s.type}`)}: ${s.data.name}</h4>
      <dl>
        <dt>${t(lang, 'col.submitter')}</dt><dd>${s.submitter.name} (${s.submitter.email})</dd>
        <dt>${t(lang, 'col.date')}</dt><dd><time datetime=${s.createdAt}>${formatDateTime(lang, s.createdAt)}</time></dd>
        ${s.note ? html`<dt>${t(lang, 'note')}</dt><dd>${s.note}</dd>` : nothing}
      </dl>
      ${s.diff.length
        ? html`<div class="table-wrap"><table class="diff">
            <caption>${t(lang, 'diff.caption')}</caption>
            <thead><tr><th scope="col">${t(lang, 'diff.field')}</th><th scope="col">${t(lang, 'diff.before')}</th><th scope="col">${t(lang, 'diff.after')}</th></tr></thead>
            <tbody>
              ${s.diff.map((d) => html`<tr><th scope="row">${label(d.field)}</th><td>${formatValue(lang, d.field, d.before)}</td><td>${formatValue(lang, d.field, d.after)}</td></tr>`)}
            </tbody>
          </table></div>`
        : html`<p>${t(lang, 'diff.none')}</p>`}
      <section aria-labelledby="dup-heading">
        <h5 id="dup-heading">${t(lang, 'dup.heading')}</h5>
        ${s.duplicates.length
          ? html`<ul class="duplicates">
              ${s.duplicates.map(
                (d) => html`<li>${d.name} (${t(lang, `state.${d.status as OrgStatus}`)}): ${d.reasons.map((r) => t(lang, `dup.${r}`)).join(', ')}</li>`,
              )}
            </ul>`
          : html`<p>${t(lang, 'dup.none')}</p>`}
      </section>
      <section class="box" aria-labelledby="decision-heading">
        <h5 id="decision-heading">${t(lang, 'decision')}</h5>
        ${this.actionErrorRegion()}
        <p><button type="button" class="approve" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.decide(s, true)}>${t(lang, 'approve')}</button></p>
        <form novalidate @submit=${(e: SubmitEvent) => (e.preventDefault(), this.decide(s, false))}>
          ${field(
            { id: 'reason', label: t(lang, 'reject.label'), hint: t(lang, 'reject.hint', { email: s.submitter.email }), error: this.reasonError, requiredMarker: t(lang, 'field.required_marker') },
            (a) => html`<textarea id=${a.id} name="reason" required maxlength="2000" .value=${this.reason}
              aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)}
              @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>`,
          )}
          <button type="submit" class="danger" aria-disabled=${this.busy ? 'true' : 'false'}>${t(lang, 'reject.submit')}</button>
        </form>
      </section>`;
  }

  private renderEntries() {
    const lang = this.locale;
    const q = this.query;
    return html`<section class="box" aria-labelledby="reminders-heading">
        <h5 id="reminders-heading">${t(lang, 'reminders.heading')}</h5>
        <p class="muted">${t(lang, 'reminders.hint')}</p>
        <button type="button" class="ngo-secondary remind" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.remind}>${t(lang, 'reminders.send')}</button>
      </section>
      <h4 id="entries-heading" tabindex="-1">${t(lang, 'entries.heading')}</h4>
      <p><button type="button" id="add-entry" @click=${() => this.openEditor('')}>${t(lang, 'entries.add')}</button></p>
      <form role="search" class="row" @submit=${this.onSearch}>
        ${field({ id: 'q', label: t(lang, 'search.label') }, (a) => html`<input id=${a.id} name="q" type="search" maxlength="100" .value=${q.q} />`)}
        ${field(
          { id: 'status', label: t(lang, 'search.status') },
          (a) => html`<select id=${a.id} name="status">
            <option value="" ?selected=${!q.status}>${t(lang, 'search.all')}</option>
            ${ORG_STATUSES.map((s) => html`<option value=${s} ?selected=${q.status === s}>${t(lang, `state.${s}`)}</option>`)}
          </select>`,
        )}
        <button type="submit">${t(lang, 'search.submit')}</button>
      </form>
      ${this.actionErrorRegion()}
      ${this.entries.render({
        pending: () => html`<p class="loading">${t(lang, 'loading')}</p>`,
        error: (err) => this.failed(err, () => this.entries.run()),
        complete: (res) => (!res?.items.length ? html`<p>${t(lang, 'entries.empty')}</p>` : this.renderTable(res.items, res.total)),
      })}`;
  }

  private renderTable(items: StaffOrganisation[], total: number) {
    const lang = this.locale;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = this.query.page;
    const districts = (o: StaffOrganisation) =>
      o.cityWide ? t(lang, 'city_wide') : o.districts.map((id) => DISTRICTS.find((d) => d.id === id)?.name ?? String(id)).join(', ') || '—';
    const actions = (o: StaffOrganisation) => {
      if (this.confirming === o.id)
        return html`<p id="confirm-${o.id}">${t(lang, 'archive.confirm', { name: o.name })}</p>
          <div class="row">
            <button type="button" class="danger confirm" aria-describedby="confirm-${o.id}" @click=${() => this.changeStatus(o, 'archive')}>${t(lang, 'archive.yes')}</button>
            <button type="button" class="ngo-secondary" @click=${() => ((this.confirming = null), this.focusAfter(`${rowButton(o.id)} button`))}>${t(lang, 'cancel')}</button>
          </div>`;
      const action = o.status === 'published' ? 'archive' : o.status === 'archived' ? 'publish' : null;
      const onClick = () => (action === 'archive' ? ((this.confirming = o.id), this.focusAfter(`${rowButton(o.id)} .confirm`)) : action && this.changeStatus(o, action));
      const edit = html`<button type="button" class="ngo-secondary edit" aria-label="${t(lang, 'edit')}: ${o.name}" @click=${() => this.openEditor(o.id)}>${t(lang, 'edit')}</button>`;
      return html`<div class="row">
        ${action
          ? html`<button type="button" class="ngo-secondary" aria-label="${t(lang, action)}: ${o.name}" aria-disabled=${this.busy ? 'true' : 'false'} @click=${onClick}>${t(lang, action)}</button>`
          : nothing}
        ${edit}
      </div>`;
    };
    return html`<div class="table-wrap"><table>
        <caption>${t(lang, 'entries.count', { count: total })}</caption>
        <thead><tr>
          <th scope="col">${t(lang, 'col.name')}</th><th scope="col">${t(lang, 'col.status')}</th><th scope="col">${t(lang, 'col.districts')}</th>
          <th scope="col">${t(lang, 'col.updated')}</th><th scope="col">${t(lang, 'col.actions')}</th>
        </tr></thead>
        <tbody>
          ${items.map(
            (o) => html`<tr>
              <th scope="row">${o.name}</th>
              <td>${t(lang, `state.${o.status}`)}</td>
              <td>${districts(o)}</td>
              <td><time datetime=${o.updatedAt}>${formatDate(lang, o.updatedAt, { dateStyle: 'medium' })}</time></td>
              <td data-id=${o.id}>${actions(o)}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>
      ${pages > 1
        ? html`<div class="row pager">
            <button type="button" class="ngo-secondary" ?hidden=${page <= 1} @click=${() => this.setPage(page - 1)}>${t(lang, 'prev')}</button>
            <span>${t(lang, 'page', { page, pages })}</span>
            <button type="button" class="ngo-secondary" ?hidden=${page >= pages} @click=${() => this.setPage(page + 1)}>${t(lang, 'next')}</button>
          </div>`
        : nothing}`;
  }

  /** The staff form for one entry (or a new one), then the entry's status, owner and version history. */
  private renderEditor(id: string) {
    const lang = this.locale;
    const form = (entry?: StaffEntry) => html`<ngo-map-form
      mode="staff"
      lang=${lang}
      api-base=${this.api}
      organisation-id=${id}
      .initial=${entry}
      .session=${this.session}
      @ngo-submitted=${this.onSaved}
      @ngo-cancel=${this.closeEditor}
    ></ngo-map-form>`;
    return html`<button type="button" class="ngo-secondary" id="editor-back" @click=${this.closeEditor}>${t(lang, 'editor.back')}</button>
      ${this.actionErrorRegion()}
      ${!id
        ? form()
        : this.entry.render({
            pending: () => html`<p class="loading">${t(lang, 'loading')}</p>`,
            error: (err) => this.failed(err, () => this.entry.run()),
            complete: (entry) => (entry ? html`${form(entry)}${this.renderHistory(entry)}` : nothing),
          })}`;
  }

  private renderHistory(entry: StaffEntry) {
    const lang = this.locale;
    const state = (s: string) => (t.has(lang, `state.${s}`) ? t(lang, `state.${s}` as MapAdminKey) : s);
    const self = this.session?.staff;
    return html`<section aria-labelledby="history-heading">
      <h5 id="history-heading">${t(lang, 'history.heading')}</h5>
      <dl>
        <dt>${t(lang, 'history.current')}</dt><dd>${state(entry.status)}</dd>
        <dt>${t(lang, 'history.owner')}</dt><dd>${entry.ownerEmail ?? '—'}</dd>
      </dl>
      <div class="table-wrap"><table class="history">
        <caption>${t(lang, 'history.caption')}</caption>
        <thead><tr>
          <th scope="col">${t(lang, 'history.version')}</th><th scope="col">${t(lang, 'history.status')}</th><th scope="col">${t(lang, 'history.by')}</th>
          <th scope="col">${t(lang, 'history.note')}</th><th scope="col">${t(lang, 'history.date')}</th>
        </tr></thead>
        <tbody>
          ${[...entry.versions]
            .sort((a, b) => b.version - a.version)
            .map(
              (v) => html`<tr>
                <th scope="row">${v.version}</th>
                <td>${state(v.status)}</td>
                <td>${formatChangedBy(lang, v.changedBy, self)}</td>
                <td>${formatVersionNote(lang, v.note)}</td>
                <td><time datetime=${v.createdAt}>${formatDateTime(lang, v.createdAt)}</time></td>
              </tr>`,
            )}
        </tbody>
      </table></div>
    </section>`;
  }
}
