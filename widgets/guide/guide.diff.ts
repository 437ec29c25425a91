import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../core/i18n/index.js';
import type { GuideDiff } from './guide.api.js';

/** What the diff view says around the changes, in the reader's (or staff member's) language. */
export interface DiffLabels {
  field: Record<GuideDiff['fields'][number]['field'], string>;
  added: string;
  removed: string;
  none: string;
}

/**
 * The changed fields of a diff between two versions, as readable text with `<ins>`/`<del>` (each
 * with a spoken "added"/"removed"), for readers in `<ngo-guide>` and for staff in `ngo-admin-guide`.
 */
export function renderDiffFields(d: GuideDiff, lang: Lang, l: DiffLabels): TemplateResult {
  const changed = d.fields.filter((f) => f.changed);
  return changed.length
    ? html`${changed.map(
        (f) => html`<h5>${l.field[f.field]}</h5>
          <p class="diff" lang=${d.lang !== lang ? d.lang : nothing}>
            ${f.segments.map((s) =>
              s.op === 'added'
                ? html`<ins><span class="ngo-sr">${l.added} </span>${s.text}</ins>`
                : s.op === 'removed'
                  ? html`<del><span class="ngo-sr">${l.removed} </span>${s.text}</del>`
                  : s.text,
            )}
          </p>`,
      )}`
    : html`<p>${l.none}</p>`;
}
