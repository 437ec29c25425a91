import { css } from 'lit';

export const consultationsAdminStyles = css`
  .ngo-root > * + * {
    margin-block-start: var(--_ngo-space);
  }
  h4 {
    font-size: 1.125em;
    margin: 0;
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
  .panel > * + *,
  form > * + * {
    margin-block-start: var(--_ngo-space);
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
  .row.spread {
    justify-content: space-between;
    align-items: center;
  }
  .row .ngo-field {
    flex: 1 1 14em;
    margin: 0;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  fieldset.box,
  .box {
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
    padding: var(--_ngo-space);
  }
  .attachment + .attachment,
  .attachment + button,
  .attachments p + button {
    margin-block-start: var(--_ngo-space);
  }
  label.check {
    display: flex;
    gap: 0.5em;
    align-items: center;
    min-height: 2.75em;
  }
  label.check input {
    width: 1.25em;
    min-height: 1.25em;
    flex: none;
  }
  textarea {
    min-height: 6em;
  }
  #document {
    min-height: 16em;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: 0.25em 1em;
    margin: 0 0 var(--_ngo-space);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .text {
    white-space: pre-wrap;
  }
  .units {
    padding: 0;
    list-style: none;
  }
  .units li {
    padding-inline-start: calc(var(--_depth, 0) * 1.5em);
    margin-block-end: 0.25em;
  }
  .muted,
  .state {
    color: var(--_ngo-muted);
  }
  .state.saved {
    color: var(--_ngo-text);
    font-weight: 600;
  }
  .form-error:not(:empty) {
    border-inline-start: 4px solid var(--_ngo-danger);
    padding: 0.5em 0.75em;
    color: var(--_ngo-danger);
    font-weight: 600;
  }
  .ngo-root > .form-error:empty {
    margin: 0;
  }
  td,
  th {
    overflow-wrap: anywhere;
  }
  @media (max-width: 30em) {
    dl {
      grid-template-columns: 1fr;
    }
  }
`;
