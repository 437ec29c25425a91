import { TaskStatus } from '@lit/task';
import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { EVENT_AUDIENCES, EVENT_AUDIENCE_LABELS, EVENT_TYPES, EVENT_TYPE_LABELS, VENUE_ACCESSIBILITY_LABELS } from '../../common/events.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import { asApiError } from '../core/api.js';
import { t } from '../core/i18n/index.js';
import { feedUrl, type CalendarEvent } from './events.api.js';
import { te } from './events.i18n.js';
import { localized, registrationState } from './events.listing.js';
import type { EventsUi } from './events.ui.js';
import { whenText } from './events.when.js';

/* The calendar: the filters, the view switch and the feeds, then the list of events or the month grid (`<ngo-events-month>`). */

export function calendar(ui: EventsUi): TemplateResult {
  return html`${filters(ui)}
    <div class="toolbar">
      <div class="views" role="group" aria-label=${ui.t('events.view')}>
        <button type="button" class="ngo-secondary view-list" aria-pressed=${ui.shown === 'list' ? 'true' : 'false'} @click=${() => ui.showView('list')}>${ui.t('events.view.list')}</button>
        <button type="button" class="ngo-secondary view-month" aria-pressed=${ui.shown === 'month' ? 'true' : 'false'} @click=${() => ui.showView('month')}>${ui.t('events.view.month')}</button>
      </div>
      <p class="feeds">
        <a class="subscribe" href=${feedUrl(ui.api, ui.filters, 'ics', ui.lang)}>${ui.t('events.subscribe')}</a>
        <a class="rss" href=${feedUrl(ui.api, ui.filters, 'rss', ui.lang)}>${ui.t('events.rss')}</a>
      </p>
    </div>
    <p class="hint">${ui.t('events.subscribe_hint')}</p>
    ${ui.shown === 'month' ? month(ui) : list(ui)}`;
}

function filters(ui: EventsUi): TemplateResult {
  const { lang, filters: f, presetType } = ui;
  const value = (e: Event) => (e.target as HTMLSelectElement).value;
  const checked = (e: Event) => (e.target as HTMLInputElement).checked;
  return html`<form class="filters" part="filters" role="search" aria-label=${ui.t('events.filters')} @submit=${(e: Event) => e.preventDefault()}>
    <div class="ngo-field q">
      <label class="ngo-label" for="f-q">${ui.t('events.f.q')}</label>
      <input id="f-q" type="search" .value=${f.q} maxlength="100" @input=${(e: Event) => ui.search((e.target as HTMLInputElement).value)} />
    </div>
    ${presetType
      ? nothing
      : html`<div class="ngo-field">
          <label class="ngo-label" for="f-type">${ui.t('events.f.type')}</label>
          <select id="f-type" @change=${(e: Event) => ui.setFilter('type', value(e))}>
            <option value="" ?selected=${!f.type}>${ui.t('events.f.any')}</option>
            ${EVENT_TYPES.map((x) => html`<option value=${x} ?selected=${f.type === x}>${EVENT_TYPE_LABELS[x][lang]}</option>`)}
          </select>
        </div>`}
    ${ui.presetDistrict
      ? nothing
      : html`<div class="ngo-field">
          <label class="ngo-label" for="f-district">${ui.t('events.f.district')}</label>
          <select id="f-district" @change=${(e: Event) => ui.setFilter('district', value(e))}>
            <option value="" ?selected=${!f.district}>${ui.t('events.f.any_district')}</option>
            ${DISTRICTS.map((d) => html`<option value=${String(d.id)} ?selected=${f.district === String(d.id)}>${d.roman} ${d.name}</option>`)}
          </select>
        </div>`}
    <div class="ngo-field">
      <label class="ngo-label" for="f-audience">${ui.t('events.f.audience')}</label>
      <select id="f-audience" @change=${(e: Event) => ui.setFilter('audience', value(e))}>
        <option value="" ?selected=${!f.audience}>${ui.t('events.f.anyone')}</option>
        ${EVENT_AUDIENCES.map((x) => html`<option value=${x} ?selected=${f.audience === x}>${EVENT_AUDIENCE_LABELS[x][lang]}</option>`)}
      </select>
    </div>
    <div class="checks">
      <label class="ngo-check"><input type="checkbox" .checked=${f.accessible} @change=${(e: Event) => ui.setFilter('accessible', checked(e))} /><span>${ui.t('events.f.accessible')}</span></label>
      <label class="ngo-check"><input type="checkbox" .checked=${f.online} @change=${(e: Event) => ui.setFilter('online', checked(e))} /><span>${ui.t('events.f.online')}</span></label>
    </div>
  </form>`;
}

function month(ui: EventsUi): TemplateResult {
  return html`${ui.list.status === TaskStatus.ERROR ? listError(ui) : nothing}
    <ngo-events-month
      heading-level=${ui.level(0)}
      lang=${ui.lang}
      .date=${ui.date}
      .today=${ui.today}
      .events=${ui.list.value?.items ?? []}
      ?loading=${ui.list.status === TaskStatus.PENDING}
      @ngo-month-change=${(e: CustomEvent<{ date: string }>) => {
        e.stopPropagation();
        ui.showMonth(e.detail.date);
      }}
      @ngo-select=${(e: CustomEvent<{ id: string; name: string }>) => {
        e.stopPropagation();
        ui.open(e.detail.id, e.detail.name, 'ngo-events-month');
      }}
    ></ngo-events-month>`;
}

function listError(ui: EventsUi): TemplateResult {
  return html`<div class="ngo-error" role="alert">
    <p>${te.error(ui.lang, asApiError(ui.list.error))}</p>
    <button type="button" class="ngo-secondary" @click=${() => ui.list.run()}>${t(ui.lang, 'retry')}</button>
  </div>`;
}

function list(ui: EventsUi): TemplateResult {
  const heading = html`<${ui.h(1)} class="list-title" tabindex="-1">${ui.t('events.list_title')}</${ui.h(1)}>`;
  const loading = () => html`${heading}<p>${t(ui.lang, 'loading')}</p>`;
  return ui.list.render({
    initial: loading,
    pending: loading,
    error: () => html`${heading}${listError(ui)}`,
    complete: (data) => {
      if (!data.items.length) return html`${heading}<p class="empty">${ui.t('events.none')}</p>`;
      return html`${heading}
        <p class="count">${ui.t(data.totalCapped ? 'events.count_capped' : 'events.count', { count: data.total })}</p>
        <ul class="list" part="list">
          ${data.items.map((e) => item(ui, e))}
        </ul>
        ${data.total > data.items.length
          ? html`<button type="button" class="ngo-secondary more" @click=${() => ui.more()}>${ui.t('events.more', { count: data.total - data.items.length })}</button>`
          : nothing}`;
    },
  });
}

function badges(ui: EventsUi, e: CalendarEvent): TemplateResult[] {
  if (e.status === 'cancelled') return [html`<span class="badge cancelled">${ui.t('events.cancelled_badge')}</span>`];
  const out: TemplateResult[] = [];
  const state = registrationState(e.registration);
  if (state === 'waiting') out.push(html`<span class="badge full">${ui.t('events.badge.waiting')}</span>`);
  else if (state === 'full') out.push(html`<span class="badge full">${ui.t('events.badge.full')}</span>`);
  else if (state === 'open' && e.registration.placesLeft !== null) out.push(html`<span class="badge">${ui.t('events.places_left', { count: e.registration.placesLeft })}</span>`);
  if (e.venue?.accessibility.includes('stepFree')) out.push(html`<span class="badge">${VENUE_ACCESSIBILITY_LABELS.stepFree[ui.lang]}</span>`);
  if (e.onlineUrl) out.push(html`<span class="badge">${ui.t('events.badge.online')}</span>`);
  return out;
}

function item(ui: EventsUi, e: CalendarEvent): TemplateResult {
  const { lang } = ui;
  const { title } = localized(e, lang);
  const where = e.venue ? e.venue.name : ui.t('events.online');
  return html`<li>
    <button type="button" part="item" class="item" data-id=${e.id} @click=${() => ui.open(e.id, title, `.item[data-id="${e.id}"]`)}>
      <span class="item-title">${title}</span>
      <span class="item-when">${whenText(lang, e)}</span>
      <span class="item-meta">${EVENT_TYPE_LABELS[e.type][lang]} · ${where}</span>
      <span class="badges">${badges(ui, e)}</span>
    </button>
  </li>`;
}
