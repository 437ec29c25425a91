import { css } from 'lit';
import { formSectionStyles } from '../core/form-sections.styles.js';

/** Styles of the advice widgets (the form and the status page), after the core form sections. */
export const adviceStyles = css`
  ${formSectionStyles}
  .ngo-root {
    max-width: var(--ngo-advice-max-width, 48em);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.25em;
    margin-block-end: 0.5em;
  }
  .topic .topic-name {
    font-weight: 600;
  }
  .topic .ngo-hint {
    display: block;
  }
  .warning {
    margin-block: 0 var(--_ngo-space);
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_ngo-accent);
    background: var(--_ngo-surface);
  }
  .related {
    margin-block-end: var(--_ngo-space);
    padding: 0.5em 0.75em;
    background: var(--_ngo-surface);
    border-radius: var(--_ngo-radius);
  }
  .related h3 {
    margin: 0 0 0.25em;
    font-size: 1em;
  }
  .related ul {
    margin: 0 0 0.5em;
    padding-inline-start: 1.25em;
  }
  .done .number,
  .case-number {
    font-size: 1.25em;
    font-weight: 700;
  }
  .thread {
    list-style: none;
    margin: 0 0 var(--_ngo-space);
    padding: 0;
  }
  .thread li {
    margin-block-end: 0.75em;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_ngo-border);
    background: var(--_ngo-surface);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .thread li.staff {
    border-inline-start-color: var(--_ngo-accent);
  }
  .meta {
    color: var(--_ngo-muted);
    font-size: 0.9em;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
    margin-block: 0 var(--_ngo-space);
  }
  dl.facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .question {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  section + section {
    margin-block-start: var(--_ngo-space);
  }
  a {
    color: var(--_ngo-accent);
  }
`;
