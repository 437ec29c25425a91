import { nothing, type TemplateResult } from 'lit';
import { html, literal, type StaticValue } from 'lit/static-html.js';
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
 * with a spoken "added"/"removed"), for readers in `<ngo-guide>` and for staff in `ngo-admin-guide`;
 * each field's name is a `heading` (`h5` unless the caller's outline says otherwise).
 */
export function renderDiffFields(d: GuideDiff, lang: Lang, l: DiffLabels, heading: StaticValue = literal`h5`): TemplateResult {
  const changed = d.fields.filter((f) => f.changed);
  return changed.length
    ? html`${changed.map(
        (f) => html`<${heading}>${l.field[f.field]}</${heading}>
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
