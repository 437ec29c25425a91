import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { formatDateTime } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { getEntry, type StaffEntry } from './map.admin.api.js';
import { formatChangedBy, formatVersionNote, tMapAdmin as t, type MapAdminKey } from './map.admin.i18n.js';

/**
 * Part "editor" of the map section: `<ngo-map-form mode="staff">` for one entry (or a new one,
 * `organisation-id=""`), loaded on first use, and beside it the entry's status, owner and version
 * history. The form's `ngo-submitted` and `ngo-cancel` reach the list that opened the editor; its
 * "back" button fires `close` (not bubbling) on the editor.
 *
 * @tag ngo-admin-map-editor
 */
export class NgoAdminMapEditor extends StaffPart {
  static override properties: PropertyDeclarations = { organisationId: { attribute: 'organisation-id' } };
  protected static override translators = [t];

  protected override tr = t;

  /** The entry edited; `''` for a new one. */
  declare organisationId: string;

  constructor() {
    super();
    this.organisationId = '';
  }

  /** The entry with its history (nothing for a new entry). */
  private entry = new Task(this, {
    args: () => [this.api, this.organisationId] as const,
    task: ([base, id], { signal }) => (id ? this.guard(getEntry(base, id, signal)) : Promise.resolve(null)),
  });

  /** The entry's name as loaded (for the announcement after a save). */
  get entryName(): string | undefined {
    return this.entry.value?.name;
  }

  /** Loads the form and the entry, then focuses the form (or the error and the way back). */
  async start(): Promise<void> {
    const loaded = import('./map-form.js').then(
      () => true,
      (err) => {
        console.warn('[ngo] <ngo-admin-map>: the form could not be loaded:', err);
        this.showError({ code: 'network_error' });
        return false;
      },
    );
    await this.updateComplete; // starts loading the entry
    const [ok] = await Promise.all([loaded, this.entry.taskComplete.catch(() => null)]);
    if (!this.isConnected) return;
    await this.updateComplete;
    const form = ok ? this.querySelector<HTMLElement>('ngo-map-form') : null;
    if (form) form.focus();
    else void this.focusAfter('#action-error:not(:empty)', '#editor-back');
  }

  protected override render() {
    const lang = this.locale;
    const id = this.organisationId;
    const form = (entry?: StaffEntry) => html`<ngo-map-form
      mode="staff"
      lang=${lang}
      api-base=${this.api}
      organisation-id=${id}
      tiles=${this.mapSettings.tiles}
      boundaries=${this.mapSettings.boundaries}
      .initial=${entry}
      .session=${this.session}
    ></ngo-map-form>`;
    return html`<button type="button" class="ngo-secondary" id="editor-back" @click=${() => this.dispatchEvent(new Event('close'))}>${t(lang, 'editor.back')}</button>
      ${this.actionErrorRegion()}
      ${!id
        ? form()
        : this.renderTask(this.entry, { complete: (entry) => (entry ? html`${form(entry)}${this.renderHistory(entry)}` : nothing) })}`;
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
      <div class="table-wrap"><table class="history stack">
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
                <th scope="row" data-label=${t(lang, 'history.version')}>${v.version}</th>
                <td data-label=${t(lang, 'history.status')}>${state(v.status)}</td>
                <td data-label=${t(lang, 'history.by')}>${formatChangedBy(lang, v.changedBy, self)}</td>
                <td data-label=${t(lang, 'history.note')}>${formatVersionNote(lang, v.note)}</td>
                <td data-label=${t(lang, 'history.date')}><time datetime=${v.createdAt}>${formatDateTime(lang, v.createdAt)}</time></td>
              </tr>`,
            )}
        </tbody>
      </table></div>
    </section>`;
  }
}
