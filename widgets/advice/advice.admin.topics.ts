import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ADVICE_LIMITS as L, FIELD_TYPES, type FieldType } from '../../common/advice.js';
import { LANGS, type Labels } from '../../common/langs.js';
import { errorSummary, field } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { createTopic, listTopics, orderTopics, saveTopic, type StaffTopicView, type TopicBody } from './advice.admin.api.js';
import { tAdviceAdmin as tr, type AdviceAdminKey } from './advice.admin.i18n.js';

interface FieldDraft {
  key: string;
  type: FieldType;
  required: boolean;
  labels: Labels;
  /** One option a line: `value | Polish | English | Ukrainian`. */
  options: string;
  retired: boolean;
  /** Stored before: its key and type stay (earlier requests answered them). */
  stored: boolean;
}
interface TopicDraft {
  /** null: a new topic. */
  id: string | null;
  newId: string;
  labels: Labels;
  explanation: Labels;
  active: boolean;
  position: number;
  fields: FieldDraft[];
}
interface Issue {
  id: string;
  message: string;
}

const KEY_RE = /^[a-z][a-z0-9_]{0,39}$/;
const ID_RE = /^[a-z][a-z0-9_-]{1,39}$/;
const blank = (): Labels => ({ pl: '', en: '', uk: '' });
const optionsText = (f: StaffTopicView['fields'][number]) => f.options.map((o) => [o.value, o.labels.pl, o.labels.en, o.labels.uk].join(' | ')).join('\n');
const draftOf = (t: StaffTopicView): TopicDraft => ({
  id: t.id, newId: t.id, labels: { ...t.labels }, explanation: { ...t.explanation }, active: t.active, position: t.position,
  fields: t.fields.map((f) => ({ key: f.key, type: f.type, required: f.required, labels: { ...f.labels }, options: optionsText(f), retired: f.retired, stored: true })),
});
/** The option lines as the API takes them; null for a line that is not `value | pl | en | uk`. */
const parseOptions = (text: string) =>
  text.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const [value, pl, en, uk, ...rest] = line.split('|').map((x) => x.trim());
    return value && pl && en && uk && !rest.length ? { value, labels: { pl, en, uk } } : null;
  });
const bodyOf = (d: TopicDraft): TopicBody => ({
  labels: d.labels, explanation: d.explanation, active: d.active, position: d.position,
  fields: d.fields.map((f) => ({ key: f.key, type: f.type, required: f.retired ? false : f.required, labels: f.labels, retired: f.retired, options: f.type === 'select' ? parseOptions(f.options).filter((o) => o !== null) : [] })),
});

/**
 * Part "topics" of the advice section: the topics of the form in their order, with their
 * explanation and extra fields. Admins add, rename, reorder and retire topics and edit their fields
 * (type, label in pl/en/uk, required, options); a stored field is retired rather than deleted, so
 * earlier requests keep its label. Advisers see the list.
 *
 * @tag ngo-admin-advice-topics
 */
export class NgoAdminAdviceTopics extends StaffPart {
  static override properties: PropertyDeclarations = { ...StaffPart.properties, draft: { state: true }, issues: { state: true } };
  protected override tr = tr;
  declare private draft: TopicDraft | null;
  declare private issues: Issue[];

  constructor() {
    super();
    this.draft = null;
    this.issues = [];
  }

  private topics = new Task(this, { args: () => [this.api] as const, task: ([base], { signal }) => this.guard(listTopics(base, signal)).then((r) => r.items) });

  private t(key: AdviceAdminKey, vars?: Record<string, string | number>) {
    return tr(this.locale, key, vars);
  }

  private get isAdmin() {
    return this.session?.staff.role === 'admin';
  }

  protected override render(): TemplateResult {
    return html`${this.actionErrorRegion()}
      ${this.draft ? this.renderEditor(this.locale, this.draft) : html`<h4 id="topics-heading" tabindex="-1">${this.t('adm.topics.heading')}</h4>
        <p class="ngo-hint">${this.t(this.isAdmin ? 'adm.topics.intro' : 'adm.topics.readonly')}</p>
        ${this.isAdmin ? html`<button type="button" id="topic-add" @click=${() => this.edit(null)}>${this.t('adm.topics.add')}</button>` : nothing}
        ${this.renderTask(this.topics, { complete: (items) => this.renderList(this.locale, items) })}`}`;
  }

  private renderList(lang: Lang, items: StaffTopicView[]): TemplateResult {
    const d = this.disabled;
    return html`<div class="table-wrap"><table class="stack">
      <thead><tr><th scope="col">${this.t('adm.col.topic')}</th><th scope="col">${this.t('adm.topics.fields')}</th><th scope="col">${this.t('adm.col.status')}</th>${this.isAdmin ? html`<th scope="col">${this.t('adm.topics.actions')}</th>` : nothing}</tr></thead>
      <tbody>${items.map((x, i) => html`<tr data-id=${x.id}>
        <th scope="row" data-label=${this.t('adm.col.topic')}>${x.labels[lang]}<br /><span class="ngo-hint">${x.explanation[lang]}</span></th>
        <td data-label=${this.t('adm.topics.fields')}>${x.fields.filter((f) => !f.retired).map((f) => f.labels[lang]).join(', ') || '—'}</td>
        <td data-label=${this.t('adm.col.status')}>${this.t(x.active ? 'adm.topics.active' : 'adm.topics.inactive')}</td>
        ${this.isAdmin ? html`<td data-label=${this.t('adm.topics.actions')} class="actions">
          <button type="button" class="link edit" @click=${() => this.edit(x)}>${this.t('adm.topics.edit', { topic: x.labels[lang] })}</button>
          ${i > 0 ? html`<button type="button" class="link up" aria-disabled=${d} @click=${() => this.move(items, i, -1)}>${this.t('adm.topics.up', { topic: x.labels[lang] })}</button>` : nothing}
          ${i < items.length - 1 ? html`<button type="button" class="link down" aria-disabled=${d} @click=${() => this.move(items, i, 1)}>${this.t('adm.topics.down', { topic: x.labels[lang] })}</button>` : nothing}
          <button type="button" class="link toggle ${x.active ? 'danger' : ''}" aria-disabled=${d} @click=${() => this.toggle(x)}>${this.t(x.active ? 'adm.topics.retire' : 'adm.topics.restore', { topic: x.labels[lang] })}</button>
        </td>` : nothing}
      </tr>`)}</tbody></table></div>`;
  }

  private edit(x: StaffTopicView | null): void {
    const last = this.topics.value?.at(-1)?.position ?? 0;
    this.draft = x ? draftOf(x) : { id: null, newId: '', labels: blank(), explanation: blank(), active: true, position: last + 10, fields: [] };
    this.issues = [];
    void this.focusAfter('#topic-editor-heading');
  }

  private async move(items: StaffTopicView[], i: number, by: -1 | 1): Promise<void> {
    const ids = items.map((x) => x.id);
    [ids[i], ids[i + by]] = [ids[i + by]!, ids[i]!];
    const moved = items[i]!;
    if (await this.send(() => orderTopics(this.api, this.session, ids))) return;
    this.announce(this.t('adm.topics.moved', { topic: moved.labels[this.locale], n: i + by + 1 }));
    await this.topics.run();
    await this.focusAfter(`[data-id="${moved.id}"] button.${by < 0 ? 'up' : 'down'}`, `[data-id="${moved.id}"] button.edit`);
  }

  private async toggle(x: StaffTopicView): Promise<void> {
    const body = bodyOf({ ...draftOf(x), active: !x.active });
    if (await this.send(() => saveTopic(this.api, this.session, x.id, body))) return;
    this.announce(this.t(x.active ? 'adm.topics.retired' : 'adm.topics.restored', { topic: x.labels[this.locale] }));
    await this.topics.run();
    await this.focusAfter(`[data-id="${x.id}"] button.toggle`);
  }

  private errorOf(id: string) {
    return this.issues.find((i) => i.id === id)?.message;
  }

  private set(change: (d: TopicDraft) => void): void {
    const d = structuredClone(this.draft!);
    change(d);
    this.draft = d;
  }

  private text(id: string, label: string, value: string, onInput: (v: string) => void, o: { max?: number; area?: number; lang?: Lang; hint?: string; readonly?: boolean } = {}) {
    const handler = (e: Event) => onInput((e.target as HTMLInputElement).value);
    return field({ id, label, hint: o.hint, error: this.errorOf(id) }, (a) =>
      o.area
        ? html`<textarea id=${a.id} rows=${o.area} lang=${ifDefined(o.lang)} maxlength=${ifDefined(o.max)} .value=${value} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${handler}></textarea>`
        : html`<input id=${a.id} type="text" lang=${ifDefined(o.lang)} maxlength=${ifDefined(o.max)} ?readonly=${o.readonly} .value=${value} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${handler} />`);
  }

  /** Three inputs, pl/en/uk, of one text. */
  private labels(prefix: string, legend: string, value: Labels, onInput: (l: Lang, v: string) => void, max: number): TemplateResult {
    return html`<fieldset class="ngo-field"><legend class="ngo-label">${legend}</legend>
      ${LANGS.map((l) => this.text(`${prefix}-${l}`, this.t(`adm.lang.${l}`), value[l], (v) => onInput(l, v), { max, lang: l }))}
    </fieldset>`;
  }

  private renderEditor(lang: Lang, d: TopicDraft): TemplateResult {
    return html`<h4 id="topic-editor-heading" tabindex="-1">${d.id ? this.t('adm.topics.editing', { topic: d.labels[lang] || d.labels.pl }) : this.t('adm.topics.new')}</h4>
      ${errorSummary(this.t('adm.topics.errors', { count: this.issues.length }), this.issues, 5)}
      <form novalidate class="topic-editor" @submit=${(e: SubmitEvent) => this.save(e)}>
        ${d.id ? nothing : this.text('topic-id', this.t('adm.topics.id'), d.newId, (v) => this.set((x) => (x.newId = v.trim())), { max: 40, hint: this.t('adm.topics.id.hint') })}
        ${this.labels('label', this.t('adm.topics.name'), d.labels, (l, v) => this.set((x) => (x.labels[l] = v)), L.label)}
        ${this.labels('expl', this.t('adm.topics.explanation'), d.explanation, (l, v) => this.set((x) => (x.explanation[l] = v)), L.explanation)}
        <div class="ngo-field"><label class="ngo-check"><input type="checkbox" id="topic-active" .checked=${d.active} @change=${(e: Event) => this.set((x) => (x.active = (e.target as HTMLInputElement).checked))} /> ${this.t('adm.topics.offered')}</label></div>
        <h5>${this.t('adm.topics.fields')}</h5>
        <p class="ngo-hint">${this.t('adm.topics.fields.hint')}</p>
        ${d.fields.map((f, i) => this.renderField(lang, d, f, i))}
        <button type="button" class="ngo-secondary" id="field-add" @click=${() => this.addField()}>${this.t('adm.topics.field.add')}</button>
        <div class="row actions">
          <button type="submit" aria-disabled=${this.disabled}>${this.t('adm.topics.save')}</button>
          <button type="button" class="ngo-secondary" @click=${() => this.close(d.id)}>${this.t('adm.topics.cancel')}</button>
        </div>
      </form>`;
  }

  private renderField(lang: Lang, d: TopicDraft, f: FieldDraft, i: number): TemplateResult {
    const p = `f${i}`;
    const name = f.labels[lang] || f.labels.pl || f.key || String(i + 1);
    const up = (change: (x: FieldDraft) => void) => this.set((x) => change(x.fields[i]!));
    const swap = (by: -1 | 1) => this.set((x) => ([x.fields[i], x.fields[i + by]] = [x.fields[i + by]!, x.fields[i]!]));
    if (f.retired) {
      return html`<fieldset class="box topic-field retired" id=${p}><legend>${this.t('adm.topics.field.retiredLegend', { n: i + 1, name })}</legend>
        <p class="ngo-hint">${this.t('adm.topics.field.retiredHint')}</p>
        <button type="button" class="link" id="${p}-restore" @click=${() => (up((x) => (x.retired = false)), this.focusAfter(`#${p}-key`))}>${this.t('adm.topics.field.restore', { name })}</button>
      </fieldset>`;
    }
    return html`<fieldset class="box topic-field" id=${p}><legend>${this.t('adm.topics.field.legend', { n: i + 1, name })}</legend>
      <div class="row">
        ${this.text(`${p}-key`, this.t('adm.topics.field.key'), f.key, (v) => up((x) => (x.key = v.trim())), { max: 40, readonly: f.stored, hint: this.t(f.stored ? 'adm.topics.field.key.stored' : 'adm.topics.field.key.hint') })}
        ${field({ id: `${p}-type`, label: this.t('adm.topics.field.type'), error: this.errorOf(`${p}-type`), hint: f.stored ? this.t('adm.topics.field.type.stored') : undefined }, (a) =>
          html`<select id=${a.id} ?disabled=${f.stored} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @change=${(e: Event) => up((x) => (x.type = (e.target as HTMLSelectElement).value as FieldType))}>
            ${FIELD_TYPES.map((ft) => html`<option value=${ft} ?selected=${f.type === ft}>${this.t(`adm.ft.${ft}`)}</option>`)}</select>`)}
      </div>
      <div class="ngo-field"><label class="ngo-check"><input type="checkbox" id="${p}-required" .checked=${f.required} @change=${(e: Event) => up((x) => (x.required = (e.target as HTMLInputElement).checked))} /> ${this.t('adm.topics.field.required')}</label></div>
      ${this.labels(`${p}-label`, this.t('adm.topics.field.label'), f.labels, (l, v) => up((x) => (x.labels[l] = v)), L.label)}
      ${f.type === 'select' ? this.text(`${p}-options`, this.t('adm.topics.field.options'), f.options, (v) => up((x) => (x.options = v)), { area: 4, hint: this.t('adm.topics.field.options.hint', { max: L.options }) }) : nothing}
      <div class="row">
        ${i > 0 ? html`<button type="button" class="link" @click=${() => (swap(-1), this.focusAfter(`#f${i - 1}-key`))}>${this.t('adm.topics.field.up', { name })}</button>` : nothing}
        ${i < d.fields.length - 1 ? html`<button type="button" class="link" @click=${() => (swap(1), this.focusAfter(`#f${i + 1}-key`))}>${this.t('adm.topics.field.down', { name })}</button>` : nothing}
        <button type="button" class="link danger" id="${p}-remove" @click=${() => this.removeField(i)}>${this.t(f.stored ? 'adm.topics.field.retire' : 'adm.topics.field.remove', { name })}</button>
      </div>
    </fieldset>`;
  }

  private addField(): void {
    const n = this.draft!.fields.length;
    this.set((x) => x.fields.push({ key: '', type: 'text', required: false, labels: blank(), options: '', retired: false, stored: false }));
    void this.focusAfter(`#f${n}-key`);
  }

  private removeField(i: number): void {
    const f = this.draft!.fields[i]!;
    // A stored field stays, retired: earlier requests answered it.
    this.set((x) => (f.stored ? (x.fields[i]!.retired = true) : x.fields.splice(i, 1)));
    this.announce(this.t(f.stored ? 'adm.topics.field.retiredNow' : 'adm.topics.field.removed', { name: f.labels[this.locale] || f.key }));
    void this.focusAfter(f.stored ? `#f${i}-restore` : '#field-add');
  }

  private close(id: string | null, message?: string): void {
    this.draft = null;
    this.issues = [];
    if (message) this.announce(message);
    void this.focusAfter(id ? `[data-id="${id}"] button.edit` : '#topic-add', '#topics-heading');
  }

  /** Checks the draft as the server will, messages in the panel's language. */
  private validate(d: TopicDraft): Issue[] {
    const issues: Issue[] = [];
    const req = (id: string, v: string) => !v.trim() && issues.push({ id, message: this.t('adm.topics.err.required') });
    if (!d.id && !ID_RE.test(d.newId)) issues.push({ id: 'topic-id', message: this.t('adm.topics.err.id') });
    for (const l of LANGS) req(`label-${l}`, d.labels[l]);
    for (const l of LANGS) req(`expl-${l}`, d.explanation[l]);
    const keys = new Set<string>();
    d.fields.forEach((f, i) => {
      if (!KEY_RE.test(f.key)) issues.push({ id: `f${i}-key`, message: this.t('adm.topics.err.key') });
      else if (keys.has(f.key)) issues.push({ id: `f${i}-key`, message: this.t('adm.topics.err.keyTaken') });
      keys.add(f.key);
      if (f.retired) return;
      for (const l of LANGS) req(`f${i}-label-${l}`, f.labels[l]);
      if (f.type !== 'select') return;
      const options = parseOptions(f.options);
      const bad = options.findIndex((o) => o === null);
      if (!options.length) issues.push({ id: `f${i}-options`, message: this.t('adm.topics.err.noOptions') });
      else if (bad >= 0) issues.push({ id: `f${i}-options`, message: this.t('adm.topics.err.option', { line: bad + 1 }) });
      else if (options.length > L.options) issues.push({ id: `f${i}-options`, message: this.t('adm.topics.err.options', { max: L.options }) });
    });
    return issues;
  }

  /** The server's issues at their controls: `fields.0.type` → `f0-type`, `labels.en` → `label-en`. */
  private serverIssue(i: { path: string; message: string; code?: string }): Issue {
    const m = /^fields\.(\d+)\.(key|type|options|labels)(?:\.(pl|en|uk))?/.exec(i.path);
    const message = i.code === 'type_changed' ? this.t('adm.topics.err.typeChanged') : `${this.t('adm.topics.err.invalid')} (${i.message})`;
    if (m) return { id: `f${m[1]}-${m[2] === 'labels' ? `label-${m[3] ?? 'pl'}` : m[2]}`, message };
    const t = /^(labels|explanation)\.(pl|en|uk)$/.exec(i.path);
    if (t) return { id: `${t[1] === 'labels' ? 'label' : 'expl'}-${t[2]}`, message };
    return { id: i.path === 'id' ? 'topic-id' : 'label-pl', message: i.path === 'id' ? message : `${i.path}: ${i.message}` };
  }

  private async save(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const d = this.draft!;
    this.issues = this.validate(d);
    if (!this.issues.length) {
      const body = bodyOf(d);
      const err = await this.send(() => (d.id ? saveTopic(this.api, this.session, d.id, body) : createTopic(this.api, this.session, { id: d.newId, ...body })), { quiet: true });
      if (!err) {
        await this.topics.run();
        return this.close(d.id ?? d.newId, this.t('adm.topics.saved', { topic: d.labels[this.locale] }));
      }
      if (err.code === 'conflict') this.issues = [{ id: 'topic-id', message: this.t('adm.topics.err.idTaken') }];
      else if (err.code === 'validation_failed' && err.issues.length) this.issues = err.issues.map((i) => this.serverIssue(i));
      else return this.showError(err);
    }
    await this.focusAfter('.ngo-error-summary');
  }
}
