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
  td,
  th {
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--_ngo-muted);
  }
  textarea {
    min-height: 6em;
  }
  @media (max-width: 30em) {
    dl {
      grid-template-columns: 1fr;
    }
  }
`;
