import { css } from 'lit';

/** The guide section's own styles, after the staff-section kit's and the article body's. */
export const guideAdminStyles = css`
  .heading-row {
    justify-content: space-between;
    align-items: center;
  }
  .muted,
  .meta {
    color: var(--_ngo-muted);
  }
  .due {
    color: var(--_ngo-danger);
  }
  tr.in_force td:first-child {
    font-weight: 700;
  }
  .box {
    margin-block: var(--_ngo-space);
  }
  .langs .row {
    gap: 0.5em;
  }
  [aria-pressed='true'] {
    background: var(--_ngo-accent);
    color: var(--_ngo-accent-text);
  }
  .editor-grid {
    display: grid;
    gap: var(--_ngo-space);
    grid-template-columns: minmax(0, 1fr);
  }
  @media (min-width: 60em) {
    .editor-grid {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }
  }
  .editor-fields textarea {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  .preview {
    min-width: 0;
  }
  .preview-title {
    font-size: 1.25em;
    font-weight: 700;
    margin: 0.5em 0;
  }
  .feedback {
    padding-inline-start: 1.25em;
  }
  .feedback li + li {
    margin-block-start: 0.5em;
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0 0 0.75em;
  }
  .diff-result {
    margin-block-end: var(--_ngo-space);
  }
`;
