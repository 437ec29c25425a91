import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import type { ConsultationStatus } from '../../common/consultations.js';
import { formatDateTime } from '../core/i18n/index.js';
import { reportUrl, type ConsultationDetail, type ConsultationUnit, type PublicRemark } from './consultations.api.js';
import type { ConsultationKey } from './consultations.i18n.js';
import { remarkList } from './consultations.remarks.js';
import { badge, dates, scope, statusOf, type ConsultationUi, type ViewTask } from './consultations.ui.js';

/**
 * One consultation: its header (dates, status and time left, the report once published), the
 * document as numbered units with their "Comment" buttons and remark counts, then the remarks.
 */
export function consultationView(ui: ConsultationUi, c: ConsultationDetail, remarks: ViewTask<PublicRemark[] | null>): TemplateResult {
  const s = statusOf(ui, c);
  const open = s === 'open';
  const row = (key: ConsultationKey, value: unknown) => html`<dt>${ui.t(key)}</dt><dd>${value}</dd>`;
  return html`${ui.back()}
    <header part="header">
      <${ui.h(0)} id="title" tabindex="-1" lang=${ui.authorLang}>${c.title}</${ui.h(0)}>
      <div class="row">${badge(ui, c)}</div>
      <dl lang=${ui.authorLang}>
        ${row('cons.period', dates(ui, c))} ${row('cons.subject', c.subject)} ${row('cons.goal', c.goal)}
        ${row('cons.unit_name', c.unitName)} ${row('cons.legal_basis', c.legalBasis)} ${row('cons.scope', scope(ui, c))}
      </dl>
      <p class="note">${ui.t(c.audience === 'ngo' ? 'cons.audience.ngo' : 'cons.audience.all')}</p>
      ${c.attachments.length
        ? html`<${ui.h(1)}>${ui.t('cons.attachments')}</${ui.h(1)}>
            <ul>${c.attachments.map((a) => html`<li><a href=${/^https?:/i.test(a.url) ? a.url : '#'} target="_blank" rel="noopener">${a.title}</a></li>`)}</ul>`
        : nothing}
      ${phase(ui, c, s)}
    </header>
    ${documentView(ui, c, open)} ${s === 'planned' ? nothing : remarkList(ui, c, s, remarks)}`;
}

function phase(ui: ConsultationUi, c: ConsultationDetail, s: ConsultationStatus): TemplateResult | typeof nothing {
  const { lang } = ui;
  if (s === 'planned') return html`<p class="note">${ui.t('cons.not_started', { date: formatDateTime(lang, c.startsAt) })}</p>`;
  if (s === 'open') return nothing;
  return html`<div class="note">
    <p>${ui.t('cons.ended', { date: formatDateTime(lang, c.endsAt) })}</p>
    ${s === 'reported'
      ? html`<${ui.h(1)}>${ui.t('cons.report')}</${ui.h(1)}>
          <ul>
            <li><a href=${reportUrl(ui.api, c.id, 'html', lang)} target="_blank" rel="noopener">${ui.t('cons.report_html')}</a></li>
            <li><a href=${reportUrl(ui.api, c.id, 'csv', lang)} download>${ui.t('cons.report_csv')}</a></li>
            <li><a href=${reportUrl(ui.api, c.id, 'docx', lang)} download>${ui.t('cons.report_docx')}</a></li>
          </ul>`
      : html`<p>${ui.t('cons.awaiting_report')}</p>`}
  </div>`;
}

function documentView(ui: ConsultationUi, c: ConsultationDetail, open: boolean): TemplateResult {
  const isPanel = (unit: ConsultationUnit | null) => ui.panel?.kind === 'remark' && ui.panel.unit?.id === unit?.id;
  const counts = (n: number, unit: string, label: string) =>
    n ? html`<button type="button" class="ngo-secondary" @click=${() => ui.showRemarksFor(unit)}>${ui.t('cons.show_remarks', { count: n })}<span class="sr"> (${label})</span></button>`
      : html`<span class="muted">${ui.t('cons.no_remarks_unit')}</span>`;
  const whole = ui.t('cons.whole_document');
  return html`<section aria-labelledby="doc-title">
    <${ui.h(1)} id="doc-title">${ui.t('cons.document')}</${ui.h(1)}>
    ${open ? html`<p class="muted">${ui.t('cons.document_hint')}</p>` : nothing}
    <div class="row">
      ${open ? html`<button type="button" id="comment-doc" part="comment-button" @click=${() => ui.open({ kind: 'remark', unit: null }, '#comment-doc')}>${ui.t('cons.comment_document')}</button>` : nothing}
      ${counts(c.documentRemarkCount, 'document', whole)}
    </div>
    ${isPanel(null) ? ui.form(c) : nothing}
    ${c.units.length
      ? html`<ul class="plain units" part="units">
          ${c.units.map(
            // A property, not a style attribute: a host CSP without 'unsafe-inline' for styles refuses those.
            (u, i) => html`<li .style=${`--_depth:${u.depth}`}>
              <${ui.h(2)} class="label" id="unit-${i}" data-unit=${u.id} tabindex="-1" lang=${ui.authorLang}>${u.label}</${ui.h(2)}>
              <p class="text" lang=${ui.authorLang}>${u.text}</p>
              <div class="row">
                ${open
                  ? html`<button type="button" id="comment-${i}" part="comment-button" @click=${() => ui.open({ kind: 'remark', unit: u }, `#comment-${i}`)}>${ui.t('cons.comment')}<span class="sr"> ${u.label}</span></button>`
                  : nothing}
                ${counts(u.remarkCount, u.id, u.label)}
                <a class="permalink" href=${ui.href({ unit: u.id })} @click=${(e: MouseEvent) => ui.followLink(e, { unit: u.id })}>${ui.t('cons.link')}<span class="sr"> ${u.label}</span></a>
              </div>
              ${isPanel(u) ? ui.form(c) : nothing}
            </li>`,
          )}
        </ul>`
      : html`<p>${ui.t('cons.document_empty')}</p>`}
  </section>`;
}
