import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  EVENT_AUDIENCE_LABELS, EVENT_AUDIENCES, EVENT_TYPE_LABELS, EVENT_TYPES, REGISTRATION_MODES, VENUE_ACCESSIBILITY, VENUE_ACCESSIBILITY_LABELS,
} from '../../common/events.js';
import { SERVICE_LANGUAGES } from '../../common/map.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import { field } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import { getStaffEvent, listSeries, saveEvent } from './events.admin.api.js';
import { emptyEventDraft, eventDraftOf, eventInputOf, validateEventDraft, type EventDraft } from './events.admin.draft.js';
import { EventsQuestionsPart } from './events.admin.questions.js';
import { tEventsAdmin as t } from './events.admin.i18n.js';
import type { NgoPointChangeEvent } from '../map/point-picker.element.js';

/** A language of service by name in the panel's language (`pjm`: Polish Sign Language). */
function languageName(lang: Lang, code: string): string {
  if (code === 'pjm') return t(lang, 'ed.lang.pjm');
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Part "editor" of the events section: the form to create an event or edit one (from its stored
 * version): titles and descriptions in pl (with en and uk), the type, the dates in Warsaw time (or
 * whole days), the venue with its district and accessibility, an online link, the organiser, the
 * languages, audience and price, the series it belongs to, and the registration (places, waiting
 * list, deadline, access needs, and the questions the form asks: events.admin.questions.ts). Faults are named in a summary above the form and at each field,
 * the server's too.
 *
 * @tag ngo-admin-events-editor
 */
export class NgoAdminEventsEditor extends EventsQuestionsPart<EventDraft> {
  static override properties: PropertyDeclarations = { ...EventsQuestionsPart.properties, eventId: { attribute: false } };

  /** The event edited; null for a new one. */
  declare eventId: string | null;

  constructor() {
    super();
    this.eventId = null;
  }

  private stored = new Task(this, {
    args: () => [this.api, this.eventId] as const,
    task: ([base, id], { signal }) => (id ? this.guard(getStaffEvent(base, id, signal)) : Promise.resolve(null)),
    onComplete: (e) => {
      if (e && !this.draft) this.draft = eventDraftOf(e.input);
    },
  });

  private series = new Task(this, { args: () => [this.api] as const, task: async ([base], { signal }) => (await this.guard(listSeries(base, signal))).items });

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.eventId && !this.draft) this.draft = emptyEventDraft();
  }

  protected override render() {
    const lang = this.locale;
    const id = this.eventId;
    return html`${this.actionErrorRegion()}
      <button type="button" class="ngo-secondary back" @click=${() => this.actions?.close(id ?? undefined)}>${t(lang, 'back')}</button>
      <h4 id="form-heading" tabindex="-1">${t(lang, id ? 'ed.edit' : 'ed.new')}</h4>
      ${this.draft ? this.renderForm(lang, this.draft) : this.renderTask(this.stored, { complete: () => nothing })}`;
  }

  private toggleAllDay(on: boolean): void {
    const d = this.draft!;
    const day = (v: string) => v.slice(0, 10);
    const time = (v: string, hh: string) => (v ? `${v.slice(0, 10)}T${hh}` : '');
    this.draft = { ...d, allDay: on, start: on ? day(d.start) : time(d.start, '10:00'), end: on ? day(d.end) : time(d.end, '12:00') };
  }

  private renderForm(lang: Lang, d: EventDraft): TemplateResult {
    this.labels.clear();
    const when = d.allDay ? 'date' : 'datetime-local';
    const form = html`<form novalidate class="event-form" @submit=${this.onSave}>
      ${this.texts(lang, d)}
      ${field({ id: 'type', label: t(lang, 'ed.type') }, (a) => html`<select id=${a.id} @change=${(e: Event) => this.set('type', (e.target as HTMLSelectElement).value as EventDraft['type'])}>
        ${EVENT_TYPES.map((v) => html`<option value=${v} ?selected=${d.type === v}>${EVENT_TYPE_LABELS[v][lang]}</option>`)}
      </select>`)}
      <fieldset class="box">
        <legend class="ngo-label">${t(lang, 'ed.when')}</legend>
        ${this.checkbox('allDay', t(lang, 'ed.allDay'), d.allDay, (v) => this.toggleAllDay(v))}
        <div class="row">
          ${this.text(lang, 'start', t(lang, 'ed.start'), d.start, (v) => this.set('start', v), { kind: when, required: true, hint: t(lang, d.allDay ? 'ed.days.hint' : 'ed.times.hint') })}
          ${this.text(lang, 'end', t(lang, d.allDay ? 'ed.end.day' : 'ed.end'), d.end, (v) => this.set('end', v), { kind: when, required: true })}
        </div>
      </fieldset>
      <fieldset class="box">
        <legend class="ngo-label">${t(lang, 'ed.place')}</legend>
        <p class="muted">${t(lang, 'ed.place.hint')}</p>
        ${this.text(lang, 'venue-name', t(lang, 'ed.venue'), d.venueName, (v) => this.set('venueName', v), { max: 200 })}
        ${this.text(lang, 'venue-address', t(lang, 'ed.address'), d.venueAddress, (v) => this.set('venueAddress', v), { max: 300 })}
        ${field({ id: 'district', label: t(lang, 'ed.district') }, (a) => html`<select id=${a.id} @change=${(e: Event) => this.set('district', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!d.district}>${t(lang, 'ed.district.none')}</option>
          ${DISTRICTS.map((x) => html`<option value=${x.id} ?selected=${d.district === String(x.id)}>${x.roman} ${x.name}</option>`)}
        </select>`)}
        ${this.venuePoint(lang, d)}
        ${this.checks(lang, 'accessibility', t(lang, 'ed.accessibility'), VENUE_ACCESSIBILITY, (v) => VENUE_ACCESSIBILITY_LABELS[v][lang], () => this.draft!.accessibility, (v) => this.set('accessibility', v))}
        ${this.text(lang, 'onlineUrl', t(lang, 'ed.online'), d.onlineUrl, (v) => this.set('onlineUrl', v), { kind: 'url', max: 500, hint: t(lang, 'ed.url.hint') })}
      </fieldset>
      ${this.organiser(lang, d)}
      ${this.checks(lang, 'languages', t(lang, 'ed.languages'), SERVICE_LANGUAGES, (v) => languageName(lang, v), () => this.draft!.languages, (v) => this.set('languages', v))}
      ${this.checks(lang, 'audience', t(lang, 'ed.audience'), EVENT_AUDIENCES, (v) => EVENT_AUDIENCE_LABELS[v][lang], () => this.draft!.audience, (v) => this.set('audience', v))}
      ${this.checkbox('free', t(lang, 'ed.free'), d.free, (v) => this.set('free', v))}
      ${d.free ? nothing : this.text(lang, 'priceNote', t(lang, 'ed.price'), d.priceNote, (v) => this.set('priceNote', v), { max: 200 })}
      ${this.text(lang, 'infoUrl', t(lang, 'ed.info'), d.infoUrl, (v) => this.set('infoUrl', v), { kind: 'url', max: 500, hint: t(lang, 'ed.url.hint') })}
      ${this.renderSeries(lang, d)}
      <fieldset class="box">
        <legend class="ngo-label">${t(lang, 'ed.registration')}</legend>
        ${this.checks(lang, 'registrationMode', t(lang, 'ed.mode'), REGISTRATION_MODES, (v) => t(lang, `ed.mode.${v}`), () => [this.draft!.registrationMode], ([v]) => this.set('registrationMode', v!), true)}
        ${d.registrationMode === 'event' ? this.registration(lang, d) : nothing}
      </fieldset>
      ${d.status === 'cancelled'
        ? html`<p class="muted">${t(lang, 'ed.status.cancelled')}</p>`
        : this.checks(lang, 'status', t(lang, 'ed.status'), ['published', 'pending'] as const, (v) => t(lang, `ed.status.${v}`), () => [this.draft!.status as 'published' | 'pending'], ([v]) => this.set('status', v!), true)}
      <div class="row actions">
        <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'ed.save')}</button>
        <button type="button" class="ngo-secondary" @click=${() => this.actions?.close(this.eventId ?? undefined)}>${t(lang, 'ed.cancel')}</button>
      </div>
    </form>`;
    return html`<p class="muted">${t(lang, 'ed.intro')}</p>${this.summary(lang, 'title')}${form}`;
  }

  /**
   * The venue's point on the map (`<ngo-point-picker>`, the map form's, loaded the first time the
   * form shows): by pointer or keyboard; a point inside a district's outline sets an empty district.
   */
  private venuePoint(lang: Lang, d: EventDraft): TemplateResult {
    void import('../map/point-picker.js').catch((err: unknown) => console.warn('[ngo] the venue map could not load:', err));
    const place = (e: NgoPointChangeEvent) => {
      const { lat, lon, district } = e.detail;
      this.set('point', lat && lon ? { lat: Number(lat), lon: Number(lon) } : null);
      if (district && !this.draft!.district) this.set('district', String(district));
    };
    return html`<div class="ngo-field venue-point" role="group" aria-labelledby="venue-point-label" aria-describedby="venue-point-hint">
      <span class="ngo-label" id="venue-point-label">${t(lang, 'ed.point')}</span>
      <span class="ngo-hint" id="venue-point-hint">${t(lang, 'ed.point.hint')}</span>
      <ngo-point-picker lang=${lang} lat=${d.point ? String(d.point.lat) : ''} lon=${d.point ? String(d.point.lon) : ''}
        tiles=${this.mapSettings.tiles} boundaries=${this.mapSettings.boundaries} @change=${place}></ngo-point-picker>
    </div>`;
  }

  private renderSeries(lang: Lang, d: EventDraft): TemplateResult {
    this.labels.set('seriesId', t(lang, 'ed.series'));
    const items = this.series.value ?? [];
    const error = this.errorOf(lang, 'seriesId');
    return field({ id: 'seriesId', label: t(lang, 'ed.series'), hint: t(lang, 'ed.series.hint'), error }, (a) => html`<select id=${a.id} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)}
      @change=${(e: Event) => this.set('seriesId', (e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!d.seriesId}>${t(lang, 'ed.series.none')}</option>
      ${items.map((s) => html`<option value=${s.id} ?selected=${d.seriesId === s.id}>${s.title}</option>`)}
      ${d.seriesId && !items.some((s) => s.id === d.seriesId) ? html`<option value=${d.seriesId} selected>${d.seriesId}</option>` : nothing}
    </select>`);
  }

  private async onSave(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const lang = this.locale;
    const draft = this.draft!;
    this.issues = validateEventDraft(draft);
    if (this.issues.length) return void this.focusAfter('.ngo-error-summary');
    if (this.busy) return;
    let saved = this.eventId;
    const err = await this.send(async () => (saved = (await saveEvent(this.api, this.session, this.eventId, eventInputOf(draft))).id), { sending: t(lang, 'ed.saving'), quiet: true });
    if (err) return this.refused(err);
    this.actions?.close(saved ?? undefined, t(lang, 'ed.saved', { title: draft.title.trim() }));
  }
}
