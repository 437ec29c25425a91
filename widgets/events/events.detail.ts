import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { EVENT_AUDIENCE_LABELS, EVENT_TYPE_LABELS, VENUE_ACCESSIBILITY_LABELS } from '../../common/events.js';
import { DISTRICTS } from '../../common/taxonomy.js';
import { asApiError } from '../core/api.js';
import { t } from '../core/i18n/index.js';
import { eventIcsUrl, type CalendarEvent } from './events.api.js';
import { te } from './events.i18n.js';
import { localized } from './events.listing.js';
import { registration } from './events.registration.js';
import type { EventsUi } from './events.ui.js';
import { LOCALES, whenText } from './events.when.js';

/* One event's details (`event`, or an item opened): what, when, where, for whom, the registration box and "Add to calendar"; or its registration form. */

const languageName = (ui: EventsUi, code: string): string => {
  if (code === 'pjm') return ui.t('events.lang_pjm');
  try {
    return new Intl.DisplayNames([LOCALES[ui.lang]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** The open event with the way back, in each state of its loading; the registration form in its place while one is open. */
export function details(ui: EventsUi): TemplateResult {
  const { lang, forms } = ui;
  const back = html`<button type="button" class="ngo-secondary back" @click=${() => ui.closeDetails()}>${ui.t(ui.shown === 'month' ? 'events.back_month' : 'events.back')}</button>`;
  const loading = () => html`${back}<p>${t(lang, 'loading')}</p>`;
  return ui.details.render({
    initial: loading,
    pending: loading,
    error: (err) => html`${back}<p class="ngo-error" role="alert">${te.error(lang, asApiError(err))}</p>`,
    complete: (e) => (e ? html`${back}${ui.registering && forms ? forms.renderForm(e) : event(ui, e)}` : html`${back}`),
  });
}

function event(ui: EventsUi, e: CalendarEvent): TemplateResult {
  const { lang } = ui;
  const { title, description } = localized(e, lang);
  const v = e.venue;
  const row = (label: string, value: unknown) => html`<dt>${label}</dt><dd>${value}</dd>`;
  const district = v?.district ? DISTRICTS.find((d) => d.id === v.district) : undefined;
  const cancelled = e.status === 'cancelled';
  return html`<article class="details" part="details" aria-labelledby="details-title">
    <${ui.h(1)} id="details-title" tabindex="-1">${title}${cancelled ? html` <span class="badge cancelled">${ui.t('events.cancelled_badge')}</span>` : nothing}</${ui.h(1)}>
    ${cancelled ? html`<p class="ngo-error">${ui.t('events.cancelled_note')}</p>` : nothing}
    <dl>
      ${row(ui.t('events.d.when'), whenText(lang, e))}
      ${row(ui.t('events.d.type'), EVENT_TYPE_LABELS[e.type][lang])}
      ${e.series ? row(ui.t(e.series.kind === 'cycle' ? 'events.d.cycle' : 'events.d.programme'), ui.t('events.d.session', { position: e.series.position, sessions: e.series.sessions, title: e.series.title })) : nothing}
      ${v
        ? row(
            ui.t('events.d.where'),
            html`${v.name}${v.address ? html`<br />${v.address}` : nothing}${district ? html`<br />${ui.t('events.d.district', { district: `${district.roman} ${district.name}` })}` : nothing}`,
          )
        : nothing}
      ${v ? row(ui.t('events.d.access'), v.accessibility.length ? html`<ul class="plain">${v.accessibility.map((a) => html`<li>${VENUE_ACCESSIBILITY_LABELS[a][lang]}</li>`)}</ul>` : ui.t('events.d.access_none')) : nothing}
      ${e.onlineUrl ? row(ui.t('events.d.online'), html`<a href=${e.onlineUrl} rel="noopener" target="_blank">${ui.t('events.d.online_link')}</a>`) : nothing}
      ${row(ui.t('events.d.organiser'), e.organiser.name)}
      ${row(ui.t('events.d.languages'), e.languages.map((l) => languageName(ui, l)).join(', '))}
      ${e.audience.length ? row(ui.t('events.d.audience'), e.audience.map((a) => EVENT_AUDIENCE_LABELS[a][lang]).join(', ')) : nothing}
      ${row(ui.t('events.d.price'), e.free ? ui.t('events.d.free') : (e.priceNote ?? ui.t('events.d.paid')))}
    </dl>
    ${description ? html`<div class="description">${description.split(/\n\s*\n/).map((p) => html`<p>${p}</p>`)}</div>` : nothing}
    ${registration(ui, e)}
    <p class="links">
      <a class="ics" href=${eventIcsUrl(ui.api, e.id, lang)} download>${ui.t('events.add_to_calendar')}</a>
      ${e.series ? html`<a class="ics-series" href=${eventIcsUrl(ui.api, e.id, lang, true)} download>${ui.t('events.add_series')}</a>` : nothing}
      ${e.infoUrl ? html`<a href=${e.infoUrl} rel="noopener" target="_blank">${ui.t('events.more_info')}</a>` : nothing}
    </p>
  </article>`;
}
