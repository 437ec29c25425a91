import { css } from 'lit';

export const adminStyles = css`
  .ngo-root {
    max-width: var(--ngo-admin-max-width, 72em);
    padding: var(--_ngo-space);
  }
  form {
    max-width: 28em;
  }
  .title {
    margin-block-end: var(--_ngo-space);
  }
  .form-error {
    border-inline-start: 4px solid var(--_ngo-danger);
    padding: 0.5em 0.75em;
    margin-block-end: var(--_ngo-space);
    color: var(--_ngo-danger);
    font-weight: 600;
  }
  .form-error:empty {
    border: 0;
    padding: 0;
    margin: 0;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em var(--_ngo-space);
    padding-block-end: 0.75em;
    margin-block-end: var(--_ngo-space);
    border-block-end: 1px solid var(--_ngo-border);
  }
  .who {
    color: var(--_ngo-muted);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(10em, 14em) 1fr;
    gap: var(--_ngo-space);
    align-items: start;
  }
  @media (max-width: 40em) {
    .layout {
      grid-template-columns: 1fr;
    }
  }
  nav ul {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.25em;
  }
  nav button {
    width: 100%;
    justify-content: flex-start;
    background: var(--_ngo-bg);
    color: var(--_ngo-accent);
    border-color: transparent;
    font-weight: 400;
  }
  nav button[aria-current='page'] {
    background: var(--_ngo-surface);
    border-color: var(--_ngo-accent);
    border-inline-start-width: 4px;
    font-weight: 700;
  }
  .section h3 {
    margin-block-end: 0.75em;
  }
`;

/** Styles of the built-in sections: a readable, scrollable table. */
/**
 * What every staff-panel section shares: tables, tabs, link-like and danger buttons, rows of
 * controls, boxes, definition lists, the action error line. A section adds its own styles after these.
 */
export const sectionStyles = css`
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
  .panel > * + * {
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
  .form-error:not(:empty) {
    border-inline-start: 4px solid var(--_ngo-danger);
    padding: 0.5em 0.75em;
    color: var(--_ngo-danger);
    font-weight: 600;
  }
  @media (max-width: 30em) {
    dl {
      grid-template-columns: 1fr;
    }
  }
`;
