import { css } from 'lit';

/**
 * What every staff-panel section shares (the staff-section kit): tables, tabs, link-like and danger
 * buttons, rows of controls, boxes, definition lists, the action error line, the loading and empty
 * states. `StaffSection` includes them; a section adds its own styles after these.
 */
export const staffSectionStyles = css`
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    color: var(--_ngo-muted);
    padding-block-end: 0.5em;
  }
  th,
  td {
    text-align: start;
    padding: 0.4em 0.6em;
    border-block-end: 1px solid var(--_ngo-border);
    vertical-align: top;
  }
  th {
    background: var(--_ngo-surface);
  }
  .more {
    margin-block-start: var(--_ngo-space);
  }

  h4 {
    font-size: 1.125em;
    margin: 0 0 0.5em;
  }
  h5 {
    font-size: 1em;
    margin: 0 0 0.5em;
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    border-block-end: 1px solid var(--_ngo-border);
    margin-block-end: var(--_ngo-space);
  }
  [role='tab'] {
    background: var(--_ngo-bg);
    color: var(--_ngo-accent);
    border-color: transparent;
    border-radius: var(--_ngo-radius) var(--_ngo-radius) 0 0;
  }
  [role='tab'][aria-selected='true'] {
    border-color: var(--_ngo-border);
    border-block-end: 4px solid var(--_ngo-accent);
    font-weight: 700;
  }
  button.link {
    display: inline;
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_ngo-accent);
    text-decoration: underline;
    text-align: start;
    font-weight: 600;
  }
  button.danger {
    background: var(--_ngo-danger);
    border-color: var(--_ngo-danger);
  }
  /* A link-like danger button (remove, retire): red text, no fill (the fill under the link colour failed contrast). */
  button.link.danger {
    background: none;
    color: var(--_ngo-danger);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5em var(--_ngo-space);
  }
  .row .ngo-field {
    flex: 1 1 14em;
    margin: 0;
  }
  .ngo-part {
    display: block;
  }
  .panel > * + *,
  .panel > .ngo-part > * + * {
    margin-block-start: var(--_ngo-space);
  }
  .box {
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
    padding: var(--_ngo-space);
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: 0.25em 1em;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  /* Words wrap whole: 'break-word' (unlike 'anywhere') leaves a cell's minimum width at its longest
     word, so the table's layout never squeezes a column into single letters. A word longer than the
     cell (an e-mail address) still breaks rather than overflow. */
  td,
  th {
    overflow-wrap: break-word;
    word-break: normal;
    hyphens: manual;
  }
  .muted {
    color: var(--_ngo-muted);
  }
  textarea {
    min-height: 6em;
  }
  /* Narrow screens (table.stack): each row of a table is a card, its cells labelled from their data-label (the column heading). */
  @media (max-width: 40em) {
    table.stack thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table.stack tr,
    table.stack td,
    table.stack tbody th {
      display: block;
    }
    table.stack tbody th {
      border: 0;
      background: none;
    }
    table.stack td {
      border: 0;
      padding-block: 0.15em;
    }
    table.stack tr {
      border-block-end: 1px solid var(--_ngo-border);
      padding-block: 0.5em;
    }
    table.stack td[data-label]:not(:empty)::before,
    table.stack th[data-label]:not(:empty)::before {
      content: attr(data-label) ': ';
      color: var(--_ngo-muted);
    }
    table.stack td:empty {
      display: none;
    }
  }
  @media (max-width: 30em) {
    dl {
      grid-template-columns: 1fr;
    }
  }
`;
