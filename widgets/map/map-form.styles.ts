import { css } from 'lit';
import { formSectionStyles } from '../core/form-sections.styles.js';

/** Styles of the map's forms, after the core form sections. */
export const mapFormStyles = css`
  ${formSectionStyles}
  .ngo-root {
    max-width: var(--ngo-map-form-max-width, 48em);
  }
  legend {
    display: block;
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
  select {
    appearance: auto;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 0 var(--_ngo-space);
  }
  /* Long lists of ticks stay compact; each row is still a full-width click target. */
  .checks .ngo-check {
    min-height: 0;
    padding-block: 0.2em;
  }
  .checks {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
    gap: 0.25em var(--_ngo-space);
    margin-block: 0.25em var(--_ngo-space);
    padding: 0;
    list-style: none;
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
  .panel p {
    margin-block-end: 0.75em;
  }
`;
