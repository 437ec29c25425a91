import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { ORG_STATUSES, type OrgStatus } from '../../common/map.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import { asApiError } from '../core/api.js';
import { field } from '../core/forms.js';
import { formatDate } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import type { NgoMapFormSubmittedEvent } from './map-form.element.js';
import { getEntry, listEntries, PAGE_SIZE, sendReminders, setEntryStatus, type EntryQuery, type StaffOrganisation } from './map.admin.api.js';
import type { NgoAdminMapEditor } from './map.admin.editor.js';
import { tMapAdmin as t } from './map.admin.i18n.js';
import { rowButton } from './map.admin.queue.js';

/**
 * Part "entries" of the map section: the yearly reminder e-mails, the search and the paged list of
 * all entries with archive (confirmed) and publish again, and "add entry" and "edit", which open
 * `<ngo-admin-map-editor>` in place of the list.
 *
 * @tag ngo-admin-map-entries
 */
export class NgoAdminMapEntries extends StaffPart {
  static override properties: PropertyDeclarations = { query: { state: true }, confirming: { state: true }, editing: { state: true }, missing: { state: true } };
  protected static override translators = [t];

  protected override tr = t;

  declare private query: EntryQuery;
  /** Id of the entry whose archiving waits for confirmation. */
  declare private confirming: string | null;
  /** The entry open in the editor: its id, `''` for a new entry, `null` while the list shows. */
  declare private editing: string | null;
  /** The id the panel's address named that neither a waiting submission nor an entry has. */
  declare private missing: string | null;

  constructor() {
    super();
    this.query = { q: '', status: '', page: 1 };
    this.confirming = null;
    this.editing = null;
    this.missing = null;
  }

  /** The entry the panel's address names (no submission of that id waits): its editor, or a notice, focused, that nothing has that id. */
  protected override openItem(id: string): void {
    void this.openLinked(id);
  }

  private async openLinked(id: string): Promise<void> {
    try {
      await this.guard(getEntry(this.api, id));
    } catch (err) {
      const e = asApiError(err);
      // 400: not even an id's form (the address allows longer ones than the API).
      if (e.status === 404 || e.status === 400) {
        this.missing = id;
        void this.focusAfter('#link-missing');
      } else if (e.status !== 401) this.showError(e);
      return;
    }
    if (this.isConnected) await this.openEditor(id);
  }

  private entries = new Task(this, {
    args: () => [this.api, this.query] as const,
    task: ([base, query], { signal }) => this.guard(listEntries(base, query, signal)),
  });

  private async changeStatus(org: StaffOrganisation, action: 'archive' | 'publish'): Promise<void> {
    this.confirming = null;
    if (await this.send(() => setEntryStatus(this.api, this.session, org.id, action))) return;
    this.announce(t(this.locale, `done.${action}`, { name: org.name }));
    await this.entries.run();
    await this.focusAfter(`${rowButton(org.id)} button`, '#entries-heading');
  }

  /** Opens the editor for an entry (`''`: a new one); it focuses the form once it shows. */
  private async openEditor(id: string): Promise<void> {
    this.editing = id;
    this.confirming = null;
    this.missing = null;
    this.actionError = '';
    this.announce('');
    await this.updateComplete;
    await this.querySelector<NgoAdminMapEditor>('ngo-admin-map-editor')?.start();
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
    const before = this.querySelector<NgoAdminMapEditor>('ngo-admin-map-editor')?.entryName;
    this.editing = null;
    await this.entries.run();
    const name = this.entries.value?.items.find((o) => o.id === id)?.name ?? (added ? undefined : before);
    this.announce(name ? t(this.locale, added ? 'done.add' : 'done.save', { name }) : t(this.locale, 'done.add_unlisted'));
    await this.focusAfter(`${rowButton(id)} .edit`, added ? '#add-entry' : '#entries-heading', '#entries-heading');
  }

  private async remind(): Promise<void> {
    let sent = 0;
    const failed = await this.send(async () => {
      sent = (await sendReminders(this.api, this.session)).sent;
    });
    if (!failed) this.announce(t(this.locale, 'reminders.sent', { count: sent }));
  }

  private onSearch(e: SubmitEvent): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    this.confirming = null;
    this.missing = null;
    this.query = { q: String(data.get('q') ?? '').trim(), status: String(data.get('status') ?? '') as OrgStatus | '', page: 1 };
  }

  private setPage(page: number): void {
    this.query = { ...this.query, page };
    void this.focusAfter('#entries-heading');
  }

  protected override render() {
    if (this.editing !== null)
      return html`<ngo-admin-map-editor api-base=${this.api} organisation-id=${this.editing} .session=${this.session} .mapSettings=${this.mapSettings}
        @close=${this.closeEditor} @ngo-submitted=${this.onSaved} @ngo-cancel=${this.closeEditor}></ngo-admin-map-editor>`;
    const lang = this.locale;
    const q = this.query;
    return html`${this.missing !== null ? html`<p id="link-missing" class="box" tabindex="-1">${t(lang, 'link.missing', { id: this.missing })}</p>` : nothing}
      <section class="box" aria-labelledby="reminders-heading">
        <h5 id="reminders-heading">${t(lang, 'reminders.heading')}</h5>
        <p class="muted">${t(lang, 'reminders.hint')}</p>
        <button type="button" class="ngo-secondary remind" aria-disabled=${this.disabled} @click=${this.remind}>${t(lang, 'reminders.send')}</button>
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
      ${this.renderTask(this.entries, {
        empty: t(lang, 'entries.empty'),
        isEmpty: (res) => !res.items.length,
        complete: (res) => this.renderTable(res.items, res.total),
      })}`;
  }

  private renderActions(o: StaffOrganisation) {
    const lang = this.locale;
    if (this.confirming === o.id)
      return html`<p id="confirm-${o.id}">${t(lang, 'archive.confirm', { name: o.name })}</p>
        <div class="row">
          <button type="button" class="danger confirm" aria-describedby="confirm-${o.id}" @click=${() => this.changeStatus(o, 'archive')}>${t(lang, 'archive.yes')}</button>
          <button type="button" class="ngo-secondary" @click=${() => ((this.confirming = null), this.focusAfter(`${rowButton(o.id)} button`))}>${t(lang, 'cancel')}</button>
        </div>`;
    const action = o.status === 'published' ? 'archive' : o.status === 'archived' ? 'publish' : null;
    const onClick = () => (action === 'archive' ? ((this.confirming = o.id), this.focusAfter(`${rowButton(o.id)} .confirm`)) : action && this.changeStatus(o, action));
    return html`<div class="row">
      ${action
        ? html`<button type="button" class="ngo-secondary" aria-label="${t(lang, action)}: ${o.name}" aria-disabled=${this.disabled} @click=${onClick}>${t(lang, action)}</button>`
        : nothing}
      <button type="button" class="ngo-secondary edit" aria-label="${t(lang, 'edit')}: ${o.name}" @click=${() => this.openEditor(o.id)}>${t(lang, 'edit')}</button>
    </div>`;
  }

  private renderTable(items: StaffOrganisation[], total: number) {
    const lang = this.locale;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = this.query.page;
    const districts = (o: StaffOrganisation) =>
      o.cityWide ? t(lang, 'city_wide') : o.districts.map((id) => DISTRICTS.find((d) => d.id === id)?.name ?? String(id)).join(', ') || '—';
    return html`<div class="table-wrap"><table class="stack">
        <caption>${t(lang, 'entries.count', { count: total })}</caption>
        <thead><tr>
          <th scope="col">${t(lang, 'col.name')}</th><th scope="col">${t(lang, 'col.status')}</th><th scope="col">${t(lang, 'col.districts')}</th>
          <th scope="col">${t(lang, 'col.updated')}</th><th scope="col">${t(lang, 'col.actions')}</th>
        </tr></thead>
        <tbody>
          ${items.map(
            (o) => html`<tr>
              <th scope="row" data-label=${t(lang, 'col.name')}>${o.name}</th>
              <td data-label=${t(lang, 'col.status')}>${t(lang, `state.${o.status}`)}</td>
              <td data-label=${t(lang, 'col.districts')}>${districts(o)}</td>
              <td data-label=${t(lang, 'col.updated')}><time datetime=${o.updatedAt}>${formatDate(lang, o.updatedAt, { dateStyle: 'medium' })}</time></td>
              <td data-id=${o.id}>${this.renderActions(o)}</td>
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
}
