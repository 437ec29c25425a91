import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import type { ConsultationSummary } from './consultations.api.js';
import type { ConsultationKey } from './consultations.i18n.js';
import { endedWithin } from './consultations.time.js';
import { badge, dates, scope, taskState, type ConsultationUi, type ViewTask } from './consultations.ui.js';

/** The list of consultations (without `consultation`): current, planned and recent ones, each a link that opens it in place. */

const RECENT_DAYS = 90;

/** Open and planned consultations, and those that ended within the last 90 days. */
export function visible(items: ConsultationSummary[], now: number): ConsultationSummary[] {
  return items.filter((c) => c.status === 'open' || c.status === 'planned' || endedWithin(c.endsAt, now, RECENT_DAYS));
}

export function consultationList(ui: ConsultationUi, list: ViewTask<ConsultationSummary[] | null>): TemplateResult {
  const items = list.value;
  const shown = items ? visible(items, ui.now) : [];
  const groups: [ConsultationKey, ConsultationSummary[]][] = [
    ['cons.group.open', shown.filter((c) => c.status === 'open')],
    ['cons.group.planned', shown.filter((c) => c.status === 'planned')],
    ['cons.group.recent', shown.filter((c) => c.status === 'closed' || c.status === 'reported')],
  ];
  let index = 0;
  return html`${ui.noHeading ? nothing : html`<${ui.h(0)}>${ui.t('cons.list_title')}</${ui.h(0)}>`}
    ${!items
      ? taskState(ui, list)
      : shown.length === 0
        ? html`<p>${ui.t('cons.none')}</p>`
        : groups.map(([key, group]) =>
            group.length
              ? html`<${ui.h(1)}>${ui.t(key)}</${ui.h(1)}>
                  <ul class="plain" part="list">
                    ${group.map((c) => {
                      const i = index++;
                      return html`<li class="item">
                        <${ui.h(2)}><a class="link" part="item" id="item-${i}" href=${ui.href({ id: c.id })} lang=${ui.authorLang} @click=${(e: MouseEvent) => ui.openConsultation(c, i, e)}>${c.title}</a></${ui.h(2)}>
                        <div class="row meta">${badge(ui, c)} <span>${dates(ui, c)}</span> <span>${scope(ui, c)}</span></div>
                      </li>`;
                    })}
                  </ul>`
              : nothing,
          )}`;
}
