import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { SERIES_KINDS } from '../../common/events.js';
import type { Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { getSeries, listSeries, saveSeries, type StaffSeries } from './events.admin.api.js';
import { emptySeriesDraft, seriesDraftOf, seriesInputOf, validateSeriesDraft, type SeriesDraft } from './events.admin.draft.js';
import type { EditorActions } from './events.admin.form.js';
import { EventsQuestionsPart } from './events.admin.questions.js';
import { tEventsAdmin as t } from './events.admin.i18n.js';
import { whenText } from './events.when.js';

const row = (id: string) => `[data-id="${CSS.escape(id)}"]`;

/**
 * Part "series" of the events section: the training cycles and festival programmes, each with
 * its sessions' span and, for a cycle registered as a whole, its places; a new one and editing one
 * open `<ngo-admin-events-series-editor>` in its place.
 *
 * @tag ngo-admin-events-series
 */
export class NgoAdminEventsSeries extends StaffPart {
  static override properties: PropertyDeclarations = { editing: { state: true } };
  protected static override translators = [t];
  protected override tr = t;

  /** The series open in the editor: its id, null for a new one, undefined for the list. */
  declare private editing: string | null | undefined;

  private list = new Task(this, { args: () => [this.api] as const, task: async ([base], { signal }) => (await this.guard(listSeries(base, signal))).items });

  private editor: EditorActions = {
    close: (id, message) => {
      this.editing = undefined;
      if (message) this.announce(message);
      void this.list.run();
      void this.focusAfter(...(id ? [`${row(id)} .edit`] : []), '#series-new');
    },
  };

  private open(id: string | null): void {
    this.editing = id;
    this.actionError = '';
    void this.focusAfter('#form-heading');
  }

  protected override render() {
    const lang = this.locale;
    if (this.editing !== undefined) return html`<ngo-admin-events-series-editor api-base=${this.api} .session=${this.session} .seriesId=${this.editing} .actions=${this.editor}></ngo-admin-events-series-editor>`;
    return html`<h4 id="series-heading" tabindex="-1">${t(lang, 'series.heading')}</h4>
      <button type="button" id="series-new" @click=${() => this.open(null)}>${t(lang, 'series.new')}</button>
      ${this.actionErrorRegion()}
      ${this.renderTask(this.list, { empty: t(lang, 'series.empty'), complete: (items) => this.table(lang, items) })}`;
  }

  private span(lang: Lang, s: StaffSeries): string {
    if (!s.firstStart || !s.lastEnd) return t(lang, 'series.no_sessions');
    return `${whenText(lang, { startsAt: s.firstStart, endsAt: s.lastEnd, allDay: false })} · ${t(lang, 'series.sessions', { count: s.sessions })}`;
  }

  private table(lang: Lang, items: StaffSeries[]): TemplateResult {
    return html`<div class="table-wrap"><table class="stack">
      <caption>${t(lang, 'series.count', { count: items.length })}</caption>
      <thead><tr><th scope="col">${t(lang, 'col.series')}</th><th scope="col">${t(lang, 'col.when')}</th><th scope="col">${t(lang, 'col.places')}</th><th scope="col">${t(lang, 'col.actions')}</th></tr></thead>
      <tbody>${items.map((s) => html`<tr data-id=${s.id}>
        <th scope="row" data-label=${t(lang, 'col.series')}>${s.title}<br /><span class="muted">${t(lang, `series.kind.${s.kind}`)} · ${s.organiser.name}</span></th>
        <td data-label=${t(lang, 'col.when')}>${this.span(lang, s)}</td>
        <td data-label=${t(lang, 'col.places')}>${s.counts ? (s.counts.capacity === null ? t(lang, 'places.unlimited', { taken: s.counts.taken }) : t(lang, 'places', { taken: s.counts.taken, capacity: s.counts.capacity })) : t(lang, 'places.none')}</td>
        <td data-label=${t(lang, 'col.actions')} class="actions"><button type="button" class="link edit" aria-label=${t(lang, 'series.edit_named', { title: s.title })} @click=${() => this.open(s.id)}>${t(lang, 'edit')}</button></td>
      </tr>`)}</tbody>
    </table></div>`;
  }
}

/**
 * Part "series editor": a training cycle (one registration for every session, an attendance rule
 * for the certificate) or a festival programme (slots, each registered on its own), with its texts
 * in pl/en/uk, organiser and, for a cycle, its places. The sessions are events that name the series.
 *
 * @tag ngo-admin-events-series-editor
 */
export class NgoAdminEventsSeriesEditor extends EventsQuestionsPart<SeriesDraft> {
  static override properties: PropertyDeclarations = { ...EventsQuestionsPart.properties, seriesId: { attribute: false } };

  /** The series edited; null for a new one. */
  declare seriesId: string | null;

  constructor() {
    super();
    this.seriesId = null;
  }

  private stored = new Task(this, {
    args: () => [this.api, this.seriesId] as const,
    task: ([base, id], { signal }) => (id ? this.guard(getSeries(base, id, signal)) : Promise.resolve(null)),
    onComplete: (s) => {
      if (s && !this.draft) this.draft = seriesDraftOf(s.input);
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.seriesId && !this.draft) this.draft = emptySeriesDraft();
  }

  protected override render() {
    const lang = this.locale;
    return html`${this.actionErrorRegion()}
      <button type="button" class="ngo-secondary back" @click=${() => this.actions?.close(this.seriesId ?? undefined)}>${t(lang, 'series.back')}</button>
      <h4 id="form-heading" tabindex="-1">${t(lang, this.seriesId ? 'series.edit' : 'series.new')}</h4>
      ${this.draft ? this.renderForm(lang, this.draft) : this.renderTask(this.stored, { complete: () => nothing })}`;
  }

  private renderForm(lang: Lang, d: SeriesDraft): TemplateResult {
    this.labels.clear();
    const cycle = d.kind === 'cycle';
    const sessions = this.stored.value?.sessions ?? [];
    const form = html`<form novalidate class="series-form" @submit=${this.onSave}>
      ${this.checks(lang, 'kind', t(lang, 'series.kind'), SERIES_KINDS, (v) => t(lang, `series.kind.${v}.long`), () => [this.draft!.kind], ([v]) => this.set('kind', v!), true)}
      ${this.texts(lang, d)}
      ${this.organiser(lang, d)}
      ${cycle
        ? html`<fieldset class="box">
            <legend class="ngo-label">${t(lang, 'ed.registration')}</legend>
            ${this.checks(lang, 'registrationMode', t(lang, 'ed.mode'), ['series', 'none'] as const, (v) => t(lang, `series.mode.${v}`), () => [this.draft!.registrationMode], ([v]) => this.set('registrationMode', v!), true)}
            ${d.registrationMode === 'series' ? this.registration(lang, d) : nothing}
            ${this.text(lang, 'attendancePercent', t(lang, 'series.percent'), d.attendancePercent, (v) => this.set('attendancePercent', v), { kind: 'number', hint: t(lang, 'series.percent.hint') })}
          </fieldset>`
        : nothing}
      ${sessions.length
        ? html`<section class="box" aria-labelledby="sessions-heading"><h5 id="sessions-heading">${t(lang, 'series.sessions.heading')}</h5>
            <ol>${sessions.map((s) => html`<li>${s.title} · ${whenText(lang, s)}${s.status === 'published' ? nothing : html` (${t(lang, `status.${s.status}`)})`}</li>`)}</ol></section>`
        : this.seriesId ? html`<p class="muted">${t(lang, 'series.sessions.none')}</p>` : nothing}
      <div class="row actions">
        <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'ed.save')}</button>
        <button type="button" class="ngo-secondary" @click=${() => this.actions?.close(this.seriesId ?? undefined)}>${t(lang, 'ed.cancel')}</button>
      </div>
    </form>`;
    return html`<p class="muted">${t(lang, 'series.intro')}</p>${this.summary(lang, 'title')}${form}`;
  }

  private async onSave(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const lang = this.locale;
    const draft = this.draft!;
    this.issues = validateSeriesDraft(draft);
    if (this.issues.length) return void this.focusAfter('.ngo-error-summary');
    if (this.busy) return;
    let saved = this.seriesId;
    const err = await this.send(async () => {
      const r = await saveSeries(this.api, this.session, this.seriesId, seriesInputOf(draft));
      saved = r.id ?? saved;
    }, { sending: t(lang, 'ed.saving'), quiet: true });
    if (err) return this.refused(err);
    this.actions?.close(saved ?? undefined, t(lang, 'ed.saved', { title: draft.title.trim() }));
  }
}
