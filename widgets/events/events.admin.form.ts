import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { errorSummary, field, type SummaryError } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import type { ApiError } from '../core/api.js';
import type { NgoSelectEvent } from '../core/events.js';
import { issuesOfServer, type DraftIssue, type RegistrationDraft } from './events.admin.draft.js';
import { tEventsAdmin as t, type EventsAdminKey } from './events.admin.i18n.js';

/** What an editor asks of the part that opened it. */
export interface EditorActions {
  /** Back to the list, focus on `id`'s row; `message` announces a save. */
  close(id?: string, message?: string): void;
}

interface TextOptions {
  kind?: 'textarea' | 'date' | 'datetime-local' | 'url' | 'number';
  hint?: string;
  required?: boolean;
  max?: number;
  lang?: string;
}

/**
 * The common ground of the staff forms of events (`<ngo-admin-events-editor>`,
 * `<ngo-admin-events-series-editor>`): bound text boxes and checkbox groups, the pl/en/uk texts,
 * the registration settings, and the error summary that names each faulty field (the form's own
 * checks and the server's 422 alike) and links to its control.
 */
/** What both drafts have: the texts, the organiser and the registration settings. */
export type CommonDraft = RegistrationDraft & { title: string; description: string; tr: Record<'en' | 'uk', { title: string; description: string }>; organiserName: string; organisationId: string | null };

export abstract class EventsFormPart<D extends CommonDraft> extends StaffPart {
  static override properties: PropertyDeclarations = { actions: { attribute: false }, draft: { state: true }, issues: { state: true } };
  protected static override translators = [t];
  protected override tr = t;

  declare actions: EditorActions | null;
  /** The form as typed; null until an edited record has loaded. */
  declare protected draft: D | null;
  declare protected issues: (DraftIssue & { path?: string })[];
  /** Labels of the controls rendered, by id, for the summary's lines. */
  protected labels = new Map<string, string>();

  constructor() {
    super();
    this.actions = null;
    this.draft = null;
    this.issues = [];
  }

  protected set<K extends keyof D>(key: K, value: D[K]): void {
    this.draft = { ...this.draft!, [key]: value };
  }

  protected patch(p: Partial<CommonDraft>): void {
    this.draft = { ...this.draft!, ...p };
  }

  protected message(lang: Lang, i: DraftIssue): string {
    if (i.code === 'too_short' && i.min) return t(lang, 'err.too_short', { count: i.min });
    return t(lang, `err.${i.code}` as EventsAdminKey);
  }

  protected errorOf(lang: Lang, id: string): string | undefined {
    const issue = this.issues.find((i) => i.field === id && !i.path);
    return issue && this.message(lang, issue);
  }

  /** A text box bound to `get`/`put`; `id` is also the field the checks name. */
  protected text(lang: Lang, id: string, label: string, value: string, put: (v: string) => void, o: TextOptions = {}): TemplateResult {
    this.labels.set(id, label);
    const onInput = (e: Event) => put((e.target as HTMLInputElement).value);
    const opts = { id, label, hint: o.hint, error: this.errorOf(lang, id), requiredMarker: o.required ? t(lang, 'field.required_marker') : undefined };
    return field(opts, (a) =>
      o.kind === 'textarea'
        ? html`<textarea id=${a.id} lang=${ifDefined(o.lang)} maxlength=${ifDefined(o.max)} .value=${value} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${onInput}></textarea>`
        : html`<input id=${a.id} lang=${ifDefined(o.lang)} type=${o.kind ?? 'text'} ?required=${o.required} maxlength=${ifDefined(o.kind === 'number' ? undefined : o.max)} .value=${value}
            inputmode=${ifDefined(o.kind === 'number' ? 'numeric' : undefined)} min=${ifDefined(o.kind === 'number' ? '1' : undefined)}
            aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${onInput} />`,
    );
  }

  /** A group of checkboxes (or radios with `one`), each `${id}-${value}`, over the values `current` reads from the draft. */
  protected checks<V extends string>(lang: Lang, id: string, legend: string, values: readonly V[], label: (v: V) => string, current: () => readonly V[], put: (v: V[]) => void, one = false): TemplateResult {
    const first = `${id}-${values[0]}`;
    this.labels.set(id, legend);
    const error = this.errorOf(lang, id);
    const selected = current();
    // Read the draft when the box changes: two clicks may come before the next render.
    const toggle = (v: V, on: boolean) => put(one ? [v] : on ? [...current().filter((x) => x !== v), v].sort((a, b) => values.indexOf(a) - values.indexOf(b)) : current().filter((x) => x !== v));
    return html`<fieldset class="ngo-field checks" part="field" aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}>
      <legend class="ngo-label">${legend}</legend>
      ${error ? html`<div class="ngo-error" id="${id}-error">${error}</div>` : nothing}
      ${values.map((v, n) => html`<label class="ngo-check"><input type=${one ? 'radio' : 'checkbox'} id=${n === 0 ? first : `${id}-${v}`} name=${id} value=${v} .checked=${selected.includes(v)}
        aria-invalid=${ifDefined(error ? 'true' : undefined)} @change=${(e: Event) => toggle(v, (e.target as HTMLInputElement).checked)} /> ${label(v)}</label>`)}
    </fieldset>`;
  }

  protected checkbox(id: string, label: string, checked: boolean, put: (v: boolean) => void): TemplateResult {
    return html`<div class="ngo-field"><label class="ngo-check"><input type="checkbox" id=${id} .checked=${checked} @change=${(e: Event) => put((e.target as HTMLInputElement).checked)} /> ${label}</label></div>`;
  }

  /** The title and description in Polish, and optionally in English and Ukrainian. */
  protected texts(lang: Lang, d: CommonDraft): TemplateResult {
    const put = (l: 'en' | 'uk', key: 'title' | 'description', v: string) => {
      const tr = this.draft!.tr;
      this.patch({ tr: { ...tr, [l]: { ...tr[l], [key]: v } } });
    };
    return html`${this.text(lang, 'title', t(lang, 'ed.title'), d.title, (v) => this.patch({ title: v }), { required: true, max: 200, lang: 'pl' })}
      ${this.text(lang, 'description', t(lang, 'ed.description'), d.description, (v) => this.patch({ description: v }), { kind: 'textarea', max: 8000, lang: 'pl' })}
      ${(['en', 'uk'] as const).map((l) => html`<fieldset class="box">
        <legend class="ngo-label">${t(lang, `ed.translation.${l}`)}</legend>
        ${this.text(lang, `title-${l}`, t(lang, `ed.title.${l}`), d.tr[l].title, (v) => put(l, 'title', v), { max: 200, lang: l })}
        ${this.text(lang, `description-${l}`, t(lang, `ed.description.${l}`), d.tr[l].description, (v) => put(l, 'description', v), { kind: 'textarea', max: 8000, lang: l })}
      </fieldset>`)}`;
  }

  /** The organiser's name, and the picker that links it to its organisation on the map (the kit's `ngo-select`). */
  protected organiser(lang: Lang, d: CommonDraft): TemplateResult {
    const chosen = (e: NgoSelectEvent) => {
      e.stopPropagation();
      const { id, name } = e.detail;
      this.patch(id ? { organisationId: id, organiserName: name } : { organisationId: null });
      this.announce(id ? t(lang, 'org.chosen', { name }) : t(lang, 'org.unlinked'));
    };
    return html`<fieldset class="box">
      <legend class="ngo-label">${t(lang, 'ed.organiser')}</legend>
      ${this.text(lang, 'organiser-name', t(lang, 'ed.organiser.name'), d.organiserName, (v) => this.patch({ organiserName: v }), { required: true, max: 200 })}
      <ngo-admin-events-organiser api-base=${this.api} .session=${this.session} .linked=${d.organisationId ? d.organiserName : null} @ngo-select=${chosen}></ngo-admin-events-organiser>
    </fieldset>`;
  }

  /** Places, waiting list, deadline (Warsaw time) and the access-needs checklist. */
  protected registration(lang: Lang, d: RegistrationDraft): TemplateResult {
    return html`<div class="row">
        ${this.text(lang, 'capacity', t(lang, 'ed.capacity'), d.capacity, (v) => this.patch({ capacity: v }), { kind: 'number', hint: t(lang, 'ed.capacity.hint') })}
        ${this.text(lang, 'deadline', t(lang, 'ed.deadline'), d.deadline, (v) => this.patch({ deadline: v }), { kind: 'datetime-local', hint: t(lang, 'ed.deadline.hint') })}
      </div>
      ${this.checkbox('waitingList', t(lang, 'ed.waitingList'), d.waitingList, (v) => this.patch({ waitingList: v }))}
      ${this.checkbox('askAccessNeeds', t(lang, 'ed.askAccessNeeds'), d.askAccessNeeds, (v) => this.patch({ askAccessNeeds: v }))}`;
  }

  /** The summary above the form: one linked line per fault, "Label: what is wrong". Render it after the form's fields. */
  protected summary(lang: Lang, firstId: string): TemplateResult | typeof nothing {
    const lines: SummaryError[] = this.issues.map((i) =>
      i.path
        ? { id: firstId, message: t(lang, 'err.field', { field: i.path, message: this.message(lang, i) }) }
        : { id: this.controlOf(i.field), label: this.labels.get(i.field), message: this.message(lang, i) },
    );
    return errorSummary(t(lang, 'summary.heading', { count: lines.length }), lines, 5);
  }

  /** The id that takes focus for a field: a group's first box. */
  protected controlOf(field: string): string {
    return this.renderRoot.querySelector(`#${CSS.escape(field)}`) ? field : (this.renderRoot.querySelector<HTMLInputElement>(`[name="${CSS.escape(field)}"]`)?.id ?? field);
  }

  /** After a refused save: the server's issues at their fields, or the error in the section's box. */
  protected async refused(err: ApiError): Promise<void> {
    if (err.code === 'validation_failed' && err.issues.length) {
      this.issues = issuesOfServer(err.issues, new Set(this.labels.keys()));
      return void this.focusAfter('.ngo-error-summary');
    }
    this.showError(err);
  }
}
