import { css } from 'lit';

export const consultationStyles = css`
  .ngo-root {
    max-width: var(--ngo-consultation-max-width, 60em);
    padding: var(--_ngo-space);
  }
  h2 {
    font-size: 1.4em;
    overflow-wrap: anywhere;
  }
  h3 {
    margin-block: 1.5em 0.5em;
  }
  h4 {
    margin: 0;
    font-size: 1.05em;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin-block: 0.5em;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border: 1px solid currentColor;
    border-radius: 1em;
    font-weight: 600;
    font-size: 0.9em;
  }
  .s-open {
    color: var(--ngo-consultation-open-color, #146c2e);
  }
  .muted,
  .meta {
    color: var(--_ngo-muted);
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: 0.25em 1em;
    margin: 0.75em 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  @media (max-width: 36em) {
    dl {
      grid-template-columns: 1fr;
    }
    dd {
      margin-block-end: 0.5em;
    }
  }
  .note {
    margin-block: 0.75em;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_ngo-accent);
    background: var(--_ngo-surface);
  }
  ul {
    padding-inline-start: 1.25em;
  }
  .plain {
    list-style: none;
    padding: 0;
  }
  .units > li,
  .remark,
  .item {
    padding-block: 0.75em;
    border-block-end: 1px solid var(--_ngo-surface);
  }
  .units > li {
    padding-inline-start: min(calc(var(--_depth, 0) * 1.25em), 3em);
  }
  .label {
    margin: 0;
    font-size: 1em;
    font-weight: 700;
  }
  .permalink {
    font-size: 0.875em;
    align-self: center;
  }
  .text {
    margin-block: 0.25em;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  a {
    display: inline-block;
    min-height: 1.5em;
    overflow-wrap: anywhere;
  }
  .link {
    display: inline;
    min-height: 2.75em;
    padding: 0.25em 0;
    border: 0;
    background: none;
    color: var(--_ngo-accent);
    font-weight: 700;
    text-align: start;
    text-decoration: underline;
  }
  .back {
    margin-block-end: var(--_ngo-space);
  }
  .answer {
    margin-block-start: 0.5em;
    padding: 0.5em 0.75em;
    background: var(--_ngo-surface);
    border-radius: var(--_ngo-radius);
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 0.5em var(--_ngo-space);
    align-items: end;
  }
  select {
    appearance: auto;
  }
  .panel {
    margin-block: 0.75em;
    padding: var(--_ngo-space);
    border: 2px solid var(--_ngo-accent);
    border-radius: var(--_ngo-radius);
    background: var(--_ngo-bg);
  }
  .panel > p,
  .panel h4 {
    margin-block-end: 0.75em;
  }
  fieldset {
    min-width: 0;
    margin: 0 0 var(--_ngo-space);
    padding: 0.5em 0.75em;
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
  }
  legend {
    padding: 0 0.25em;
    font-weight: 600;
  }
`;
