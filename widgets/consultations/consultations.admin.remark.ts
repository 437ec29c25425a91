import { html, nothing } from 'lit';
import { AUTHOR_TYPE_LABELS } from '../../common/consultations.js';
import { formatDateTime, type Lang } from '../core/i18n/index.js';
import type { StaffRemark } from './consultations.admin.api.js';
import { tConsultationsAdmin as t } from './consultations.admin.i18n.js';

/** Templates the consultations section's parts share: a remark as staff read it, a period, a row selector. */

export const byId = (id: string) => `[data-id="${CSS.escape(id)}"]`;

export const period = (lang: Lang, c: { startsAt: string; endsAt: string }) =>
  t(lang, 'period', { start: formatDateTime(lang, c.startsAt), end: formatDateTime(lang, c.endsAt) });

export const remarkHeading = (lang: Lang, r: StaffRemark) => (r.unitLabel ? t(lang, 'remark.unit', { unit: r.unitLabel }) : t(lang, 'remark.document'));

/** What a remark says and who sent it; every value is user text, rendered as text. */
export function remarkBody(lang: Lang, r: StaffRemark) {
  const author = [AUTHOR_TYPE_LABELS[r.authorType][lang], r.organisationName, r.krs && t(lang, 'remark.krs', { krs: r.krs })].filter(Boolean).join(', ');
  return html`<dl>
    ${r.currentWording ? html`<dt>${t(lang, 'remark.current')}</dt><dd class="text">${r.currentWording}</dd>` : nothing}
    ${r.proposedWording ? html`<dt>${t(lang, 'remark.proposed')}</dt><dd class="text">${r.proposedWording}</dd>` : nothing}
    <dt>${t(lang, 'remark.justification')}</dt><dd class="text">${r.justification}</dd>
    <dt>${t(lang, 'remark.author')}</dt><dd>${author}</dd>
    <dt>${t(lang, 'remark.contact')}</dt><dd>${r.contactName} (<a href="mailto:${r.contactEmail}">${r.contactEmail}</a>)</dd>
    <dt>${t(lang, 'remark.supporters')}</dt><dd>${r.supporters.map((s) => s.organisationName).join(', ') || t(lang, 'remark.supporters.none')}</dd>
    <dt>${t(lang, 'remark.date')}</dt><dd><time datetime=${r.createdAt}>${formatDateTime(lang, r.createdAt)}</time></dd>
  </dl>`;
}
