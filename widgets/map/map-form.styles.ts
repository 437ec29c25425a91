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
  .pick-map {
    height: 280px;
    margin-block: 0.5em;
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
    /* A crosshair says "click to place"; touch screens tap. */
    cursor: crosshair;
  }
  .pick-map + button {
    margin-block-end: var(--_ngo-space);
  }
  .ngo-pick {
    width: 28px;
    height: 28px;
    border-radius: 50% 50% 50% 0;
    transform: rotate(-45deg);
    background: #b00020;
    border: 2px solid #fff;
    box-shadow: 0 0 0 1px #1b1b1b;
    cursor: grab;
  }
  .leaflet-container :focus-visible,
  .ngo-pick:focus-visible {
    outline: 3px solid #1a5fb4;
    outline-offset: 2px;
  }
  .leaflet-container {
    font: 12px/1.5 system-ui, sans-serif;
  }
`;
