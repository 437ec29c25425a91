import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { formatDate, t } from '../core/i18n/index.js';
import type { CalendarEvent } from './events.api.js';
import { registrationState, type RegistrationState } from './events.listing.js';
import type { EventsUi } from './events.ui.js';

/*
 * Registration as the calendar shows it before the form's code loads: an event's registration box
 * (places, waiting list, deadline, the button that opens the form) and the e-mailed links' panel,
 * which the form module renders (events.form.ts) once it is there.
 */

/** An event's registration box, or nothing when it takes no registrations or is cancelled. */
export function registration(ui: EventsUi, e: CalendarEvent): TemplateResult | typeof nothing {
  const r = e.registration;
  if (r.mode === 'none' || e.status === 'cancelled') return nothing;
  const state = registrationState(r);
  const deadline = r.deadline ? ui.t('events.r.deadline', { date: formatDate(ui.lang, r.deadline, { dateStyle: 'long', timeStyle: 'short' }) }) : '';
  const places = r.capacity === null ? ui.t('events.r.unlimited') : ui.t('events.r.places', { left: r.placesLeft ?? 0, capacity: r.capacity });
  const text: Record<RegistrationState, string> = {
    none: '',
    closed: ui.t('events.r.closed'),
    open: places,
    waiting: ui.t('events.r.waiting', { count: r.waiting }),
    full: ui.t('events.r.full'),
  };
  return html`<section class="registration state-${state}" aria-labelledby="reg-title">
    <${ui.h(2)} id="reg-title">${ui.t('events.r.title')}</${ui.h(2)}>
    ${r.mode === 'series' ? html`<p>${ui.t('events.r.whole_cycle')}</p>` : nothing}
    <p class="reg-state"><strong>${text[state]}</strong></p>
    ${deadline && state !== 'closed' ? html`<p>${deadline}</p>` : nothing}
    ${state === 'open' || state === 'waiting'
      ? html`<button type="button" class="register" @click=${() => ui.register(e)}>${ui.t(state === 'waiting' ? 'events.r.join_waiting' : 'events.r.register')}</button>`
      : nothing}
  </section>`;
}

/** The e-mailed link's panel: the confirmation (`confirm`) or the self-service (`manage`, `action="accept"`). */
export function linkPanel(ui: EventsUi, link: { confirm: string; manage: string; accept: boolean }): TemplateResult {
  if (!ui.forms) return html`<p>${t(ui.lang, 'loading')}</p>`;
  return link.confirm ? ui.forms.renderConfirm(link.confirm) : ui.forms.renderManage(link.manage, link.accept);
}
