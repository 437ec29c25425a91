import { html, type TemplateResult } from 'lit';
import type { RespondentGroup } from '../../common/surveys.js';
import { GROUP_LABELS, RESPONDENT_GROUPS } from '../../common/surveys.js';
import { formatDate, formatNumber, type Lang } from '../core/i18n/index.js';
import type { ColumnId } from './surveys.admin.api.js';
import { tSurveysAdmin as t } from './surveys.admin.i18n.js';

/** Small templates and formats the parts of the surveys section share. */
export const groupLabel = (g: RespondentGroup, lang: Lang) => GROUP_LABELS[g][lang];
export const columnLabel = (c: ColumnId, lang: Lang) => (c === 'all' ? t(lang, 'all') : GROUP_LABELS[c][lang]);
/** A civil date (`YYYY-MM-DD`) in words, at noon UTC so no time zone moves it. */
export const day = (lang: Lang, d: string) => formatDate(lang, `${d}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
/** A cell of the results: the score, "n < 5" or "no data". */
export const cellText = (lang: Lang, c: { score: number | null; suppressed: string | null } | undefined) =>
  !c ? t(lang, 'no_data') : c.suppressed ? t(lang, 'suppressed') : c.score === null ? t(lang, 'no_data') : formatNumber(lang, c.score);

/** A `<select>` of the respondent groups. */
export function groupSelect(id: string, label: string, value: RespondentGroup, lang: Lang, set: (g: RespondentGroup) => void): TemplateResult {
  return html`<div class="ngo-field">
    <label class="ngo-label" for=${id}>${label}</label>
    <select id=${id} @change=${(e: Event) => set((e.target as HTMLSelectElement).value as RespondentGroup)}>
      ${RESPONDENT_GROUPS.map((g) => html`<option value=${g} ?selected=${g === value}>${groupLabel(g, lang)}</option>`)}
    </select>
  </div>`;
}

