import { css } from 'lit';

/**
 * An article's body as the API renders it (tables, callouts) and the diff between versions: for
 * readers in `<ngo-guide>` and for the staff preview in `ngo-admin-guide`.
 */
export const articleBodyStyles = css`
  :host {
    --_ngo-callout: var(--ngo-guide-callout-bg, #fff6dd);
  }
  /* break-word, not anywhere: a long address still wraps, but a table's columns are never
     narrower than their longest word ('anywhere' let them shrink until words split mid-letter). */
  .body {
    overflow-wrap: break-word;
  }
  .body > * + * {
    margin-top: 0.75em;
  }
  .body table {
    display: block;
    overflow-x: auto;
    border-collapse: collapse;
  }
  .body th,
  .body td {
    border: 1px solid var(--_ngo-border);
    padding: 0.25em 0.5em;
    text-align: start;
    vertical-align: top;
  }
  .body blockquote,
  .callout {
    margin: 0.75em 0;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_ngo-muted);
    background: var(--_ngo-surface);
  }
  .body blockquote.callout-deadline,
  .body blockquote.callout-warning,
  .callout-deadline {
    border-color: #8a5a00;
    background: var(--_ngo-callout);
  }
  .body blockquote.callout-info {
    border-color: var(--_ngo-accent);
  }
  ins {
    background: #dff3e4;
    text-decoration: underline;
  }
  del {
    background: #fbe3e4;
    text-decoration: line-through;
  }
  .diff {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;

export const guideStyles = css`
  .ngo-root {
    display: flex;
    flex-direction: column;
    gap: var(--_ngo-space);
  }
  .view {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
    min-width: 0;
  }
  .title {
    font-size: 1.5em;
  }
  h3 {
    font-size: 1.2em;
    margin-top: 0.75em;
  }
  h4,
  h5 {
    font-size: 1.05em;
    margin: 0.5em 0 0;
  }
  .search {
    padding: 0.75em;
    background: var(--_ngo-surface);
    border-radius: var(--_ngo-radius);
  }
  .search-row {
    display: flex;
    gap: 0.5em;
  }
  .search-row input {
    flex: 1;
    min-width: 0;
  }
  .hint,
  .dates,
  .kind {
    font-size: 0.875em;
    color: var(--_ngo-muted);
  }
  .hint {
    margin: 0 0 0.25em;
  }
  .kind {
    display: block;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .dates {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
  }
  .lead {
    font-size: 1.1em;
    font-weight: 600;
  }
  .note {
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_ngo-accent);
    background: var(--_ngo-surface);
  }
  ul,
  ol {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .articles,
  .results,
  .cards,
  .print-links,
  .crumbs ol {
    list-style: none;
    padding: 0;
  }
  .articles li,
  .results li {
    padding: 0.5em 0;
    border-bottom: 1px solid var(--_ngo-surface);
  }
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(15em, 1fr));
    gap: 0.75em;
  }
  .card {
    padding: 0.75em;
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
  }
  .articles a,
  .results a,
  .card a {
    font-weight: 600;
  }
  a {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
  }
  .body a,
  .snippet a,
  p a {
    display: inline;
    min-height: 0;
  }
  .summary,
  .snippet {
    margin: 0;
  }
  mark {
    background: #ffe58a;
    color: inherit;
    font-weight: 600;
  }
  .crumbs ol {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  .crumbs li + li::before {
    content: '›';
    margin-inline-end: 0.5em;
    color: var(--_ngo-muted);
  }
  .callout-label {
    display: block;
  }
  [aria-pressed='true'] {
    background: var(--_ngo-accent);
    color: var(--_ngo-accent-text);
  }
  .version-pick {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .version-pick select {
    width: auto;
    flex: 1 1 12em;
  }
  .versions > button {
    margin-top: 0.5em;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .print-links {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
  }
  fieldset {
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
    margin: 0;
    padding: 0.5em 0.75em 0.75em;
    min-width: 0;
  }
  legend h3 {
    margin: 0;
  }
  .choices {
    display: flex;
    gap: 1.5em;
  }
  .feedback,
  .question {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.5em;
  }
  .feedback > fieldset,
  .question > fieldset,
  .feedback textarea {
    align-self: stretch;
  }
  .trail ol {
    padding-inline-start: 1.25em;
  }
  .trail .change {
    display: inline-flex;
    margin-inline-start: 0.5em;
  }
  .steps {
    counter-reset: none;
    list-style: none;
    padding: 0;
  }
  .step {
    padding: 0.75em 0 0.75em 1em;
    border-inline-start: 3px solid var(--_ngo-accent);
    margin-bottom: 0.75em;
  }
  .step h3 {
    margin-top: 0;
  }
  .step-no {
    display: block;
    font-size: 0.8em;
    color: var(--_ngo-muted);
  }
  .outcome {
    padding: 0.75em;
    border: 2px solid var(--_ngo-accent);
    border-radius: var(--_ngo-radius);
  }
  .outcome h3 {
    margin-top: 0;
  }
  @media print {
    .no-print,
    .search,
    .crumbs {
      display: none !important;
    }
    .ngo-root {
      color: #000;
    }
    a {
      color: #000;
      text-decoration: none;
      min-height: 0;
    }
    .dates {
      color: #000;
    }
  }
`;
