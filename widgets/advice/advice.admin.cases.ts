import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ATTACHMENT_ACCEPT, ATTACHMENT_LIMITS, ATTACHMENT_TYPES, CASE_STATUS_LABELS, CASE_STATUSES, CHANNEL_LABELS, type CaseStatus } from '../../common/advice.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { field } from '../core/forms.js';
import { formatDate, formatDateTime, type Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { addNote, assign, closeCase, fileUrl, getCase, listCases, reply, uploadReplyFile, type CaseDetail, type CaseQuery, type CaseSummary } from './advice.admin.api.js';
import { tAdviceAdmin as tr, type AdviceAdminKey } from './advice.admin.i18n.js';
import { slotWhen } from './advice.format.js';
import { checkFiles } from './advice.files.js';

/** The case queues and one case: thread with notes, reply, note, assignment and closing. A part of `ngo-admin-advice`. */
export class NgoAdminAdviceCases extends StaffPart {
  protected override tr = tr;
  static override properties: PropertyDeclarations = { ...StaffPart.properties, query: { state: true }, openId: { state: true }, filesError: { state: true } };
  declare private query: CaseQuery;
  declare private openId: string | null;
  /** Why the chosen files cannot go with the reply (type, size, count), beside the file field. */
  declare private filesError: string;
  private files: File[] = [];
  private replyText = '';
  private asks = false;
  private noteText = '';

  constructor() {
    super();
    this.query = { status: '', mine: false, overdue: false };
    this.openId = null;
    this.filesError = '';
  }

  private list = new Task(this, { args: () => [this.api, this.query] as const, task: ([base, q], { signal }) => this.guard(listCases(base, q, signal)).then((r) => r.items) });
  private detail = new Task(this, { args: () => [this.api, this.openId] as const, task: ([base, id], { signal }) => (id ? this.guard(getCase(base, id, signal)) : Promise.resolve(null)) });

  private t(key: AdviceAdminKey, vars?: Record<string, string | number>) {
    return tr(this.locale, key, vars);
  }

  /** The case the panel's address names: its thread opens, as from the queue. */
  protected override openItem(id: string): void {
    this.openId = id;
  }

  private async open(id: string | null, focus: string): Promise<void> {
    this.openId = id;
    this.replyText = this.noteText = '';
    await this.afterRun(id ? this.detail : this.list);
    await this.focusAfter(focus);
  }

  private async act(c: CaseDetail, write: () => Promise<unknown>, done: string): Promise<void> {
    if (await this.send(write)) return;
    this.announce(done);
    this.replyText = this.noteText = '';
    this.files = [];
    this.filesError = '';
    const picker = this.root.querySelector<HTMLInputElement>('#reply-files');
    if (picker) picker.value = '';
    await this.detail.run();
    await this.focusAfter('#case-heading');
  }

  protected override render(): TemplateResult {
    return html`${this.actionErrorRegion()}${this.openId ? this.renderDetail() : this.renderList()}`;
  }

  private renderList(): TemplateResult {
    const lang = this.locale;
    const q = this.query;
    return html`<h4 id="cases-heading" tabindex="-1">${this.t('adm.cases.heading')}</h4>
      <div class="row">
        ${field({ id: 'case-status', label: this.t('adm.filter.status') }, (a) => html`<select id=${a.id} @change=${(e: Event) => (this.query = { ...q, status: (e.target as HTMLSelectElement).value as CaseStatus | '' })}>
          <option value="" ?selected=${!q.status}>${this.t('adm.filter.any')}</option>
          ${CASE_STATUSES.map((s) => html`<option value=${s} ?selected=${q.status === s}>${CASE_STATUS_LABELS[s][lang]}</option>`)}
        </select>`)}
        <label class="ngo-check"><input type="checkbox" id="case-mine" .checked=${q.mine} @change=${(e: Event) => (this.query = { ...q, mine: (e.target as HTMLInputElement).checked })} /><span>${this.t('adm.filter.mine')}</span></label>
        <label class="ngo-check"><input type="checkbox" id="case-overdue" .checked=${q.overdue} @change=${(e: Event) => (this.query = { ...q, overdue: (e.target as HTMLInputElement).checked })} /><span>${this.t('adm.filter.overdue')}</span></label>
      </div>
      ${this.renderTask(this.list, { empty: this.t('adm.cases.empty'), complete: (items) => this.table(lang, items) })}`;
  }

  private table(lang: Lang, items: CaseSummary[]): TemplateResult {
    return html`<div class="table-wrap"><table>
      <caption>${this.t('adm.cases.heading')}</caption>
      <thead><tr><th scope="col">${this.t('adm.col.number')}</th><th scope="col">${this.t('adm.col.topic')}</th><th scope="col">${this.t('adm.col.organisation')}</th><th scope="col">${this.t('adm.col.status')}</th><th scope="col">${this.t('adm.col.assigned')}</th><th scope="col">${this.t('adm.col.due')}</th></tr></thead>
      <tbody>${items.map((c) => html`<tr data-id=${c.id}>
        <td><button type="button" class="link" aria-label=${this.t('adm.open', { number: c.number })} @click=${() => this.open(c.id, '#case-heading')}>${c.number}</button></td>
        <td>${c.topicId}</td><td>${c.organisationName}</td><td>${CASE_STATUS_LABELS[c.status][lang]}</td>
        <td>${c.assignedTo?.name ?? this.t('adm.nobody')}</td>
        <td>${c.dueAt ? formatDate(lang, c.dueAt) : ''}${c.overdue ? html` <strong class="overdue">(${this.t('adm.overdue')})</strong>` : nothing}</td>
      </tr>`)}</tbody>
    </table></div>`;
  }

  private renderDetail(): unknown {
    return this.renderTask(this.detail, { complete: (c) => (c ? this.renderCase(this.locale, c) : nothing) });
  }

  private renderCase(lang: Lang, c: CaseDetail): TemplateResult {
    const closed = c.status === 'closed';
    const mine = c.assignedTo?.id === this.session?.staff.id;
    return html`<button type="button" class="link" @click=${() => this.open(null, `[data-id="${c.id}"] button`)}>${this.t('adm.back')}</button>
      <h4 id="case-heading" tabindex="-1">${c.number}: ${c.organisationName}</h4>
      <dl>
        <dt>${this.t('adm.col.status')}</dt><dd>${CASE_STATUS_LABELS[c.status][lang]}${c.overdue ? ` (${this.t('adm.overdue')})` : ''}</dd>
        <dt>${this.t('adm.col.topic')}</dt><dd>${c.topicId}</dd>
        <dt>${this.t('adm.detail.contact')}</dt><dd>${c.contactName}, ${c.contactEmail}${c.contactPhone ? `, ${c.contactPhone}` : ''}</dd>
        <dt>${this.t('adm.detail.channel')}</dt><dd>${CHANNEL_LABELS[c.channel][lang]}</dd>
        <dt>${this.t('adm.col.assigned')}</dt><dd>${c.assignedTo?.name ?? this.t('adm.nobody')}</dd>
        ${Object.entries(c.fields).map(([k, v]) => html`<dt>${c.fieldLabels[k]?.[lang] ?? k}</dt><dd>${v}</dd>`)}
        ${c.booking ? html`<dt>${this.t('adm.detail.booking', { when: '' }).replace(/:\s*$/, '')}</dt><dd>${slotWhen(lang, c.booking)}</dd>` : nothing}
      </dl>
      <h5>${this.t('adm.detail.question')}</h5>
      <p class="question">${c.question}</p>
      <h5>${this.t('adm.detail.thread')}</h5>
      <ol class="thread">${c.messages.map((m) => html`<li class=${m.author}><span class="meta">${this.t(`adm.author.${m.author}`)}${m.staffName ? ` (${m.staffName})` : ''}, ${formatDateTime(lang, m.createdAt)}</span><br />${m.body}</li>`)}</ol>
      ${c.attachments.length ? html`<h5>${this.t('adm.detail.files')}</h5><ul>${c.attachments.map((f) => html`<li><a href=${fileUrl(this.api, c.id, f.id)} download=${f.filename}>${f.filename}</a></li>`)}</ul>` : nothing}
      ${closed ? nothing : this.renderActions(c, mine)}`;
  }

  private onFiles(e: Event, c: CaseDetail): void {
    const files = [...((e.target as HTMLInputElement).files ?? [])];
    const problem = checkFiles(files, c.attachments.length);
    const key = problem && ({ 'err.file_type': 'adm.files.type', 'err.file_size': 'adm.files.size', 'err.file_count': 'adm.files.count' } as const)[problem.key];
    this.filesError = key ? this.t(key, problem.vars) : '';
    this.files = problem ? [] : files;
  }

  /** Uploads the chosen files one by one, then sends the reply naming them. */
  private async replyWithFiles(c: CaseDetail, s: NonNullable<typeof this.session>, body: string, status: 'answered' | 'waiting_for_requester'): Promise<void> {
    const ids: string[] = [];
    for (const f of this.files) {
      this.announce(this.t('adm.reply.uploading', { name: f.name }));
      ids.push((await uploadReplyFile(this.api, s, c.id, f)).id);
    }
    await reply(this.api, s, c.id, body, status, ids);
  }

  private renderFiles(c: CaseDetail): TemplateResult | typeof nothing {
    const left = ATTACHMENT_LIMITS.perCase - c.attachments.length;
    if (left <= 0) return nothing;
    const types = Object.keys(ATTACHMENT_TYPES).map((x) => x.toUpperCase()).join(', ');
    const hint = this.t('adm.reply.files.hint', { types, size: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024, count: ATTACHMENT_LIMITS.perCase });
    return field({ id: 'reply-files', label: this.t('adm.reply.files'), hint, error: this.filesError || undefined }, (a) =>
      html`<input type="file" id=${a.id} multiple accept=${ATTACHMENT_ACCEPT} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @change=${(e: Event) => this.onFiles(e, c)} />`);
  }

  private renderActions(c: CaseDetail, mine: boolean): TemplateResult {
    const s = this.session;
    return html`${mine || !s ? nothing : html`<p><button type="button" aria-disabled=${this.disabled} @click=${() => this.act(c, () => assign(this.api, s, c.id, s.staff.id), this.t('adm.taken', { number: c.number }))}>${this.t('adm.take')}</button></p>`}
      <form class="box" @submit=${(e: SubmitEvent) => (e.preventDefault(), this.replyText.trim() && !this.filesError && s && this.act(c, () => this.replyWithFiles(c, s, this.replyText, this.asks ? 'waiting_for_requester' : 'answered'), this.t('adm.reply.sent')))}>
        ${field({ id: 'reply-body', label: this.t('adm.reply.label') }, (a) => html`<textarea id=${a.id} rows="5" maxlength="8000" .value=${this.replyText} @input=${(e: Event) => (this.replyText = (e.target as HTMLTextAreaElement).value)}></textarea>`)}
        ${this.renderFiles(c)}
        <label class="ngo-check"><input type="checkbox" id="reply-asks" .checked=${this.asks} @change=${(e: Event) => (this.asks = (e.target as HTMLInputElement).checked)} /><span>${this.t('adm.reply.asks')}</span></label>
        <button type="submit" aria-disabled=${this.disabled}>${this.t('adm.reply.send')}</button>
      </form>
      <form class="box" @submit=${(e: SubmitEvent) => (e.preventDefault(), this.noteText.trim() && this.act(c, () => addNote(this.api, s, c.id, this.noteText), this.t('adm.note.sent')))}>
        ${field({ id: 'note-body', label: this.t('adm.note.label') }, (a) => html`<textarea id=${a.id} rows="3" maxlength="4000" .value=${this.noteText} @input=${(e: Event) => (this.noteText = (e.target as HTMLTextAreaElement).value)}></textarea>`)}
        <button type="submit" class="ngo-secondary" aria-disabled=${this.disabled}>${this.t('adm.note.send')}</button>
      </form>
      <p><button type="button" class="danger" aria-disabled=${this.disabled} @click=${() => this.act(c, () => closeCase(this.api, s, c.id), this.t('adm.closed', { number: c.number }))}>${this.t('adm.close')}</button></p>`;
  }
}
