import { TaskStatus } from '@lit/task';
import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { AUTHOR_TYPES, AUTHOR_TYPE_LABELS, DECISIONS, DECISION_LABELS, type ConsultationStatus, type Decision } from '../../common/consultations.js';
import { formatDateTime } from '../core/i18n/index.js';
import type { ConsultationDetail, PublicRemark, RemarkFilters } from './consultations.api.js';
import type { ConsultationKey } from './consultations.i18n.js';
import { taskState, type ConsultationUi, type ViewTask } from './consultations.ui.js';

/** A consultation's published remarks: the filters, each remark with its answer, link and "Support" button. */
export function remarkList(ui: ConsultationUi, c: ConsultationDetail, s: ConsultationStatus, remarks: ViewTask<PublicRemark[] | null>): TemplateResult {
  const { lang } = ui;
  const f = ui.filters;
  const items = remarks.value;
  const filtered = f.unit || f.authorType || f.decision;
  const select = (key: keyof RemarkFilters, label: ConsultationKey, options: [string, string][]) => html`<div class="ngo-field">
    <label class="ngo-label" for="f-${key}">${ui.t(label)}</label>
    <select id="f-${key}" @change=${(e: Event) => ui.setFilter(key, (e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!f[key]}>${ui.t('cons.any')}</option>
      ${options.map(([v, l]) => html`<option value=${v} ?selected=${f[key] === v}>${l}</option>`)}
    </select>
  </div>`;
  const units: [string, string][] = c.units.filter((u) => u.remarkCount > 0 || u.id === f.unit).map((u) => [u.id, u.label]);
  return html`<section part="remarks" aria-labelledby="remarks-title">
    <${ui.h(1)} id="remarks-title" tabindex="-1">${ui.t(s === 'reported' ? 'cons.remarks_answers' : 'cons.remarks')}</${ui.h(1)}>
    ${c.remarkCount || filtered
      ? html`<fieldset class="filters">
          <legend>${ui.t('cons.filters')}</legend>
          ${select('unit', 'cons.filter.unit', [['document', ui.t('cons.whole_document')], ...units])}
          ${select('authorType', 'cons.filter.author', AUTHOR_TYPES.map((a) => [a, AUTHOR_TYPE_LABELS[a][lang]]))}
          ${s === 'reported' ? select('decision', 'cons.filter.decision', DECISIONS.map((d) => [d, DECISION_LABELS[d][lang]])) : nothing}
          ${filtered ? html`<div><button type="button" class="ngo-secondary" @click=${() => ui.clearFilters()}>${ui.t('cons.clear')}</button></div>` : nothing}
        </fieldset>`
      : nothing}
    ${!items
      ? taskState(ui, remarks)
      : items.length === 0
        ? html`<p>${ui.t(filtered ? 'cons.remarks_filtered_none' : 'cons.remarks_none')}</p>`
        : html`<ul class="plain" aria-busy=${remarks.status === TaskStatus.PENDING ? 'true' : 'false'}>
            ${items.map((r, i) => html`<li>${remarkView(ui, c, r, i, s === 'open')}</li>`)}
          </ul>`}
  </section>`;
}

function remarkView(ui: ConsultationUi, c: ConsultationDetail, r: PublicRemark, i: number, open: boolean): TemplateResult {
  const { lang } = ui;
  const type = AUTHOR_TYPE_LABELS[r.authorType][lang];
  // An organisation found on the NGO map (by KRS) links to its entry there.
  const org = r.organisationName
    ? r.organisationId
      ? html`<a href=${`${ui.api}/embed/map?lang=${lang}&org=${encodeURIComponent(r.organisationId)}`} target="_blank" rel="noopener" lang=${ui.authorLang}>${r.organisationName}</a>`
      : html`<span lang=${ui.authorLang}>${r.organisationName}</span>`
    : null;
  const author = org ? html`${org}${r.krs ? ` (KRS ${r.krs})` : ''} · ${type}` : type;
  // What people wrote is in Polish, whatever the interface's language (WCAG 3.1.2).
  const block = (key: ConsultationKey, text: string) => (text ? html`<dt>${ui.t(key)}</dt><dd lang=${ui.authorLang}>${text}</dd>` : nothing);
  return html`<article class="remark" part="remark" aria-labelledby="remark-${i}" data-remark=${r.id} tabindex="-1">
    <${ui.h(2)} id="remark-${i}">${ui.t('cons.remark_on', { target: r.unitLabel ?? ui.t('cons.whole_document') })}</${ui.h(2)}>
    <p class="meta">${author} · ${ui.t('cons.submitted_on', { date: formatDateTime(lang, r.createdAt) })}</p>
    <dl>
      ${block('cons.current', r.currentWording)} ${block('cons.proposed', r.proposedWording)} ${block('cons.justification', r.justification)}
      ${block('cons.supporters', r.supporters.map((s) => s.organisationName).join(', '))}
    </dl>
    <p><a class="permalink" href=${ui.href({ remark: r.id })} @click=${(e: MouseEvent) => ui.followLink(e, { remark: r.id })}>${ui.t('cons.remark_link')}<span class="sr"> ${ui.t('cons.remark_on', { target: r.unitLabel ?? ui.t('cons.whole_document') })}</span></a></p>
    ${r.decision
      ? html`<div class="answer">
          <p><strong>${ui.t('cons.decision')}:</strong> ${DECISION_LABELS[r.decision as Decision][lang]}</p>
          ${r.response ? html`<p><strong>${ui.t('cons.response')}:</strong> <span lang=${ui.authorLang}>${r.response}</span></p>` : nothing}
        </div>`
      : nothing}
    ${open
      ? html`<div class="row"><button type="button" class="ngo-secondary" id="support-${i}" @click=${() => ui.open({ kind: 'support', remark: r }, `#support-${i}`)}>${ui.t('cons.support')}</button></div>`
      : nothing}
    ${ui.panel?.kind === 'support' && ui.panel.remark.id === r.id ? ui.form(c) : nothing}
  </article>`;
}
