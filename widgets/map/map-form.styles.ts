import { css } from 'lit';

export const mapFormStyles = css`
  .ngo-root {
    max-width: var(--ngo-map-form-max-width, 48em);
    padding: var(--_ngo-space);
  }
  .title {
    margin-block-end: 0.5em;
  }
  .intro {
    margin-block-end: var(--_ngo-space);
  }
  fieldset {
    display: block;
    min-width: 0;
    margin: 0 0 var(--_ngo-space);
    padding: 0.75em var(--_ngo-space) 0;
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
  }
  fieldset fieldset {
    border: 0;
    padding: 0;
  }
  legend {
    display: block;
    padding: 0 0.25em;
    font-size: 1.1em;
    font-weight: 700;
  }
  fieldset fieldset > legend {
    padding: 0;
    font-size: 1em;
    font-weight: 600;
  }
  legend + .ngo-hint,
  legend + .ngo-error {
    margin-block-end: 0.5em;
  }
  textarea {
    min-height: 7em;
    resize: vertical;
  }
  select {
    appearance: auto;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 0 var(--_ngo-space);
  }
  .checks {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
    gap: 0.25em var(--_ngo-space);
    margin-block: 0.25em var(--_ngo-space);
    padding: 0;
    list-style: none;
  }
  .check {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    font-weight: 400;
    cursor: pointer;
  }
  input[type='checkbox'] {
    display: inline-block;
    flex: none;
    width: 1.25em;
    height: 1.25em;
    min-height: 0;
    margin: 0.15em 0 0;
    padding: 0;
    accent-color: var(--_ngo-accent);
  }
  details {
    display: block;
    border-block-start: 1px solid var(--_ngo-surface);
  }
  summary {
    display: list-item;
    padding: 0.5em 0;
    font-weight: 600;
    cursor: pointer;
  }
  summary .count {
    font-weight: 400;
    color: var(--_ngo-muted);
  }
  .notice {
    max-height: 14em;
    overflow: auto;
    margin-block-end: 0.75em;
    padding: 0.75em;
    background: var(--_ngo-surface);
    border-radius: var(--_ngo-radius);
  }
  .notice p + p {
    margin-block-start: 0.5em;
  }
  .consent {
    margin-block-end: var(--_ngo-space);
  }
  .form-error:not(:empty) {
    margin-block-end: var(--_ngo-space);
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_ngo-danger);
    color: var(--_ngo-danger);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block-start: var(--_ngo-space);
  }
  .hp {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .panel p {
    margin-block-end: 0.75em;
  }
`;
