import { css } from 'lit';

/** Questions: one fieldset per item; the Likert points side by side when there is room, a list when not. */
export const itemStyles = css`
  :host {
    container-type: inline-size;
  }
  fieldset.item {
    border: 0;
    padding: 0;
    margin: 0 0 calc(var(--_ngo-space) * 1.5);
    min-width: 0;
  }
  .item {
    margin-block-end: calc(var(--_ngo-space) * 1.5);
  }
  .item-text {
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.5em;
  }
  .item .ngo-hint,
  .item .ngo-error {
    margin-block-end: 0.5em;
  }
  .ngo-error {
    color: var(--_ngo-danger);
    font-weight: 600;
  }
  .scale {
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr)) minmax(0, 1.1fr);
    gap: 0.25em;
  }
  .point {
    display: flex;
    flex-direction: column;
    align-items: center;
    text-align: center;
    gap: 0.2em;
    padding: 0.5em 0.25em;
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
    cursor: pointer;
    font-size: 0.9em;
    line-height: 1.25;
  }
  .point:has(input:checked) {
    border-color: var(--_ngo-accent);
    box-shadow: inset 0 0 0 2px var(--_ngo-accent);
    background: var(--_ngo-surface);
  }
  .point.hard-to-say {
    border-style: dashed;
    margin-inline-start: 0.5em;
  }
  .num {
    font-weight: 700;
  }
  .options {
    display: grid;
    gap: 0.35em;
  }
  .option {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    cursor: pointer;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.25em;
    height: 1.25em;
    margin: 0.1em 0 0;
    accent-color: var(--_ngo-accent);
    flex: none;
  }
  input:focus-visible,
  textarea:focus-visible {
    outline: none;
    box-shadow: var(--_ngo-focus);
  }
  textarea,
  input[type='text'] {
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
    padding: 0.4em 0.5em;
    background: var(--_ngo-bg);
    max-width: 100%;
  }
  textarea {
    width: 100%;
  }
  .number {
    display: inline-flex;
    gap: 0.5em;
    align-items: center;
  }
  @container (max-width: 36em) {
    .scale {
      grid-template-columns: 1fr;
    }
    .point {
      flex-direction: row;
      text-align: start;
      align-items: center;
      gap: 0.6em;
    }
    .point.hard-to-say {
      margin-inline-start: 0;
      margin-block-start: 0.4em;
    }
    .num {
      min-width: 1ch;
    }
  }
`;

/** Charts and their data tables. */
export const chartStyles = css`
  .chart {
    display: block;
    max-width: 100%;
    height: auto;
    overflow: visible;
  }
  table.data {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.95em;
  }
  table.data th,
  table.data td {
    border-block-end: 1px solid var(--_ngo-border);
    padding: 0.3em 0.5em;
    text-align: start;
    vertical-align: top;
  }
  table.data td.num,
  table.data th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .suppressed {
    color: var(--_ngo-muted);
    font-style: italic;
  }
`;
