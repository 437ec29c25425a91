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

/** `<ngo-survey>`: the pages, the progress bar, the review and the notices. */
export const surveyStyles = css`
  .survey {
    max-width: var(--ngo-survey-max-width, 48em);
    padding: var(--_ngo-space);
  }
  .survey h2 {
    margin-block-end: 0.75em;
  }
  .survey h3 {
    margin-block: 0.5em 0.75em;
  }
  .intro p,
  .review > p {
    margin-block-end: 0.75em;
  }
  .section-intro {
    margin-block-end: var(--_ngo-space);
  }
  .progress {
    display: grid;
    gap: 0.25em;
    margin-block-end: var(--_ngo-space);
    color: var(--_ngo-muted);
  }
  progress {
    appearance: none;
    width: 100%;
    height: 0.75em;
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
    background: var(--_ngo-surface);
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: var(--_ngo-surface);
  }
  progress::-webkit-progress-value {
    background: var(--_ngo-accent);
  }
  progress::-moz-progress-bar {
    background: var(--_ngo-accent);
  }
  .notice {
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_ngo-accent);
    background: var(--_ngo-surface);
    margin-block-end: var(--_ngo-space);
  }
  .notice:focus {
    outline: none;
  }
  .notice:focus-visible {
    box-shadow: var(--_ngo-focus);
  }
  .notice.ok {
    border-color: #146c2e;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .nav {
    border-block-start: 1px solid var(--_ngo-border);
    padding-block-start: var(--_ngo-space);
  }
  .nav .save {
    margin-inline-start: auto;
  }
  .review-section {
    border-block-end: 1px solid var(--_ngo-border);
    padding-block: 0.5em var(--_ngo-space);
  }
  .review-section h4 {
    margin-block: 0.5em;
    font-size: 1.05em;
  }
  .review dl {
    margin: 0 0 0.75em;
  }
  .review dt {
    font-weight: 600;
    margin-block-start: 0.5em;
  }
  .review dd {
    margin: 0.1em 0 0;
    white-space: pre-line;
  }
  .muted {
    color: var(--_ngo-muted);
    font-style: italic;
  }
`;

/** `<ngo-survey-results>`: blocks, the disclosures of the data tables, the selects of the gap chart. */
export const resultsStyles = css`
  .results {
    max-width: var(--ngo-survey-results-max-width, 60em);
    padding: var(--_ngo-space);
  }
  .results h2 {
    margin-block-end: 0.5em;
  }
  .results h3 {
    margin-block: calc(var(--_ngo-space) * 1.5) 0.5em;
  }
  .results h4 {
    margin-block: 0.75em 0.25em;
    font-size: 1.05em;
  }
  .block {
    border-block-start: 1px solid var(--_ngo-border);
  }
  .chart-box {
    margin-block: 0.5em;
  }
  details.table {
    margin-block: 0.5em var(--_ngo-space);
  }
  details.table summary {
    cursor: pointer;
    color: var(--_ngo-accent);
    font-weight: 600;
    min-height: 2.75em;
    display: flex;
    align-items: center;
  }
  details.table summary:focus-visible {
    outline: none;
    box-shadow: var(--_ngo-focus);
  }
  .scroll {
    overflow-x: auto;
  }
  .scroll:focus-visible {
    outline: none;
    box-shadow: var(--_ngo-focus);
  }
  table.data caption {
    text-align: start;
    font-weight: 600;
    padding-block: 0.25em;
  }
  table.respondents {
    max-width: 32em;
  }
  .pair {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    border: 0;
    padding: 0;
    margin: 0;
  }
  .pair legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.25em;
  }
  .ngo-field {
    display: grid;
    gap: 0.25em;
    margin-block-end: 0.5em;
    min-width: min(100%, 14em);
  }
  .ngo-field label {
    font-weight: 600;
  }
  .indicators {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
    gap: 0.5em 1em;
    margin: 0;
  }
  .indicators div {
    padding: 0.5em 0.75em;
    background: var(--_ngo-surface);
    border-radius: var(--_ngo-radius);
  }
  .indicators dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
  }
  .recs {
    padding-inline-start: 1.25em;
  }
  .recs li {
    margin-block-end: 0.5em;
  }
  .notice {
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_ngo-accent);
    background: var(--_ngo-surface);
  }
`;

/** The previous edition's recommendations on the survey's start page. */
export const lastYearStyles = css`
  .last-year {
    margin-block: var(--_ngo-space);
    padding: 0.75em 1em;
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
  }
  .last-year ul {
    padding-inline-start: 1.25em;
  }
  .last-year li {
    margin-block-start: 0.5em;
  }
  .last-year p {
    margin: 0;
  }
`;
