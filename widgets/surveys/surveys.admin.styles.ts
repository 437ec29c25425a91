import { css } from 'lit';

/** The surveys section's own styles, after the kit's `staffSectionStyles`. */
export const surveysAdminStyles = css`
  .pickers {
    align-items: end;
    margin-block-end: var(--_ngo-space);
  }
  .survey-title {
    margin-block-end: 0.5em;
  }
  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .suppressed {
    color: var(--_ngo-muted);
    font-style: italic;
  }
  .checks {
    border: 0;
    padding: 0;
    margin: 0 0 var(--_ngo-space);
  }
  .checks legend {
    font-weight: 600;
    padding: 0;
  }
  .issues {
    color: var(--_ngo-danger);
  }
  .issues code {
    font-weight: 600;
  }
  textarea.document {
    font-family: ui-monospace, monospace;
    min-height: 12em;
  }
  section + section {
    margin-block-start: calc(var(--_ngo-space) * 1.5);
  }
`;
